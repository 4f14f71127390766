"""The document every rule reads: body bounds, paragraphs and sentences, made once per article."""

from __future__ import annotations

from quotedb.extract.text import Document


def test_one_splitter_keeps_titles_state_abbreviations_and_initials_inside_sentences():
    text = "He met Sen. Ana Lee of Fla. Tuesday at noon. She left.\n\nJ. R. Cole, 41, wrote it."
    doc = Document.of(text)
    assert [text[a:b] for a, b in doc.sentences_of(0)] == ["He met Sen. Ana Lee of Fla. Tuesday at noon.", "She left."]
    assert [text[a:b] for a, b in doc.sentences_of(1)] == ["J. R. Cole, 41, wrote it."]


def test_sentence_at_and_paragraph_at_find_what_holds_an_offset():
    text = "First one here. Second one.\n\nThird."
    doc = Document.of(text)
    at = text.index("Second")
    assert doc.sentence_at(at + 3) == (at, text.index(".", at) + 1)
    assert doc.paragraph_at(text.index("Third")) == 1
    assert doc.paragraph_at(0) == 0


def test_paragraphs_are_clamped_to_the_body_once_and_blank_ones_dropped():
    text = "HEADLINE\n\nBody starts here.\n   \nAnd ends."
    body_start = text.index("Body")
    doc = Document.of(text, body_start=body_start, body_end=len(text) - 1)
    assert [text[a:b] for a, b in doc.paragraphs] == ["Body starts here.", "And ends"]
    assert doc.body == (body_start, len(text) - 1)
    assert len(doc.all_paragraphs) == 3  # provenance counts every paragraph of the text


def test_body_offsets_outside_the_text_are_clamped():
    text = "Ina Berg said members would strike."
    doc = Document(text, [(5, 400), (-3, 2), (30, 10)], -4, 999)
    assert doc.body == (0, len(text))
    assert doc.paragraphs == [(5, len(text)), (0, 2)]
    assert Document.of("", 3, 1).paragraphs == []


def test_words_counts_words_in_a_stretch():
    doc = Document.of("Three words here, then four more.")
    assert doc.words(0, 16) == 3
