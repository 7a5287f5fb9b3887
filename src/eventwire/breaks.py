"""Breaks stage: sentence starts the layout shows, set before the parser so that it keeps to them.

Feeds and flattened pages join a heading to the text with a run of spaces instead of a line break
("Pakistan  On Sunday, two attacks ...", "Australian news  The Prime Minister said ..."). Left to
itself the parser reads "Pakistan" as the subject of the attack. A word with a capital after a run of
two or more spaces among the text's first words starts a sentence (the input stage leaves such runs
only there: see ``record.normalize_text``; further on they are where links were, as in "British
Prime Minister"); line breaks and everything else are left to the parser.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

HEADING_WORDS = 4  # the most words a heading joined to the text has ("Wikinews Today short infobox")


class LayoutBreaks:
    """Marks ``is_sent_start`` where the layout breaks the text; the parser fills in the rest."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1 : HEADING_WORDS + 2]:  # further into the text, runs of spaces are left links
            before = doc[token.i - 1]
            gap = before.whitespace_ if not before.is_space else before.text + before.whitespace_
            if before.is_space and token.i >= 2:
                gap = doc[token.i - 2].whitespace_ + gap
            if token.is_space or not token.text[:1].isupper():
                continue
            if "\n" not in gap and (gap.count(" ") >= 2 or "\t" in gap):
                token.is_sent_start = True  # line breaks are the parser's: a single one may only wrap a sentence
        return doc


@Language.factory("eventwire_breaks")
def make_breaks(nlp: Language, name: str) -> LayoutBreaks:
    return LayoutBreaks()
