"""Values passed between the engine's own stages (quote spans, cues and claims, speakers).

They stay inside `quotedb.extract`; the rest of the project sees only `quotedb.model`.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotedb.model import Span, SpeakerKind


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Text between paired quote marks. `outer` includes the marks, `inner` does not."""

    outer: Span
    inner: Span
    paragraph: int
    opens_paragraph: bool  # the paragraph starts with this quote
    continues: bool = False  # continues an unclosed quote from the previous paragraph
    is_title: bool = False  # a title, name or scare quote: not speech
    closed: bool = True  # False when the paragraph (or text) ended before a closing mark


@dataclass(frozen=True, slots=True)
class Claim:
    """Reported speech found around a cue: content, the source as written, the cue."""

    content: Span
    cue: Span
    source: Span | None  # the source noun phrase as written, role appositives included
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """One speaker parsed out of a source noun phrase."""

    name: str | None  # "Lin Wei"; None for an unnamed role
    kind: SpeakerKind
    mention: Span  # the part of the text naming this speaker
    role: str | None = None  # "president"
    organization: str | None = None  # "Southwest University of Political Science and Law"
    place: str | None = None  # "Uzbekistan", when the role names one apart
    pronoun: bool = False  # "he", "they": resolve.py finds who is meant
