"""Which field of a JSON object or CSV row holds the text, and which hold the metadata.

Exports name the same thing many ways (`date`, `published_at`, `datePublished`...);
names are compared lower-cased with punctuation removed, and the first name listed
that is present wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from quotedb.model import ArticleMeta
from quotedb.read.dates import parse_date

TEXT_FIELDS: tuple[str, ...] = ("text", "body", "content", "article", "articletext", "fulltext", "maintext")
META_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": (
        "published", "date", "publicationdate", "publishedat", "datepublished",
        "datepublish", "publishdate", "pubdate",
    ),
    "source": ("source", "publisher", "sourcedomain", "sitename", "site", "outlet"),
    "author": ("author", "authors", "byline", "creator"),
    "section": ("section", "category", "categories"),
    "url": ("url", "canonicalurl", "link"),
}
_NOT_ALNUM = re.compile(r"[\W_]+")


def normalise(name: str) -> str:
    return _NOT_ALNUM.sub("", name).lower()


class NoTextField(Exception):
    """The record has no field this reader takes for article text."""


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Where each value sits in a record: dict keys for JSON, column indexes for CSV."""

    text: object
    meta: tuple[tuple[str, object], ...]

    def meta_of(self, record: Mapping[str, object] | Sequence[object]) -> ArticleMeta:
        found = {}
        for field, key in self.meta:
            try:
                value = record[key]  # type: ignore[index]
            except (IndexError, KeyError):
                continue
            cleaned = parse_date(value) if field == "published" else as_text(value)
            if cleaned is not None:
                found[field] = cleaned
        return ArticleMeta(**found)


def field_map(names: Sequence[str], text_column: str | None = None) -> FieldMap:
    """Map a header (or an object's keys); raises NoTextField naming what there is."""
    return _field_map(tuple(names), text_column)


@lru_cache(maxsize=256)
def _field_map(names: tuple[str, ...], text_column: str | None) -> FieldMap:
    by_norm: dict[str, int] = {}
    for i, name in enumerate(names):
        by_norm.setdefault(normalise(str(name)), i)
    if text_column is not None:
        if text_column in names:
            index: int | None = names.index(text_column)
        else:
            index = by_norm.get(normalise(text_column))
        if index is None:
            raise NoTextField(f"no column {text_column!r} (columns: {_list(names)})")
    else:
        index = next((by_norm[n] for n in TEXT_FIELDS if n in by_norm), None)
        if index is None:
            raise NoTextField(
                f"no text field: expected one of {', '.join(TEXT_FIELDS[:4])} (found: {_list(names)})"
            )
    meta = []
    for field, candidates in META_FIELDS.items():
        hit = next((by_norm[n] for n in candidates if n in by_norm and by_norm[n] != index), None)
        if hit is not None:
            meta.append((field, hit))
    return FieldMap(index, tuple(meta))


def key_map(keys: Sequence[str], text_column: str | None = None) -> FieldMap:
    """The map for a JSON object, addressed by key; objects of one export share it."""
    return _key_map(tuple(keys), text_column)


@lru_cache(maxsize=256)
def _key_map(keys: tuple[str, ...], text_column: str | None) -> FieldMap:
    fmap = _field_map(keys, text_column)
    return FieldMap(keys[fmap.text], tuple((f, keys[i]) for f, i in fmap.meta))  # type: ignore[index]


def as_text(value: object) -> str | None:
    """A metadata value as one string: lists joined, {"name": ...} objects unwrapped."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, Mapping):
        return as_text(value.get("name") or value.get("title"))
    if isinstance(value, Iterable):
        parts = [p for p in (as_text(v) for v in value) if p]
        return ", ".join(dict.fromkeys(parts)) or None
    return str(value)


def _list(names: Iterable[str]) -> str:
    shown = [str(n) for n in names]
    return ", ".join(shown) if shown else "none"
