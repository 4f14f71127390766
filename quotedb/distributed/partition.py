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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
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
    # A byte range of a UTF-8 file: the worker reads the header (bytes up to `header`)
    # and bytes `byte_start`..`byte_stop` (None: to the end), and numbers its rows and
    # lines from `numbered` on, as the reader numbers them in the whole file. Without
    # one (`byte_start` None) the worker reads the file and keeps items `first`..`stop`.
    byte_start: int | None = None
    byte_stop: int | None = None
    header: int = 0
    numbered: int = 0

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


def plan(paths: Iterable[str | Path], size: int = PARTITION_SIZE, mapper: Callable = map) -> list[Partition]:
    """The partitions of the files under `paths`, in the order a build reads them.

    Hashing the files and finding the ranges of the large ones reads every byte once:
    `mapper` (like `map`, and in order) may spread that over a cluster's workers."""
    files = [(path, os.path.abspath(path)) for path in iter_files(paths)]
    batches = [files[i : i + _FILES_PER_TASK] for i in range(0, len(files), _FILES_PER_TASK)]
    partitions: list[Partition] = []
    group: list[Piece] = []

    def close_group() -> None:
        if group:
            partitions.append(Partition(_name(group[0], [p.path for p in group]), tuple(group)))
            group.clear()

    for described in mapper(describe_files, batches, [size] * len(batches)):
        for pieces in described:
            if not _ranged(pieces[0].path):
                group.append(pieces[0])
                if len(group) >= size:
                    close_group()
                continue
            close_group()
            partitions.extend(Partition(_name(piece, [piece.path]), (piece,)) for piece in pieces)
    close_group()
    return partitions


# Files described by one task: small files are many, and one task each would cost more
# in scheduling than hashing them.
_FILES_PER_TASK = 64


def describe_files(files: list[tuple[str, str]], size: int) -> list[list[Piece]]:
    """Each file as its pieces: hashed, and a CSV/TSV/JSON Lines file cut into ranges."""
    described = []
    for path, location in files:
        state = FileState.of(location).hashed()
        whole = Piece(path, location, state.size, state.mtime, state.sha256)
        if not _ranged(path):
            described.append([whole])
        else:
            described.append([replace(whole, **r) for r in _ranges(location, size)])
    return described


def _ranged(path: str) -> bool:
    return Path(path).suffix.lower() in _RANGED


def _name(first: Piece, paths: list[str]) -> str:
    """Readable and stable: the first file's stem, a digest of the files, the first row."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(first.path).stem)[:40] or "file"
    digest = hashlib.sha1("\n".join(paths).encode()).hexdigest()[:10]
    return f"{stem}-{digest}-{first.first:09d}"


def _ranges(path: str, size: int) -> list[dict]:
    """Ranges of `size` items: byte ranges where the file is plain UTF-8 and its records
    could be found here, else item ranges (read from the start and skipped on the worker)."""
    from quotedb.read.decode import DecodeFailure, Decoding, sniff_file

    try:
        plain = sniff_file(path, path) == Decoding("utf-8")
    except DecodeFailure:
        plain = False
    bounds = _byte_bounds(path, size) if plain else None
    if bounds is not None:
        header, marks = bounds
        ranges = []
        for k, (first, offset, numbered) in enumerate(marks):
            last = k + 1 == len(marks)
            ranges.append(dict(
                first=first, stop=None if last else marks[k + 1][0], byte_start=offset,
                byte_stop=None if last else marks[k + 1][1], header=header, numbered=numbered,
            ))
        return ranges
    rows = _count_items(path)
    return [dict(first=first, stop=first + size if first + size < rows else None) for first in range(0, max(rows, 1), size)]


def _byte_bounds(path: str, size: int) -> tuple[int, list[tuple[int, int, int]]] | None:
    """(header bytes, [(items before, byte offset, rows or lines before)] at every `size`
    items), counting as the reader does: CSV records after the header that are not blank,
    JSON Lines lines that are not blank. None where the csv module fails on a record (the
    reader reports it; item ranges keep that report exact)."""
    tabular = Path(path).suffix.lower() in {".csv", ".tsv"}
    marks: list[tuple[int, int, int]] = []
    with open(path, "rb") as f:
        position = [0]

        def lines() -> Iterator[str]:
            for line in f:
                position[0] += len(line)
                yield line.decode("utf-8")

        if not tabular:
            items = lines_before = 0
            start = 0
            for line in lines():
                if line.strip():
                    if items % size == 0:
                        marks.append((items, start, lines_before))
                    items += 1
                lines_before += 1
                start = position[0]
            return (0, marks) if marks else None
        delimiter = _delimiter_of(path, f.readline(1 << 16).decode("utf-8", errors="replace"))
        f.seek(0)
        records = csv.reader(lines(), delimiter=delimiter)
        try:
            next(records)
            header = start = position[0]
            items = 0
            for row in records:
                if row:
                    if items % size == 0:
                        marks.append((items, start, items))
                    items += 1
                start = position[0]
        except (csv.Error, StopIteration):
            return None
    return (header, marks) if marks else None


def _count_items(path: str) -> int:
    """About how many items the reader will give: records for CSV, lines for JSON Lines.

    Only where the ranges fall depends on it: the last range takes whatever is left, so a
    count that is off (an unreadable row, a blank line) moves no article."""
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        if Path(path).suffix.lower() in {".csv", ".tsv"}:
            delimiter = _delimiter_of(path, f.readline(1 << 16))
            f.seek(0)
            try:
                return max(sum(1 for row in csv.reader(_no_nul(f), delimiter=delimiter) if row) - 1, 0)
            except csv.Error:  # a row the reader will report; count lines instead
                f.seek(0)
        return sum(1 for line in f if line.strip())


def _delimiter_of(path: str, first_line: str) -> str:
    from quotedb.read.csvfile import _delimiter  # the reader's own choice (and its csv field limit)

    return "\t" if path.lower().endswith(".tsv") else _delimiter(first_line)


def _no_nul(f) -> Iterator[str]:
    """Lines without NUL bytes, which the csv module refuses and the reader reports per row."""
    for line in f:
        yield line.replace("\0", "")
