"""Plain-text files: one article a file, metadata from the text's own header and footer lines."""

from __future__ import annotations

import os
from collections.abc import Iterator

from quotedb.model import Article, ReadError
from quotedb.read.decode import DecodeFailure, decode_bytes
from quotedb.read.limits import MAX_ARTICLE_BYTES, mb
from quotedb.read.plaintext import article_from_text


def read_text_file(path: str, origin: str, text_column: str | None = None) -> Iterator[Article | ReadError]:
    size = os.stat(path).st_size
    if size > MAX_ARTICLE_BYTES:
        yield ReadError(origin, f"too large: {mb(size)}, more than {mb(MAX_ARTICLE_BYTES)} for one article")
        return
    with open(path, "rb") as f:
        data = f.read()
    try:
        text, decoding = decode_bytes(data, origin)
    except DecodeFailure as e:
        yield ReadError(origin, str(e))
        return
    warnings = (decoding.warning,) if decoding.warning else ()
    yield article_from_text(text, origin, warnings=warnings)
