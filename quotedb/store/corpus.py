"""Corpus-wide identity, settled after the articles are stored: one pass, order-independent.

Two things cannot be decided one article at a time, because the answer depends on the
rest of the corpus:

- a surname-only speaker ("Mensah said") is the one known person of that surname, or
  stays unresolved (and marked so) when there is none or more than one;
- the same quote reported by several articles, or shortened in one of them, is one
  quotation.

`settle(conn)` recomputes both from the stored rows, so the result never depends on the
order in which files were read, and running it twice changes nothing.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, exists, insert, select, update

from quotedb.store import models
from quotedb.store.identity import display_name, fold, is_surname_only, name_key, surname

A = models.Article.__table__
SPK = models.Speaker.__table__
ALIAS = models.SpeakerAlias.__table__
ROLES = models.Role.__table__
Q = models.Quote.__table__
QT = models.Quotation.__table__

AMBIGUOUS = "ambiguous surname"
SURNAME_ONLY = "surname only"
# A shortened quote folds into a longer one only when it has this many words; shorter
# fragments ("we will") occur inside too many unrelated quotes.
MIN_FOLD_WORDS = 5
_PROBE = 4


def settle(conn: Connection) -> None:
    settle_surnames(conn)
    remove_orphan_speakers(conn)
    fold_quotations(conn)


def settle_surnames(conn: Connection) -> None:
    """Point every surname-only quote at the one person of that surname, if there is one."""
    persons = conn.execute(
        select(SPK.c.id, SPK.c.name_key).where(SPK.c.kind == "person", SPK.c.article_id.is_(None))
    ).all()
    by_surname: dict[str, list[int]] = defaultdict(list)
    surname_rows: dict[str, int] = {}
    for row in persons:
        if is_surname_only(row.name_key):
            surname_rows[row.name_key] = row.id
        elif last := surname(row.name_key):
            by_surname[last].append(row.id)

    stated = conn.execute(
        select(Q.c.article_id, Q.c.speaker_id, Q.c.speaker_name)
        .join(SPK, SPK.c.id == Q.c.speaker_id)
        .where(SPK.c.kind == "person", SPK.c.article_id.is_(None), Q.c.speaker_name.is_not(None))
        .distinct()
    ).all()
    for article_id, current, name in stated:
        key = name_key(name)
        if not is_surname_only(key):
            continue
        candidates = by_surname.get(key, [])
        if len(candidates) == 1:
            target = candidates[0]
        else:
            if key not in surname_rows:
                surname_rows[key] = conn.execute(
                    insert(SPK).values(name=display_name(name), kind="person", name_key=key)
                ).inserted_primary_key[0]
            target = surname_rows[key]
        if target != current:
            _move(conn, article_id, current, target, name)

    for key, speaker_id in surname_rows.items():
        known = len(by_surname.get(key, []))
        resolution = AMBIGUOUS if known > 1 else SURNAME_ONLY if known == 0 else None
        conn.execute(update(SPK).where(SPK.c.id == speaker_id).values(resolution=resolution))


def _move(conn: Connection, article_id: int, source: int, target: int, name: str) -> None:
    conn.execute(
        update(Q)
        .where(Q.c.article_id == article_id, Q.c.speaker_id == source, Q.c.speaker_name == name)
        .values(speaker_id=target)
    )
    still_there = conn.execute(
        select(exists().where(Q.c.article_id == article_id, Q.c.speaker_id == source))
    ).scalar()
    if still_there:
        return
    conn.execute(
        update(ROLES).where(ROLES.c.article_id == article_id, ROLES.c.speaker_id == source).values(speaker_id=target)
    )
    conn.execute(
        update(ALIAS)
        .where(ALIAS.c.article_id == article_id, ALIAS.c.speaker_id == source)
        .values(speaker_id=target)
        .prefix_with("OR IGNORE")
    )
    conn.execute(delete(ALIAS).where(ALIAS.c.article_id == article_id, ALIAS.c.speaker_id == source))


def remove_orphan_speakers(conn: Connection, ids: set[int] | None = None) -> None:
    """Speakers nothing refers to any more (no quote, role or alias) are deleted."""
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


@dataclass(slots=True)
class _Member:
    key: str
    quote_id: int
    text: str
    article_id: int
    speaker_id: int | None
    speaker: str | None
    published: str | None


def quote_key(text: str) -> str:
    """Case, punctuation, quote marks and spacing folded."""
    return fold(text)


def fold_quotations(conn: Connection) -> None:
    """Recompute `quotations` and `quotes.quotation_id` from every stored quote.

    A quotation keeps its id while its key (the folded text of its longest form) exists,
    so links to it survive rebuilds.
    """
    rows = conn.execute(
        select(Q.c.id, Q.c.text, Q.c.article_id, Q.c.speaker_id, SPK.c.name, A.c.published)
        .join(A, A.c.id == Q.c.article_id)
        .outerjoin(SPK, SPK.c.id == Q.c.speaker_id)
        .order_by(Q.c.id)
    ).all()
    groups: dict[str, list[_Member]] = defaultdict(list)
    for row in rows:
        key = quote_key(row.text)
        if key:
            groups[key].append(_Member(key, row.id, row.text, row.article_id, row.speaker_id, row.name, row.published))

    root_of = _fold_keys(groups)
    folded: dict[str, list[_Member]] = defaultdict(list)
    for key, members in groups.items():
        folded[root_of[key]].extend(members)

    fields = ("text", "occurrences", "speaker_count", "speakers", "first_published", "last_published")
    existing = {row.quote_key: row for row in conn.execute(select(QT.c.id, QT.c.quote_key, *(QT.c[f] for f in fields)))}
    wanted: dict[str, dict] = {}
    members_of: dict[str, list[_Member]] = {}
    for root, members in folded.items():
        longest = max((m for m in members if m.key == root), key=lambda m: len(m.text))
        names = sorted({m.speaker for m in members if m.speaker})
        dates = sorted(m.published for m in members if m.published)
        key = hashlib.sha1(root.encode("utf-8")).hexdigest()[:20]
        wanted[key] = dict(
            text=longest.text.strip(" \t\n\"'“”‘’«»„,"),
            occurrences=len({m.article_id for m in members}),
            speaker_count=len({m.speaker_id for m in members if m.speaker_id is not None}),
            speakers="; ".join(names) or None,
            first_published=dates[0] if dates else None,
            last_published=dates[-1] if dates else None,
        )
        members_of[key] = members

    changed = [
        {"qid": existing[key].id, **values}
        for key, values in wanted.items()
        if key in existing and tuple(values[f] for f in fields) != tuple(getattr(existing[key], f) for f in fields)
    ]
    if changed:
        conn.execute(update(QT).where(QT.c.id == bindparam("qid")), changed)
    new = [{"quote_key": key, **values} for key, values in wanted.items() if key not in existing]
    if new:
        conn.execute(insert(QT), new)
    ids = dict(conn.execute(select(QT.c.quote_key, QT.c.id)).all())

    current = dict(conn.execute(select(Q.c.id, Q.c.quotation_id)).all())
    links = [
        {"quote": m.quote_id, "quotation": ids[key]}
        for key, members in members_of.items()
        for m in members
        if current.get(m.quote_id) != ids[key]
    ]
    if links:
        conn.execute(update(Q).where(Q.c.id == bindparam("quote")).values(quotation_id=bindparam("quotation")), links)
    gone = [ids[key] for key in ids.keys() - wanted.keys()]
    if gone:
        conn.execute(update(Q).where(Q.c.quotation_id.in_(gone)).values(quotation_id=None))
        conn.execute(delete(QT).where(QT.c.id.in_(gone)))


def _fold_keys(groups: dict[str, list]) -> dict[str, str]:
    """Each key to its root: the longest key that contains it at word boundaries."""
    root_of: dict[str, str] = {}
    probes: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in sorted(groups, key=lambda k: (-len(k), k)):
        words = key.split()
        root = key
        if len(words) >= MIN_FOLD_WORDS:
            padded = f" {key} "
            for candidate in probes.get(tuple(words[:_PROBE]), ()):
                if padded in f" {candidate} ":
                    root = candidate
                    break
        root_of[key] = root
        if root == key:
            for i in range(len(words) - _PROBE + 1):
                probes[tuple(words[i : i + _PROBE])].append(key)
    return root_of
