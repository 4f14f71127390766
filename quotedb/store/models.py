"""The schema, as SQLAlchemy 2 declarative models; Alembic migrations are checked against it.

Names here are a contract with metadata.yml, the site templates and the canned queries.
The full-text index (`quotes_fts`) and the views live in the migrations only: they are
SQLite objects that SQLAlchemy does not model (see `quotedb.store.fts`).
"""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Index, Integer, MetaData, Text, UniqueConstraint
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from quotedb.model import QUOTE_KINDS, SPEAKER_KINDS

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SourceFile(Base):
    """A file that was read: lets a rebuild skip it when neither it nor the parser changed."""

    __tablename__ = "source_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    size: Mapped[int] = mapped_column(Integer)
    mtime: Mapped[float] = mapped_column(Float)
    sha256: Mapped[str] = mapped_column(Text)
    parser_version: Mapped[str] = mapped_column(Text)
    articles: Mapped[int] = mapped_column(Integer, default=0)
    loaded_at: Mapped[str] = mapped_column(Text)


class Article(Base):
    """One article, stored once however many files hold the same text (keyed by sha256)."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(Text, unique=True)
    origin: Mapped[str] = mapped_column(Text)
    locator: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text, index=True)
    source: Mapped[str | None] = mapped_column(Text, index=True)
    author: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    parser_version: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[str] = mapped_column(Text)


class ArticleSource(Base):
    """A place an article was read from: one (path, locator) holds exactly one article."""

    __tablename__ = "article_sources"
    __table_args__ = (UniqueConstraint("path", "locator"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    locator: Mapped[str] = mapped_column(Text, default="")
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)


class Speaker(Base):
    """A person, group, organization or unnamed role that is quoted.

    Persons and organizations are one row across the corpus (matched on `name_key`);
    groups, unnamed roles and common nouns ("company") belong to the one article that
    names them (`article_id`).
    """

    __tablename__ = "speakers"
    __table_args__ = (
        CheckConstraint(_one_of("kind", SPEAKER_KINDS), name="kind"),
        # The canned queries look a speaker up by `name = :speaker collate nocase`: migration
        # 0008 creates this index as (name COLLATE NOCASE), which SQLite's reflection (and so
        # `alembic check`) sees as an index on name.
        Index("ix_speakers_name_nocase", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    # Set on surname-only persons (quotes whose article writes no full name of a known
    # person of the surname): "ambiguous surname" (two or more known persons of the corpus
    # share it) or "surname only" (fewer); never joined to a person other articles name.
    resolution: Mapped[str | None] = mapped_column(Text)
    # Kept by triggers on quotes (quotedb.store.counts), for "most quoted" without a scan.
    quote_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)
    article_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class SpeakerAlias(Base):
    """Every surface form an article used for a speaker: names, titles, "she", "the minister"."""

    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "article_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    alias: Mapped[str] = mapped_column(Text)


class Role(Base):
    """A speaker's title and organization as one article states them: a role history."""

    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)


class Event(Base):
    """Where something was said; one row per (name, date) across the corpus."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(Text)
    organizer: Mapped[str | None] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)


class ArticleEvent(Base):
    __tablename__ = "article_events"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), primary_key=True, index=True)


class Quotation(Base):
    """One quotation across the corpus: the quotes of many articles folded together.

    A table, not a view: folding a shortened quote into its longer form needs a pass over
    the text that SQL cannot do cheaply; `quotedb build` recomputes it after loading.
    """

    __tablename__ = "quotations"

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_key: Mapped[str] = mapped_column(Text, unique=True)
    text: Mapped[str] = mapped_column(Text)
    occurrences: Mapped[int] = mapped_column(Integer, index=True)
    speaker_count: Mapped[int] = mapped_column(Integer, index=True)
    speakers: Mapped[str | None] = mapped_column(Text)
    first_published: Mapped[str | None] = mapped_column(Text)
    last_published: Mapped[str | None] = mapped_column(Text)


class QuotationWindow(Base):
    """A five-word window of a quotation's folded text, hashed (crc32): a settle finds the
    quotations that new or changed quotes may fold with by these, instead of reading every
    quotation, so its time and memory follow the change and not the corpus. Two windows
    may share a hash: that only opens a quotation more, which is then settled as it was.
    Rows are written and deleted with their quotation (quotedb.store.corpus)."""

    __tablename__ = "quotation_windows"
    __table_args__ = {"sqlite_with_rowid": False}

    window: Mapped[int] = mapped_column(Integer, primary_key=True)
    quotation_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class SettleState(Base):
    """Named integers a settle keeps between builds. `windowed_through`: every quotation with
    an id up to it has its windows in quotation_windows; those above do not yet. A build
    that settles once (nothing settled before it) then writes no windows at all; the next
    settle that needs to look windows up writes the missing ones first."""

    __tablename__ = "settle_state"

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class QuoteFacet(Base):
    """How many quotes have each value of a faceted quotes_view column (kind, speaker, event,
    source), kept by triggers on quotes (quotedb.store.counts). The site's Datasette plugin
    answers the unfiltered facets from here: grouping a million quotes took 150-200 ms each."""

    __tablename__ = "quote_facets"
    __table_args__ = (Index(None, "facet", "count"),)

    facet: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class Quote(Base):
    """A quote or reported claim: `articles.text[start:end] == text` always holds."""

    __tablename__ = "quotes"
    __table_args__ = (
        CheckConstraint(_one_of("kind", QUOTE_KINDS), name="kind"),
        CheckConstraint('start >= 0 AND start < "end"', name="span"),
        Index(None, "article_id", "start"),
        Index(None, "speaker_id", "article_id"),
        Index(None, "speaker_id", "published"),
        Index(None, "speaker_id", "surname_only"),
        Index(None, "quotation_id", "speaker_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id"))
    speaker_name: Mapped[str | None] = mapped_column(Text)
    # The quote names its speaker by a surname alone ("Chen said") and no quote of its
    # article names that person in full: settle moves it to the one known person of the
    # surname its article's text writes in full, if any (corpus.settle_surnames).
    surname_only: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))
    role_id: Mapped[int | None] = mapped_column(ForeignKey("roles.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text, index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int | None] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(Text)
    speaker_mention: Mapped[str | None] = mapped_column(Text)
    mention_start: Mapped[int | None] = mapped_column(Integer)
    mention_end: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float | None] = mapped_column(Float)
    rule: Mapped[str | None] = mapped_column(Text)
    quotation_id: Mapped[int | None] = mapped_column(ForeignKey("quotations.id"))
    # The article's publication date, copied by triggers (quotedb.store.counts) for date-sorted pages.
    published: Mapped[str | None] = mapped_column(Text, index=True)
    # Names copied from the speaker, role, event and article by triggers (quotedb.store.counts),
    # so that quotes_view reads one table: its row count and facets are index scans.
    speaker: Mapped[str | None] = mapped_column(Text, index=True)
    speaker_kind: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)
    event: Mapped[str | None] = mapped_column(Text, index=True)
    article_title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text, index=True)
    url: Mapped[str | None] = mapped_column(Text)
