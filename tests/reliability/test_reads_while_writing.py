"""`quotedb serve` while `quotedb build` writes the same file, through the real commands.

Mutable (`--mutable`, what the README says to use while rebuilding): clients reading
table pages, search, speaker pages, a canned query and a streamed CSV while a build adds
articles see no error at all: no "database is locked", no 5xx, no refused connection.
Immutable (the default): once the file is rebuilt underneath it, the server answers 503
with a message saying so instead of pages read from two versions of the file. The long
run (benchmarks/reliability.py load) does this with 20 clients for 30 s over BBC.
"""

from __future__ import annotations

import subprocess

import pytest

import crash
import serveload

CLIENTS = 5
SECONDS = 4


@pytest.fixture
def first_build(tmp_path):
    crash.write_corpus(tmp_path / "corpus", 120)
    crash.write_corpus(tmp_path / "more", 400, first=1000)
    _, done = crash.build(tmp_path / "corpus", tmp_path / "q.db", 1, tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path / "q.db"


def test_a_mutable_server_answers_every_request_while_a_build_writes(first_build):
    server, port = serveload.serve(first_build, "--mutable")
    try:
        result = serveload.write_while_serving(first_build, first_build.parent / "more", port,
                                               serveload.targets_of(first_build), CLIENTS, SECONDS)
        after = serveload.hammer(port, serveload.targets_of(first_build), 2, 1)
    finally:
        serveload.stop(server)
    assert result["build"]["status"] == 0, result["build"]
    assert result["requests"] > 0 and result["errors"] == {}, result["examples"]
    assert set(result["statuses"]) == {200}
    assert after["errors"] == {} and set(after["statuses"]) == {200}


def test_an_immutable_server_refuses_to_serve_a_file_rebuilt_underneath_it(first_build):
    server, port = serveload.serve(first_build)
    try:
        assert serveload.request(port, "/q/quotes_view")[0] == 200
        _, done = crash.build(first_build.parent / "more", first_build, 1, first_build.parent)
        assert done.returncode == 0, done.stderr
        answers = [serveload.request(port, path) for _, path in serveload.targets_of(first_build)[:6]]
    finally:
        serveload.stop(server)
    assert [status for status, _, _ in answers] == [503] * 6
    assert all(b"q.db has changed on disk since quotedb serve opened it" in body for _, body, _ in answers)
