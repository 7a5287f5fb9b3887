"""Place stage: every location mention, geocoded offline.

Takes GPE, LOC and FAC entities that are not themselves an actor's mention (so "Tokyo said" is an
actor, "in Tokyo" a place, and "Fargo" in "the Fargo mayor" a place inside an actor's mention) and
geocodes them with the gazetteer: countries to the country, never to a building; states and
provinces; cities by population, preferring the countries the article's actors and other places are
in, and the state named after a city ("Paris, Texas"). Disease names ("Ebola virus") and a person's
surname the NER took for a place are left out.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import guarded
from .actors import locative, place_in_disguise
from .gazetteer import gazetteer

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Words after a name that make it a disease, storm or organization rather than a place.
NOT_PLACES_AFTER = frozenset({"virus", "fever", "disease", "outbreak", "strain", "vaccine"})


class PlaceFinder:
    """Fills ``doc._.places``."""

    def __init__(self, lexicon_dir: str | None):
        self.gaz = gazetteer(lexicon_dir)

    @guarded("places", "places")
    def __call__(self, doc: Doc) -> Doc:
        mentions = self._mentions(doc)
        actor_countries = {a["country"] for a in doc._.actors or () if a["country"]}
        # First pass: each name on its own; the countries it finds then guide the namesakes
        # ("Paris" in an article about Texas towns, "Georgia" next to "Atlanta").
        first = [self.gaz.locate(text, frozenset(actor_countries), within) for _, _, text, within in mentions]
        places: dict[tuple, dict] = {}
        for n, (start, end, text, within) in enumerate(mentions):
            others = {f.country for m, f in enumerate(first) if f is not None and f.country and mentions[m][2] != text}
            found = self.gaz.locate(text, frozenset(actor_countries | others), within)
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

    def _mentions(self, doc: Doc) -> list[tuple[int, int, str, str | None]]:
        """(start, end, text, division) of each place name: a name that is a whole actor mention acts
        ("Tokyo said") and is left out unless a locative preposition comes before it ("in Japan"); one
        inside a longer mention ("the Fargo mayor") is kept."""
        actor_spans = {(m["start"], m["end"]) for a in doc._.actors or () for m in a["mentions"]}
        surnames = {ent.text.split()[-1] for ent in doc.ents if ent.label_ == "PERSON"}
        mentions = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS and not (ent.label_ in ("PERSON", "ORG", "NORP") and place_in_disguise(ent, self.gaz)):
                continue
            text = ent.text.removesuffix("'s").removesuffix("’s")
            start, end = ent.start_char, ent.start_char + len(text)
            bare = text.removeprefix("the ").removeprefix("The ")
            acting = not locative(ent.root) and ((start, end) in actor_spans or (start + len(text) - len(bare), end) in actor_spans)
            if acting or not bare[:1].isupper():
                continue  # acting ("Tokyo said"; "in Georgia" is a place even when Georgia is an actor), or not a name ("mosques")
            if ent.end < len(doc) and doc[ent.end].lower_ in NOT_PLACES_AFTER:
                continue  # "the Ebola virus", "West Nile fever"
            if bare.split()[0] in ("Operation", "Exercise"):
                continue  # "Operation Hoover": a military operation, not a place
            if bare in surnames and self.gaz.locate(bare) is None:
                continue  # a person's name the NER took for a place
            mentions.append((start, end, text, self._division_after(doc, ent)))
        return mentions

    def _division_after(self, doc: Doc, ent: Span) -> str | None:
        """ "Paris, Texas", "Dublin, Ohio": the state or province named right after a city."""
        if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            following = next((e for e in doc.ents if e.start == ent.end + 1), None)
            if following is not None:
                division = self.gaz.division(following.text)
                return division.admin1 if division else None
        return None


@Language.factory(
    "eventwire_places",
    assigns=["doc._.places"],
    requires=["doc.ents", "doc._.actors"],
    default_config={"lexicon_dir": None},
)
def make_places(nlp: Language, name: str, lexicon_dir: str | None) -> PlaceFinder:
    return PlaceFinder(lexicon_dir)
