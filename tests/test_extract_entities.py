"""The article's people are learned from every mention, and a quote's speaker, role and
organization are those the article gives that person. Every sentence is invented."""

from __future__ import annotations

from quotedb.extract import extract
from quotedb.extract.entities import acronyms, people
from quotedb.model import Article, ArticleMeta


def quotes(text: str):
    return extract(Article(text=text, meta=ArticleMeta(), origin="test")).quotes


def the(text: str, fragment: str):
    (q,) = [q for q in quotes(text) if fragment in q.text]
    return q


def test_a_person_introduced_outside_any_quote_is_who_the_surname_means():
    text = ("Ruritanian Foreign Ministry spokesperson Lena Marsh on Monday rejected the plan.\n\n"
            '"It is unfair to our farmers," Marsh said.')
    q = the(text, "unfair")
    assert (q.speaker, q.role, q.organization) == ("Lena Marsh", "spokesperson", "Ruritanian Foreign Ministry")
    assert q.speaker_mention.text == "Marsh"


def test_an_apposition_in_a_sentence_without_a_quote_gives_role_and_organization():
    text = ("Tom Poll, director of the Centre for Applied Metrics of the Free University of Lakeside, "
            "opened the meeting.\n\n"
            '"We will publish every figure we have," Poll told reporters.')
    q = the(text, "publish")
    assert q.speaker == "Tom Poll"
    assert q.role == "director"
    assert q.organization == "Centre for Applied Metrics of the Free University of Lakeside"


def test_an_abbreviation_defined_in_the_article_stands_for_the_full_name():
    text = "Jo Kern heads the Institute for Water Studies (IWS), and the IWS report came out."
    assert acronyms(text) == {"IWS": "Institute for Water Studies (IWS)"}


def test_a_role_noun_goes_to_the_person_holding_that_title():
    text = ('"We disagree with the ruling," said Ana Ruiz, Ruritania\'s ambassador to the Union.\n\n'
            '"Talks must go on," the ambassador said.')
    q = the(text, "Talks must")
    assert q.speaker == "Ana Ruiz"
    assert q.role == "ambassador"


def test_an_object_pronoun_goes_to_the_person_named_before_it():
    text = ("Mayor Clara Vance met the council on Friday.\n\n"
            "According to her, the bridge will reopen in May after the repairs are finished.")
    q = the(text, "bridge")
    assert q.speaker == "Clara Vance"


def test_a_discourse_marker_is_never_the_speaker():
    text = ("Lakeside mayor Omar Tesfa opened the forum on Monday.\n\n"
            "Speaking at the forum, Tesfa said the river was cleaner than in years past.")
    q = the(text, "river")
    assert q.speaker == "Omar Tesfa"
    assert "mayor" in q.role.lower()


def test_the_registry_reads_names_and_titles_from_every_sentence():
    text = "Ruritanian envoy Omar Tesfa arrived. Later, Deputy Minister Lina Okoro met him."
    found = people(text)
    assert set(found) == {"Omar Tesfa", "Lina Okoro"}
    assert found["Omar Tesfa"].role == "envoy"
    assert found["Lina Okoro"].role == "Deputy Minister"


def test_an_article_without_quotes_or_names_costs_nothing_and_changes_nothing():
    assert quotes("Rain fell on the hills all week.") == ()


def test_two_people_joined_by_and_are_two_speakers_of_one_quote():
    text = '"We will campaign together," said Tony Blaine and Gordon Brawn.'
    found = [q for q in quotes(text) if "campaign" in q.text]
    assert {q.speaker for q in found} == {"Tony Blaine", "Gordon Brawn"}
    assert len({(q.start, q.end) for q in found}) == 1


def test_a_name_never_opens_with_a_weekday_a_month_or_a_modal():
    text = ("Until December Macrosoft said it would keep the old prices for its customers.\n\n"
            "Wednesday Mr Straw said the talks would resume within a month.")
    speakers = {q.speaker for q in quotes(text)}
    assert "Macrosoft" in speakers
    assert not any(s and s.split()[0] in ("Until", "Wednesday") for s in speakers)


def test_a_descriptor_glued_before_a_name_is_the_role():
    text = '"The valley has changed," said Belgian sinologist Marc Vandel.'
    q = the(text, "valley")
    assert q.speaker == "Marc Vandel"
    assert "sinologist" in q.role


def test_a_firm_named_with_an_ampersand_is_an_organization():
    text = '"Demand will recover by spring," said Hollis & Penn.'
    q = the(text, "Demand")
    assert (q.speaker, q.speaker_kind) == ("Hollis & Penn", "organization")


def test_two_surnames_joined_by_and_are_a_group_never_one_person():
    text = '"We will campaign together," said Blaine and Brawn.'
    found = [q for q in quotes(text) if "campaign" in q.text]
    assert found and not any(q.speaker_kind == "person" and " and " in q.speaker for q in found)


def test_a_lede_description_names_the_person_introduced_just_after_it():
    text = ("A senior Ruritanian diplomat on Friday said that the border would stay open.\n\n"
            "Ana Ruiz, Ruritania's ambassador to the Union, made the remarks at a meeting in Lakeside.")
    q = the(text, "border")
    assert q.speaker == "Ana Ruiz"
    assert q.role == "ambassador"


def test_a_lede_title_without_a_name_takes_the_name_and_gives_it_the_title():
    text = ("Ruritanian Defence Minister said on Monday that the border would stay open.\n\n"
            "Omar Tesfa met his counterparts in Lakeside later that day.")
    q = the(text, "border")
    assert q.speaker == "Omar Tesfa"
    assert "Defence Minister" in q.role
