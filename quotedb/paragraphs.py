"""Paragraph boundaries, found from the text itself so that every stage agrees on them."""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\r\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding white space.

    News text marks paragraphs with blank lines or single newlines; both end a
    paragraph here. Flattened text with no newline is one paragraph.
    """
    spans = []
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def paragraph_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the paragraph holding `offset` (the nearest one before it, if between)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][0] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)
