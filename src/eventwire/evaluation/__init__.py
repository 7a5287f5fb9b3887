"""Evaluation on public gold data, and the gates that keep the figures from slipping.

Each benchmark is a module in this package with a ``run(root, settings, limit, workers)`` function
that reads its gold data under ``root`` (the benchmarks folder, default ``../shared/benchmarks``),
runs eventwire on it, and returns ``Figure`` values. A benchmark whose data is absent raises
``DataMissing`` and is skipped. ``floors.tsv`` pins the lowest acceptable value of each gated
figure; ``gate`` lists the figures that fell below theirs.
"""

from __future__ import annotations

import csv
import importlib
import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..record import MARKUP
from ..settings import Settings

DEFAULT_ROOT = "../shared/benchmarks"

# name -> (module, what it measures)
BENCHMARKS = {
    "geoparsing": ("geoparsing", "toponym recall/precision and accuracy within 161 km on LGL, GeoVirus, GeoWebNews"),
    "actors": ("plover_actors", "gold source/target actor codes of PLOVER's gold records reproduced"),
    "meantime": ("meantime", "entity mentions, coreference links and time expressions on MEANTIME"),
    "times": ("tempeval", "time expression spans and TIMEX3 values on TempEval-3 (TimeBank + AQUAINT)"),
    "quotes": ("polnear", "attributions (content, cue, source) on PolNeAR train and dev"),
    "events": ("plover_events", "event types of PLOVER's gold records, per type and overall"),
    "petrarch": ("petrarch_tests", "PETRARCH's unit-test suite at PLOVER level, with PETRARCH-1 and -2 scored alike"),
}


class DataMissing(Exception):
    """The benchmark's gold data is not under the benchmarks folder."""


@dataclass(frozen=True)
class Figure:
    """One measured figure: ``metric`` is dotted (``geoparsing.lgl.acc161``), ``count`` what it is over."""

    metric: str
    value: float
    count: int
    note: str = ""


def default_root() -> Path:
    """The benchmarks folder: ``EVENTWIRE_BENCHMARKS`` or ``../shared/benchmarks``."""
    return Path(os.environ.get("EVENTWIRE_BENCHMARKS") or DEFAULT_ROOT)


def run(name: str, root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Figure]:
    """Run one benchmark by name; raises KeyError for an unknown name and DataMissing when its data is absent."""
    module_name, _ = BENCHMARKS[name]
    module = importlib.import_module(f"{__name__}.{module_name}")
    return module.run(root, settings=settings, limit=limit, workers=workers)


def floors() -> dict[str, float]:
    """The pinned floor of each gated metric, from ``floors.tsv``."""
    text = resources.files(__name__).joinpath("floors.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["metric"]: float(row["floor"]) for row in rows}


def gate(figures: Iterable[Figure], pinned: dict[str, float]) -> list[str]:
    """One line for each figure below its pinned floor (an empty list when all pass)."""
    return [
        f"{f.metric} = {f.value:.3f} is below its floor {pinned[f.metric]:.3f}"
        for f in figures
        if f.metric in pinned and f.value < pinned[f.metric]
    ]


def ratio(part: int, whole: int) -> float:
    """``part / whole``, 0.0 when ``whole`` is 0."""
    return part / whole if whole else 0.0


def f1(correct: int, predicted: int, gold: int) -> float:
    """F1 of ``correct`` items among ``predicted`` ones (precision) and ``gold`` ones (recall)."""
    precision, recall = ratio(correct, predicted), ratio(correct, gold)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def one_to_one(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing: each (gold index, predicted index) pair, in the order given (best
    first), is kept unless its gold or its prediction is already paired."""
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    kept = []
    for i, j in pairs:
        if i in used_gold or j in used_predicted:
            continue
        used_gold.add(i)
        used_predicted.add(j)
        kept.append((i, j))
    return kept


def require(path: Path) -> Path:
    """``path`` if it exists, else DataMissing naming it."""
    if not path.exists():
        raise DataMissing(f"{path} not found")
    return path


def extract_texts(texts: Iterable[str], settings: Settings, workers: int = 1,
                  published: Iterable[str | None] | None = None) -> Iterator:  # fmt: skip
    """Article records for plain texts, in order (texts are normalized by the pipeline: see ``aligned``)."""
    from ..pipeline import ArticleInput, extract_many

    dates = iter(published) if published is not None else None
    items = (ArticleInput(text, published=next(dates) if dates else None) for text in texts)
    return extract_many(items, settings=settings, workers=workers)


def aligned(original: str, normalized: str) -> list[int]:
    """For each character offset of ``original`` (and its end), the offset in ``normalized``.

    The pipeline normalizes text (NFC, newlines, trailing blanks, outer whitespace, markup), so gold offsets
    into the original text are mapped through this before comparing with record offsets.
    """
    mapping = [0] * (len(original) + 1)
    i = j = 0
    while i < len(original):
        char = original[i]
        mapping[i] = min(j, len(normalized))
        if char == "<" and (tag := MARKUP.match(original, i)):  # a tag the pipeline takes out, leaving a space
            for k in range(i, tag.end()):
                mapping[k] = min(j, len(normalized))
            i = tag.end()
            if j < len(normalized) and normalized[j] == " " and original[i : i + 1] != " ":
                j += 1
            continue
        end = i + 1
        while end < len(original) and unicodedata.combining(original[end]):
            end += 1  # "e" + U+0301 is one "é" after NFC: map the whole cluster to it
        cluster = unicodedata.normalize("NFC", original[i:end])
        if j < len(normalized) and normalized.startswith(cluster, j):
            for k in range(i, end):
                mapping[k] = j
            i, j = end, j + len(cluster)
            continue
        if j < len(normalized) and normalized[j] == char:
            j += 1
        elif char == "\r" and j < len(normalized) and normalized[j] == "\n" and original[i + 1 : i + 2] != "\n":
            j += 1
        i += 1
    mapping[len(original)] = min(j, len(normalized))
    return mapping
