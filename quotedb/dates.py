"""Dates as news writes them: one parser for publication dates (read) and event dates (extract).

`May 30, 2024`, `30 May 2024`, `Sept. 5`, `2024-05-30`, and in running text a bare weekday,
which only a publication date can place. A year outside 1800-2200 or a day the month does
not have is no date.
"""

from __future__ import annotations

import datetime as _dt
import re

from quotedb.lexicon.calendar import MONTHS, WEEKDAYS

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"

#: A date written in one of the shapes news text uses, with the year optional so that
#: datelines such as "BEIJING, May 30 (Xinhua) --" are recognised; a date without a
#: year is recognised but gives no publication date.
DATE_PATTERN = (
    _WEEKDAY
    + r"(?:"
    + rf"(?P<mdy_m>{_MONTH})\s*(?P<mdy_d>\d{{1,2}}){_ORD}(?:\s*,?\s*(?P<mdy_y>\d{{4}}))?"
    + rf"|(?P<dmy_d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<dmy_m>{_MONTH}),?(?:\s+(?P<dmy_y>\d{{4}}))?"
    + r"|(?P<iso_y>\d{4})(?P<sep>[-/.])(?P<iso_m>\d{1,2})(?P=sep)(?P<iso_d>\d{1,2})"
    + r")(?![\w])"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
# In running text: a date as above, or a bare weekday (`said on Tuesday`).
TEXT_DATE_RE = re.compile(r"\b(?:" + DATE_PATTERN + r")|\b(?P<wd>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def to_iso(year: int, month: int, day: int) -> str | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _parts(m: re.Match[str]) -> tuple[int | None, int, int]:
    """(year or None, month, day) of a DATE_RE or TEXT_DATE_RE match."""
    if m.group("mdy_m"):
        month, day, year = m.group("mdy_m"), m.group("mdy_d"), m.group("mdy_y")
    elif m.group("dmy_m"):
        month, day, year = m.group("dmy_m"), m.group("dmy_d"), m.group("dmy_y")
    else:
        month, day, year = m.group("iso_m"), m.group("iso_d"), m.group("iso_y")
    month_no = int(month) if month.isdigit() else MONTHS[month.rstrip(".").lower()]
    return (int(year) if year else None), month_no, int(day)


def iso_from_match(m: re.Match[str]) -> str | None:
    """ISO date from a DATE_RE match, or None when it has no year or is not a real date."""
    year, month, day = _parts(m)
    return None if year is None else to_iso(year, month, day)


def date_in_text(text: str, start: int, end: int, published: _dt.date | None) -> str | None:
    """The first date in text[start:end] as ISO; a weekday or a date without a year is read
    against the publication date (the latest such day not after it, a month's slack for
    announcements), and skipped when there is none."""
    for m in TEXT_DATE_RE.finditer(text, start, end):
        if m.group("wd"):
            if published is None:
                continue
            back = (published.weekday() - WEEKDAYS.index(m.group("wd").lower())) % 7
            return (published - _dt.timedelta(days=back)).isoformat()
        year, month, day = _parts(m)
        if year is not None:
            iso = to_iso(year, month, day)
        elif published is None:
            continue
        else:
            iso = to_iso(published.year, month, day)
            if iso is not None and _dt.date.fromisoformat(iso) > published + _dt.timedelta(days=31):
                iso = to_iso(published.year - 1, month, day)
        if iso is not None:
            return iso
    return None
