"""The text basics every rule reads: patterns built from word lists, and (below) the document."""

from __future__ import annotations

import bisect
import re

from quotedb.lexicon.people import ABBREVIATIONS


def alternation(words, space: str = r"\s+") -> str:
    """A regex alternation of `words` built as a trie, so the engine rejects most positions
    at once (Python's re tries a flat alternation word by word at every position).

    Where one word starts another the longer is tried first, as in a flat alternation
    sorted longest first; `space` is what a space in a word matches.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        opts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            opts.append((space if ch == " " else re.escape(ch)) + build(node[ch]))
        if not opts:
            return ""
        body = opts[0] if len(opts) == 1 else "(?:" + "|".join(opts) + ")"
        return "(?:" + body + ")?" if end else body

    return build(trie)


# --- the document -----------------------------------------------------------------------

_OPEN_Q = "\"“‘'«"
# `[.!?][.!?]*` rather than `[.!?]+`: a leading character class lets `re` skip ahead in C.
_SENT_END = re.compile(r"[.!?][.!?]*(?:''|[\"'”’)\]])*(?=\s+(?:''|``|[\"'“‘(\[])?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_WORD = re.compile(r"\w+")


def is_abbreviation(word: str) -> bool:
    """A word written before a full stop that does not end a sentence: `Sen`, `R-Fla`, `J`, `U.S`."""
    tok = word.lstrip(_OPEN_Q + "(").lower()
    tail = tok.rsplit("-", 1)[-1]
    if tail.isalpha():
        tok = tail  # `R-Fla.`, not `6-0.`
    return tok in ABBREVIATIONS or len(tok) == 1 or ("." in tok and bool(_INITIALS.fullmatch(tok)))


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence (start, end) pairs inside text[start:end], abbreviations and initials kept together.

    A sentence ends at `.`, `!` or `?` (closing marks included) before white space and a
    capital or digit, unless the dotted word is an abbreviation or an initial.
    """
    out = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        dot = m.start()
        if text[dot] == ".":
            sp = text.rfind(" ", start, dot)
            sp = max(sp, text.rfind("\n", max(sp + 1, start), dot), start - 1)
            if is_abbreviation(text[sp + 1 : dot]):
                continue
        out.append((s, m.end()))
        s = m.end()
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out


class Document:
    """One article's text as every rule reads it, made once: body bounds, body paragraphs,
    sentences (one splitter), word counts, and look-ups by offset.

    Paragraphs are clamped to the body and blank ones dropped here, so no rule re-clamps;
    sentences are split per paragraph on first use, since most paragraphs hold no cue.
    """

    __slots__ = ("text", "body", "paragraphs", "all_paragraphs", "published", "_sentences", "_starts")

    def __init__(self, text: str, paragraphs: list[tuple[int, int]], body_start: int | None = 0,
                 body_end: int | None = None, published: str | None = None) -> None:
        self.text = text
        lo = min(max(body_start or 0, 0), len(text))
        hi = len(text) if body_end is None else min(max(body_end, lo), len(text))
        self.body = (lo, hi)
        self.all_paragraphs = paragraphs
        self.paragraphs: list[tuple[int, int]] = []
        for a, b in paragraphs:
            a, b = max(a, lo), min(b, hi)
            if a < b and text[a:b].strip():
                self.paragraphs.append((a, b))
        self._starts = [a for a, _ in self.paragraphs]
        self.published = published
        self._sentences: dict[int, list[tuple[int, int]]] = {}

    @classmethod
    def of(cls, text: str, body_start: int | None = 0, body_end: int | None = None,
           published: str | None = None) -> Document:
        """A document whose paragraphs are the text's lines (quotedb.paragraphs)."""
        from quotedb.paragraphs import paragraph_spans

        return cls(text, paragraph_spans(text), body_start, body_end, published)

    def paragraph_at(self, pos: int) -> int:
        """Index of the body paragraph holding `pos` (the nearest before it; -1 before the first)."""
        return bisect.bisect_right(self._starts, pos) - 1

    def sentences_of(self, i: int) -> list[tuple[int, int]]:
        """The sentences of body paragraph i."""
        found = self._sentences.get(i)
        if found is None:
            found = self._sentences[i] = sentences(self.text, *self.paragraphs[i])
        return found

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        """The sentence holding `pos` (the nearest before it in its paragraph), None outside the body."""
        i = self.paragraph_at(pos)
        if i < 0:
            return None
        sents = self.sentences_of(i)
        j = bisect.bisect_right([a for a, _ in sents], pos) - 1
        return sents[j] if j >= 0 else None

    def words(self, start: int, end: int) -> int:
        """How many words text[start:end] holds."""
        return len(_WORD.findall(self.text, start, end))
