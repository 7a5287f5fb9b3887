"""Actor codes of PLOVER's gold standard records, reproduced by the actor and event stages.

Gold: ``plover/gold_standard_records/PLOVER_GSR_CAMEO.txt``, a JSON list of the CAMEO manual's
example sentences coded in PLOVER 0.5b1 (2016): each record has ``text``, ``date`` and ``source`` /
``target`` lists of ``{"actorText", "code", "sector"}``. Each sentence is one article here.

How a gold actor is read (``parse_code``):

- ``code`` is an ISO 3166 alpha-3 country, or one of the manual's international non-state codes
  (IGO, UNO, EUR, NGO, ISM, IMG, MNC). IGO, UNO and EUR (the manual splits the UN and the EU out of
  IGO) become sector ``IGO`` with no country, as eventwire codes international bodies; the others
  become that code as sector with no country. A few CAMEO country codes the GSR readme says were
  converted to ISO but were missed (JAP, ITL, VTN) are mapped to their ISO codes.
- ``sector`` is a 3-letter sector, or 6 characters when a secondary code follows (``CVLalb``:
  civilians, Albanian ethnicity; ``REBMOS``: rebels, Muslim): only the first three (the primary
  sector) are kept. ``***`` (sector left unspecified), ``---`` and an absent sector mean no sector.
  ``CIV`` is not a sector in any PLOVER or CAMEO list; it is read as ``CVL`` (civilians, the actors
  so coded are "Libyans", "Bosnian Serbs").
- A target that is not a list (``""``, a stray word) has no actors.

Sector synonyms (``OUR_SECTOR``): eventwire's sectors follow CAMEO, where ``MED`` is media; the
PLOVER manual (sector note 4) renamed CAMEO's media ``MED`` to ``JRN`` and medical ``HLH`` to ``MED``.
Our sector is mapped to PLOVER's before comparing, so our ``MED`` matches gold ``JRN``, and gold
``MED`` (health: "Red Crescent") is matched only by our ``HLH``. No other sector is renamed.

Reciprocal actors: the markup ``(SRC/TAR: ...)`` marks CAMEO reciprocal actors, which PLOVER lists
all as source with no target ("Hungarian and Romanian officials agreed"). For ``event_country``
an actor of such a sentence counts as found in either role of an event.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..settings import Settings
from . import Figure, extract_texts, require

GOLD = Path("plover") / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
PREFIX = "actors.plover."

# The manual's international non-state entities (its Table "International Non-state actor names").
IGO_CODES = frozenset({"IGO", "UNO", "EUR"})
NONSTATE_CODES = IGO_CODES | {"NGO", "ISM", "IMG", "MNC"}
# CAMEO country codes left in the gold file, with the ISO 3166 alpha-3 code meant.
CAMEO_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
PLACEHOLDERS = frozenset({"", "***", "---"})
GOLD_SECTOR_FIXES = {"CIV": "CVL"}
# eventwire sector -> PLOVER sector, where the manual says they name the same thing.
OUR_SECTOR = {"MED": "JRN", "HLH": "MED"}


def parse_code(code: str | None, sector: str | None = None) -> tuple[str | None, str | None]:
    """``(country, sector)`` of a gold actor code; either may be None.

    ``code`` is the gold ``code`` field with ``sector`` its ``sector`` field, or a whole CAMEO-style
    code with the sector after the first three letters (``"ISRMIL"``, ``"SRBCVLalb"``, ``"IGO"``).
    """
    code = (code or "").strip()
    if sector is None and len(code) > 3:
        code, sector = code[:3], code[3:]
    code = code.upper()
    sector = (sector or "").strip()
    sector = None if sector in PLACEHOLDERS else sector[:3].upper()
    sector = GOLD_SECTOR_FIXES.get(sector, sector) if sector else None
    if code in IGO_CODES:
        return None, "IGO"
    if code in NONSTATE_CODES:
        return None, code
    if not re.fullmatch(r"[A-Z]{3}", code) or code in PLACEHOLDERS:
        return None, sector
    return CAMEO_COUNTRIES.get(code, code), sector


@dataclass(frozen=True)
class GoldActor:
    role: str  # "source" or "target"
    text: str  # the gold actorText
    code: str  # the gold code and sector as written, e.g. "SRB CVLalb"
    country: str | None
    sector: str | None
    reciprocal: bool  # the sentence marks its actors SRC/TAR


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    date: str | None
    actors: tuple[GoldActor, ...]


@dataclass(frozen=True)
class Outcome:
    """One gold actor judged against the record of its sentence (None: the figure does not apply)."""

    sentence: Sentence
    gold: GoldActor
    country: bool | None
    country_sector: bool | None
    igo: bool | None
    event_country: bool | None
    produced: tuple[str, ...]  # the codes (or names) of all actors extracted from the sentence


def read_gold(path: Path) -> list[Sentence]:
    """The coded sentences of a GSR file (records without text, such as DOCUMENT, are left out)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    sentences = []
    for record in records:
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            continue
        info = record.get("textInfo")
        reciprocal = isinstance(info, dict) and "SRC/TAR:" in str(info.get("markup", ""))
        actors = []
        for role in ("source", "target"):
            entries = record.get(role)
            if not isinstance(entries, list):
                continue
            for entry in entries:
                if not isinstance(entry, dict) or not entry.get("code"):
                    continue
                country, sector = parse_code(entry["code"], entry.get("sector") or "")
                written = " ".join(x for x in (entry["code"], entry.get("sector")) if x)
                actors.append(GoldActor(role, entry.get("actorText", ""), written, country, sector, reciprocal))
        date = record.get("date")
        date = date if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None
        sentences.append(Sentence(str(record.get("id", len(sentences))), text, date, tuple(actors)))
    return sentences


def judge(sentences: Iterable[Sentence], articles: Iterable) -> Iterator[Outcome]:
    """Each gold actor of each sentence against the article record extracted from it."""
    for sentence, article in zip(sentences, articles, strict=True):
        by_id = {actor.id: actor for actor in article.actors}
        countries = {a.country for a in article.actors if a.country}
        pairs = {(a.country, OUR_SECTOR.get(a.sector, a.sector)) for a in article.actors if a.country and a.sector}
        has_igo = any(a.sector == "IGO" for a in article.actors)
        in_role = {"source": set(), "target": set()}
        for event in article.events:
            for role in in_role:
                in_role[role].update(by_id[i].country for i in getattr(event, role) if i in by_id and by_id[i].country)
        produced = tuple(a.code or a.name for a in article.actors)
        for gold in sentence.actors:
            event_countries = in_role["source"] | in_role["target"] if gold.reciprocal else in_role[gold.role]
            yield Outcome(
                sentence,
                gold,
                country=gold.country in countries if gold.country else None,
                country_sector=(gold.country, gold.sector) in pairs if gold.country and gold.sector else None,
                igo=has_igo if gold.country is None and gold.sector == "IGO" else None,
                event_country=gold.country in event_countries if gold.country else None,
                produced=produced,
            )


def outcomes(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Outcome]:
    """Every gold actor of the first ``limit`` sentences, judged (for error analysis)."""
    sentences = read_gold(require(root / GOLD))[:limit]
    articles = extract_texts((s.text for s in sentences), settings, workers=workers,
                             published=[s.date for s in sentences])  # fmt: skip
    return list(judge(sentences, articles))


NOTES = {
    "country": "gold source/target codes with a country whose country some actor extracted from the sentence has",
    "country_sector": "gold codes with country and primary sector matched by one actor with both "
    "(our CAMEO MED = PLOVER JRN; 6-char sectors cut to the primary 3)",
    "igo": "gold IGO/UNO/EUR actors with an actor of sector IGO extracted from the sentence",
    "event_country": "gold codes with a country found as the country of an event source (for gold sources) "
    "or target (for gold targets); either role for SRC/TAR reciprocal sentences",
}


def figures(judged: Iterable[Outcome]) -> list[Figure]:
    """The share of applicable gold actors found, one Figure per measure with any applicable actor."""
    judged = list(judged)
    result = []
    for name, note in NOTES.items():
        values = [getattr(o, name) for o in judged if getattr(o, name) is not None]
        if values:
            result.append(Figure(PREFIX + name, sum(values) / len(values), len(values), note))
    return result


def run(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Figure]:
    """Figures ``actors.plover.{country,country_sector,igo,event_country}`` on PLOVER's gold records."""
    return figures(outcomes(root, settings=settings, limit=limit, workers=workers))
