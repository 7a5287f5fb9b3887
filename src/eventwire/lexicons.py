"""Lexicon files: the packaged tables under ``eventwire/data`` plus a user's own.

Every table is a UTF-8 TSV file with a header row; blank lines and lines starting with ``#`` are
ignored. A user folder (``Settings.lexicon_dir``) may hold files of the same names: their rows are
read after the packaged ones, so a user row with the same key replaces the packaged row. The
columns of each table are documented in docs/lexicons.md.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


class LexiconError(ValueError):
    """A lexicon file is missing a column or has a malformed row."""


def _parse(text: str, origin: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    header_no, header_line = lines[0]
    header = header_line.split("\t")
    missing = [c for c in columns if c not in header]
    if missing:
        raise LexiconError(f"{origin}:{header_no}: header lacks column(s) {', '.join(missing)}; expected {', '.join(columns)}")
    rows = []
    for n, line in lines[1:]:
        fields = line.split("\t")
        if len(fields) > len(header):
            raise LexiconError(f"{origin}:{n}: {len(fields)} fields, but the header has {len(header)}")
        row = dict(zip(header, (f.strip() for f in fields)))
        row.update({c: "" for c in header if c not in row})
        if not row[columns[0]]:
            raise LexiconError(f"{origin}:{n}: empty {columns[0]!r}")
        rows.append(row)
    return rows


@cache
def load_table(name: str, columns: tuple[str, ...], user_dir: str | None = None) -> tuple[dict[str, str], ...]:
    """Rows of lexicon ``name`` (``NAME.tsv``): the packaged file, then ``user_dir/NAME.tsv`` if present.

    ``columns`` lists the columns the caller needs; the first one is the row's key.
    """
    packaged = resources.files("eventwire").joinpath(f"data/{name}.tsv")
    rows = _parse(packaged.read_text(encoding="utf-8"), f"eventwire/data/{name}.tsv", columns)
    if user_dir:
        folder = Path(user_dir)
        if not folder.is_dir():
            raise LexiconError(f"{user_dir}: lexicon folder does not exist")
        user_file = folder / f"{name}.tsv"
        if user_file.is_file():
            rows += _parse(user_file.read_text(encoding="utf-8"), str(user_file), columns)
    return tuple(rows)


def keyed(rows: tuple[dict[str, str], ...], key: str) -> dict[str, dict[str, str]]:
    """Rows by lowercased ``key``; a later row replaces an earlier one with the same key."""
    return {row[key].lower(): row for row in rows}


def phrase_patterns(nlp, phrases) -> list:
    """Token patterns for a case-insensitive ``PhraseMatcher`` (``attr="LOWER"``) over ``phrases``.

    The tokenizer splits some words by case ("Rep." is one token, "rep." two), so each phrase is also
    tokenized capitalized; both forms are kept when they differ.
    """
    docs = []
    for phrase in phrases:
        plain = nlp.make_doc(phrase)
        docs.append(plain)
        capital = nlp.make_doc(phrase[:1].upper() + phrase[1:])
        if len(capital) != len(plain):
            docs.append(capital)
    return docs
