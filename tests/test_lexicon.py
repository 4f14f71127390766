"""The lexicon: word lists as named data, verb forms derived from lemmas, one line per verb."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from quotedb.lexicon import people, verbs
from quotedb.lexicon.verbs import HEADLINE_CUES, FRONTED_CUES, SPEECH_VERBS, inflect


@pytest.mark.parametrize("lemma, past, forms", [
    ("say", "said", ("say", "says", "said", "saying")),
    ("deny", None, ("deny", "denies", "denied", "denying")),
    ("stress", None, ("stress", "stresses", "stressed", "stressing")),
    ("argue", None, ("argue", "argues", "argued", "arguing")),
    ("agree", None, ("agree", "agrees", "agreed", "agreeing")),
    ("admit", "admitted", ("admit", "admits", "admitted", "admitting")),
    ("vow", None, ("vow", "vows", "vowed", "vowing")),
])
def test_inflections_are_derived_from_the_lemma(lemma, past, forms):
    got = inflect(lemma, past)
    assert (got["base"], got["s"], got["ed"], got["ing"]) == forms


def test_headline_and_fronted_forms_are_derived_not_typed():
    assert {"Says", "Said", "Warns", "Denies", "Admits"} <= HEADLINE_CUES
    assert {"Noting", "Saying", "Arguing", "Acknowledging"} <= FRONTED_CUES
    assert all(w in SPEECH_VERBS for w in ("warned", "warning", "acknowledges"))


def test_a_dropped_form_is_not_a_cue():
    assert "stated" in SPEECH_VERBS and "states" not in SPEECH_VERBS  # "the United States"
    assert "reported" in SPEECH_VERBS and "reporting" not in SPEECH_VERBS


def test_an_unknown_role_is_refused_with_the_lemma_named():
    with pytest.raises(ValueError, match="proclaim"):
        verbs._parse("proclaim - speach")


def test_pronouns_carry_person_number_and_gender():
    assert people.PRONOUN_FEATURES["she"] == people.Pronoun(3, "singular", "female")
    assert people.PRONOUN_FEATURES["they"].number == "plural"
    assert people.PRONOUNS == frozenset(p for p, f in people.PRONOUN_FEATURES.items() if f.subject)
    assert people.PLURAL_PRONOUNS == frozenset({"they", "we"})


_ADD_ONE_LINE = textwrap.dedent('''
    import inspect, json, sys
    import quotedb.lexicon.verbs as v
    if sys.argv[1] == "with":
        src = inspect.getsource(v).replace('LEXEMES_TABLE = """\\n', 'LEXEMES_TABLE = """\\nproclaim - speech\\n', 1)
        exec(compile(src, v.__file__, "exec"), v.__dict__)
    from quotedb.extract import extract_unguarded
    from quotedb.model import Article, ArticleMeta
    text = ('The mayor proclaimed that the new bridge will reopen in May.\\n\\n'
            '"We have kept every promise to this town," Ana Lee proclaims.')
    ex = extract_unguarded(Article(text=text, meta=ArticleMeta(), origin="t"))
    print(json.dumps([[q.kind, q.cue, q.speaker] for q in ex.quotes]))
''')


def _run(mode: str) -> list:
    out = subprocess.run([sys.executable, "-c", _ADD_ONE_LINE, mode], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_adding_a_speech_verb_is_one_line_in_the_lexicon():
    """One line in LEXEMES_TABLE makes every form a cue for claims and direct quotes alike."""
    assert not any(cue and cue.startswith("proclaim") for _, cue, _ in _run("without"))
    found = _run("with")
    assert ["indirect", "proclaimed", None] in found or any(k == "indirect" and c == "proclaimed" for k, c, _ in found)
    assert ["direct", "proclaims", "Ana Lee"] in found


def test_the_store_folds_only_titles_the_engine_knows():
    """The store drops NAME_TITLE_WORDS from the front of a name; each is a word of a title
    the engine's grammar reads, an honorific, or a title modifier, so both agree on what a
    title is."""
    from quotedb.lexicon.people import NAME_HONORIFICS, NAME_TITLE_WORDS, TITLE_HEADS, TITLE_MODIFIERS

    title_words = {w.rstrip(".") for t in TITLE_HEADS for w in t.split()}
    known = title_words | {h.lower().rstrip(".") for h in NAME_HONORIFICS} | TITLE_MODIFIERS
    assert sorted(w for w in NAME_TITLE_WORDS if w not in known) == []
