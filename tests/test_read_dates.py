"""Metadata dates to ISO: common shapes fast, the rest through dateparser, never a guess."""

from __future__ import annotations

import pytest

from quotedb.read.dates import parse_date


@pytest.mark.parametrize(
    "written, iso",
    [
        ("March 09,2020", "2020-03-09"),
        ("Feb. 24, 2020", "2020-02-24"),
        ("Sept 3rd, 2019", "2019-09-03"),
        ("9 March 2020", "2020-03-09"),
        ("2020-03-09", "2020-03-09"),
        ("2020-03-09T23:30:00-05:00", "2020-03-09"),
        ("Tue, 10 Mar 2020 08:00:00 +0000", "2020-03-10"),
        ("20200309", "2020-03-09"),
        ("9 mars 2020", "2020-03-09"),
    ],
)
def test_dates_are_normalised_to_iso(written, iso):
    assert parse_date(written) == iso


@pytest.mark.parametrize("written", ["yesterday", "3 days ago", "soon", "2020-02-30", "May 30", "", None])
def test_relative_impossible_or_yearless_dates_are_none(written):
    assert parse_date(written) is None


def test_epoch_seconds_and_milliseconds(): 
    assert parse_date(1583712000) == parse_date(1583712000000) == "2020-03-09"
