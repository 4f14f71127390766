"""The site as a person uses it: `quotedb serve` on a free port, driven by headless Chromium.

Chromium is Debian's `chromium` package (`.ci/run` installs it); Playwright only drives
it and never downloads a browser. Every request leaving 127.0.0.1 is refused and
counted, so the pages and the chart are shown to work with no network. The database is
news.db, so no link may assume quotes.db. Screenshots of each page go to the test's
folder, or to $QUOTEDB_SCREENSHOTS when it names one.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def chromium_or_skip() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("Debian's chromium package is not installed (`apt-get install chromium`; .ci/run does it as root)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("the playwright Python package is not installed")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def quotedb_command() -> list[str]:
    script = Path(sys.executable).with_name("quotedb")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from quotedb.cli import cli; cli()"]


@pytest.fixture
def news_db(seeds_db, tmp_path):
    path = tmp_path / "news.db"
    shutil.copy(seeds_db, path)
    return path


@pytest.fixture
def server(news_db, tmp_path):
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [*quotedb_command(), "serve", "--db", str(news_db), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                log.seek(0)
                pytest.fail(f"quotedb serve exited with {process.returncode}:\n{log.read()}")
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("quotedb serve did not answer within 60 s")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("QUOTEDB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def searched_quote(db: Path, words: str) -> sqlite3.Row:
    """The best match for the words, as search_quotes ranks it, and its speaker's quotes."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute(
            """
            select q.id, q.text, s.id as speaker_id, s.name as speaker,
                (select group_concat(o.id) from quotes o where o.speaker_id = s.id) as speaker_quote_ids
            from quotes_fts join quotes q on q.id = quotes_fts.rowid join speakers s on s.id = q.speaker_id
            where quotes_fts match ? order by rank limit 1
            """,
            (f'"{words}"',),
        ).fetchone()
    finally:
        conn.close()
    assert row is not None, f"the seeds have no attributed quote with {words!r}"
    return row


def local_only(outside: list[str]):
    def route(request_route):
        if urlsplit(request_route.request.url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    return route


def test_a_reader_searches_checks_a_quote_and_downloads_the_speakers_quotes(news_db, server, tmp_path):
    chromium = chromium_or_skip()
    from playwright.sync_api import expect, sync_playwright

    shots = screenshots(tmp_path)
    words = "counter-terrorism"
    quote = searched_quote(news_db, words)
    speaker_quote_ids = sorted(int(i) for i in quote["speaker_quote_ids"].split(","))
    outside: list[str] = []

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(accept_downloads=True, viewport={"width": 1366, "height": 768})
            context.route("**/*", local_only(outside))
            page = context.new_page()

            page.goto(server + "/")
            page.screenshot(path=shots / "1-home.png", full_page=True)
            page.fill("#search-quotes-q", words)
            page.press("#search-quotes-q", "Enter")
            expect(page).to_have_url(re.compile(r"/news/search_quotes\?q=counter-terrorism$"))
            expect(page).to_have_title(f"Search quotes: {words} · news")
            first = page.locator("table.rows-and-columns tbody tr").first
            expect(first.locator("td.col-text")).to_have_text(quote["text"])
            page.screenshot(path=shots / "2-search.png", full_page=True)

            first.locator("td.col-quote_id a").click()
            expect(page).to_have_url(server + f"/news/quotes/{quote['id']}")
            expect(page.locator("mark.quote")).to_have_text(quote["text"])
            expect(page.locator("h1 a.speaker")).to_have_text(quote["speaker"])
            page.screenshot(path=shots / "3-quote.png", full_page=True)

            page.locator("h1 a.speaker").click()
            expect(page).to_have_url(server + f"/news/speakers/{quote['speaker_id']}")
            expect(page.locator("h1")).to_contain_text(quote["speaker"])
            expect(page.locator("ol.quotes li")).to_have_count(len(speaker_quote_ids))
            page.screenshot(path=shots / "4-speaker.png", full_page=True)

            with page.expect_download() as download:
                page.locator("a.csv-query").click()
            with open(download.value.path(), newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            assert sorted(int(r["quote_id"]) for r in rows) == speaker_quote_ids
            assert quote["text"] in {r["text"] for r in rows}

            console: list[str] = []
            page.on("console", lambda message: console.append(message.text))
            page.locator("a.chart").click()
            expect(page.locator("#chart-per-year canvas, #chart-per-year svg").first).to_be_visible(timeout=15_000)
            expect(page.locator("#chart-top-speakers canvas, #chart-top-speakers svg").first).to_be_visible()
            labels = [t.text_content() for t in page.locator("#chart-top-speakers svg .role-axis-label text").all()]
            counts = [label for label in labels if label and label.isdigit()]
            assert counts and len(counts) == len(set(counts)), labels  # whole numbers, each once
            assert not [m for m in console if "schema" in m.lower() or "version" in m.lower()], console
            page.screenshot(path=shots / "5-chart.png", full_page=True)
        finally:
            browser.close()
    assert outside == []


def test_the_browse_page_reads_on_a_laptop_screen(server, tmp_path):
    """quotes_view on 1366 x 768: the first row on the first screen, the table no wider
    than the window, the quote text wide enough to read; the column help one click away."""
    chromium = chromium_or_skip()
    from playwright.sync_api import expect, sync_playwright

    shots = screenshots(tmp_path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.route("**/*", local_only([]))
            page.goto(server + "/news/quotes_view")
            table = page.locator("table.rows-and-columns")
            first_row = table.locator("tbody tr").first.bounding_box()
            assert first_row["y"] < 768, first_row
            assert table.bounding_box()["width"] <= 1366 + 40
            assert table.locator("tbody tr td.col-text").first.bounding_box()["width"] >= 350
            expect(table.locator("th.col-start")).to_be_hidden()
            expect(page.locator("details.column-help dl")).to_be_hidden()
            page.screenshot(path=shots / "6-quotes_view.png")
            page.locator("details.column-help summary").click()
            expect(page.locator("details.column-help dt", has_text="confidence")).to_be_visible()
            page.locator("a.all-columns").click()
            expect(page.locator("table.rows-and-columns th.col-start")).to_be_visible()
        finally:
            browser.close()
