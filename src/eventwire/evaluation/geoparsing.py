"""Geoparsing: toponym spans found (geotagging) and placed on the map (geocoding).

Gold data is the collection of Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation"
(``root/geoparsing/data``):

* ``lgl`` - ``Corpora/lgl.xml``, local US news (Lieberman et al.). Every annotated toponym counts,
  adjectival ones ("Russian") included; the 12% without a ``gaztag`` count for precision and recall
  but have no coordinates, so they are left out of the 161 km figures.
* ``geovirus`` - ``Corpora/GeoVirus.xml``, WikiNews on epidemics; every location counts. Its
  ``start``/``end`` are one past the real offsets (``text[start-1:end-1]`` is the name), repaired below.
* ``geowebnews`` - ``GWN.xml``, the XML form of the brat files in ``GeoWebNews/`` (same annotation,
  with coordinates already resolved and the title kept out of the text). Its pragmatic taxonomy is
  used as the paper recommends: the literal types (Literal, Mixed, Coercion, Embedded_Literal,
  Literal_Modifier) and the associative ones that name a place (Metonymic, Non_Literal_Modifier,
  Embedded_Non_Lit) are gold, so "Russia said" and "Russian troops" are toponyms as in LGL. Demonym
  and Language ("Mexicans", "English") are neither required nor penalised: a prediction over them is
  dropped. Homonym, Non_Toponym ("Cambridge Analytica") and the common-noun expressions ("the
  country") are not toponyms, so a prediction there is a false positive. The few annotations whose
  offsets are negative are dropped.

Gold offsets that do not point at the annotated name are repaired by a small shift or the nearest
occurrence of the name; otherwise the annotation is dropped.

Predicted toponyms from a record: every place mention, with the place's coordinates, plus the
mentions of country actors and government bodies (``"Russia said"``, ``"Tokyo said"``; not people)
whose text is a capitalized country name or capital ("the White House" is not), geocoded by that lookup; "he", "she" or
"the country" are not toponyms. A predicted span matches a gold span it overlaps, each used at
most once (largest overlap first). ``acc161`` is over matched toponyms with gold coordinates (a
match without predicted coordinates is wrong); ``acc161_gold`` is over all gold toponyms with
coordinates (unmatched ones wrong); ``mean_km``/``median_km`` are over matches where both sides
have coordinates.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..gazetteer import gazetteer
from ..record import Article
from ..settings import Settings
from . import Figure, aligned, extract_texts, f1, one_to_one, ratio, require

KM_161 = 161.0
EARTH_RADIUS_KM = 6371.0088

GWN_GOLD_TYPES = frozenset({
    "Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier",
    "Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit",
})  # fmt: skip
GWN_NEUTRAL_TYPES = frozenset({"Demonym", "Language"})

ACC161_NOTE = (
    "matched toponyms placed within 161 km of gold (no coordinates = wrong); "
    "Mordecai 3 reports 0.86-0.98"
)


@dataclass(frozen=True)
class Toponym:
    """A toponym span with its coordinates (``name`` is what it was resolved to, for predictions)."""

    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    name: str | None = None

    @property
    def placed(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class GoldArticle:
    """One gold article: its original text, gold toponyms and spans neither required nor penalised."""

    text: str
    toponyms: list[Toponym]
    neutral: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Outcome:
    """The comparison of one article: matched pairs, missed gold and spurious predictions."""

    matched: list[tuple[Toponym, Toponym]]  # (gold, predicted), gold offsets mapped to the record text
    missed: list[Toponym]
    spurious: list[Toponym]


# -- gold readers ---------------------------------------------------------------------------------


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _repair(text: str, start: int, end: int, name: str) -> tuple[int, int] | None:
    """Offsets of ``name`` at or nearest to ``start`` (None if it is not in the text)."""
    if start < 0 or end < start:
        return None
    if text[start:end] == name or not name:
        return start, end
    for shift in (-1, 1, -2, 2, -3, 3):
        if text[start + shift : end + shift] == name:
            return start + shift, end + shift
    hits = []
    at = text.find(name)
    while at >= 0:
        hits.append(at)
        at = text.find(name, at + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(name)


def _articles(path: Path) -> Iterator[ET.Element]:
    """Each ``<article>`` element of a corpus file, cleared after use."""
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag == "article":
            yield element
            element.clear()


def read_lgl(path: Path) -> Iterator[GoldArticle]:
    for article in _articles(path):
        text = article.findtext("text") or ""
        toponyms = []
        for item in article.iter("toponym"):
            phrase = item.findtext("phrase") or ""
            span = _repair(text, int(item.findtext("start")), int(item.findtext("end")), phrase)
            if span is None:
                continue
            gaz = item.find("gaztag")
            lat = _float(gaz.findtext("lat")) if gaz is not None else None
            lon = _float(gaz.findtext("lon")) if gaz is not None else None
            toponyms.append(Toponym(span[0], span[1], text[span[0] : span[1]], lat, lon))
        yield GoldArticle(text, toponyms)


def read_geovirus(path: Path) -> Iterator[GoldArticle]:
    for article in _articles(path):
        text = article.findtext("text") or ""
        toponyms = []
        for item in article.iter("location"):
            name = item.findtext("name") or ""
            # the corpus counts from 1: text[start-1:end-1] is the name
            span = _repair(text, int(item.findtext("start")) - 1, int(item.findtext("end")) - 1, name)
            if span is None:
                continue
            lat, lon = _float(item.findtext("lat")), _float(item.findtext("lon"))
            toponyms.append(Toponym(span[0], span[1], text[span[0] : span[1]], lat, lon))
        yield GoldArticle(text, toponyms)


def read_geowebnews(path: Path) -> Iterator[GoldArticle]:
    for article in _articles(path):
        text = article.findtext("text") or ""
        toponyms, neutral = [], []
        for item in article.iter("toponym"):
            kind = item.findtext("type") or ""
            if kind not in GWN_GOLD_TYPES and kind not in GWN_NEUTRAL_TYPES:
                continue
            name = item.findtext("extractedName") or ""
            span = _repair(text, int(item.findtext("start")), int(item.findtext("end")), name)
            if span is None:
                continue
            if kind in GWN_NEUTRAL_TYPES:
                neutral.append(span)
                continue
            lat, lon = _float(item.findtext("latitude")), _float(item.findtext("longitude"))
            toponyms.append(Toponym(span[0], span[1], text[span[0] : span[1]], lat, lon))
        yield GoldArticle(text, toponyms, neutral)


# corpus -> (path under root, reader)
CORPORA = {
    "lgl": (Path("geoparsing/data/Corpora/lgl.xml"), read_lgl),
    "geovirus": (Path("geoparsing/data/Corpora/GeoVirus.xml"), read_geovirus),
    "geowebnews": (Path("geoparsing/data/GWN.xml"), read_geowebnews),
}


# -- predictions ----------------------------------------------------------------------------------


def _proper(text: str) -> bool:
    """A name rather than a pronoun or description: its first word after "the" is capitalized."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def predicted_toponyms(record: Article, lexicon_dir: str | None = None) -> list[Toponym]:
    """Place mentions, plus country and government actor mentions that name a place."""
    found: dict[tuple[int, int], Toponym] = {}
    for place in record.places:
        for m in place.mentions:
            found.setdefault((m.start, m.end), Toponym(m.start, m.end, m.text, place.lat, place.lon, place.name))
    gaz = gazetteer(lexicon_dir)
    for actor in record.actors:
        if actor.kind != "country" and (actor.kind == "person" or actor.sector != "GOV"):
            continue
        for m in actor.mentions:
            if (m.start, m.end) in found or not _proper(m.text):
                continue
            if not (gaz.country(m.text) or gaz.capital(m.text)):
                continue  # "the White House": a body, not a toponym
            location = gaz.locate(m.text)
            if location is None:
                continue
            found[m.start, m.end] = Toponym(m.start, m.end, m.text, location.lat, location.lon, location.name)
    return sorted(found.values(), key=lambda t: (t.start, t.end))


# -- scoring --------------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def error_km(gold: Toponym, predicted: Toponym) -> float | None:
    """Distance between gold and predicted coordinates (None when either has none)."""
    if not (gold.placed and predicted.placed):
        return None
    return haversine_km(gold.lat, gold.lon, predicted.lat, predicted.lon)


def _overlap(a: Toponym, b: Toponym) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def compare(gold: list[Toponym], predicted: list[Toponym]) -> Outcome:
    """One-to-one matching of overlapping spans, largest overlap first."""
    pairs = sorted(
        ((i, j) for i, g in enumerate(gold) for j, p in enumerate(predicted) if _overlap(g, p) > 0),
        key=lambda ij: (-_overlap(gold[ij[0]], predicted[ij[1]]), gold[ij[0]].start, predicted[ij[1]].start),
    )
    kept = one_to_one(pairs)
    paired_gold, paired_predicted = {i for i, _ in kept}, {j for _, j in kept}
    matched = sorted(((gold[i], predicted[j]) for i, j in kept), key=lambda pair: pair[0].start)
    missed = [g for i, g in enumerate(gold) if i not in paired_gold]
    spurious = [p for j, p in enumerate(predicted) if j not in paired_predicted]
    return Outcome(matched, missed, spurious)


def _mapped(article: GoldArticle, record_text: str) -> tuple[list[Toponym], list[tuple[int, int]]]:
    offsets = aligned(article.text, record_text)
    toponyms = []
    for t in article.toponyms:
        start, end = offsets[t.start], offsets[t.end]
        toponyms.append(Toponym(start, end, record_text[start:end], t.lat, t.lon))
    neutral = [(offsets[s], offsets[e]) for s, e in article.neutral]
    return toponyms, neutral


def outcomes(articles: Iterable[GoldArticle], settings: Settings = Settings(), workers: int = 1) -> Iterator[Outcome]:
    """Extract each gold article (streamed) and compare its toponyms with the gold ones."""
    pending: deque[GoldArticle] = deque()

    def texts():
        for article in articles:
            if not article.text.strip() or len(article.text) > settings.max_chars:
                continue
            pending.append(article)
            yield article.text

    for record in extract_texts(texts(), settings, workers):
        article = pending.popleft()
        gold, neutral = _mapped(article, record.text)
        predicted = [
            p for p in predicted_toponyms(record, settings.lexicon_dir)
            if not any(min(p.end, e) > max(p.start, s) for s, e in neutral)
        ]  # fmt: skip
        yield compare(gold, predicted)


@dataclass
class Tally:
    """Running counts over articles, turned into figures at the end."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    gold_placed: int = 0
    matched_placed: int = 0
    within: int = 0
    distances: list[float] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.matched += len(outcome.matched)
        self.gold += len(outcome.matched) + len(outcome.missed)
        self.predicted += len(outcome.matched) + len(outcome.spurious)
        self.gold_placed += sum(1 for g in outcome.missed if g.placed)
        for gold, predicted in outcome.matched:
            if not gold.placed:
                continue
            self.gold_placed += 1
            self.matched_placed += 1
            km = error_km(gold, predicted)
            if km is None:
                continue
            self.distances.append(km)
            self.within += km <= KM_161

    def figures(self, prefix: str) -> list[Figure]:
        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        figures = [
            Figure(f"{prefix}.precision", precision, self.predicted, "predicted toponym spans overlapping a gold one"),
            Figure(f"{prefix}.recall", recall, self.gold, "gold toponym spans overlapped by a prediction"),
            Figure(f"{prefix}.f1", f1(self.matched, self.predicted, self.gold), self.gold),
            Figure(f"{prefix}.acc161", ratio(self.within, self.matched_placed), self.matched_placed, ACC161_NOTE),
            Figure(f"{prefix}.acc161_gold", ratio(self.within, self.gold_placed), self.gold_placed,
                   "all gold toponyms with coordinates placed within 161 km (missed = wrong): end to end"),
        ]  # fmt: skip
        if self.distances:
            n = len(self.distances)
            note = "error in km over matched toponyms that have coordinates on both sides"
            figures.append(Figure(f"{prefix}.mean_km", statistics.fmean(self.distances), n, note))
            figures.append(Figure(f"{prefix}.median_km", statistics.median(self.distances), n, note))
        return figures


def gold_articles(root: Path, corpus: str, limit: int | None = None) -> Iterator[GoldArticle]:
    """The gold articles of one corpus (raises DataMissing when its file is absent)."""
    relative, reader = CORPORA[corpus]
    path = require(Path(root) / relative)
    return islice(reader(path), limit)


def run(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Figure]:
    """Geotagging precision/recall/F1 and geocoding accuracy within 161 km on LGL, GeoVirus and GeoWebNews."""
    for relative, _ in CORPORA.values():  # all present before any work starts
        require(Path(root) / relative)
    figures: list[Figure] = []
    for corpus in CORPORA:
        tally = Tally()
        for outcome in outcomes(gold_articles(root, corpus, limit), settings, workers):
            tally.add(outcome)
        figures.extend(tally.figures(f"geoparsing.{corpus}"))
    return figures
