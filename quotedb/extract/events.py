"""Events: where things were said. Find named gatherings, merge their later mentions,
read their place, organiser and date, and link quotes to them.

A new event needs a name (ordinal, topic, title or capitalised words); a bare
"the symposium" refers back to the latest compatible event, never creates one.
Dates are read from the event's own sentence; a weekday is resolved against the
publication date; the first event of the lead takes the lead's date.

A quote is linked to an event when its sentence places it there (`said at the symposium`,
`during the 43rd session`); when it is a direct quote continuing a speaker placed there a
paragraph or two before; when its speaker was placed there in the previous paragraph; or
when it follows, within four paragraphs and no heading, a paragraph that introduces the
event (`The symposium, held in …`, `X held a seminar on …`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from quotedb.lexicon.people import PERSONAL_PRONOUNS
from quotedb.dates import date_in_text
from quotedb.lexicon.calendar import MONTHS, WEEKDAYS
from quotedb.lexicon.events import (
    BODY_HEADS,
    ELSEWHERE_NOUNS,
    EVENT_NOUNS,
    FUTURE_WORDS,
    GATHERING_KINDS,
    GATHERING_MODIFIERS,
    INTRO_WORDS,
    HOLD_VERBS,
    ORDINAL_WORDS,
    ORGANIZER_CUES,
    OWNER_VERBS,
    TITLE_WORDS,
)
from quotedb.extract.text import Document, alternation, sentences
from quotedb.model import Event, Quote, Span

_NOUN_WORDS = tuple(EVENT_NOUNS) + tuple(w.capitalize() for w in EVENT_NOUNS)
_NOUN = re.compile(r"\b(" + alternation(_NOUN_WORDS) + r")\b")
# _NOUN led by the character before it: `re` skips through words in C, where `\b` is tried everywhere.
_NOUN_AFTER = re.compile(r"\W(?:" + alternation(_NOUN_WORDS) + r")\b")


def _noun_starts(text: str, a: int, b: int) -> list[int]:
    """Where _NOUN matches in text[a:b]; most paragraphs hold none of its words, which `in` shows fastest."""
    low = text[a:b].lower()
    if not any(w in low for w in EVENT_NOUNS):
        return []
    first = _NOUN.match(text, 0, b) if a == 0 else None
    starts = [0] if first else []
    return starts + [m.start() + 1 for m in _NOUN_AFTER.finditer(text, first.end() if first else max(a - 1, 0), b)]


_WORD_BACK = re.compile(r"(\w[\w’'-]*)\s*$")
_STOP_BACK = frozenset(
    """the a an its their his her our my your this that these those of at in on during to for from with by and or
    as was were is are be been held hosted opened said told including when but if unless because while since
    although without between than after before about into over under through whether""".split()
)
# "first" and "second" are too common as plain adjectives ("the first meeting") to name an event.
_ORDINAL = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS - {"first", "second"}) + r")$", re.IGNORECASE
)
_TOPIC_ON = re.compile(
    r"\s+on\s+(?!(?:" + "|".join(w.capitalize() for w in list(MONTHS) + list(WEEKDAYS))
    + r"|the\s+(?:verge|eve|sidelines|heels|margins|brink|" + "|".join(w.capitalize() for w in WEEKDAYS) + r")"
    + r"|behalf|track|hold|its|his|her|their)\b|\d)"
)
_TOPIC_STOP = re.compile(
    r",\s+(?:and\s+(?:a|an|the)\b|which\b|who\b|where\b|when\b|while\b|[a-z-]+ed\b|the\b|a\b|an\b|[A-Z])"
    r"|\s(?:he|she|they|it|we|I|his|her|their|its|regarding|concerning|about|because|after|before|but)\b"
    r"|\s(?:was|were|is|are|will|has|had|held|at|in|during|from|to|that|where|which|opened|opens|took|takes"
    r"|began|begins|ended|ends|closed|drew|attracted|focused|gathered|brought|kicked|concluded|featured"
    r"|heard|discussed|started|starts|met|meets|wrapped|hosted|organized|organised|sponsored|attended|chaired"
    r"|said|says|told|added|warned|called|urged|heard|on\s+(?:"
    + "|".join(w.capitalize() for w in list(MONTHS) + list(WEEKDAYS))
    + r"))\b|[;.!?:(]|\s[—–]\s|\s--\s"
)
_OPEN_Q = "\"“‘'«"
_CLOSE_Q = "\"”’'»"
_CAP_RUN = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|des|de|du|la|le|the)\s+)*"
    r"(?!(?:" + "|".join(w.capitalize() for w in list(MONTHS) + list(WEEKDAYS)) + r")\b)[A-Z][\w’'.&-]*)*"
)
# `organized by Southwest University of Political Science and Law, attracted …`
_ORGANIZER = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][^,.;:()\n]*?"
    r"(?=\s*(?:[,.;:(\n]|$|\s(?:on|at|last|this|who|which|to|in\s+[A-Z][a-z]+\s+on)\s))"
)
_PAREN = re.compile(r"\s*\([^()]{1,20}\)")
_DATELINE = re.compile(r"^[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}\s*(?:--|—|–)\s*")
# `Jointly sponsored by A, B and C, the symposium …`: a participle phrase before the subject.
_PARTICIPLE_LEAD = re.compile(r"^\s*(?:\w+ly\s+)?\w+(?:ed|ing)\b.{0,300},\s*(?=(?:[Tt]he|[Aa]n?)?\s*$)", re.DOTALL)
_WHERE = re.compile(
    r",?(?:\s+of\s+[^,.;]{1,60}?)?(?:\s+(?:was|were|is|will\s+be))?"
    r"(?:\s+(?:held|opened|began|started|took\s+place|convened|met|kicked\s+off|gets\s+under\s+way))?\s+(in|at)\s+"
)
_PRONOUNS = PERSONAL_PRONOUNS
_HEADING_END = re.compile(r"[.!?:\"”’)]\s*$")


@dataclass
class _Ev:
    name: str
    kind: str
    mention: Span
    tokens: frozenset[str]
    location: str | None = None
    organizer: str | None = None
    date: str | None = None
    order: int = 0
    paragraph: int = 0  # where the event is first mentioned
    mentions: list[int] = field(default_factory=list)

    def freeze(self) -> Event:
        return Event(self.name, self.kind, self.location, self.organizer, self.date, self.mention)


@dataclass(frozen=True)
class _Mention:
    start: int  # start of the whole mention (modifiers or title)
    end: int
    noun_start: int
    kind: str
    name: str | None  # a name when the mention can found a new event
    tokens: frozenset[str]


def _tokens(s: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[\w’'-]+", s)) - {"the", "a", "an", "of", "on", "and"}


def _title_after(text: str, i: int, e: int) -> tuple[int, int] | None:
    """`titled “Home: …”` right after an event noun: the inner span of the title."""
    m = re.match(r"\s+(\w+)\s+([\"“‘'])", text[i:e])
    if not m or m.group(1).lower() not in TITLE_WORDS:
        return None
    a = i + m.end()
    close = {"“": "”", "‘": "’"}.get(m.group(2), m.group(2))
    j = text.find(close, a, e)
    if j < 0 and close == "”":
        j = text.find('"', a, e)
    if j <= a:
        return None
    b = j
    while b > a and text[b - 1] in " ,":
        b -= 1
    return (a, b) if b > a else None


def _mentions(text: str, s: int, e: int) -> list[_Mention]:
    out = []
    for m in _NOUN.finditer(text, s, e):
        noun = m.group(1)
        kind = EVENT_NOUNS.get(noun.lower())
        if kind is None:
            continue
        if m.end() < e and text[m.end()] in "s-":
            continue
        # modifiers before the noun
        i = m.start()
        mods: list[tuple[int, str]] = []
        stopped = False
        while len(mods) < 5:
            w = _WORD_BACK.search(text, max(s, i - 40), i)
            if not w or text[w.end() : i].strip():
                stopped = not w or w.start(1) <= s
                break
            word = w.group(1)
            if word.lower() in _STOP_BACK or word.endswith(("'s", "’s")) or (word.islower() and word.endswith("ed")):
                stopped = True
                break
            mods.append((w.start(1), word))
            i = w.start(1)
        mods.reverse()
        if not stopped:
            # no determiner in front: keep only the name-like words next to the noun
            keep = len(mods)
            while keep and (mods[keep - 1][1][0].isupper() or _ORDINAL.match(mods[keep - 1][1])):
                keep -= 1
            mods = mods[keep:]
        has_ord = any(_ORDINAL.match(w) for _, w in mods)
        # a sentence-initial capital is just the first word ("International symposium …")
        capital = [w for p, w in mods if w[0].isupper() and p != s]
        if kind == "convention" and re.match(r"\s+on\s", text[m.end() : e]):
            continue  # `Convention on Human Rights`: a treaty, not a gathering
        title = _title_after(text, m.end(), e)
        name = None
        start = mods[0][0] if mods else m.start()
        end = m.end()
        if title:
            name = text[title[0] : title[1]]
            end = title[1]
        else:
            tm = _TOPIC_ON.match(text, m.end(), e)
            if tm:
                stop = _TOPIC_STOP.search(text, tm.end(), e)
                tend = stop.start() if stop else e
                words = text[tm.end() : tend].split()
                if 1 <= len(words) <= 20:
                    end = tend
                    while end > m.end() and text[end - 1] in " ,":
                        end -= 1
                    name = text[start:end]
            if name is None and (has_ord or (capital and noun[0].isupper())):
                name = text[start:end]
        tokens = _tokens(text[start:end]) if not title else _tokens(text[start : m.end()])
        out.append(_Mention(start, end, m.start(), kind, name, tokens))
    return out


def _compatible(ev: _Ev, mn: _Mention) -> bool:
    if ev.kind != mn.kind:
        return False
    if mn.name and ev.name.lower() == mn.name.lower():
        return True
    words = {w for w in mn.tokens if w not in EVENT_NOUNS}
    return words <= ev.tokens


def _place(text: str, i: int, e: int) -> str | None:
    m = _CAP_RUN.match(text, i, e)
    if not m:
        return None
    end = m.end()
    nxt = re.match(r",\s+([A-Z][\w’'-]+)", text[end:e])
    if nxt and nxt.group(1).lower() not in MONTHS and nxt.group(1).lower() not in WEEKDAYS:
        end += nxt.end()
    place = text[m.start() : end].rstrip(".")
    place = re.sub(r"^[Tt]he\s+", "", place)
    first = place.split()[0].lower().strip(",")
    if first in MONTHS or first in WEEKDAYS or first.isdigit():
        return None
    return place


def _clean_org(s: str) -> str:
    s = _PAREN.sub("", s).strip(" ,.")
    return re.sub(r"^[Tt]he\s+", "", s)


def _published(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _is_heading(text: str, a: int, b: int) -> bool:
    return len(text[a:b].split()) <= 12 and not _HEADING_END.search(text[a:b])


class _Scan:
    """One pass over the body: events with their mentions, paragraph by paragraph."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]], body: tuple[int, int], published: dt.date | None,
                 sentences_of=None):
        self.text = text
        self.published = published
        self.paragraphs = paragraphs
        self.events: list[_Ev] = []
        self.refs: list[tuple[int, int, _Ev]] = []  # (start, end, event) of every mention
        self.topic: dict[int, _Ev] = {}  # paragraph index -> event it introduces
        self.pending: list[tuple[_Ev, int]] = []  # `held during <event>` seen before that event
        lo, hi = max(body[0], 0), min(body[1], len(text))
        for pi, (ps, pe) in enumerate(paragraphs):
            ps, pe = max(ps, lo), min(pe, hi)
            if pe <= ps:
                continue
            nouns = _noun_starts(text, ps, pe)
            if not nouns:
                continue
            sents = sentences_of(pi) if sentences_of is not None else sentences(text, ps, pe)
            for s, e in sents:
                if bisect.bisect_left(nouns, s) == bisect.bisect_left(nouns, e):
                    continue
                for mn in _mentions(text, s, e):
                    self._place_mention(pi, s, e, mn)

    def _place_mention(self, pi: int, s: int, e: int, mn: _Mention) -> None:
        text = self.text
        ev = None
        for cand in reversed(self.events):
            if _compatible(cand, mn):
                ev = cand
                break
        if ev is None:
            if not mn.name:
                return
            mention = Span(text[mn.start : mn.end], mn.start, mn.end)
            ev = _Ev(mn.name, mn.kind, mention, _tokens(mn.name), order=len(self.events))
            ev.paragraph = pi
            self.events.append(ev)
        ev.mentions.append(mn.start)
        self.refs.append((mn.start, mn.end, ev))
        self._details(ev, s, e, mn)
        if self._is_topic(s, e, mn):
            self.topic[pi] = ev

    def _is_topic(self, s: int, e: int, mn: _Mention) -> bool:
        text = self.text
        lead = text[s : mn.start]
        lead = _PARTICIPLE_LEAD.sub("", _DATELINE.sub("", lead))
        if re.fullmatch(r"\s*(?:[Tt]he|[Aa]n?)?\s*", lead):
            return True
        w = re.search(r"(\w[\w-]*)\s+(?:(?:a|an|the|its|their)\s+)?$", text[max(s, mn.start - 40) : mn.start])
        return bool(w and w.group(1).lower() in HOLD_VERBS)

    def _details(self, ev: _Ev, s: int, e: int, mn: _Mention) -> None:
        text = self.text
        after = text[mn.end : e]
        if ev.location is None:
            lm = _WHERE.match(after)
            if lm:
                ev.location = _place(text, mn.end + lm.end(), e)
            else:
                dm = re.match(r",?\s+(?:(?:was|were)\s+)?held\s+(?:during|at)\s+", after)
                if dm:
                    for rs, re_, other in self.refs:
                        if rs >= mn.end + dm.end() and other is not ev and other.location:
                            ev.location = other.location
                            break
                    else:
                        self.pending.append((ev, mn.end + dm.end()))
        if ev.organizer is None:
            om = re.search(r"\b(" + "|".join(ORGANIZER_CUES) + r")\s+by\s+", after)
            if om and not re.search(r"[.;]", after[: om.start()]):
                org = _ORGANIZER.match(text, mn.end + om.end(), e)
                if org and len(org.group().split()) <= 12:
                    ev.organizer = _clean_org(org.group())
            else:
                vm = re.search(r"\b(" + "|".join(OWNER_VERBS) + r")\s+(?:its|their)\s+$", text[s : mn.start])
                if vm:
                    subj = _DATELINE.sub("", text[s : s + vm.start()])
                    subj = _clean_org(subj)
                    if subj and subj[0].isupper() and len(subj.split()) <= 10:
                        ev.organizer = subj
        if ev.date is None and ev.mention.start == mn.start:
            ev.date = date_in_text(text, mn.end, e, self.published)


def _scan(text: str, paragraphs, published: str | None, body, sentences_of=None) -> _Scan:
    sc = _Scan(text, paragraphs, body, _published(published), sentences_of)
    for ev, at in sc.pending:
        for rs, _re, other in sc.refs:
            if rs >= at and other is not ev and other.location:
                ev.location = ev.location or other.location
                break
    if sc.events:
        first = sc.events[0]
        lo = max(body[0], 0)
        first_par = next((i for i, (a, b) in enumerate(paragraphs) if b > lo), None)
        pi = first.paragraph
        if first.date is None and first_par is not None and pi - first_par <= 2:
            a, b = paragraphs[first_par]
            a = max(a, lo)
            dl = _DATELINE.match(text[a:b])
            first.date = date_in_text(text, a + (dl.end() if dl else 0), b, _published(published))
    return sc


def find_events(doc: Document) -> EventList:
    """Named events in the body, one per event however often it is mentioned, and the
    article's principal event among them (the gathering the headline or lead introduces)."""
    events = [ev.freeze() for ev in _scan(doc.text, doc.paragraphs, doc.published, doc.body, doc.sentences_of).events]
    return _with_principal(doc, events)


# What places words at an event: `said at the symposium`, `during the 43rd session`,
# `at the opening of the session`, `in a speech to the forum`.
_AT_BEFORE = re.compile(
    r"\b(?:[Aa]t|[Dd]uring|[Tt]o|[Bb]efore|[Ii]n|[Oo]n\s+the\s+sidelines\s+of|[Aa]ddressing|[Tt]old|[Aa]ttending)"
    r"\s+(?:(?:the|a|an|its|their|this|that|last\s+week's|(?:opening|close|end|start|closing|launch)\s+of)\s+){0,3}$"
)


def _explicit(text: str, a: int, b: int, events: list[Event], placed: bool = True) -> Event | None:
    """An event mentioned in text[a:b] that matches one of `events`; with `placed`, only a
    mention that places something there (`at the symposium`, `during the session`)."""
    best = None
    for mn in _mentions(text, a, b):
        if placed and not _AT_BEFORE.search(text, max(mn.start - 60, 0), mn.start):
            continue
        for ev in events:
            if ev.kind == mn.kind and (
                (mn.name and mn.name.lower() == ev.name.lower())
                or {w for w in mn.tokens if w not in EVENT_NOUNS} <= _tokens(ev.name)
            ):
                if best is None:
                    best = ev
                break
    return best


def _sentence_around(sentences_of, paragraphs, pi: int, lo: int, hi: int) -> tuple[int, int]:
    if not (0 <= pi < len(paragraphs)):
        return lo, hi
    sents = sentences_of(pi)
    a, b = lo, hi
    for s, e in sents:
        if s <= lo < e or (s < hi <= e) or (lo <= s and e <= hi):
            a, b = min(a, s), max(b, e)
    return a, b


def _surname(speaker: str | None) -> str | None:
    if not speaker:
        return None
    last = speaker.split()[-1].strip(".,")
    return last if len(last) > 2 and last[0].isupper() else None


def _carried(text, paragraphs, pi, events, surname: str | None, pronoun: bool = False) -> Event | None:
    """Walk back over paragraphs that continue this speaker (same name, a pronoun, or
    opening with a quote) to one that places them at an event."""
    if not (0 <= pi < len(paragraphs)):
        return None
    a, b = paragraphs[pi]
    ok = pronoun or text[a : a + 1] in _OPEN_Q or (surname and re.search(r"\b" + re.escape(surname) + r"\b", text[a:b]))
    for j in range(pi - 1, max(pi - 4, -1), -1):
        if not ok:
            return None
        ja, jb = paragraphs[j]
        named = bool(surname and re.search(r"\b" + re.escape(surname) + r"\b", text[ja:jb]))
        if named or text[ja : ja + 1] in _OPEN_Q:
            ev = _explicit(text, ja, jb, events)
            if ev is not None:
                return ev
        ok = named or text[ja : ja + 1] in _OPEN_Q
    return None


def link_event(doc: Document, quote: Quote, cue: Span | None, events: list[Event]) -> str | None:
    """The name of the event where the quote was said: one its text places it at, else the
    article's principal event, unless its sentence puts the words elsewhere."""
    text = doc.text
    name = _link(text, quote, cue, events, doc.paragraphs, doc.sentences_of)
    principal = getattr(events, "principal", None)
    name = getattr(events, "aliases", {}).get(name, name)
    lo = quote.start if cue is None else min(quote.start, cue.start)
    hi = quote.end if cue is None else max(quote.end, cue.end)
    first, last = doc.sentence_at(lo), doc.sentence_at(max(lo, hi - 1))
    a = first[0] if first else lo
    b = max(hi, last[1] if last else hi)
    if _elsewhere(text, a, b) and not (principal is not None and principal.kind == "interview"):
        placed = _explicit(text, a, b, events)
        return placed.name if placed is not None else None
    if principal is None:
        return name
    if name is not None and name != principal.name and not _tokens(name) <= _tokens(principal.name):
        other = next((ev for ev in events if ev.name == name), None)
        described = other is not None and other.kind == principal.kind and name[:1].islower()
        if not described and not _only_in_content(doc, quote, events):
            return name
    return principal.name


def _link(text, quote, cue, events, paragraphs, sentences_of) -> str | None:
    if not events:
        return None
    lo, hi = quote.start, quote.end
    if cue is not None:
        lo, hi = min(lo, cue.start), max(hi, cue.end)
    if quote.speaker_mention is not None:
        lo, hi = min(lo, quote.speaker_mention.start), max(hi, quote.speaker_mention.end)
    starts = [p[0] for p in paragraphs]
    pi = max(bisect.bisect_right(starts, lo) - 1, 0) if paragraphs else 0
    a, b = _sentence_around(sentences_of, paragraphs, pi, lo, hi)
    ev = _explicit(text, a, b, events)
    if ev is not None:
        return ev.name
    # a direct quote continuing its speaker's earlier paragraphs inherits their event
    if quote.kind == "direct":
        pronoun = quote.speaker_mention is not None and quote.speaker_mention.text.lower() in _PRONOUNS
        ev = _carried(text, paragraphs, pi, events, _surname(quote.speaker), pronoun)
        if ev is not None:
            return ev.name
    # the speaker was placed at an event in the previous paragraph
    if quote.speaker and pi >= 1:
        pa, pb = paragraphs[pi - 1]
        surname = quote.speaker.split()[-1]
        if len(surname) > 2 and re.search(r"\b" + re.escape(surname) + r"\b", text[pa:pb]):
            ev = _explicit(text, pa, pb, events)
            if ev is not None:
                return ev.name
    # paragraphs right after one that introduces an event, up to the next heading
    for back in range(1, 5):
        j = pi - back
        if j < 0:
            break
        ja, jb = paragraphs[j]
        if _is_heading(text, ja, jb):
            break
        ev = _topic_event(text, sentences_of(j), events)
        if ev is not None:
            return ev.name
    return None


def _topic_event(text: str, sents: list[tuple[int, int]], events: list[Event]) -> Event | None:
    """The event a paragraph introduces: it opens with the event, or someone holds it."""
    for s, e in sents[:2]:
        for mn in _mentions(text, s, e):
            lead = _DATELINE.sub("", text[s : mn.start])
            lead = _PARTICIPLE_LEAD.sub("", lead)
            w = re.search(r"(\w[\w-]*)\s+(?:(?:a|an|the|its|their)\s+)?$", text[max(s, mn.start - 40) : mn.start])
            if re.fullmatch(r"\s*(?:[Tt]he|[Aa]n?)?\s*", lead) or (w and w.group(1).lower() in HOLD_VERBS):
                ev = _explicit(text, mn.start, mn.end, events, placed=False)
                if ev is not None:
                    return ev
    return None


def _only_in_content(doc: Document, quote: Quote, events: list[Event]) -> bool:
    """The quote's words name an event, and nothing outside them places it there: `said
    that “the Summit for X was a farce”` was not said at that summit."""
    text = doc.text
    if _explicit(text, quote.start, quote.end, events) is None:
        return False
    sent = doc.sentence_at(quote.start)
    a, b = sent if sent else (quote.start, quote.end)
    a, b = min(a, quote.start), max(b, quote.end)
    return _explicit(text, a, quote.start, events) is None and _explicit(text, quote.end, b, events) is None


# --- the principal event ------------------------------------------------------------------
# News reports of a gathering name it once in the headline or lead (`attended the Fifth
# Forum on …`, `at the 51st session of …`) and then quote its speakers without repeating
# where: every quote of such an article was said there, unless its sentence puts it
# elsewhere (`in a written statement`, `in an interview`).

_KIND_ALT = alternation(GATHERING_KINDS)
_KIND = re.compile(r"(?i:\b(" + _KIND_ALT + r"))\b")
_DAYS_MONTHS = "|".join(w.capitalize() for w in WEEKDAYS) + "|" + "|".join(
    m.capitalize() for m in MONTHS if len(m) == 3)
# The same name read from its kind word: the words before it one by one (walking back),
# the of/on/for chain after it by one anchored match, instead of a search from far back.
_NAME_WORD = re.compile(
    r"(?:\d+(?:st|nd|rd|th)|\d{4}|[A-Z][\w'’\-]*|" + alternation(GATHERING_MODIFIERS)
    + r"|[a-z]+-(?:day|level|week|year))"
)
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_KIND_AND_CHAIN = re.compile(
    r"(?i:" + _KIND_ALT + r")(?:\s+(?:of|on|for)\s+(?!(?:" + _DAYS_MONTHS + r")\w*\b)(?:the\s+)?"
    r"(?:(?!(?:" + _DAYS_MONTHS + r")\w*\b)[A-Z][\w'’\-]*(?:\s+|(?=[,.:;\s]))|(?:of|on|for|and|the)\s+)*"
    r"(?!(?:" + _DAYS_MONTHS + r")\w*\b)(?:[A-Z][\w'’\-]*))?"
)


def _name_start(text: str, a: int, kind_at: int) -> int:
    """Where a gathering's name starts: up to 8 name words right before its kind word."""
    start = kind_at
    for _ in range(8):
        w = _WORD_BEFORE.search(text, max(a, start - 40), start)
        if w is None:
            break
        word = w.group(1)
        bare = word.lstrip("\"“‘'«(")
        if not _NAME_WORD.fullmatch(bare):
            break
        start = w.start(1) + len(word) - len(bare)
        if bare != word:
            break  # `the “International Forum …`: the name opens at the mark
    return start


_INTRO = re.compile(
    r"\b(?:" + alternation(INTRO_WORDS) + r")\s+(?:(?:the|a|an|its|this|\d+(?:st|nd|rd|th)|"
    r"(?:opening|closing|close|start|end|launch|margins)\s+of|"
    + "|".join(ORDINAL_WORDS) + r")\s+)*[\"“‘]?\s*$",
    re.IGNORECASE,
)
_TITLED = re.compile(
    r"(?i:(" + _KIND_ALT + r"))[^.\n]{0,60}?\b(?:titled|entitled|themed|called|named|under\s+the\s+theme(?:\s+of)?"
    r"|on\s+the\s+theme(?:\s+of)?)\s*[,:]?\s*(?:[\"“]([^\"”\n]{5,200}?)[,.]?[\"”]|‘([^\n]{5,200}?)[,.]?’(?=[\s,.;]))"
)
_BODY = re.compile(
    r"\b(?:addressing|addressed|told|briefed)\s+(?:the\s+)?((?:[A-Z][\w\-]+\s+){0,6}(?:"
    + "|".join(BODY_HEADS) + r")(?:\s+[A-Z][\w\-]+){0,2})"
)
_NOT_DAY = r"(?!(?:" + _DAYS_MONTHS + r")\w*\b)"
_CAPS = _NOT_DAY + r"[A-Z][\w'’\-]*(?:\s+(?:(?:of|the|and|for|on|a)\s+)*" + _NOT_DAY + r"[A-Z][\w'’\-]*)*"
# A title-case name goes on through a list (`on Rights, Trade and Peace`), a subtitle
# (`Forum on Democracy: Shared Values`) or the body it is a part of (`Assembly Third Committee`).
_NAME_TAIL = re.compile(
    r"(?:,\s+" + _CAPS + r")*,?\s+and\s+" + _CAPS + r"|:\s+" + _CAPS
    + r"|(?:\s+[A-Z][\w\-]+){0,2}\s+(?:" + "|".join(BODY_HEADS) + r")\b"
)
_INTERVIEW = re.compile(
    r"\b(?i:in|during|gave|giving)\s+(?:an?\s+|the\s+)?(?:(?:exclusive|joint|televised|telephone)\s+)?"
    r"(interview\s+with\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:(?:of|and|the)\s+)*[A-Z][\w'’\-]*)*)"
)
_TITLE_ON = re.compile(r"\s+on\s+[\"“]([^\"”\n]{5,200}?)[,.]?[\"”]")
_CHAIN = re.compile(r"\s+(on|of)\s+((?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,7})")
_CHAIN_STOP = frozenset(
    "in at held hosted organized organised that which who was is were are will to with by from and said says on "
    "during after before where when as this last its their his her took takes met meets began ended drew".split()
) | frozenset(WEEKDAYS)
_ELSEWHERE = re.compile(
    r"\bin\s+(?:a|an|his|her|their|its|the)\s+(?:(?:written|joint|separate|recent|televised|video|telephone|"
    r"exclusive|later|earlier)\s+)?(?:" + "|".join(ELSEWHERE_NOUNS) + r")\b",
    re.IGNORECASE,
)
_TITLE_CUES = ("titled", "themed", "called", "named", "theme")
_LEAD_CHARS = 300  # a gathering this close to the start is in the headline or lead
_KIND_HEADS = tuple({k.split()[-1] for k in GATHERING_KINDS})


@dataclass(frozen=True)
class _Gathering:
    start: int
    end: int  # of the mention as written (the name may be completed from another mention)
    name: str
    kind: str
    intro: bool
    titled: bool = False
    placed: bool = False  # a placing word (`at`, `during`, `addressing` ...) introduces it, not just the lead


def _chain(text: str, end: int) -> str:
    """A lower-case continuation of a gathering's name: `seminar on river law and policy`."""
    m = _CHAIN.match(text, end, min(len(text), end + 120))
    if not m:
        return ""
    out = []
    for w in m.group(2).split():
        if w.lower() in _CHAIN_STOP or w[:1].isdigit() or (w.islower() and w.endswith(("ed", "ens", "ins", "ends"))):
            break  # `session of the board opened`: a verb ends the name
        out.append(w)
    while out and out[-1].lower() in ("the", "of", "a", "an"):
        out.pop()
    return f" {m.group(1)} {' '.join(out)}" if out else ""


def _kind_hits(text: str) -> list[int]:
    """Where a gathering's head word occurs (lower-cased text, str.find in C): most news
    paragraphs hold none, and they are skipped without running a pattern."""
    low = text.lower()
    hits = []
    for k in _KIND_HEADS:
        i = low.find(k)
        while i >= 0:
            hits.append(i)
            i = low.find(k, i + 1)
    hits.sort()
    return hits


def _gatherings(text: str, spans: list[tuple[int, int]]) -> list[_Gathering]:
    found = []
    hits = _kind_hits(text)
    if not hits:
        return found
    for a, b in spans:
        lo_i, hi_i = bisect.bisect_left(hits, a), bisect.bisect_left(hits, b)
        if lo_i == hi_i:
            continue
        done = a
        for hit in hits[lo_i:hi_i]:
            if hit < done:
                continue
            # the kind around this head word (`press conference` for `conference`)
            km = next((k for k in _KIND.finditer(text, max(done, hit - 16), min(b, hit + 20))
                       if k.start() <= hit < k.end()), None)
            if km is None:
                continue
            done = km.end()
            start = _name_start(text, a, km.start())
            tail = _KIND_AND_CHAIN.match(text, km.start(), min(b, km.end() + 200))
            if tail is None:
                continue
            ev = text[start : tail.end()].strip()
            ev = re.sub(r"^(?:The|A|An)\s+", "", ev)
            if "\n" in ev:
                ev = ev.split("\n")[-1]
            if not ev[:1].isalnum():
                continue
            before = text[max(a, start - 40) : start]
            prev = re.search(r"(\w+)\s+(?:the\s+|a\s+|an\s+)?$", before)
            if (prev and prev.group(1).lower() in FUTURE_WORDS) or ev.split()[0].lower() in FUTURE_WORDS:
                continue  # `the upcoming summit`: not where anything was said yet
            end = tail.end()
            if ev.split()[-1][:1].isupper():
                tail = _NAME_TAIL.match(text, end, b)
                if tail:
                    ev += text[end : tail.end()]
                    end = tail.end()
            titled = _TITLE_ON.match(text, end, b)
            if titled:
                found.append(_Gathering(titled.start(1), titled.end(1), titled.group(1).strip(" ,."),
                                        km.group(1).lower(), True, True, bool(_INTRO.search(before))))
                continue
            if not re.search(r"\s(?:of|on|for)\s", ev):
                ev += _chain(text, end)
            placed = bool(_INTRO.search(before))
            intro = placed or start < _LEAD_CHARS
            if len(ev.split()) == 1 and not intro:
                continue
            found.append(_Gathering(start, end, ev, km.group(1).lower(), intro, False, placed))
    return found


def _principal_gathering(text: str, spans: list[tuple[int, int]]) -> tuple[_Gathering | None, _Gathering | None]:
    """The first gathering introduced as where people speak, named by its title when it has
    one (`a seminar titled “…”`), else by its fullest mention of the same kind; and the
    lead's description of it, when the lead describes it before naming it."""
    found = _gatherings(text, spans)
    if not any(g.intro and len(g.name.split()) > 1 for g in found):
        for a, b in spans:
            if not any(h in text[a:b] for h in BODY_HEADS):
                continue
            for m in _BODY.finditer(text, a, b):
                found.append(_Gathering(m.start(1), m.end(1), m.group(1).strip(), "meeting", True))
    for a, b in spans[:3]:
        if "interview" not in text[a:b]:
            continue
        for m in _INTERVIEW.finditer(text, a, b):
            found.append(_Gathering(m.start(1), m.end(1), m.group(1).strip(), "interview", True, False, True))
    found.sort(key=lambda g: g.start)
    intro = [g for g in found if g.intro and len(g.name.split()) > 1] or [g for g in found if g.intro]
    if not intro:
        return None, None  # named only in passing: not where the article's words were said
    first = intro[0]
    interview = next((g for g in intro if g.kind == "interview"), None)
    if interview is not None and not first.placed:
        # `X thanked Y for hosting the Conference. In an interview with Z, X said …`: the
        # lead names a gathering, the interview is where the words were said
        return interview, None
    described = None
    if first.name[:1].islower() and not first.titled:
        # `told a counter-terrorism meeting …`: a lead describes the gathering, then names it
        named = next((g for g in intro[1:4] if g.name[:1].isupper() and len(g.name.split()) >= 3
                      and g.start - first.start < 1500), None)
        if named is not None:
            described, first = first, named
    if first.titled:
        return first, described
    for a, b in spans:
        low = text[a:b].lower()
        if not any(w in low for w in _TITLE_CUES):
            continue
        for t in _TITLED.finditer(text, a, b):
            if t.group(1).lower() == first.kind:
                at = 2 if t.group(2) else 3
                return _Gathering(t.start(at), t.end(at), t.group(at).strip(" ,."), first.kind, True, True), described
    same = [g.name for g in found if g.kind == first.kind]
    name = max(same, key=lambda s: (sum(w[:1].isupper() for w in s.split()), len(s)))
    if len(name.split()) < 2:
        return None, None  # `the meeting` alone names nothing a reader could look up
    return _Gathering(first.start, first.end, name, first.kind, True, False, first.placed), described


class EventList(list):
    """find_events' answer: the events, and which of them is the article's principal one."""

    principal: Event | None = None
    aliases: dict[str, str] = {}  # a lead's description of the principal event -> its name


def _with_principal(doc: Document, events: list[Event]) -> EventList:
    text = doc.text
    spans = ([(0, doc.body[0])] if doc.body[0] > 0 else []) + list(doc.paragraphs)
    out = EventList(events)
    g, described = _principal_gathering(text, spans)
    if g is None:
        return out
    if described is not None:
        dwords = _tokens(described.name)
        kept = [ev for ev in out if not (_tokens(ev.name) <= dwords)]
        out.aliases = {ev.name: g.name for ev in out if ev not in kept}
        out[:] = kept
    gwords = _tokens(g.name)
    for i, ev in enumerate(out):
        ewords = _tokens(ev.name)
        if not ewords & gwords - set(EVENT_NOUNS):
            continue
        if ewords <= gwords or gwords <= ewords or g.titled:
            # one name written out in full and in part, or by its title: the fuller one names it
            longer = g.name if len(gwords) > len(ewords) or g.titled else ev.name
            out[i] = Event(longer, ev.kind, ev.location, ev.organizer, ev.date, ev.mention)
            out.aliases = {k: longer for k in out.aliases} | ({ev.name: longer} if longer != ev.name else {})
        elif ev.kind != g.kind:
            continue
        out.principal = out[i]
        return out
    sent = doc.sentence_at(g.start) or (g.start, min(len(text), g.end + 200))
    date = date_in_text(text, g.end, max(sent[1], g.end), _published(doc.published))
    out.principal = Event(g.name, g.kind, None, None, date, Span(text[g.start : g.end], g.start, g.end))
    out.append(out.principal)
    return out


def _elsewhere(text: str, a: int, b: int) -> bool:
    """The quote's sentence says the words were written or said somewhere else."""
    return bool(_ELSEWHERE.search(text, a, b))
