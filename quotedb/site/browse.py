"""What the table and canned-query pages of the site add to Datasette's own.

Table pages: internal columns (offsets, rule, ids, keys) left out of the default view
with a link that shows them all, the column descriptions folded into one <details>
instead of two screens above the rows. Query pages: a title that is the query's, not its
SQL; previous and next links for the queries that take a `page`; and, where a speaker's
name gives nothing, the speakers it may have meant.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from quotedb.suggest import speaker_exists, suggest_speakers

# Columns a reader does not need to see first; `?_col=...` (the "show all columns" link) shows them.
INTERNAL_COLUMNS = {
    "quotes_view": ("speaker_id", "speaker_kind", "event_id", "url", "article_id", "start", "end",
                    "paragraph", "cue", "confidence", "rule", "speaker_name", "quotation_id"),
    "speakers": ("name_key", "article_id"),
    "articles": ("sha256", "text", "parser_version", "loaded_at"),
}
# The canned queries' parameter that names a speaker.
SPEAKER_PARAMETER = "speaker"
_PAGE_SIZE = re.compile(r"\blimit\s+(\d+)\s+offset\s+\d+\s*\*\s*\(", re.I)


def _url(base: str, pairs: list[tuple[str, str]]) -> str:
    return base + ("?" + urlencode(pairs) if pairs else "")


def _pairs(request: Any) -> list[tuple[str, str]]:
    """Every (name, value) of the query string, in order, repeated names included."""
    return [(key, value) for key in request.args.keys() for value in request.args.getlist(key)]


def table_values(datasette: Any, database: str, table: str | None, columns: list[str] | None, request: Any) -> dict | None:
    if table is None:
        return None
    queries = datasette.metadata("queries", database=database, fallback=False) or {}
    if table in queries:  # a canned query, served by the table view's route
        return query_values(datasette, database, table, request)
    metadata = datasette.table_metadata(database, table) or {}
    args = _pairs(request)
    chosen = any(key in ("_col", "_nocol") for key, _ in args)
    hidden = [c for c in INTERNAL_COLUMNS.get(table, ()) if c in (columns or [])] if not chosen else []
    others = [(k, v) for k, v in args if k not in ("_col", "_nocol", "_next")]
    every = [("_col", c) for c in columns or []]
    return {
        "quotedb_table": {
            "hidden": hidden,
            "all_columns_url": _url(datasette.urls.table(database, table), others + every) if hidden else None,
            "column_help": metadata.get("columns") or {},
        }
    }


def query_values(datasette: Any, database: str, name: str, request: Any):
    queries = datasette.metadata("queries", database=database, fallback=False) or {}
    query = queries.get(name)
    if not isinstance(query, dict):
        return None
    sql = query.get("sql", "")
    size = _PAGE_SIZE.search(sql)
    page_raw = request.args.get("page") or ""
    page = int(page_raw) if page_raw.isdigit() and int(page_raw) > 0 else 1
    others = [(k, v) for k, v in _pairs(request) if k != "page"]
    here = datasette.urls.query(database, name)
    speaker = (request.args.get(SPEAKER_PARAMETER) or "").strip() if f":{SPEAKER_PARAMETER}" in sql else ""

    async def values():
        suggestions = None
        if speaker:
            db = datasette.get_database(database)

            def look(conn):
                return None if speaker_exists(conn, speaker) else suggest_speakers(conn, speaker)

            found = await db.execute_fn(look)
            if found is not None:
                suggestions = [
                    {"name": n, "quotes": q, "link": datasette.urls.row(database, "speakers", str(i)),
                     "query_link": _url(here, [(k, v) for k, v in others if k != SPEAKER_PARAMETER] + [(SPEAKER_PARAMETER, n)])}
                    for i, n, q in found
                ]
        return {
            "quotedb_query": {
                "title": query.get("title") or name,
                "page": page,
                "page_size": int(size.group(1)) if size else None,
                "previous_url": _url(here, others + [("page", str(page - 1))]) if size and page > 1 else None,
                "next_url": _url(here, others + [("page", str(page + 1))]) if size else None,
                "speaker": speaker,
                "suggestions": suggestions,
            }
        }

    return values
