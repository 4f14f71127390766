"""Extraction on a Dask cluster into Parquet, loaded into SQLite: the rows of a build.

The corpus is the one of `test_parallel_build` (a CSV of 16 rows, 15 text files, shared
and surname-only speakers, a repeated article) plus an unreadable file; partitions of 4
rows cut the CSV into ranges, so the rows equal only if every range is the right rows.
One `LocalCluster` of two worker processes serves the whole module.
"""

from __future__ import annotations

import json
import os
import shutil

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from quotedb.build import build, parser_version
from quotedb.cli import cli
from quotedb.distributed.load import NotAnExtraction, load
from quotedb.distributed.run import MANIFESTS, extract_to_parquet, manifests

from test_parallel_build import snapshot, write_corpus

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
    return folder


def extract(corpus, out, client, **kw):
    return extract_to_parquet([corpus], out, client=client, size=SIZE, **kw)


def test_cluster_parquet_and_load_give_the_rows_of_a_build(corpus, tmp_path, client):
    out = tmp_path / "out"
    summary = extract(corpus, out, client)
    assert summary.failed == []
    assert summary.written == summary.partitions == 4 + 4  # CSV ranges; 16 small files in groups of 4
    assert any("broken.json" in e for e in summary.errors)
    loaded = load(out, tmp_path / "loaded.db")
    built = build([corpus], tmp_path / "built.db", jobs=1)
    assert (loaded.added, loaded.failed, loaded.quotes, loaded.speakers) == (built.added, built.failed, built.quotes, built.speakers)
    assert loaded.added == 30 and loaded.quotes > 60
    assert snapshot(tmp_path / "loaded.db") == snapshot(tmp_path / "built.db")


def test_parquet_tables_follow_the_documented_schema(corpus, tmp_path, client):
    out = tmp_path / "out"
    extract(corpus, out, client)
    articles = pq.read_table(out / "articles").to_pylist()
    quotes = pq.read_table(out / "quotes").to_pylist()
    assert len(articles) == 31 and len({a["sha256"] for a in articles}) == 30  # one repeated text
    rows = sorted(a["locator"] for a in articles if a["source_file"].endswith("week.csv"))
    assert rows == sorted(f"row {n}" for n in range(1, 17))
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
    assert (again.written, again.skipped) == (0, 8)
    assert {p.name: p.stat().st_mtime_ns for p in (out / MANIFESTS).iterdir()} == stamps

    (corpus / "story-99.txt").write_text('"The ferry runs again from Monday," said Omar Haddad.\n', encoding="utf-8")
    third = extract(corpus, out, client)
    assert (third.written, third.skipped) == (1, 8)  # a group of its own, after the others
    summary = load(out, db)
    assert summary.added == 1 and summary.unchanged == 31  # positions, as a build counts them
    rebuilt = build([corpus], built, jobs=1)
    assert (rebuilt.added, rebuilt.unchanged) == (1, 31)
    assert snapshot(db) == snapshot(built)


def test_a_changed_csv_rewrites_its_partitions_only(corpus, tmp_path, client):
    out = tmp_path / "out"
    extract(corpus, out, client)
    with open(corpus / "week.csv", "a", encoding="utf-8", newline="") as f:
        f.write('Late news,2025-05-01,Valley Post,"""We start on the flood wall tomorrow,"" said Ana Ruiz."\n')
    again = extract(corpus, out, client)
    assert again.written == 5 and again.skipped == 4  # 17 rows: five ranges of four; the groups unchanged
    db = tmp_path / "loaded.db"
    load(out, db)
    build([corpus], tmp_path / "built.db", jobs=1)
    assert snapshot(db) == snapshot(tmp_path / "built.db")


def test_a_failing_partition_is_reported_by_name_and_the_others_load(corpus, tmp_path, client):
    out = tmp_path / "out"
    first = extract(corpus, out, client)
    victim = next(m["name"] for m in manifests(out) if m["pieces"][0]["first"] == 4)
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
    assert loaded.added == 30 - SIZE


def test_half_written_partitions_are_never_read(corpus, tmp_path, client):
    out = tmp_path / "out"
    extract(corpus, out, client)
    name = next(m["name"] for m in manifests(out) if m["pieces"][0]["path"].endswith("week.csv"))
    (out / MANIFESTS / f"{name}.json").unlink()  # as if the worker died before its manifest
    (out / "quotes" / f".{name}.parquet.0.tmp").write_bytes(b"not parquet")
    assert len(pq.read_table(out / "quotes")) > 0  # dataset readers skip the hidden file
    partial = load(out, tmp_path / "partial.db", on_error=lambda m: None)
    assert partial.added == 30 - 3  # rows 1-4, of which row 4's text is also row 16's
    again = extract(corpus, out, client)
    assert again.written == 1


def test_a_partition_of_another_parser_version_is_refused_by_name(corpus, tmp_path, client):
    out = tmp_path / "out"
    extract(corpus, out, client)
    name = manifests(out)[-1]["name"]
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
    assert "broken.json" in result.output and "30 added" in result.output
    again = CliRunner().invoke(cli, ["load", str(out), "--db", str(db)])
    assert "0 added" in again.output and "31 unchanged" in again.output
    usage = CliRunner().invoke(cli, ["extract", str(corpus / "story-15.txt"), "--to", "parquet"])
    assert usage.exit_code == 2 and "requires 2 arguments" in usage.output
    stray = CliRunner().invoke(cli, ["extract", str(corpus / "story-15.txt"), "--workers", "2"])
    assert stray.exit_code == 2 and "--to parquet" in stray.output
