"""Who is who: the one place that decides when two speaker or event names are the same.

Persons and organizations are one row across the corpus, matched on a normalised name:
case, accents, punctuation and spacing folded, and leading honorifics and titles
("Dr.", "Sen.", "President") removed; a person's trailing possessive ("Tony Blair's")
too. The title is not lost: the writer keeps it as the role when the article gives no
other. Groups ("participants"), unnamed roles and names with no proper-noun word
("company", "the ministry", "officials") are never merged across articles, so their rows
are scoped to the article that names them: "the company" of one article is not that of
the next.

Which persons can hold a surname (so that "Blair said" may join them, and two of them
make "Blair" ambiguous) is decided by the form of the name, so that a junk row ("Will
Davies" cut from "... will Davies", "Harrogate Mr Kennedy") cannot make a surname
ambiguous.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from quotedb.lexicon.people import COURTESY_WORDS, NAME_TITLE_WORDS

CORPUS_WIDE_KINDS = frozenset({"person", "organization"})

# Forms of address are dropped from the name; titles are dropped and kept as the role when
# the article states none. Both lists live in the shared lexicon beside the engine's titles.
COURTESY = COURTESY_WORDS
TITLES = NAME_TITLE_WORDS

# Closed-class words: a name holding no word but these (and lower-case words) names nobody
# in particular, and a person's name never starts with one.
FUNCTION_WORDS = frozenset("""
a an the this that these those it its he she they we you i his her their our your my
if as at after before but and or nor so yet when while where whether until unless though although
because since could would should will shall can may might must do does did is are was were be been
many most some all both each every several few other others another such no not only also even
in on of for from with without by to into onto over under about against between among during
today yesterday tomorrow tonight now then there here meanwhile however instead still already
again earlier later perhaps indeed neither either nevertheless nonetheless moreover furthermore
otherwise anyway besides likewise similarly separately elsewhere overall initially eventually
ultimately currently recently
what who whom whose which why how
monday tuesday wednesday thursday friday saturday sunday
""".split())
# Modal verbs are also names ("May said", "Will Okafor"): capitalised alone, they may be one.
MODALS = frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would"})
_NOT_NAMES = FUNCTION_WORDS - MODALS
# Lower-case words that belong to a person's name ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = frozenset({
    "de", "da", "di", "del", "della", "der", "den", "des", "van", "von", "bin", "bint", "ibn", "al", "el",
    "la", "le", "du", "dos", "das", "do", "y", "e", "abu", "ter", "zu", "mac", "ul", "ur", "ben", "af", "av",
})

# Titles followed by a given or regnal name, not a surname ("Pope Francis", "King Abdullah").
SOVEREIGN_TITLES = frozenset({"king", "queen", "prince", "princess", "pope", "sheikh", "emperor", "empress", "sultan"})
_LEADING = COURTESY | TITLES
_NOT_WORD = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"(?<=\w)(?:['’`]s?)$")
_NAME_WORD = re.compile(r"[\w'’.-]+")
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
    while cut < len(tokens) - 1 and fold(tokens[cut].group()) in _LEADING:
        cut += 1
    if cut == 0:
        return None, name.strip()
    lead = [t.group() for t in tokens[:cut]]
    title = " ".join(w for w in lead if fold(w) not in COURTESY) or None
    return title, name[tokens[cut].start():].strip()


def strip_possessive(name: str) -> str:
    """("Tony Blair's", "Chris Jones'") -> "Tony Blair", "Chris Jones": a person's name never
    ends in a possessive (an organization's may: "Sainsbury's", so only persons lose it)."""
    name = name.strip()
    return _POSSESSIVE.sub("", name) or name


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """The identity key of a person's name: titles and a possessive dropped, then folded."""
    return fold(display_name(name))


def display_name(name: str) -> str:
    """The name as shown: without honorifics, titles or a trailing possessive. A sovereign's
    title before one word stays: "Prince Charles" is not a Charles of the surname Charles."""
    title, rest = split_title(name)
    rest = strip_possessive(rest)
    if title and len(rest.split()) == 1 and fold(last := title.split()[-1]) in SOVEREIGN_TITLES:
        return f"{last} {rest}"
    return rest


def shown_name(name: str, kind: str) -> str:
    """The name a speaker row shows: a person's without honorifics, titles or possessive."""
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


def _words(name: str) -> list[str]:
    return _NAME_WORD.findall(name)


def has_proper_word(name: str) -> bool:
    """A word written with a capital that is not a function word: "Microsoft", "the Home
    Office", "US firm", "eBay", "May" (a modal may be a surname); not "company", "the
    ministry", "officials", "Many"."""
    return any(
        any(c.isupper() for c in word) and word.strip(".'’-").casefold() not in _NOT_NAMES for word in _words(name)
    )


def is_corpus_wide(name: str, kind: str) -> bool:
    """One row across the corpus: a person or organization that the name singles out. A
    common noun the engine could not resolve ("the company said") is article-local, whatever
    kind the engine gave it."""
    return kind in CORPUS_WIDE_KINDS and has_proper_word(name)


@lru_cache(maxsize=8192)
def holds_surname(name: str) -> bool:
    """Whether a person row is a person by its form, so that "Blair said" may be them and
    two of them make "Blair" ambiguous: two name words or more after any title (a form of
    address inside the name, "Harrogate Mr Kennedy", leaves one), none a function word first
    ("Will Davies", "Monday Tony Blair") or a sovereign's title ("Prince Charles"), each capitalised or a name particle (not "Blair
    and Brown", "Ernst & Young"), no digits. A name all in capitals counts as capitalised."""
    if "&" in name or "\n" in name:
        return False
    words = _words(display_name(name))
    for i in range(len(words) - 1, 0, -1):
        if fold(words[i]) in COURTESY:
            words = words[i + 1 :]
            break
    if len(words) < 2 or fold(words[0]) in FUNCTION_WORDS | SOVEREIGN_TITLES or any(c.isdigit() for w in words for c in w):
        return False
    return all(word[:1].isupper() or fold(word).split()[0] in NAME_PARTICLES for word in words if fold(word))


def holders(keys: Iterable[str]) -> list[str]:
    """The distinct holders among the full-name keys of one surname: a key that ends with
    another ("monday tony blair", "backbencher stephen pound") is that person with a word
    glued on, not a second person. Sorted, so the answer depends only on the set."""
    keys = sorted(set(keys))
    return [key for key in keys if not any(other != key and key.endswith(" " + other) for other in keys)]


def speaker_key(name: str, kind: str) -> str:
    """The identity key of a speaker: titles are stripped from person names only."""
    key = name_key(name) if kind == "person" else fold(name)
    return key or name.strip().casefold()
