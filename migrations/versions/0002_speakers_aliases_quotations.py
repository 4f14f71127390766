"""Speakers across articles, aliases, quotations (folded quotes), role history.

Adding quotation_id to quotes rebuilds the table in batch mode, so the views over it are
dropped first and the FTS triggers restored after (see quotedb.store.fts).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
import sqlite_utils
from alembic import op

from quotedb.store.fts import restore_quote_search


revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


_QUOTES_VIEW = """
CREATE VIEW quotes_view AS
SELECT
    quotes.id AS id,
    quotes.text AS text,
    quotes.kind AS kind,
    speakers.name AS speaker,
    quotes.speaker_id AS speaker_id,
    speakers.kind AS speaker_kind,
    roles.title AS role,
    roles.organization AS organization,
    events.name AS event,
    quotes.event_id AS event_id,
    articles.title AS article_title,
    articles.published AS published,
    articles.source AS source,
    articles.url AS url,
    quotes.article_id AS article_id,
    quotes.start AS start,
    quotes."end" AS "end",
    quotes.paragraph AS paragraph,
    quotes.cue AS cue,
    quotes.confidence AS confidence,
    quotes.rule AS rule{extra}
FROM quotes
JOIN articles ON articles.id = quotes.article_id
LEFT JOIN speakers ON speakers.id = quotes.speaker_id
LEFT JOIN roles ON roles.id = quotes.role_id
LEFT JOIN events ON events.id = quotes.event_id
"""
QUOTES_VIEW_0001 = _QUOTES_VIEW.format(extra="")
QUOTES_VIEW = _QUOTES_VIEW.format(extra=",\n    quotes.speaker_name AS speaker_name,\n    quotes.quotation_id AS quotation_id")

ROLE_HISTORY = """
CREATE VIEW role_history AS
SELECT
    roles.id AS id,
    roles.speaker_id AS speaker_id,
    speakers.name AS speaker,
    articles.published AS published,
    roles.title AS title,
    roles.organization AS organization,
    roles.place AS place,
    roles.article_id AS article_id,
    articles.title AS article_title,
    articles.source AS source
FROM roles
JOIN speakers ON speakers.id = roles.speaker_id
JOIN articles ON articles.id = roles.article_id
"""


def _sqlite():
    return op.get_bind().connection.driver_connection


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quotes_view")
    op.create_table('quotations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quote_key', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('occurrences', sa.Integer(), nullable=False),
    sa.Column('speaker_count', sa.Integer(), nullable=False),
    sa.Column('speakers', sa.Text(), nullable=True),
    sa.Column('first_published', sa.Text(), nullable=True),
    sa.Column('last_published', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotations')),
    sa.UniqueConstraint('quote_key', name=op.f('uq_quotations_quote_key'))
    )
    with op.batch_alter_table('quotations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotations_occurrences'), ['occurrences'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotations_speaker_count'), ['speaker_count'], unique=False)

    op.create_table('speaker_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_speaker_aliases_article_id_articles')),
    sa.ForeignKeyConstraint(['speaker_id'], ['speakers.id'], name=op.f('fk_speaker_aliases_speaker_id_speakers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speaker_aliases')),
    sa.UniqueConstraint('speaker_id', 'article_id', 'alias', name=op.f('uq_speaker_aliases_speaker_id_article_id_alias'))
    )
    with op.batch_alter_table('speaker_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speaker_aliases_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_speaker_aliases_speaker_id'), ['speaker_id'], unique=False)

    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('speaker_name', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('quotation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_quotes_quotation_id'), ['quotation_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_quotes_quotation_id_quotations'), 'quotations', ['quotation_id'], ['id'])

    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resolution', sa.Text(), nullable=True))

    restore_quote_search(_sqlite())
    sqlite_utils.Database(_sqlite())["quotations"].enable_fts(["text"], create_triggers=True, replace=True)
    op.execute(QUOTES_VIEW)
    op.execute(ROLE_HISTORY)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS role_history")
    op.execute("DROP VIEW IF EXISTS quotes_view")
    sqlite_utils.Database(_sqlite())["quotations"].disable_fts()
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.drop_column('resolution')

    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_quotes_quotation_id_quotations'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_quotes_quotation_id'))
        batch_op.drop_column('quotation_id')
        batch_op.drop_column('speaker_name')

    restore_quote_search(_sqlite())
    op.execute(QUOTES_VIEW_0001)
    with op.batch_alter_table('speaker_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speaker_aliases_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_speaker_aliases_article_id'))

    op.drop_table('speaker_aliases')
    with op.batch_alter_table('quotations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotations_speaker_count'))
        batch_op.drop_index(batch_op.f('ix_quotations_occurrences'))

    op.drop_table('quotations')
