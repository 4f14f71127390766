"""Seeded generator of hostile article texts for the engine, shared by the CI fuzz test
and the long run (benchmarks/reliability.py).

A seeded `random.Random` rather than hypothesis: the CI run must try >= 10,000 texts in a
few seconds, always the same ones, and a failure names the seed and index that rebuild
its text exactly. Texts mix every quote mark, speech cues and names, unbalanced and
nested quotes, control characters, right-to-left text, emoji and NUL; a fixed list of
monsters (100k characters without punctuation, 10k quote marks, "said" repeated, ...)
probes the regexes for super-linear backtracking.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

MARKS = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "'", "`", "``", "''",
         "\u2039", "\u203a", "\u300c", "\u300d"]
NAMES = ["Jo Kim", "Maria Lopez-Garcia", "Dr. Ahmed Al-Sayed", "Kim", "Mr. O'Neill", "the minister",
         "a spokesman", "Prime Minister Li Wei", "UN Secretary-General", "\u0645\u062d\u0645\u062f", "\u674e\u660e",
         "Zo\u00eb \u00c5str\u00f6m", "She", "They", "the Port Authority", "J.R.R. Tolkien Jr."]
CUES = ["said", "says", "told reporters", "added", "according to", "warned", "said said said", "insisted that",
        "argued", "claimed", ", he said.", ", she said,", "explained on Monday", "called on", "announced"]
WORDS = ["the", "growth", "will", "slow", "next", "year", "we", "cannot", "wait", "and", "of", "in",
         "conference", "summit", "at", "on", "Tuesday", "Geneva", "2024", "president", "director", "of the",
         "University", "Forum", "don't", "it's", "'90s", "rock'n'roll", "U.S.", "e.g.", "No.", "St."]
ODD = ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff",
       "\ufffd", "\U0001F600", "\U0001F1FA\U0001F1F8", "\u0301", "\r", "\r\n", "\t", "\f", "\v", "\u2028",
       "\u2029", "\x85", "\u00a0", "\ud7ff", "\U0010ffff",
       "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645"]
PUNCT = [".", ",", ";", ":", "!", "?", "\u2014", "\u2013", "-", "(", ")", "[", "]", "...", "\u2026"]


def _sentence(rng: random.Random) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 14)))
    form = rng.randrange(6)
    o, c = rng.choice(MARKS), rng.choice(MARKS)
    name, cue = rng.choice(NAMES), rng.choice(CUES)
    if form == 0:
        return f"{o}{words.capitalize()},{c} {name} {cue}."
    if form == 1:
        return f"{name} {cue} {o}{words}{c}"
    if form == 2:
        return f"{name} {cue} that {words}."
    if form == 3:
        inner = f"{rng.choice(MARKS)}{rng.choice(WORDS)}{rng.choice(MARKS)}"
        return f"{o}{words} {inner} {words}{c} {cue} {name}"
    if form == 4:
        return f"{o}{words},{c} {cue} {name}, {o}{words}.{c}"
    return words.capitalize() + rng.choice(PUNCT)


def _token(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return _sentence(rng)
    if roll < 0.60:
        return rng.choice(MARKS)
    if roll < 0.70:
        return rng.choice(["\n", "\n\n", " ", "  ", "\n \n"])
    if roll < 0.80:
        return rng.choice(ODD)
    if roll < 0.88:
        return rng.choice(PUNCT)
    if roll < 0.94:
        return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 6)))
    return rng.choice(CUES) + " " + rng.choice(NAMES)


def nested(rng: random.Random, depth: int) -> str:
    """Quotes inside quotes `depth` deep, each level its own mark, closed or not."""
    text = rng.choice(WORDS)
    for _ in range(depth):
        o, c = rng.choice(MARKS), rng.choice(MARKS) if rng.random() < 0.8 else ""
        text = f"{o}{rng.choice(WORDS)} {text} {rng.choice(WORDS)}{c}"
    return f"{rng.choice(NAMES)} said {text}."


def text(rng: random.Random, size: int = 1) -> str:
    """One generated article text: mostly short, sometimes nested or one long paragraph;
    `size` scales the lengths (1 for CI, larger in the long run)."""
    roll = rng.random()
    if roll < 0.05:
        return nested(rng, rng.randint(5, 20 * size))
    if roll < 0.06:
        return " ".join(_sentence(rng) for _ in range(rng.randint(10, 40 * size)))
    return "".join(_token(rng) for _ in range(rng.randint(0, 12 * size)))


def texts(seed: int, count: int, size: int = 1, first: int = 0) -> Iterator[tuple[int, str]]:
    """(index, text) for texts first .. first+count-1; text i depends only on (seed, i, size)."""
    for i in range(first, first + count):
        yield i, text(random.Random(f"{seed}:{i}"), size)


def monsters(scale: int = 100_000) -> dict[str, str]:
    """Inputs shaped to trigger backtracking: `scale` characters each (100 KB by default)."""
    rng = random.Random(0)
    letters = "".join(rng.choice("abcdefghij klmnopqrstuvwxyz") for _ in range(scale))
    return {
        "no punctuation": letters,
        "one word": "a" * scale,
        "quote marks": "".join(rng.choice(MARKS) for _ in range(scale // 10)) * 10,
        "straight quotes": '"' * scale,
        "said said said": ("said " * (scale // 5)),
        "he said, she said": (', he said, "' * (scale // 12)),
        "capitalised names": ("Jo Kim " * (scale // 7)),
        "open quote then prose": "\u201c" + letters,
        "commas": ("a, " * (scale // 3)),
        "apostrophes": ("don't " * (scale // 6)),
        "nested 1000 deep": nested(random.Random(1), 1000),
        "one line of sentences": " ".join(_sentence(rng) for _ in range(scale // 60))[:scale],
        "newlines": "\n" * scale,
        "paragraphs of quotes": ('\u201cWe will win.\n\n' * (scale // 15)),
        "titles": ("President " * (scale // 10)) + "Jo Kim said.",
        "according to": ("according to " * (scale // 13)),
        "dots": ". " * (scale // 2),
        "NUL": "\x00" * scale,
        "RTL and emoji": ("\u202e\u05e9\u05dc\u05d5\u05dd \U0001F600 " * (scale // 9)),
        "hyphens": ("-" * scale),
        "event words": ("the summit of the conference at the forum " * (scale // 43)),
    }
