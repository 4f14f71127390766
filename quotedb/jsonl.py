"""The `quotedb extract` record: one JSON object per article. Outside tools read these
field names, so they are a public contract: add fields, never rename or remove them."""

from __future__ import annotations

import json

from quotedb.model import Article, Event, Extraction, Quote, Span


def _span(span: Span | None) -> dict | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def quote_record(quote: Quote) -> dict:
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": quote.speaker,
        "speaker_kind": quote.speaker_kind,
        "speaker_mention": _span(quote.speaker_mention),
        "role": quote.role,
        "organization": quote.organization,
        "place": quote.place,
        "event": quote.event,
        "cue": quote.cue,
        "confidence": quote.confidence,
        "rule": quote.rule,
        "paragraph": quote.paragraph,
    }


def event_record(event: Event) -> dict:
    return {
        "name": event.name,
        "kind": event.kind,
        "location": event.location,
        "organizer": event.organizer,
        "date": event.date,
    }


def article_record(article: Article, extraction: Extraction) -> dict:
    meta = article.meta
    return {
        "source": article.origin,
        "locator": article.locator,
        "article": {
            "title": meta.title,
            "published": meta.published,
            "source": meta.source,
            "author": meta.author,
            "section": meta.section,
            "url": meta.url,
        },
        "quotes": [quote_record(q) for q in extraction.quotes],
        "events": [event_record(e) for e in extraction.events],
    }


def dumps(article: Article, extraction: Extraction) -> str:
    return json.dumps(article_record(article, extraction), ensure_ascii=False)
