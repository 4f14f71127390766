"""`quotedb build`: files -> articles -> extract -> writer -> settle, idempotently.

This process reads the files and decides what needs extracting; `quotedb.parallel` fans
extraction out to worker processes, which also check each extraction and lay out its rows
(`quotedb.store.prepare`), and hands the results back in input order; the one `Writer`
stores them in groups (`Writer.write_all`), each article still all-or-nothing, many
groups per transaction. After the last article, `Writer.settle` decides what needs the
rest of the corpus (surname-only speakers, folded quotations), for what changed only; a
large build also settles every `SETTLE_EVERY` new quotes, so its memory stays flat.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from sqlalchemy import func, select

from quotedb import __version__
from quotedb.model import Article, Extraction, ReadError, Skipped
from quotedb.store import migrate, models
from quotedb.store.database import close_bulk, make_engine
from quotedb.parallel import analysed
from quotedb.store.prepare import Prepared, prepare
from quotedb.store.writer import FileState, Writer


def parser_version() -> str:
    """Reader and engine versions together: a change in either re-parses every file."""
    import quotedb.read as read
    from quotedb.extract import ENGINE_VERSION

    from quotedb.store.writer import STORE_VERSION

    return f"read {getattr(read, 'READER_VERSION', __version__)}; extract {ENGINE_VERSION}; store {STORE_VERSION}"


def analyse(article: Article) -> tuple[Article, Extraction]:
    """The engine on one article: pure and picklable."""
    from quotedb.extract import extract

    return article, extract(article)


def prepared(article: Article) -> tuple[Article, Prepared]:
    """What workers run on each article: the extraction, checked and laid out as rows, so
    the writing process only executes SQL."""
    return article, prepare(article, analyse(article)[1])


def read(path: str, text_column: str | None = None) -> Iterator[Article | ReadError | Skipped]:
    from quotedb.read import read_paths

    return read_paths([path], text_column=text_column)


def display_path(path: str | Path) -> str:
    """Relative to the working directory when inside it, so `raw` and `./raw` agree. The
    folder is resolved, not the file: a link is named as itself, so a dangling link or a
    link loop is reported under the name the user sees."""
    path = Path(path)
    absolute = path.parent.resolve() / path.name
    try:
        return str(absolute.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(absolute)


def iter_files(paths: Iterable[str | Path]) -> Iterator[str]:
    """Every file under the given paths, in the reader's order; what the reader passes over
    (hidden files, linked folders) is left out here and never recorded as a source file."""
    from quotedb.read import walk

    for path in paths:
        if os.path.isdir(path):
            yield from (display_path(item) for item in walk(os.fspath(path)) if isinstance(item, str))
        else:
            yield display_path(path)


@dataclass
class Summary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    removed: int = 0
    skipped_files: int = 0
    quotes: int = 0
    speakers: int = 0
    errors: list[str] = field(default_factory=list)

    def count(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def failure(self, on_error: Callable[[str], None] | None) -> Callable[[str], None]:
        """What a build or load calls for each failed article or file: counted, kept, reported."""
        def fail(message: str) -> None:
            self.failed += 1
            self.errors.append(message)
            if on_error:
                on_error(message)
        return fail

    def line(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicates (the same text as another article)")
        parts.append(f"{self.failed} failed")
        if self.removed:
            parts.append(f"{self.removed} removed")
        text = f"Articles: {', '.join(parts)}. Quotes: {self.quotes}. Speakers: {self.speakers}."
        if self.skipped_files:
            text += f" Files skipped (not articles): {self.skipped_files}."
        return text


def build(
    paths: Iterable[str | Path],
    db_path: str | Path,
    *,
    text_column: str | None = None,
    progress: bool = False,
    on_error: Callable[[str], None] | None = None,
    jobs: int | None = None,
) -> Summary:
    """Migrate the database to head, then load every file that changed since the last build.

    `jobs` worker processes extract (default: one per core; 1 extracts in this process);
    this process reads, and writes the results in input order, many articles per
    transaction, so the rows do not depend on `jobs`.
    """
    paths = list(paths)
    for path in paths:
        if not Path(path).exists():
            raise FileNotFoundError(f"{path}: no such file or directory")
    jobs = max(1, jobs or os.cpu_count() or 1)
    migrate.upgrade(db_path)
    engine = make_engine(db_path, bulk=True)
    writer = Writer(engine, parser_version())
    summary = Summary()
    fail = summary.failure(on_error)

    files = list(iter_files(paths))
    bar = _progress(files, writer, enabled=progress)
    # What is alive now (modules, the schema, the engine) lives for the whole build: frozen,
    # the collector stops walking it at every full collection (10-15 % of a BBC build),
    # and forked workers share its pages instead of copying them when it would be visited.
    gc.freeze()
    try:
        with writer.batch():
            store_steps(analysed(_steps(files, writer, summary, text_column), jobs), writer, summary, fail, bar)
            writer.commit()
            summary.removed += _forget_missing(paths, set(files), writer)
            writer.commit()
            writer.settle()
        bar.close()
        with engine.connect() as conn:
            summary.quotes = conn.execute(select(func.count()).select_from(models.Quote)).scalar_one()
            summary.speakers = conn.execute(select(func.count()).select_from(models.Speaker)).scalar_one()
    finally:
        gc.unfreeze()
        engine.dispose()
        close_bulk(db_path)
    return summary


def store_steps(
    results: Iterable[tuple[Step, Prepared | str | None]],
    writer: Writer,
    summary: Summary,
    fail: Callable[[str], None],
    bar=None,
) -> None:
    """Write steps paired with their prepared rows (None: already stored; a string: the
    extraction's error) in input order, inside `writer.batch()`: groups of `GROUP`
    articles, a commit every `COMMIT_EVERY`, a settle every `SETTLE_EVERY` new quotes.
    `quotedb build` and `quotedb load` both store through here, so their rows are the same."""
    bar = bar or _NoBar()
    pending: list[tuple[ArticleStep, Prepared | None]] = []
    written = [0]
    unsettled = [0]
    counted: set[int] = set()

    def flush() -> None:
        outcomes = writer.write_all([(step.article, result) for step, result in pending])
        for (step, _), outcome in zip(pending, outcomes):
            if isinstance(outcome, Exception):
                fail(f"{step.article.where}: {type(outcome).__name__}: {outcome}")
                step.complete[0] = False
            else:
                if outcome.status == "unchanged" and step.new_file:
                    summary.duplicates += 1  # a first read of its file: the text came from another place
                else:
                    summary.count(outcome.status)
                unsettled[0] += _toward_settle(writer, outcome, counted)
        bar.set_postfix(added=summary.added, duplicates=summary.duplicates, failed=summary.failed, refresh=False)
        bar.update(len(pending))
        before = written[0]
        written[0] += len(pending)
        pending.clear()
        if unsettled[0] >= SETTLE_EVERY:
            writer.commit()
            writer.settle()
            writer.commit()
            unsettled[0] = 0
            counted.clear()
            _give_back_memory()
        elif written[0] // COMMIT_EVERY > before // COMMIT_EVERY:
            writer.commit()

    for step, result in results:
        if isinstance(step, ArticleStep) and not isinstance(result, str):
            pending.append((step, result))
            if len(pending) >= GROUP:
                flush()
            continue
        if pending:
            flush()
        if isinstance(step, FileEnd):
            if step.complete[0]:
                summary.removed += writer.finish_file(step.state, step.seen, step.articles)
            continue
        if isinstance(step, Skipped):
            summary.skipped_files += 1
        elif isinstance(step, ReadError):
            fail(str(step))
        else:
            fail(f"{step.article.where}: {result}")
            step.complete[0] = False
        bar.update(1)
    if pending:
        flush()


# Articles per batch transaction: large enough that commits cost nothing, small enough
# that an interrupted build keeps most of its work.
COMMIT_EVERY = 500
# Articles written together (`Writer.write_all`), each still all-or-nothing.
GROUP = 250
# New quotes settled together: a settle holds its quotes' texts and keys in memory, so a
# first build of a million articles settles as it goes instead of all at its end (925 MB
# for a million quotes). Where it falls does not change the rows (incremental settles give
# those of one full pass), and it falls at the same articles whatever `jobs` is.
SETTLE_EVERY = 20_000


@dataclass(slots=True)
class ArticleStep:
    article: Article
    analyse: bool
    complete: list[bool]
    new_file: bool = False  # its file was never read before: an article already stored is a duplicate


@dataclass(slots=True)
class FileEnd:
    state: FileState
    seen: set[str] | None
    complete: list[bool]
    articles: int


Step = ArticleStep | FileEnd | Skipped | ReadError


def _steps(files: list[str], writer: Writer, summary: Summary, text_column: str | None) -> Iterator[Step]:
    """What to do, in input order: unchanged files are skipped whole, and articles already
    stored by this parser version are marked not to analyse (checked before the articles
    still in flight are written: `Writer.write` then finds them current)."""
    for path in files:
        try:
            state = _regular_file_state(path)
            current = writer.file_is_current(state)
            if not current:
                state = state.hashed()
        except OSError as e:
            yield ReadError(path, f"cannot read: {e.strerror}" if e.strerror else str(e))
            continue
        if current:
            summary.unchanged += writer.articles_in_file(path)
            continue
        # Only a file read before can have stale positions; a first read keeps no locators.
        seen: set[str] | None = set() if writer.articles_in_file(path) else None
        articles = 0
        complete = [True]
        for item in read(path, text_column):
            if isinstance(item, Skipped):
                complete[0] = False
                yield item
            elif isinstance(item, ReadError):
                complete[0] = False
                yield item
            else:
                articles += 1
                if seen is not None:
                    seen.add(item.locator or "")
                yield ArticleStep(item, not writer.is_current(item), complete, seen is None)
        yield FileEnd(state, seen, complete, articles)


def _toward_settle(writer: Writer, outcome, counted: set[int]) -> int:
    """How many quotes an article adds to those the next settle takes. A written article's
    own; an unchanged one's that no settle has seen, once: so a rerun after a build killed
    before its settle settles at the same articles as a clean build, and gives the same
    rows, ids included (a settle's position shifts the ids of the speakers made after it)."""
    if outcome.article_id in counted:
        return 0
    if outcome.status != "unchanged":
        counted.add(outcome.article_id)
        return outcome.quotes
    loose = writer.unsettled_quotes(outcome.article_id)
    if loose:
        counted.add(outcome.article_id)
    return loose


def _regular_file_state(path: str) -> FileState:
    """The file's state, checked to be a regular file before anything opens it: hashing a
    FIFO would wait forever for a writer, and a file gone since the listing (or a link
    loop) raises here, to be reported against its name."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device or other special file"
        raise OSError(f"not a regular file ({kind})")
    return FileState.of(path)


def _give_back_memory() -> None:
    """Return the C heap's free pages to the system (glibc's malloc_trim; elsewhere
    nothing). Without it the main process's RSS crept up through a long build although
    its Python objects did not grow (tracemalloc): 215 MB instead of ~170 MB after two
    million quotes (benchmarks/README.md)."""
    if trim := _malloc_trim():
        trim(0)


@cache
def _malloc_trim():
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def _forget_missing(paths: list, files: set[str], writer: Writer) -> int:
    """Articles of files that were deleted from a folder being built go too."""
    folders = [display_path(p) for p in paths if Path(p).is_dir()]
    removed = 0
    for path in writer.known_files():
        if path in files or Path(path).exists():
            continue
        if any(path == f or path.startswith(f.rstrip(os.sep) + os.sep) or f == "." for f in folders):
            removed += writer.forget_file(path)
    return removed


class _NoBar:
    def update(self, n: int = 1) -> None: ...

    def set_postfix(self, **values) -> None: ...

    def close(self) -> None: ...


def _progress(files: list[str], writer: Writer, *, enabled: bool):
    """A bar counting articles (rows of a corpus, not files), with rate and time left, on a
    terminal only. Its total is counted before the build from the files it will read:
    one line of JSON Lines, one row of CSV, one item of a JSON array is one article."""
    if not enabled or not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm

    counts = [_count_articles(path) for path in files if not writer.file_is_current(FileState.of(path))]
    total = None if None in counts else sum(counts)
    return tqdm(total=total, unit=" articles", desc="Building", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


_ARRAY_PREFIXES = ("item", *(f"{key}.item" for key in ("articles", "items", "data", "results", "records", "documents", "docs", "stories")))


def _count_articles(path: str) -> int | None:
    """How many articles the readers will find in the file, for the bar's total; None
    when that cannot be told without reading it as they do."""
    suffix = Path(path).suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson", ".jsonlines"):
            with open(path, "rb") as f:
                return sum(1 for line in f if line.strip())
        if suffix in (".csv", ".tsv"):
            import csv

            with open(path, encoding="utf-8", errors="replace", newline="") as f:
                return max(0, sum(1 for _ in csv.reader(f, delimiter="\t" if suffix == ".tsv" else ",")) - 1)
        if suffix == ".json":
            import ijson

            with open(path, "rb") as f:
                return max(1, sum(1 for prefix, event, _ in ijson.parse(f) if event == "start_map" and prefix in _ARRAY_PREFIXES))
    except Exception:  # noqa: BLE001 - the readers report a bad file; the bar only loses its total
        return None
    return 1
