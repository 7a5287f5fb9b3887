"""Well-known office holders (``people.tsv``), for names an article gives no country or title for.

"Bush said ..." in an article about Iraq is the US president, not an Iraqi official: the actor stage
asks this index before it guesses a person's country from the sentence or the article. A person keeps
their nationality for good; their sector (``GOV``, ``OPP``, an international body) holds only between
the row's dates, checked against the article's publication date. A surname alone names someone only
where the row allows it and no one else listed with that surname held office that day.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

from .lexicons import LexiconError, load_table

COLUMNS = ("name", "country", "sector", "code", "start", "end", "surname")


@dataclass(frozen=True)
class Term:
    """One row: who, and what they were between two dates."""

    name: str
    country: str | None
    sector: str | None
    code: str | None
    start: date | None
    end: date | None
    surname: bool

    def covers(self, day: date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Known:
    """What the index says of a name on a day: a country always, a sector and code when in office."""

    name: str
    country: str | None
    sector: str | None
    code: str | None


def _key(text: str) -> str:
    """A name folded for lookup: no accents, no case, one space, no trailing possessive."""
    text = text.strip().removesuffix("'s").removesuffix("’s")
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def _day(value: str, name: str, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise LexiconError(f"people.tsv: {name!r} has {field} {value!r}, not YYYY-MM-DD") from None


class People:
    """Lookup of ``people.tsv`` rows by full name or, where allowed, surname."""

    def __init__(self, lexicon_dir: str | None):
        self.by_name: dict[str, list[Term]] = {}
        last = None
        for row in load_table("people", COLUMNS, lexicon_dir):
            key = _key(row["name"])
            if key != last:  # a later group of rows for a name (the user's file) replaces the earlier one
                self.by_name[key] = []
                last = key
            self.by_name[key].append(Term(row["name"], row["country"] or None, row["sector"] or None, row["code"] or None,
                                          _day(row["start"], row["name"], "start"), _day(row["end"], row["name"], "end"),
                                          row["surname"].lower() == "yes"))  # fmt: skip
        self.by_surname: dict[str, list[str]] = {}
        for key, terms in self.by_name.items():
            if any(t.surname for t in terms):
                self.by_surname.setdefault(key.split()[-1], []).append(key)

    def find(self, name: str, published: str | None) -> Known | None:
        """What is known of ``name`` ("George W. Bush", "Bush") as of ``published`` (YYYY-MM-DD or None)."""
        day = date.fromisoformat(published) if published else None
        key = _key(name)
        keys = [key] if key in self.by_name else []
        if not keys and " " not in key and len(key) >= 4:
            holders = [k for k in self.by_surname.get(key, []) if any(t.covers(day) for t in self.by_name[k] if t.surname)]
            keys = holders if len(holders) == 1 else []  # "Bush" in 2003: George W.; "Kim": no one
        if not keys:
            return None
        terms = self.by_name[keys[0]]
        term = next((t for t in terms if t.covers(day)), None)
        country = (term or terms[0]).country
        if term is None:
            return Known(terms[0].name, country, None, country)
        return Known(term.name, country, term.sector, term.code or ((country or "") + (term.sector or "")) or None)


@cache
def people(lexicon_dir: str | None) -> People:
    return People(lexicon_dir)
