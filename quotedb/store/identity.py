"""Who is who: the one place that decides when two speaker or event names are the same.

Persons and organizations are one row across the corpus, matched on a normalised name.
Groups ("participants") and unnamed roles are never merged across articles, so their
rows are scoped to the article that names them.
"""

from __future__ import annotations

import re
import unicodedata

CORPUS_WIDE_KINDS = frozenset({"person", "organization"})

_NOT_WORD = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    """Case, accents, punctuation and spacing folded: "Lin  Wei", "LIN WEI" -> "lin wei"."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", bare.casefold()).strip()


def is_corpus_wide(kind: str) -> bool:
    return kind in CORPUS_WIDE_KINDS
