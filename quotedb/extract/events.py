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
    EVENT_NOUNS,
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

    def __init__(self, text: str, paragraphs: list[tuple[int, int]], body: tuple[int, int], published: dt.date | None):
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
            for s, e in sentences(text, ps, pe):
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


def _scan(text: str, paragraphs, published: str | None, body) -> _Scan:
    sc = _Scan(text, paragraphs, body, _published(published))
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


def find_events(doc: Document) -> list[Event]:
    """Named events in the body, one per event however often it is mentioned."""
    return [ev.freeze() for ev in _scan(doc.text, doc.paragraphs, doc.published, doc.body).events]


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


def _sentence_around(text: str, paragraphs, pi: int, lo: int, hi: int) -> tuple[int, int]:
    if not (0 <= pi < len(paragraphs)):
        return lo, hi
    ps, pe = paragraphs[pi]
    sents = sentences(text, ps, pe)
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
    """The name of the event where the quote was said, when the text places it there."""
    return _link(doc.text, quote, cue, events, doc.paragraphs)


def _link(text, quote, cue, events, paragraphs) -> str | None:
    if not events:
        return None
    lo, hi = quote.start, quote.end
    if cue is not None:
        lo, hi = min(lo, cue.start), max(hi, cue.end)
    if quote.speaker_mention is not None:
        lo, hi = min(lo, quote.speaker_mention.start), max(hi, quote.speaker_mention.end)
    starts = [p[0] for p in paragraphs]
    pi = max(bisect.bisect_right(starts, lo) - 1, 0) if paragraphs else 0
    a, b = _sentence_around(text, paragraphs, pi, lo, hi)
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
        ev = _topic_event(text, ja, jb, events)
        if ev is not None:
            return ev.name
    return None


def _topic_event(text: str, a: int, b: int, events: list[Event]) -> Event | None:
    """The event a paragraph introduces: it opens with the event, or someone holds it."""
    for s, e in sentences(text, a, b)[:2]:
        for mn in _mentions(text, s, e):
            lead = _DATELINE.sub("", text[s : mn.start])
            lead = _PARTICIPLE_LEAD.sub("", lead)
            w = re.search(r"(\w[\w-]*)\s+(?:(?:a|an|the|its|their)\s+)?$", text[max(s, mn.start - 40) : mn.start])
            if re.fullmatch(r"\s*(?:[Tt]he|[Aa]n?)?\s*", lead) or (w and w.group(1).lower() in HOLD_VERBS):
                ev = _explicit(text, mn.start, mn.end, events, placed=False)
                if ev is not None:
                    return ev
    return None
