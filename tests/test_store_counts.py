"""speakers.quote_count and article_count, kept by triggers, always equal a fresh count."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from test_parallel_build import article_text, write_corpus

from quotedb.build import build

STALE = """
    select speakers.id, speakers.quote_count, speakers.article_count, count(quotes.id),
           count(distinct quotes.article_id)
    from speakers left join quotes on quotes.speaker_id = speakers.id
    group by speakers.id
    having speakers.quote_count != count(quotes.id)
        or speakers.article_count != count(distinct quotes.article_id)"""


def stale(db) -> list[tuple]:
    return sqlite3.connect(db).execute(STALE).fetchall()


def test_counts_match_the_quotes_after_a_build(tmp_path):
    write_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"

    build([tmp_path / "corpus"], db, jobs=1)

    assert stale(db) == []
    top = sqlite3.connect(db).execute("select max(quote_count), max(article_count) from speakers").fetchone()
    assert top[0] > top[1] > 1


def test_counts_follow_changed_and_deleted_articles(tmp_path):
    write_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"
    build([tmp_path / "corpus"], db, jobs=1)

    (tmp_path / "corpus" / "story-20.txt").write_text(article_text(41), encoding="utf-8")
    (tmp_path / "corpus" / "story-21.txt").unlink()
    build([tmp_path / "corpus"], db, jobs=1)

    assert stale(db) == []


def test_a_speaker_moved_by_hand_is_recounted(tmp_path):
    write_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"
    build([tmp_path / "corpus"], db, jobs=1)
    conn = sqlite3.connect(db)
    first, second = [row[0] for row in conn.execute("select id from speakers where quote_count > 0 limit 2")]

    conn.execute("update quotes set speaker_id = ? where id = (select min(id) from quotes where speaker_id = ?)", (second, first))
    conn.commit()

    assert stale(db) == []


def test_every_quote_carries_its_articles_date(tmp_path):
    write_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"
    build([tmp_path / "corpus"], db, jobs=1)
    conn = sqlite3.connect(db)
    article_id, text = conn.execute("select id, text from articles where published = '2025-03-04'").fetchone()

    conn.execute("insert into quotes (article_id, text, kind, start, \"end\") values (?, ?, 'direct', 0, 4)", (article_id, text[:4]))
    conn.commit()

    wrong = "select count(*) from quotes join articles on articles.id = article_id where quotes.published is not articles.published"
    assert conn.execute(wrong).fetchone() == (0,)
    assert conn.execute("select count(*) from quotes where published = '2025-03-04'").fetchone()[0] >= 3


# The names copied onto quotes (speaker, role, event, article) and the kept facet counts
# always equal what the joins and a fresh GROUP BY give.
NAMES_DIFFER = """
    select q.id from quotes q
    left join speakers s on s.id = q.speaker_id left join roles r on r.id = q.role_id
    left join events e on e.id = q.event_id left join articles a on a.id = q.article_id
    where q.speaker is not s.name or q.speaker_kind is not s.kind or q.role is not r.title
       or q.organization is not r.organization or q.event is not e.name
       or q.article_title is not a.title or q.source is not a.source or q.url is not a.url"""
FRESH_FACETS = " union all ".join(
    f"select '{c}', {c}, count(*) from quotes where {c} is not null group by {c}" for c in ("kind", "speaker", "event", "source")
)


def out_of_step(db) -> tuple[list, set]:
    conn = sqlite3.connect(db)
    names = conn.execute(NAMES_DIFFER).fetchall()
    kept = set(conn.execute("select facet, value, count from quote_facets where count > 0").fetchall())
    return names, kept ^ set(conn.execute(FRESH_FACETS).fetchall())


@pytest.fixture
def built(tmp_path):
    write_corpus(tmp_path / "corpus")
    db = tmp_path / "q.db"
    build([tmp_path / "corpus"], db, jobs=1)
    return db


def test_quotes_carry_their_names_and_the_facets_are_counted_after_a_build(built):
    assert out_of_step(built) == ([], set())
    conn = sqlite3.connect(built)
    assert conn.execute("select count(*) from quotes where speaker is not null and source is not null").fetchone()[0] > 10
    assert conn.execute("select count(*) from quote_facets where facet = 'speaker' and count > 1").fetchone()[0] > 1


def test_names_and_facets_follow_changed_and_deleted_articles(built, tmp_path):
    (tmp_path / "corpus" / "story-20.txt").write_text(article_text(41), encoding="utf-8")
    (tmp_path / "corpus" / "story-21.txt").unlink()
    build([tmp_path / "corpus"], built, jobs=1)

    assert out_of_step(built) == ([], set())


@pytest.mark.parametrize("change", [
    "update speakers set name = 'Renamed Person', kind = 'organization' where id = (select speaker_id from quotes where speaker_id is not null limit 1)",
    "update roles set title = 'acting mayor', organization = 'Tollan' where id = (select role_id from quotes where role_id is not null limit 1)",
    "update articles set title = 'New headline', source = 'Harbour Times', url = 'https://example.org/n' where id = (select min(article_id) from quotes)",
    "update quotes set speaker_id = (select max(speaker_id) from quotes) where id = (select min(id) from quotes where speaker_id is not null)",
    "update quotes set speaker_id = null, role_id = null where id = (select min(id) from quotes where speaker_id is not null)",
    "update quotes set kind = 'mixed' where id = (select min(id) from quotes)",
    "update quotes set article_id = (select max(id) from articles) where id = (select min(id) from quotes)",
    "delete from quotes where id in (select id from quotes order by id limit 3)",
    "insert into events (name, name_key) values ('Harbour forum', 'harbour forum')",
])
def test_names_and_facets_follow_a_change_by_hand(built, change):
    conn = sqlite3.connect(built)
    if change.startswith("insert into events"):
        conn.execute(change)
        conn.execute("update quotes set event_id = (select max(id) from events) where id in (select id from quotes limit 2)")
        conn.execute("update events set name = 'Harbour forum, second day' where id = (select max(id) from events)")
    else:
        conn.execute(change)
    conn.commit()

    assert out_of_step(built) == ([], set())


def test_a_speaker_deleted_without_foreign_keys_leaves_no_stale_name(built):
    conn = sqlite3.connect(built)
    speaker_id = conn.execute("select speaker_id from quotes where speaker_id is not null limit 1").fetchone()[0]
    conn.execute("delete from speakers where id = ?", (speaker_id,))
    conn.commit()

    assert conn.execute("select count(*) from quotes where speaker_id = ? and speaker is not null", (speaker_id,)).fetchone() == (0,)


@pytest.mark.parametrize("given", ["", ", speaker, source", ", 'Someone Else', 'Elsewhere Gazette'"])
def test_a_quote_inserted_without_its_names_or_with_wrong_ones_gets_the_linked_rows_names(built, given):
    conn = sqlite3.connect(built)
    article_id, speaker_id, text = conn.execute(
        "select q.article_id, q.speaker_id, a.text from quotes q join articles a on a.id = q.article_id"
        " where q.speaker_id is not null limit 1"
    ).fetchone()
    columns = ", speaker, source" if given else ""
    values = given.replace("speaker, source", "(select name from speakers where id = ?), (select source from articles where id = ?)")
    params = (article_id, speaker_id, text[:4], *((speaker_id, article_id) if "select" in values else ()))
    conn.execute(
        f'insert into quotes (article_id, speaker_id, text, kind, start, "end"{columns}) values (?, ?, ?, \'direct\', 0, 4{values})',
        params,
    )
    conn.commit()

    assert out_of_step(built) == ([], set())


def test_a_speaker_respelled_by_a_later_article_of_the_same_group_is_shown_so_on_every_quote(tmp_path):
    """The writer gives quotes the names the rows hold when the quote is laid out; a later
    article of the group that gives a better spelling renames the speaker before the quotes
    go in, and the insert trigger puts the final name on them."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    with open(folder / "days.csv", "w", newline="", encoding="utf-8") as handle:
        rows = csv.writer(handle)
        rows.writerow(["title", "date", "text"])
        rows.writerow(["Day one", "2025-05-01", '"We will reopen the bridge in June," said MARA OLSEN, the mayor.\n'])
        rows.writerow(["Day two", "2025-05-02", '"The bridge is safe," said Mara Olsén, the mayor.\n'])
    db = tmp_path / "q.db"

    build([folder], db, jobs=2)

    conn = sqlite3.connect(db)
    assert conn.execute("select distinct speaker from quotes").fetchall() == [("Mara Olsén",)]
    assert out_of_step(db) == ([], set())
