"""Datasette plugin: SQL functions the canned queries in metadata.yml rely on."""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils import escape_fts


@hookimpl
def prepare_connection(conn) -> None:
    """`escape_fts_query(:q)`: user input as plain search words, FTS operators neutralised."""
    conn.create_function("escape_fts_query", 1, escape_fts)
