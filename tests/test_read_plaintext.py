"""Plain-text articles: the shapes of news headers and footers become metadata."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quotedb.model import Article
from quotedb.read import read_paths

NBSP = "\u00a0"


def read_text(tmp_path: Path, text: str, name: str = "story.txt") -> Article:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    (article,) = read_paths([path])
    assert isinstance(article, Article), article
    return article


def body(article: Article) -> str:
    return article.text[article.body_start : article.body_end]


def test_breadcrumb_gives_section_without_home(tmp_path):
    text = "Home > Features > Science >\n\nBridge opens to cyclists\nApril 2, 2021  By: riverpost.example\nThe bridge opened.\n"
    assert read_text(tmp_path, text).meta.section == "Features > Science"


def test_headline_followed_by_date_and_source_line_is_the_title(tmp_path):
    text = "Bridge opens to cyclists\nApril 2, 2021  By: riverpost.example\nThe bridge opened on Friday.\n"
    meta = read_text(tmp_path, text).meta
    assert (meta.title, meta.published, meta.source) == ("Bridge opens to cyclists", "2021-04-02", "riverpost.example")


def test_date_and_source_line_without_space_after_comma_and_with_nbsp(tmp_path):
    text = f"Harvest begins early\nOctober 07,2019{NBSP}{NBSP}{NBSP}By:farmnews.example\nFarmers started on Monday.\n"
    meta = read_text(tmp_path, text).meta
    assert (meta.published, meta.source, meta.author) == ("2019-10-07", "farmnews.example", None)


def test_dateline_lead_gives_date_and_body_starts_after_it(tmp_path):
    article = read_text(tmp_path, "June 3, 2022 -- Rain closed the mountain pass for a second day.\nMore rain is due.\n")
    assert article.meta.published == "2022-06-03"
    assert body(article).startswith("Rain closed the mountain pass")


def test_dateline_with_place_and_agency_gives_source_but_no_date_without_year(tmp_path):
    article = read_text(tmp_path, "LISBON, June 3 (Harbour Wire) -- Dockers voted to strike on Tuesday.\n")
    assert article.meta.source == "Harbour Wire"
    assert article.meta.published is None
    assert body(article).startswith("Dockers voted")


def test_trailing_byline_gives_author_and_ends_the_body(tmp_path):
    article = read_text(tmp_path, "The council met on Monday.\nIt approved the budget.\n\nBy:Tomas Verle\n")
    assert article.meta.author == "Tomas Verle"
    assert body(article).endswith("approved the budget.")


def test_byline_with_space_and_two_authors(tmp_path):
    article = read_text(tmp_path, "The council met on Monday.\nBy Ana Lopes and Ruth van Dijk\n")
    assert article.meta.author == "Ana Lopes and Ruth van Dijk"


def test_trailing_source_line_gives_source(tmp_path):
    assert read_text(tmp_path, "The council met on Monday.\nSource: Valley Courier\n").meta.source == "Valley Courier"


def test_sentence_starting_with_by_is_not_a_byline(tmp_path):
    article = read_text(tmp_path, "The council met on Monday.\nBy contrast, the mayor stayed away.\n")
    assert article.meta.author is None and article.body_end is None


def test_header_date_shapes(tmp_path):
    shapes = {"Feb. 24, 2020": "2020-02-24", "2020-03-09": "2020-03-09", "9 March 2020": "2020-03-09",
              "Published: 2020-03-09 14:05": "2020-03-09", "Monday, 9 March 2020": "2020-03-09"}
    for i, (written, iso) in enumerate(shapes.items()):
        meta = read_text(tmp_path, f"Ferry fares rise\n{written}\nFares rose by a tenth.\n", f"s{i}.txt").meta
        assert (meta.title, meta.published) == ("Ferry fares rise", iso), written


def test_text_without_header_shapes_has_no_metadata(tmp_path):
    text = "Ferry fares rise The ferry company raised fares by a tenth on Monday, blaming fuel costs. Passengers said they were angry."
    article = read_text(tmp_path, text)
    assert article.meta.title is None and article.meta.published is None
    assert (article.body_start, article.body_end) == (0, None)


def test_a_line_before_the_body_is_not_a_title_unless_a_metadata_line_follows(tmp_path):
    article = read_text(tmp_path, "Ferry fares rise\n\nThe ferry company raised fares by a tenth.\n")
    assert article.meta.title is None and article.body_start == 0


def test_header_lines_stay_in_the_text_and_body_offsets_skip_them(tmp_path):
    text = "Home > News >\nFerry fares rise\n2021-05-01  Source: Coast Daily\nThe ferry company raised fares.\nBy Ines Mora\n"
    article = read_text(tmp_path, text)
    assert article.text == text
    assert body(article) == "The ferry company raised fares."
    assert (article.meta.section, article.meta.source, article.meta.author) == ("News", "Coast Daily", "Ines Mora")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Home > News >", "By: Ana Lopes", "March 9,2020", "2020-03-09  Source: Coast",
                                 "June 3 -- It rained.", "", " ", "\u00a0", "Fares rise", "By contrast it fell.",
                                 "LISBON (Wire) - Text.", "\r"]), max_size=12),
       st.text(max_size=40))
def test_any_text_gives_body_offsets_inside_it_and_never_raises(parts, noise):
    from quotedb.read.plaintext import analyse

    text = "\n".join(parts) + noise
    shape = analyse(text)
    end = len(text) if shape.body_end is None else shape.body_end
    assert 0 <= shape.body_start <= end <= len(text)


def test_windows_line_endings_are_kept_and_shapes_still_recognised(tmp_path):
    text = "Ferry fares rise\r\nMarch 09,2020  By:coast.example\r\nThe ferry company raised fares.\r\nBy:Ines Mora\r\n"
    article = read_text(tmp_path, text)
    assert article.text == text
    assert (article.meta.title, article.meta.source, article.meta.author) == ("Ferry fares rise", "coast.example", "Ines Mora")
    assert body(article) == "The ferry company raised fares."
