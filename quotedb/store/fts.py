"""Full-text search on quote text: an FTS5 index kept in step with `quotes` by triggers.

sqlite-utils creates it as an external-content table (`content="quotes"`), which is the
form Datasette detects. Batch migrations that rebuild `quotes` drop its triggers, so every
such migration calls `restore_quote_search` after the rebuild. It must also drop the
views over `quotes` first and create them again after: SQLite refuses the final
`ALTER TABLE ... RENAME` of a batch rebuild while a view names the missing table. The
same holds for the triggers on speakers, roles, events and articles that copy names onto
quotes: `quotedb.store.counts.drop_quote_names` before the rebuild; after it,
`restore_quote_search`, `restore_speaker_counts`, `restore_quote_dates`,
`restore_quote_names` and `restore_facet_counts`, in that order.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

TABLE = "quotes"
FTS_TABLE = "quotes_fts"
COLUMNS = ("text",)
TRIGGERS = ("quotes_ai", "quotes_ad", "quotes_au")


def is_search_object(name: str | None) -> bool:
    """True for FTS tables (`*_fts`) and their shadow tables, which Alembic must not manage."""
    return bool(name) and (name.endswith("_fts") or "_fts_" in name)


def enable_quote_search(conn: sqlite3.Connection) -> None:
    """Create (or repair) the index and its triggers; safe to run again."""
    sqlite_utils.Database(conn)[TABLE].enable_fts(
        list(COLUMNS), fts_version="FTS5", create_triggers=True, replace=True
    )
    narrow_update_trigger(conn, TABLE)


def narrow_update_trigger(conn: sqlite3.Connection, table: str, wide: bool = False, column: str = "text") -> None:
    """Re-index a row only when its text changes, not on any update.

    sqlite-utils' update trigger fires on every column: setting quotes.quotation_id on a
    million quotes (or a speaker's kept quote_count on every insert) would delete and
    re-add each row in the index. `column` is the indexed one; `wide` puts it back.
    """
    name = f"{table}_au"
    row = conn.execute("select sql from sqlite_master where type = 'trigger' and name = ?", (name,)).fetchone()
    if row is None:
        return
    narrow, broad = f'AFTER UPDATE OF "{column}" ON "{table}"', f'AFTER UPDATE ON "{table}"'
    old, new = (narrow, broad) if wide else (broad, narrow)
    if old in row[0]:
        conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute(row[0].replace(old, new))


def restore_quote_search(conn: sqlite3.Connection) -> None:
    """Recreate triggers and re-index after `quotes` was rebuilt by a batch migration."""
    db = sqlite_utils.Database(conn)
    if db[FTS_TABLE].exists():
        db[TABLE].disable_fts()
    enable_quote_search(conn)


def disable_quote_search(conn: sqlite3.Connection) -> None:
    db = sqlite_utils.Database(conn)
    if db[TABLE].exists():
        db[TABLE].disable_fts()


def missing_triggers(conn: sqlite3.Connection) -> set[str]:
    present = {row[0] for row in conn.execute("select name from sqlite_master where type = 'trigger'")}
    return set(TRIGGERS) - present


SPEAKER_TRIGGERS = ("speakers_ai", "speakers_ad", "speakers_au")


def enable_speaker_search(conn: sqlite3.Connection) -> None:
    """Full-text search on speaker names, so the home page's search finds people too.
    A batch migration that rebuilds `speakers` must call this again after."""
    sqlite_utils.Database(conn)["speakers"].enable_fts(
        ["name"], fts_version="FTS5", create_triggers=True, replace=True
    )
    narrow_update_trigger(conn, "speakers", column="name")
