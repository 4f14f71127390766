"""Article text as safe HTML with quoted spans marked, for the published pages.

Everything from an article is untrusted: it is escaped with markupsafe here, and only
the markup this module writes itself (<mark>, the speaker labels) is left as HTML.
The returned Markup is meant for `white-space: pre-wrap`, so the text keeps its own
line breaks and no character of it is dropped or added.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from quotedb.paragraphs import paragraph_index, paragraph_spans


@dataclass(frozen=True, slots=True)
class Marked:
    """A quote to highlight in its article: offsets into the article text."""

    id: int
    start: int
    end: int
    speaker: str | None = None
    kind: str | None = None
    url: str | None = None  # the quote's own page, for its label


def offsets_fit(text: str, start: int | None, end: int | None) -> bool:
    return start is not None and end is not None and 0 <= start < end <= len(text)


def context_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the paragraph where the quote begins to the end of the one where it ends."""
    spans = paragraph_spans(text)
    if not spans:
        return start, end
    first = spans[paragraph_index(spans, start)]
    last = spans[paragraph_index(spans, end - 1)]
    return min(first[0], start), max(last[1], end)


def quote_in_context(text: str, start: int, end: int) -> Markup | None:
    """The quote's paragraph(s) with the quoted span in <mark>; None if the offsets do not fit."""
    if not offsets_fit(text, start, end):
        return None
    lo, hi = context_bounds(text, start, end)
    return Markup("{}<mark class=\"quote\">{}</mark>{}").format(
        text[lo:start], text[start:end], text[end:hi]
    )


def _label(quote: Marked) -> Markup:
    name = quote.speaker or "unattributed"
    if quote.url:
        return Markup('<a class="speaker-label" href="{}" title="quote {}">{}</a>').format(
            quote.url, quote.id, name
        )
    return Markup('<span class="speaker-label" title="quote {}">{}</span>').format(quote.id, name)


def _mark(text: str, covering: Sequence[Marked]) -> Markup:
    kinds = sorted({q.kind for q in covering if q.kind})
    classes = " ".join(["quote", *(f"kind-{k}" for k in kinds)] + (["overlap"] if len(covering) > 1 else []))
    ids = " ".join(str(q.id) for q in covering)
    return Markup('<mark class="{}" data-quotes="{}">{}</mark>').format(classes, ids, text)


def highlight_article(text: str, quotes: Iterable[Marked]) -> Markup:
    """The whole text, every quote in <mark> with its speaker's label where it begins.

    Quotes may overlap (a direct quote inside a reported claim): the text is cut at
    every boundary and each piece is marked with all the quotes that cover it. Quotes
    whose offsets do not fit the text are left out rather than guessed at.
    """
    usable = sorted(
        (q for q in quotes if offsets_fit(text, q.start, q.end)), key=lambda q: (q.start, -q.end, q.id)
    )
    cuts = sorted({0, len(text), *(q.start for q in usable), *(q.end for q in usable)})
    out: list[Markup] = []
    for lo, hi in zip(cuts, cuts[1:]):
        out.extend(_label(q) for q in usable if q.start == lo)
        covering = [q for q in usable if q.start <= lo and hi <= q.end]
        piece = text[lo:hi]
        out.append(_mark(piece, covering) if covering else escape(piece))
    return Markup("").join(out)


def year_chart(counts: Sequence[tuple[str, int]], *, bar_width: int = 240) -> Markup:
    """A small inline SVG bar chart, one bar per year: it needs no script and no network."""
    if not counts:
        return Markup("")
    row, label_w, top = 22, 70, max(n for _, n in counts) or 1
    height = row * len(counts)
    width = label_w + bar_width + 50
    parts = [
        Markup(
            '<svg class="year-chart" role="img" aria-label="quotes per year" '
            'xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}">'
        ).format(width, height, width, height)
    ]
    for i, (year, n) in enumerate(counts):
        y = i * row
        w = max(1, round(bar_width * n / top))
        parts.append(
            Markup(
                '<g><text x="0" y="{}" font-size="13">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="#4a7ab5"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" font-size="13">{}</text></g>'
            ).format(y + 15, year, label_w, y + 3, w, row - 6, year, n, label_w + w + 6, y + 15, n)
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
