"""Speakers across the corpus: which rows are shared, and who may hold a surname.

The store decides by the form of a name, whatever the engine hands it: a name with no
proper-noun word ("company", "the ministry") is no one in particular and stays with its
article; a person is a holder of a surname only when the name looks like a person's; an
article that names a person in full decides its own surname-only quotes. Extractions are
written by hand (the engine is not under test) into real SQLite files.
"""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from factories import article, extraction, fetch, quote
from test_incremental_settle import snapshot

from quotedb.store import migrate
from quotedb.store.database import make_engine
from quotedb.store.identity import has_proper_word, holders, holds_surname, name_key, shown_name, speaker_key
from quotedb.store.writer import FileState, Writer


def said(speaker: str, words: str, kind: str = "person", place: str = "the harbour") -> tuple[str, object]:
    """An article of one quote, and its extraction."""
    text = f"The council met at {place}.\n\"{words},\" said {speaker}.\n"
    return text, extraction(quote(text, f"{words},", speaker=speaker, speaker_kind=kind, mention=speaker, cue="said"))


def write(writer: Writer, name: str, text: str, found) -> None:
    writer.write(article(text, origin=f"{name}.txt"), found)


def speaker_of(db, words: str) -> tuple:
    return fetch(db, "select s.name, s.resolution from quotes q join speakers s on s.id = q.speaker_id "
                     "where q.text like ?", (f"%{words}%",))[0]


# --- the form of a name --------------------------------------------------------------


@pytest.mark.parametrize("name", ["Lagos Water Board", "the Harbour Board", "US firm", "eBay", "IBM", "Ruth Banda", "May"])
def test_a_name_with_a_capitalised_word_that_is_no_function_word_names_someone(name):
    assert has_proper_word(name)


@pytest.mark.parametrize("name", ["company", "the ministry", "officials", "government report", "Many", "The", "When"])
def test_common_nouns_and_function_words_name_no_one_in_particular(name):
    assert not has_proper_word(name)


@pytest.mark.parametrize("name", ["Ruth Banda", "Ruth Banda's", "Sen. Ruth Banda", "Ludwig van Tollan",
                                  "Omar bin Tarek", "Ana al-Rashid", "RUTH BANDA", "Mary-Jane O'Banda"])
def test_a_person_by_form_can_hold_a_surname(name):
    assert holds_surname(name)


@pytest.mark.parametrize("name", [
    "Banda",                   # one word: that is the surname itself
    "Will Banda",              # a modal verb cut from "... will Banda"
    "Tuesday Ruth Banda",      # a weekday glued on
    "However Banda",           # a sentence adverb glued on
    "Again Ruth Banda",
    "Tollan Mr Banda",         # a place, then "Mr Banda": one name word
    "Okafor and Banda",        # two people
    "Okafor & Banda",
    "ruth banda",              # not written as a name
    "Ruth Banda\n\nBanda",     # across a line break
    "Ruth Banda 2",
])
def test_a_junk_looking_person_cannot_hold_a_surname(name):
    assert not holds_surname(name)


def test_a_name_with_a_word_glued_in_front_is_not_a_second_holder():
    assert holders(["ruth banda", "tuesday ruth banda", "backbencher ruth banda", "peter banda"]) == [
        "peter banda", "ruth banda"]
    assert holders(["ann banda", "mary ann banda"]) == ["ann banda"]


def test_a_persons_possessive_is_folded_but_an_organizations_is_its_name():
    assert name_key("Ruth Banda's") == name_key("Ruth Banda") == "ruth banda"
    assert name_key("Chris Jonas'") == "chris jonas"
    assert shown_name("Ruth Banda's", "person") == "Ruth Banda"
    assert speaker_key("Banda's", "organization") != speaker_key("Banda", "organization")


def test_folding_keeps_distinct_people_apart():
    for one, other in [("Ruth Banda", "Peter Banda"), ("Monday Ruth Banda", "Ruth Banda"),
                       ("Ruth Banda", "Ruth Bandas"), ("Ana Ruiz", "Ana Ruiz Soto"), ("Prince Tolu", "Tolu")]:
        assert name_key(one) != name_key(other)


def test_a_sovereigns_title_before_a_given_name_stays_in_the_name():
    assert (name_key("Prince Tolu"), shown_name("King Tolu's", "person")) == ("prince tolu", "King Tolu")
    assert not holds_surname("Prince Tolu")
    assert name_key("Prince Tolu Banda") == "tolu banda"


def test_a_given_name_after_a_sovereigns_title_is_not_a_surname(writer, db_path):
    write(writer, "ada", *said("Ada Tolu", "The harbour wall will hold"))
    write(writer, "prince", *said("Prince Tolu", "The palace is open"))
    write(writer, "surname", *said("Mr Tolu", "Nobody told us"))
    writer.settle()

    assert speaker_of(db_path, "The palace is open") == ("Prince Tolu", None)
    # Ada Tolu is the one holder: Prince Tolu does not make "Tolu" ambiguous.
    assert speaker_of(db_path, "Nobody told us") == ("Tolu", "surname only")


# --- rows shared across the corpus -----------------------------------------------------


def test_a_common_noun_speaker_is_a_row_of_each_article(writer, db_path):
    for n, (speaker, kind) in enumerate([("company", "organization"), ("company", "organization"),
                                         ("the ministry", "organization"), ("the ministry", "organization"),
                                         ("Lagos Water Board", "organization"), ("Lagos Water Board", "organization")]):
        write(writer, f"a{n}", *said(speaker, f"Figures for quarter {n} are out", kind))

    assert fetch(db_path, "select name, count(*), count(article_id) from speakers group by name order by name") == [
        ("Lagos Water Board", 1, 0), ("company", 2, 2), ("the ministry", 2, 2)]


def test_the_store_defends_itself_whatever_kind_the_engine_gives(writer, db_path):
    write(writer, "a", *said("the firm", "We expect a better year", "person"))
    write(writer, "b", *said("the firm", "Sales fell in the north", "person"))
    write(writer, "c", *said("Many", "Prices are too high", "person"))
    write(writer, "d", *said("Many", "Wages are too low", "person"))

    assert fetch(db_path, "select name, count(*), count(article_id) from speakers group by name order by name") == [
        ("Many", 2, 2), ("the firm", 2, 2)]


def test_two_spellings_of_one_common_noun_in_an_article_are_one_row(writer, db_path):
    text = '"We are growing," the Company said.\n"We are hiring," the company added.\n'
    write(writer, "a", text, extraction(
        quote(text, "We are growing,", speaker="Company", speaker_kind="organization"),
        quote(text, "We are hiring,", speaker="company", speaker_kind="organization"),
    ))

    assert fetch(db_path, "select count(distinct speaker_id) from quotes") == [(1,)]
    assert fetch(db_path, "select count(*) from speakers") == [(1,)]


def test_a_possessive_form_is_the_same_person(writer, db_path):
    write(writer, "a", *said("Ruth Banda", "The harbour wall will hold"))
    text = "Ruth Banda's remarks came after the vote.\n\"We will pay for it,\" she said.\n"
    write(writer, "b", text, extraction(quote(text, "We will pay for it,", speaker="Ruth Banda's", mention="she")))

    assert fetch(db_path, "select name, name_key from speakers") == [("Ruth Banda", "ruth banda")]
    assert fetch(db_path, "select alias from speaker_aliases order by alias") == [
        ("Ruth Banda",), ("Ruth Banda's",), ("she",)]


# --- surnames ----------------------------------------------------------------------------


def corpus_of_two_bandas(writer):
    write(writer, "ruth", *said("Ruth Banda", "The harbour wall will hold"))
    write(writer, "peter", *said("Peter Banda", "The ferry runs all winter"))


def test_a_person_named_in_full_in_the_article_is_never_an_ambiguous_surname_there(writer, db_path):
    corpus_of_two_bandas(writer)
    text = ('"We will rebuild it," said Ruth Banda, the harbour director.\n'
            '"It will take a year," Banda said.\n')
    write(writer, "both", text, extraction(
        quote(text, "We will rebuild it,", speaker="Ruth Banda", cue="said"),
        quote(text, "It will take a year,", speaker="Banda", mention="Banda", cue="said"),
    ))
    write(writer, "alone", *said("Banda", "Nobody told us"))
    writer.settle()

    assert speaker_of(db_path, "It will take a year") == ("Ruth Banda", None)
    assert fetch(db_path, "select surname_only, speaker_name from quotes where text like 'It will take%'") == [(0, "Banda")]
    assert speaker_of(db_path, "Nobody told us") == ("Banda", "ambiguous surname")


def test_two_people_of_the_surname_in_one_article_leave_it_a_surname_row(writer, db_path):
    text = ('"We agree," said Ruth Banda.\n"We do not," said Peter Banda.\n"Maybe," Banda said.\n')
    write(writer, "a", text, extraction(
        quote(text, "We agree,", speaker="Ruth Banda"),
        quote(text, "We do not,", speaker="Peter Banda"),
        quote(text, "Maybe,", speaker="Banda"),
    ))
    writer.settle()

    assert speaker_of(db_path, "Maybe") == ("Banda", "ambiguous surname")


@pytest.mark.parametrize("junk", ["Will Banda", "Tuesday Ruth Banda", "Tollan Mr Banda", "Okafor and Banda", "Ruth Banda's"])
def test_junk_rows_do_not_make_a_surname_ambiguous(writer, db_path, junk):
    write(writer, "ruth", *said("Ruth Banda", "The harbour wall will hold"))
    write(writer, "junk", *said(junk, "The storm season starts soon"))
    write(writer, "later", *said("Banda", "Nobody told us"))
    writer.settle()

    assert speaker_of(db_path, "Nobody told us") == ("Banda", "surname only")


def test_a_surname_alone_is_not_joined_to_the_one_person_another_article_names(writer, db_path):
    """Which Banda "Banda said" means is the article's to say; one that never writes a
    full name may mean a Banda the corpus has never met."""
    write(writer, "ruth", *said("Ruth Banda", "The harbour wall will hold"))
    write(writer, "later", *said("Banda", "Nobody told us"))
    writer.settle()

    assert speaker_of(db_path, "Nobody told us") == ("Banda", "surname only")
    assert fetch(db_path, "select name, quote_count from speakers order by name") == [("Banda", 1), ("Ruth Banda", 1)]


def written(writer, name: str, line: str, speaker: str, words: str) -> None:
    """An article whose text writes `line` and then quotes `speaker` saying `words`."""
    text = f'{line}\n"{words}," {speaker} said.\n'
    write(writer, name, text, extraction(quote(text, f"{words},", speaker=speaker, mention=speaker, cue="said")))


def test_a_surname_alone_joins_the_known_person_its_article_writes_in_full(writer, db_path):
    corpus_of_two_bandas(writer)
    written(writer, "visit", "Peter Banda visited the ferry yard on Monday.", "Banda", "Nobody told us")
    writer.settle()

    assert speaker_of(db_path, "Nobody told us") == ("Peter Banda", None)
    assert fetch(db_path, "select surname_only from quotes where text like 'Nobody%'") == [(1,)]


def test_a_full_name_the_corpus_does_not_know_joins_nobody(writer, db_path):
    write(writer, "ruth", *said("Ruth Banda", "The harbour wall will hold"))
    written(writer, "visit", "Joseph Banda visited the ferry yard on Monday.", "Banda", "Nobody told us")
    writer.settle()

    assert speaker_of(db_path, "Nobody told us") == ("Banda", "surname only")


def test_an_article_writing_two_known_persons_of_the_surname_joins_neither(writer, db_path):
    corpus_of_two_bandas(writer)
    written(writer, "visit", "Peter Banda and Ruth Banda visited the yard.", "Banda", "Nobody told us")
    writer.settle()

    assert speaker_of(db_path, "Nobody told us") == ("Banda", "ambiguous surname")


def test_a_person_the_article_writes_arriving_later_takes_its_quote_and_leaving_gives_it_back(writer, db_path):
    written(writer, "visit", "Ruth Banda visited the ferry yard on Monday.", "Banda", "Nobody told us")
    writer.settle()
    assert speaker_of(db_path, "Nobody told us") == ("Banda", "surname only")
    write(writer, "ruth", *said("Ruth Banda", "The harbour wall will hold"))
    writer.settle()
    assert speaker_of(db_path, "Nobody told us") == ("Ruth Banda", None)
    writer.forget_file("ruth.txt")
    writer.settle()

    assert speaker_of(db_path, "Nobody told us") == ("Banda", "surname only")
    assert fetch(db_path, "select name from speakers order by name") == [("Banda",)]


def test_a_second_real_person_still_makes_it_ambiguous(writer, db_path):
    write(writer, "ruth", *said("Ruth Banda", "The harbour wall will hold"))
    write(writer, "will", *said("Will Banda", "The storm season starts soon"))
    write(writer, "peter", *said("Peter Banda", "The ferry runs all winter"))
    write(writer, "later", *said("Banda", "Nobody told us"))
    writer.settle()

    assert speaker_of(db_path, "Nobody told us") == ("Banda", "ambiguous surname")


def test_a_surname_that_is_also_a_modal_verb_still_joins_its_person(writer, db_path):
    write(writer, "other", *said("Tom May", "The ferry runs all winter"))
    text = '"The harbour wall will hold," said Ada May.\n"Nobody told us," May said.\n'
    write(writer, "ada", text, extraction(
        quote(text, "The harbour wall will hold,", speaker="Ada May", cue="said"),
        quote(text, "Nobody told us,", speaker="May", mention="May", cue="said"),
    ))
    writer.settle()

    assert speaker_of(db_path, "Nobody told us") == ("Ada May", None)


def test_a_junk_row_never_takes_the_surnames_quotes(writer, db_path):
    write(writer, "could", *said("Could Tollanco", "We will appeal"))
    write(writer, "later", *said("Tollanco", "The court was wrong"))
    writer.settle()

    assert speaker_of(db_path, "The court was wrong") == ("Tollanco", "surname only")


def test_settling_step_by_step_gives_the_rows_of_a_full_settle(writer, db_path, tmp_path):
    """Holders arrive and leave, junk ones among them; the surname-only quote stays on its
    row, labelled as the corpus stands; after each settle the rows are those of settling
    the whole corpus again."""
    checks = []

    def check():
        checks.append(len(checks))
        copy = tmp_path / f"full-{len(checks)}.db"
        writer.engine.dispose()
        shutil.copy(db_path, copy)
        engine = make_engine(copy, bulk=True)
        full = Writer(engine, "test 1")
        with full.batch():
            full.settle(full=True)
        engine.dispose()
        tables = ("speakers", "quotes", "roles", "speaker_aliases", "quotations")
        assert {t: fetch(copy, f"select * from {t} order by id") for t in tables} == {
            t: fetch(db_path, f"select * from {t} order by id") for t in tables}

    write(writer, "later", *said("Banda", "Nobody told us"))
    writer.settle()
    check()
    assert speaker_of(db_path, "Nobody told us") == ("Banda", "surname only")
    write(writer, "ruth", *said("Ruth Banda", "The harbour wall will hold"))
    write(writer, "junk", *said("Tuesday Ruth Banda", "The storm season starts soon"))
    writer.settle()
    check()
    assert speaker_of(db_path, "Nobody told us") == ("Banda", "surname only")
    write(writer, "peter", *said("Peter Banda", "The ferry runs all winter"))
    writer.settle()
    check()
    assert speaker_of(db_path, "Nobody told us") == ("Banda", "ambiguous surname")
    writer.forget_file("peter.txt")
    writer.settle()
    check()
    assert speaker_of(db_path, "Nobody told us") == ("Banda", "surname only")
    writer.forget_file("ruth.txt")
    writer.settle()
    check()
    assert speaker_of(db_path, "Nobody told us") == ("Banda", "surname only")


# --- any order, any steps ----------------------------------------------------------------


def _article_of(*quotes: tuple[str, str, str]) -> tuple[str, object]:
    """An article of (speaker, kind, words) quotes, one a line; a "line" is text only."""
    text = "".join(words + "\n" if kind == "line" else f'"{words}," said {speaker}.\n' for speaker, kind, words in quotes)
    return text, extraction(*(
        quote(text, f"{words},", speaker=speaker, speaker_kind=kind) for speaker, kind, words in quotes if kind != "line"))


POOL = {
    "ruth": [("Ruth Banda", "person", "The wall will hold")],
    "ruth-possessive": [("Ruth Banda's", "person", "The plan is sound")],
    "peter": [("Peter Banda", "person", "The ferry runs all winter")],
    "glued": [("Tuesday Ruth Banda", "person", "The storm is near")],
    "modal": [("Will Banda", "person", "Nobody listens")],
    "pair": [("Okafor and Banda", "person", "We both agree")],
    "both": [("Peter Banda", "person", "We will rebuild"), ("Banda", "person", "It will take a year")],
    "alone": [("Banda", "person", "Nobody told us")],
    "alone-again": [("Mr Banda", "person", "We were not asked")],
    "written": [(None, "line", "Ruth Banda toured the yard."), ("Banda", "person", "The yard is busy")],
    "written-both": [(None, "line", "Ruth and Peter Banda toured it, Peter Banda first."), ("Banda", "person", "It is busy")],
    "company": [("company", "organization", "Profits are up")],
    "company-again": [("the company", "organization", "Profits are down"), ("Company", "organization", "We are hiring")],
    "board": [("Lagos Water Board", "organization", "Profits are up")],
}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sets(st.sampled_from(sorted(POOL)), max_size=6), min_size=1, max_size=4))
def test_any_steps_of_adding_and_removing_articles_give_the_rows_of_writing_them_fresh(tmp_path_factory, steps):
    """The database written step by step (articles added and forgotten, a settle after
    each step) holds what writing the last step's articles into an empty one, in the
    opposite order, holds."""
    tmp_path = tmp_path_factory.mktemp("identity")

    def open_writer(name):
        path = tmp_path / name
        migrate.upgrade(path)
        return path, Writer(make_engine(path), "test 1")

    db, writer = open_writer("steps.db")
    held: set[str] = set()
    for picks in steps:
        for name in sorted(held - picks):
            writer.forget_file(f"{name}.txt")
        for name in sorted(picks):
            write(writer, name, *_article_of(*POOL[name]))
        writer.settle()
        held = set(picks)
    writer.engine.dispose()
    fresh, other = open_writer("fresh.db")
    for name in sorted(held, reverse=True):
        write(other, name, *_article_of(*POOL[name]))
    other.settle()
    other.engine.dispose()

    assert snapshot(db) == snapshot(fresh)
