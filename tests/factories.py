"""Small builders for store tests: articles and extractions written by hand, and helpers
to query a database file and to GET a page through Datasette's test client."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from quotedb.model import Article, ArticleMeta, Event, Extraction, Quote, Span

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "raw"


def article(text: str, origin: str = "news/a.txt", locator: str | None = None, **meta) -> Article:
    return Article(text=text, meta=ArticleMeta(**meta), origin=origin, locator=locator)


def quote(text: str, fragment: str, *, kind: str = "direct", speaker: str | None = None, speaker_kind="person", mention: str | None = None, **fields) -> Quote:
    """A Quote of `fragment` at its first position in `text`, with a speaker mention if given."""
    start = text.index(fragment)
    span = None
    if mention:
        at = text.index(mention)
        span = Span(mention, at, at + len(mention))
    return Quote(
        start=start,
        end=start + len(fragment),
        text=fragment,
        kind=kind,
        paragraph=text.count("\n", 0, start),
        speaker=speaker,
        speaker_kind=speaker_kind if speaker else None,
        speaker_mention=span,
        **fields,
    )


def extraction(*quotes: Quote, events: tuple[Event, ...] = ()) -> Extraction:
    return Extraction(quotes=tuple(quotes), events=events, engine_version="test")


def fetch(db: Path, sql: str, params=()) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def get(ds, path: str):
    """A GET through Datasette's own test client."""
    return asyncio.run(ds.client.get(path))
