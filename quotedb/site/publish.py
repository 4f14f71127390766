"""The Datasette app of `quotedb serve` and of the tests: the database and a few settings.

Everything else (metadata, templates, SQL functions, facets, pages) comes from the
plugin in `quotedb.site`, which Datasette loads through its entry point, exactly as
plain `datasette quotes.db` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datasette.app import Datasette

# Facet suggestions run a query per column on every table page; at a million quotes one of
# them is interrupted and Datasette answers 400 for the whole page (benchmarks/README.md).
SETTINGS: dict[str, Any] = {"suggest_facets": False}


def make_datasette(db_path: str | Path, *, immutable: bool = True, settings: dict[str, Any] | None = None) -> Datasette:
    """A Datasette instance serving the database as the site.

    Immutable by default: Datasette then counts rows once and lets browsers cache pages.
    """
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"{db_path}: no such database; run `quotedb build` first")
    return Datasette(
        files=[] if immutable else [str(db_path)],
        immutables=[str(db_path)] if immutable else [],
        settings={**SETTINGS, **(settings or {})},
    )
