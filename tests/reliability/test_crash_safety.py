"""kill -9 and Ctrl-C of `quotedb build` in the middle of writing, as the real command.

After each: PRAGMA integrity_check is ok, and building again gives exactly the rows of a
clean build, table by table (full-text tables by content, checked by FTS5 itself). A
killed worker stops the build with one line instead of hanging it; a Ctrl-C prints one
line and exits 130. The long run (benchmarks/reliability.py crash) does this 20 times and
more, at random moments, over the BBC corpus replicated.
"""

from __future__ import annotations

import random

import pytest

import crash

ARTICLES = 400
JOBS = 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    folder = crash.write_corpus(root / "corpus", ARTICLES)
    _, clean = crash.build(folder, root / "clean.db", JOBS, root)
    assert clean.returncode == 0, clean.stderr
    return root, folder, crash.dump(root / "clean.db")


@pytest.mark.parametrize("target", ["build", "worker", "ctrl-c"])
def test_a_build_stopped_while_writing_is_sound_and_a_rerun_gives_the_clean_rows(corpus, target):
    root, folder, want = corpus
    delay = random.Random(target).uniform(0.0, 0.3)
    trial = crash.trial(folder, root / f"{target}.db", want, delay, target, JOBS, root, hang_after=60,
                        after_writing_began=True)

    assert trial.killed, "the build finished before it could be stopped: make the corpus larger"
    assert not trial.hung
    assert trial.integrity == "ok"
    assert trial.rerun_status == 0
    assert trial.differences == []
    if target == "worker":
        assert trial.status == 1 and trial.detail.startswith("Error: an extraction worker process died")
    if target == "ctrl-c":
        assert trial.status == 130
        assert trial.detail.splitlines() == [
            f"interrupted: {root / 'ctrl-c.db'} keeps what was committed and is consistent; run the build again to finish"]


def test_a_rerun_after_a_build_stopped_before_its_settle_settles_where_a_clean_build_does(tmp_path, monkeypatch):
    """A settle's position shifts the ids of the rows made after it: the rerun must count
    the quotes the stopped build committed but never settled, or its ids drift."""
    from quotedb import build as build_module
    from quotedb.store.writer import Writer

    monkeypatch.setattr(build_module, "SETTLE_EVERY", 400)  # every ~100 articles of 4 quotes
    monkeypatch.setattr(build_module, "COMMIT_EVERY", 20)
    monkeypatch.setattr(build_module, "GROUP", 10)
    folder = crash.write_corpus(tmp_path / "corpus", 250)
    build_module.build([folder], tmp_path / "clean.db", jobs=1)
    real, calls = Writer.write_all, [0]

    def stopping(self, items):
        calls[0] += 1
        if calls[0] == 6:  # 50 articles in, 40 committed, no settle yet
            raise KeyboardInterrupt
        return real(self, items)

    monkeypatch.setattr(Writer, "write_all", stopping)
    with pytest.raises(KeyboardInterrupt):
        build_module.build([folder], tmp_path / "stopped.db", jobs=1)
    monkeypatch.setattr(Writer, "write_all", real)
    assert crash.articles(tmp_path / "stopped.db") == 40

    build_module.build([folder], tmp_path / "stopped.db", jobs=1)
    assert crash.differences(crash.dump(tmp_path / "stopped.db"), crash.dump(tmp_path / "clean.db")) == []
