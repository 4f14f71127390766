"""Quote spans: pairing quotation marks, paragraph by paragraph.

A mark's direction comes from its context, not its glyph alone: writers and converters
mix straight and curly marks, and `’` is far more often an apostrophe than a closing
quote. A mark can open when it follows a space or an opening bracket and is followed by
text; it can close when it follows text and is followed by a space or punctuation.
Marks that can do neither (don’t, Trump’s) are apostrophes. Double quotes pair first;
single quotes count as quotes only outside them (British style), inside they are nested.
A paragraph that ends inside an open double quote continues into the next paragraph when
that one opens with a mark, the usual newspaper convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotedb.lexicon.people import PRONOUNS
from quotedb.lexicon.verbs import SPEECH_VERBS
from quotedb.extract.text import Document
from quotedb.extract.types import QuoteSpan
from quotedb.model import Span

# Three apostrophes closing a nested quote are a single mark then a double one. Every
# alternative is a literal, so `re` skips to the next mark in C instead of trying each position.
_MARK = re.compile(r"'(?=''(?:\s|$|[.,;:!?]))|''|``|\"|\u201c|\u201d|\u201e|\u00ab|\u00bb|\u2018|\u2019|\u201a|'")

_DOUBLE_OPENERS = frozenset(("\u201c", "\u201e", "\u00ab", "``"))
_DOUBLE_CLOSERS = frozenset(("\u201d", "\u00bb"))
_DOUBLE_EITHER = frozenset(('"', "''"))
_SINGLE_OPENERS = frozenset(("\u2018", "\u201a"))

_MARK_CHARS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a`"
# What may stand before an opening mark besides white space: brackets, dashes, slashes.
_BEFORE_OPEN = frozenset("([{\u2014\u2013-/:" + _MARK_CHARS)
# What may follow a closing mark besides white space.
_AFTER_CLOSE = frozenset(".,;:!?)]}\u2014\u2013-/\u2026" + _MARK_CHARS)
# Elisions written with a leading apostrophe: '90s, '16, 'em, 'til, 'cause, rock 'n' roll.
_ELISION = re.compile(r"(?:\d\d|em\b|til\b|tis\b|twas\b|cause\b|n\b|n'|bout\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s*$")


@dataclass(slots=True)  # not frozen: one per quote mark, and frozen instances are slower to make
class _Mark:
    pos: int
    glyph: str
    double: bool
    can_open: bool
    can_close: bool

    @property
    def end(self) -> int:
        return self.pos + len(self.glyph)


def _classify(text: str, m: re.Match, lo: int, hi: int) -> _Mark:
    glyph = m.group()
    pos, end = m.start(), m.end()
    before = text[pos - 1] if pos > lo else " "
    after = text[end] if end < hi else " "
    opens_ctx = (before.isspace() or before in _BEFORE_OPEN) and not after.isspace()
    closes_ctx = (not before.isspace() or (pos - 2 >= lo and text[pos - 2] in "'\u2019")) and (
        after.isspace() or after in _AFTER_CLOSE)
    if closes_ctx and before.isspace():
        opens_ctx = False  # `'inner,' "`: a space between a nested and an outer closing mark
    double = glyph in _DOUBLE_OPENERS or glyph in _DOUBLE_CLOSERS or glyph in _DOUBLE_EITHER
    if double:
        if glyph in _DOUBLE_OPENERS:
            can_open, can_close = opens_ctx or not closes_ctx, closes_ctx and not opens_ctx
        elif glyph in _DOUBLE_CLOSERS:
            can_open, can_close = opens_ctx and not closes_ctx, closes_ctx or not opens_ctx
        else:
            can_open, can_close = opens_ctx, closes_ctx
        return _Mark(pos, glyph, True, can_open, can_close)
    if before.isalnum() and after.isalnum():
        return _Mark(pos, glyph, False, False, False)
    can_open = opens_ctx and (after.isalnum() or after in "(\u2026.$") and not _ELISION.match(text, end, hi)
    if glyph in _SINGLE_OPENERS:
        can_open, can_close = opens_ctx, False
    else:
        can_close = closes_ctx
    return _Mark(pos, glyph, False, can_open, can_close)


def _marks(text: str, lo: int, hi: int) -> list[_Mark]:
    return [_classify(text, m, lo, hi) for m in _MARK.finditer(text, lo, hi)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(slots=True)
class _Raw:
    """A pairing before it becomes a QuoteSpan: mark offsets and whether it was closed."""

    start: int
    inner_start: int
    inner_end: int
    end: int
    closed: bool
    continues: bool = False


_FAMILY = {'"': "straight", "''": "straight", "``": "straight", "\u201c": "curly", "\u201d": "curly",
           "\u201e": "curly", "\u00ab": "angle", "\u00bb": "angle"}


def _closer_ahead(marks: list[_Mark], opener: _Mark, family: str | None = None) -> bool:
    """A closing mark of the given style (the opener's own by default) follows it in the paragraph."""
    family = family or _FAMILY.get(opener.glyph)
    return any(m.pos > opener.pos and m.double and m.can_close and _FAMILY.get(m.glyph) == family for m in marks)


def _pair_doubles(text: str, marks: list[_Mark], hi: int) -> list[_Raw]:
    out: list[_Raw] = []
    open_mark: _Mark | None = None
    continues = False
    nested: str | None = None  # family of a differently styled quote inside the open one
    for m in marks:
        if not m.double:
            continue
        if open_mark is None:
            if m.can_open:
                open_mark = m
            continue
        family = _FAMILY.get(m.glyph)
        if nested is not None:
            if family == nested and m.can_close:
                nested = None
            continue
        if m.can_open and not m.can_close and family != _FAMILY.get(open_mark.glyph) \
                and family == "curly" and _closer_ahead(marks, m) and _closer_ahead(marks, m, _FAMILY.get(open_mark.glyph)):
            nested = family  # `"… Written “at this time,” the statement …`: a quote within a quote
            continue
        if m.can_close and m.pos > open_mark.end:
            out.append(_Raw(open_mark.pos, open_mark.end, m.pos, m.end, True, continues))
            open_mark, continues = None, False
        elif m.can_open:
            # Flattened paragraphs: `"First part. "Second part," she said.` The first
            # quote ran to a paragraph end that the flattening removed.
            s, e = _trim(text, open_mark.end, m.pos)
            if e > s and _SENTENCE_END.search(text, s, e):
                out.append(_Raw(open_mark.pos, open_mark.end, e, e, False, continues))
                continues = True
            else:
                continues = False
            open_mark = m
    if open_mark is not None:
        s, e = _trim(text, open_mark.end, hi)
        if e > s:
            out.append(_Raw(open_mark.pos, open_mark.end, e, e, False, continues))
    return out


def _pair_singles(marks: list[_Mark], taken: list[_Raw]) -> list[_Raw]:
    """British-style single quotes that are not inside a double-quoted span."""
    out: list[_Raw] = []
    singles = [m for m in marks if not m.double and not any(r.start <= m.pos < r.end for r in taken)]
    i = 0
    while i < len(singles):
        m = singles[i]
        if not m.can_open:
            i += 1
            continue
        close_at = None
        for j in range(i + 1, len(singles)):
            c = singles[j]
            if c.can_close and c.pos > m.end:
                close_at = j
                break
            if c.can_open and not c.can_close:
                break
        if close_at is None:
            i += 1
            continue
        c = singles[close_at]
        out.append(_Raw(m.pos, m.end, c.pos, c.end, True))
        i = close_at + 1
    return out


def find_spans(doc: Document) -> list[QuoteSpan]:
    """Every quoted stretch in the body's paragraphs, in text order."""
    text, paragraphs = doc.text, doc.paragraphs
    spans: list[QuoteSpan] = []
    carried = False  # the previous paragraph ended inside an open double quote
    for index, (lo, hi) in enumerate(paragraphs):
        marks = _marks(text, lo, hi)
        doubles = _pair_doubles(text, marks, hi)
        singles = _pair_singles(marks, doubles)
        raws = sorted(doubles + singles, key=lambda r: r.start)
        first_opens = bool(raws) and raws[0].start == lo
        for k, r in enumerate(raws):
            if r.inner_end <= r.inner_start:
                continue
            continues = r.continues or (k == 0 and first_opens and carried)
            spans.append(QuoteSpan(
                outer=Span(text[r.start:r.end], r.start, r.end),
                inner=Span(text[r.inner_start:r.inner_end], r.inner_start, r.inner_end),
                paragraph=index,
                opens_paragraph=r.start == lo,
                continues=continues,
                closed=r.closed,
            ))
        carried = bool(doubles) and not doubles[-1].closed
    return spans


def _backwards(words: tuple[str, ...]) -> str:
    """An alternation of `words` spelled backwards, a space standing for any white space.

    Tests for what ends a text match its reverse at the start: one attempt, where searching
    for `…$` tries every position.
    """
    return "|".join(r"\s+".join(re.escape(part[::-1]) for part in reversed(w.split(" "))) for w in words)


# Words that announce a name rather than speech: `a report titled "…"`, `the so-called "…"`;
# matched backwards from the quote: `(?:\b(?:titled|…)|#)\s*[,:]?\s*$`.
_TITLE_BEFORE_WORDS = (
    "titled", "entitled", "headlined", "named", "dubbed", "nicknamed", "known as", "so-called", "billed as", "branded",
    "labeled", "labelled", "called", "slogan", "hashtag", "motto", "theme", "banner", "catchphrase", "the word",
    "the words", "the term", "the phrase",
)
_TITLE_BEFORE_REVERSED = re.compile(r"\s*[,:]?\s*(?:(?:" + _backwards(_TITLE_BEFORE_WORDS) + r")\b|#)", re.IGNORECASE)
# Nouns that a quoted name modifies: `the 'Agenda' initiative`, `the "undercard" debate`.
_TITLE_AFTER = re.compile(
    r"\s*(?:initiative|campaign|programme|program|project|exhibition|series|show|movie|film|book|"
    r"strategy|doctrine|movement|caucus|wing|crowd|debate|event|rally|tour|operation|plan|policy|"
    r"agenda|act|bill|law|rule|award|prize|party|brand|label|segment|hashtag|slogan|era|moment|"
    r"column|podcast|album|song|lobby|coalition|group|team)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*|\d[\w.,]*")
# Lower-case words allowed inside a title-case name: `Call to Action for Human Rights`.
_TITLE_SMALL = frozenset(
    "a an and as at but by for from in into of on or the to vs via with de du la le van von del is".split()
)


# Where a title stands: `on ABC's "Good Morning America."`, `in his book "An American Son."`;
# matched backwards from the quote: `(?:['’]s|\b(?:on|in|…))\s*$`.
_TITLE_PLACE_WORDS = (
    "on", "in", "of", "from", "book", "show", "program", "programme", "series", "film", "movie", "novel", "song", "album",
    "magazine", "newspaper", "column", "episode", "memoir", "play",
)
_TITLE_PLACE_REVERSED = re.compile(r"\s*(?:s['\u2019]|(?:" + _backwards(_TITLE_PLACE_WORDS) + r")\b)", re.IGNORECASE)


_NEXT_WORD = re.compile(r"[^\S\n]+([a-z]+)\b")
_CUE_WORDS = SPEECH_VERBS | PRONOUNS | frozenset("according also then later the a an one another".split())


def _title_case(inner: str, placed: bool = False) -> bool:
    """A short stretch whose content words are all capitalised; punctuated only where a title stands."""
    stripped = inner.strip()
    if placed and stripped[-1:] in (".", ","):
        stripped = stripped[:-1]
        if len(_WORD.findall(stripped)) < 2:
            return False
    if not stripped or stripped[-1] in ".,!?;\u2026" or len(stripped) > 120:
        return False
    words = _WORD.findall(stripped)
    if not words or len(words) > 14:
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def is_title(text: str, span: QuoteSpan) -> bool:
    """A name, title or label in quote marks: not something a person said."""
    before = text[max(0, span.outer.start - 40):span.outer.start]
    backwards = before[::-1]
    if _TITLE_BEFORE_REVERSED.match(backwards) and len(_WORD.findall(span.inner.text)) <= 14:
        return True
    if _TITLE_AFTER.match(text, span.outer.end) and len(_WORD.findall(span.inner.text)) <= 6 \
            and span.inner.text.rstrip()[-1:] not in ".,!?":
        return True
    placed = bool(_TITLE_PLACE_REVERSED.match(backwards))
    if not placed:
        # `"The Long Road," which opens today`: a name runs on into the sentence, speech hands over to a cue.
        nxt = _NEXT_WORD.match(text, span.outer.end)
        placed = nxt is not None and nxt.group(1) not in _CUE_WORDS and span.inner.text.rstrip().endswith(",")
    return _title_case(span.inner.text, placed)
