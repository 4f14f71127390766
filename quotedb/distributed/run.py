"""`quotedb extract --to parquet OUT/`: partitions extracted on a Dask cluster, written as Parquet.

The partitions are planned (`quotedb.distributed.partition`: the files hashed and the
large ones cut into ranges, on the workers), those already written by the same parser
version from the same input bytes are skipped, and the others submitted to the cluster
(a `LocalCluster`, or any scheduler address); each worker reads its pieces
with the real reader, runs the public `quotedb.extract.extract` on every article, and
writes the partition's three tables (`quotedb.distributed.schema`).

Layout of OUT/: `articles/NAME.parquet`, `quotes/NAME.parquet`, `events/NAME.parquet`,
and `_partitions/NAME.json`, the partition's manifest (pieces, input hash, parser
version, counts, read errors), written last. Every file is written under a temporary
name and renamed into place, and a partition exists only once its manifest does, so a
reader (`quotedb load`, DuckDB on `quotes/*.parquet` after a finished run) never sees
half a partition. A partition that raises is retried by Dask (`RETRIES`), then reported
by name; the others are kept.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from quotedb.distributed.partition import PARTITION_SIZE, Partition, Piece, plan
from quotedb.model import ReadError

RETRIES = 2
# Articles written as one Parquet row group: a worker holds at most this many.
ROW_GROUP = 500
MANIFESTS = "_partitions"


@dataclass
class ExtractSummary:
    partitions: int = 0
    written: int = 0
    skipped: int = 0
    removed: int = 0
    articles: int = 0
    quotes: int = 0
    failed: list[str] = field(default_factory=list)  # partition names
    errors: list[str] = field(default_factory=list)  # read and extraction errors, by file

    def line(self) -> str:
        text = (
            f"Partitions: {self.written} written, {self.skipped} already written, {len(self.failed)} failed"
            f" (of {self.partitions}). Articles: {self.articles}. Quotes: {self.quotes}."
        )
        if self.removed:
            text += f" Stale partitions removed: {self.removed}."
        return text


def extract_to_parquet(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    size: int = PARTITION_SIZE,
    text_column: str | None = None,
    on_error: Callable[[str], None] | None = None,
    client=None,
) -> ExtractSummary:
    """Extract every partition not yet in `out` on the cluster; see the module docstring.

    `client`: an open `distributed.Client` to use instead of making one from `scheduler`
    (an address) or `workers` (a LocalCluster of that many one-thread processes)."""
    from quotedb.build import parser_version

    out = Path(out).resolve()
    for sub in ("articles", "quotes", "events", MANIFESTS):
        (out / sub).mkdir(parents=True, exist_ok=True)
    version = parser_version()
    from distributed import as_completed

    with _client(client, scheduler, workers) as c:
        partitions = plan(paths, size, mapper=lambda f, *lists: c.gather(c.map(f, *lists, pure=False)))
        summary = ExtractSummary(partitions=len(partitions))
        summary.removed = _drop_stale(out, partitions)
        todo = []
        for partition in partitions:
            manifest = read_manifest(out, partition.name)
            if manifest and manifest["parser_version"] == version and manifest["input_hash"] == partition.input_hash:
                summary.skipped += 1
                _count(summary, manifest, on_error)
            else:
                if manifest:  # out of date: gone before its files are replaced, so never read with them
                    (out / MANIFESTS / f"{partition.name}.json").unlink()
                todo.append(partition)
        futures = c.map(
            extract_partition,
            todo,
            out=str(out),
            version=version,
            text_column=text_column,
            key=[f"quotedb-partition-{p.name}-{p.input_hash[:12]}" for p in todo],
            retries=RETRIES,
            pure=False,
        )
        names = {f.key: p.name for f, p in zip(futures, todo)}
        for future in as_completed(futures):
            name = names[future.key]
            try:
                manifest = future.result()
            except Exception as exc:  # noqa: BLE001 - reported by name; the other partitions go on
                summary.failed.append(name)
                if on_error:
                    on_error(f"partition {name}: {type(exc).__name__}: {exc}")
                continue
            summary.written += 1
            _count(summary, manifest, on_error)
    return summary


def _count(summary: ExtractSummary, manifest: dict, on_error) -> None:
    summary.articles += manifest["articles"]
    summary.quotes += manifest["quotes"]
    for error in manifest["errors"]:
        message = str(ReadError(error["origin"], error["message"], error["locator"]))
        summary.errors.append(message)
        if on_error:
            on_error(message)


@contextmanager
def _client(client, scheduler: str | None, workers: int | None) -> Iterator:
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as c:
            yield c
        return
    with LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    ) as cluster, Client(cluster) as c:
        yield c


def extract_partition(partition: Partition, out: str, version: str, text_column: str | None = None) -> dict:
    """On a worker: read, extract and write one partition; returns its manifest.

    Refuses to run under another parser version than the driver's (a cluster of mixed
    installs would stamp rows with the wrong version)."""
    import pyarrow.parquet as pq

    from quotedb.build import parser_version
    from quotedb.distributed.schema import TABLES, Rows
    from quotedb.extract import extract
    from quotedb.model import Skipped

    here = parser_version()
    if here != version:
        raise RuntimeError(f"worker runs {here!r}, the driver {version!r}: install the same quotedb on every worker")
    root = Path(out)
    targets = {name: root / name / f"{partition.name}.parquet" for name in TABLES}
    temporary = {name: _temporary(path) for name, path in targets.items()}
    writers = {name: pq.ParquetWriter(temporary[name], schema) for name, schema in TABLES.items()}
    rows = Rows(partition.name)
    errors: list[dict] = []
    skipped: list[dict] = []
    articles = quotes = 0

    def write_group() -> None:
        for name, table in rows.tables().items():
            writers[name].write_table(table)
        rows.clear()

    try:
        for piece in partition.pieces:
            for item, value in enumerate(_read_piece(piece, text_column), piece.first):
                if isinstance(value, Skipped):
                    skipped.append({"origin": piece.path, "reason": value.reason})
                    continue
                if isinstance(value, ReadError):
                    errors.append({"origin": piece.path, "locator": value.locator, "message": value.message, "item": item})
                    continue
                article = replace(value, origin=piece.path)
                try:
                    extraction, error = extract(article), None
                except Exception as exc:  # noqa: BLE001 - one article's failure is stored with it
                    extraction, error = None, f"{type(exc).__name__}: {exc}"
                rows.add(article, item, extraction, error)
                articles += 1
                quotes += len(extraction.quotes) if extraction else 0
                if len(rows.columns["articles"]["article"]) >= ROW_GROUP:
                    write_group()
        write_group()
        for writer in writers.values():
            writer.close()
        manifest = {
            "name": partition.name,
            "parser_version": version,
            "input_hash": partition.input_hash,
            "pieces": [p.as_dict() for p in partition.pieces],
            "articles": articles,
            "quotes": quotes,
            "errors": errors,
            "skipped": skipped,
        }
        for name in TABLES:
            os.replace(temporary[name], targets[name])
        _write_atomically(root / MANIFESTS / f"{partition.name}.json", json.dumps(manifest, indent=1))
        return manifest
    finally:
        for name, writer in writers.items():
            writer.close()
            temporary[name].unlink(missing_ok=True)


def _read_piece(piece: Piece, text_column: str | None) -> Iterator:
    """The reader's items of a piece, named and numbered as in the whole file."""
    from quotedb.read import read_file

    if piece.byte_start is None:
        yield from islice(read_file(piece.location, text_column=text_column), piece.first, piece.stop)
        return
    with tempfile.TemporaryDirectory(prefix="quotedb-piece-") as folder:
        part = Path(folder) / Path(piece.path).name
        with open(piece.location, "rb") as source, open(part, "wb") as target:
            target.write(source.read(piece.header))
            source.seek(piece.byte_start)
            left = None if piece.byte_stop is None else piece.byte_stop - piece.byte_start
            while left is None or left > 0:
                block = source.read(1 << 20 if left is None else min(1 << 20, left))
                if not block:
                    break
                target.write(block)
                if left is not None:
                    left -= len(block)
        for value in read_file(str(part), text_column=text_column):
            locator = getattr(value, "locator", None)
            if locator and piece.numbered:
                unit, _, number = locator.partition(" ")
                value = replace(value, locator=f"{unit} {int(number) + piece.numbered}")
            yield value


def _temporary(path: Path) -> Path:
    """A hidden name beside `path`: Spark, pyarrow datasets and `*.parquet` globs skip it."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")


def _write_atomically(path: Path, text: str) -> None:
    temporary = _temporary(path)
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def read_manifest(out: str | Path, name: str) -> dict | None:
    path = Path(out) / MANIFESTS / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def manifests(out: str | Path) -> list[dict]:
    """Every finished partition's manifest, in the order a build reads their files."""
    found = [json.loads(p.read_text(encoding="utf-8")) for p in (Path(out) / MANIFESTS).glob("*.json")]
    return sorted(found, key=lambda m: _order(m["pieces"][0]))


def _order(piece: dict) -> tuple:
    return (Path(piece["path"]).parts, piece["first"])


def _drop_stale(out: Path, partitions: list[Partition]) -> int:
    """Partitions of these files that this plan no longer has (a file that shrank, a group
    that changed): their manifest goes first, so no reader takes them for finished."""
    names = {p.name for p in partitions}
    paths = {piece.path for p in partitions for piece in p.pieces}
    removed = 0
    for manifest in manifests(out):
        if manifest["name"] in names or not any(p["path"] in paths for p in manifest["pieces"]):
            continue
        (out / MANIFESTS / f"{manifest['name']}.json").unlink()
        for sub in ("articles", "quotes", "events"):
            (out / sub / f"{manifest['name']}.parquet").unlink(missing_ok=True)
        removed += 1
    return removed


__all__ = ["ExtractSummary", "extract_partition", "extract_to_parquet", "manifests", "read_manifest"]
