"""Size limits that keep one bad file from exhausting memory."""

from __future__ import annotations

import os

#: Largest single-article file (.txt, .html) read; checked on the file size before reading.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: Largest HTML page handed to the extractor: markup outweighs text several times over.
MAX_HTML_BYTES = 4 * MAX_ARTICLE_BYTES
#: Largest article text taken from one JSON line, JSON item or CSV row.
MAX_ARTICLE_CHARS = 5 * 1024 * 1024
#: Largest CSV field; csv's own default (128 KiB) is shorter than a long article.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
#: Largest JSON line or whole-object JSON file read into memory at once.
MAX_JSON_LINE_CHARS = 16 * 1024 * 1024
MAX_JSON_OBJECT_BYTES = 64 * 1024 * 1024


def mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def read_bounded(path: str, limit: int, what: str) -> bytes | str:
    """The file's bytes, or why not: its size is checked before anything is read."""
    size = os.stat(path).st_size
    if size > limit:
        return f"too large: {mb(size)}, more than {mb(limit)} for {what}"
    with open(path, "rb") as f:
        return f.read()
