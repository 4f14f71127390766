"""Event vocabulary: the nouns that name gatherings, and the words around them.

"congress" is left out: in news it is nearly always a legislature or a body.

An event noun alone ("the meeting") only refers back to an event; a new event needs a
name: an ordinal ("43rd session"), a topic ("seminar on …"), a title ("titled “…”") or
capitalised words ("Munich Security Conference").
"""

from __future__ import annotations

# noun (singular, lower case) -> kind
EVENT_NOUNS: dict[str, str] = {
    "symposium": "symposium",
    "session": "session",
    "seminar": "seminar",
    "conference": "conference",
    "exhibition": "exhibition",
    "exhibit": "exhibition",
    "summit": "summit",
    "forum": "forum",
    "dialogue": "dialogue",
    "meeting": "meeting",
    "briefing": "briefing",
    "hearing": "hearing",
    "workshop": "workshop",
    "convention": "convention",
    "roundtable": "roundtable",
    "festival": "festival",
    "expo": "exhibition",
}

ORDINAL_WORDS: frozenset[str] = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split()
)

# Words that introduce the title of an event written in quote marks.
TITLE_WORDS: frozenset[str] = frozenset({"titled", "entitled", "themed", "called", "named"})

# Verbs by which someone stages an event: `X held a seminar`, `X opened its session`.
HOLD_VERBS: frozenset[str] = frozenset(
    {"held", "hosted", "organized", "organised", "opened", "convened", "launched", "co-hosted"}
)

# Passive organiser cues: `organized by X`.
ORGANIZER_CUES: frozenset[str] = frozenset(
    {"organized", "organised", "sponsored", "hosted", "convened", "co-hosted", "co-organized"}
)

# Verbs whose subject owns the event as organiser: `The council opened its 43rd session`.
OWNER_VERBS: frozenset[str] = frozenset({"opened", "convened", "launched", "held", "hosted"})
