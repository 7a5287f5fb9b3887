"""PETRARCH's own unit-test suite, scored at PLOVER level for eventwire, PETRARCH-1 and PETRARCH-2.

Gold: ``petrarch/records/PETR.UnitTest.records.xml``, 284 ``<Sentence>`` records about fictional
countries (Arnor, Gondor, ...) with the CAMEO codings PETRARCH must produce (``<EventCoding
sourcecode= targetcode= eventcode=>``) or ``noevents="True"``. Records whose coding has an ``error=``
attribute test error handling and are not scored (277 remain, as in ``peer_results/``).

How it is scored:

- The suite's dictionaries (``PETR.Validate.{actors,agents,verbs}.txt``, the ones PETRARCH ran with)
  are loaded through eventwire's PETRARCH dictionary support, in a temporary lexicon folder (with
  the user's own ``--lexicon-dir`` files, if any): ``exact``. The suite's verb dictionary codes
  verbs with WEIS-era codes chosen for the tests (its header says so), so ``own_lexicon.exact``
  runs again with the actors and agents only, events coming from eventwire's own lexicon. Each
  record's ``date`` is the article's publication date.
- Every CAMEO code is mapped to a PLOVER type with ``plover/CAMEO2PLOVER-2021.txt`` (the code
  itself, else its shorter prefixes). Codings whose code has no PLOVER type (CAMEO 01 statements,
  02 appeals) drop out; a record whose codings all drop out expects no event.
- A record passes when the set of ``(source, target, type)`` produced equals the expected set. An
  event with several sources or targets gives every pair, a mutual one (several actors meeting or
  exchanging fire, no recipient: PLOVER's coding) every ordered pair of its actors; a missing target
  is ``---``, as in the suite. An actor code is the one eventwire assigns (``ARNGOV``); an actor with a sector but no
  country is ``---`` + sector, as PETRARCH writes it.
- eventwire's ``type`` (the PLOVER type of what is reported, whatever its modality) is compared:
  PETRARCH codes "is about to restore ties" as the cooperation itself.
- The peers' own outputs (``peer_results/petrarch{1,2}_HEAD_on_UnitTest.results.json``, their
  ``got`` codings) are mapped and scored the same way, in the same run.
- ``dyadic_exact`` compares only codings with both a source and a target. PETRARCH codes an event
  only when it finds both, and the suite expects nothing else, while eventwire also keeps one-sided
  events ("a visit to Eriador" by someone unnamed, ties restored "with Gxndor", an unknown name):
  ``exact`` counts those as wrong, ``dyadic_exact`` compares what a dyadic coder can produce. An
  actor with a sector and no country (``---GOV``) is a party; only a missing one (``---``) is not.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..events import mutual
from ..settings import Settings
from . import Figure, extract_texts, ratio, require

RECORDS = Path("petrarch") / "records" / "PETR.UnitTest.records.xml"
DICTIONARIES = Path("petrarch") / "dictionaries"
ACTOR_FILES = ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt")
VERB_FILE = "PETR.Validate.verbs.txt"
PEERS = {"petrarch1": "petrarch1_HEAD_on_UnitTest.results.json", "petrarch2": "petrarch2_HEAD_on_UnitTest.results.json"}
CROSSWALK = Path("plover") / "CAMEO2PLOVER-2021.txt"
PREFIX = "events.petrarch."
NO_ACTOR = "---"

Coding = tuple[str, str, str]  # (source code, target code, PLOVER type)


@dataclass(frozen=True)
class Record:
    id: str
    category: str
    date: str | None  # YYYY-MM-DD
    text: str
    expected: tuple[tuple[str, str, str], ...]  # (source, target, CAMEO code) as written


@dataclass(frozen=True)
class Judged:
    """One record: what was expected and what each coder produced, at PLOVER level."""

    record: Record
    expected: frozenset[Coding]
    produced: dict[str, frozenset[Coding]]  # coder name -> codings

    def passed(self, coder: str, dyadic: bool = False) -> bool:
        if coder not in self.produced:
            return False
        if dyadic:
            return _dyadic(self.produced[coder]) == _dyadic(self.expected)
        return self.produced[coder] == self.expected


def _dyadic(codings: frozenset[Coding]) -> frozenset[Coding]:
    return frozenset(c for c in codings if NO_ACTOR not in (c[0], c[1]))


def read_crosswalk(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from the lines ``CODE: TYPE, mode, context # comment``.

    A code listed twice keeps its first type (the file lists ``08`` under CONCEDE and RETREAT).
    """
    mapping: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        found = re.match(r"\s*(\d{2,4})\s*:\s*([A-Z]+)", line)
        if found:
            mapping.setdefault(found.group(1), found.group(2))
    return mapping


def plover_type(cameo: str, crosswalk: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code (the code, else its longest listed prefix); None if it has none."""
    code = cameo.strip()
    while len(code) >= 2:
        if code in crosswalk:
            return crosswalk[code]
        code = code[:-1]
    return None


def read_records(path: Path) -> list[Record]:
    """The scoreable records of the suite (no coding with an ``error`` attribute), in file order."""
    root = ElementTree.parse(path).getroot()
    records = []
    for sentence in root.iter("Sentence"):
        if any(coding.get("error") is not None for coding in sentence.iter("EventCoding")):
            continue
        text_node = sentence.find("Text")
        text = " ".join((text_node.text or "").split()) if text_node is not None else ""
        raw_date = sentence.get("date") or ""
        day = f"{raw_date[:4]}-{raw_date[4:6]}-{raw_date[6:8]}" if re.fullmatch(r"\d{8}", raw_date) else None
        expected = []
        for coding in sentence.iter("EventCoding"):
            if coding.get("noevents", "").strip().lower() == "true":
                continue
            expected.append((coding.get("sourcecode", ""), coding.get("targetcode", ""), coding.get("eventcode", "")))
        records.append(Record(sentence.get("id", ""), sentence.get("category", ""), day, text, tuple(expected)))
    return records


def at_plover_level(codings: Iterable[Iterable[str]], crosswalk: dict[str, str]) -> frozenset[Coding]:
    """``(source, target, CAMEO)`` codings as ``(source, target, PLOVER type)``; unmapped codes drop out."""
    found = set()
    for source, target, cameo in codings:
        kind = plover_type(str(cameo), crosswalk)
        if kind is not None:
            found.add((source, target, kind))
    return frozenset(found)


def _actor_code(actor) -> str:
    """The actor's CAMEO code; a sector alone (a body of no known country) is written ``---GOV``."""
    if actor.code and (actor.country or len(actor.code) > 3):  # "IGOAFR", "NGMOPP": non-state codes stand alone
        return actor.code
    return NO_ACTOR + (actor.sector or "") if actor.sector else (actor.code or NO_ACTOR)


def codings_of(article) -> frozenset[Coding]:
    """Every (source, target, type) pair of an article's events. A PLOVER event whose several actors do
    it with each other and have no recipient ("A and B held talks") gives every ordered pair of them, as
    PLOVER's manual says dyadic data expands it."""
    codes = {actor.id: _actor_code(actor).split("/") for actor in article.actors}  # "FRO/BIL/SAM": three actors
    found = set()
    for event in article.events:
        sources = [c for i in event.source if i in codes for c in codes[i]] or [NO_ACTOR]
        targets = [c for i in event.target if i in codes for c in codes[i]] or [NO_ACTOR]
        if targets == [NO_ACTOR] and len(event.source) > 1 and mutual(event):
            targets = sources
        found.update((s, t, event.type) for s in sources for t in targets if s != t)
    return frozenset(found)


def _lexicon_folder(root: Path, settings: Settings, into: Path, names: tuple[str, ...]) -> Settings:
    """Settings whose lexicon folder holds the suite's dictionaries ``names`` (and the user's own files)."""
    into.mkdir()
    if settings.lexicon_dir:
        for item in Path(settings.lexicon_dir).iterdir():
            if item.is_file():
                shutil.copy(item, into / item.name)
    for name in names:
        shutil.copy(require(root / DICTIONARIES / name), into / name)
    return replace(settings, lexicon_dir=str(into))


def judge(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Judged]:
    """Every scoreable record, coded by eventwire (``eventwire`` with the suite's verb dictionary,
    ``eventwire_lexicon`` with its own) and by the peers."""
    records = read_records(require(root / RECORDS))[:limit]
    crosswalk = read_crosswalk(require(root / CROSSWALK))
    peers = {}
    for name, file in PEERS.items():
        path = root / "petrarch" / "peer_results" / file
        if path.exists():
            peers[name] = {r["id"]: r for r in json.loads(path.read_text(encoding="utf-8"))}
    runs = {"eventwire": ACTOR_FILES + (VERB_FILE,), "eventwire_lexicon": ACTOR_FILES}
    coded: dict[str, list] = {}
    with tempfile.TemporaryDirectory(prefix="eventwire-petrarch-") as folder:
        for name, files in runs.items():
            run_settings = _lexicon_folder(root, settings, Path(folder) / name, files)
            coded[name] = list(extract_texts((r.text for r in records), run_settings, workers=workers,
                                             published=[r.date for r in records]))  # fmt: skip
    judged = []
    for n, record in enumerate(records):
        produced = {name: codings_of(articles[n]) for name, articles in coded.items()}
        for name, results in peers.items():
            if record.id in results:
                produced[name] = at_plover_level(results[record.id].get("got") or [], crosswalk)
        judged.append(Judged(record, at_plover_level(record.expected, crosswalk), produced))
    return judged


def figures(judged: list[Judged]) -> list[Figure]:
    """The share of records coded exactly, for eventwire (plain and strict) and each peer."""
    result = []
    notes = {
        "eventwire": "records whose set of (source, target, PLOVER type) equals the expected one, "
        "with the suite's actor, agent and verb dictionaries",
        "eventwire_lexicon": "the same with the suite's actors and agents but eventwire's own event lexicon",
        "petrarch1": "PETRARCH-1's own output on the suite (peer_results), scored the same way",
        "petrarch2": "PETRARCH-2's own output on the suite (peer_results), scored the same way",
    }
    for dyadic in (False, True):
        for coder, note in notes.items():
            scored = [j for j in judged if coder in j.produced]
            if scored:
                passed = sum(j.passed(coder, dyadic) for j in scored)
                name = "dyadic_exact" if dyadic else "exact"
                metric = PREFIX + {"eventwire": name, "eventwire_lexicon": f"own_lexicon.{name}"}.get(coder, f"{coder}.{name}")
                if dyadic:
                    note += "; codings with both a source and a target only"
                result.append(Figure(metric, ratio(passed, len(scored)), len(scored), note))
    return result


def run(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Figure]:
    """Figures ``events.petrarch.*`` on PETRARCH's unit-test suite."""
    return figures(judge(root, settings=settings, limit=limit, workers=workers))
