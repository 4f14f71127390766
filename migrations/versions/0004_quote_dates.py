"""quotes.published, copied from the article by triggers and indexed: quotes_view is sorted
by date, and at a million quotes sorting the joined view took longer than Datasette's
time limit. quotes_view now reads the date from quotes (same values).

Adding a column and an index does not rebuild `quotes`, so its FTS triggers stay; the
view is dropped and created again all the same, as every migration touching quotes does.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from quotedb.store.counts import drop_quote_dates, restore_quote_dates

revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None



def _view_0002() -> str:
    from pathlib import Path
    import importlib.util

    spec = importlib.util.spec_from_file_location("m0002", Path(__file__).with_name("0002_speakers_aliases_quotations.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.QUOTES_VIEW


def _sqlite():
    return op.get_bind().connection.driver_connection


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quotes_view")
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('published', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_quotes_published'), ['published'], unique=False)
    restore_quote_dates(_sqlite())
    view = _view_0002().replace("articles.published AS published", "quotes.published AS published")
    assert "quotes.published AS published" in view
    op.execute(view)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quotes_view")
    drop_quote_dates(_sqlite())
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_published'))
        batch_op.drop_column('published')
    from quotedb.store.fts import restore_quote_search

    restore_quote_search(_sqlite())
    op.execute(_view_0002())
