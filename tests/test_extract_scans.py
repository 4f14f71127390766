"""The engine's fast scans find exactly what the plain patterns they stand for would find.

Each scan trades a pattern `re` must try at every position (a look-behind, `\\b`, `…$`) for
one it can skip through in C; the answers must not change by a single match.
"""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from quotedb.extract import attribution, claims, events, resolve, spans, text as text_basics

PIECES = st.sampled_from([
    " ", "  ", "\n", ",", ".", ". ", "!", "?", ":", "-", "\u2014", "'", "\u2019", '"', "\u201c", "<", "(", "_", "#",
    "said", "says", "told", "Says", "Asked", "According to", "according  to", "Noting", "called on", "warned", "unsaid",
    "said-", "essays", "meeting", "Meeting", "meetings", "summit", "session", "press conference",
    "Jane Roe", "Ms Roe", "But Jane Roe", "The", "went", "to", "titled", "known as", "known \n as", "the words",
    "TITLED", "in", "book", "'s", "\u2019S", "retitled", "x", "9", "\u00e9", "\u017f", "K",
])
SEPARATORS = st.sampled_from([" ", " ", "", "\n", ", ", "(", "\u201c"])
TEXTS = st.lists(st.tuples(st.one_of(PIECES, PIECES, st.text(max_size=3)), SEPARATORS).map("".join),
                 max_size=30).map("".join)


def _window(text: str, data) -> tuple[int, int]:
    if data.draw(st.booleans()):
        return 0, len(text)
    a = data.draw(st.integers(0, len(text)))
    return a, data.draw(st.integers(a, len(text)))


def _found(matches) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_cue_scan_finds_what_the_cue_pattern_finds(text, data):
    a, b = _window(text, data)
    assert _found(claims._cues(text, a, b)) == _found(claims._CUE.finditer(text, a, b))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_event_noun_scan_finds_what_the_noun_pattern_finds(text, data):
    a, b = _window(text, data)
    assert events._noun_starts(text, a, b) == [m.start() for m in events._NOUN.finditer(text, a, b)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_sentence_subjects_are_found_after_an_end_mark_a_line_break_or_at_the_start(text):
    plain = re.compile(r"(?:[.!?]\s|\n|^)" + resolve._OPENING_NAME)
    assert _found(resolve._subjects(text)) == _found(plain.finditer(text))


def _ending(words: tuple[str, ...], tail: str, extra: str = "") -> re.Pattern:
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split(" "))) for w in words)
    return re.compile(rf"(?:\b(?:{alternatives}){extra}){tail}$", re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_a_title_word_is_recognised_at_the_end_of_the_text_before_a_quote(text):
    forwards = _ending(spans._TITLE_BEFORE_WORDS, r"\s*[,:]?\s*", extra="|#")
    assert bool(spans._TITLE_BEFORE_REVERSED.match(text[::-1])) == bool(forwards.search(text))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_a_title_place_is_recognised_at_the_end_of_the_text_before_a_quote(text):
    forwards = re.compile(r"(?:['\u2019]s|" + _ending(spans._TITLE_PLACE_WORDS, "").pattern[:-1] + r")\s*$",
                          re.IGNORECASE)
    assert bool(spans._TITLE_PLACE_REVERSED.match(text[::-1])) == bool(forwards.search(text))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_a_cue_verb_is_near_when_a_run_of_lower_case_letters_is_one(text, data):
    a, b = _window(text, data)
    words = re.findall(r"[a-z]+", text[a:b])
    assert attribution._verb_near(text, a, b) == any(w in attribution._CUE_WORDS for w in words)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("abs ", min_size=1, max_size=5), min_size=1, max_size=8), st.text("abs -", max_size=12))
def test_a_trie_alternation_matches_like_the_flat_one_longest_first(words, text):
    words = [w for w in words if w.strip() == w]
    if not words:
        return
    flat = re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w-])")
    trie = re.compile("(?:" + text_basics.alternation(words, space=" ") + r")(?![\w-])")
    assert _found(trie.finditer(text)) == _found(flat.finditer(text))
