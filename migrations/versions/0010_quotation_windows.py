"""quotation_windows: the hashed five-word windows of every quotation, for settle; and
settle_state, which says up to which quotation they are written.

A settle had to read and fold every quotation to find those sharing a five-word window
with the quotes that changed: time in the size of the corpus, and a build settled once at
its end, holding every new quote in memory (925 MB for a first build of a million
quotes). With the windows indexed, `quotedb build` settles every few thousand quotes, and
each settle reads only what its quotes can fold with. The upgrade indexes the quotations
already stored.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from quotedb.store.corpus import index_windows

revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('quotation_windows',
    sa.Column('window', sa.Integer(), nullable=False),
    sa.Column('quotation_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('window', 'quotation_id', name=op.f('pk_quotation_windows')),
    sqlite_with_rowid=False
    )
    op.create_table('settle_state',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_settle_state'))
    )
    index_windows(op.get_bind().connection.driver_connection)


def downgrade() -> None:
    op.drop_table('settle_state')
    op.drop_table('quotation_windows')
