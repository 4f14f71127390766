"""`quotedb load OUT/ --db quotes.db`: Parquet partitions into SQLite, the rows of a build.

The partitions' articles go through the same path as `quotedb build`: each extraction is
checked and laid out (`quotedb.store.prepare`), stored by the one `Writer` in groups
(`quotedb.build.store_steps`: each article all-or-nothing, many per transaction), and
settled. So a load gives the rows a build of the same files gives.

Incremental: a file whose every partition was loaded before by the same parser version
(its `source_files` row matches the manifest's size and hash) is skipped without reading
its Parquet; an article already stored is only recorded at its position. Files are read
in path order, as `quotedb build` reads one folder. A load never deletes: the articles of
a file that is no longer extracted stay (a build of the folder removes them).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

from quotedb.build import ArticleStep, FileEnd, Step, Summary, parser_version, store_steps
from quotedb.distributed.run import manifests
from quotedb.distributed.schema import articles_of
from quotedb.model import ReadError, Skipped
from quotedb.store import migrate
from quotedb.store.database import close_bulk, make_engine
from quotedb.store.prepare import Prepared, prepare
from quotedb.store.writer import FileState, Writer


class NotAnExtraction(ValueError):
    """The folder holds no finished partition."""


def load(
    out: str | Path,
    db_path: str | Path,
    *,
    on_error: Callable[[str], None] | None = None,
) -> Summary:
    """Store every partition in `out` that the database does not hold yet; see the module docstring."""
    out = Path(out)
    found = manifests(out) if out.is_dir() else []
    if not found:
        raise NotAnExtraction(f"{out}: no extracted partitions (write them with `quotedb extract --to parquet {out}`)")
    version = parser_version()
    summary = Summary()
    fail = summary.failure(on_error)

    usable = []
    for manifest in found:
        if manifest["parser_version"] != version:
            fail(f"partition {manifest['name']}: extracted by {manifest['parser_version']!r}, this quotedb is {version!r}: extract again")
        else:
            usable.append(manifest)
    migrate.upgrade(db_path)
    engine = make_engine(db_path, bulk=True)
    writer = Writer(engine, version)
    gc.freeze()
    try:
        with writer.batch():
            store_steps(_steps(out, usable, writer, summary, fail), writer, summary, fail)
            writer.commit()
            writer.settle()
        summary.quotes, summary.speakers = _totals(engine)
    finally:
        gc.unfreeze()
        engine.dispose()
        close_bulk(db_path)
    return summary


def _steps(out: Path, found: list[dict], writer: Writer, summary: Summary, fail) -> Iterator[tuple[Step, Prepared | str | None]]:
    """Each file's articles in order with their prepared rows, then its end; files whose
    partitions were all loaded before are skipped whole."""
    cache: dict[str, list] = {}
    for path, parts in _by_file(found):
        piece = parts[0][1]
        state = FileState(path, piece["size"], piece["mtime"], piece["sha256"])
        if _covered(parts) and writer.file_is_current(state):
            summary.unchanged += writer.articles_in_file(path)
            continue
        seen: set[str] | None = set() if writer.articles_in_file(path) else None
        complete = [_covered(parts)]
        if not complete[0]:
            fail(f"{path}: not every partition of it is extracted (see `quotedb extract --to parquet`)")
        count = 0
        for manifest, _ in parts:
            for skip in manifest["skipped"]:
                if skip["origin"] == path:
                    complete[0] = False
                    yield Skipped(**skip), None
            # Read errors where the reader met them, between the articles, as in a build.
            errors = [(e["item"], ReadError(e["origin"], e["message"], e["locator"])) for e in manifest["errors"] if e["origin"] == path]
            articles = [a for a in _articles(out, manifest["name"], cache) if a[1].origin == path]
            for item, value in sorted([*errors, *((a[0], a) for a in articles)], key=lambda pair: pair[0]):
                if isinstance(value, ReadError):
                    complete[0] = False
                    yield value, None
                    continue
                _, article, extraction, error = value
                count += 1
                if seen is not None:
                    seen.add(article.locator or "")
                yield _step(writer, article, extraction, error, complete)
        yield FileEnd(state, seen, complete, count), None


def _step(writer: Writer, article, extraction, error: str | None, complete: list[bool]) -> tuple[ArticleStep, Prepared | str | None]:
    """What a build worker would have handed back for the article: nothing if it is stored
    already, its error, or its rows laid out (`prepare`, which checks every offset)."""
    if writer.is_current(article):
        return ArticleStep(article, False, complete), None
    if error is not None:
        return ArticleStep(article, True, complete), error
    try:
        return ArticleStep(article, True, complete), prepare(article, extraction)
    except Exception as exc:  # noqa: BLE001 - reported by article, as a build does
        return ArticleStep(article, True, complete), f"{type(exc).__name__}: {exc}"


def _by_file(found: list[dict]) -> list[tuple[str, list[tuple[dict, dict]]]]:
    files: dict[str, list[tuple[dict, dict]]] = {}
    for manifest in found:
        for piece in manifest["pieces"]:
            files.setdefault(piece["path"], []).append((manifest, piece))
    return list(files.items())


def _covered(parts: list[tuple[dict, dict]]) -> bool:
    """The pieces are one extraction of the same bytes and cover the whole file."""
    pieces = sorted((p for _, p in parts), key=lambda p: p["first"])
    if len({p["sha256"] for p in pieces}) != 1 or pieces[0]["first"] != 0 or pieces[-1]["stop"] is not None:
        return False
    return all(a["stop"] == b["first"] for a, b in zip(pieces, pieces[1:]))


def _articles(out: Path, name: str, cache: dict[str, list]) -> list:
    """The partition's articles with their extractions; the last one read is kept in
    `cache`, as a group of small files is one partition read once per file."""
    if name not in cache:
        import pyarrow.parquet as pq

        cache.clear()
        tables = [pq.ParquetFile(out / sub / f"{name}.parquet").read() for sub in ("articles", "quotes", "events")]
        cache[name] = list(articles_of(*tables))
    return cache[name]


def _totals(engine) -> tuple[int, int]:
    from sqlalchemy import func, select

    from quotedb.store import models

    with engine.connect() as conn:
        return (
            conn.execute(select(func.count()).select_from(models.Quote)).scalar_one(),
            conn.execute(select(func.count()).select_from(models.Speaker)).scalar_one(),
        )
