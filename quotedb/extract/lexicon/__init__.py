"""Named word lists the extraction engine reads: cues, titles, event nouns."""
