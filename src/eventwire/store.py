"""The event store: an embedded DuckDB file (``eventwire.duckdb`` by default).

Each article is stored with its record and one row per actor, mention, place, time, figure, quote,
event and event participant. Ingest is idempotent (an article id already stored is skipped) and
transactional per batch: an interrupted batch leaves nothing of itself behind, so running the
same ingest again completes the job without duplicates.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa

from .record import PLOVER_TYPES, Article

SCHEMA_VERSION = "1"

DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, source VARCHAR, published DATE, language VARCHAR,
    text VARCHAR, warnings VARCHAR[], record JSON, ingested_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR, id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, code VARCHAR,
    role VARCHAR, PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR, entity VARCHAR, entity_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE,
    geonames_id BIGINT, PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS times (
    article_id VARCHAR, id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, type VARCHAR, value VARCHAR,
    PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS figures (
    article_id VARCHAR, id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, value DOUBLE, unit VARCHAR,
    about VARCHAR, PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, id VARCHAR, speaker VARCHAR, source_text VARCHAR, cue_text VARCHAR,
    content_start INTEGER, content_end INTEGER, content_text VARCHAR, direct BOOLEAN, PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR, id VARCHAR, type VARCHAR, plover_type VARCHAR, mode VARCHAR, context VARCHAR[],
    cameo VARCHAR, date VARCHAR, date_start DATE, date_end DATE, date_imputed BOOLEAN, place VARCHAR,
    modality VARCHAR, attributed_to VARCHAR, quote VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    trigger_text VARCHAR, sentence_start INTEGER, sentence_end INTEGER, sentence_text VARCHAR,
    confidence DOUBLE, score DOUBLE, rule VARCHAR, PRIMARY KEY (article_id, id));
CREATE TABLE IF NOT EXISTS event_actors (
    article_id VARCHAR, event_id VARCHAR, role VARCHAR, actor_id VARCHAR);
"""

MODALITIES = ("asserted", "future", "hypothetical", "negated")
INTERVALS = ("day", "week", "month", "quarter", "year")  # buckets of a dyad timeline
NETWORK_LEVELS = ("country", "code")  # what a node of the actor network is


class StoreError(RuntimeError):
    """The database file cannot be used (not a DuckDB file, locked, newer schema)."""


@dataclass(frozen=True)
class IngestResult:
    stored: int
    skipped: int
    events: int


@dataclass(frozen=True)
class EventFilter:
    """Filters of ``events``: dates are ``YYYY-MM-DD``; actor terms are ISO3 or codes (prefixes)."""

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    modality: str | None = None
    article: str | None = None
    limit: int | None = None


class Store:
    """An open event store. Use as a context manager, or call ``close``."""

    def __init__(self, path: str | Path = "eventwire.duckdb", read_only: bool = False):
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database (run `eventwire ingest` first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot open as a DuckDB database ({_first_line(error)})") from None
        try:
            if not read_only:
                self.con.execute(DDL)
                self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            version = _one(self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall())
        except duckdb.Error as error:
            self.con.close()
            raise StoreError(f"{self.path}: not an eventwire database ({_first_line(error)})") from None
        if version is None or version[0] != SCHEMA_VERSION:
            self.con.close()
            raise StoreError(f"{self.path}: store schema {version[0] if version else '?'} is not the supported {SCHEMA_VERSION}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- writing ------------------------------------------------------------------------------

    def ingest(self, articles: Iterable[Article]) -> IngestResult:
        """Store a batch of articles in one transaction; articles already stored are skipped."""
        batch = {a.id: a for a in articles}
        if not batch:
            return IngestResult(0, 0, 0)
        ids = list(batch)
        known = {row[0] for row in self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()}
        new = [a for i, a in batch.items() if i not in known]
        rows = _rows(new)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, records in rows.items():
                if records:
                    self.con.register("incoming", pa.Table.from_pylist(records))
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
                    self.con.unregister("incoming")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return IngestResult(len(new), len(batch) - len(new), len(rows["events"]))

    # -- reading ------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {t: _one(self.con.execute(f"SELECT count(*) FROM {t}").fetchall())[0] for t in ("articles", "actors", "events", "quotes")}

    def article(self, article_id: str) -> Article | None:
        row = _one(self.con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchall())
        return Article.from_json(row[0]) if row else None

    def events(self, where: EventFilter = EventFilter()) -> pa.Table:
        """Stored events matching ``where``, one row each, newest event date first."""
        sql, params = _events_query(where)
        return self.con.sql(sql, params=params).to_arrow_table()

    def events_page(self, where: EventFilter, after: tuple | None = None) -> tuple[pa.Table, tuple | None]:
        """Up to ``where.limit`` events after the sort key ``after``, and the key to pass for the next page.

        The key is (date_start, article_id, trigger_start, event id): keyset pagination, so a page deep
        in the list costs what the first one does. The next key is None on the last page.
        """
        if not where.limit:
            raise ValueError("a page needs a limit")
        probe = EventFilter(**{**where.__dict__, "limit": where.limit + 1})  # one more row tells whether a next page exists
        sql, params = _events_query(probe, after, keys=True)
        table = self.con.sql(sql, params=params).to_arrow_table()
        next_key = None
        if table.num_rows > where.limit:
            table = table.slice(0, where.limit)
            last = table.slice(where.limit - 1).to_pylist()[0]
            next_key = (last["_date_start"], last["article_id"], last["_trigger_start"], last["event_id"])
        return table.drop_columns(["_date_start", "_trigger_start"]), next_key

    def count_events(self, where: EventFilter = EventFilter()) -> int:
        """How many stored events match ``where`` (its limit ignored)."""
        clauses, params = _filter_clauses(where)
        return self.con.execute(f"SELECT count(*) FROM events e {_where_sql(clauses)}", params).fetchall()[0][0]

    def articles(self, limit: int, after: tuple | None = None, query: str | None = None) -> tuple[list[dict], tuple | None]:
        """Stored articles, newest published first, with event counts; and the key of the next page.

        ``query`` keeps articles whose title or source contains it (case-insensitive, taken literally).
        """
        clauses, params = [], {"limit": limit + 1}
        if query:
            clauses.append("(contains(lower(coalesce(ar.title, '')), $query) OR contains(lower(coalesce(ar.source, '')), $query))")
            params["query"] = query.lower()
        if after is not None:
            clauses.append(_after((("ar.published", "desc"), ("ar.id", "asc")), after, params, "k"))
        rows = self.con.execute(f"""
            SELECT ar.id, ar.title, ar.source, ar.url, ar.published, ar.language,
                   (SELECT count(*) FROM events e WHERE e.article_id = ar.id) AS events,
                   (SELECT count(*) FROM actors a WHERE a.article_id = ar.id) AS actors
            FROM articles ar {_where_sql(clauses)}
            ORDER BY ar.published DESC NULLS LAST, ar.id LIMIT $limit""", params).fetchall()  # fmt: skip
        names = ("id", "title", "source", "url", "published", "language", "events", "actors")
        items = [dict(zip(names, row)) for row in rows[:limit]]
        next_key = (items[-1]["published"], items[-1]["id"]) if len(rows) > limit else None
        for item in items:
            item["published"] = item["published"].isoformat() if item["published"] else None
        return items, next_key

    def actors(self, where: EventFilter = EventFilter(), query: str | None = None, limit: int = 100) -> list[dict]:
        """Actor codes across the store, most active first: the commonest name, kind, country and sector
        of the code, how many articles name it, and in how many events matching ``where`` it takes part.

        ``query`` keeps codes that start with it or whose name contains it (case-insensitive, literal).
        """
        clauses, params = _filter_clauses(where)
        params["limit"] = limit
        matching = ""
        if query:
            matching = "AND (starts_with(upper(code), upper($query)) OR contains(lower(name), lower($query)))"
            params["query"] = query
        sql = f"""
        WITH matched AS (SELECT e.article_id, e.id FROM events e {_where_sql(clauses)}),
        taking_part AS (
            SELECT a.code, count(DISTINCT ea.article_id || '/' || ea.event_id) AS events
            FROM event_actors ea
            JOIN matched m ON m.article_id = ea.article_id AND m.id = ea.event_id
            JOIN actors a ON a.article_id = ea.article_id AND a.id = ea.actor_id
            WHERE a.code IS NOT NULL GROUP BY a.code),
        named AS (SELECT code, name, kind, country, sector, count(*) AS n FROM actors WHERE code IS NOT NULL GROUP BY ALL),
        codes AS (
            SELECT code, first(name ORDER BY n DESC, name) AS name, first(kind ORDER BY n DESC, kind) AS kind,
                   first(country ORDER BY n DESC, country) AS country, first(sector ORDER BY n DESC, sector) AS sector
            FROM named WHERE TRUE {matching} GROUP BY code),
        articles AS (SELECT code, count(DISTINCT article_id) AS articles FROM actors WHERE code IS NOT NULL GROUP BY code)
        SELECT c.code, c.name, c.kind, c.country, c.sector, ar.articles, coalesce(t.events, 0) AS events
        FROM codes c JOIN articles ar USING (code) LEFT JOIN taking_part t USING (code)
        ORDER BY events DESC, ar.articles DESC, c.code LIMIT $limit
        """
        rows = self.con.execute(sql, params).fetchall()
        return [dict(zip(("code", "name", "kind", "country", "sector", "articles", "events"), row)) for row in rows]

    def dyad_series(self, a: str, b: str, interval: str, where: EventFilter = EventFilter(),
                    directed: bool = False) -> list[dict]:  # fmt: skip
        """Events between actors ``a`` and ``b`` (ISO3 or code prefixes) per ``interval`` of their start date:
        how many, how many cooperative (score > 0) and conflictual (score < 0), and the mean score.

        Both directions count unless ``directed``; ``where`` narrows the events further (its dyad ignored).
        """
        if interval not in INTERVALS:
            raise ValueError(f"interval {interval!r} is not one of {', '.join(INTERVALS)}")
        clauses, params = _filter_clauses(EventFilter(**{**where.__dict__, "dyad": None}))
        params.update({"pa": a.upper(), "pb": b.upper(), "interval": interval})
        pair = _dyad_clause("pa", "pb") if directed else f"({_dyad_clause('pa', 'pb')} OR {_dyad_clause('pb', 'pa')})"
        clauses += [pair, "e.date_start IS NOT NULL"]
        rows = self.con.execute(f"""
            SELECT CAST(date_trunc($interval, e.date_start) AS DATE) AS period, count(*) AS events,
                   count(*) FILTER (WHERE e.score > 0) AS cooperation, count(*) FILTER (WHERE e.score < 0) AS conflict,
                   avg(e.score) AS mean_score
            FROM events e {_where_sql(clauses)} GROUP BY period ORDER BY period""", params).fetchall()  # fmt: skip
        return [{"period": period.isoformat(), "events": n, "cooperation": coop, "conflict": conflict,
                 "mean_score": None if mean is None else round(mean, 3)} for period, n, coop, conflict, mean in rows]  # fmt: skip

    def network(self, where: EventFilter = EventFilter(), level: str = "country", limit: int = 100) -> list[dict]:
        """Actor pairs with how many events matching ``where`` join them and their mean score, most first.

        Nodes are countries (``level="country"``) or actor codes (``"code"``). A pair is source -> target;
        a joint event of several sources with no target ("Japan and China held talks") links each two of
        them, in alphabetical order, and is counted under ``joint``. An event counts once per pair.
        """
        if level not in NETWORK_LEVELS:
            raise ValueError(f"level {level!r} is not one of {', '.join(NETWORK_LEVELS)}")
        clauses, params = _filter_clauses(where)
        params["limit"] = limit
        node = "a.country" if level == "country" else "a.code"
        rows = self.con.execute(f"""
            WITH matched AS (SELECT e.article_id, e.id, e.score FROM events e {_where_sql(clauses)}),
            parts AS (
                SELECT ea.article_id, ea.event_id, ea.role, {node} AS node
                FROM event_actors ea JOIN actors a ON a.article_id = ea.article_id AND a.id = ea.actor_id
                WHERE {node} IS NOT NULL),
            -- as in the dyad filter, an event is joint when it has no target at all (not just none with a country)
            targeted AS (SELECT DISTINCT article_id, event_id FROM event_actors WHERE role = 'target'),
            links AS (
                SELECT s.node AS source, t.node AS target, m.article_id, m.id, m.score, FALSE AS joint
                FROM matched m
                JOIN parts s ON s.article_id = m.article_id AND s.event_id = m.id AND s.role = 'source'
                JOIN parts t ON t.article_id = m.article_id AND t.event_id = m.id AND t.role = 'target'
                UNION
                SELECT s.node, o.node, m.article_id, m.id, m.score, TRUE
                FROM matched m
                JOIN parts s ON s.article_id = m.article_id AND s.event_id = m.id AND s.role = 'source'
                JOIN parts o ON o.article_id = m.article_id AND o.event_id = m.id AND o.role = 'source' AND s.node < o.node
                ANTI JOIN targeted x ON x.article_id = m.article_id AND x.event_id = m.id)
            SELECT source, target, count(*) AS events, count(*) FILTER (WHERE joint) AS joint,
                   count(*) FILTER (WHERE score > 0) AS cooperation, count(*) FILTER (WHERE score < 0) AS conflict,
                   avg(score) AS mean_score
            FROM links WHERE source <> target
            GROUP BY source, target ORDER BY events DESC, source, target LIMIT $limit""", params).fetchall()  # fmt: skip
        names = ("source", "target", "events", "joint", "cooperation", "conflict", "mean_score")
        return [dict(zip(names, row[:-1]), mean_score=None if row[-1] is None else round(row[-1], 3)) for row in rows]

    def event_places(self, where: EventFilter = EventFilter(), limit: int = 500) -> list[dict]:
        """Places with coordinates where events matching ``where`` happen: events and mean score, most first."""
        clauses, params = _filter_clauses(where)
        params["limit"] = limit
        rows = self.con.execute(f"""
            SELECT p.name, p.country, p.lat, p.lon, count(*) AS events,
                   count(*) FILTER (WHERE e.score > 0) AS cooperation, count(*) FILTER (WHERE e.score < 0) AS conflict,
                   avg(e.score) AS mean_score
            FROM events e JOIN places p ON p.article_id = e.article_id AND p.id = e.place
            {_where_sql(clauses + ["p.lat IS NOT NULL", "p.lon IS NOT NULL"])}
            GROUP BY p.name, p.country, p.lat, p.lon ORDER BY events DESC, p.name LIMIT $limit""", params).fetchall()  # fmt: skip
        names = ("name", "country", "lat", "lon", "events", "cooperation", "conflict")
        return [dict(zip(names, row[:-1]), mean_score=None if row[-1] is None else round(row[-1], 3)) for row in rows]


def _one(rows: list) -> tuple | None:
    return rows[0] if rows else None


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def timex_interval(value: str | None) -> tuple[date | None, date | None]:
    """The calendar days a TIMEX3 date value covers: '2024-04' -> (2024-04-01, 2024-04-30)."""
    if not value:
        return None, None
    try:
        if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", value):
            day = date(*map(int, m.groups()))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday, monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            year, month = int(m.group(1)), int(m.group(2))
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if m := re.fullmatch(r"(\d{3})", value):
            return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
    except ValueError:
        pass
    return None, None


def _span_cols(prefix: str, span: dict | None) -> dict:
    return {f"{prefix}_start": span["start"] if span else None, f"{prefix}_end": span["end"] if span else None,
            f"{prefix}_text": span["text"] if span else None}  # fmt: skip


def _rows(articles: list[Article]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {t: [] for t in ("articles", "actors", "mentions", "places", "times", "figures", "quotes", "events", "event_actors")}
    for article in articles:
        record = article.to_dict()
        aid = article.id
        rows["articles"].append({
            "id": aid, "url": article.url, "title": article.title, "source": article.source,
            "published": date.fromisoformat(article.published) if article.published else None,
            "language": article.language, "text": article.text, "warnings": article.warnings,
            "record": json.dumps(record, ensure_ascii=False),
        })  # fmt: skip
        for actor in record["actors"]:
            rows["actors"].append({"article_id": aid, **{k: actor[k] for k in ("id", "name", "kind", "country", "sector", "code", "role")}})
            rows["mentions"] += [{"article_id": aid, "entity": "actor", "entity_id": actor["id"], **m} for m in actor["mentions"]]
        for place in record["places"]:
            rows["places"].append({"article_id": aid, **{k: place[k] for k in ("id", "name", "kind", "country", "lat", "lon", "geonames_id")}})
            rows["mentions"] += [{"article_id": aid, "entity": "place", "entity_id": place["id"], **m} for m in place["mentions"]]
        rows["times"] += [{"article_id": aid, **t} for t in record["times"]]
        rows["figures"] += [{"article_id": aid, **f} for f in record["figures"]]
        for quote in record["quotes"]:
            rows["quotes"].append({
                "article_id": aid, "id": quote["id"], "speaker": quote["speaker"],
                "source_text": (quote["source"] or {}).get("text"), "cue_text": (quote["cue"] or {}).get("text"),
                "content_start": quote["content"]["start"], "content_end": quote["content"]["end"],
                "content_text": quote["content"]["text"], "direct": quote["direct"],
            })  # fmt: skip
        for event in record["events"]:
            start, end = timex_interval(event["date"])
            rows["events"].append({
                "article_id": aid, **{k: event[k] for k in ("id", "type", "plover_type", "mode", "context", "cameo", "date",
                "date_imputed", "place", "modality", "attributed_to", "quote", "confidence", "score", "rule")},
                "date_start": start, "date_end": end,
                **_span_cols("trigger", event["trigger"]), **_span_cols("sentence", event["sentence"]),
            })  # fmt: skip
            for role in ("source", "target"):
                rows["event_actors"] += [{"article_id": aid, "event_id": event["id"], "role": role, "actor_id": a} for a in event[role]]
    return rows


def _participant(role: str | None, param: str) -> str:
    """SQL: the event has a participant (in ``role``, or any) whose country or code matches ``$param``."""
    role_sql = f"AND ea.role = '{role}'" if role else ""
    return ("EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.article_id = ea.article_id AND a.id = ea.actor_id "
            f"WHERE ea.article_id = e.article_id AND ea.event_id = e.id {role_sql} "
            f"AND (a.country = ${param} OR starts_with(a.code, ${param})))")  # fmt: skip


def _filter_clauses(where: EventFilter) -> tuple[list[str], dict]:
    """SQL conditions on ``events e`` for the filters in ``where``, with their bound parameters."""
    clauses, params = [], {}
    if where.since:
        clauses.append("e.date_end >= $since")
        params["since"] = date.fromisoformat(where.since)
    if where.until:
        clauses.append("e.date_start <= $until")
        params["until"] = date.fromisoformat(where.until)
    if where.type:
        clauses.append("(e.type = $type OR e.plover_type = $type)")
        params["type"] = where.type.upper()
    if where.modality:
        clauses.append("e.modality = $modality")
        params["modality"] = where.modality
    if where.article:
        clauses.append("e.article_id = $article")
        params["article"] = where.article
    if where.actor:
        clauses.append(_participant(None, "actor"))
        params["actor"] = where.actor.upper()
    if where.dyad:
        params["a"], params["b"] = (t.upper() for t in where.dyad)
        clauses.append(_dyad_clause("a", "b"))
    return clauses, params


def _code_matches(param: str) -> str:
    """SQL on ``actors``: the actor's country is ``$param`` or its code starts with it."""
    return f"(country = ${param} OR starts_with(code, ${param}))"


def _dyad_clause(a: str, b: str) -> str:
    """SQL: the event goes from ``$a`` to ``$b``, or is a joint event of both with no target.

    One pass over the participants that match either side (not one subquery per side and role),
    which halves the time of a dyad filter on a large store.
    """
    match = _code_matches
    return f"""EXISTS (SELECT 1 FROM (
        SELECT ea.article_id, ea.event_id, bool_or(ea.role = 'source' AND m.is_a) AS source_a,
               bool_or(ea.role = 'source' AND m.is_b) AS source_b, bool_or(ea.role = 'target' AND m.is_b) AS target_b
        FROM event_actors ea
        JOIN (SELECT article_id, id, {match(a)} AS is_a, {match(b)} AS is_b FROM actors WHERE {match(a)} OR {match(b)}) m
          ON m.article_id = ea.article_id AND m.id = ea.actor_id
        GROUP BY ea.article_id, ea.event_id) d
      WHERE d.article_id = e.article_id AND d.event_id = e.id AND d.source_a
        -- a joint event with no target ("Japan and the US held talks") belongs to the dyad too
        AND (d.target_b OR (d.source_b AND NOT EXISTS (
             SELECT 1 FROM event_actors n WHERE n.article_id = e.article_id AND n.event_id = e.id AND n.role = 'target'))))"""


def _where_sql(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


# The order of the events list, and the key that pages through it: (date_start, article_id, trigger_start, id).
EVENT_ORDER = "e.date_start DESC NULLS LAST, e.article_id, e.trigger_start, e.id"
EVENT_KEY = (("e.date_start", "desc"), ("e.article_id", "asc"), ("e.trigger_start", "asc"), ("e.id", "asc"))


def _after(keys: tuple[tuple[str, str], ...], values: tuple | list, params: dict, prefix: str) -> str:
    """SQL: the row comes after the one whose sort key is ``values`` (keyset pagination).

    ``keys`` are (column, "asc"|"desc"); a "desc" column sorts NULLS LAST, an "asc" one is never null.
    The values are bound as parameters, never written into the SQL.
    """
    (column, direction), rest = keys[0], keys[1:]
    name = f"{prefix}{len(rest)}"
    value = values[0]
    tail = _after(rest, values[1:], params, prefix) if rest else "FALSE"
    if direction == "desc" and value is None:
        return f"({column} IS NULL AND {tail})"
    params[name] = value
    if direction == "desc":
        return f"({column} < ${name} OR {column} IS NULL OR ({column} = ${name} AND {tail}))"
    return f"({column} > ${name} OR ({column} = ${name} AND {tail}))"


def _events_query(where: EventFilter, after: tuple | None = None, keys: bool = False) -> tuple[str, dict]:
    """The events list for ``where``, from just after the sort key ``after``; ``keys`` adds the sort key columns."""
    clauses, params = _filter_clauses(where)
    if after is not None:
        clauses.append(_after(EVENT_KEY, after, params, "k"))
    limit = f"LIMIT {int(where.limit)}" if where.limit else ""
    key_columns = ", e.date_start AS _date_start, e.trigger_start AS _trigger_start" if keys else ""
    # The page of events is chosen first; names, articles and places are then looked up only for the
    # page's articles, participants and the claimant in one pass over actors (fewer, narrower joins
    # are what keeps a page quick on a large store).
    sql = f"""
    WITH page AS (SELECT e.* FROM events e {_where_sql(clauses)} ORDER BY {EVENT_ORDER} {limit}),
    roles AS (
        SELECT ea.article_id, ea.event_id, ea.role, ea.actor_id FROM event_actors ea
        WHERE ea.article_id IN (SELECT article_id FROM page)
        UNION ALL SELECT article_id, id, 'claimant', attributed_to FROM page WHERE attributed_to IS NOT NULL),
    parts AS (
        SELECT r.article_id, r.event_id, r.role,
               string_agg(coalesce(a.name, r.actor_id), '; ' ORDER BY r.actor_id) AS names,
               string_agg(coalesce(a.code, ''), '; ' ORDER BY r.actor_id) AS codes
        FROM roles r
        LEFT JOIN (SELECT article_id, id, name, code FROM actors WHERE article_id IN (SELECT article_id FROM page)) a
          ON a.article_id = r.article_id AND a.id = r.actor_id
        GROUP BY r.article_id, r.event_id, r.role)
    SELECT e.article_id, e.id AS event_id, strftime(ar.published, '%Y-%m-%d') AS published, e.date, e.date_imputed,
           e.type, e.plover_type, e.mode, array_to_string(e.context, ';') AS context, e.cameo,
           s.names AS source, s.codes AS source_code, t.names AS target, t.codes AS target_code,
           e.modality, cl.names AS attributed_to, p.name AS place, p.country AS place_country, p.lat, p.lon,
           e.score, e.confidence, e.trigger_text AS trigger, e.sentence_text AS sentence, ar.title, ar.url{key_columns}
    FROM page e
    JOIN (SELECT id, published, title, url FROM articles WHERE id IN (SELECT article_id FROM page)) ar ON ar.id = e.article_id
    LEFT JOIN parts s ON s.article_id = e.article_id AND s.event_id = e.id AND s.role = 'source'
    LEFT JOIN parts t ON t.article_id = e.article_id AND t.event_id = e.id AND t.role = 'target'
    LEFT JOIN parts cl ON cl.article_id = e.article_id AND cl.event_id = e.id AND cl.role = 'claimant'
    LEFT JOIN (SELECT article_id, id, name, country, lat, lon FROM places WHERE article_id IN (SELECT article_id FROM page)) p
      ON p.article_id = e.article_id AND p.id = e.place
    ORDER BY {EVENT_ORDER}
    """
    return sql, params


def parse_dyad(text: str) -> tuple[str, str]:
    """``"JPN:USA"`` -> ``("JPN", "USA")``; ValueError naming the value when it is not SOURCE:TARGET."""
    if text.count(":") != 1 or not all(text.split(":")):
        raise ValueError(f"{text!r} is not SOURCE:TARGET (e.g. JPN:USA)")
    source, target = text.split(":")
    return source, target


def check_filter(where: EventFilter) -> None:
    """Raise ValueError naming a filter value that cannot be used."""
    for name in ("since", "until"):
        value = getattr(where, name)
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"--{name} {value!r} is not a date in the form YYYY-MM-DD") from None
    if where.type and where.type.upper() not in PLOVER_TYPES:
        raise ValueError(f"--type {where.type!r} is not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}")
    if where.modality and where.modality not in MODALITIES:
        raise ValueError(f"--modality {where.modality!r} is not one of {', '.join(MODALITIES)}")
    for term in ([where.actor] if where.actor else []) + list(where.dyad or ()):
        if not re.fullmatch(r"[A-Za-z]{2,12}", term):
            raise ValueError(f"actor {term!r} is not an ISO3 country or actor code (letters only, like JPN or USAGOV)")
