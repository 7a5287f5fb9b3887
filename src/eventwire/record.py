"""The article record (``eventwire.article/1``) as typed classes.

The shapes and field meanings are fixed by CONTRACT.md; ``schema/article.schema.json`` in the
package is generated from these classes (``python -m eventwire.record > ...``) and a test keeps the
two equal.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "eventwire.article/1"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
PloverType = Literal[PLOVER_TYPES]
Modality = Literal["asserted", "future", "hypothetical", "negated"]
ActorKind = Literal["country", "person", "organization", "media", "group", "unknown"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Record):
    """A piece of the article text: ``text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Actor(_Record):
    id: str
    name: str
    kind: ActorKind
    country: str | None = Field(pattern=r"^[A-Z]{3}$")
    sector: str | None
    code: str | None
    role: str | None
    mentions: list[Span]


class Place(_Record):
    id: str
    name: str
    kind: str
    country: str | None = Field(pattern=r"^[A-Z]{3}$")
    lat: float | None = Field(ge=-90, le=90)
    lon: float | None = Field(ge=-180, le=180)
    geonames_id: int | None
    mentions: list[Span]


class Time(_Record):
    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str


class Figure(_Record):
    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: float | None
    unit: str | None
    about: str | None


class Quote(_Record):
    id: str
    speaker: str | None
    source: Span | None
    cue: Span | None
    content: Span
    direct: bool
    cited: Span | None = Field(description="whom the speaker cites: 'diplomatic sources' in 'the FT, citing "
                               "diplomatic sources, said' (extension)")


class Event(_Record):
    id: str
    type: PloverType
    plover_type: PloverType
    mode: str | None
    context: list[str]
    cameo: str | None = Field(pattern=r"^\d{2,4}$")
    source: list[str]
    target: list[str]
    date: str | None
    date_imputed: bool
    place: str | None
    modality: Modality
    attributed_to: str | None
    quote: str | None
    trigger: Span
    sentence: Span
    confidence: float = Field(ge=0, le=1)
    score: float | None
    rule: str | None = Field(description="which lexicon rule produced the event (extension)")


class Article(_Record):
    schema_: Literal["eventwire.article/1"] = Field(SCHEMA, alias="schema")
    id: str
    url: str | None
    title: str | None
    source: str | None
    published: str | None = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    language: str | None
    text: str
    actors: list[Actor]
    places: list[Place]
    times: list[Time]
    figures: list[Figure]
    quotes: list[Quote]
    events: list[Event]
    warnings: list[str]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        """The record as plain JSON-ready data, keys in contract order."""
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, indent: int | None = None) -> str:
        """The record as a JSON string (UTF-8 text kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        """Parse and validate a record (raises ``pydantic.ValidationError`` naming the bad field)."""
        return cls.model_validate(data)

    @classmethod
    def from_json(cls, text: str) -> Article:
        return cls.model_validate_json(text)


def normalize_text(text: str) -> str:
    """The canonical form of an article's text: NFC, unified newlines, no trailing blanks, one space
    where a run of them sits inside a line (but after a heading on the text's first words), and HTML
    character references a feed left in plain text decoded ("&quot;Yes,&quot; he said": quotation
    marks the quote stage must see), less HTML comments and tags."""
    if CHARACTER_REFERENCE.search(text):
        text = html.unescape(text)
    text = MARKUP.sub(" ", text)  # "<!-- image caption -->", "<p>", "<noinclude>" left by a feed or a wiki dump
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return "\n".join(_one_space(line, first=n == 0) for n, line in enumerate(lines)).strip()


def _one_space(line: str, first: bool) -> str:
    """A line with each run of spaces made one, but for the run that ends a heading a feed put before
    the text's first words ("Pakistan  On Sunday, ...": see the breaks stage)."""
    heading = HEADING.match(line) if first else None
    if heading is None:
        return SPACE_RUN.sub(" ", line)
    return line[: heading.end()] + SPACE_RUN.sub(" ", line[heading.end() :])


# A run of spaces inside a sentence, left where a page had a link or markup ("the President  of Brazil",
# "British  Prime Minister"): one space. After the text's first few words, with no punctuation among them
# and a capital next, it ends a heading ("Pakistan  On Sunday", "Australian news  The"), which the breaks
# stage reads.
SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}")
HEADING = re.compile(r"[ \t]*[^\s.,;:!?]+(?: [^\s.,;:!?]+){0,3}[ \t]{2,}(?=[A-Z\"“‘'(\[])")
# HTML comments and tags a feed or a wiki dump left in plain text: not words of the article.
MARKUP = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]{0,200})?/?>", re.DOTALL)
CHARACTER_REFERENCE = re.compile(r"&(?:quot|amp|apos|lt|gt|nbsp|mdash|ndash|rsquo|lsquo|rdquo|ldquo|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def article_id(text: str) -> str:
    """Stable content hash of the normalized text: whitespace runs do not change the id."""
    canonical = " ".join(normalize_text(text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


def json_schema() -> dict:
    """JSON Schema of the article record, generated from the classes above."""
    schema = Article.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://eventwire.dev/schema/article-1.json"
    return schema


@cache
def shipped_schema() -> dict:
    """The JSON Schema file shipped in the package."""
    return json.loads(resources.files("eventwire").joinpath("schema/article.schema.json").read_text())


def validate(record: dict) -> None:
    """Validate a record against the shipped JSON Schema; raises ``jsonschema.ValidationError``."""
    import jsonschema

    jsonschema.Draft202012Validator(shipped_schema()).validate(record)


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2))
