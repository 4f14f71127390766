"""Shared fixtures: real SQLite files, built the way users build them.

`seeds_db` is the database built from the repository's raw/ folder (the two seed
articles), once per session; other test modules reuse it read-only.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quotedb.store import migrate
from quotedb.store.database import make_engine
from quotedb.store.writer import Writer

from factories import RAW


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """quotes.db built from a copy of raw/ by `quotedb.build.build`; treat as read-only."""
    from quotedb.build import build

    folder = tmp_path_factory.mktemp("seeds")
    shutil.copytree(RAW, folder / "raw")
    db = folder / "quotes.db"
    summary = build([folder / "raw"], db)
    assert summary.failed == 0, summary.errors
    return db


@pytest.fixture
def db_path(tmp_path) -> Path:
    """An empty database migrated to head."""
    path = tmp_path / "quotes.db"
    migrate.upgrade(path)
    return path


@pytest.fixture
def writer(db_path):
    engine = make_engine(db_path)
    yield Writer(engine, "test 1")
    engine.dispose()
