"""What is not a quote, end to end through extract(): words in quote marks inside running
text, and sentence adverbials before a cue; and the event an article's quotes were said at."""

from __future__ import annotations

from quotedb.extract import extract_unguarded
from quotedb.model import Article, ArticleMeta


def quotes(text: str):
    return extract_unguarded(Article(text=text, meta=ArticleMeta(published="2023-11-16"), origin="t.txt")).quotes


def test_one_or_two_quoted_words_in_running_text_are_a_low_confidence_fragment():
    qs = quotes('Lena Marsh, who called the merger a "gamble", said profits would rise.\n')
    frag = [q for q in qs if q.text == '"gamble"']
    assert frag and all(q.rule.endswith("+fragment") and q.confidence <= 0.3 for q in frag)


def test_a_short_quote_that_opens_the_sentence_is_speech():
    qs = quotes('"No," Lena Marsh said.\n')
    assert [(q.text, q.rule.endswith("+fragment")) for q in qs if q.kind == "direct"] == [('"No,"', False)]


def test_a_sentence_adverbial_is_never_a_quote():
    qs = quotes("However, Lena Marsh said, the harbour will stay open through the winter.\n")
    assert "However" not in [q.text for q in qs]


def test_every_quote_of_a_report_on_a_gathering_is_linked_to_it():
    qs = quotes(
        "Speaking at the 12th Lakeside Forum on Water on Monday, Omar Tesfa said that dams must release more water.\n"
        "Rivers in the north have shrunk by a third in ten years.\n"
        '"We cannot wait another decade," Tesfa said.\n'
        "In a written statement, Ana Ruiz said that the dams were safe.\n"
    )
    by_text = {q.text: q.event for q in qs}
    assert by_text['"We cannot wait another decade,"'] == "12th Lakeside Forum on Water"
    assert by_text["dams must release more water."] == "12th Lakeside Forum on Water"
    assert by_text["the dams were safe."] is None
