"""Quote stage: who said what, in direct quotes and reported speech.

Direct quotes are the text between quotation marks (straight or curly), attributed through the
reporting verb nearest to them in the same sentence ("...," he said) or, for a quote standing
alone, the speaker of the quote just before. Indirect speech is a reporting verb with a clausal
complement ("Tokyo said that ...", "..., the spokesman said") or "according to X". The speaker is
the actor the actor stage resolved for the source words, pronouns included.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import actor_index, guarded, is_english, span_record
from .lexicons import keyed, load_table

QUOTE_PAIRS = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"|‘([^’\n]{8,}?)’(?!\w)")
SUBJECTS = ("nsubj", "nsubjpass")


class QuoteFinder:
    """Fills ``doc._.quotes``."""

    def __init__(self, lexicon_dir: str | None):
        cues = keyed(load_table("cues", ("cue", "kind"), lexicon_dir), "cue")
        self.verbs = {c for c, row in cues.items() if row["kind"] == "verb"}

    @guarded("quotes", "quotes")
    def __call__(self, doc: Doc) -> Doc:
        if not is_english(doc):
            doc._.quotes = []
            return doc
        actors = actor_index(doc)
        quotes = self._direct(doc, actors)
        inside = [(q["content"]["start"], q["content"]["end"]) for q in quotes]
        for quote in self._indirect(doc, actors):
            c = quote["content"]
            if not any(s <= c["start"] < e or c["start"] <= s < c["end"] for s, e in inside):
                quotes.append(quote)
        quotes.sort(key=lambda q: q["content"]["start"])
        for n, quote in enumerate(quotes, 1):
            quote["id"] = f"q{n}"
        doc._.quotes = quotes
        return doc

    def _direct(self, doc: Doc, actors: dict[int, str]) -> list[dict]:
        quotes: list[dict] = []
        previous = None
        for match in QUOTE_PAIRS.finditer(doc.text):
            group = next(g for g in (1, 2, 3) if match.group(g) is not None)
            start, end = match.start(group), match.end(group)
            end = start + len(doc.text[start:end].rstrip(" ,"))
            content = doc.char_span(start, end, alignment_mode="expand")
            if content is None or len(content) == 0:
                continue
            cue = self._cue_near(doc, content)
            source = _subject(cue) if cue is not None else None
            speaker = _actor_of(source, actors) if source is not None else None
            if cue is None and previous is not None and _adjacent(doc, previous, start):
                source, speaker, cue = previous["_source"], previous["speaker"], previous["_cue"]
            if cue is None and len(content) < 4:
                continue  # a scare quote ("so-called 'peace'"), not a statement
            quote = {"id": "", "speaker": speaker, "source": _span_or_none(source), "cue": _span_or_none(cue),
                     "content": {"start": start, "end": end, "text": doc.text[start:end]}, "direct": True,
                     "_source": source, "_cue": cue, "_end": match.end()}  # fmt: skip
            quotes.append(quote)
            previous = quote
        for quote in quotes:
            del quote["_source"], quote["_cue"], quote["_end"]
        return quotes

    def _cue_near(self, doc: Doc, content: Span) -> Token | None:
        """The reporting verb outside the quote, in the sentences the quote touches, nearest to it."""
        sents = {content[0].sent, content[-1].sent}
        if content.end < len(doc):
            sents.add(doc[content.end].sent)
        candidates = [  # in text order, so that a tie in distance goes the same way on every run
            t for s in sorted(sents, key=lambda s: s.start) for t in s
            if t.lemma_ in self.verbs and t.pos_ == "VERB" and not (content.start <= t.i < content.end)
        ]  # fmt: skip
        if not candidates:
            return None
        return min(candidates, key=lambda t: min(abs(t.i - content.start), abs(t.i - content.end)))

    @staticmethod
    def _trailing_source(cue: Token) -> Span | None:
        """The words between the last comma of the sentence and a closing reporting word."""
        sent = cue.sent
        comma = next((t for t in reversed(sent[: cue.i - sent.start]) if t.text == ","), None)
        if comma is None or comma.i == sent.start or cue.i - comma.i > 8 or cue.i - comma.i < 2:
            return None
        return cue.doc[comma.i + 1 : cue.i]

    def _indirect(self, doc: Doc, actors: dict[int, str]) -> list[dict]:
        quotes = []
        for token in doc:
            clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
            if token.lemma_ in self.verbs and token.pos_ == "VERB" and clause is not None and _subject(token) is not None:
                quotes.append(_record(_subject(token), token, _clause_span(clause), actors))
            elif token.lemma_ in self.verbs and token.i == _last_word(token.sent).i and token.i > token.sent.start:
                trailing = self._trailing_source(token)  # "..., the Yomiuri reports." (often parsed as a noun)
                if trailing is not None:
                    quotes.append(_record(trailing, token, _trim(token.doc[token.sent.start : trailing.start]), actors))
            elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                obj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                phrase_end = obj.right_edge.i + 1
                sent = token.sent
                before, after = doc[sent.start : token.i], doc[phrase_end : sent.end]
                content = max((before, after), key=len)
                content = _trim(content)
                if len(content) == 0:
                    continue
                cue = doc[token.i : token.i + 2]
                quotes.append(_record(doc[obj.left_edge.i : phrase_end], cue, content, actors))
        return quotes


def _last_word(sent: Span) -> Token:
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    return words[-1] if words else sent[-1]


def _subject(verb: Token) -> Span | None:
    """The subject words of a reporting verb, without a trailing relative clause."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subj is None:
        return None
    end = subj.i + 1
    for child in subj.rights:
        if child.dep_ in ("appos", "compound", "flat") or child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
    return verb.doc[subj.left_edge.i : end]


def _actor_of(span: Span, actors: dict[int, str]) -> str | None:
    root = span.root
    if root.i in actors:
        return actors[root.i]
    return next((actors[t.i] for t in span if t.i in actors), None)


def _clause_span(clause: Token) -> Span:
    doc = clause.doc
    tokens = [t for t in clause.subtree]
    start, end = tokens[0].i, tokens[-1].i + 1
    if doc[start].lower_ == "that" and doc[start].dep_ == "mark":
        start += 1
    return _trim(doc[start:end])


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end]


def _record(source: Span, cue, content: Span, actors: dict[int, str]) -> dict:
    return {"id": "", "speaker": _actor_of(source, actors), "source": span_record(source), "cue": span_record(cue),
            "content": span_record(content), "direct": False}  # fmt: skip


def _span_or_none(span) -> dict | None:
    return span_record(span) if span is not None else None


def _adjacent(doc: Doc, previous: dict, start: int) -> bool:
    """Only blank space, a comma or a new paragraph lies between the last quote and this one, or only
    the last quote's own attribution (\"A,\" she said. \"B.\")."""
    gap = doc.text[previous["_end"] : start - 1]
    if re.fullmatch(r"[\s,.]*", gap):
        return True
    cue = previous["_cue"]
    return cue is not None and previous["_end"] <= cue.idx < start and len(gap) < 120 and not re.search(r"[\"“”\n]", gap)


@Language.factory(
    "eventwire_quotes",
    assigns=["doc._.quotes"],
    requires=["doc._.actors", "token.dep", "token.lemma"],
    default_config={"lexicon_dir": None},
)
def make_quotes(nlp: Language, name: str, lexicon_dir: str | None) -> QuoteFinder:
    return QuoteFinder(lexicon_dir)
