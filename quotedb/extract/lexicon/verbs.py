"""Reporting cues: the verbs and phrases that introduce what someone said or thought.

Every entry is an inflected form as it appears in news text. The lists are split by how
the cue takes its content, because that decides where the reported clause starts:
`said (that) …`, `urged X to …`, `called for …`, `believed that …`.
"""

from __future__ import annotations


def _forms(*groups: str) -> frozenset[str]:
    return frozenset(w for g in groups for w in g.split())


# Verbs that report speech or writing, in every inflection; the core uses them as cues for
# direct quotes too. "state/states" are left out: "the United States" is far commoner.
SPEECH_VERBS: frozenset[str] = _forms(
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "write writes wrote writing",
    "ask asks asked asking",
    "note notes noted noting",
    "report reports reported",
    "announce announces announced announcing",
    "suggest suggests suggested suggesting",
    "tweet tweets tweeted tweeting",
    "argue argues argued arguing",
    "explain explains explained explaining",
    "stated stating",
    "claim claims claimed claiming",
    "insist insists insisted insisting",
    "warn warns warned warning",
    "continue continues continued",
    "declare declares declared declaring",
    "stress stresses stressed stressing",
    "acknowledge acknowledges acknowledged acknowledging",
    "admit admits admitted admitting",
    "deny denies denied denying",
    "reply replies replied replying",
    "respond responds responded responding",
    "predict predicts predicted predicting",
    "confirm confirms confirmed confirming",
    "recall recalls recalled recalling",
    "promise promises promised promising",
    "vow vows vowed vowing",
    "joke jokes joked joking",
    "complain complains complained complaining",
    "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
    "remark remarks remarked",
    "observe observes observed observing",
    "assert asserts asserted asserting",
    "maintain maintains maintained",
    "contend contends contended",
    "conclude concludes concluded concluding",
    "reveal reveals revealed",
    "pledge pledges pledged pledging",
    "urge urges urged urging",
    "agree agrees agreed agreeing",
)

# Multi-word cues, matched as phrases (lower case, single spaces).
PHRASAL_CUES: frozenset[str] = frozenset(
    {
        "pointed out", "points out", "point out", "pointing out",
        "called on", "calls on", "call on", "calling on",
        "called upon", "calls upon", "call upon", "calling upon",
        "called for", "calls for", "call for", "calling for",
        "appealed to", "appeals to", "appealing to",
        "according to",
        "pointed to", "points to", "point to", "pointing to",
        "called out", "calls out", "call out", "calling out",
    }
)

# Cues that take an object and an infinitive: `urged X to …` (content = `X to …`).
URGE_CUES: frozenset[str] = frozenset(
    {
        "urge", "urges", "urged", "urging",
        "called on", "calls on", "call on", "calling on",
        "called upon", "calls upon", "call upon", "calling upon",
        "appealed to", "appeals to", "appealing to",
    }
)

# Cues whose content is a `for …` phrase: `called for more cooperation`.
FOR_CUES: frozenset[str] = frozenset({"called for", "calls for", "call for", "calling for"})

# Beliefs and thoughts: PolNeAR annotates them as attributions too.
BELIEF_VERBS: frozenset[str] = _forms(
    "believe believes believed believing",
    "think thinks thought",
    "hope hopes hoped",
    "fear fears feared",
)

# Speech verbs that only report when they close the sentence ("…, she continued.").
TAIL_ONLY_VERBS: frozenset[str] = _forms("continue continues continued", "reply replies replied replying")

# Cues whose content is an object with its complement: `called X a Y`, `accused X of Y`.
OBJECT_CUES: frozenset[str] = frozenset(
    {"pointed to", "points to", "point to", "pointing to", "called out", "calls out", "call out", "calling out"}
) | _forms(
    "called calls calling call",
    "described describes describing describe",
    "criticized criticizes criticizing criticize criticised criticises criticising criticise",
    "accused accuses accusing accuse",
)

# Commitments whose content is an infinitive: `promised to deliver change`.
INFINITIVE_CUES: frozenset[str] = _forms(
    "promise promises promised promising",
    "vow vows vowed vowing",
    "pledge pledges pledged pledging",
    "agree agrees agreed agreeing",
    "threaten threatens threatened threatening",
)

# Forms that, as indirect-speech cues, are mostly something else on PolNeAR train: nouns
# ("a report", "his remarks", "her claim"), "continued to", "maintained a lead".
# They still cue direct quotes.
NOT_CLAIM_CUES: frozenset[str] = _forms(
    "continue continues continued",
    "maintain maintains maintained",
    "call report remarks tweet claim add",
)

# Cues that report only when a `to` or `that` clause follows ("pledged delegates" is not).
CLAUSE_ONLY_CUES: frozenset[str] = _forms(
    "pledge pledges pledged pledging",
    "threaten threatens threatened threatening",
)
