"""The ``Doc`` extension attributes the stages read and write.

Values are plain JSON-ready data (dicts, lists, strings, numbers) in the shapes of the article
record, so documents cross process boundaries (``nlp.pipe(n_process=...)``) unchanged and any stage
can be replaced by a user's component that writes the same attributes.
"""

from __future__ import annotations

import functools
import logging

from spacy.tokens import Doc

log = logging.getLogger("eventwire")

ATTRIBUTES = {
    "published": None,  # "YYYY-MM-DD" or None: set by the caller before the pipeline runs
    "language": None,  # ISO 639-1 code set by the language stage
    "warnings": None,  # list[str]
    "actors": None,  # list[Actor dict]
    "places": None,  # list[Place dict]
    "times": None,  # list[Time dict]
    "figures": None,  # list[Figure dict]
    "quotes": None,  # list[Quote dict]
    "events": None,  # list[Event dict]
}

for _name, _default in ATTRIBUTES.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def warn(doc: Doc, message: str) -> None:
    """Add a warning to the article record."""
    if doc._.warnings is None:
        doc._.warnings = []
    doc._.warnings.append(message)


def is_english(doc: Doc) -> bool:
    """Whether the language stage judged the text English (True when it did not run)."""
    return doc._.language in (None, "en")


def guarded(stage: str, attribute: str, reset: bool = True):
    """Run a stage's ``__call__`` so that a failure on one article becomes a warning on it.

    The attribute is reset to an empty list (or, with ``reset=False``, for a stage that refines what
    an earlier one wrote and assigns it only when done, left as it was) and the rest of the pipeline
    (and of the batch) goes on.
    """

    def wrap(call):
        @functools.wraps(call)
        def run(self, doc: Doc) -> Doc:
            try:
                return call(self, doc)
            except Exception as error:  # noqa: BLE001 - one article must not stop a batch
                log.exception("%s stage failed", stage)
                if reset:
                    setattr(doc._, attribute, [])
                warn(doc, f"{stage} stage failed on this article: {type(error).__name__}: {error}")
                return doc

        return run

    return wrap


def add_actor(doc: Doc, name: str, kind: str, country: str | None = None, sector: str | None = None) -> dict:
    """Append an actor a later stage finds ("police" as a speaker, the host a visit implies, the people
    of the place where an unnamed crowd protests) to ``doc._.actors``, with the next id and no mention
    yet, and return it."""
    actor = {"id": f"a{len(doc._.actors) + 1}", "name": name, "kind": kind, "country": country, "sector": sector,
             "code": (country or "") + (sector or "") or None, "role": None, "mentions": []}  # fmt: skip
    doc._.actors.append(actor)
    return actor


def actor_index(doc: Doc) -> dict[int, str]:
    """Token index -> id of the actor whose mention covers that token."""
    index: dict[int, str] = {}
    for actor in doc._.actors or ():
        for mention in actor["mentions"]:
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            for token in span or ():
                index.setdefault(token.i, actor["id"])
    return index


def actors_by_token(doc: Doc) -> dict[int, tuple[str, ...]]:
    """Token index -> ids of every actor with a mention covering that token ("the two leaders" is
    a mention of both), in the order of the actors."""
    index: dict[int, tuple[str, ...]] = {}
    for actor in doc._.actors or ():
        for mention in actor["mentions"]:
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            for token in span or ():
                if actor["id"] not in index.get(token.i, ()):
                    index[token.i] = index.get(token.i, ()) + (actor["id"],)
    return index


def span_record(span) -> dict:
    """A spaCy span (or token) as a record ``Span``, without the blank lines a sentence may end with."""
    start = span.idx if hasattr(span, "idx") else span.start_char
    text = span.text.rstrip()
    return {"start": start, "end": start + len(text), "text": text}
