"""The writer gives each quote its names: the insert trigger only fills in what it left out.

Since 0008 every inserted quote was written twice: inserted without its names, then
updated by quotes_names_ai with the speaker's, role's, event's and article's values, which
rewrote the row and its indexes and recounted its facets through the update trigger. The
trigger now fires only when an inserted name differs from the linked row's (so any other
inserter still gets them right); `quotedb build` gives them and skips that second write.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

from typing import Sequence, Union

from alembic import op

from quotedb.store.counts import guard_quote_names

revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _sqlite():
    return op.get_bind().connection.driver_connection


def upgrade() -> None:
    guard_quote_names(_sqlite())


def downgrade() -> None:
    guard_quote_names(_sqlite(), guarded=False)
