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

# The article's principal event: the gathering a report is about, where its speakers spoke.
# Kinds of gathering written as a noun; wider than EVENT_NOUNS, because a principal event
# also needs an introduction (below) or the lead. "assembly" and "congress" are left out:
# mostly the bodies themselves, which BODY_HEADS covers when they are where words were said.
GATHERING_KINDS: tuple[str, ...] = (
    "press conference", "press briefing", "news conference", "side event", "panel discussion", "round table",
    "briefing", "forum", "seminar", "symposium", "conference", "session", "meeting", "summit", "dialogue",
    "review", "hearing", "debate", "workshop", "roundtable", "ceremony", "week",
    "talks", "rally", "colloquium", "consultation",
)

# Lower-case words that may open a gathering's name: kinds of occasion and topics, never verbs.
GATHERING_MODIFIERS: frozenset[str] = frozenset(
    """routine regular daily weekly monthly annual biennial plenary special extraordinary emergency virtual online
    academic international regional national ministerial high-level closing opening inaugural first second third
    fourth fifth side stakeholder joint informal formal thematic general interactive bilateral trilateral
    multilateral human rights global counter-terrorism counterterrorism security defence defense foreign press
    news governance parliamentary public youth business""".split()
)

# Words right before a gathering that make it where someone speaks: `at the`, `addressing`,
# `attended the`, `on the sidelines of`.
INTRO_WORDS: tuple[str, ...] = (
    "at", "during", "addressing", "addressed", "attended", "attending", "attend", "to", "told", "hosted", "held",
    "opened", "opening", "sidelines of", "speaking at", "participated in", "participating in", "took part in",
    "taking part in", "in",
)

# Bodies whose meeting is the place of speaking when no gathering is named: `addressing the Council`.
BODY_HEADS: tuple[str, ...] = ("Council", "Assembly", "Committee", "Commission", "Parliament", "Senate", "Congress")

# Where a statement was made other than at the principal event: `in a written statement`.
ELSEWHERE_NOUNS: tuple[str, ...] = (
    "statement", "letter", "interview", "tweet", "post", "article", "op-ed", "email", "message", "video",
    "column", "editorial", "podcast", "broadcast",
)

# Words that put a gathering in the future: never where an article's quotes were said.
FUTURE_WORDS: frozenset[str] = frozenset("upcoming next forthcoming planned proposed future".split())
