"""Past one machine: extraction on a Dask cluster into Parquet, and a bulk load into SQLite.

read -> partition (`partition`) -> extract on workers (`run`) -> Parquet (`schema`) ->
load through the build's writer and settle (`load`). Nothing here knows about quotes
beyond the typed values of `quotedb.model`: the engine is `quotedb.extract.extract`, the
rows are the store's.
"""
