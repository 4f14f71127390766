"""Opening the SQLite file: one engine factory so every connection enforces foreign keys."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event


def url_for(db_path: str | Path) -> str:
    return f"sqlite:///{Path(db_path)}"


def make_engine(db_path: str | Path) -> Engine:
    engine = create_engine(url_for(db_path))

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    return engine
