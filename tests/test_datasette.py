"""The published site over the seeds database, through Datasette's own test client."""

from __future__ import annotations

import csv
import io

import pytest
import yaml
from factories import REPO, fetch, get

from quotedb.site.publish import make_datasette


@pytest.fixture(scope="module")
def ds(seeds_db):
    return make_datasette(seeds_db)


def rows(ds, path: str) -> list[dict]:
    response = get(ds, path)
    assert response.status_code == 200, response.text[:500]
    return response.json()


def test_the_home_page_explains_the_site(ds):
    page = get(ds, "/")
    assert page.status_code == 200
    assert "who said what" in page.text
    assert "Apache-2.0" in page.text


@pytest.mark.parametrize("path", ["/quotes", "/quotes/quotes_view", "/quotes/quotes", "/quotes/speakers",
                                  "/quotes/roles", "/quotes/events", "/quotes/articles", "/quotes/article_sources"])
def test_every_page_of_the_tour_opens(ds, path):
    assert get(ds, path).status_code == 200


def test_alembic_version_is_hidden(ds):
    tables = {t["name"]: t for t in rows(ds, "/quotes.json")["tables"]}
    assert tables["alembic_version"]["hidden"] is True
    assert tables["quotes"]["hidden"] is False


def test_quotes_view_shows_each_quote_with_speaker_role_event_and_article(ds, seeds_db):
    found = rows(ds, "/quotes/quotes_view.json?speaker=Lin+Wei&_shape=array")
    expected = fetch(seeds_db, "select count(*) from quotes join speakers on speakers.id = speaker_id where name = 'Lin Wei'")[0][0]
    assert len(found) == expected > 0
    first = found[0]
    assert first["speaker_kind"] == "person" and first["role"] and first["organization"]
    assert first["article_title"] is not None or first["published"] is not None


def test_quotes_view_is_faceted_by_kind_speaker_event_and_source(ds):
    facets = rows(ds, "/quotes/quotes_view.json")["facet_results"]
    assert {"kind", "speaker", "event", "source"} <= set(facets)


def facet_counts(ds, path: str) -> dict[str, dict]:
    results = rows(ds, path)["facet_results"]
    return {name: {(v["value"], v["count"]) for v in facet["results"]} for name, facet in results.items()}


def grouped(db, column: str, where: str = "1") -> set[tuple]:
    return set(fetch(db, f"select {column}, count(*) from quotes_view where {column} is not null and {where} group by {column}"))


def test_the_facets_of_the_whole_view_are_exact(ds, seeds_db):
    facets = facet_counts(ds, "/quotes/quotes_view.json?_facet_size=max")
    for column in ("kind", "speaker", "event", "source"):
        assert facets[column] == grouped(seeds_db, column), column


def test_filtered_and_searched_facets_are_counted_by_datasette(ds, seeds_db):
    filtered = facet_counts(ds, "/quotes/quotes_view.json?kind=direct&_facet_size=max")
    searched = facet_counts(ds, "/quotes/quotes_view.json?_search=security&_facet_size=max")
    matches = "id in (select rowid from quotes_fts where quotes_fts match 'security')"
    for column in ("speaker", "source"):
        assert filtered[column] == grouped(seeds_db, column, "kind = 'direct'"), column
        assert searched[column] == grouped(seeds_db, column, matches), column
    assert filtered["kind"] == {("direct", len(fetch(seeds_db, "select id from quotes where kind = 'direct'")))}


def test_the_facets_of_the_whole_view_are_read_from_the_kept_counts(seeds_db, tmp_path):
    """A count changed by hand shows: the page does not group the quotes itself."""
    import shutil
    import sqlite3

    copy = tmp_path / "quotes.db"
    shutil.copy(seeds_db, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("update quote_facets set count = 999 where facet = 'speaker' and value = 'Lin Wei'")
    facets = facet_counts(make_datasette(copy), "/quotes/quotes_view.json?_facet_size=max")
    assert ("Lin Wei", 999) in facets["speaker"]


def test_foreign_keys_show_names(ds):
    shown = rows(ds, "/quotes/quotes.json?_labels=on&_shape=array&speaker_id__notblank=1")
    labels = {row["speaker_id"]["label"] for row in shown}
    assert "Lin Wei" in labels


def test_quotes_view_is_searchable_with_fts_operators_on_request(ds, seeds_db):
    plain = rows(ds, "/quotes/quotes_view.json?_search=terrorism&_shape=array")
    prefix = rows(ds, "/quotes/quotes_view.json?_search=terror*&_searchmode=raw&_shape=array")
    assert plain and all("terror" in r["text"].lower() for r in plain)
    either = rows(ds, "/quotes/quotes_view.json?_search=terrorism+OR+rights&_searchmode=raw&_shape=array")
    assert len(prefix) >= len(plain) and len(either) > len(plain)
    assert rows(ds, "/quotes/quotes_view.json?_search=terrorism+OR+rights&_shape=array") == []  # typed: all three words


def test_the_quotes_table_is_searchable_too(ds):
    assert rows(ds, "/quotes/quotes.json?_search=security&_shape=array")


def test_quotes_by_speaker_as_csv(ds, seeds_db):
    response = get(ds, "/quotes/quotes_by_speaker.csv?speaker=Lin+Wei")
    assert response.status_code == 200
    table = list(csv.DictReader(io.StringIO(response.text)))
    stored = {r[0] for r in fetch(seeds_db, "select text from quotes join speakers on speakers.id = speaker_id where name = 'Lin Wei'")}
    assert {r["text"] for r in table} == stored
    assert {"published", "article_title", "url", "text", "kind", "role", "organization", "event"} <= set(table[0])


def test_quotes_by_speaker_ignores_case(ds):
    assert rows(ds, "/quotes/quotes_by_speaker.json?speaker=lin+wei&_shape=array")


def test_top_speakers_puts_the_most_quoted_first(ds):
    ranked = rows(ds, "/quotes/top_speakers.json?_shape=array")
    counts = [r["quotes"] for r in ranked]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2


def test_quotes_at_event_matches_part_of_the_event_name(ds):
    found = rows(ds, "/quotes/quotes_at_event.json?event=symposium&_shape=array")
    assert found and all("symposium" in r["event"] for r in found)


def test_search_quotes_treats_operators_as_words(ds):
    assert rows(ds, "/quotes/search_quotes.json?q=terrorism&_shape=array")
    assert rows(ds, '/quotes/search_quotes.json?q="terrorism+AND&_shape=array') is not None


def test_metadata_describes_every_table_and_column(seeds_db):
    metadata = yaml.safe_load((REPO / "metadata.yml").read_text(encoding="utf-8"))
    tables = metadata["databases"]["quotes"]["tables"]
    names = [r[0] for r in fetch(seeds_db, "select name from sqlite_master where type in ('table', 'view') "
                                          "and name not like '%\\_fts' escape '\\' and name not like '%\\_fts\\_%' escape '\\' "
                                          "and name not like 'sqlite_%'")]
    for name in names:
        if name == "alembic_version":
            assert tables[name]["hidden"] is True
            continue
        assert tables[name]["description"], name
        columns = [r[1] for r in fetch(seeds_db, f"pragma table_info([{name}])")]
        assert set(columns) == set(tables[name]["columns"]), name
        assert all(tables[name]["columns"].values()), name


def test_a_database_with_another_name_keeps_its_metadata(seeds_db, tmp_path):
    import shutil

    other = tmp_path / "news.db"
    shutil.copy(seeds_db, other)
    assert get(make_datasette(other), "/news/quotes_by_speaker.json?speaker=Lin+Wei").status_code == 200


def test_a_missing_database_is_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match="quotedb build"):
        make_datasette(tmp_path / "quotes.db")


def test_every_url_in_the_readme_works(ds):
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    paths = sorted(set(re.findall(r"http://127\.0\.0\.1:8001(/[^\s|)`]*)", readme)))
    assert len(paths) >= 15
    for path in paths:
        assert get(ds, path).status_code == 200, path


def test_quotes_per_year_counts_all_quotes_or_one_speakers_whatever_the_case(ds, seeds_db):
    everyone = rows(ds, "/quotes/quotes_per_year.json?speaker=&_shape=array")
    one = rows(ds, "/quotes/quotes_per_year.json?speaker=lin+wei&_shape=array")
    by_year = "select coalesce(substr(a.published, 1, 4), 'undated'), count(*) from quotes q join articles a on a.id = q.article_id {} group by 1"
    assert {(r["year"], r["quotes"]) for r in everyone} == set(fetch(seeds_db, by_year.format("")))
    assert {(r["year"], r["quotes"]) for r in one} == set(
        fetch(seeds_db, by_year.format("join speakers s on s.id = q.speaker_id where s.name = 'Lin Wei'"))
    )
    assert sum(r["quotes"] for r in one) > 0


def test_the_kind_facet_of_the_whole_quotes_table_is_exact(ds, seeds_db):
    facets = facet_counts(ds, "/quotes/quotes.json?_facet_size=max")
    assert facets["kind"] == set(fetch(seeds_db, "select kind, count(*) from quotes group by kind"))


def test_quotes_at_event_lists_the_events_quotes_oldest_first(ds, seeds_db):
    events = fetch(seeds_db, "select name from events where id in (select event_id from quotes)")
    if not events:
        pytest.skip("the seeds name no event with quotes")
    word = events[0][0].split()[-1]
    found = rows(ds, f"/quotes/quotes_at_event.json?event={word}&_shape=array")
    expected = fetch(seeds_db, "select q.id from quotes q join events e on e.id = q.event_id where e.name like ?", (f"%{word}%",))
    assert {r["quote_id"] for r in found} == {r[0] for r in expected}
    dates = [r["published"] for r in found]
    assert dates == sorted(dates, key=lambda d: d or "")
