"""`quotedb build --jobs N`: workers extract, one writer stores, and the rows are the same.

The corpus is written here: thirty short articles with quotes, shared speakers, a
surname-only speaker, a repeated quote and a duplicate article, half in a CSV and half
in text files, so that the writer's order-sensitive steps (speaker rows, quotations)
are exercised.
"""

from __future__ import annotations

import csv
import sqlite3

import pytest

import quotedb.build as build_module
from quotedb.build import build

PEOPLE = ["Ana Ruiz", "Tomas Berg", "Lena Okafor", "Piet Mensah", "Sara Lindqvist", "Omar Haddad"]
ROLES = ["the mayor of Tollan", "the harbour master", "a nurse at the county hospital", "the head of the ferry union"]
TOPICS = ["the river bridge", "the night ferry", "the new clinic", "the school roof", "the flood wall"]
SAYINGS = [
    "We will finish {topic} before the winter comes back",
    "Nobody asked the people who live next to {topic}",
    "The money for {topic} was promised two years ago",
    "I walked past {topic} every morning and saw nothing change",
]


def article_text(i: int) -> str:
    person = PEOPLE[i % len(PEOPLE)]
    other = PEOPLE[(i * 5 + 1) % len(PEOPLE)]
    topic = TOPICS[i % len(TOPICS)]
    first = SAYINGS[i % len(SAYINGS)].format(topic=topic)
    second = SAYINGS[(i + 1) % len(SAYINGS)].format(topic=TOPICS[(i + 2) % len(TOPICS)])
    surname = other.split()[-1]
    return (
        f"Work on {topic} in Tollan entered its {i + 2}th week on Tuesday.\n"
        f'"{first}," said {person}, {ROLES[i % len(ROLES)]}.\n'
        f"{other} told the council meeting that the plan had changed twice.\n"
        f'"{second}," {surname} said.\n'
    )


def write_corpus(folder) -> None:
    folder.mkdir()
    with open(folder / "week.csv", "w", newline="", encoding="utf-8") as handle:
        rows = csv.writer(handle)
        rows.writerow(["title", "date", "source", "text"])
        for i in range(15):
            rows.writerow([f"Tollan works, week {i}", f"2025-03-{i + 1:02d}", "Tollan Courier", article_text(i)])
        rows.writerow(["Tollan works, repeated", "2025-04-01", "Valley Post", article_text(3)])
    for i in range(15, 30):
        (folder / f"story-{i:02d}.txt").write_text(article_text(i), encoding="utf-8")


def snapshot(db) -> dict[str, list[tuple]]:
    """Every row of every table and index-backed search table, load timestamps left out."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
            )
        ]
        rows = {}
        for table in tables:
            columns = [c[1] for c in conn.execute(f"pragma table_info([{table}])") if c[1] != "loaded_at"]
            if not columns:
                continue
            listed = ", ".join(f"[{c}]" for c in columns)
            rows[table] = conn.execute(f"select {listed} from [{table}] order by {listed}").fetchall()
        return rows
    finally:
        conn.close()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder)
    return folder


def test_two_jobs_store_exactly_the_rows_of_one_job(corpus, tmp_path):
    one = build([corpus], tmp_path / "one.db", jobs=1)
    two = build([corpus], tmp_path / "two.db", jobs=2)

    assert one.failed == two.failed == 0
    assert (one.added, one.unchanged, one.quotes) == (two.added, two.unchanged, two.quotes)
    assert one.quotes >= 40
    first, second = snapshot(tmp_path / "one.db"), snapshot(tmp_path / "two.db")
    assert first.keys() == second.keys()
    for table in first:
        assert first[table] == second[table], table


def test_more_jobs_than_articles_still_store_them_all(tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text(article_text(1), encoding="utf-8")
    (folder / "b.txt").write_text(article_text(2), encoding="utf-8")

    summary = build([folder], tmp_path / "q.db", jobs=4)

    assert (summary.added, summary.failed) == (2, 0)


def test_rebuilding_an_unchanged_corpus_parses_nothing(corpus, tmp_path, monkeypatch):
    db = tmp_path / "q.db"
    first = build([corpus], db, jobs=2)
    before = snapshot(db)
    monkeypatch.setattr(build_module, "analyse", lambda article: pytest.fail("parsed again"))
    monkeypatch.setattr(build_module, "read", lambda *args: pytest.fail("read again"))

    again = build([corpus], db, jobs=2)

    assert (again.added, again.updated, again.unchanged) == (0, 0, first.added + first.unchanged + first.duplicates)
    assert snapshot(db) == before


def test_a_changed_file_reextracts_only_its_new_articles(corpus, tmp_path, monkeypatch):
    db = tmp_path / "q.db"
    build([corpus], db, jobs=2)
    with open(corpus / "week.csv", "a", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow(["Tollan works, late", "2025-05-02", "Tollan Courier", article_text(40)])
    real = build_module.analyse
    seen: list[str] = []

    def counting(article):
        seen.append(article.text)
        return real(article)

    monkeypatch.setattr(build_module, "analyse", counting)

    summary = build([corpus], db, jobs=1)

    assert (summary.added, summary.failed) == (1, 0)
    assert seen == [article_text(40)]


def test_a_failing_article_in_a_worker_rolls_back_alone(corpus, tmp_path, monkeypatch):
    real = build_module.analyse

    def fragile(article):
        if "12th week" in article.text:
            raise ValueError("engine tripped")
        return real(article)

    monkeypatch.setattr(build_module, "analyse", fragile)
    errors: list[str] = []

    summary = build([corpus], tmp_path / "q.db", jobs=2, on_error=errors.append)

    assert summary.failed == 1
    assert "week.csv" in errors[0] and "ValueError: engine tripped" in errors[0]
    conn = sqlite3.connect(tmp_path / "q.db")
    assert conn.execute("select count(*) from articles where text like '%12th week%'").fetchone() == (0,)
    assert conn.execute("select count(*) from articles").fetchone()[0] == summary.added == 29


def test_the_built_database_is_left_as_one_file(corpus, tmp_path):
    db = tmp_path / "q.db"
    build([corpus], db, jobs=2)

    assert sqlite3.connect(db).execute("pragma journal_mode").fetchone() == ("delete",)
    assert not (tmp_path / "q.db-wal").exists()


def test_a_first_build_records_how_many_articles_each_file_holds(corpus, tmp_path):
    db = tmp_path / "q.db"
    build([corpus], db, jobs=2)

    conn = sqlite3.connect(db)
    assert conn.execute("select articles from source_files where path like '%week.csv'").fetchone() == (16,)
    assert conn.execute("select count(*) from article_sources where path like '%week.csv'").fetchone() == (16,)


def test_rows_dropped_from_a_csv_take_their_articles_with_them(corpus, tmp_path):
    db = tmp_path / "q.db"
    build([corpus], db, jobs=2)
    with open(corpus / "week.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    with open(corpus / "week.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows[:-3])

    summary = build([corpus], db, jobs=2)

    # The last row repeats the fourth article, which another row still holds.
    assert (summary.removed, summary.failed) == (2, 0)
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from article_sources where path like '%week.csv'").fetchone() == (13,)
    assert conn.execute("select articles from source_files where path like '%week.csv'").fetchone() == (13,)
