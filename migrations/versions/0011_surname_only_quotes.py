"""quotes.surname_only, and the two indexes settle looks up by.

Settling surnames read every quote of every person whose surname a new quote touched, to
learn which of them are named in full somewhere and which surname-only quotes sit on
them: at a million quotes, a sixth of an incremental build, for persons quoted thousands
of times. `surname_only` (the writer sets it: the quote names its speaker by a surname
alone) turns both into index look-ups on (speaker_id, surname_only), which replaces the
index on speaker_id alone. (quotation_id, speaker_id) replaces the index on quotation_id:
adding new quotes to a settled quotation asks whether each speaker is already among its
quotes, which scanned all of them. The upgrade marks the quotes already stored.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from quotedb.store.identity import is_surname_only, name_key

revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('quotes', sa.Column('surname_only', sa.Boolean(), server_default=sa.text('0'), nullable=False))
    # One pass over the quotes, the test in Python (speaker_name has no index: an UPDATE per
    # name scanned the table once per name, minutes at a million quotes).
    conn = op.get_bind().connection.driver_connection
    conn.create_function("is_surname_only", 1, lambda name: is_surname_only(name_key(name)), deterministic=True)
    conn.execute(
        "UPDATE quotes SET surname_only = 1 WHERE speaker_name IS NOT NULL "
        "AND speaker_id IN (SELECT id FROM speakers WHERE kind = 'person') AND is_surname_only(speaker_name)"
    )
    op.drop_index('ix_quotes_speaker_id', table_name='quotes')
    op.drop_index('ix_quotes_quotation_id', table_name='quotes')
    op.create_index(op.f('ix_quotes_speaker_id_surname_only'), 'quotes', ['speaker_id', 'surname_only'], unique=False)
    op.create_index(op.f('ix_quotes_quotation_id_speaker_id'), 'quotes', ['quotation_id', 'speaker_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_quotes_quotation_id_speaker_id'), table_name='quotes')
    op.drop_index(op.f('ix_quotes_speaker_id_surname_only'), table_name='quotes')
    op.create_index('ix_quotes_quotation_id', 'quotes', ['quotation_id'], unique=False)
    op.create_index('ix_quotes_speaker_id', 'quotes', ['speaker_id'], unique=False)
    # SQLite's own DROP COLUMN (3.35): a batch rebuild of quotes would drop its triggers.
    op.execute("ALTER TABLE quotes DROP COLUMN surname_only")
