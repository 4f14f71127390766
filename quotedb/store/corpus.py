"""Corpus-wide identity, settled after the articles are stored: order-independent.

Two things cannot be decided one article at a time, because the answer depends on the
rest of the corpus:

- a surname-only speaker ("Mensah said") is the one known person of that surname, or
  stays unresolved (and marked so) when there is none or more than one;
- the same quote reported by several articles, or shortened in one of them, is one
  quotation.

`settle(conn)` brings both up to date with the stored rows, so the result never depends
on the order in which files were read, and running it twice changes nothing. It is
incremental: it settles only what changed since the last settle, and gives the rows a
full pass (`full=True`) gives. What changed is kept in the database itself, so an
interrupted build is settled by the next one:

- a quote not yet in a quotation has `quotation_id` NULL (the writer inserts it so);
- a quotation whose members changed otherwise (a quote deleted or moved to another
  speaker, a speaker renamed, a person of a surname deleted) has `occurrences` 0, which
  a settled quotation never has (`unsettle_*` below mark them).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, delete, exists

from quotedb.store import models
from quotedb.store.identity import display_name, fold, is_surname_only, name_key, surname

SPK = models.Speaker.__table__
ALIAS = models.SpeakerAlias.__table__
ROLES = models.Role.__table__
Q = models.Quote.__table__

AMBIGUOUS = "ambiguous surname"
SURNAME_ONLY = "surname only"
# A shortened quote folds into a longer one only when it has this many words; shorter
# fragments ("we will") occur inside too many unrelated quotes.
MIN_FOLD_WORDS = 5
_PROBE = 4
# quotations.occurrences of a quotation to settle again
UNSETTLED = 0
_CHUNK = 500

_TOUCHED_QUOTES = (
    "quotation_id IS NULL",
    f"quotation_id IN (SELECT id FROM quotations WHERE occurrences = {UNSETTLED})",
)


def _db(conn):
    """The sqlite3 connection under a SQLAlchemy one (same transaction), or itself."""
    return conn.connection.driver_connection if isinstance(conn, Connection) else conn


def _chunks(items: Iterable, size: int = _CHUNK):
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --- marking what changed (called by the writer) ---------------------------------------


def unsettle_article(db, article_id: int) -> None:
    """The article's quotes are about to go: their quotations must be settled again."""
    db.execute(
        f"UPDATE quotations SET occurrences = {UNSETTLED} WHERE occurrences != {UNSETTLED} AND id IN "
        "(SELECT quotation_id FROM quotes WHERE article_id = ?)",
        (article_id,),
    )


def unsettle_speaker(db, speaker_id: int) -> None:
    """The speaker's shown name changed: the quotations listing it must be settled again."""
    db.execute(
        f"UPDATE quotations SET occurrences = {UNSETTLED} WHERE occurrences != {UNSETTLED} AND id IN "
        "(SELECT quotation_id FROM quotes WHERE speaker_id = ?)",
        (speaker_id,),
    )


def unsettle_surnames(db, speaker_ids: Iterable[int]) -> None:
    """Persons that may lose the quotes naming them: their surname is settled again (the
    quotes at them, and those at the surname's own row)."""
    keys = set()
    for ids in _chunks(speaker_ids):
        marks = ", ".join("?" * len(ids))
        persons = f"kind = 'person' AND article_id IS NULL AND id IN ({marks})"
        keys.update(surname(key) for (key,) in db.execute(f"SELECT name_key FROM speakers WHERE {persons}", ids))
        db.execute(
            f"UPDATE quotations SET occurrences = {UNSETTLED} WHERE occurrences != {UNSETTLED} AND id IN (SELECT quotation_id FROM quotes "
            f"WHERE speaker_id IN (SELECT id FROM speakers WHERE {persons}))",
            ids,
        )
    keys.discard(None)
    for key in keys:
        db.execute(
            f"UPDATE quotations SET occurrences = {UNSETTLED} WHERE occurrences != {UNSETTLED} AND id IN (SELECT quotation_id FROM quotes "
            "WHERE speaker_id IN (SELECT id FROM speakers WHERE name_key = ? AND kind = 'person' "
            "AND article_id IS NULL))",
            (key,),
        )


# --- settling ---------------------------------------------------------------------------


def settle(conn, *, full: bool = False) -> None:
    """Settle what changed since the last settle (or, with `full`, the whole corpus)."""
    db = _db(conn)
    if full:
        db.execute(f"UPDATE quotations SET occurrences = {UNSETTLED}")
    sources = settle_surnames(db, None if full else _touched_surnames(db))
    if full:
        remove_orphan_speakers(db)
    else:
        remove_orphan_speakers(db, sources)
    fold_quotations(db)


def _touched_surnames(db) -> set[str]:
    keys: set[str] = set()
    for where in _TOUCHED_QUOTES:
        keys.update(
            key
            for (key,) in db.execute(
                "SELECT DISTINCT name_key FROM speakers WHERE kind = 'person' AND article_id IS NULL AND id IN "
                f"(SELECT speaker_id FROM quotes WHERE {where})"
            )
        )
    return {key if is_surname_only(key) else surname(key) for key in keys} - {None}


def settle_surnames(conn, only: set[str] | None = None) -> set[int]:
    """Point every surname-only quote at the one person of that surname, if there is one.

    `only` limits the work to those surnames (the others are already settled). Returns
    the speakers that quotes left, which may now be orphans.
    """
    db = _db(conn)
    by_surname: dict[str, list[int]] = defaultdict(list)
    surname_rows: dict[str, int] = {}
    for speaker_id, key in db.execute(
        "SELECT id, name_key FROM speakers WHERE kind = 'person' AND article_id IS NULL ORDER BY id"
    ):
        if is_surname_only(key):
            if only is None or key in only:
                surname_rows[key] = speaker_id
        elif (last := surname(key)) and (only is None or last in only):
            by_surname[last].append(speaker_id)

    if only is None:
        stated = db.execute(
            "SELECT DISTINCT q.article_id, q.speaker_id, q.speaker_name FROM quotes q "
            "JOIN speakers s ON s.id = q.speaker_id "
            "WHERE s.kind = 'person' AND s.article_id IS NULL AND q.speaker_name IS NOT NULL"
        ).fetchall()
    else:
        ids = [*surname_rows.values(), *(i for group in by_surname.values() for i in group)]
        stated = []
        for chunk in _chunks(ids):
            stated += db.execute(
                "SELECT DISTINCT article_id, speaker_id, speaker_name FROM quotes "
                f"WHERE speaker_name IS NOT NULL AND speaker_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
    # A person is known while a quote names them in full; the surname-only quotes moved to
    # them do not keep them known (a fresh build of the same files would not have them).
    keys = {name: name_key(name) for name in {name for _, _, name in stated}}
    named = {speaker_id for _, speaker_id, name in stated if not is_surname_only(keys[name])}
    for last, persons in by_surname.items():
        by_surname[last] = [p for p in persons if p in named]
    sources: set[int] = set()
    for article_id, current, name in stated:
        key = keys[name]
        if not is_surname_only(key) or (only is not None and key not in only):
            continue
        candidates = by_surname.get(key, [])
        if len(candidates) == 1:
            target = candidates[0]
        else:
            if key not in surname_rows:
                surname_rows[key] = db.execute(
                    "INSERT INTO speakers (name, kind, name_key) VALUES (?, 'person', ?)", (display_name(name), key)
                ).lastrowid
            target = surname_rows[key]
        if target != current:
            _move(db, article_id, current, target, name)
            sources.add(current)

    for key, speaker_id in surname_rows.items():
        known = len(by_surname.get(key, []))
        resolution = AMBIGUOUS if known > 1 else SURNAME_ONLY if known == 0 else None
        db.execute("UPDATE speakers SET resolution = ? WHERE id = ? AND resolution IS NOT ?", (resolution, speaker_id, resolution))
    return sources


def _move(db, article_id: int, source: int, target: int, name: str) -> None:
    moved = "article_id = ? AND speaker_id = ? AND speaker_name = ?"
    db.execute(
        f"UPDATE quotations SET occurrences = {UNSETTLED} WHERE occurrences != {UNSETTLED} AND id IN (SELECT quotation_id FROM quotes WHERE {moved})",
        (article_id, source, name),
    )
    db.execute(f"UPDATE quotes SET speaker_id = ? WHERE {moved}", (target, article_id, source, name))
    if db.execute("SELECT 1 FROM quotes WHERE article_id = ? AND speaker_id = ? LIMIT 1", (article_id, source)).fetchone():
        return
    db.execute("UPDATE roles SET speaker_id = ? WHERE article_id = ? AND speaker_id = ?", (target, article_id, source))
    db.execute(
        "UPDATE OR IGNORE speaker_aliases SET speaker_id = ? WHERE article_id = ? AND speaker_id = ?",
        (target, article_id, source),
    )
    db.execute("DELETE FROM speaker_aliases WHERE article_id = ? AND speaker_id = ?", (article_id, source))


def remove_orphan_speakers(conn, ids: set[int] | None = None) -> None:
    """Speakers nothing refers to any more (no quote, role or alias) are deleted."""
    if isinstance(conn, Connection):
        condition = [
            ~exists().where(Q.c.speaker_id == SPK.c.id),
            ~exists().where(ROLES.c.speaker_id == SPK.c.id),
            ~exists().where(ALIAS.c.speaker_id == SPK.c.id),
        ]
        if ids is not None:
            if not ids:
                return
            condition.append(SPK.c.id.in_(ids))
        conn.execute(delete(SPK).where(*condition))
        return
    orphan = (
        "NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = speakers.id) "
        "AND NOT EXISTS (SELECT 1 FROM roles WHERE speaker_id = speakers.id) "
        "AND NOT EXISTS (SELECT 1 FROM speaker_aliases WHERE speaker_id = speakers.id)"
    )
    if ids is None:
        conn.execute(f"DELETE FROM speakers WHERE {orphan}")
        return
    for chunk in _chunks(ids):
        conn.execute(f"DELETE FROM speakers WHERE id IN ({', '.join('?' * len(chunk))}) AND {orphan}", chunk)


@dataclass(slots=True)
class _Member:
    key: str
    quote_id: int
    text: str
    article_id: int
    speaker_id: int | None
    speaker: str | None
    published: str | None
    quotation_id: int | None


def quote_key(text: str) -> str:
    """Case, punctuation, quote marks and spacing folded."""
    return fold(text)


def _hash(root: str) -> str:
    return hashlib.sha1(root.encode("utf-8")).hexdigest()[:20]


_MEMBERS = (
    "SELECT q.id, q.text, q.article_id, q.speaker_id, s.name, a.published, q.quotation_id FROM quotes q "
    "JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id WHERE "
)
_FIELDS = ("text", "occurrences", "speaker_count", "speakers", "first_published", "last_published")


def fold_quotations(conn) -> None:
    """Bring `quotations` and `quotes.quotation_id` up to date for the quotes that changed.

    The root of a quote's key is the longest (then alphabetically first) stored key that
    contains it at word boundaries (`_fold_keys`). Only these groups can change: those
    of the changed quotes, and of keys that a new or vanished key contains. Every such key
    shares five consecutive words with a changed key, so one pass over the settled
    quotations (flat memory) finds the groups to reopen; the roots' own groups are then
    read whole. A quotation keeps its id while its key (the folded text of its longest
    form) exists, so links to it survive rebuilds.
    """
    db = _db(conn)
    members: dict[int, _Member] = {}

    def take(where: str, params=()) -> None:
        for row in db.execute(_MEMBERS + where, params):
            if row[0] not in members:
                key = quote_key(row[1])
                if key:
                    members[row[0]] = _Member(key, *row)

    for where in _TOUCHED_QUOTES:
        take("q." + where)
    opened: dict[int, str] = {
        qid: key for qid, key in db.execute(f"SELECT id, quote_key FROM quotations WHERE occurrences = {UNSETTLED}")
    }
    if not members and not opened:
        return

    settled = db.execute(f"SELECT 1 FROM quotations WHERE occurrences != {UNSETTLED} LIMIT 1").fetchone()
    windows = settled and {
        " ".join(words[i : i + MIN_FOLD_WORDS])
        for words in {m.key for m in members.values()}
        for words in [words.split()]
        if len(words) >= MIN_FOLD_WORDS
        for i in range(len(words) - MIN_FOLD_WORDS + 1)
    }
    if windows:
        for qid, quote_key_, text in db.execute(
            f"SELECT id, quote_key, text FROM quotations WHERE occurrences != {UNSETTLED}"
        ):
            root = fold(text)
            words = root.split()
            if _hash(root) != quote_key_ or any(
                " ".join(words[i : i + MIN_FOLD_WORDS]) in windows for i in range(len(words) - MIN_FOLD_WORDS + 1)
            ):
                opened[qid] = quote_key_
    for chunk in _chunks(opened):
        take(f"q.quotation_id IN ({', '.join('?' * len(chunk))})", chunk)

    # A group is recomputed from all its members: read the stored group of every root.
    while True:
        groups: dict[str, list[_Member]] = defaultdict(list)
        for member in sorted(members.values(), key=lambda m: m.quote_id):
            groups[member.key].append(member)
        root_of = _fold_keys(groups)
        wanted_keys = {_hash(root): root for root in set(root_of.values())}
        more = {}
        for chunk in _chunks(wanted_keys):
            more.update(
                db.execute(
                    f"SELECT id, quote_key FROM quotations WHERE quote_key IN ({', '.join('?' * len(chunk))})", chunk
                ).fetchall()
            )
        more = {qid: key for qid, key in more.items() if qid not in opened}
        if not more:
            break
        opened.update(more)
        for chunk in _chunks(more):
            take(f"q.quotation_id IN ({', '.join('?' * len(chunk))})", chunk)

    folded: dict[str, list[_Member]] = defaultdict(list)
    for key, group in groups.items():
        folded[root_of[key]].extend(group)

    existing = {}
    for chunk in _chunks(opened):
        for row in db.execute(
            f"SELECT id, quote_key, {', '.join(_FIELDS)} FROM quotations WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            existing[row[1]] = row
    wanted: dict[str, tuple] = {}
    members_of: dict[str, list[_Member]] = {}
    for root, group in folded.items():
        longest = max((m for m in group if m.key == root), key=lambda m: len(m.text))
        names = sorted({m.speaker for m in group if m.speaker})
        dates = sorted(m.published for m in group if m.published)
        key = _hash(root)
        wanted[key] = (
            longest.text.strip(" \t\n\"'“”‘’«»„,"),
            len({m.article_id for m in group}),
            len({m.speaker_id for m in group if m.speaker_id is not None}),
            "; ".join(names) or None,
            dates[0] if dates else None,
            dates[-1] if dates else None,
        )
        members_of[key] = group

    changed = [(*values, existing[key][0]) for key, values in wanted.items() if key in existing and values != tuple(existing[key][2:])]
    if changed:
        db.executemany(f"UPDATE quotations SET {', '.join(f'{f} = ?' for f in _FIELDS)} WHERE id = ?", changed)
    ids = {key: row[0] for key, row in existing.items()}
    # Ids given as SQLite would (one more than the largest), so that new quotations go in
    # with multi-row INSERTs: the full-text index writes out its terms once per statement.
    last = db.execute("SELECT coalesce(max(id), 0) FROM quotations").fetchone()[0]
    new = []
    for key, values in wanted.items():
        if key not in existing:
            last += 1
            ids[key] = last
            new.append((last, key, *values))
    for chunk in _chunks(new):
        one = "(" + ", ".join("?" * 8) + ")"
        db.execute(
            f"INSERT INTO quotations (id, quote_key, {', '.join(_FIELDS)}) VALUES {', '.join([one] * len(chunk))}",
            [value for row in chunk for value in row],
        )
    links = [(ids[key], m.quote_id) for key, group in members_of.items() for m in group if m.quotation_id != ids[key]]
    if links:
        db.executemany("UPDATE quotes SET quotation_id = ? WHERE id = ?", sorted(links, key=lambda link: link[1]))
    gone = [row[0] for key, row in existing.items() if key not in wanted]
    for chunk in _chunks(gone):
        marks = ", ".join("?" * len(chunk))
        db.execute(f"UPDATE quotes SET quotation_id = NULL WHERE quotation_id IN ({marks})", chunk)
        db.execute(f"DELETE FROM quotations WHERE id IN ({marks})", chunk)


def _fold_keys(groups: dict[str, list]) -> dict[str, str]:
    """Each key to its root: the longest key that contains it at word boundaries.

    Keys are folded text (words joined by single spaces). A key of MIN_FOLD_WORDS words or
    more looks up the roots holding its first `_PROBE` words; a root registers only the
    word windows that some key starts with."""
    ordered = sorted(groups, key=lambda k: (-len(k), k))
    split = {key: key.split() for key in ordered}
    join = " ".join
    starts = {join(words[:_PROBE]) for words in split.values() if len(words) >= MIN_FOLD_WORDS}
    root_of: dict[str, str] = {}
    probes: dict[str, list[str]] = defaultdict(list)
    for key in ordered:
        words = split[key]
        if len(words) < MIN_FOLD_WORDS:
            root_of[key] = key
            continue
        padded = f" {key} "
        root = key
        for candidate in probes.get(join(words[:_PROBE]), ()):
            if padded in candidate:
                root = candidate[1:-1]
                break
        root_of[key] = root
        if root == key:
            for window in starts.intersection(map(join, zip(*(words[i:] for i in range(_PROBE))))):
                probes[window].append(padded)
    return root_of
