"""quotes_view joins articles with LEFT JOIN, so SQLite always starts from quotes; the
full-text update triggers re-index a row only when its text changes.

Every quote has its article (quotes.article_id is NOT NULL and a foreign key), so the
rows are the same; but with an inner join the planner may start from `articles` and sort
a million rows for `order by published desc limit 1` (it did, past Datasette's time
limit), instead of reading the quotes.published index. The FTS update triggers made by
sqlite-utils fire on any column: a build that sets quotes.quotation_id re-indexed every
quote (see quotedb.store.fts.narrow_update_trigger).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

from typing import Sequence, Union

from alembic import op

from quotedb.store.fts import narrow_update_trigger

revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INNER = "JOIN articles ON articles.id = quotes.article_id"
OUTER = "LEFT JOIN articles ON articles.id = quotes.article_id"


def _replace_view(old: str, new: str) -> None:
    sql = op.get_bind().exec_driver_sql("select sql from sqlite_master where type = 'view' and name = 'quotes_view'").scalar()
    if sql is None:
        return
    changed = sql.replace(f"\n{old}", f"\n{new}") if f"\n{old}" in sql else sql.replace(f" {old}", f" {new}")
    op.execute("DROP VIEW quotes_view")
    op.execute(changed)


def _sqlite():
    return op.get_bind().connection.driver_connection


def upgrade() -> None:
    _replace_view(INNER, OUTER)
    for table in ("quotes", "quotations"):
        narrow_update_trigger(_sqlite(), table)


def downgrade() -> None:
    _replace_view(OUTER, INNER)
    for table in ("quotes", "quotations"):
        narrow_update_trigger(_sqlite(), table, wide=True)
