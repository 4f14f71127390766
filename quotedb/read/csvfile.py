"""CSV corpora: one article a row, read row by row so a million rows keep memory flat.

The text column is found by name (`text`, `body`, `content`, `article`, any case)
unless the caller names it. A row that cannot be parsed is an error for that row;
the file goes on. Blank lines are not rows, so "row N" is the Nth record after the
header, as pandas would number it from 1.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from quotedb.model import Article, ReadError
from quotedb.read.decode import DecodeFailure, sniff_file
from quotedb.read.fields import NoTextField, field_map
from quotedb.read.limits import CSV_FIELD_LIMIT, mb
from quotedb.read.records import record_article

csv.field_size_limit(CSV_FIELD_LIMIT)

_DELIMITERS = (",", ";", "\t", "|")


def read_csv_file(path: str, origin: str, text_column: str | None = None) -> Iterator[Article | ReadError]:
    try:
        decoding = sniff_file(path, origin)
    except DecodeFailure as e:
        yield ReadError(origin, str(e))
        return
    warnings = (decoding.warning,) if decoding.warning else ()
    with open(path, encoding=decoding.codec, newline="") as f:
        first_line = f.readline(1 << 16)
        f.seek(0)
        delimiter = "\t" if path.lower().endswith(".tsv") else _delimiter(first_line)
        reader = csv.reader(f, delimiter=delimiter)
        try:
            header = next(reader)
        except (StopIteration, csv.Error) as e:
            yield ReadError(origin, f"no readable header row: {e}" if str(e) else "no header row")
            return
        try:
            fmap = field_map(header, text_column)
        except NoTextField as e:
            yield ReadError(origin, str(e))
            return
        text_name = header[fmap.text]  # type: ignore[index]
        number = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                number += 1
                message = str(e)
                if "field larger than field limit" in message:
                    message = f"too large: a field over {mb(CSV_FIELD_LIMIT)}"
                yield ReadError(origin, f"unreadable row: {message}", f"row {number}")
                continue
            if not row:
                continue
            number += 1
            if len(row) <= fmap.text:  # type: ignore[operator]
                yield ReadError(
                    origin, f"row has {len(row)} fields but the header has {len(header)}", f"row {number}"
                )
                continue
            yield record_article(row, fmap, origin, f"row {number}", warnings, text_name)
        if number == 0:
            yield ReadError(origin, "no rows after the header")


def _delimiter(line: str) -> str:
    """The separator the header line uses most, outside quotes; a comma when in doubt."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
