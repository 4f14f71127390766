"""The Parquet tables an extraction is written as, and the way back to typed values.

Three tables, one file each per partition, joined on (`partition`, `article`):

- `articles`: one row per article read: where it came from (`source_file`, `locator`,
  `item`: its 0-based position among what the reader gave for that file), its metadata,
  its text verbatim, `sha256` of the text, the body offsets, the reader's warnings, and
  `error` (the extraction's error message, or null);
- `quotes`: one row per quote or claim, `quote` its order in the extraction; offsets are
  character offsets into `articles.text` (`text == articles.text[start:end]`);
- `events`: one row per event found in the article, `event` its order.

Field names follow the `quotedb extract` JSON Lines record (`quotedb.jsonl`), flattened:
add fields, never rename them, for the same reason.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa

from quotedb.model import Article, ArticleMeta, Event, Extraction, Quote, Span

_str = pa.string()

ARTICLES = pa.schema([
    ("partition", _str),
    ("article", pa.int32()),
    ("source_file", _str),
    ("locator", _str),
    ("item", pa.int64()),
    ("sha256", _str),
    ("title", _str),
    ("published", _str),
    ("source", _str),
    ("author", _str),
    ("section", _str),
    ("url", _str),
    ("text", pa.large_string()),
    ("body_start", pa.int64()),
    ("body_end", pa.int64()),
    ("warnings", pa.list_(_str)),
    ("engine_version", _str),
    ("error", _str),
])

QUOTES = pa.schema([
    ("partition", _str),
    ("article", pa.int32()),
    ("sha256", _str),
    ("quote", pa.int32()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("text", _str),
    ("kind", _str),
    ("paragraph", pa.int32()),
    ("speaker", _str),
    ("speaker_kind", _str),
    ("speaker_mention", _str),
    ("mention_start", pa.int64()),
    ("mention_end", pa.int64()),
    ("role", _str),
    ("organization", _str),
    ("place", _str),
    ("event", _str),
    ("cue", _str),
    ("confidence", pa.float64()),
    ("rule", _str),
])

EVENTS = pa.schema([
    ("partition", _str),
    ("article", pa.int32()),
    ("sha256", _str),
    ("event", pa.int32()),
    ("name", _str),
    ("kind", _str),
    ("location", _str),
    ("organizer", _str),
    ("date", _str),
    ("mention", _str),
    ("mention_start", pa.int64()),
    ("mention_end", pa.int64()),
])

TABLES = {"articles": ARTICLES, "quotes": QUOTES, "events": EVENTS}


class Rows:
    """Column lists for the three tables of one partition, filled article by article."""

    def __init__(self, partition: str) -> None:
        self.partition = partition
        self.columns = {name: {field.name: [] for field in schema} for name, schema in TABLES.items()}
        self.articles = 0

    def add(self, article: Article, item: int, extraction: Extraction | None, error: str | None) -> None:
        index = self.articles
        self.articles += 1
        sha = article.sha256
        meta = article.meta
        _append(self.columns["articles"], (
            self.partition, index, article.origin, article.locator, item, sha, meta.title, meta.published,
            meta.source, meta.author, meta.section, meta.url, article.text, article.body_start, article.body_end,
            list(article.warnings), extraction.engine_version if extraction else None, error,
        ))
        for number, q in enumerate(extraction.quotes if extraction else ()):
            m = q.speaker_mention
            _append(self.columns["quotes"], (
                self.partition, index, sha, number, q.start, q.end, q.text, q.kind, q.paragraph, q.speaker,
                q.speaker_kind, m and m.text, m and m.start, m and m.end, q.role, q.organization, q.place,
                q.event, q.cue, q.confidence, q.rule,
            ))
        for number, e in enumerate(extraction.events if extraction else ()):
            m = e.mention
            _append(self.columns["events"], (
                self.partition, index, sha, number, e.name, e.kind, e.location, e.organizer, e.date,
                m and m.text, m and m.start, m and m.end,
            ))

    def tables(self) -> dict[str, pa.Table]:
        return {name: pa.table(self.columns[name], schema=schema) for name, schema in TABLES.items()}

    def clear(self) -> None:
        for columns in self.columns.values():
            for values in columns.values():
                values.clear()


def _append(columns: dict[str, list], values: tuple) -> None:
    for column, value in zip(columns.values(), values, strict=True):
        column.append(value)


def articles_of(articles: pa.Table, quotes: pa.Table, events: pa.Table) -> Iterator[tuple[int, Article, Extraction | None, str | None]]:
    """The partition's articles in order: (item, article, extraction or None if it failed, error)."""
    by_quote = _grouped(quotes)
    by_event = _grouped(events)
    for row in articles.to_pylist():
        index = row["article"]
        article = Article(
            text=row["text"],
            meta=ArticleMeta(
                title=row["title"], published=row["published"], source=row["source"],
                author=row["author"], section=row["section"], url=row["url"],
            ),
            origin=row["source_file"],
            locator=row["locator"],
            warnings=tuple(row["warnings"] or ()),
            body_start=row["body_start"],
            body_end=row["body_end"],
        )
        if row["error"] is not None:
            yield row["item"], article, None, row["error"]
            continue
        yield row["item"], article, Extraction(
            quotes=tuple(_quote(q) for q in by_quote.get(index, ())),
            events=tuple(_event(e) for e in by_event.get(index, ())),
            engine_version=row["engine_version"] or "",
        ), None


def _grouped(table: pa.Table) -> dict[int, list[dict]]:
    groups: dict[int, list[dict]] = {}
    order = "quote" if "quote" in table.column_names else "event"
    for row in sorted(table.to_pylist(), key=lambda r: (r["article"], r[order])):
        groups.setdefault(row["article"], []).append(row)
    return groups


def _span(text: str | None, start: int | None, end: int | None) -> Span | None:
    return None if text is None else Span(text, start, end)


def _quote(r: dict) -> Quote:
    return Quote(
        start=r["start"], end=r["end"], text=r["text"], kind=r["kind"], paragraph=r["paragraph"],
        speaker=r["speaker"], speaker_kind=r["speaker_kind"],
        speaker_mention=_span(r["speaker_mention"], r["mention_start"], r["mention_end"]),
        role=r["role"], organization=r["organization"], place=r["place"], event=r["event"],
        cue=r["cue"], confidence=r["confidence"], rule=r["rule"] or "",
    )


def _event(r: dict) -> Event:
    return Event(
        name=r["name"], kind=r["kind"], location=r["location"], organizer=r["organizer"], date=r["date"],
        mention=_span(r["mention"], r["mention_start"], r["mention_end"]),
    )
