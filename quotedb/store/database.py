"""Opening the SQLite file: one engine factory so every connection enforces foreign keys."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event


def url_for(db_path: str | Path) -> str:
    return f"sqlite:///{Path(db_path)}"


def make_engine(db_path: str | Path, *, bulk: bool = False) -> Engine:
    """`bulk` is for `quotedb build`: WAL with synchronous=NORMAL (a commit costs no fsync),
    and transactions begun explicitly so that SAVEPOINTs nest inside a batch transaction
    (pysqlite's own transaction handling would commit them early). Its page cache is 16 MiB:
    the file sits in the OS page cache anyway, and 64 MiB put a build of a million quotes
    over 300 MB with no gain in speed (benchmarks/README.md). The WAL is checkpointed every
    64 MiB instead of every 4: each checkpoint writes back and syncs the index pages it
    holds, and 30,000 articles into a million quotes went from 65-81 s to 58-74 s."""
    engine = create_engine(url_for(db_path))

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if bulk:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA cache_size = -16384")
            cursor.execute("PRAGMA wal_autocheckpoint = 16384")
        cursor.close()
        if bulk:
            dbapi_connection.isolation_level = None

    if bulk:

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:
            conn.exec_driver_sql("BEGIN")

    return engine


def close_bulk(db_path: str | Path) -> None:
    """Fold the WAL back into the file and return to a rollback journal, so the database is
    one self-contained file again (what `datasette -i` and copying it expect). Left in WAL
    when another process has the file open."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.OperationalError:
        pass  # another connection (a mutable `quotedb serve`) holds it: the data is safe in WAL
    finally:
        conn.close()
