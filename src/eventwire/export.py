"""Writing rows: one set of formats for every command (table, csv, jsonl, parquet)."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa

# The columns the terminal table shows; files get every column.
TABLE_COLUMNS = ("date", "type", "modality", "source", "target", "place", "attributed_to", "trigger")


def write_events(table: pa.Table, format: str, output: Path | None = None) -> None:
    """Write event rows to ``output`` (or stdout) as ``format``; the terminal table shows the main columns."""
    write_rows(table, format, output, TABLE_COLUMNS, "event(s)")


def write_rows(table: pa.Table, format: str, output: Path | None = None, columns: tuple[str, ...] | None = None,
               noun: str = "row(s)") -> None:  # fmt: skip
    """Write ``table`` to ``output`` (or stdout) as ``format``; ``columns`` limits the terminal table."""
    if format == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, output)
        return
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if format == "csv":
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(table.column_names)
            for row in table.to_pylist():
                writer.writerow(["" if v is None else v for v in row.values()])
        elif format == "jsonl":
            for row in table.to_pylist():
                stream.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
        else:
            _write_table(table.select(list(columns)) if columns else table, stream, noun)
    finally:
        if output:
            stream.close()


def _json_default(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _write_table(table: pa.Table, stream, noun: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, width=None if stream.isatty() else 160)
    view = Table(show_lines=False, header_style="bold")
    for name in table.column_names:
        view.add_column(name, overflow="fold")
    for row in table.to_pylist():
        view.add_row(*("" if v is None else str(v) for v in row.values()))
    console.print(view)
    console.print(f"{table.num_rows} {noun}")
