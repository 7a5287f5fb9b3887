"""Time stage: DATE and TIME entities normalized to TIMEX3 values against ``doc._.published``.

The tense of the clause decides between the last and the next "Monday"; "the next day" is
anchored to the last full date mentioned before it, not to publication.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import guarded
from .timex import WEEKDAYS, Context, is_holiday, normalize, parse_anchor

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
COMPARISON = re.compile(r"\b(?:ago|earlier)\b", re.IGNORECASE)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
DASHES = frozenset({"-", "–", "—", "--"})
UNIT_WORDS = frozenset({"year", "month", "week", "quarter", "weekend", "spring", "summer", "autumn", "fall", "winter"})
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
RANGE_WORDS = frozenset({"to", "through", "until", "till", "and", "ended", "ending", "from", "of", "-", "–"})
UNTAGGED = re.compile(r"\b(?:every|each) (?:day|week|month|year|quarter)\b|\b(?:[Ee]arlier|[Ll]ater) in the (?:week|month|year)\b|\b[Tt]he (?:latest|most recent) (?:period|quarter)\b")
# Nouns a number names an instance of ("Resolution 1559", "Flight 1549", "Article 2010").
NUMBERED = frozenset("resolution article section flight route number no. chapter paragraph rule bill act highway "
                     "interstate room unit model version line code page amendment decree order directive".split())
# Words that refer to a time vaguely; the model leaves them untagged.
VAGUE_WORDS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
               "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF", "future": "FUTURE_REF", "past": "PAST_REF",
               "daily": "P1D", "weekly": "P1W", "monthly": "P1M"}
REPORT_LEMMAS = frozenset({"say", "report", "tell", "add", "write", "state", "quote", "cite"})
FUTURE_LEMMAS = frozenset({"plan", "schedule", "set", "expect", "due", "intend", "aim", "prepare"})


def tense(span: Span) -> str | None:
    """'future', 'past' or None for the clause governing ``span``."""
    verb = _governing_verb(span)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "ccomp", "conj") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    for token in chain:
        if any(c.lower_ in FUTURE_AUX and c.dep_ == "aux" for c in token.children):
            return "future"
        if token.lemma_ in FUTURE_LEMMAS and token.i != verb.i:
            return "future"
        if token.lemma_ in FUTURE_LEMMAS and any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in token.children):
            return "future"  # "Friday, Carter is scheduled to meet", "talks are scheduled for Monday": the Friday to come
        if token.lower_ in ("going",) and any(c.dep_ == "xcomp" for c in token.children):
            return "future"
        if any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in token.children) and token.tag_ == "VBG":
            return "future"  # "is meeting on Friday": the progressive of a dated event is planned
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    return None


class TimeFinder:
    """Fills ``doc._.times``."""

    @guarded("times", "times")
    def __call__(self, doc: Doc) -> Doc:
        anchor = parse_anchor(doc._.published)
        previous = anchor
        quarter = None  # the quarter the last expression named: company results compare against it
        times = []
        for ent in _candidates(doc):
            if ent.end < len(doc) and doc[ent.end].lower_ in PARTS_OF_DAY:  # "Friday" + "morning"
                ent = doc[ent.start : ent.end + 1]
            if ent.start > 0 and doc[ent.start - 1].lower_ in ("this", "last", "next") and ent[0].lower_ in UNIT_WORDS:
                ent = doc[ent.start - 1 : ent.end]  # "this year's": the model may tag only "year"
            if ent.end < len(doc) and doc[ent.end].lower_ in ("period", "quarter") and ent.text.lower().endswith(("year-ago", "year-earlier")):
                ent = doc[ent.start : ent.end + 1]  # "the year-ago" + "period"
            if _is_label_number(ent):
                continue
            if len(ent) == 2 and ent[0].lower_ in WEEKDAYS and ent[1].tag_ == "NNS" and ent[1].lower_ not in PARTS_OF_DAY:
                ent = ent[:1]  # "On Friday thousands of Somalis marched": the model ran the day into the next word
            for piece in _lines(ent):  # "2010\n\nJune 8, 2010": a headline year and a dateline
                timex = normalize(piece.text, Context(anchor, tense(piece), previous, quarter))
                parts = [(piece, timex)] if timex is not None else [
                    (part, normalize(part.text, Context(anchor, tense(part), previous, quarter))) for part in _range_parts(piece)]
                for part, timex in parts:
                    if timex is None:
                        continue
                    if FULL_DATE.match(timex.value) and not _is_deictic(part.text) and not _is_report_time(part):
                        previous = parse_anchor(timex.value)
                    if not COMPARISON.search(part.text):  # "from $4 million a year earlier" keeps the quarter told about
                        quarter = timex.value if QUARTER.match(timex.value) else None
                    times.append({"id": "", "start": part.start_char, "end": part.end_char,
                                  "text": part.text, "type": timex.type, "value": timex.value})  # fmt: skip
        times += _vague_words(doc, times)
        times.sort(key=lambda t: t["start"])
        for n, time in enumerate(times, 1):
            time["id"] = f"t{n}"
        doc._.times = times
        return doc


def _is_label_number(span: Span) -> bool:
    """ "Resolution 1559", "Flight 1549": a number naming a thing, not a year."""
    return len(span) == 1 and span[0].is_digit and span.start > 0 and span.doc[span.start - 1].lower_ in NUMBERED


def _candidates(doc: Doc) -> list[Span]:
    """The spans to normalize, in text order: DATE and TIME entities, holidays the model tagged as events, and
    expressions the model leaves untagged ("every day", "the latest period")."""
    spans = [e for e in doc.ents if e.label_ in ("DATE", "TIME") or e.label_ == "EVENT" and is_holiday(e.text)]
    tagged = [(e.start_char, e.end_char) for e in doc.ents]
    for match in UNTAGGED.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and not any(s < match.end() and match.start() < e for s, e in tagged):
            spans.append(span)
    return sorted(spans, key=lambda s: s.start)


def _range_parts(span: Span) -> list[Span]:
    """ "Sept. 14 to Thursday", "the quarter ended Sept. 30", "the first nine months of 1997": the expressions
    either side of a joining word, for a span the normalizer cannot read whole."""
    cuts = [t.i for t in span if t.lower_ in RANGE_WORDS]
    parts = _cut(span, cuts) if cuts else []
    return [part[1:] if len(part) > 1 and part[0].pos_ == "ADP" else part for part in parts]  # "between 2019"


def _vague_words(doc: Doc, found: list[dict]) -> list[dict]:
    """ "now", "recently", "currently", "the future", "daily": references the model does not tag as dates."""
    taken = [(t["start"], t["end"]) for t in found]
    vague = []
    for token in doc:
        value = VAGUE_WORDS.get(token.lower_)
        if value is None or token.ent_type_ or any(s <= token.idx < e for s, e in taken):
            continue
        if token.lower_ in ("future", "past"):
            if token.pos_ != "NOUN" or token.i == 0 or doc[token.i - 1].lower_ != "the":
                continue
            span = doc[token.i - 1 : token.i + 1]
        elif token.pos_ not in ("ADV", "ADJ"):
            continue
        else:
            span = doc[token.i : token.i + 1]
        kind = "SET" if value[:2] in ("P1",) else "DATE"  # "daily" is a set; "PAST_REF" a date
        vague.append({"id": "", "start": span.start_char, "end": span.end_char, "text": span.text, "type": kind, "value": value})
    return vague


def _lines(ent: Span) -> list[Span]:
    """The parts of an entity on separate lines or either side of a spaced dash ("2010\n\nJune 8, 2010 -
    Envoys": the model sometimes runs one across a headline and a dateline)."""
    breaks = [t.i for t in ent if "\n" in t.text or (t.text in DASHES and t.whitespace_)]
    return _cut(ent, breaks) if breaks else [ent]


def _cut(span: Span, cuts: list[int]) -> list[Span]:
    """The non-empty pieces of ``span`` between the tokens at ``cuts``, which are dropped."""
    pieces, start = [], span.start
    for cut in [*cuts, span.end]:
        if cut > start:
            pieces.append(span.doc[start:cut])
        start = cut + 1
    return pieces


def _is_report_time(span: Span) -> bool:
    """ "the newspaper reported on Wednesday": when the story was told, not a point in the story that "the
    next day" could count from."""
    return _governing_verb(span).lemma_ in REPORT_LEMMAS


def _governing_verb(span: Span) -> Token:
    """The verb ``span`` hangs from (the sentence's root when there is none above it)."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _is_deictic(text: str) -> bool:
    """'today' and 'yesterday' resolve against publication; they do not become the chain's anchor."""
    return text.lower().strip() in ("today", "tonight", "now")


@Language.factory("eventwire_times", assigns=["doc._.times"], requires=["doc.ents", "doc._.published"])
def make_times(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder()
