"""Full-text search on speaker names (speakers_fts, content="speakers", with triggers),
so that datasette-search-all on the home page finds speakers as well as quotes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlite_utils
from alembic import op

from quotedb.store.fts import enable_speaker_search

revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _sqlite():
    return op.get_bind().connection.driver_connection


def upgrade() -> None:
    enable_speaker_search(_sqlite())


def downgrade() -> None:
    sqlite_utils.Database(_sqlite())["speakers"].disable_fts()
