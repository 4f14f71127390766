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


# Names on the quote row: quotes.speaker, speaker_kind, role, organization, event,
# article_title, source and url copy the speaker's, role's, event's and article's values, so
# that quotes_view is a plain projection of `quotes`. Its row count and facets are then
# index scans of one table (a count took ~1 s and the speaker facet ~1.8 s through four
# joins at a million quotes). The triggers fill them in, and follow every change of a
# quote's links or of the named rows. Since 0009 the insert trigger fires only when an
# insert did not give the names the linked rows hold: the writer gives them, which spares
# each quote a second write of its row and its indexes (and the facet recount it caused).
#
# The triggers on speakers, roles, events and articles name `quotes`: a batch rebuild of
# `quotes` must `drop_quote_names` (and drop the views) before it, because SQLite refuses
# the final rename while a trigger names the missing table, then call `restore_quote_names`
# (after restore_quote_search, restore_speaker_counts and restore_quote_dates, and before
# restore_facet_counts) after.
# A batch rebuild of one of the four named tables drops its own trigger: call
# `restore_quote_names` after that too.
# (quotes column, column of the named row, its table, the quotes column holding its id)
COPIED = (
    ("speaker", "name", "speakers", "speaker_id"),
    ("speaker_kind", "kind", "speakers", "speaker_id"),
    ("role", "title", "roles", "role_id"),
    ("organization", "organization", "roles", "role_id"),
    ("event", "name", "events", "event_id"),
    ("article_title", "title", "articles", "article_id"),
    ("source", "source", "articles", "article_id"),
    ("url", "url", "articles", "article_id"),
)
NAME_COLUMNS = tuple(column for column, *_ in COPIED)
NAME_TRIGGERS = (
    "quotes_names_ai", "quotes_names_au",
    "speakers_quote_names_au", "speakers_quote_names_ad",
    "roles_quote_names_au", "roles_quote_names_ad",
    "events_quote_names_au", "events_quote_names_ad",
    "articles_quote_names_au", "articles_quote_names_ad",
)


def _copy(row: str, source: str, table: str, link: str) -> str:
    return f"(SELECT {source} FROM {table} WHERE id = {row}.{link})"


_NAMES_OF = ",".join(f"\n    {column} = {_copy('{row}', *rest)}" for column, *rest in COPIED)
_LINKS = "speaker_id, role_id, event_id, article_id"
_NAMED = {
    # table: (columns copied, as "quotes column = new.column", the quotes column holding its id)
    table: (
        ", ".join(f"{column} = {{r}}.{source}" for column, source, named, _ in COPIED if named == table),
        ", ".join(source for _, source, named, _ in COPIED if named == table),
        next(link for _, _, named, link in COPIED if named == table),
    )
    for table in dict.fromkeys(named for _, _, named, _ in COPIED)
}


def _names_differ(row: str) -> str:
    return " OR ".join(f"{row}.{column} IS NOT {_copy(row, *rest)}" for column, *rest in COPIED)


def _name_triggers(*, guarded: bool = True) -> list[str]:
    """`guarded` False gives the insert trigger of 0008, which always rewrote the row."""
    when = f" WHEN {_names_differ('new')}" if guarded else ""
    statements = [
        f"CREATE TRIGGER IF NOT EXISTS quotes_names_ai AFTER INSERT ON quotes{when} BEGIN"
        f" UPDATE quotes SET {_NAMES_OF.format(row='new')} WHERE id = new.id; END",
        f"CREATE TRIGGER IF NOT EXISTS quotes_names_au AFTER UPDATE OF {_LINKS} ON quotes BEGIN"
        f" UPDATE quotes SET {_NAMES_OF.format(row='new')} WHERE id = new.id; END",
    ]
    for table, (assign, columns, link) in _NAMED.items():
        cleared = ", ".join(f"{part.split(' = ')[0]} = NULL" for part in assign.split(", "))
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS {table}_quote_names_au AFTER UPDATE OF {columns} ON {table} BEGIN"
            f" UPDATE quotes SET {assign.format(r='new')} WHERE {link} = new.id; END"
        )
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS {table}_quote_names_ad AFTER DELETE ON {table} BEGIN"
            f" UPDATE quotes SET {cleared} WHERE {link} = old.id; END"
        )
    return statements


CREATE_NAMES = tuple(_name_triggers())
CREATE_NAMES_0008 = tuple(_name_triggers(guarded=False))
RENAME = f"UPDATE quotes SET {_NAMES_OF.format(row='quotes')}"


def restore_quote_names(conn: sqlite3.Connection, *, guarded: bool = True) -> None:
    """Create the triggers (if missing) and copy every quote's names again."""
    for statement in CREATE_NAMES if guarded else CREATE_NAMES_0008:
        conn.execute(statement)
    conn.execute(RENAME)


def guard_quote_names(conn: sqlite3.Connection, *, guarded: bool = True) -> None:
    """Replace the insert trigger by the guarded one (0009), or back (its downgrade).

    SQLite runs the newest of a table's triggers first, and quotes_facets_ai must count the
    names as inserted before quotes_names_ai corrects them (the correction is counted by
    quotes_facets_au): so the facet triggers are made again after it."""
    conn.execute("DROP TRIGGER IF EXISTS quotes_names_ai")
    conn.execute((CREATE_NAMES if guarded else CREATE_NAMES_0008)[0])
    drop_facet_counts(conn)
    for statement in CREATE_FACETS:
        conn.execute(statement)


def drop_quote_names(conn: sqlite3.Connection) -> None:
    for name in NAME_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def missing_name_triggers(conn: sqlite3.Connection) -> set[str]:
    present = {row[0] for row in conn.execute("select name from sqlite_master where type = 'trigger'")}
    return (set(NAME_TRIGGERS) | set(FACET_TRIGGERS)) - present


# quote_facets: per value of each faceted quotes_view column, how many quotes have it (NULLs
# are not counted, as Datasette's facets leave them out). A quote inserted without its names
# is counted by the update trigger, when quotes_names_ai sets them.
FACETS = ("kind", "speaker", "event", "source")
FACET_TRIGGERS = ("quotes_facets_ai", "quotes_facets_ad", "quotes_facets_au")


def _count_in(column: str, changed: str = "") -> str:
    return (
        f" INSERT INTO quote_facets (facet, value, count) SELECT '{column}', new.{column}, 1"
        f" WHERE new.{column} IS NOT NULL{changed} ON CONFLICT (facet, value) DO UPDATE SET count = count + 1;"
    )


def _count_out(column: str, changed: str = "") -> str:
    return f" UPDATE quote_facets SET count = count - 1 WHERE facet = '{column}' AND value = old.{column}{changed};"


CREATE_FACETS = (
    "CREATE TRIGGER IF NOT EXISTS quotes_facets_ai AFTER INSERT ON quotes BEGIN"
    + "".join(_count_in(c) for c in FACETS) + " END",
    "CREATE TRIGGER IF NOT EXISTS quotes_facets_ad AFTER DELETE ON quotes BEGIN"
    + "".join(_count_out(c) for c in FACETS) + " END",
    f"CREATE TRIGGER IF NOT EXISTS quotes_facets_au AFTER UPDATE OF {', '.join(FACETS)} ON quotes BEGIN"
    + "".join(_count_out(c, f" AND old.{c} IS NOT new.{c}") + _count_in(c, f" AND old.{c} IS NOT new.{c}") for c in FACETS)
    + " END",
)


def restore_facet_counts(conn: sqlite3.Connection) -> None:
    """Create the triggers (if missing) and count every facet again from the stored quotes."""
    for statement in CREATE_FACETS:
        conn.execute(statement)
    conn.execute("DELETE FROM quote_facets")
    for column in FACETS:
        conn.execute(
            f"INSERT INTO quote_facets (facet, value, count) SELECT '{column}', {column}, count(*)"
            f" FROM quotes WHERE {column} IS NOT NULL GROUP BY {column}"
        )


def drop_facet_counts(conn: sqlite3.Connection) -> None:
    for name in FACET_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
