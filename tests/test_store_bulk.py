"""Multi-row INSERTs come in a few fixed sizes, so the statement cache stays small."""

from __future__ import annotations

import sqlite3

import pytest

from quotedb.store.bulk import chunk_sizes, insert_rows


@pytest.mark.parametrize("count", [0, 1, 7, 499, 500, 501, 1234, 12455])
def test_rows_go_in_500_at_a_time_and_the_rest_in_powers_of_two(count):
    sizes = chunk_sizes(count)

    assert sum(sizes) == count
    assert all(size == 500 or size & (size - 1) == 0 for size in sizes)
    assert len(sizes) == len(set(sizes) - {500}) + sizes.count(500)


def test_any_number_of_rows_needs_at_most_ten_distinct_statements():
    assert len({size for count in range(5000) for size in chunk_sizes(count)}) == 10


def test_every_row_is_inserted_once_in_order(tmp_path):
    db = sqlite3.connect(tmp_path / "rows.db")
    db.execute("create table t (n integer, word text)")
    rows = [(n, f"w{n}") for n in range(1234)]

    insert_rows(db, "INSERT INTO t (n, word) VALUES (?, ?)", rows)

    assert db.execute("select n, word from t order by rowid").fetchall() == rows
