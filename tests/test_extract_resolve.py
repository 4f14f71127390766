"""Within-article resolution: later mentions map to the person introduced in full."""

from __future__ import annotations

from quotedb.extract import extract
from quotedb.extract.resolve import Resolver
from quotedb.extract.text import Document
from quotedb.extract.types import SpeakerRef
from quotedb.model import Article, ArticleMeta, Span


def quotes(text: str):
    return extract(Article(text=text, meta=ArticleMeta(), origin="test")).quotes


def ref_at(text: str, word: str, **kw) -> SpeakerRef:
    i = text.index(word)
    return SpeakerRef(kw.pop("name", word), kw.pop("kind", "person"), Span(word, i, i + len(word)), **kw)


def test_surname_resolves_to_the_full_name_and_its_role():
    text = ('"We need more trains," said Petra Novak, head of the Rail Passengers Association.\n\n'
            '"Fares must come down too," said Novak.')
    found = [q for q in quotes(text) if q.kind == "direct"]
    assert found[1].speaker == "Petra Novak"
    assert found[1].role == "head"
    assert found[1].organization == "Rail Passengers Association"
    assert found[1].speaker_mention.text == "Novak"


def test_pronoun_resolves_to_the_last_person_mentioned():
    text = ('Omar Diallo, the town treasurer, presented the budget on Monday.\n\n'
            '"The books are balanced for the first time," he said.')
    (q,) = [q for q in quotes(text) if q.kind == "direct"]
    assert q.speaker == "Omar Diallo"
    assert q.speaker_mention.text == "he"


def test_role_noun_resolves_to_the_person_with_that_role():
    text = "The treasurer said it. Omar Diallo, the town treasurer, spoke. Later the treasurer spoke again."
    r = Resolver(Document.of(text))
    r.resolve(ref_at(text, "Omar Diallo", role="town treasurer"))
    later = r.resolve(ref_at(text, "treasurer spoke again", name=None, kind="unnamed", role="treasurer"))
    assert later.name == "Omar Diallo"


def test_plural_pronoun_resolves_to_a_group_not_a_person():
    text = "Local farmers met Anna Weiss. They said prices fell."
    r = Resolver(Document.of(text))
    r.resolve(ref_at(text, "Local farmers", name="Local farmers", kind="group"))
    r.resolve(ref_at(text, "Anna Weiss"))
    they = r.resolve(ref_at(text, "They", name=None, pronoun=True))
    assert they.name == "Local farmers"


def test_unresolvable_pronoun_stays_unnamed():
    text = "He said it was over."
    r = Resolver(Document.of(text))
    he = r.resolve(ref_at(text, "He", name=None, pronoun=True))
    assert he.name is None and he.mention.text == "He"


def test_role_stated_at_a_later_mention_is_kept_for_that_quote():
    text = ('Karin Holm, mayor of Eastport, opened the bridge.\n\n'
            'Karin Holm, chair of the Regional Transport Board, said the tolls would end.')
    found = quotes(text)
    assert found[-1].speaker == "Karin Holm"
    assert found[-1].organization == "Regional Transport Board"


def test_organization_noun_resolves_to_the_organization_named_before():
    text = ('"Growth will slow next year," the International Coffee Fund said on Monday.\n\n'
            '"Prices will stay high," the fund said.')
    found = [q for q in quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in found] == ["International Coffee Fund", "International Coffee Fund"]
    assert found[1].speaker_mention.text == "fund"


def test_relative_who_after_a_name_speaks_for_that_name():
    text = "Tove Lind, who says the ferry fares are too high, wants a public vote on them."
    (q,) = extract(Article(text=text, meta=ArticleMeta(), origin="test")).quotes
    assert (q.speaker, q.speaker_mention.text) == ("Tove Lind", "who")


def test_a_surname_after_a_pair_is_the_one_it_names_not_the_pairs_first_half():
    text = ("Ostrova and Brandt criticised by councillors\n\n"
            "Councillors have angrily criticised Lena Ostrova and Karl Brandt amid reports of a rift. "
            "Rita Flynn said Mr Ostrova and Mr Brandt had a \"scorching\" from councillors. "
            "Mr Ostrova has insisted he has done no deals while Mr Brandt says he will not let "
            "\"gossip\" distract him from the vote.")
    said = [q for q in quotes(text) if q.speaker_mention and q.speaker_mention.text == "Brandt"]
    assert said and {q.speaker for q in said} == {"Karl Brandt"}


def test_a_lone_capitalised_title_word_is_a_surname_not_a_description_of_the_next_name():
    text = ('"We restored every frame," Dean said of the work.\n\n'
            "The studio will release Harbour Lights in high definition next spring, with Midnight "
            "Ferry to follow.")
    said = [q for q in quotes(text) if q.kind == "direct"]
    assert said and said[0].speaker == "Dean"
