"""The extraction engine: article text in, attributed quotes and events out.

One Document per article (text.py: body, paragraphs, sentences from one splitter), read by
rule modules that are peers: quote spans (spans) -> who said each direct quote
(attribution) -> reported claims (claims) -> speakers parsed from source phrases (speakers)
-> mentions resolved to people introduced earlier (resolve) -> events and where each quote
was said (events). Word lists are quotedb.lexicon's, rule names rules.py's. Regular
expressions and word lists only, compiled at import: the engine must keep up with a news
firehose on one core.

extract() is the one guard: a rule that raises loses that article's quotes with a log
line, never silently; extract_unguarded lets it raise (tests and the property tests).

ENGINE_VERSION is stored with every parsed article and the store re-parses on a new one:
any change to a rule or a word list bumps it, or databases built earlier keep stale quotes.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from quotedb.extract.attribution import Attribution, attribute
from quotedb.extract.claims import antecedent, find_claims
from quotedb.extract.entities import attribute_entities
from quotedb.extract.events import find_events, link_event
from quotedb.extract.resolve import Resolver
from quotedb.extract.rules import FRAGMENT, POSITIONAL_RULES, WEAK_RULES, WITH_LEAD_IN, WITH_QUOTE, Rule
from quotedb.extract.spans import find_spans, is_title
from quotedb.extract.speakers import parse_source
from quotedb.extract.text import Document
from quotedb.extract.types import Claim, QuoteSpan, SpeakerRef
from quotedb.model import Article, Event, Extraction, Quote, Span
from quotedb.paragraphs import paragraph_index, paragraph_spans

ENGINE_VERSION = "rules-7"

__all__ = ["ENGINE_VERSION", "extract", "extract_unguarded"]

_log = logging.getLogger(__name__)
_WORD = re.compile(r"\w+")
# Quotes with no cue and no speaker to inherit are kept only when they read as speech.
_MIN_FLOATING_WORDS = 8
_LOOKBACK = 1  # paragraphs an uncued quote may look back for its speaker
_IN_RUNNING_TEXT = re.compile(r"[\w,]\s*$")  # a word (or comma) right before the quote mark
_DESCRIBED = re.compile(r"\b(?:a|an|the|this|that|its|their|his|her|our|my|your)\s+$", re.IGNORECASE)


@dataclass(slots=True)
class _Item:
    """One quote or claim on its way to becoming a Quote row."""

    start: int
    end: int
    kind: str
    source: Span | None
    cue: Span | None
    rule: str
    confidence: float
    inherits: bool = False


def _words(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b))


# Words outside the marks that make a claim holding a quote one mixed quote (`that "…"`).
_MIN_CLAUSE_WORDS = 1
_SUBORDINATE_START = re.compile(r"\W*(?:when|while|if|as|after|before|because|since|although|though|once|until)\b",
                                re.IGNORECASE)
_RELATIVE_SOURCES = frozenset({"who", "which"})


def _reported_clause(text: str, c: Claim, quotes: list[QuoteSpan], strong: list[QuoteSpan],
                     cue_of: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """The claim's clause as one mixed quote, when its quotes sit inside it with words outside.

    PolNeAR's mixed content is the whole reported clause, quoted words included: `says he
    goes "back to war"`, `vowed that "…"`. Only after the cue, and not when a quote reaches
    past the clause, follows a comma or colon, or has its own cue inside the span.
    """
    a, b = c.content.start, c.content.end
    for s in quotes:
        if s.outer.start < a - 1 or _WORD.search(text, b, s.outer.end):
            return None
    lo = min(a, min(s.outer.start for s in quotes))
    hi = max(b, max(s.outer.end for s in quotes))
    first = min(s.outer.start for s in quotes)
    if c.cue.start < hi and lo < c.cue.end:
        return None
    if c.cue.start >= hi and _SUBORDINATE_START.match(text, lo, first):
        return None  # `"…," she said`, `When X helped "…," he said`: the quote is direct
    if text[lo:first].rstrip().endswith((",", ":")) and not _SUBORDINATE_START.match(text, lo, first):
        return None  # `told the Herald, "…"`: the quote is the whole complement
    for s in strong:
        cue = cue_of.get(id(s))
        if cue is not None and cue != (c.cue.start, c.cue.end) and lo < cue[1] and cue[0] < hi:
            return None
    outside = _words(text, lo, hi) - sum(_words(text, s.outer.start, s.outer.end) for s in quotes)
    return (lo, hi) if outside >= _MIN_CLAUSE_WORDS else None


def _merge(text: str, atts: list[Attribution], claims: list[Claim], speech: list[QuoteSpan]) -> list[_Item]:
    """Quotes and claims as one list: a claim that wraps quoted words becomes one mixed quote.

    A quote with its own cue (`"…," she said`) stays direct, and a claim that ran into it
    keeps only its unquoted part.
    """
    rule_of = {id(a.span): a.rule for a in atts}
    cue_of = {id(a.span): (a.cue.start, a.cue.end) for a in atts if a.cue is not None}
    source_of = {id(a.span): a.source for a in atts}
    items: list[_Item] = []
    taken: set[int] = set()
    for c in claims:
        a, b = c.content.start, c.content.end
        if c.source is not None and any(s.inner.start < c.source.end and c.source.start < s.inner.end for s in speech):
            continue  # a source inside quote marks is someone's words, not a speaker
        overlapping = [s for s in speech if s.outer.start < b and a < s.outer.end]
        if not overlapping:
            items.append(_Item(a, b, "indirect", c.source, c.cue, c.rule, c.confidence))
            continue
        strong = [s for s in overlapping if rule_of.get(id(s), Rule.UNATTRIBUTED) not in WEAK_RULES]
        same_cue = [s for s in strong if cue_of.get(id(s)) == (c.cue.start, c.cue.end)]
        clause = _reported_clause(text, c, overlapping, strong, cue_of)
        if clause is not None:
            src = (source_of.get(id(same_cue[0])) if same_cue else None) or c.source
            items.append(_Item(clause[0], clause[1], "mixed", src, c.cue, c.rule + WITH_QUOTE, c.confidence))
            taken.update(id(s) for s in overlapping)
            continue
        if same_cue:
            # `When X helped "…," he said`: the quote's own cue; a short lead-in joins it.
            outside = _words(text, a, b) - sum(_words(text, s.outer.start, s.outer.end) for s in overlapping)
            if outside > 5 and all(a - 1 <= s.outer.start and s.outer.end <= b + 2 for s in overlapping):
                src = source_of.get(id(same_cue[0])) or c.source
                items.append(_Item(a, b, "mixed", src, c.cue, c.rule + WITH_QUOTE, c.confidence))
                taken.update(id(s) for s in overlapping)
            continue
        if strong:
            cut = min(s.outer.start for s in strong)
            while cut > a and (text[cut - 1].isspace() or text[cut - 1] in ",;:"):
                cut -= 1
            rest = [s for s in overlapping if s.outer.end <= cut]
            if cut > a and _words(text, a, cut) - sum(_words(text, s.outer.start, s.outer.end) for s in rest) > 3:
                kind = "mixed" if rest else "indirect"
                items.append(_Item(a, cut, kind, c.source, c.cue, c.rule, c.confidence))
                taken.update(id(s) for s in rest)
            continue
        inside = [s for s in overlapping if s.outer.start >= a - 1 and s.outer.end <= b + 2]
        quoted_words = sum(_words(text, s.outer.start, s.outer.end) for s in inside)
        outside = _words(text, a, b) - quoted_words
        if inside and len(inside) == len(overlapping) and outside > 2:
            items.append(_Item(a, b, "mixed", c.source, c.cue, c.rule + WITH_QUOTE, c.confidence))
            taken.update(id(s) for s in inside)
        # Otherwise the claim is (nearly) the quote itself: the direct quote stands.
    covered = [(it.start, it.end) for it in items]
    for att in atts:
        if id(att.span) in taken:
            continue
        span = att.span
        if att.lead_in is not None and not any(a < span.outer.end and att.lead_in < b for a, b in covered):
            items.append(_Item(att.lead_in, span.outer.end, "mixed", att.source, att.cue, att.rule + WITH_LEAD_IN,
                               att.confidence))
            continue
        items.append(_Item(span.outer.start, span.outer.end, "direct", att.source, att.cue,
                           att.rule, att.confidence, att.inherits and att.source is None))
    items.sort(key=lambda it: (it.start, it.end))
    return items


def _refs(text: str, item: _Item, parsed: dict[tuple[int, int], tuple[SpeakerRef, ...]]) -> tuple[SpeakerRef, ...]:
    """Speakers in the item's source phrase; a phrase shared by several quotes is parsed once."""
    if item.source is None:
        return ()
    key = (item.source.start, item.source.end)
    if key not in parsed:
        refs = ()
        if item.source.text.lower() in _RELATIVE_SOURCES:
            # `Cruz, who says …`: the antecedent speaks; the mention stays as written.
            ante = antecedent(text, item.source)
            refs = tuple(replace(r, mention=item.source) for r in parse_source(text, ante)) if ante else ()
        parsed[key] = refs or tuple(parse_source(text, item.source))
    return parsed[key]


def extract_unguarded(article: Article) -> Extraction:
    """extract() without its safety net: engine bugs raise here (tests and evaluation use it)."""
    doc = Document(article.text, paragraph_spans(article.text), article.body_start, article.body_end,
                   article.meta.published)
    if not doc.paragraphs:
        return Extraction(engine_version=ENGINE_VERSION)
    text, paras = doc.text, doc.paragraphs
    spans = [s if not is_title(text, s) else _as_title(s) for s in find_spans(doc)]
    speech = [s for s in spans if not s.is_title]
    atts = attribute(doc, spans)
    claims = find_claims(doc, spans)
    items = _merge(text, atts, claims, speech)
    events = find_events(doc)
    resolver = Resolver(doc, [(s.outer.start, s.outer.end) for s in speech])
    quotes: list[Quote] = []
    last_refs: tuple[SpeakerRef, ...] = ()
    parsed: dict[tuple[int, int], tuple[SpeakerRef, ...]] = {}
    last_para = -2
    for it in items:
        para = paragraph_index(paras, it.start)
        refs = _refs(text, it, parsed)
        if refs:
            refs = tuple(resolver.resolve(r) for r in refs)
        elif (it.inherits or it.rule == Rule.UNATTRIBUTED) and last_refs and para - last_para <= _LOOKBACK:
            refs = last_refs
            if it.rule == Rule.UNATTRIBUTED:
                it.rule, it.confidence = Rule.FLOATING, 0.4
        elif it.inherits:
            who = resolver.current(it.start)
            if who is not None:
                refs = (who,)
                it.rule, it.confidence = Rule.CONTINUATION_TOPIC, 0.5
        if not refs and it.kind == "direct" and (it.rule == Rule.UNATTRIBUTED or it.inherits):
            continue  # quoted words nobody in the article is said to have said
        if it.rule == Rule.FLOATING and _DESCRIBED.search(text, max(0, it.start - 12), it.start):
            continue  # `depicting a "…"`: words used to describe, not something said
        if it.rule in POSITIONAL_RULES and _words(text, it.start, it.end) < _MIN_FLOATING_WORDS:
            continue
        if refs:
            last_refs, last_para = refs, para
        if it.kind == "direct" and _words(text, it.start, it.end) <= 2 and _IN_RUNNING_TEXT.search(
                text, max(0, it.start - 3), it.start):
            it.rule, it.confidence = it.rule + FRAGMENT, min(it.confidence, 0.3)
        for ref in refs or (None,):
            quotes.append(_quote(doc, it, ref, paragraph_index(doc.all_paragraphs, it.start), events))
    quotes = attribute_entities(doc, quotes)
    return Extraction(quotes=tuple(_dedupe(quotes)), events=tuple(events), engine_version=ENGINE_VERSION)


def _as_title(span: QuoteSpan) -> QuoteSpan:
    return replace(span, is_title=True)


def _quote(doc: Document, it: _Item, ref: SpeakerRef | None, paragraph: int, events: list[Event]) -> Quote:
    text = doc.text
    speaker = kind = role = org = place = None
    mention = None
    if ref is not None:
        speaker = ref.name or (ref.role if ref.kind == "unnamed" else None)
        kind, role, org, place, mention = ref.kind, ref.role, ref.organization, ref.place, ref.mention
        if ref.kind == "unnamed" and ref.name is None:
            speaker = None
    q = Quote(start=it.start, end=it.end, text=text[it.start:it.end], kind=it.kind, paragraph=paragraph,
              speaker=speaker, speaker_kind=kind, speaker_mention=mention, role=role, organization=org, place=place,
              cue=it.cue.text if it.cue else None, confidence=round(it.confidence, 3), rule=it.rule)
    event = link_event(doc, q, it.cue, events) if events else None
    if event is not None:
        q = replace(q, event=event)
    return q


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    seen: set[tuple] = set()
    out = []
    for q in quotes:
        key = (q.start, q.end, q.speaker, q.speaker_mention.start if q.speaker_mention else None)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def extract(article: Article) -> Extraction:
    """Every quote and claim in the article, attributed; never raises on any text."""
    try:
        return extract_unguarded(article)
    except Exception:  # noqa: BLE001 - one odd article must not stop a build of thousands
        _log.exception("extraction failed on %s; no quotes kept for it", article.where)
        return Extraction(engine_version=ENGINE_VERSION)
