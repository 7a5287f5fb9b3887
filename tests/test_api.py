"""The HTTP API of ``eventwire serve``, called through FastAPI's test client over a store of the examples."""

from __future__ import annotations

import base64
import io
import json
import socket
from collections import Counter
from functools import cache

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire import Settings
from eventwire.cli import app as cli
from eventwire.inputs import read_inputs
from eventwire.pipeline import extract_many
from eventwire.record import validate
from eventwire.serve import create_app, url
from eventwire.store import Store, timex_interval

from conftest import EXAMPLES

SECRET = "s3cret-token"


@cache
def demo_records() -> tuple:
    """The example articles, extracted once for every test module that needs a store."""
    return tuple(extract_many(list(read_inputs([str(EXAMPLES)]))))


def make_store(path) -> str:
    """A store at ``path`` holding the example articles."""
    with Store(path) as store:
        store.ingest(demo_records())
    return str(path)


@pytest.fixture(scope="module")
def client(nlp, tmp_path_factory):
    with TestClient(create_app(make_store(tmp_path_factory.mktemp("api") / "demo.duckdb"))) as client:
        yield client


@pytest.fixture(scope="module")
def records(nlp):
    return [r.to_dict() for r in demo_records()]


def all_events(client, **params) -> list[dict]:
    """Every event for ``params``, following the cursor page by page."""
    rows, cursor = [], None
    for _ in range(100):  # the examples fill far fewer pages: a cursor that never ends fails here
        page = client.get("/api/events", params={**params, "limit": 7, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        rows += page.json()["events"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return rows
    raise AssertionError(f"the cursor of {params} never reached the last page")


def assert_error(response, status: int, code: str, *fragments: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert (body["error"]["status"], body["error"]["code"]) == (status, code)
    for fragment in fragments:
        assert fragment in body["error"]["message"]


# -- events -------------------------------------------------------------------------------------


def test_events_pages_follow_the_cursor_through_the_whole_list(client, records):
    first = client.get("/api/events", params={"limit": 7}).json()
    total = sum(len(r["events"]) for r in records)
    assert first["total"] == total and len(first["events"]) == 7 and first["next_cursor"]
    second = client.get("/api/events", params={"limit": 7, "cursor": first["next_cursor"]}).json()
    assert second["total"] is None  # counted on the first page only
    rows = all_events(client)
    keys = [(r["article_id"], r["event_id"]) for r in rows]
    assert len(keys) == len(set(keys)) == total
    assert keys[:14] == [(r["article_id"], r["event_id"]) for r in first["events"] + second["events"]]
    one_page = client.get("/api/events", params={"limit": 1000}).json()
    assert [(r["article_id"], r["event_id"]) for r in one_page["events"]] == keys and one_page["next_cursor"] is None
    starts = [timex_interval(r["date"])[0] for r in rows]
    dated = [s for s in starts if s]
    assert dated == sorted(dated, reverse=True) and all(s is None for s in starts[len(dated):])


def _codes(row, role):
    return [c for c in (row[f"{role}_code"] or "").split("; ") if c]


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        ({"type": "assault"}, lambda r: "ASSAULT" in (r["type"], r["plover_type"])),
        ({"type": "AGREE"}, lambda r: "AGREE" in (r["type"], r["plover_type"])),
        ({"modality": "future"}, lambda r: r["modality"] == "future"),
        ({"actor": "CHN"}, lambda r: any(c.startswith("CHN") for c in _codes(r, "source") + _codes(r, "target"))),
        ({"actor": "usagov"}, lambda r: "USAGOV" in _codes(r, "source") + _codes(r, "target")),
        ({"since": "2024-06-20"}, lambda r: timex_interval(r["date"])[1] and str(timex_interval(r["date"])[1]) >= "2024-06-20"),
        ({"until": "2024-06-20"}, lambda r: timex_interval(r["date"])[0] and str(timex_interval(r["date"])[0]) <= "2024-06-20"),
        ({"since": "2024-06-01", "until": "2024-06-30", "type": "CONSULT"},
         lambda r: str(timex_interval(r["date"])[1]) >= "2024-06-01" and str(timex_interval(r["date"])[0]) <= "2024-06-30"
         and "CONSULT" in (r["type"], r["plover_type"])),
    ],
)
def test_each_filter_keeps_exactly_the_matching_events(client, params, keep):
    everything = all_events(client)
    expected = [(r["article_id"], r["event_id"]) for r in everything if keep(r)]
    got = all_events(client, **params)
    assert expected, f"the examples have no event for {params}: the test would prove nothing"
    assert [(r["article_id"], r["event_id"]) for r in got] == expected
    assert client.get("/api/events", params=params).json()["total"] == len(expected)


def test_dyad_and_article_filters(client):
    rows = all_events(client, dyad="JPN:USA")
    assert rows and all(any(c.startswith("JPN") for c in _codes(r, "source")) for r in rows)
    assert all(any(c.startswith("USA") for c in _codes(r, "target") + _codes(r, "source")) for r in rows)
    article = rows[0]["article_id"]
    own = all_events(client, article=article)
    assert own and {r["article_id"] for r in own} == {article}


def test_events_in_csv_jsonl_and_parquet_page_with_a_header_cursor(client):
    csv_page = client.get("/api/events", params={"limit": 5, "format": "csv"})
    assert csv_page.status_code == 200 and csv_page.headers["content-type"].startswith("text/csv")
    lines = csv_page.text.splitlines()
    assert lines[0].startswith("article_id,event_id,published,date,date_imputed,type,plover_type") and len(lines) == 6
    cursor = csv_page.headers["x-next-cursor"]
    nxt = client.get("/api/events", params={"limit": 5, "format": "jsonl", "cursor": cursor})
    jsonl = [json.loads(line) for line in nxt.text.splitlines()]
    expected = client.get("/api/events", params={"limit": 10}).json()["events"][5:]
    assert jsonl == expected
    parquet = client.get("/api/events", params={"limit": 3, "format": "parquet", "type": "ASSAULT"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == 3 and set(table.column("type").to_pylist()) == {"ASSAULT"}


@pytest.mark.parametrize(
    ("params", "code", "fragment"),
    [
        ({"since": "2024-02-30"}, "bad_filter", "since '2024-02-30' is not a date in the form YYYY-MM-DD"),
        ({"until": "last week"}, "bad_filter", "until 'last week' is not a date"),
        ({"type": "MEET"}, "bad_filter", "type 'MEET' is not a PLOVER type"),
        ({"modality": "maybe"}, "bad_filter", "modality 'maybe' is not one of asserted"),
        ({"dyad": "JPN"}, "bad_filter", "dyad 'JPN' is not SOURCE:TARGET"),
        ({"actor": "J4N"}, "bad_filter", "actor 'J4N' is not an ISO3 country or actor code"),
        ({"limit": "0"}, "invalid_parameter", "query parameter 'limit'"),
        ({"limit": "10001"}, "invalid_parameter", "less than or equal to 10000"),
        ({"limit": "ten"}, "invalid_parameter", "query parameter 'limit'"),
        ({"format": "xml"}, "invalid_parameter", "query parameter 'format'"),
        ({"cursor": "not-a-cursor"}, "bad_cursor", "is not one this server gave out"),
    ],
)
def test_bad_event_parameters_are_400_naming_the_parameter(client, params, code, fragment):
    assert_error(client.get("/api/events", params=params), 400, code, fragment)


def test_a_cursor_only_fits_its_own_query(client):
    cursor = client.get("/api/events", params={"limit": 2, "type": "ASSAULT"}).json()["next_cursor"]
    assert_error(client.get("/api/events", params={"limit": 2, "cursor": cursor}), 400, "bad_cursor", "other filters")
    forged = base64.urlsafe_b64encode(json.dumps({"s": json.loads(base64.urlsafe_b64decode(cursor + "==="))["s"],
                                                  "k": ["2024-01-01", "x", "1 OR 1=1", "e1"]}).encode()).decode()
    assert_error(client.get("/api/events", params={"limit": 2, "type": "ASSAULT", "cursor": forged}), 400, "bad_cursor")


INJECTIONS = ["JPN' OR '1'='1", "'; DROP TABLE events; --", "1) OR (1=1", "USA\" OR 1=1 --", "%' --", "$since"]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_injection_attempts_in_every_filter_are_refused_or_inert(client, payload):
    total = client.get("/api/events").json()["total"]
    for name in ("since", "until", "actor", "type", "modality", "cursor"):
        response = client.get("/api/events", params={name: payload})
        assert response.status_code == 400 and response.json()["error"]["code"] in ("bad_filter", "bad_cursor"), (name, response.text)
    assert_error(client.get("/api/events", params={"dyad": f"JPN:{payload}"}), 400, "bad_filter")
    assert_error(client.get("/api/dyads", params={"a": payload, "b": "USA"}), 400, "bad_filter")
    assert_error(client.get("/api/dyads", params={"a": "JPN", "b": "USA", "interval": payload}), 400, "invalid_parameter")
    assert_error(client.get("/api/network", params={"level": payload}), 400, "invalid_parameter")
    assert_error(client.get("/api/articles", params={"cursor": payload}), 400, "bad_cursor")
    # free text is bound as a value: it matches nothing and changes nothing
    none = client.get("/api/events", params={"article": payload}).json()
    assert none["events"] == [] and none["total"] == 0
    assert client.get("/api/articles", params={"q": payload}).json()["articles"] == []
    assert client.get("/api/actors", params={"q": payload}).json()["actors"] == []
    assert client.get("/api/articles/" + payload.replace("/", "")).status_code == 404
    assert client.get("/api/events").json()["total"] == total


# -- articles, actors, dyads, network, places ---------------------------------------------------


def test_articles_list_pages_and_the_full_record(client, records):
    first = client.get("/api/articles", params={"limit": 4}).json()
    seen = [a["id"] for a in first["articles"]]
    cursor = first["next_cursor"]
    for _ in range(10):
        if not cursor:
            break
        page = client.get("/api/articles", params={"limit": 4, "cursor": cursor}).json()
        seen += [a["id"] for a in page["articles"]]
        cursor = page["next_cursor"]
    assert sorted(seen) == sorted(r["id"] for r in records)
    dates = [a["published"] for a in first["articles"]]
    assert dates == sorted(dates, reverse=True)
    chosen = records[3]
    record = client.get(f"/api/articles/{chosen['id']}").json()
    validate(record)
    assert record == chosen
    listed = client.get("/api/articles", params={"q": chosen["title"][:12].upper()}).json()["articles"]
    assert chosen["id"] in [a["id"] for a in listed]
    assert next(a for a in listed if a["id"] == chosen["id"])["events"] == len(chosen["events"])
    assert_error(client.get("/api/articles/0000"), 404, "not_found", "article '0000' is not in the store")


def _participant_codes(record, event, role):
    actors = {a["id"]: a for a in record["actors"]}
    return {actors[i][key] for i in event[role] if i in actors for key in ("code",) if actors[i][key]}


def test_actor_event_counts(client, records):
    expected = Counter()
    for record in records:
        for event in record["events"]:
            for code in _participant_codes(record, event, "source") | _participant_codes(record, event, "target"):
                expected[code] += 1
    actors = client.get("/api/actors", params={"limit": 1000}).json()["actors"]
    got = {a["code"]: a["events"] for a in actors if a["events"]}
    assert got == dict(expected)
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    assaults = client.get("/api/actors", params={"type": "ASSAULT", "limit": 3}).json()["actors"]
    assert assaults[0]["events"] == max(
        sum(1 for r in records for e in r["events"] if "ASSAULT" in (e["type"], e["plover_type"])
            and code in _participant_codes(r, e, "source") | _participant_codes(r, e, "target")) for code in expected)
    assert client.get("/api/actors", params={"q": "chn"}).json()["actors"][0]["code"].startswith("CHN")


def test_dyad_timeline_counts_both_directions_per_period(client):
    both = {(r["article_id"], r["event_id"]): r for r in all_events(client, dyad="JPN:USA") + all_events(client, dyad="USA:JPN")}
    dated = [r for r in both.values() if timex_interval(r["date"])[0]]
    result = client.get("/api/dyads", params={"a": "jpn", "b": "USA", "interval": "month"}).json()
    assert (result["a"], result["b"], result["interval"], result["directed"]) == ("JPN", "USA", "month", False)
    assert sum(p["events"] for p in result["series"]) == len(dated) > 0
    months = Counter(str(timex_interval(r["date"])[0])[:7] + "-01" for r in dated)
    assert {p["period"]: p["events"] for p in result["series"]} == dict(months)
    for period in result["series"]:
        assert period["cooperation"] + period["conflict"] <= period["events"]
    directed = client.get("/api/dyads", params={"a": "USA", "b": "JPN", "directed": "true"}).json()
    assert sum(p["events"] for p in directed["series"]) == len([r for r in all_events(client, dyad="USA:JPN") if timex_interval(r["date"])[0]])
    assert_error(client.get("/api/dyads", params={"a": "JPN"}), 400, "invalid_parameter", "query parameter 'b'")
    assert_error(client.get("/api/dyads", params={"a": "JPN", "b": "USA", "interval": "hour"}), 400, "invalid_parameter", "'interval'")


def test_network_pairs_match_the_records(client, records):
    expected: Counter = Counter()
    for record in records:
        actors = {a["id"]: a for a in record["actors"]}
        for event in record["events"]:
            country = lambda ids: {actors[i]["country"] for i in ids if i in actors and actors[i]["country"]}
            sources, targets = country(event["source"]), country(event["target"])
            pairs = {(s, t) for s in sources for t in targets} if event["target"] else {(s, t) for s in sources for t in sources if s < t}
            expected.update(p for p in pairs if p[0] != p[1])
    result = client.get("/api/network", params={"limit": 1000}).json()
    assert {(e["source"], e["target"]): e["events"] for e in result["edges"]} == dict(expected)
    node_totals = Counter()
    for (source, target), n in expected.items():
        node_totals[source] += n
        node_totals[target] += n
    assert {n["id"]: n["events"] for n in result["nodes"]} == dict(node_totals)
    assert next(n for n in result["nodes"] if n["id"] == "JPN")["name"] == "Japan"
    top = client.get("/api/network", params={"limit": 2, "level": "code"}).json()
    assert len(top["edges"]) == 2 and top["level"] == "code"


def test_places_of_events_with_coordinates(client, records):
    expected = Counter()
    for record in records:
        places = {p["id"]: p for p in record["places"]}
        for event in record["events"]:
            place = places.get(event["place"])
            if place and place["lat"] is not None:
                expected[place["name"]] += 1
    got = client.get("/api/places").json()["places"]
    assert {p["name"]: p["events"] for p in got} == dict(expected) and expected
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in got)


# -- writing: token rule and size limits --------------------------------------------------------


@pytest.fixture
def empty_db(tmp_path):
    return str(tmp_path / "empty.duckdb")


ARTICLE = {"text": "Germany and France condemned the attack on Monday.", "published": "2024-05-06", "title": "Condemned"}


def test_extract_returns_a_record_and_stores_nothing_while_ingest_stores(nlp, empty_db):
    with TestClient(create_app(empty_db)) as client:
        extracted = client.post("/api/extract", json=ARTICLE)
        assert extracted.status_code == 200, extracted.text
        validate(extracted.json())
        assert extracted.json()["events"][0]["type"] == "ACCUSE"
        assert client.get("/api/summary").json()["articles"] == 0
        stored = client.post("/api/ingest", json=ARTICLE)
        assert stored.status_code == 201 and stored.json()["stored"] is True
        assert client.get(stored.json()["url"]).json() == extracted.json()
        again = client.post("/api/ingest", json=ARTICLE)
        assert again.status_code == 200 and again.json() == {**stored.json(), "stored": False}
        assert client.get("/api/summary").json()["articles"] == 1


@pytest.mark.parametrize(
    ("body", "status", "code", "fragment"),
    [
        ({"text": "  "}, 400, "bad_article", "no text to analyse"),
        ({"text": "Japan met China.", "published": "yesterday"}, 400, "bad_article", "'yesterday' is not a date"),
        ({"title": "no text"}, 400, "invalid_parameter", "body field 'text': Field required"),
        ({"text": "x", "colour": "red"}, 400, "invalid_parameter", "body field 'colour'"),
        ({"text": 5}, 400, "invalid_parameter", "body field 'text'"),
    ],
)
def test_bad_articles_are_400(empty_db, body, status, code, fragment):
    with TestClient(create_app(empty_db)) as client:
        assert_error(client.post("/api/extract", json=body), status, code, fragment)


def test_a_body_that_is_not_json_is_400(empty_db):
    with TestClient(create_app(empty_db)) as client:
        response = client.post("/api/ingest", content=b"{not json", headers={"Content-Type": "application/json"})
        assert_error(response, 400, "invalid_parameter", "body")


def test_off_loopback_writes_need_the_token(nlp, empty_db):
    with TestClient(create_app(empty_db, host="0.0.0.0", token=None)) as open_server:
        assert_error(open_server.post("/api/extract", json=ARTICLE), 403, "forbidden", "set EVENTWIRE_TOKEN")
        assert open_server.get("/api/events").status_code == 200  # reading needs no token
    with TestClient(create_app(empty_db, host="192.0.2.10", token=SECRET)) as guarded:
        assert_error(guarded.post("/api/ingest", json=ARTICLE), 401, "unauthorized", "Authorization: Bearer")
        assert_error(guarded.post("/api/ingest", json=ARTICLE, headers={"Authorization": "Bearer guess"}), 403, "forbidden", "not the one")
        assert guarded.get("/api/summary").json()["articles"] == 0
        accepted = guarded.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {SECRET}"})
        assert accepted.status_code == 201, accepted.text
    with TestClient(create_app(empty_db, host="127.0.0.1", token=SECRET)) as local_with_token:
        # a token that is set is asked for on loopback too
        assert_error(local_with_token.post("/api/extract", json=ARTICLE), 401, "unauthorized")
    with TestClient(create_app(empty_db, host="::1", token=None)) as local:
        assert local.post("/api/extract", json=ARTICLE).status_code == 200


def test_articles_over_the_size_limit_are_413(empty_db):
    settings = Settings(max_chars=200)
    with TestClient(create_app(empty_db, settings=settings)) as client:
        assert_error(client.post("/api/extract", json={"text": "a" * 201}), 413, "too_large", "text is 201 characters; the limit is 200")
        limit = 200 * 6 + 64 * 1024
        huge = json.dumps({"text": "a" * (limit + 10)}).encode()
        assert_error(client.post("/api/ingest", content=huge, headers={"Content-Type": "application/json"}), 413, "too_large",
                     f"request body of {len(huge)} bytes is over the limit of {limit:,} bytes")
        chunks = (b"x" * 16384 for _ in range(limit // 16384 + 2))  # no Content-Length: sent in chunks
        assert_error(client.post("/api/ingest", content=chunks, headers={"Content-Type": "application/json"}), 413, "too_large", "over the limit")
        assert client.get("/api/summary").json()["articles"] == 0


# -- errors, documentation, the page, the command -----------------------------------------------


def test_every_error_has_the_one_shape(empty_db, monkeypatch):
    app = create_app(empty_db)
    with TestClient(app, raise_server_exceptions=False) as client:
        assert_error(client.get("/api/nothing"), 404, "not_found", "no such path /api/nothing")
        assert_error(client.delete("/api/events"), 405, "method_not_allowed", "DELETE is not allowed on /api/events")
        assert_error(client.get("/static/missing.js"), 404, "not_found")

        def broken(*args, **kwargs):
            raise RuntimeError("disk on fire at /secret/path")

        monkeypatch.setattr(app.state.store, "counts", broken)
        response = client.get("/api/summary")
        assert_error(response, 500, "internal_error", "the server failed on GET /api/summary (RuntimeError)")
        assert "/secret/path" not in response.text


def test_api_documentation_is_served_without_a_cdn(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/actors", "/api/dyads", "/api/network",
            "/api/extract", "/api/ingest"} <= set(spec["paths"])
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        sources = [part.split('"')[1] for part in html.split("src=")[1:] + html.split("href=")[1:]]
        assert sources and all(s.startswith("/") for s in sources), sources
        for source in sources:
            assert client.get(source).status_code == 200, source


def test_the_page_and_its_assets_are_local(client):
    page = client.get("/")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    for asset in ("/static/app.js", "/static/charts.js", "/static/style.css", "/static/land-110m.json", "/static/LICENSE-world-atlas.txt"):
        response = client.get(asset)
        assert response.status_code == 200 and response.content, asset
    assert '"land"' in client.get("/static/land-110m.json").text


def test_serve_reports_a_bad_database_and_a_taken_port(tmp_path):
    runner = CliRunner()
    notes = tmp_path / "notes.duckdb"
    notes.write_text("not a database\n" * 100)
    result = runner.invoke(cli, ["serve", "--db", str(notes)])
    assert result.exit_code == 1 and result.stderr.startswith(f"eventwire: {notes}: cannot open as a DuckDB database")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "new.duckdb"), "--port", str(port)])
    assert result.exit_code == 1 and f"eventwire: 127.0.0.1:{port}: cannot listen there" in result.stderr
    assert runner.invoke(cli, ["serve", "--port", "70000"]).exit_code == 2


def test_the_page_address_for_a_bound_host():
    assert url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert url("0.0.0.0", 8080) == "http://127.0.0.1:8080"
    assert url("::1", 8000) == "http://[::1]:8000"
