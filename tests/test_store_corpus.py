"""One speaker, one quotation: identity across articles, from articles we wrote.

Built with the real reader and engine from a JSON Lines file, so each article has its
own date and publisher; the assertions are on the stored rows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import fetch, get

from quotedb.build import build
from quotedb.publish import make_datasette
from quotedb.store.identity import better_name, name_key, split_title

PLEDGE = '"Every household will have clean water by 2030,"'
ARTICLES = [
    ("2023-01-10", "Daily Ledger", "Water plan unveiled",
     "The Lagos Water Board presented its ten-year plan on Monday.\n"
     f"{PLEDGE} said Maria Okafor, director of the Lagos Water Board.\n"
     "Residents said the plan was overdue.\n"),
    ("2024-03-05", "Harbour Times", "Ministry claims the water pledge",
     "The ministry repeated the pledge at a press briefing.\n"
     f"{PLEDGE} said Kwame Mensah, the minister of water.\n"),
    ("2024-06-01", "Coast Weekly", "Pledge repeated",
     "The pledge was repeated at a town hall in Ikeja.\n"
     '"Every household will have clean water," Okafor said.\n'),
    ("2025-02-01", "Daily Ledger", "New governor sworn in",
     "Lagos State has a new governor.\n"
     '"Water is a right, not a privilege," said Maria Okafor, the governor of Lagos State.\n'
     "Residents said they hoped for change.\n"),
    ("2025-04-12", "Farm Gazette", "Farmers wait for rain",
     "Farmers in the north are waiting for rain.\n"
     '"We planted twice and lost both crops," said Ama Mensah, a farmer in Kano.\n'),
    ("2025-05-20", "Farm Gazette", "Rain at last",
     "Rain finally reached the northern farms this week.\n"
     '"The rains came late this year," Mensah said.\n'),
]


def write_corpus(path: Path, articles) -> Path:
    path.write_text("".join(json.dumps({"published": d, "source": s, "title": t, "text": x}) + "\n"
                            for d, s, t, x in articles), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    db = folder / "quotes.db"
    summary = build([write_corpus(folder / "water.jsonl", ARTICLES)], db)
    assert (summary.added, summary.failed) == (6, 0), summary.errors
    return db


def speakers(db):
    return fetch(db, "select name, kind, resolution from speakers order by name, id")


def test_one_row_per_person_and_groups_kept_apart(corpus_db):
    assert speakers(corpus_db) == [
        ("Ama Mensah", "person", None),
        ("Kwame Mensah", "person", None),
        ("Maria Okafor", "person", None),
        ("Mensah", "person", "ambiguous surname"),
        ("Okafor", "person", "surname only"),
        ("Residents", "group", None),
        ("Residents", "group", None),
    ]


def test_a_surname_only_speaker_is_not_joined_to_the_one_person_other_articles_name(corpus_db):
    # Coast Weekly never writes "Maria Okafor": the Okafor it quotes may be anyone.
    assert fetch(corpus_db, "select speaker, published from quotes_view where speaker_name = 'Okafor'") == [
        ("Okafor", "2024-06-01")
    ]


def test_a_surname_shared_by_two_people_stays_unresolved(corpus_db):
    assert fetch(corpus_db, "select speaker, speaker_name from quotes_view where text like '%rains came late%'") == [
        ("Mensah", "Mensah")
    ]


def test_aliases_record_every_form_with_its_article(corpus_db):
    assert fetch(corpus_db, """
        select speakers.name, articles.published, alias from speaker_aliases
        join speakers on speakers.id = speaker_id join articles on articles.id = speaker_aliases.article_id
        where speakers.kind = 'person' order by speakers.name, articles.published, alias""") == [
        ("Ama Mensah", "2025-04-12", "Ama Mensah"),
        ("Kwame Mensah", "2024-03-05", "Kwame Mensah"),
        ("Maria Okafor", "2023-01-10", "Maria Okafor"),
        ("Maria Okafor", "2025-02-01", "Maria Okafor"),
        ("Mensah", "2025-05-20", "Mensah"),
        ("Okafor", "2024-06-01", "Okafor"),
    ]


def test_role_history_shows_a_title_change_in_date_order(corpus_db):
    assert fetch(corpus_db, "select published, title, organization from role_history "
                            "where speaker = 'Maria Okafor' order by published") == [
        ("2023-01-10", "director", "Lagos Water Board"),
        ("2025-02-01", "governor of Lagos State", None),
    ]


def test_repeated_and_shortened_quotes_fold_into_one_quotation(corpus_db):
    assert fetch(corpus_db, "select text, occurrences, speaker_count, speakers, first_published, last_published "
                            "from quotations where occurrences > 1") == [
        ("Every household will have clean water by 2030", 3, 3, "Kwame Mensah; Maria Okafor; Okafor", "2023-01-10", "2024-06-01")
    ]
    assert fetch(corpus_db, "select count(*), sum(occurrences) from quotations") == [(6, 8)]


def test_disputed_quotes_and_most_repeated_quotes_in_datasette(corpus_db):
    ds = make_datasette(corpus_db)
    disputed = get(ds, "/quotes/disputed_quotes.json?_shape=array").json()
    assert sorted((r["speaker"], r["source"]) for r in disputed) == [
        ("Kwame Mensah", "Harbour Times"), ("Maria Okafor", "Daily Ledger"), ("Okafor", "Coast Weekly")]
    repeated = get(ds, "/quotes/most_repeated_quotes.json?_shape=array").json()
    assert [(r["occurrences"], r["speaker_count"]) for r in repeated] == [(3, 3)]
    history = get(ds, "/quotes/role_history.json?speaker=Maria+Okafor&_shape=array").json()
    assert [r["title"] for r in history] == ["director", "governor of Lagos State"]
    assert get(ds, "/quotes/quotations.json?_search=household&_shape=array").json()[0]["occurrences"] == 3


def test_the_result_does_not_depend_on_the_order_of_the_files(tmp_path, corpus_db):
    db = tmp_path / "quotes.db"
    build([write_corpus(tmp_path / "water.jsonl", list(reversed(ARTICLES)))], db)

    assert speakers(db) == speakers(corpus_db)
    columns = "quote_key, text, occurrences, speaker_count, speakers"
    assert fetch(db, f"select {columns} from quotations order by quote_key") == \
        fetch(corpus_db, f"select {columns} from quotations order by quote_key")


def test_a_second_person_of_the_surname_makes_the_surname_row_ambiguous(tmp_path):
    db = tmp_path / "quotes.db"
    corpus = write_corpus(tmp_path / "water.jsonl", ARTICLES[:3])
    build([corpus], db)
    assert fetch(db, "select speaker from quotes_view where speaker_name = 'Okafor'") == [("Okafor",)]
    assert ("Okafor", "person", "surname only") in speakers(db)

    later = ("2025-06-01", "Daily Ledger", "Another Okafor",
             "A second official joined the board.\n"
             '"We will publish the accounts every month," said Peter Okafor, the board treasurer.\n')
    write_corpus(corpus, ARTICLES[:3] + [later])
    build([corpus], db)

    assert fetch(db, "select speaker from quotes_view where speaker_name = 'Okafor'") == [("Okafor",)]
    assert ("Okafor", "person", "ambiguous surname") in speakers(db)


def test_rebuilding_keeps_quotation_ids(corpus_db, tmp_path):
    import shutil

    db = tmp_path / "quotes.db"
    shutil.copy(corpus_db, db)
    before = fetch(db, "select id, quote_key from quotations order by id")
    from quotedb.store.corpus import settle
    from quotedb.store.database import make_engine

    engine = make_engine(db)
    with engine.begin() as conn:
        settle(conn)
    engine.dispose()
    assert fetch(db, "select id, quote_key from quotations order by id") == before


@pytest.mark.parametrize("name, title, bare, key", [
    ("Dr. Maria Okafor", "Dr.", "Maria Okafor", "maria okafor"),
    ("Sen. Kwame  Mensah", "Sen.", "Kwame  Mensah", "kwame mensah"),
    ("Mr Okafor", None, "Okafor", "okafor"),
    ("Prime Minister Ana Ruiz", "Prime Minister", "Ana Ruiz", "ana ruiz"),
    ("MARÍA OKAFOR", None, "MARÍA OKAFOR", "maria okafor"),
    ("President", None, "President", "president"),
])
def test_names_lose_titles_for_identity(name, title, bare, key):
    assert split_title(name) == (title, bare)
    assert name_key(name) == key


def test_the_best_written_spelling_is_shown():
    assert better_name("MARIA OKAFOR", "Maria Okafor") == "Maria Okafor"
    assert better_name("Maria Okafor", "María Okafor") == "María Okafor"
    assert better_name("María Okafor", "Maria Okafor") == "María Okafor"


def test_of_two_spellings_as_good_the_same_one_is_shown_whichever_came_first():
    assert better_name("José Alvarez", "Jose Álvarez") == better_name("Jose Álvarez", "José Alvarez") == "Jose Álvarez"
