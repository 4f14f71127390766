"""Direct quotes and who said them, through the public extract() entry point."""

from __future__ import annotations

from quotedb.extract import extract
from quotedb.model import Article, ArticleMeta


def quotes(text: str):
    return extract(Article(text=text, meta=ArticleMeta(), origin="test")).quotes


def direct(text: str):
    return [q for q in quotes(text) if q.kind == "direct"]


def test_pronoun_after_the_quote_is_the_mention():
    text = 'Nadia Rossi opened the new clinic.\n\n"It took ten years to build," she said.'
    (q,) = direct(text)
    assert q.speaker_mention.text == "she"
    assert q.speaker == "Nadia Rossi"
    assert q.cue == "said"


def test_said_name_and_role_after_the_quote():
    text = '"The river is cleaner than ever," said Hugo Brandt, director of the Elbe Water Authority.'
    (q,) = direct(text)
    assert (q.speaker, q.role, q.organization) == ("Hugo Brandt", "director", "Elbe Water Authority")


def test_name_said_colon_before_the_quote():
    text = 'Mayor Lisa Grant said: "We will not raise the parking fees."'
    (q,) = direct(text)
    assert (q.speaker, q.role) == ("Lisa Grant", "Mayor")


def test_name_with_appositive_said_before_the_quote():
    text = 'Ravi Shah, a nurse at the county hospital, said "the ward is full every night."'
    (q,) = direct(text)
    assert q.speaker == "Ravi Shah"


def test_split_quote_gives_two_spans_by_one_speaker():
    text = '"We tried everything," the coach, Ben Ortiz, said, "but the pitch was frozen."'
    found = direct(text)
    assert [q.text for q in found] == ['"We tried everything,"', '"but the pitch was frozen."']
    assert {q.speaker for q in found} == {"Ben Ortiz"}


def test_second_quote_after_the_cue_sentence_keeps_the_speaker():
    text = '"Prices went up twice," Carla Mendes said. "Nobody warned us."'
    found = direct(text)
    assert [q.speaker for q in found] == ["Carla Mendes", "Carla Mendes"]


def test_paragraph_that_is_only_a_quote_continues_the_previous_speaker():
    text = ('"The harvest was late this year," farmer Jonas Weber said.\n\n'
            '"Next year we will plant earlier and hope for rain."')
    found = direct(text)
    assert len(found) == 2
    assert found[1].speaker == "Jonas Weber"
    assert found[1].rule == "continuation"


def test_unknown_verb_after_a_comma_closed_quote_still_attributes():
    text = '"That is simply not true," Olga Petrova snapped.'
    (q,) = direct(text)
    assert q.speaker == "Olga Petrova"


def test_transcript_label_inside_the_marks_is_the_speaker():
    text = '"HOST: Welcome back to the programme."'
    (q,) = direct(text)
    assert q.speaker == "HOST"


def test_dash_and_name_after_the_quote():
    text = "\u201cI moved here for the schools.\u201d \u2015 Elena Ruiz\n"
    (q,) = direct(text)
    assert q.speaker == "Elena Ruiz"


def test_title_in_quotes_is_not_a_quote():
    text = 'The museum opened an exhibition titled "Ships of the Old Harbour" on Friday.'
    assert quotes(text) == ()


def test_title_inside_a_reported_claim_keeps_it_indirect():
    text = 'The exhibition titled "Ships of the Old Harbour" drew large crowds, its director said.'
    assert [q.kind for q in quotes(text)] == ["indirect"]


def test_short_scare_quote_that_nobody_said_is_dropped():
    text = 'The so-called "reform" was debated for hours in the chamber.'
    assert direct(text) == []


def test_quote_text_matches_the_article_offsets():
    text = 'Intro line.\n\n"First, we listen," said Anya Belova. "Then we act."\n'
    for q in quotes(text):
        assert text[q.start:q.end] == q.text


def test_every_direct_quote_has_a_rule_and_confidence():
    text = '"We are proud of the team," said Marco Bell.'
    (q,) = direct(text)
    assert q.rule and 0 < q.confidence <= 1


def test_embedded_quote_in_a_reported_clause_is_one_mixed_quote():
    text = 'Irene Novak, president of the Danube Rowing Club, said the new boathouse "has changed how young people train".'
    found = quotes(text)
    assert [q.kind for q in found] == ["mixed"]
    assert found[0].speaker == "Irene Novak"


def test_quoted_description_after_a_determiner_is_not_speech():
    text = ('"The fair opens on Saturday," said Vera Lind, its organiser.\n\n'
            'Posters show a "quiet, green and welcoming valley that anyone can visit" beside the entrance.')
    assert [q.speaker for q in direct(text)] == ["Vera Lind"]


def test_quote_completing_a_reported_clause_is_mixed():
    text = 'Ines Vidal, the council chair, said the new county budget was "fair to every district."'
    (q,) = quotes(text)
    assert q.kind == "mixed"
    assert q.text.startswith("the new county budget") and q.speaker == "Ines Vidal"


def test_partial_quote_after_a_reported_subject_is_one_mixed_quote():
    text = 'Omar Haddad says he goes "back to the market every morning."'
    (q,) = quotes(text)
    assert (q.kind, q.text) == ("mixed", 'he goes "back to the market every morning."')


def test_that_before_a_quote_makes_it_mixed():
    text = 'The harbour master vowed that "no ferry will leave in this storm."'
    (q,) = quotes(text)
    assert (q.kind, q.text) == ("mixed", 'that "no ferry will leave in this storm."')


def test_subject_before_a_quote_with_a_trailing_cue_is_mixed():
    text = 'The ferry "runs late every winter," said Lena Moss.'
    (q,) = quotes(text)
    assert (q.kind, q.speaker) == ("mixed", "Lena Moss")


def test_conditional_clause_before_a_quote_keeps_it_in_one_mixed_quote():
    text = 'Mayor Ada Cole said that if the river rises again, "the whole street will flood."'
    (q,) = quotes(text)
    assert (q.kind, q.text) == ("mixed", 'if the river rises again, "the whole street will flood."')


def test_short_lead_in_leaves_the_quote_direct():
    text = 'When the rain stopped, "we went straight back to work," said Ines Vidal.'
    (q,) = quotes(text)
    assert q.kind == "direct" and q.text == '"we went straight back to work,"'


def test_a_determiner_is_never_a_whole_source():
    text = 'The agency "counts every road, bridge and tunnel twice," the report says.'
    (q,) = quotes(text)
    assert q.speaker_mention.text == "report"


def test_listener_after_told_is_not_the_speaker():
    text = 'Dana Ortiz, who runs the depot, told the Herald, "We need more buses before winter."'
    (q,) = direct(text)
    assert q.speaker == "Dana Ortiz"


def test_participle_phrase_is_not_part_of_the_source():
    text = 'A senior official speaking to Radio North said, "The border will reopen on Friday."'
    (q,) = direct(text)
    assert (q.speaker, q.speaker_kind, q.role) == (None, "unnamed", "senior official")


def test_name_after_a_dash_before_a_colon_is_the_source():
    text = 'Turnout surprised everyone - Mara Quist: "Nobody expected the queues at six in the morning."'
    (q,) = direct(text)
    assert q.speaker == "Mara Quist"


def test_listener_before_a_colon_is_not_the_source():
    text = 'Governor Leo Brandt outlined his plan to the weekly paper Harbour Times: "We will dredge the port first."'
    (q,) = direct(text)
    assert q.speaker == "Leo Brandt"


def test_second_verb_of_a_clause_keeps_the_first_verbs_subject():
    text = 'Nora Field opened the new library on Monday and later told visitors, "Books are for everyone."'
    (q,) = direct(text)
    assert q.speaker == "Nora Field"


def test_relative_clause_speaker_is_the_name_it_follows():
    text = 'The award went to a local baker, Tomas Reyes, who declared: "Bread brings people together."'
    (q,) = direct(text)
    assert q.speaker == "Tomas Reyes"
