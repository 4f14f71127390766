"""The pages a journalist lands on first, through a real Datasette client: links from every
table and query to the row pages, a search box that takes what people type, readable
browse pages, honest lists. The database is called news.db, so nothing may assume quotes.db.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import pytest
from factories import article, extraction, fetch, get, quote

from quotedb.build import build
from quotedb.site.publish import make_datasette


@pytest.fixture(scope="module")
def news_db(seeds_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("news") / "news.db"
    shutil.copy(seeds_db, path)
    return path


@pytest.fixture(scope="module")
def ds(news_db):
    return make_datasette(news_db)


class Cells(HTMLParser):
    """The table cells of a Datasette page: (column, text, link or None), row by row."""

    def __init__(self):
        super().__init__()
        self.rows: list[dict[str, tuple[str, str | None]]] = []
        self._column = None
        self._text: list[str] = []
        self._href = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self.rows.append({})
        elif tag == "td" and self.rows:
            self._column = next((c[4:] for c in (attrs.get("class") or "").split() if c.startswith("col-")), None)
            self._text, self._href = [], None
        elif tag == "a" and self._column and self._href is None:
            self._href = attrs.get("href")

    def handle_data(self, data):
        if self._column:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "td" and self._column:
            self.rows[-1][self._column] = ("".join(self._text).strip(), self._href)
            self._column = None


def cells(ds, path: str) -> list[dict]:
    page = get(ds, path)
    assert page.status_code == 200, (path, page.text[:300])
    parser = Cells()
    parser.feed(page.text)
    return [row for row in parser.rows if row]


def page_rows(ds, path: str) -> list[dict]:
    response = get(ds, path.replace("?", ".json?", 1) if "?" in path else path + ".json")
    assert response.status_code == 200, response.text[:300]
    data = response.json()
    return [dict(zip(data["columns"], row)) for row in data["rows"]]


# --- links from tables and queries to the row pages ---------------------------------------


def test_every_quote_speaker_and_article_in_quotes_view_links_to_its_page(ds):
    rows, shown = page_rows(ds, "/news/quotes_view?_size=max"), cells(ds, "/news/quotes_view?_size=max")
    assert len(rows) == len(shown) > 10
    for row, cell in zip(rows, shown):
        assert cell["id"] == (str(row["id"]), f"/news/quotes/{row['id']}")
        if row["speaker_id"] is not None:
            assert cell["speaker"] == (row["speaker"], f"/news/speakers/{row['speaker_id']}")
        if row["article_title"] is not None:
            assert cell["article_title"] == (row["article_title"], f"/news/articles/{row['article_id']}")
        if row["event_id"] is not None:
            assert cell["event"] == (row["event"], f"/news/events/{row['event_id']}")


@pytest.mark.parametrize("query, links", [
    ("search_quotes?q=rights", {"quote_id": "quotes", "speaker": "speakers", "article_title": "articles"}),
    ("quotes_by_speaker?speaker=Lin+Wei", {"quote_id": "quotes", "article_id": "articles"}),
    ("quotes_at_event?event=symposium", {"quote_id": "quotes", "speaker": "speakers", "event": "events"}),
    ("top_speakers", {"speaker_id": "speakers", "speaker": "speakers"}),
    ("role_history?speaker=Lin+Wei", {"article_id": "articles", "speaker_id": "speakers"}),
])
def test_canned_queries_link_their_quotes_speakers_and_articles(ds, query, links):
    shown = cells(ds, f"/news/{query}")
    assert shown, query
    for cell in shown:
        for column, table in links.items():
            text, href = cell[column]
            if text:
                assert href and re.fullmatch(rf"/news/{table}/\d+", href), (query, column, cell[column])


def test_the_linked_pages_are_the_right_rows(ds, news_db):
    cell = cells(ds, "/news/search_quotes?q=counter-terrorism")[0]
    quote_page = get(ds, cell["quote_id"][1]).text
    speaker_page = get(ds, cell["speaker"][1]).text
    quote_id = int(cell["quote_id"][0])
    speaker, = fetch(news_db, "select speaker from quotes where id = ?", (quote_id,))[0]
    assert 'mark class="quote"' in quote_page and f"<h1>{speaker}" in speaker_page


def test_an_untitled_article_is_labelled_by_its_file_not_none(ds, news_db):
    untitled = fetch(news_db, "select id, origin from articles where title is null")
    assert untitled, "a seed article has no headline"
    text = get(ds, "/news/quotes").text
    assert ">None</a>" not in text
    assert f'<a href="/news/articles/{untitled[0][0]}">untitled: {untitled[0][1]}</a>' in text


# --- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["counter-terrorism", "China's", "U.S.", "Blair's", "e-mail", '"unclosed', "rights AND"])
def test_the_table_search_box_takes_what_people_type(ds, typed):
    for table in ("quotes_view", "quotes", "quotations"):
        assert get(ds, f"/news/{table}?_search={typed}").status_code == 200, (table, typed)


def test_a_hyphenated_search_finds_its_phrase(ds, news_db):
    found = {r["id"] for r in page_rows(ds, "/news/quotes_view?_search=counter-terrorism&_size=max")}
    assert found == {r[0] for r in fetch(news_db, "select id from quotes where text like '%counter-terrorism%'")} and found


def test_fts_operators_still_work_on_request(ds):
    plain = page_rows(ds, "/news/quotes_view?_search=rights+OR+security&_size=max")
    raw = page_rows(ds, "/news/quotes_view?_search=rights+OR+security&_searchmode=raw&_size=max")
    assert len(raw) > len(plain)


# --- browse pages a person can read ---------------------------------------------------------


def test_quotes_view_leaves_internal_columns_out_of_the_default_view(ds):
    page = get(ds, "/news/quotes_view").text
    style = re.search(r"<style>(.*?)</style>", page[page.index("dl.column-descriptions { display: none; }") - 20:], re.S).group(1)
    for column in ("start", "end", "rule", "confidence", "speaker_id", "article_id", "quotation_id"):
        assert f"td.col-{column}," in style or f"td.col-{column} {{" in style, column
    for column in ("text", "speaker", "article_title", "published"):
        assert f"td.col-{column}," not in style, column
    link = re.search(r'<a href="([^"]+)" class="all-columns">show all columns</a>', page).group(1)
    every = get(ds, link.replace("&amp;", "&")).text
    assert "td.col-start" not in every and 'class="col-start' in every


def test_column_help_is_one_click_away(ds):
    page = get(ds, "/news/quotes_view").text
    help_ = re.search(r'<details class="column-help"><summary>What the (\d+) columns mean</summary>', page)
    assert help_ and int(help_.group(1)) >= 20
    assert page.index('class="column-help"') < page.index('<table class="rows-and-columns">')


def test_the_home_page_links_follow_the_database_name(ds):
    home = get(ds, "/").text
    for target in ("quotes_view", "top_speakers", "disputed_quotes"):
        assert f'href="/news/{target}"' in home and get(ds, f"/news/{target}").status_code == 200
    assert 'href="/quotes/' not in home
    assert '<form action="/news/search_quotes" method="get" class="search-quotes">' in home


def test_internal_tables_are_hidden(ds):
    tables = {t["name"]: t["hidden"] for t in get(ds, "/news.json").json()["tables"]}
    assert tables["quote_facets"] and tables["quotation_windows"] and tables["settle_state"]
    assert not tables["quotes"] and not tables["speakers"]


@pytest.mark.parametrize("query", ["quotes_by_speaker?speaker=Lin+Wei", "search_quotes?q=rights", "top_speakers", "disputed_quotes"])
def test_canned_queries_keep_their_sql_one_click_away_and_are_titled(ds, query):
    page = get(ds, f"/news/{query}").text
    assert "select " not in page.split('<form class="sql"')[1].split("</form>")[0].lower()
    assert "_show_sql=1" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "select" not in title.lower() and title.endswith("· news")


def test_paged_queries_have_previous_and_next_links(tmp_path):
    db = tmp_path / "budget.db"
    lines = "".join(f'"Item {n} of the budget is settled," said Mira Kobal, the finance minister.\n' for n in range(120))
    (tmp_path / "budget.txt").write_text("The budget was read line by line.\n" + lines, encoding="utf-8")
    assert build([tmp_path / "budget.txt"], db).failed == 0
    ds = make_datasette(db)
    first = get(ds, "/budget/quotes_by_speaker?speaker=Mira+Kobal").text
    assert "previous-page" not in first
    next_link = re.search(r'<a href="([^"]+)" class="next-page">next</a>', first).group(1).replace("&amp;", "&")
    assert next_link == "/budget/quotes_by_speaker?speaker=Mira+Kobal&page=2"
    second = get(ds, next_link).text
    assert 'class="previous-page"' in second and 'class="next-page"' not in second
    assert "Quotes by speaker: Mira Kobal, page 2 · budget" in second


def test_a_speaker_name_that_gives_nothing_suggests_names(ds):
    page = get(ds, "/news/quotes_by_speaker?speaker=wei").text
    assert "No speaker is named “wei”" in page
    assert re.search(r'<a href="/news/quotes_by_speaker\?speaker=Lin\+Wei" class="suggestion">Lin Wei</a>', page)
    guterres = get(ds, "/news/quotes_by_speaker?speaker=Guterres").text
    assert re.search(r'<a href="/news/quotes_by_speaker\?speaker=Antonio\+Guterres" class="suggestion">', guterres)
    nobody = get(ds, "/news/quotes_by_speaker?speaker=Zyzzyva").text
    assert "No speaker is named “Zyzzyva”" in nobody and "searching the speakers" in nobody
    assert "did-you-mean" not in get(ds, "/news/quotes_by_speaker?speaker=Lin+Wei").text


# --- disputed quotes --------------------------------------------------------------------------

HARBOUR = '"We will keep the harbour open all winter long," said {}.\n'
ROOFS = '"Every school in the district will get a new roof this year," said {}.\n'
SHORT = '"But," said {}.\n'
BUSES = '"The buses never come on time in the evening," residents said.\n'
CLAIM = 'Sara Lindqvist said the minister had told her "the bridge will be finished before the summer" at a meeting.\n'
BRIDGE = '"The bridge will be finished before the summer," said Omar Haddad.\n'


@pytest.fixture(scope="module")
def disputes_db(tmp_path_factory):
    """Articles written by hand, so that each case is exactly the one named."""
    from quotedb.store import migrate
    from quotedb.store.database import make_engine
    from quotedb.store.writer import Writer

    db = tmp_path_factory.mktemp("disputes") / "desk.db"
    migrate.upgrade(db)
    engine = make_engine(db)
    writer = Writer(engine, "test 1")

    def said(origin, text, *speakers, kind="person"):
        fragment = text[: text.index(',"') + 2]
        quotes = [quote(text, fragment, speaker=s, speaker_kind=kind) for s in speakers]
        writer.write(article(text, origin=origin, title=origin), extraction(*quotes))

    said("harbour-1", HARBOUR.format("Ana Ruiz"), "Ana Ruiz")
    said("harbour-2", HARBOUR.format("Piet Mensah"), "Piet Mensah")
    said("roofs-1", ROOFS.format("Ana Ruiz and Tomas Berg"), "Ana Ruiz", "Tomas Berg")  # co-speakers
    said("roofs-2", ROOFS.format("Tomas Berg"), "Tomas Berg")
    said("short-1", SHORT.format("Lena Okafor"), "Lena Okafor")
    said("short-2", SHORT.format("Omar Haddad"), "Omar Haddad")
    said("buses-1", BUSES, "residents", kind="group")
    said("buses-2", BUSES, "residents", kind="group")
    said("buses-3", BUSES.replace("residents said", "said Lena Okafor"), "Lena Okafor")
    inner = '"the bridge will be finished before the summer"'
    outer = CLAIM[len("Sara Lindqvist said "):CLAIM.index(" at a meeting")]
    writer.write(article(CLAIM, origin="claim", title="claim"), extraction(
        quote(CLAIM, outer, kind="indirect", speaker="Sara Lindqvist"),
        quote(CLAIM, inner, speaker="Omar Haddad")))
    said("bridge", BRIDGE, "Piet Mensah")
    writer.settle()
    engine.dispose()
    return db


def test_disputed_quotes_lists_only_quotations_two_articles_give_to_different_speakers(disputes_db):
    rows = page_rows(make_datasette(disputes_db), "/desk/disputed_quotes?_size=max")
    assert {(r["article_title"], r["speaker"]) for r in rows} == {("harbour-1", "Ana Ruiz"), ("harbour-2", "Piet Mensah")}
    assert {r["speakers_disagreeing"] for r in rows} == {2}
    assert all(r["quotation"].startswith("We will keep the harbour") for r in rows)


def test_each_case_left_out_of_disputed_quotes_is_really_there(disputes_db):
    """The co-speakers, the short quote, the groups and the nested claim all fold into
    quotations with more than one speaker: the query, not the data, leaves them out."""
    several = fetch(disputes_db, "select text from quotations where speaker_count > 1 order by text")
    assert len(several) == 5, several


def test_the_description_of_disputed_quotes_says_what_it_lists(ds):
    description = ds.metadata("queries", database="news")["disputed_quotes"]["description"]
    for words in ("five words or more", "two articles", "no speaker in common", "co-speakers", "Nested claims are left out"):
        assert words in description


# --- speakers ---------------------------------------------------------------------------------

SURNAMES = [
    ('"The port will reopen in March," said Kofi Asante, the port director.\n', "2024-01-01"),
    ('"Fares will not rise this year," said Efua Asante, the transport minister.\n', "2024-02-01"),
    ('"We are still counting the cost," Asante said.\n', "2024-03-01"),
]


@pytest.fixture(scope="module")
def surnames_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("surnames")
    for n, (text, date) in enumerate(SURNAMES):
        (folder / f"{n}.txt").write_text(f"{date}\nPort news.\n{text}", encoding="utf-8")
    db = folder / "port.db"
    assert build([folder], db).failed == 0
    return db


def test_an_ambiguous_surname_is_stated_in_words_with_the_people_it_may_be(surnames_db):
    rows = fetch(surnames_db, "select id, name, resolution from speakers where kind = 'person' order by name")
    ambiguous = [r for r in rows if r[2] == "ambiguous surname"]
    assert ambiguous, rows
    page = get(make_datasette(surnames_db), f"/port/speakers/{ambiguous[0][0]}").text
    assert "by the surname &#39;Asante&#39; alone, and 2 people of that surname are named in full" in page
    for speaker_id, name, resolution in rows:
        if resolution is None and name.endswith("Asante"):
            assert f'<a href="/port/speakers/{speaker_id}">{name}</a>' in page


def test_pronouns_and_relative_words_are_not_shown_as_names(ds, news_db):
    mentions = fetch(news_db, "select speaker_id, group_concat(distinct lower(speaker_mention)) from quotes "
                              "where lower(speaker_mention) in ('he', 'she', 'who', 'it', 'they') group by speaker_id")
    assert mentions, "the seeds cue some quotes by a pronoun"
    for speaker_id, _ in mentions:
        page = get(ds, f"/news/speakers/{speaker_id}").text
        also = re.search(r"<dt>Also named</dt>\s*<dd>(.*?)</dd>", page, re.S).group(1)
        assert not set(re.findall(r"[A-Za-z]+", also.lower())) & {"he", "she", "who", "it", "they"}, also


def test_speakers_are_listed_most_quoted_first_with_a_resolution_facet(ds):
    data = get(ds, "/news/speakers.json?_size=max").json()
    counts = [row[data["columns"].index("quote_count")] for row in data["rows"]]
    assert counts == sorted(counts, reverse=True)
    assert "resolution" in data["facet_results"]
    assert "td.col-name_key" in get(ds, "/news/speakers").text


def test_charts_are_written_for_the_vega_lite_the_site_serves(ds):
    import importlib.resources

    script = (importlib.resources.files("datasette_dashboards") / "static" / "vega-lite.min.js").read_text(encoding="utf-8")
    major = re.search(r'var \w+="(\d+)\.\d+\.\d+"', script).group(1)
    charts = ds.plugin_config("datasette-dashboards")["quotes"]["charts"]
    for name, chart in charts.items():
        assert chart["display"]["$schema"] == f"https://vega.github.io/schema/vega-lite/v{major}.json", name
        counts = [e for e in chart["display"]["encoding"].values() if e["type"] == "quantitative"]
        assert counts and all("floor(datum.value) == datum.value" in e["axis"]["labelExpr"] for e in counts), name
