"""The published site and the exports against hostile data, through the public commands.

A database is built by `quotedb build` from articles whose title, source, author, url
and text carry script payloads (and a `javascript:` url); its speaker and event names are
then set to payloads too, as any name an article spells could be. `quotedb serve` must
bind 127.0.0.1 by default, keep SQL read-only, stop expensive SQL, and run no script on
any page (headless Chromium, a payload that sets a window flag); exports must neutralise
spreadsheet formulas and keep every file inside the folder asked for.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from quotedb.store.identity import name_key

PWN = "window.__pwned = (window.__pwned || 0) + 1"
PAYLOAD = (f'<script>{PWN}</script><img src=x onerror="{PWN}"><svg onload="{PWN}"></svg>'
           f'"><script>{PWN}</script>\'><img src=x onerror=\'{PWN}\'>')
QUOTEDB = [sys.executable, "-c", "from quotedb.cli import cli; cli()"]
FORMULAS = ['=HYPERLINK("http://evil.example/","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("security")
    lines = []
    for i, formula in enumerate(FORMULAS):
        lines.append({
            "title": f"Harbour {i} {PAYLOAD}", "source": f"Courier {PAYLOAD}", "author": PAYLOAD,
            "url": f"javascript:{PWN}" if i % 2 == 0 else f"https://example.org/{i}?q=\"><script>{PWN}</script>",
            "date": "2024-05-0" + str(i + 1),
            "text": (f"The Tollan Harbour Summit opened on Monday.\n\n"
                     f'"{formula} {PAYLOAD} we will rebuild the harbour {i}," said Mayor Ana Ruiz at the summit.\n\n'
                     f'"{PAYLOAD} and nobody asked us," Tomas Berg, the harbour master, told reporters.\n'),
        })
    (root / "in").mkdir()
    (root / "in" / "hostile.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    done = subprocess.run([*QUOTEDB, "build", "in", "--db", "q.db"], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    db = root / "q.db"
    with sqlite3.connect(db) as conn:
        speakers = [r[0] for r in conn.execute("select id from speakers order by id")]
        assert len(speakers) >= 2 and conn.execute("select count(*) from events").fetchone()[0] >= 1
        names = [f"{FORMULAS[0]} {PAYLOAD}", "../../escaped", "/etc/escaped", "a/b\\c", "..", "nul\x00name", ""]
        for speaker_id, name in zip(speakers, names):
            conn.execute("update speakers set name = ?, name_key = ? where id = ?", (name, name_key(name), speaker_id))
        conn.execute("update events set name = ?", (f"Summit {PAYLOAD}",))
        conn.execute("update roles set title = ?, organization = ?", (PAYLOAD, f"@{PAYLOAD}"))
    return db


@pytest.fixture(scope="module")
def server(hostile_db):
    port = free_port()
    log = open(hostile_db.with_name("serve.log"), "w+")
    process = subprocess.Popen([*QUOTEDB, "serve", "--db", str(hostile_db), "--port", str(port)],
                               cwd=hostile_db.parent, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.seek(0) or log.read()
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "quotedb serve did not answer within 60 s"
                time.sleep(0.2)
        yield base, port
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def get(url: str, timeout: float = 30) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on `port`, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":
                found.add(address)
    return found


def test_serve_listens_on_the_loopback_interface_only_by_default(server):
    _, port = server
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, nothing on 0.0.0.0 or ::


WRITES = [
    "delete from quotes",
    "update speakers set name = 'x'",
    "insert into articles (sha256, text) values ('x', 'y')",
    "drop table quotes",
    "with gone as (select 1) delete from quotes",
    "attach database '/tmp/quotedb-attached.db' as other",
    "pragma writable_schema = 1",
    "vacuum into '/tmp/quotedb-vacuum.db'",
    "create table t (x)",
]


@pytest.mark.parametrize("sql", WRITES)
def test_sql_from_the_site_cannot_write(server, hostile_db, sql):
    base, _ = server
    before = hostile_db.read_bytes()
    status, body = get(f"{base}/q.json?" + urllib.parse.urlencode({"sql": sql}))
    assert status >= 400 or json.loads(body).get("ok") is False
    assert hostile_db.read_bytes() == before
    assert not Path("/tmp/quotedb-attached.db").exists() and not Path("/tmp/quotedb-vacuum.db").exists()


def test_an_endless_recursive_query_is_stopped_by_the_time_limit(server):
    base, _ = server
    sql = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
    started = time.monotonic()
    status, body = get(f"{base}/q.json?" + urllib.parse.urlencode({"sql": sql}), timeout=60)
    assert time.monotonic() - started < 15
    assert status == 400 and "too long" in body.lower()
    assert get(f"{base}/-/versions.json")[0] == 200  # and the server still answers


def test_exported_csv_cells_cannot_be_spreadsheet_formulas(hostile_db, tmp_path):
    with sqlite3.connect(hostile_db) as conn:
        speaker = conn.execute("select name from speakers where name like '=%'").fetchone()[0]
    done = subprocess.run([*QUOTEDB, "export", "--db", str(hostile_db), "--speaker", speaker],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert any(c.startswith("'@<script>") for c in cells)  # neutralised, not dropped


def test_the_site_csv_cannot_carry_spreadsheet_formulas(server):
    base, _ = server
    for path in ("/q/quotes_view.csv?_size=max", "/q/quotes.csv?_size=max&_stream=on", "/q/speakers.csv",
                 "/q/roles.csv"):
        status, body = get(base + path)
        assert status == 200, path
        cells = [cell for row in list(csv.reader(io.StringIO(body)))[1:] for cell in row]
        assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@")], path
        assert any(c.startswith("'") for c in cells), path


def test_export_all_speakers_writes_every_file_inside_the_folder(hostile_db, tmp_path):
    work = tmp_path / "work"
    (work / "out").mkdir(parents=True)
    done = subprocess.run([*QUOTEDB, "export", "--db", str(hostile_db), "--all-speakers", "out"], cwd=work,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    everything = sorted(p.relative_to(work).as_posix() for p in work.rglob("*"))
    assert all(p == "out" or (p.startswith("out/") and p.count("/") == 1) for p in everything), everything
    with sqlite3.connect(hostile_db) as conn:
        assert len(everything) - 1 == conn.execute("select count(*) from speakers").fetchone()[0]
    assert not Path("/etc/escaped.csv").exists() and not (tmp_path / "escaped.csv").exists()


def chromium_or_skip() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("Debian's chromium package is not installed (`apt-get install chromium`; .ci/run does it as root)")
    pytest.importorskip("playwright.sync_api")
    return path


@pytest.mark.browser
def test_no_page_runs_a_script_from_the_data(server):
    """Every page reachable from the home page (up to MAX_PAGES), plus the search pages: the
    flag stays unset, no dialog opens, and no link has a javascript: target."""
    from playwright.sync_api import sync_playwright

    chromium = chromium_or_skip()
    base, _ = server
    seeds = ["/", "/q", "/q/quotes_view", "/q/articles/1", "/q/quotes/1", "/q/speakers/1", "/q/events/1",
             "/q/roles", "/q/quotes_view?_search=harbour", "/-/search?q=harbour", "/q/top_speakers"]
    seen, queue, fired, scripted_links = set(), list(seeds), [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.on("dialog", lambda d: (fired.append(f"dialog on {page.url}"), d.dismiss()))
            while queue and len(seen) < MAX_PAGES:
                path = queue.pop(0)
                if path in seen:
                    continue
                seen.add(path)
                page.goto(base + path, wait_until="load")
                page.wait_for_timeout(50)
                if page.evaluate("window.__pwned || 0"):
                    fired.append(path)
                for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
                    target = urllib.parse.urlsplit(urllib.parse.urljoin(base + path, href.strip()))
                    if target.scheme.lower() not in ("http", "https", ""):
                        scripted_links.append(f"{path}: {href}")
                    elif target.netloc == urllib.parse.urlsplit(base).netloc and not target.path.endswith(
                            (".csv", ".json", ".db")) and "_dl" not in target.query and "sql=" not in target.query:
                        queue.append(target.path + ("?" + target.query if target.query else ""))
        finally:
            browser.close()
    assert len(seen) >= 20
    assert fired == [] and scripted_links == []


MAX_PAGES = 30
