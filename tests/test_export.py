"""CSV export: per speaker from the CLI library, and complete exports from the site."""

from __future__ import annotations

import csv
import io

import pytest
from factories import article, extraction, fetch, get

from quotedb.export import COLUMNS, export_all, export_speaker, safe_filename
from quotedb.model import Quote
from quotedb.site.publish import make_datasette

SPEECHES = 1200


@pytest.fixture(scope="module")
def prolific_db(tmp_path_factory):
    """One speaker with more quotes than Datasette returns in one page (max_returned_rows=1000)."""
    from quotedb.store import migrate
    from quotedb.store.database import make_engine
    from quotedb.store.writer import Writer

    db = tmp_path_factory.mktemp("prolific") / "quotes.db"
    migrate.upgrade(db)
    writer = Writer(make_engine(db), "test 1")
    lines = [f'"Item {n} of the budget is settled," said Mira Kobal, the finance minister.' for n in range(SPEECHES)]
    text = "\n".join(lines) + "\n"
    quotes = []
    offset = 0
    for n, line in enumerate(lines):
        fragment = f"Item {n} of the budget is settled,"
        start = offset + line.index(fragment)
        quotes.append(Quote(start=start, end=start + len(fragment), text=fragment, kind="direct", paragraph=n,
                            speaker="Mira Kobal", speaker_kind="person", role="finance minister"))
        offset += len(line) + 1
    writer.write(article(text, title="The budget, line by line", published="2025-02-03", url="https://example.org/budget"),
                 extraction(*quotes))
    return db


def test_the_streamed_view_csv_returns_every_quote_of_a_speaker(prolific_db):
    ds = make_datasette(prolific_db)
    response = get(ds, "/quotes/quotes_view.csv?speaker=Mira+Kobal&_stream=1&_size=max")

    table = list(csv.DictReader(io.StringIO(response.text)))
    assert response.status_code == 200
    assert len(table) == SPEECHES > 1000
    assert len({r["id"] for r in table}) == SPEECHES


def test_the_canned_query_gives_a_hundred_quotes_a_page(prolific_db):
    """Why the README points to the streamed view for complete exports."""
    ds = make_datasette(prolific_db)

    def page(suffix: str) -> list[dict]:
        response = get(ds, f"/quotes/quotes_by_speaker.csv?speaker=Mira+Kobal{suffix}")
        assert response.status_code == 200
        return list(csv.DictReader(io.StringIO(response.text)))

    first = page("")
    assert first == page("&page=1") == page("&page=") == page("&page=0")
    pages = [page(f"&page={n}") for n in range(1, SPEECHES // 100 + 2)]
    assert [len(p) for p in pages] == [100] * (SPEECHES // 100) + [0]
    assert len({r["quote_id"] for p in pages for r in p}) == SPEECHES
    assert [r["text"] for r in pages[1][:2]] == ["Item 100 of the budget is settled,", "Item 101 of the budget is settled,"]


def test_export_speaker_writes_every_quote_with_its_context_and_provenance(prolific_db):
    out = io.StringIO()
    assert export_speaker(prolific_db, "mira kobal", out) == SPEECHES

    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(table[0]) == COLUMNS
    assert COLUMNS[:8] == ("date", "article_title", "url", "text", "kind", "role", "organization", "event")
    text = fetch(prolific_db, "select text from articles")[0][0]
    first = table[0]
    assert {k: first[k] for k in COLUMNS[:8]} == {
        "date": "2025-02-03", "article_title": "The budget, line by line", "url": "https://example.org/budget",
        "text": "Item 0 of the budget is settled,", "kind": "direct", "role": "finance minister",
        "organization": "", "event": ""}
    assert (first["speaker"], first["file"], first["row"], first["paragraph"]) == ("Mira Kobal", "news/a.txt", "", "0")
    assert text[int(first["start"]):int(first["end"])] == first["text"]
    assert fetch(prolific_db, "select article_id from quotes where id = ?", (int(first["quote_id"]),)) == [(int(first["article_id"]),)]


def test_an_unknown_speaker_is_an_error(prolific_db):
    with pytest.raises(LookupError, match="Nobody Here"):
        export_speaker(prolific_db, "Nobody Here", io.StringIO())


def test_all_speakers_get_one_file_each(seeds_db, tmp_path):
    written = export_all(seeds_db, tmp_path / "out")

    speakers = fetch(seeds_db, "select count(*) from speakers")[0][0]
    assert len(written) == speakers == len(list((tmp_path / "out").iterdir()))
    assert written["lin-wei.csv"] == fetch(seeds_db, "select count(*) from quotes join speakers on speakers.id = speaker_id where name = 'Lin Wei'")[0][0]
    assert sum(written.values()) == fetch(seeds_db, "select count(*) from quotes where speaker_id is not null")[0][0]


@pytest.mark.parametrize("name, expected", [
    ("Lin Wei", "lin-wei"),
    ("Charge d'Affaires of the Permanent Mission of Cameroon", "charge-d-affaires-of-the-permanent-mission-of-cameroon"),
    ("../../etc/passwd", "etc-passwd"),
    ("Zoë Ó Súilleabháin", "zoe-o-suilleabhain"),
    ("李伟", "speaker"),
])
def test_file_names_are_safe(name, expected):
    assert safe_filename(name) == expected
