"""Files quotedb needs at run time, found with importlib.resources.

The project keeps `migrations/` and `metadata.yml` at the top of the tree (the agreed
layout); the build backend copies them into the wheel as `quotedb/migrations/` and
`quotedb/site/metadata.yml` (pyproject.toml, force-include). An installed quotedb reads
those copies; a checkout installed in editable mode has no copy and reads the originals,
so there is one file in the tree and one in the wheel, never two to keep in step.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1]


def _shipped(package: str, name: str, original: Path) -> Path:
    packaged = files(package) / name
    if packaged.is_file() or packaged.is_dir():
        return Path(str(packaged))
    if original.exists():
        return original
    raise FileNotFoundError(
        f"{name} is missing from the installed quotedb package ({packaged}); reinstall quotedb"
    )


def migrations() -> Path:
    """Alembic's script folder: env.py, versions/, and head.sql, the schema snapshot."""
    return _shipped("quotedb", "migrations", _CHECKOUT / "migrations")


def metadata_file() -> Path:
    """The site's metadata.yml: titles, descriptions, facets, canned queries."""
    return _shipped("quotedb.site", "metadata.yml", _CHECKOUT / "metadata.yml")
