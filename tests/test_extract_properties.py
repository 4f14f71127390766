"""The engine never raises and every span indexes the text exactly, whatever the input."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from quotedb.extract import ENGINE_VERSION, extract, extract_unguarded
from quotedb.model import Article, ArticleMeta

PIECES = st.sampled_from([
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "''", "``", "\n", "\n\n", " ", ",", ".", ":", "\u2014",
    "he said", "said Jo Kim", "Jo Kim, director of the Port Authority,", "she told reporters", "according to",
    "the minister", "don't", "Kim's", "'90s", "titled", "We will win", "They", "and", "(", ")",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


def check(text: str, body_start: int = 0, body_end: int | None = None) -> None:
    article = Article(text=text, meta=ArticleMeta(published="2024-05-30"), origin="prop",
                      body_start=body_start, body_end=body_end)
    ex = extract_unguarded(article)  # the stages themselves must not raise, not just the safety net
    assert extract(article) == ex
    assert ex.engine_version == ENGINE_VERSION
    for q in ex.quotes:
        assert text[q.start:q.end] == q.text
        assert q.kind in ("direct", "mixed", "indirect")
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert text[m.start:m.end] == m.text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_random_marks_and_newlines_never_break_the_engine(text):
    check(text)


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.integers(-5, 80), st.one_of(st.none(), st.integers(-5, 80)))
def test_any_body_offsets_are_tolerated(text, start, end):
    check(text, start, end)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_breaks_the_engine(text):
    check(text)


def test_empty_text_gives_no_quotes():
    assert extract(Article(text="", meta=ArticleMeta(), origin="prop")).quotes == ()
