"""quotedb benchmark: extractor speed, build speed and memory, page times at a million quotes.

    python benchmarks/run.py CORPUS [--jobs 2] [--quotes 1000000] [--speakers 20000]
                             [--workdir DIR] [--repeat 3] [--skip extractor|build|large|stream|pages]

CORPUS is any path `quotedb build` takes (a folder or a CSV/JSONL file). Everything the
benchmark writes goes to --workdir (default: a fresh folder under /tmp), never the repo.

Steps:
1. extractor: words/s of `quotedb.extract.extract` in this process (one core);
2. build: `quotedb build CORPUS --jobs N` for N = 1 .. --jobs, as a subprocess, wall time
   and the peak RSS and PSS of the whole process tree (main process + workers, summed,
   sampled from /proc every 100 ms); then an unchanged rebuild of the same database;
3. large database: the CORPUS build is replicated into a CSV of K copies of every
   article (K so that quotes >= --quotes), each copy dated differently and its persons and
   organizations renamed into V variants (V so that speakers >= --speakers). The CSV is
   read back with the real reader (so sha256, locators and metadata are what a build
   stores); the copies' extracted rows are bulk-inserted into a database migrated to head,
   and the full-text index and speaker counts are rebuilt with the same functions the
   migrations use. A `source_files` row records the CSV as loaded, exactly as a build
   would, so the unchanged rebuild of this corpus is a real `quotedb build` run;
   then a first build of that CSV from nothing, sampling memory every 10 s (stream);
4. pages: median time of repeated requests through Datasette's in-process client
   (the real app from `quotedb.site.publish.make_datasette`, immutable), with each page's
   EXPLAIN QUERY PLAN.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import datetime as dt
import hashlib
import json
import math
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VARIANT_SURNAMES = ["Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Novak", "Mensah", "Ruiz", "Berg", "Costa",
                    "Ivanova", "Kaur", "Olsen", "Park", "Silva", "Weber"]
SOURCES = ["Tollan Courier", "Valley Post", "Harbour Times", "The Evening Ledger", "North Star Daily"]


# --- measuring ------------------------------------------------------------------------


def tree_memory(pid: int) -> tuple[int, int]:
    """Resident bytes of a process and all its descendants, from /proc: (RSS, PSS) summed.

    RSS counts the pages forked workers share with the main process once per process, so
    its sum overstates; PSS divides each shared page among the processes sharing it, so its
    sum is the memory the build really holds. Both are reported."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
        except OSError:
            pass
        todo.extend(children.get(p, []))
    return rss, pss


def run_measured(command: list[str]) -> tuple[float, int, str, int]:
    """Wall seconds, peak tree RSS in bytes, stdout, and peak tree PSS of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.is_set():
            rss, pss = tree_memory(proc.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed: {err[-2000:]}")
    return elapsed, peak, out, peak_pss


def quotedb_command() -> list[str]:
    return [sys.executable, "-c", "from quotedb.cli import cli; cli()"]


def summary_counts(line: str) -> dict[str, int]:
    return {k: int(v) for v, k in re.findall(r"(\d+) (added|updated|unchanged|duplicates|failed)", line)}


def fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


# --- 1. extractor ---------------------------------------------------------------------


def bench_extractor(corpus: str, repeat: int) -> dict:
    from quotedb.extract import extract
    from quotedb.model import Article
    from quotedb.read import read_paths

    articles = [a for a in read_paths([corpus]) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for article in articles:
            extract(article)
        times.append(time.perf_counter() - start)
    return {
        "articles": len(articles),
        "words": words,
        "first_pass_words_per_s": words / times[0],
        "best_words_per_s": words / min(times),
        "median_words_per_s": words / statistics.median(times),
        "best_articles_per_s": len(articles) / min(times),
    }


# --- 2. build -------------------------------------------------------------------------


def bench_build(corpus: str, workdir: Path, max_jobs: int, repeat: int) -> dict:
    results = {}
    for jobs in range(1, max_jobs + 1):
        runs = []
        for _ in range(repeat):
            db = fresh(workdir / f"build-{jobs}.db")
            seconds, peak, out, pss = run_measured([*quotedb_command(), "build", corpus, "--db", str(db), "--jobs", str(jobs)])
            counts = summary_counts(out)
            articles = counts.get("added", 0) + counts.get("updated", 0) + counts.get("unchanged", 0) + counts.get("duplicates", 0)
            runs.append({"seconds": seconds, "peak_rss": peak, "peak_pss": pss, "articles": articles, "summary": out.strip()})
        best = min(runs, key=lambda r: r["seconds"])
        results[jobs] = {
            "runs": [round(r["seconds"], 2) for r in runs],
            "best_seconds": best["seconds"],
            "median_seconds": statistics.median(r["seconds"] for r in runs),
            "articles": best["articles"],
            "best_articles_per_s": best["articles"] / best["seconds"],
            "median_articles_per_s": best["articles"] / statistics.median(r["seconds"] for r in runs),
            "peak_rss_mb": max(r["peak_rss"] for r in runs) / 2**20,
            "peak_pss_mb": max(r["peak_pss"] for r in runs) / 2**20,
            "summary": best["summary"],
        }
    db = workdir / f"build-{max_jobs}.db"
    rebuilds = [run_measured([*quotedb_command(), "build", corpus, "--db", str(db), "--jobs", str(max_jobs)]) for _ in range(repeat)]
    results["unchanged_rebuild_seconds"] = statistics.median(r[0] for r in rebuilds)
    results["unchanged_rebuild_summary"] = rebuilds[-1][2].strip()
    return results


# --- 3. large database ----------------------------------------------------------------


def variant_name(name: str, kind: str, variant: int) -> str:
    if variant == 0:
        return name
    extra = VARIANT_SURNAMES[(variant - 1) % len(VARIANT_SURNAMES)]
    if variant > len(VARIANT_SURNAMES):
        extra += f"-{VARIANT_SURNAMES[(variant * 7) % len(VARIANT_SURNAMES)]}"
    return f"{name} {extra}" if kind == "person" else f"{name} ({extra})"


def write_replica_csv(base: sqlite3.Connection, path: Path, copies: int) -> list[int]:
    """K copies of every base article, each with its own date, publisher and closing line.

    The closing line goes after the text, so the copied quote offsets stay valid."""
    ids = [row[0] for row in base.execute("select id from articles order by id")]
    start = dt.date(2000, 1, 1)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["title", "date", "source", "text"])
        for k in range(copies):
            for n, (title, text) in enumerate(base.execute("select title, text from articles order by id")):
                day = start + dt.timedelta(days=(k * 7919 + n * 13) % 9000)
                out.writerow([title or f"Report {n}", day.isoformat(), SOURCES[(k + n) % len(SOURCES)],
                              f"{text}\n\nArchive copy {k + 1}."])
    return ids


def build_large(base_db: Path, workdir: Path, quotes_target: int, speakers_target: int) -> dict:
    from quotedb.build import display_path, parser_version
    from quotedb.model import Article
    from quotedb.read import read_paths
    from quotedb.store import migrate
    from quotedb.store.counts import (drop_facet_counts, drop_quote_dates, drop_quote_names, drop_speaker_counts,
                                      restore_facet_counts, restore_quote_dates, restore_quote_names,
                                      restore_speaker_counts)
    from quotedb.store.corpus import index_windows
    from quotedb.store.fts import disable_quote_search, restore_quote_search
    from quotedb.store.identity import speaker_key
    from quotedb.store.writer import FileState

    t0 = time.perf_counter()
    base = sqlite3.connect(base_db)
    base_quotes = base.execute("select count(*) from quotes").fetchone()[0]
    wide = base.execute("select count(*) from speakers where article_id is null").fetchone()[0]
    copies = math.ceil(quotes_target / base_quotes)
    variants = math.ceil(speakers_target / max(wide, 1))
    corpus = workdir / "replica.csv"
    base_ids = write_replica_csv(base, corpus, copies)

    db = fresh(workdir / "large.db")
    migrate.upgrade(db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma synchronous = off")
    conn.execute("pragma cache_size = -262144")
    conn.execute("begin")
    disable_quote_search(conn)
    drop_speaker_counts(conn)
    drop_quote_dates(conn)
    drop_quote_names(conn)
    drop_facet_counts(conn)
    version = parser_version()
    loaded = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")

    speakers = base.execute("select id, name, kind, article_id, resolution from speakers").fetchall()
    wide_map: dict[tuple[int, int], int] = {}
    next_speaker = 1
    rows = []
    for sid, name, kind, article_id, resolution in speakers:
        if article_id is None:
            for v in range(variants):
                shown = variant_name(name, kind, v)
                wide_map[(sid, v)] = next_speaker
                rows.append((next_speaker, shown, kind, speaker_key(shown, kind), None, resolution))
                next_speaker += 1
    conn.executemany("insert into speakers (id, name, kind, name_key, article_id, resolution) values (?,?,?,?,?,?)", rows)
    scoped = {sid: (name, kind, resolution) for sid, name, kind, article_id, resolution in speakers if article_id is not None}
    conn.executemany("insert into events (id, name, kind, location, date, organizer, name_key) values (?,?,?,?,?,?,?)",
                     base.execute("select id, name, kind, location, date, organizer, name_key from events").fetchall())
    conn.executemany("insert into quotations (id, quote_key, text, occurrences, speaker_count, speakers, first_published, last_published) values (?,?,?,?,?,?,?,?)",
                     base.execute("select id, quote_key, text, occurrences, speaker_count, speakers, first_published, last_published from quotations").fetchall())

    per_article = {aid: {"quotes": [], "roles": [], "aliases": [], "events": []} for aid in base_ids}
    for row in base.execute('select article_id, id, speaker_id, speaker_name, surname_only, role_id, event_id, text, kind, start, "end", paragraph, cue, speaker_mention, mention_start, mention_end, confidence, rule, quotation_id from quotes order by id'):
        per_article[row[0]]["quotes"].append(row[1:])
    for row in base.execute("select article_id, id, speaker_id, title, organization, place from roles order by id"):
        per_article[row[0]]["roles"].append(row[1:])
    for row in base.execute("select article_id, speaker_id, alias from speaker_aliases order by id"):
        per_article[row[0]]["aliases"].append(row[1:])
    for row in base.execute("select article_id, event_id from article_events"):
        per_article[row[0]]["events"].append(row[1])

    path = display_path(corpus)
    next_quote = next_role = 1
    n = len(base_ids)
    batch: dict[str, list] = {k: [] for k in ("articles", "sources", "speakers", "roles", "aliases", "aev", "quotes")}

    def flush() -> None:
        conn.executemany("insert into articles (id, sha256, origin, locator, title, published, source, author, section, url, text, parser_version, loaded_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)", batch["articles"])
        conn.executemany("insert into article_sources (path, locator, article_id) values (?,?,?)", batch["sources"])
        conn.executemany("insert into speakers (id, name, kind, name_key, article_id, resolution) values (?,?,?,?,?,?)", batch["speakers"])
        conn.executemany("insert into roles (id, speaker_id, article_id, title, organization, place) values (?,?,?,?,?,?)", batch["roles"])
        conn.executemany("insert or ignore into speaker_aliases (speaker_id, article_id, alias) values (?,?,?)", batch["aliases"])
        conn.executemany("insert or ignore into article_events (article_id, event_id) values (?,?)", batch["aev"])
        conn.executemany('insert into quotes (id, article_id, speaker_id, speaker_name, surname_only, role_id, event_id, text, kind, start, "end", paragraph, cue, speaker_mention, mention_start, mention_end, confidence, rule, quotation_id, published) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', batch["quotes"])
        for rows in batch.values():
            rows.clear()

    count = 0
    for index, article in enumerate(a for a in read_paths([path]) if isinstance(a, Article)):
        k, b = divmod(index, n)
        new_id = index + 1
        meta = article.meta
        batch["articles"].append((new_id, article.sha256, article.origin, article.locator, meta.title, meta.published,
                                  meta.source, meta.author, meta.section, meta.url, article.text, version, loaded))
        batch["sources"].append((article.origin, article.locator or "", new_id))
        parts = per_article[base_ids[b]]
        local: dict[int, int] = {}

        def speaker_of(sid: int | None) -> int | None:
            nonlocal next_speaker
            if sid is None:
                return None
            if sid in scoped:
                if sid not in local:
                    name, kind, resolution = scoped[sid]
                    batch["speakers"].append((next_speaker, name, kind, speaker_key(name, kind), new_id, resolution))
                    local[sid] = next_speaker
                    next_speaker += 1
                return local[sid]
            return wide_map[(sid, (k + sid) % variants)]

        role_map = {}
        for rid, sid, title, org, place in parts["roles"]:
            role_map[rid] = next_role
            batch["roles"].append((next_role, speaker_of(sid), new_id, title, org, place))
            next_role += 1
        for sid, alias in parts["aliases"]:
            batch["aliases"].append((speaker_of(sid), new_id, alias))
        for eid in parts["events"]:
            batch["aev"].append((new_id, eid))
        for q in parts["quotes"]:
            qid, sid, sname, alone, rid, eid, *rest = q
            batch["quotes"].append((next_quote, new_id, speaker_of(sid), sname, alone, role_map.get(rid), eid, *rest, meta.published))
            next_quote += 1
        count += 1
        if count % 5000 == 0:
            flush()
    flush()
    conn.execute("update quotations set occurrences = (select count(distinct article_id) from quotes where quotation_id = quotations.id)")
    state = FileState.of(path).hashed()
    conn.execute("insert into source_files (path, size, mtime, sha256, parser_version, articles, loaded_at) values (?,?,?,?,?,?,?)",
                 (state.path, state.size, state.mtime, state.sha256, version, count, loaded))
    restore_quote_search(conn)
    restore_speaker_counts(conn)
    restore_quote_dates(conn)
    restore_quote_names(conn)
    restore_facet_counts(conn)
    index_windows(conn)
    conn.execute("commit")
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.execute("pragma journal_mode = delete")
    conn.execute("analyze")
    totals = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("articles", "quotes", "speakers", "roles", "quotations")}
    conn.close()
    return {"db": str(db), "corpus": str(corpus), "copies": copies, "variants": variants, "seconds": time.perf_counter() - t0,
            "size_mb": db.stat().st_size / 2**20, **totals}


def bench_rebuild_large(large: dict, repeat: int, jobs: int) -> dict:
    command = [*quotedb_command(), "build", large["corpus"], "--db", large["db"], "--jobs", str(jobs)]
    unchanged = [run_measured(command) for _ in range(repeat)]
    os.utime(large["corpus"])
    touched = run_measured(command)
    return {
        "articles": large["articles"],
        "unchanged_seconds": statistics.median(r[0] for r in unchanged),
        "unchanged_runs": [round(r[0], 2) for r in unchanged],
        "unchanged_summary": unchanged[-1][2].strip(),
        "touched_seconds": touched[0],
        "touched_summary": touched[2].strip(),
        "peak_rss_mb": max(r[1] for r in unchanged) / 2**20,
        "peak_pss_mb": max(r[3] for r in unchanged) / 2**20,
    }


def write_passes(replica: Path, path: Path, passes: int) -> Path:
    """The replicated corpus read `passes` times as many archives: from the second pass on,
    every text gets a closing line of its own, so each is a new article whose quotes repeat
    those already stored (what a settle must fold into existing quotations)."""
    csv.field_size_limit(1 << 30)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        for k in range(passes):
            with open(replica, newline="", encoding="utf-8") as source:
                rows = csv.reader(source)
                header = next(rows)
                if k == 0:
                    out.writerow(header)
                for row in rows:
                    out.writerow(row if k == 0 else [*row[:-1], f"{row[-1]}\n\nArchive {k + 1}."])
    return path


def bench_stream(corpus: str, workdir: Path, jobs: int, seconds: float) -> dict:
    """A first build of a large corpus, from nothing to its last settle (or stopped after
    `seconds` when > 0): tree RSS and PSS and articles stored every 10 s, to show memory
    stays flat while streaming and settling, and the articles/s of the whole build."""
    import signal

    db = fresh(workdir / "stream.db")
    start = time.perf_counter()
    proc = subprocess.Popen([*quotedb_command(), "build", corpus, "--db", str(db), "--jobs", str(jobs)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    samples, peak, peak_pss, top, top_pss = [], 0, 0, 0, 0
    while (seconds <= 0 or time.perf_counter() - start < seconds) and proc.poll() is None:
        rss, pss = tree_memory(proc.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        if time.perf_counter() - start >= 10 * (len(samples) + 1):
            try:
                stored = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1).execute("select count(*) from articles").fetchone()[0]
            except sqlite3.Error:
                stored = None
            samples.append({"seconds": 10 * (len(samples) + 1), "rss_mb": round(peak / 2**20), "pss_mb": round(peak_pss / 2**20),
                            "articles": stored})
            top, top_pss = max(top, peak), max(top_pss, peak_pss)
            peak = peak_pss = 0
        time.sleep(0.05)
    top, top_pss = max(top, peak), max(top_pss, peak_pss)
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    out = proc.communicate()[0]
    elapsed = time.perf_counter() - start
    counts = summary_counts(out)
    articles = counts.get("added", 0) + counts.get("updated", 0) + counts.get("unchanged", 0) + counts.get("duplicates", 0)
    return {"seconds": elapsed, "completed": proc.returncode in (0, 1) and bool(articles), "summary": out.strip(),
            "articles_per_s": articles / elapsed if articles else None,
            "peak_rss_mb": top / 2**20, "peak_pss_mb": top_pss / 2**20, "samples": samples}


# --- 4. pages -------------------------------------------------------------------------


def page_sql(db: Path, speaker_id: int, speaker: str, word: str) -> dict[str, tuple[str, dict]]:
    """The main SQL behind each page, as Datasette and the site run it, for EXPLAIN QUERY PLAN."""
    from quotedb.site.facets import KEPT_SQL
    from quotedb.site.metadata import load_metadata

    queries = load_metadata(database=db.stem)["databases"][db.stem]["queries"]
    return {
        "speaker page (one page of its quotes)": (
            "select id, text, kind, cue, article_id, article_title, published, source from quotes where speaker_id = :id "
            "order by published is null, published desc, article_id desc, start limit 100 offset 0", {"id": speaker_id}),
        "quotes_by_speaker": (queries["quotes_by_speaker"]["sql"], {"speaker": speaker, "page": ""}),
        "speaker facet on quotes_view, unfiltered (kept counts, quotedb.site.facets)": (KEPT_SQL, {"facet": "speaker", "limit": 31}),
        "speaker facet on quotes_view, Datasette's own SQL (what the kept counts replace)": (
            "select speaker as value, count(*) as count from (select * from quotes_view) "
            "where speaker is not null group by speaker order by count desc, value limit 31", {}),
        "speaker facet on quotes_view filtered by a speaker's name": (
            "select speaker as value, count(*) as count from (select * from quotes_view where speaker = :s) "
            "where speaker is not null group by speaker order by count desc, value limit 31", {"s": speaker}),
        "quotes_view row count": ("select count(*) from quotes_view", {}),
        "quotes_view page rows (sort_desc published)": ("select * from quotes_view order by published desc limit 101", {}),
        "FTS search (search_quotes)": (queries["search_quotes"]["sql"].replace("escape_fts_query(:q)", ":q"), {"q": word, "page": ""}),
        "top_speakers": (queries["top_speakers"]["sql"], {}),
    }


def explain(db: Path, sql: str, params: dict) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
    try:
        rows = conn.execute(f"explain query plan {sql}", params).fetchall()
    finally:
        conn.close()
    depth = {0: 0}
    lines = []
    for node, parent, _, detail in rows:
        depth[node] = depth.get(parent, 0) + 1
        lines.append("  " * (depth[node] - 1) + detail)
    return lines


def bench_pages(db: Path, repeat: int, facet_limit_ms: int | None) -> dict:
    from urllib.parse import quote as urlquote

    from quotedb.site.publish import make_datasette

    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
    ranked = conn.execute("select id, name, quote_count from speakers where quote_count > 0 order by quote_count desc").fetchall()
    typical = ranked[len(ranked) // 50]
    top = ranked[0]
    word = "economy"
    matches = conn.execute("select count(*) from quotes_fts where quotes_fts match ?", (word,)).fetchone()[0]
    conn.close()
    settings = {"facet_time_limit_ms": facet_limit_ms} if facet_limit_ms else None
    ds = make_datasette(db, immutable=True, settings=settings)
    name = db.stem
    pages = {
        f"speaker page, typical speaker ({typical[2]} quotes)": f"/{name}/speakers/{typical[0]}",
        f"speaker page, most quoted speaker ({top[2]} quotes; first page of 100)": f"/{name}/speakers/{top[0]}",
        "speaker page, most quoted speaker, its last page": f"/{name}/speakers/{top[0]}?page={-(-top[2] // 100)}",
        f"quotes_by_speaker, typical speaker ({typical[2]} quotes)": f"/{name}/quotes_by_speaker?speaker={urlquote(typical[1])}",
        f"quotes_by_speaker, most quoted speaker ({top[2]} quotes; first page of 100)": f"/{name}/quotes_by_speaker?speaker={urlquote(top[1])}",
        "quotes_by_speaker, most quoted speaker, its last page": f"/{name}/quotes_by_speaker?speaker={urlquote(top[1])}&page={-(-top[2] // 100)}",
        "speaker facet on quotes_view (JSON, _facet=speaker, with row count and the 4 configured facets)": f"/{name}/quotes_view.json?_facet=speaker&_size=0",
        "speaker facet on quotes_view (JSON, _facet=speaker, _nocount=1)": f"/{name}/quotes_view.json?_facet=speaker&_size=0&_nocount=1",
        "quotes_view filtered by the most quoted speaker (HTML: count, 4 facets, rows)": f"/{name}/quotes_view?speaker={urlquote(top[1])}",
        "quotes_view page (HTML: row count, configured facets kind/speaker/event/source)": f"/{name}/quotes_view",
        "quotes_view page (HTML, _nocount=1&_nofacet=1)": f"/{name}/quotes_view?_nocount=1&_nofacet=1",
        f"FTS search_quotes q={word} ({matches} matches, first page of 50 by rank)": f"/{name}/search_quotes?q={word}",
        f"FTS quotes_view?_search={word}": f"/{name}/quotes_view?_search={word}",
        "top_speakers": f"/{name}/top_speakers",
    }

    async def timed() -> dict:
        await ds.invoke_startup()
        results = {}
        for label, path in pages.items():
            response = await ds.client.get(path)
            if response.status_code != 200:
                title = re.search(r"<title>(.*?)</title>", response.text)
                results[label] = {"path": path, "status": response.status_code, "note": title.group(1) if title else response.text[:200]}
                continue
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                response = await ds.client.get(path)
                times.append((time.perf_counter() - start) * 1000)
            note = ""
            if "_facet=speaker" in path:
                facet = (response.json().get("facet_results") or {}).get("speaker")
                note = f"facet computed ({len(facet['results'])} values)" if facet else "facet missing: timed out (facet_time_limit_ms)"
            elif "facet-timed-out" in response.text or "timed out" in response.text.lower():
                note = "some facet or query timed out"
            results[label] = {"path": path, "median_ms": statistics.median(times), "min_ms": min(times), "note": note}
        csv_path = f"/{name}/quotes_view.csv?speaker={urlquote(top[1])}&_stream=1&_size=max"
        start = time.perf_counter()
        response = await ds.client.get(csv_path)
        lines = list(csv.reader(response.text.splitlines()))[1:]
        results["streamed CSV export of the most quoted speaker (complete?)"] = {
            "path": csv_path, "status": response.status_code, "ms": (time.perf_counter() - start) * 1000,
            "rows": len(lines), "expected": top[2], "complete": len(lines) == top[2],
        }
        return results

    results = asyncio.run(timed())
    plans = {label: explain(db, sql, params) for label, (sql, params) in page_sql(db, typical[0], typical[1], word).items()}
    timings = {}
    for label, (sql, params) in page_sql(db, typical[0], typical[1], word).items():
        conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
        times = []
        for _ in range(max(3, repeat // 2)):
            start = time.perf_counter()
            conn.execute(sql, params).fetchall()
            times.append((time.perf_counter() - start) * 1000)
        conn.close()
        timings[label] = statistics.median(times)
    return {"pages": results, "plans": plans, "sql_ms": timings}


# --- main -----------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=20_000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--page-repeat", type=int, default=9)
    parser.add_argument("--facet-time-limit-ms", type=int, default=None,
                        help="Datasette facet_time_limit_ms for the page timings (default: Datasette's, 200).")
    parser.add_argument("--skip", action="append", default=[], choices=["extractor", "build", "large", "stream", "pages"])
    parser.add_argument("--stream-seconds", type=float, default=0,
                        help="Stop the first build of the replicated corpus after this long (default 0: run it to the end).")
    parser.add_argument("--large-db", type=Path, help="Reuse a large database (and its replica.csv beside it).")
    parser.add_argument("--stream-passes", type=int, default=1,
                        help="Build the replicated corpus read this many times as separate archives (stream step).")
    parser.add_argument("--out", type=Path, help="Write the results as JSON here too.")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="quotedb-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report: dict = {"nproc": os.cpu_count(), "corpus": args.corpus, "workdir": str(workdir)}

    def show(key: str, value) -> None:
        report[key] = value
        print(f"== {key}\n{json.dumps(value, indent=2, default=str)}", flush=True)
        if args.out:
            args.out.write_text(json.dumps(report, indent=2, default=str))

    if "extractor" not in args.skip:
        show("extractor", bench_extractor(args.corpus, args.repeat))
    if "build" not in args.skip:
        show("build", bench_build(args.corpus, workdir, args.jobs, args.repeat))
    large_db = args.large_db
    if "large" not in args.skip and large_db is None:
        base = workdir / f"build-{args.jobs}.db"
        if not base.exists():
            run_measured([*quotedb_command(), "build", args.corpus, "--db", str(base), "--jobs", str(args.jobs)])
        large = build_large(base, workdir, args.quotes, args.speakers)
        show("large_db", large)
        show("large_rebuild", bench_rebuild_large(large, args.repeat, args.jobs))
        large_db = Path(large["db"])
    if "stream" not in args.skip and large_db is not None:
        replica = large_db.parent / "replica.csv"
        if args.stream_passes > 1:
            replica = write_passes(replica, workdir / f"replica-x{args.stream_passes}.csv", args.stream_passes)
        show("stream", bench_stream(str(replica), workdir, args.jobs, args.stream_seconds))
    if "pages" not in args.skip and large_db is not None:
        show("pages", bench_pages(large_db, args.page_repeat, args.facet_time_limit_ms))


if __name__ == "__main__":
    main()
