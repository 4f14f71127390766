"""Initial schema: articles and their sources, speakers, roles, events, quotes; search; quotes_view.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from quotedb.store.fts import disable_quote_search, enable_quote_search


revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


QUOTES_VIEW = """
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
    quotes.rule AS rule
FROM quotes
JOIN articles ON articles.id = quotes.article_id
LEFT JOIN speakers ON speakers.id = quotes.speaker_id
LEFT JOIN roles ON roles.id = quotes.role_id
LEFT JOIN events ON events.id = quotes.event_id
"""


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('locator', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('section', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('parser_version', sa.Text(), nullable=False),
    sa.Column('loaded_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
    sa.UniqueConstraint('sha256', name=op.f('uq_articles_sha256'))
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_source'), ['source'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('date', sa.Text(), nullable=True),
    sa.Column('organizer', sa.Text(), nullable=True),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_name_key'), ['name_key'], unique=False)

    op.create_table('source_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('mtime', sa.Float(), nullable=False),
    sa.Column('sha256', sa.Text(), nullable=False),
    sa.Column('parser_version', sa.Text(), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.Column('loaded_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_files')),
    sa.UniqueConstraint('path', name=op.f('uq_source_files_path'))
    )
    op.create_table('article_events',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_events_article_id_articles')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_article_events_event_id_events')),
    sa.PrimaryKeyConstraint('article_id', 'event_id', name=op.f('pk_article_events'))
    )
    with op.batch_alter_table('article_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_events_event_id'), ['event_id'], unique=False)

    op.create_table('article_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('locator', sa.Text(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_sources_article_id_articles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_sources')),
    sa.UniqueConstraint('path', 'locator', name=op.f('uq_article_sources_path_locator'))
    )
    with op.batch_alter_table('article_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_sources_article_id'), ['article_id'], unique=False)

    op.create_table('speakers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('person', 'group', 'organization', 'unnamed')", name=op.f('ck_speakers_kind')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_speakers_article_id_articles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speakers'))
    )
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speakers_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_speakers_name_key'), ['name_key'], unique=False)

    op.create_table('roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('organization', sa.Text(), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_roles_article_id_articles')),
    sa.ForeignKeyConstraint(['speaker_id'], ['speakers.id'], name=op.f('fk_roles_speaker_id_speakers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_roles'))
    )
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roles_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roles_speaker_id'), ['speaker_id'], unique=False)

    op.create_table('quotes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('role_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('paragraph', sa.Integer(), nullable=True),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('speaker_mention', sa.Text(), nullable=True),
    sa.Column('mention_start', sa.Integer(), nullable=True),
    sa.Column('mention_end', sa.Integer(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('rule', sa.Text(), nullable=True),
    sa.CheckConstraint("kind IN ('direct', 'mixed', 'indirect')", name=op.f('ck_quotes_kind')),
    sa.CheckConstraint('start >= 0 AND start < "end"', name=op.f('ck_quotes_span')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_quotes_article_id_articles')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_quotes_event_id_events')),
    sa.ForeignKeyConstraint(['role_id'], ['roles.id'], name=op.f('fk_quotes_role_id_roles')),
    sa.ForeignKeyConstraint(['speaker_id'], ['speakers.id'], name=op.f('fk_quotes_speaker_id_speakers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotes'))
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_article_id_start'), ['article_id', 'start'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_role_id'), ['role_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_speaker_id'), ['speaker_id'], unique=False)

    enable_quote_search(op.get_bind().connection.driver_connection)
    op.execute(QUOTES_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS quotes_view")
    disable_quote_search(op.get_bind().connection.driver_connection)
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_role_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_event_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_article_id_start'))

    op.drop_table('quotes')
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roles_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_roles_article_id'))

    op.drop_table('roles')
    with op.batch_alter_table('speakers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speakers_name_key'))
        batch_op.drop_index(batch_op.f('ix_speakers_article_id'))

    op.drop_table('speakers')
    with op.batch_alter_table('article_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_sources_article_id'))

    op.drop_table('article_sources')
    with op.batch_alter_table('article_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_events_event_id'))

    op.drop_table('article_events')
    op.drop_table('source_files')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_name_key'))

    op.drop_table('events')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_source'))
        batch_op.drop_index(batch_op.f('ix_articles_published'))

    op.drop_table('articles')
