"""Reading articles: plain text, HTML pages, JSON Lines, standard input, folders and URLs.

``read_inputs`` yields an ``ArticleInput`` for every article it can read and an ``InputError``
(naming the input and the reason) for every one it cannot, so a batch goes on past bad inputs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .pipeline import ArticleInput, check_input
from .settings import Settings

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
BYTES_PER_CHAR = 4  # the most a UTF-8 character takes: a file larger than this many bytes per allowed character is refused unread
MIN_HTML_WORDS = 5  # what trafilatura's fallback keeps of a page without an article: a menu item, a caption
JSONL_FIELDS = {"id", "text", "title", "url", "source", "published"}


@dataclass(frozen=True)
class InputError:
    """An input that could not be read: ``origin`` names it (``file.jsonl:3`` for a line)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class Defaults:
    """Metadata given on the command line, used where the input itself has none."""

    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


def read_inputs(paths: Iterable[str], defaults: Defaults = Defaults(), settings: Settings = Settings()) -> Iterator[ArticleInput | InputError]:
    """Articles from each path ("-" for stdin, a folder read recursively, a URL), or errors."""
    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read()
            yield from _checked(_from_bytes(data, "<stdin>", ".txt", defaults, settings), settings)
        elif path.startswith(("http://", "https://")):
            yield from _checked(_from_url(path, defaults), settings)
        else:
            yield from _from_path(Path(path), defaults, settings)


def _from_path(path: Path, defaults: Defaults, settings: Settings) -> Iterator[ArticleInput | InputError]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))  # fmt: skip
        if not files:
            yield InputError(str(path), f"folder has no {', '.join(sorted(FOLDER_SUFFIXES))} files")
        for file in files:
            yield from _from_file(file, defaults, settings)
    elif path.exists():
        yield from _from_file(path, defaults, settings)
    else:
        yield InputError(str(path), "no such file or folder")


def _from_file(path: Path, defaults: Defaults, settings: Settings) -> Iterator[ArticleInput | InputError]:
    origin = str(path)
    try:
        size = path.stat().st_size
        limit = settings.max_chars * BYTES_PER_CHAR
        if size > limit and path.suffix.lower() not in JSONL_SUFFIXES:
            yield InputError(origin, f"file is {size / 1e6:.1f} MB; the limit is {settings.max_chars:,} characters "
                                     "(set EVENTWIRE_MAX_CHARS or --max-chars to raise it)")  # fmt: skip
            return
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _from_jsonl(path, defaults, settings)
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputError(origin, f"cannot read: {error.strerror or error}")
        return
    yield from _checked(_from_bytes(data, origin, path.suffix.lower(), defaults, settings), settings)


def _decode(data: bytes, origin: str) -> str | InputError:
    if b"\x00" in data[:65536]:
        return InputError(origin, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return InputError(origin, f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); convert it to UTF-8")


def _from_bytes(data: bytes, origin: str, suffix: str, defaults: Defaults, settings: Settings) -> ArticleInput | InputError:
    if not data.strip():
        return InputError(origin, "empty input")
    text = _decode(data, origin)
    if isinstance(text, InputError):
        return text
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        return _from_html(text, origin, defaults)
    return ArticleInput(text, defaults.title, defaults.url, defaults.source, defaults.published, origin)


def _from_html(html: str, origin: str, defaults: Defaults, url: str | None = None) -> ArticleInput | InputError:
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=True)
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(text.split()) < MIN_HTML_WORDS:
        return InputError(origin, "no article text found in the HTML page")
    published = getattr(document, "date", None)
    return ArticleInput(
        text=text,
        title=getattr(document, "title", None) or defaults.title,
        url=url or getattr(document, "url", None) or defaults.url,
        source=getattr(document, "sitename", None) or defaults.source,
        published=(published[:10] if published else None) or defaults.published,
        origin=origin,
    )


def _from_url(url: str, defaults: Defaults) -> ArticleInput | InputError:
    import trafilatura

    html = trafilatura.fetch_url(url)
    if html is None:
        return InputError(url, "could not download the page (no answer, an HTTP error, or no network)")
    return _from_html(html, url, defaults, url=url)


def _from_jsonl(path: Path, defaults: Defaults, settings: Settings) -> Iterator[ArticleInput | InputError]:
    with path.open("rb") as lines:
        seen_any = False
        for number, raw in enumerate(lines, 1):
            origin = f"{path}:{number}"
            if not raw.strip():
                continue
            seen_any = True
            line = _decode(raw, origin)
            if isinstance(line, InputError):
                yield line
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as error:
                yield InputError(origin, f"invalid JSON ({error.msg} at column {error.colno})")
                continue
            if not isinstance(obj, dict):
                yield InputError(origin, f"expected a JSON object, got {type(obj).__name__}")
                continue
            if isinstance(obj.get("id"), str | int) and obj["id"] != "":
                origin = f"{origin} ({obj['id']})"
            if not isinstance(obj.get("text"), str):
                yield InputError(origin, "no 'text' string in the object")
                continue
            bad = [k for k in JSONL_FIELDS - {"text", "id"} if obj.get(k) is not None and not isinstance(obj[k], str)]
            if bad:
                yield InputError(origin, f"field(s) {', '.join(sorted(bad))} must be strings")
                continue
            item = ArticleInput(obj["text"], obj.get("title") or defaults.title, obj.get("url") or defaults.url,
                                obj.get("source") or defaults.source, obj.get("published") or defaults.published, origin)  # fmt: skip
            yield from _checked(item, settings)
        if not seen_any:
            yield InputError(str(path), "empty input")


def _checked(item: ArticleInput | InputError, settings: Settings) -> Iterator[ArticleInput | InputError]:
    if isinstance(item, InputError):
        yield item
        return
    if item.published and len(item.published) > 10 and item.published[4:5] == "-":
        item = replace(item, published=item.published[:10])  # a timestamp: keep the day
    try:
        check_input(item, settings)
    except ValueError as error:
        yield InputError(item.origin, str(error))
        return
    yield item
