"""The shared lexicon: every word list the engine and the store use, as named data.

Not part of the extraction engine, so that the store's name folding can read its titles
here without importing `quotedb.extract`. One file per kind of word:

  verbs     reporting cues as lemmas with roles; forms derived (add a speech verb: one line)
  people    pronouns with person/number/gender, titles and role nouns, organization head
            words (ORG_WORDS), group nouns, abbreviations, the store's name-title words
  places    countries, cities and their adjectives
  events    event nouns and the verbs around them
  calendar  weekdays and months
"""
