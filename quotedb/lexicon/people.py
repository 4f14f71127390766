"""Words that tell a source noun phrase apart: titles, organisations, groups, pronouns."""

from __future__ import annotations

from typing import NamedTuple


def _words(*groups: str) -> frozenset[str]:
    return frozenset(w for g in groups for w in g.split())


class Pronoun(NamedTuple):
    """What a pronoun tells about whom it stands for: resolve.py matches it to someone."""

    person: int
    number: str  # singular | plural | either
    gender: str | None  # female | male | neuter | None when it does not say
    subject: bool = True  # a subject form: it can be a speaker (`she said`)


PRONOUN_FEATURES: dict[str, Pronoun] = {
    "i": Pronoun(1, "singular", None),
    "we": Pronoun(1, "plural", None),
    "you": Pronoun(2, "either", None),
    "he": Pronoun(3, "singular", "male"),
    "she": Pronoun(3, "singular", "female"),
    "it": Pronoun(3, "singular", "neuter"),
    "they": Pronoun(3, "plural", None),
    "me": Pronoun(1, "singular", None, subject=False),
    "us": Pronoun(1, "plural", None, subject=False),
    "him": Pronoun(3, "singular", "male", subject=False),
    "her": Pronoun(3, "singular", "female", subject=False),
    "them": Pronoun(3, "plural", None, subject=False),
}
POSSESSIVE_DETERMINERS: frozenset[str] = _words("his her their its our my")

# Personal pronouns that stand for a speaker; resolve.py maps them to a person or group.
PRONOUNS: frozenset[str] = frozenset(p for p, f in PRONOUN_FEATURES.items() if f.subject)
PLURAL_PRONOUNS: frozenset[str] = frozenset(p for p in PRONOUNS if PRONOUN_FEATURES[p].number == "plural")
# Pronouns that name a person or a group of people (not `it`, not the reader's `you`).
PERSONAL_PRONOUNS: frozenset[str] = PRONOUNS - {"it", "you"}
OBJECT_PRONOUNS: frozenset[str] = frozenset(
    p for p, f in PRONOUN_FEATURES.items() if not f.subject or p in ("you", "it")
)

# Dotted abbreviations that do not end a sentence: `Sen. Ted Cruz`, `Rep. X, R-Fla.`; the one
# list the sentence splitter (extract/text.py) and the quote attributor read.
ABBREVIATIONS: frozenset[str] = _words(
    "mr mrs ms dr prof sen rep reps gov lt gen col maj capt sgt adm cmdr rev fr st mt ft hon pres",
    "jr sr inc co corp ltd dept univ assn no vs etc est approx fig vol op ed",
    "u.s u.k u.n e.u d.c a.m p.m",
    "jan feb mar apr jun jul aug sep sept oct nov dec",
    "ala ariz ark calif colo conn del fla ga ind kan ky md mich minn mo mont",
    "neb nev okla pa tenn tex va vt wis wyo",
)
# State abbreviations that are also English words end a sentence more often than they
# abbreviate a state: `… the price of iron ore. China's …` (BBC train), `Miss.`, `ill.`.
WORD_LIKE_ABBREVIATIONS: frozenset[str] = _words("ill la mass miss ore wash")

# Honorifics: part of how a person is named, never a role.
HONORIFICS: frozenset[str] = _words("Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr Sir Dame Lord Lady Prof. Rev.")

# Titles of office, as they appear before a name (`President Xi Jinping`, `Sen. Ted Cruz`)
# or head an appositive (`deputy director of …`). Multi-word titles are matched whole.
TITLES: frozenset[str] = frozenset(
    t.strip().lower()
    for t in """
    president, vice-president, vice president, prime minister, premier, chancellor, king, queen,
    prince, minister, foreign minister, defense minister, defence minister, finance minister,
    secretary, del., delegate, secretary general, secretary-general, under-secretary-general, secretary of state,
    attorney general, ambassador, envoy, consul, charge d'affaires, charg\u00e9 d'affaires,
    special representative, permanent representative, representative, spokesman, spokeswoman,
    spokesperson, senator, sen., rep., congressman, congresswoman, gov., governor, lt. gov.,
    lieutenant governor, mayor, councilman, councilwoman, councillor, councilor, speaker,
    majority leader, minority leader, leader, chairman, chairwoman, chair, chairperson,
    director, director general, director-general, managing director, president-elect,
    commissioner, high commissioner, inspector general, chief, chief executive, ceo, founder,
    co-founder, head, dean, professor, lecturer, researcher, fellow, scholar, analyst, economist,
    strategist, pollster, adviser, advisor, consultant, aide, attorney, lawyer, judge, justice,
    chief justice, prosecutor, general, gen., lt. gen., col., maj., capt., adm., sgt., lt.,
    colonel, major, captain, admiral, sergeant, lieutenant, commander, pope, cardinal, bishop,
    archbishop, rabbi, imam, pastor, reverend, rev., sheriff, chief of staff, press secretary,
    candidate, nominee, hopeful, frontrunner, front-runner, manager, campaign manager, coach,
    editor, correspondent, reporter, columnist, anchor, host, officer, official, provost, rector,
    vice-chancellor, counsel, general counsel, treasurer, superintendent, administrator, trustee,
    member, partner, owner, organizer, organiser, activist, executive, deputy, planner, counsellor,
    deputy director, spokesperson
    """.split(",")
)

# Heads of organisation names: a capitalised run holding one of these is an organisation.
ORG_WORDS: frozenset[str] = _words(
    "University College Institute Institution Academy School Centre Center Council Committee",
    "Commission Ministry Department Office Mission Embassy Consulate Delegation Agency Bureau",
    "Service Authority Board Association Society Federation Union Foundation Organization",
    "Organisation Corporation Company Group Bank Fund Party Campaign Court Congress Parliament",
    "Senate Assembly House Administration Government Council Network Times Post News Journal",
    "Press Inc. Inc Corp. Corp Ltd. Ltd LLC Club League Alliance Coalition Nations Forum",
    "Secretariat Police Army Navy Force Forces Guard Command Studies Law Affairs Sciences Chamber",
)

# Organisations whose proper names include their seat: `Permanent Mission of X in Geneva`.
SEATED_ORGS: frozenset[str] = _words("Mission Embassy Consulate Delegation Office")

# Plural nouns naming groups of people that speak together: `participants said`.
GROUP_NOUNS: frozenset[str] = _words(
    "participants experts scholars officials analysts critics supporters opponents protesters",
    "demonstrators residents voters observers lawmakers legislators leaders members delegates",
    "representatives attendees speakers researchers scientists economists activists advocates",
    "sources aides advisers advisors diplomats authorities organizers organisers organizers",
    "investigators prosecutors police officers doctors teachers students workers parents people",
    "republicans democrats conservatives liberals progressives americans citizens fans",
    "executives insiders strategists pollsters observers commentators witnesses villagers",
    "candidates senators governors ministers judges campaigners groups countries nations states",
)

# Singular nouns naming an organisation without a proper name: `the ministry said`.
ORG_NOUNS: frozenset[str] = _words(
    "ministry department agency government administration campaign committee council company",
    "firm party commission office embassy mission court police army military white house",
    "newspaper network station group organization organisation union board bank report study",
    "survey poll statement website memo letter document paper fund foundation institute bureau",
    "center centre association federation authority",
)

# Capitalised words that open a sentence without naming anyone: never a speaker's name.
SENTENCE_OPENERS: frozenset[str] = _words(
    "In On At For With From By As If When While After Before But And Or So Yet The This That These Those",
    "There Here It Its His Her Their Our We I You He She They A An Some Many Most All One Likewise However",
    "Meanwhile Still Also Then Now Later Earlier What Why How Who Where Even Only Just Written Asked Like Soon",
    "Absent Of Despite Although Though Because Since Perhaps Yes No Indeed Instead Unlike Under Over To",
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tonight",
)

# Party labels written before a name (`fellow Tory Jane Roe`, `Democrat John Doe`): part of
# the description, never of the name.
PARTY_WORDS: frozenset[str] = _words(
    "Tory Labour Conservative Liberal Democrat Democratic Republican GOP Green Socialist Unionist",
    "Independent Nationalist",
)

# How the store folds a speaker's name into one row across articles: single words, folded
# (lower case, no dots), dropped from the front of a name. Forms of address are not worth
# keeping as a role; titles are kept as the role when the article states none.
COURTESY_WORDS: frozenset[str] = _words("mr mrs ms miss mx messrs mme mlle herr frau senor senora")
NAME_TITLE_WORDS: frozenset[str] = _words(
    "dr doctor prof professor sir dame lord lady rev reverend fr father",
    "president vice premier chancellor minister secretary senator sen rep",
    "representative congressman congresswoman gov governor mayor judge justice",
    "ambassador gen general col colonel capt captain lt sgt adm admiral",
    "king queen prince princess pope sheikh chairman chairwoman chair ceo",
    "prime deputy foreign state councillor councilor commissioner mp",
)

# --- The name grammar (extract/names.py) --------------------------------------------------
# Heads of a title of office or of a descriptor, lower case, matched whole and longest
# first: the engine's TITLES plus the descriptors news writes before a name (`cameraman`,
# `striker`) and ranks. A superset of TITLES, so both readers agree on every title.
TITLE_HEADS: frozenset[str] = TITLES | frozenset(
    t.strip().lower()
    for t in """
    under secretary, under-secretary, undersecretary, undersecretary general, consul general,
    chief executive, cfo, coo, research fellow, barrister, solicitor, major-general,
    lieutenant-general, brigadier, coordinator, co-ordinator, rapporteur, mp, mep, peer, boss,
    presenter, producer, cameraman, photographer, journalist, author, writer, historian, expert,
    specialist, engineer, scientist, doctor, surgeon, nurse, teacher, campaigner, counselor,
    attach\u00e9, princess, priest, striker, midfielder, defender, goalkeeper, player, skipper, driver,
    champion, singer, actor, actress, rapper, director of public prosecutions, chief constable,
    constable, inspector, detective, executive director
    """.split(",")
)
# Endings that make a descriptor noun of a person without a list entry: `sinologist`.
DESCRIPTOR_SUFFIXES: tuple[str, ...] = ("ologist", "ographer", "onomist", "ician")
# Words inside a title before its head: `deputy permanent representative`.
TITLE_MODIFIERS: frozenset[str] = _words(
    "former acting deputy vice assistant associate senior junior chief executive standing permanent special",
    "general interim outgoing incoming retired then first second principal lead national regional federal",
    "foreign defence defense finance interior justice health education trade culture state shadow",
)
# Forms of address and ranks written before a name; a rank is the role when no title is given.
NAME_HONORIFICS: frozenset[str] = HONORIFICS | _words(
    "Prof Sir Dame Lord Lady Baroness Baron Rev Sen Sen. Rep Rep. Gov Gov. Gen Gen. Lt Lt. Col Col.",
    "Maj Maj. Capt Capt. Adm Adm. Sgt Sgt. Insp Det Fr Father Sheikh",
)
RANK_HONORIFICS: frozenset[str] = _words("Gen Col Maj Capt Adm Sen Rep Gov Lt")
RANK_TITLES: frozenset[str] = _words(
    "Ambassador President Minister Judge Justice General Senator Governor Mayor Commissioner",
    "Professor Chairman Chief Bishop Archbishop Cardinal King Queen Prince Princess Speaker",
)
# Particles inside a person's name: `Ana de la Cruz`.
NAME_PARTICLES: frozenset[str] = _words(
    "de da di del della der den van von bin bint al el la le du dos das ibn ul ur y abu st ter zu mac"
)
# Words that never open, close or sit inside a person's name, even capitalised at a
# sentence start or in a headline: sentence adverbs, modals, conjunctions, quantifiers.
NAME_STOP_WORDS: frozenset[str] = _words(
    "a an the this that these those it its if as at after before but and or nor so yet when while where",
    "whether until unless though although because since could would should will can may might must shall",
    "do does did is are was were be been has have had many most some all both each every several few other",
    "others another such no not only also even just still already however meanwhile instead indeed perhaps",
    "in on of for from with without by to into onto over under about against between among during via",
    "today yesterday tomorrow tonight now then there here what who whom which why how speaking asked",
    "according said says told added thanks like unlike despite including more less again earlier",
)
# Stop words and months that are also given names: `Will Davies`, `June Carter`.
GIVEN_NAME_WORDS: frozenset[str] = _words("will may june april august grant bill rose hope faith joy")
# Acronyms of states: a place, never a person or a body of its own.
STATE_ACRONYMS: frozenset[str] = _words("US U.S. UK U.K. EU UAE USA")
# Evidence of gender for he/she agreement.
FEMININE_WORDS: frozenset[str] = _words(
    "Mrs Mrs. Ms Ms. Dame Lady Baroness Queen Princess spokeswoman chairwoman congresswoman actress"
)
MASCULINE_WORDS: frozenset[str] = _words("Mr Mr. Sir Lord Baron King Prince spokesman chairman congressman")
