"""Run Alembic from code, so `quotedb build` needs no alembic.ini in the working directory.

A new database is made from `migrations/head.sql`, the schema the migrations produce, in
one transaction (as Rails loads schema.rb instead of replaying every migration): Alembic's
import and ten batch migrations were a tenth of a BBC build, spent before any worker starts.
Tests check that it means what Alembic makes; `make schema` writes it again.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from quotedb.resources import migrations
from quotedb.store.database import url_for

# Shipped in the wheel as quotedb/migrations; the top-level folder in a checkout.
MIGRATIONS = migrations()
# The newest revision in migrations/versions (a test checks it is Alembic's one head): a
# database already there is not handed to Alembic, whose import and start-up took a third
# of an unchanged rebuild.
HEAD = "0011"
SNAPSHOT = MIGRATIONS / "head.sql"
# Tables FTS5 makes for each of its virtual tables, and fills itself.
_SHADOWS = ("data", "idx", "docsize", "config", "content")


def alembic_config(db_path: str | Path):
    from alembic.config import Config

    if not (MIGRATIONS / "env.py").exists():
        raise RuntimeError(f"Alembic migrations not found at {MIGRATIONS}; reinstall quotedb")
    import sys

    # sys.stdout as it is now: Alembic's default is the one of when it was imported, which
    # may since have been closed (pytest's capture; the lower-bound run failed on it).
    config = Config(stdout=sys.stdout)
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url_for(db_path).replace("%", "%%"))
    return config


def _read_only(db_path: str | Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True))


def current(db_path: str | Path) -> str | None:
    """The database's revision, read without Alembic; None for a new or unversioned file."""
    if not Path(db_path).is_file():
        return None
    with _read_only(db_path) as conn:
        try:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.DatabaseError:
            return None
    return rows[0][0] if len(rows) == 1 else None


class UnusableDatabase(ValueError):
    """The --db path holds something other than a quotedb database this version can
    upgrade (another kind of file, or a schema from a newer quotedb): it is left alone."""


def _check_is_database(db_path: str | Path) -> None:
    path = Path(db_path)
    if not path.parent.is_dir():
        raise FileNotFoundError(f"{path}: no folder {path.parent} to make the database in")
    if path.is_file() and path.stat().st_size:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise UnusableDatabase(f"{path}: not an SQLite database; choose another --db path")


def _known(revision: str) -> bool:
    return any((MIGRATIONS / "versions").glob(f"{revision}_*.py"))


def _newer(db_path: str | Path, found: str) -> UnusableDatabase:
    return UnusableDatabase(
        f"{db_path}: its schema is {found!r}, which this quotedb does not know (its newest is {HEAD}); "
        "it was made by a newer quotedb"
    )


def check_current(db_path: str | Path) -> None:
    """For the commands that only read (serve, export): the file must be a quotedb
    database at this version's schema, or they would fail on a missing table or column."""
    _check_is_database(db_path)
    found = current(db_path)
    if found == HEAD:
        return
    if found is None:
        raise UnusableDatabase(f"{db_path}: not a quotedb database; make one with `quotedb build --db {db_path}`")
    if _known(found):
        raise UnusableDatabase(f"{db_path}: its schema ({found}) is older than this quotedb's ({HEAD}); `quotedb build --db {db_path}` upgrades it")
    raise _newer(db_path, found)


def upgrade(db_path: str | Path, revision: str = "head", *, snapshot: bool = True) -> None:
    """Bring the database to `revision`; a new one to head from the snapshot (unless
    `snapshot` is false, as the migration tests ask), any other through Alembic."""
    _check_is_database(db_path)
    if revision in ("head", HEAD):
        if current(db_path) == HEAD:
            return
        if snapshot and _is_empty(db_path) and SNAPSHOT.is_file():
            _create_from_snapshot(db_path)
            return
    from alembic import command
    from alembic.util.exc import CommandError

    try:
        command.upgrade(alembic_config(db_path), revision)
    except CommandError as exc:
        found = current(db_path)
        if found is None or _known(found):
            raise
        raise _newer(db_path, found) from exc


def downgrade(db_path: str | Path, revision: str = "base") -> None:
    from alembic import command

    command.downgrade(alembic_config(db_path), revision)


def heads(db_path: str | Path = ":memory:") -> list[str]:
    from alembic.script import ScriptDirectory

    return list(ScriptDirectory.from_config(alembic_config(db_path)).get_heads())


def _is_empty(db_path: str | Path) -> bool:
    """No file, an empty file, or a database with nothing in it yet."""
    path = Path(db_path)
    if not path.is_file() or path.stat().st_size == 0:
        return True
    with _read_only(path) as conn:
        return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def _create_from_snapshot(db_path: str | Path) -> None:
    """The snapshot's statements in one transaction: a failure leaves no half-made schema."""
    script = SNAPSHOT.read_text(encoding="utf-8")
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        try:
            conn.executescript(f"BEGIN;\n{script}\nCOMMIT;")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def dump(db_path: str | Path) -> str:
    """The schema and rows of a database made by the migrations, as the script that makes
    it again: objects in the order they were made (SQLite fires the newest trigger first),
    without the tables FTS5 makes itself."""
    with _read_only(db_path) as conn:
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
        virtual = [name for _, name, sql in objects if sql.upper().startswith("CREATE VIRTUAL TABLE")]
        made_by_fts = {f"{table}_{shadow}" for table in virtual for shadow in _SHADOWS}
        lines = [f"-- The schema of migrations/versions at {current(db_path)}. Made by `make schema`; do not edit.", ""]
        for type_, name, sql in objects:
            if name not in made_by_fts:
                lines.append(f"{sql};")
        for type_, name, _ in objects:
            if type_ == "table" and name not in made_by_fts and name not in virtual:
                for row in sorted(conn.execute(f'SELECT * FROM "{name}"'), key=repr):
                    lines.append(f'INSERT INTO "{name}" VALUES ({", ".join(_literal(value) for value in row)});')
        return "\n".join(lines) + "\n"


def _literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, (int, float)):
        return repr(value)
    raise TypeError(f"cannot write {type(value).__name__} into {SNAPSHOT.name}")


def meaning(db_path: str | Path) -> dict:
    """What a schema means, not how Alembic happened to write it: batch migrations list a
    table's constraints, and make its indexes, in an order that varies from run to run. The
    order of each table's triggers does matter (SQLite fires the newest first)."""
    with _read_only(db_path) as conn:
        objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall()
        return {
            "objects": {
                name: (type_, table, sorted(line.strip().rstrip(",") for line in sql.splitlines()) if sql else None)
                for type_, name, table, sql in objects
            },
            "trigger order": [(table, name) for type_, name, table, _ in objects if type_ == "trigger"],
            "rows": {
                name: sorted(conn.execute(f'SELECT * FROM "{name}"'), key=repr)
                for type_, name, *_ in objects
                if type_ == "table"
            },
        }


def write_snapshot() -> Path:
    """Migrate a scratch database to head with Alembic and write its script to SNAPSHOT,
    unless the snapshot there already makes a database of the same meaning."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "head.db"
        upgrade(db, snapshot=False)
        if SNAPSHOT.is_file():
            made = Path(folder) / "snapshot.db"
            _create_from_snapshot(made)
            if meaning(made) == meaning(db):
                return SNAPSHOT
        SNAPSHOT.write_text(dump(db), encoding="utf-8")
    return SNAPSHOT


if __name__ == "__main__":
    print(f"wrote {write_snapshot()}")
