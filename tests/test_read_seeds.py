"""The user's two seed articles in raw/ read with the metadata their headers state."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotedb.read import read_paths

RAW = Path(__file__).resolve().parent.parent / "raw"
pytestmark = pytest.mark.skipif(not (RAW / "002_c034185700e5ca44.txt").exists(), reason="seed files not in raw/")


def test_dateline_only_seed():
    (article,) = read_paths([RAW / "000_e70b3ffb2fb9e4ef.txt"])
    meta = article.meta
    assert (meta.title, meta.published, meta.source, meta.author) == (None, "2024-05-30", None, None)
    assert article.text[: article.body_start].endswith("-- ")
    assert article.text[article.body_start :].startswith("Facing pressing")


def test_seed_with_breadcrumb_headline_date_line_and_byline():
    (article,) = read_paths([RAW / "002_c034185700e5ca44.txt"])
    meta = article.meta
    assert meta.title == "Cooperation urged to promote global human rights development"
    assert (meta.published, meta.source, meta.author, meta.section) == (
        "2020-03-09", "chinahumanrights.org", "Jia Puyu", "NEWS > WORLD")
    assert "By:Jia Puyu" not in article.text[article.body_start : article.body_end]


def test_seed_text_is_the_file_exactly():
    path = RAW / "002_c034185700e5ca44.txt"
    (article,) = read_paths([path])
    assert article.text.encode("utf-8") == path.read_bytes()
