"""Indirect speech: find reporting cues and cut out the reported clause and its source.

Regular expressions over sentences, no parser: news reports speech in a handful of fixed
shapes, and getting those exactly right is most of the accuracy. Per cue, in this order:

  headline   `Mayor Says Bridge Will Reopen` in a title-case line
  asked      `X asked (Y) whether …`, `Asked about …, X said …`  (content = the question)
  urge       `X urged / called on Y to …`, `X told Y to …`  (content = `Y to …`)
  for        `X called (on Wednesday) for …`  (content = `for …`)
  object     `X called Y a Z`, `X accused Y of Z`, `X described Y as Z`
  according  `According to X, …`, `…, according to X, …`, `… according to X.`
  tail       `…, X said.`, `…, said X, <role>.`, `…, X said, …` (medial: both fragments)
  lead       `X said (at the meeting) (that) …`, `X told Y (that) …`, `X believes …`,
             `X promised to …`; with a participle cue (`…, saying …`) the source is the
             clause subject.

Content runs to the sentence end (PolNeAR convention) unless a subordinate clause or a
trailing reporting participle ends it first. A claim that is only a direct quote is left
to the quote finder; a clause that holds a quote is returned whole (the core marks it
mixed). Reports nested inside another report are kept, each with its own source.
"""

from __future__ import annotations

import bisect
import re
from itertools import islice

from quotedb.lexicon.grammar import (
    AUXILIARIES, BE_FORMS, BLOCKING_PREPOSITIONS, CLAUSE_PREPOSITIONS, DETERMINERS, FUNCTION_WORDS, LEAD_ADVERBIALS,
    TIME_WORDS,
)
from quotedb.lexicon.people import OBJECT_PRONOUNS, PRONOUNS
from quotedb.lexicon.calendar import DAY_WORDS, WEEKDAYS
from quotedb.lexicon.verbs import (
    ASK_FORMS,
    BELIEF_VERBS,
    FRONTED_CUES,
    HEADLINE_CUES,
    LISTENER_VERBS,
    TELL_FORMS,
    CLAUSE_ONLY_CUES,
    FOR_CUES,
    NOT_CLAIM_CUES,
    INFINITIVE_CUES,
    OBJECT_CUES,
    TOPIC_CUES,
    PHRASAL_CUES,
    SPEECH_VERBS,
    TAIL_ONLY_VERBS,
    URGE_CUES,
)
from quotedb.extract.rules import BELIEF, Rule
from quotedb.extract.text import Document, alternation, sentences
from quotedb.extract.types import Claim, QuoteSpan
from quotedb.model import Span

_WEEKDAY_CAPS = "|".join(w.capitalize() for w in WEEKDAYS)
_OPEN_Q = "\"“‘'«"
_CLOSE_Q = "\"”’'»"
_QUOTES = set(_OPEN_Q + _CLOSE_Q + "`")
_QUOTE_CHAR = re.compile("[" + re.escape(_OPEN_Q + _CLOSE_Q + "`") + "]")

_CUE_WORDS = SPEECH_VERBS | BELIEF_VERBS | OBJECT_CUES | INFINITIVE_CUES
_CUE = re.compile(
    r"(?<![\w'’<-])(?:"
    r"(?P<phr>" + alternation(PHRASAL_CUES) + r")"
    r"|(?P<acc>According\s+to)"
    r"|(?P<asked>Asked)"
    r"|(?P<front>" + alternation(FRONTED_CUES) + r")"
    r"|(?P<head>" + alternation(HEADLINE_CUES) + r")"
    r"|(?P<verb>" + alternation(_CUE_WORDS) + r")"
    r")(?![\w'’-])"
)
# Where _CUE may match, led by the character before it: a pattern opening with a character
# class lets `re` skip through words in C, where _CUE's look-behind is tried at every position.
# The class names ASCII word characters only (a table look-up, not a Unicode category test),
# so it also admits a few places _CUE then turns down.
_ALL_CUES = PHRASAL_CUES | {"According to", "Asked"} | FRONTED_CUES | HEADLINE_CUES | _CUE_WORDS
_CUE_AHEAD = re.compile(r"[^a-zA-Z0-9_'’<-](?:" + alternation(_ALL_CUES) + r")(?![\w'’-])")

_PRONOUNS = PRONOUNS | {"who"}
_OBJ_PRONOUNS = OBJECT_PRONOUNS | {"reporters"}
# `the report`, `his claims`: a determiner makes the cue word a noun; quantifiers
# (`Some said`, `Many say`) are subjects.
_NOUN_USE_BEFORE = DETERMINERS - {"that", "some", "many", "most", "several", "both"} | {"'s", "’s"}
_BOUNDARY = re.compile(r"\s(?:and|but|because|when|while|as|if|after|before|since|that|which|where|although|though)\s")
_WORDS = re.compile(r"[^\s]+")
# `"…," Carson said on Sunday`: the cue closes a direct quote, which is the core's.
_QUOTE_BEFORE = re.compile(r"(?:[,.!?]['’\"”]|[\"”])\s+(?:[\w.'’-]+\s+){0,8}?(?:[\w.'’-]+\s*,?\s*)$")
# `May 30, 2024 -- `, `PARIS, Aug 31 (Reuters) - `, `RANGOON, Burma - `: where and when, not who.
_DATELINE = re.compile(
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}|[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+)*(?:,\s*[\w. ]{1,25}?)?\s*(?:\([^()]{1,30}\))?)"
    r"\s*(?:--|—|–|-)\s+"
)
_INVERTED_ADV = re.compile(r",?\s+(?:at|in|on|during|before|after|when|while|who|which|as|according)\s+[a-z]")
_CLOSE_BEFORE = re.compile(r"[,.!?]?[\"”’']\s*$")
_TIME_PHRASE = re.compile(
    r"\s*(?:(?:on|last|this|next|early|late|earlier|later)\s+)?(?:" + _WEEKDAY_CAPS
    + r"|week|month|year|night|morning|afternoon|evening|weekend)(?:\s+(?:night|morning|afternoon|evening))?\b,?"
)
_THAT_AFTER = re.compile(r"\s+that\b")
# `that(?<!\wthat)` is `\bthat` with a literal prefix, which `re` finds as fast as str.find.
_THAT_END = re.compile(r"that(?<!\wthat)\s*$")
_THAT = re.compile(r"that(?<!\wthat)\b")
_PARTICIPLE_LEAD = re.compile(r"(?:,|\s[—–-]{1,2})\s*$")


# `…, expecting more investment`: a participle clause after the content is the reporter's.
_TRAILING_PARTICIPLE = re.compile(
    r",\s+(?:expecting|hoping|adding|saying|noting|citing|arguing|calling|urging|warning|insisting|stressing"
    r"|explaining)\b"
)


# A source noun phrase is never longer than this, appositives included (25 words at most
# are kept): rules look back no further, so a sentence of a thousand cues stays linear.
_MAX_SOURCE_CHARS = 400
# Cue words inside a source phrase (`X, who said …, told …`); more make it no phrase at all.
_MAX_INNER_CUES = 3
# How far into a claim's content its trailing aside (`, saying …`) is looked for.
_MAX_CONTENT_SCAN = 2000


def _look_back(text: str, s: int, cue: int) -> int:
    """Where a scan for the source of a cue at `cue` may start: `s`, or the first word
    within _MAX_SOURCE_CHARS of the cue."""
    if cue - s <= _MAX_SOURCE_CHARS:
        return s
    lo = cue - _MAX_SOURCE_CHARS
    sp = text.find(" ", lo, cue)
    return sp + 1 if sp >= 0 else cue


def _at_least_words(text: str, a: int, b: int, n: int) -> bool:
    """text[a:b] holds n words or more, counted no further than the n-th."""
    return sum(1 for _ in islice(_WORDS.finditer(text, a, b), n)) >= n


def _strip_span(text: str, a: int, b: int, chars: str = " \t\r\n,;:—–-") -> tuple[int, int]:
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


def _span(text: str, a: int, b: int) -> Span | None:
    a, b = _strip_span(text, a, b)
    return Span(text[a:b], a, b) if b > a else None


def _inside(quotes: list[QuoteSpan], a: int, b: int, starts: list[int] | None = None) -> QuoteSpan | None:
    """The quote span holding text[a:b]; quotes sorted by start (a few nested ones looked at)."""
    i = bisect.bisect_right(starts, a) if starts is not None else len(quotes)
    for q in reversed(quotes[max(0, i - 4) : i] if starts is not None else quotes):
        if q.outer.start <= a and b <= q.outer.end:
            return q
    return None


_QUOTE_THEN_SOURCE = re.compile(r"[,.!?]?(?:''|[\"”’'])\s*(?:[\w.'’-]+\s+){0,4}$")


def _attributes_quote(text: str, s: int, cue: int) -> bool:
    """`"…," she said` where the sentence is one quote: the core's direct quote, nothing to add."""
    if s >= cue or text[s] not in _OPEN_Q:
        return False
    m = _QUOTE_THEN_SOURCE.search(text, max(s, cue - 80), cue)
    return bool(m) and not _QUOTE_CHAR.search(text, s + 1, m.start())


def _is_quote_only(text: str, a: int, b: int, quotes: list[QuoteSpan], starts: list[int] | None = None) -> bool:
    """Content that is just a direct quote (the core's job), punctuation aside."""
    a, b = _strip_span(text, a, b, " \t\r\n,;:.—–-")
    if b <= a:
        return True
    q = _inside(quotes, a, b, starts)
    if q is not None and not q.is_title:
        return True
    if text[a] in _OPEN_Q and text[b - 1] in _CLOSE_Q and not _QUOTE_CHAR.search(text, a + 1, b - 1):
        return True
    return False


_LEAD_TOKEN = re.compile(r"([A-Za-z'’]+)")


def _strip_lead(text: str, a: int, b: int) -> int:
    """Skip leading adverbial comma segments ("In an email, …", "However, …") and conjunctions."""
    dl = _DATELINE.match(text, a, b)
    if dl:
        a = dl.end()
    while a < b:
        while a < b and (text[a].isspace() or text[a] in _OPEN_Q or text[a] in "(—–-"):
            a += 1
        m = _LEAD_TOKEN.match(text, a, b)
        if not m:
            break
        w = m.group(1).lower()
        if w in ("and", "but", "so", "or", "yet", "still", "also", "now", "then"):
            a = m.end()
            continue
        if w in LEAD_ADVERBIALS or (w.endswith("ing") and len(w) > 5 and a < b and text[a].isupper()):
            c = text.find(",", a, b)
            if c < 0:
                break
            a = c + 1
            continue
        break
    while a < b and text[a].isspace():
        a += 1
    return a


_SUBJECT_WORD = re.compile(r"[A-Za-z][\w.'’-]*")


def _subject(text: str, s: int, e: int) -> Span | None:
    """The clause subject at the start of a sentence: a pronoun or a name/noun phrase."""
    a = _strip_lead(text, s, e)
    words = [(m.start() - a, m.end() - a, m.group()) for m in islice(_SUBJECT_WORD.finditer(text, a, e), 12)]
    if not words:
        return None
    w0 = words[0][2]
    if w0.lower() in _PRONOUNS and w0.lower() != "who":
        return Span(text[a + words[0][0] : a + words[0][1]], a + words[0][0], a + words[0][1])
    last = -1
    for i, (_, _, w) in enumerate(words):
        if i == 0 and w.lower() in DETERMINERS:
            continue
        if w[0].isupper():
            last = i
        elif w.lower() in ("of", "the", "for", "and", "de", "al", "van", "von", "del", "da") and i > 0:
            continue
        elif i == 0 and w.lower() in DETERMINERS:
            continue
        elif last < 0 and i <= 2:
            last = i
            break
        else:
            break
    if last < 0:
        return None
    end = a + words[last][1]
    return _span(text, a, end)


def _is_aux(w: str) -> bool:
    """Auxiliaries, negations and adverbs between a subject and its cue: `has not`, `openly`."""
    return w in AUXILIARIES or w.endswith(("n't", "n’t")) or (w.endswith("ly") and len(w) > 4 and w != "early")


_TRAILING_TIME = re.compile(
    r"\s+(?:(?:on|last|this|late|early)\s+)?(?:" + _WEEKDAY_CAPS + r"|yesterday|today"
    r"|week|night|morning)$"
)


_LEAD_WORD = re.compile(r"(?:with|yet|while|and|but|so|then|even|also|still)\s+")


def _lead_source(text: str, s: int, pre_end: int) -> Span | None:
    """The source noun phrase written before a cue, appositives included."""
    s = _look_back(text, s, pre_end)
    seg = text[s:pre_end].rstrip()
    words = seg.split()
    while words and _is_aux(words[-1].lower().strip(",")):
        seg = seg[: len(seg) - len(words.pop())].rstrip()
    if not words:
        return None
    b = s + len(seg)
    last = words[-1]
    lw = last.lower().strip(",")
    if lw in ("and", "but", "then", "or"):
        return _subject(text, s, b)
    if not last.endswith(",") and lw in _PRONOUNS:
        at = b - len(last)
        return Span(text[at : at + len(lw)], at, at + len(lw))
    a = _strip_lead(text, s, b)
    if a >= b:
        return None
    sub = _SUBORDINATE.match(text, a, b)
    if sub:
        a = sub.end()
    inner = None
    found = _cues(text, a, b, limit=_MAX_INNER_CUES + 1)
    if len(found) > _MAX_INNER_CUES:
        return None  # a run of reports, not a noun phrase
    for im in found:
        before = text[max(a, im.start() - 8) : im.start()].split()
        after = text[im.end() : im.end() + 5].split()
        if not (before and before[-1].lower() in ("who", "which", "that")) and not (after and after[0] in ("not", "to")):
            inner = im
    if inner is not None:  # `X said Y told him …`: the nested report's source is Y
        th = _THAT_AFTER.match(text, inner.end(), b)
        a = th.end() if th else inner.end()
        while a < b and text[a].isspace():
            a += 1
        if a >= b:
            return None
    seg = text[a:b]
    cut = None
    for m in _BOUNDARY.finditer(seg):
        cut = m.end()
    if cut is not None:
        rest = seg[cut:].strip()
        if not rest or rest.endswith(","):
            if not rest:
                return _subject(text, s, b)
        else:
            a = a + cut
    if not last.endswith(","):
        # `The day after the vote, Gov. Ann Lee said`, `Even so, most voters say`: the
        # subject is the last comma segment (appositives end in a comma, so stay whole)
        comma = text.rfind(", ", a, b)
        if comma > a and len(text[comma + 2 : b].split()) <= 8:
            a = comma + 2
        lead = _LEAD_WORD.match(text, a, b)
        if lead and lead.end() < b:
            a = lead.end()
    tag = text.rfind(">", a, b)
    if tag >= 0:
        a = tag + 1
    tt = _TRAILING_TIME.search(text, a, b)
    if tt and tt.start() > a:
        b = tt.start()
    if len(text[a:b].split()) > 25:
        return None
    return _span(text, a, b)


def antecedent(text: str, pronoun: Span) -> Span | None:
    """What a relative-pronoun source stands for: `Cruz, who says …` -> `Cruz`.

    Only a non-restrictive `who` after a comma: `critics who say` names no one.
    """
    if not text[max(0, pronoun.start - 3) : pronoun.start].rstrip().endswith(","):
        return None
    lo = max(0, pronoun.start - 300, text.rfind("\n", 0, pronoun.start) + 1)
    start = sentences(text, lo, pronoun.start)[-1][0] if pronoun.start > lo else lo
    return _lead_source(text, start, pronoun.start) if start < pronoun.start else None


def _content_start_after(text: str, cue_end: int, e: int, cue: str) -> int:
    """Where the reported clause starts after a cue: past adverbials, objects and "that"."""
    i = cue_end
    m = _THAT.search(text, i, min(e, i + 120))
    if m:
        gap = text[i : m.start()]
        gw = gap.split()
        if not gw:
            return m.end()
        first = gw[0].lower().strip(",")
        adverbial = first in TIME_WORDS and len(gw) <= 14 and not any(w.lower() in _NOT_IN_NP for w in gw)
        listener = cue in LISTENER_VERBS and len(gw) <= 8 and "," not in gap
        if adverbial or listener:
            return m.end()
    tm = _TIME_PHRASE.match(text, i, e)
    if tm:
        i = tm.end()
    words = _WORDS.finditer(text, i, e)
    w = next(words, None)
    if cue in LISTENER_VERBS and w is not None:
        if w.group().lower().strip(",") in _OBJ_PRONOUNS:
            i, w = w.end(), next(words, None)
        elif w.group()[0].isupper():
            while w is not None and w.group()[0].isupper():
                i, w = w.end(), next(words, None)
    while w is not None and w.group().lower().strip(",") in _WHEN_AFTER_CUE:
        i, w = w.end(), next(words, None)
    return i


_WHEN_AFTER_CUE = DAY_WORDS | frozenset("earlier later recently also again then".split())


# Rules whose content is the sentence's head before a comma; a head of one or two words is
# a sentence adverbial or a topic ("However", "By contrast", "In 2004"), never what was said.
_HEAD_RULES = frozenset({Rule.TAIL, Rule.TAIL_INVERTED, Rule.ACCORDING_TAIL})
_MIN_HEAD_WORDS = 3
_HEAD_WORD = re.compile(r"[A-Za-z]+")


def _adverbial_head(text: str, a: int, b: int) -> bool:
    """A short head opened by a sentence adverb, a preposition or a demonstrative."""
    m = _HEAD_WORD.search(text, a, b)
    if m is None:
        return True
    w = m.group().lower()
    return w in LEAD_ADVERBIALS or w.endswith("ly") or w in ("not", "more", "most", "that", "these", "those")


class _Finder:
    def __init__(self, text: str, quotes: list[QuoteSpan]):
        self.text = text
        self.quotes = quotes
        self.starts = [q.outer.start for q in quotes]
        self.out: list[Claim] = []

    def add(self, a: int, b: int, cue: Span, source: Span | None, rule: str, conf: float, min_words: int = 2) -> bool:
        text = self.text
        a, b = _strip_span(text, a, b, " \t\r\n,;:—–-")
        if b <= a or not _at_least_words(text, a, b, min_words):
            return False
        if rule in _HEAD_RULES and not _at_least_words(text, a, b, _MIN_HEAD_WORDS) and _adverbial_head(text, a, b):
            return False  # `However, X said, …`, `By 2008, according to …`: an adverbial, not a report
        if _is_quote_only(text, a, b, self.quotes, self.starts):
            return False
        if not rule.startswith(Rule.TAIL):
            cut = _TRAILING_PARTICIPLE.search(text, a, min(b, a + _MAX_CONTENT_SCAN))
            if cut and len(text[a : cut.start()].split()) >= 6:
                b = cut.start()
        if source is None:
            conf = min(conf, 0.3)
        self.out.append(Claim(Span(text[a:b], a, b), cue, source, rule, conf))
        return True


def _cue_word(m: re.Match) -> str:
    return " ".join(m.group().lower().split())


_NOT_IN_NP = frozenset(
    """is was are were be been has have had will would can could should may might must do does did
    that which who whom whose not to and or but if when as it where while because since although though
    said says say told""".split()
)


def _bare_plural(words: list[str]) -> bool:
    """`experts`, `federal officials`: a short lower-case group noun phrase."""
    return (
        0 < len(words) <= 4
        and words[-1].isalpha()
        and words[-1].endswith("s")
        and not any(w.lower() in _NOT_IN_NP and (w.lower() != "and" or i in (0, len(words) - 1)) for i, w in enumerate(words))
    )


_RELATIVE = re.compile(r"\s(?:who|which|whose)\s")
_APPOSITIVE_END = re.compile(
    r"(?:,\s+(?:who|whose)\b[^,]*|(?:^|,\s+)(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,\s+(?:a|an|the)\s[^,]*)$"
)


_COLON_QUOTE = re.compile(r":\s*(?=''|``|[\"“‘'])")


def _strip_lead_quote(text: str, s: int, e: int) -> int:
    """`He declared: “…,” she said`: the content is what follows the colon."""
    m = None
    for m in _COLON_QUOTE.finditer(text, s, e):
        pass
    return m.end() if m else s


_CLAUSE_AFTER_SOURCE = re.compile(
    r",\s+(?=(?:is|was|are|were|will|would|could|can|should|may|might|has|have|had|does|did)\b)"
)


def _tail_claim(f: _Finder, s: int, e: int, m: re.Match, cue: str, cue_span: Span) -> bool:
    """`…, X said.` / `…, said X, role.` / `…, X said, …`"""
    text = f.text
    w = _look_back(text, s, m.start())
    before = text[w : m.start()]
    comma = before.rfind(",")
    dash = max(before.rfind(" — "), before.rfind(" -- "), before.rfind(" – "))
    sep = max(comma, dash)
    if sep < 0:
        return False
    sep_abs = w + sep
    src_txt = text[sep_abs + 1 : m.start()]
    src_words = src_txt.strip(" \t\r\n" + _CLOSE_Q).split()
    long_after = e - m.end() > _MAX_SOURCE_CHARS  # more than a source or an adverbial can be
    after = text[m.end() : min(e, m.end() + _MAX_SOURCE_CHARS)]
    if not src_words:
        # inverted: `…, said X, <role>.`
        if long_after:
            return False
        tail = after.strip()
        tail = tail.rstrip(".!?\"'”’ ")
        if cue.endswith("ing") or not tail or len(tail.split()) > 30:
            return False
        np_words = _RELATIVE.split(tail.split(",")[0])[0].split()
        w0 = np_words[0] if np_words else ""
        if not (w0[:1].isupper() or w0.lower() in DETERMINERS or _bare_plural(np_words[:1])
                or (len(np_words) <= 6 and any(w[0].isupper() for w in np_words[1:]))):
            return False
        if len(np_words) > 6 or _THAT.search(tail):
            return False
        if any(w.lower() in _NOT_IN_NP and w.lower() != "and" for w in np_words):
            return False
        first_comma = text.find(",", s, sep_abs)
        first_seg = text[s:first_comma].split() if 0 <= first_comma - s <= 200 else []
        if 0 < len(first_seg) <= 5 and all(x[0].isupper() for x in first_seg):
            return False  # `Name, <role>, said …`: the name is the subject, not the content
        if _APPOSITIVE_END.search(text, _look_back(text, s, sep_abs), sep_abs):
            return False  # `…, who …, said …` / `Name, a …, said …`
        src_end = m.end() + len(after.rstrip().rstrip(".!?\"'”’ "))
        adv = _INVERTED_ADV.search(text, m.end(), src_end)
        if adv:
            src_end = adv.start()
        rest = _CLAUSE_AFTER_SOURCE.search(text, m.end(), src_end)
        if rest:  # `…, said Ann Lee, an analyst, would fail.`: the report goes on after the source
            src_end = rest.start()
        src = _span(text, m.end(), src_end)
        ok = f.add(s, sep_abs, cue_span, src, Rule.TAIL_INVERTED, 0.8)
        if rest:
            f.add(rest.start() + 1, e, cue_span, src, Rule.TAIL_MEDIAL, 0.7)
        return ok
    if len(src_words) > 12 or _THAT.search(src_txt):
        return False
    w0 = src_words[0]
    if not (w0[0].isupper() or w0.lower() in DETERMINERS or w0.lower() in _PRONOUNS or _bare_plural(src_words)):
        return False
    # what follows the cue must be short: an adverbial, an object, or a comma (medial)
    after_s = after.strip()
    medial = after_s.startswith(",")
    aw = after_s.rstrip(".!?\"'”’ ").split()
    if not medial and long_after:
        return False
    if not medial and aw:
        if not (len(aw) <= 2 or aw[0].lower() in TIME_WORDS or cue in LISTENER_VERBS) or len(aw) > 10:
            return False
        if cue in LISTENER_VERBS and (len(aw) > 5 or any(w.lower() in _PRONOUNS for w in aw[1:])):
            return False
        if "," in after_s:
            return False
    src_a = sep_abs + 1
    # `…, Smith, a spokesman for X, said.`: pull the name in front of the appositive
    if w0.lower() in ("a", "an", "the") or w0[0].islower():
        prev = text.rfind(",", s, sep_abs)
        name = text[prev + 1 : sep_abs].strip() if prev >= 0 else ""
        if prev >= 0 and name and len(name.split()) <= 4 and all(x[0].isupper() for x in name.split()):
            src_a = prev + 1
            sep_abs = prev
    while src_a < m.start() and (text[src_a].isspace() or text[src_a] in _QUOTES):
        src_a += 1
    src = _span(text, src_a, m.start())
    if src is not None:
        toks = src.text.split()
        while toks and toks[-1].lower() in AUXILIARIES:
            toks.pop()
        if not toks:
            return False
        src = _span(text, src.start, src.start + len(" ".join(toks)))
    head = _strip_lead_quote(text, s, sep_abs)
    if src is not None and src.text.split()[-1].lower() in ("and", "but", "or"):
        return False
    ok = f.add(head, sep_abs, cue_span, src, Rule.TAIL, 0.85, min_words=1 if medial else 2)
    if medial:
        c2 = m.end() + after.find(",") + 1
        w2 = text[c2 : min(e, c2 + 60)].split()
        w2 = w2[0].lower() if w2 else ""
        # `…, he said, referring to …` / `…, she said in …`: the reporter's aside, not more speech
        if not (w2.endswith("ing") or w2 in CLAUSE_PREPOSITIONS or w2 in ("asked", "not", "as", "according")):
            f.add(c2, e, cue_span, src, Rule.TAIL_MEDIAL, 0.7)
    return ok


_AS_REPORTED = re.compile(r"\b[Aa]s\s+$")


def _according(f: _Finder, s: int, e: int, m: re.Match, cue_span: Span, by: bool = False) -> bool:
    """`According to X, …`, `…, according to X, …` (both sides reported), `… according to X.`;
    `As reported by X, …` the same."""
    text = f.text
    src_start = m.end() + 4 if by else m.end()
    comma = text.find(",", src_start, e)
    src_end = comma if comma >= 0 else e
    src = _span(text, src_start, src_end)
    if src:
        src = _span(text, src.start, src.end - len(src.text) + len(src.text.rstrip(".!?\"'”’")))
    if src is None or len(src.text.split()) > 20:
        return False
    before = text[s : m.start()].rstrip()
    if by:
        before = before[: -2].rstrip() if before.endswith(("As", "as")) else before
    rest = comma >= 0 and len(text[comma + 1 : e].split()) >= 2
    if not before.strip(_OPEN_Q + " "):
        return rest and f.add(comma + 1, e, cue_span, src, Rule.ACCORDING_LEAD, 0.85)
    if before.endswith(",") and rest and not _APPOSITION.match(text, comma + 1, e):
        f.add(s, s + len(before) - 1, cue_span, src, Rule.ACCORDING_TAIL, 0.7, min_words=1)
        return f.add(comma + 1, e, cue_span, src, Rule.ACCORDING_MEDIAL, 0.75)
    return f.add(s, m.start(), cue_span, src, Rule.ACCORDING_TAIL, 0.8)


# `…, according to CrowdTangle, a social analytics tool.`: what follows describes the source.
_APPOSITION = re.compile(
    r"\s*(?:a|an|the|who|which|whose|including|where|when|compared|referring|one|two|three|four|five)\b"
)


def _urge(f: _Finder, s: int, e: int, m: re.Match, cue: str, cue_span: Span, participle: bool) -> bool:
    text = f.text
    after = text[m.end() : min(e, m.end() + 300)]
    if not re.search(r"\bto\b", after[:200]) or re.match(r"\s+to\b", after):
        return False
    if re.match(r"\s+(?:" + _WEEKDAY_ALT + r")\b", after, re.IGNORECASE):
        return False
    src = _subject(text, s, m.start()) if participle else _lead_source(text, s, m.start())
    rule = Rule.PARTICIPLE_URGE if participle else Rule.URGE
    return f.add(m.end(), e, cue_span, src, rule, 0.8 if src else 0.3)


_WEEKDAY_ALT = "|".join(WEEKDAYS)
_CALLED_FOR = re.compile(
    r"\s+(?:(?:on|last|this|late|early)\s+)?(?:(?:" + _WEEKDAY_CAPS + r"|week|month|year)\s+)?for\b"
)


def _called_for(f: _Finder, s: int, e: int, m: re.Match, cue_span: Span, participle: bool) -> bool:
    text = f.text
    cm = _CALLED_FOR.match(text, m.end(), e)
    if not cm:
        return False
    src = _subject(text, s, m.start()) if participle else _lead_source(text, s, m.start())
    return f.add(cm.end() - 3, e, cue_span, src, Rule.CALL_FOR, 0.75)


_NAMING = re.compile(r"(?:^|\s)(?:[Aa]n?|[Tt]he|[Ii]ts)\s+[\w-]+$")


def _object(f: _Finder, s: int, e: int, m: re.Match, cue: str, cue_span: Span, participle: bool) -> bool:
    """`X called Y a Z`, `X accused Y of Z`: the content is the object and its complement."""
    text = f.text
    nxt = text[m.end() : min(e, m.end() + 200)].split()
    if len(nxt) < 2 or nxt[0].lower() in CLAUSE_PREPOSITIONS:
        return False
    if nxt[0].lower() in BLOCKING_PREPOSITIONS and not (nxt[0] == "as" and cue.startswith("describ")):
        return False
    src = _subject(text, s, m.start()) if participle else _lead_source(text, s, m.start())
    if src is None or not (src.text[0].isupper() or src.text.lower() in _PRONOUNS):
        return False
    if not participle and _NAMING.search(src.text):
        return False  # `a website called X` names something
    return f.add(m.end(), e, cue_span, src, Rule.OBJECT, 0.6)


_TOPIC_OPENER = re.compile(r"\s+(?:(?:about|over|at|for|of|to|with|regarding|on|that)\b\s*)?")
# What ends a topic: the next clause (`, saying …`, `, which …`, `and urged …`).
_TOPIC_END = re.compile(
    r",\s+(?:saying|adding|while|which|who|noting|stressing|and\s+(?:said|called|urged|added|noted|stressed))\b"
)


def _topic(f: _Finder, s: int, e: int, m: re.Match, cue_span: Span, participle: bool) -> bool:
    """`X expressed concern about Y`, `X paid tribute to Y`: the content is what the
    concern, support or tribute is about, to the end of its clause."""
    text = f.text
    op = _TOPIC_OPENER.match(text, m.end(), e)
    a = op.end() if op else m.end()
    end = _TOPIC_END.search(text, a, min(e, a + 400))
    b = end.start() if end else e
    src = _subject(text, s, m.start()) if participle else _lead_source(text, s, m.start())
    if src is None or not (src.text[0].isupper() or src.text.lower() in _PRONOUNS):
        return False
    return f.add(a, b, cue_span, src, Rule.TOPIC, 0.6, min_words=2)


_SUBORDINATE = re.compile(
    r"\s*(?:[\"“‘']\s*)?(?:While|Although|Though|Even\s+though|Even\s+as|Whereas|Because|Since|If|Unless|As|When|After|Before)\s"
)


_FRONTED_SUBORDINATORS = frozenset("After Before Since While When Upon".split())


def _lead(f: _Finder, s: int, e: int, m: re.Match, cue: str, cue_span: Span, participle: bool) -> bool:
    text = f.text
    end = e
    cs = _content_start_after(text, m.end(), e, cue)
    nxt = text[cs : min(e, cs + 200)].lstrip(" ,:")
    nw = nxt.split()
    if len(nw) < 3:
        return False
    after_that = bool(_THAT_END.search(text, m.end(), cs))
    if after_that and _is_quote_only(text, cs, e, f.quotes, f.starts):
        cs = _THAT_END.search(text, m.end(), cs).start()  # `vowed that "…"`: a mixed report
    if nw[0].lower() in BLOCKING_PREPOSITIONS and not after_that and not (nw[0] == "to" and cue in INFINITIVE_CUES):
        return False
    if cs == m.end() or text[m.end() : cs].strip().lower() not in ("", "that") and cue not in LISTENER_VERBS:
        if nw[0].lower() in CLAUSE_PREPOSITIONS:
            return False
    near = max(s, m.start() - 40)
    if _CLOSE_BEFORE.search(text, near, m.start()) or (
            cue in LISTENER_VERBS and _QUOTE_BEFORE.search(text, _look_back(text, s, m.start()), m.start())):
        return False
    sub = _SUBORDINATE.match(text, s, m.start())
    if sub and "," not in text[s : m.start()]:
        comma = text.find(", ", cs, e)
        if comma > cs and len(text[cs:comma].split()) >= 3:
            e = comma  # `While X say Y, Z …`: the reported clause ends with the subordinate one
    if participle:
        src = _subject(text, s, m.start())
        rule, conf = Rule.PARTICIPLE, 0.7
    else:
        src = _lead_source(text, s, m.start())
        rule, conf = Rule.LEAD, 0.8
        if src is not None and src.text in _FRONTED_SUBORDINATORS and cue.endswith("ing"):
            # `After suggesting that …, Ann Lee said …`: the main clause's subject reported it.
            comma = text.find(", ", cs, end)
            src = _subject(text, comma + 2, end) if comma > 0 else None
    if cue in BELIEF_VERBS:
        rule, conf = rule + BELIEF, conf - 0.2
    return f.add(cs, e, cue_span, src, rule, conf)


_ASK_TO = ASK_FORMS | TELL_FORMS
_OBJ_TO = re.compile(
    r"\s+(?:(?!(?:in|on|at|as|for|with|after|before|during|that|from|about)\s)[\w.'’-]+\s+){1,5}?to\s+"
    r"(?!(?:the|a|an|his|her|their|its|my|our|your|this|that|these|those)\s)[a-z]"
)
_WH = re.compile(r"(?:\s+[^,.;:\"“”]{1,60}?)??\s+(whether|if|why|what|how|who|whom|when|where|which|about)\b")


def _asked(f: _Finder, s: int, e: int, m: re.Match, cue_span: Span, participle: bool) -> bool:
    """`X asked (Y) whether …`, `Asked about …, X said …`: the question is the content."""
    text = f.text
    wh = _WH.match(text, m.end(), e)
    if not wh:
        return False
    start = wh.start(1)
    if m.group("asked") or not text[s : m.start()].strip():
        comma = text.find(",", start, e)
        if comma < 0:
            return False
        return f.add(start, comma, cue_span, _subject(text, comma + 1, e), Rule.ASKED_LEAD, 0.6)
    if _CLOSE_BEFORE.search(text, s, m.start()):
        return False
    src = _subject(text, s, m.start()) if participle else _lead_source(text, s, m.start())
    return f.add(start, e, cue_span, src, Rule.ASKED, 0.6)


def _headline(f: _Finder, s: int, e: int, m: re.Match, cue_span: Span) -> bool:
    text = f.text
    words = [w for w in text[s:e].split() if w[0].isalpha()]
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return False
    src = _span(text, s, m.start())
    if src is None or len(src.text.split()) > 6:
        return False
    return f.add(m.end(), e, cue_span, src, Rule.HEADLINE, 0.5, min_words=3)


_TO_OR_THAT = re.compile(r"\s+(?:to|that)\b")


def _opens_sentence(text: str, s: int, cue: int) -> bool:
    return cue - s <= 8 and not text[s:cue].strip(_OPEN_Q + " ")


def _fronted(f: _Finder, s: int, e: int, m: re.Match, cue_span: Span) -> bool:
    """`Noting that X, Schlafly argued …`: the fronted clause is the report, the subject after it the source."""
    text = f.text
    th = _THAT_AFTER.match(text, m.end(), e)
    if not th:
        return False
    comma = text.find(", ", th.end(), e)
    if comma < 0:
        return False
    return f.add(th.end(), comma, cue_span, _subject(text, comma + 2, e), Rule.FRONTED, 0.6)


# `"…," he said, adding that …`: the speaker of the quote's own cue.
_QUOTE_CUE_BEFORE = re.compile(r"[\"”’']\s*(?P<src>[A-Za-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?P<verb>[a-z]+),\s*$")


def _adding_after_quote(f: _Finder, s: int, e: int, m: re.Match, cue: str, cue_span: Span) -> bool:
    """`"…," Lena Marsh said, adding that …`: the participle reports more of the same speech."""
    text = f.text
    if not cue.endswith("ing") or cue not in SPEECH_VERBS:
        return False
    q = _QUOTE_CUE_BEFORE.search(text, max(s, m.start() - 80), m.start())
    if q is None or q.group("verb") not in SPEECH_VERBS:
        return False
    cs = _content_start_after(text, m.end(), e, cue)
    if not _THAT_END.search(text, m.end(), cs):
        return False  # `adding that …` only: `adding, "…"` is the core's direct quote
    src = Span(q.group("src"), q.start("src"), q.end("src"))
    return f.add(cs, e, cue_span, src, Rule.PARTICIPLE, 0.7)


def _in_sentence(f: _Finder, s: int, e: int, m: re.Match) -> None:
    text = f.text
    cue = _cue_word(m)
    cue_span = Span(m.group(), m.start(), m.end())
    if cue in NOT_CLAIM_CUES:
        return
    if cue in CLAUSE_ONLY_CUES and not _TO_OR_THAT.match(text, m.end(), e):
        return
    q = _inside(f.quotes, m.start(), m.end(), f.starts)
    if q is not None and not q.is_title:
        return
    if _attributes_quote(text, s, m.start()):
        return
    before_w = text[max(s, m.start() - 20) : m.start()].split()
    prev = before_w[-1].lower() if before_w else ""
    passive = prev in BE_FORMS and not cue.endswith("ing")
    if passive or prev == "all" or prev in _NOUN_USE_BEFORE or prev in FUNCTION_WORDS or prev.endswith(("'s", "’s")):
        return
    if m.group("acc") or (cue == "reported" and _AS_REPORTED.search(text, max(s, m.start() - 4), m.start())
                          and text.startswith(" by ", m.end())):
        _according(f, s, e, m, cue_span, by=cue == "reported")
        return
    if cue in ("according to",):
        _according(f, s, e, m, cue_span)
        return
    participle = cue.split()[0].endswith("ing") and bool(_PARTICIPLE_LEAD.search(text, max(s, m.start() - 8), m.start()))
    if participle and _adding_after_quote(f, s, e, m, cue, cue_span):
        return
    if cue.endswith("ing") and _opens_sentence(text, s, m.start()) and _fronted(f, s, e, m, cue_span):
        return
    if m.group("head"):
        _headline(f, s, e, m, cue_span)
        return
    if m.group("asked") or cue in ASK_FORMS:
        if _asked(f, s, e, m, cue_span, participle):
            return
    if cue in URGE_CUES:
        if _tail_claim(f, s, e, m, cue, cue_span) or _urge(f, s, e, m, cue, cue_span, participle):
            return
    elif cue in _ASK_TO and _OBJ_TO.match(text, m.end(), e):
        if _urge(f, s, e, m, cue, cue_span, participle):
            return
    if cue in FOR_CUES or cue.split()[0] in ("called", "calls", "call", "calling"):
        if _called_for(f, s, e, m, cue_span, participle):
            return
    if cue in TOPIC_CUES:
        _topic(f, s, e, m, cue_span, participle)
        return
    if cue in OBJECT_CUES:
        _object(f, s, e, m, cue, cue_span, participle)
        return
    if cue in URGE_CUES:
        return
    if _tail_claim(f, s, e, m, cue, cue_span):
        return
    if cue in TAIL_ONLY_VERBS:
        return
    _lead(f, s, e, m, cue, cue_span, participle)




def _cues(text: str, a: int, b: int, limit: int | None = None) -> list[re.Match]:
    """What `_CUE.finditer(text, a, b)` yields (its first `limit`), trying _CUE only where
    _CUE_AHEAD finds a cue word."""
    out = []
    pos = a
    if a == 0:
        m = _CUE.match(text, 0, b)
        if m:
            out.append(m)
            pos = m.end()
    while (ahead := _CUE_AHEAD.search(text, max(pos - 1, 0), b)) is not None:
        at = ahead.start() + 1
        m = _CUE.match(text, at, b)
        if m:
            out.append(m)
            pos = m.end()
            if limit is not None and len(out) >= limit:
                break
        else:
            pos = at + 1
    return out


def find_claims(doc: Document, quotes: list[QuoteSpan]) -> list[Claim]:
    """Every reported claim in the body: content clause, cue, and source as written."""
    text = doc.text
    f = _Finder(text, sorted(quotes, key=lambda q: q.outer.start))
    for pi, (ps, pe) in enumerate(doc.paragraphs):
        cues = _cues(text, ps, pe)
        if not cues:
            continue
        sents = doc.sentences_of(pi)
        starts = [a for a, _ in sents]
        for m in cues:
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0:
                _in_sentence(f, *sents[i], m)
    return _dedupe(_yield_to_inner_reports(f.out))


_DEDUPE_REACH = 16
_EVALUATIVE_RULES = frozenset({Rule.OBJECT, Rule.TOPIC})


def _yield_to_inner_reports(claims: list[Claim]) -> list[Claim]:
    """`X praised Y, who said Z`, `X hailed the plan and added that …`: an object or topic
    reading that runs over another report's cue ends before that report (its subject, else
    its cue): the inner clause is the other report's content, not what was praised. An inner
    report without a subject of its own (`called her "weak" and said …`) shares the
    evaluative cue's source."""
    out = list(claims)
    for i, c in enumerate(claims):
        if c.rule not in _EVALUATIVE_RULES or (c.source is not None and c.source.text.lower() in _RELATIVES):
            continue  # `X, who called Y a Z, said …`: the relative clause is read as before
        a, b = c.content.start, c.content.end
        for j in range(max(0, i - _DEDUPE_REACH), min(len(claims), i + _DEDUPE_REACH)):
            o = out[j]
            if o is None or o.rule in _EVALUATIVE_RULES or o.rule.endswith(BELIEF) or not a < o.cue.start < b:
                continue
            src = o.source
            if src is not None and a < src.start < o.cue.start:
                b = min(b, src.start)
            else:
                b = min(b, o.cue.start)
                gap = c.content.text[_cut_connectives(c.content.text, o.cue.start - a) : o.cue.start - a]
                if c.source is not None and _COORDINATED.fullmatch(gap):
                    out[j] = Claim(o.content, o.cue, c.source, o.rule, o.confidence)
        if b < c.content.end:
            b = _cut_connectives(c.content.text, b - a) + a
            keep = _at_least_words(c.content.text, 0, b - a, 2)
            out[i] = Claim(Span(c.content.text[: b - a], a, b), c.cue, c.source, c.rule, c.confidence) if keep else None
    return [c for c in out if c is not None]


_RELATIVES = frozenset({"who", "which", "that"})
_COORDINATED = re.compile(r"[\s,]*\band\s+(?:then\s+|also\s+|later\s+)?")
_TRAILING_CONNECTIVE = re.compile(r"(?:[\s,;:—–-]|\b(?:and|but|or|then|that|which|who|whom|as|while|when|where|before|after)\b)+$")


def _cut_connectives(text: str, end: int) -> int:
    """Where text[:end] ends once its trailing commas and connectives (`, and`, `who`) go."""
    m = _TRAILING_CONNECTIVE.search(text, 0, end)
    return m.start() if m else end


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per content stretch: keep the first (outermost cue) of heavily overlapping ones."""
    out: list[Claim] = []
    for c in claims:
        clash = False
        # claims arrive in text order, a sentence's together: a clash is among the latest kept
        for o in out[-_DEDUPE_REACH:]:
            ov = min(o.content.end, c.content.end) - max(o.content.start, c.content.start)
            inside = o.content.start <= c.cue.start < o.content.end
            nested = inside and c.content.end - c.content.start < 0.8 * (o.content.end - o.content.start)
            if ov > 0 and ov >= 0.8 * (c.content.end - c.content.start) and not nested:
                clash = True
                break
        if not clash:
            out.append(c)
    return out
