"""One guard: extract() survives a broken rule and says so; nothing below it hides the bug."""

from __future__ import annotations

import logging

import pytest

import quotedb.extract as engine
from quotedb.extract import ENGINE_VERSION, extract, extract_unguarded
from quotedb.model import Article, ArticleMeta, Extraction

TEXT = ('The mayor said the bridge would reopen in May. "We are nearly done," she said at the '
        "43rd session of the city council on Tuesday.")


def _article() -> Article:
    return Article(text=TEXT, meta=ArticleMeta(published="2024-05-30"), origin="guard.txt")


def _boom(*args, **kwargs):
    raise RuntimeError("rule bug")


@pytest.mark.parametrize("stage", ["find_claims", "find_events", "link_event", "attribute", "find_spans"])
def test_a_failing_rule_raises_from_extract_unguarded(monkeypatch, stage):
    monkeypatch.setattr(engine, stage, _boom)
    with pytest.raises(RuntimeError, match="rule bug"):
        extract_unguarded(_article())


@pytest.mark.parametrize("stage", ["find_claims", "find_events", "link_event"])
def test_extract_logs_the_article_and_returns_an_empty_extraction(monkeypatch, caplog, stage):
    assert extract(_article()).quotes, "the article has quotes when every rule works"
    monkeypatch.setattr(engine, stage, _boom)
    with caplog.at_level(logging.ERROR, logger="quotedb.extract"):
        result = extract(_article())
    assert result == Extraction(engine_version=ENGINE_VERSION)
    record = caplog.records[-1]
    assert "guard.txt" in record.getMessage()
    assert record.exc_info and "rule bug" in str(record.exc_info[1])


def test_no_rule_module_catches_every_exception():
    from pathlib import Path

    package = Path(engine.__file__).parent
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if path.name == "__init__.py" and path.parent == package:
            assert source.count("except Exception") == 1, "extract() is the one guard"
            continue
        assert "except Exception" not in source and "except:" not in source, path.name
