"""Quote spans: which marks pair up, which are apostrophes, which spans are titles."""

from __future__ import annotations

from quotedb.extract.spans import find_spans, is_title
from quotedb.extract.text import Document


def spans(text: str):
    return find_spans(Document.of(text))


def inner_texts(text: str) -> list[str]:
    return [s.inner.text for s in spans(text)]


def test_straight_double_quotes_pair():
    assert inner_texts('The mayor said "the bridge will open in May" to reporters.') == [
        "the bridge will open in May"
    ]


def test_curly_double_quotes_pair():
    assert inner_texts("\u201cWe are ready,\u201d the coach said.") == ["We are ready,"]


def test_outer_span_includes_the_marks():
    text = 'She said: "Not today."'
    (span,) = spans(text)
    assert span.outer.text == '"Not today."'
    assert text[span.outer.start:span.outer.end] == span.outer.text


def test_british_single_quotes_pair():
    assert inner_texts("\u2018It was a fair result,\u2019 the manager said.") == ["It was a fair result,"]


def test_straight_single_quotes_pair_outside_double_quotes():
    assert inner_texts("'We will appeal,' the club said.") == ["We will appeal,"]


def test_contractions_and_possessives_are_not_quote_marks():
    text = "The council\u2019s plan isn\u2019t new and the farmers' union didn't object."
    assert spans(text) == []


def test_decade_elision_is_not_an_opening_mark():
    assert spans("Music from the \u201990s filled the hall, the owner\u2019s choice.") == []


def test_plural_possessive_inside_single_quotes_does_not_close_early():
    assert inner_texts("\u2018The players\u2019 strike is over,\u2019 he said.")[0].startswith("The players")


def test_double_apostrophe_style_pairs():
    assert inner_texts("''We lost the vote,'' the senator said.") == ["We lost the vote,"]


def test_single_quotes_nested_in_double_quotes_are_part_of_it():
    text = "\"He told me 'never again' and left,\" she said."
    assert inner_texts(text) == ["He told me 'never again' and left,"]


def test_quote_running_across_paragraphs_continues():
    text = '"The first part ends here.\n\n"The second part closes it," she said.'
    found = spans(text)
    assert [s.paragraph for s in found] == [0, 1]
    assert not found[0].closed
    assert found[1].continues


def test_flattened_paragraphs_split_at_the_reopening_mark():
    text = 'He said: "The first part ends here. "The second part closes it," he said.'
    found = spans(text)
    assert [s.inner.text for s in found] == ["The first part ends here.", "The second part closes it,"]
    assert found[1].continues


def test_stray_mark_never_pairs_across_paragraphs():
    text = 'The "odd mark stays open\n\nA plain second paragraph.'
    assert all(s.paragraph == 0 for s in spans(text))


def test_title_after_titled_is_flagged():
    text = 'They opened an exhibition titled "Rivers of the North" on Monday.'
    (span,) = spans(text)
    assert is_title(text, span)


def test_name_before_a_naming_noun_is_flagged():
    text = "The ministry launched the 'Clean Streets' initiative last year."
    (span,) = spans(text)
    assert is_title(text, span)


def test_capitalised_name_in_quotes_is_flagged():
    text = 'She appeared on "Morning Talk With Friends" twice.'
    (span,) = spans(text)
    assert is_title(text, span)


def test_speech_is_not_flagged_as_title():
    text = '"We will rebuild the school before winter," the mayor said.'
    (span,) = spans(text)
    assert not is_title(text, span)


def test_punctuated_title_where_a_title_stands_is_flagged():
    text = 'The minister said so on the network\'s "Sunday Morning Live."'
    (span,) = spans(text)
    assert is_title(text, span)


def test_one_capitalised_word_of_speech_is_not_a_title():
    text = 'The minister was asked about it on the network. "Absolutely," she said.'
    (span,) = spans(text)
    assert not is_title(text, span)


def test_capitalised_name_running_on_into_the_sentence_is_flagged():
    text = 'Everyone read "The Long Road Home," which opens in a mining town.'
    (span,) = spans(text)
    assert is_title(text, span)


def test_curly_quote_nested_in_a_straight_quote_stays_inside_it():
    text = '"The sign read \u201cclosed for winter\u201d and we went home," said Ada Lind.'
    assert inner_texts(text) == ["The sign read \u201cclosed for winter\u201d and we went home,"]
