"""Links from the cells of views and canned queries to the row pages.

Tables link their foreign keys themselves (Datasette does it); views and queries have no
foreign keys, so the plugin's `render_cell` links by column name: a name column links to
its row when the same row holds its id (`speaker` with `speaker_id`), and an id column
links to its row. The canned queries name their id columns for what they hold
(`quote_id`, not `id`) so that this needs no per-query list.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

# A column naming a row -> the row's table and the column of the same result holding its id.
NAMED = {
    "speaker": ("speakers", "speaker_id"),
    "article_title": ("articles", "article_id"),
    "event": ("events", "event_id"),
    "quotation": ("quotations", "quotation_id"),
}
# A column holding an id -> the table of that row.
IDS = {
    "quote_id": "quotes",
    "speaker_id": "speakers",
    "article_id": "articles",
    "event_id": "events",
    "quotation_id": "quotations",
}
# Views whose `id` column is the id of a row of a table.
VIEW_IDS = {"quotes_view": "quotes", "role_history": "roles"}


def cell_link(datasette: Any, database: str, table: str | None, row: Any, column: str, value: Any) -> Markup | None:
    """The cell as a link to its row page, or None to leave it to Datasette.

    `table` is None for a canned query. Cells of tables other than the views above are
    left alone: Datasette already links their keys, with their labels."""
    if value is None or value == "" or (table is not None and table not in VIEW_IDS):
        return None
    target, pk = None, None
    if column == "id" and table in VIEW_IDS:
        target, pk = VIEW_IDS[table], value
    elif column in IDS:
        target, pk = IDS[column], value
    elif column in NAMED:
        target, id_column = NAMED[column]
        if id_column in row.keys():
            pk = row[id_column]
    if target is None or pk is None:
        return None
    return Markup('<a href="{}">{}</a>').format(datasette.urls.row(database, target, str(pk)), value)


def untitled_article_link(datasette: Any, database: str, value: Any):
    """A table's `article_id` cell for an article without a headline: Datasette labels it
    "None"; it is labelled by the file it was read from instead. Datasette hands the cell
    over as {"value", "label"} once it has looked the label up."""
    if not isinstance(value, dict) or value.get("label") is not None or value.get("value") is None:
        return None
    value = value["value"]

    async def link() -> Markup | None:
        rows = await datasette.get_database(database).execute(
            "select origin, locator from articles where id = :id and title is null", {"id": value})
        row = rows.first()
        if row is None:
            return None
        where = row["origin"] + (f", {row['locator']}" if row["locator"] else "")
        return Markup('<a href="{}">untitled: {}</a>&nbsp;<em>{}</em>').format(
            datasette.urls.row(database, "articles", str(value)), where, value)

    return link
