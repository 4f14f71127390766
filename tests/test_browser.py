"""The site as a person uses it: `quotedb serve` on a free port, driven by headless Chromium.

Chromium is Debian's `chromium` package (`.ci/run` installs it); Playwright only drives
it and never downloads a browser. Every request leaving 127.0.0.1 is refused and
counted, so the pages and the chart are shown to work with no network.
"""

from __future__ import annotations

import csv
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
def server(seeds_db, tmp_path):
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [*quotedb_command(), "serve", "--db", str(seeds_db), "--port", str(port)],
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


def a_seed_quote(db: Path) -> sqlite3.Row:
    """The most confident direct quote with a named person: the test reads it, never guesses it."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute(
            """
            select q.id, q.text, s.id as speaker_id, s.name as speaker,
                (select group_concat(o.id) from quotes o where o.speaker_id = s.id) as speaker_quote_ids
            from quotes q join speakers s on s.id = q.speaker_id
            where q.kind = 'direct' and s.kind = 'person' and length(q.text) > 40
            order by q.confidence desc, q.id limit 1
            """
        ).fetchone()
    finally:
        conn.close()
    assert row is not None, "the seeds gave no direct quote by a named person"
    return row


def search_phrase(text: str) -> str:
    words = re.findall(r"[A-Za-z]{3,}", text)
    return " ".join(words[1:5])


def test_a_reader_finds_checks_and_downloads_a_seed_quote(seeds_db, server, tmp_path):
    chromium = chromium_or_skip()
    from playwright.sync_api import expect, sync_playwright

    quote = a_seed_quote(seeds_db)
    speaker_quote_ids = sorted(int(i) for i in quote["speaker_quote_ids"].split(","))
    outside: list[str] = []

    def local_only(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(accept_downloads=True, viewport={"width": 1200, "height": 900})
            context.route("**/*", local_only)
            page = context.new_page()

            page.goto(server + "/")
            page.fill("#search-all-q", search_phrase(quote["text"]))
            page.press("#search-all-q", "Enter")
            results = page.locator("#search-all-results h2", has_text=": quotes")
            expect(results).to_be_visible(timeout=15_000)
            results.locator("a").first.click()

            page.locator(f'td.col-id a[href$="/quotes/{quote["id"]}"]').click()
            expect(page.locator("mark.quote")).to_have_text(quote["text"])
            expect(page.locator("h1 a.speaker")).to_have_text(quote["speaker"])
            page.screenshot(path=tmp_path / "quote.png", full_page=True)

            page.locator("h1 a.speaker").click()
            expect(page.locator("h1")).to_contain_text(quote["speaker"])
            expect(page.locator("ol.quotes li")).to_have_count(len(speaker_quote_ids))
            page.screenshot(path=tmp_path / "speaker.png", full_page=True)

            with page.expect_download() as download:
                page.locator("a.csv-query").click()
            with open(download.value.path(), newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            assert sorted(int(r["id"]) for r in rows) == speaker_quote_ids
            assert quote["text"] in {r["text"] for r in rows}

            page.locator("a.chart").click()
            expect(page.locator("#chart-per-year canvas, #chart-per-year svg").first).to_be_visible(timeout=15_000)
            expect(page.locator("#chart-top-speakers canvas, #chart-top-speakers svg").first).to_be_visible()
            page.screenshot(path=tmp_path / "chart.png", full_page=True)
        finally:
            browser.close()
    assert outside == []
