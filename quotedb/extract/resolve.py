"""Within-article resolution: `he`, `said Chen`, `the minister` -> the person named earlier.

News introduces a person once in full (`Chen Xu, China's permanent representative …`) and
then says `Chen`, `he` or `the ambassador`. The resolver walks the article in text order,
remembering who has been introduced and who was mentioned last, so each mention maps to
the full name with the role stated at introduction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from quotedb.lexicon.people import (
    GROUP_NOUNS, HONORIFICS, ORG_WORDS, PLURAL_PRONOUNS, SENTENCE_OPENERS, TITLES,
)
from quotedb.extract.speakers import parse_source
from quotedb.extract.text import Document
from quotedb.extract.types import SpeakerRef
from quotedb.model import Span


@dataclass(slots=True)
class Entity:
    """A speaker introduced in the article, with where it was last mentioned."""

    ref: SpeakerRef
    last: int
    tokens: frozenset[str] = field(default_factory=frozenset)


# A sentence that opens with a full name and perhaps an appositive: `Jane Roe, mayor of X, met …`.
_OPENING_NAME = (
    r"(?:(?:But|And|Meanwhile|However|Later|Earlier),?\s+)?"
    r"(?!(?:%s)\b)"
    r"(?P<np>(?:(?:[A-Z][\w.'\u2019\-]*|of|the|for|and)\s+){0,6}[A-Z][a-z][\w'\u2019\-]*"
    r"(?:,\s+[^,.;\"\u201c\u201d]{3,160},)?)(?=\s+(?!(?:of|in|at|on|for|to|from|and|or|with|by)\b)[a-z])"
    % "|".join(sorted(SENTENCE_OPENERS))
)
# After `[.!?]\s` or a line break. Opening with a character class lets `re` skip ahead in
# C; a name opening the text is matched apart.
_SUBJECT = re.compile(r"[.!?\n](?:(?<=\n)|(?<!\n)\s)" + _OPENING_NAME)
_SUBJECT_AT_START = re.compile(_OPENING_NAME)


def _subjects(text: str) -> Iterator[re.Match]:
    """Names opening a sentence: after an end mark and a space, after a line break, or at the start."""
    first = _SUBJECT.match(text) or _SUBJECT_AT_START.match(text)
    if first:
        yield first
    yield from _SUBJECT.finditer(text, first.end() if first else 0)


def _mentioned(ref: SpeakerRef, mention: Span) -> SpeakerRef:
    """`replace(ref, mention=mention)` without the cost of dataclasses.replace on a hot path."""
    return SpeakerRef(ref.name, ref.kind, mention, ref.role, ref.organization, ref.place, ref.pronoun)


def _key_tokens(name: str) -> frozenset[str]:
    """The name words a later surname mention can match. Two people joined by "and" or "&"
    give none: "Brown says" after "Tony Blair and Gordon Brown" is not the pair's first half."""
    words = name.split()
    if "and" in words or "&" in words:
        return frozenset()
    return frozenset(w.strip(".,").lower() for w in words if w[:1].isupper())


class Resolver:
    """Maps speaker mentions to entities; feed it mentions in text order."""

    def __init__(self, doc: Document, quoted: list[tuple[int, int]] | None = None) -> None:
        self.text = doc.text
        self.people: list[Entity] = []
        self.groups: list[Entity] = []
        self._quoted = quoted or []
        # Scanned only as far as the mentions reach: subjects after the last quote cost nothing.
        self._subjects: Iterator[SpeakerRef] | None = None
        self._next_subject: SpeakerRef | None = None

    def _scan_subjects(self, quoted: list[tuple[int, int]]) -> Iterator[SpeakerRef]:
        """Full-named people opening a sentence outside quotes, candidates for a later `he`."""
        for m in _subjects(self.text):
            s = m.start("np")
            if any(a <= s < b for a, b in quoted):
                continue
            np = m.group("np")
            if " " not in np:  # a lone surname: it can only point back at someone known
                yield SpeakerRef(np, "person", Span(np, s, m.end("np")))
                continue
            words = np.split()
            if "," not in np and not any(w.lower() in TITLES or w in HONORIFICS or w in ORG_WORDS for w in words):
                yield SpeakerRef(np, "person", Span(np, s, m.end("np")))  # a plain full name
                continue
            for ref in parse_source(self.text, Span(np, s, m.end("np"))):
                if ref.kind == "person" and ref.name:
                    yield ref
                    break

    def _catch_up(self, pos: int) -> None:
        if self._subjects is None:
            self._subjects = self._scan_subjects(self._quoted)
            self._next_subject = next(self._subjects, None)
        while self._next_subject is not None and self._next_subject.mention.start < pos:
            ref = self._next_subject
            self._next_subject = next(self._subjects, None)
            if len(ref.name.split()) >= 2:
                self._remember(ref)
                continue
            key = ref.name.strip(".,").lower()
            known = [e for e in self.people if key in e.tokens]
            if known:
                self._touch(max(known, key=lambda e: e.last), ref.mention.start)

    def current(self, pos: int) -> SpeakerRef | None:
        """The person most recently mentioned before `pos`: who an unmarked quote continues."""
        self._catch_up(pos)
        best = max((e for e in self.people if e.last <= pos), key=lambda e: e.last, default=None)
        return best.ref if best else None

    def _remember(self, ref: SpeakerRef) -> SpeakerRef:
        pool = self.groups if ref.kind in ("group", "organization") else self.people
        for e in pool:
            if ref.name and e.ref.name and ref.name.lower() == e.ref.name.lower():
                e.ref = replace(e.ref, role=e.ref.role or ref.role, organization=e.ref.organization or ref.organization,
                                place=e.ref.place or ref.place)
                e.last = ref.mention.start
                return e.ref
        pool.append(Entity(ref, ref.mention.start, _key_tokens(ref.name or "")))
        return ref

    def _touch(self, e: Entity, pos: int) -> SpeakerRef:
        e.last = pos
        return e.ref

    def resolve(self, ref: SpeakerRef) -> SpeakerRef:
        """The entity a mention stands for, with the mention kept as written."""
        pos = ref.mention.start
        self._catch_up(pos)
        if ref.pronoun:
            low = ref.mention.text.lower()
            pool = self.groups + self.people if low in PLURAL_PRONOUNS else self.people
            if low in PLURAL_PRONOUNS:
                pool = [e for e in pool if e.ref.kind in ("group", "organization")]
            best = max((e for e in pool if e.last <= pos), key=lambda e: e.last, default=None)
            if best is None:
                return ref
            return _mentioned(self._touch(best, pos), ref.mention)
        if ref.kind == "person" and ref.name:
            words = ref.name.split()
            if len(words) == 1:
                key = words[0].strip(".,").lower()
                cands = [e for e in self.people if key in e.tokens and len(e.ref.name.split()) > 1]
                if cands:
                    best = max(cands, key=lambda e: e.last)
                    merged = replace(best.ref, role=best.ref.role or ref.role,
                                     organization=best.ref.organization or ref.organization)
                    best.ref = merged
                    return _mentioned(self._touch(best, pos), ref.mention)
            known = self._remember(ref)
            # The role as stated at this mention wins over the one stated at introduction.
            if ref.role or ref.organization:
                return replace(known, role=ref.role or known.role, organization=ref.organization or known.organization,
                               place=ref.place or known.place, mention=ref.mention)
            return _mentioned(known, ref.mention)
        if ref.kind == "unnamed" and ref.role and not ref.organization:
            role = ref.role.lower()
            head = role.split()[-1] if role.split() else role
            cands = [e for e in self.people if e.ref.role and head in e.ref.role.lower() and head in TITLES]
            if cands:
                best = max(cands, key=lambda e: e.last)
                return _mentioned(self._touch(best, pos), ref.mention)
            return ref
        if ref.kind == "organization" and ref.name and ref.name.islower():
            # `the fund` after `the International Monetary Fund`.
            key = ref.name.split()[-1]
            cands = [e for e in self.groups if e.ref.kind == "organization" and e.ref.name
                     and key in e.ref.name.lower().split() and not e.ref.name.islower()]
            if cands:
                best = max(cands, key=lambda e: e.last)
                return _mentioned(self._touch(best, pos), ref.mention)
            return ref
        if ref.kind in ("group", "organization"):
            if ref.name and ref.name.lower() not in GROUP_NOUNS:
                return _mentioned(self._remember(ref), ref.mention)
            self.groups.append(Entity(ref, pos))
        return ref
