"""Reporting cues: the verbs and phrases that introduce what someone said or thought.

One line per verb, as a lemma with the roles it plays; its inflections (`says said
saying`), headline forms (`Says`) and fronted participles (`Noting that …`) are derived
here, never typed. Adding a speech verb is one line in LEXEMES.

Roles decide how the cue takes its content, and so where the reported clause starts:
`said (that) …`, `urged X to …`, `called for …`, `believed that …`.

  speech       reports speech or writing; cues direct quotes and reported claims
  quote        introduces quoted words but rarely a clause (`"…," she quipped`): -s and -ed forms
  belief       a thought, which PolNeAR annotates as an attribution too
  object       content is an object with its complement: `called X a Y`, `accused X of Y`
  infinitive   content is an infinitive: `promised to deliver`
  urge         content is `X to …`: `urged X to …`
  clause-only  reports only when a `to` or `that` clause follows (`pledged delegates` is not)
  tail-only    reports only when it closes the sentence (`…, she continued.`)
  not-claim    as an indirect-speech cue mostly something else on PolNeAR train (`continued to`)
  listener     its next noun phrase is the listener, not the speaker (`told POLITICO`)
  headline     its -s form opens a title-case headline's content (`Mayor Warns …`)
  headline-past  its past form too (`Mayor Said …`)
  fronted      its participle can open a sentence (`Noting that X, Y argued …`)

A column after the lemma gives an irregular or consonant-doubling past (`said`,
`admitted`); `-ing` or `-base -s` after the roles drop a form that is mostly not a cue in
news ("the United States", "reporting" as a noun).
"""

from __future__ import annotations

from dataclasses import dataclass

# lemma   [past]   roles   [-form ...]
LEXEMES_TABLE = """
say        said       speech headline headline-past fronted
tell       told       speech headline headline-past listener
add        -          speech fronted
write      wrote      speech
ask        -          speech listener
note       -          speech fronted
report     -          speech -ing
announce   -          speech headline
suggest    -          speech headline
tweet      -          speech
argue      -          speech fronted
explain    -          speech fronted
state      -          speech -base -s
claim      -          speech headline fronted
insist     -          speech headline fronted
warn       -          speech headline fronted listener
continue   -          speech tail-only not-claim -ing
declare    -          speech
stress     -          speech fronted
acknowledge -         speech fronted
admit      admitted   speech headline
deny       -          speech headline
reply      -          speech tail-only
respond    -          speech
predict    -          speech headline
confirm    -          speech
recall     -          speech
promise    -          speech infinitive
vow        -          speech headline infinitive
joke       -          speech
complain   -          speech
emphasize  -          speech
emphasise  -          speech
remark     -          speech -ing
observe    -          speech
assert     -          speech
maintain   -          speech not-claim -ing
contend    -          speech -ing
conclude   -          speech
reveal     -          speech headline -ing
pledge     -          speech infinitive clause-only
urge       -          speech headline urge
agree      -          speech infinitive
threaten   -          infinitive clause-only
believe    -          belief
think      thought    belief -ing
hope       -          belief -ing
fear       -          belief -ing
call       -          object
describe   -          object
criticize  -          object
criticise  -          object
accuse     -          object
cite       -          fronted
quip       quipped    quote
mock       -          quote
exclaim    -          quote
shout      -          quote
yell       -          quote
chant      -          quote
boast      -          quote
brag       bragged    quote
counter    -          quote
muse       -          quote
sigh       -          quote
laugh      -          quote
caution    -          quote
recount    -          quote
wonder     -          quote
post       -          quote
read       read       quote
"""

# Multi-word cues, matched as phrases (lower case, single spaces): verb lemma, particle, roles.
PHRASES_TABLE = """
point out    speech
call on      urge
call upon    urge
call for     for
appeal to    urge -base
point to     object
call out     object
put it       quote
"""

ROLES = frozenset(
    "speech quote belief object infinitive urge clause-only tail-only not-claim listener headline headline-past fronted"
    " for".split()
)

# Forms that are mostly nouns in news ("a report", "his remarks", "her claim", "a call"):
# never indirect-speech cues, though they still cue direct quotes.
NOUN_HOMOGRAPHS: frozenset[str] = frozenset("call report remarks tweet claim add".split())


@dataclass(frozen=True, slots=True)
class Lexeme:
    """A cue verb: its lemma, its inflected forms by name, and the roles it plays."""

    lemma: str
    forms: dict[str, str]  # base, s, ed, ing -> the written form
    roles: frozenset[str]

    def all_forms(self) -> frozenset[str]:
        return frozenset(self.forms.values())


_SIBILANT = ("s", "sh", "ch", "x", "z")


def inflect(lemma: str, past: str | None = None) -> dict[str, str]:
    """The base, -s, -ed and -ing forms of a regular English verb; `past` for irregular ones.

    A past that doubles the final consonant (`admitted`) doubles it in the participle too.
    """
    consonant_y = lemma.endswith("y") and lemma[-2:-1] not in "aeiou"
    if consonant_y:
        s, ed = lemma[:-1] + "ies", lemma[:-1] + "ied"
    else:
        s = lemma + ("es" if lemma.endswith(_SIBILANT) else "s")
        ed = lemma + ("d" if lemma.endswith("e") else "ed")
    if past is not None and past == lemma + lemma[-1] + "ed":
        ing = lemma + lemma[-1] + "ing"
    elif lemma.endswith("e") and not lemma.endswith("ee"):
        ing = lemma[:-1] + "ing"
    else:
        ing = lemma + "ing"
    return {"base": lemma, "s": s, "ed": past or ed, "ing": ing}


def _parse(table: str) -> tuple[Lexeme, ...]:
    out = []
    for line in table.strip().splitlines():
        lemma, past, *rest = line.split()
        roles = frozenset(w for w in rest if not w.startswith("-"))
        unknown = roles - ROLES
        if unknown:
            raise ValueError(f"verbs lexicon: unknown role {sorted(unknown)} on {lemma!r}")
        forms = inflect(lemma, None if past == "-" else past)
        for drop in (w[1:] for w in rest if w.startswith("-")):
            del forms[drop]
        out.append(Lexeme(lemma, forms, roles))
    return tuple(out)


def _phrases(table: str) -> tuple[Lexeme, ...]:
    out = []
    for line in table.strip().splitlines():
        verb, particle, *rest = line.split()
        forms = {k: f"{v} {particle}" for k, v in inflect(verb).items()}
        if verb == "put":  # `as she put it`: past and present alike, never `putting it`
            forms = {"base": "put it", "s": "puts it"}
        for drop in (w[1:] for w in rest if w.startswith("-")):
            del forms[drop]
        out.append(Lexeme(f"{verb} {particle}", forms, frozenset(w for w in rest if not w.startswith("-"))))
    return tuple(out)


LEXEMES: tuple[Lexeme, ...] = _parse(LEXEMES_TABLE)
PHRASES: tuple[Lexeme, ...] = _phrases(PHRASES_TABLE)


def forms_with(role: str, lexemes: tuple[Lexeme, ...] = LEXEMES) -> frozenset[str]:
    """Every written form of the verbs playing `role`."""
    return frozenset(f for lx in lexemes if role in lx.roles for f in lx.all_forms())


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


# Verbs that report speech or writing, in every inflection; the core uses them as cues for
# direct quotes too.
SPEECH_VERBS: frozenset[str] = forms_with("speech")
# Verbs that introduce quoted words but rarely a reported clause: the core's own cues for
# direct quotes, in their -s and -ed forms (`"…," she quipped`).
QUOTE_VERBS: frozenset[str] = frozenset(
    lx.forms[k] for lx in LEXEMES if "quote" in lx.roles for k in ("s", "ed")
) | forms_with("quote", PHRASES)
PHRASAL_CUES: frozenset[str] = frozenset(f for lx in PHRASES if "quote" not in lx.roles for f in lx.all_forms()) | {
    "according to"
}
URGE_CUES: frozenset[str] = forms_with("urge") | forms_with("urge", PHRASES)
FOR_CUES: frozenset[str] = forms_with("for", PHRASES)
BELIEF_VERBS: frozenset[str] = forms_with("belief")
TAIL_ONLY_VERBS: frozenset[str] = forms_with("tail-only")
OBJECT_CUES: frozenset[str] = forms_with("object") | forms_with("object", PHRASES)
INFINITIVE_CUES: frozenset[str] = forms_with("infinitive")
NOT_CLAIM_CUES: frozenset[str] = forms_with("not-claim") | NOUN_HOMOGRAPHS
CLAUSE_ONLY_CUES: frozenset[str] = forms_with("clause-only")
# Cues whose next noun phrase is the listener: `X told POLITICO, "…"`, `asked reporters`.
# "warning" is left out: mostly a noun (`a profit warning`), which BBC train shows.
LISTENER_VERBS: frozenset[str] = forms_with("listener") - {"warning"}
ASK_FORMS: frozenset[str] = next(lx for lx in LEXEMES if lx.lemma == "ask").all_forms()
TELL_FORMS: frozenset[str] = next(lx for lx in LEXEMES if lx.lemma == "tell").all_forms()
# Headline cues, capitalised inside a title-case line: `Mayor Says Bridge Will Reopen`.
HEADLINE_CUES: frozenset[str] = frozenset(
    [_cap(lx.forms["s"]) for lx in LEXEMES if "headline" in lx.roles]
    + [_cap(lx.forms["ed"]) for lx in LEXEMES if "headline-past" in lx.roles]
)
# Participles that can open a sentence: `Noting that X, Y argued …`.
FRONTED_CUES: frozenset[str] = frozenset(_cap(lx.forms["ing"]) for lx in LEXEMES if "fronted" in lx.roles)
