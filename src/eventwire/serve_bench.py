"""Response times of the HTTP API on a large store: ``python -m eventwire.serve_bench [--events N]``.

Builds (once, then reuses) a store of generated articles holding at least ``--events`` events
(100,000 by default): records made from sentence templates over 30 countries and two years of
dates, valid ``eventwire.article/1`` records with real spans, written through ``Store.ingest``
like any other. Then runs ``eventwire serve`` on it in its own process on a free loopback port
and times requests over HTTP (``--repeat`` times each, after two warm-up calls), printing the
median, 95th percentile and slowest time and the size of each answer. Loads no model and needs
no network.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from .record import SCHEMA, Article, article_id
from .store import EventFilter, Store

DEFAULT_DB = "bench-results/serve-bench.duckdb"

# (ISO3, name, capital, lat, lon): who acts and where
COUNTRIES = [
    ("USA", "the United States", "Washington", 38.895, -77.036), ("CHN", "China", "Beijing", 39.907, 116.397),
    ("RUS", "Russia", "Moscow", 55.752, 37.616), ("JPN", "Japan", "Tokyo", 35.690, 139.692),
    ("KOR", "South Korea", "Seoul", 37.566, 126.978), ("PRK", "North Korea", "Pyongyang", 39.034, 125.754),
    ("IND", "India", "New Delhi", 28.614, 77.209), ("PAK", "Pakistan", "Islamabad", 33.721, 73.043),
    ("GBR", "Britain", "London", 51.509, -0.126), ("FRA", "France", "Paris", 48.853, 2.349),
    ("DEU", "Germany", "Berlin", 52.524, 13.411), ("UKR", "Ukraine", "Kyiv", 50.450, 30.524),
    ("TUR", "Turkey", "Ankara", 39.920, 32.854), ("IRN", "Iran", "Tehran", 35.694, 51.422),
    ("ISR", "Israel", "Jerusalem", 31.769, 35.216), ("SAU", "Saudi Arabia", "Riyadh", 24.688, 46.722),
    ("EGY", "Egypt", "Cairo", 30.063, 31.250), ("NGA", "Nigeria", "Abuja", 9.058, 7.489),
    ("KEN", "Kenya", "Nairobi", -1.283, 36.817), ("ETH", "Ethiopia", "Addis Ababa", 9.025, 38.747),
    ("ZAF", "South Africa", "Pretoria", -25.745, 28.188), ("BRA", "Brazil", "Brasilia", -15.780, -47.930),
    ("ARG", "Argentina", "Buenos Aires", -34.613, -58.377), ("MEX", "Mexico", "Mexico City", 19.428, -99.128),
    ("CAN", "Canada", "Ottawa", 45.411, -75.698), ("AUS", "Australia", "Canberra", -35.283, 149.128),
    ("IDN", "Indonesia", "Jakarta", -6.215, 106.845), ("PHL", "the Philippines", "Manila", 14.604, 120.982),
    ("VNM", "Vietnam", "Hanoi", 21.025, 105.841), ("POL", "Poland", "Warsaw", 52.230, 21.011),
]
# (type, plover_type for a future event, words, CAMEO, score)
ACTIONS = [
    ("CONSULT", "AGREE", "held talks with", "040", 1.0), ("AGREE", "AGREE", "agreed with", "030", 4.0),
    ("SUPPORT", "AGREE", "backed", "051", 3.5), ("COOPERATE", "AGREE", "worked with", "060", 6.0),
    ("AID", "AGREE", "sent aid to", "070", 7.0), ("REQUEST", "REQUEST", "called on", "020", 3.0),
    ("ACCUSE", "ACCUSE", "accused", "112", -2.0), ("REJECT", "REJECT", "rejected a proposal by", "120", -4.0),
    ("THREATEN", "THREATEN", "threatened", "130", -6.0), ("PROTEST", "PROTEST", "protested against", "140", -6.5),
    ("SANCTION", "SANCTION", "imposed sanctions on", "163", -8.0), ("MOBILIZE", "MOBILIZE", "moved troops toward", "150", -7.2),
    ("COERCE", "COERCE", "seized ships of", "170", -7.0), ("ASSAULT", "ASSAULT", "attacked", "190", -10.0),
]
MODALITIES = ["asserted"] * 7 + ["future", "hypothetical", "negated"]
START = date(2023, 1, 1)
DAYS = 730


def _article(rng: random.Random, number: int) -> Article:
    """One generated article: a few sentences, each one event between two countries at a capital."""
    published = START + timedelta(days=rng.randrange(DAYS))
    text, actors, places, times, events = "", {}, {}, [], []
    for _ in range(rng.randint(4, 7)):
        source, target = rng.sample(COUNTRIES, 2)
        kind, folded, words, cameo, score = rng.choice(ACTIONS)
        where = rng.choice((source, target))
        day = published - timedelta(days=rng.randrange(7))
        modality = rng.choice(MODALITIES)
        start = len(text)
        sentence = f"{source[1][0].upper() + source[1][1:]} {words} {target[1]} in {where[2]} on {day:%B} {day.day}, officials said. "
        spans = {}
        for key, piece in (("source", source[1]), ("trigger", words), ("target", target[1]), ("place", where[2]), ("time", f"{day:%B} {day.day}")):
            offset = sentence.lower().index(piece.lower(), 0 if key == "source" else spans[list(spans)[-1]][1] - start)
            spans[key] = (start + offset, start + offset + len(piece))
        text += sentence
        for key, country in (("source", source), ("target", target)):
            actor = actors.setdefault(country[0], {"id": f"a{len(actors) + 1}", "name": country[1].removeprefix("the ").title(), "kind": "country",
                                                   "country": country[0], "sector": None, "code": country[0], "role": None, "mentions": []})  # fmt: skip
            actor["mentions"].append({"start": spans[key][0], "end": spans[key][1], "text": text[slice(*spans[key])]})
        place = places.setdefault(where[2], {"id": f"p{len(places) + 1}", "name": where[2], "kind": "city", "country": where[0],
                                             "lat": where[3], "lon": where[4], "geonames_id": None, "mentions": []})  # fmt: skip
        place["mentions"].append({"start": spans["place"][0], "end": spans["place"][1], "text": where[2]})
        times.append({"id": f"t{len(times) + 1}", "start": spans["time"][0], "end": spans["time"][1], "text": text[slice(*spans["time"])],
                      "type": "DATE", "value": day.isoformat()})  # fmt: skip
        events.append({
            "id": f"e{len(events) + 1}", "type": kind, "plover_type": folded if modality in ("future", "hypothetical") else kind,
            "mode": None, "context": [], "cameo": cameo, "source": [actors[source[0]]["id"]], "target": [actors[target[0]]["id"]],
            "date": day.isoformat(), "date_imputed": False, "place": place["id"], "modality": modality, "attributed_to": None,
            "quote": None, "trigger": {"start": spans["trigger"][0], "end": spans["trigger"][1], "text": words},
            "sentence": {"start": start, "end": start + len(sentence) - 1, "text": sentence[:-1]},
            "confidence": 0.8, "score": score if modality != "negated" else 0.0, "rule": "bench",
        })  # fmt: skip
    text = f"Report {number}. " + text.strip()
    shift = len(f"Report {number}. ")
    for item in [*times, *(m for a in actors.values() for m in a["mentions"]), *(m for p in places.values() for m in p["mentions"]),
                 *(e["trigger"] for e in events), *(e["sentence"] for e in events)]:  # fmt: skip
        item["start"] += shift
        item["end"] += shift
    return Article.model_validate({
        "schema": SCHEMA, "id": article_id(text), "url": None, "title": f"Generated report {number}", "source": "serve_bench",
        "published": published.isoformat(), "language": "en", "text": text, "actors": list(actors.values()),
        "places": list(places.values()), "times": times, "figures": [], "quotes": [], "events": events, "warnings": [],
    })  # fmt: skip


def build(path: Path, events: int, seed: int = 7) -> int:
    """Fill the store at ``path`` with generated articles until it holds ``events`` events; return the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with Store(path) as store:
        have = store.counts()["events"]
        number = store.counts()["articles"]
        while have < events:
            batch = [_article(rng, number + i) for i in range(1000)]
            number += len(batch)
            have += store.ingest(batch).events
            print(f"  {have:,} events stored", file=sys.stderr, end="\r")
        print(file=sys.stderr)
        return store.count_events(EventFilter())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[float, bytes, dict]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        body = response.read()
        return time.perf_counter() - started, body, dict(response.headers)


def _deep_cursor(base: str, pages: int) -> str:
    """The cursor of page ``pages + 1`` of the unfiltered list, found by walking the pages."""
    cursor = None
    for _ in range(pages):
        _, body, _ = _get(f"{base}/api/events?limit=100" + (f"&cursor={cursor}" if cursor else ""))
        cursor = json.loads(body)["next_cursor"]
    return cursor


def main(argv: list[str] | None = None) -> int:
    """Build the store if needed, serve it, time the requests and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events the store must hold (default: %(default)s)")
    parser.add_argument("--db", default=DEFAULT_DB, help="store to build or reuse (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=30, help="timed calls per request (default: %(default)s)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    total = build(Path(args.db), args.events)
    print(f"store {args.db}: {total:,} events (built or checked in {time.perf_counter() - started:.0f} s)")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-c", "from eventwire.cli import main; main()", "serve", "--db", args.db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"{base}/api/summary")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    print("serve_bench: the server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.2)
        requests = {
            "first page (100)": "/api/events",
            "page 51 via cursor": f"/api/events?cursor={_deep_cursor(base, 50)}",
            "actor=CHN": "/api/events?actor=CHN",
            "dyad=USA:CHN": "/api/events?dyad=USA:CHN",
            "type+since+until": "/api/events?type=ASSAULT&since=2024-03-01&until=2024-03-31",
            "modality=negated": "/api/events?modality=negated",
            "limit=1000": "/api/events?limit=1000",
            "csv, limit=1000": "/api/events?limit=1000&format=csv",
            "parquet, limit=10000": "/api/events?limit=10000&format=parquet",
            "actors": "/api/actors",
            "network": "/api/network",
            "dyad timeline (week)": "/api/dyads?a=USA&b=CHN&interval=week",
            "places": "/api/places",
        }
        print(f"GET over HTTP on 127.0.0.1, {args.repeat} calls each after 2 warm-up calls; times in ms")
        print(f"{'request':<24}{'median':>9}{'p95':>9}{'max':>9}{'bytes':>11}")
        for name, path in requests.items():
            for _ in range(2):
                _get(base + path)
            times = []
            for _ in range(args.repeat):
                seconds, body, _ = _get(base + path)
                times.append(seconds * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            print(f"{name:<24}{statistics.median(times):>9.1f}{p95:>9.1f}{times[-1]:>9.1f}{len(body):>11,}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
