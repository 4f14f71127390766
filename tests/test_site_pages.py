"""The published site, read through a real Datasette client over a database built by `quotedb build`.

The articles are our own sentences, written to a JSON Lines file so that their title,
date, source and url are known; what the engine found in them is read back from the
database, so these tests check the pages, not the extraction.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import sqlite3
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotedb.cli import cli
from quotedb.site.publish import make_datasette

HARBOUR = (
    "Dock workers in Port Ellis voted on Tuesday to end a three-week strike.\n"
    'Mara Olsen, the mayor of Port Ellis, said at the harbour forum: "The cranes will be moving again by Friday."\n'
    "The union had asked for a new safety inspection of the quays.\n"
    '"Nobody should have to work under a broken crane," said Tomas Varga, the union secretary.\n'
)
COUNCIL = (
    "The town council met again to discuss the harbour budget at the third regional harbour summit, held in Port Ellis.\n"
    'Mara Olsen, the chair of the Port Ellis council, said: "We will pay for the inspection ourselves."\n'
)
HOSTILE = (
    "An article about web pages that shows markup <script>alert(1)</script> and <b>bold</b> tags.\n"
    'Ines Duarte, a security researcher, said: "Never paste <img src=x onerror=alert(2)> into a page."\n'
)
ARTICLES = [
    {
        "title": "Strike ends at Port Ellis docks",
        "published": "2023-06-06",
        "source": "Coast Herald",
        "url": "https://news.example.org/strike-ends",
        "text": HARBOUR,
    },
    {
        "title": "Council pays for quay inspection",
        "published": "2024-03-12",
        "source": "Coast Herald",
        "url": "https://news.example.org/council",
        "text": COUNCIL,
    },
    {
        "title": "Markup <i>in</i> the news",
        "published": "2024-05-01",
        "source": "Web <Desk>",
        "url": "javascript:alert(3)",
        "text": HOSTILE,
    },
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    raw = folder / "raw"
    raw.mkdir()
    (raw / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    db = folder / "site.db"
    result = CliRunner().invoke(cli, ["build", str(raw), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def rows(built):
    conn = sqlite3.connect(built)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def site(built):
    return make_datasette(built)


def get(site, path: str):
    return asyncio.run(site.client.get(path))


def db_path(site) -> str:
    return site.urls.database(next(iter(site.databases.keys() - {"_internal", "_memory"})))


def page(site, path: str) -> str:
    response = get(site, path)
    assert response.status_code == 200, (path, response.status_code)
    return response.text


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def quote_where(rows, fragment: str) -> sqlite3.Row:
    row = rows.execute(
        "select q.*, s.name as speaker from quotes q left join speakers s on s.id = q.speaker_id"
        " where q.text like ? order by q.id limit 1",
        (f"%{fragment}%",),
    ).fetchone()
    assert row is not None, f"the engine found no quote containing {fragment!r}"
    return row


def marks(html: str) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(r"<mark class=\"quote[^\"]*\"[^>]*>(.*?)</mark>", html, re.S)]


def test_quote_page_marks_the_quote_inside_its_paragraph(site, rows):
    quote = quote_where(rows, "cranes will be moving")
    html = page(site, f"{db_path(site)}/quotes/{quote['id']}")
    assert marks(html) == [quote["text"]]
    context = re.search(r'<div class="context">(.*?)</div>', html, re.S).group(1)
    assert text_of(context).strip() == HARBOUR.splitlines()[1]


def test_quote_page_shows_speaker_role_cue_event_article_and_provenance(site, rows):
    quote = quote_where(rows, "cranes will be moving")
    html = page(site, f"{db_path(site)}/quotes/{quote['id']}")
    text = text_of(html)
    assert "Mara Olsen" in text and f'href="{db_path(site)}/speakers/{quote["speaker_id"]}"' in html
    role = rows.execute("select * from roles where id = ?", (quote["role_id"],)).fetchone()
    if role is not None:
        assert (role["title"] or role["organization"]) in text
    assert f"“{quote['cue']}”" in text
    if quote["event_id"] is not None:
        event = rows.execute("select name from events where id = ?", (quote["event_id"],)).fetchone()
        assert event["name"] in text
    assert "Strike ends at Port Ellis docks" in text and "2023-06-06" in text and "Coast Herald" in text
    assert 'href="https://news.example.org/strike-ends"' in html
    assert f"{quote['confidence']:.2f}" in text and quote["rule"] in text


def test_speaker_page_shows_aliases_roles_years_and_quotes_newest_first(site, rows):
    speaker = rows.execute("select * from speakers where name = 'Mara Olsen'").fetchone()
    assert speaker is not None
    html = page(site, f"{db_path(site)}/speakers/{speaker['id']}")
    text = text_of(html)
    assert f"Mara Olsen ({speaker['kind']})" in text
    roles = rows.execute("select title, organization from roles where speaker_id = ?", (speaker["id"],)).fetchall()
    roles_table = text_of(re.search(r'<table class="rows-and-columns roles">(.*?)</table>', html, re.S).group(1))
    for role in roles:
        assert (role["title"] or role["organization"]) in roles_table
    per_year = text_of(re.search(r'<table class="rows-and-columns per-year">(.*?)</table>', html, re.S).group(1))
    assert "2023 1" in per_year and "2024 1" in per_year
    assert '<svg class="year-chart"' in html
    links = re.findall(rf'<a href="{db_path(site)}/quotes/(\d+)" class="quote-link">', html)
    dates = [
        rows.execute("select a.published from quotes q join articles a on a.id = q.article_id where q.id = ?", (i,))
        .fetchone()[0]
        for i in links
    ]
    assert len(links) == 2 and dates == sorted(dates, reverse=True)


def csv_rows(site, href: str) -> list[dict]:
    response = get(site, unescape(href))
    assert response.status_code == 200, href
    return list(csv.DictReader(io.StringIO(response.text)))


def test_speaker_page_links_the_canned_query_csv_and_the_streamed_export(site, rows):
    speaker = rows.execute("select * from speakers where name = 'Mara Olsen'").fetchone()
    html = page(site, f"{db_path(site)}/speakers/{speaker['id']}")
    expected = {r[0] for r in rows.execute("select text from quotes where speaker_id = ?", (speaker["id"],))}
    query_href = re.search(r'<a href="([^"]+)" class="csv-query">', html).group(1)
    export_href = re.search(r'<a href="([^"]+)" class="csv-export">', html).group(1)
    assert "_stream=on" in export_href
    for href in (query_href, export_href):
        got = csv_rows(site, href)
        assert {r["text"] for r in got} == expected, href


def test_article_page_marks_every_quote_and_labels_it_with_its_speaker(site, rows):
    article = rows.execute("select * from articles where title = 'Strike ends at Port Ellis docks'").fetchone()
    quotes = rows.execute(
        "select q.text, s.name from quotes q left join speakers s on s.id = q.speaker_id"
        " where q.article_id = ? order by q.start",
        (article["id"],),
    ).fetchall()
    assert len(quotes) >= 2
    html = page(site, f"{db_path(site)}/articles/{article['id']}")
    body = re.search(r'<div class="article-text">(.*?)</div>', html, re.S).group(1)
    labels = [unescape(x) for x in re.findall(r'class="speaker-label"[^>]*>([^<]*)<', body)]
    assert labels == [q["name"] or "unattributed" for q in quotes]
    assert {"Mara Olsen", "Tomas Varga"} <= set(labels)
    assert [q["text"] for q in quotes] == marks(body)


def test_article_markup_is_shown_as_text_never_run(site, rows):
    article = rows.execute("select * from articles where title like 'Markup%'").fetchone()
    html = page(site, f"{db_path(site)}/articles/{article['id']}")
    assert "<script>alert(1)" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "Markup &lt;i&gt;in&lt;/i&gt; the news" in html
    assert 'href="javascript:' not in html


def test_quote_with_markup_is_shown_as_text_on_its_page(site, rows):
    quote = quote_where(rows, "Never paste")
    html = page(site, f"{db_path(site)}/quotes/{quote['id']}")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert 'href="javascript:' not in html
    assert marks(html) == [quote["text"]]


def test_other_tables_keep_datasettes_own_row_page(site, rows):
    event = rows.execute("select id from events order by id limit 1").fetchone()
    assert event is not None, "the council article names a summit"
    html = page(site, f"{db_path(site)}/events/{event[0]}")
    assert 'class="quotedb-page"' not in html


def test_a_missing_quote_is_not_found(site):
    assert get(site, f"{db_path(site)}/quotes/999999").status_code == 404


def test_home_page_offers_search_across_quotes(site, rows):
    html = page(site, "/")
    assert 'action="/-/search"' in html and 'name="q"' in html
    search = page(site, "/-/search?q=cranes")
    assert f'data-searchable-url="{db_path(site)}/quotes"' in search
    assert f'data-searchable-url="{db_path(site)}/speakers"' in search
    speakers = json.loads(page(site, f"{db_path(site)}/speakers.json?_search=Olsen&_shape=objects"))["rows"]
    assert [s["name"] for s in speakers] == ["Mara Olsen"]
    results = json.loads(page(site, f"{db_path(site)}/quotes.json?_search=cranes&_shape=objects"))["rows"]
    assert [r["text"] for r in results] == [quote_where(rows, "cranes will be moving")["text"]]


def test_charts_load_vega_from_the_site_itself(site):
    html = page(site, "/-/dashboards/quotes?speaker=Mara+Olsen")
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert any(s.endswith("vega-lite.min.js") for s in scripts)
    assert all(s.startswith("/") for s in scripts), scripts
    for src in scripts:
        assert get(site, src).status_code == 200, src
