"""Names on the quote row, kept by triggers; quotes_view reads `quotes` alone.

quotes.speaker, speaker_kind, role, organization, event, article_title, source and url
copy the linked rows' values (quotedb.store.counts), and quotes_view becomes a plain
projection of `quotes`. At a million quotes its row count (~1 s) and its speaker facet
(~1.8 s) went through four joins; now the count reads the smallest index and each
configured facet (kind, speaker, event, source) is a scan of its own covering index.
Those four facets over the whole view are also counted by triggers into quote_facets, and
the site's Datasette plugin reads them from there (quotedb.site.facets): even an
index scan of a million entries took 150-200 ms per facet. speakers.name gets a NOCASE
index: the canned queries find a speaker by `name = :speaker collate nocase`, which
scanned every speaker (30-70 ms at 170k speakers).
Adding columns and indexes does not rebuild `quotes`; the downgrade does, so it drops
the name triggers and the view first and restores the search, count and date triggers
after (see quotedb.store.counts and quotedb.store.fts).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from quotedb.store.counts import (
    NAME_COLUMNS,
    drop_facet_counts,
    drop_quote_names,
    restore_facet_counts,
    restore_quote_dates,
    restore_quote_names,
    restore_speaker_counts,
)
from quotedb.store.fts import restore_quote_search

revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INDEXED = ("kind", "speaker", "event", "source")

QUOTES_VIEW = """
CREATE VIEW quotes_view AS
SELECT
    quotes.id AS id,
    quotes.text AS text,
    quotes.kind AS kind,
    quotes.speaker AS speaker,
    quotes.speaker_id AS speaker_id,
    quotes.speaker_kind AS speaker_kind,
    quotes.role AS role,
    quotes.organization AS organization,
    quotes.event AS event,
    quotes.event_id AS event_id,
    quotes.article_title AS article_title,
    quotes.published AS published,
    quotes.source AS source,
    quotes.url AS url,
    quotes.article_id AS article_id,
    quotes.start AS start,
    quotes."end" AS "end",
    quotes.paragraph AS paragraph,
    quotes.cue AS cue,
    quotes.confidence AS confidence,
    quotes.rule AS rule,
    quotes.speaker_name AS speaker_name,
    quotes.quotation_id AS quotation_id
FROM quotes
"""


def _view_0007() -> str:
    """quotes_view as revisions 0004-0007 left it: joins, the date from quotes, articles outer."""
    spec = importlib.util.spec_from_file_location("m0002", Path(__file__).with_name("0002_speakers_aliases_quotations.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    view = module.QUOTES_VIEW.replace("articles.published AS published", "quotes.published AS published")
    view = view.replace("\nJOIN articles ON", "\nLEFT JOIN articles ON")
    assert "quotes.published AS published" in view and "LEFT JOIN articles" in view
    return view


def _sqlite():
    return op.get_bind().connection.driver_connection


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quotes_view")
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        for column in NAME_COLUMNS:
            batch_op.add_column(sa.Column(column, sa.Text(), nullable=True))
    restore_quote_names(_sqlite(), guarded=False)
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        for column in INDEXED:
            batch_op.create_index(batch_op.f(f'ix_quotes_{column}'), [column], unique=False)
    op.create_table('quote_facets',
    sa.Column('facet', sa.Text(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('facet', 'value', name=op.f('pk_quote_facets'))
    )
    with op.batch_alter_table('quote_facets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_facets_facet_count'), ['facet', 'count'], unique=False)
    restore_facet_counts(_sqlite())
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.create_index('ix_speakers_name_nocase', [sa.text('name COLLATE NOCASE')], unique=False)
    op.execute(QUOTES_VIEW)


def downgrade() -> None:
    drop_quote_names(_sqlite())
    drop_facet_counts(_sqlite())
    op.execute("DROP VIEW IF EXISTS quotes_view")
    with op.batch_alter_table('quote_facets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_facets_facet_count'))
    op.drop_table('quote_facets')
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.drop_index('ix_speakers_name_nocase')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        for column in INDEXED:
            batch_op.drop_index(batch_op.f(f'ix_quotes_{column}'))
        for column in NAME_COLUMNS:
            batch_op.drop_column(column)
    raw = _sqlite()
    restore_quote_search(raw)
    restore_speaker_counts(raw)
    restore_quote_dates(raw)
    op.execute(_view_0007())
