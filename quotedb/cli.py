"""The `quotedb` command: a thin click layer; the work is done in plain functions elsewhere."""

from __future__ import annotations

import click

from quotedb import __version__


@click.group()
@click.version_option(__version__, prog_name="quotedb")
def cli() -> None:
    """Build, search and publish a database of who said what in news articles."""
