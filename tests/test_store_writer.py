"""The writer: one article is one transaction, provenance is checked, identity is kept."""

from __future__ import annotations

import sqlite3

import pytest
from factories import article, extraction, fetch, quote

from quotedb.model import Event
from quotedb.store.writer import InvalidExtraction, Writer

BRIDGE = (
    "Tollan opened its new river bridge on Monday.\n"
    'Ana Ruiz, the mayor of Tollan, said at the city forum: "We built it in eleven months."\n'
    "Residents said the crossing would save them an hour a day.\n"
)


def bridge_extraction(text: str = BRIDGE, months: str = "eleven"):
    return extraction(
        quote(text, f"We built it in {months} months.", speaker="Ana Ruiz", mention="Ana Ruiz",
              role="mayor", organization="Tollan", event="city forum", cue="said", rule="test"),
        quote(text, "the crossing would save them an hour a day", kind="indirect",
              speaker="Residents", speaker_kind="group", mention="Residents", cue="said"),
        events=(Event(name="city forum", kind="forum", location="Tollan"),),
    )


def test_an_article_is_stored_with_its_quotes_speakers_roles_and_events(writer, db_path):
    written = writer.write(article(BRIDGE, title="A bridge in eleven months", published="2024-05-06"), bridge_extraction())

    assert (written.status, written.quotes) == ("added", 2)
    assert fetch(db_path, "select title, published, origin from articles") == [("A bridge in eleven months", "2024-05-06", "news/a.txt")]
    assert fetch(db_path, "select name, kind from speakers order by name") == [("Ana Ruiz", "person"), ("Residents", "group")]
    assert fetch(db_path, "select title, organization from roles") == [("mayor", "Tollan")]
    assert fetch(db_path, "select name, kind, location from events") == [("city forum", "forum", "Tollan")]
    assert fetch(db_path, "select speaker, role, organization, event, kind from quotes_view order by start") == [
        ("Ana Ruiz", "mayor", "Tollan", "city forum", "direct"),
        ("Residents", None, None, None, "indirect"),
    ]


def test_every_quote_is_the_article_text_between_its_offsets(writer, db_path):
    writer.write(article(BRIDGE), bridge_extraction())

    mismatches = fetch(db_path, """
        select quotes.id from quotes join articles on articles.id = quotes.article_id
        where substr(articles.text, quotes.start + 1, quotes."end" - quotes.start) != quotes.text""")
    assert fetch(db_path, "select count(*) from quotes") == [(2,)]
    assert mismatches == []


def test_a_quote_whose_offsets_do_not_match_the_text_is_refused_and_nothing_is_stored(writer, db_path):
    good = bridge_extraction()
    shifted = good.quotes[0].__class__(**{**{f: getattr(good.quotes[0], f) for f in good.quotes[0].__slots__}, "start": 1, "end": 20})

    with pytest.raises(InvalidExtraction, match="does not match"):
        writer.write(article(BRIDGE), extraction(shifted))
    assert fetch(db_path, "select count(*) from articles") == [(0,)]


def test_a_failure_in_the_middle_of_an_article_leaves_no_row_of_it(writer, db_path, monkeypatch):
    original = Writer._insert_extraction

    def insert_then_fail(self, conn, *args):
        original(self, conn, *args)
        assert conn.execute(__import__("sqlalchemy").text("select count(*) from quotes")).scalar() == 2
        raise RuntimeError("disk full")

    monkeypatch.setattr(Writer, "_insert_extraction", insert_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        writer.write(article(BRIDGE), bridge_extraction())

    for table in ("articles", "article_sources", "quotes", "speakers", "roles", "events", "article_events"):
        assert fetch(db_path, f"select count(*) from {table}") == [(0,)], table
    assert fetch(db_path, "select count(*) from quotes_fts where quotes_fts match 'months'") == [(0,)]


def test_writing_the_same_article_again_changes_nothing(writer, db_path):
    first = writer.write(article(BRIDGE), bridge_extraction())
    before = fetch(db_path, "select * from quotes")

    again = writer.write(article(BRIDGE), bridge_extraction())

    assert again.status == "unchanged" and again.article_id == first.article_id
    assert fetch(db_path, "select * from quotes") == before


def test_a_new_parser_version_replaces_the_articles_rows(writer, db_path):
    writer.write(article(BRIDGE), bridge_extraction())
    newer = Writer(writer.engine, "test 2")
    only_mayor = extraction(quote(BRIDGE, "We built it in eleven months.", speaker="Ana Ruiz"))

    written = newer.write(article(BRIDGE), only_mayor)

    assert written.status == "updated"
    assert fetch(db_path, "select parser_version from articles") == [("test 2",)]
    assert fetch(db_path, "select text from quotes") == [("We built it in eleven months.",)]
    assert fetch(db_path, "select name from speakers") == [("Ana Ruiz",)]
    assert fetch(db_path, "select count(*) from roles") == [(0,)]
    assert fetch(db_path, "select count(*) from events") == [(0,)]


def test_the_same_text_in_two_files_is_one_article_seen_in_two_places(writer, db_path):
    writer.write(article(BRIDGE, origin="a.txt"), bridge_extraction())
    second = writer.write(article(BRIDGE, origin="copies.csv", locator="row 4"), bridge_extraction())

    assert second.status == "unchanged"
    assert fetch(db_path, "select count(*) from articles") == [(1,)]
    assert fetch(db_path, "select path, locator from article_sources order by path") == [("a.txt", ""), ("copies.csv", "row 4")]


def test_new_text_at_a_known_place_replaces_the_old_article(writer, db_path):
    writer.write(article(BRIDGE, origin="a.txt"), bridge_extraction())
    revised = BRIDGE.replace("eleven", "twelve")

    written = writer.write(article(revised, origin="a.txt"), bridge_extraction(revised, "twelve"))

    assert written.status == "updated"
    assert fetch(db_path, "select count(*) from articles") == [(1,)]
    assert fetch(db_path, "select text from quotes where kind = 'direct'") == [("We built it in twelve months.",)]
    assert fetch(db_path, "select name from speakers order by name") == [("Ana Ruiz",), ("Residents",)]


def test_persons_are_one_speaker_across_articles_but_groups_are_not(writer, db_path):
    other = 'Residents of the east bank said they were pleased.\n"The bridge is only the start," Ana  Ruiz said.\n'
    writer.write(article(BRIDGE, origin="a.txt"), bridge_extraction())
    writer.write(article(other, origin="b.txt"), extraction(
        quote(other, "The bridge is only the start,", speaker="Ana  Ruiz"),
        quote(other, "they were pleased", kind="indirect", speaker="Residents", speaker_kind="group"),
    ))

    assert fetch(db_path, "select kind, count(*) from speakers group by kind order by kind") == [("group", 2), ("person", 1)]
    assert fetch(db_path, "select count(distinct speaker_id) from quotes where kind = 'direct'") == [(1,)]


def test_a_speaker_quoted_nowhere_else_goes_with_the_article(writer, db_path):
    writer.write(article(BRIDGE, origin="a.txt"), bridge_extraction())
    writer.finish_file(__import__("quotedb.store.writer", fromlist=["FileState"]).FileState("a.txt", 1, 1.0, "x"), set())

    for table in ("articles", "quotes", "speakers", "roles", "events", "article_events", "article_sources"):
        assert fetch(db_path, f"select count(*) from {table}") == [(0,)], table


@pytest.mark.parametrize(
    "column, value, message",
    [("kind", "rumour", "ck_quotes_kind"), ("start", 5000, "ck_quotes_span")],
)
def test_the_database_itself_refuses_impossible_quotes(writer, db_path, column, value, message):
    writer.write(article(BRIDGE), bridge_extraction())
    with sqlite3.connect(db_path) as conn, pytest.raises(sqlite3.IntegrityError, match=message):
        conn.execute(f'update quotes set {column} = ? where kind = "direct"', [value])


def test_speaker_kinds_are_checked(writer, db_path):
    writer.write(article(BRIDGE), bridge_extraction())
    with sqlite3.connect(db_path) as conn, pytest.raises(sqlite3.IntegrityError, match="ck_speakers_kind"):
        conn.execute("update speakers set kind = 'robot'")


def test_a_title_in_the_name_becomes_the_role_and_leaves_the_name(writer, db_path):
    text = '"The vote is on Friday," said Sen. Kwame Mensah.\n"It will pass," Dr. Kwame Mensah added.\n'
    writer.write(article(text), extraction(
        quote(text, "The vote is on Friday,", speaker="Sen. Kwame Mensah", mention="Sen. Kwame Mensah"),
        quote(text, "It will pass,", speaker="Dr. Kwame Mensah", role="senator"),
    ))

    assert fetch(db_path, "select name, name_key from speakers") == [("Kwame Mensah", "kwame mensah")]
    assert fetch(db_path, "select title from roles order by id") == [("Sen.",), ("senator",)]
    assert fetch(db_path, "select alias from speaker_aliases order by alias") == [("Dr. Kwame Mensah",), ("Sen. Kwame Mensah",)]


def test_a_quote_that_names_its_speaker_by_surname_alone_is_marked_so(writer, db_path):
    text = 'Chen said: "We will wait." Dr. Chen added: "Not long." Chen Wei said: "Soon." Residents said: "Fine."\n'
    writer.write(article(text), extraction(
        quote(text, "We will wait.", speaker="Chen"),
        quote(text, "Not long.", speaker="Dr. Chen"),
        quote(text, "Soon.", speaker="Chen Wei"),
        quote(text, "Fine.", speaker="Residents", speaker_kind="group"),
        quote(text, "Chen said", kind="indirect"),
    ))

    assert fetch(db_path, "select text, surname_only from quotes order by start") == [
        ("Chen said", 0), ("We will wait.", 1), ("Not long.", 1), ("Soon.", 0), ("Fine.", 0),
    ]


def test_articles_written_together_still_fail_alone(db_path):
    from dataclasses import replace

    from quotedb.store.database import make_engine
    from quotedb.store.prepare import prepare

    ferry = 'The ferry stopped in June.\n"It served us for ninety years," said Tomas Berg.\n'
    school = 'The school roof was mended.\n"The rain stays outside now," said Lena Okafor.\n'
    broken = prepare(article(school, origin="school.txt"), extraction(quote(school, "The rain stays outside now,", speaker="Lena Okafor")))
    # The database refuses it only when its quotes go in, after the other articles' rows.
    broken = replace(broken, quotes=tuple((*q[:6], "rumour", *q[7:]) for q in broken.quotes))
    engine = make_engine(db_path, bulk=True)
    writer = Writer(engine, "test 1")
    with writer.batch():
        outcomes = writer.write_all([
            (article(BRIDGE, origin="bridge.txt"), prepare(article(BRIDGE), bridge_extraction())),
            (article(school, origin="school.txt"), broken),
            (article(ferry, origin="ferry.txt"), prepare(article(ferry), extraction(
                quote(ferry, "It served us for ninety years,", speaker="Tomas Berg")))),
        ])
    engine.dispose()

    assert [getattr(o, "status", type(o).__name__) for o in outcomes] == ["added", "IntegrityError", "added"]
    assert fetch(db_path, "select origin from articles order by id") == [("bridge.txt",), ("ferry.txt",)]
    assert fetch(db_path, "select count(*) from quotes") == [(3,)]
    assert fetch(db_path, "select name from speakers where kind = 'person' order by name") == [("Ana Ruiz",), ("Tomas Berg",)]
    assert fetch(db_path, "select count(*) from quotes_fts where quotes_fts match 'rain'") == [(0,)]
