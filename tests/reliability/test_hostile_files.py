"""`quotedb build` over a folder of hostile files beside good ones, as a user runs it.

Each hostile file (binary, empty, header-only CSV, ragged rows, a 10 MB field, NUL
bytes, invalid UTF-8, HTML without a body or 100,000 divs deep, JSON that is a bare
value, a broken JSON Lines line, symlink loops, a dangling link, a FIFO, names with
spaces, unicode and newlines) must be named on stderr with its reason, with no traceback
and no hang; every good article is stored, and the exit status is 1.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import hostile
from quotedb import build as build_module

TIMEOUT = 120
QUOTEDB = [sys.executable, "-c", "from quotedb.cli import cli; cli()"]


def quotedb(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*QUOTEDB, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=TIMEOUT)


def errors_of(stderr: str) -> list[str]:
    return [chunk.strip() for chunk in stderr.split("error: ")[1:]]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    bad, good = hostile.make(root / "in")
    first = quotedb("build", "in", "--db", "q.db", "--jobs", "2", cwd=root)
    again = quotedb("build", "in", "--db", "q.db", "--jobs", "2", cwd=root)
    return root, bad, good, first, again


def test_every_hostile_file_is_named_with_its_reason_and_nothing_raises(hostile_build):
    root, bad, _, first, _ = hostile_build
    assert "Traceback" not in first.stderr
    assert first.returncode == 1
    errors = errors_of(first.stderr)
    unnamed = [name for name, reason in bad.items()
               if not any(e.startswith(f"in/{name}") and reason.lower() in e.lower() for e in errors)]
    assert unnamed == [], first.stderr


def test_every_good_article_is_stored_and_the_database_is_sound(hostile_build):
    root, _, good, first, _ = hostile_build
    with sqlite3.connect(root / "q.db") as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        assert conn.execute("select count(*) from articles").fetchone() == (good,)
    assert f"{good} added" in first.stdout


def test_a_second_build_reports_the_same_files_and_changes_nothing(hostile_build):
    root, _, good, first, again = hostile_build
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert sorted(errors_of(again.stderr)) == sorted(errors_of(first.stderr))
    assert f"0 added, 0 updated, {good} unchanged" in again.stdout


def test_a_file_that_disappears_after_the_folder_was_listed_is_named_and_the_rest_load(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(hostile.good(name))
    listed = build_module.iter_files

    def list_then_delete(paths):
        files = list(listed(paths))
        (folder / "b.txt").unlink()
        return iter(files)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(build_module, "iter_files", list_then_delete)
    messages: list[str] = []
    summary = build_module.build(["in"], tmp_path / "q.db", on_error=messages.append, jobs=1)

    assert messages == ["in/b.txt: cannot read: No such file or directory"]
    assert (summary.added, summary.failed) == (2, 1)
