"""The ``eventwire`` command: extract, ingest, events, serve, evaluate.

Exit status: 0 done; 2 bad usage; 1 an input could not be processed (the others still are). Each
failure is one line on stderr naming the input and the reason.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import Annotated, Optional

import typer

from .settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None, help="News articles in, PLOVER event records out.")

INGEST_BATCH = 64  # articles per transaction


class Format(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def _date_option(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from .timex import parse_anchor

    try:
        parse_anchor(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    return value


def _fail(message: str) -> None:
    typer.echo(f"eventwire: {message}", err=True)


ModelOpt = Annotated[Optional[str], typer.Option("--model", help="spaCy model to load [env: EVENTWIRE_MODEL]")]
MaxCharsOpt = Annotated[Optional[int], typer.Option("--max-chars", min=1, help="refuse longer articles [env: EVENTWIRE_MAX_CHARS]")]
LexiconOpt = Annotated[Optional[str], typer.Option("--lexicon-dir", help="folder of user lexicon files [env: EVENTWIRE_LEXICON_DIR]")]
WorkersOpt = Annotated[int, typer.Option("--workers", min=1, max=64, help="worker processes")]
PublishedOpt = Annotated[Optional[str], typer.Option("--published", callback=_date_option, help="publication date YYYY-MM-DD, where the input has none")]
DbOpt = Annotated[str, typer.Option("--db", help="database file")]


def _settings(model, max_chars, lexicon_dir) -> Settings:
    try:
        settings = Settings.from_env(model=model, max_chars=max_chars, lexicon_dir=lexicon_dir)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    if settings.lexicon_dir and not Path(settings.lexicon_dir).is_dir():
        raise typer.BadParameter(f"lexicon folder {settings.lexicon_dir!r} does not exist")
    return settings


def _read(paths, published, title, url, source, settings):
    """Readable inputs, after reporting the unreadable ones; and whether any failed."""
    from .inputs import Defaults, InputError, read_inputs

    items, failed = [], False
    for item in read_inputs(paths, Defaults(published, title, url, source), settings):
        if isinstance(item, InputError):
            _fail(str(item))
            failed = True
        else:
            items.append(item)
    return items, failed


def _extractor(items, settings, workers):
    from .pipeline import ModelNotFound, extract_many

    try:
        yield from extract_many(items, settings=settings, workers=workers)
    except ModelNotFound as error:
        _fail(str(error))
        raise typer.Exit(1) from None


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="files, folders, URLs, or - for stdin")],
    published: PublishedOpt = None,
    title: Annotated[Optional[str], typer.Option(help="article title, where the input has none")] = None,
    url: Annotated[Optional[str], typer.Option(help="article URL, where the input has none")] = None,
    source: Annotated[Optional[str], typer.Option(help="publisher, where the input has none")] = None,
    workers: WorkersOpt = 1,
    model: ModelOpt = None,
    max_chars: MaxCharsOpt = None,
    lexicon_dir: LexiconOpt = None,
) -> None:
    """Write article records as JSON: one object for a single text, JSON Lines otherwise."""
    settings = _settings(model, max_chars, lexicon_dir)
    single = len(paths) == 1 and (paths[0] == "-" or (Path(paths[0]).is_file() and Path(paths[0]).suffix.lower() != ".jsonl"))
    items, failed = _read(paths, published, title, url, source, settings)
    for article in _extractor(items, settings, workers):
        sys.stdout.write(article.to_json(indent=2 if single else None) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, folders, URLs, or - for stdin")],
    db: DbOpt = "eventwire.duckdb",
    published: PublishedOpt = None,
    source: Annotated[Optional[str], typer.Option(help="publisher, where the input has none")] = None,
    workers: WorkersOpt = 1,
    model: ModelOpt = None,
    max_chars: MaxCharsOpt = None,
    lexicon_dir: LexiconOpt = None,
) -> None:
    """Extract articles and store them; an article already stored is skipped."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .store import Store, StoreError

    settings = _settings(model, max_chars, lexicon_dir)
    try:
        store = Store(db)
    except StoreError as error:
        _fail(str(error))
        raise typer.Exit(1) from None
    items, failed = _read(paths, published, None, None, source, settings)
    console = Console(stderr=True)
    stored = skipped = events = 0
    with store, Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                         console=console, disable=not console.is_terminal) as progress:  # fmt: skip
        task = progress.add_task("ingest", total=len(items))
        articles = _extractor(items, settings, workers)
        while batch := list(islice(articles, INGEST_BATCH)):
            result = store.ingest(batch)
            stored, skipped, events = stored + result.stored, skipped + result.skipped, events + result.events
            progress.advance(task, len(batch))
    typer.echo(f"{stored} article(s) stored, {skipped} already stored, {events} event(s) added to {db}"
               + (" (some inputs failed: see above)" if failed else ""), err=True)  # fmt: skip
    if failed:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOpt = "eventwire.duckdb",
    since: Annotated[Optional[str], typer.Option(callback=_date_option, help="events on or after this date")] = None,
    until: Annotated[Optional[str], typer.Option(callback=_date_option, help="events on or before this date")] = None,
    actor: Annotated[Optional[str], typer.Option(help="a participant: ISO3 (JPN) or code (USAGOV)")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="SOURCE:TARGET, e.g. JPN:USA")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type (matches type or plover_type)")] = None,
    modality: Annotated[Optional[str], typer.Option(help="asserted, future, hypothetical or negated")] = None,
    article: Annotated[Optional[str], typer.Option(help="only this article id")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="at most this many events")] = None,
    format: Annotated[Format, typer.Option("--format", help="output format")] = Format.table,
    output: Annotated[Optional[Path], typer.Option("--output", help="write to this file instead of stdout")] = None,
) -> None:
    """List stored events (newest first), filtered, as a table, CSV, JSON Lines or Parquet."""
    from .export import write_events
    from .store import EventFilter, Store, StoreError, check_filter

    pair = None
    if dyad is not None:
        if dyad.count(":") != 1 or not all(dyad.split(":")):
            raise typer.BadParameter(f"{dyad!r} is not SOURCE:TARGET (e.g. JPN:USA)", param_hint="--dyad")
        pair = tuple(dyad.split(":"))
    where = EventFilter(since, until, actor, pair, type, modality, article, limit)
    try:
        check_filter(where)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    if format is Format.parquet and output is None:
        raise typer.BadParameter("parquet is binary: give --output FILE", param_hint="--format")
    try:
        with Store(db, read_only=True) as store:
            table = store.events(where)
    except StoreError as error:
        _fail(str(error))
        raise typer.Exit(1) from None
    write_events(table, format.value, output)


@app.command()
def serve(
    db: DbOpt = "eventwire.duckdb",
    host: Annotated[str, typer.Option(help="address to listen on; off loopback, extract and ingest need EVENTWIRE_TOKEN")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="port to listen on")] = 8000,
) -> None:
    """Serve the store as an HTTP API (documented at /docs) and a web page, until Ctrl+C."""
    from .serve import TOKEN_ENV, create_app, is_loopback, listen, run, url
    from .store import StoreError

    try:
        web = create_app(db, host)
    except StoreError as error:
        _fail(str(error))
        raise typer.Exit(1) from None
    try:
        sock = listen(host, port)
    except OSError as error:
        web.state.store.close()
        _fail(f"{host}:{port}: cannot listen there ({error.strerror or error})")
        raise typer.Exit(1) from None
    if not is_loopback(host) and not os.environ.get(TOKEN_ENV):
        _fail(f"listening on {host} without {TOKEN_ENV}: extract and ingest are refused")
    address = url(host, port)
    typer.echo(f"eventwire: serving {db} at {address} (API documentation at {address}/docs); Ctrl+C stops", err=True)
    run(web, sock)


@app.command()
def evaluate(
    names: Annotated[Optional[list[str]], typer.Argument(help="benchmarks to run (default: all)", show_default=False)] = None,
    data: Annotated[Optional[Path], typer.Option("--data", help="benchmarks folder [env: EVENTWIRE_BENCHMARKS; default ../shared/benchmarks]")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="at most this many documents per corpus")] = None,
    gate: Annotated[bool, typer.Option("--gate", help="exit 1 when a figure is below its pinned floor")] = False,
    format: Annotated[Format, typer.Option("--format", help="output format (table, csv, jsonl)")] = Format.table,
    workers: WorkersOpt = 1,
    model: ModelOpt = None,
    lexicon_dir: LexiconOpt = None,
) -> None:
    """Measure eventwire on public gold data; a benchmark whose data is absent is skipped."""
    import pyarrow as pa

    from . import evaluation
    from .export import write_rows

    if format is Format.parquet:
        raise typer.BadParameter("choose table, csv or jsonl", param_hint="--format")
    unknown = [n for n in names or () if n not in evaluation.BENCHMARKS]
    if unknown:
        raise typer.BadParameter(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(evaluation.BENCHMARKS)}")
    settings = _settings(model, None, lexicon_dir)
    root = data or evaluation.default_root()
    floors = evaluation.floors()
    figures = []
    for name in names or evaluation.BENCHMARKS:
        try:
            figures += evaluation.run(name, root, settings, limit, workers)
        except evaluation.DataMissing as error:
            typer.echo(f"eventwire: skipped {name}: {error}", err=True)
    rows = [{"metric": f.metric, "value": round(f.value, 4), "count": f.count,
             "floor": floors.get(f.metric), "note": f.note} for f in figures]  # fmt: skip
    if rows:
        write_rows(pa.Table.from_pylist(rows), format.value, noun="figure(s)")
    failures = evaluation.gate(figures, floors) if gate and limit is None else []
    if gate and limit is not None:
        typer.echo("eventwire: --gate ignored with --limit: floors are pinned for whole corpora", err=True)
    for line in failures:
        _fail(line)
    if failures:
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
