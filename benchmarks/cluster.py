"""quotedb on Dask: extraction on a LocalCluster against the home-made pool, and the Parquet load.

    python benchmarks/cluster.py CORPUS [--workdir DIR] [--repeat 3] [--partition-size 100]
                                     [--large-db DB] [--copies 10] [--skip extract|load|large|memory]
                                     [--modes dask-1,dask-2,pool-1,pool-2,build-jobs-1,build-jobs-2]

Everything is written to --workdir (default: a new folder under /tmp), never the repo.

1. extract: per repeat, in turn (interleaved, so the machine's drift hits all alike):
   `extract_to_parquet` on a LocalCluster of 1 and of 2 one-thread worker processes
   (cluster start-up and the workers' first imports timed apart), the home-made pool's extraction alone
   (`quotedb.parallel.analysed` with `--jobs` 1 and 2: read in this process, extract in
   the workers, results back in order), and `quotedb build --jobs 1/2` whole (subprocess).
   Peak RSS of each Dask worker process is sampled from /proc every 100 ms.
2. load: `quotedb load` of the corpus's Parquet into a new database, a subprocess pinned
   to one core (`taskset -c 0`), wall time and peak RSS.
3. large: the same, into a copy of a database already holding a million quotes
   (`--large-db`, made by `benchmarks/run.py`), of the corpus with a closing line added to
   every text, so that every article is new and its quotes repeat stored ones.
4. memory: the corpus written `--copies` times (each copy a new article) extracted on
   2 workers and loaded: peak RSS per worker and of the load against the corpus once.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import fresh, quotedb_command, run_measured, summary_counts  # noqa: E402


def rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class Sampler:
    """Peak RSS of each of some processes, sampled every 100 ms while in the `with`."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.peak = dict.fromkeys(pids, 0)
        self._done = threading.Event()

    def __enter__(self):
        def sample() -> None:
            while not self._done.is_set():
                for pid in self.pids:
                    self.peak[pid] = max(self.peak[pid], rss(pid))
                self._done.wait(0.1)

        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def count_articles(corpus: str) -> int:
    from quotedb.model import Article
    from quotedb.read import read_paths

    return sum(1 for item in read_paths([corpus]) if isinstance(item, Article))


def _warm() -> None:
    import pyarrow.parquet  # noqa: F401

    import quotedb.extract  # noqa: F401


def dask_extract(corpus: str, out: Path, workers: int, size: int) -> dict:
    from distributed import Client, LocalCluster

    from quotedb.distributed.run import extract_to_parquet

    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        # Long-lived workers have imported the engine and pyarrow before their first
        # partition: that fixed cost is timed with the start-up, not the extraction.
        client.run(_warm)
        started = time.perf_counter() - start
        pids = list(client.run(os.getpid).values())
        before = {pid: cpu_seconds(pid) for pid in pids}
        with Sampler(pids) as sampler:
            begin = time.perf_counter()
            summary = extract_to_parquet([corpus], out, client=client, size=size)
            seconds = time.perf_counter() - begin
        cpu = [round(cpu_seconds(pid) - before[pid], 2) for pid in pids]
    assert not summary.failed, summary.failed
    return {
        "seconds": round(seconds, 3),
        "startup_seconds": round(started, 2),
        "articles": summary.articles,
        "partitions": summary.partitions,
        "worker_peak_rss_mb": sorted(round(v / 2**20) for v in sampler.peak.values()),
        "worker_cpu_seconds": cpu,
    }


def pool_extract(corpus: str, jobs: int) -> dict:
    """The home-made pool on extraction alone: what `quotedb build --jobs N` overlaps with writing."""
    from quotedb.build import ArticleStep, read
    from quotedb.model import Article
    from quotedb.parallel import analysed

    begin = time.perf_counter()
    mine, children = os.times()[0:2], os.times()[2:4]
    steps = (ArticleStep(a, True, [True]) for a in read(corpus) if isinstance(a, Article))
    done = sum(1 for _ in analysed(steps, jobs, work=("quotedb.build", "analyse")))
    after = os.times()
    return {
        "seconds": round(time.perf_counter() - begin, 3),
        "articles": done,
        "main_cpu_seconds": round(sum(after[0:2]) - sum(mine), 2),
        "workers_cpu_seconds": round(sum(after[2:4]) - sum(children), 2),
    }


def build_whole(corpus: str, db: Path, jobs: int) -> dict:
    seconds, peak, out, _ = run_measured([*quotedb_command(), "build", corpus, "--db", str(fresh(db)), "--jobs", str(jobs)])
    return {"seconds": round(seconds, 3), "articles": summary_counts(out).get("added"), "peak_rss_mb": round(peak / 2**20)}


def load_pinned(out: Path, db: Path) -> dict:
    command = ["taskset", "-c", "0", *quotedb_command(), "load", str(out), "--db", str(db)]
    seconds, peak, stdout, _ = run_measured(command)
    return {"seconds": round(seconds, 3), **summary_counts(stdout), "peak_rss_mb": round(peak / 2**20), "line": stdout.strip()}


def spread(values: list[float]) -> dict:
    return {"best": min(values), "median": round(statistics.median(values), 3), "all": values}


MODES = ("dask-1", "dask-2", "pool-1", "pool-2", "build-jobs-1", "build-jobs-2")


def bench_extract(corpus: str, workdir: Path, repeat: int, size: int, modes: list[str]) -> dict:
    runs: dict[str, list[dict]] = {}
    for r in range(repeat):
        for name, run in (
            ("dask-1", lambda: dask_extract(corpus, workdir / "parquet-1", 1, size)),
            ("dask-2", lambda: dask_extract(corpus, workdir / "parquet-2", 2, size)),
            ("pool-1", lambda: pool_extract(corpus, 1)),
            ("pool-2", lambda: pool_extract(corpus, 2)),
            ("build-jobs-1", lambda: build_whole(corpus, workdir / "build-1.db", 1)),
            ("build-jobs-2", lambda: build_whole(corpus, workdir / "build-2.db", 2)),
        ):
            if name not in modes:
                continue
            result = run()
            result["load_average"] = os.getloadavg()[0]
            runs.setdefault(name, []).append(result)
            print(f"  repeat {r + 1} {name}: {json.dumps(result)}", flush=True)
    report = {}
    for name, results in runs.items():
        seconds = [x["seconds"] for x in results]
        articles = results[0]["articles"]
        report[name] = {
            "seconds": spread(seconds),
            "articles_per_s": {"best": round(articles / min(seconds)), "median": round(articles / statistics.median(seconds))},
            "load_average": [x["load_average"] for x in results],
            **{k: [x[k] for x in results] for k in ("startup_seconds", "worker_peak_rss_mb", "peak_rss_mb") if k in results[0]},
        }
    if "dask-1" not in runs or "dask-2" not in runs:
        return report
    one = [sum(x["worker_cpu_seconds"]) for x in runs["dask-1"]]
    two = [max(x["worker_cpu_seconds"]) for x in runs["dask-2"]]
    report["dask_cpu"] = {
        "one_worker_cpu_seconds": one,
        "two_workers_cpu_seconds": [x["worker_cpu_seconds"] for x in runs["dask-2"]],
        # With two free cores the wall time of 2 workers is that of the busier one.
        "speedup_bound_if_cores_were_free": round(statistics.median(one) / statistics.median(two), 3),
    }
    ratios = [a["seconds"] / b["seconds"] for a, b in zip(runs["dask-1"], runs["dask-2"])]
    report["dask_speedup_1_to_2"] = {"per_repeat": [round(x, 3) for x in ratios], "median": round(statistics.median(ratios), 3),
                                     "of_medians": round(statistics.median([x["seconds"] for x in runs["dask-1"]]) / statistics.median([x["seconds"] for x in runs["dask-2"]]), 3)}
    if "pool-1" not in runs or "pool-2" not in runs:
        return report
    pool = [a["seconds"] / b["seconds"] for a, b in zip(runs["pool-1"], runs["pool-2"])]
    report["pool_speedup_1_to_2"] = {"per_repeat": [round(x, 3) for x in pool], "median": round(statistics.median(pool), 3)}
    return report


def bench_load(out: Path, workdir: Path, repeat: int, base: Path | None = None) -> dict:
    results = []
    for _ in range(repeat):
        db = fresh(workdir / ("load-large.db" if base else "load.db"))
        if base:
            shutil.copyfile(base, db)
        results.append(load_pinned(out, db))
        results[-1]["load_average"] = os.getloadavg()[0]
        print(f"  load{' into ' + str(base) if base else ''}: {json.dumps(results[-1])}", flush=True)
    seconds = [x["seconds"] for x in results]
    articles = results[0].get("added", 0)
    return {
        "seconds": spread(seconds),
        "articles": articles,
        "articles_per_s": {"best": round(articles / min(seconds)), "median": round(articles / statistics.median(seconds))},
        "peak_rss_mb": [x["peak_rss_mb"] for x in results],
        "load_average": [x["load_average"] for x in results],
        "line": results[-1]["line"],
    }


def copies_csv(corpus: str, path: Path, copies: range) -> Path:
    """The CSV corpus once per number in `copies`, each text but copy 1's given a closing
    line of its own (`Archive N.`), so every copy is new articles repeating the same quotes."""
    import csv

    csv.field_size_limit(1 << 30)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        for k in copies:
            with open(corpus, newline="", encoding="utf-8") as source:
                rows = csv.reader(source)
                header = next(rows)
                text = [h.strip().lower() for h in header].index("text")
                if k == copies[0]:
                    out.writerow(header)
                for row in rows:
                    if k > 1:
                        row[text] = f"{row[text]}\n\nArchive {k}."
                    out.writerow(row)
    return path


def one_parquet(corpus: str, out: Path, size: int) -> Path:
    if not (out / "_partitions").exists():
        dask_extract(corpus, out, 2, size)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--partition-size", type=int, default=100)
    parser.add_argument("--large-db", type=Path)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--modes", default=",".join(MODES), help=f"Extract step: which of {', '.join(MODES)} to run.")
    parser.add_argument("--skip", action="append", default=[], choices=["extract", "load", "large", "memory"])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="quotedb-dask-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report: dict = {"nproc": os.cpu_count(), "corpus": args.corpus, "articles": count_articles(args.corpus)}

    def show(key: str, value) -> None:
        report[key] = value
        print(f"== {key}\n{json.dumps(value, indent=2, default=str)}", flush=True)
        if args.out:
            args.out.write_text(json.dumps(report, indent=2, default=str))

    size = args.partition_size
    if "extract" not in args.skip:
        show("extract", bench_extract(args.corpus, workdir, args.repeat, size, args.modes.split(",")))
    if "load" not in args.skip:
        show("load", bench_load(one_parquet(args.corpus, workdir / "parquet-2", size), workdir, args.repeat))
    if "large" not in args.skip and args.large_db:
        copies_csv(args.corpus, workdir / "new-articles.csv", range(2, 3))
        new = one_parquet(str(workdir / "new-articles.csv"), workdir / "parquet-new", size)
        show("large", bench_load(new, workdir, args.repeat, base=args.large_db))
    if "memory" not in args.skip:
        many = copies_csv(args.corpus, workdir / f"x{args.copies}.csv", range(1, args.copies + 1))
        once = dask_extract(args.corpus, workdir / "mem-once", 2, size)
        times = dask_extract(str(many), workdir / "mem-many", 2, size)
        load_once = load_pinned(workdir / "mem-once", fresh(workdir / "mem-once.db"))
        load_many = load_pinned(workdir / "mem-many", fresh(workdir / "mem-many.db"))
        show("memory", {"extract_once": once, f"extract_x{args.copies}": times, "load_once": load_once, f"load_x{args.copies}": load_many})


if __name__ == "__main__":
    main()
