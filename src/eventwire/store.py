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


def _events_query(where: EventFilter) -> tuple[str, dict]:
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
        directed = f"{_participant('source', 'a')} AND {_participant('target', 'b')}"
        # a joint event with no target ("Japan and the US held talks") belongs to the dyad too
        no_target = "NOT EXISTS (SELECT 1 FROM event_actors n WHERE n.article_id = e.article_id AND n.event_id = e.id AND n.role = 'target')"
        joint = f"{no_target} AND {_participant('source', 'a')} AND {_participant('source', 'b')}"
        clauses.append(f"(({directed}) OR ({joint}))")
    where_sql = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    limit = f"LIMIT {int(where.limit)}" if where.limit else ""
    sql = f"""
    WITH parts AS (
        SELECT ea.article_id, ea.event_id, ea.role,
               string_agg(coalesce(a.name, ea.actor_id), '; ' ORDER BY ea.actor_id) AS names,
               string_agg(coalesce(a.code, ''), '; ' ORDER BY ea.actor_id) AS codes
        FROM event_actors ea LEFT JOIN actors a ON a.article_id = ea.article_id AND a.id = ea.actor_id
        GROUP BY ALL)
    SELECT e.article_id, e.id AS event_id, strftime(ar.published, '%Y-%m-%d') AS published, e.date, e.date_imputed,
           e.type, e.plover_type, e.mode, array_to_string(e.context, ';') AS context, e.cameo,
           s.names AS source, s.codes AS source_code, t.names AS target, t.codes AS target_code,
           e.modality, cl.name AS attributed_to, p.name AS place, p.country AS place_country, p.lat, p.lon,
           e.score, e.confidence, e.trigger_text AS trigger, e.sentence_text AS sentence, ar.title, ar.url
    FROM events e
    JOIN articles ar ON ar.id = e.article_id
    LEFT JOIN parts s ON s.article_id = e.article_id AND s.event_id = e.id AND s.role = 'source'
    LEFT JOIN parts t ON t.article_id = e.article_id AND t.event_id = e.id AND t.role = 'target'
    LEFT JOIN actors cl ON cl.article_id = e.article_id AND cl.id = e.attributed_to
    LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
    {where_sql}
    ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.trigger_start
    {limit}
    """
    return sql, params


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
