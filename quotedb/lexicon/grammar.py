"""Function words as the rules read them: determiners, auxiliaries, the words that open an
adverbial. Each set is named for the job it does in a rule, so a new word goes where that
job is done for every rule at once.
"""

from __future__ import annotations

from quotedb.lexicon.calendar import DAY_WORDS

# Determiners and quantifiers that open a noun phrase: `the minister`, `many analysts`.
DETERMINERS: frozenset[str] = frozenset(
    "the a an his her their its our my your this that these those some many most several both".split()
)

# Auxiliaries and adverbs that stand between a subject and its cue: `has also said`.
AUXILIARIES: frozenset[str] = frozenset(
    """has have had also later previously repeatedly once then again would will could may might
    reportedly publicly privately recently quickly often never not did does do just already
    even still further initially originally first last separately subsequently""".split()
)

# Words that open a sentence-initial adverbial before the subject: `In a statement, …`.
LEAD_ADVERBIALS: frozenset[str] = frozenset(
    """in on at after before during when while as if although though since because but and or so yet
    however meanwhile still now then later earlier last this instead indeed separately also asked
    speaking for from with without under over by until despite according like unlike among
    thus moreover overall finally first second similarly likewise nevertheless nonetheless""".split()
) | DAY_WORDS

# Words that open a time or place phrase after a cue: `said on Monday`, `told reporters later`.
TIME_WORDS: frozenset[str] = frozenset(
    """earlier later
    recently previously also again then last this on in at during to with after before over via from
    late once""".split()
) | DAY_WORDS

# Forms of "be" that make a following participle passive: `was said`.
BE_FORMS: frozenset[str] = frozenset("is was were are be been being it's".split())

# Words after a cue that make it no report: `said to be`, `told by`, `says of`.
BLOCKING_PREPOSITIONS: frozenset[str] = frozenset("to by so of about for as".split())

# Prepositions and conjunctions that make a following cue word a noun: `in reports`.
FUNCTION_WORDS: frozenset[str] = frozenset("in of for by to with or from than at on into".split())

# Prepositions and subordinators that open an adverbial, not a reported clause.
CLAUSE_PREPOSITIONS: frozenset[str] = frozenset(
    "in on at during from when after before while with without via through into during amid".split()
)

# Lower-case words that join the parts of a proper name: `Bank of England`, `Ursula von der Leyen`.
NAME_CONNECTIVES: frozenset[str] = frozenset("of for and at on de du da la le van von der den del di al bin bint ibn y the &".split())
ARTICLES: frozenset[str] = frozenset("the a an".split())
# Words before a title that qualify it without being the title: `former minister`.
ROLE_MODIFIERS: frozenset[str] = frozenset("former acting retired interim then- outgoing incoming".split())
