"""``eventwire serve``: the store as an HTTP API and a web page (FastAPI, run by uvicorn).

Everything the page needs ships in the package (``eventwire/web``), and the API documentation pages
use the Swagger UI and ReDoc files of the ``fastapi-offline`` package, so nothing is fetched from
the internet. Reading needs nothing; ``POST /api/extract`` and ``POST /api/ingest`` need the token
of ``EVENTWIRE_TOKEN`` when the server listens on an address other than loopback, or whenever that
variable is set. Every error, from a bad filter to an unknown path or a crash, is one JSON shape:
``{"error": {"status": 400, "code": "bad_filter", "message": "..."}}``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import ipaddress
import json
import logging
import os
import socket
import tempfile
import threading
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import pyarrow as pa
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from . import __version__
from .settings import Settings
from .store import INTERVALS, NETWORK_LEVELS, EventFilter, Store, check_filter, parse_dyad

TOKEN_ENV = "EVENTWIRE_TOKEN"
WEB = Path(__file__).parent / "web"
MAX_PAGE = 10_000  # rows in one page of /api/events; more come with the cursor
JSON_BYTES_PER_CHAR = 6  # a JSON string may escape one character as \uXXXX
BODY_SLACK = 64 * 1024  # room in a request body for the fields beside the text
# The page loads only its own files: a script or style from elsewhere would not run.
PAGE_POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'"
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}

log = logging.getLogger("eventwire.serve")


class ApiError(HTTPException):
    """An error answered as ``{"error": {"status", "code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(status_code=status, detail=message)
        self.code = code


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    """The one error shape of the API."""
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status, headers=headers)


# Codes for errors that Starlette raises itself (unknown path, wrong method).
STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                413: "too_large", 415: "unsupported_media_type"}  # fmt: skip


class BodyLimit:
    """ASGI middleware: a request body over ``max_bytes`` is refused with 413, unread when its length
    is declared, and as soon as it passes the limit when it comes in chunks. It also gives the page
    its Content-Security-Policy."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            response = error_response(413, "too_large", f"request body of {declared.decode(errors='replace')} bytes is over the limit of {self.max_bytes:,} bytes")
            return await response(scope, receive, send)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise ApiError(413, "too_large", f"request body is over the limit of {self.max_bytes:,} bytes")
            return message

        page = scope["path"] == "/" or scope["path"].startswith("/static/")

        async def send_with_policy(message):
            if page and message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"content-security-policy", PAGE_POLICY.encode())]
            await send(message)

        await self.app(scope, limited_receive, send_with_policy)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# -- cursors ------------------------------------------------------------------------------------


def _scope(*parts) -> str:
    """A short fingerprint of the query a cursor belongs to, so it is not used with other filters."""
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:12]


def encode_cursor(key: tuple, scope: str) -> str:
    """An opaque cursor for the page after the row whose sort key is ``key``."""
    values = [v.isoformat() if isinstance(v, date) else v for v in key]
    raw = json.dumps({"s": scope, "k": values}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, scope: str, kinds: tuple[type, ...]) -> tuple:
    """The sort key in ``cursor``; ``kinds`` are the key's value types (``date`` may be null)."""
    bad = ApiError(400, "bad_cursor", f"cursor {cursor[:40]!r} is not one this server gave out; start again without it")
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        values = data["k"]
        fingerprint = data["s"]
    except (ValueError, TypeError, KeyError, binascii.Error):
        raise bad from None
    if not isinstance(values, list) or len(values) != len(kinds):
        raise bad
    if fingerprint != scope:
        raise ApiError(400, "bad_cursor", "cursor belongs to a query with other filters; start again without it")
    key = []
    for value, kind in zip(values, kinds):
        if kind is date:
            try:
                key.append(None if value is None else date.fromisoformat(value))
            except (TypeError, ValueError):
                raise bad from None
        elif type(value) is not kind:
            raise bad
        else:
            key.append(value)
    return tuple(key)


# -- request parameters -------------------------------------------------------------------------


def _checked(where: EventFilter) -> EventFilter:
    """``where`` after the checks the ``events`` command makes, as a 400 naming the parameter."""
    try:
        check_filter(where)
    except ValueError as error:
        raise ApiError(400, "bad_filter", str(error).removeprefix("--")) from None
    return where


SinceQ = Annotated[str | None, Query(description="events on or after this date (YYYY-MM-DD)")]
UntilQ = Annotated[str | None, Query(description="events on or before this date (YYYY-MM-DD)")]
ActorQ = Annotated[str | None, Query(description="a participant: ISO3 (JPN) or code or code prefix (USAGOV, IGO)")]
TypeQ = Annotated[str | None, Query(description="PLOVER type, matched against type and plover_type")]
ModalityQ = Annotated[str | None, Query(description="asserted, future, hypothetical or negated")]
ArticleQ = Annotated[str | None, Query(description="only events of this article id")]


def common_filters(since: SinceQ = None, until: UntilQ = None, actor: ActorQ = None, type: TypeQ = None,
                   modality: ModalityQ = None, article: ArticleQ = None) -> EventFilter:  # fmt: skip
    """The filters of the ``events`` command but the dyad."""
    return _checked(EventFilter(since=since, until=until, actor=actor, type=type, modality=modality, article=article))


def event_filters(common: Annotated[EventFilter, Depends(common_filters)],
                  dyad: Annotated[str | None, Query(description="SOURCE:TARGET, e.g. JPN:USA (directed; joint events count both ways)")] = None) -> EventFilter:  # fmt: skip
    """All the filters of the ``events`` command."""
    if dyad is None:
        return common
    try:
        pair = parse_dyad(dyad)
    except ValueError as error:
        raise ApiError(400, "bad_filter", f"dyad {error}") from None
    return _checked(EventFilter(**{**common.__dict__, "dyad": pair}))


bearer = HTTPBearer(auto_error=False, description=f"the token in {TOKEN_ENV}")


class ArticleIn(BaseModel):
    """An article to extract: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the article text")
    published: str | None = Field(None, description="publication date YYYY-MM-DD, the anchor for relative dates")
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="publisher")


# -- the app ------------------------------------------------------------------------------------


def create_app(db: str | Path = "eventwire.duckdb", host: str = "127.0.0.1", settings: Settings | None = None,
               token: str | None = None) -> FastAPI:  # fmt: skip
    """The API and page over the store ``db`` (created when missing), for a server bound to ``host``.

    ``settings`` decide extraction and the size limit of posted articles (default: from the
    environment); ``token`` is the one writes need (default: ``EVENTWIRE_TOKEN``). Raises
    ``StoreError`` when ``db`` cannot be opened.
    """
    settings = settings or Settings.from_env()
    token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    store = Store(db)
    lock = threading.Lock()  # one DuckDB connection: one query at a time
    extract_lock = threading.Lock()  # one spaCy pipeline: one article at a time
    max_body = settings.max_chars * JSON_BYTES_PER_CHAR + BODY_SLACK

    @asynccontextmanager
    async def lifespan(app):
        yield
        store.close()

    app = FastAPIOffline(title="eventwire", version=__version__, lifespan=lifespan,
                         description="Events extracted from news articles: browse, filter, export. The page is at `/`.")  # fmt: skip
    app.state.store = store

    # -- errors --

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        if isinstance(error, ApiError):
            return error_response(error.status_code, error.code, error.detail, error.headers)
        message = f"no such path {request.url.path}" if error.status_code == 404 else str(error.detail)
        if error.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(error.status_code, STATUS_CODES.get(error.status_code, "error"), message, error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        first = error.errors()[0]
        where, *field = first["loc"]
        name = ".".join(str(part) for part in field) or where
        kind = {"query": "query parameter", "path": "path parameter", "body": "body field"}.get(where, where)
        if where == "body" and not field:
            kind, name = "body", "JSON"
        return error_response(400, "invalid_parameter", f"{kind} {name!r}: {first['msg']}")

    @app.exception_handler(Exception)
    async def crash(request: Request, error: Exception):
        log.exception("error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", f"the server failed on {request.method} {request.url.path} ({type(error).__name__}); see its log")

    app.add_middleware(BodyLimit, max_bytes=max_body)

    def may_write(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
        """Writes need the token unless the server listens on loopback only and no token is set."""
        if token is None:
            if is_loopback(host):
                return
            raise ApiError(403, "forbidden", f"this server listens on {host}: set {TOKEN_ENV} where it runs to allow extract and ingest")
        if credentials is None:
            raise ApiError(401, "unauthorized", "send the token as 'Authorization: Bearer <token>'")
        if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
            raise ApiError(403, "forbidden", "the token is not the one this server was given")

    def read(method, *args, **kwargs):
        """Call a store method while holding the connection."""
        with lock:
            return method(*args, **kwargs)

    # -- reading --

    @app.get("/api/summary", tags=["articles"])
    def summary() -> dict:
        """How many articles, actors, events and quotes the store holds."""
        return read(store.counts)

    @app.get("/api/articles", tags=["articles"])
    def list_articles(q: Annotated[str | None, Query(max_length=200, description="text in the title or source")] = None,
                      limit: Annotated[int, Query(ge=1, le=1000)] = 50, cursor: str | None = None) -> dict:  # fmt: skip
        """Stored articles, newest first, with their event and actor counts."""
        scope = _scope("articles", q)
        after = decode_cursor(cursor, scope, (date, str)) if cursor else None
        items, next_key = read(store.articles, limit, after, q)
        return {"articles": items, "next_cursor": encode_cursor(next_key, scope) if next_key else None}

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str) -> dict:
        """The full article record (``eventwire.article/1``)."""
        article = read(store.article, article_id)
        if article is None:
            raise ApiError(404, "not_found", f"article {article_id!r} is not in the store")
        return article.to_dict()

    @app.get("/api/events", tags=["events"])
    def list_events(where: Annotated[EventFilter, Depends(event_filters)],
                    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="events per page")] = 100,
                    cursor: Annotated[str | None, Query(description="next_cursor of the page before")] = None,
                    format: Literal["json", "csv", "jsonl", "parquet"] = "json"):  # fmt: skip
        """Stored events, newest first, filtered like the ``events`` command, a page at a time.

        JSON gives ``events``, ``next_cursor`` (null on the last page) and, on the first page, ``total``;
        the other formats give the rows as the ``events`` command writes them, and the next cursor in
        the ``X-Next-Cursor`` header.
        """
        scope = _scope("events", {k: v for k, v in where.__dict__.items() if k != "limit"})
        after = decode_cursor(cursor, scope, (date, str, int, str)) if cursor else None
        page = EventFilter(**{**where.__dict__, "limit": limit})
        table, next_key = read(store.events_page, page, after)
        next_cursor = encode_cursor(next_key, scope) if next_key else None
        if format == "json":
            total = read(store.count_events, where) if cursor is None else None
            # written directly: FastAPI's generic encoder takes longer than the query on a big page
            body = {"events": table.to_pylist(), "next_cursor": next_cursor, "total": total, "limit": limit}
            return Response(json.dumps(body, ensure_ascii=False), media_type="application/json")
        headers = {"Content-Disposition": f'attachment; filename="events.{format}"'}
        if next_cursor:
            headers["X-Next-Cursor"] = next_cursor
        return Response(_export(table, format), media_type=MEDIA_TYPES[format], headers=headers)

    @app.get("/api/actors", tags=["actors"])
    def list_actors(where: Annotated[EventFilter, Depends(event_filters)],
                    q: Annotated[str | None, Query(max_length=200, description="code prefix or text in the name")] = None,
                    limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict:  # fmt: skip
        """Actor codes with how many articles name them and how many matching events they take part in."""
        return {"actors": read(store.actors, where, q, limit)}

    @app.get("/api/dyads", tags=["actors"])
    def dyad_timeline(where: Annotated[EventFilter, Depends(common_filters)],
                      a: Annotated[str, Query(description="one side: ISO3 or code")],
                      b: Annotated[str, Query(description="the other side: ISO3 or code")],
                      interval: Annotated[Literal[INTERVALS], Query()] = "week",
                      directed: Annotated[bool, Query(description="only events from a to b")] = False) -> dict:  # fmt: skip
        """Events between two actors per interval: counts, cooperative vs conflictual, mean score."""
        _checked(EventFilter(dyad=(a, b)))
        series = read(store.dyad_series, a, b, interval, where, directed)
        return {"a": a.upper(), "b": b.upper(), "interval": interval, "directed": directed, "series": series}

    @app.get("/api/network", tags=["actors"])
    def actor_network(where: Annotated[EventFilter, Depends(event_filters)],
                      level: Annotated[Literal[NETWORK_LEVELS], Query(description="nodes are countries or actor codes")] = "country",
                      limit: Annotated[int, Query(ge=1, le=1000, description="the busiest pairs")] = 100) -> dict:  # fmt: skip
        """Actor pairs with event counts and mean score; nodes carry the events of their pairs."""
        edges = read(store.network, where, level, limit)
        return {"level": level, "nodes": _nodes(edges, level), "edges": edges}

    @app.get("/api/places", tags=["events"])
    def event_places(where: Annotated[EventFilter, Depends(event_filters)],
                     limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> dict:  # fmt: skip
        """Places of matching events, with coordinates, event counts and mean score."""
        return {"places": read(store.event_places, where, limit)}

    # -- writing --

    def _extract(body: ArticleIn):
        from .pipeline import ArticleInput, ModelNotFound, check_input, extract_many

        if len(body.text) > settings.max_chars:
            raise ApiError(413, "too_large", f"text is {len(body.text):,} characters; the limit is {settings.max_chars:,}")
        item = ArticleInput(body.text, body.title, body.url, body.source, body.published, origin="request")
        try:
            check_input(item, settings)
        except ValueError as error:
            raise ApiError(400, "bad_article", str(error)) from None
        try:
            with extract_lock:
                return next(extract_many([item], settings=settings))
        except ModelNotFound as error:
            raise ApiError(503, "model_unavailable", str(error)) from None

    @app.post("/api/extract", tags=["articles"], dependencies=[Depends(may_write)])
    def extract_article(body: ArticleIn) -> dict:
        """Extract an article record from the posted text; nothing is stored."""
        return _extract(body).to_dict()

    @app.post("/api/ingest", tags=["articles"], dependencies=[Depends(may_write)], status_code=201)
    def ingest_article(body: ArticleIn, response: Response) -> dict:
        """Extract the posted article and store it (201), or find it already stored (200)."""
        article = _extract(body)
        with lock:
            result = store.ingest([article])
        if not result.stored:
            response.status_code = 200
        return {"id": article.id, "stored": bool(result.stored), "events": len(article.events), "url": f"/api/articles/{article.id}"}

    # -- the page --

    @app.get("/", include_in_schema=False)
    def page():
        """The web page."""
        return FileResponse(WEB / "index.html")

    app.mount("/static", StaticFiles(directory=WEB), name="static")
    return app


def _export(table: pa.Table, format: str) -> bytes:
    """``table`` written exactly as ``eventwire events --format`` writes it."""
    from .export import write_events

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"events.{format}"
        write_events(table, format, path)
        return path.read_bytes()


def _nodes(edges: list[dict], level: str) -> list[dict]:
    """The nodes of ``edges`` with the events of their pairs added up, and a readable name."""
    import pycountry

    totals: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            totals[end] = totals.get(end, 0) + edge["events"]
    nodes = []
    for node, events in sorted(totals.items(), key=lambda item: (-item[1], item[0])):
        country = pycountry.countries.get(alpha_3=node[:3]) if level == "country" or len(node) > 3 else None
        name = country.name + (f" {node[3:]}" if len(node) > 3 else "") if country else node
        nodes.append({"id": node, "name": name, "events": events})
    return nodes


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, so a taken port or unknown host is reported before serving starts."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


def run(app: FastAPI, sock: socket.socket) -> None:
    """Serve ``app`` on the bound ``sock`` with uvicorn until interrupted."""
    import uvicorn

    uvicorn.Server(uvicorn.Config(app, log_level="info", server_header=False)).run(sockets=[sock])


def url(host: str, port: int) -> str:
    """The address of the page for a server bound to ``host:port``."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else "[::1]" if host == "::" else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"
