"""Source noun phrases taken apart: who (name or group), their title, organisation, place.

News names a speaker in a few shapes: an appositive after the name (`Lin Wei, president
of X`), titles before it (`UN Secretary General Antonio Guterres`, `President Xi`), a role
without a name (`Charge d'Affaires of the Permanent Mission of X`), a group
(`participants`), an organisation (`the ministry`), or a pronoun. Countries and cities go
to `place` or stay inside an organisation's proper name; they never become names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quotedb.lexicon.grammar import ARTICLES, NAME_CONNECTIVES, ROLE_MODIFIERS
from quotedb.lexicon.calendar import MONTH_NAMES, WEEKDAYS
from quotedb.lexicon.people import (
    POSSESSIVE_DETERMINERS,
    GROUP_NOUNS, HONORIFICS, ORG_NOUNS, ORG_WORDS, PARTY_WORDS, PLURAL_PRONOUNS, PRONOUNS, SEATED_ORGS, SENTENCE_OPENERS,
    TITLES,
)
from quotedb.lexicon.places import ADJECTIVES, PLACES, place_name
from quotedb.extract.types import SpeakerRef
from quotedb.model import Span

_TOKEN = re.compile(r"\([^()\n]{1,40}\)|[A-Za-z\u00C0-\u024F0-9][\w'\u2019.\-&]*|,|;|\S")
# Lower-case words that may sit inside a capitalised name: `University of California at Berkeley`.
_PREPOSITIONS = ("of", "with", "at", "to", "for", "from", "in")
# Where a source phrase stops being a noun phrase: `X, who …`, `X in a statement`.
_CLAUSE_CUT = re.compile(
    r",?\s+(?:who|whom|whose|which|while|when|after|before|during|because|as\s+(?:he|she|they|it)|adding|saying|"
    r"noting|according|told|said|says|in\s+(?:an?|his|her|their)\s+(?:statement|interview|speech|email|e-mail|letter|"
    r"post|tweet|op-ed|press|news|conference|briefing|address|call|phone|radio|television|video|message|report|remarks|"
    r"memo|note|blog)|on\s+(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + r"|Twitter|Facebook|Instagram|"
    r"[A-Z]{2,5}\b|the\s+(?:phone|air|sidelines|campaign\s+trail|floor|stump))|at\s+(?:the|a|an)\s+(?:[a-z]+\s+){0,3}"
    r"(?:symposium|conference|rally|event|meeting|hearing|debate|briefing|forum|summit|session|seminar|ceremony|"
    r"dialogue|town\s+hall|luncheon|dinner|breakfast|gathering|press|news)|last\s+(?:week|month|year|night)|"
    r"this\s+(?:week|month|year)|(?:yesterday|today|tonight|earlier|later))\b.*$",
    re.DOTALL,
)
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ese|ian|an|ish|i|ch)$")
_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,7}$")
_POSSESSIVE = re.compile(r"([A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})['\u2019]s?\s+")
_MONTHS_DAYS = frozenset(w.capitalize() for w in (*WEEKDAYS, *MONTH_NAMES))


_POSSESSIVE_TOKEN = re.compile(r"['\u2019]s?$")
_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_AND = re.compile(r",?\s+and\s+")


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _cap(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1] == "(" and tok[1:2].isupper())


_TRAILING_CONJUNCTION = re.compile(r"(?:[\s,]+(?:and|or|but))+$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:-\u2014\u2013"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-\u2014\u2013"):
        end -= 1
    # The pattern ends the trimmed phrase, so a phrase not ending in a conjunction skips the search.
    conj = _TRAILING_CONJUNCTION.search(text, start, end) if text.endswith(("and", "or", "but"), start, end) else None
    if conj and conj.start() > start:
        end = conj.start()
    return start, end


_TITLE_LENGTHS: dict[str, tuple[int, ...]] = {}
for _t in TITLES:
    _w = _t.split()
    _TITLE_LENGTHS[_w[0]] = tuple(sorted(set(_TITLE_LENGTHS.get(_w[0], ())) | {len(_w)}, reverse=True))


def _title_at(toks: list[tuple[str, int, int]], i: int) -> int:
    """How many tokens from i form a title (0 if none); the longest match wins."""
    lengths = _TITLE_LENGTHS.get(toks[i][0].lower()) if i < len(toks) else None
    if not lengths:
        return 0
    for n in lengths:
        if i + n <= len(toks) and (n == 1 or " ".join(t[0].lower() for t in toks[i:i + n]) in TITLES):
            return n
    return 0


def _second_title(word: str) -> bool:
    return word.lower() in TITLES and word not in ORG_WORDS


def _org_run(text: str, toks: list[tuple[str, int, int]], i: int) -> tuple[int, int, str | None] | None:
    """The capitalised organisation name starting at token i, its end token, and a place cut off it."""
    if i >= len(toks) or not _cap(toks[i][0]):
        return None
    j = i
    while j < len(toks):
        tok = toks[j][0]
        if tok.lower() == "and" and j + 1 < len(toks) and _second_title(toks[j + 1][0]):
            break  # "Society (CS) and Director of …": a second title, not more of the name
        if _cap(tok) or (tok.lower() in NAME_CONNECTIVES and j + 1 < len(toks) and _cap(toks[j + 1][0])):
            j += 1
        elif tok == "in" and j + 1 < len(toks) and _cap(toks[j + 1][0]):
            j += 1
        else:
            break
    words = [t[0] for t in toks[i:j]]
    place = None
    if "in" in words:
        k = words.index("in")
        head_words = set(words[:k])
        if not (head_words & SEATED_ORGS):
            place_words = words[k + 1:]
            place = " ".join(place_words) if not set(place_words) & ORG_WORDS else None
            j = i + k
            words = words[:k]
    if not set(words) & ORG_WORDS and not (len(words) == 1 and _ACRONYM.match(words[0])):
        return None
    return i, j, place


_POSSESSIVE_PRONOUNS = POSSESSIVE_DETERMINERS




def _leading_modifiers(toks: list[tuple[str, int, int]]) -> int:
    n = 0
    while n < len(toks) and toks[n][0].lower() in ROLE_MODIFIERS:
        n += 1
    return n


# The letters place names start with: a phrase starting otherwise names no place.
_PLACE_INITIALS = frozenset(p[:1] for p in (*PLACES, *ADJECTIVES))


def _place_at(toks: list[tuple[str, int, int]], i: int, j: int | None = None) -> tuple[int, str] | None:
    """A named place in toks[i:j] from i: (its token count, the place); the longest wins.

    With j, the place must fill toks[i:j]; without, the next token must not carry on a
    capitalised name (`New York Times` is no place) unless it opens a title.
    """
    limit = len(toks) if j is None else j
    if i >= min(limit, len(toks)) or toks[i][0][:1] not in _PLACE_INITIALS:
        return None
    for n in (4, 3, 2, 1):
        if i + n > limit or (j is not None and i + n != j):
            continue
        place = place_name(" ".join(t[0] for t in toks[i:i + n]))
        if place is None:
            continue
        if j is None and i + n < len(toks) and _cap(toks[i + n][0]) and not _title_at(toks, i + n):
            continue
        return n, place
    return None
# Appositives that describe without naming an office: `known as …`, `born in …`, `aged 40`.
_NOT_ROLE_START = frozenset("known born aged based who whose which whom also now".split())


def _role_and_org(text: str, start: int, end: int) -> tuple[str | None, str | None, str | None]:
    """`president of X University in Y` -> ("president", "X University", "Y")."""
    toks = _tokens(text, start, end)
    cut = next((k for k, t in enumerate(toks) if t[0] in (",", ";")), len(toks))
    toks = toks[:cut]
    place = None
    k0 = 0
    while k0 < len(toks) and toks[k0][0].lower() in ARTICLES:
        k0 += 1
    if k0 + 1 < len(toks) and _cap(toks[k0][0]):
        m = _POSSESSIVE.match(text, toks[k0][1])
        if m and m.end() <= (toks[-1][2] if toks else end):
            place = m.group(1)
            while k0 < len(toks) and toks[k0][1] < m.end():
                k0 += 1
    named = place_name(place) if place else None
    toks = toks[k0:]
    lead = _place_at(toks, 0) if toks and not named else None
    if lead is not None and lead[0] < len(toks):
        named = lead[1]  # `Kenyan lawyer`, `Ohio governor`: where, then the office
        toks = toks[lead[0]:]
    while toks and toks[0][0].lower() in _POSSESSIVE_PRONOUNS:
        toks = toks[1:]  # `his manager` -> `manager`
    if not toks or toks[0][0].lower() in _NOT_ROLE_START:
        return None, None, place
    for k, (tok, _, _) in enumerate(toks):
        if tok not in _PREPOSITIONS:
            continue
        i = k + 1
        while i < len(toks) and toks[i][0].lower() in ARTICLES | {"its", "their", "his", "her"}:
            i += 1
        own_place = None
        if i < len(toks):
            m = _POSSESSIVE.match(text, toks[i][1])
            if m and m.end() < toks[-1][2]:
                own_place = m.group(1)
                while i < len(toks) and toks[i][1] < m.end():
                    i += 1
        run = _org_run(text, toks, i)
        if run is None:
            at = _place_at(toks, i) if tok in ("of", "in") and k else None
            if at is not None:  # `mayor of Lyon`, `a teacher in Dakar`
                role = text[toks[0][1]:toks[k - 1][2]]
                return (role if _has_title(role) else None), None, at[1]
            continue
        a, b, cut_place = run
        if any(_POSSESSIVE_TOKEN.search(t[0]) for t in toks[a:b]):
            continue
        role = text[toks[0][1]:toks[k - 1][2]] if k else ""
        org = _PARENTHESES.sub("", text[toks[a][1]:toks[b - 1][2]])
        return (role if _has_title(role) else None), org, own_place or cut_place or place
    role = text[toks[0][1]:toks[-1][2]]
    if named:  # `China's foreign minister`: a place is where, not an employer
        return (role if _has_title(role) or k0 else None), None, named
    if k0 and not _has_title(role) and len(toks) <= 6 and all(t[0][:1].islower() for t in toks[-1:]):
        return role, place, None
    # Without an organisation named apart, `Google's chief executive` works for the possessor.
    return (role if _has_title(role) else None), place, None


@lru_cache(maxsize=4096)  # the same few role phrases recur across a corpus
def _has_title(phrase: str) -> bool:
    words = phrase.lower().split()
    for i, w in enumerate(words):
        for n in _TITLE_LENGTHS.get(w, ()):
            if i + n <= len(words) and (n == 1 or " ".join(words[i:i + n]) in TITLES):
                return True
    return False


def _name_run(toks: list[tuple[str, int, int]]) -> tuple[int, int]:
    """Token range of the capitalised run that ends the phrase (connectives allowed inside)."""
    j = len(toks)
    i = j
    while i > 0:
        tok = toks[i - 1][0]
        if _cap(tok) or tok in HONORIFICS:
            i -= 1
        elif tok.lower() in NAME_CONNECTIVES and tok.lower() != "the" and i - 2 >= 0 and _cap(toks[i - 2][0]) and i < j:
            i -= 1
        else:
            break
    while i < j and toks[i][0].lower() in NAME_CONNECTIVES:
        i += 1
    return i, j


def _looks_like_org(words: list[str]) -> bool:
    return bool(set(words) & ORG_WORDS) or (len(words) == 1 and bool(_ACRONYM.match(words[0])))


def _parse_one(text: str, start: int, end: int) -> SpeakerRef | None:
    start, end = _trim(text, start, end)
    if start >= end:
        return None
    phrase = text[start:end]
    if phrase.lower() in PRONOUNS:
        kind = "group" if phrase.lower() in PLURAL_PRONOUNS else "person"
        return SpeakerRef(None, kind, Span(phrase, start, end), pronoun=True)
    toks = _tokens(text, start, end)
    comma = next((k for k, t in enumerate(toks) if t[0] == ","), None)
    head = toks[:comma] if comma is not None else toks
    appositive = (toks[comma + 1][1], end) if comma is not None and comma + 1 < len(toks) else None
    # `the company's chief executive, Jane Roe`: the name is the appositive.
    if appositive and head and not any(_cap(t[0]) for t in head[-1:]) and _has_title(text[head[0][1]:head[-1][2]]):
        app_toks = _tokens(text, *appositive)
        a, b = _name_run(app_toks)
        if a == 0 and b > 0:
            ref = _parse_one(text, app_toks[0][1], app_toks[b - 1][2])
            if ref is not None and ref.kind == "person":
                role, org, place = _role_and_org(text, head[0][1], head[-1][2])
                return SpeakerRef(ref.name, "person", ref.mention, role, org, place)
    # A role first, then `of <Organisation>`: `Charge d'Affaires of the Permanent Mission …`.
    lead = 0
    while lead < len(head) and head[lead][0].lower() in ARTICLES:
        lead += 1
    if lead < len(head) and _title_at(head, lead) and any(t[0] in _PREPOSITIONS for t in head[lead:]):
        n = 0
        while lead + n < len(head) and _title_at(head, lead + n):
            n += _title_at(head, lead + n)
        p = next((k for k in range(lead + n, len(head)) if head[k][0] in _PREPOSITIONS), None)
        if p is not None and p == lead + n:
            role, org, place = _role_and_org(text, head[lead][1], head[-1][2])
            if org or place:
                return SpeakerRef(None, "unnamed", Span(phrase, start, end), role, org, place)
    # `Jane Roe of the Brookings Institution`: a name, then where the person works.
    for k, (tok, _, _) in enumerate(head):
        if k and tok in ("of", "at", "with", "from") and all(_cap(t[0]) and t[0] not in HONORIFICS for t in head[:k]) \
                and not _looks_like_org([t[0] for t in head[:k]]) and k <= 4:
            r, o, p = _role_and_org(text, head[0][1], head[-1][2])
            after = [t for t in head[k + 1:] if t[0].lower() not in ARTICLES]
            if o or (k >= 2 and after and all(_cap(t[0]) for t in after)):
                place = p
                if not o:  # `Jane Roe of Texas` is from a place; `Jane Roe of Acme` works there
                    y = text[after[0][1]:after[-1][2]]
                    place = place_name(y) if tok != "with" else None
                    o = None if place else y
                first = 0
                while first < k and (head[first][0] in HONORIFICS or _title_at(head, first)):
                    first += _title_at(head, first) or 1
                if first < k:
                    role = text[head[0][1]:head[first - 1][2]] if first else None
                    return SpeakerRef(text[head[first][1]:head[k - 1][2]], "person",
                                      Span(text[head[first][1]:head[k - 1][2]], head[first][1], head[k - 1][2]),
                                      role, o, place)
            break
    head = [t for t in head if not t[0].startswith("(")] or head  # `(D-Va.)`, `(UN)`: asides, never names
    i, j = _name_run(head)
    role = org = place = None
    name_toks = head[i:j]
    # `Twitter's Adam Sharp`: the possessor is an organisation or a place, not the name.
    poss = [k for k, t in enumerate(name_toks[:-1]) if _POSSESSIVE_END.search(t[0])]
    if poss:
        k = poss[-1]
        org = text[name_toks[0][1]:name_toks[k][2]].removesuffix("'s").removesuffix("\u2019s")
        name_toks = name_toks[k + 1:]
        if place_name(org):  # `Germany's Jane Roe`
            org, place = None, place_name(org)
    # Titles inside the capitalised run: `United Nations (UN) Secretary General Antonio Guterres`.
    last_title = None
    k = 0
    while k < len(name_toks):
        n = _title_at(name_toks, k)
        if n and k + n < len(name_toks):
            last_title = (k, n)
        k += n or 1
    before = head[:i]
    if last_title is not None and org is None:
        k, n = last_title
        role = text[name_toks[k][1]:name_toks[k + n - 1][2]]
        pre = [t for t in name_toks[:k] if not t[0].startswith("(")]
        if pre:
            pre_words = [t[0] for t in pre]
            if pre_words[-1].lower() in {"former", "acting", "retired", "interim", "then-"} or all(
                    _title_at(pre, q) or w.lower() in {"former", "acting", "retired", "deputy", "vice"} for q, w in enumerate(pre_words)):
                role = text[pre[0][1]:name_toks[k + n - 1][2]]
            elif (mods := _leading_modifiers(pre)) < len(pre) and _place_at(pre, mods, len(pre)):
                # `Ohio Governor`, `French President`, `Former Florida Gov.`
                place = _place_at(pre, mods, len(pre))[1]
                role = " ".join([t[0] for t in pre[:mods]] + [role])
            elif not (len(pre) == 1 and _NATIONALITY.match(pre_words[0])):
                org = _PARENTHESES.sub("", text[pre[0][1]:pre[-1][2]])
        name_toks = name_toks[k + n:]
    elif before and (_has_title(text[before[0][1]:before[-1][2]]) or all(t[0][:1].islower() for t in before)):
        b0 = 0
        while b0 < len(before) and before[b0][0].lower() in ARTICLES:
            b0 += 1
        if b0 < len(before):
            r, o, p = _role_and_org(text, before[b0][1], before[-1][2])
            role, org, place = r or text[before[b0][1]:before[-1][2]], o, p
            k = b0
            while k < len(before) - 1 and _cap(before[k][0]):
                k += 1
            if not _looks_like_org([t[0] for t in before[b0:k]]):
                k = b0
            if o is None and k > b0 and _has_title(text[before[k][1]:before[-1][2]]):
                # `IMF chief economist Jane Roe`: the organisation, then the title.
                org, role = text[before[b0][1]:before[k - 1][2]], text[before[k][1]:before[-1][2]]
    while name_toks and name_toks[0][0] in HONORIFICS:
        name_toks = name_toks[1:]
    if len(name_toks) > 2 and name_toks[0][0] in PARTY_WORDS:
        # `fellow Tory Jane Roe`: the party describes her, it is not her name.
        role = " ".join(filter(None, (role, name_toks[0][0])))
        name_toks = name_toks[1:]
    if appositive:
        r, o, p = _role_and_org(text, *appositive)
        if r or o or p:
            role, org, place = r or role, o or org, p or place
    words = [t[0] for t in name_toks]
    if len(words) == 1 and words[0].lower() in GROUP_NOUNS:
        return SpeakerRef(words[0], "group", Span(words[0], name_toks[0][1], name_toks[0][2]))
    if name_toks and not set(words) <= _MONTHS_DAYS and len(words) <= 6 and not any(w.startswith("(") for w in words):
        mention = Span(text[name_toks[0][1]:name_toks[-1][2]], name_toks[0][1], name_toks[-1][2])
        if _looks_like_org(words) or (i > 0 and head[i - 1][0].lower() == "the" and last_title is None):
            return SpeakerRef(mention.text, "organization", mention, role, org, place)
        return SpeakerRef(mention.text, "person", mention, role, org, place)
    # `Dr Jane Roe head of research`: a name, then its role with no comma between.
    lead_name = 0
    while lead_name < len(head) and (_cap(head[lead_name][0]) or head[lead_name][0] in HONORIFICS):
        lead_name += 1
    names = [t for t in head[:lead_name] if t[0] not in HONORIFICS]
    if len(names) >= 2 and names[0][0] not in SENTENCE_OPENERS and lead_name < len(head) \
            and _title_at(head, lead_name) and not _looks_like_org(
            [t[0] for t in names]) and not {t[0] for t in names} & _MONTHS_DAYS:
        role, org, place = _role_and_org(text, head[lead_name][1], head[-1][2])
        mention = Span(text[names[0][1]:names[-1][2]], names[0][1], names[-1][2])
        return SpeakerRef(mention.text, "person", mention, role or text[head[lead_name][1]:head[-1][2]], org, place)
    # No name: a group, an organisation noun or a bare role.
    plain = [t for t in head if t[0].lower() not in ARTICLES]
    if not plain:
        return None
    last = plain[-1][0].lower()
    mention = Span(text[plain[0][1]:plain[-1][2]], plain[0][1], plain[-1][2])
    if last in GROUP_NOUNS:
        return SpeakerRef(mention.text, "group", mention)
    if last in ORG_NOUNS or " ".join(t[0].lower() for t in plain[-2:]) in ORG_NOUNS:
        return SpeakerRef(mention.text, "organization", mention)
    if _has_title(mention.text):
        r, o, p = _role_and_org(text, mention.start, end)
        return SpeakerRef(None, "unnamed", mention, r or mention.text, o, p)
    # A source with neither name nor title ("the seminar", "the report"): the phrase is its role.
    return SpeakerRef(None, "unnamed", mention, mention.text)


_PERSON_START = re.compile(r"[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,3}(?=\s*(?:,(?!\s*(?:and|or)\b)|$))")


_OF_NAME = re.compile(r"\b(?:of|for)\s+(?:the\s+)?[A-Z]")


def _split_people(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`A, professor at X and B, deputy director of Y` -> two phrases; `Science and Law` stays whole."""
    if text.find("and", start, end) < 0:
        return [(start, end)]
    parts = []
    cursor = start
    for m in _AND.finditer(text[start:end]):
        right = start + m.end()
        p = _PERSON_START.match(text, right, end)
        if not p:
            continue
        words = p.group().split()
        if set(words) & (ORG_WORDS | _MONTHS_DAYS) or any(w.lower() in TITLES for w in words):
            continue
        if not any(c.isupper() for c in text[cursor:start + m.start()]):
            continue
        if len(words) == 1 and _OF_NAME.search(text[cursor:start + m.start()].rsplit(",", 1)[-1]):
            continue  # "director of the Centre for Trade and Development": one word closing an of-name
        parts.append((cursor, start + m.start()))
        cursor = right
    parts.append((cursor, end))
    return parts


_RESTRICTIVE_WHO = re.compile(r"\s+who\s")
_PLURAL_HEAD = re.compile(r"\b[a-z]{3,}[^s\W]s$")


def trim_source(text: str, span: Span) -> Span:
    """The noun phrase proper, without a trailing clause (`, who …`, `in a statement`)."""
    m = _CLAUSE_CUT.search(text, span.start, span.end)
    if m and _RESTRICTIVE_WHO.match(text, m.start()) and _PLURAL_HEAD.search(text, span.start, m.start()):
        # `scholars who visited the region`: a restrictive clause is part of a group's noun phrase
        m = _CLAUSE_CUT.search(text, m.end(), span.end)
    end = m.start() if m and m.start() > span.start else span.end
    s, e = _trim(text, span.start, end)
    return Span(text[s:e], s, e) if e > s else span


def parse_source(text: str, span: Span | None) -> list[SpeakerRef]:
    """Every speaker named in a source phrase, in order; [] when nothing can be parsed."""
    if span is None or not (0 <= span.start < span.end <= len(text)):
        return []
    np = trim_source(text, span)
    refs = []
    for a, b in _split_people(text, np.start, np.end):
        ref = _parse_one(text, a, b)
        if ref is not None:
            refs.append(ref)
    return refs
