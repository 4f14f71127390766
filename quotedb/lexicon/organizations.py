"""Words that make a noun phrase an organization, a document, or part of an organization's name.

Read by the name grammar (extract/names.py) and the article registry (extract/entities.py):
a capitalised run holding an ORG_HEADS word is a body (`Policy Studies Institute`), a
lower-case ORG_COMMON_NOUNS head is an unnamed one (`the ministry`, `the carmaker`), and a
DOCUMENT_NOUNS head is a text that "says" something (`the report`).
"""

from __future__ import annotations


def _words(*groups: str) -> frozenset[str]:
    return frozenset(w for g in groups for w in g.split())


# Heads of organization names, capitalised as in the name.
ORG_HEADS: frozenset[str] = _words(
    "University College Institute Institutes Institution Academy School Centre Center Council Committee",
    "Commission Ministry Department Office Mission Embassy Consulate Delegation Agency Bureau Secretariat",
    "Service Authority Board Association Society Federation Union Foundation Organization Organisation",
    "Corporation Company Group Bank Fund Party Court Congress Parliament Senate Assembly House Administration",
    "Government Network Club League Alliance Coalition Nations Forum Police Army Navy Force Forces Guard",
    "Command Chamber Trust Programme Program Operation Initiative Movement Front Studies Research",
    "Inc Inc. Corp Corp. Ltd Ltd. plc PLC LLC Co. Holdings Airlines Airways Motors Partners Services",
    "Times Post News Journal Herald Telegraph Guardian Broadcasting Radio Television TV",
)
# Lower-case nouns that name an organization without its proper name.
ORG_COMMON_NOUNS: frozenset[str] = _words(
    "ministry department agency government administration campaign committee council company firm party",
    "commission office embassy mission court police army military newspaper network group organization",
    "organisation union board bank fund foundation institute bureau center centre association federation",
    "authority club team side regulator watchdog charity carmaker retailer airline insurer lender broker",
)
# Nouns naming a document or study that "says" something: an article-local speaker.
DOCUMENT_NOUNS: frozenset[str] = _words(
    "report study survey poll statement declaration letter memo document paper resolution",
    "communique communiqu\u00e9 release website blog review analysis audit",
)
# Capitalised heads of a named document: `the Lakeside Declaration`.
DOCUMENT_HEADS: frozenset[str] = _words("Declaration Report Statement Resolution Letter Communique Charter")
# Lower-case words allowed between the capitalised words of an organization's name.
ORG_CONNECTIVES: frozenset[str] = _words("of for and on the de du des la le in at to & d' al")
