"""speakers.quote_count and article_count, kept by triggers, always equal a fresh count."""

from __future__ import annotations

import sqlite3

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
