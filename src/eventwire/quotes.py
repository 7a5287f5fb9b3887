"""Quote stage: who said, claimed, believed or showed what, in direct quotes and reported speech.

Direct quotes are the text between quotation marks (straight, curly or the doubled apostrophes some
papers print), attributed through the reporting verb nearest to them in the sentences they touch
("...," he said); a quote going on after its attribution ("A," she said, "B.") or over the next
paragraphs is one quote, and a quote with no cue of its own goes on from the speaker just before.
Reported content is read from the parse, driven by the cue lexicon (``cues.tsv``, docs/lexicons.md):

* a cue verb and its complements: "Tokyo said that ...", "..., the spokesman said", "X, officials
  said, will ...", "she wants to ...", "the poll shows ...", "he called for ...", "was reported by X";
* a cue noun and its clause: "his claim that ...";
* a cue phrase and the source after it: "according to X"; a poll or report opening a sentence;
* a headline or transcript line "Pence: ...".

Reported content holding a partial quote ("warned that China is "the biggest challenge"") is one
quote, not direct; what is reported within reported content ("the FT reported that Japan plans to
...") is left to the outer quote, so that it rests on the outer source. A speaker citing someone
else ("the FT, citing diplomatic sources, said") keeps the inner source in ``cited``. The speaker is
the actor the actor stage resolved for the source words, pronouns included, or the one person of the
article with a surname used alone.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import actor_index, add_actor, guarded, is_english, span_record
from .lexicons import load_table

QUOTE_PAIRS = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"|''([^\n]{2,}?)''|‘([^’\n]{8,}?)’(?!\w)")
SUBJECTS = ("nsubj", "nsubjpass")
RELATIVE = {"who", "that", "which", "whom"}
WH = {"what", "when", "where", "why", "how", "who", "which"}
# What is issued and then speaks ("The statement said"): its issuer speaks.
ISSUED = frozenset({"statement", "communique", "communiqué", "declaration", "letter", "announcement", "release", "resolution"})
# letters reported content must hold outside the quotation marks it contains to replace them
PARTIAL_EXTRA = 12
# characters after a quote within which a following quote with no cue of its own is the same speaker's
CARRY = 400
# "Poll: ...", "PENCE: ...": a short name opening a line, then a colon
LABEL = re.compile(r"^[ \t\"“]*((?:[A-Z][\w.'’&-]*[ \t]*){1,4}):[ \t]+(?=\S)", re.MULTILINE)


class QuoteFinder:
    """Fills ``doc._.quotes``."""

    def __init__(self, lexicon_dir: str | None):
        rows = load_table("cues", ("cue", "kind", "content"), lexicon_dir)
        # a later row replaces an earlier one of the same cue, among verbs (verb, stance) or within another kind
        rows = {(r["cue"].lower(), "verb" if r["kind"] in ("verb", "stance") else r["kind"]): r for r in rows}.values()
        # lemma -> what holds the content: "clause", "to", "object", or "prep:for" ("call for")
        self.verbs: dict[str, set[str]] = {}
        self.speech: set[str] = set()  # verbs of saying, the cues of direct quotes
        self.nouns: dict[str, set[str]] = {}  # noun -> "clause", "to" or "prep:of"
        self.phrases: list[tuple[str, ...]] = []
        self.via: set[str] = set()
        self.documents: set[str] = set()
        for row in rows:
            words = row["cue"].lower().split()
            if row["kind"] in ("verb", "stance"):
                content = set(row["content"].split()) or {"clause"}
                if len(words) > 1:
                    content = {f"prep:{words[1]}"} | (content & {"to"})
                self.verbs.setdefault(words[0], set()).update(content)
                if row["kind"] == "verb":
                    self.speech.add(words[0])
            elif row["kind"] == "noun":
                self.nouns[words[0]] = {w if w in ("clause", "to") else f"prep:{w}" for w in row["content"].split()} or {"clause"}
            elif row["kind"] == "phrase":
                self.phrases.append(tuple(words))
            elif row["kind"] == "via":
                self.via.add(words[0])
            elif row["kind"] == "document":
                self.documents.add(words[0])
        self.forms = {form: lemma for lemma in self.verbs for form in _forms(lemma)}

    @guarded("quotes", "quotes")
    def __call__(self, doc: Doc) -> Doc:
        if not is_english(doc):
            doc._.quotes = []
            return doc
        actors = _with_surnames(doc, actor_index(doc))
        direct = self._direct(doc, actors)
        reported = self._reported(doc, actors) + self._labelled(doc, actors)
        quotes = _combine(direct, reported)
        quotes.sort(key=lambda q: (q["content"]["start"], -q["content"]["end"]))
        _carry_speakers(quotes)
        _group_speakers(doc, quotes, self.documents)
        for n, quote in enumerate(quotes, 1):
            quote["id"] = f"q{n}"
        doc._.quotes = quotes
        return doc

    # -- direct quotes ------------------------------------------------------------------------

    def _direct(self, doc: Doc, actors: dict[int, str]) -> list[dict]:
        quotes: list[dict] = []
        previous = None
        for match in QUOTE_PAIRS.finditer(doc.text):
            group = next(g for g in (1, 2, 3, 4) if match.group(g) is not None)
            start, end = match.start(group), match.end(group)
            if doc.text[: match.start()].endswith("="):
                continue  # an attribute value in markup left in the text (<tweet id="...">)
            end = start + len(doc.text[start:end].rstrip(" ,"))
            content = doc.char_span(start, end, alignment_mode="expand")
            if content is None or len(content) == 0:
                continue
            cue = self._cue_near(doc, content)
            if previous is not None and (cue is None or cue == previous["_cue"]) and _adjacent(doc, previous, start):
                # the same statement goes on, split around its attribution ("A," she said, "B.") or over paragraphs
                previous["content"] = {"start": previous["content"]["start"], "end": end,
                                       "text": doc.text[previous["content"]["start"] : end]}  # fmt: skip
                previous["_end"] = match.end()
                continue
            source = self._speaker_words(cue) if cue is not None else None
            speaker = _actor_of(source, actors) if source is not None else None
            if cue is None and len(content) < 4:
                continue  # a scare quote ("so-called 'peace'"), not a statement
            quote = _record(source, cue, doc.text, start, end, speaker, direct=True)
            quote.update({"_cue": cue, "_end": match.end()})
            quotes.append(quote)
            previous = quote
        for quote in quotes:
            del quote["_cue"], quote["_end"]
        return quotes

    def _cue_near(self, doc: Doc, content: Span) -> Token | None:
        """The reporting verb outside the quote, in the sentences the quote touches, nearest to it."""
        sents = {content[0].sent, content[-1].sent}
        if content.end < len(doc) and not self._reports_own_clause(doc[content.end].sent):
            sents.add(doc[content.end].sent)  # '"A," she said.' but not '"A." She added that B.'
        candidates = [  # in text order, so that a tie in distance goes the same way on every run
            t for s in sorted(sents, key=lambda s: s.start) for t in s
            if self._is_cue(t) and self._lemma(t) in self.speech and not (content.start <= t.i < content.end)
        ]  # fmt: skip
        if not candidates:
            return None
        return min(candidates, key=lambda t: min(abs(t.i - content.start), abs(t.i - content.end)))

    def _reports_own_clause(self, sent: Span) -> bool:
        """A sentence whose cue has a clause of its own ("She added that ..."): not the attribution of
        a quote ending before it."""
        return any(self._is_cue(t) and any(c.dep_ == "ccomp" and c.i > t.i for c in t.children) for t in sent)

    # -- reported content ---------------------------------------------------------------------

    def _is_cue(self, token: Token) -> bool:
        return token.pos_ == "VERB" and self._lemma(token) is not None

    def _lemma(self, token: Token) -> str | None:
        """The cue lemma of a word: its lemma, or a lexicon verb it is a regular form of (the
        lemmatizer gives "hop" for "hoping")."""
        return token.lemma_ if token.lemma_ in self.verbs else self.forms.get(token.lower_)

    def _reported(self, doc: Doc, actors: dict[int, str]) -> list[dict]:
        quotes = []
        for token in doc:
            if self._is_cue(token) or self._lemma(token) in self.speech and token.i == _last_word(token.sent).i:
                quote = self._from_verb(token, actors)  # "..., the Yomiuri reports." (often parsed as a noun)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in self.nouns:
                quote = self._from_noun(token, actors)
            elif token.lower_ == "in" and token.dep_ == "prep":
                quote = self._from_document(token, actors)
            else:
                quote = self._from_phrase(token, actors)
            if quote is not None:
                quotes.append(quote)
        return quotes

    def _from_verb(self, verb: Token, actors: dict[int, str]) -> dict | None:
        if verb.lower_ in self.via and self._is_cue(verb.head):
            return None  # "citing diplomatic sources": part of the outer attribution (``cited``)
        if "subject" in self.verbs[self._lemma(verb)]:
            return self._unsourced(verb)
        if _passive(verb):
            return self._passive(verb, actors)
        source = self._speaker_words(verb)
        if source is not None:
            source = _paragraph_of(source, verb)
        if source is None or not any(t.is_alpha for t in source):
            return None
        content = self._complement(verb)
        if content is None and "clause" in self.verbs[self._lemma(verb)]:
            content = _around(verb, source)
        if content is not None:
            content = _paragraph_of(content, verb)
        if content is None or not any(t.is_alpha for t in content):
            return None
        quote = _record(source, verb, verb.doc.text, content.start_char, content.end_char, _actor_of(source, actors))
        cited = self._cited(verb)
        if cited is not None:
            quote["cited"] = span_record(cited)
        return quote

    def _passive(self, verb: Token, actors: dict[int, str]) -> dict | None:
        """ "The meeting was first reported by Politico", "Clinton is expected to win", "Asked whether
        ...": the source is the agent, if named; what is reported is the complement, with the subject
        when it is the subject's (to win), or else the subject."""
        doc = verb.doc
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        content = self._complement(verb)
        if content is not None and subject is not None and any(c.dep_ == "xcomp" for c in verb.children):
            content = _trim(doc[min(subject.left_edge.i, content.start) : content.end])
        elif content is None and subject is not None and agent is not None:
            content = _noun_phrase(subject)
        if content is None or not any(t.is_alpha for t in content):
            return None
        source = _noun_phrase(agent) if agent is not None else None
        speaker = _actor_of(source, actors) if source is not None else None
        return _record(source, verb, doc.text, content.start_char, content.end_char, speaker)

    @staticmethod
    def _unsourced(verb: Token) -> dict | None:
        """ "The plan seems to work": an impression no one is named for; the subject is part of it."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or verb.right_edge.i == verb.i:
            return None
        content = _trim(verb.doc[subject.left_edge.i : verb.right_edge.i + 1])
        if subject.lower_ in RELATIVE:  # "which seems to be ...": what the relative clause describes
            content = _trim(verb.doc[verb.head.left_edge.i : verb.right_edge.i + 1])
        return _record(None, verb, verb.doc.text, content.start_char, content.end_char, None)

    def _complement(self, verb: Token) -> Span | None:
        """The words a cue verb reports: its clause, infinitive, object or prepositional object, as
        the lexicon allows for the verb."""
        allowed = self.verbs[self._lemma(verb)]
        parts: list[Token] = []
        for child in verb.children:
            if child.dep_ == "ccomp" and "clause" in allowed:
                parts.append(child)
            elif child.dep_ == "advcl" and "clause" in allowed and child.i > verb.i and _asks(child):
                parts.append(child)  # "asked if he was ...": parsed as an adverbial clause
            elif child.i < verb.i:
                continue  # only a clause may come first ("X is Y, he said")
            elif child.dep_ == "xcomp" and "to" in allowed and child.pos_ in ("VERB", "AUX"):
                parts.append(child)
            elif child.dep_ in ("dobj", "oprd", "intj") and "object" in allowed:  # intj: "said no"
                parts.append(child)
            elif child.dep_ == "prep" and f"prep:{child.lower_}" in allowed:
                parts += [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        if not parts and "clause" in allowed:  # "said legalizing it could ...": a clause parsed as an infinitive
            parts = [c for c in verb.rights if c.dep_ == "xcomp"]
        if not parts:
            return None
        if any(p.dep_ == "xcomp" for p in parts):  # "urged Tokyo to ...": who is urged belongs to it
            parts += [c for c in verb.rights if c.dep_ == "dobj" and c.i < max(p.i for p in parts)]
        doc = verb.doc
        start = min(p.left_edge.i for p in parts)
        end = max(p.right_edge.i for p in parts) + 1
        if doc[start].lower_ == "that" and doc[start].dep_ == "mark":
            start += 1
        return _trim(doc[start:end])

    def _speaker_words(self, verb: Token) -> Span | None:
        """The words naming who speaks: the verb's subject, or the subject of the verb it hangs on
        ("..., saying ...", "said X and added ...", "wants to say"), or the noun a relative clause
        describes ("the spokesman, who said ...")."""
        for _ in range(3):
            subject = _subject(verb)
            if subject is not None:
                if subject.root.lower_ in RELATIVE and verb.dep_ == "relcl":
                    return _noun_phrase(verb.head)
                return subject
            if verb.dep_ == "conj" or verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
                verb = verb.head
            else:
                break
        if verb.dep_ in ("ROOT", "parataxis") and verb.i == _last_word(verb.sent).i:
            return self._trailing_source(verb)  # "..., the Yomiuri reports."
        return None

    @staticmethod
    def _trailing_source(cue: Token) -> Span | None:
        """The words between the last comma of the sentence and a closing reporting word."""
        sent = cue.sent
        comma = next((t for t in reversed(sent[: cue.i - sent.start]) if t.text == ","), None)
        if comma is None or comma.i == sent.start or cue.i - comma.i > 8 or cue.i - comma.i < 2:
            return None
        return cue.doc[comma.i + 1 : cue.i]

    def _cited(self, verb: Token) -> Span | None:
        """Whom the speaker cites: "the FT, citing diplomatic sources, said ..." gives "diplomatic sources"."""
        for child in verb.children:
            if child.lower_ in self.via and child.dep_ in ("advcl", "xcomp", "prep"):
                obj = next((g for g in child.children if g.dep_ in ("dobj", "pobj")), None)
                if obj is not None:
                    return _noun_phrase(obj)
        return None

    def _from_noun(self, noun: Token, actors: dict[int, str]) -> dict | None:
        """ "his claim that ...", "Clinton's support for the ban", "her decision to run": the noun's
        clause, infinitive or prepositional object, as the lexicon allows; said or held by its
        possessor, the one it is "by" or "from", or the subject of the verb it is the object of ("made
        the claim"), else by no one named."""
        allowed = self.nouns[noun.lemma_.lower()]
        part = None
        for child in noun.rights:
            that = any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
            infinitive = any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
            if child.dep_ in ("acl", "ccomp", "relcl") and (that and "clause" in allowed or infinitive and "to" in allowed):
                part = child
            elif child.dep_ == "prep" and f"prep:{child.lower_}" in allowed:
                part = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if part is not None:
                break
        if part is None:
            return None
        source = next((_noun_phrase(c) for c in noun.children if c.dep_ == "poss"), None)
        if source is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            obj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            source = _noun_phrase(obj) if obj is not None else None
        if source is None and noun.dep_ == "dobj":
            source = _subject(noun.head)
        if source is None and "clause" in allowed and part.dep_ != "pobj":
            return None  # "the claim that ..." with no one making it: the article's own words
        content = _clause_span(part)
        speaker = _actor_of(source, actors) if source is not None else None
        return _record(source, noun, noun.doc.text, content.start_char, content.end_char, speaker)

    def _from_phrase(self, token: Token, actors: dict[int, str]) -> dict | None:
        """ "according to X, ...": the source follows the phrase; the content is the rest of the sentence."""
        doc = token.doc
        phrase = next((p for p in self.phrases if [t.lower_ for t in doc[token.i : token.i + len(p)]] == list(p)), None)
        if phrase is None:
            return None
        last = doc[token.i + len(phrase) - 1]
        obj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        phrase_end = obj.right_edge.i + 1
        sent = token.sent
        content = _paragraph_of(_trim(max((doc[sent.start : token.i], doc[phrase_end : sent.end]), key=len)), token)
        if len(content) == 0:
            return None
        source = doc[obj.left_edge.i : phrase_end]
        cue = doc[token.i : token.i + len(phrase)]
        return _record(source, cue, doc.text, content.start_char, content.end_char, _actor_of(source, actors))

    def _from_document(self, prep: Token, actors: dict[int, str]) -> dict | None:
        """ "In a CNN poll released Monday, 50 percent chose ...": the poll, survey or report is the
        source of the clause it opens (unless a cue verb names a speaker: "said in a statement")."""
        doc = prep.doc
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in self.documents or self._lemma(prep.head) in self.speech:
            return None
        head = prep.head
        source = doc[obj.left_edge.i : obj.right_edge.i + 1]
        before, after = doc[head.left_edge.i : prep.i], doc[source.end : head.right_edge.i + 1]
        content = _paragraph_of(_trim(max((before, after), key=len)), prep)
        if not any(t.is_alpha for t in content):
            return None
        return _record(source, prep, doc.text, content.start_char, content.end_char, _actor_of(source, actors))

    @staticmethod
    def _labelled(doc: Doc, actors: dict[int, str]) -> list[dict]:
        """ "Poll: Voters abandon ..." in a headline, "PENCE: Well, ..." in a transcript: the line after
        a short name and a colon."""
        quotes = []
        for match in LABEL.finditer(doc.text):
            line_end = doc.text.find("\n", match.end())
            line_end = len(doc.text) if line_end < 0 else line_end
            source = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
            content = doc.char_span(match.end(), line_end, alignment_mode="contract")
            if source is None or content is None or not any(t.is_alpha for t in content):
                continue
            if any(t.pos_ in ("VERB", "AUX") for t in source):
                continue  # "Here is what we know: ...": a sentence, not a name
            content = _trim(content)
            cue = doc.char_span(match.end(1), match.end(1) + 1)
            quotes.append(_record(source, cue, doc.text, content.start_char, content.end_char, _actor_of(source, actors)))
        return quotes


def _with_surnames(doc: Doc, actors: dict[int, str]) -> dict[int, str]:
    """The actor index, with a person's surname alone ("Holt told reporters") where the actor stage
    left it unlinked and only one person of the article has that surname."""
    people: dict[str, set[str]] = {}
    for actor in doc._.actors or ():
        if actor["kind"] == "person" and " " in actor["name"]:
            people.setdefault(actor["name"].split()[-1], set()).add(actor["id"])
    index = dict(actors)
    for token in doc:
        ids = people.get(token.text)
        if token.i not in index and token.pos_ == "PROPN" and ids and len(ids) == 1:
            index[token.i] = next(iter(ids))
    return index


def _carry_speakers(quotes: list[dict]) -> None:
    """A direct quote with no cue of its own is taken to go on from the last speaker quoted just before
    (a speech quoted paragraph after paragraph)."""
    last = None
    for quote in quotes:
        start = quote["content"]["start"]
        if quote["direct"] and quote["speaker"] is None and quote["source"] is None and last is not None \
                and start - last["content"]["end"] <= CARRY:  # fmt: skip
            quote["speaker"] = last["speaker"]
        if quote["speaker"] is not None:
            last = quote


def _passive(verb: Token) -> bool:
    """A cue in the passive: "was reported by", "is expected to", "Asked whether ..."."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)


def _asks(clause: Token) -> bool:
    """An indirect question: a clause opening with "if" or "whether", or with a wh-word right after
    the cue ("have not said when they would ...")."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children):
        return True
    first = clause.left_edge
    return first.lower_ in WH and first.i == clause.head.i + 1


def _forms(lemma: str) -> set[str]:
    """Regular inflections of a verb: "hope" gives "hopes", "hoped", "hoping"."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms - {lemma}


def _combine(direct: list[dict], reported: list[dict]) -> list[dict]:
    """Direct quotes and reported content as one list. Reported content that only repeats a direct
    quote, or lies within one, is left out; reported content holding direct quotes and more words
    ("warned that China is "the biggest challenge"") replaces the partial quotes it holds; reported
    content within other reported content is left out."""
    direct = list(direct)
    kept = []
    for quote in reported:
        c = quote["content"]
        inner = [d for d in direct if d["content"]["start"] < c["end"] and c["start"] < d["content"]["end"]]
        # (a closing mark or stop the quote keeps and the clause does not may stick out)
        within = all(c["start"] <= d["content"]["start"] and d["content"]["end"] <= c["end"] + 2 for d in inner)
        quoted = sum(_letters(d["content"]["text"]) for d in inner)
        if not inner or within and _letters(c["text"]) - quoted >= PARTIAL_EXTRA:
            direct = [d for d in direct if d not in inner]
            kept.append(quote)
    # what is reported within reported content ("the FT said Japan plans to ...") rests on the outer
    # source: one statement, from the outermost speaker
    kept.sort(key=lambda q: (q["content"]["start"], -q["content"]["end"]))
    outermost: list[dict] = []
    for quote in kept:
        if not outermost or quote["content"]["end"] > outermost[-1]["content"]["end"]:
            outermost.append(quote)
    return direct + outermost


def _letters(text: str) -> int:
    return sum(c.isalnum() for c in text)


def _last_word(sent: Span) -> Token:
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    return words[-1] if words else sent[-1]


def _subject(verb: Token) -> Span | None:
    """The subject words of a reporting verb, without a trailing relative clause."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return _noun_phrase(subj) if subj is not None else None


def _noun_phrase(head: Token) -> Span:
    """A noun with its modifiers and appositions, without a trailing relative clause."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("appos", "compound", "flat") or child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
    return head.doc[head.left_edge.i : end]


def _around(verb: Token, source: Span) -> Span | None:
    """The clause a parenthetical cue interrupts: "The museum, officials said, will open in May"."""
    if verb.dep_ != "parataxis" or source.start < verb.head.left_edge.i:
        return None
    head = verb.head
    return _trim(verb.doc[head.left_edge.i : head.right_edge.i + 1])


def _paragraph_of(content: Span, cue: Token) -> Span:
    """The part of the content in the cue's paragraph: a sentence the parser ran over a line break
    (a headline, a dateline) does not carry the line before into what was said."""
    doc = cue.doc
    start, end = content.start, content.end
    for token in content:
        if "\n" in token.text or "\n" in token.whitespace_:
            if token.i < cue.i:
                start = token.i + 1
            elif token.i >= cue.i and end == content.end:
                end = token.i + 1
    return _trim(doc[start:end]) if start < end else doc[start:start]


def _group_speakers(doc: Doc, quotes: list[dict], documents: set[str]) -> None:
    """A speaker the actor stage does not code ("police said", "Republicans argue") becomes an actor of
    its own, named by the source words, so that the quote and the events stated in it are attributed.
    The same words name the same actor; a pronoun left unresolved names no one, nor does a document
    ("in a survey released on Monday")."""
    made: dict[str, dict] = {}
    index = None
    for quote in quotes:
        if quote["speaker"] is not None or quote["source"] is None:
            continue
        span = doc.char_span(quote["source"]["start"], quote["source"]["end"], alignment_mode="expand")
        if span is None or span.root.pos_ not in ("NOUN", "PROPN") or span.root.ent_type_ in ("DATE", "TIME", "CARDINAL"):
            continue
        if span.root.lemma_.lower() in documents:
            continue
        if span.root.lemma_.lower() in ISSUED:  # "The statement said": whoever issued it, else no one
            issuer = _issuer(doc, span.root, index if index is not None else (index := actor_index(doc)))
            if issuer is not None:
                issuer["mentions"].append(dict(quote["source"]))
                quote["speaker"] = issuer["id"]
            continue
        index = index if index is not None else actor_index(doc)
        body = next((index[g.i] for c in span.root.children if c.dep_ == "prep" and c.lower_ == "for"
                     for g in c.children if g.dep_ == "pobj" and g.i in index), None)  # fmt: skip
        if body is not None:  # "A spokesman for LTTE said": the LTTE speaks
            quote["speaker"] = body
            continue
        name = re.sub(r"^(?:the|a|an|some|many|several)\s+", "", span.text, flags=re.IGNORECASE)
        actor = made.get(name.lower())
        if actor is None:
            actor = made[name.lower()] = add_actor(doc, name, "group" if span.root.tag_ in ("NNS", "NNPS") else "organization")
        actor["mentions"].append(dict(quote["source"]))
        quote["speaker"] = actor["id"]


def _issuer(doc: Doc, noun: Token, actors: dict[int, str]) -> dict | None:
    """The actor who issued the statement (or letter, communiqué) a later "the statement" names: the
    subject of the last verb before it with that noun as object ("The G8 leaders issued a statement")."""
    for token in reversed(doc[: noun.i]):
        if token.lemma_.lower() == noun.lemma_.lower() and token.dep_ in ("dobj", "nsubjpass"):
            verb = token.head
            subjects = [c for c in verb.children if c.dep_ == "nsubj"] + [g for c in verb.children if c.dep_ == "agent" for g in c.children]
            found = next((actors[t.i] for s in subjects for t in s.subtree if t.i in actors), None)
            return next((a for a in doc._.actors if a["id"] == found), None)
    return None


def _actor_of(span: Span, actors: dict[int, str]) -> str | None:
    root = span.root
    if root.i in actors:
        return actors[root.i]
    return next((actors[t.i] for t in span if t.i in actors), None)


def _clause_span(clause: Token) -> Span:
    doc = clause.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
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


def _record(source, cue, text: str, start: int, end: int, speaker: str | None, direct: bool = False) -> dict:
    end = start + len(text[start:end].rstrip())
    return {"id": "", "speaker": speaker, "source": span_record(source) if source is not None else None,
            "cue": span_record(cue) if cue is not None else None,
            "content": {"start": start, "end": end, "text": text[start:end]}, "direct": direct, "cited": None}  # fmt: skip


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
