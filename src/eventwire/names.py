"""Names stage: countries, nationalities, capitals and US states the statistical NER missed or mislabelled.

The small English model misses names in badly spaced or unusual text ("a state in south-central
Nigeria ,") and sometimes labels a country a work of art ("meet Niger"). This stage runs spaCy's
``EntityRuler`` loaded with the gazetteer's names as written, never overwriting an entity the model
found, and then relabels an entity of a non-place label (work of art, product, event, law) whose
whole text is one of those names; a nationality word a link split ("Uganda n", joined into one token by
the links stage) becomes a nationality entity and an adjective. Runs before the actor stage.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from .gazetteer import LINK_SPLIT, gazetteer

# Labels the model gives country names by mistake; people and organizations are left to the actor stage.
RELABEL = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})


class NameFiller:
    """Adds and corrects place-name entities in ``doc.ents``."""

    def __init__(self, nlp: Language, name: str, lexicon_dir: str | None):
        self.gaz = gazetteer(lexicon_dir)
        self.names = self.gaz.names()
        self.ruler = EntityRuler(nlp, name, overwrite_ents=False, phrase_matcher_attr="ORTH")
        with nlp.select_pipes(enable=[]):
            self.ruler.add_patterns([{"label": label, "pattern": text} for text, label in sorted(self.names.items())])

    def __call__(self, doc: Doc) -> Doc:
        doc = self.ruler(doc)
        if any(ent.label_ in RELABEL and ent.text in self.names for ent in doc.ents):
            doc.ents = [Span(doc, e.start, e.end, label=self.names[e.text]) if e.label_ in RELABEL and e.text in self.names else e
                        for e in doc.ents]  # fmt: skip
        if any(t.is_sent_start for e in doc.ents for t in e[1:]):  # "China Sixteen policemen were killed": a dateline and a sentence
            doc.ents = [kept for e in doc.ents if (kept := self._before_break(e)) is not None]
        split = []
        for token in doc:  # "Uganda n troops", "South Korea n police", joined by the links stage: nationality words
            if not LINK_SPLIT.fullmatch(token.text):
                continue
            start = next((s for s in range(max(token.i - 2, 0), token.i + 1) if self.gaz.country(doc[s : token.i + 1].text)), None)
            if start is not None and all(t.ent_type_ in ("", "GPE", "NORP") for t in doc[start : token.i + 1]):
                token.tag_, token.pos_ = "JJ", "ADJ"
                split.append(Span(doc, start, token.i + 1, label="NORP"))
        if split:
            taken = {t.i for span in split for t in span}
            doc.ents = [e for e in doc.ents if not any(t.i in taken for t in e)] + split
        return doc


    def _before_break(self, ent: Span) -> Span | None:
        """An entity cut at the sentence start it runs over: the place name before it ("China" of "China
        Sixteen"), else nothing; an entity that runs over none is kept."""
        cut = next((t.i for t in ent[1:] if t.is_sent_start), None)
        if cut is None:
            return ent
        head = ent.doc[ent.start : cut]
        return Span(ent.doc, head.start, head.end, label=self.names[head.text]) if head.text in self.names else None


@Language.factory(
    "eventwire_names",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"lexicon_dir": None},
)
def make_names(nlp: Language, name: str, lexicon_dir: str | None) -> NameFiller:
    return NameFiller(nlp, name, lexicon_dir)
