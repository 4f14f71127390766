"""The text basics every rule reads: patterns built from word lists, and (below) the document."""

from __future__ import annotations

import re


def alternation(words, space: str = r"\s+") -> str:
    """A regex alternation of `words` built as a trie, so the engine rejects most positions
    at once (Python's re tries a flat alternation word by word at every position).

    Where one word starts another the longer is tried first, as in a flat alternation
    sorted longest first; `space` is what a space in a word matches.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        opts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            opts.append((space if ch == " " else re.escape(ch)) + build(node[ch]))
        if not opts:
            return ""
        body = opts[0] if len(opts) == 1 else "(?:" + "|".join(opts) + ")"
        return "(?:" + body + ")?" if end else body

    return build(trie)
