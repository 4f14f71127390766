"""Incremental `settle`: a build settles only what changed, and the rows are those of a full pass.

A folder of articles we wrote is built in steps (files added, changed, removed); after
each step the database must hold what a fresh build of the folder holds (ids aside), and
at the end exactly what a full settle of the same database gives (ids included). The
articles make every corpus-wide decision change on the way: a longer quote arrives that
swallows an earlier quotation and leaves again, a second person of a surname makes its
surname-only row ambiguous and leaves again, the one person of that surname goes (the
surname-only quotes, whose article never names anyone in full, stay on their own row
throughout), a better spelling renames a speaker, and a short quote is repeated by
another speaker.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from factories import fetch

from quotedb.build import build
from quotedb.store import corpus
from quotedb.store.database import make_engine
from quotedb.store.writer import Writer

HARBOUR = (
    "The council met on Monday to discuss the harbour.\n"
    '"We will rebuild the harbour wall before the storms arrive," said Maria Okafor, the harbour director.\n'
)
QUAY = "Fishermen gathered at the quay on Tuesday.\n" '"We will rebuild the harbour wall," Okafor said.\n'
QUAY_CHANGED = "Fishermen gathered at the quay on Tuesday.\n" '"Nobody told us about the new harbour rules," Okafor said.\n'
LONGER = (
    "The regional paper looked back at the storm season.\n"
    '"We will rebuild the harbour wall before the storms arrive, and we will pay for it ourselves," '
    "said Ruth Banda, the regional governor.\n"
)
TREASURER = (
    "The council published its budget on Wednesday.\n"
    '"The budget is balanced for the first time in a decade," said Peter Okafor, the council treasurer.\n'
    '"We are ready," said Peter Okafor.\n'
)
FERRY = (
    "The ferry timetable was published.\n"
    '"The ferry will run all winter long this year," said Jose Alvarez, the ferry captain.\n'
    '"We are ready," said Jose Alvarez.\n'
)
MARCH = "The march went ahead on Saturday.\n" '"We want the harbour open again by the spring," the fishermen said.\n'
FERRY_AGAIN = "Passengers welcomed the news.\n" '"Passengers can book their seats from Friday," said José Álvarez.\n'


def snapshot(db) -> dict[str, list[tuple]]:
    """The rows by what they say, not by id: every link followed to a natural key."""
    conn = sqlite3.connect(db)
    speaker = "(select name || '/' || kind || '/' || coalesce(resolution, '') from speakers s where s.id = {})"
    article = "(select sha256 from articles a where a.id = {})"
    queries = {
        "articles": "select sha256, origin, title, published, text, parser_version from articles",
        "sources": f"select path, locator, {article.format('article_id')} from article_sources",
        "speakers": "select name, kind, name_key, resolution, quote_count, article_count, "
        f"{article.format('article_id')} from speakers",
        "quotes": f"select {article.format('article_id')}, start, \"end\", text, kind, speaker_name, "
        f"{speaker.format('speaker_id')}, (select title from roles r where r.id = role_id), "
        "(select name from events e where e.id = event_id), "
        "(select quote_key from quotations t where t.id = quotation_id), published from quotes",
        "quotations": "select quote_key, text, occurrences, speaker_count, speakers, first_published, "
        "last_published from quotations",
        "roles": f"select {speaker.format('speaker_id')}, {article.format('article_id')}, title, organization, place from roles",
        "aliases": f"select {speaker.format('speaker_id')}, {article.format('article_id')}, alias from speaker_aliases",
        "events": "select name, kind, location, date, organizer, name_key from events",
    }
    try:
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}
    finally:
        conn.close()


def exact(db) -> dict[str, list[tuple]]:
    """Every row of every table, ids included (full-text index internals left out)."""
    conn = sqlite3.connect(db)
    try:
        tables = [n for (n,) in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
            "and name not like '%_fts%' order by name")]
        rows = {}
        for table in tables:
            columns = [c[1] for c in conn.execute(f"pragma table_info([{table}])") if c[1] != "loaded_at"]
            listed = ", ".join(f"[{c}]" for c in columns)
            rows[table] = conn.execute(f"select {listed} from [{table}] order by {listed}").fetchall()
        return rows
    finally:
        conn.close()


def step(folder, db, tmp_path, name: str) -> dict:
    """Build the folder into the growing database; also build it fresh, for comparison."""
    summary = build([folder], db, jobs=1)
    assert summary.failed == 0, summary.errors
    fresh = tmp_path / f"{name}.db"
    build([folder], fresh, jobs=1)
    return {"name": name, "incremental": snapshot(db), "fresh": snapshot(fresh)}


@pytest.fixture(scope="module")
def steps(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("steps")
    folder = tmp_path / "news"
    folder.mkdir()
    db = tmp_path / "steps.db"
    files = {"harbour.txt": HARBOUR, "quay.txt": QUAY, "ferry.txt": FERRY}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    states = [step(folder, db, tmp_path, "first")]
    # A longer quote swallows the harbour quotation; a better spelling renames a speaker.
    (folder / "longer.txt").write_text(LONGER, encoding="utf-8")
    (folder / "ferry-again.txt").write_text(FERRY_AGAIN, encoding="utf-8")
    states.append(step(folder, db, tmp_path, "longer quote, better spelling"))
    # A second Okafor makes "Okafor said" ambiguous.
    (folder / "treasurer.txt").write_text(TREASURER, encoding="utf-8")
    states.append(step(folder, db, tmp_path, "second person of a surname"))
    # The longer quote goes, and the quay article says something else.
    (folder / "longer.txt").unlink()
    (folder / "quay.txt").write_text(QUAY_CHANGED, encoding="utf-8")
    states.append(step(folder, db, tmp_path, "longer quote removed, quay changed"))
    # The second Okafor goes: "Okafor said" is no longer ambiguous (but still not Maria Okafor).
    (folder / "treasurer.txt").unlink()
    states.append(step(folder, db, tmp_path, "second person removed"))
    # The only article naming Maria Okafor in full goes: no Okafor is known.
    (folder / "harbour.txt").unlink()
    states.append(step(folder, db, tmp_path, "person named in full removed"))
    return db, states


def quotation(state: dict, text: str) -> tuple:
    return next(row for row in state["incremental"]["quotations"] if row[1] == text)


def test_the_steps_change_every_corpus_wide_decision(steps):
    _, states = steps
    first, longer, second, _, back, gone = states
    harbour = "We will rebuild the harbour wall before the storms arrive"
    longest = harbour + ", and we will pay for it ourselves"
    # The quay article never writes "Maria Okafor": its Okafor is not joined to her.
    assert quotation(first, harbour)[2:5] == (2, 2, "Maria Okafor; Okafor")
    assert ("Okafor", "person", "okafor", "surname only") in [row[:4] for row in first["incremental"]["speakers"]]
    assert quotation(longer, longest)[2:5] == (3, 3, "Maria Okafor; Okafor; Ruth Banda")
    assert quotation(longer, "The ferry will run all winter long this year")[4] == "José Álvarez"
    assert ("Okafor", "person", "okafor", "ambiguous surname") in [row[:4] for row in second["incremental"]["speakers"]]
    assert quotation(second, "We are ready")[2:5] == (2, 2, "José Álvarez; Peter Okafor")
    assert [row[6] for row in back["incremental"]["quotes"] if row[5] == "Okafor"] == ["Okafor/person/surname only"]
    assert [row[6] for row in gone["incremental"]["quotes"] if row[5] == "Okafor"] == ["Okafor/person/surname only"]
    assert "Maria Okafor" not in [row[0] for row in gone["incremental"]["speakers"]]


@pytest.mark.parametrize("index", range(6))
def test_each_incremental_build_ends_with_the_rows_of_a_fresh_build(steps, index):
    state = steps[1][index]
    for table in state["fresh"]:
        assert state["incremental"][table] == state["fresh"][table], (state["name"], table)


def test_an_incremental_settle_leaves_what_a_full_settle_would(steps, tmp_path):
    db, _ = steps
    copy = tmp_path / "full.db"
    shutil.copy(db, copy)
    engine = make_engine(copy, bulk=True)
    writer = Writer(engine, "any")
    with writer.batch():
        writer.settle(full=True)
    engine.dispose()

    assert exact(copy) == exact(db)


def test_nothing_is_left_to_settle_after_a_build(steps):
    db, _ = steps
    assert fetch(db, "select count(*) from quotations where occurrences = 0") == [(0,)]
    assert fetch(db, "select count(*) from quotes where quotation_id is null") == [(0,)]


@pytest.mark.parametrize("order", [
    ("harbour", "quay", "harbour-reprinted", "longer", "treasurer", "ferry", "ferry-reprinted", "ferry-again",
     "march", "march-reprinted"),
    ("ferry-again", "march-reprinted", "longer", "harbour-reprinted", "quay", "ferry", "treasurer", "harbour",
     "ferry-reprinted", "march"),
])
def test_a_build_that_settles_as_it_goes_holds_the_rows_of_a_build_that_settles_once(tmp_path, monkeypatch, order):
    """A large build settles every SETTLE_EVERY new quotes (flat memory); here every file.
    Reprints repeat a settled quotation by the same speaker (or by a group of the same
    name, a speaker row of each article), which is then counted on without reading its
    quotes; the rows are still those of one settle at the end."""
    texts = {"harbour": HARBOUR, "quay": QUAY, "longer": LONGER, "treasurer": TREASURER, "ferry": FERRY,
             "ferry-again": FERRY_AGAIN, "harbour-reprinted": HARBOUR + "Reprinted by the Valley Post.\n",
             "ferry-reprinted": "Reprinted from the Courier.\n" + FERRY, "march": MARCH,
             "march-reprinted": MARCH + "Reprinted by the Valley Post.\n"}
    folder = tmp_path / "news"
    folder.mkdir()
    for n, name in enumerate(order):
        (folder / f"{n}-{name}.txt").write_text(texts[name], encoding="utf-8")
    build([folder], tmp_path / "once.db", jobs=1)
    settles, merges = [], []
    real_settle, real_merge = Writer.settle, corpus._merge
    monkeypatch.setattr(Writer, "settle", lambda self, **kw: settles.append(1) or real_settle(self, **kw))
    monkeypatch.setattr(corpus, "_merge", lambda *args: merges.append(real_merge(*args)) or merges[-1])
    monkeypatch.setattr("quotedb.build.SETTLE_EVERY", 1)

    build([folder], tmp_path / "as-it-goes.db", jobs=1)
    build([folder], tmp_path / "as-it-goes-parallel.db", jobs=2)

    assert len(settles) > 2 * len(order)
    assert True in merges
    assert snapshot(tmp_path / "as-it-goes.db") == snapshot(tmp_path / "once.db")
    assert exact(tmp_path / "as-it-goes-parallel.db") == exact(tmp_path / "as-it-goes.db")


def test_a_better_spelling_goes_with_the_article_that_gave_it(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "ferry-again.txt").write_text(FERRY_AGAIN, encoding="utf-8")
    db = tmp_path / "q.db"
    build([folder], db, jobs=1)
    assert fetch(db, "select name from speakers where name_key = 'jose alvarez'") == [("José Álvarez",)]

    (folder / "ferry-again.txt").unlink()
    build([folder], db, jobs=1)

    assert fetch(db, "select name from speakers where name_key = 'jose alvarez'") == [("Jose Alvarez",)]
    assert fetch(db, "select distinct speaker from quotes") == [("Jose Alvarez",)]
    assert fetch(db, "select speakers from quotations where text like 'We are ready%'") == [("Jose Alvarez",)]


# Articles whose quotes repeat, shorten, lengthen and re-attribute each other, for the
# property below; each may be written several times (a reprint adds a line of its own).
POOL = {
    "harbour": HARBOUR,
    "quay": QUAY,
    "longer": LONGER,
    "treasurer": TREASURER,
    "ferry": FERRY,
    "ferry-again": FERRY_AGAIN,
    "march": MARCH,
    "banda": "Ruth Banda spoke at the harbour.\n" '"We will rebuild the harbour wall!" said Ruth Banda.\n',
    "olsen": "The mayor answered.\n" '"We are ready," said Mara Olsen, the mayor.\n'
    '"The ferry will run all winter long this year," she said.\n',
    "shorter": "A reader wrote in.\n" '"rebuild the harbour wall before the storms," wrote Maria Okafor.\n',
}


@settings(max_examples=12, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(POOL)), st.integers(0, 2)), min_size=2, max_size=9))
def test_settling_as_it_goes_or_once_gives_the_same_rows_for_any_articles(tmp_path_factory, picks):
    """Whatever the articles and their order, a build that settles after every file holds
    the rows of a build that settles once at its end (ids aside)."""
    from quotedb import build as building

    tmp_path = tmp_path_factory.mktemp("pool")
    folder = tmp_path / "news"
    folder.mkdir()
    for n, (name, reprint) in enumerate(picks):
        (folder / f"{n:02d}-{name}.txt").write_text(POOL[name] + "Reprinted.\n" * reprint, encoding="utf-8")
    build([folder], tmp_path / "once.db", jobs=1)
    every = building.SETTLE_EVERY
    building.SETTLE_EVERY = 1
    try:
        build([folder], tmp_path / "as-it-goes.db", jobs=1)
    finally:
        building.SETTLE_EVERY = every

    assert snapshot(tmp_path / "as-it-goes.db") == snapshot(tmp_path / "once.db")


@settings(max_examples=10, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(sorted(POOL)), st.integers(0, 1)), max_size=5), min_size=2, max_size=4))
def test_any_sequence_of_incremental_builds_ends_with_the_rows_of_a_fresh_build(tmp_path_factory, steps):
    """Each step replaces the folder's articles with others (some kept, some new, some
    gone); the database built step by step then holds what a fresh build holds."""
    tmp_path = tmp_path_factory.mktemp("seq")
    folder = tmp_path / "news"
    folder.mkdir()
    db = tmp_path / "steps.db"
    for picks in steps:
        wanted = {f"{name}-{reprint}.txt": POOL[name] + "Reprinted.\n" * reprint for name, reprint in picks}
        for path in folder.iterdir():
            if path.name not in wanted:
                path.unlink()
        for name, text in wanted.items():
            (folder / name).write_text(text, encoding="utf-8")
        build([folder], db, jobs=1)
    build([folder], tmp_path / "fresh.db", jobs=1)

    assert snapshot(db) == snapshot(tmp_path / "fresh.db")
