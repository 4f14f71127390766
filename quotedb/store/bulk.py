"""Multi-row INSERTs, in a few fixed sizes.

One statement for many rows, not one per row: each statement is a statement transaction,
at which the full-text index writes out its pending terms. But every distinct statement
is compiled and kept in the connection's statement cache, and one of 500 rows of quotes is
about a megabyte: rows go in 500 at a time, and the rest in power-of-two sizes, so a build
keeps at most a dozen such statements per table instead of one per row count.
"""

from __future__ import annotations

MOST = 500


def chunk_sizes(count: int, most: int = MOST) -> list[int]:
    """`count` split into `most`-sized pieces, then the powers of two the rest is made of."""
    sizes = [most] * (count // most)
    rest = count % most
    bit = 1 << (most.bit_length() - 1)
    while rest:
        if rest >= bit:
            sizes.append(bit)
            rest -= bit
        bit >>= 1
    return sizes


def insert_rows(db, statement: str, rows: list[tuple]) -> None:
    """Run `INSERT ... VALUES (?, ...)` for every row, many rows per statement."""
    width = statement.count("?")
    head = statement[: statement.rindex("VALUES") + len("VALUES")]
    one = "(" + ", ".join("?" * width) + ")"
    start = 0
    for size in chunk_sizes(len(rows)):
        chunk = rows[start : start + size]
        start += size
        db.execute(f"{head} {', '.join([one] * size)}", [value for row in chunk for value in row])
