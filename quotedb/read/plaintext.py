"""Metadata that news text carries in its own first and last lines.

Saved pages and copied articles keep their header as text: a breadcrumb, the
headline, a date-and-source line, a dateline lead ("May 30, 2024 -- ..."), and
often a byline at the foot. Each shape has a rule here; a line that fits no rule
is body. A headline is only taken as one when a metadata line follows it, so the
first sentence of a flattened article is never mistaken for a title. Only the
first few and last few lines are looked at, so a long text costs no more than a
short one. The text itself is never cut: the result says where the body lies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from quotedb.model import Article, ArticleMeta
from quotedb.read.dates import DATE_PATTERN, MONTHS, iso_from_match

HEADER_LINES = 8
TRAILER_LINES = 3
MAX_META_LINE = 200

_WS = r"[^\S\r\n]"
_DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
_TIME = re.compile(
    rf"{_WS}*(?:,{_WS}*)?(?:at{_WS}+)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:{_WS}*[ap]\.?m\.?)?"
    rf"(?:{_WS}*(?:\(?(?:UTC|GMT)?{_WS}*[+-]\d{{1,2}}(?::?\d{{2}})?\)?|UTC|GMT|[A-Z]{{2,4}}T?))?",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    r"(?:published|posted|updated|last updated|date|release time|released|time)"
    rf"(?:{_WS}+on)?{_WS}*:?{_WS}*",
    re.IGNORECASE,
)
_BY = re.compile(rf"\(?by{_WS}*:?{_WS}*(?P<who>[^()\r\n]+?)\)?", re.IGNORECASE)
_LABELLED = re.compile(
    rf"\(?(?P<label>source|from|publisher|author|authors|written by|reporter|reporters|writer|"
    rf"editor|editors|edited by|translator|translated by|photo|photos|photographer)"
    rf"{_WS}*[:：]{_WS}*(?P<value>[^()\r\n]+?)\)?",
    re.IGNORECASE,
)
_LABEL_FIELD = {
    "source": "source", "from": "source", "publisher": "source",
    "author": "author", "authors": "author", "written by": "author",
    "reporter": "author", "reporters": "author", "writer": "author",
}
_CREDIT_WORDS = (
    r"by|source|from|publisher|authors?|written|reporters?|writer|editors?|edited|"
    r"translat|photo"
)
# Cheap first-word tests so that ordinary body lines are turned away before parsing.
_TRAILER_START = re.compile(rf"\(?(?:{_CREDIT_WORDS})", re.IGNORECASE)
_HEADER_START = re.compile(
    rf"\(?(?:\d|{_CREDIT_WORDS}|published|posted|updated|last|date|release|time|"
    r"mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_SEGMENTS = re.compile(rf"{_WS}{{2,}}|{_WS}*[|•·]{_WS}*")
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE)
_CRUMB_SEP = re.compile(r"[>»›]")
_HOME_CRUMBS = frozenset({"home", "homepage", "home page", "main", "start", "index"})
_DATELINE = re.compile(
    rf"{_WS}*"
    rf"(?:(?-i:(?P<place>[A-Z][A-Z.'’-]+(?:{_WS}+[A-Z][A-Z.'’-]+){{0,3}}))(?:,{_WS}*[A-Z][\w.]*)?{_WS}*,?{_WS}*)?"
    rf"(?:(?P<date>{DATE_PATTERN})(?:{_TIME.pattern})?)?"
    rf"{_WS}*(?:\((?P<agency>[^()\r\n]{{1,40}})\))?"
    rf"(?:{_WS}*(?:--|—|–){_WS}*|{_WS}+-{_WS}+)",
    re.IGNORECASE,
)
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "du", "bin", "al", "el", "ibn", "y"})
_NOT_NAMES = frozenset(MONTHS) | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "the", "this", "that", "then", "now", "contrast", "comparison", "far", "way",
}
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


@dataclass(frozen=True, slots=True)
class Shape:
    """What the lines of a text said about it, and where its body lies."""

    meta: ArticleMeta = field(default_factory=ArticleMeta)
    body_start: int = 0
    body_end: int | None = None


def analyse(text: str) -> Shape:
    found: dict[str, str] = {}
    body_start = _header(text, found)
    body_end = _trailer(text, body_start, found)
    return Shape(ArticleMeta(**found), body_start, body_end)


def article_from_text(
    text: str,
    origin: str,
    *,
    given: ArticleMeta | None = None,
    locator: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Article:
    """An Article whose metadata is what the source stated, completed from the text's own lines."""
    shape = analyse(text)
    meta = merge(given, shape.meta) if given is not None else shape.meta
    return Article(text, meta, origin, locator, warnings, shape.body_start, shape.body_end)


def merge(given: ArticleMeta, shape: ArticleMeta) -> ArticleMeta:
    """Fields the source stated outright win; the text's own lines fill the gaps."""
    if shape == _NO_META:
        return given
    return ArticleMeta(*(g if g is not None else t for g, t in zip(_values(given), _values(shape))))


_NO_META = ArticleMeta()


def _values(meta: ArticleMeta) -> tuple[str | None, ...]:
    return tuple(getattr(meta, f) for f in ArticleMeta.__slots__)


def _lines(text: str, pos: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line from pos, end excluding the line break."""
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        stop = end - 1 if end > pos and text[end - 1] == "\r" else end
        if text[pos:stop].strip():
            yield pos, stop
        pos = end + 1


def _lines_backwards(text: str) -> Iterator[tuple[int, int]]:
    end = len(text)
    while end > 0:
        nl = text.rfind("\n", 0, end)
        start = nl + 1
        stop = end - 1 if end > start and text[end - 1] == "\r" else end
        if text[start:stop].strip():
            yield start, stop
        end = nl if nl >= 0 else 0


def _header(text: str, found: dict[str, str]) -> int:
    lines = []
    for i, span in enumerate(_lines(text)):
        if i >= HEADER_LINES:
            break
        lines.append(span)
    if not lines:
        return 0
    i = 0
    body_start = 0
    line = _line(text, lines[0])
    crumbs = _breadcrumb(line)
    if crumbs is not None:
        i, body_start = 1, lines[0][1]
    if i + 1 < len(lines) and _meta_line(_line(text, lines[i + 1])) and _is_headline(_line(text, lines[i])):
        found["title"] = _line(text, lines[i]).strip()
        i, body_start = i + 1, lines[i][1]
    while i < len(lines):
        parsed = _meta_line(_line(text, lines[i]))
        if parsed is None:
            break
        for key, value in parsed.items():
            found.setdefault(key, value)
        i, body_start = i + 1, lines[i][1]
    if i < len(lines):
        body_start = lines[i][0] if i else 0
        lead = _dateline(text, lines[i])
        if lead is not None:
            end, published, agency = lead
            body_start = end
            if published:
                found.setdefault("published", published)
            if agency:
                found.setdefault("source", agency)
    elif body_start:
        body_start = _skip_space(text, body_start)
    if crumbs:
        if crumbs[-1] == found.get("title"):
            crumbs = crumbs[:-1]
        if crumbs:
            found["section"] = " > ".join(crumbs)
    return body_start if body_start else 0


def _trailer(text: str, body_start: int, found: dict[str, str]) -> int | None:
    body_end = None
    trailer: dict[str, str] = {}
    for i, (start, end) in enumerate(_lines_backwards(text)):
        if i >= TRAILER_LINES or start <= body_start:
            break
        parsed = _trailer_line(text[start:end])
        if parsed is None:
            break
        for key, value in parsed.items():
            trailer.setdefault(key, value)
        body_end = start
    if body_end is None:
        return None
    while body_end > body_start and text[body_end - 1].isspace():
        body_end -= 1
    for key, value in trailer.items():
        found.setdefault(key, value)
    return body_end


def _line(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


def _skip_space(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return pos


def _breadcrumb(line: str) -> list[str] | None:
    if len(line) > MAX_META_LINE or not _CRUMB_SEP.search(line):
        return None
    parts = [p.strip() for p in _CRUMB_SEP.split(line)]
    separators = len(parts) - 1
    crumbs = [p for p in parts if p]
    if not crumbs or any(len(c) > 40 or len(c.split()) > 6 or re.search(r"[.!?\"“”]", c) for c in crumbs):
        return None
    home = crumbs[0].lower() in _HOME_CRUMBS
    if separators < 2 and not (separators == 1 and home):
        return None
    return crumbs[1:] if home else crumbs


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    return (
        2 <= len(stripped) <= MAX_META_LINE
        and len(stripped.split()) <= 30
        and not stripped.endswith((".", ",", ";", ":"))
        and any(ch.isalpha() for ch in stripped)
        and _meta_line(stripped) is None
        and _breadcrumb(stripped) is None
    )


def _meta_line(line: str) -> dict[str, str] | None:
    """The metadata a header line states, or None if any part of it is not metadata."""
    return _credits_line(line, _HEADER_START, allow_date=True)


def _trailer_line(line: str) -> dict[str, str] | None:
    return _credits_line(line, _TRAILER_START, allow_date=False)


def _credits_line(line: str, start: re.Pattern[str], *, allow_date: bool) -> dict[str, str] | None:
    if len(line) > MAX_META_LINE:
        return None
    stripped = line.strip()
    if not start.match(stripped):
        return None
    found: dict[str, str] = {}
    segments = [s for s in _SEGMENTS.split(stripped) if s]
    if not segments or not all(_segment(s, found, allow_date=allow_date) for s in segments):
        return None
    return found


def _segment(segment: str, found: dict[str, str], *, allow_date: bool) -> bool:
    segment = segment.strip()
    if allow_date:
        label = _DATE_LABEL.match(segment)
        at = label.end() if label and _DATE_RE.match(segment, label.end()) else 0
        date = _DATE_RE.match(segment, at)
        if date and date.group("mdy_y") or date and date.group("dmy_y") or date and date.group("iso_y"):
            end = date.end()
            clock = _TIME.match(segment, end)
            if clock:
                end = clock.end()
            iso = iso_from_match(date)
            if iso:
                found.setdefault("published", iso)
            rest = segment[end:].strip(" \t\xa0,;-–—")
            return not rest or _segment(rest, found, allow_date=False)
    by = _BY.fullmatch(segment)
    if by:
        return _credit(by.group("who").strip(), "author", found)
    labelled = _LABELLED.fullmatch(segment)
    if labelled:
        field_name = _LABEL_FIELD.get(labelled.group("label").lower())
        value = labelled.group("value").strip()
        if field_name is None:
            return bool(value)
        return _credit(value, field_name, found)
    return False


def _credit(value: str, field_name: str, found: dict[str, str]) -> bool:
    """A credited name: a web address is the source; otherwise it must read as a name."""
    if _DOMAIN.fullmatch(value):
        found.setdefault("source", value)
        return True
    if field_name == "source":
        value = value.rstrip(".")
        if value and len(value) <= 60 and not re.search(r"[.!?]\s", value):
            found.setdefault("source", value)
            return True
        return False
    if _is_name_list(value):
        found.setdefault("author", value)
        return True
    return False


def _is_name_list(value: str) -> bool:
    if not 2 <= len(value) <= 80 or any(ch.isdigit() for ch in value):
        return False
    names = [n for n in _NAME_SPLIT.split(value) if n]
    return bool(names) and all(_is_name(n) for n in names)


def _is_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5 or words[0].lower() in _NOT_NAMES:
        return False
    for word in words:
        if not _NAME_WORD.fullmatch(word):
            return False
        if not word[0].isupper() and word.lower() not in _PARTICLES:
            return False
        if word.endswith(".") and len(word) > 3:
            return False
    return words[-1][0].isupper()


def _dateline(text: str, span: tuple[int, int]) -> tuple[int, str | None, str | None] | None:
    """End of a dateline lead on this line, with its date and agency, or None."""
    m = _DATELINE.match(text, span[0], span[1])
    if not m or m.end() >= span[1]:
        return None
    has_date = m.group("date") is not None
    if not has_date and not (m.group("place") and m.group("agency")):
        return None
    published = None
    if has_date:
        date = _DATE_RE.match(m.group("date"))
        published = iso_from_match(date) if date else None
    agency = m.group("agency").strip() if m.group("agency") else None
    return m.end(), published, agency
