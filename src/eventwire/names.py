"""Names stage: countries, nationalities, capitals and US states the statistical NER missed or mislabelled.

The small English model misses names in badly spaced or unusual text ("a state in south-central
Nigeria ,") and sometimes labels a country a work of art ("meet Niger"). This stage runs spaCy's
``EntityRuler`` loaded with the gazetteer's names as written, never overwriting an entity the model
found, and then relabels an entity of a non-place label (work of art, product, event, law) whose
whole text is one of those names. Runs before the actor stage.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from .gazetteer import gazetteer

# Labels the model gives country names by mistake; people and organizations are left to the actor stage.
RELABEL = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})


class NameFiller:
    """Adds and corrects place-name entities in ``doc.ents``."""

    def __init__(self, nlp: Language, name: str, lexicon_dir: str | None):
        self.names = gazetteer(lexicon_dir).names()
        self.ruler = EntityRuler(nlp, name, overwrite_ents=False, phrase_matcher_attr="ORTH")
        with nlp.select_pipes(enable=[]):
            self.ruler.add_patterns([{"label": label, "pattern": text} for text, label in sorted(self.names.items())])

    def __call__(self, doc: Doc) -> Doc:
        doc = self.ruler(doc)
        if any(ent.label_ in RELABEL and ent.text in self.names for ent in doc.ents):
            doc.ents = [Span(doc, e.start, e.end, label=self.names[e.text]) if e.label_ in RELABEL and e.text in self.names else e
                        for e in doc.ents]  # fmt: skip
        return doc


@Language.factory(
    "eventwire_names",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"lexicon_dir": None},
)
def make_names(nlp: Language, name: str, lexicon_dir: str | None) -> NameFiller:
    return NameFiller(nlp, name, lexicon_dir)
