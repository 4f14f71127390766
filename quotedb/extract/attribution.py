"""Who said a direct quote: the cue and source noun phrase around its marks.

News writes attribution in a handful of fixed shapes, and getting these exactly right
is most of the accuracy:

- after the quote: `"…," he said`, `"…," said X, <role>`, `"…," X told reporters`,
  `"…," according to X`;
- before it: `X said: "…"`, `X, <role>, told the BBC: "…"`, `X said "…"`;
- between two quotes: `"A," he said, "B."` (the second span has the first's source);
- nothing at all: a quote that opens a paragraph, or follows an attributed quote in the
  same paragraph, continues the last speaker.

The source is returned as written; speakers.py takes it apart, resolve.py resolves it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotedb.lexicon.calendar import DAY_WORDS
from quotedb.extract.rules import Rule
from quotedb.extract.text import Document, alternation, is_abbreviation
from quotedb.lexicon.people import (
    ABBREVIATIONS, GROUP_NOUNS, ORG_WORDS, PERSONAL_PRONOUNS, PRONOUNS, SENTENCE_OPENERS, TITLES,
)
from quotedb.lexicon.verbs import LISTENER_VERBS, QUOTE_VERBS, SPEECH_VERBS, forms_with
from quotedb.extract.types import QuoteSpan
from quotedb.model import Span

_VERBS = sorted(SPEECH_VERBS | QUOTE_VERBS, key=len, reverse=True)
_VERB = "(?:" + alternation(_VERBS, space=" ") + r")(?![\w'\u2019-])"
# Words that may stand between a subject and its verb: `he also said`, `she has told`.
_AUX = r"(?:(?:also|later|then|once|has|have|had|would|will|could|did|only|not|never|merely|previously|repeatedly|recently|often|again|simply|just|further|quickly|earlier|first|subsequently|even|famously|reportedly|had\s+previously|has\s+since)\s+){0,3}"

_DASHES = "\u2014\u2013"
_QUOTE_CHARS = "\"\u201c\u201d\u2018\u2019'`\u201e\u00ab\u00bb"
_DOUBLE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"
_TAIL_VERB_FIRST = re.compile(rf"[^\S\n]*[,{_DASHES}-]?[^\S\n]*(?P<aux>{_AUX})(?P<verb>{_VERB})[^\S\n]+(?!that\b|it\b|this\b)")
_TAIL_ACCORDING = re.compile(rf"[^\S\n]*[,{_DASHES}-]?[^\S\n]*(?P<verb>according[^\S\n]+to)[^\S\n]+")
# `(?=[^\S\n])` adds nothing to the match but spares the look-behinds at most positions.
_TAIL_SOURCE_FIRST = re.compile(
    rf"[^\S\n]*[,{_DASHES}-]?[^\S\n]*(?P<src>[^\s{_QUOTE_CHARS}](?:(?!'')[^{_DOUBLE_CHARS};!?\n]){{0,200}}?)(?=[^\S\n])(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bhis)(?<!\bher)(?<!\bits)(?<!\btheir)[^\S\n]+{_AUX}(?P<verb>{_VERB})"
)
_HEAD_VERB = re.compile(rf"(?<![\w'\u2019-])(?P<verb>{_VERB})")
_HEAD_REST = re.compile(rf"(?:[^\S\n]+(?!'')[^\s{_DOUBLE_CHARS}]+){{0,14}}?[^\S\n]*(?P<punct>[:,{_DASHES}]?)[^\S\n]*(?:that[^\S\n]+)?$")
# `[.!?][.!?]*` rather than `[.!?]+`: a leading character class lets `re` skip ahead in C.
_SENTENCE_PUNCT = re.compile(r"[.!?][.!?]*[\"'\u201d\u2019)]*(?=\s|$)")
# Subject phrases start with a capital, a pronoun, a determiner or a number.
_NP_START = re.compile(
    r"(?:[A-Z\u00C0-\u00DE]|\d|(?:he|she|they|we|i|it|the|a|an|one|two|three|another|his|her|their|its|our|my|some|many|most|several|both|each|former|top|senior)\b)"
)
# Openers of a sentence that are not part of its subject: `But he said:`, `In a statement, X said:`.
_LEADING = re.compile(
    r"(?:(?:but|and|so|yet|then|still|now|instead|meanwhile|however|later|earlier|also|again|indeed|separately|similarly|finally|today|yesterday|as|or)\b[ \t,]*)+",
    re.IGNORECASE,
)
_LEADING_CLAUSE = re.compile(
    r"(?:in|on|at|after|before|during|speaking|asked|when|while|as|last|this|earlier|later|since|following|in\s+an?|writing|talking|addressing|responding|referring|if|although|though|because|unless|once|until|less|more|about|nearly|moments|minutes|hours|days|weeks|months|years|shortly|soon|regarding|despite|with|for|like|unlike|among|by|from|under|over|through|without|amid|against|to|[a-z]+ing|[a-z]+ed)\b[^,\n]{0,160},[^\S\n]+",
    re.IGNORECASE,
)


_THAT = re.compile(r"that(?<!\wthat)\b")  # `\bthat\b` with a literal prefix, found as fast as str.find
# Between a subject and its cue: adverbs, auxiliaries, a first verb (`I laughed and said`).
_TRAILING_AUX = re.compile(rf"[^\S\n]+(?:[a-z]+ed[^\S\n]+and[^\S\n]+)?(?:[a-z]+ly[^\S\n]+)?{_AUX}$")
_SOME_VERB = re.compile(r"[a-z]{2,}ed\b|\b(?:went on|wrote|spoke|told|put it|shot back|fired back|chimed in)\b")
_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_COMMA = re.compile(r",\s*")
_ENDS_COMMA_COLON = re.compile(r"[,:]\s*$")


@dataclass(frozen=True, slots=True)
class Attribution:
    """A quote span with its cue and source as written, and how they were found."""

    span: QuoteSpan
    source: Span | None
    cue: Span | None
    rule: str
    confidence: float
    inherits: bool = False  # no cue of its own: the previous attributed quote's speaker
    lead_in: int | None = None  # start of unquoted words the quote completes: a mixed quote


def _is_abbreviation(text: str, lo: int, dot: int) -> bool:
    """The full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    words = text[max(lo, dot - 14):dot].split()
    return bool(words) and is_abbreviation(words[-1])


def _sentence_ends(text: str, start: int, limit: int) -> list[int]:
    return [m.start() for m in _SENTENCE_PUNCT.finditer(text, start, limit) if not _is_abbreviation(text, start, m.start())]


_CUE_WORDS = frozenset(w for v in _VERBS for w in v.split()[:1])
# A cue word as a whole run of lower-case letters, at the start of a stretch or after another character.
_LOWER_CUE_WORDS = [w for w in _CUE_WORDS if w.isascii() and w.isalpha() and w.islower()]
_CUE_WORD_AT = re.compile(r"(?:" + alternation(_LOWER_CUE_WORDS) + r")(?![a-z])")
_CUE_WORD_AFTER = re.compile(r"[^a-z]" + _CUE_WORD_AT.pattern)


def _verb_near(text: str, start: int, end: int) -> bool:
    """A cheap test before the costly cue patterns: does any cue verb occur here at all?"""
    return bool(_CUE_WORD_AT.match(text, start, end) or _CUE_WORD_AFTER.search(text, start, end))


def _sentence_end(text: str, start: int, limit: int) -> int:
    """End of the sentence running from `start`: abbreviations and initials do not end it."""
    for m in _SENTENCE_PUNCT.finditer(text, start, limit):
        if not _is_abbreviation(text, start, m.start()):
            return m.start()
    return limit


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence holding `pos`, not before `lo`."""
    lo = max(lo, pos - 600)  # a longer sentence is rarer than a flattened article is long
    start = lo
    for m in reversed(list(_SENTENCE_PUNCT.finditer(text, lo, pos))):
        if m.end() < pos and not _is_abbreviation(text, lo, m.start()):
            start = m.end()
            break
    while start < pos and text[start].isspace():
        start += 1
    return start


def _span(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",;:" + _DASHES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:" + _DASHES):
        end -= 1
    return Span(text[start:end], start, end) if end > start else None


def _plausible_np(np: Span, max_words: int = 25, any_start: bool = False) -> bool:
    words = np.text.split()
    if not words or len(words) > max_words:
        return False
    if not any_start and not _NP_START.match(np.text) and np.text.lower() not in PRONOUNS:
        return False
    return not any(c in np.text for c in _QUOTE_CHARS[:3] + "\u201e\u00ab\u00bb")


def _inner_ends_sentence(span: QuoteSpan) -> bool:
    return span.inner.text.rstrip()[-1:] in (".", "\u2026") and span.closed


# `"…" ― Jane Roe`: a dash and a bare name after the quote, as under epigraphs and vox pops.
_TAIL_DASH = re.compile(
    rf"[^\S\n]*[\u2015{_DASHES}]+[^\S\n]*(?P<src>[A-Z][\w.'\u2019\-]*(?:[^\S\n]+[A-Z][\w.'\u2019\-]*){{0,4}})[^\S\n]*(?:[.,]|$|(?=\n))"
)
# After a quote that ends in a comma, any past-tense verb reports it: `"…," she scoffed.`
_TAIL_ANY_VERB = re.compile(
    r"[^\S\n]*(?P<src>(?:the|a|an)[^\S\n]+[\w\-]+(?:[^\S\n]+[\w\-]+){0,3}?|[A-Z][\w.'\u2019\-]*(?:[^\S\n]+[A-Z][\w.'\u2019\-]*){0,3}|he|she|they|we|I)"
    r"[^\S\n]+(?:also[^\S\n]+)?(?P<verb>[a-z]{3,}ed|went[^\S\n]+on|shot[^\S\n]+back|fired[^\S\n]+back|chimed[^\S\n]+in|put[^\S\n]+it)(?=[^\S\n]*(?:[.,;:]|$)|[^\S\n]+(?:on|in|at|to|from|during|after|before|back|again|later|last|this|as|while|when|with|of|about|and|out|up)\b)"
)
# A lower-case pronoun right after the closing mark starts the cue whatever the verb: `" he points out.`
_TAIL_PRONOUN = re.compile(
    r"[^\S\n]*,?[^\S\n]*(?P<src>he|she|they|we|I)[^\S\n]+(?:also[^\S\n]+)?"
    r"(?P<verb>(?!(?:was|were|has|have|had|will|would|could|can|did|does|might|should|must|may|thought|think|thinks|felt)\b)[a-z]{3,})\b"
)
# A quote closing its paragraph, then `- Jane Roe.` alone on the next line.
_DASH_LINE = re.compile(rf"[\u2015{_DASHES}-][^\S\n]*(?P<src>[A-Z][\w.'\u2019\-]*(?:[^\S\n]+[A-Z][\w.'\u2019\-]*){{0,4}})[^\n]{{0,60}}$", re.MULTILINE)
_TAIL_ANY_VERB_FIRST = re.compile(
    r"[^\S\n]*(?P<verb>[a-z]{3,}ed)[^\S\n]+(?P<src>(?:the|a|an)[^\S\n]+[\w\-]+(?:[^\S\n]+[\w\-]+){0,3}|[A-Z][\w.'\u2019\-]*(?:[^\S\n]+[A-Z][\w.'\u2019\-]*){0,3})(?=[^\S\n]*(?:[.,;]|$)|[^\S\n]+(?:of|who|from)\b)"
)
# A transcript label inside the marks: `"WALLACE: Governor, …"`.
_LABEL = re.compile(r"(?P<src>[A-Z][A-Z.'\-]+(?:[^\S\n]+[A-Z][A-Z.'\-]+){0,2}):[^\S\n]")


def _after(text: str, span: QuoteSpan, hi: int, next_start: int) -> tuple[Span, Span, str] | None:
    """Cue and source after the closing mark: `"…," he said` / `"…," said X, role`."""
    pos, limit = span.outer.end, min(hi, next_start)
    label = _LABEL.match(text, span.inner.start, span.inner.end)
    if label:
        src = Span(label.group("src"), label.start("src"), label.end("src"))
        return Span(":", label.end("src"), label.end("src") + 1), src, Rule.TRANSCRIPT_LABEL
    dash = _TAIL_DASH.match(text, pos, limit)
    if dash:
        src = Span(dash.group("src"), dash.start("src"), dash.end("src"))
        return Span(text[pos:dash.start("src")].strip(), pos, dash.start("src")), src, Rule.AFTER_DASH
    pron = _TAIL_PRONOUN.match(text, pos, limit)
    if pron and (pron.group("src") != "I" or not _inner_ends_sentence(span)):
        return (Span(pron.group("verb"), pron.start("verb"), pron.end("verb")),
                Span(pron.group("src"), pron.start("src"), pron.end("src")), Rule.AFTER_PRONOUN)
    m = _TAIL_ACCORDING.match(text, pos, limit) or _TAIL_VERB_FIRST.match(text, pos, limit)
    if m:
        end = _sentence_end(text, m.end(), limit)
        src = _span(text, m.end(), end)
        if src and _plausible_np(src, 40, any_start=True):
            cue = Span(text[m.start("verb"):m.end("verb")], m.start("verb"), m.end("verb"))
            rule = Rule.AFTER_ACCORDING if m.group("verb").startswith("according") else Rule.AFTER_VERB_SOURCE
            return cue, src, rule
    if span.inner.text.rstrip()[-1:] in (",", "?", "!", "\u2014") or text[pos:pos + 1] == ",":
        m = _TAIL_ANY_VERB.match(text, pos, limit)
        if m and (m.group("src").lower() in PRONOUNS or _name_like(m.group("src")) or m.group("src").split()[0].lower() in ("the", "a", "an")):
            src = Span(m.group("src"), m.start("src"), m.end("src"))
            return Span(m.group("verb"), m.start("verb"), m.end("verb")), src, Rule.AFTER_SOURCE_ANYVERB
        m = _TAIL_ANY_VERB_FIRST.match(text, pos, limit)
        if m and (_name_like(m.group("src")) or m.group("src").split()[0].lower() in ("the", "a", "an")):
            end = _sentence_end(text, m.start("src"), limit)
            src = _span(text, m.start("src"), end)
            if src is not None and _plausible_np(src, 40):
                return Span(m.group("verb"), m.start("verb"), m.end("verb")), src, Rule.AFTER_ANYVERB_SOURCE
    m = _TAIL_SOURCE_FIRST.match(text, pos, limit) if _verb_near(text, pos, min(limit, pos + 260)) else None
    if m:
        src = _span(text, m.start("src"), m.end("src"))
        marked = span.inner.text.rstrip()[-1:] in (",", "?", "!") or text[pos:pos + 1] == ","
        if src is None or not _plausible_np(src, 25, marked) or _sentence_end(text, src.start, src.end) < src.end:
            return None
        if _has_verb(src.text) or src.text.split()[0].lower() in _NOT_SUBJECT_START:
            return None
        if _inner_ends_sentence(span):
            # A new sentence after a finished quote reports it only as `X said.` / `X said on Monday.`
            end = _sentence_end(text, m.end("verb"), hi)
            rest = text[m.end("verb"):end]
            if not _short_cue_rest(rest):
                return None
        cue = Span(m.group("verb"), m.start("verb"), m.end("verb"))
        return cue, src, Rule.AFTER_SOURCE_VERB
    return None


# The verb ending a sentence's subject: `The former candidate continued, saying, "…"`.
_MAIN_VERB = re.compile(rf"[^\S\n]+(?:{_AUX})?(?:{_VERB}|[a-z]{{2,}}ed\b|[a-z]{{3,}}s\b|is\b|was\b|has\b|had\b|went\b|took\b|made\b|gave\b)")
# Verbs whose next noun phrase is the listener, not the speaker: `X told POLITICO, "…"`.
_OBJECT_VERBS = LISTENER_VERBS | forms_with("urge")
# `Another source speaking to Fox News said`: the participle phrase is not part of the source.
_MODIFIER = re.compile(
    r"(?<=[a-z])(?<!\bwas)(?<!\bis)(?<!\bwere)(?<!\bare)(?<!\bbeen)[^\S\n]+"
    r"(?:speaking|writing|talking|appearing|responding|referring)\b"
)
_WHO_BEFORE = re.compile(r",[^\S\n]*who[^\S\n]*$")
_COORDINATED = re.compile(r"[^\S\n]+(?:and|but|before|then)(?:[^\S\n]+[a-z]+ly)?[^\S\n]*$")
_RELATIVE = re.compile(r",[^\S\n]*(?:who|which|whose|whom)\b")
_SUBJECT_PRONOUNS = PERSONAL_PRONOUNS
_NOT_SUBJECT_START = frozenset("when while as after before if but and because though then so where asked".split())
# What may follow `X said` when it reports the finished quote before it: `on Monday`, `in a statement`.
_CUE_REST_START = frozenset(
    """on in at to during last this of about after before from via with over afterward afterwards later
    recently again then earlier outside inside while when as before reporters""".split()
) | DAY_WORDS


def _short_cue_rest(rest: str) -> bool:
    words = rest.split()
    if not words:
        return True
    first = words[0].strip(",").lower()
    return len(words) <= 12 and (first in _CUE_REST_START or rest.lstrip()[:1] in ",") and not _THAT.search(rest)


def _before(text: str, span: QuoteSpan, lo: int, prev_end: int) -> tuple[Span, Span, str] | None:
    """Cue and source before the opening mark: `X said: "…"`, `X told the BBC "…"`."""
    start = max(_sentence_start(text, lo, span.outer.start), prev_end)
    head = text[start:span.outer.start]
    stripped = head.rstrip()
    for pattern, rule, hint in ((_ACCORDING_BEFORE, Rule.BEFORE_ACCORDING, "ccording to" in head),
                                (_DASH_BEFORE, Rule.BEFORE_DASH, stripped.endswith(("--", "\u2014")))):
        m = pattern.search(text, start, span.outer.start) if hint else None
        if m:
            cue = Span(m.group("verb"), m.start("verb"), m.end("verb")) if "verb" in m.groupdict() else \
                Span(text[m.end("src"):span.outer.start].strip(), m.end("src"), span.outer.start)
            return cue, Span(m.group("src"), m.start("src"), m.end("src")), rule
    verbs = list(_HEAD_VERB.finditer(head)) if _verb_near(text, start, span.outer.start) else []
    rest = _HEAD_REST.fullmatch(head, verbs[-1].end()) if verbs else None
    if rest is None:
        return _colon_only(text, start, span.outer.start)
    v = verbs[-1]
    subject_start = start
    lead = _LEADING.match(head)
    if lead:
        subject_start = start + lead.end()
    clause = _LEADING_CLAUSE.match(text, subject_start, start + v.start())
    if clause:
        subject_start = clause.end()
        lead = _LEADING.match(text, subject_start)
        if lead:
            subject_start = lead.end()
    cue = Span(v.group(), start + v.start(), start + v.end())
    before_verb = text[start:start + v.start()].rstrip()
    if v.group().endswith("ing") and (before_verb.endswith(",") or before_verb.endswith(" by")):
        main = _MAIN_VERB.search(text, subject_start, start + v.start())
        subject = _span(text, subject_start, main.start()) if main else None
        if subject is None or not _plausible_np(subject, 10):
            return None
        return cue, _subject_segment(text, subject), Rule.BEFORE_PARTICIPLE
    after_verb = _span(text, start + v.end(), span.outer.start)
    if (before_verb.endswith(",") or start + v.start() == subject_start) and after_verb is not None \
            and _name_like(after_verb.text) and v.group() not in _OBJECT_VERBS:
        return cue, after_verb, Rule.BEFORE_INVERTED  # `…, explained Jane Roe, "…"`
    aux = _TRAILING_AUX.search(text[subject_start:start + v.start()])
    subject_end = subject_start + aux.start() if aux else start + v.start()
    who = _WHO_BEFORE.search(text, subject_start, subject_end)
    if who:
        # `…, from Mike Lee, who declared: "…"`: the name the relative clause hangs on.
        seg = _span(text, max(subject_start, text.rfind(",", subject_start, who.start()) + 1), who.start())
        if seg is not None and _name_like(seg.text):
            return cue, seg, Rule.BEFORE_WHO
    coordinated = _COORDINATED.search(text, subject_start, subject_end)
    if coordinated:
        # `X brought up the bombing and later said, "…"`: the subject of the first verb.
        main = _MAIN_VERB.search(text, subject_start, coordinated.start())
        if main is not None:
            subject_end = main.start()
    rel = _RELATIVE.search(text, subject_start, subject_end) or _MODIFIER.search(text, subject_start, subject_end)
    src = _span(text, subject_start, rel.start() if rel else subject_end)
    if src is not None:
        src = _subject_segment(text, src)
        words = src.text.split()
        if len(words) > 1 and words[-1].lower() in _SUBJECT_PRONOUNS:
            src = Span(words[-1], src.end - len(words[-1]), src.end)  # `To which she said,`
    cue = Span(v.group(), start + v.start(), start + v.end())
    if src is None or not _plausible_np(src) or _HEAD_VERB.search(src.text):
        src = _nearest_subject(text, subject_start, subject_end)
        if src is None:
            return None
    tail = text[start + v.end():span.outer.start].rstrip()
    punct = rest.group("punct") or (tail[-1:] if tail[-1:] in (":", ",") else "")
    if len(tail.split()) > 9 and not punct:
        return None
    if punct == ":":
        rule = Rule.BEFORE_COLON
    elif punct or not text[start + v.end():span.outer.start].strip():
        rule = Rule.BEFORE_VERB
    else:
        rule = Rule.BEFORE_EMBEDDED
    return cue, src, rule


# The subject opening a sentence: a capitalised name (titles included) or a pronoun.
_OPENING_NP = re.compile(
    r"(?!(?:Here|There|This|That|These|Those|The|In|On|At|It|What|Soon|Now|Then|Absent|Of)\b)(?:(?:[A-Z][\w.'\u2019\-]*|of|the|for)[^\S\n]+){0,5}[A-Z][\w'\u2019\-]*(?=[^\S\n]|,)|(?:he|she|they|we|i|it)\b",
)
# `Continued Stone: "…"`, `Said the senator: "…"`.
_INVERTED = re.compile(r"(?P<verb>[A-Z][a-z]+(?:ed|d))[^\S\n]+(?P<src>[^:,\n]{2,60}?)[^\S\n]*[:,]")
_PRONOUN_OPENER = re.compile(r"(?:He|She|They|We|I|It|he|she|they|we)\b")


def _colon_only(text: str, start: int, end: int) -> tuple[Span, Span, str] | None:
    """`She then turned to the crowd: "…"`: a colon, the sentence's subject as source."""
    head = text[start:end].rstrip()
    if not head.endswith((":", ",")) or len(head.split()) > 30:
        return None
    inverted = _INVERTED.fullmatch(text, start, start + len(head))
    if inverted:
        return (Span(inverted.group("verb"), inverted.start("verb"), inverted.end("verb")),
                Span(inverted.group("src"), inverted.start("src"), inverted.end("src")), Rule.BEFORE_COLON_INVERTED)
    if head.endswith(",") and not _SOME_VERB.search(head):
        return None
    lead = _LEADING.match(text, start, end)
    s = lead.end() if lead else start
    clause = _LEADING_CLAUSE.match(text, s, end)
    if clause:
        s = clause.end()
    m = None
    if head.endswith(":"):
        m = _DASH_NAME_COLON.search(text, s, start + len(head)) or _NAME_BEFORE_COLON.search(text, s, start + len(head))
        if m is not None and _LISTENER.search(text, max(s, m.start() - 40), m.start()):
            m = None  # `… to the Dutch newspaper NRC Handelsblad:` names the listener
    if m is None:
        main = _MAIN_VERB.search(text, s, start + len(head))
        subject = _span(text, s, main.start()) if main else None
        if subject is not None and "," in subject.text and _plausible_np(subject, 30, any_start=True):
            seg = _subject_segment(text, subject)
            if seg.start > subject.start:
                return Span(head[-1], start + len(head) - 1, start + len(head)), seg, Rule.BEFORE_COLON_LOOSE
    m = m or _PRONOUN_OPENER.match(text, s, end) or _OPENING_NP.match(text, s, end)
    if m is None or not m.group().strip():
        return None
    colon = start + len(head) - 1
    rule = Rule.BEFORE_COLON_LOOSE if head.endswith(":") else Rule.BEFORE_COMMA_LOOSE
    return Span(head[-1], colon, colon + 1), Span(m.group(), m.start(), m.end()), rule


# `A lesson from Loretta Lynch:` - a full name right before the colon is the source.
_NAME_BEFORE_COLON = re.compile(r"(?<=\s)[A-Z][\w.'\u2019\-]*(?:[^\S\n]+[A-Z][\w.'\u2019\-]*){1,3}(?=[^\S\n]*:$)")
# `…, including the candidate Jane Roe -- "…"` and `According to X, "…"`.
_DASH_BEFORE = re.compile(
    r"(?<!\bin )(?<!\bat )(?<!\bon )(?<!\bof )(?<!\bto )(?<!\bfrom )"
    r"(?P<src>[A-Z][\w.'\u2019\-]*[a-z][\w.'\u2019\-]*(?:[^\S\n]+[A-Z][\w.'\u2019\-]*){1,3})[^\S\n]+(?:--|\u2014)[^\S\n]*$"
)
_ACCORDING_BEFORE = re.compile(r"(?P<verb>[Aa]ccording[^\S\n]+to)[^\S\n]+(?P<src>[^,:\n]{2,80}?)[,:][^\S\n]*$")
# `Polls overhyped Iowa - Jane Roe: "…"`: a dash, a name, a colon.
_DASH_NAME_COLON = re.compile(r"(?<=[-\u2014\u2013][^\S\n])[A-Z][\w.'\u2019\-]*(?:[^\S\n]+[A-Z][\w.'\u2019\-]*){0,3}(?=[^\S\n]*:$)")
_LISTENER = re.compile(r"\b(?:to|told|with)(?:[^\S\n]+[\w\-]+){0,3}[^\S\n]*$")

_STOP_OPENERS = SENTENCE_OPENERS
_PARTY_STATE = re.compile(r"\(?[RDI]-[A-Z]|\d")


# Nouns for people by what they do: `supporter`, `organizer`, `activist`, `resident`.
_AGENT_NOUN = re.compile(r"[a-z]+(?:er|or|ist|ant|ent|ian)")


def _name_like(seg: str) -> bool:
    """A comma segment that names someone: `Gov. John Kasich (R-OH)`, `Clinton`, `she`."""
    words = seg.split()
    if not words:
        return False
    if seg.lower() in PRONOUNS:
        return True
    if words[0].lower() in ("the", "a", "an") and 1 < len(words) <= 4 and (
            words[-1].lower() in TITLES or words[-1].lower() in GROUP_NOUNS or _AGENT_NOUN.fullmatch(words[-1])):
        return True
    if words[0] in _STOP_OPENERS or _PARTY_STATE.match(seg) or len(words) > 6:
        return False
    if _POSSESSIVE_END.search(words[0]) and len(words) > 1 and words[1][:1].islower():
        return False
    if set(words) & ORG_WORDS or (len(words) == 1 and words[0].rstrip(".").lower() in ABBREVIATIONS):
        return False
    return all(w[:1].isupper() or w[:1] == "(" or w in ("de", "van", "von", "bin", "al") for w in words)


def _subject_segment(text: str, src: Span) -> Span:
    """The subject among comma segments: `Of course, Clinton`; appositives after a name stay."""
    if "," not in src.text:
        return src
    cuts = [src.start] + [src.start + m.end() for m in _COMMA.finditer(src.text)]
    segs = []
    for a in cuts:
        b = text.find(",", a, src.end)
        segs.append((a, text[a:src.end if b < 0 else b].strip()))
    for i in range(len(segs) - 1, -1, -1):
        a, seg = segs[i]
        described = _DESCRIPTION.fullmatch(seg) is not None
        if _name_like(seg) or described:
            if i and _name_like(segs[i - 1][1]) and (described or seg.split()[0].lower() in ("the", "a", "an")):
                continue  # `Jane Roe, a nurse`: the description belongs to the name before it
            return _span(text, a, src.end) or src
    return src


# `the announcer`, `a neighbour`: a determiner and a few plain words.
_DESCRIPTION = re.compile(r"(?:the|a|an)(?:[^\S\n]+[a-z][a-z\-]*(?<!ed)(?<!ing)){1,3}")


_CLAUSE_BOUNDARY = re.compile(r"(?:^|,|;|[\u2014\u2015]|--|\b(?:and|but|when|while|as|then|where|after|before|because|so)\b)[^\S\n]*", re.IGNORECASE)


def _nearest_subject(text: str, lo: int, hi: int) -> Span | None:
    """The subject of the last clause before the verb: `…, when a young boy shouted`."""
    best = None
    for m in _CLAUSE_BOUNDARY.finditer(text, lo, hi):
        cand = _span(text, m.end(), hi)
        if cand and _plausible_np(cand, 10) and not _HEAD_VERB.search(cand.text) and \
                (cand.text.lower() in PRONOUNS or cand.text[:1].isupper() or cand.text.split()[0].lower() in {"the", "a", "an", "one"}):
            best = cand
    return best


def _dash_line_after(text: str, paragraphs: list[tuple[int, int]], span: QuoteSpan) -> tuple[Span, Span, str] | None:
    """A quote closing its paragraph, signed on the next line: `- Jane Roe, Springfield.`"""
    lo, hi = paragraphs[span.paragraph]
    if span.outer.end < hi - 1 or span.paragraph + 1 >= len(paragraphs):
        return None
    nlo, nhi = paragraphs[span.paragraph + 1]
    m = _DASH_LINE.match(text, nlo, nhi)
    if m is None or len(text[nlo:nhi].split()) > 10:
        return None
    return Span(text[nlo], nlo, nlo + 1), Span(m.group("src"), m.start("src"), m.end("src")), Rule.AFTER_DASH_LINE


def _previous_paragraph_colon(text: str, paragraphs: list[tuple[int, int]], span: QuoteSpan) -> tuple[Span, Span, str] | None:
    """`He said:` closing one paragraph, the quote opening the next."""
    if not span.opens_paragraph or span.paragraph == 0:
        return None
    plo, phi = paragraphs[span.paragraph - 1]
    if text[phi - 1:phi] != ":":
        return None
    fake = QuoteSpan(Span("", phi, phi), Span("", phi, phi), span.paragraph - 1, False)
    found = _before(text, fake, plo, plo)
    if found is None:
        return None
    cue, src, _ = found
    return cue, src, Rule.BEFORE_COLON_PARAGRAPH


def _between(text: str, prev: QuoteSpan, span: QuoteSpan) -> bool:
    """`"A," he said, "B."`: only the cue clause stands between two quotes."""
    gap = text[prev.outer.end:span.outer.start]
    return len(gap.split()) <= 14 and bool(_ENDS_COMMA_COLON.search(gap)) and "." not in gap.strip(" ,:")[:-1]


_CONFIDENCE = {Rule.BEFORE_EMBEDDED: 0.6, Rule.BEFORE_COLON_LOOSE: 0.6, Rule.BEFORE_PARTICIPLE: 0.7, Rule.BEFORE_VERB: 0.85}


def _gap_is_cue(text: str, prev: Attribution, span: QuoteSpan) -> bool:
    """`"A," X said. "B."`: between two quotes stands only the first one's cue clause."""
    if prev.cue is None or not (prev.span.outer.end <= prev.cue.start < span.outer.start):
        return False
    gap = text[prev.span.outer.end:span.outer.start]
    return len(gap.split()) <= 30 and len(_sentence_ends(text, prev.span.outer.end, span.outer.start)) <= 1


_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that|new|latest)[^\S\n]+$", re.IGNORECASE)


def _has_verb(phrase: str) -> bool:
    """A cue verb inside a phrase, not counting nouns spelled alike (`the report`, `a statement`)."""
    return any(not _NOUN_BEFORE.search(phrase, 0, m.start()) for m in _HEAD_VERB.finditer(phrase))


def _lead_in(text: str, span: QuoteSpan, cue: Span, rule: str) -> int | None:
    """Where a reported clause that ends in the quote begins: `He said the region "has become …"`.

    Only for a cue before the quote: unquoted words before a quote whose cue follows it
    (`When X helped "…," he said`) are scene-setting as often as reported speech, so that
    quote stays direct.
    """
    if rule != Rule.BEFORE_EMBEDDED or cue.end >= span.outer.start:
        return None
    start = cue.end
    while start < span.outer.start and text[start].isspace():
        start += 1
    return start if text[start:span.outer.start].strip() else None


def attribute(doc: Document, spans: list[QuoteSpan]) -> list[Attribution]:
    """One Attribution per span that is not a title, in text order."""
    text, paragraphs = doc.text, doc.paragraphs
    out: list[Attribution] = []
    speech = [s for s in spans if not s.is_title]
    last: Attribution | None = None  # last attribution with a source
    for i, span in enumerate(speech):
        lo, hi = paragraphs[span.paragraph] if span.paragraph < len(paragraphs) else (span.outer.start, span.outer.end)
        prev = speech[i - 1] if i and speech[i - 1].paragraph == span.paragraph else None
        nxt = speech[i + 1].outer.start if i + 1 < len(speech) and speech[i + 1].paragraph == span.paragraph else hi
        found = _after(text, span, hi, nxt)
        if found is None or (found[2] == Rule.AFTER_SOURCE_VERB and _inner_ends_sentence(span)):
            before = _before(text, span, lo, prev.outer.end if prev else lo)
            if before is not None and (found is None or before[2] in (Rule.BEFORE_COLON, Rule.BEFORE_VERB)):
                found = before
        if found is None:
            found = _dash_line_after(text, paragraphs, span)
        if found is None and prev is None:
            found = _previous_paragraph_colon(text, paragraphs, span)
        if found is not None:
            cue, src, rule = found
            att = Attribution(span, src, cue, rule, _CONFIDENCE.get(rule, 0.9),
                              lead_in=_lead_in(text, span, cue, rule))
            out.append(att)
            last = att
            continue
        if last is not None and prev is not None and last.span is prev:
            gap = text[prev.outer.end:span.outer.start]
            if len(gap.split()) <= 1 or _between(text, prev, span) or _gap_is_cue(text, last, span):
                rule = Rule.SPLIT if _between(text, prev, span) else Rule.SAME_PARAGRAPH
                out.append(Attribution(span, last.source, last.cue, rule, 0.8, inherits=True))
                last = out[-1]
                continue
        if span.opens_paragraph or span.continues:
            out.append(Attribution(span, None, None, Rule.CONTINUATION, 0.7, inherits=True))
            continue
        out.append(Attribution(span, None, None, Rule.UNATTRIBUTED, 0.3))
    return out
