"""The site's metadata.yml, given to Datasette for every quotedb database it serves.

metadata.yml describes one database called `quotes`. Datasette names a database after
its file, so the section is handed out under each quotedb database's own name, with the
home page's links and the dashboards' `db:` following it: `datasette bbc.db` gets the
same site as `datasette quotes.db`. Other databases served alongside get nothing.
"""

from __future__ import annotations

import copy
import functools
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import yaml

from quotedb.resources import metadata_file

DATABASE = "quotes"  # the name metadata.yml uses
QUOTEDB_TABLES = {"quotes", "speakers", "articles"}


@functools.cache
def _file_metadata(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def load_metadata(database: str = DATABASE, *, path: str | Path | None = None, database_url: str | None = None) -> dict[str, Any]:
    """metadata.yml with its `quotes` section, links and charts moved to `database`
    (whose page is at `database_url`, `/<database>` unless given)."""
    metadata = copy.deepcopy(_file_metadata(Path(path) if path else metadata_file()))
    databases = metadata.get("databases") or {}
    if database != DATABASE and DATABASE in databases:
        databases[database] = databases.pop(DATABASE)
    url = database_url or f"/{database}"
    if "description_html" in metadata:
        for attribute in ("href", "action"):
            metadata["description_html"] = metadata["description_html"].replace(f'{attribute}="/{DATABASE}/', f'{attribute}="{url}/')
    dashboards = (metadata.get("plugins") or {}).get("datasette-dashboards") or {}
    for dashboard in dashboards.values():
        for part in (*(dashboard.get("charts") or {}).values(), *(dashboard.get("filters") or {}).values()):
            if part.get("db") == DATABASE:
                part["db"] = database
    return metadata


_known: dict[str, bool] = {}


def is_quotedb_file(path: str | None) -> bool:
    """True for an SQLite file holding quotedb's tables; the answer is kept once it is yes
    (a database being built may gain its tables later, never lose them)."""
    if not path:
        return False
    if _known.get(path):
        return True
    try:
        with closing(sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)) as conn:
            names = {row[0] for row in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
    except sqlite3.Error:
        return False
    _known[path] = QUOTEDB_TABLES <= names
    return _known[path]
