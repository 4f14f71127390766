"""Quotes straight from the database, as CSV, JSON or JSON Lines: no row limit, unlike the site.

Each row carries its provenance (quote and article ids, url, source, the file and row the
article was read from, the offsets into its text), so that a quote from an untitled,
url-less article can still be traced. Filters select by speaker, publication date and kind.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from quotedb.csvsafe import spreadsheet_safe
from quotedb.store.identity import fold, name_key
from quotedb.suggest import suggest_speakers

# The first eight are the columns of the first exports, in their order; the rest were added.
COLUMNS = (
    "date", "article_title", "url", "text", "kind", "role", "organization", "event",
    "quote_id", "speaker", "article_id", "source", "file", "row", "start", "end", "paragraph",
)
FORMATS = ("csv", "json", "jsonl")
KINDS = ("direct", "mixed", "indirect")

_SELECT = """
select articles.published as date, articles.title as article_title, articles.url as url,
       quotes.text as text, quotes.kind as kind, roles.title as role,
       roles.organization as organization, events.name as event,
       quotes.id as quote_id, speakers.name as speaker, quotes.article_id as article_id,
       articles.source as source, articles.origin as file, articles.locator as row,
       quotes.start as start, quotes."end" as "end", quotes.paragraph as paragraph
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
left join roles on roles.id = quotes.role_id
left join events on events.id = quotes.event_id
"""
_ORDER = "order by articles.published is null, articles.published, quotes.article_id, quotes.start"


@dataclass(frozen=True)
class Filters:
    """Which quotes: published on or after `since` and on or before `until` (YYYY-MM-DD;
    an undated quote passes only when neither is given), of the given kinds (any if empty)."""

    since: str | None = None
    until: str | None = None
    kinds: tuple[str, ...] = ()

    def sql(self) -> tuple[list[str], list]:
        clauses, params = [], []
        if self.since:
            clauses.append("articles.published >= ?")
            params.append(self.since)
        if self.until:
            # A date of the last day (2024-05-31) or a longer stamp on it both pass.
            clauses.append("substr(articles.published, 1, 10) <= ?")
            params.append(self.until)
        if self.kinds:
            clauses.append(f"quotes.kind in ({', '.join('?' * len(self.kinds))})")
            params.extend(self.kinds)
        return clauses, params


def connect(db_path: str | Path) -> sqlite3.Connection:
    if not Path(db_path).exists():
        raise FileNotFoundError(f"{db_path}: no such database; run `quotedb build` first")
    return sqlite3.connect(f"file:{Path(db_path)}?mode=ro", uri=True)


def speaker_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """Every speaker row with this name, matched the way the writer matches names."""
    keys = [name_key(name), fold(name)]
    return [row[0] for row in conn.execute("select id from speakers where name_key in (?, ?) order by id", keys)]


def unknown_speaker(conn: sqlite3.Connection, name: str) -> LookupError:
    """The error for a name that matches nobody, with the speakers it may have meant."""
    found = suggest_speakers(conn, name)
    hint = "; did you mean " + ", ".join(f"{n!r} ({q} quote{'s' if q != 1 else ''})" for _, n, q in found) + "?" if found else ""
    return LookupError(f"no speaker named {name!r}{hint}")


def quote_rows(conn: sqlite3.Connection, ids: list[int] | None, filters: Filters = Filters()) -> Iterator[tuple]:
    """The quotes of these speakers (every quote when `ids` is None), oldest first."""
    clauses, params = filters.sql()
    if ids is not None:
        if not ids:
            return iter(())
        clauses.insert(0, f"quotes.speaker_id in ({', '.join('?' * len(ids))})")
        params[:0] = ids
    where = ("where " + " and ".join(clauses)) if clauses else ""
    return conn.execute(f"{_SELECT} {where} {_ORDER}", params)


def write_rows(rows: Iterable[tuple], out: TextIO, fmt: str = "csv") -> int:
    """Write the rows in `fmt`; returns how many. JSON is one array, JSON Lines one object a line."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([spreadsheet_safe(value) for value in row])  # CSV goes to spreadsheets
            count += 1
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(dict(zip(COLUMNS, row)), ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "json":
        out.write("[")
        for row in rows:
            out.write(("," if count else "") + "\n" + json.dumps(dict(zip(COLUMNS, row)), ensure_ascii=False))
            count += 1
        out.write("\n]\n" if count else "]\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return count


def write_csv(rows: Iterator[tuple], out: TextIO) -> int:
    return write_rows(rows, out, "csv")


def export_speaker(db_path: str | Path, name: str, out: TextIO, *, fmt: str = "csv", filters: Filters = Filters()) -> int:
    """Write the speaker's quotes; LookupError, with suggestions, when nobody has that name."""
    with connect(db_path) as conn:
        ids = speaker_ids(conn, name)
        if not ids:
            raise unknown_speaker(conn, name)
        return write_rows(quote_rows(conn, ids, filters), out, fmt)


def export_quotes(db_path: str | Path, out: TextIO, *, fmt: str = "csv", filters: Filters = Filters()) -> int:
    """Write every quote that passes the filters."""
    with connect(db_path) as conn:
        return write_rows(quote_rows(conn, None, filters), out, fmt)


def safe_filename(name: str) -> str:
    """A portable file name: ASCII letters, digits and hyphens ("Antonio Guterres" -> "antonio-guterres")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:80].rstrip("-") or "speaker"


def export_all(db_path: str | Path, folder: str | Path, *, fmt: str = "csv", filters: Filters = Filters()) -> dict[str, int]:
    """One file per speaker row; returns file name -> number of quotes."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    with connect(db_path) as conn:
        speakers = conn.execute("select id, name from speakers order by name_key, id").fetchall()
        for speaker_id, name in speakers:
            filename = f"{safe_filename(name)}.{fmt}"
            if filename in written:
                filename = f"{safe_filename(name)}-{speaker_id}.{fmt}"
            with open(folder / filename, "w", newline="", encoding="utf-8") as out:
                written[filename] = write_rows(quote_rows(conn, [speaker_id], filters), out, fmt)
    return written


_SEARCH = """
with hits as (
  select rowid, rank from quotes_fts where quotes_fts match :match order by rank limit :limit
)
""" + _SELECT.replace("from quotes\n", "from hits join quotes on quotes.id = hits.rowid\n", 1) + " order by hits.rank"


def search_rows(conn: sqlite3.Connection, text: str, *, limit: int = 20, raw: bool = False) -> list[tuple]:
    """The quotes whose text matches, best first: the words as typed (FTS operators, quote
    marks and hyphens taken as plain text) unless `raw`, when FTS5's query syntax applies."""
    from datasette.utils import escape_fts

    match = text if raw else escape_fts(text)
    try:
        return conn.execute(_SEARCH, {"match": match, "limit": limit}).fetchall()
    except sqlite3.OperationalError as exc:
        raise ValueError(f"not a valid full-text query: {text!r} ({exc})") from exc
