"""A folder of hostile input files beside good ones, for the hostile-files test and the
long run. Each hostile file maps to words its error line must contain; the good files'
articles must all be stored whatever the hostile ones do."""

from __future__ import annotations

import csv
import io
import json
import os
import random
from pathlib import Path

GOOD_TEXT = '"We will rebuild the harbour by spring," said Mayor Ana Ruiz on {day}.\n\nShe spoke to {n} people in Porto.\n'
_written = iter(range(1, 1_000_000))


def good(day: str) -> str:
    """A good article, each one different, so none is stored as a repeat of another."""
    return GOOD_TEXT.format(day=day, n=next(_written))


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def make(folder: Path) -> tuple[dict[str, str], int]:
    """Write the files; returns (file name -> words its error must contain, good articles)."""
    folder.mkdir(parents=True, exist_ok=True)
    bad: dict[str, str] = {}
    articles = 0

    def write(name: str, data: bytes | str, reason: str | None = None, count: int = 0) -> None:
        nonlocal articles
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        if reason is not None:
            bad[name] = reason
        articles += count

    rng = random.Random(1)
    write("binary.txt", bytes(rng.randrange(256) for _ in range(4096)), "binary")
    write("empty.txt", b"", "empty")
    write("blank.txt", b"  \n\n\t ", "empty")
    write("header-only.csv", "title,text\n", "no rows")
    write("ragged.csv", _csv([["title", "text", "date"], ["A", good("Monday"), "2024-01-01"], ["B"], ["C", good("Friday")]]),
          "row 2", 2)
    write("big-field.csv", _csv([["title", "text"], ["huge", "x" * (10 * 1024 * 1024)], ["fine", good("Sunday")]]),
          "too large", 1)
    write("nul.txt", good("Monday").encode() + b"\x00\x00" + b"rest", "NUL")
    write("invalid-utf8.txt", good("Monday").encode() + b"\x81\x8d\x8f\x90\x9d", "not valid")
    write("utf16-bom.txt", good("Tuesday").encode("utf-16"), None, 1)
    write("latin1.txt", good("Wednesday").replace("Porto", "S\u00e3o Paulo").encode("latin-1"), None, 1)
    write("no-body.html", "<html><head><title>Nothing here</title></head></html>", "no article text")
    write("nested-divs.html", "<html><body>" + "<div>" * 100_000 + "<p>" + good("Monday") + "</p>"
          + "</div>" * 100_000 + "</body></html>", "nested-divs.html")
    write("bare-string.json", json.dumps("just a string"), "expected an object")
    write("broken-middle.jsonl", "\n".join([json.dumps({"title": "One", "text": good("Monday")}), '{"title": "Two", "text": ',
                                            json.dumps({"title": "Three", "text": good("Thursday")})]) + "\n", "line 2", 2)
    write("dir.txt/inside.txt", good("Saturday"), None, 1)  # a folder named like a file is a folder
    write("name with spaces.txt", good("Monday"), None, 1)
    write("n\u00e4me \u4e2d\u6587 \U0001F600.txt", good("Tuesday"), None, 1)
    write("new\nline.txt", good("Wednesday"), None, 1)
    write("new\nline bad.json", "[1, 2", "line bad.json")
    write("good.txt", good("Thursday"), None, 1)
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    bad["loop-a.txt"] = "loop-a.txt"
    bad["loop-b.txt"] = "loop-b.txt"
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    bad["dangling.txt"] = "dangling.txt"
    os.mkfifo(folder / "fifo.txt")
    bad["fifo.txt"] = "not a regular file"
    return bad, articles
