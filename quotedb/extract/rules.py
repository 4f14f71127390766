"""The rules' names: every way the engine finds a quote, in one place.

A quote's `rule` says how it was found, and `quotedb extract` prints it, so the values
are stable output: add a rule here, never rename one. Modules compare against these
members, never against strings typed elsewhere. A StrEnum member is its string, so JSON
and equality with stored rows are unchanged.
"""

from __future__ import annotations

from enum import StrEnum


class Rule(StrEnum):
    # direct quotes, cue after the closing mark (attribution)
    AFTER_PRONOUN = "after-pronoun"
    AFTER_VERB_SOURCE = "after-verb-source"
    AFTER_ACCORDING = "after-according"
    AFTER_SOURCE_VERB = "after-source-verb"
    AFTER_SOURCE_ANYVERB = "after-source-anyverb"
    AFTER_ANYVERB_SOURCE = "after-anyverb-source"
    AFTER_DASH = "after-dash"
    AFTER_DASH_LINE = "after-dash-line"
    TRANSCRIPT_LABEL = "transcript-label"
    # direct quotes, cue before the opening mark (attribution)
    BEFORE_VERB = "before-verb"
    BEFORE_COLON = "before-colon"
    BEFORE_COLON_INVERTED = "before-colon-inverted"
    BEFORE_COLON_LOOSE = "before-colon-loose"
    BEFORE_COMMA_LOOSE = "before-comma-loose"
    BEFORE_COLON_PARAGRAPH = "before-colon-paragraph"
    BEFORE_ACCORDING = "before-according"
    BEFORE_DASH = "before-dash"
    BEFORE_EMBEDDED = "before-embedded"
    BEFORE_INVERTED = "before-inverted"
    BEFORE_PARTICIPLE = "before-participle"
    BEFORE_WHO = "before-who"
    # direct quotes without a cue of their own (attribution, then the core)
    SPLIT = "split"
    SAME_PARAGRAPH = "same-paragraph"
    CONTINUATION = "continuation"
    UNATTRIBUTED = "unattributed"
    FLOATING = "floating"
    CONTINUATION_TOPIC = "continuation-topic"
    # reported claims (claims)
    LEAD = "lead"
    PARTICIPLE = "participle"
    TAIL = "tail"
    TAIL_INVERTED = "tail-inverted"
    TAIL_MEDIAL = "tail-medial"
    ACCORDING_LEAD = "according-lead"
    ACCORDING_MEDIAL = "according-medial"
    ACCORDING_TAIL = "according-tail"
    ASKED = "asked"
    ASKED_LEAD = "asked-lead"
    URGE = "urge"
    PARTICIPLE_URGE = "participle-urge"
    CALL_FOR = "call-for"
    OBJECT = "object"
    HEADLINE = "headline"
    FRONTED = "fronted"


# Suffixes a rule takes on its way: a claim holding quoted words (`lead+quote`), a quote
# completing unquoted words before it (`before-embedded+lead-in`), a belief (`lead-belief`).
WITH_QUOTE = "+quote"
WITH_LEAD_IN = "+lead-in"
BELIEF = "-belief"

# Attributions too weak to cut a claim that runs into their quote.
WEAK_RULES = frozenset({Rule.BEFORE_EMBEDDED, Rule.UNATTRIBUTED, Rule.CONTINUATION})
# Quotes attributed by position alone: kept only when long enough to read as speech.
POSITIONAL_RULES = frozenset({Rule.FLOATING, Rule.CONTINUATION_TOPIC})
