"""Weekdays and months as news writes them: the date parser and every rule read them here."""

from __future__ import annotations

WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
)
# Month names and their abbreviations, lower case -> month number.
MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTH_NAMES)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
    "dec": 12,
}

# Words that place a report in time without naming a date: `said on Monday`, `told reporters today`.
DAY_WORDS: frozenset[str] = frozenset(WEEKDAYS) | {"yesterday", "today", "tonight"}
