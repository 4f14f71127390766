"""Splitting the input into partitions: the unit a worker extracts and writes.

A partition is a list of pieces, each a file or a range of the items the reader gives
for it (`first` to `stop`, 0-based, `stop` None for the rest of the file). A large CSV,
TSV or JSON Lines file is cut into ranges of `size` rows; small files (one article each)
are grouped, `size` files a partition, in the order `quotedb build` reads them. Which
rows a range holds is counted by the reader itself on the worker, so a range always means
the same articles, with the same locators, as a build reads (`row 12` stays row 12).

A partition's name is stable for the same files and ranges; its `input_hash` covers the
files' bytes too, so a re-run recognises partitions already written (`quotedb.distributed.run`).
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quotedb.build import iter_files
from quotedb.store.writer import FileState

# Rows per partition: a few seconds of extraction on one core (BBC: ~1,000 articles/s),
# large enough that scheduling and file overhead vanish, small enough to spread over workers.
PARTITION_SIZE = 2_000

_RANGED = {".csv", ".tsv", ".jsonl", ".ndjson"}


@dataclass(frozen=True, slots=True)
class Piece:
    path: str  # as `quotedb build` names the file (the origin of its articles)
    location: str  # where a worker opens it (absolute)
    size: int
    mtime: float
    sha256: str
    first: int = 0
    stop: int | None = None

    @property
    def state(self) -> FileState:
        return FileState(self.path, self.size, self.mtime, self.sha256)

    def as_dict(self) -> dict:
        return {f: getattr(self, f) for f in self.__slots__}


@dataclass(frozen=True, slots=True)
class Partition:
    name: str
    pieces: tuple[Piece, ...]

    @property
    def input_hash(self) -> str:
        digest = hashlib.sha256()
        for p in self.pieces:
            digest.update(f"{p.path}\0{p.sha256}\0{p.first}\0{p.stop}\n".encode())
        return digest.hexdigest()


def plan(paths: Iterable[str | Path], size: int = PARTITION_SIZE, text_column: str | None = None) -> list[Partition]:
    """The partitions of the files under `paths`, in the order a build reads them."""
    partitions: list[Partition] = []
    group: list[Piece] = []

    def close_group() -> None:
        if group:
            partitions.append(Partition(_name(group[0], [p.path for p in group]), tuple(group)))
            group.clear()

    for path in iter_files(paths):
        state = FileState.of(path).hashed()
        whole = Piece(path, os.path.abspath(path), state.size, state.mtime, state.sha256)
        if Path(path).suffix.lower() not in _RANGED:
            group.append(whole)
            if len(group) >= size:
                close_group()
            continue
        close_group()
        rows = _count_rows(path)
        for first in range(0, max(rows, 1), size):
            stop = first + size if first + size < rows else None
            piece = Piece(whole.path, whole.location, whole.size, whole.mtime, whole.sha256, first, stop)
            partitions.append(Partition(_name(piece, [piece.path]), (piece,)))
    close_group()
    return partitions


def _name(first: Piece, paths: list[str]) -> str:
    """Readable and stable: the first file's stem, a digest of the files, the first row."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(first.path).stem)[:40] or "file"
    digest = hashlib.sha1("\n".join(paths).encode()).hexdigest()[:10]
    return f"{stem}-{digest}-{first.first:09d}"


def _count_rows(path: str) -> int:
    """About how many items the reader will give: records for CSV, lines for JSON Lines.

    Only where the ranges fall depends on it: the last range takes whatever is left, so a
    count that is off (an unreadable row, a blank line) moves no article."""
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        if Path(path).suffix.lower() in {".csv", ".tsv"}:
            delimiter = "\t" if path.lower().endswith(".tsv") else ","
            try:
                return max(sum(1 for row in csv.reader(_lines(f), delimiter=delimiter) if row) - 1, 0)
            except csv.Error:  # a row the reader will report; count lines instead
                f.seek(0)
        return sum(1 for line in f if line.strip())


def _lines(f) -> Iterator[str]:
    """Lines without NUL bytes, which the csv module refuses and the reader reports per row."""
    for line in f:
        yield line.replace("\0", "")
