"""quotedb's Datasette plugin: every hook of the site, found by Datasette through the
`datasette` entry point, so plain `datasette quotes.db` serves the same site as
`quotedb serve`. Datasette also finds the templates in `templates/` beside this module.

- metadata.yml for each quotedb database (`get_metadata`), under the database's own name;
- `escape_fts_query(:q)` for the canned searches (`prepare_connection`);
- facets of the whole quotes_view read from kept counts (`register_facet_classes`);
- the quote, speaker and article row pages (`extra_template_vars`, templates/row.html);
- links from the cells of views and canned queries to those pages (`render_cell`);
- table and query pages a person can read (templates/table.html and query.html);
- CSV cells neutralised and a rebuilt immutable file refused (`asgi_wrapper`).

Rows of other tables, and databases that are not quotedb's, keep Datasette's own pages.
"""

from __future__ import annotations

import copy
import functools

from datasette import hookimpl
from datasette.facets import ColumnFacet
from datasette.utils import escape_fts, tilde_decode, urlsafe_components

from quotedb.site import browse, pages
from quotedb.site.links import VIEW_IDS, cell_link, untitled_article_link
from quotedb.site.facets import KeptCountColumnFacet
from quotedb.site.metadata import load_metadata, is_quotedb_file


def quotedb_databases(datasette) -> list[str]:
    return [name for name, db in datasette.databases.items() if not db.is_memory and is_quotedb_file(db.path)]


@functools.lru_cache(maxsize=8)
def _site_metadata(databases: tuple[tuple[str, str], ...]) -> dict:
    """The first quotedb database gets the home page's links and the charts; every one of
    them gets the descriptions, facets and canned queries."""
    (first, url), *others = databases
    metadata = load_metadata(first, database_url=url)
    section = metadata.get("databases", {}).get(first, {})
    for name, _ in others:
        metadata["databases"][name] = copy.deepcopy(section)
    return metadata


def _unshared(ours: dict, theirs: dict) -> dict:
    """`ours`, with a fresh dict at every level where `theirs` also has one: Datasette merges
    a later source (`-m metadata.yml`) into the dicts of an earlier one in place, and the
    cached metadata must not take those changes. Datasette asks for metadata hundreds of
    times a page; a deep copy each time cost ~1 ms."""
    copied = dict(ours)
    for key, value in theirs.items():
        if isinstance(value, dict) and isinstance(ours.get(key), dict):
            copied[key] = _unshared(ours[key], value)
    return copied


@hookimpl
def get_metadata(datasette, key, database, table):
    names = quotedb_databases(datasette)
    if not names:
        return {}
    metadata = _site_metadata(tuple((name, datasette.urls.database(name)) for name in names))
    return _unshared(metadata, datasette._metadata_local or {})


@hookimpl
def prepare_connection(conn) -> None:
    """`escape_fts_query(:q)`: user input as plain search words, FTS operators neutralised."""
    conn.create_function("escape_fts_query", 1, escape_fts)


@hookimpl(wrapper=True)
def register_facet_classes():
    """Datasette's ColumnFacet, swapped for the kept-count subclass (same type, same URLs)."""
    classes = yield
    return [[KeptCountColumnFacet if klass is ColumnFacet else klass for klass in group] for group in classes]


def _is_quotedb(datasette, database: str | None) -> bool:
    if database is None or database not in datasette.databases:
        return False
    db = datasette.get_database(database)
    return not db.is_memory and is_quotedb_file(db.path)


@hookimpl
def asgi_wrapper(datasette):
    """Every CSV the site sends has its formula-like cells neutralised (quotedb.csvsafe),
    and an immutable file rebuilt underneath the server is refused (quotedb.rebuilt)."""
    from quotedb.csvsafe import neutralise_csv
    from quotedb.rebuilt import refuse_when_rebuilt

    return lambda app: refuse_when_rebuilt(datasette, neutralise_csv(app))


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if not _is_quotedb(datasette, database):
        return None
    if column == "article_id" and table is not None and table not in VIEW_IDS and value is not None:
        return untitled_article_link(datasette, database, value)
    return cell_link(datasette, database, table, row, column, value)


@hookimpl
def extra_template_vars(view_name, database, table, columns, request, datasette):
    """The values templates/row.html lays out for a quote, speaker or article row, and
    those of the table and query pages (templates/table.html and query.html)."""
    if request is None or not _is_quotedb(datasette, database):
        return None
    if view_name != "row":
        name = table or tilde_decode(request.url_vars.get("table") or "") or None
        return browse.table_values(datasette, database, name, columns, request)
    if table not in pages.LOADERS:
        return None

    async def page_values():
        if not await pages.has_schema(datasette.get_database(database)):
            return {}
        pks = urlsafe_components(request.url_vars["pks"])
        if len(pks) != 1:
            return {}
        return {"quotedb_page": await pages.LOADERS[table](datasette, database, pks[0], request.args)}

    return page_values
