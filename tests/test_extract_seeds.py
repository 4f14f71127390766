"""The user's two seed articles in raw/: every required quote with its speaker, role,
organisation and event, and no title coming out as a quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotedb.extract import extract
from quotedb.read import read_paths

RAW = Path(__file__).resolve().parent.parent / "raw"
SYMPOSIUM = ("fifth international symposium on counterterrorism, deradicalization and promotion "
             "and protection of human rights")
SESSION = "43rd regular session"
GENEVA_SYMPOSIUM = "international symposium on anti-terrorism, de-radicalization and human rights protection"
SEMINAR = "seminar on immigrant children\u2019s rights"

pytestmark = pytest.mark.skipif(not (RAW / "002_c034185700e5ca44.txt").exists(), reason="seed files not in raw/")


def quotes_of(name: str):
    (article,) = read_paths([RAW / name])
    return extract(article).quotes


@pytest.fixture(scope="module")
def chongqing():
    return quotes_of("000_e70b3ffb2fb9e4ef.txt")


@pytest.fixture(scope="module")
def geneva():
    return quotes_of("002_c034185700e5ca44.txt")


def find(quotes, start: str, speaker: str | None = None):
    hits = [q for q in quotes if q.text.lstrip("\"\u201c").startswith(start) and (speaker is None or q.speaker == speaker)]
    assert hits, f"no quote starting {start!r} by {speaker!r}"
    return hits[0]


def row(q):
    return q.kind, q.speaker, q.speaker_kind, q.role, q.organization, q.event


@pytest.mark.parametrize("start, expected", [
    ("the international community should uphold",
     ("indirect", "Lin Wei", "person", "president", "Southwest University of Political Science and Law", SYMPOSIUM)),
    ("We should enhance international consensus",
     ("direct", "Lin Wei", "person", "president", "Southwest University of Political Science and Law", SYMPOSIUM)),
    ("Freedom from the threat of terrorism",
     ("direct", "Nugman Nugmanov", "person", "vice-president", "University of World Economy and Diplomacy", SYMPOSIUM)),
    ("Security is the most basic need",
     ("direct", "Nugman Nugmanov", "person", "vice-president", "University of World Economy and Diplomacy", SYMPOSIUM)),
    ("the international community to jointly respond",
     ("indirect", "Nugman Nugmanov", "person", "vice-president", "University of World Economy and Diplomacy", SYMPOSIUM)),
    ("China's Xinjiang Uygur autonomous region",
     ("mixed", "Mehmood Ul Hassan", "person", "executive director",
      "Center for South Asia and International Studies Islamabad", SYMPOSIUM)),
])
def test_chongqing_required_quotes(chongqing, start, expected):
    assert row(find(chongqing, start)) == expected


def test_chongqing_mixed_quote_is_not_also_a_direct_quote(chongqing):
    assert not [q for q in chongqing if q.kind == "direct" and "ideal example" in q.text]


@pytest.mark.parametrize("start, speaker, expected", [
    ("The call singles out seven areas", None,
     ("indirect", "Antonio Guterres", "person", "Secretary General", "United Nations", SESSION)),
    ("lift people out of abject poverty", None,
     ("direct", "Antonio Guterres", "person", "Secretary General", "United Nations", SESSION)),
    ("As there is more than one way", None,
     ("indirect", "Chen Xu", "person", "permanent representative", "United Nations Office at Geneva", SESSION)),
    ("Only by observing the purposes", None,
     ("indirect", "Chen Xu", "person", "permanent representative", "United Nations Office at Geneva", SESSION)),
    ("the UN High Commissioner for Human Rights to pay", None,
     ("indirect", "Liu Hua", "person", "Special Representative for Human Rights", "Ministry of Foreign Affairs", SESSION)),
    ("the current global counter-terrorism situation", None,
     ("indirect", "Jiang Duan", "person", "Minister", "Permanent Mission of China in Geneva", GENEVA_SYMPOSIUM)),
    ("terrorism, radicalization and secessionism", None,
     ("indirect", None, "unnamed", "Charge d'Affaires", "Permanent Mission of Cameroon in Geneva", GENEVA_SYMPOSIUM)),
    ("some American immigration policies", "Nilina",
     ("indirect", "Nilina", "person", "professor", "University of California at Berkeley", SEMINAR)),
    ("some American immigration policies", "Lu Zhian",
     ("indirect", "Lu Zhian", "person", "deputy director", "Centre for Human Rights Studies", SEMINAR)),
])
def test_geneva_required_quotes(geneva, start, speaker, expected):
    assert row(find(geneva, start, speaker)) == expected


def test_geneva_role_as_stated_at_the_later_mention(geneva):
    q = find(geneva, "We should spare no effort")
    assert (q.kind, q.speaker, q.role, q.organization) == (
        "indirect", "Liu Hua", "Special Representative for Human Rights", "Chinese Foreign Ministry")


@pytest.mark.parametrize("title", [
    "Call to Action for Human Rights",
    "Home: A Glimpse of Life of People from Various Ethnic Groups in Xinjiang",
    "Promoting Sustainable Development Goals by Chinese Nongovernmental Organizations",
    "Agenda for Sustainable Development",
])
def test_geneva_titles_are_not_quotes(geneva, title):
    assert not [q for q in geneva if q.text.strip("\"'\u201c\u201d\u2018\u2019 ,.") == title.strip()]
