"""Who is who: the one place that decides when two speaker or event names are the same.

Persons and organizations are one row across the corpus, matched on a normalised name:
case, accents, punctuation and spacing folded, and leading honorifics and titles
("Dr.", "Sen.", "President") removed. The title is not lost: the writer keeps it as the
role when the article gives no other. Groups ("participants") and unnamed roles are never
merged across articles, so their rows are scoped to the article that names them.
"""

from __future__ import annotations

import re
import unicodedata

from quotedb.lexicon.people import COURTESY_WORDS, NAME_TITLE_WORDS

CORPUS_WIDE_KINDS = frozenset({"person", "organization"})

# Forms of address are dropped from the name; titles are dropped and kept as the role when
# the article states none. Both lists live in the shared lexicon beside the engine's titles.
COURTESY = COURTESY_WORDS
TITLES = NAME_TITLE_WORDS

_NOT_WORD = re.compile(r"[^\w]+")
_TOKEN = re.compile(r"\S+")


def fold(text: str) -> str:
    """Case, accents, punctuation and spacing folded: "Lin  Wei", "LIN WEI" -> "lin wei"."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def split_title(name: str) -> tuple[str | None, str]:
    """("Sen. Maria Okafor") -> ("Sen.", "Maria Okafor"); a name that is all title stays as it is."""
    tokens = list(_TOKEN.finditer(name))
    cut = 0
    while cut < len(tokens) - 1 and fold(tokens[cut].group()) in COURTESY | TITLES:
        cut += 1
    if cut == 0:
        return None, name.strip()
    lead = [t.group() for t in tokens[:cut]]
    title = " ".join(w for w in lead if fold(w) not in COURTESY) or None
    return title, name[tokens[cut].start():].strip()


def name_key(name: str) -> str:
    return fold(split_title(name)[1])


def display_name(name: str) -> str:
    """The name as shown: without honorifics or titles."""
    return split_title(name)[1]


def shown_name(name: str, kind: str) -> str:
    """The name a speaker row shows: a person's without honorifics or titles."""
    return display_name(name) if kind == "person" else name.strip()


def better_name(current: str, candidate: str) -> str:
    """Of two spellings of one name, the one written best: not all capitals, with accents;
    between two as good, the one that sorts first. The choice is a total order, so the
    name a speaker is shown by follows from the set of spellings, in whatever order the
    articles came (and a build after one is removed gives what a fresh build gives)."""

    def score(name: str) -> tuple[int, int]:
        letters = [c for c in name if c.isalpha()]
        shouting = bool(letters) and all(c.isupper() for c in letters) and len(letters) > 3
        return (0 if shouting else 1, sum(1 for c in letters if ord(c) > 127))

    first, second = score(candidate), score(current)
    return candidate if first > second or (first == second and candidate < current) else current


def surname(key: str) -> str | None:
    """The last word of a name key of two or more words."""
    words = key.split()
    return words[-1] if len(words) > 1 else None


def is_surname_only(key: str) -> bool:
    return len(key.split()) == 1


def is_corpus_wide(kind: str) -> bool:
    return kind in CORPUS_WIDE_KINDS


def speaker_key(name: str, kind: str) -> str:
    """The identity key of a speaker: titles are stripped from person names only."""
    key = name_key(name) if kind == "person" else fold(name)
    return key or name.strip().casefold()
