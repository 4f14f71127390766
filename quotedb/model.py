"""Typed values passed between the stages: read -> extract -> store -> publish.

Every stage takes and returns these, so a stage can be replaced (a new extraction
engine, a new reader) without the others noticing. Offsets are always character
offsets into `Article.text`, the text exactly as decoded from the source.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

QuoteKind = Literal["direct", "mixed", "indirect"]
SpeakerKind = Literal["person", "group", "organization", "unnamed"]

QUOTE_KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")
SPEAKER_KINDS: tuple[str, ...] = ("person", "group", "organization", "unnamed")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the source says about an article; None where it says nothing (never guessed)."""

    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    source: str | None = None  # publisher or site name
    author: str | None = None
    section: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read: its text is stored verbatim and is what offsets index."""

    text: str
    meta: ArticleMeta
    origin: str  # the file it came from
    locator: str | None = None  # "row 12" / "line 3" / "item 4" in multi-article files
    warnings: tuple[str, ...] = ()
    # The body proper, after header lines the reader recognised as metadata (breadcrumb,
    # headline, date line, dateline lead) and before a trailing byline. The text itself
    # is never cut: these offsets only tell the extractor where to look.
    body_start: int = 0
    body_end: int | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def where(self) -> str:
        return f"{self.origin} ({self.locator})" if self.locator else self.origin


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file, row or line that could not be read; the build reports it and carries on."""

    origin: str
    message: str
    locator: str | None = None

    def __str__(self) -> str:
        where = f"{self.origin} ({self.locator})" if self.locator else self.origin
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file the reader passed over on purpose (unknown extension): a note, not an error."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article text with its offsets: text == article.text[start:end]."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """Where something was said: a symposium, session, seminar, conference..."""

    name: str
    kind: str  # symposium | session | seminar | conference | exhibition | summit | forum | dialogue | ...
    location: str | None = None
    organizer: str | None = None
    date: str | None = None  # ISO date
    mention: Span | None = None  # first mention in the article


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote or reported claim, attributed, with provenance."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    paragraph: int  # 0-based paragraph index in the article
    speaker: str | None = None  # resolved full name (or group / organization / role)
    speaker_kind: SpeakerKind | None = None
    speaker_mention: Span | None = None  # the mention as written at the cue
    role: str | None = None  # title as the article states it ("president")
    organization: str | None = None  # "Southwest University of Political Science and Law"
    place: str | None = None  # where the speaker's office is: "Ohio" in `Ohio Governor X`
    event: str | None = None  # Event.name of an event in the same extraction
    cue: str | None = None  # the reporting verb or phrase as written ("said", "called on")
    confidence: float = 0.5
    rule: str = ""  # name of the rule that produced it, for tracing errors


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the engine found in one article."""

    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    engine_version: str = ""
