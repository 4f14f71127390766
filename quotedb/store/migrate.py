"""Run Alembic from code, so `quotedb build` needs no alembic.ini in the working directory."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quotedb.store.database import url_for

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
# The newest revision in migrations/versions (a test checks it is Alembic's one head): a
# database already there is not handed to Alembic, whose import and start-up took a third
# of an unchanged rebuild.
HEAD = "0010"


def alembic_config(db_path: str | Path):
    from alembic.config import Config

    if not (MIGRATIONS / "env.py").exists():
        raise RuntimeError(f"Alembic migrations not found at {MIGRATIONS}; install quotedb from its source tree")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url_for(db_path).replace("%", "%%"))
    return config


def current(db_path: str | Path) -> str | None:
    """The database's revision, read without Alembic; None for a new or unversioned file."""
    if not Path(db_path).is_file():
        return None
    conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return rows[0][0] if len(rows) == 1 else None


def upgrade(db_path: str | Path, revision: str = "head") -> None:
    if revision in ("head", HEAD) and current(db_path) == HEAD:
        return
    from alembic import command

    command.upgrade(alembic_config(db_path), revision)


def downgrade(db_path: str | Path, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(db_path), revision)


def heads(db_path: str | Path = ":memory:") -> list[str]:
    from alembic.script import ScriptDirectory

    return list(ScriptDirectory.from_config(alembic_config(db_path)).get_heads())
