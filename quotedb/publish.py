"""Kept so that `from quotedb.publish import make_datasette` goes on working; the site lives in `quotedb.site`."""

from quotedb.site.publish import SETTINGS, make_datasette

__all__ = ["SETTINGS", "make_datasette"]
