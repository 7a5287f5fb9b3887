"""Place stage: every location mention, geocoded offline.

Takes GPE, LOC and FAC entities that the actor stage did not claim as acting (so "Tokyo said" is
an actor, "in Tokyo" a place) and geocodes them with the gazetteer: countries to the country,
never to a building; cities by population, preferring countries the article mentions.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import guarded
from .gazetteer import gazetteer

PLACE_LABELS = ("GPE", "LOC", "FAC")


class PlaceFinder:
    """Fills ``doc._.places``."""

    def __init__(self, lexicon_dir: str | None):
        self.gaz = gazetteer(lexicon_dir)

    @guarded("places", "places")
    def __call__(self, doc: Doc) -> Doc:
        covered = [(m["start"], m["end"]) for a in doc._.actors or () for m in a["mentions"]]
        mentions = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            text = ent.text.removesuffix("'s").removesuffix("’s")
            start, end = ent.start_char, ent.start_char + len(text)
            if any(s <= start and end <= e for s, e in covered):
                continue
            mentions.append((start, end, text))
        prefer = frozenset(a["country"] for a in doc._.actors or () if a["country"])
        places: dict[tuple, dict] = {}
        for start, end, text in mentions:
            found = self.gaz.locate(text, prefer)
            if found is None:
                key = ("unknown", text.lower().removeprefix("the "))
                record = {"name": text.removeprefix("the "), "kind": "unknown", "country": None,
                          "lat": None, "lon": None, "geonames_id": None}  # fmt: skip
            else:
                key = (found.kind, found.name, found.country)
                record = {"name": found.name, "kind": found.kind, "country": found.country,
                          "lat": found.lat, "lon": found.lon, "geonames_id": found.geonames_id}  # fmt: skip
            place = places.setdefault(key, {**record, "mentions": []})
            place["mentions"].append({"start": start, "end": end, "text": text})
        doc._.places = [{"id": f"p{n}", **place} for n, place in enumerate(places.values(), 1)]
        return doc


@Language.factory(
    "eventwire_places",
    assigns=["doc._.places"],
    requires=["doc.ents", "doc._.actors"],
    default_config={"lexicon_dir": None},
)
def make_places(nlp: Language, name: str, lexicon_dir: str | None) -> PlaceFinder:
    return PlaceFinder(lexicon_dir)
