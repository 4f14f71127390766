"""A grammar of names, titles and organizations in news noun phrases.

A phrase names a person in a few shapes; this module takes each apart into the person's
name, the role (the title), the organization (the body the title belongs to) and a place,
or into two people when "X and Y" speak together:

  pre-posed   [Possessor's] {Demonym | Org | Modifier} Title [to|for|of|at Org] Name
  apposition  Name, [the|a] {Modifier} Title [of|at|to|for Org [(ABBR)]] [, Place]
  inverted    Title of Org, Name
  bare        Honorific/rank + Name       "Ambassador Ruiz", "Gen Poll"

A name never takes in a sentence adverb, conjunction, modal, weekday, month, place, line
break or trailing possessive. The article registry (entities.py) parses every mention with
it; phrases repeat across a corpus, so parses are cached.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from quotedb.lexicon.calendar import MONTHS as _MONTH_NUMBERS, WEEKDAYS as _WEEKDAY_NAMES
from quotedb.lexicon.people import SEATED_ORGS
from quotedb.lexicon.organizations import DOCUMENT_NOUNS, ORG_COMMON_NOUNS, ORG_CONNECTIVES, ORG_HEADS
from quotedb.lexicon.people import (
    DESCRIPTOR_SUFFIXES, GIVEN_NAME_WORDS, NAME_HONORIFICS as HONORIFICS, NAME_PARTICLES, NAME_STOP_WORDS,
    RANK_HONORIFICS, RANK_TITLES, STATE_ACRONYMS as PLACE_ACRONYMS, TITLE_HEADS, TITLE_MODIFIERS,
)
from quotedb.lexicon.places import ADJECTIVES, PLACES

DEMONYMS = frozenset(ADJECTIVES)
WEEKDAYS = frozenset(w.capitalize() for w in _WEEKDAY_NAMES)
MONTHS = frozenset(m.capitalize() for m in _MONTH_NUMBERS)
FUNCTION_WORDS = NAME_STOP_WORDS

_TOK = re.compile(r"\([^()\n]{1,60}\)|[^\W\d_][\w'\u2019.\-&]*|\d[\w\-]*|[,;:\u2013\u2014]|-{1,2}|\S")
_POSS = re.compile(r"['\u2019]s?$")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_MAX_TITLE = max(len(t.split()) for t in TITLE_HEADS)
_STOP_LOWER = {w.lower() for w in FUNCTION_WORDS}
_TIME = {w.lower() for w in WEEKDAYS | MONTHS}
# function words and months that are also given names: "Will Davies", "June Carter", "April Ryan"
_GIVEN_NAMES = GIVEN_NAME_WORDS
_WEEKDAYS = {w.lower() for w in WEEKDAYS}
_PRONOUN_WORDS = {"he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "its", "it", "i'm", "one"}
_HONOR = {h.rstrip(".") for h in HONORIFICS}


@dataclass
class Speaker:
    name: str | None
    kind: str = "person"  # person, organization, group, unnamed, document
    role: str | None = None
    organization: str | None = None
    place: str | None = None
    honorific: str | None = None
    dropped: list[str] = field(default_factory=list)  # words the grammar refused, for the rule log


def _cap(w: str) -> bool:
    return w[:1].isupper()


@lru_cache(maxsize=65536)
def _bare(w: str) -> str:
    return _POSS.sub("", w).rstrip(".,") if len(w) > 2 else w


def is_place(words: list[str]) -> bool:
    s = " ".join(words)
    return s in PLACES or s in PLACE_ACRONYMS or s.replace(".", "") in {"US", "UK", "UAE", "USA"}


def title_at(toks: list[str], i: int) -> int:
    """Length of the longest title head starting at toks[i] (0 when none)."""
    first = toks[i].lower()
    if first.rstrip(",") not in _TITLE_FIRST:
        return 1 if len(first) > 6 and first.endswith(DESCRIPTOR_SUFFIXES) else 0
    for n in range(min(_MAX_TITLE, len(toks) - i), 0, -1):
        cand = " ".join(toks[i:i + n]).lower().rstrip(",")
        if cand in TITLE_HEADS:
            return n
    w = toks[i].lower()
    if len(w) > 6 and w.endswith(DESCRIPTOR_SUFFIXES):
        return 1
    return 0


# Weekdays and full month names: never a name word ("October Google"); "Jun", "Mar" may be.
_DATE_WORDS = frozenset(w.lower() for w in WEEKDAYS) | frozenset(m for m in _MONTH_NUMBERS if len(m) > 3)
_TITLE_FIRST = frozenset(t.split()[0] for t in TITLE_HEADS)


@lru_cache(maxsize=65536)
def is_name_word(w: str) -> bool:
    """A word that may be part of a person's name: capitalised, not a title, honorific,
    function word, weekday, organization head, demonym or acronym."""
    if not _cap(w) or len(w) < 2 and not w.isupper():
        return False
    b = _bare(w)
    lw = b.lower()
    if (lw in _STOP_LOWER and lw not in _GIVEN_NAMES) or (lw in _DATE_WORDS and lw not in _GIVEN_NAMES) or b in ORG_HEADS or b in DEMONYMS or b in _HONOR:
        return False
    if lw in TITLE_HEADS or lw in TITLE_MODIFIERS or (len(lw) > 6 and lw.endswith(DESCRIPTOR_SUFFIXES)):
        return False
    if _ACRONYM.match(b):
        return False
    return True


def _place_follows(toks: list[str], k: int) -> bool:
    """A place name (one to three capitalised words) starts at toks[k] and ends the run there."""
    for n in (3, 2, 1):
        words = [_bare(t) for t in toks[k:k + n]]
        if len(words) == n and all(_cap(w) for w in words) and is_place(words):
            return k + n == len(toks) or not _cap(toks[k + n])
    return False


def org_run(toks: list[str], i: int) -> tuple[int, str | None]:
    """An organization name starting at toks[i]: capitalised words joined by connectives, "of"-chains,
    a seat after Mission/Office ("to X in Y"), an abbreviation in brackets. Returns (end, name)."""
    j, last_cap, has_head = i, i, False
    while j < len(toks):
        w = toks[j]
        b = _bare(w)
        if _cap(w) or _ACRONYM.match(b):
            if j > i and toks[j - 1].lower() not in ORG_CONNECTIVES and title_at(toks, j) and b not in ORG_HEADS:
                break
            if j > i and is_name_word(w) and not has_head and toks[j - 1].lower() not in ORG_CONNECTIVES \
                    and not _cap(toks[j - 1]):
                break
            has_head |= b in ORG_HEADS or bool(_ACRONYM.match(b))
            last_cap = j + 1
            j += 1
            if _POSS.search(w) and len(w) > 2:
                break
            continue
        if w.startswith("(") and _ACRONYM.match(w.strip("()")) and j == last_cap:
            last_cap = j + 1
            j += 1
            continue
        if w.lower() in ORG_CONNECTIVES and j > i and j + 1 < len(toks):
            # "of the", "to the", "in": only when capitals follow; "and" only inside a name
            k = j + 1
            while k < len(toks) and toks[k].lower() in ("the", "of"):
                k += 1
            if k < len(toks) and (_cap(toks[k]) or _ACRONYM.match(toks[k])):
                if w.lower() in ("in", "at") and _place_follows(toks, k) \
                        and not any(_bare(t) in SEATED_ORGS for t in toks[i:j]):
                    break  # "University of X in Ruritania": the seat is the place, not the name
                if w.lower() == "and" and k + 1 < len(toks) and toks[k + 1] in (",", ":") :
                    break
                j = k
                continue
        break
    if last_cap == i:
        return i, None
    words = toks[i:last_cap]
    while words and words[-1].lower() in ORG_CONNECTIVES:
        words.pop()
    return last_cap, " ".join(words).replace(" (", " (")


def _strip_edges(toks: list[str], sp: Speaker) -> list[str]:
    """Drop what can never open or close a name: function words, adverbs, modals, weekdays, months,
    places glued before an honorific or a name, a trailing possessive."""
    while toks:
        w = toks[0]
        lw = _bare(w).lower()
        if (lw in _STOP_LOWER and lw not in ("the", "a", "an") and not (lw in _GIVEN_NAMES and len(toks) > 1 and is_name_word(toks[1]))) \
                or (lw in _TIME and len(toks) > 1 and not (lw in _GIVEN_NAMES and is_name_word(toks[1]))) \
                or lw in _PRONOUN_WORDS or w in ",;:-–—" or w == "--":
            sp.dropped.append(w)
            toks = toks[1:]
            continue
        if lw in ("the", "a", "an") and len(toks) > 1:
            toks = toks[1:]
            continue
        break
    if toks and _POSS.search(toks[-1]) and len(toks[-1]) > 2:
        toks = toks[:-1] + [_POSS.sub("", toks[-1])]
    return toks


def _split_name(toks: list[str]) -> tuple[int, int]:
    """The person's name inside toks: the last run of name words (particles allowed inside)."""
    end = len(toks)
    while end and not is_name_word(toks[end - 1]):
        end -= 1
    start = end
    while start > 0 and (is_name_word(toks[start - 1]) or (toks[start - 1].lower() in NAME_PARTICLES and start - 1 > 0
                                                            and is_name_word(toks[start - 2]))):
        start -= 1
    # a place glued before the name ("Harrogate Mr Kennedy" is cut at the honorific below)
    while start < end - 1 and is_place([_bare(toks[start])]):
        start += 1
    # after "to/at/of/in/for" the first capitalised words belong to the body or its seat:
    # the name is the last two words ("... Office at Lakeside Ana Ruiz")
    if start > 0 and toks[start - 1].lower() in ("to", "at", "of", "in", "for", "the") and end - start > 2:
        start = end - 2
    elif start > 0 and toks[start - 1].lower() in ("to", "at", "of", "in", "for", "the") and end - start == 2 \
            and start > 1 and title_at(toks, start - 2) == 0:
        pass
    return start, end


def _descriptor(toks: list[str], sp: Speaker) -> None:
    """Role, organization and place out of the words before a name (or an appositive)."""
    i, n = 0, len(toks)
    if n and _POSS.search(toks[0]) and len(toks[0]) > 2:  # "Ruritania's Ambassador"
        owner = _POSS.sub("", toks[0])
        if is_place([owner]):
            sp.place = owner
        else:
            sp.organization = owner
        i = 1
    role_start = role_end = None
    org_before = None
    j = i
    while j < n:
        t = title_at(toks, j)
        if t:
            s = j
            while s > i and toks[s - 1].lower() in TITLE_MODIFIERS:
                s -= 1
            if role_start is not None and s <= role_end:
                s = role_start
            elif role_start is not None and toks[role_end:s] in ([], ["-"], ["–"], ["and"]):
                s = role_start
            role_start, role_end = s, j + t
            j += t
            continue
        w = toks[j]
        if w.lower() in TITLE_MODIFIERS and (w.islower() or j + 1 == n or title_at(toks, j + 1)):
            j += 1
            continue
        if role_start is None and (_cap(w) or _ACRONYM.match(w)):
            e, org = org_run(toks, j)
            if org and e > j:
                words = org.split()
                if is_place(words) or (len(words) == 1 and words[0] in DEMONYMS):
                    sp.place = sp.place or org
                else:
                    org_before = org
                j = e
                continue
        if role_start is None and w.lower() in ORG_COMMON_NOUNS:
            k = j
            while k > i and toks[k - 1].islower() and toks[k - 1].lower() not in _STOP_LOWER:
                k -= 1
            org_before = " ".join(toks[k:j + 1])
        j += 1
    if role_start is None:
        if org_before:
            sp.organization = sp.organization or org_before
        return
    role = toks[role_start:role_end]
    k = role_end
    # a PP after the title: an organization when it names a body, else part of the title
    while k < n and toks[k].lower() in ("of", "for", "to", "at", "in", "on"):
        e, org = org_run(toks, k + 1 + (toks[k + 1].lower() == "the" if k + 1 < n else 0))
        if not org:
            break
        words = org.split()
        if any(_bare(w) in ORG_HEADS or _ACRONYM.match(_bare(w)) for w in words) and not is_place(words):
            # "for Human Rights of the Foreign Ministry": the domain stays in the title
            cut = next((x for x in range(1, len(words) - 1) if words[x] == "of"
                        and not any(_bare(w) in ORG_HEADS or _ACRONYM.match(_bare(w)) for w in words[:x])), None)
            if cut and toks[k].lower() in ("for", "on"):
                role += [toks[k]] + words[:cut]
                rest = words[cut + 1:]
                org = " ".join(rest[1:] if rest and rest[0] == "the" else rest)
            sp.organization = org
            k = e
            break
        if is_place(words):
            sp.place = sp.place or org
            k = e
            continue
        role += toks[k:e]
        k = e
    sp.role = " ".join(role).strip(" ,")
    if org_before and not sp.organization:
        sp.organization = org_before
    elif org_before and sp.organization and is_place([sp.organization]):
        sp.place, sp.organization = sp.organization, org_before
    if not sp.organization and sp.place and is_place(sp.place.split()) and " ".join(toks[:role_start]).strip() in (sp.place, sp.place + "'s", sp.place + "’s"):
        # "U.S. Secretary of State X": the office belongs to the state
        sp.organization = sp.place


_AND = re.compile(r"\s+(?:and|&)\s+")
_TRAILING_TIME = re.compile(r"\s+(?:in|on|by|since|during|last|this|next|from)\s+(?:early\s+|late\s+|mid-?)?(?:%s|\d{4})\b.*$" % "|".join(sorted(WEEKDAYS | MONTHS)), re.S)
_FULL_MONTHS = {m for m in MONTHS if len(m) > 4} | {"May"}
_CLAUSE = re.compile(r",?\s+(?:who|whom|whose|which|said|says|told|added|adding|saying|noting|speaking|according)\b.*$", re.S)


_PLAIN = re.compile(r"(?:(Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\.?\s+)?([A-Z][a-z\u00C0-\u024F][\w\-]*(?:\s+[A-Z][a-z\u00C0-\u024F][\w\-]*){0,2})")


def parse_phrase(phrase: str, side: str = "left") -> list[Speaker]:
    """Cached: source phrases repeat ("Mr Blaine", "the ministry") across an article and a corpus."""
    return [Speaker(s.name, s.kind, s.role, s.organization, s.place, s.honorific, list(s.dropped))
            for s in _parse_cached(phrase, side)]


def parsed(phrase: str, side: str = "left") -> tuple[Speaker, ...]:
    """parse_phrase without the copy: the cached values themselves, which callers must not change."""
    return _parse_cached(phrase, side)


@lru_cache(maxsize=65536)
def _parse_cached(phrase: str, side: str) -> tuple:
    m = _PLAIN.fullmatch(phrase) if "\n" not in phrase else None
    if m and all(is_name_word(w) for w in m.group(2).split()) and not is_place(m.group(2).split()) \
            and m.group(2).split()[0] not in DEMONYMS:
        return (Speaker(m.group(2), honorific=m.group(1)),)  # the common case: a bare name
    return tuple(_parse(phrase, side))


_FIRM_AMP = re.compile(r"\S\s*&\s*\S")
_OF_BODY = re.compile(r"^(.+?)\s+(?:of|at|from)\s+((?:the\s+)?[A-Z].*)$")


def _parse(phrase: str, side: str = "left") -> list[Speaker]:
    """Speakers named by a source phrase. side="left" when the phrase precedes its cue (the part
    nearest the cue is the last line); "right" when it follows it."""
    if "\n" in phrase:
        parts = [p for p in re.split(r"\s*\n+\s*", phrase) if p.strip()]
        phrase = (parts[-1] if side == "left" else parts[0]) if parts else ""
    phrase = _TRAILING_TIME.sub("", _CLAUSE.sub("", phrase)).strip(" ,.;:")
    if phrase in _FULL_MONTHS or phrase in WEEKDAYS:
        return []
    if not phrase:
        return []
    if _FIRM_AMP.search(phrase):  # "Ernst & Yule", "B&Q": a firm
        return [Speaker(_TRAILING_TIME.sub("", re.sub(r"^(?:[Tt]he)\s+", "", phrase)), kind="organization")]
    m = _OF_BODY.match(phrase)
    if m and "," not in phrase:
        # "Mike Pole of Dresner Bank": a person and the body; "Lord Nicholls of Birkenhead" stays a name
        left, right = _parse(m.group(1), side), m.group(2)
        body = re.sub(r"^the\s+", "", right)
        if len(left) == 1 and left[0].kind == "person" and left[0].name and len(left[0].name.split()) >= 2 \
                and not is_place(body.split()) and not left[0].organization:
            left[0].organization = body
            return left
    # two people joined by "and": two speakers, unless the whole is one organization name
    if _AND.search(phrase.split(",")[0]) and " & " not in phrase and "," not in phrase:
        halves = _AND.split(phrase, maxsplit=1)
        left, right = (_parse(h, side) for h in halves)
        if left and right and all(s.kind == "person" and s.name for s in left + right):
            if len(right[0].name.split()) >= 2 and len(left[-1].name.split()) == 1 and right[0].name.split()[-1] != left[-1].name:
                pass  # "Graham and Sherry Edwards" would need the surname shared; left as two
            return left + right
    toks = _TOK.findall(phrase)
    sp = Speaker(None)
    # "Title of Org, Name" and "Name, Title of Org"
    if "," in toks:
        c = toks.index(",")
        head, rest = toks[:c], [t for t in toks[c + 1:]]
        while rest and rest[-1] == ",":
            rest.pop()
        head = _strip_edges(head, sp)
        hs, he = _split_name(head)
        if head and hs == 0 and he == len(head):  # Name, apposition
            sp.name = " ".join(head)
            app = rest
            if app and app[0].lower() in ("the", "a", "an"):
                app = app[1:]
            # a trailing ", Place" is the place of the body
            if "," in app:
                c2 = app.index(",")
                tail = [t for t in app[c2 + 1:] if t != ","]
                if tail and is_place(tail):
                    sp.place = " ".join(tail)
                app = app[:c2] if (tail and is_place(tail)) or not tail else app
            if " and " in " ".join(app):  # "Title of Org and Title of Org2": the first
                a = " ".join(app)
                app = _TOK.findall(a.split(" and ")[0]) if title_at(_TOK.findall(a.split(" and ")[1]), 0) else app
            _descriptor(app, sp)
            return [sp]
        rs, re_ = _split_name([t for t in rest if t != ","])
        rest = [t for t in rest if t != ","]
        if rest and rs == 0 and re_ == len(rest) and any(title_at(head, k) for k in range(len(head))):
            sp.name = " ".join(rest)  # Title, Name
            _descriptor(head, sp)
            return [sp]
        toks = head + rest
    toks = _strip_edges(toks, sp)
    if not toks:
        return []
    s, e = _split_name(toks)
    if e < len(toks) or s == e:
        # no name at the end: an unnamed role, an organization, a group or a document
        return [_nameless(toks, sp)]
    name = toks[s:e]
    pre = toks[:s]
    if pre and pre[-1].rstrip(".") in _HONOR:
        sp.honorific = pre[-1]
        pre = pre[:-1]
    elif pre and pre[-1] in RANK_TITLES and not any(title_at(pre, k) for k in range(len(pre) - 1)):
        sp.role = pre[-1]
        pre = pre[:-1]
    sp.name = " ".join(name)
    if not pre and not sp.honorific and is_place(name):
        sp.kind, sp.place = "organization", sp.name  # a state speaking: "Britain said"
        return [sp]
    if len(name) == 1 and not pre and not sp.honorific and (name[0] in DEMONYMS or name[0].endswith("s") and name[0][:-1].isupper()):
        sp.kind = "group"  # "Tories", "MPs", "Europeans"
        return [sp]
    if pre:
        _descriptor(pre, sp)
    if sp.honorific and not sp.role and sp.honorific.rstrip(".") in RANK_HONORIFICS:
        sp.role = sp.honorific
    if len(name) == 1 and _ACRONYM.match(name[0]) is None and not pre and not sp.honorific:
        pass  # a lone capitalised word: a surname for coreference to resolve, or an organization
    if any(_bare(w) in ORG_HEADS for w in name):
        sp.kind = "organization"
    return [sp]


def _nameless(toks: list[str], sp: Speaker) -> Speaker:
    low = [w.lower() for w in toks]
    if low and low[-1] in DOCUMENT_NOUNS:
        sp.kind = "document"
        sp.role = " ".join(toks)
        return sp
    e, org = org_run(toks, 0)
    if org and e == len(toks) and any(_bare(w) in ORG_HEADS or _ACRONYM.match(_bare(w)) for w in org.split()):
        sp.kind, sp.name = "organization", org
        return sp
    if low and low[-1] in ORG_COMMON_NOUNS:
        sp.kind, sp.role = "organization", " ".join(toks)
        return sp
    if low and low[-1].endswith("s") and low[-1][:-1] in TITLE_HEADS | {"expert", "scholar", "participant", "diplomat"}:
        sp.kind, sp.role = "group", " ".join(toks)
        return sp
    sp.kind = "unnamed"
    _descriptor(toks, sp)
    if not sp.role:
        sp.role = " ".join(toks)
    return sp


_DESC_LOWER = TITLE_HEADS | TITLE_MODIFIERS | ORG_COMMON_NOUNS | {"of", "to", "for", "at", "in", "the", "and", "on"}


_WORD_FWD = re.compile(r"\([^()\n]{1,60}\)|[^\W\d_][\w'\u2019.\-&]*|\d+(?:st|nd|rd|th)?|[,;:\n\u2013\u2014\"\u201c\u201d]|-{1,2}|[.!?]|\S")
_BOUNDARY = frozenset(",;:\n\u2013\u2014\"\u201c\u201d.!?") | {"-", "--"}
_LEFT_CONNECTIVES = frozenset(("the", "of", "to", "for", "at", "in", "and", "on"))


_CONNECTIVE = re.compile(r"(?:of|to|for|at|in|the|and|on)\s+")


@lru_cache(maxsize=65536)
def _stops_walk(w: str) -> bool:
    """A token the walk back over a pre-posed descriptor stops at: a clause boundary, a function
    word other than a connective, any other lower-case word (a verb, an adverb)."""
    if w in _BOUNDARY:
        return True
    lw = w.lower()
    if lw in _STOP_LOWER and lw not in _LEFT_CONNECTIVES:
        return True
    return not (_cap(w) or w.startswith("(") or lw in _DESC_LOWER or title_at([lw], 0) or _POSS.search(w))


def left_extent(text: str, start: int, limit: int = 160) -> int:
    """Where the pre-posed descriptor of a name starting at `start` begins: walk back over
    capitalised words, titles, modifiers, connectives and possessives; stop at a sentence or
    clause boundary or at any other lower-case word (a verb, an adverb)."""
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] in _BOUNDARY:
        return start
    k = text.rfind(" ", max(0, j - 40), j) + 1
    prev = text[k:j]
    if prev.islower() and prev not in _DESC_LOWER and prev.isalpha() and not title_at([prev], 0):
        return start  # the common case: a verb or an adverb before the name
    lo, window = max(0, start - limit), 28
    while True:
        a = max(lo, start - window)
        pos, stopped = start, False
        for m in reversed(list(_WORD_FWD.finditer(text, a, start))):
            at = m.start()
            if at == a and a > lo:
                break  # a word the window may have cut: look further
            if _stops_walk(m.group()):
                stopped = True
                break
            pos = at
        if stopped or a == lo:
            break
        window *= 3  # the walk reached the window's edge, where a word may be cut: look further
    # never start on a connective
    while True:
        m = _CONNECTIVE.match(text[pos:start])
        if not m or pos + m.end() >= start:
            break
        pos += m.end()
    return pos


_APPOS = re.compile(r",\s+((?:the|a|an)\s+)?[^,;\n\"\u201c\u201d]{2,160}?(?=,|;|\.\s|\n|\s+(?:said|says|told|added|who|which|was|is|has|had|made|noted|stressed)\b|$)")


_COMMA_PLACE = re.compile(r",\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)(?=[,.;\n])")


def right_extent(text: str, end: int) -> int:
    """Where an appositive after a name ends (", director of X,"), or `end` when none follows."""
    m = _APPOS.match(text, end)
    if not m:
        return end
    app = m.group(0)[1:].strip()
    toks = _TOK.findall(app)
    if toks and toks[0].lower() in ("the", "a", "an"):
        toks = toks[1:]
    if toks and _POSS.search(toks[0]):
        toks = toks[1:]
    if not all(_cap(t) or t.startswith("(") or t.lower() in _DESC_LOWER or title_at([t.lower()], 0)
               or _POSS.search(t) or t in ("-", "\u2013") for t in toks):
        return end
    k = 0
    while k < len(toks) and (toks[k].lower() in TITLE_MODIFIERS or (_cap(toks[k]) and not title_at(toks, k))):
        k += 1
    if k < len(toks) and title_at(toks, k):
        e = m.end()
        # ", Place" after the body belongs to it
        m2 = _COMMA_PLACE.match(text[e:])
        if m2 and is_place(m2.group(1).split()):
            e += m2.end()
        return e
    return end


def junk_reason(name: str) -> str | None:
    """Why a speaker name would be junk to a reader (mirrors what the grammar refuses)."""
    if not name or "\n" in name:
        return "line break"
    w = name.split()
    if _bare(w[0]).lower() in _STOP_LOWER or _bare(w[0]).lower() in _TIME:
        return "function word/weekday/month first"
    if _POSS.search(name):
        return "possessive"
    if re.search(r"\band\b", name):
        return "X and Y"
    return None
