"""read_paths: walking folders, skipping what it cannot read, never raising."""

from __future__ import annotations

import json

from quotedb.model import Article, ReadError, Skipped
from quotedb.read import read_paths

STORY = "The ferry company raised fares by a tenth on Monday, blaming fuel costs."


def test_folders_are_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(STORY + " Z.", encoding="utf-8")
    (tmp_path / "b" / "a.txt").write_text(STORY + " A.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    origins = [i.origin for i in read_paths([tmp_path])]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "a.txt"), str(tmp_path / "b" / "z.txt")]


def test_unknown_extension_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (item,) = read_paths([tmp_path])
    assert isinstance(item, Skipped) and item.origin == str(tmp_path / "photo.jpg") and ".jpg" in item.reason


def test_hidden_folders_are_not_entered(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(STORY, encoding="utf-8")
    assert list(read_paths([tmp_path])) == []


def test_missing_path_is_an_error(tmp_path):
    missing = tmp_path / "nowhere.txt"
    assert list(read_paths([missing])) == [ReadError(str(missing), "no such file or directory")]


def test_bad_files_do_not_stop_the_rest(tmp_path):
    (tmp_path / "1.txt").write_bytes(b"")
    (tmp_path / "2.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "3.jsonl").write_text('{"text": "cut', encoding="utf-8")
    (tmp_path / "4.txt").write_text(STORY, encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [type(i) for i in items] == [ReadError, ReadError, ReadError, Article]


def test_one_article_in_each_format_from_one_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Fares rise\n2020-03-09\n" + STORY, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>Fares rise</title></head><body><article>"
        + "".join(f"<p>{STORY} Paragraph {n} adds that the company will review prices.</p>" for n in range(4))
        + "</article></body></html>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": STORY + " J."}) + "\n", encoding="utf-8")
    (tmp_path / "d.csv").write_text(f'text\n"{STORY} C."\n', encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert [type(i) for i in items] == [Article] * 4
    assert items[0].meta.title == "Fares rise"


def test_path_objects_and_strings_are_both_accepted_and_origin_is_a_string(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    assert [i.origin for i in read_paths([path, str(path)])] == [str(path), str(path)]


def test_same_text_twice_has_the_same_identity(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.csv").write_text(f'text\n"{STORY}"\n', encoding="utf-8")
    first, second = read_paths([tmp_path])
    assert first.sha256 == second.sha256 and first.where != second.where
