"""The long run of the reliability suite (issue 17): what tests/reliability/ checks in CI,
at sizes and counts CI has no time for. It writes only under --workdir (default: a new
folder under /tmp), never copies a corpus into the repository, and prints one JSON
object of figures (also written to --out).

    .venv/bin/python benchmarks/reliability.py fuzz  [--texts 100000] [--size 3] [--seed 17]
    .venv/bin/python benchmarks/reliability.py crash CORPUS.csv [--copies 2] [--kills 20] [--jobs 2]
    .venv/bin/python benchmarks/reliability.py load  CORPUS.csv [--clients 20] [--seconds 30]

fuzz: generated texts (tests/reliability/fuzztexts.py, `--size` times longer than in CI)
and the 100 KB monsters: crashes, invariant violations, the slowest inputs in seconds per
100 KB. crash: CORPUS replicated `--copies` times (each copy's text marked, so none is a
repeat), a clean build, then `--kills` kill -9 of the build and as many of one worker at
moments drawn uniformly over the clean build's duration, and Ctrl-C a few times: after
each, integrity_check and a rerun compared table by table with the clean build. load: a
mutable `quotedb serve` under `--clients` concurrent clients for `--seconds` while a build
adds the replicated corpus: errors and latency percentiles per kind of page; then an
immutable server whose file is rebuilt underneath it.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "reliability"))

import crash  # noqa: E402
import fuzztexts  # noqa: E402


def replicate(corpus: Path, out: Path, copies: int, first: int = 1) -> int:
    """CORPUS (a CSV with a text column) `copies` times over, each copy's texts marked
    (copy `first`, `first` + 1, ...)."""
    csv.field_size_limit(1 << 26)
    rows = 0
    with open(corpus, newline="", encoding="utf-8") as f, open(out, "w", newline="", encoding="utf-8") as g:
        reader = csv.DictReader(f)
        writer = csv.DictWriter(g, fieldnames=reader.fieldnames)
        writer.writeheader()
        source = list(reader)
        for k in range(copies):
            for row in source:
                writer.writerow({**row, "text": f"{row['text']}\n\nArchive copy {first + k}."})
                rows += 1
    return rows


def fuzz(args) -> dict:
    from test_fuzz_engine import budget, cpu_seconds, violations

    crashes, broken, slow = [], [], []
    started = time.monotonic()
    total = 0
    rates = []
    for i, text in fuzztexts.texts(args.seed, args.texts, size=args.size):
        t0 = time.process_time()
        try:
            wrong = violations(text)
        except Exception as exc:  # noqa: BLE001
            crashes.append(f"{args.seed}:{i}: {type(exc).__name__}: {exc}")
            continue
        spent = time.process_time() - t0
        total += len(text)
        size = len(text.encode("utf-8"))
        rates.append((spent / max(size, 1) * 100_000, size, i))
        if wrong:
            broken.append(f"{args.seed}:{i}: {wrong[0]}")
        if spent > budget(text):
            slow.append(f"{args.seed}:{i} ({size} bytes): {spent:.2f} s")
    rates.sort(reverse=True)
    long_ones = sorted((r for r in rates if r[1] >= 10_000), reverse=True)
    monsters = {}
    for name, text in fuzztexts.monsters(100_000).items():
        monsters[name] = round(cpu_seconds(text), 3)
    return {
        "texts": args.texts, "size": args.size, "seed": args.seed, "characters": total,
        "seconds": round(time.monotonic() - started, 1), "crashes": crashes, "invariant_violations": broken,
        "over_budget": slow,
        "slowest_per_100kb_of_texts_over_10kb": [{"text": f"{args.seed}:{i}", "bytes": b, "s_per_100kb": round(r, 3)}
                                                 for r, b, i in long_ones[:5]],
        "monsters_cpu_s_at_100kb": monsters,
    }


def crash_run(args) -> dict:
    work = Path(args.workdir)
    folder = work / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    rows = replicate(Path(args.corpus), folder / "replica.csv", args.copies)
    clean_s, clean = crash.build(folder, work / "clean.db", args.jobs, work)
    assert clean.returncode == 0, clean.stderr
    want = crash.dump(work / "clean.db")
    want_content = crash.content(work / "clean.db")
    rng = random.Random(args.seed)
    plan = [("build", rng.uniform(0.5, clean_s)) for _ in range(args.kills)]
    plan += [("worker", rng.uniform(0.5, clean_s)) for _ in range(args.worker_kills)]
    plan += [("ctrl-c", rng.uniform(0.5, clean_s)) for _ in range(args.interrupts)]
    rng.shuffle(plan)
    trials = []
    for n, (target, delay) in enumerate(plan, 1):
        t = crash.trial(folder, work / "killed.db", want, delay, target, args.jobs, work, want_content=want_content)
        trials.append(t)
        print(f"{n}/{len(plan)} {target} at {delay:.1f}s: killed={t.killed} committed={t.committed} "
              f"integrity={t.integrity} rerun={t.rerun_status} diff={t.differences} content_diff={t.content_differences} "
              f"hung={t.hung} "
              f"status={t.status} {t.detail[:100]!r}", file=sys.stderr, flush=True)
    summary = {}
    for target in ("build", "worker", "ctrl-c"):
        mine = [t for t in trials if t.target == target]
        summary[target] = {
            "tried": len(mine),
            "landed_mid_build": sum(t.killed for t in mine),
            "committed_articles_at_kill": sorted(t.committed for t in mine),
            "hung": sum(t.hung for t in mine),
            "integrity_not_ok": sum(t.integrity != "ok" and not t.integrity.startswith("ok ") for t in mine),
            "rerun_failed": sum(t.rerun_status != 0 for t in mine),
            "rerun_differs_from_clean": sum(bool(t.differences) for t in mine),
            "rerun_content_differs_from_clean": sum(bool(t.content_differences) for t in mine),
            "differences": [t.differences for t in mine if t.differences],
            "exit_statuses": sorted({t.status for t in mine if t.status is not None}),
            "messages": sorted({t.detail.splitlines()[-1][:160] for t in mine if t.detail}),
        }
    return {"corpus": args.corpus, "copies": args.copies, "articles": rows, "jobs": args.jobs,
            "clean_build_s": round(clean_s, 1), "rows_per_table": {k: len(v) for k, v in want.items()},
            "trials": summary}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--out", default=None)
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("fuzz")
    p.add_argument("--texts", type=int, default=100_000)
    p.add_argument("--size", type=int, default=3)
    p.add_argument("--seed", type=int, default=17)
    p = sub.add_parser("crash")
    p.add_argument("corpus")
    p.add_argument("--copies", type=int, default=2)
    p.add_argument("--kills", type=int, default=20)
    p.add_argument("--worker-kills", type=int, default=20)
    p.add_argument("--interrupts", type=int, default=5)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--seed", type=int, default=17)
    p = sub.add_parser("load")
    p.add_argument("corpus")
    p.add_argument("--copies", type=int, default=2)
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    args.workdir = args.workdir or tempfile.mkdtemp(prefix=f"qb-rel-{args.step}-")
    Path(args.workdir).mkdir(parents=True, exist_ok=True)
    result = {"fuzz": fuzz, "crash": crash_run, "load": load}[args.step](args)
    result["command"] = " ".join(sys.argv)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")


def load(args) -> dict:
    """A mutable server under load while a build adds the second half of the replicated
    corpus; then the same with an immutable server whose file is rebuilt underneath it."""
    import serveload

    work = Path(args.workdir)
    first, second = work / "corpus", work / "more"
    first.mkdir(parents=True, exist_ok=True)
    second.mkdir(parents=True, exist_ok=True)
    replicate(Path(args.corpus), first / "replica.csv", 1)
    replicate(Path(args.corpus), second / "replica-2.csv", args.copies, first=2)
    result = {"corpus": args.corpus, "clients": args.clients, "seconds": args.seconds}
    for mode, flags in (("mutable", ("--mutable",)), ("immutable", ())):
        db = work / f"{mode}.db"
        _, done = crash.build(first, db, 2, work)
        assert done.returncode == 0, done.stderr
        server, port = serveload.serve(db, *flags)
        try:
            targets = serveload.targets_of(db)
            result[f"{mode}_idle"] = serveload.hammer(port, targets, args.clients, 5)
            result[f"{mode}_while_building"] = serveload.write_while_serving(
                db, second, port, targets, args.clients, args.seconds, jobs=args.jobs)
            result[f"{mode}_after_build"] = serveload.hammer(port, targets, args.clients, 5)
        finally:
            serveload.stop(server)
    return result


if __name__ == "__main__":
    main()
