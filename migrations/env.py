"""Alembic environment: batch mode for SQLite, and FTS tables and views left alone."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

from sqlalchemy import create_engine, event

from quotedb.store.fts import is_search_object
from quotedb.store.models import Base

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Autogenerate ignores the full-text index (made by sqlite-utils) and its shadow tables."""
    return not (type_ == "table" and is_search_object(name))


def _configure(**kwargs) -> None:
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,
        transactional_ddl=True,
        include_object=include_object,
        compare_type=True,
        **kwargs,
    )


def run_migrations_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))

    # Foreign keys stay off (SQLite's default) while migrating: batch mode drops and
    # recreates tables that other tables reference. And the whole upgrade is one real
    # transaction, DDL included, so a failed migration leaves the database as it was.
    @event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")

    with engine.connect() as connection:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
