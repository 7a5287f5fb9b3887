"""Entity mentions, coreference links and time expressions on MEANTIME (English Wikinews, intra-document annotation).

Data: ``<root>/meantime/intra-doc_annotation/corpus_*/*.xml`` (CAT XML, one article a file; documents
whose ``lang`` is not ``en`` are skipped). Each file lists the tokens (``t_id``, ``sentence``), the
markables (``ENTITY_MENTION`` spans of ``token_anchor``s, ``ENTITY`` instances with ``ent_type``
PER/ORG/LOC/PRO/FIN/MIX) and the relations; ``REFERS_TO`` links mentions to the entity they refer
to, which gives both each mention's type and the coreference chains. ``TIMEX3`` markables carry a
TimeML ``type`` and ``value``; the one whose ``functionInDocument`` is ``CREATION_TIME`` is the date
line.

Text. The article is rebuilt from its tokens: sentence 0 (the headline) and sentence 1 when it is a
date line each make a paragraph of their own, the other sentences one paragraph; tokens are joined
with single spaces except before closing punctuation and clitics (``,`` ``.`` ``)`` ``'s`` ``n't``...)
and after opening brackets, quotes and currency signs; PTB quotes (`````, ``''``) become ``"``. Each
token's character offsets are recorded while building, so gold spans index the rebuilt text; they are
mapped into the record's normalized text with ``aligned``. The creation-time TIMEX3 (or else the date
line) gives ``published``.

Annotated region. MEANTIME annotates only the headline and the first sentences of each article (the
first five sentences in the corpus), while eventwire reads the whole article. Recall counts gold
mentions only; precision counts only predicted mentions that start before the end of the last
sentence holding any markable.

Matching. Predicted mentions are all actor mentions (pronouns included) and all place mentions. A
gold mention is found when a predicted mention overlaps (by at least one character) its head tokens.
The head is the annotated ``head`` attribute (a string) located in the mention: the first run of the
mention's tokens whose concatenation, ignoring spaces and case, equals it; when no head is marked or
it cannot be located, every token of the mention counts as head. When several predicted mentions
overlap the head, the match (which decides the actor or place the gold mention was put in) is the
one covering the mention's core token (the last head token; without a marked head, the last token
before a post-modifier such as "of", "(", ",", "who", else the last token: "Nesbit" in "JSA Research
analyst Paul Nesbit"), then the one sharing most characters with the head, then with the whole
mention, then the earliest.

Figures (prefix ``meantime.``):

* ``mention_recall.person|organization|location``: gold mentions of PER/ORG/LOC entities found.
* ``mention_recall.pronoun``: the subset of those that are personal pronouns ("he", "its", "we").
* ``mention_precision``: predicted mentions in the annotated region that overlap any gold entity
  mention of any type (approximate: MEANTIME leaves some entity mentions unmarked, and unlinked
  mentions count as gold here too).
* ``coref_link_accuracy``: gold links (a PER/ORG/LOC mention and the nearest earlier mention of the
  same entity that ends before it starts; nested mentions such as "EADS" in "Airbus parent EADS"
  make no link) where both ends are found, that land in the same actor or place.
* ``coref_link_recall``: the same over all gold links (an end not found counts as wrong).

Time expressions (prefix ``meantime.times.``). Gold: the TIMEX3s that span tokens, except the creation
time, and except any lying within the date line (two articles mark their date line as an ordinary
TIMEX3 and have no creation time); TIMEX3s without tokens (implicit times such as a period's end) are
left out. Predicted: ``Article.times`` starting in the annotated region (as for mention precision),
except those overlapping the creation time or date line, which are neither credited nor charged.
Each gold expression is paired with at most one prediction and each prediction with at most one gold
expression: in text order, a gold expression takes the unpaired prediction overlapping it by most
characters (then the one with the same span, then the earliest). Types and values are compared as
exact strings.

* ``times.strict_f1``: F1 of predictions with exactly a gold expression's span.
* ``times.relaxed_f1``: F1 of the pairs (span overlap).
* ``times.value_f1`` / ``times.type_f1``: TempEval-3 attribute F1: pairs whose value (type) equals the
  gold one, over predictions for precision and over gold expressions for recall.
* ``times.value_accuracy``: the share of pairs with the gold value (its count is the pairs).

The F1 figures count gold expressions.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..settings import Settings
from . import Figure, aligned, extract_texts, f1, ratio, require

DATA = Path("meantime") / "intra-doc_annotation"
TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}
PRONOUNS = frozenset(
    "he him his himself she her hers herself it its itself they them their theirs themselves "
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves".split()
)

# Spacing rules for rebuilding text from tokens.
NO_SPACE_BEFORE = frozenset(", . ; : ? ! % ) ] } ... 's 'S n't 're 've 'll 'd 'm ’s".split())
NO_SPACE_AFTER = frozenset("( [ { # £ € ¥".split())
CLITIC_TAILS = frozenset("s re ll m d ve t".split())
QUOTES = {"``": "open", "''": "close", '"': "toggle", "“": "open", "”": "close"}
CORE_STOP = frozenset("of ( , who which that in at for from on with and or --".split())
DATE_LINE = re.compile(r"^[A-Z][a-z]+ \d{1,2} , \d{4}$")


@dataclass
class Token:
    tid: str
    sentence: int
    text: str
    start: int = 0
    end: int = 0


@dataclass
class Mention:
    mid: str
    tokens: list[int]  # indexes into GoldDoc.tokens, in text order
    head: list[int]
    head_marked: bool  # the annotated head was found in the mention
    core: int  # one head token: the last of the marked head, else a guess (see ``_core``)
    syntactic_type: str
    entities: list[str] = field(default_factory=list)  # ENTITY m_ids it refers to
    kind: str | None = None  # person / organization / location / other / None (not linked)
    start: int = 0  # char offsets in the rebuilt text
    end: int = 0
    text: str = ""

    @property
    def pronoun(self) -> bool:
        return self.kind in TYPES.values() and self.text.lower() in PRONOUNS


@dataclass
class GoldTime:
    mid: str
    tokens: list[int]  # indexes into GoldDoc.tokens, in text order
    type: str  # DATE, TIME, DURATION, SET
    value: str
    start: int = 0  # char offsets in the rebuilt text
    end: int = 0
    text: str = ""


@dataclass
class GoldDoc:
    name: str
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    chains: dict[str, list[Mention]]  # entity m_id -> its mentions in text order (PER/ORG/LOC only)
    published: str | None
    annotated_end: int  # char offset where the annotated region ends
    times: list[GoldTime] = field(default_factory=list)  # TIMEX3s with tokens, creation time excluded
    creation: tuple[int, int] | None = None  # char span of the creation time (or the date line)


# -- reading --------------------------------------------------------------------------------------


def documents(root: Path, limit: int | None = None) -> list[GoldDoc]:
    """The English gold documents under ``root`` (the benchmarks folder), in file-name order."""
    folder = require(root / DATA)
    docs = []
    for path in sorted(folder.glob("*/*.xml")) + sorted(folder.glob("*.xml")):
        if limit is not None and len(docs) >= limit:
            break
        doc = read_document(path)
        if doc is not None:
            docs.append(doc)
    return docs


def read_document(path: Path) -> GoldDoc | None:
    """One annotated article, or None when it is not English."""
    xml = ET.parse(path).getroot()
    if (xml.get("lang") or "en").lower() != "en":
        return None
    tokens = [Token(t.get("t_id"), int(t.get("sentence")), t.text or "") for t in xml.iter("token")]
    text = build_text(tokens)
    index = {t.tid: i for i, t in enumerate(tokens)}

    markables = xml.find("Markables")
    markables = list(markables) if markables is not None else []
    last_sentence = max((tokens[index[a.get("t_id")]].sentence for m in markables for a in m.iter("token_anchor")
                         if a.get("t_id") in index), default=max((t.sentence for t in tokens), default=0))  # fmt: skip
    annotated_end = max((t.end for t in tokens if t.sentence <= last_sentence), default=0)

    mentions: dict[str, Mention] = {}
    for m in markables:
        if m.tag != "ENTITY_MENTION":
            continue
        ids = sorted({index[a.get("t_id")] for a in m.iter("token_anchor") if a.get("t_id") in index})
        if not ids:
            continue
        head = _head(tokens, ids, m.get("head") or "")
        mention = Mention(m.get("m_id"), ids, head or ids, bool(head), head[-1] if head else _core(tokens, ids),
                          m.get("syntactic_type") or "")  # fmt: skip
        mention.start, mention.end = tokens[ids[0]].start, tokens[ids[-1]].end
        mention.text = text[mention.start : mention.end]
        mentions[mention.mid] = mention
    entity_types = {e.get("m_id"): e.get("ent_type") or "" for e in markables if e.tag == "ENTITY"}

    chains: dict[str, list[Mention]] = {}
    for relation in xml.iter("REFERS_TO"):
        target = relation.find("target")
        entity = target.get("m_id") if target is not None else None
        if entity not in entity_types:
            continue  # an event coreference chain
        for source in relation.findall("source"):
            mention = mentions.get(source.get("m_id"))
            if mention is None:
                continue
            mention.entities.append(entity)
            if mention.kind is None:
                mention.kind = TYPES.get(entity_types[entity], "other")
            if entity_types[entity] in TYPES:
                chains.setdefault(entity, []).append(mention)
    for chain in chains.values():
        chain.sort(key=lambda m: (m.start, -m.end))
    ordered = sorted(mentions.values(), key=lambda m: (m.start, -m.end))
    times, creation = _times(markables, tokens, index, text)
    return GoldDoc(xml.get("doc_name") or path.stem, text, tokens, ordered, chains, _published(xml, tokens), annotated_end,
                   times, creation)  # fmt: skip


def build_text(tokens: list[Token]) -> str:
    """Readable article text from tokens; sets each token's ``start`` and ``end``."""
    parts: list[str] = []
    length = 0
    previous: Token | None = None
    open_double = False
    open_single = False
    glue_next = False
    for n, token in enumerate(tokens):
        raw = token.text
        role = QUOTES.get(raw)
        if role == "toggle":
            role = "close" if open_double else "open"
        if role:
            open_double = role == "open"
            surface = '"'
        else:
            surface = raw
        if previous is None:
            separator = ""
        elif token.sentence != previous.sentence and _paragraph_break(tokens, previous.sentence):
            separator = "\n\n"
        elif glue_next or role == "close" or raw in NO_SPACE_BEFORE:
            separator = ""
        elif raw in CLITIC_TAILS and previous.text.endswith("'"):  # "I' ll" -> "I'll"
            separator = ""
        elif raw == "'":  # a closing single quote, a plural possessive ("the companies' plans"), "we' re"
            following = tokens[n + 1].text if n + 1 < len(tokens) else ""
            separator = "" if open_single or previous.text.lower().endswith("s") or following in CLITIC_TAILS else " "
        else:
            separator = " "
        if raw == "`":
            open_single, surface = True, "'"
        elif raw == "'" and open_single:
            open_single = False
        name_apostrophe = len(raw) == 2 and raw[0].isalpha() and raw[1] == "'"  # "O' Leary" -> "O'Leary"
        glue_next = role == "open" or raw in NO_SPACE_AFTER or raw.endswith("$") or raw == "`" or name_apostrophe
        parts.append(separator)
        length += len(separator)
        token.start, token.end = length, length + len(surface)
        parts.append(surface)
        length += len(surface)
        previous = token
    return "".join(parts)


def _paragraph_break(tokens: list[Token], sentence: int) -> bool:
    """The headline and a date line right after it stand alone; the body is one paragraph."""
    if sentence == 0:
        return True
    if sentence == 1:
        words = " ".join(t.text for t in tokens if t.sentence == 1)
        return bool(DATE_LINE.match(words))
    return False


def _head(tokens: list[Token], ids: list[int], head: str) -> list[int]:
    """The mention's tokens that spell the annotated head (first occurrence), or [] if none match."""
    wanted = "".join(head.split()).lower()
    if not wanted:
        return []
    for i in range(len(ids)):
        spelled = ""
        for j in range(i, len(ids)):
            spelled += tokens[ids[j]].text.lower()
            if spelled == wanted:
                return ids[i : j + 1]
            if not wanted.startswith(spelled):
                break
    return []


def _core(tokens: list[Token], ids: list[int]) -> int:
    """A guessed head token: the last token before a post-modifier ("of ...", "(...)", ", who ..."), or the last."""
    for n, i in enumerate(ids):
        if n and tokens[i].text.lower() in CORE_STOP:
            return ids[n - 1]
    return ids[-1]


def _times(markables: list[ET.Element], tokens: list[Token], index: dict[str, int],
           text: str) -> tuple[list[GoldTime], tuple[int, int] | None]:  # fmt: skip
    """The gold time expressions and the creation time's span (else the date line's, else None)."""
    creation = None
    found = []
    for m in markables:
        if m.tag != "TIMEX3":
            continue
        ids = sorted({index[a.get("t_id")] for a in m.iter("token_anchor") if a.get("t_id") in index})
        if not ids:
            continue  # an implicit time, not in the text
        span = (tokens[ids[0]].start, tokens[ids[-1]].end)
        if m.get("functionInDocument") == "CREATION_TIME":
            creation = creation or span
            continue
        found.append(GoldTime(m.get("m_id") or "", ids, m.get("type") or "", (m.get("value") or "").strip(), *span,
                              text[span[0] : span[1]]))  # fmt: skip
    if creation is None and _paragraph_break(tokens, 1) and any(t.sentence == 1 for t in tokens):
        line = [t for t in tokens if t.sentence == 1]
        creation = (line[0].start, line[-1].end)
    if creation is not None:
        found = [t for t in found if not (creation[0] <= t.start and t.end <= creation[1])]
    return sorted(found, key=lambda t: (t.start, -t.end)), creation


def _published(xml: ET.Element, tokens: list[Token]) -> str | None:
    for timex in xml.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex.get("value") or ""):
            return timex.get("value")
    line = " ".join(t.text for t in tokens if t.sentence == 1)
    try:
        return datetime.strptime(line.replace(" , ", ", "), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


# -- scoring --------------------------------------------------------------------------------------


@dataclass
class Predicted:
    start: int  # char offsets in the record's text
    end: int
    text: str
    cluster: str  # actor or place id


@dataclass
class Tally:
    found: Counter = field(default_factory=Counter)  # kind -> gold mentions found
    total: Counter = field(default_factory=Counter)
    documents: int = 0
    predicted: int = 0
    predicted_right: int = 0
    links_matched: int = 0
    links_same: int = 0
    links: int = 0
    # for error analysis: (document, mention) misses and (document, mention, antecedent, ...) link errors
    missed: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    wrong_links: list = field(default_factory=list)
    # time expressions
    times_gold: int = 0
    times_predicted: int = 0  # in the annotated region, off the creation time
    times_strict: int = 0  # predictions with a gold expression's exact span
    times_paired: int = 0
    times_value: int = 0  # pairs with the gold value
    times_type: int = 0
    # for error analysis: (document, GoldTime), (document, predicted Time), (document, GoldTime, predicted Time)
    times_missed: list = field(default_factory=list)
    times_spurious: list = field(default_factory=list)
    times_wrong: list = field(default_factory=list)  # paired, value or type differs


def predicted_mentions(article) -> list[Predicted]:
    """Every actor and place mention of a record."""
    found = [Predicted(m.start, m.end, m.text, a.id) for a in article.actors for m in a.mentions]
    found += [Predicted(m.start, m.end, m.text, p.id) for p in article.places for m in p.mentions]
    return sorted(found, key=lambda p: (p.start, p.end))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(gold: GoldDoc, article, tally: Tally) -> None:
    """Add one document's comparison to ``tally``."""
    mapping = aligned(gold.text, article.text)
    spans = [(mapping[t.start], mapping[t.end]) for t in gold.tokens]
    predicted = predicted_mentions(article)

    match: dict[str, Predicted | None] = {}
    for mention in gold.mentions:
        heads = [spans[i] for i in mention.head]
        core = spans[mention.core]
        whole = (spans[mention.tokens[0]][0], spans[mention.tokens[-1]][1])
        best, key = None, None
        for p in predicted:
            on_head = sum(_overlap((p.start, p.end), h) for h in heads)
            if on_head:
                candidate = (_overlap((p.start, p.end), core) > 0, on_head, _overlap((p.start, p.end), whole), -p.start)
                if key is None or candidate > key:
                    best, key = p, candidate
        match[mention.mid] = best
        if mention.kind in TYPES.values():
            kinds = [mention.kind] + (["pronoun"] if mention.pronoun else [])
            for kind in kinds:
                tally.total[kind] += 1
                tally.found[kind] += best is not None
            if best is None:
                tally.missed.append((gold, mention))

    end = mapping[gold.annotated_end]
    gold_spans = [(spans[m.tokens[0]][0], spans[m.tokens[-1]][1]) for m in gold.mentions]
    for p in predicted:
        if p.start >= end:
            continue
        tally.predicted += 1
        if any(_overlap((p.start, p.end), g) for g in gold_spans):
            tally.predicted_right += 1
        else:
            tally.spurious.append((gold, p))

    for chain in gold.chains.values():
        for n, mention in enumerate(chain):
            antecedent = next((a for a in reversed(chain[:n]) if a.end <= mention.start), None)
            if antecedent is None:
                continue
            tally.links += 1
            ours, theirs = match[mention.mid], match[antecedent.mid]
            if ours is None or theirs is None:
                tally.wrong_links.append((gold, mention, antecedent, ours, theirs))
                continue
            tally.links_matched += 1
            if ours.cluster == theirs.cluster:
                tally.links_same += 1
            else:
                tally.wrong_links.append((gold, mention, antecedent, ours, theirs))

    score_times(gold, article, tally, mapping)


def score_times(gold: GoldDoc, article, tally: Tally, mapping: list[int]) -> None:
    """Add one document's time expressions to ``tally`` (``mapping`` from ``aligned``)."""
    end = mapping[gold.annotated_end]
    creation = (mapping[gold.creation[0]], mapping[gold.creation[1]]) if gold.creation else None
    predicted = sorted(
        (t for t in article.times if t.start < end and not (creation and _overlap((t.start, t.end), creation))),
        key=lambda t: (t.start, t.end),
    )
    tally.times_predicted += len(predicted)
    tally.times_gold += len(gold.times)
    paired: set[int] = set()
    for timex in gold.times:
        span = (mapping[timex.start], mapping[timex.end])
        tally.times_strict += any((p.start, p.end) == span for p in predicted)
        best, key = None, None
        for n, p in enumerate(predicted):
            shared = _overlap((p.start, p.end), span)
            if n in paired or not shared:
                continue
            candidate = (shared, (p.start, p.end) == span, -p.start)
            if key is None or candidate > key:
                best, key = n, candidate
        if best is None:
            tally.times_missed.append((gold, timex))
            continue
        paired.add(best)
        ours = predicted[best]
        tally.times_paired += 1
        tally.times_value += ours.value == timex.value
        tally.times_type += ours.type == timex.type
        if ours.value != timex.value or ours.type != timex.type:
            tally.times_wrong.append((gold, timex, ours))
    tally.times_spurious += [(gold, p) for n, p in enumerate(predicted) if n not in paired]


def figures(tally: Tally, documents: int) -> list[Figure]:
    note = f"{documents} English MEANTIME documents"
    out = [
        Figure(f"meantime.mention_recall.{kind}", ratio(tally.found[kind], tally.total[kind]), tally.total[kind],
               f"{note}; a gold mention is found when a predicted mention overlaps its head")  # fmt: skip
        for kind in ("person", "organization", "location", "pronoun")
    ]
    out.append(Figure("meantime.mention_precision", ratio(tally.predicted_right, tally.predicted), tally.predicted,
                      f"{note}; approximate: predicted mentions in the annotated sentences overlapping any gold "
                      "entity mention, and MEANTIME leaves some entities unmarked"))  # fmt: skip
    out.append(Figure("meantime.coref_link_accuracy", ratio(tally.links_same, tally.links_matched), tally.links_matched,
                      f"{note}; links to the nearest earlier mention of the same PER/ORG/LOC entity, both ends found"))  # fmt: skip
    out.append(Figure("meantime.coref_link_recall", ratio(tally.links_same, tally.links), tally.links,
                      f"{note}; all gold links, an end not found counts as wrong"))  # fmt: skip

    scored = (tally.times_predicted, tally.times_gold)
    where = (f"{note}; gold TIMEX3s but the creation time; only predictions in the annotated sentences "
             f"(MEANTIME annotates the first few), off the date line, are scored ({tally.times_predicted}); "
             "one-to-one pairs")  # fmt: skip
    out += [
        Figure("meantime.times.strict_f1", f1(tally.times_strict, *scored), tally.times_gold, f"{where}; exact span"),
        Figure("meantime.times.relaxed_f1", f1(tally.times_paired, *scored), tally.times_gold, f"{where}; spans overlap"),
        Figure("meantime.times.value_f1", f1(tally.times_value, *scored), tally.times_gold,
               f"{where}; TempEval-3 attribute F1: overlapping pairs with the gold TIMEX3 value"),
        Figure("meantime.times.type_f1", f1(tally.times_type, *scored), tally.times_gold,
               f"{where}; TempEval-3 attribute F1: overlapping pairs with the gold TIMEX3 type"),
        Figure("meantime.times.value_accuracy", ratio(tally.times_value, tally.times_paired), tally.times_paired,
               f"{where}; the gold value among overlapping pairs (counted over the pairs)"),
    ]  # fmt: skip
    return out


def evaluate(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> Tally:
    """The full comparison, with the misses and link errors kept for error analysis."""
    docs = documents(root, limit)
    tally = Tally()
    articles = extract_texts([d.text for d in docs], settings, workers, published=[d.published for d in docs])
    for gold, article in zip(docs, articles, strict=True):
        score(gold, article, tally)
    tally.documents = len(docs)
    return tally


def run(root: Path, settings: Settings = Settings(), limit: int | None = None, workers: int = 1) -> list[Figure]:
    """MEANTIME figures; raises DataMissing when ``root/meantime/intra-doc_annotation`` is absent."""
    tally = evaluate(root, settings, limit, workers)
    return figures(tally, tally.documents)
