"""Derived columns kept by triggers: per-speaker counts and each quote's publication date.

Per-speaker counts let "most quoted speakers" read one small table.

`speakers.quote_count` and `speakers.article_count` follow every insert, delete and
speaker change on `quotes`; counting them at query time means a pass over every quote,
which is seconds at a million quotes. Like the FTS triggers (see `quotedb.store.fts`),
these live in the migrations, not the models: a batch migration that rebuilds `quotes`
drops them, so it must call `restore_speaker_counts` and `restore_quote_dates` after.
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


# quotes.published copies articles.published, so that pages sorted by date (quotes_view is
# sorted newest first) read an index instead of sorting a million joined rows. The writer
# inserts it already set; the triggers correct any insert or move that did not. There is no
# trigger on articles: one naming `quotes` would make SQLite refuse the final rename of a
# batch rebuild of `quotes`. An article's date changes only when it is re-parsed, and then
# its quotes are deleted and inserted again.
DATE_TRIGGERS = ("quotes_published_ai", "quotes_published_au")
CREATE_DATES = (
    "CREATE TRIGGER IF NOT EXISTS quotes_published_ai AFTER INSERT ON quotes"
    " WHEN new.published IS NOT (SELECT published FROM articles WHERE id = new.article_id) BEGIN"
    " UPDATE quotes SET published = (SELECT published FROM articles WHERE id = new.article_id) WHERE id = new.id;"
    " END",
    "CREATE TRIGGER IF NOT EXISTS quotes_published_au AFTER UPDATE OF article_id, published ON quotes"
    " WHEN new.published IS NOT (SELECT published FROM articles WHERE id = new.article_id) BEGIN"
    " UPDATE quotes SET published = (SELECT published FROM articles WHERE id = new.article_id) WHERE id = new.id;"
    " END",
)
REDATE = """
update quotes set published = (select published from articles where articles.id = quotes.article_id)
where published is not (select published from articles where articles.id = quotes.article_id)
"""


def restore_quote_dates(conn: sqlite3.Connection) -> None:
    for statement in CREATE_DATES:
        conn.execute(statement)
    conn.execute(REDATE)


def drop_quote_dates(conn: sqlite3.Connection) -> None:
    for name in DATE_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
