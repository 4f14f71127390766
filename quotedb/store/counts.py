"""Per-speaker counts kept by triggers, so "most quoted speakers" reads one small table.

`speakers.quote_count` and `speakers.article_count` follow every insert, delete and
speaker change on `quotes`; counting them at query time means a pass over every quote,
which is seconds at a million quotes. Like the FTS triggers (see `quotedb.store.fts`),
these live in the migrations, not the models: a batch migration that rebuilds `quotes`
drops them, so it must call `restore_speaker_counts` after.
"""

from __future__ import annotations

import sqlite3

TRIGGERS = ("quotes_count_ai", "quotes_count_ad", "quotes_count_au")

_ADD = """
    update speakers set
        quote_count = quote_count + 1,
        article_count = article_count + not exists (
            select 1 from quotes where speaker_id = {row}.speaker_id
            and article_id = {row}.article_id and id != {row}.id)
    where id = {row}.speaker_id;"""
_REMOVE = """
    update speakers set
        quote_count = quote_count - 1,
        article_count = article_count - not exists (
            select 1 from quotes where speaker_id = {row}.speaker_id
            and article_id = {row}.article_id and id != {row}.id)
    where id = {row}.speaker_id;"""

CREATE = (
    f"CREATE TRIGGER IF NOT EXISTS quotes_count_ai AFTER INSERT ON quotes WHEN new.speaker_id IS NOT NULL BEGIN"
    f"{_ADD.format(row='new')}\nEND",
    f"CREATE TRIGGER IF NOT EXISTS quotes_count_ad AFTER DELETE ON quotes WHEN old.speaker_id IS NOT NULL BEGIN"
    f"{_REMOVE.format(row='old')}\nEND",
    # An update runs after the row changed: the old speaker loses it, the new one gains it.
    "CREATE TRIGGER IF NOT EXISTS quotes_count_au AFTER UPDATE OF speaker_id, article_id ON quotes BEGIN"
    f"{_REMOVE.format(row='old')}{_ADD.format(row='new')}\nEND",
)

RECOUNT = """
update speakers set
    quote_count = (select count(*) from quotes where quotes.speaker_id = speakers.id),
    article_count = (select count(distinct article_id) from quotes where quotes.speaker_id = speakers.id)
"""


def restore_speaker_counts(conn: sqlite3.Connection) -> None:
    """Create the triggers (if missing) and recount every speaker from the stored quotes."""
    for statement in CREATE:
        conn.execute(statement)
    conn.execute(RECOUNT)


def drop_speaker_counts(conn: sqlite3.Connection) -> None:
    for name in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
