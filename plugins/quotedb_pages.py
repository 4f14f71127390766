"""Datasette hooks for the quote, speaker and article row pages.

Datasette picks the templates `row-<database>-<table>.html` (or `row.html`) by name;
this hook gives them the values to show, read by `quotedb.pages`. Rows of any other
table, or of a database that is not a quotedb one, keep Datasette's plain page.
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils import urlsafe_components

from quotedb import pages


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    if view_name != "row" or table not in pages.LOADERS or request is None:
        return None

    async def page_values():
        if not await pages.has_schema(datasette.get_database(database)):
            return {}
        pks = urlsafe_components(request.url_vars["pks"])
        if len(pks) != 1:
            return {}
        return {"quotedb_page": await pages.LOADERS[table](datasette, database, pks[0], request.args)}

    return page_values
