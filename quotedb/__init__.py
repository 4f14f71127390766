"""quotedb: who said what, in what role, where and when, from piles of news articles."""

__version__ = "0.1.0"
