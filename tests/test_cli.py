"""The `quotedb` commands as a user runs them (click's runner, real files)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import socket
import sqlite3

import pytest
from click.testing import CliRunner
from factories import RAW, fetch

from quotedb.cli import cli

BRIDGE = (
    "Tollan opened its new river bridge on Monday.\n"
    '"We built it in eleven months," said Ana Ruiz, the mayor of Tollan.\n'
)
QUOTE_FIELDS = {"start", "end", "text", "kind", "speaker", "speaker_kind", "speaker_mention", "role",
                "organization", "place", "event", "cue", "confidence", "rule", "paragraph"}
ARTICLE_FIELDS = {"title", "published", "source", "author", "section", "url"}
EVENT_FIELDS = {"name", "kind", "location", "organizer", "date"}


def run(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def test_build_defaults_to_raw_and_quotes_db(tmp_path, monkeypatch):
    shutil.copytree(RAW, tmp_path / "raw")
    monkeypatch.chdir(tmp_path)

    result = run("build")

    assert result.exit_code == 0, result.output
    assert result.output.startswith("Articles: 2 added, 0 updated, 0 unchanged, 0 failed. Quotes: ")
    assert fetch(tmp_path / "quotes.db", "select count(*) from articles") == [(2,)]
    assert run("build").output.startswith("Articles: 0 added, 0 updated, 2 unchanged, 0 failed.")


def test_build_names_a_bad_file_and_exits_1(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "news" / "feed.json").write_text('[{"title": "Cut off", "text": "Half', encoding="utf-8")

    result = CliRunner().invoke(cli, ["build", str(tmp_path / "news"), "--db", str(tmp_path / "q.db")])

    assert result.exit_code == 1
    assert "error: " in result.stderr and "feed.json" in result.stderr
    assert "1 added" in result.stdout and "1 failed" in result.stdout


def test_build_refuses_a_path_that_does_not_exist(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nowhere"), "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 2 and "nowhere" in result.output


def test_build_refuses_a_db_path_that_holds_something_else_and_leaves_it_alone(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a database\n" * 100)

    result = run("build", str(RAW), "--db", str(notes))

    assert result.exit_code == 1
    assert f"{notes}: not an SQLite database" in result.output
    assert "Traceback" not in result.output
    assert notes.read_text() == "my notes, not a database\n" * 100


def test_build_refuses_a_database_from_a_newer_quotedb_and_leaves_it_alone(tmp_path):
    db = tmp_path / "q.db"
    assert run("build", str(RAW), "--db", str(db)).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("update alembic_version set version_num = '0999'")
    before = db.read_bytes()

    result = run("build", str(RAW), "--db", str(db))

    assert result.exit_code == 1
    assert "'0999'" in result.output and "newer quotedb" in result.output
    assert "Traceback" not in result.output
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", [["export", "--speaker", "Lin Wei"], ["serve"]])
@pytest.mark.parametrize("content, says", [
    (b"my notes, not a database\n" * 100, "not an SQLite database"),
    (b"", "not a quotedb database"),
])
def test_export_and_serve_refuse_a_file_that_is_not_a_quotedb_database(tmp_path, command, content, says, monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("served"))
    db = tmp_path / "q.db"
    db.write_bytes(content)

    result = run(*command, "--db", str(db))

    assert result.exit_code == 1 and says in result.output and "Traceback" not in result.output
    assert db.read_bytes() == content


def test_export_asks_for_a_build_to_upgrade_an_older_database(tmp_path):
    from quotedb.store import migrate

    db = tmp_path / "q.db"
    migrate.upgrade(db, "0010", snapshot=False)

    result = run("export", "--speaker", "Lin Wei", "--db", str(db))

    assert result.exit_code == 1
    assert "(0010) is older" in result.output and "quotedb build --db" in result.output


def test_build_into_a_folder_that_does_not_exist_says_so(tmp_path):
    result = run("build", str(RAW), "--db", str(tmp_path / "nowhere" / "q.db"))

    assert result.exit_code == 1
    assert "no folder" in result.output and "nowhere" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "nowhere").exists()


def test_extract_prints_one_json_line_per_article_with_true_offsets():
    result = run("extract", str(RAW))

    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and len(records) == len(list(RAW.iterdir()))
    for record in records:
        assert {"source", "locator", "article", "quotes"} <= set(record)
        assert set(record["article"]) == ARTICLE_FIELDS
        text = open(record["source"], encoding="utf-8", newline="").read()
        for q in record["quotes"]:
            assert set(q) == QUOTE_FIELDS
            assert text[q["start"]:q["end"]] == q["text"]
            assert q["kind"] in {"direct", "mixed", "indirect"}
            if q["speaker_mention"]:
                m = q["speaker_mention"]
                assert text[m["start"]:m["end"]] == m["text"]
    assert any(q["speaker"] == "Lin Wei" for r in records for q in r["quotes"])
    assert any(e["kind"] == "symposium" and set(e) == EVENT_FIELDS for r in records for e in r["events"])


def test_extract_reads_multi_article_files_with_locators(tmp_path):
    corpus = tmp_path / "feed.jsonl"
    corpus.write_text(json.dumps({"title": "Bridge", "text": BRIDGE}) + "\n" + json.dumps({"title": "Empty day", "text": "Nothing happened."}) + "\n")

    records = [json.loads(line) for line in run("extract", str(corpus)).stdout.splitlines()]

    assert [r["locator"] for r in records] == ["line 1", "line 2"]
    assert records[0]["article"]["title"] == "Bridge"
    assert records[0]["quotes"][0]["text"].strip('"').startswith("We built it")


def test_extract_reports_unreadable_input_and_exits_1(tmp_path):
    (tmp_path / "bad.json").write_text("[", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "bad.json")])
    assert result.exit_code == 1 and "bad.json" in result.stderr and result.stdout == ""


def test_export_one_speaker_to_a_file(seeds_db, tmp_path):
    out = tmp_path / "lin.csv"
    result = run("export", "--db", str(seeds_db), "--speaker", "Lin Wei", "-o", str(out))

    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert result.exit_code == 0
    assert list(table[0])[:8] == ["date", "article_title", "url", "text", "kind", "role", "organization", "event"]
    assert {"quote_id", "article_id", "source", "file", "row", "start", "end"} <= set(table[0])
    assert len(table) == fetch(seeds_db, "select count(*) from quotes_view where speaker = 'Lin Wei'")[0][0]


def test_export_to_stdout_and_for_all_speakers(seeds_db, tmp_path):
    assert run("export", "--db", str(seeds_db), "--speaker", "Lin Wei").stdout.startswith("date,article_title,url,")
    result = run("export", "--db", str(seeds_db), "--all-speakers", str(tmp_path / "by-speaker"))
    assert result.exit_code == 0 and (tmp_path / "by-speaker" / "lin-wei.csv").exists()


def test_export_takes_one_target_at_most_and_names_an_unknown_speaker(seeds_db, tmp_path):
    both = CliRunner().invoke(cli, ["export", "--db", str(seeds_db), "--speaker", "Lin Wei", "--all-speakers", str(tmp_path)])
    assert both.exit_code == 2 and "not both" in both.output
    unknown = CliRunner().invoke(cli, ["export", "--db", str(seeds_db), "--speaker", "Nobody Here"])
    assert unknown.exit_code == 1 and "Nobody Here" in unknown.output


def test_export_without_a_speaker_writes_every_quote(seeds_db):
    result = run("export", "--db", str(seeds_db), "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and len(rows) == fetch(seeds_db, "select count(*) from quotes")[0][0]


def test_export_suggests_speakers_for_a_name_that_matches_nobody(seeds_db):
    result = CliRunner().invoke(cli, ["export", "--db", str(seeds_db), "--speaker", "Wei"])
    assert result.exit_code == 1
    assert "no speaker named 'Wei'; did you mean 'Lin Wei'" in result.output


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_export_formats_carry_the_same_rows(seeds_db, fmt):
    result = run("export", "--db", str(seeds_db), "--speaker", "Lin Wei", "--format", fmt)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    elif fmt == "json":
        rows = json.loads(result.stdout)
    else:
        rows = [json.loads(line) for line in result.stdout.splitlines()]
    ids = {int(r["quote_id"]) for r in rows}
    assert ids == {r[0] for r in fetch(seeds_db, "select id from quotes_view where speaker = 'Lin Wei'")} and ids


def test_export_filters_by_date_and_kind(seeds_db):
    def ids(*args):
        result = run("export", "--db", str(seeds_db), "--format", "jsonl", *args)
        assert result.exit_code == 0, result.output
        return {json.loads(line)["quote_id"] for line in result.stdout.splitlines()}

    dates = sorted({r[0] for r in fetch(seeds_db, "select published from quotes_view where published is not null")})
    assert len(dates) >= 2, "the seeds have articles of two dates"
    later = ids("--since", dates[-1])
    earlier = ids("--until", dates[0])
    assert later == {r[0] for r in fetch(seeds_db, "select id from quotes_view where published >= ?", (dates[-1],))}
    assert earlier == {r[0] for r in fetch(seeds_db, "select id from quotes_view where published <= ?", (dates[0],))}
    assert later and earlier and not later & earlier
    assert ids("--kind", "direct", "--kind", "mixed") == {r[0] for r in fetch(seeds_db, "select id from quotes where kind in ('direct', 'mixed')")}


@pytest.mark.parametrize("args, says", [
    (["--since", "30 May 2024"], "'30 May 2024' does not match the format '%Y-%m-%d'"),
    (["--since", "2024-06-01", "--until", "2024-05-01"], "--since 2024-06-01 is after --until 2024-05-01"),
    (["--kind", "quoted"], "'quoted' is not one of 'direct', 'mixed', 'indirect'"),
])
def test_export_refuses_bad_filters(seeds_db, args, says):
    result = CliRunner().invoke(cli, ["export", "--db", str(seeds_db), *args])
    assert result.exit_code == 2 and says in result.output


@pytest.mark.parametrize("typed", ["counter-terrorism", "Counter-Terrorism", '"counter-terrorism', "counter-terrorism,", "counter-terrorism*"])
def test_search_takes_what_a_person_types(seeds_db, typed):
    result = run("search", typed, "--db", str(seeds_db), "--format", "jsonl")
    found = [json.loads(line) for line in result.stdout.splitlines()]
    expected = fetch(seeds_db, "select id from quotes where text like '%counter-terrorism%'")
    assert result.exit_code == 0 and {r["quote_id"] for r in found} == {r[0] for r in expected} and found


def test_search_shows_who_said_it_and_where(seeds_db):
    result = run("search", "counter-terrorism", "--db", str(seeds_db), "-n", "1")
    [quote_id] = [int(m) for m in re.findall(r"^\[(\d+)\]", result.stdout, re.M)]
    speaker, date = fetch(seeds_db, "select speaker, published from quotes_view where id = ?", (quote_id,))[0]
    assert speaker in result.stdout and date in result.stdout
    assert "1 quote match 'counter-terrorism' (the best 1)" in result.stderr


def test_search_with_raw_uses_fts_operators_and_reports_a_broken_query(seeds_db):
    either = run("search", "counter OR rights", "--raw", "--db", str(seeds_db), "--format", "jsonl", "-n", "100")
    assert len(either.stdout.splitlines()) > len(run("search", "counter", "--db", str(seeds_db), "--format", "jsonl").stdout.splitlines())
    broken = CliRunner().invoke(cli, ["search", '"unclosed', "--raw", "--db", str(seeds_db)])
    assert broken.exit_code == 1 and "not a valid full-text query" in broken.output


def test_search_needs_words(seeds_db):
    assert CliRunner().invoke(cli, ["search", "  ", "--db", str(seeds_db)]).exit_code == 2


@pytest.mark.parametrize("args, expected", [
    ((), ("127.0.0.1", 8001, True)),
    (("--port", "9000", "--mutable", "-h", "0.0.0.0"), ("0.0.0.0", 9000, False)),
])
def test_serve_binds_locally_and_read_only_by_default(seeds_db, monkeypatch, args, expected):
    import uvicorn

    served = {}

    def fake_run(app, host, port, **kwargs):
        served.update(host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    made = {}
    import quotedb.site.publish as publish

    real = publish.make_datasette
    monkeypatch.setattr(publish, "make_datasette", lambda path, **kw: made.setdefault("ds", real(path, **kw)))

    result = run("serve", "--db", str(seeds_db), *args)

    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == expected[:2]
    database = made["ds"].get_database("quotes")
    assert database.is_mutable is (not expected[2])


def test_serve_refuses_a_busy_port_before_saying_it_serves(seeds_db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(seeds_db), "--port", str(port)])
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is not free" in result.output and "Serving" not in result.output


def test_serve_passes_datasette_settings_through(seeds_db, monkeypatch):
    import uvicorn

    import quotedb.site.publish as publish

    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: None)
    made = {}
    real = publish.make_datasette
    monkeypatch.setattr(publish, "make_datasette", lambda path, **kw: made.setdefault("ds", real(path, **kw)))
    result = run("serve", "--db", str(seeds_db), "--port", "0", "--setting", "sql_time_limit_ms", "3000",
                 "--setting", "allow_download", "off")
    assert result.exit_code == 0, result.output
    ds = made["ds"]
    assert (ds.setting("sql_time_limit_ms"), ds.setting("allow_download"), ds.setting("suggest_facets")) == (3000, False, False)


@pytest.mark.parametrize("args, says", [
    (["--setting", "no_such_thing", "1"], "'no_such_thing' is not a Datasette setting"),
    (["--setting", "sql_time_limit_ms", "soon"], "sql_time_limit_ms takes a number, not 'soon'"),
])
def test_serve_refuses_unknown_settings(seeds_db, args, says):
    result = CliRunner().invoke(cli, ["serve", "--db", str(seeds_db), *args])
    assert result.exit_code == 2 and says in result.output


def test_serve_help_names_its_defaults_in_words():
    text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "[default: i]" not in text and "Read-only, the default" in text


def test_build_ends_with_the_time_it_took_and_how_to_browse(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    result = run("build", str(tmp_path / "news"), "--db", str(tmp_path / "town.db"))
    assert re.search(r"Built .*town\.db in [0-9.]+ s\. To browse it: quotedb serve --db .*town\.db, then open http://127\.0\.0\.1:8001/", result.stdout)
