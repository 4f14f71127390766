"""A database built by an older quotedb (schema 0005, taken from this repository's
history with `git archive`) and then built again by today's code holds the rows of a
fresh build: the same tables, the same rows up to surrogate ids, the same quotes_view."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import crash

REPO = Path(__file__).resolve().parents[2]
#: The last commit whose newest migration is 0005 (0006 was added by its child).
SCHEMA_0005 = "9ee9005"


def archive(commit: str, into: Path) -> Path:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout: no older commit to build with")
    tar = into / "old.tar"
    done = subprocess.run(["git", "-C", str(REPO), "archive", "-o", str(tar), commit], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"commit {commit} is not in this clone (shallow?): {done.stderr.strip()}")
    with tarfile.open(tar) as t:
        t.extractall(into / "old", filter="data")
    return into / "old"


def quotedb(*args: str, cwd: Path, code: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(code)} if code else None
    done = subprocess.run([sys.executable, "-c", "from quotedb.cli import cli; cli()", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


def test_a_schema_0005_database_upgraded_by_a_build_holds_a_fresh_builds_rows(tmp_path):
    old = archive(SCHEMA_0005, tmp_path)
    corpus = crash.write_corpus(tmp_path / "corpus", 120)
    quotedb("build", "corpus", "--db", "upgraded.db", cwd=tmp_path, code=old)
    with sqlite3.connect(tmp_path / "upgraded.db") as conn:
        assert conn.execute("select version_num from alembic_version").fetchone() == ("0005",)

    upgraded = quotedb("build", "corpus", "--db", "upgraded.db", cwd=tmp_path)
    quotedb("build", "corpus", "--db", "fresh.db", cwd=tmp_path)

    assert "120 updated" in upgraded.stdout  # a new parser version re-extracts every article
    assert crash.integrity(tmp_path / "upgraded.db") == "ok"
    assert crash.differences(crash.content(tmp_path / "upgraded.db"), crash.content(tmp_path / "fresh.db")) == []
    assert corpus.exists()
