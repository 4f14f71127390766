"""HTML pages: the main text and metadata, via trafilatura.

trafilatura is built for exactly this (boilerplate removal plus title, author,
date, site name and canonical url from meta tags and JSON-LD) and is well kept.
It runs in precision mode without its generic fallback extractors first, since a
navigation line taken for body text would be mined for quotes; the fallback is
used only when that finds nothing, and only if what it finds reads as sentences. Its date search is limited to what the page declares, so no
date is guessed from stray numbers in the page.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from quotedb.model import Article, ArticleMeta, ReadError
from quotedb.read.dates import parse_date
from quotedb.read.decode import DecodeFailure, Decoding, decode_bytes
from quotedb.read.limits import MAX_HTML_BYTES, read_bounded
from quotedb.read.plaintext import article_from_text

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_MIN_PROSE_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", "'", "\u2019")


def read_html_file(path: str, origin: str, text_column: str | None = None) -> Iterator[Article | ReadError]:
    data = read_bounded(path, MAX_HTML_BYTES, "one page")
    if isinstance(data, str):
        yield ReadError(origin, data)
        return
    try:
        html, decoding = _decode(data, origin)
    except DecodeFailure as e:
        yield ReadError(origin, str(e))
        return
    yield _extract(html, origin, (decoding.warning,) if decoding.warning else ())


def _decode(data: bytes, origin: str) -> tuple[str, Decoding]:
    """UTF-8 first as everywhere; a page that is not UTF-8 is read in the charset it declares."""
    html, decoding = decode_bytes(data, origin)
    if decoding.warning is None:
        return html, decoding
    declared = _DECLARED.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
            return data.decode(codec), Decoding(codec)
        except (LookupError, UnicodeDecodeError):
            pass
    return html, decoding


def _extract(html: str, origin: str, warnings: tuple[str, ...]) -> Article | ReadError:
    try:
        doc = _bare_extraction(html, fast=True)
        if not _text_of(doc):
            doc = _bare_extraction(html, fast=False)
            if not _has_prose(_text_of(doc)):
                doc = None
    except Exception as e:  # lxml and trafilatura raise many kinds on broken markup
        return ReadError(origin, f"HTML could not be parsed: {type(e).__name__}: {e}")
    text = _text_of(doc)
    if not text:
        return ReadError(origin, "no article text found")
    categories = [c for c in (doc.categories or []) if c and c.strip()]
    meta = ArticleMeta(
        title=_clean(doc.title),
        published=parse_date(doc.date),
        source=_clean(doc.sitename),
        author=_clean(doc.author),
        section=categories[0].strip() if categories else None,
        url=_clean(doc.url),
    )
    article = article_from_text(text, origin, given=meta, warnings=warnings)
    if article.body_start == 0 and meta.title:
        first_line = text.split("\n", 1)[0]
        if first_line.strip() == meta.title and len(first_line) < len(text):
            body_start = len(first_line) + 1
            return Article(text, article.meta, origin, None, warnings, body_start, article.body_end)
    return article


def _bare_extraction(html: str, *, fast: bool):
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        fast=fast,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )


def _text_of(doc) -> str | None:
    text = getattr(doc, "text", None) if doc is not None else None
    return text if text and text.strip() else None


def _has_prose(text: str | None) -> bool:
    """Whether the generic fallback found sentences rather than a menu or a footer."""
    if not text:
        return False
    return any(
        len(line.split()) >= _MIN_PROSE_WORDS and line.rstrip().endswith(_SENTENCE_ENDS)
        for line in text.split("\n")
    )


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None
