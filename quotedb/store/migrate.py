"""Run Alembic from code, so `quotedb build` needs no alembic.ini in the working directory."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from quotedb.store.database import url_for

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def alembic_config(db_path: str | Path) -> Config:
    if not (MIGRATIONS / "env.py").exists():
        raise RuntimeError(f"Alembic migrations not found at {MIGRATIONS}; install quotedb from its source tree")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url_for(db_path).replace("%", "%%"))
    return config


def upgrade(db_path: str | Path, revision: str = "head") -> None:
    command.upgrade(alembic_config(db_path), revision)


def downgrade(db_path: str | Path, revision: str = "base") -> None:
    command.downgrade(alembic_config(db_path), revision)


def heads(db_path: str | Path = ":memory:") -> list[str]:
    return list(ScriptDirectory.from_config(alembic_config(db_path)).get_heads())
