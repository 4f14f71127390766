"""JSON Lines (one article a line) and JSON (one article, or an array of them).

Both stream: JSON Lines line by line with a cap on line length, a JSON array item
by item through ijson, so a file of any size keeps memory flat. A bad line is an
error for that line only; a JSON array cannot be resynchronised after a syntax
error, so its items up to the error are kept and the rest is reported.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import IO

from quotedb.model import Article, ReadError
from quotedb.read.decode import DecodeFailure, Decoding, sniff_file
from quotedb.read.fields import NoTextField, key_map
from quotedb.read.limits import MAX_JSON_LINE_CHARS, MAX_JSON_OBJECT_BYTES, mb
from quotedb.read.records import record_article

#: Keys under which exports wrap their list of articles: {"articles": [...]}.
WRAPPER_KEYS = ("articles", "items", "data", "results", "records", "documents", "docs", "stories")


def read_jsonl_file(path: str, origin: str, text_column: str | None = None) -> Iterator[Article | ReadError]:
    try:
        decoding = sniff_file(path, origin)
    except DecodeFailure as e:
        yield ReadError(origin, str(e))
        return
    warnings = _warnings(decoding)
    with open(path, encoding=decoding.codec, newline="") as f:
        for number, line in _lines(f):
            locator = f"line {number}"
            if line is None:
                yield ReadError(origin, f"line longer than {mb(MAX_JSON_LINE_CHARS)}", locator)
                continue
            if not line.strip():
                continue
            try:
                value = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as e:
                yield ReadError(origin, f"invalid JSON: {e.msg} (column {e.colno})", locator)
                continue
            yield _article(value, origin, locator, warnings, text_column)


def read_json_file(path: str, origin: str, text_column: str | None = None) -> Iterator[Article | ReadError]:
    try:
        decoding = sniff_file(path, origin)
    except DecodeFailure as e:
        yield ReadError(origin, str(e))
        return
    warnings = _warnings(decoding)
    with open(path, encoding=decoding.codec, newline="") as f:
        first = f.read(4096).lstrip()[:1]
        f.seek(0)
        if first == "[":
            yield from _array(_Utf8Reader(f), origin, warnings, text_column)
            return
        if first != "{":
            yield ReadError(origin, "invalid JSON: expected an object or an array")
            return
        size = os.stat(path).st_size
        if size > MAX_JSON_OBJECT_BYTES:
            yield ReadError(
                origin,
                f"too large: a single JSON object of {mb(size)}; write an array or JSON Lines instead",
            )
            return
        try:
            value = json.load(f)
        except json.JSONDecodeError as e:
            yield ReadError(origin, f"invalid JSON: {e.msg} (line {e.lineno}, column {e.colno})")
            return
    items = _wrapped(value)
    if items is None:
        yield _article(value, origin, None, warnings, text_column)
        return
    for number, item in enumerate(items, 1):
        yield _article(item, origin, f"item {number}", warnings, text_column)


def _array(f: "_Utf8Reader", origin: str, warnings: tuple[str, ...], text_column: str | None):
    import ijson

    number = 0
    try:
        for number, item in enumerate(ijson.items(f, "item", use_float=True), 1):
            yield _article(item, origin, f"item {number}", warnings, text_column)
    except ijson.JSONError as e:
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        yield ReadError(origin, f"invalid JSON after item {number}: {reason}", f"item {number + 1}")


def _wrapped(value: object) -> list[object] | None:
    """The article list of a wrapper object, or None if the object is itself an article."""
    if not isinstance(value, dict):
        return None
    try:
        key_map([k for k in value if isinstance(k, str)])
        return None
    except NoTextField:
        pass
    for key in WRAPPER_KEYS:
        items = value.get(key)
        if isinstance(items, list):
            return items
    return None


def _article(value: object, origin: str, locator: str | None, warnings: tuple[str, ...], text_column: str | None):
    if not isinstance(value, dict):
        return ReadError(origin, f"expected a JSON object, found {type(value).__name__}", locator)
    keys = list(value)
    try:
        fmap = key_map(keys, text_column)
    except NoTextField as e:
        return ReadError(origin, str(e), locator)
    return record_article(value, fmap, origin, locator, warnings, str(fmap.text))


def _lines(f: IO[str]) -> Iterator[tuple[int, str | None]]:
    """Numbered lines; None for a line over the cap, which is skipped without holding it."""
    number = 0
    while True:
        line = f.readline(MAX_JSON_LINE_CHARS + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_JSON_LINE_CHARS and not line.endswith("\n"):
            while (rest := f.readline(1 << 20)) and not rest.endswith("\n"):
                pass
            yield number, None
            continue
        yield number, line


def _warnings(decoding: Decoding) -> tuple[str, ...]:
    return (decoding.warning,) if decoding.warning else ()


class _Utf8Reader:
    """A text file seen as UTF-8 bytes, which is what ijson reads whatever the file's encoding."""

    def __init__(self, f: IO[str]) -> None:
        self._f = f

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""
        return self._f.read(size if size < 0 else max(size // 4, 1)).encode("utf-8")
