"""quotedb as an installed package: its files found with importlib.resources, and plain
`datasette` serving the same site as `quotedb serve` through the plugin's entry point.

The wheel itself is built, installed in a fresh venv and used by `.ci/smoke` (CI); these
tests pin down what that relies on, through a real Datasette client.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import tomllib

import pytest
from datasette.app import Datasette
from factories import REPO, get

from quotedb import resources
from quotedb.site.metadata import load_metadata
from quotedb.site.publish import make_datasette


def test_the_wheel_carries_migrations_and_metadata_where_quotedb_looks_for_them():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    included = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included == {"migrations": "quotedb/migrations", "metadata.yml": "quotedb/site/metadata.yml"}
    # In this checkout (editable install) the top-level originals are found instead.
    assert resources.migrations() == REPO / "migrations"
    assert (resources.migrations() / "env.py").is_file() and (resources.migrations() / "head.sql").is_file()
    assert resources.metadata_file() == REPO / "metadata.yml"


def test_a_package_missing_its_files_says_so(monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "_CHECKOUT", tmp_path)
    monkeypatch.setattr(resources, "files", lambda package: tmp_path / "site-packages" / package)
    with pytest.raises(FileNotFoundError, match="metadata.yml is missing from the installed quotedb package"):
        resources.metadata_file()
    with pytest.raises(FileNotFoundError, match="migrations is missing"):
        resources.migrations()


def test_the_plugin_is_one_module_with_every_hook_and_its_templates(seeds_db):
    plugins = get(make_datasette(seeds_db), "/-/plugins.json").json()
    [quotedb] = [p for p in plugins if p["name"] == "quotedb"]
    assert {"get_metadata", "prepare_connection", "register_facet_classes", "extra_template_vars"} <= set(quotedb["hooks"])
    assert quotedb["templates"] is True


@pytest.fixture(scope="module")
def news_db(seeds_db, tmp_path_factory):
    """The seeds database under another name, as `quotedb build --db news.db` makes it."""
    path = tmp_path_factory.mktemp("news") / "news.db"
    shutil.copy(seeds_db, path)
    return path


def a_quote_and_speaker(db) -> tuple[int, str]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "select q.id, s.name from quotes q join speakers s on s.id = q.speaker_id "
            "where s.kind = 'person' order by q.id limit 1").fetchone()


def test_plain_datasette_serves_the_site_under_the_files_own_name(news_db):
    plain = Datasette([str(news_db)])  # what `datasette news.db` makes: no metadata, no options
    quote_id, speaker = a_quote_and_speaker(news_db)
    home = get(plain, "/")
    assert "who said what" in home.text and 'href="/news/quotes_view"' in home.text
    assert 'href="/quotes/' not in home.text
    assert 'mark class="quote"' in get(plain, f"/news/quotes/{quote_id}").text
    table = get(plain, "/news/quotes_view.json").json()
    assert {"kind", "speaker", "event", "source"} <= set(table["facet_results"])
    found = get(plain, "/news/search_quotes.json?q=terrorism+OR&_shape=array")
    assert found.status_code == 200, found.text  # escape_fts_query, a function of the plugin
    csv = get(plain, f"/news/quotes_by_speaker.csv?speaker={speaker.replace(' ', '+')}")
    assert csv.status_code == 200 and csv.text.startswith("published,article_title,url,text")
    charts = plain.plugin_config("datasette-dashboards")["quotes"]["charts"]
    assert {chart["db"] for chart in charts.values()} == {"news"}


def untimed(html: str) -> str:
    return re.sub(r"took [0-9.]+ms", "", html)


PAGES = ["/", "/news", "/news/quotes_view", "/news/speakers", "/news/quotations", "/news/top_speakers",
         "/news/disputed_quotes", "/news/quotes/{quote}", "/news/speakers/1", "/news/articles/1",
         "/news/quotes_by_speaker.csv?speaker={speaker}", "/-/search?q=security", "/-/dashboards/quotes"]


def test_plain_datasette_answers_every_page_as_quotedb_serve(news_db):
    served = make_datasette(news_db)
    plain = Datasette([str(news_db)])
    quote_id, speaker = a_quote_and_speaker(news_db)
    for page in PAGES:
        path = page.format(quote=quote_id, speaker=speaker.replace(" ", "+"))
        ours, theirs = get(served, path), get(plain, path)
        assert ours.status_code == theirs.status_code == 200, path
        if path.endswith("csv") or "{quote}" in page:
            assert untimed(ours.text) == untimed(theirs.text), path


def test_another_database_served_alongside_keeps_datasettes_plain_pages(news_db, tmp_path):
    other = tmp_path / "budget.db"
    with sqlite3.connect(other) as conn:
        conn.execute("create table quotes (id integer primary key, text text)")
        conn.execute("insert into quotes values (1, 'not a quotedb row')")
    ds = Datasette([str(news_db), str(other)])
    assert "budget" not in ds.metadata("databases")
    assert ds.table_metadata("budget", "quotes") == {}
    page = get(ds, "/budget/quotes/1")
    assert page.status_code == 200 and "not a quotedb row" in page.text and 'mark class="quote"' not in page.text


def test_a_metadata_file_given_with_m_wins_and_leaves_the_sites_own_untouched(news_db):
    ds = Datasette([str(news_db)], metadata={"title": "Newsroom quotes", "databases": {"news": {"description": "Ours"}}})
    assert ds.metadata("title") == "Newsroom quotes"
    assert ds.metadata("description", database="news") == "Ours"
    assert load_metadata("news")["databases"]["news"]["description"].startswith("Built by `quotedb build`")
    assert Datasette([str(news_db)]).metadata("description", database="news").startswith("Built by `quotedb build`")
