"""Storage: the SQLite schema (SQLAlchemy models + Alembic), full-text search, the writer."""
