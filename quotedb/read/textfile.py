"""Plain-text files: one article a file, metadata from the text's own header and footer lines."""

from __future__ import annotations

from collections.abc import Iterator

from quotedb.model import Article, ReadError
from quotedb.read.decode import DecodeFailure, decode_bytes
from quotedb.read.limits import MAX_ARTICLE_BYTES, read_bounded
from quotedb.read.plaintext import article_from_text


def read_text_file(path: str, origin: str, text_column: str | None = None) -> Iterator[Article | ReadError]:
    data = read_bounded(path, MAX_ARTICLE_BYTES, "one article")
    if isinstance(data, str):
        yield ReadError(origin, data)
        return
    try:
        text, decoding = decode_bytes(data, origin)
    except DecodeFailure as e:
        yield ReadError(origin, str(e))
        return
    warnings = (decoding.warning,) if decoding.warning else ()
    yield article_from_text(text, origin, warnings=warnings)
