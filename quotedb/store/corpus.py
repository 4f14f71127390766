"""Corpus-wide identity, settled after the articles are stored: order-independent.

Two things cannot be decided one article at a time, because the answer depends on the
rest of the corpus:

- a surname-only speaker ("Mensah said") is the one known person of that surname whose
  full name its own article writes (in its text: the article may name "Kwame Mensah"
  without quoting him under that name), or stays on the surname's own row, marked
  `ambiguous surname` when the corpus knows two persons or more of that surname and
  `surname only` otherwise. It is never joined to a person only other articles name: an
  article that never writes the full name may mean a Mensah the corpus has never met.
  Only a name that is a person's by its form counts (`identity.holds_surname`), and one
  that ends with another's is that person (`identity.holders`);
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
import zlib
from collections import defaultdict
from collections.abc import Iterable
from itertools import accumulate

from sqlalchemy import Connection, delete, exists

from quotedb.store import models
from quotedb.store.bulk import insert_rows
from quotedb.store.identity import display_name, fold, holders, holds_surname, is_surname_only, name_key, surname

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


def _unsettle_quotations_of(db, quotes: str, params: tuple | list) -> None:
    """Mark for the next settle the quotations of the quotes matching `quotes` (a WHERE)."""
    db.execute(
        f"UPDATE quotations SET occurrences = {UNSETTLED} WHERE occurrences != {UNSETTLED} AND id IN "
        f"(SELECT quotation_id FROM quotes WHERE {quotes})",
        params,
    )


def unsettle_article(db, article_id: int) -> None:
    """The article's quotes are about to go: their quotations must be settled again."""
    _unsettle_quotations_of(db, "article_id = ?", (article_id,))


def unsettle_speaker(db, speaker_id: int) -> None:
    """The speaker's shown name changed: the quotations listing it must be settled again."""
    _unsettle_quotations_of(db, "speaker_id = ?", (speaker_id,))


def unsettle_surnames(db, speaker_ids: Iterable[int]) -> None:
    """Persons that may lose the quotes naming them: their surname is settled again (the
    quotes at them, and those at the surname's own row)."""
    keys = set()
    for ids in _chunks(speaker_ids):
        marks = ", ".join("?" * len(ids))
        persons = f"kind = 'person' AND article_id IS NULL AND id IN ({marks})"
        keys.update(surname(key) for (key,) in db.execute(f"SELECT name_key FROM speakers WHERE {persons}", ids))
        _unsettle_quotations_of(db, f"speaker_id IN (SELECT id FROM speakers WHERE {persons})", ids)
    keys.discard(None)
    for key in keys:
        _unsettle_quotations_of(
            db, "speaker_id IN (SELECT id FROM speakers WHERE name_key = ? AND kind = 'person' AND +article_id IS NULL)", (key,)
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
    """Point every surname-only quote at the one known person of that surname whose full
    name its article writes, if there is one; else at the surname's own row.

    `only` limits the work to those surnames (the others are already settled). Returns
    the speakers that quotes left, which may now be orphans.
    """
    db = _db(conn)
    by_surname: dict[str, list[int]] = defaultdict(list)
    surname_rows: dict[str, int] = {}
    key_of: dict[int, str] = {}
    for speaker_id, key, name in db.execute(
        "SELECT id, name_key, name FROM speakers WHERE kind = 'person' AND article_id IS NULL ORDER BY id"
    ):
        if is_surname_only(key):
            if only is None or key in only:
                surname_rows[key] = speaker_id
        elif (last := surname(key)) and (only is None or last in only) and holds_surname(name):
            by_surname[last].append(speaker_id)
            key_of[speaker_id] = key

    # A person is known while a quote names them in full; the surname-only quotes moved to
    # them do not keep them known (a fresh build of the same files would not have them).
    # Both are index look-ups on (speaker_id, surname_only), not reads of their quotes.
    persons = [i for group in by_surname.values() for i in group]
    named = set()
    for chunk in _chunks(persons):
        named.update(
            speaker_id
            for (speaker_id,) in db.execute(
                f"SELECT id FROM speakers WHERE id IN ({', '.join('?' * len(chunk))}) AND EXISTS (SELECT 1 FROM quotes "
                "WHERE speaker_id = speakers.id AND surname_only = 0 AND speaker_name IS NOT NULL)",
                chunk,
            )
        )
    # Of the persons known, those whose name ends with another's are that one with a word
    # glued on ("Monday Tony Blair"): not a second holder of the surname.
    by_surname = {last: [p for p in group if p in named] for last, group in by_surname.items()}
    for last, group in by_surname.items():
        distinct = set(holders(key_of[p] for p in group))
        by_surname[last] = [p for p in group if key_of[p] in distinct]

    texts: dict[int, str] = {}

    def target(key: str, article_id: int) -> int | None:
        """Where a surname's quote belongs: the one known person of it that the quote's
        article writes in full (folded, at word boundaries), else the surname's own row."""
        group = by_surname.get(key)
        if group:
            if article_id not in texts:
                (text,) = db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
                texts.clear()
                texts[article_id] = f" {fold(text)} "
            written = [p for p in group if f" {key_of[p]} " in texts[article_id]]
            if len(written) == 1:
                return written[0]
        return surname_rows.get(key)

    if only is None:
        stated = sorted(db.execute(
            "SELECT DISTINCT q.article_id, q.speaker_id, q.speaker_name FROM quotes q "
            "JOIN speakers s ON s.id = q.speaker_id "
            "WHERE s.kind = 'person' AND s.article_id IS NULL AND q.speaker_name IS NOT NULL AND q.surname_only = 1"
        ))
    else:
        # The surname-only quotes of the surnames touched, on their row or on a person of
        # them: which article writes which full name is decided again for each.
        # Made distinct here: asked to, SQLite walks (speaker_id, article_id) instead.
        found: set[tuple] = set()
        for chunk in _chunks([*surname_rows.values(), *persons]):
            found.update(db.execute(
                "SELECT article_id, speaker_id, speaker_name FROM quotes "
                f"WHERE speaker_id IN ({', '.join('?' * len(chunk))}) AND surname_only = 1 AND speaker_name IS NOT NULL",
                chunk,
            ))
        stated = sorted(found)
    keys = {name: name_key(name) for name in {name for _, _, name in stated}}
    sources: set[int] = set()
    for article_id, current, name in stated:
        key = keys[name]
        if not is_surname_only(key) or (only is not None and key not in only):
            continue
        to = target(key, article_id)
        if to is None:
            to = surname_rows[key] = db.execute(
                "INSERT INTO speakers (name, kind, name_key) VALUES (?, 'person', ?)", (display_name(name), key)
            ).lastrowid
        if to != current:
            _move(db, article_id, current, to, name)
            sources.add(current)

    for key, speaker_id in surname_rows.items():
        known = len(by_surname.get(key, []))
        resolution = AMBIGUOUS if known > 1 else SURNAME_ONLY
        db.execute("UPDATE speakers SET resolution = ? WHERE id = ? AND resolution IS NOT ?", (resolution, speaker_id, resolution))
    return sources


def _move(db, article_id: int, source: int, target: int, name: str) -> None:
    moved = "article_id = ? AND speaker_id = ? AND speaker_name = ?"
    _unsettle_quotations_of(db, moved, (article_id, source, name))
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


def quote_key(text: str) -> str:
    """Case, punctuation, quote marks and spacing folded."""
    return fold(text)


def _hash(root: str) -> str:
    return hashlib.sha1(root.encode("utf-8")).hexdigest()[:20]


def _windows(key: str) -> set[int]:
    """The hashed five-word windows of a folded key (none below MIN_FOLD_WORDS words).

    A folded key has single spaces between words, so each window is a slice of its bytes."""
    data = key.encode("utf-8")
    words = data.split(b" ")
    if len(words) < MIN_FOLD_WORDS:
        return set()
    ends = list(accumulate(len(word) + 1 for word in words))
    starts = [0, *ends]
    crc32 = zlib.crc32
    return {crc32(data[starts[i] : ends[i + MIN_FOLD_WORDS - 1] - 1]) for i in range(len(words) - MIN_FOLD_WORDS + 1)}


def _insert_windows(db, rows: list[tuple[int, int]]) -> None:
    insert_rows(db, "INSERT OR IGNORE INTO quotation_windows (window, quotation_id) VALUES (?, ?)", rows)


WINDOWED = "windowed_through"


def _windowed(db) -> int:
    row = db.execute("SELECT value FROM settle_state WHERE name = ?", (WINDOWED,)).fetchone()
    return row[0] if row else 0


def _window_all(db, after: int = 0) -> int:
    """Write the windows of every quotation with an id above `after`, a page of them at a
    time, and say so; returns the id they are now written up to."""
    last = after
    while page := db.execute("SELECT id, text FROM quotations WHERE id > ? ORDER BY id LIMIT 5000", (last,)).fetchall():
        _insert_windows(db, [(window, quotation_id) for quotation_id, text in page for window in _windows(quote_key(text))])
        last = page[-1][0]
    db.execute(
        "INSERT INTO settle_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (WINDOWED, last),
    )
    return last


def index_windows(conn) -> None:
    """Index the windows of every stored quotation (for a migration, or a repair)."""
    db = _db(conn)
    db.execute("DELETE FROM quotation_windows")
    _window_all(db)


_FIELDS = ("text", "occurrences", "speaker_count", "speakers", "first_published", "last_published")


def fold_quotations(conn) -> None:
    """Bring `quotations` and `quotes.quotation_id` up to date for the quotes that changed.

    The root of a quote's key is the longest (then alphabetically first) stored key that
    contains it at word boundaries (`_fold_keys`). Only the groups of the changed quotes
    can change, and those of stored keys sharing five consecutive words with a changed key:
    `quotation_windows` finds them. Such a quotation is read whole (as its distinct texts)
    only when a new key outranks its root, so that its quotes may fold into another; else
    its root stands for it, the new quotes that fold into it are added to its counts, and a
    quote repeated ten thousand times costs nothing more. A quotation keeps its id while
    its key (the folded text of its longest form) exists, so links to it survive rebuilds.
    """
    db = _db(conn)
    # text -> (id, article, speaker id, speaker name, date) of each quote not in a quotation
    loose: dict[str, list[tuple]] = defaultdict(list)
    for quote_id, text, *rest in db.execute(_LOOSE):
        loose[text].append((quote_id, *rest))
    opened: dict[int, str] = dict(db.execute(f"SELECT id, quote_key FROM quotations WHERE occurrences = {UNSETTLED}"))
    if not loose and not opened:
        return
    key_of = {text: quote_key(text) for text in loose}
    new_keys = {key for key in key_of.values() if key}
    held: dict[int, set[str]] = {}  # quotations read whole: their distinct texts
    kept: dict[int, tuple] = {}  # quotations standing for their quotes: (root, stored row)

    def read(ids: Iterable[int]) -> None:
        for chunk in _chunks(sorted(ids)):
            for quotation_id in chunk:
                held.setdefault(quotation_id, set())
                kept.pop(quotation_id, None)
            for quotation_id, text in db.execute(
                f"SELECT DISTINCT quotation_id, text FROM quotes WHERE quotation_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ):
                held[quotation_id].add(text)
                if text not in key_of:
                    key_of[text] = quote_key(text)

    def stand(ids: Iterable[int], best: dict[int, str]) -> None:
        """Open stored quotations: read whole if a new key outranks their root, else kept."""
        whole = []
        for chunk in _chunks(sorted(set(ids) - opened.keys())):
            for row in db.execute(f"SELECT id, quote_key, {', '.join(_FIELDS)} FROM quotations WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
                opened[row[0]] = row[1]
                root = quote_key(row[2])
                if (better := best.get(row[0])) is not None and _rank(better) < _rank(root):
                    whole.append(row[0])
                else:
                    kept[row[0]] = (root, row)
        read(whole)

    read(list(opened))
    windowed = _windowed(db)
    settled = db.execute(f"SELECT 1 FROM quotations WHERE occurrences != {UNSETTLED} LIMIT 1").fetchone()
    if settled:
        windowed = _window_all(db, windowed)
        # The best-ranked new key sharing a window with each stored quotation, looked up a
        # few hundred keys at a time (keys of quotations read whole take part too: their
        # quotes may fold into others).
        best: dict[int, str | None] = {}
        # A new key that is already the root of a quotation changes no fold: it joins it.
        known, hashed = [], {_hash(key): key for key in new_keys}
        for chunk in _chunks(sorted(hashed)):
            for qid, key in db.execute(f"SELECT id, quote_key FROM quotations WHERE quote_key IN ({', '.join('?' * len(chunk))})", chunk):
                known.append(qid)
                del hashed[key]
        changed = sorted((set(hashed.values()) | {key_of[t] for texts in held.values() for t in texts}) - {""})
        for keys in _chunks(changed, 200):
            by_window: dict[int, str | None] = {}
            for key in keys:
                new = key in new_keys
                for window in _windows(key):
                    other = by_window.get(window)
                    if new and (other is None or _rank(key) < _rank(other)):
                        by_window[window] = key
                    else:
                        by_window.setdefault(window, None)
            for chunk in _chunks(list(by_window)):
                for window, quotation_id in db.execute(
                    f"SELECT window, quotation_id FROM quotation_windows WHERE window IN ({', '.join('?' * len(chunk))})",
                    chunk,
                ):
                    key, other = by_window[window], best.get(quotation_id)
                    if other is None or (key is not None and _rank(key) < _rank(other)):
                        best[quotation_id] = key
        stand([*best, *known], best)

    while True:
        roots = [root for root, _ in kept.values()]
        keys = [key for key in dict.fromkeys([*key_of.values(), *roots]) if key]
        root_of = _fold_keys(keys)
        moved = [qid for qid, (root, _) in kept.items() if root_of[root] != root]
        if moved:
            read(moved)
            continue
        digest = {root: _hash(root) for root in sorted(set(root_of.values()))}
        wanted = {hashed: root for root, hashed in digest.items()}
        unopened = sorted(set(wanted) - set(opened.values()))
        more = [
            qid
            for chunk in _chunks(unopened)
            for (qid,) in db.execute(f"SELECT id FROM quotations WHERE quote_key IN ({', '.join('?' * len(chunk))})", chunk)
        ]
        if not more:
            break
        stand(more, {})

    # The longest form of each root, by its shown text (a kept quotation's stored one).
    longest: dict[str, str] = {root: row[2] for root, row in kept.values()}
    for text, key in key_of.items():
        if key and root_of[key] == key:
            shown, best_shown = _shown(text), longest.get(key)
            if best_shown is None or (len(shown), shown) > (len(best_shown), best_shown):
                longest[key] = shown
    ids = {key: qid for qid, key in opened.items() if key in wanted}
    joining: dict[str, list[tuple]] = defaultdict(list)  # root hash -> loose quotes folding into it
    for text, quotes in loose.items():
        if key_of[text]:
            joining[digest[root_of[key_of[text]]]].extend(quotes)
    moved_in = {digest[root_of[key_of[text]]] for texts in held.values() for text in texts}
    recount: dict[int, str] = {}  # quotations counted from their stored quotes, with their text
    last = db.execute("SELECT coalesce(max(id), 0) FROM quotations").fetchone()[0]
    new = []
    for key, root in wanted.items():
        if key in ids:
            continue
        last += 1
        ids[key] = last
        if key in moved_in or key not in joining:
            recount[last] = longest[root]
            new.append((last, key, longest[root], UNSETTLED, 0, None, None, None))
        else:
            new.append((last, key, longest[root], *_counts_of(joining[key])))
    # New quotations go in first (the quotes' foreign key), with multi-row INSERTs: the
    # full-text index writes out its terms once per statement.
    insert_rows(db, f"INSERT INTO quotations (id, quote_key, {', '.join(_FIELDS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new)
    # Windows are written only once a settle has something to look them up in: a build
    # that settles once writes none, and the next settle writes them all first.
    if settled:
        _window_all(db, windowed)
    else:
        _insert_windows(db, [(window, row[0]) for row in new if row[0] <= windowed for window in _windows(wanted[row[1]])])

    merged = []
    for qid, (root, row) in kept.items():
        key = row[1]
        if key in moved_in or (key in joining and not _merge(db, row, joining[key], longest[root], merged)):
            recount[qid] = longest[root]
        elif key not in joining and longest[root] != row[2]:
            recount[qid] = longest[root]
    for qid in held:
        if opened[qid] in wanted:
            recount[qid] = longest[wanted[opened[qid]]]

    target = {text: ids[digest[root_of[key]]] for text, key in key_of.items() if key}
    links = [(target[text], quote[0]) for text, quotes in loose.items() if text in target for quote in quotes]
    if links:
        db.executemany("UPDATE quotes SET quotation_id = ? WHERE id = ?", sorted(links, key=lambda link: link[1]))
    moves = [(target[text], qid, text) for qid, texts in held.items() for text in sorted(texts) if target[text] != qid]
    if moves:
        db.executemany("UPDATE quotes SET quotation_id = ? WHERE quotation_id = ? AND text = ?", moves)
    _write_quotations(db, [(row[0], row[-1]) for row in merged if row[0] is not None], [row[1:] for row in merged])
    _recount(db, recount)

    gone = sorted(qid for qid, key in opened.items() if key not in wanted)
    for chunk in _chunks(gone):
        marks = ", ".join("?" * len(chunk))
        stale = [
            (window, qid)
            for qid, text in db.execute(f"SELECT id, text FROM quotations WHERE id IN ({marks}) AND id <= ?", (*chunk, windowed))
            for window in _windows(quote_key(text))
        ]
        db.executemany("DELETE FROM quotation_windows WHERE window = ? AND quotation_id = ?", stale)
        db.execute(f"UPDATE quotes SET quotation_id = NULL WHERE quotation_id IN ({marks})", chunk)
        db.execute(f"DELETE FROM quotations WHERE id IN ({marks})", chunk)


def _rank(key: str) -> tuple[int, str]:
    """The order in which keys become roots (`_fold_keys`): longest, then alphabetical."""
    return (-len(key), key)


def _merge(db, row: tuple, quotes: list[tuple], text: str, merged: list) -> bool:
    """Add new quotes to a settled quotation's counts, when that is exact: they come from
    articles written since it was settled (so not yet among its articles), and each of their
    speakers is among its speakers or bears the name of one (a group of another article).
    False when it must be counted from its quotes."""
    qid, _, stored_text, occurrences, speaker_count, speakers, first, last = row
    for speaker_id, name in {(q[2], q[3]) for q in quotes if q[2] is not None}:
        if db.execute("SELECT 1 FROM quotes WHERE quotation_id = ? AND speaker_id = ? LIMIT 1", (qid, speaker_id)).fetchone():
            continue
        if name and db.execute(
            "SELECT 1 FROM quotes q JOIN speakers s ON s.id = q.speaker_id WHERE q.quotation_id = ? AND s.name = ? LIMIT 1",
            (qid, name),
        ).fetchone() is None:
            return False
        speaker_count += 1
    dates = [d for d in (first, last, *(q[4] for q in quotes)) if d is not None]
    merged.append((
        text if text != stored_text else None, occurrences + len({q[1] for q in quotes}), speaker_count, speakers,
        min(dates) if dates else None, max(dates) if dates else None, qid,
    ))
    return True


_LOOSE = (
    "SELECT q.id, q.text, q.article_id, q.speaker_id, s.name, q.published FROM quotes q "
    "LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.quotation_id IS NULL"
)


def _counts_of(quotes: list[tuple]) -> tuple:
    """occurrences, speaker_count, speakers, first and last date of (id, article, speaker
    id, speaker name, date) rows: what `_recount` gives in SQL for stored quotes."""
    dates = [q[4] for q in quotes if q[4] is not None]
    return (
        len({q[1] for q in quotes}),
        len({q[2] for q in quotes if q[2] is not None}),
        "; ".join(sorted({q[3] for q in quotes if q[3]})) or None,
        min(dates) if dates else None,
        max(dates) if dates else None,
    )


def _shown(text: str) -> str:
    return text.strip(" \t\n\"'“”‘’«»„,")


def _recount(db, texts: dict[int, str]) -> None:
    """Each quotation's text and counts from its quotes, written where they changed."""
    for chunk in _chunks(sorted(texts)):
        marks = ", ".join("?" * len(chunk))
        names: dict[int, list[str]] = defaultdict(list)
        for qid, name in db.execute(
            f"SELECT DISTINCT q.quotation_id, s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id "
            f"WHERE q.quotation_id IN ({marks}) AND s.name IS NOT NULL AND s.name != ''",
            chunk,
        ):
            names[qid].append(name)
        counted = {
            row[0]: row[1:]
            for row in db.execute(
                "SELECT quotation_id, count(DISTINCT article_id), count(DISTINCT speaker_id), min(published), max(published) "
                f"FROM quotes WHERE quotation_id IN ({marks}) GROUP BY quotation_id",
                chunk,
            )
        }
        stored = {
            row[0]: row[1:]
            for row in db.execute(f"SELECT id, {', '.join(_FIELDS)} FROM quotations WHERE id IN ({marks})", chunk)
        }
        retext, recount = [], []
        for qid in chunk:
            occurrences, speaker_count, first, last = counted[qid]
            counts = (occurrences, speaker_count, "; ".join(sorted(set(names[qid]))) or None, first, last)
            if texts[qid] != stored[qid][0]:
                retext.append((texts[qid], qid))
            if counts != stored[qid][1:]:
                recount.append((*counts, qid))
        _write_quotations(db, retext, recount)


def _write_quotations(db, texts: list[tuple], counts: list[tuple]) -> None:
    """(text, id) and (counts..., id) rows. Texts only where they changed: the full-text
    trigger fires on any write of the column."""
    if texts:
        db.executemany("UPDATE quotations SET text = ? WHERE id = ?", texts)
    if counts:
        db.executemany(f"UPDATE quotations SET {', '.join(f'{f} = ?' for f in _FIELDS[1:])} WHERE id = ?", counts)


def _fold_keys(groups: Iterable[str]) -> dict[str, str]:
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
