"""CSV of a speaker's quotes, straight from the database (no row limit, unlike the site)."""

from __future__ import annotations

import csv
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from quotedb.csvsafe import spreadsheet_safe
from quotedb.store.identity import fold, name_key

COLUMNS = ("date", "article_title", "url", "text", "kind", "role", "organization", "event")

_QUERY = """
select articles.published as date, articles.title as article_title, articles.url as url,
       quotes.text as text, quotes.kind as kind, roles.title as role,
       roles.organization as organization, events.name as event
from quotes
join articles on articles.id = quotes.article_id
left join roles on roles.id = quotes.role_id
left join events on events.id = quotes.event_id
where quotes.speaker_id in ({ids})
order by articles.published is null, articles.published, quotes.article_id, quotes.start
"""


def connect(db_path: str | Path) -> sqlite3.Connection:
    if not Path(db_path).exists():
        raise FileNotFoundError(f"{db_path}: no such database; run `quotedb build` first")
    return sqlite3.connect(f"file:{Path(db_path)}?mode=ro", uri=True)


def speaker_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """Every speaker row with this name, matched the way the writer matches names."""
    keys = [name_key(name), fold(name)]
    return [row[0] for row in conn.execute("select id from speakers where name_key in (?, ?) order by id", keys)]


def quote_rows(conn: sqlite3.Connection, ids: list[int]) -> Iterator[tuple]:
    if not ids:
        return iter(())
    return conn.execute(_QUERY.format(ids=", ".join("?" * len(ids))), ids)


def write_csv(rows: Iterator[tuple], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([spreadsheet_safe(value) for value in row])
        count += 1
    return count


def export_speaker(db_path: str | Path, name: str, out: TextIO) -> int:
    """Write the speaker's quotes as CSV; LookupError when nobody has that name."""
    with connect(db_path) as conn:
        ids = speaker_ids(conn, name)
        if not ids:
            raise LookupError(f"no speaker named {name!r}")
        return write_csv(quote_rows(conn, ids), out)


def safe_filename(name: str) -> str:
    """A portable file name: ASCII letters, digits and hyphens ("Antonio Guterres" -> "antonio-guterres")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:80].rstrip("-") or "speaker"


def export_all(db_path: str | Path, folder: str | Path) -> dict[str, int]:
    """One CSV per speaker row; returns file name -> number of quotes."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    with connect(db_path) as conn:
        speakers = conn.execute("select id, name from speakers order by name_key, id").fetchall()
        for speaker_id, name in speakers:
            filename = safe_filename(name) + ".csv"
            if filename in written:
                filename = f"{safe_filename(name)}-{speaker_id}.csv"
            with open(folder / filename, "w", newline="", encoding="utf-8") as out:
                written[filename] = write_csv(quote_rows(conn, [speaker_id]), out)
    return written
