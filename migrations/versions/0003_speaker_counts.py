"""Speed at a million quotes: per-speaker counts kept by triggers, quotes by (speaker, article).

`speakers.quote_count` / `article_count` let "most quoted speakers" read the speakers
table instead of grouping every quote; the (speaker_id, article_id) index serves a
speaker's quotes and the triggers' checks. Adding columns to `speakers` may rebuild it in
batch mode, so the views naming it are dropped first and created again after.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from quotedb.store.counts import drop_speaker_counts, restore_speaker_counts

revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _sqlite():
    return op.get_bind().connection.driver_connection


def _views() -> dict[str, str]:
    rows = op.get_bind().exec_driver_sql(
        "select name, sql from sqlite_master where type = 'view' and name in ('quotes_view', 'role_history')"
    )
    return dict(rows.all())


def upgrade() -> None:
    views = _views()
    for name in views:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quote_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('article_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_index(batch_op.f('ix_speakers_quote_count'), ['quote_count'], unique=False)
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_speaker_id_article_id'), ['speaker_id', 'article_id'], unique=False)
    for sql in views.values():
        op.execute(sql)
    restore_speaker_counts(_sqlite())


def downgrade() -> None:
    drop_speaker_counts(_sqlite())
    views = _views()
    for name in views:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_speaker_id_article_id'))
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speakers_quote_count'))
        batch_op.drop_column('article_count')
        batch_op.drop_column('quote_count')
    for sql in views.values():
        op.execute(sql)
