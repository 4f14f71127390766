"""The article's people, read from every mention, and each quote's speaker read from them.

News introduces a person once, often in a sentence that carries no quote ("Ruritanian
envoy Omar Tesfa on Tuesday rejected the plan"), and then writes "Tesfa", "the envoy" or
"he". The registry collects every person named in full anywhere in the article, with the
role and organization any of its mentions states (pre-posed title, apposition), and the
pass over the quotes maps each speaker mention (surname, honorific + surname, role noun,
object pronoun, discourse-marker opener, a document for its deliverer) to its entity: a
quote's role and organization are those the article gives its speaker.

Runs after the sentence-level attribution, on its output; the name grammar is names.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from quotedb.extract.names import is_name_word, is_place, left_extent, parsed, right_extent, title_at
from quotedb.extract.text import Document
from quotedb.lexicon.organizations import DOCUMENT_HEADS, DOCUMENT_NOUNS
from quotedb.lexicon.people import NAME_HONORIFICS, PRONOUN_FEATURES
from quotedb.model import Quote

# Runs of two to eight capitalised words: where full names are, with a title written before
# them in capitals ("Ruritanian Defence Minister Omar Tesfa").
# No look-behind in the pattern: re scans for a plain first character three times faster, and
# _cap_runs tests the character before a match itself.
_CAPRUN = re.compile(r"[A-Z][\w'\u2019\-]+(?:[ \t]+[A-Z][\w'\u2019\-]+){1,7}")
_WORD_CHAR = re.compile(r"[\w'\u2019\-]")
# Role nouns that stand for a titled person introduced before: the titles each may refer to
# (None: any title holding the noun).
ROLE_CLASSES: dict[str, frozenset[str] | None] = {
    "ambassador": frozenset({"ambassador", "representative", "envoy", "permanent representative"}),
    "envoy": frozenset({"ambassador", "representative", "envoy", "permanent representative", "diplomat"}),
    "diplomat": frozenset({"ambassador", "representative", "envoy", "permanent representative", "spokesperson",
                           "spokeswoman", "spokesman", "minister", "consul"}),
    "official": None, "chief": None, "head": None, "leader": None,
}
# Openers after which the speaker is the name that follows: "Speaking at the forum, X said".
DISCOURSE_MARKERS = frozenset({"speaking", "asked", "when", "that", "addressing", "noting", "according"})
_PERSONAL = frozenset(p for p, f in PRONOUN_FEATURES.items() if f.person == 3 and f.gender in ("male", "female"))
_OBJECT = frozenset({"him", "her"})
_HONOR = frozenset(h.rstrip(".") for h in NAME_HONORIFICS) | {"MP", "Ambassador", "President", "Prof"}
_DOC = re.compile(r"(?<![\w'\u2019\-])((?:[A-Z][\w'\u2019\-]+\s+){1,4}(%s))\b" % "|".join(sorted(DOCUMENT_HEADS)))
_DOC_HEAD = re.compile(r"\b(?:%s)\b" % "|".join(sorted(DOCUMENT_HEADS)))
_DELIVER = re.compile(r"\b(?:delivered|issued|read out|read|presented|released|made)\s+(?:a|an|the)\s+"
                      r"(?:[\w\-]+\s+){0,3}?(statement|letter|report|declaration|speech)\b", re.I)
_ABBR = re.compile(r"((?:[A-Z][\w\-]+\s+(?:(?:of|for|and|on|the)\s+)*){1,8}[A-Z][\w\-]+)\s+\(([A-Z][A-Za-z]{1,7})\)")
_BRACKET = re.compile(r"\s\([A-Z][A-Za-z]{1,7}\)")
_ABBR_REACH = 160  # characters before "(ABBR)" where the name it abbreviates starts
_DELIVER_WINDOW = 200  # characters before "delivered a statement" where its deliverer is named
_MARKER_WINDOW = 120
_CATAPHORA_WINDOW = 600  # characters after a lede's description where the person it names is introduced  # characters after a discourse marker where the speaker's name is


class Person:
    """One person of the article: full name, the best role/organization any mention gave."""

    __slots__ = ("name", "role", "org", "first", "parts", "pos")

    def __init__(self, name: str, pos: int) -> None:
        self.name, self.role, self.org, self.first = name, None, None, pos
        self.parts = tuple(dict.fromkeys(name.split()))  # ordered: surname mentions are absorbed in name order
        self.pos = [pos]

    def absorb(self, role: str | None, org: str | None) -> None:
        """Keep the role that comes with an organization, else the longer of two related ones."""
        if role and (not self.role or (org and not self.org) or role.lower().startswith(self.role.lower())):
            self.role = role
        if org and (not self.org or len(org) > len(self.org)):
            self.org = org


def people(text: str, end: int | None = None) -> dict[str, Person]:
    """Every person named in full (two or more name words) in text[:end], quote or not."""
    ents: dict[str, Person] = {}
    lefts: dict[int, int] = {}  # left_extent by position: a run's first word is often a name word again
    stop = len(text) if end is None else min(end, len(text))
    for m in _cap_runs(text, stop):
        if not _two_name_words(m.group()):
            continue  # "Premier League", "The Ministry": no person's full name in the run
        s, e = m.start(), m.end()
        left = lefts[s] = left_extent(text, s)
        right = right_extent(text, e)
        for phrase in dict.fromkeys((text[left:e], text[s:right])):  # in text order: absorb is order-sensitive
            for name, role, org in _full_names(phrase):
                ent = ents.get(name) or ents.setdefault(name, Person(name, s))
                ent.absorb(role, org)
                ent.pos.append(s)
    # "Rights Ana Ruiz", a run read without its left context, is Ana Ruiz.
    # The name each long one merges into is its earliest-registered word-suffix: look the
    # suffixes up instead of testing every pair.
    order = {n: i for i, n in enumerate(ents)}
    for long in sorted(ents, key=len, reverse=True):
        short, i = None, long.find(" ")
        while i >= 0:
            cand = long[i + 1:]
            if cand in ents and (short is None or order[cand] < order[short]):
                short = cand
            i = long.find(" ", i + 1)
        if short is not None:
            ents[short].absorb(ents[long].role, ents[long].org)
            ents[short].first = min(ents[short].first, ents[long].first)
            ents[short].pos += ents[long].pos
            del ents[long]
    if not ents:
        return ents
    # A surname mention with a title ("Defense Minister Poll") adds to the one person it names.
    owners_of: dict[str, list[Person]] = {}
    for x in ents.values():
        for p in x.parts:
            owners_of.setdefault(p, []).append(x)
    for w, owners in owners_of.items():
        if len(owners) != 1 or w == owners[0].name:
            continue
        full = owners[0].name
        for at in _occurrences(text, w, stop):
            if full.endswith(" " + w) and text.startswith(full, at - len(full) + len(w)):
                continue  # the full name itself: the run scan read it
            _surname_mention(text, owners[0], w, at, lefts)
    return ents


@lru_cache(maxsize=65536)
def _full_names(phrase: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """(name, role, organization) of each person the phrase names in full, not a place."""
    return tuple((sp.name, sp.role, sp.organization) for sp in parsed(phrase)
                 if sp.kind == "person" and sp.name and len(sp.name.split()) >= 2 and not is_place(sp.name.split()))


def _cap_runs(text: str, stop: int):
    """The capitalised runs of text[:stop] that start a word, as `_CAPRUN` behind a negative
    look-behind for a word character would find them: a match that starts inside a word is
    skipped and the search resumes one character later."""
    search, inside = _CAPRUN.search, _WORD_CHAR.match
    pos = 0
    while True:
        m = search(text, pos, stop)
        if m is None:
            return
        s = m.start()
        if s and inside(text, s - 1):
            pos = s + 1
            continue
        yield m
        pos = m.end()


def _occurrences(text: str, word: str, stop: int):
    """Start of each whole-word occurrence of `word` before `stop` (str.find: no regex to
    compile per article)."""
    find, n, size = text.find, len(text), len(word)
    at = find(word, 0, stop)
    while at >= 0:
        end = at + size
        if at:
            c = text[at - 1]
            if c.isalnum() or c in "'\u2019-_":
                at = find(word, end, stop)
                continue
        if end < n:
            c = text[end]
            if c.isalnum() or c in "'\u2019-_":
                at = find(word, end, stop)
                continue
        yield at
        at = find(word, end, stop)


def _surname_mention(text: str, owner: Person, w: str, at: int, lefts: dict[int, int]) -> None:
    """A mention by one name word, with a title before it perhaps ("Defense Minister Poll")."""
    owner.pos.append(at)
    left = lefts.get(at)
    if left is None:
        left = lefts[at] = left_extent(text, at)
    if left < at:
        for role, org in _titles_of(text[left:at + len(w)], w):
            owner.absorb(role, org)


@lru_cache(maxsize=65536)
def _titles_of(phrase: str, w: str) -> tuple[tuple[str | None, str | None], ...]:
    """(role, organization) of each reading of the phrase that names `w` alone."""
    return tuple((sp.role, sp.organization) for sp in parsed(phrase) if sp.name == w)


@lru_cache(maxsize=65536)
def _two_name_words(run_text: str) -> bool:
    """Two name words in a row: the least a full name needs (cached: runs repeat across a corpus)."""
    run = 0
    for w in run_text.split():
        run = run + 1 if is_name_word(w) else 0
        if run == 2:
            return True
    return False


def _documents(text: str, ents: dict[str, Person]) -> tuple[dict[str, str], dict[str, Person]]:
    """Named documents ("Lakeside Declaration"), and who delivered an unnamed one."""
    named: dict[str, str] = {}
    by: dict[str, Person] = {}
    for m in _DOC.finditer(text) if _DOC_HEAD.search(text) else ():
        named.setdefault(m.group(2).lower(), m.group(1).strip())
    for m in _DELIVER.finditer(text):
        prior = [x for x in ents.values() if any(m.start() - _DELIVER_WINDOW < p < m.start() for p in x.pos)]
        if prior:
            by.setdefault(m.group(1).lower(), max(prior, key=lambda x: max(p for p in x.pos if p < m.start())))
    return named, by


def acronyms(text: str) -> dict[str, str]:
    """`Policy Studies Institute (PSI)` defines PSI for the whole article."""
    if "(" not in text:
        return {}
    out = {}
    for b in _BRACKET.finditer(text):
        m = _ABBR.search(text, max(0, b.start() - _ABBR_REACH), b.end())
        if m and m.end() == b.end():
            out[m.group(2)] = f"{m.group(1)} ({m.group(2)})"
    return out


class _Documents:
    """The article's documents, read only when a quote's speaker is a document noun."""

    __slots__ = ("text", "ents", "_found")

    def __init__(self, text: str, ents: dict[str, Person]) -> None:
        self.text, self.ents, self._found = text, ents, None

    def found(self) -> tuple[dict[str, str], dict[str, Person]]:
        if self._found is None:
            self._found = _documents(self.text, self.ents)
        return self._found


def _nearest_before(ents: dict[str, Person], pos: int) -> Person | None:
    prior = [(max(p for p in x.pos if p <= pos), x) for x in ents.values() if any(p <= pos for p in x.pos)]
    return max(prior, key=lambda t: t[0])[1] if prior else None


def _entity_for(q: Quote, ents: dict[str, Person], docs: _Documents):
    """The Person (or a named document's name) the quote's speaker mention stands for."""
    ment = q.speaker_mention.text if q.speaker_mention else ""
    sp = q.speaker or ("" if q.speaker_kind in ("group", "organization") else ment)
    words = sp.split()
    if sp and sp not in ents:
        reading = parsed(sp)
        if reading and reading[0].name and reading[0].kind == "person":
            sp, words = reading[0].name, reading[0].name.split()
            if not q.speaker and len(words) >= 2 and sp not in ents:
                # the sentence names someone the attributor could not parse ("Title of Org, Name")
                found = Person(sp, q.start)
                found.absorb(reading[0].role, reading[0].organization)
                return found
    if sp in ents:
        return ents[sp]
    if words and ment.lower() not in _PERSONAL:
        # "Tesfa", "Mr Tesfa", "Gen Tesfa": the one person holding that name word
        hits = [x for x in ents.values() if words[-1] in x.parts]
        if len(hits) == 1 and (len(words) == 1 or title_at([w.lower().rstrip(".") for w in words[:-1]], 0)
                               or words[0].rstrip(".") in _HONOR):
            return hits[0]
    if not ment:
        return None
    low = ment.lower().split()
    head = low[-1] if low else ""
    start = q.speaker_mention.start if q.speaker_mention else q.start
    if head in _PERSONAL:
        return _nearest_before(ents, start)
    if head in DISCOURSE_MARKERS or sp.lower() in DISCOURSE_MARKERS:
        after = [x for x in ents.values() if any(start < p < start + _MARKER_WINDOW for p in x.pos)]
        return min(after, key=lambda x: min(p for p in x.pos if start < p)) if after else None
    if head in DOCUMENT_NOUNS or head == "speech":
        named, by = docs.found()
        if head in by:
            return by[head]
        if head in named:
            return named[head]
    if head in ROLE_CLASSES or title_at([head], 0):
        fits = ROLE_CLASSES.get(head) or frozenset({head})
        titled = [x for x in ents.values() if x.role and any(r in x.role.lower() for r in fits)]
        if not titled and head in ROLE_CLASSES and ROLE_CLASSES[head] is None:
            titled = [x for x in ents.values() if x.role]
        if titled:
            # the latest introduced before the quote, else the first after it (a lede's description)
            prior = [x for x in titled if x.first <= q.start]
            return max(prior, key=lambda x: x.first) if prior else min(titled, key=lambda x: x.first)
        # A lede's description ("A senior Ruritanian diplomat on Friday ...", "Ruritanian
        # Defence Minister said") names the first person the article introduces just after it.
        if len(low) == 1 and ment[:1].isupper():
            return None  # a lone capitalised "Dean", "King": a surname, not a lede's description
        later = [x for x in ents.values() if start < x.first <= start + _CATAPHORA_WINDOW and not x.role]
        if later and not any(x.first < start and x.role for x in ents.values()):
            first = min(later, key=lambda x: x.first)
            first.absorb(_description(ment), None)
            return first
    return None


def _description(mention: str) -> str:
    words = mention.split()
    while words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)


def attribute_entities(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """Each quote with its speaker's full name, role and organization as the article gives them."""
    if not quotes:
        return quotes
    text = doc.text
    # Nothing after the last quote (and a lede's reach past it) can be who speaks.
    ents = people(text, max(q.end for q in quotes) + _CATAPHORA_WINDOW)
    if not ents:
        return [_cleaned(q) for q in _split_pairs(quotes, ents)]
    if any(x.org and x.org.isupper() for x in ents.values()):
        abbr = acronyms(text)
        for x in ents.values():
            if x.org in abbr:
                x.org = abbr[x.org]
    docs = _Documents(text, ents)
    out = []
    for q in _split_pairs(quotes, ents):
        if q.role and q.role.lower() in PRONOUN_FEATURES:
            q = replace(q, role=None)  # "According to him": a pronoun is no one's title
        hit = _entity_for(q, ents, docs)
        if hit is None:
            out.append(_cleaned(q))
        elif isinstance(hit, str):
            out.append(replace(q, speaker=hit, speaker_kind="organization"))
        else:
            role, org = q.role, q.organization
            if not _introduces(q, hit):
                # "the ambassador", "he", "Ruiz": a description of someone the article has
                # introduced; the role and organization are those it gave at introduction
                role = hit.role or role
            # the sentence's own role/org wins, unless the entity's extends it
            if not role or (hit.role and role.lower() in hit.role.lower()):
                role = hit.role or role
            if not org or (hit.org and _extends(hit.org, org)):
                org = hit.org or org
            out.append(replace(q, speaker=hit.name, speaker_kind="person", role=role, organization=org))
    return out


def _introduces(q: Quote, hit: Person) -> bool:
    """The quote's own mention names the person in full: what it says of them stands."""
    ment = q.speaker_mention.text if q.speaker_mention else ""
    return hit.name in ment


def _split_pairs(quotes: list[Quote], ents: dict[str, Person]) -> list[Quote]:
    """"X and Y said" is never one person named "X and Y": two speakers of one quote when
    both are named in full, else the pair as a group."""
    out = []
    for q in quotes:
        name = q.speaker
        if q.speaker_kind == "person" and name and (" and " in name or " & " in name):
            halves = parsed(name)
            if len(halves) > 1 and all(h.kind == "person" and h.name and " " in h.name for h in halves):
                out.extend(replace(q, speaker=h.name, role=h.role, organization=h.organization) for h in halves)
                continue
            if len(halves) > 1 and all(h.kind in ("person", "organization") and h.name for h in halves):
                out.append(replace(q, speaker_kind="group"))  # "Blaine and Brawn", "GM and Fordham"
                continue
        out.append(q)
    return out


_CHAIN = re.compile(r"\s+(?:of|to|at|for)\s")


def _extends(longer: str, shorter: str) -> bool:
    """`longer` is `shorter` with the of/to/at chain the sentence cut off ("Mission" + " to X")."""
    return longer.startswith(shorter) and bool(_CHAIN.match(longer, len(shorter)))


def _cleaned(q: Quote) -> Quote:
    """The speaker's name without what the grammar refuses in a name: an opening adverb,
    modal, weekday or month ("Until December X", "Could X"), a trailing possessive, a
    descriptor glued before it ("Cameraman X" -> role Cameraman). Never a new reading: the
    cleaned name is a run of the words as written."""
    name = q.speaker
    if not name or q.speaker_kind not in ("person", "organization"):
        return q
    reading = parsed(name)
    if not reading and q.speaker_kind == "person":
        # "Many", "That" ("That said"), "Speaking": no one is named
        return replace(q, speaker=None, speaker_kind=None, role=None, organization=None)
    if len(reading) != 1 or not reading[0].name:
        return q
    sp = reading[0]
    if sp.name == name:
        if sp.kind == "organization" and q.speaker_kind == "person" and "&" in name:
            return replace(q, speaker_kind="organization")  # "Ernst & Yule", a firm
        return q
    if sp.name not in name or sp.kind not in ("person", "organization"):
        return q
    if not (sp.dropped or "\n" in name or name[:1].islower() or name.endswith(("'s", "\u2019s", "'", "\u2019"))
            or sp.role):
        return q  # "Lord X of Y", "Mike Pole of Z": a reading, not a cleaning
    role = q.role or (sp.role if q.speaker_kind == "person" else None)
    org = q.organization or (sp.organization if q.speaker_kind == "person" else None)
    return replace(q, speaker=sp.name, speaker_kind=sp.kind, role=role, organization=org)
