"""The facets of the whole quotes_view, read from counts kept by the database."""

from __future__ import annotations

from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

# quote_facets holds, for each faceted column of quotes_view, how many quotes have each
# value; triggers on quotes keep it exact (quotedb.store.counts). A facet over the whole
# view reads it instead of grouping a million quotes (150-200 ms per facet even as an index
# scan, past Datasette's facet time limit under load).
KEPT_FACETS = {"quotes_view": ("kind", "speaker", "event", "source"), "quotes": ("kind",)}
KEPT_SQL = """
    select value, count from quote_facets where facet = :facet and count > 0
    order by count desc, value limit :limit"""


class KeptCountColumnFacet(ColumnFacet):
    """Datasette's column facet, except that a facet listed in KEPT_FACETS over the whole,
    unfiltered table is read from the kept counts. Any filter or search, or a database
    without the counts, takes Datasette's own query."""

    async def facet_results(self):
        kept = [c for c in super().get_configs() if self._is_kept(c)]
        if kept and not await self._has_counts():
            kept = []
        self._answered = {self._column(c) for c in kept}
        results, timed_out = await super().facet_results()
        for config in kept:
            try:
                results.append(await self._kept_result(config))
            except QueryInterrupted:
                timed_out.append(self._column(config))
        return results, timed_out

    def get_configs(self):
        answered = getattr(self, "_answered", set())
        return [c for c in super().get_configs() if self._column(c) not in answered]

    @staticmethod
    def _column(config) -> str:
        return config["config"].get("column") or config["config"]["simple"]

    def _is_kept(self, config) -> bool:
        unfiltered = not self.params and self.sql.rstrip().endswith(f"from {escape_sqlite(self.table or '')}")
        return unfiltered and self._column(config) in KEPT_FACETS.get(self.table, ())

    async def _has_counts(self) -> bool:
        return await self.ds.get_database(self.database).table_exists("quote_facets")

    async def _kept_result(self, config) -> dict:
        column = self._column(config)
        size = self.get_facet_size()
        rows = await self.ds.execute(
            self.database, KEPT_SQL, {"facet": column, "limit": size + 1}, truncate=False,
            custom_time_limit=self.ds.setting("facet_time_limit_ms"),
        )
        pairs = self.get_querystring_pairs()
        values = []
        for row in rows.rows[:size]:
            selected = (column, str(row["value"])) in pairs
            toggle = (path_with_removed_args(self.request, {column: str(row["value"])}) if selected
                      else path_with_added_args(self.request, {column: row["value"]}))
            values.append({
                "value": row["value"], "label": row["value"], "count": row["count"],
                "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(toggle)),
                "selected": selected,
            })
        return {
            "name": column,
            "type": self.type,
            "hideable": config["source"] != "metadata",
            "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column})),
            "results": values,
            "truncated": len(rows) > size,
        }

