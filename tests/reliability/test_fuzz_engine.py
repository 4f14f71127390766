"""The engine under 10,000 generated hostile texts and a set of 100 KB monsters.

Invariants on every quote of every text: its text is exactly article.text[start:end],
its offsets lie inside the text, and its speaker mention (when it has one) is a piece of
the text at its offsets. The engine must not raise (`extract_unguarded`, so the safety net
cannot hide a crash), and no input may cost more than 1 s of CPU per 100 KB: a regex
that backtracks catastrophically, or a scan that is quadratic in a paragraph, shows up
here long before it stalls a build of a million articles.
"""

from __future__ import annotations

import math
import multiprocessing
import resource
import time

import pytest

import fuzztexts
from quotedb.extract import extract_unguarded
from quotedb.model import QUOTE_KINDS, Article, ArticleMeta

SEED = 17
TEXTS = 10_000
CHUNKS = 4
#: The issue's bound, 1 s per 100 KB, with a floor for short texts so timer noise on a
#: shared machine cannot fail a 300-character text.
SECONDS_PER_100KB = 1.0
FLOOR_SECONDS = 0.5


def violations(text: str) -> list[str]:
    """What is wrong with the engine's answer on `text` (empty when nothing is)."""
    ex = extract_unguarded(Article(text=text, meta=ArticleMeta(published="2024-05-30"), origin="fuzz"))
    wrong = []
    for q in ex.quotes:
        if not (0 <= q.start < q.end <= len(text)) or text[q.start:q.end] != q.text:
            wrong.append(f"quote {q.start}:{q.end} {q.text[:40]!r} is not the text at its offsets")
        if q.kind not in QUOTE_KINDS:
            wrong.append(f"quote kind {q.kind!r}")
        m = q.speaker_mention
        if m is not None and (not 0 <= m.start <= m.end <= len(text) or text[m.start:m.end] != m.text):
            wrong.append(f"speaker mention {m.start}:{m.end} {m.text[:40]!r} is not in the text")
    for event in ex.events:
        m = event.mention
        if m is not None and text[m.start:m.end] != m.text:
            wrong.append(f"event mention {m.text[:40]!r} is not in the text")
    return wrong


def budget(text: str) -> float:
    return max(FLOOR_SECONDS, SECONDS_PER_100KB * len(text.encode("utf-8")) / 100_000)


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_generated_texts_never_crash_break_an_invariant_or_stall(chunk):
    per_chunk = TEXTS // CHUNKS
    crashes, broken, slow = [], [], []
    for i, text in fuzztexts.texts(SEED, per_chunk, first=chunk * per_chunk):
        started = time.process_time()
        try:
            wrong = violations(text)
        except Exception as exc:  # noqa: BLE001 - every crash is counted and named
            crashes.append(f"text {SEED}:{i}: {type(exc).__name__}: {exc}")
            continue
        spent = time.process_time() - started
        if wrong:
            broken.append(f"text {SEED}:{i}: {wrong[0]}")
        if spent > budget(text):
            slow.append(f"text {SEED}:{i} ({len(text)} chars): {spent:.2f} s")
    assert crashes == [] and broken == [] and slow == []


# Quadratic in a paragraph's length (notes on the engine: rel-engine-defects.md); strict,
# so each flips to a failure when the engine is fixed and the mark must go.
QUADRATIC = {
    "said said said": "claims: several cues per 400-character look-back window (58 s at 20 KB before the bound, 2.25 s at 100 KB now)",
    "he said, she said": "claims: tail claims rescan a bounded window per cue (1.9 s at 100 KB)",
}
MONSTERS = fuzztexts.monsters(100_000)
# The child may spend one CPU second more than its budget before the kernel stops it
# (RLIMIT_CPU); the wall-clock kill is the last resort on a machine too busy to get there.
KILL_AFTER = 120.0


def _timed(text: str, out) -> None:
    limit = math.ceil(SECONDS_PER_100KB * len(text.encode("utf-8")) / 100_000) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (limit, resource.getrlimit(resource.RLIMIT_CPU)[1]))
    started = time.process_time()
    try:
        violations(text)
        out.send(("ok", time.process_time() - started))
    except Exception as exc:  # noqa: BLE001
        out.send(("crash", f"{type(exc).__name__}: {exc}"))


def cpu_seconds(text: str) -> float:
    """CPU time of one extraction in a forked child; infinite when it ran out of its limit."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_timed, args=(text, send))
    child.start()
    send.close()
    try:
        ready = receive.poll(KILL_AFTER)
    except EOFError:  # the child was stopped by the CPU limit before it answered
        ready = False
    if not ready:
        child.kill()
        child.join()
        return float("inf")
    outcome, value = receive.recv()
    child.join()
    assert outcome == "ok", value
    return value


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=QUADRATIC[n])) if n in QUADRATIC else n
     for n in MONSTERS],
)
def test_a_100_kb_monster_takes_under_a_second(name):
    text = MONSTERS[name]
    bound = SECONDS_PER_100KB * len(text.encode("utf-8")) / 100_000 + 0.05
    # The least of up to three runs: a loaded machine inflates one run's CPU time (cache
    # and scheduler effects), while a quadratic scan or backtracking regex exceeds it every time.
    spent = float("inf")
    for _ in range(3):
        spent = min(spent, cpu_seconds(text))
        if spent <= bound or spent == float("inf"):  # within the bound, or over its CPU limit
            break
    assert spent <= bound
