"""JSON Lines and JSON: one article per line, item or object; field names mapped."""

from __future__ import annotations

import json
from pathlib import Path

from quotedb.model import Article, ReadError
from quotedb.read import read_paths

STORY = "The ferry company raised fares by a tenth on Monday, blaming fuel costs."


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_one_article_per_line_with_line_locators(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [json.dumps({"text": STORY}), json.dumps({"text": STORY + " Again."})])
    items = list(read_paths([path]))
    assert [i.locator for i in items] == ["line 1", "line 2"]
    assert items[0].text == STORY and items[0].origin == str(path)


def test_usual_field_names_are_mapped(tmp_path):
    record = {"headline": "Fares rise", "body": STORY, "publication_date": "9 March 2020",
              "link": "https://coast.example/fares", "authors": ["Ines Mora", "Li Wen"],
              "publisher": {"name": "Coast Daily"}, "category": "Business"}
    (article,) = read_paths([write_jsonl(tmp_path / "a.jsonl", [json.dumps(record)])])
    assert article.text == STORY
    assert article.meta.title == "Fares rise" and article.meta.published == "2020-03-09"
    assert article.meta.author == "Ines Mora, Li Wen" and article.meta.source == "Coast Daily"
    assert (article.meta.section, article.meta.url) == ("Business", "https://coast.example/fares")


def test_field_names_match_regardless_of_case_and_punctuation(tmp_path):
    record = {"Content": STORY, "datePublished": "2020-03-09T10:00:00Z", "Source": "Coast Daily"}
    (article,) = read_paths([write_jsonl(tmp_path / "a.jsonl", [json.dumps(record)])])
    assert (article.text, article.meta.published, article.meta.source) == (STORY, "2020-03-09", "Coast Daily")


def test_unparseable_date_is_left_empty_not_an_error(tmp_path):
    (article,) = read_paths([write_jsonl(tmp_path / "a.jsonl", [json.dumps({"text": STORY, "date": "soon-ish"})])])
    assert isinstance(article, Article) and article.meta.published is None


def test_truncated_line_is_an_error_and_the_other_lines_load(tmp_path):
    good = json.dumps({"text": STORY})
    path = write_jsonl(tmp_path / "a.jsonl", [good, '{"text": "The ferry compa', good])
    items = list(read_paths([path]))
    assert [type(i) for i in items] == [Article, ReadError, Article]
    assert items[1].locator == "line 2" and items[1].origin == str(path) and "invalid JSON" in items[1].message
    assert items[2].locator == "line 3"


def test_blank_lines_are_ignored_and_numbering_follows_the_file(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [json.dumps({"text": STORY}), "", json.dumps({"text": STORY})])
    assert [i.locator for i in read_paths([path])] == ["line 1", "line 3"]


def test_object_without_text_field_names_the_fields_it_has(tmp_path):
    (error,) = read_paths([write_jsonl(tmp_path / "a.jsonl", [json.dumps({"title": "Fares", "summary": "x"})])])
    assert isinstance(error, ReadError) and "title, summary" in error.message and error.locator == "line 1"


def test_empty_text_value_is_an_error(tmp_path):
    (error,) = read_paths([write_jsonl(tmp_path / "a.jsonl", [json.dumps({"text": "  "})])])
    assert isinstance(error, ReadError) and "empty text" in error.message


def test_json_array_gives_item_locators(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": STORY}, {"article": STORY + " More."}]), encoding="utf-8")
    items = list(read_paths([path]))
    assert [(type(i), i.locator) for i in items] == [(Article, "item 1"), (Article, "item 2")]


def test_single_json_object_is_one_article_without_locator(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": STORY, "title": "Fares rise"}), encoding="utf-8")
    (article,) = read_paths([path])
    assert article.locator is None and article.meta.title == "Fares rise"


def test_json_object_wrapping_an_article_list(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"status": "ok", "articles": [{"content": STORY}]}), encoding="utf-8")
    (article,) = read_paths([path])
    assert (article.text, article.locator) == (STORY, "item 1")


def test_truncated_json_array_keeps_items_before_the_break(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"text": STORY}, {"text": STORY}])[:-20], encoding="utf-8")
    items = list(read_paths([path]))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], ReadError) and items[-1].locator == "item 2"


def test_utf16_json_array_is_streamed(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(json.dumps([{"text": "\u201cNo,\u201d she said."}], ensure_ascii=False).encode("utf-16"))
    (article,) = read_paths([path])
    assert article.text == "\u201cNo,\u201d she said."


def test_text_column_option_picks_the_json_field(tmp_path):
    record = {"text": "teaser", "full_story": STORY}
    (article,) = read_paths([write_jsonl(tmp_path / "a.jsonl", [json.dumps(record)])], text_column="full_story")
    assert article.text == STORY
