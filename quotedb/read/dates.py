"""Publication dates to ISO `YYYY-MM-DD`.

The common shapes go through one regular expression, because dateparser costs
milliseconds a call and a corpus has a date a row. dateparser handles the rest,
with relative dates ("yesterday") switched off: a metadata date must be absolute.
Anything that cannot be read is None, never an error and never a guess.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from functools import lru_cache

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
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
_TIME = (
    r"(?:(?:,?\s*|T)(?:at\s+)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|[A-Z]{2,4})(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
_FULL_RE = re.compile(r"\s*" + DATE_PATTERN + _TIME + r"\s*", re.IGNORECASE)

#: Settings for the slow path. MDY is the order of English-language news for
#: all-numeric dates such as 03/09/2020; dates with a month name are unambiguous.
DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "PREFER_DAY_OF_MONTH": "first",
    "DATE_ORDER": "MDY",
    "REQUIRE_PARTS": ["year", "month"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
#: Languages dateparser tries; trying all of them costs seconds to load and ~20 ms a miss.
DATE_LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl"]
_MIN_YEAR, _MAX_YEAR = 1800, 2200
_MAX_LEN = 80


def iso_from_match(m: re.Match[str]) -> str | None:
    """ISO date from a DATE_RE match, or None when it has no year or is not a real date."""
    if m.group("mdy_m"):
        month, day, year = m.group("mdy_m"), m.group("mdy_d"), m.group("mdy_y")
    elif m.group("dmy_m"):
        month, day, year = m.group("dmy_m"), m.group("dmy_d"), m.group("dmy_y")
    else:
        month, day, year = m.group("iso_m"), m.group("iso_d"), m.group("iso_y")
    if year is None:
        return None
    month_no = int(month) if month.isdigit() else MONTHS[month.rstrip(".").lower()]
    return _iso(int(year), month_no, int(day))


def parse_date(value: object) -> str | None:
    """ISO date for a metadata value (string or epoch number), or None if it is not a date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    return _parse_text(value)


@lru_cache(maxsize=65536)
def _parse_text(value: str) -> str | None:
    """Cached: a corpus repeats its dates across thousands of rows."""
    text = value.strip()
    if not text or len(text) > _MAX_LEN:
        return None
    m = _FULL_RE.fullmatch(text)
    if m:
        return iso_from_match(m)
    if text.isdigit():
        if len(text) == 8 and text[:2] in ("19", "20"):
            return _iso(int(text[:4]), int(text[4:6]), int(text[6:]))
        return _from_epoch(float(text))
    return _slow_parse(text)


def _iso(year: int, month: int, day: int) -> str | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds, as JavaScript writes them
        seconds /= 1000
    if not 1e8 <= seconds <= 1e10:
        return None
    return _dt.datetime.fromtimestamp(seconds, tz=_dt.timezone.utc).date().isoformat()


def _slow_parse(text: str) -> str | None:
    import dateparser

    try:
        parsed = dateparser.parse(text, languages=DATE_LANGUAGES, settings=DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if parsed is None:
        return None
    return _iso(parsed.year, parsed.month, parsed.day)
