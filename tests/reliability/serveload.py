"""Reads while writing: `quotedb serve` under concurrent clients while a build writes.

`hammer` runs `clients` threads for `seconds` against a server, cycling through table
pages, full-text search, speaker pages, a canned query and a streamed CSV, and counts
every answer by status, every error (connection refused, 5xx, "database is locked" in a
body) and the latency percentiles of each kind of page. Used by the CI test (a few
clients for a few seconds) and by the long run (benchmarks/reliability.py load).
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

QUOTEDB = [sys.executable, "-c", "from quotedb.cli import cli; cli()"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, *flags: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen([*QUOTEDB, "serve", "--db", str(db), "--port", str(port), *flags], cwd=db.parent,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"quotedb serve exited: {process.stderr.read()}")
        try:
            status, _, _ = request(port, "/-/versions.json")
            if status == 200:
                return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("quotedb serve did not answer within 60 s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def request(port: int, path: str, timeout: float = 30) -> tuple[int, bytes, float]:
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        return response.status, body, time.monotonic() - started
    finally:
        conn.close()


def pages(database: str, speaker_ids: list[int], words: list[str]) -> list[tuple[str, str]]:
    """(kind, path) to cycle through."""
    out = []
    for i in range(max(len(speaker_ids), len(words), 1)):
        s = speaker_ids[i % len(speaker_ids)] if speaker_ids else 1
        w = words[i % len(words)] if words else "said"
        out += [
            ("table", f"/{database}/quotes_view?_size=50"),
            ("table", f"/{database}/articles?_size=20&_sort_desc=id"),
            ("search", f"/{database}/quotes_view?_search={w}"),
            ("speaker", f"/{database}/speakers/{s}"),
            ("canned", f"/{database}/top_speakers"),
            ("csv", f"/{database}/quotes_view.csv?_stream=on&_size=max&speaker_id={s}"),
        ]
    return out


def hammer(port: int, targets: list[tuple[str, str]], clients: int, seconds: float) -> dict:
    stats = {"statuses": Counter(), "errors": Counter(), "examples": {}}
    latencies: dict[str, list[float]] = defaultdict(list)
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(n: int) -> None:
        i = n
        while time.monotonic() < stop_at:
            kind, path = targets[i % len(targets)]
            i += clients
            try:
                status, body, took = request(port, path)
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    stats["errors"][f"{type(e).__name__}"] += 1
                    stats["examples"].setdefault(type(e).__name__, f"{path}: {e}")
                continue
            with lock:
                stats["statuses"][status] += 1
                latencies[kind].append(took)
                problem = ("database is locked" if b"database is locked" in body
                           else "malformed" if b"malformed" in body else f"HTTP {status}" if status >= 500 else None)
                if problem:
                    stats["errors"][problem] += 1
                    stats["examples"].setdefault(problem, f"{path}: {body[:200]!r}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "clients": clients, "seconds": seconds, "requests": sum(stats["statuses"].values()),
        "statuses": dict(stats["statuses"]), "errors": dict(stats["errors"]), "examples": stats["examples"],
        "latency_ms": {k: percentiles(v) for k, v in sorted(latencies.items())},
    }


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {"n": len(ordered), "p50": at(0.5), "p90": at(0.9), "p99": at(0.99), "max": at(1.0)}


def targets_of(db: Path) -> list[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        speakers = [r[0] for r in conn.execute("select id from speakers order by quote_count desc limit 20")]
    return pages(db.stem, speakers, ["minister", "government", "said", "people", "harbour", "growth"])


def write_while_serving(db: Path, corpus: Path, port: int, targets, clients: int, seconds: float,
                        jobs: int = 1) -> dict:
    """Hammer the server while `quotedb build corpus --db db` runs; the build's outcome too."""
    build = subprocess.Popen([*QUOTEDB, "build", str(corpus), "--db", str(db), "--jobs", str(jobs)], cwd=db.parent,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    result = hammer(port, targets, clients, seconds)
    still_running = build.poll() is None
    out, err = build.communicate(timeout=600)
    result["build"] = {"status": build.returncode, "still_running_when_load_ended": still_running,
                       "summary": out.strip().splitlines()[-1] if out.strip() else "", "stderr": err.strip()[-300:]}
    return result

