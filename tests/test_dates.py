"""One date parser for publication dates and event dates in running text."""

from __future__ import annotations

import datetime as dt

import pytest

from quotedb.dates import date_in_text
from quotedb.read.dates import parse_date

PUBLISHED = dt.date(2024, 5, 30)  # a Thursday


@pytest.mark.parametrize("text, iso", [
    ("The forum opened on Tuesday in Lyon.", "2024-05-28"),
    ("The forum opened on Thursday.", "2024-05-30"),
    ("The summit, held on May 12, drew 40 envoys.", "2024-05-12"),
    ("The summit will be held on June 20.", "2024-06-20"),
    ("The summit was held on 20 December.", "2023-12-20"),  # far past the publication date: last year's
    ("It met on Sept. 5, 2021 in Oslo.", "2021-09-05"),
    ("It met on Tuesday, May 7, 2019.", "2019-05-07"),  # the full date, not the weekday
    ("It met on February 30 and again on Monday.", "2024-05-27"),  # no such day: the next date counts
    ("Nothing dated here.", None),
])
def test_the_first_date_in_a_sentence_is_read_against_the_publication_date(text, iso):
    assert date_in_text(text, 0, len(text), PUBLISHED) == iso


def test_without_a_publication_date_only_full_dates_count():
    text = "On Tuesday the panel met; on May 3, 2022 it reported."
    assert date_in_text(text, 0, len(text), None) == "2022-05-03"


def test_publication_dates_and_event_dates_share_the_month_names():
    assert parse_date("Sept. 5, 2021") == date_in_text("Sept. 5, 2021", 0, 13, None) == "2021-09-05"
