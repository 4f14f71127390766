"""What the writer stores for one article, worked out without the database.

Checking provenance, speaker keys, shown names, titles, whether a speaker row is shared
across the corpus, and whether a quote names its speaker by surname alone (or the article
names that person in full elsewhere, which settles it here) need nothing stored, so
build workers do them next to extraction and the one writing process only runs SQL.
`Prepared` is plain tuples: cheap to pickle back from a worker.

Speakers, roles and events are listed in the order the writer first meets them, so the
rows (and their ids) are those of writing the extraction quote by quote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from quotedb.model import QUOTE_KINDS, SPEAKER_KINDS, Article, Extraction, Quote
from quotedb.store.identity import (
    fold,
    holders,
    holds_surname,
    is_corpus_wide,
    is_surname_only,
    name_key,
    shown_name,
    speaker_key,
    split_title,
    surname,
)


class InvalidExtraction(ValueError):
    """The engine returned a quote whose offsets do not match the article text."""


@dataclass(frozen=True, slots=True)
class Prepared:
    # (name, kind, location, date, organizer, name_key): the extraction's events, then the
    # events only quotes name (kind, place and date unknown).
    events: tuple[tuple, ...]
    # (name_key, kind, shown name, corpus-wide): one per (name, kind) as quotes give them.
    speakers: tuple[tuple[str, str, str, bool], ...]
    # (speaker index, title, organization, place): one per (speaker, title, organization).
    roles: tuple[tuple, ...]
    # (speaker index, alias)
    aliases: tuple[tuple[int, str], ...]
    # quotes columns with speaker, role and event given as indexes into the lists above:
    # (speaker, speaker_name, surname_only, role, event, text, kind, start, end, paragraph,
    # cue, mention text, mention start, mention end, confidence, rule)
    quotes: tuple[tuple, ...]


def speaker_name(quote: Quote) -> str | None:
    """The speaker row's name: the resolved name, or for an unnamed role the role as written
    ("Charge d'Affaires of the Permanent Mission of Cameroon in Geneva"), so it can be browsed."""
    if quote.speaker:
        return quote.speaker
    if quote.speaker_kind == "unnamed":
        if quote.speaker_mention is not None:
            return quote.speaker_mention.text
        return " of ".join(part for part in (quote.role, quote.organization) if part) or None
    return None


def check_extraction(article: Article, extraction: Extraction) -> None:
    for quote in extraction.quotes:
        where = f"quote {quote.start}-{quote.end}"
        if not 0 <= quote.start < quote.end <= len(article.text):
            raise InvalidExtraction(f"{where}: offsets outside the article text")
        if article.text[quote.start : quote.end] != quote.text:
            raise InvalidExtraction(f"{where}: text does not match article.text[start:end]")
        if quote.kind not in QUOTE_KINDS:
            raise InvalidExtraction(f"{where}: unknown kind {quote.kind!r}")
        if quote.speaker_kind is not None and quote.speaker_kind not in SPEAKER_KINDS:
            raise InvalidExtraction(f"{where}: unknown speaker kind {quote.speaker_kind!r}")


def named_in_full(quotes: Iterable[Quote]) -> dict[str, str]:
    """Surname -> the one person the article names in full with it, as first written.

    "Blair said" in an article that quotes Tony Blair by name is Tony Blair, whatever other
    Blairs the corpus holds. With two of them quoted ("Tony Blair", "Cherie Blair"), or
    none, `corpus.settle_surnames` looks for the full names the article's text writes
    among the persons the corpus knows; it never joins one only other articles name.
    Only names that are a person by their form count (`holds_surname`)."""
    keys: dict[str, dict[str, str]] = defaultdict(dict)
    for quote in quotes:
        if quote.speaker and (quote.speaker_kind or "person") == "person":
            key = name_key(quote.speaker)
            if (last := surname(key)) and holds_surname(quote.speaker):
                keys[last].setdefault(key, quote.speaker)
    named = {}
    for last, forms in keys.items():
        found = holders(forms)
        if len(found) == 1:
            named[last] = forms[found[0]]
    return named


def prepare(article: Article, extraction: Extraction) -> Prepared:
    """Check the extraction against the article and lay out its rows; raises InvalidExtraction."""
    check_extraction(article, extraction)
    events: list[tuple] = []
    event_index: dict[str, int] = {}
    for event in extraction.events:
        event_index[event.name] = len(events)
        events.append((event.name, event.kind, event.location, event.date, event.organizer, fold(event.name)))
    speakers: list[tuple[str, str, str, bool]] = []
    speaker_index: dict[tuple[str, str], int] = {}
    # Within one article a (key, kind) is one speaker row, whatever the spelling.
    identity: dict[tuple[str, str], int] = {}
    roles: list[tuple] = []
    role_index: dict[tuple, int] = {}
    aliases: set[tuple[int, str]] = set()
    quotes: list[tuple] = []
    full = named_in_full(extraction.quotes)
    # (name, kind) -> its key; (key, kind) -> whether any spelling of it in the article is
    # a name ("Company" and "company" are one row of the article, corpus-wide or not).
    keys: dict[tuple[str, str], str] = {}
    wide: dict[tuple[str, str], bool] = {}
    named = []
    for quote in extraction.quotes:
        kind = quote.speaker_kind or "person"
        name = speaker_name(quote)
        alone = bool(quote.speaker) and kind == "person" and is_surname_only(last := name_key(quote.speaker))
        if alone and last in full:
            name, alone = full[last], False
        if name and (name, kind) not in keys:
            key = keys[(name, kind)] = speaker_key(name, kind)
            wide[(key, kind)] = wide.get((key, kind), False) or is_corpus_wide(name, kind)
        named.append((kind, name, alone))
    for quote, (kind, name, alone) in zip(extraction.quotes, named):
        speaker = role = None
        # A quote is marked surname-only only on a row the corpus shares.
        alone = alone and wide[(keys[(name, kind)], kind)]
        if name:
            if (name, kind) not in speaker_index:
                key = keys[(name, kind)]
                speaker_index[(name, kind)] = len(speakers)
                identity.setdefault((key, kind), len(speakers))
                speakers.append((key, kind, shown_name(name, kind), wide[(key, kind)]))
            speaker = speaker_index[(name, kind)]
            same = identity[(speakers[speaker][0], kind)]
            title = quote.role
            if not title and kind == "person":
                title = split_title(quote.speaker or name)[0]
            mention = quote.speaker_mention.text if quote.speaker_mention else None
            for alias in {name, quote.speaker, mention} - {None}:
                aliases.add((same, alias.strip()))
            if title or quote.organization or quote.place:
                role_key = (same, title, quote.organization)
                if role_key not in role_index:
                    role_index[role_key] = len(roles)
                    roles.append((speaker, title, quote.organization, quote.place))
                role = role_index[role_key]
        event = None
        if quote.event:
            if quote.event not in event_index:
                event_index[quote.event] = len(events)
                events.append((quote.event, None, None, None, None, fold(quote.event)))
            event = event_index[quote.event]
        mention = quote.speaker_mention
        quotes.append((
            speaker, quote.speaker, alone, role, event, quote.text, quote.kind, quote.start, quote.end,
            quote.paragraph, quote.cue,
            mention.text if mention else None,
            mention.start if mention else None,
            mention.end if mention else None,
            quote.confidence, quote.rule or None,
        ))
    return Prepared(
        events=tuple(events),
        speakers=tuple(speakers),
        roles=tuple(roles),
        aliases=tuple(a for a in aliases if a[1]),
        quotes=tuple(quotes),
    )
