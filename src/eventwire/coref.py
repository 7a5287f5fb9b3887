"""Coreference stage: pronouns and descriptions joined to the actors they stand for, rule-based and offline.

Reads the actors (and places) found so far and adds mentions to them:

- personal pronouns: "he", "his", "she" go to a person (the subject of the sentence, else the nearest
  person before) whose gender, where a title or an earlier pronoun tells it, agrees; "it", "its" to the nearest country, organization or outlet in this or the two
  sentences before; "they", "their" to the nearest group (else a body or country in the sentence);
  "who", "which" to the actor their clause describes;
- descriptions from ``descriptions.tsv``: "the country", "the archipelago" (the country last referred
  to, among the island states for "the archipelago"), "the two countries", "the allies" (the last two), "the two leaders", "the newspaper", "the
  alliance"; "his country" is the country of the person "his" stands for;
- titles used alone: "the president", "the spokesman" go to the last person with that role;
- sector bodies with no country ("the foreign ministry", "the government") take the country last
  referred to, and join the actor with that code if there is one.

A country referred to only as a place ("in Japan ... the country") becomes an actor when a
description or pronoun acts for it. Actor ids are renumbered in order of first mention.
"""

from __future__ import annotations

import bisect
import copy
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from .actors import LEADERS_GOVERNMENTS, REPORTING_VERBS, acted_on, aimed_at, harmed_by, names_a_thing, stance, under_dispute
from .extensions import guarded, is_english
from .gazetteer import gazetteer
from .lexicons import keyed, load_table, phrase_patterns

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
REFLEXIVES = frozenset({"himself", "herself"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
# Words in a person's mentions or role that tell the gender a pronoun must agree with.
MALE_WORDS = MALE_PRONOUNS | frozenset({"mr", "king", "prince", "sir", "spokesman", "chairman", "congressman", "lord", "sheikh", "emir", "sultan", "pope"})
FEMALE_WORDS = frozenset({"she", "her", "hers", "herself", "mrs", "ms", "miss", "madam", "queen", "princess", "lady",
                          "dame", "spokeswoman", "chairwoman", "congresswoman", "businesswoman"})
# Offices one person holds in a country or town, so that "the mayor" or "the prime minister", named by no
# one before, is its holder in the country the story is in.
OFFICES = frozenset({"president", "prime minister", "premier", "chancellor", "mayor", "governor", "king", "queen", "emir",
                     "foreign minister", "defence minister", "defense minister", "interior minister", "finance minister"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
POSSESSIVES = frozenset({"his", "her", "its", "their"})
RELATIVES = frozenset({"who", "whom", "whose", "which"})
DETERMINERS = frozenset({"the", "both", "this", "that", "these"})
SUBJECTS = ("nsubj", "nsubjpass")
# "It is time", "it seems that": "it" points at nothing.
# What a blast does to its victims: an "it" that opens a sentence with one stands for the blast.
BLAST_VERBS = frozenset({"kill", "wound", "injure", "destroy", "damage", "rock", "shake", "devastate"})
EMPTY_IT_HEADS = frozenset({"be", "seem", "appear", "take", "rain", "remain", "matter"})


@dataclass
class _Ref:
    """A mention of an actor: token span and the actor's record."""

    start: int
    end: int
    actor: dict
    named: bool = True  # False for pronouns and descriptions this stage resolved


class Coreference:
    """Adds pronoun and description mentions to ``doc._.actors``."""

    def __init__(self, nlp: Language, lexicon_dir: str | None):
        self.gaz = gazetteer(lexicon_dir)
        rows = load_table("descriptions", ("phrase", "refers", "only"), lexicon_dir)
        self.refers = {row["phrase"].lower(): row["refers"] for row in rows}
        self.only = {row["phrase"].lower(): frozenset(row["only"].split()) for row in rows if row["only"]}
        self.description_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.description_matcher.add("DESCRIPTION", phrase_patterns(nlp, self.refers))
        self.roles = keyed(load_table("roles", ("role", "sector"), lexicon_dir), "role")
        self.given_names = {row["name"]: row["gender"] for row in load_table("given_names", ("name", "gender"), lexicon_dir)}
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.role_matcher.add("ROLE", phrase_patterns(nlp, self.roles))

    @guarded("coreference", "actors", reset=False)
    def __call__(self, doc: Doc) -> Doc:
        if is_english(doc):  # with no actor named, "the two Koreas" may still name some
            doc._.actors = _Resolver(self, doc).run()
        return doc


class _Resolver:
    """The state of resolving one document."""

    def __init__(self, stage: Coreference, doc: Doc):
        self.stage, self.doc, self.gaz = stage, doc, stage.gaz
        self.actors = copy.deepcopy(doc._.actors)
        self.refs: list[_Ref] = []
        self.taken: set[int] = set()
        for actor in self.actors:
            for mention in actor["mentions"]:
                span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
                if span is not None:
                    self._note(span.start, span.end, actor)
        # Places ("in Japan", "in Manila") point to their country, which "the country" can refer to.
        self.country_places: list[tuple[int, str]] = sorted(
            (span.start, place["country"])
            for place in doc._.places or ()
            if place["country"]
            for m in place["mentions"]
            if (span := doc.char_span(m["start"], m["end"], alignment_mode="expand")) is not None
        )  # fmt: skip

    def run(self) -> list[dict]:
        self._complete_countries()
        descriptions = {start: end for _, start, end in self.stage.description_matcher(self.doc)}
        roles: dict[int, int] = {}
        for _, start, end in self.stage.role_matcher(self.doc):
            roles[end - 1] = min(start, roles.get(end - 1, start))  # the longest title ending there: "prime minister", not "minister"
        for token in self.doc:
            if token.i in self.taken:
                continue
            if token.i in descriptions:
                self._description(token.i, descriptions[token.i])
            elif token.i in roles:
                self._title(roles[token.i], token.i)
            elif token.lower_ in RELATIVES and token.head.dep_ == "relcl":
                self._relative(token)
            elif token.pos_ == "PRON" or token.lower_ in POSSESSIVES:
                self._pronoun(token)
        return self._records()

    # -- bookkeeping --------------------------------------------------------------------------

    def _note(self, start: int, end: int, actor: dict, named: bool = True) -> None:
        ref = _Ref(start, end, actor, named)
        self.refs.insert(bisect.bisect([r.start for r in self.refs], start), ref)
        self.taken.update(range(start, end))

    def _add(self, start: int, end: int, actor: dict) -> None:
        span = self.doc[start:end]
        actor["mentions"].append({"start": span.start_char, "end": span.end_char, "text": span.text})
        self._note(start, end, actor, named=False)

    def _before(self, i: int, accept, window: int | None = None) -> list[_Ref]:
        """Refs before token ``i`` accepted by ``accept``, nearest first, within ``window`` sentences."""
        lowest = self._sentence_start(i, window) if window is not None else 0
        return [r for r in reversed(self.refs) if lowest <= r.start < i and accept(r.actor)]

    def _sentence_start(self, i: int, back: int) -> int:
        sent = self.doc[i].sent
        for _ in range(back):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return sent.start

    # -- countries ----------------------------------------------------------------------------

    def _country_actor(self, iso3: str) -> dict:
        for actor in self.actors:
            if actor["kind"] == "country" and actor["country"] == iso3:
                return actor
        actor = {"id": "", "name": self.gaz.country_name(iso3), "kind": "country", "country": iso3,
                 "sector": None, "code": iso3, "role": None, "mentions": []}  # fmt: skip
        self.actors.append(actor)
        return actor

    def _countries_before(self, i: int, places: bool = True) -> list[str]:
        """Countries referred to before token ``i``, nearest first, each once; with ``places``, the countries
        of places named too."""
        order: list[str] = []
        for start, iso3 in reversed(self._countries_between(0, i, people=False, places=places)):
            if iso3 not in order and not self._titles_person(start):
                order.append(iso3)
        return order

    def _titles_person(self, i: int) -> bool:
        """Whether a country word at ``i`` is part of a person's title ("U.S. President George W. Bush's
        visit to the country"): it says who the person is, not what the story is about."""
        return any(r.actor["kind"] == "person" and r.named and r.start <= i < r.end for r in self.refs) or (
            self.doc[i].dep_ in ("compound", "amod") and any(
                r.actor["kind"] == "person" and r.start <= self.doc[i].head.i < r.end for r in self.refs))

    def _topic_country(self, i: int, police: bool = False) -> str | None:
        """The country a body at token ``i`` most likely belongs to: the first one its sentence refers
        to, else the one the article has referred to most so far. The police act where they are, even
        on what they aim at ("Police fired tear gas at protesters in Nairobi")."""
        sent = self.doc[i].sent
        aimed = set() if police else aimed_at(self.doc[i])  # "the foreign ministry summoned the Chinese ambassador": not China's ministry
        doers = harmed_by(self.doc[i])  # "Israeli jets struck, killing 20 civilians": not Israel's civilians
        thing = lambda s: names_a_thing(self.doc[s], lambda noun: bool(self._refs_at(noun.i)))  # noqa: E731  "U.S. beef"
        in_sentence = [(s, iso3) for s, iso3 in self._countries_between(sent.start, sent.end)
                       if s not in aimed | doers and not acted_on(self.doc[s]) and not stance(self.doc[s]) and not thing(s)
                       and not under_dispute(self.doc[s])]  # fmt: skip
        if in_sentence:
            return in_sentence[0][1]
        so_far = [iso3 for s, iso3 in self._countries_between(0, i) if s not in doers and not thing(s)]
        return max(reversed(so_far), key=so_far.count) if so_far else None

    def _countries_between(self, lo: int, hi: int, people: bool = True, places: bool = True) -> list[tuple[int, str]]:
        """(token, country) of named references in ``lo:hi``, in order; with ``people`` a person's
        country counts too, with ``places`` a place's and an unknown organization's (often a place's name)."""
        found = [(r.start, r.actor["country"]) for r in self.refs
                 if lo <= r.start < hi and r.named and r.actor["country"] and (people or r.actor["kind"] != "person")
                 and (places or r.actor["kind"] != "organization" or r.actor["sector"])]  # fmt: skip  # "the Annapolis, Maryland peace conference"
        found += [(s, iso3) for s, iso3 in self.country_places if lo <= s < hi and places]
        return sorted(found)

    def _complete_countries(self) -> None:
        """ "the foreign ministry" with no country: the country of its sentence or article; then merge by code."""
        for actor in list(self.actors):
            if actor["country"] or actor["kind"] not in ("organization", "group") or actor["sector"] in (None, "IGO", "NGO"):
                continue
            if actor["code"] not in (None, actor["sector"]):
                continue  # "the leaders of the G8": coded by their body
            if self.gaz.body(actor["name"]) is not None:
                continue  # a body the lexicon leaves without a country (al-Qaeda): it has none
            first = min(r.start for r in self.refs if r.actor is actor)
            named = self._named_before(actor, first)
            if named is None and actor["kind"] == "group" and actor["sector"] == "MIL" and "government" not in actor["name"].lower():
                continue  # "the troops" are often foreign ones; "government troops" are the country's own
            if any(t.ent_type_ == "PERSON" for t in self.doc[first : first + 3]) and actor["name"].split()[-1].lower() in LEADERS_GOVERNMENTS:
                continue  # "the Bush administration" is not the government of whatever the article is about
            if named is not None and named["country"] is None:  # "a delegation of the European Parliament ... the delegation": that one
                self._merge(actor, named)
                continue
            iso3 = named["country"] if named else self._topic_country(first, police=actor["sector"] == "COP")
            if iso3 is None:
                continue
            actor["country"] = iso3
            actor["code"] = iso3 + actor["sector"]
            twin = next((a for a in self.actors if a is not actor and a["code"] == actor["code"] and a["kind"] == actor["kind"]), None)
            if twin is not None:
                self._merge(actor, twin)

    def _merge(self, actor: dict, into: dict) -> None:
        """Make ``actor`` one more set of mentions of ``into``."""
        into["mentions"] += actor["mentions"]
        for ref in self.refs:
            if ref.actor is actor:
                ref.actor = into
        self.actors.remove(actor)

    def _named_before(self, actor: dict, first: int) -> dict | None:
        """The actor "the helicopters" stands for when an earlier mention named the same kind of forces with
        their country ("United States military helicopters attacked a farm. ... the helicopters")."""
        if first == 0 or self.doc[first].lower_ != "the":
            return None
        head = _head_word(actor["name"])
        return next((r.actor for r in self.refs if r.start < first and r.actor is not actor and r.actor["code"]
                     and r.actor["sector"] == actor["sector"] and _head_word(r.actor["name"]) == head), None)  # fmt: skip

    # -- descriptions -------------------------------------------------------------------------

    def _description(self, start: int, end: int) -> None:
        doc = self.doc
        phrase = doc[start:end].text.lower()
        refers, only = self.stage.refers[phrase], self.stage.only.get(phrase)
        left = start - 1 if start > 0 and doc[start - 1].lower_ in DETERMINERS | POSSESSIVES else start
        if left == start and not doc[start].lower_.startswith(("two", "both")):
            return  # "a country", "countries": not a reference to one already named
        if end < len(doc) and doc[end].ent_type_ and doc[end].pos_ == "PROPN":
            return  # "the newspaper Inquirer": a name follows
        if end < len(doc) and doc[end].lower_ in ("of", "from", "in") and refers == "persons":
            return  # "the leaders of Hamas": new people, not the ones named before
        if refers == "country":
            if doc[left].lower_ in POSSESSIVES:  # "his country": the country of whoever "his" is
                owner = self._pronoun(doc[left], claim=False)
                if owner is not None and owner["country"]:
                    self._add(left, end, self._country_actor(owner["country"]))
                return
            countries = [c for c in self._countries_before(start) if only is None or c in only]
            if countries:
                self._add(left, end, self._country_actor(countries[0]))
        elif refers == "countries":  # a phrase whose `only` names two countries stands for just them ("the two Koreas")
            countries = sorted(only) if only and len(only) == 2 else self._countries_before(start, places=False)[:2]  # not "Annapolis, Maryland"
            if len(countries) == 2:
                for iso3 in countries:
                    self._add(left, end, self._country_actor(iso3))
        elif refers == "organizations":
            bodies = _distinct(r.actor for r in self._before(start, lambda a: a["kind"] in ("organization", "media")))[:2]
            if len(bodies) == 2:
                for body in bodies:
                    self._add(left, end, body)
        elif refers == "persons":
            people = _distinct(r.actor for r in self._before(start, lambda a: a["kind"] == "person"))[:2]
            if len(people) == 2:
                for person in people:
                    self._add(left, end, person)
        else:  # media, organization, group: the nearest actor of that kind
            found = self._before(start, lambda a, k=refers: a["kind"] == k)
            if found:
                self._add(left, end, found[0].actor)

    def _title(self, start: int, last: int) -> None:
        """ "the president", "the spokesman": the last person whose role ends with that word."""
        doc = self.doc
        the = next((i for i in range(start - 1, max(start - 3, -1), -1) if doc[i].lower_ == "the"), None)
        named_after = last + 2 < len(doc) and doc[last + 1].text == "," and doc[last + 2].ent_type_ == "PERSON"
        if the is None or doc[last].pos_ not in ("NOUN", "PROPN") or named_after or (last + 1 < len(doc) and doc[last + 1].ent_type_ == "PERSON"):
            return  # "the previous governor, Peter Obi": the name follows
        word = doc[last].lower_
        found = self._before(the, lambda a: a["kind"] == "person" and a["role"] is not None and word in a["role"].split())
        role = doc[start : last + 1].text.lower()
        if found:
            self._add(the, last + 1, found[0].actor)
        elif role in OFFICES and role in self.stage.roles and not (last + 1 < len(doc) and doc[last + 1].lower_ in ("of", "for")):
            iso3 = self._topic_country(the)  # "criticised the town mayor": the one of the country the story is in
            if iso3 is not None:
                sector = self.stage.roles[role]["sector"]
                actor = {"id": "", "name": doc[the + 1 : last + 1].text, "kind": "person", "country": iso3, "sector": sector,
                         "code": iso3 + sector, "role": role, "mentions": []}  # fmt: skip
                self.actors.append(actor)
                self._add(the, last + 1, actor)

    # -- pronouns -----------------------------------------------------------------------------

    def _pronoun(self, token: Token, claim: bool = True) -> dict | None:
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            actor = self._person_for(token)
            meant = [actor]
        elif lower in THING_PRONOUNS and not _empty_it(token):
            actor = self._salient(token, lambda a: a["kind"] in ("country", "organization", "media") or _named_group(a), window=2)
            meant = [actor]
        elif lower in GROUP_PRONOUNS and (speaker := self._reporting_body(token)) is not None:
            actor, meant = speaker, [speaker]  # "Immigration Voice said that they welcome ...": the speakers themselves
        elif lower in GROUP_PRONOUNS and (subject := self._last_subject(token)) is not None:
            actor, meant = subject, [subject]  # "Greenpeace activists tried to disrupt the whaling fleet. They asked the whalers ...": the activists
        elif lower in GROUP_PRONOUNS:
            found = self._before(token.i, lambda a: a["kind"] == "group", window=1)
            found = found or self._before(token.i, lambda a: a["kind"] in ("organization", "country"), window=0)
            actor = found[0].actor if found else None
            meant = self._coordinated(found[0]) if found else []  # "Japan and China postponed their summit": both
        else:
            return None
        if actor is not None and claim:
            for one in meant:
                self._add(token.i, token.i + 1, one)
        return actor

    def _last_subject(self, token: Token) -> dict | None:
        """For a "they" that is the subject of a sentence's main verb, the body or group that is the subject of
        the sentence before, named there ("Greenpeace activists ...") or through its members."""
        sent = token.sent
        if token.dep_ not in SUBJECTS or token.head.i != sent.root.i or sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        for subject in (c for c in before.root.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"):
            words = [subject, *(c for c in subject.children if c.dep_ in ("compound", "amod", "nmod"))]
            ref = next((r for w in words for r in self._refs_at(w.i) if r.actor["kind"] in ("group", "organization")), None)
            if ref is not None and (subject.tag_ in ("NNS", "NNPS") or ref.actor["kind"] == "group"):
                return ref.actor
        return None

    def _reporting_body(self, token: Token) -> dict | None:
        """The body or group that says what a "they" is the subject of ("the union said they would strike",
        "a spokesman for the LTTE said they had apologized")."""
        clause = token.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "said they mistook them ... and have apologized"
        if token.dep_ not in SUBJECTS or clause.dep_ != "ccomp" or clause.head.lemma_ not in REPORTING_VERBS:
            return None
        for subject in (c for c in clause.head.children if c.dep_ in SUBJECTS):
            ref = next(iter(self._refs_at(subject.i)), None)
            if ref is None and subject.pos_ == "NOUN":  # the body a spokesman speaks for
                ref = next((r for c in subject.children if c.dep_ == "prep" and c.lower_ == "for"
                            for g in c.children if g.dep_ == "pobj" for r in self._refs_at(g.i)), None)  # fmt: skip
            if ref is not None and ref.actor["kind"] in ("group", "organization") and subject.pos_ != "PRON":
                return ref.actor
        return None

    def _refs_at(self, i: int) -> list[_Ref]:
        """The references covering token ``i``, in the order they were made."""
        return [r for r in self.refs if r.start <= i < r.end]

    def _coordinated(self, ref: _Ref) -> list[dict]:
        """The actors of the coordination ``ref`` is part of ("Japan and China"), in order; else its own."""
        top = self.doc[ref.start : ref.end].root
        while top.dep_ == "conj":
            top = top.head
        words, queue = set(), [top]
        while queue:
            word = queue.pop()
            words.add(word.i)
            queue += [c for c in word.children if c.dep_ == "conj"]
        actors = _distinct(r.actor for r in self.refs if r.named and self.doc[r.start : r.end].root.i in words)
        return actors if ref.actor in actors else [ref.actor]

    def _relative(self, token: Token) -> None:
        """ "Kishida, who ...": the relative pronoun joins the actor its clause describes."""
        noun = token.head.head
        ref = next(iter(self._refs_at(noun.i)), None)
        if ref is not None:
            self._add(token.i, token.i + 1, ref.actor)

    def _person_for(self, token: Token) -> dict | None:
        wanted = "m" if token.lower_ in MALE_PRONOUNS else "f"
        if token.lower_ in REFLEXIVES:  # "the bomber blew himself up": the clause's own subject, whoever else came before
            verb = token.head
            subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
            if subject is not None:
                ref = next((r for r in self._refs_at(subject.i) if r.actor["kind"] == "person"), None)
                return ref.actor if ref is not None else None
        bound = self._clause_subjects(token) if token.dep_ in ("dobj", "dative", "pobj") else []
        return self._salient(token, lambda a: a["kind"] == "person" and self._gender(a) in (None, wanted) and not any(a is b for b in bound),
                             prefer=(lambda a: self._gender(a) == "f") if wanted == "f" else None)  # fmt: skip  # most men in news have no title telling it

    def _clause_subjects(self, token: Token) -> list[dict]:
        """The actors that are subjects of the clause an object pronoun is in, or of the clauses it hangs
        from ("Peretz called Abbas, asking him to stop": "him" is not Peretz, who would be "himself")."""
        found, verb = [], token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head  # "for him"
        for _ in range(3):
            for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
                found += [r.actor for r in self._refs_at(subject.i)]
            if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
                break
            verb = verb.head
        return found

    def _gender(self, actor: dict) -> str | None:
        """ "m" or "f" when a title ("Mrs.", "spokeswoman", "King"), a pronoun already joined or the first name
        (`given_names.tsv`: "Condoleezza", "Cindy") says so."""
        words = {w.lower().rstrip(".") for m in actor["mentions"] for w in m["text"].split()}
        words |= set((actor["role"] or "").split())
        male, female = bool(words & MALE_WORDS), bool(words & FEMALE_WORDS)
        if male == female and (given := self.stage.given_names.get(actor["name"].split()[0])):
            male, female = given == "m", given == "f"
        return "m" if male and not female else "f" if female and not male else None

    def _salient(self, token: Token, accept, window: int | None = None, prefer=None) -> dict | None:
        """The accepted actor a pronoun most likely stands for: in the latest sentence that has one
        before the pronoun, its subject, else the nearest; of that sentence's actors, one ``prefer``
        accepts first ("'We welcome Her Majesty,' Bush said. She will ...": the Queen, whose gender is
        known, not Bush, whose gender is not)."""
        found = self._before(token.i, accept, window)
        if not found:
            return None
        sent = self.doc[found[0].start].sent
        in_sentence = [r for r in found if r.start >= sent.start]
        in_sentence = [r for r in in_sentence if prefer(r.actor)] or in_sentence if prefer else in_sentence
        subjects = [r for r in in_sentence if self._is_subject(r)]
        main = next((r for r in subjects if any(t.head.i == sent.root.i for t in self.doc[r.start : r.end])), None) if sent.end <= token.i else None
        return (main or next(iter(subjects), None) or in_sentence[0]).actor  # "Nazzal told reporters, 'Carter suggested a truce.' He added": Nazzal

    def _is_subject(self, ref: _Ref) -> bool:
        return any(t.dep_ in SUBJECTS for t in self.doc[ref.start : ref.end])

    # -- output -------------------------------------------------------------------------------

    def _records(self) -> list[dict]:
        kept = [a for a in self.actors if a["mentions"]]
        for actor in kept:
            actor["mentions"] = sorted({(m["start"], m["end"]): m for m in actor["mentions"]}.values(), key=lambda m: m["start"])
        kept.sort(key=lambda a: a["mentions"][0]["start"])
        for n, actor in enumerate(kept, 1):
            actor["id"] = f"a{n}"
        return kept


def _head_word(name: str) -> str:
    """The noun a body's name is headed by: "helicopters" of "United States military helicopters",
    "delegation" of "delegation of European Parliament"."""
    return name.split(" of ")[0].split()[-1].lower()


def _named_group(actor: dict) -> bool:
    """Whether an actor is a group named as one body ("Hamas", "the Taliban"), which "it" can stand for,
    unlike people ("Palestinians", "protesters")."""
    return actor["kind"] == "group" and actor["sector"] in ("REB", "OPP", "PTY", "NGO") and actor["name"][:1].isupper()


def _empty_it(token: Token) -> bool:
    """ "It is likely that ...", "it was the first time": an "it" that stands for nothing."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.dep_ == "nsubj" and head.dep_ == "ROOT" and head.lemma_ in BLAST_VERBS:
        return True  # "It killed at least 9 soldiers": the bombing just told, no country ("Israel said it killed" is Israel)
    return token.dep_ in SUBJECTS and head.lemma_ in EMPTY_IT_HEADS


def _distinct(actors) -> list[dict]:
    out: list[dict] = []
    for actor in actors:
        if all(actor is not a for a in out):
            out.append(actor)
    return out


@Language.factory(
    "eventwire_coref",
    assigns=["doc._.actors"],
    requires=["doc._.actors", "doc._.places", "token.dep", "token.pos"],
    default_config={"lexicon_dir": None},
)
def make_coref(nlp: Language, name: str, lexicon_dir: str | None) -> Coreference:
    return Coreference(nlp, lexicon_dir)
