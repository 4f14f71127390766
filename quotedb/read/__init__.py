"""Read articles from files and folders: plain text, HTML, JSON/JSON Lines and CSV.

`read_paths` is the one entry point. It is a generator that never raises for bad
input: every file, line or row that cannot be read becomes a ReadError naming it,
and reading carries on with the next. Multi-article files stream, so a corpus of
any size is read in constant memory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator

from quotedb.model import Article, ReadError, Skipped
from quotedb.read.csvfile import read_csv_file
from quotedb.read.html import read_html_file
from quotedb.read.jsonfile import read_json_file, read_jsonl_file
from quotedb.read.textfile import read_text_file

__all__ = ["READERS", "READER_VERSION", "read_paths", "walk"]

#: Bumped whenever a change to the readers can change an article's text or metadata,
#: so that a build knows to read its files again.
READER_VERSION = "1"

Reader = Callable[[str, str, "str | None"], Iterator[Article | ReadError]]

#: File extension (lower case) to the reader for it; anything else is Skipped.
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".json": read_json_file,
    ".csv": read_csv_file,
    ".tsv": read_csv_file,
}


def read_paths(
    paths: Iterable[str | os.PathLike[str]], *, text_column: str | None = None
) -> Iterator[Article | ReadError | Skipped]:
    """Every article in the given files and folders, folders walked recursively in sorted order."""
    for path in paths:
        origin = os.fspath(path)
        try:
            mode = os.stat(origin).st_mode
        except FileNotFoundError:
            yield ReadError(origin, "no such file or directory")
            continue
        except OSError as e:
            yield ReadError(origin, f"cannot read: {e.strerror or e}")
            continue
        if stat.S_ISDIR(mode):
            for item in walk(origin):
                if isinstance(item, Skipped):
                    yield item
                else:
                    yield from read_file(item, text_column=text_column)
        else:
            yield from read_file(origin, text_column=text_column)


def read_file(origin: str, *, text_column: str | None = None) -> Iterator[Article | ReadError | Skipped]:
    """The articles of one file, by its extension; any failure becomes a ReadError for it."""
    reader = READERS.get(os.path.splitext(origin)[1].lower())
    if reader is None:
        ext = os.path.splitext(origin)[1]
        yield Skipped(origin, f"unknown extension {ext!r}" if ext else "no file extension")
        return
    try:
        if not os.path.isfile(origin):
            yield ReadError(origin, "not a regular file")
            return
        yield from reader(origin, origin, text_column)
    except OSError as e:
        yield ReadError(origin, f"cannot read: {e.strerror or e}")
    except Exception as e:  # a reader bug must not stop the build; it is reported against the file
        yield ReadError(origin, f"unexpected error: {type(e).__name__}: {e}")


def walk(folder: str) -> Iterator[str | Skipped]:
    """Files under folder in sorted order; hidden folders such as .git are not entered."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield Skipped(folder, f"folder cannot be listed: {e.strerror or e}")
        return
    for entry in entries:
        path = os.path.join(folder, entry.name)
        if entry.name.startswith("."):
            if not entry.is_dir():
                yield Skipped(path, "hidden file")
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(path)
        elif entry.is_symlink() and _links_to_folder(entry):
            yield Skipped(path, "link to a folder (not followed)")
        else:
            yield path


def _links_to_folder(entry: os.DirEntry) -> bool:
    """A link that cannot be followed (a loop) is not a folder: it is passed on as a
    file, so reading it fails and names it instead of the walk raising."""
    try:
        return entry.is_dir()
    except OSError:
        return False
