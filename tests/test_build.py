"""`quotedb build`: from files to rows with the real reader and engine, idempotently."""

from __future__ import annotations

import io
import json
import os
import re
import shutil

import pytest
from factories import RAW, fetch

import quotedb.build as build_module
from quotedb.build import build

BRIDGE = (
    "Tollan opened its new river bridge on Monday.\n"
    '"We built it in eleven months," said Ana Ruiz, the mayor of Tollan.\n'
    "Residents said the crossing would save them an hour a day.\n"
)
FERRY = (
    "The old ferry across the river will stop running in June.\n"
    '"It served this town for ninety years," said Tomas Berg, the ferry captain.\n'
)

PROVENANCE_BROKEN = """
    select quotes.id from quotes join articles on articles.id = quotes.article_id
    where substr(articles.text, quotes.start + 1, quotes."end" - quotes.start) != quotes.text"""


@pytest.fixture
def folder(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (raw / "ferry.txt").write_text(FERRY, encoding="utf-8")
    return raw


def test_the_seed_articles_load_with_their_quotes_and_speakers(seeds_db):
    origins = [os.path.basename(row[0]) for row in fetch(seeds_db, "select origin from articles order by origin")]
    assert origins == sorted(p.name for p in RAW.iterdir())
    assert fetch(seeds_db, "select count(*) from quotes")[0][0] >= 10
    assert ("Lin Wei", "person") in fetch(seeds_db, "select name, kind from speakers")
    assert fetch(seeds_db, "select count(*) from quotes where speaker_id is null or article_id is null")[0][0] < 5
    assert fetch(seeds_db, PROVENANCE_BROKEN) == []


def test_every_seed_article_is_stored_exactly_as_read(seeds_db):
    from quotedb.read import read_paths

    stored = dict(fetch(seeds_db, "select sha256, text from articles"))
    for article in read_paths([RAW]):
        assert stored[article.sha256] == article.text


def test_a_build_reports_what_it_added(folder, tmp_path):
    summary = build([folder], tmp_path / "quotes.db")

    assert (summary.added, summary.updated, summary.unchanged, summary.failed) == (2, 0, 0, 0)
    assert summary.quotes == fetch(tmp_path / "quotes.db", "select count(*) from quotes")[0][0] >= 2
    assert summary.line().startswith("Articles: 2 added, 0 updated, 0 unchanged, 0 failed. Quotes: ")


def test_rebuilding_unchanged_files_reads_nothing_and_changes_nothing(folder, tmp_path, monkeypatch):
    db = tmp_path / "quotes.db"
    build([folder], db)
    before = fetch(db, "select * from articles"), fetch(db, "select * from quotes"), fetch(db, "select * from speakers")

    def must_not_read(*args, **kwargs):
        raise AssertionError("an unchanged file was read again")

    monkeypatch.setattr(build_module, "read", must_not_read)
    summary = build([folder], db)

    assert (summary.added, summary.updated, summary.unchanged, summary.failed) == (0, 0, 2, 0)
    assert (fetch(db, "select * from articles"), fetch(db, "select * from quotes"), fetch(db, "select * from speakers")) == before


def test_a_touched_but_identical_file_is_not_parsed_again(folder, tmp_path, monkeypatch):
    db = tmp_path / "quotes.db"
    build([folder], db)
    os.utime(folder / "bridge.txt", (1, 1))
    monkeypatch.setattr(build_module, "analyse", lambda article: pytest.fail("parsed again"))

    summary = build([folder], db)

    assert summary.unchanged == 2


def test_a_changed_file_replaces_its_rows_and_leaves_the_others_alone(folder, tmp_path):
    db = tmp_path / "quotes.db"
    build([folder], db)
    ferry_rows = fetch(db, "select quotes.* from quotes join articles on articles.id = article_id where origin like '%ferry.txt'")
    (folder / "bridge.txt").write_text(BRIDGE.replace("eleven", "twelve"), encoding="utf-8")

    summary = build([folder], db)

    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 1)
    texts = [row[0] for row in fetch(db, "select text from quotes")]
    assert any("twelve months" in t for t in texts) and not any("eleven" in t for t in texts)
    assert fetch(db, "select count(*) from articles") == [(2,)]
    assert fetch(db, "select quotes.* from quotes join articles on articles.id = article_id where origin like '%ferry.txt'") == ferry_rows
    assert fetch(db, PROVENANCE_BROKEN) == []


def test_a_new_parser_version_parses_everything_again(folder, tmp_path, monkeypatch):
    db = tmp_path / "quotes.db"
    build([folder], db)
    monkeypatch.setattr(build_module, "parser_version", lambda: "read 9; extract 9")

    summary = build([folder], db)

    assert (summary.added, summary.updated, summary.unchanged) == (0, 2, 0)
    assert fetch(db, "select distinct parser_version from articles") == [("read 9; extract 9",)]


def test_a_bad_file_is_named_and_nothing_else_is_lost(folder, tmp_path):
    (folder / "broken.json").write_text('{"title": "Half an object", "text": ', encoding="utf-8")
    errors: list[str] = []

    summary = build([folder], tmp_path / "quotes.db", on_error=errors.append)

    assert summary.failed == 1 and summary.added == 2
    assert len(errors) == 1 and "broken.json" in errors[0]
    assert fetch(tmp_path / "quotes.db", "select count(*) from articles") == [(2,)]


def test_a_bad_file_is_tried_again_on_the_next_build(folder, tmp_path):
    (folder / "broken.json").write_text("{", encoding="utf-8")
    build([folder], tmp_path / "quotes.db")

    assert build([folder], tmp_path / "quotes.db").failed == 1


def test_an_article_the_engine_cannot_handle_fails_alone(folder, tmp_path, monkeypatch):
    real = build_module.analyse

    def fragile(article):
        if "ferry" in article.text:
            raise ValueError("engine tripped")
        return real(article)

    monkeypatch.setattr(build_module, "analyse", fragile)
    errors: list[str] = []
    summary = build([folder], tmp_path / "quotes.db", on_error=errors.append)

    assert (summary.added, summary.failed) == (1, 1)
    assert "ferry.txt" in errors[0] and "engine tripped" in errors[0]
    assert fetch(tmp_path / "quotes.db", "select count(*) from articles where text like '%ferry%'") == [(0,)]


def test_the_same_text_in_two_files_is_stored_once(folder, tmp_path):
    shutil.copy(folder / "bridge.txt", folder / "bridge-copy.txt")

    summary = build([folder], tmp_path / "quotes.db")

    assert (summary.added, summary.unchanged, summary.duplicates) == (2, 0, 1)
    assert "1 duplicates (the same text as another article)" in summary.line()
    assert fetch(tmp_path / "quotes.db", "select count(*) from articles") == [(2,)]
    assert fetch(tmp_path / "quotes.db", "select count(*) from article_sources") == [(3,)]
    again = build([folder], tmp_path / "quotes.db")
    assert (again.unchanged, again.duplicates) == (3, 0)


def test_a_changed_file_reports_its_old_articles_as_unchanged_not_as_duplicates(folder, tmp_path):
    corpus = folder / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": BRIDGE}) + "\n", encoding="utf-8")
    build([corpus], tmp_path / "quotes.db")
    corpus.write_text(json.dumps({"text": BRIDGE}) + "\n" + json.dumps({"text": FERRY}) + "\n", encoding="utf-8")

    summary = build([corpus], tmp_path / "quotes.db")

    assert (summary.added, summary.unchanged, summary.duplicates) == (1, 1, 0)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_counts_articles_with_their_rate_and_time_left(folder, tmp_path, monkeypatch):
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"text": BRIDGE.replace("Monday", f"day {n}")}) + "\n" for n in range(7)), encoding="utf-8")
    rows = folder / "corpus.csv"
    rows.write_text("text\n" + "".join(f'"{FERRY.replace("June", f"month {n}")}"\n' for n in range(3)), encoding="utf-8")
    (folder / "array.json").write_text(json.dumps({"articles": [{"text": BRIDGE + f"Item {n}.\n"} for n in range(4)]}), encoding="utf-8")
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)

    summary = build([folder], tmp_path / "quotes.db", progress=True)

    shown = terminal.getvalue().rsplit("\r", 1)[-1]
    articles = 2 + 7 + 3 + 4
    assert summary.added == articles
    assert re.search(rf"\b{articles}/{articles} \[[0-9:]+<[0-9:]+, *[0-9.]+ articles/s", shown), shown
    assert f"added={articles}" in shown


@pytest.mark.parametrize("name, content, expected", [
    ("a.jsonl", '{"text": "a"}\n\n{"text": "b"}\n', 2),
    ("a.csv", 'text\n"one\nline two"\nthree\n', 2),
    ("a.json", '[{"text": "a"}, {"text": "b"}, {"text": "c", "meta": {"x": 1}}]', 3),
    ("a.json", '{"text": "one article"}', 1),
    ("a.txt", "Some text.", 1),
    ("a.json", '[{"text": ', None),
])
def test_the_bar_counts_the_articles_the_readers_will_find(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert build_module._count_articles(str(path)) == expected


def test_a_deleted_file_takes_its_articles_with_it(folder, tmp_path):
    db = tmp_path / "quotes.db"
    build([folder], db)
    (folder / "ferry.txt").unlink()

    summary = build([folder], db)

    assert summary.removed == 1
    assert [os.path.basename(r[0]) for r in fetch(db, "select origin from articles")] == ["bridge.txt"]
    assert fetch(db, "select count(*) from speakers where name like '%Berg%'") == [(0,)]


def test_rows_of_a_csv_corpus_are_articles_with_their_row_number(tmp_path):
    corpus = tmp_path / "corpus.csv"
    corpus.write_text(
        "headline,story\n"
        f'"Bridge","{BRIDGE.replace(chr(34), chr(34) * 2)}"\n'
        f'"Ferry","{FERRY.replace(chr(34), chr(34) * 2)}"\n',
        encoding="utf-8",
    )

    summary = build([corpus], tmp_path / "quotes.db", text_column="story")

    assert summary.added == 2, summary.errors
    assert fetch(tmp_path / "quotes.db", "select locator from article_sources order by id") == [("row 1",), ("row 2",)]


def test_a_progress_bar_is_drawn_on_a_terminal_only(folder, tmp_path, capsys, monkeypatch):
    build([folder], tmp_path / "quiet.db", progress=True)
    assert "Building" not in capsys.readouterr().err

    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    build([folder], tmp_path / "shown.db", progress=True)
    assert "Building" in capsys.readouterr().err


def test_a_role_with_no_name_is_a_speaker_of_kind_unnamed(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "delegate.txt").write_text(
        "The Deputy Head of the Delegation of Freedonia said that the proposal would harm small farmers.\n",
        encoding="utf-8",
    )
    build([raw], tmp_path / "q.db")
    assert fetch(
        tmp_path / "q.db",
        "select speakers.name, speakers.kind, roles.title, roles.organization"
        " from quotes join speakers on speakers.id = quotes.speaker_id join roles on roles.id = quotes.role_id",
    ) == [("The Deputy Head of the Delegation of Freedonia", "unnamed", "Deputy Head", "Delegation of Freedonia")]
