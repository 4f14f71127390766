"""CSV corpora: one article per row, text column detected or named."""

from __future__ import annotations

import csv
from pathlib import Path

from quotedb.model import Article, ReadError
from quotedb.read import read_paths

STORY = "The ferry company raised fares by a tenth on Monday, blaming fuel costs."


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def test_one_article_per_row_with_row_locators(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["text", "category"], [STORY, "business"], [STORY + " More.", "travel"]])
    items = list(read_paths([path]))
    assert [(i.text, i.locator, i.meta.section) for i in items] == [
        (STORY, "row 1", "business"), (STORY + " More.", "row 2", "travel")]


def test_text_column_is_found_whatever_its_case(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["id", "Headline", "BODY", "Date"], ["7", "Fares rise", STORY, "2020-03-09"]])
    (article,) = read_paths([path])
    assert (article.text, article.meta.title, article.meta.published) == (STORY, "Fares rise", "2020-03-09")


def test_multiline_quoted_text_keeps_its_newlines(tmp_path):
    text = "First paragraph.\r\n\r\n\u201cSecond,\u201d she said.\n"
    (article,) = read_paths([write_csv(tmp_path / "a.csv", [["text"], [text]])])
    assert article.text == text


def test_text_column_override(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["text", "story"], ["teaser", STORY]])
    (article,) = read_paths([path], text_column="story")
    assert article.text == STORY


def test_override_naming_a_missing_column_is_an_error(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["text"], [STORY]])
    (error,) = read_paths([path], text_column="story")
    assert isinstance(error, ReadError) and "story" in error.message


def test_csv_without_text_column_is_one_error_naming_its_columns(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["id", "title"], ["1", "Fares"], ["2", "Tolls"]])
    (error,) = read_paths([path])
    assert isinstance(error, ReadError) and error.origin == str(path) and error.locator is None
    assert "id, title" in error.message


def test_semicolon_separated_file_is_read(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["title", "text"], ["Fares; again", STORY]], delimiter=";")
    (article,) = read_paths([path])
    assert (article.text, article.meta.title) == (STORY, "Fares; again")


def test_short_row_is_an_error_and_the_next_row_loads(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["id", "text"], ["1"], ["2", STORY]])
    items = list(read_paths([path]))
    assert isinstance(items[0], ReadError) and items[0].locator == "row 1"
    assert isinstance(items[1], Article) and items[1].locator == "row 2"


def test_over_long_field_is_an_error_for_its_row_only(tmp_path, monkeypatch):
    monkeypatch.setattr(csv, "field_size_limit", csv.field_size_limit)
    csv.field_size_limit(1000)
    path = write_csv(tmp_path / "a.csv", [["text"], [STORY], ["x" * 5000], [STORY]])
    try:
        items = list(read_paths([path]))
    finally:
        from quotedb.read.limits import CSV_FIELD_LIMIT
        csv.field_size_limit(CSV_FIELD_LIMIT)
    assert [type(i) for i in items] == [Article, ReadError, Article]
    assert items[1].locator == "row 2" and "too large" in items[1].message


def test_header_only_csv_is_an_error(tmp_path):
    (error,) = read_paths([write_csv(tmp_path / "a.csv", [["text", "title"]])])
    assert isinstance(error, ReadError) and "no rows" in error.message


def test_cp1252_csv_warns_on_every_row(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("text\r\n\"\u201cYes,\u201d said Ren\u00e9e.\"\r\nNo one else spoke.\r\n".encode("cp1252"))
    items = list(read_paths([path]))
    assert items[0].text == "\u201cYes,\u201d said Ren\u00e9e."
    assert all(str(path) in i.warnings[0] for i in items)


def test_rows_stream_one_at_a_time(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["text"])
        writer.writerows([f"Article number {n} says little."] for n in range(5000))
    stream = read_paths([path])
    assert next(stream).locator == "row 1"
    with open(path, "r+b") as f:
        f.truncate(20000)  # rows not yet read are gone: they were never held in memory
    assert 0 < sum(1 for _ in stream) < 4999
