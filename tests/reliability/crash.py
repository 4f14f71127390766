"""kill -9 and Ctrl-C of `quotedb build`, for the crash-safety test and the long run.

A trial starts a build from nothing, kills it (the main process, or one extraction
worker) after a random delay, checks the file with PRAGMA integrity_check, then builds
again to the end and compares every table, row by row, with a clean build's.
"""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

QUOTEDB = [sys.executable, "-c", "from quotedb.cli import cli; cli()"]

PEOPLE = ["Ana Ruiz", "Tomas Berg", "Lena Okafor", "Piet Mensah", "Sara Lindqvist", "Omar Haddad", "Mei Tanaka",
          "Jon Arce", "Ilse Vogt", "Karim Saleh", "Nora Quist", "Ezra Holm"]
ROLES = ["the mayor of Tollan", "the harbour master", "a nurse at the county hospital", "the head of the ferry union",
         "minister of transport", "spokeswoman for the council"]
TOPICS = ["the river bridge", "the night ferry", "the new clinic", "the school roof", "the flood wall", "the tram line"]
SAYINGS = ["We will finish {t} before the winter comes back", "Nobody asked the people who live next to {t}",
           "The money for {t} was promised two years ago", "I walked past {t} every morning and saw nothing change"]


FIRST = ["Rosa", "Ivan", "Dara", "Felix", "Gwen", "Hugo", "Alma", "Boris"]
LAST = ["Calder", "Dunmore", "Esterby", "Fallow", "Grange", "Harrow", "Inwood", "Jessop", "Kettle", "Lorimer"]


def newcomer(i: int) -> tuple[str, str]:
    """A person new every six articles, named in full only in the fourth of them: the
    three before quote a surname alone, which a settle moves onto the person."""
    k = i // 6
    return FIRST[k % len(FIRST)], f"{LAST[k // len(FIRST) % len(LAST)]}{'' if k < 80 else k}"


def article_text(i: int) -> str:
    """An article with direct and reported speech, shared and surname-only speakers."""
    person, other = PEOPLE[i % len(PEOPLE)], PEOPLE[(i * 7 + 3) % len(PEOPLE)]
    topic, later = TOPICS[i % len(TOPICS)], TOPICS[(i // 3) % len(TOPICS)]
    first, last = newcomer(i)
    newest = f"said {first} {last}, a farmer from Tollan" if i % 6 >= 3 else f"{last} said"
    return (f"Work on {topic} entered week {i} on Tuesday at the Tollan Infrastructure Summit.\n\n"
            f'"{SAYINGS[i % 4].format(t=topic)}," said {person}, {ROLES[i % len(ROLES)]}.\n\n'
            f"{other} told the council that the plan for {later} had changed {i % 5 + 1} times.\n\n"
            f'"{SAYINGS[(i + 1) % 4].format(t=later)}," {other.split()[-1]} said.\n\n'
            f'"{SAYINGS[(i + 2) % 4].format(t=topic)}," {newest}.\n')


def write_corpus(folder: Path, articles: int, first: int = 0) -> Path:
    """A CSV of `articles` rows and a few text files beside it (articles first, first + 1, ...)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = max(articles // 50, 1)
    with open(folder / f"corpus-{first}.csv", "w", newline="", encoding="utf-8") as f:
        rows = csv.writer(f)
        rows.writerow(["title", "date", "source", "text"])
        for i in range(first, first + articles - texts):
            rows.writerow([f"Tollan works {i}", f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}", "Tollan Courier", article_text(i)])
    for i in range(first + articles - texts, first + articles):
        (folder / f"story-{i}.txt").write_text(article_text(i), encoding="utf-8")
    return folder


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table (full-text shadow tables included), load times left out."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        tables = [name for (name,) in conn.execute("select name from sqlite_master where type = 'table' "
                                                   "and name not like 'sqlite_%' order by name")]
        search = [t for t in tables if f"{t}_data" in tables and f"{t}_idx" in tables]
        for table in search:  # FTS5 checks its index against its content itself
            conn.execute(f"insert into [{table}]([{table}]) values ('integrity-check')")
        # The shadow tables' layout depends on the history of inserts; the content does not.
        shadows = {f"{t}_{part}" for t in search for part in ("data", "idx", "docsize", "config", "content")}
        for table in tables:
            if table in shadows:
                continue
            columns = [c[1] for c in conn.execute(f"pragma table_info([{table}])") if c[1] not in ("loaded_at", "mtime")]
            if columns:
                listed = ", ".join(f"[{c}]" for c in columns)
                out[table] = conn.execute(f"select {listed} from [{table}] order by {listed}").fetchall()
        return out
    finally:
        conn.close()


#: Kept by a settle for the next one (quotedb.store.models.SettleState): written when a
#: settle first needs them, so a database upgraded or built in steps may hold more.
CACHES = ("quotation_windows", "settle_state")


def content(db: Path) -> dict[str, list[tuple]]:
    """`dump` without surrogate ids (id and *_id columns) or the caches: what a database
    built another way (an older version, then upgraded) must equal. Links between rows are
    compared through quotes_view, which spells each one out by name."""
    out = {}
    for table, rows in dump(db).items():
        if table in CACHES:
            continue
        conn = sqlite3.connect(db)
        try:
            columns = [c[1] for c in conn.execute(f"pragma table_info([{table}])") if c[1] not in ("loaded_at", "mtime")]
        finally:
            conn.close()
        keep = [i for i, c in enumerate(columns) if c != "id" and not c.endswith("_id")]
        out[table] = sorted((tuple(row[i] for i in keep) for row in rows), key=repr)
    conn = sqlite3.connect(db)
    try:
        columns = [c[1] for c in conn.execute("pragma table_info(quotes_view)") if c[1] != "id" and not c[1].endswith("_id")]
        listed = ", ".join(f"[{c}]" for c in columns)
        out["quotes_view"] = sorted(conn.execute(f"select {listed} from quotes_view").fetchall(), key=repr)
    finally:
        conn.close()
    return out


def differences(got: dict[str, list[tuple]], want: dict[str, list[tuple]]) -> list[str]:
    """Tables whose rows differ, with a count of rows missing and extra."""
    out = []
    for table in sorted(set(got) | set(want)):
        g, w = got.get(table, []), want.get(table, [])
        if g != w:
            missing, extra = len(set(w) - set(g)), len(set(g) - set(w))
            out.append(f"{table}: {len(g)} rows against {len(w)} ({missing} missing, {extra} extra)")
    return out


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return "; ".join(row[0] for row in conn.execute("pragma integrity_check"))
    finally:
        conn.close()


def articles(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # killed before the schema was made
        return 0
    finally:
        conn.close()


def start(corpus: Path, db: Path, jobs: int, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([*QUOTEDB, "build", str(corpus), "--db", str(db), "--jobs", str(jobs)], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_interruptible)


def _interruptible() -> None:
    """A build started from a background job inherits SIGINT ignored (POSIX shells do that
    to background commands), and Python then never raises KeyboardInterrupt: give it back
    the default, as a terminal's foreground build has."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def build(corpus: Path, db: Path, jobs: int, cwd: Path, timeout: float = 600) -> tuple[float, subprocess.CompletedProcess]:
    started = time.monotonic()
    done = subprocess.run([*QUOTEDB, "build", str(corpus), "--db", str(db), "--jobs", str(jobs)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)
    return time.monotonic() - started, done


@dataclass
class Trial:
    target: str  # "build" or "worker" (kill -9), or "ctrl-c"
    delay: float
    killed: bool  # False when the build had finished before the kill
    integrity: str
    rerun_status: int
    differences: list[str]
    hung: bool = False
    detail: str = ""  # the last line on stderr (all of it after a Ctrl-C)
    status: int | None = None  # the killed build's exit status
    committed: int = 0  # articles in the file after the kill, before the rerun
    content_differences: list[str] = field(default_factory=list)  # up to surrogate ids


def trial(corpus: Path, db: Path, want: dict, delay: float, target: str, jobs: int, cwd: Path,
          hang_after: float = 120, after_writing_began: bool = False, want_content: dict | None = None) -> Trial:
    """One kill at `delay` seconds into a build from nothing (counted from when its
    write-ahead log appears, with `after_writing_began`), then a rerun to the end."""
    for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        leftover.unlink(missing_ok=True)
    process = start(corpus, db, jobs, cwd)
    wal = db.with_name(db.name + "-wal")
    deadline = time.monotonic() + hang_after
    while after_writing_began and not wal.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(delay)
    killed = process.poll() is None
    hung = False
    detail = ""
    status = None
    if killed:
        if target == "build":
            os.kill(process.pid, signal.SIGKILL)
        elif target == "ctrl-c":  # what a terminal does: SIGINT to the whole process group
            os.killpg(process.pid, signal.SIGINT)
        else:
            workers = children(process.pid)
            if workers:
                os.kill(workers[len(workers) // 2], signal.SIGKILL)
            else:
                killed = False
    if killed:
        try:
            _, err = process.communicate(timeout=hang_after)
            detail = err.strip() if target == "ctrl-c" else err.strip().splitlines()[-1] if err.strip() else ""
            status = process.returncode
        except subprocess.TimeoutExpired:
            hung = True
    else:
        process.wait()
    # A killed main process leaves its workers orphaned for a moment; a hung one, all of them.
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate()
    checked = integrity(db) if db.exists() else "ok (no file yet)"
    committed = articles(db) if db.exists() else 0
    _, rerun = build(corpus, db, jobs, cwd)
    same_content = differences(content(db), want_content) if want_content is not None else []
    return Trial(target, delay, killed, checked, rerun.returncode, differences(dump(db), want), hung, detail, status,
                 committed, same_content)
