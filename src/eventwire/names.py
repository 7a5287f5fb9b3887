"""Names stage: countries, nationalities, capitals and US states the statistical NER left untagged.

The small English model misses names in badly spaced or unusual text ("a state in south-central
Nigeria ,"). This stage is spaCy's ``EntityRuler`` loaded with the gazetteer's names as written, and
it never overwrites an entity the model found, so it only fills gaps. Runs before the actor stage.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler

from .gazetteer import gazetteer


@Language.factory(
    "eventwire_names",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"lexicon_dir": None},
)
def make_names(nlp: Language, name: str, lexicon_dir: str | None) -> EntityRuler:
    ruler = EntityRuler(nlp, name, overwrite_ents=False, phrase_matcher_attr="ORTH")
    patterns = [{"label": label, "pattern": text} for text, label in sorted(gazetteer(lexicon_dir).names().items())]
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    return ruler
