"""Quoted spans shown in their article text: marked exactly, everything else escaped."""

from __future__ import annotations

import re

from quotedb.site.highlight import Marked, highlight_article, quote_in_context, year_chart

ARTICLE = (
    "Harbour workers met on Monday.\n"
    'The union leader, Ada Brennan, said: "We will not load the ships." She left early.\n'
    "\n"
    "Port officials declined to comment.\n"
)
QUOTE = '"We will not load the ships."'
START = ARTICLE.index(QUOTE)
END = START + len(QUOTE)


def visible_text(html: str) -> str:
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html))


def test_quote_is_shown_within_its_own_paragraph_and_marked():
    html = quote_in_context(ARTICLE, START, END)
    assert html is not None
    assert f'<mark class="quote">{QUOTE.replace(chr(34), "&#34;")}</mark>' in html
    assert visible_text(html) == ARTICLE.splitlines()[1]


def test_quote_running_across_paragraphs_keeps_both_paragraphs():
    start = ARTICLE.index("We will")
    end = ARTICLE.index("declined")
    html = quote_in_context(ARTICLE, start, end)
    assert visible_text(html) == ARTICLE[ARTICLE.index("The union") : ARTICLE.index("comment.") + 8]


def test_offsets_outside_the_text_give_no_context():
    assert quote_in_context(ARTICLE, 10, len(ARTICLE) + 5) is None
    assert quote_in_context(ARTICLE, 20, 20) is None
    assert quote_in_context(ARTICLE, -1, 4) is None


def test_markup_in_article_text_is_escaped():
    text = 'He wrote <script>alert(1)</script> and said "<b>never</b>".'
    html = quote_in_context(text, text.index('"'), len(text) - 1)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert visible_text(html) == text


def test_article_keeps_every_character_and_labels_each_quote_with_its_speaker():
    other = ARTICLE.index("declined to comment")
    quotes = [
        Marked(1, START, END, "Ada Brennan", "direct", "/db/quotes/1"),
        Marked(2, other, other + len("declined to comment"), None, "indirect"),
    ]
    html = highlight_article(ARTICLE, quotes)
    labels = re.findall(r'class="speaker-label"[^>]*>([^<]*)<', html)
    assert labels == ["Ada Brennan", "unattributed"]
    assert '<a class="speaker-label" href="/db/quotes/1"' in html
    assert len(re.findall(r"<mark ", html)) == 2
    expected = ARTICLE[:START] + "Ada Brennan" + ARTICLE[START:other] + "unattributed" + ARTICLE[other:]
    assert visible_text(html) == expected


def test_overlapping_quotes_mark_the_shared_piece_with_both():
    text = "She said the plan, in her words \"is finished\", had failed."
    outer = Marked(7, text.index("the plan"), text.index(", had"), "Ada", "indirect")
    inner = Marked(8, text.index('"is'), text.index('",') + 1, "Ada", "direct")
    html = highlight_article(text, [inner, outer])
    assert 'data-quotes="7 8"' in html and "overlap" in html
    assert html.count('class="speaker-label"') == 2


def test_quotes_with_impossible_offsets_are_left_out():
    html = highlight_article("short text", [Marked(1, 5, 500, "Ada"), Marked(2, 6, 3, "Ada")])
    assert html == "short text"


def test_hostile_speaker_names_and_urls_are_escaped():
    html = highlight_article("abc", [Marked(1, 0, 2, "<img src=x>", None, '"><script>')])
    assert "<img" not in html and "<script>" not in html


def test_year_chart_draws_one_bar_per_year_scaled_to_the_largest():
    svg = year_chart([("2019", 2), ("2020", 8)], bar_width=200)
    widths = [int(w) for w in re.findall(r'<rect [^>]*width="(\d+)"', svg)]
    assert widths == [50, 200]
    assert ">2019<" in svg and ">8<" in svg
    assert year_chart([]) == ""
