"""Time expressions on TempEval-3's training corpus, TBAQ-cleaned (TimeBank + AQUAINT), task A.

Data: ``<root>/tempeval3/TBAQ-cleaned/TimeBank/*.tml`` and ``.../AQUAINT/*.tml`` (TimeML, one news
article a file; ``testpipeline`` holds a copy of a TimeBank file and is ignored). Documents are read
TimeBank first, then AQUAINT, each in file-name order; ``limit`` keeps the first ``limit`` of them.

Text. The article is the content of ``<TEXT>`` with every tag (``EVENT``, ``SIGNAL``, ``TIMEX3``)
removed and the characters kept exactly; each ``TIMEX3`` inside it is a gold expression with its
character offsets in that text, its ``type`` and its ``value``. The document creation time (the
``CREATION_TIME`` TIMEX3 in ``<DCT>``, outside the text) is not an expression to find: its date
(``YYYY-MM-DD``, any time of day dropped) is passed as ``published``. Gold offsets are mapped into the
record's normalized text with ``aligned``.

Matching, as the TempEval-3 scorer does it after the TimeML normalizer has paired system and gold
expressions: a predicted expression (every ``Time`` of the record) and a gold one match when their
spans overlap, each used at most once (an identical span first, then the largest overlap, then the
earliest). A match is strict when the spans are identical.

Figures (prefix ``times.tbaq.``, and per part ``times.timebank.`` / ``times.aquaint.``):

* ``strict_precision|recall|f1``: predictions / gold expressions with an identical-span match.
* ``relaxed_precision|recall|f1``: the same with overlapping spans.
* ``value_f1``, ``type_f1``: TempEval-3's attribute F1, the harmonic mean of P = correct / predicted
  and R = correct / gold, where correct counts the relaxed matches whose attribute equals gold
  (the scorer's "accuracy x relaxed F1", which is the same number for a one-to-one matching).
* ``value_accuracy``: relaxed matches whose value equals gold.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..settings import Settings
from . import Figure, aligned, extract_texts, f1, one_to_one, ratio, require

DATA = Path("tempeval3") / "TBAQ-cleaned"
PARTS = {"timebank": "TimeBank", "aquaint": "AQUAINT"}  # figure prefix -> folder
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
VALUE_NOTE = "HeidelTime 0.776, SUTime 0.674 (TempEval-3 test set)"


@dataclass(frozen=True)
class Timex:
    """A time expression: ``text[start:end]`` with its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class GoldDoc:
    name: str
    part: str  # timebank / aquaint
    text: str
    published: str | None
    timexes: list[Timex]


@dataclass
class Outcome:
    """One document compared: (gold, predicted) pairs, missed gold and spurious predictions."""

    matched: list[tuple[Timex, Timex]]
    missed: list[Timex]
    spurious: list[Timex]


# -- reading --------------------------------------------------------------------------------------


def read_document(path: Path, part: str = "") -> GoldDoc:
    """One TimeML file: the plain ``<TEXT>``, its TIMEX3s and the creation date."""
    xml = ET.parse(path).getroot()
    body = xml.find(".//TEXT")
    pieces: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            pieces.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if element.tag == "TIMEX3":
            found.append((start, length, element))

    if body is not None:
        walk(body)
    text = "".join(pieces)
    timexes = sorted(
        (Timex(start, end, text[start:end], e.get("type") or "", e.get("value") or "")
         for start, end, e in found if text[start:end].strip()),
        key=lambda t: (t.start, t.end),
    )  # fmt: skip
    return GoldDoc(path.stem, part, text, _published(xml), timexes)


def _published(xml: ET.Element) -> str | None:
    """The date of the document creation time (the DCT's TIMEX3, else any CREATION_TIME one)."""
    candidates = [t for dct in xml.iter("DCT") for t in dct.iter("TIMEX3")]
    candidates += [t for t in xml.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"]
    for timex in candidates:
        value = (timex.get("value") or "")[:10]
        if DATE.fullmatch(value):
            return value
    return None


def documents(root: Path, limit: int | None = None) -> list[GoldDoc]:
    """The gold documents under ``root`` (the benchmarks folder): TimeBank, then AQUAINT."""
    folder = require(Path(root) / DATA)
    docs: list[GoldDoc] = []
    for part, name in PARTS.items():
        for path in sorted((folder / name).glob("*.tml")):
            if limit is not None and len(docs) >= limit:
                return docs
            docs.append(read_document(path, part))
    return docs


# -- scoring --------------------------------------------------------------------------------------


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def compare(gold: list[Timex], predicted: list[Timex]) -> Outcome:
    """One-to-one matching of overlapping spans: identical spans first, then the largest overlap."""
    pairs = sorted(
        ((i, j) for i, g in enumerate(gold) for j, p in enumerate(predicted) if _overlap(g, p) > 0),
        key=lambda ij: (
            (gold[ij[0]].start, gold[ij[0]].end) != (predicted[ij[1]].start, predicted[ij[1]].end),
            -_overlap(gold[ij[0]], predicted[ij[1]]),
            gold[ij[0]].start,
            predicted[ij[1]].start,
        ),
    )
    kept = one_to_one(pairs)
    paired_gold, paired_predicted = {i for i, _ in kept}, {j for _, j in kept}
    matched = sorted(((gold[i], predicted[j]) for i, j in kept), key=lambda pair: (pair[0].start, pair[0].end))
    missed = [g for i, g in enumerate(gold) if i not in paired_gold]
    spurious = [p for j, p in enumerate(predicted) if j not in paired_predicted]
    return Outcome(matched, missed, spurious)


def predicted_times(record) -> list[Timex]:
    """Every time expression of a record."""
    found = [Timex(t.start, t.end, t.text, t.type, t.value) for t in record.times]
    return sorted(found, key=lambda t: (t.start, t.end))


def mapped(doc: GoldDoc, record_text: str) -> list[Timex]:
    """The gold expressions with offsets in the record's (normalized) text."""
    offsets = aligned(doc.text, record_text)
    return [Timex(offsets[t.start], offsets[t.end], t.text, t.type, t.value) for t in doc.timexes]


@dataclass
class Tally:
    """Running counts over documents, turned into figures at the end."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    # for error analysis: (document, expression) and (document, gold, predicted)
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    matched: list = field(default_factory=list)

    def add(self, doc: GoldDoc, outcome: Outcome) -> None:
        self.documents += 1
        self.gold += len(outcome.matched) + len(outcome.missed)
        self.predicted += len(outcome.matched) + len(outcome.spurious)
        self.relaxed += len(outcome.matched)
        for gold, predicted in outcome.matched:
            self.strict += (gold.start, gold.end) == (predicted.start, predicted.end)
            self.value += gold.value == predicted.value
            self.type += gold.type == predicted.type
            self.matched.append((doc, gold, predicted))
        self.missed += [(doc, g) for g in outcome.missed]
        self.spurious += [(doc, p) for p in outcome.spurious]

    def figures(self, prefix: str, everything: bool = True) -> list[Figure]:
        note = f"{self.documents} documents"

        out = []
        for kind, correct in (("strict", self.strict), ("relaxed", self.relaxed)):
            match = "identical" if kind == "strict" else "overlapping"
            out.append(Figure(f"{prefix}.{kind}_f1", f1(correct, self.predicted, self.gold), self.gold,
                              f"{note}; {match} spans"))  # fmt: skip
            if everything:
                out.append(Figure(f"{prefix}.{kind}_precision", ratio(correct, self.predicted), self.predicted,
                                  f"predicted expressions with an {match} gold span"))  # fmt: skip
                out.append(Figure(f"{prefix}.{kind}_recall", ratio(correct, self.gold), self.gold,
                                  f"gold expressions with an {match} predicted span"))  # fmt: skip
        out.append(Figure(f"{prefix}.value_f1", f1(self.value, self.predicted, self.gold), self.gold, VALUE_NOTE))
        if everything:
            out.append(Figure(f"{prefix}.type_f1", f1(self.type, self.predicted, self.gold), self.gold,
                              "relaxed matches with the gold type, over predicted and gold totals"))  # fmt: skip
            out.append(Figure(f"{prefix}.value_accuracy", ratio(self.value, self.relaxed), self.relaxed,
                              "relaxed matches with exactly the gold value"))  # fmt: skip
        return out


def evaluate(docs: Iterable[GoldDoc], settings: Settings = Settings(), workers: int = 1) -> dict[str, Tally]:
    """Extract each document and compare its time expressions: a tally per part and ``tbaq`` for all."""
    docs = [d for d in docs if d.text.strip() and len(d.text) <= settings.max_chars]
    tallies = {"tbaq": Tally(), **{part: Tally() for part in PARTS}}
    records = extract_texts([d.text for d in docs], settings, workers, published=[d.published for d in docs])
    for doc, record in zip(docs, records, strict=True):
        outcome = compare(mapped(doc, record.text), predicted_times(record))
        tallies["tbaq"].add(doc, outcome)
        tallies[doc.part].add(doc, outcome)
    return tallies


def run(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Figure]:
    """TempEval-3 task A figures; raises DataMissing when ``root/tempeval3/TBAQ-cleaned`` is absent."""
    tallies = evaluate(documents(root, limit), settings, workers)
    figures = tallies["tbaq"].figures("times.tbaq")
    for part in PARTS:
        if tallies[part].documents:
            figures += tallies[part].figures(f"times.{part}", everything=False)
    return figures
