"""Speakers whose name is like the one asked for: the "did you mean" of the site and the CLI."""

from __future__ import annotations

import sqlite3

from quotedb.store.identity import fold

_QUERY = """
select s.id, s.name, s.quote_count from speakers_fts
join speakers s on s.id = speakers_fts.rowid
where speakers_fts match :match and s.quote_count > 0
order by s.quote_count desc, s.name, s.id
limit :limit
"""


def suggest_speakers(conn: sqlite3.Connection, name: str, limit: int = 5) -> list[tuple[int, str, int]]:
    """(id, name, quotes) of the most quoted speakers whose name has every word of `name`
    as the start of one of its words ("Guterres" -> "António Guterres", "ban ki" ->
    "Ban Ki-moon"); if none has all of them, those having any."""
    words = fold(name).split()
    if not words:
        return []
    prefixes = [f'"{word}"*' for word in words]  # fold() leaves no quote mark in a word
    found = conn.execute(_QUERY, {"match": " ".join(prefixes), "limit": limit}).fetchall()
    if not found and len(words) > 1:
        found = conn.execute(_QUERY, {"match": " OR ".join(prefixes), "limit": limit}).fetchall()
    return [tuple(row) for row in found]


def speaker_exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("select 1 from speakers where name = ? collate nocase limit 1", (name,)).fetchone() is not None
