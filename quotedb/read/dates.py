"""Publication dates to ISO `YYYY-MM-DD`.

The common shapes go through one regular expression, because dateparser costs
milliseconds a call and a corpus has a date a row. dateparser handles the rest,
with relative dates ("yesterday") switched off: a metadata date must be absolute.
Anything that cannot be read is None, never an error and never a guess. The date shapes
themselves are quotedb.dates, shared with the engine's event dates.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from functools import lru_cache

from quotedb.dates import DATE_PATTERN, DATE_RE, MONTHS, iso_from_match, to_iso  # noqa: F401 - the readers' names

_TIME = (
    r"(?:(?:,?\s*|T)(?:at\s+)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|[A-Z]{2,4})(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?"
)
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
_MAX_LEN = 80


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
            return to_iso(int(text[:4]), int(text[4:6]), int(text[6:]))
        return _from_epoch(float(text))
    return _slow_parse(text)


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
    return to_iso(parsed.year, parsed.month, parsed.day)
