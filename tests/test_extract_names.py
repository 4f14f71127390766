"""The grammar of names, titles and organizations: role = the title, organization = the body
it belongs to, the name without either; never an adverb, weekday, month, place, line break or
possessive in a name. Every phrase is invented."""

from __future__ import annotations

import pytest

from quotedb.extract.names import junk_reason, parse_phrase as parse_source

CASES = [
    # pre-posed title and organization
    ("Ruritanian Foreign Ministry spokesperson Lena Marsh", "Lena Marsh", "spokesperson", "Ruritanian Foreign Ministry"),
    ("Ruritania's Permanent Representative to the United Nations Office at Lakeside Ana Ruiz", "Ana Ruiz",
     "Permanent Representative", "United Nations Office at Lakeside"),
    ("PLI Director-General Omar Tesfa", "Omar Tesfa", "Director-General", "PLI"),
    ("Cameraman Piet Odo", "Piet Odo", "Cameraman", None),
    ("Belgian sinologist Marc Vandel", "Marc Vandel", "sinologist", None),
    ("UN Under-Secretary-General for the Office of Counter-Terrorism Ivan Petrov", "Ivan Petrov", "Under-Secretary-General", "Office of Counter-Terrorism"),
    ("U.S. Secretary of State Mary Quill", "Mary Quill", "Secretary of State", "U.S."),
    ("spokeswoman Li Hong", "Li Hong", "spokeswoman", None),
    ("Ambassador Ruiz", "Ruiz", "Ambassador", None),
    # apposition after the name
    ("Tom Poll, director of the Centre for Applied Metrics of the Free University of Lakeside",
     "Tom Poll", "director", "Centre for Applied Metrics of the Free University of Lakeside"),
    ("Ana Ruiz, head of the Ruritanian Mission to UN in Lakeside", "Ana Ruiz", "head", "Ruritanian Mission to UN in Lakeside"),
    ("Jo Kern, executive director of the Institute for Water Studies (IWS)", "Jo Kern", "executive director", "Institute for Water Studies (IWS)"),
    ("Omar Sadi, Assistant Minister for Culture and Public Diplomacy", "Omar Sadi", "Assistant Minister for Culture and Public Diplomacy", None),
    # inverted: title of org, name
    ("Representative of the Lakeside Office of Arcadia, Tenzin Lobo", "Tenzin Lobo", "Representative", "Lakeside Office of Arcadia"),
    # junk that must never enter a name
    ("Wednesday Tony Blaine", "Tony Blaine", None, None),
    ("Meanwhile Ms Hutton", "Hutton", None, None),
    ("Until December Macrosoft", "Macrosoft", None, None),
    ("Could Yukoil", "Yukoil", None, None),
    ("Tony Blaine's", "Tony Blaine", None, None),
    ("Lena Marsh\n\nMarsh", "Marsh", None, None),
    ("Special Representative for Water of the Ruritanian Foreign Ministry Ana Ruiz", "Ana Ruiz",
     "Special Representative for Water", "Ruritanian Foreign Ministry"),
    ("Will Danes", "Will Danes", None, None),
    ("October Macrosoft", "Macrosoft", None, None),
    ("Li Jun", "Li Jun", None, None),
    ("Tory peer Lord Tebbs", "Tebbs", "peer", "Tory"),
    ("Mike Pole of Dresner Bank", "Mike Pole", None, "Dresner Bank"),
]


@pytest.mark.parametrize("phrase,name,role,org", CASES)
def test_grammar(phrase, name, role, org):
    sp = parse_source(phrase)[0]
    assert (sp.name, sp.role, sp.organization) == (name, role, org)


def test_two_people_joined_by_and_are_two_speakers():
    assert [s.name for s in parse_source("Tony Blaine and Gordon Brawn")] == ["Tony Blaine", "Gordon Brawn"]


def test_an_organization_with_and_in_its_name_stays_one():
    sp = parse_source("Centre for Economic and Social Studies")
    assert len(sp) == 1 and sp[0].kind == "organization"


def test_ampersand_names_a_firm():
    assert parse_source("Ernst & Yule")[0].kind == "organization"


def test_document_and_common_noun_sources_are_not_people():
    assert parse_source("the report")[0].kind == "document"
    assert parse_source("the company")[0].kind == "organization"


@pytest.mark.parametrize("name", ["Could Yukoil", "Monday Tony Blaine", "Tony Blaine's", "Blaine and Brawn", "Lena\nMarsh"])
def test_junk_reasons(name):
    assert junk_reason(name)
