"""Event types of PLOVER's gold standard records, reproduced by the event stage.

Gold: ``plover/gold_standard_records/PLOVER_GSR_CAMEO.txt`` (see ``plover_actors``): 322 sentences,
each coded with one event of PLOVER 0.5b1 (2016). Its types are mapped to the 16 current types
(``OLD_TYPES``): DEMAND became REQUEST, DISAPPROVE and INVESTIGATE became modes of ACCUSE, FIGHT
merged into ASSAULT; the others kept their names.

eventwire's ``plover_type`` is compared (strict PLOVER: an intention to cooperate is AGREE, as the
gold codes "has offered to hand over"). Figures:

- ``found``: the share of sentences with an event of the gold type.
- ``f1.<TYPE>`` and ``macro_f1``: per type, over sentences: a sentence counts as predicted for a type
  when any of its events has it. A gold sentence illustrates one event, so a second, true event in it
  counts against precision: these F1s are a lower bound.
- ``source_country``: among sentences where the gold type is found, the share where an event of that
  type has among its sources every gold source country (any role for the gold's reciprocal
  ``SRC/TAR`` actors).
- ``no_event``: the share of sentences where eventwire finds no event at all (recall's other face).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..record import PLOVER_TYPES
from ..settings import Settings
from . import Figure, extract_texts, f1, ratio, require
from .plover_actors import GOLD, Sentence, read_gold

PREFIX = "events.plover."
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(frozen=True)
class Judged:
    sentence: Sentence
    gold_type: str
    predicted: frozenset[str]  # the plover_type of every event
    found: bool
    source_country: bool | None  # None when the type is not found or the gold names no source country


def current_type(old: str) -> str | None:
    """The current PLOVER type of a gold type, or None for a record that is not an event (DOCUMENT)."""
    new = OLD_TYPES.get(old, old)
    return new if new in PLOVER_TYPES else None


def judge(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Judged]:
    """Every gold sentence with an event type, against the record extracted from it."""
    path = require(root / GOLD)
    types = {str(r.get("id")): current_type(str(r.get("event", ""))) for r in json.loads(path.read_text(encoding="utf-8"))}
    sentences = [s for s in read_gold(path) if types.get(s.id)][:limit]
    articles = extract_texts((s.text for s in sentences), settings, workers=workers, published=[s.date for s in sentences])
    judged = []
    for sentence, article in zip(sentences, articles, strict=True):
        gold_type = types[sentence.id]
        country = {actor.id: actor.country for actor in article.actors}
        matching = [e for e in article.events if e.plover_type == gold_type]
        gold_sources = {a.country for a in sentence.actors if a.country and (a.role == "source" or a.reciprocal)}
        source_country = None
        if matching and gold_sources:
            def covers(event) -> bool:
                roles = event.source + event.target if any(a.reciprocal for a in sentence.actors) else event.source
                return gold_sources <= {country.get(i) for i in roles}
            source_country = any(covers(e) for e in matching)
        judged.append(Judged(sentence, gold_type, frozenset(e.plover_type for e in article.events), bool(matching), source_country))
    return judged


def figures(judged: Iterable[Judged]) -> list[Figure]:
    """``found``, ``no_event``, ``source_country``, per-type F1 and their macro average."""
    judged = list(judged)
    if not judged:
        return []
    result = [
        Figure(PREFIX + "found", ratio(sum(j.found for j in judged), len(judged)), len(judged),
               "gold sentences with an event of the gold type (plover_type)"),
        Figure(PREFIX + "no_event", ratio(sum(not j.predicted for j in judged), len(judged)), len(judged),
               "gold sentences where no event was found"),
    ]  # fmt: skip
    applicable = [j.source_country for j in judged if j.source_country is not None]
    if applicable:
        result.append(Figure(PREFIX + "source_country", ratio(sum(applicable), len(applicable)), len(applicable),
                             "found events that have every gold source country among their sources"))  # fmt: skip
    scores = []
    for kind in PLOVER_TYPES:
        gold = sum(j.gold_type == kind for j in judged)
        if not gold:
            continue
        predicted = sum(kind in j.predicted for j in judged)
        correct = sum(j.gold_type == kind and kind in j.predicted for j in judged)
        scores.append(f1(correct, predicted, gold))
        result.append(Figure(f"{PREFIX}f1.{kind}", scores[-1], gold, "per-sentence F1 of the type"))
    result.append(Figure(PREFIX + "macro_f1", sum(scores) / len(scores), len(scores), "mean of the per-type F1s"))
    return result


def run(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Figure]:
    """Figures ``events.plover.*`` on PLOVER's gold records."""
    return figures(judge(root, settings=settings, limit=limit, workers=workers))
