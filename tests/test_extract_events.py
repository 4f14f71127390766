"""Events: which gatherings an article names, their place, organiser and date, and which
quotes were said at them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.extract.events import find_events
from quotedb.extract.events import link_event
from quotedb.extract.text import Document
from quotedb.model import Quote, Span
from quotedb.paragraphs import paragraph_spans

# Thursday
PUBLISHED = "2023-11-16"


def events(text: str, published: str | None = PUBLISHED):
    return find_events(Document.of(text, published=published))


def only(text: str, published: str | None = PUBLISHED):
    found = events(text, published)
    assert len(found) == 1, found
    return found[0]


def quote_at(text: str, fragment: str, kind: str = "indirect", speaker: str | None = None, cue: str | None = None):
    start = text.index(fragment)
    paras = paragraph_spans(text)
    para = max(i for i, (a, _) in enumerate(paras) if a <= start)
    q = Quote(start=start, end=start + len(fragment), text=fragment, kind=kind, paragraph=para, speaker=speaker)
    cue_span = None
    if cue:
        at = text.index(cue, max(0, start - 200))
        cue_span = Span(cue, at, at + len(cue))
    return q, cue_span, Document.of(text)


def test_a_topic_names_the_event_without_its_article():
    ev = only("The second forum on coastal fisheries opened in Bergen on Monday.")
    assert ev.name == "second forum on coastal fisheries"
    assert ev.kind == "forum"


def test_held_in_gives_the_location_and_organized_by_the_organizer():
    ev = only(
        "The third workshop on flood mapping, held in Tromso and organized by the Arctic Water Agency, "
        "drew forty experts."
    )
    assert ev.location == "Tromso"
    assert ev.organizer == "Arctic Water Agency"


def test_a_body_opening_its_session_is_the_organizer():
    ev = only("The Regional Assembly of Nordland opened its 12th annual session in Bodo, Oct. 2, 2023.")
    assert ev.name == "12th annual session"
    assert ev.organizer == "Regional Assembly of Nordland"
    assert ev.location == "Bodo"
    assert ev.date == "2023-10-02"


def test_a_weekday_is_resolved_against_the_publication_date():
    ev = only("The 7th summit on rail freight began on Tuesday in Lyon.")
    assert ev.date == "2023-11-14"


def test_the_publication_weekday_itself_is_the_same_day():
    ev = only("The 7th summit on rail freight began on Thursday in Lyon.")
    assert ev.date == "2023-11-16"


def test_a_month_and_day_take_the_publication_year():
    ev = only("Two missions held a seminar on water rights at the Old Exchange, Basel on March 9th.", "2024-03-20")
    assert ev.location == "Old Exchange, Basel"
    assert ev.date == "2024-03-09"


def test_the_lead_date_goes_to_the_event_introduced_right_after_it():
    text = (
        "Farmers called on Wednesday for lower fuel prices.\n"
        "The ninth conference on rural transport, held in Ghent, gathered 300 people."
    )
    assert only(text).date == "2023-11-15"


def test_a_titled_exhibition_is_named_by_its_title():
    ev = only('The council held a photo exhibition titled "Rivers of the North" in the town hall.')
    assert ev.name == "Rivers of the North"
    assert ev.kind == "exhibition"


def test_later_mentions_merge_into_the_first():
    text = (
        "The 14th session of the board opened in Oslo on Monday.\n"
        "During the session, members debated the budget.\n"
        "At the 14th session, the chair resigned."
    )
    ev = only(text)
    assert ev.name == "14th session"
    assert ev.location == "Oslo"


def test_a_bare_event_noun_does_not_create_an_event():
    assert events("After the meeting, the two leaders had lunch.") == []


def test_a_plural_event_noun_does_not_create_an_event():
    assert events("The third sessions on tax were delayed.") == []


def test_an_event_held_during_another_takes_its_location():
    text = (
        "The 5th conference of the union opened in Riga on Monday.\n"
        "A symposium on wage equality was held during the conference."
    )
    found = {e.kind: e for e in events(text)}
    assert found["symposium"].location == "Riga"


def test_said_at_the_event_links_the_quote():
    text = (
        "The sixth forum on clean shipping took place in Kiel.\n"
        "Ola Berg said at the forum that ports must electrify first."
    )
    evs = events(text)
    q, cue, doc = quote_at(text, "ports must electrify first.", cue="said")
    assert link_event(doc, q, cue, evs) == "sixth forum on clean shipping"


def test_a_quote_with_no_event_in_reach_is_not_linked():
    text = (
        "The sixth forum on clean shipping took place in Kiel.\n"
        "Prices of steel rose sharply.\n"
        "Exports fell too.\n"
        "Tourism recovered slowly.\n"
        "Fishermen protested.\n"
        "Ola Berg said ports must electrify first."
    )
    evs = events(text)
    q, cue, doc = quote_at(text, "ports must electrify first.", cue="said")
    assert link_event(doc, q, cue, evs) is None


def test_claims_in_the_paragraphs_after_an_event_is_introduced_are_linked():
    text = (
        "Two universities held a seminar on river law in Graz.\n"
        "Nell Ames, a professor of law, said that dams need new permits."
    )
    evs = events(text)
    q, cue, doc = quote_at(text, "dams need new permits.", cue="said")
    assert link_event(doc, q, cue, evs) == "seminar on river law"


def test_a_heading_ends_the_reach_of_an_event():
    text = (
        "Two universities held a seminar on river law in Graz.\n"
        "Budget worries\n"
        "Nell Ames said that dams need new permits."
    )
    evs = events(text)
    q, cue, doc = quote_at(text, "dams need new permits.", cue="said")
    assert link_event(doc, q, cue, evs) is None


def test_a_direct_quote_continuing_its_speaker_inherits_the_event():
    text = (
        "The fourth summit on ocean plastics was held in Nice.\n"
        "Prices of steel rose.\n"
        "Exports fell.\n"
        "Tourism recovered.\n"
        '"Nets are the worst," Ida Vos said at the summit.\n'
        '"We find them everywhere."'
    )
    evs = events(text)
    q, _, doc = quote_at(text, "We find them everywhere.", kind="direct", speaker="Ida Vos")
    assert link_event(doc, q, None, evs) == "fourth summit on ocean plastics"


def test_linking_with_no_events_gives_none():
    text = "Ola Berg said ports must electrify."
    q, cue, doc = quote_at(text, "ports must electrify.", cue="said")
    assert link_event(doc, q, cue, []) is None


def test_mentions_are_slices_of_the_text():
    text = "The 2nd dialogue on Arctic trade opened in Oslo.\nLater the dialogue moved to Tromso."
    for ev in events(text):
        assert text[ev.mention.start : ev.mention.end] == ev.mention.text


@pytest.mark.parametrize("published", [None, "", "not a date", "2023-02-30"])
def test_a_missing_or_bad_publication_date_leaves_weekdays_undated(published):
    ev = only("The 7th summit on rail freight began on Tuesday in Lyon.", published)
    assert ev.date is None


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["The ", "5th ", "summit", " on ", "x", ",", ".", "\n", '"', " held in ", "Oslo", " titled ", "Monday"]),
        max_size=50,
    ).map("".join)
)
def test_random_text_never_raises(text):
    for ev in events(text):
        assert text[ev.mention.start : ev.mention.end] == ev.mention.text


def test_paragraph_offsets_outside_the_text_are_tolerated():
    text = "The 7th summit on rail freight began on Tuesday in Lyon."
    assert isinstance(find_events(Document(text, [(-5, 400), (60, 10)], 0, 999, PUBLISHED)), list)


FILLER = "Prices rose.\nExports fell.\nTourism grew.\nFishing slowed.\n"


def test_a_speaker_placed_at_the_event_in_the_previous_paragraph_keeps_it():
    text = (
        "The ninth forum on port safety opened in Kiel.\n" + FILLER
        + "Ida Vos spoke at the forum about cranes.\n"
        "The rules cover cranes and tugs, Vos explained."
    )
    evs = events(text)
    q, cue, doc = quote_at(text, "The rules cover cranes and tugs", speaker="Ida Vos", cue="explained")
    assert link_event(doc, q, cue, evs) == "ninth forum on port safety"


def test_another_speaker_after_that_paragraph_is_not_linked():
    text = (
        "The ninth forum on port safety opened in Kiel.\n" + FILLER
        + "Ida Vos spoke at the forum about cranes.\n"
        "The rules cover cranes and tugs, Lund explained."
    )
    evs = events(text)
    q, cue, doc = quote_at(text, "The rules cover cranes and tugs", speaker="Per Lund", cue="explained")
    assert link_event(doc, q, cue, evs) is None


def test_a_bare_mention_without_at_or_during_does_not_place_a_quote():
    text = "The ninth forum on port safety opened in Kiel.\n" + FILLER + "Vos said the forum was too short."
    evs = events(text)
    q, cue, doc = quote_at(text, "the forum was too short.", speaker="Ida Vos", cue="said")
    assert link_event(doc, q, cue, evs) is None


def test_an_organizer_phrase_may_hold_lower_case_words():
    ev = only("The 4th forum on small farms, hosted by Norway's farm minister Kari Dahl, opened in Hamar.")
    assert ev.organizer == "Norway's farm minister Kari Dahl"


def test_a_date_after_on_is_not_a_topic():
    assert events("The hearing on 16 February lasted an hour.") == []
