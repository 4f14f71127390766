"""The Datasette site: one factory used by `quotedb serve` and by the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from datasette.app import Datasette
from datasette.plugins import pm

from quotedb import datasette_plugin

ROOT = Path(__file__).resolve().parents[1]
METADATA = ROOT / "metadata.yml"
TEMPLATES = ROOT / "templates"
PLUGINS = ROOT / "plugins"
DATABASE = "quotes"
# Facet suggestions run a query per column on every table page; at a million quotes one of
# them is interrupted and Datasette answers 400 for the whole page (benchmarks/README.md).
SETTINGS: dict[str, Any] = {"suggest_facets": False}


def load_metadata(path: str | Path = METADATA, database: str = DATABASE) -> dict[str, Any]:
    """metadata.yml, with its `quotes` section renamed when the file is not quotes.db."""
    metadata = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    databases = metadata.get("databases", {})
    if database != DATABASE and DATABASE in databases:
        databases[database] = databases.pop(DATABASE)
    if database != DATABASE:
        _rename_dashboard_database(metadata, database)
    return metadata


def _rename_dashboard_database(metadata: dict[str, Any], database: str) -> None:
    """Charts and filters of datasette-dashboards name their database (`db: quotes`) too."""
    dashboards = (metadata.get("plugins") or {}).get("datasette-dashboards") or {}
    for dashboard in dashboards.values():
        for part in (*(dashboard.get("charts") or {}).values(), *(dashboard.get("filters") or {}).values()):
            if part.get("db") == DATABASE:
                part["db"] = database


def make_datasette(
    db_path: str | Path,
    *,
    immutable: bool = True,
    metadata_path: str | Path = METADATA,
    settings: dict[str, Any] | None = None,
) -> Datasette:
    """A Datasette instance serving the database with metadata.yml and the site's plugins.

    Immutable by default: Datasette then counts rows once and lets browsers cache pages.
    """
    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"{db_path}: no such database; run `quotedb build` first")
    if pm.get_plugin("quotedb") is None and not pm.is_registered(datasette_plugin):
        pm.register(datasette_plugin, name="quotedb")
    return Datasette(
        files=[] if immutable else [str(db_path)],
        immutables=[str(db_path)] if immutable else [],
        metadata=load_metadata(metadata_path, db_path.stem),
        settings={**SETTINGS, **(settings or {})},
        template_dir=str(TEMPLATES) if TEMPLATES.is_dir() else None,
        plugins_dir=str(PLUGINS) if PLUGINS.is_dir() else None,
    )
