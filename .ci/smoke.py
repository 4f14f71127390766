"""Smoke test of an installed quotedb (run by .ci/smoke in a fresh venv, outside the checkout).

Checks that the wheel carries every file quotedb reads at run time, builds a folder of
articles (the repository's raw/ and an HTML page written here) into a database not named
quotes.db, serves it with plain `datasette` and with `quotedb serve`, and fetches the home
page, a quote page, an article page and a speaker's CSV from both. Exits non-zero on the
first thing that is wrong, saying what.
"""

from __future__ import annotations

import csv
import io
import re
import socket
import sqlite3
import subprocess
import sys
import tarfile
import time
import urllib.request
import zipfile
from pathlib import Path

HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>Ferry service to resume | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2025-02-11T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Ferry service to resume next month</h1>
<p>The island ferry will run again from March after a winter of repairs to its hull and engines, the operator said on Tuesday.</p>
<p>"We have rebuilt both engines and every passenger will notice the difference," said Tomas Ekberg, the chief executive of Island Lines.</p>
<p>Residents had complained for weeks about the replacement boat, which carried fewer cars and left an hour earlier.</p>
</article><footer>All rights reserved.</footer></body></html>"""
SPEAKER = "Tomas Ekberg"


def fail(message: str) -> None:
    sys.exit(f"smoke test FAILED: {message}")


def check(condition: bool, message: str) -> None:
    if not condition:
        fail(message)


def check_wheel(wheel: Path, sdist: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(sdist) as tar:
        tree = {m.name.split("/", 1)[1] for m in tar.getmembers() if m.isfile() and "/" in m.name}
    versions = sorted(n for n in tree if re.fullmatch(r"migrations/versions/[^/]+\.py", n))
    check(len(versions) > 0, f"{sdist.name} has no migrations/versions")
    needed = [f"quotedb/{n}" for n in ("migrations/env.py", "migrations/script.py.mako", "migrations/head.sql", *versions)]
    needed += ["quotedb/site/metadata.yml", "quotedb/site/templates/row.html"]
    needed += [n for n in tree if n.startswith("quotedb/")]  # every module and template
    missing = sorted(set(needed) - names)
    check(not missing, f"{wheel.name} lacks {missing}")
    meta = next(zipfile.ZipFile(wheel).read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    check("License-Expression: Apache-2.0" in meta, "the wheel's METADATA has no SPDX License-Expression")
    check(re.search(r"^Requires-Dist: lxml[-_]html[-_]clean", meta, re.M | re.I) is not None, "lxml_html_clean is not declared")
    entry = next(zipfile.ZipFile(wheel).read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    check("[datasette]\nquotedb = quotedb.site" in entry, "no datasette entry point for quotedb.site")
    print(f"wheel: {wheel.name}, {len(names)} files, {len(versions)} migrations, "
          f"{sum(n.startswith('quotedb/site/templates/') for n in names)} templates, metadata.yml; sdist: {sdist.name}, {len(tree)} files")


def run(*command: str) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"`{' '.join(command)}` exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def serving(command: list[str], port: int) -> subprocess.Popen:
    process = subprocess.Popen([*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            fail(f"`{' '.join(command)}` exited {process.returncode}: {process.stderr.read()}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2).close()
            return process
        except OSError:
            check(time.monotonic() < deadline, f"`{' '.join(command)}` did not answer within 60 s")
            time.sleep(0.2)


def comparable(answer: tuple[int, str], port: int) -> tuple[int, str]:
    """The page less what differs between two servers of one site: the port in absolute
    links, the query time, and the database's colour (a hash of how it was opened)."""
    status, body = answer
    body = body.replace(f"127.0.0.1:{port}", "127.0.0.1")
    body = re.sub(r"took [0-9.]+ms", "took", body)
    return status, re.sub(r"(border-left: 10px solid )#[0-9a-f]{6}", r"\1", body)


def main(wheel: Path, sdist: Path, folder: Path) -> None:
    check_wheel(wheel, sdist)
    import quotedb

    check(Path(quotedb.__file__).resolve().is_relative_to(Path(sys.prefix).resolve()),
          f"quotedb imported from {quotedb.__file__}, not from the venv")
    (folder / "ferry.html").write_text(HTML, encoding="utf-8")
    db = Path("newsroom.db")
    built = run("quotedb", "build", str(folder), "--db", str(db))
    print("build:", " / ".join(built.stdout.strip().splitlines()))
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "select q.id, q.text, s.id from quotes q join speakers s on s.id = q.speaker_id "
            "join articles a on a.id = q.article_id where a.origin like '%ferry.html' and s.name = ?", (SPEAKER,)).fetchone()
        check(row is not None, f"the HTML article gave no quote by {SPEAKER}")
        quote_id, quote_text, speaker_id = row
        expected = conn.execute("select count(*) from quotes where speaker_id = ?", (speaker_id,)).fetchone()[0]
        article_id = conn.execute("select article_id from quotes where id = ?", (quote_id,)).fetchone()[0]
        total = conn.execute("select count(*) from quotes").fetchone()[0]

    pages = {
        "home": "/",
        "quote page": f"/newsroom/quotes/{quote_id}",
        "article page": f"/newsroom/articles/{article_id}",
        "speaker page": f"/newsroom/speakers/{speaker_id}",
        "speaker CSV (canned query)": f"/newsroom/quotes_by_speaker.csv?speaker={SPEAKER.replace(' ', '+')}",
        "speaker CSV (streamed view)": f"/newsroom/quotes_view.csv?speaker_id={speaker_id}&_stream=1&_size=max",
        "quotes_view": "/newsroom/quotes_view",
        "search": "/newsroom/search_quotes?q=engines",
    }
    answers = {}
    servers = {
        "datasette": ["datasette", str(db)],
        # What `quotedb serve` runs: immutable, without facet suggestions.
        "datasette -i": ["datasette", "-i", str(db), "--setting", "suggest_facets", "off"],
        "quotedb serve": ["quotedb", "serve", "--db", str(db)],
    }
    for name, command in servers.items():
        port = free_port()
        process = serving(command, port)
        try:
            answers[name] = {page: comparable(fetch(f"http://127.0.0.1:{port}{path}"), port) for page, path in pages.items()}
        finally:
            process.terminate()
            process.wait(timeout=10)
    plain = answers["datasette"]
    for page, (status, body) in plain.items():
        check(status == 200, f"`datasette {db}` answered {status} for the {page}: {body[:300]}")
        for name in servers:
            check(answers[name][page][0] == 200, f"`{' '.join(servers[name])}` answered {answers[name][page][0]} for the {page}")
    check("who said what" in plain["home"][1] and 'href="/newsroom/quotes_view"' in plain["home"][1],
          "the home page lacks the site's description and its links to this database")
    check('<mark class="quote">' in plain["quote page"][1] and "rebuilt both engines" in plain["quote page"][1],
          "the quote page does not show the quote highlighted in its paragraph")
    check("speaker-label" in plain["article page"][1], "the article page does not label its quotes")
    for page in ("speaker CSV (canned query)", "speaker CSV (streamed view)"):
        rows = list(csv.DictReader(io.StringIO(plain[page][1])))
        check(len(rows) == expected and quote_text in {r["text"] for r in rows}, f"the {page} has {len(rows)} rows, not {expected}")
    same = [page for page in pages if answers["datasette -i"][page] == answers["quotedb serve"][page]]
    print(f"database: {db}, {total} quotes; {SPEAKER}: {expected} quotes, quote {quote_id}")
    print(f"plain `datasette {db}`: {len(plain)} pages answered 200 ({', '.join(pages)})")
    check(len(same) == len(pages), f"`quotedb serve` and `datasette -i` differ on {sorted(set(pages) - set(same))}")
    print(f"`quotedb serve` and `{' '.join(servers['datasette -i'])}`: the same {len(pages)} pages, byte for byte"
          " (less port, query time and database colour)")
    print("smoke test passed")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
