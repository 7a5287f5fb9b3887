"""Links stage: nationality words a page's link split in two, joined before the model reads them.

Text flattened from wiki pages keeps the link's target apart from the suffix after it ("[[Uganda]]n
troops" becomes "Uganda n troops", "Iraq i police", "Iran ian officials"). Left so, the tagger and parser
read "Uganda" as a noun and "n" as a word of its own, and the sentence loses its subject. A country or
place name followed by one space and a suffix is made one token when the two written together are a
known nationality word ("Ugandan"), its norm set to that word so the model reads it as one; the text is
unchanged. Runs first, before the model's own stages.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import LINK_SUFFIX, gazetteer


class LinkJoiner:
    """Merges "Uganda" + "n" into one token read as "Ugandan"."""

    def __init__(self, lexicon_dir: str | None):
        self.gaz = gazetteer(lexicon_dir)

    def __call__(self, doc: Doc) -> Doc:
        pairs = []
        for token in doc[:-1]:
            after = doc[token.i + 1]
            if token.whitespace_ != " " or not token.text[:1].isupper() or not LINK_SUFFIX.fullmatch(after.text):
                continue
            if pairs and pairs[-1][1] > token.i:
                continue
            for start in range(token.i, max(token.i - 3, -1), -1):  # "Uganda n", "South Korea n"
                name = doc[start : token.i + 1].text
                if self.gaz.country(name) and self.gaz.country(name + after.text):
                    pairs.append((token.i, token.i + 2, token.text + after.text))
                    break
        if pairs:
            with doc.retokenize() as retokenizer:
                for start, end, joined in pairs:
                    retokenizer.merge(doc[start:end], attrs={"NORM": joined.lower()})
        return doc


@Language.factory("eventwire_links", assigns=["token.norm"], default_config={"lexicon_dir": None})
def make_links(nlp: Language, name: str, lexicon_dir: str | None) -> LinkJoiner:
    return LinkJoiner(lexicon_dir)
