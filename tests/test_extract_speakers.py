"""Source noun phrases taken apart into name, kind, role, organisation and place."""

from __future__ import annotations

from quotedb.extract.speakers import parse_source
from quotedb.model import Span


def parse(phrase: str):
    return parse_source(phrase, Span(phrase, 0, len(phrase)))


def one(phrase: str):
    (ref,) = parse(phrase)
    return ref


def test_appositive_after_the_name_gives_role_and_organization():
    ref = one("Maria Ostrova, director of the Baltic Institute of Marine Research")
    assert (ref.name, ref.kind, ref.role, ref.organization) == (
        "Maria Ostrova", "person", "director", "Baltic Institute of Marine Research")


def test_second_appositive_does_not_replace_the_first():
    ref = one("Tom Reyes, chairman of the Harbour Workers Union, and editor of its newsletter")
    assert (ref.role, ref.organization) == ("chairman", "Harbour Workers Union")


def test_country_possessive_goes_to_place():
    ref = one("Ana Lind, Sweden's special envoy to the Nordic Council of Ministers")
    assert (ref.role, ref.organization, ref.place) == ("special envoy", "Nordic Council of Ministers", "Sweden")


def test_trailing_country_is_cut_from_the_organization():
    ref = one("Omar Haddad, rector of the University of Coastal Studies in Morocco")
    assert (ref.organization, ref.place) == ("University of Coastal Studies", "Morocco")


def test_a_mission_keeps_its_seat_in_its_name():
    ref = one("Paul Martin, counsellor of the Permanent Mission of Chile in Vienna")
    assert ref.organization == "Permanent Mission of Chile in Vienna"


def test_organization_and_title_before_the_name():
    ref = one("World Health Organization (WHO) Director General Amina Yusuf")
    assert (ref.name, ref.role, ref.organization) == ("Amina Yusuf", "Director General", "World Health Organization")


def test_bare_title_before_the_name():
    ref = one("Governor Kate Olsen")
    assert (ref.name, ref.role) == ("Kate Olsen", "Governor")


def test_honorific_is_not_part_of_the_name():
    assert one("Mr. Delgado").name == "Delgado"


def test_lower_case_role_before_the_name():
    ref = one("veteran union organiser Sam Porter")
    assert (ref.name, ref.role) == ("Sam Porter", "veteran union organiser")


def test_name_followed_by_of_organization():
    ref = one("Lena Fischer of the Hamburg Chamber of Commerce")
    assert (ref.name, ref.organization) == ("Lena Fischer", "Hamburg Chamber of Commerce")


def test_possessive_organization_before_the_name():
    ref = one("Acme's Joan Park")
    assert (ref.name, ref.organization) == ("Joan Park", "Acme")


def test_unnamed_role_with_organization():
    ref = one("Deputy Director of the National Archives Office")
    assert (ref.name, ref.kind, ref.role, ref.organization) == (
        None, "unnamed", "Deputy Director", "National Archives Office")


def test_two_people_joined_by_and_are_two_speakers():
    refs = parse("Ida Berg, lecturer at the Oslo School of Design and Karl Vik, dean of the Bergen Academy of Arts")
    assert [(r.name, r.role, r.organization) for r in refs] == [
        ("Ida Berg", "lecturer", "Oslo School of Design"),
        ("Karl Vik", "dean", "Bergen Academy of Arts"),
    ]


def test_and_inside_an_organization_name_does_not_split_it():
    refs = parse("Rui Costa, head of the Institute of Law and Economics, and author of two books")
    assert len(refs) == 1 and refs[0].organization == "Institute of Law and Economics"


def test_group_noun_is_a_group():
    assert one("local residents").kind == "group"


def test_organization_noun_is_an_organization():
    ref = one("the ministry")
    assert (ref.kind, ref.name) == ("organization", "ministry")


def test_acronym_is_an_organization():
    assert one("NASA").kind == "organization"


def test_pronoun_is_marked_for_resolution():
    ref = one("she")
    assert ref.pronoun and ref.kind == "person" and ref.name is None


def test_trailing_clause_is_not_part_of_the_source():
    ref = one("Dana Cole, a city planner, who moved here in 2010")
    assert (ref.name, ref.role) == ("Dana Cole", "city planner")


def test_mention_offsets_point_at_the_name():
    text = "Yesterday Maria Ostrova, director of the Baltic Institute, spoke."
    span = Span(text[10:57], 10, 57)
    (ref,) = parse_source(text, span)
    assert text[ref.mention.start:ref.mention.end] == "Maria Ostrova"


def test_empty_or_bad_span_gives_nothing():
    assert parse_source("abc", None) == []
    assert parse_source("abc", Span("x", 5, 9)) == []


def test_name_then_role_without_a_comma():
    ref = one("Dr Nina Holt head of research")
    assert (ref.name, ref.role) == ("Nina Holt", "head of research")


def test_a_month_can_be_a_surname():
    assert one("Prime Minister Ada May").name == "Ada May"


def test_organization_before_a_lower_case_title():
    ref = one("WHO chief scientist Lena Berg")
    assert (ref.name, ref.role, ref.organization) == ("Lena Berg", "chief scientist", "WHO")


def test_trailing_conjunction_is_not_part_of_the_source():
    assert one("Kowalski and").name == "Kowalski"


def test_possessive_pronoun_is_not_part_of_the_role():
    assert one("Her coach, Lea Moor").role == "coach"


def test_description_that_is_not_an_office_is_not_a_role():
    assert one("Ida Storm, known as Queen of the Fjords").role is None


def test_party_label_before_a_name_is_not_part_of_it():
    ref = one("Labour Ann Cole")
    assert (ref.name, ref.role) == ("Ann Cole", "Labour")


def test_state_before_a_title_is_a_place_not_an_organization():
    ref = one("Nevada Governor Tessa Morrow")
    assert (ref.name, ref.role, ref.organization, ref.place) == ("Tessa Morrow", "Governor", None, "Nevada")


def test_country_adjective_before_a_title_names_the_country():
    ref = one("Danish Foreign Minister Karl Holm")
    assert (ref.role, ref.organization, ref.place) == ("Foreign Minister", None, "Denmark")


def test_modifier_before_a_place_stays_in_the_role():
    ref = one("Former Iowa Gov. Ruth Engel")
    assert (ref.name, ref.role, ref.place) == ("Ruth Engel", "Former Gov.", "Iowa")


def test_office_of_a_city_is_a_role_and_a_place():
    ref = one("Pierre Dufour, mayor of Lyon")
    assert (ref.role, ref.organization, ref.place) == ("mayor", None, "Lyon")


def test_unnamed_office_of_a_state_has_no_name():
    ref = one("the governor of Oregon")
    assert (ref.name, ref.kind, ref.role, ref.place) == (None, "unnamed", "governor", "Oregon")


def test_name_of_a_place_is_where_the_speaker_is_from():
    ref = one("Jill Park of Kansas")
    assert (ref.name, ref.organization, ref.place) == ("Jill Park", None, "Kansas")


def test_name_of_an_unknown_proper_name_is_where_the_speaker_works():
    ref = one("Jill Park of Brightwater Analytics")
    assert (ref.name, ref.organization, ref.place) == ("Jill Park", "Brightwater Analytics", None)


def test_country_inside_an_organization_name_stays_in_it():
    ref = one("a spokeswoman for the Ministry of Trade of Kenya")
    assert (ref.organization, ref.place) == ("Ministry of Trade of Kenya", None)


def test_newspaper_named_after_a_city_is_an_organization():
    ref = one("Boston Evening Post columnist Amy Roth")
    assert (ref.organization, ref.place) == ("Boston Evening Post", None)


def test_a_second_title_after_and_ends_the_organization():
    for phrase in ("Mara Olsen, Vice Chair of the Nordic Council for Water Studies (NCWS) and Director of the Lake Institute",
                   "Mara Olsen, Vice Chair of the Nordic Council for Water Studies and Director of the Lake Institute"):
        ref = one(phrase)
        assert (ref.name, ref.role, ref.organization) == ("Mara Olsen", "Vice Chair", "Nordic Council for Water Studies")


def test_and_between_capitalised_words_stays_inside_an_organization():
    ref = one("Mara Olsen, director of the Centre for Trade and Development")
    assert ref.organization == "Centre for Trade and Development"


def test_two_people_with_lone_surnames_are_still_two():
    assert [r.name for r in parse("Novak and Berg")] == ["Novak", "Berg"]


def test_a_restrictive_who_clause_stays_in_a_group_but_not_on_a_name():
    (group,) = parse("Dozens of nurses who work at the hospital")
    assert group.role == "Dozens of nurses who work at the hospital"
    assert one("Anna Berg, who visited the region").name == "Anna Berg"
    assert one("The visitors, who toured the site").role == "visitors"
