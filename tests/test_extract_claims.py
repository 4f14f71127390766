"""Reported speech: what claims.find_claims cuts out of a sentence, and what it leaves alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.extract.claims import find_claims
from quotedb.extract.text import Document, sentences
from quotedb.extract.spans import find_spans


def claims(text: str):
    doc = Document.of(text)
    return find_claims(doc, find_spans(doc))


def one(text: str):
    found = claims(text)
    assert len(found) == 1, found
    return found[0]


def test_said_that_gives_the_clause_after_that_and_the_subject_as_source():
    c = one("Maria Okafor said that the bridge would reopen in the spring.")
    assert c.content.text == "the bridge would reopen in the spring."
    assert c.source.text == "Maria Okafor"
    assert c.cue.text == "said"


def test_said_without_that_starts_the_content_right_after_the_cue():
    c = one("The mayor said the new bus lanes had cut journey times by a third.")
    assert c.content.text == "the new bus lanes had cut journey times by a third."
    assert c.source.text == "The mayor"


def test_adverbials_between_cue_and_that_are_skipped():
    c = one("Okafor said at the press briefing on Monday that the budget was balanced.")
    assert c.content.text == "the budget was balanced."


def test_appositive_roles_stay_in_the_source():
    c = one("Tomas Reyes, director of the Harbour Institute, and chair of its board, said the port needs dredging.")
    assert c.source.text == "Tomas Reyes, director of the Harbour Institute, and chair of its board"
    assert c.content.text == "the port needs dredging."


def test_trailing_attribution_takes_the_sentence_up_to_the_comma():
    c = one("The harvest will be late this year because of the floods, the farmers said.")
    assert c.content.text == "The harvest will be late this year because of the floods"
    assert c.source.text == "the farmers"
    assert c.rule == "tail"


def test_inverted_attribution_takes_the_name_and_role_after_the_cue():
    c = one("Rents will keep rising unless more homes are built, said Ana Lind, an economist at Nordbank.")
    assert c.content.text == "Rents will keep rising unless more homes are built"
    assert c.source.text == "Ana Lind, an economist at Nordbank"


def test_surname_after_content_is_the_source():
    c = one("The plan covers nine districts and starts with the oldest schools, Okafor explained.")
    assert c.source.text == "Okafor"
    assert c.cue.text == "explained"


def test_bare_plural_group_after_the_content_is_a_source():
    c = one("The storm was the worst in forty years, forecasters said.")
    assert c.source.text == "forecasters"


def test_urged_gives_the_object_and_its_infinitive():
    c = one("She urged the council to publish the report before the vote.")
    assert c.content.text == "the council to publish the report before the vote."
    assert c.source.text == "She"


def test_called_on_gives_the_object_and_its_infinitive():
    c = one("He called on neighbouring states to share their river data.")
    assert c.content.text == "neighbouring states to share their river data."
    assert c.source.text == "He"


def test_called_on_a_weekday_for_something_is_a_call_for():
    c = one("Nurses called on Friday for safer staffing levels in night wards.")
    assert c.content.text == "for safer staffing levels in night wards."
    assert c.source.text == "Nurses"


def test_a_participle_cue_takes_the_sentence_subject_as_source():
    c = one("Governor Ruth Abara signed the water bill, saying it would protect small farms.")
    assert c.source.text == "Governor Ruth Abara"
    assert c.content.text == "it would protect small farms."
    assert c.rule == "participle"


def test_pointed_out_is_a_cue():
    c = one("Two engineers pointed out that the old dam had never been inspected.")
    assert c.content.text == "the old dam had never been inspected."
    assert c.cue.text == "pointed out"


def test_group_belief_is_a_claim():
    c = one("Delegates believed that the treaty could be signed within a year.")
    assert c.source.text == "Delegates"
    assert c.content.text == "the treaty could be signed within a year."


def test_according_to_before_the_content():
    c = one("According to the census office, the city grew by four percent last year.")
    assert c.source.text == "the census office"
    assert c.content.text == "the city grew by four percent last year."


def test_according_to_after_the_content():
    c = one("The city grew by four percent last year, according to the census office.")
    assert c.source.text == "the census office"
    assert c.content.text == "The city grew by four percent last year"


def test_a_pronoun_source_is_returned_as_written():
    c = one("Later he said the talks had broken down.")
    assert c.source.text == "he"


def test_the_content_runs_past_abbreviations_to_the_sentence_end():
    text = "Mr. Dale said the U.S. team arrived on Jan. 4 with Dr. Hale. Nobody else came."
    c = one(text)
    assert c.content.text == "the U.S. team arrived on Jan. 4 with Dr. Hale."
    assert c.source.text == "Mr. Dale"


def test_a_clause_holding_a_partial_quote_is_kept_whole():
    c = one('She said the district "has never looked better" after the clean-up.')
    assert c.content.text == 'the district "has never looked better" after the clean-up.'


def test_a_plain_direct_quote_is_left_to_the_core():
    assert claims('"We will rebuild the library," she said.') == []


def test_an_inverted_direct_quote_is_left_to_the_core():
    assert claims('"The roads are clear again," said Pia Novak, the county engineer.') == []


def test_a_cue_inside_a_direct_quote_is_not_a_claim_of_the_quoted_speaker():
    text = '"My neighbour said the river was rising," Novak told us.'
    assert all(c.cue.text != "said" for c in claims(text))


def test_titles_are_not_claims():
    assert claims('The museum opened an exhibition titled "Salt and Stone" in the old mill.') == []


def test_a_noun_use_of_a_cue_word_is_not_a_cue():
    assert claims("The reports from the field were late again this week.") == []


def test_passive_urged_to_is_not_a_claim():
    assert claims("Residents are urged to boil their water until further notice.") == []


def test_a_website_called_something_is_not_a_claim():
    assert claims("The story came from a website called Daily Lantern, which has since closed.") == []


def test_every_span_is_a_slice_of_the_text():
    text = (
        "Ina Berg, who leads the union, said members would strike. Wages are too low, she added.\n\n"
        "According to the ministry, talks resume Monday."
    )
    found = claims(text)
    assert len(found) == 3
    for c in found:
        for span in (c.content, c.cue, c.source):
            assert text[span.start : span.end] == span.text


def test_sentences_keep_abbreviations_and_initials_together():
    text = "Gen. J. Smith met Sen. Ray in the U.S. capital. They talked."
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "Gen. J. Smith met Sen. Ray in the U.S. capital.",
        "They talked.",
    ]


def test_body_bounds_are_respected():
    text = "Editor said the headline was wrong.\nThe chief said the vote was close."
    body = (text.index("The chief"), len(text))
    found = find_claims(Document.of(text, *body), [])
    assert [c.source.text for c in found] == ["The chief"]


@pytest.mark.parametrize("text", ["", "said", ", said .", "according to", '" said "', "\n\n\n", "called on to"])
def test_degenerate_text_gives_no_claim_and_no_error(text):
    assert isinstance(claims(text), list)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab ,.\"'“”’\n") + [" said ", " told ", " according to ", " urged ", "He", " that "]), max_size=60).map("".join))
def test_random_text_never_raises_and_spans_match(text):
    for c in claims(text):
        for span in (c.content, c.cue, c.source):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_paragraph_offsets_outside_the_text_are_tolerated():
    text = "Ina Berg said members would strike."
    assert find_claims(Document(text, [(5, 400), (-3, 2), (30, 10)], 0, 999), []) is not None


def test_according_to_in_mid_sentence_reports_what_follows():
    found = claims("Turnout, according to the election board, reached a record high in the north.")
    assert [c.content.text for c in found] == ["Turnout", "reached a record high in the north."]
    assert {c.source.text for c in found} == {"the election board"}


def test_an_adverbial_segment_before_the_name_is_not_the_source():
    c = one("The day after the count, Mayor Ida Holm said the result would stand.")
    assert c.source.text == "Mayor Ida Holm"


def test_a_promise_reports_its_infinitive():
    c = one("The minister promised to publish the contracts by June.")
    assert c.content.text == "to publish the contracts by June."


def test_a_report_nested_inside_another_is_its_own_claim():
    found = claims("The coach said the players told him that the pitch was too wet to play on.")
    by_cue = {c.cue.text: c for c in found}
    assert by_cue["said"].source.text == "The coach"
    assert by_cue["told"].source.text == "the players"
    assert by_cue["told"].content.text == "the pitch was too wet to play on."


def test_a_quantifier_subject_is_a_source():
    c = one("Some said the new timetable was confusing.")
    assert c.source.text == "Some"


def test_an_inverted_source_followed_by_more_of_the_report_splits_it():
    found = claims("A deal this year, said Ana Lind, an economist at Nordbank, would surprise everyone.")
    assert [c.content.text for c in found] == ["A deal this year", "would surprise everyone."]
    assert found[0].source.text == "Ana Lind, an economist at Nordbank"


def test_a_leading_aside_is_cut_from_the_source():
    c = one("Even so, most voters in the valley say the dam should stay.")
    assert c.source.text == "most voters in the valley"


def test_a_fronted_participle_report_takes_the_subject_after_it():
    c = one("Noting that the ferry had never run late, Captain Ora Brandt defended the crew.")
    assert c.content.text == "the ferry had never run late"
    assert c.source.text == "Captain Ora Brandt"


def test_pointed_to_reports_its_object():
    c = one("Officials pointed to the dry summer as the main cause of the fires.")
    assert c.content.text == "the dry summer as the main cause of the fires."


def test_as_reported_by_works_like_according_to():
    c = one("As reported by the Harbour Gazette, the port will close in May.")
    assert c.source.text == "the Harbour Gazette"
    assert c.content.text == "the port will close in May."


def test_fronted_participle_report_belongs_to_the_main_clause_subject():
    found = claims("After suggesting that the bridge was unsafe, Ole Berg voted to close it.")
    assert [(c.content.text, c.source.text) for c in found] == [("the bridge was unsafe", "Ole Berg")]


# --- evaluative and topic cues: the object is what was said ---------------------------


@pytest.mark.parametrize("sentence, content", [
    ("Ana Ruiz expressed concern about the closure of two schools in Lakeside.",
     "the closure of two schools in Lakeside."),
    ("The envoy voiced support for a ceasefire along the northern border.",
     "a ceasefire along the northern border."),
    ("Omar Tesfa paid tribute to the rescue teams who worked through the night.",
     "the rescue teams who worked through the night."),
])
def test_a_topic_cue_reports_what_the_concern_support_or_tribute_is_about(sentence, content):
    c = one(sentence)
    assert c.content.text == content
    assert c.rule == "topic"


def test_a_topic_ends_where_the_next_clause_begins():
    found = claims("Ana Ruiz expressed concern over the new dam, saying farmers had not been asked.")
    assert [(c.content.text, c.rule) for c in found] == [
        ("the new dam", "topic"), ("farmers had not been asked.", "participle")]


def test_an_evaluative_verb_reports_its_object_and_complement():
    c = one("Jo Kern condemned the council for closing the library without a vote.")
    assert c.content.text == "the council for closing the library without a vote."
    assert c.source.text == "Jo Kern"


def test_hailed_as_keeps_the_complement():
    c = one("Omar Tesfa hailed the agreement as a turning point for the region.")
    assert c.content.text == "the agreement as a turning point for the region."


def test_a_lower_case_source_does_not_make_an_evaluative_claim():
    assert [c for c in claims("the crowds praised the new stadium roof loudly.") if c.rule == "object"] == []


@pytest.mark.parametrize("sentence, evaluative, inner", [
    ('Mara Vo called the levy "unfair" and said farmers would pay twice.',
     'the levy "unfair"', ("farmers would pay twice.", "Mara Vo")),
    ("Jo Kern praised the council for its budget, which she said would save the harbour.",
     "the council for its budget", ("would save the harbour.", "she")),
    ("Omar Tesfa hailed the accord as historic and then warned that the hard part lay ahead.",
     "the accord as historic", ("the hard part lay ahead.", "Omar Tesfa")),
])
def test_an_evaluative_object_ends_before_a_report_it_runs_into(sentence, evaluative, inner):
    found = claims(sentence)
    assert found[0].rule == "object" and found[0].content.text == evaluative
    assert [(c.content.text, c.source.text) for c in found[1:]] == [inner]


def test_a_topic_that_runs_into_a_subject_and_cue_ends_before_the_subject():
    found = claims("Ana Ruiz voiced support for the strike as union leaders warned that talks had failed.")
    assert [(c.content.text, c.source.text) for c in found] == [
        ("the strike", "Ana Ruiz"), ("talks had failed.", "union leaders")]


def test_an_evaluative_object_cut_to_one_word_goes_and_the_next_one_stands():
    found = claims("Mara Vo praised Lee and said the hall was fine, and Ana Ruiz condemned the plan as reckless.")
    assert [(c.rule, c.content.text) for c in found] == [
        ("lead", "the hall was fine, and Ana Ruiz condemned the plan as reckless."),
        ("object", "the plan as reckless.")]


def test_reiterated_that_is_a_speech_cue():
    c = one("The minister reiterated that the border would stay open all winter.")
    assert c.content.text == "the border would stay open all winter."


# --- what is not a report --------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "However, Lena Marsh said, the deal is not yet signed.",
    "By 2008, according to the report, sales had doubled.",
    "By contrast, the mayor said, the harbour had been quiet.",
])
def test_a_sentence_adverbial_before_the_cue_is_not_what_was_said(sentence):
    heads = [c for c in claims(sentence) if c.content.start == 0]
    assert heads == []


def test_a_short_head_that_is_not_an_adverbial_is_still_a_report():
    c = claims("Prices will fall, Lena Marsh said.")
    assert [x.content.text for x in c] == ["Prices will fall"]


def test_a_long_run_of_cue_words_is_no_source_phrase():
    text = "said " * 300 + "that the bridge is closed."
    for c in claims(text):
        assert c.source is None or len(c.source.text.split()) <= 25


def test_adding_that_after_a_quoted_sentence_reports_more_of_the_same_speaker():
    found = claims('"We are ready," Ana Ruiz said, adding that talks could start in May.')
    assert [(c.content.text, c.source.text) for c in found] == [("talks could start in May.", "Ana Ruiz")]


def test_a_participle_after_a_quote_without_that_is_left_to_the_quote():
    assert claims('"We are ready," Ana Ruiz said, smiling at the crowd.') == []


@pytest.mark.parametrize("sentence, content", [
    ("The delegates voiced alarm at the rising cost of grain.", "the rising cost of grain."),
    ("Omar Tesfa spoke of a new start for the river towns.", "a new start for the river towns."),
    ("Jo Kern advocated for a single ticket on every ferry.", "a single ticket on every ferry."),
])
def test_more_topic_cues(sentence, content):
    assert one(sentence).content.text == content
