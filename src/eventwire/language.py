"""Language stage: detect the article's language, so non-English text gets no invented events."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import warn

SAMPLE_CHARS = 3000  # the opening of an article is enough to tell its language
# English-based creoles the identifier takes short English news for ("Gunmen killed five soldiers in northern
# Nigeria." scores Nigerian Pidgin first): English when it is the runner-up.
ENGLISH_CREOLES = frozenset({"pcm"})


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, min_probability: float = 0.5) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of ``text``; the code is None when no language is likely enough."""
    ranked = _identifier().rank(text[:SAMPLE_CHARS])
    (label, probability), runner_up = ranked[0], ranked[1][0] if len(ranked) > 1 else None
    if label in ENGLISH_CREOLES and runner_up == "en":
        label, probability = ranked[1]
    # English is what the pipeline expects: any lead for it counts; another language must be clear
    return (label if label == "en" or probability >= min_probability else None), float(probability)


class LanguageDetector:
    """Sets ``doc._.language``; warns when the text is confidently not English."""

    def __init__(self, min_probability: float):
        self.min_probability = min_probability

    def __call__(self, doc: Doc) -> Doc:
        language, probability = detect(doc.text, self.min_probability)
        doc._.language = language
        if language not in (None, "en"):
            warn(doc, f"language looks like {language!r} (p={probability:.2f}), not English: "
                      "no actors, quotes or events were extracted")  # fmt: skip
        return doc


@Language.factory(
    "eventwire_language",
    assigns=["doc._.language", "doc._.warnings"],
    default_config={"min_probability": 0.5},
)
def make_language(nlp: Language, name: str, min_probability: float) -> LanguageDetector:
    return LanguageDetector(min_probability)
