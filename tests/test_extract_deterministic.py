"""The engine's answer may not depend on Python's string hashing.

Build workers are separate processes, each with its own hash seed: an engine that iterates
a set of strings where order matters would give `--jobs 2` other rows than `--jobs 1`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RAW = Path(__file__).resolve().parent.parent / "raw"

ARTICLE = """Our reporter met the board after an interview with managing director Ana Ruiz.
Managing director Ruiz is the woman who must deliver the new harbour.

Ruiz said the plan was "ambitious but sound", and the council agreed.
"""


def _extract(paths: list[str], seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", "from quotedb.cli import cli; cli()", "extract", *paths],
                          env=env, capture_output=True, text=True, check=True)
    return done.stdout


def test_the_same_articles_give_the_same_quotes_under_any_hash_seed(tmp_path):
    article = tmp_path / "ruiz.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    paths = [str(article), *sorted(str(p) for p in RAW.iterdir())]
    outputs = {_extract(paths, seed) for seed in ("1", "2", "3", "4", "5", "6", "7", "8")}
    assert len(outputs) == 1
    assert '"speaker": "Ana Ruiz"' in next(iter(outputs))
