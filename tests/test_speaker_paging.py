"""A speaker's page lists 100 quotes at a time, newest first, with links between pages."""

from __future__ import annotations

import re

import pytest
from factories import article, extraction, fetch, get, quote

from quotedb.site.pages import PAGE_SIZE
from quotedb.site.publish import make_datasette

ARTICLES = 5
PER_ARTICLE = 46  # 230 quotes: pages of 100, 100 and 30


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from quotedb.store import migrate
    from quotedb.store.database import make_engine
    from quotedb.store.writer import Writer

    db = tmp_path_factory.mktemp("paging") / "quotes.db"
    migrate.upgrade(db)
    writer = Writer(make_engine(db), "test 1")
    for day in range(ARTICLES):
        lines = [f'"Ward {day}-{n} gets its new bus stop," said Petra Lind, the transport councillor.' for n in range(PER_ARTICLE)]
        text = "\n".join(lines) + "\n"
        quotes = [quote(text, f"Ward {day}-{n} gets its new bus stop,", speaker="Petra Lind") for n in range(PER_ARTICLE)]
        writer.write(article(text, origin=f"news/{day}.txt", title=f"Bus stops, day {day}", published=f"2025-05-0{day + 1}"),
                     extraction(*quotes))
    speaker_id = fetch(db, "select id from speakers where name = 'Petra Lind'")[0][0]
    return make_datasette(db), db, speaker_id


def listed(ds, path: str) -> tuple[list[str], str]:
    response = get(ds, path)
    assert response.status_code == 200
    return re.findall(r'/quotes/(\d+)" class="quote-link"', response.text), response.text


def test_the_first_page_shows_a_hundred_quotes_of_the_newest_article_first(site):
    ds, db, speaker = site
    ids, html = listed(ds, f"/quotes/speakers/{speaker}")
    newest = {str(r[0]) for r in fetch(db, "select id from quotes where published = '2025-05-05'")}
    assert len(ids) == PAGE_SIZE
    assert set(ids[:PER_ARTICLE]) == newest
    assert "1–100 of 230" in html and 'class="older-page"' in html and 'class="newer-page"' not in html
    assert re.search(r"<dt>Quotes</dt>\s*<dd>230 ", html)


def test_the_pages_together_list_every_quote_once(site):
    ds, db, speaker = site
    pages = [listed(ds, f"/quotes/speakers/{speaker}?page={n}")[0] for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [100, 100, 30]
    every = [i for p in pages for i in p]
    assert sorted(every, key=int) == [str(r[0]) for r in fetch(db, "select id from quotes order by id")]
    _, last = listed(ds, f"/quotes/speakers/{speaker}?page=3")
    assert "201–230 of 230" in last and 'class="newer-page"' in last and 'class="older-page"' not in last


@pytest.mark.parametrize("asked, shown", [("0", 1), ("abc", 1), ("-2", 1), ("99", 3), ("", 1)])
def test_a_page_number_out_of_range_or_not_a_number_shows_the_nearest_page(site, asked, shown):
    ds, _, speaker = site
    ids, _ = listed(ds, f"/quotes/speakers/{speaker}?page={asked}")
    expected, _ = listed(ds, f"/quotes/speakers/{speaker}?page={shown}")
    assert ids == expected
