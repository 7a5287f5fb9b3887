"""Breaks stage: sentence starts the layout shows, set before the parser so that it keeps to them.

Feeds and flattened pages join a heading to the text with a run of spaces instead of a line break
("Pakistan  On Sunday, two attacks ...", "Australian news  The Prime Minister said ..."). Left to
itself the parser reads "Pakistan" as the subject of the attack. A word with a capital after a run of
two or more spaces among the text's first words starts a sentence (the input stage leaves such runs
only there: see ``record.normalize_text``; further on they are where links were, as in "British
Prime Minister"); line breaks and everything else are left to the parser.

A dateline joined by one space ("Mexico Thousands of farmers marched ...") is a known country or large
place opening the text, followed by a capitalised word the tagger does not take for part of a name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import gazetteer

HEADING_WORDS = 4  # the most words a heading joined to the text has ("Wikinews Today short infobox")
DATELINE_WORDS = 3  # the most words of a place name opening the text as a dateline ("Mexico City")
DATELINE_POPULATION = 100_000  # places smaller than this are too often ordinary words ("Police", Poland)
NAME_TAGS = frozenset({"NNP", "NNPS", "POS", "HYPH", ","})


class LayoutBreaks:
    """Marks ``is_sent_start`` where the layout breaks the text; the parser fills in the rest."""

    def __init__(self, lexicon_dir: str | None = None):
        self.lexicon_dir = lexicon_dir

    def __call__(self, doc: Doc) -> Doc:
        self._dateline(doc)
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

    def _dateline(self, doc: Doc) -> None:
        """Starts a sentence after a place name opening the text with one space, when the next word has a
        capital the tagger reads as no name ("Mexico Thousands", "Pakistan At least", "Somalia Ethiopian
        troops"); "Mexico City", "Washington Post" and "Japan Prime Minister" stay whole."""
        for size in range(1, DATELINE_WORDS + 1):
            if size >= len(doc) or not doc[size - 1].text[:1].isupper() or doc[size - 1].whitespace_ != " " or doc[size - 1].is_stop:
                return  # "The Kenyan rights group": "The" is no place, whatever a gazetteer holds
            after = doc[size]
            if not after.text[:1].isupper() or after.tag_ in NAME_TAGS and not after.like_num:
                continue  # "China Sixteen policemen": a number is no part of a place's name
            if _major_place(doc[:size].text, self.lexicon_dir):
                after.is_sent_start = True
            return


def _major_place(name: str, lexicon_dir: str | None) -> bool:
    """Whether a name is a country, a capital or a place of at least DATELINE_POPULATION people."""
    gaz = gazetteer(lexicon_dir)
    if gaz.country(name) or gaz.capital(name):
        return True
    place = gaz.locate(name)
    return place is not None and (place.kind != "city" or place.population >= DATELINE_POPULATION)


@Language.factory("eventwire_breaks", default_config={"lexicon_dir": None})
def make_breaks(nlp: Language, name: str, lexicon_dir: str | None) -> LayoutBreaks:
    return LayoutBreaks(lexicon_dir)
