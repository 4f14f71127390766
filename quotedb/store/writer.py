"""Writing articles and their extractions: one article is one transaction.

The writer knows the schema and nothing about parsing. It receives an `Article` and the
`Extraction` made from it (or the rows `quotedb.store.prepare` laid out from it, after
checking the provenance of every quote, `text[start:end]`), and stores them atomically:
a failure anywhere leaves no row of that article behind. Deleting rows marks for
`settle` what they change (`quotedb.store.corpus`).

Identity: an article is its text (sha256); a position (path, locator) holds one article.
Re-reading a position that now holds other text replaces the old article's rows, unless
another file still holds that text.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import reduce
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, Engine, delete, exists, func, insert, select, update

from quotedb.model import Article, Extraction
from quotedb.store import models
from quotedb.store.bulk import insert_rows

# Bumped when what the writer stores for the same extraction changes: re-parses everything.
STORE_VERSION = "6"
from quotedb.store.corpus import remove_orphan_speakers, settle, unsettle_article, unsettle_speaker, unsettle_surnames
from quotedb.store.identity import better_name, shown_name, speaker_key
from quotedb.store.prepare import InvalidExtraction, Prepared, check_extraction, prepare, speaker_name

__all__ = ["FileState", "InvalidExtraction", "Prepared", "Writer", "Written", "check_extraction", "prepare", "speaker_name"]

A = models.Article.__table__
SRC = models.ArticleSource.__table__
FILES = models.SourceFile.__table__
SPK = models.Speaker.__table__
ROLES = models.Role.__table__
EVT = models.Event.__table__
AEV = models.ArticleEvent.__table__
Q = models.Quote.__table__
ALIAS = models.SpeakerAlias.__table__

Status = Literal["added", "updated", "unchanged"]


@dataclass(frozen=True, slots=True)
class Written:
    status: Status
    article_id: int
    quotes: int


@dataclass(frozen=True, slots=True)
class FileState:
    """What the file system says about a file, to decide whether to read it again."""

    path: str
    size: int
    mtime: float
    sha256: str | None = None

    @classmethod
    def of(cls, path: str | Path) -> FileState:
        stat = os.stat(path)
        return cls(str(path), stat.st_size, stat.st_mtime)

    def hashed(self) -> FileState:
        if self.sha256 is not None:
            return self
        digest = hashlib.sha256()
        with open(self.path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return FileState(self.path, self.size, self.mtime, digest.hexdigest())


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Writer:
    """The only code that writes articles; build and any parallel runner go through it.

    Inside `batch`, the statements run on the raw sqlite3 connection of one open
    transaction, each unit in its own SAVEPOINT, and the ids of corpus-wide speakers and
    events found or made are remembered, so most articles cost only their inserts.
    """

    def __init__(self, engine: Engine, parser_version: str) -> None:
        self.engine = engine
        self.parser_version = parser_version
        self._batch: Connection | None = None
        self._speakers: dict[tuple[str, str], list] = {}
        self._speakers_complete = False
        self._remembered = False
        self._events: dict[tuple[str, str | None], int] = {}
        self._pending: _Pending | None = None

    # --- transactions ----------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many articles per transaction, for speed; each is still all-or-nothing.

        Inside, every unit of work runs in a SAVEPOINT of one open transaction, so a failing
        article rolls back alone; `commit` makes the work so far durable. The engine must
        begin transactions explicitly (`make_engine(..., bulk=True)`) for SAVEPOINTs to nest.
        """
        with self._reading() as conn:
            conn.begin()
            self._batch = conn
            self._forget_ids()
            try:
                yield
                conn.commit()
            finally:
                self._batch = None
                self._forget_ids()
                if conn.in_transaction():
                    conn.rollback()

    def commit(self) -> None:
        if self._batch is not None:
            self._batch.commit()
            self._batch.begin()

    def _forget_ids(self) -> None:
        self._speakers.clear()
        self._speakers_complete = False
        self._remembered = False
        self._events.clear()

    def _remember_speakers(self, db) -> None:
        """Read every corpus-wide speaker when there are few: then a name not remembered
        is new, and needs no query."""
        self._remembered = True
        count = db.execute("SELECT count(*) FROM speakers WHERE article_id IS NULL").fetchone()[0]
        if count > _MAX_REMEMBERED // 4:
            return
        for speaker_id, name, kind, key in db.execute(
            "SELECT id, name, kind, name_key FROM speakers WHERE article_id IS NULL ORDER BY id"
        ):
            self._speakers.setdefault((key, kind), [speaker_id, name, None])
        self._speakers_complete = True

    @contextmanager
    def _unit(self) -> Iterator[Connection]:
        """One all-or-nothing unit: its own transaction, or a SAVEPOINT inside a batch."""
        if self._batch is None:
            try:
                with self.engine.begin() as conn:
                    yield conn
            finally:
                self._forget_ids()
            return
        db = raw(self._batch)
        db.execute("SAVEPOINT unit")
        try:
            yield self._batch
        except BaseException:
            db.execute("ROLLBACK TO unit")
            db.execute("RELEASE unit")
            self._forget_ids()
            raise
        db.execute("RELEASE unit")

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        if self._batch is None:
            with self.engine.connect() as conn:
                yield conn
        else:
            yield self._batch

    # --- files -----------------------------------------------------------------------

    def file_is_current(self, state: FileState) -> bool:
        """Loaded completely before by this parser version, and the bytes are the same.

        Size and mtime unchanged is taken as unchanged without reading the file; otherwise
        the bytes are hashed (a touched but identical file is still current).
        """
        with self._reading() as conn:
            row = conn.execute(select(FILES).where(FILES.c.path == state.path)).first()
        if row is None or row.parser_version != self.parser_version:
            return False
        if row.size == state.size and row.mtime == state.mtime:
            return True
        if row.size != state.size or row.sha256 != state.hashed().sha256:
            return False
        with self._unit() as conn:
            conn.execute(update(FILES).where(FILES.c.id == row.id).values(mtime=state.mtime))
        return True

    def articles_in_file(self, path: str) -> int:
        with self._reading() as conn:
            return conn.execute(select(func.count()).select_from(SRC).where(SRC.c.path == path)).scalar_one()

    def finish_file(self, state: FileState, seen_locators: set[str] | None, articles: int | None = None) -> int:
        """Forget positions the file no longer has, then record it as loaded.

        Call only after a file was read without errors. Returns how many articles were
        removed (those no other file holds); each removal is its own transaction.
        `seen_locators` None means the file had no positions before this read (nothing can
        be stale), so a first build of a huge file need not hold its locators in memory;
        `articles` then gives how many it holds.
        """
        removed = 0 if seen_locators is None else self._drop_positions(state.path, keep=seen_locators)
        values = dict(
            size=state.size,
            mtime=state.mtime,
            sha256=state.hashed().sha256,
            parser_version=self.parser_version,
            articles=len(seen_locators) if articles is None else articles,
            loaded_at=now(),
        )
        with self._unit() as conn:
            done = conn.execute(update(FILES).where(FILES.c.path == state.path).values(**values))
            if done.rowcount == 0:
                conn.execute(insert(FILES).values(path=state.path, **values))
        return removed

    def settle(self, *, full: bool = False) -> None:
        """Corpus-wide identity (surname-only speakers, folded quotations), in one transaction:
        only what this build's changes touch, or the whole corpus with `full`."""
        self._forget_ids()
        with self._unit() as conn:
            settle(conn, full=full)
        self._forget_ids()

    def unsettled_quotes(self, article_id: int) -> int:
        """Quotes of the article that no settle has seen yet (in no quotation): those a
        build killed before its settle left behind, which the rerun finds unchanged."""
        with self._reading() as conn:
            return raw(conn).execute(
                "SELECT count(*) FROM quotes WHERE article_id = ? AND quotation_id IS NULL", (article_id,)
            ).fetchone()[0]

    def known_files(self) -> list[str]:
        with self._reading() as conn:
            return list(conn.execute(select(FILES.c.path)).scalars())

    def forget_file(self, path: str) -> int:
        """A file is gone: drop its positions and the articles no other file holds."""
        removed = self._drop_positions(path, keep=set())
        with self._unit() as conn:
            conn.execute(delete(FILES).where(FILES.c.path == path))
        return removed

    def _drop_positions(self, path: str, keep: set[str]) -> int:
        """Delete the file's positions not in `keep`, and each article left with none."""
        with self._reading() as conn:
            stale = conn.execute(
                select(SRC.c.id, SRC.c.article_id, SRC.c.locator).where(SRC.c.path == path)
            ).all()
        removed = 0
        for row in stale:
            if row.locator in keep:
                continue
            with self._unit() as conn:
                conn.execute(delete(SRC).where(SRC.c.id == row.id))
                removed += self._delete_if_orphan(conn, row.article_id)
        return removed

    # --- articles --------------------------------------------------------------------

    def is_current(self, article: Article) -> bool:
        """The same text is stored and was extracted by this parser version."""
        with self._reading() as conn:
            row = raw(conn).execute("SELECT parser_version FROM articles WHERE sha256 = ?", (article.sha256,)).fetchone()
        return row is not None and row[0] == self.parser_version

    def record_unchanged(self, article: Article) -> Written:
        """Note one more place a current article was seen, without touching its rows."""
        with self._unit() as conn:
            return self._record(conn, article)

    def write(self, article: Article, extraction: Extraction | Prepared) -> Written:
        """Store one article and everything extracted from it, in one transaction.

        Takes the extraction, or what `prepare` made of it (in a build worker)."""
        prepared = extraction if isinstance(extraction, Prepared) else prepare(article, extraction)
        with self._unit() as conn:
            return self._write(conn, article, prepared)

    def write_all(self, items: list[tuple[Article, Prepared | None]]) -> list[Written | Exception]:
        """Store many articles in input order, each all-or-nothing; None records an unchanged one.

        In a batch they go in together: one SAVEPOINT, and one INSERT for all their quotes
        and one for all their aliases. The full-text index flushes its pending terms at
        every savepoint and statement, so per article that cost more than the rows. If
        anything fails, the group is rolled back and each article is written again in its
        own SAVEPOINT, so only the failing ones are lost (returned as their exception).
        """
        if self._batch is None or len(items) < 2:
            return [self._protected(article, prepared) for article, prepared in items]
        db = raw(self._batch)
        db.execute("SAVEPOINT grouped")
        self._pending = pending = _Pending()
        try:
            done = [
                self._write(self._batch, article, prepared) if prepared is not None else self._record(self._batch, article)
                for article, prepared in items
            ]
            pending.flush(db)
        except Exception:
            self._pending = None
            db.execute("ROLLBACK TO grouped")
            db.execute("RELEASE grouped")
            self._forget_ids()
            return [self._protected(article, prepared) for article, prepared in items]
        finally:
            self._pending = None
        db.execute("RELEASE grouped")
        return done

    def _protected(self, article: Article, prepared: Prepared | None) -> Written | Exception:
        try:
            return self.record_unchanged(article) if prepared is None else self.write(article, prepared)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the others
            return exc

    def _record(self, conn: Connection, article: Article) -> Written:
        db = raw(conn)
        article_id = db.execute("SELECT id FROM articles WHERE sha256 = ?", (article.sha256,)).fetchone()[0]
        self._place(conn, article, article_id)
        return Written("unchanged", article_id, self._quote_count(db, article_id))

    def _quote_count(self, db, article_id: int) -> int:
        stored = db.execute("SELECT count(*) FROM quotes WHERE article_id = ?", (article_id,)).fetchone()[0]
        return stored + (self._pending.counts.get(article_id, 0) if self._pending is not None else 0)

    def _write(self, conn: Connection, article: Article, prepared: Prepared) -> Written:
        db = raw(conn)
        row = db.execute("SELECT id, parser_version FROM articles WHERE sha256 = ?", (article.sha256,)).fetchone()
        if row is not None and row[1] == self.parser_version:
            self._place(conn, article, row[0])
            return Written("unchanged", row[0], self._quote_count(db, row[0]))
        values = self._article_values(article)
        if row is not None:
            article_id = row[0]
            self._clear_extraction(conn, article_id)
            conn.execute(update(A).where(A.c.id == article_id).values(**values))
            status: Status = "updated"
        else:
            article_id = db.execute(_INSERT_ARTICLE, (article.sha256, *values.values())).lastrowid
            status = "added"
        replaced = self._place(conn, article, article_id)
        if replaced:
            status = "updated"
        count = self._insert_extraction(conn, article, article_id, prepared)
        return Written(status, article_id, count)

    def _article_values(self, article: Article) -> dict:
        meta = article.meta
        return dict(
            origin=article.origin,
            locator=article.locator,
            title=meta.title,
            published=meta.published,
            source=meta.source,
            author=meta.author,
            section=meta.section,
            url=meta.url,
            text=article.text,
            parser_version=self.parser_version,
            loaded_at=now(),
        )

    def _place(self, conn: Connection, article: Article, article_id: int) -> bool:
        """Point (origin, locator) at the article; True if it held another article before."""
        locator = article.locator or ""
        db = raw(conn)
        previous = db.execute(
            "SELECT id, article_id FROM article_sources WHERE path = ? AND locator = ?", (article.origin, locator)
        ).fetchone()
        if previous is None:
            db.execute(
                "INSERT INTO article_sources (path, locator, article_id) VALUES (?, ?, ?)",
                (article.origin, locator, article_id),
            )
            return False
        if previous[1] == article_id:
            return False
        db.execute("UPDATE article_sources SET article_id = ? WHERE id = ?", (article_id, previous[0]))
        self._delete_if_orphan(conn, previous[1])
        return True

    def _delete_if_orphan(self, conn: Connection, article_id: int) -> int:
        held = conn.execute(select(exists().where(SRC.c.article_id == article_id))).scalar()
        if held:
            return 0
        self._clear_extraction(conn, article_id)
        conn.execute(delete(A).where(A.c.id == article_id))
        return 1

    def _clear_extraction(self, conn: Connection, article_id: int) -> None:
        """Delete the article's extracted rows, and mark for `settle` what that changes."""
        db = raw(conn)
        if self._pending is not None:
            self._pending.flush(db)
        unsettle_article(db, article_id)
        speaker_ids = set(conn.execute(select(Q.c.speaker_id).where(Q.c.article_id == article_id)).scalars())
        speaker_ids |= set(conn.execute(select(ROLES.c.speaker_id).where(ROLES.c.article_id == article_id)).scalars())
        event_ids = set(conn.execute(select(Q.c.event_id).where(Q.c.article_id == article_id)).scalars())
        event_ids |= set(conn.execute(select(AEV.c.event_id).where(AEV.c.article_id == article_id)).scalars())
        speaker_ids.discard(None)
        event_ids.discard(None)
        unsettle_surnames(db, speaker_ids)
        remembered = self._keys_of(db, "speakers", "name_key, kind", speaker_ids) if self._speakers else {}
        remembered |= self._keys_of(db, "events", "name_key, date", event_ids) if self._events else {}
        conn.execute(delete(Q).where(Q.c.article_id == article_id))
        conn.execute(delete(ROLES).where(ROLES.c.article_id == article_id))
        conn.execute(delete(ALIAS).where(ALIAS.c.article_id == article_id))
        conn.execute(delete(AEV).where(AEV.c.article_id == article_id))
        conn.execute(delete(SPK).where(SPK.c.article_id == article_id))
        remove_orphan_speakers(conn, speaker_ids)
        self._rename_from_remaining(db, speaker_ids)
        if event_ids:
            conn.execute(
                delete(EVT).where(
                    EVT.c.id.in_(event_ids),
                    ~exists().where(Q.c.event_id == EVT.c.id),
                    ~exists().where(AEV.c.event_id == EVT.c.id),
                )
            )
        for (table, row_id), key in remembered.items():
            if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is None:
                cache = self._speakers if table == "speakers" else self._events
                if key in cache and (cache[key] if table == "events" else cache[key][0]) == row_id:
                    del cache[key]

    def _rename_from_remaining(self, db, speaker_ids: set[int]) -> None:
        """Corpus-wide speakers show the best spelling their remaining quotes give: removing
        the article that gave a better one undoes it, as a fresh build would."""
        for chunk in _chunks(sorted(speaker_ids)):
            rows = db.execute(
                f"SELECT id, name, kind, name_key FROM speakers WHERE article_id IS NULL AND id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            for speaker_id, name, kind, key in rows:
                forms = [
                    shown_name(form, kind)
                    for (form,) in db.execute(
                        "SELECT DISTINCT speaker_name FROM quotes WHERE speaker_id = ? AND speaker_name IS NOT NULL", (speaker_id,)
                    )
                    if speaker_key(form, kind) == key
                ]
                best = reduce(better_name, forms) if forms else name
                if best != name:
                    db.execute("UPDATE speakers SET name = ? WHERE id = ?", (best, speaker_id))
                    unsettle_speaker(db, speaker_id)
                    if (known := self._speakers.get((key, kind))) is not None and known[0] == speaker_id:
                        known[1] = best

    @staticmethod
    def _keys_of(db, table: str, columns: str, ids: set[int]) -> dict:
        """(table, id) -> the key the writer remembers the row by, for rows that may be deleted."""
        keys = {}
        for chunk in _chunks(list(ids)):
            for row_id, *key in db.execute(
                f"SELECT id, {columns} FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk
            ):
                keys[(table, row_id)] = tuple(key)
        return keys

    def _insert_extraction(self, conn: Connection, article: Article, article_id: int, prepared: Prepared) -> int:
        db = raw(conn)
        pending = self._pending
        events = [self._event_id(db, article_id, *event) for event in prepared.events]
        local: dict[tuple[str, str], list] = {}
        found = [self._speaker(db, article_id, local, *speaker) for speaker in prepared.speakers]
        speakers = [known[0] for known in found]
        # The names quotes_view shows, as the rows hold them now (quotes_names_ai corrects
        # any that a later article of the group changes before the quotes go in).
        named = [(known[1], speaker[1]) for known, speaker in zip(found, prepared.speakers)]
        roles = []
        for s, title, organization, place in prepared.roles:
            if pending is not None:
                role_id = pending.next_id(db, "roles")
                pending.roles.append((role_id, speakers[s], article_id, title, organization, place))
            else:
                role_id = db.execute(_INSERT_ROLE, (None, speakers[s], article_id, title, organization, place)).lastrowid
            roles.append(role_id)
        meta = article.meta
        published = meta.published
        shown = (meta.title, meta.source, meta.url)
        nobody = (None, None)
        rows = [
            (
                article_id,
                None if s is None else speakers[s],
                name,
                alone,
                None if r is None else roles[r],
                None if e is None else events[e],
                *rest,
                published,
                *(nobody if s is None else named[s]),
                *(nobody if r is None else prepared.roles[r][1:3]),
                None if e is None else prepared.events[e][0],
                *shown,
            )
            for s, name, alone, r, e, *rest in prepared.quotes
        ]
        aliases = sorted((speakers[s], article_id, alias) for s, alias in prepared.aliases)
        if pending is not None:
            pending.add(article_id, rows, aliases)
        else:
            insert_rows(db, _INSERT_QUOTE, rows)
            insert_rows(db, _INSERT_ALIAS, aliases)
        return len(rows)

    def _event_id(self, db, article_id: int, name: str, kind, location, date, organizer, key: str) -> int:
        event_id = self._events.get((key, date))
        if event_id is None:
            found = db.execute("SELECT id FROM events WHERE name_key = ? AND date IS ?", (key, date)).fetchone()
            if found is None:
                event_id = db.execute(
                    "INSERT INTO events (name, kind, location, date, organizer, name_key) VALUES (?, ?, ?, ?, ?, ?)",
                    (name, kind, location, date, organizer, key),
                ).lastrowid
            else:
                event_id = found[0]
            if self._batch is not None:
                self._events[(key, date)] = event_id
        db.execute("INSERT OR IGNORE INTO article_events (article_id, event_id) VALUES (?, ?)", (article_id, event_id))
        return event_id

    def _speaker(self, db, article_id: int, local: dict, key: str, kind: str, shown: str, wide: bool) -> list:
        """The speaker row for a name, as [id, shown name, pending row or None]: shared
        across the corpus for persons and organizations, private to the article for groups
        and unnamed roles (found in `local`, as the article's earlier rows were deleted or it
        is new). Created when missing; a person's shown name takes the best-written spelling
        seen."""
        pending = self._pending
        if wide and not self._remembered and self._batch is not None:
            self._remember_speakers(db)
        known = (self._speakers.get((key, kind)) if wide else None) or local.get((key, kind))
        if known is None and wide and not self._speakers_complete:
            # `+article_id`: without it SQLite searched ix_speakers_article_id, which holds
            # every corpus-wide speaker under NULL (43 ms a lookup at 172,000 speakers, most
            # of a load into a million quotes), instead of ix_speakers_name_key (0.2 ms).
            found = db.execute(
                "SELECT id, name FROM speakers WHERE name_key = ? AND kind = ? AND +article_id IS NULL", (key, kind)
            ).fetchone()
            if found is not None:
                known = [*found, None]
        if known is None:
            values = (shown, kind, key, None if wide else article_id)
            if pending is not None:
                row = [pending.next_id(db, "speakers"), *values]
                pending.speakers.append(row)
            else:
                row = None
                speaker_id = db.execute(_INSERT_SPEAKER, (None, *values)).lastrowid
            known = [row[0] if row else speaker_id, shown, row]
        elif (better := better_name(known[1], shown)) != known[1]:
            if known[2] is not None and pending is not None and known[2] in pending.speakers:
                known[2][1] = better
            else:
                db.execute("UPDATE speakers SET name = ? WHERE id = ?", (better, known[0]))
                unsettle_speaker(db, known[0])
            known[1] = better
        if wide and self._batch is not None:
            if len(self._speakers) >= _MAX_REMEMBERED:
                self._speakers.clear()
                self._speakers_complete = False
            self._speakers[(key, kind)] = known
        elif not wide:
            local[(key, kind)] = known
        return known


class _Pending:
    """New speaker, role, quote and alias rows of a group of articles, inserted together at
    its end. Speakers and roles are given their ids here, as SQLite would give them (one
    more than the largest), so that quotes can refer to them before they are inserted."""

    def __init__(self) -> None:
        self.speakers: list[list] = []
        self.roles: list[tuple] = []
        self.quotes: list[tuple] = []
        self.aliases: list[tuple] = []
        self.counts: dict[int, int] = {}
        self._last: dict[str, int] = {}

    def next_id(self, db, table: str) -> int:
        if table not in self._last:
            self._last[table] = db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        self._last[table] += 1
        return self._last[table]

    def add(self, article_id: int, quotes: list[tuple], aliases: list[tuple]) -> None:
        self.quotes += quotes
        self.aliases += aliases
        self.counts[article_id] = self.counts.get(article_id, 0) + len(quotes)

    def flush(self, db) -> None:
        """Insert what is pending; the next ids are read again (deletions may follow)."""
        insert_rows(db, _INSERT_SPEAKER, self.speakers)
        insert_rows(db, _INSERT_ROLE, self.roles)
        insert_rows(db, _INSERT_QUOTE, self.quotes)
        insert_rows(db, _INSERT_ALIAS, self.aliases)
        self.speakers, self.roles, self.quotes, self.aliases, self.counts = [], [], [], [], {}
        self._last.clear()


def _insert(table: str, columns: str) -> str:
    """INSERT INTO table (columns) VALUES (?, ...), one placeholder a column."""
    return f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(columns.split(',')))})"


_INSERT_ARTICLE = _insert(
    "articles", "sha256, origin, locator, title, published, source, author, section, url, text, parser_version, loaded_at"
)
_INSERT_ROLE = _insert("roles", "id, speaker_id, article_id, title, organization, place")
_INSERT_SPEAKER = _insert("speakers", "id, name, kind, name_key, article_id")
# Corpus-wide speakers remembered by a batch before it forgets them all (flat memory:
# ~350 bytes each, so 50,000 hold ~18 MB; one not remembered costs an indexed lookup).
_MAX_REMEMBERED = 50_000
_INSERT_QUOTE = _insert(
    "quotes",
    'article_id, speaker_id, speaker_name, surname_only, role_id, event_id, text, kind, start, "end", paragraph, cue, '
    "speaker_mention, mention_start, mention_end, confidence, rule, published, "
    "speaker, speaker_kind, role, organization, event, article_title, source, url",
)
_INSERT_ALIAS = _insert("speaker_aliases", "speaker_id, article_id, alias")


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def raw(conn: Connection):
    """The sqlite3 connection under `conn`, in the same transaction: the per-article
    statements run there, as SQLAlchemy's per-statement overhead was most of a build."""
    return conn.connection.driver_connection

