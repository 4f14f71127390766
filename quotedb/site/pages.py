"""What the quote, speaker and article row pages show, read from the published database.

The plugin in `quotedb/site/__init__.py` calls these for Datasette's row view; the
templates in `templates/` lay the values out. Everything here is read-only SQL against
the schema in `quotedb.store.models`, so a reader can check each attribution against
the stored article text without leaving the page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

from datasette.database import Database

from quotedb.site.highlight import Marked, highlight_article, quote_in_context, year_chart

SPEAKER_QUERY = "quotes_by_speaker"  # canned query in metadata.yml, parameter :speaker
# A speaker page lists this many quotes, then links to the next page (`?page=2`): the most
# quoted speaker of a million-quote database has ~1,400, and their HTML took ~200 ms.
PAGE_SIZE = 100
EXPORT_VIEW = "quotes_view"


def web_url(url: str | None) -> str | None:
    """The article's own url, only when it is http(s): a `javascript:` url is shown, never linked."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def _row(row: Any) -> dict[str, Any]:
    return dict(row) if row is not None else {}


async def _tables(db: Database) -> set[str]:
    return set(await db.table_names()) | set(await db.view_names())


async def has_schema(db: Database) -> bool:
    """True for a quotedb database; other databases keep Datasette's plain row pages."""
    return {"quotes", "speakers", "articles"} <= await _tables(db)


def _row_url(ds: Any, database: str, table: str, pk: Any) -> str:
    return ds.urls.row(database, table, str(pk))


async def quote_page(ds: Any, database: str, quote_id: str, args: Any = None) -> dict[str, Any] | None:
    db = ds.get_database(database)
    quote = _row(
        (
            await db.execute(
                """
                select q.id, q.text, q.kind, q.start, q."end", q.paragraph, q.cue, q.speaker_mention,
                    q.confidence, q.rule, q.article_id, q.speaker_id, q.event_id,
                    s.name as speaker, s.kind as speaker_kind,
                    r.title as role, r.organization, r.place as role_place,
                    e.name as event, e.kind as event_kind, e.location as event_location,
                    e.date as event_date, e.organizer as event_organizer,
                    a.title as article_title, a.published, a.source, a.author, a.url, a.text as article_text
                from quotes q
                join articles a on a.id = q.article_id
                left join speakers s on s.id = q.speaker_id
                left join roles r on r.id = q.role_id
                left join events e on e.id = q.event_id
                where q.id = :id
                """,
                {"id": quote_id},
            )
        ).first()
    )
    if not quote:
        return None
    article_text = quote.pop("article_text") or ""
    return {
        **quote,
        "context": quote_in_context(article_text, quote["start"], quote["end"]),
        "source_link": web_url(quote["url"]),
        "article_link": _row_url(ds, database, "articles", quote["article_id"]),
        "speaker_link": quote["speaker_id"] and _row_url(ds, database, "speakers", quote["speaker_id"]),
        "event_link": quote["event_id"] and _row_url(ds, database, "events", quote["event_id"]),
    }


# Words that stand for a speaker without naming them: cued quotes keep them as their
# mention ("he said"), but a reader looking for other names of a person does not want them.
NOT_NAMES = frozenset(
    "he she it they we i you him her them us me his hers its their theirs our who whom whose which that"
    " this these those one someone somebody".split()
)


async def _aliases(db: Database, speaker_id: str, name: str) -> list[str]:
    """Other names the speaker goes by: stored aliases, and the mentions quotes were cued by,
    without pronouns and relative words."""
    names: list[str] = []
    if "speaker_aliases" in await db.table_names():
        columns = await db.table_columns("speaker_aliases")
        column = next((c for c in ("alias", "name") if c in columns), None)
        if column and "speaker_id" in columns:
            rows = await db.execute(
                f"select [{column}] from speaker_aliases where speaker_id = :id order by 1", {"id": speaker_id}
            )
            names.extend(r[0] for r in rows)
    rows = await db.execute(
        "select speaker_mention, count(*) from quotes where speaker_id = :id and speaker_mention is not null"
        " group by speaker_mention order by 2 desc, 1",
        {"id": speaker_id},
    )
    names.extend(r[0] for r in rows)
    seen = {name.casefold(), *NOT_NAMES}
    unique = []
    for alias in names:
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            unique.append(alias)
    return unique


def _pages(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def page_number(args: Any, total: int) -> int:
    """The `?page=` asked for, 1-based, held within the pages there are; anything else is page 1."""
    raw = (args or {}).get("page") or ""
    number = int(raw) if raw.isdigit() else 1
    return min(max(number, 1), _pages(total))


RESOLUTIONS = {
    "surname only": "Articles name this speaker by the surname {surname!r} alone, and no person of that surname "
                    "is named in full anywhere in the database, so these quotes are not joined to anyone.",
    "ambiguous surname": "Articles name this speaker by the surname {surname!r} alone, and {count} people of that "
                         "surname are named in full, so these quotes are not given to any of them: it may be one "
                         "of the people below, or someone else.",
}


async def _same_surname(db: Database, speaker: dict[str, Any]) -> list[dict[str, Any]]:
    """The people named in full whose surname is this surname-only speaker's name."""
    surname = (speaker.get("name_key") or "").split()[-1:] or [""]
    rows = await db.execute(
        "select id, name, quote_count from speakers where kind = 'person' and resolution is null"
        " and name_key like '% ' || :surname order by quote_count desc, name",
        {"surname": surname[0]},
    )
    return [dict(r) for r in rows if r["name"]]


async def _resolution(ds: Any, database: str, speaker: dict[str, Any]) -> dict[str, Any] | None:
    """Why a surname-only speaker is a row of its own, in words, with the candidates linked."""
    template = RESOLUTIONS.get(speaker.get("resolution") or "")
    if template is None:
        return None
    candidates = await _same_surname(ds.get_database(database), speaker)
    return {
        "text": template.format(surname=speaker["name"], count=len(candidates)),
        "candidates": [{**c, "link": _row_url(ds, database, "speakers", c["id"])} for c in candidates],
    }


async def speaker_page(ds: Any, database: str, speaker_id: str, args: Any = None) -> dict[str, Any] | None:
    db = ds.get_database(database)
    speaker = _row((await db.execute("select * from speakers where id = :id", {"id": speaker_id})).first())
    if not speaker:
        return None
    params = {"id": speaker_id}
    roles = await db.execute(
        """
        select r.title, r.organization, r.place, min(a.published) as first, max(a.published) as last,
            count(distinct r.article_id) as articles
        from roles r join articles a on a.id = r.article_id
        where r.speaker_id = :id
        group by r.title, r.organization, r.place
        order by first is null, first, last
        """,
        params,
    )
    years = await db.execute(
        """
        select coalesce(substr(published, 1, 4), 'undated') as year, count(*) as quotes
        from quotes where speaker_id = :id
        group by year order by year = 'undated', year
        """,
        params,
    )
    total = sum(r["quotes"] for r in years)
    page = page_number(args, total)
    quotes = await db.execute(
        """
        select id, text, kind, cue, article_id, article_title, published, source
        from quotes where speaker_id = :id
        order by published is null, published desc, article_id desc, start
        limit :limit offset :offset
        """,
        {**params, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE},
    )
    per_year = [(r["year"], r["quotes"]) for r in years]
    here = _row_url(ds, database, "speakers", speaker_id)
    return {
        **speaker,
        "aliases": await _aliases(db, speaker_id, speaker["name"]),
        "resolved": await _resolution(ds, database, speaker),
        "roles": [dict(r) for r in roles],
        "per_year": per_year,
        "chart": year_chart(per_year),
        "quote_total": total,
        "page": page,
        "pages": _pages(total),
        "first_shown": min(total, (page - 1) * PAGE_SIZE + 1),
        "last_shown": min(total, page * PAGE_SIZE),
        "newer_link": here + "?" + urlencode({"page": page - 1}) if page > 1 else None,
        "older_link": here + "?" + urlencode({"page": page + 1}) if page < _pages(total) else None,
        "quotes": [
            {
                **dict(r),
                "link": _row_url(ds, database, "quotes", r["id"]),
                "article_link": _row_url(ds, database, "articles", r["article_id"]),
            }
            for r in quotes
        ],
        "csv_query": ds.urls.query(database, SPEAKER_QUERY, format="csv")
        + "?"
        + urlencode({"speaker": speaker["name"], "_size": "max", "_dl": "1"}),
        "csv_export": ds.urls.table(database, EXPORT_VIEW, format="csv")
        + "?"
        + urlencode({"speaker_id": speaker["id"], "_stream": "on", "_size": "max", "_dl": "1"}),
        "dashboard": ds.urls.path("-/dashboards/quotes") + "?" + urlencode({"speaker": speaker["name"]}),
    }


async def article_page(ds: Any, database: str, article_id: str, args: Any = None) -> dict[str, Any] | None:
    db = ds.get_database(database)
    article = _row((await db.execute("select * from articles where id = :id", {"id": article_id})).first())
    if not article:
        return None
    rows = list(
        await db.execute(
            """
            select q.id, q.start, q."end", q.kind, q.text, q.cue, s.name as speaker, q.speaker_id
            from quotes q left join speakers s on s.id = q.speaker_id
            where q.article_id = :id order by q.start, q.id
            """,
            {"id": article_id},
        )
    )
    marked = [
        Marked(r["id"], r["start"], r["end"], r["speaker"], r["kind"], _row_url(ds, database, "quotes", r["id"]))
        for r in rows
    ]
    events = await db.execute(
        """
        select e.id, e.name, e.kind, e.location, e.date from article_events ae join events e on e.id = ae.event_id
        where ae.article_id = :id order by e.date, e.name
        """,
        {"id": article_id},
    )
    return {
        **{k: v for k, v in article.items() if k != "text"},
        "highlighted": highlight_article(article["text"] or "", marked),
        "source_link": web_url(article["url"]),
        "quotes": [
            {
                **dict(r),
                "link": _row_url(ds, database, "quotes", r["id"]),
                "speaker_link": r["speaker_id"] and _row_url(ds, database, "speakers", r["speaker_id"]),
            }
            for r in rows
        ],
        "events": [{**dict(e), "link": _row_url(ds, database, "events", e["id"])} for e in events],
    }


LOADERS = {"quotes": quote_page, "speakers": speaker_page, "articles": article_page}
