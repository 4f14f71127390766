"""Extraction on a Dask cluster into Parquet, loaded into SQLite: the rows of a build.

The corpus is the one of `test_parallel_build` (a CSV of 16 rows, 15 text files, shared
and surname-only speakers, a repeated article) plus an unreadable file; partitions of 4
rows cut the CSV into ranges, so the rows equal only if every range is the right rows.
A JSON Lines file (a blank and a bad line) is cut into byte ranges too, and a cp1252 CSV
into ranges of items. One `LocalCluster` of two worker processes serves the whole module.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from quotedb.build import build, parser_version
from quotedb.cli import cli
from quotedb.distributed.load import NotAnExtraction, load
from quotedb.distributed.run import MANIFESTS, extract_to_parquet, manifests

from test_parallel_build import article_text, snapshot, write_corpus

SIZE = 4


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder)
    (folder / "broken.json").write_text('{"title": "cut off", "text": "He said', encoding="utf-8")
    wire = [json.dumps({"title": f"Wire {i}", "text": article_text(40 + i)}) for i in range(6)]
    wire[2:2] = ["", "{not json"]  # a blank line, then a bad one: line 4 is reported, numbering goes on
    (folder / "wire.jsonl").write_text("\n".join(wire) + "\n", encoding="utf-8")
    legacy = "title;text\r\n" + "".join(
        f'Caf\u00e9 {i};"{article_text(50 + i).replace(chr(34), chr(34) * 2)}"\r\n' for i in range(5)
    )
    (folder / "legacy.csv").write_bytes(legacy.encode("cp1252"))  # not UTF-8: ranges of items, not bytes
    return folder


def extract(corpus, out, client, **kw):
    return extract_to_parquet([corpus], out, client=client, size=SIZE, **kw)


def test_cluster_parquet_and_load_give_the_rows_of_a_build(corpus, tmp_path, client):
    out = tmp_path / "out"
    summary = extract(corpus, out, client)
    assert summary.failed == []
    # broken.json; legacy.csv in 2 ranges; story-15..29 in groups of 4; week.csv in 4, wire.jsonl in 2
    assert summary.written == summary.partitions == 1 + 2 + 4 + 4 + 2
    assert any("broken.json" in e for e in summary.errors)
    assert any("wire.jsonl (line 4): invalid JSON" in e for e in summary.errors)
    loaded = load(out, tmp_path / "loaded.db")
    built = build([corpus], tmp_path / "built.db", jobs=1)
    assert (loaded.added, loaded.failed, loaded.quotes, loaded.speakers) == (built.added, built.failed, built.quotes, built.speakers)
    assert loaded.added == 30 + 6 + 5 and loaded.quotes > 80
    assert snapshot(tmp_path / "loaded.db") == snapshot(tmp_path / "built.db")


def test_parquet_tables_follow_the_documented_schema(corpus, tmp_path, client):
    out = tmp_path / "out"
    extract(corpus, out, client)
    articles = pq.read_table(out / "articles").to_pylist()
    quotes = pq.read_table(out / "quotes").to_pylist()
    assert len(articles) == 42 and len({a["sha256"] for a in articles}) == 41  # one repeated text
    located = {(Path(a["source_file"]).name, a["locator"]) for a in articles}
    assert {f"row {n}" for n in range(1, 17)} == {loc for name, loc in located if name == "week.csv"}
    assert {"line 1", "line 2", "line 5", "line 6", "line 7", "line 8"} == {loc for name, loc in located if name == "wire.jsonl"}
    assert {f"row {n}" for n in range(1, 6)} == {loc for name, loc in located if name == "legacy.csv"}
    assert any(a["title"] == "Caf\u00e9 3" for a in articles)
    text = {(a["partition"], a["article"]): a["text"] for a in articles}
    for q in quotes:
        assert text[(q["partition"], q["article"])][q["start"] : q["end"]] == q["text"]
    assert {q["kind"] for q in quotes} <= {"direct", "mixed", "indirect"}
    assert any(q["speaker"] == "Ana Ruiz" for q in quotes)


def test_a_second_run_skips_what_is_written_and_a_new_file_loads_alone(corpus, tmp_path, client):
    out = tmp_path / "out"
    extract(corpus, out, client)
    db, built = tmp_path / "loaded.db", tmp_path / "built.db"
    load(out, db)
    build([corpus], built, jobs=1)
    stamps = {p.name: p.stat().st_mtime_ns for p in (out / MANIFESTS).iterdir()}

    again = extract(corpus, out, client)
    assert (again.written, again.skipped) == (0, 13)
    assert {p.name: p.stat().st_mtime_ns for p in (out / MANIFESTS).iterdir()} == stamps

    (corpus / "story-99.txt").write_text('"The ferry runs again from Monday," said Omar Haddad.\n', encoding="utf-8")
    third = extract(corpus, out, client)
    assert (third.written, third.skipped, third.removed) == (1, 12, 1)  # the last group of small files grew
    summary = load(out, db)
    assert summary.added == 1 and summary.unchanged == 42  # positions, as a build counts them
    rebuilt = build([corpus], built, jobs=1)
    assert (rebuilt.added, rebuilt.unchanged) == (1, 42)
    assert snapshot(db) == snapshot(built)


def test_a_changed_csv_rewrites_its_partitions_only(corpus, tmp_path, client):
    out = tmp_path / "out"
    extract(corpus, out, client)
    with open(corpus / "week.csv", "a", encoding="utf-8", newline="") as f:
        f.write('Late news,2025-05-01,Valley Post,"""We start on the flood wall tomorrow,"" said Ana Ruiz."\n')
    again = extract(corpus, out, client)
    assert again.written == 5 and again.skipped == 13 - 4  # 17 rows: five ranges of four; the rest unchanged
    db = tmp_path / "loaded.db"
    load(out, db)
    build([corpus], tmp_path / "built.db", jobs=1)
    assert snapshot(db) == snapshot(tmp_path / "built.db")


def test_a_failing_partition_is_reported_by_name_and_the_others_load(corpus, tmp_path, client):
    out = tmp_path / "out"
    first = extract(corpus, out, client)
    victim = next(m["name"] for m in manifests(out) if m["name"].startswith("week") and m["pieces"][0]["first"] == 4)
    for sub in ("articles", "quotes", "events"):
        (out / sub / f"{victim}.parquet").unlink()
    (out / MANIFESTS / f"{victim}.json").unlink()
    (out / "quotes" / f"{victim}.parquet").mkdir()  # the rename into place fails on every attempt
    errors: list[str] = []
    summary = extract(corpus, out, client, on_error=errors.append)
    assert summary.failed == [victim] and summary.skipped == first.partitions - 1
    assert any(victim in e for e in errors)
    assert not [p for p in out.rglob("*.tmp")], "a failed attempt leaves no temporary file"

    problems: list[str] = []
    loaded = load(out, tmp_path / "loaded.db", on_error=problems.append)
    assert any("week.csv" in p and "not every partition" in p for p in problems)
    assert loaded.added == 41 - SIZE


def test_half_written_partitions_are_never_read(corpus, tmp_path, client):
    out = tmp_path / "out"
    extract(corpus, out, client)
    name = next(m["name"] for m in manifests(out) if m["pieces"][0]["path"].endswith("week.csv"))
    (out / MANIFESTS / f"{name}.json").unlink()  # as if the worker died before its manifest
    (out / "quotes" / f".{name}.parquet.0.tmp").write_bytes(b"not parquet")
    assert len(pq.read_table(out / "quotes")) > 0  # dataset readers skip the hidden file
    partial = load(out, tmp_path / "partial.db", on_error=lambda m: None)
    assert partial.added == 41 - 3  # rows 1-4, of which row 4's text is also row 16's
    again = extract(corpus, out, client)
    assert again.written == 1


def test_a_partition_of_another_parser_version_is_refused_by_name(corpus, tmp_path, client):
    out = tmp_path / "out"
    extract(corpus, out, client)
    name = manifests(out)[-1]["name"]  # wire.jsonl, lines 7-8
    path = out / MANIFESTS / f"{name}.json"
    manifest = json.loads(path.read_text())
    manifest["parser_version"] = "read 0; extract rules-0; store 0"
    path.write_text(json.dumps(manifest))
    problems: list[str] = []
    load(out, tmp_path / "loaded.db", on_error=problems.append)
    assert any(name in p and "rules-0" in p for p in problems)
    assert extract(corpus, out, client).written == 1  # and a re-run extracts it again
    assert manifests(out)[-1]["parser_version"] == parser_version()


def test_load_of_a_folder_without_partitions_names_it(tmp_path):
    with pytest.raises(NotAnExtraction, match="no extracted partitions"):
        load(tmp_path, tmp_path / "quotes.db")
    assert not (tmp_path / "quotes.db").exists()
    result = CliRunner().invoke(cli, ["load", str(tmp_path), "--db", str(tmp_path / "quotes.db")])
    assert result.exit_code == 1 and "no extracted partitions" in result.output


def test_cli_load_reports_and_extract_to_parquet_needs_a_folder(corpus, tmp_path, client):
    out = tmp_path / "out"
    extract(corpus, out, client)
    db = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["load", str(out), "--db", str(db)])
    assert result.exit_code == 1  # broken.json is named
    assert "broken.json" in result.output and "41 added" in result.output
    again = CliRunner().invoke(cli, ["load", str(out), "--db", str(db)])
    assert "0 added" in again.output and "42 unchanged" in again.output
    usage = CliRunner().invoke(cli, ["extract", str(corpus / "story-15.txt"), "--to", "parquet"])
    assert usage.exit_code == 2 and "requires 2 arguments" in usage.output
    stray = CliRunner().invoke(cli, ["extract", str(corpus / "story-15.txt"), "--workers", "2"])
    assert stray.exit_code == 2 and "--to parquet" in stray.output
