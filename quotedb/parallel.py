"""Fan extraction out to worker processes, keeping input order and bounded memory.

`analysed(steps, jobs)` yields each step with what the work function made of its article
(for `quotedb build`: the extraction laid out as rows, `quotedb.store.prepare`), or None
for a step that needs none, or the error message when the work raised. Steps are read lazily: at most
`LOOKAHEAD` chunks are in flight, so a corpus of any size streams through in flat memory.
The caller's generator runs in the calling thread, so it may use the database.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Iterable, Iterator
from typing import Any

from quotedb.model import Article

CHUNK = 16
LOOKAHEAD = 8

Result = Any


# The work function is named, not passed: resolved when called, in whichever process runs
# it, so a replaced `quotedb.build.analyse` (as tests do) is what forked workers run too.
WORK = ("quotedb.build", "prepared")


def extract_one(article: Article, work: tuple[str, str] = WORK) -> Any:
    """The work on one article; its error as a message, so one article cannot sink a chunk."""
    module, name = work
    try:
        return getattr(importlib.import_module(module), name)(article)[1]
    except Exception as exc:  # noqa: BLE001 - reported per article by the writer side
        return f"{type(exc).__name__}: {exc}"


def extract_chunk(articles: list[Article], work: tuple[str, str] = WORK) -> list[Any]:
    return [extract_one(a, work) for a in articles]


def _needs(step: Any) -> Article | None:
    return step.article if getattr(step, "analyse", False) else None


def analysed(steps: Iterable[Any], jobs: int, work: tuple[str, str] = WORK) -> Iterator[tuple[Any, Result]]:
    """Pair every step with its extraction, in the order given.

    A step needs analysis when it has `analyse` true and an `article`; `work` names a
    function of an Article returning (article, extraction).
    """
    if jobs <= 1:
        for step in steps:
            article = _needs(step)
            yield step, extract_one(article, work) if article is not None else None
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    # concurrent.futures, not multiprocessing.Pool: when a worker dies (kill -9, the OOM
    # killer) a Pool replaces it and waits forever for the chunk it held; this pool breaks,
    # and the build stops with WorkerDied instead of hanging.
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        pending: deque[tuple[list[Any], Any]] = deque()
        group: list[Any] = []
        articles: list[Article] = []
        limit = LOOKAHEAD * jobs

        def submit() -> None:
            nonlocal group, articles
            pending.append((group, pool.submit(extract_chunk, articles, work) if articles else None))
            group, articles = [], []

        def drain(keep: int) -> Iterator[tuple[Any, Result]]:
            while len(pending) > keep:
                members, result = pending.popleft()
                results = iter(result.result() if result is not None else ())
                for step in members:
                    yield step, next(results) if _needs(step) is not None else None

        for step in steps:
            group.append(step)
            article = _needs(step)
            if article is not None:
                articles.append(article)
            if len(articles) >= CHUNK or len(group) >= CHUNK * 8:
                submit()
                yield from drain(limit)
        if group:
            submit()
        yield from drain(0)
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        raise WorkerDied("an extraction worker process died (killed, or out of memory); "
                         "what was committed is kept: run the build again to finish") from None
    except BaseException:
        # Ctrl-C or an error: drop the chunks not started; those running end in milliseconds.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


class WorkerDied(RuntimeError):
    """A worker process ended without answering; the chunk it held is lost, not retried."""


def _start_worker(parent: int) -> None:
    """Ctrl-C reaches the whole process group: workers ignore it, so only the parent stops
    (with one line, its database consistent), not every worker with a traceback. And a
    worker dies with its parent: after a kill -9 of the build, workers blocked on their
    queue would otherwise stay behind for ever (Linux's PR_SET_PDEATHSIG; elsewhere not)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _set_parent_death_signal(signal.SIGKILL) and os.getppid() != parent:
        os._exit(1)  # the parent died before the signal was asked for


def _set_parent_death_signal(sig: int) -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(1, int(sig), 0, 0, 0) == 0  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        return False
