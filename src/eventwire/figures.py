"""Figure stage: numbers with their value, unit and what they count ("54,000 troops", "2% of GDP")."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import guarded
from .lexicons import keyed, load_table

FIGURE_LABELS = ("CARDINAL", "PERCENT", "MONEY", "QUANTITY")
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12, "dozen": 12, "hundred": 100}  # fmt: skip
WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}  # fmt: skip
WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1})
NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")


def parse_value(text: str) -> float | None:
    """The number a figure's text states: '54,000' -> 54000, '$8.9bn' -> 8.9e9, 'three million' -> 3e6."""
    lower = text.lower().replace("–", "-")
    words = re.findall(r"[a-z]+", lower)
    scale = 1.0
    for word in words:
        scale *= SCALES.get(word, 1.0) if word not in ("m", "b", "k") or re.search(rf"\d\s*{word}\b", lower) else 1.0
    match = NUMBER.search(lower)
    if match:
        return float(match.group().replace(",", "")) * scale
    spelled = [WORDS[w] for w in words if w in WORDS]
    if spelled:
        return float(sum(spelled)) * scale
    if scale != 1.0:  # "a dozen", "hundreds"
        return scale
    return None


class FigureFinder:
    """Fills ``doc._.figures``."""

    def __init__(self, lexicon_dir: str | None):
        self.units = keyed(load_table("units", ("word", "unit"), lexicon_dir), "word")

    @guarded("figures", "figures")
    def __call__(self, doc: Doc) -> Doc:
        figures = []
        for ent in doc.ents:
            if ent.label_ not in FIGURE_LABELS or (ent.label_ == "CARDINAL" and _is_ordinal_like(ent)):
                continue
            value = parse_value(ent.text)
            unit, about = self._unit_about(ent)
            figures.append({"id": f"f{len(figures) + 1}", "start": ent.start_char, "end": ent.end_char,
                            "text": ent.text, "value": value, "unit": unit, "about": about})  # fmt: skip
        doc._.figures = figures
        return doc

    def _unit_about(self, ent: Span) -> tuple[str | None, str | None]:
        doc = ent.doc
        after = doc[ent.end] if ent.end < len(doc) else None
        unit = None
        for token in list(ent) + ([after] if after is not None else []):
            found = self.units.get(token.lower_) or self.units.get(token.text)
            if found:
                unit = found["unit"]
                break
        if ent.label_ == "PERCENT":
            unit = "%"
        root = ent.root
        head = root.head if root.dep_ in ("nummod", "quantmod", "amod", "compound") else None
        if ent.label_ == "CARDINAL" and head is not None and head.pos_ in ("NOUN", "PROPN"):
            return unit or head.text.lower(), _phrase(head)
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            obj = next((c for c in of.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return unit, _phrase(obj)
        if head is not None and head.pos_ in ("NOUN", "PROPN"):
            return unit, _phrase(head)
        if ent.label_ == "QUANTITY" and unit is None:
            unit = ent[-1].lower_
        return unit, None


def _phrase(noun: Token) -> str:
    """A noun with its compound and adjective modifiers: 'US troops', 'defence spending'."""
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.ent_type_ not in FIGURE_LABELS]
    start = min([noun.i] + [c.left_edge.i for c in left])
    return noun.doc[start : noun.i + 1].text


def _is_ordinal_like(ent: Span) -> bool:
    """Numbers that label rather than count: 'Resolution 2728', a lone 'one' used as a pronoun."""
    return ent.text.lower() in ("one", "a") or (ent.start > 0 and ent.doc[ent.start - 1].pos_ == "PROPN" and ent.root.dep_ == "nummod")


@Language.factory("eventwire_figures", assigns=["doc._.figures"], requires=["doc.ents"], default_config={"lexicon_dir": None})
def make_figures(nlp: Language, name: str, lexicon_dir: str | None) -> FigureFinder:
    return FigureFinder(lexicon_dir)
