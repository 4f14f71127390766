"""One JSON object or CSV row to an Article, shared by the JSON and CSV readers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quotedb.model import Article, ReadError
from quotedb.read.fields import FieldMap
from quotedb.read.limits import MAX_ARTICLE_CHARS, mb
from quotedb.read.plaintext import article_from_text


def record_article(
    record: Mapping[str, object] | Sequence[object],
    fmap: FieldMap,
    origin: str,
    locator: str | None,
    warnings: tuple[str, ...],
    field_name: str,
) -> Article | ReadError:
    try:
        text = record[fmap.text]  # type: ignore[index]
    except (IndexError, KeyError):
        return ReadError(origin, f"no value for text field {field_name!r}", locator)
    if not isinstance(text, str):
        return ReadError(origin, f"text field {field_name!r} is not a string", locator)
    if not text.strip():
        return ReadError(origin, f"empty text in field {field_name!r}", locator)
    if len(text) > MAX_ARTICLE_CHARS:
        return ReadError(origin, f"too large: {mb(len(text))} of text, more than {mb(MAX_ARTICLE_CHARS)}", locator)
    return article_from_text(text, origin, given=fmap.meta_of(record), locator=locator, warnings=warnings)
