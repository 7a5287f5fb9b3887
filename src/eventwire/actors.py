"""Actor stage: who takes part, coded by country and sector, with every mention.

Finds people (with the titles before or beside their names), countries acting as such, capitals
and seats standing for governments ("Tokyo said"), named bodies from the organizations lexicon,
sector phrases ("the Japanese navy", "Chinese state media"), and names from the user's PETRARCH
dictionaries. Mentions of one actor are grouped: people by name (a surname joins the full name),
bodies by name, collectives by code. Pronouns and descriptions ("he", "the newspaper", "the
country") are left to the coreference stage.

A sector noun with no country named is an actor when it is definite ("the police") or when it acts
("Police fired tear gas", "Workers began a strike", "sealed off by riot police"); coreference then
gives it the country of its sentence or article. "Officials" alone stay too vague. The leaders of an
international body are that body ("the leaders of the G8 nations": `IGOG8`); "anti-American" names the
US as what a protest is against.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .extensions import guarded, is_english
from .gazetteer import bare_congo, gazetteer
from .lexicons import keyed, load_table, phrase_patterns
from .people import people
from .petrarch import code_on, read_folder, split_code

log = logging.getLogger("eventwire")

# Prepositions after which a country or city is where something happens, not who acts.
LOCATIVE_PREPS = frozenset(
    "in at to into near from inside outside within across around throughout toward towards off "
    "over via through between among along beyond".split()
)
# Entity labels of names (not numbers or dates), which a sector phrase next to them belongs to.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Nouns of settlements whose name follows them ("the city of Hilla", "the Pakistani city Lahore"): a place.
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "capital", "port", "province", "region", "district", "state", "island", "county",
                              "street", "outskirts", "suburb", "sector", "area", "neighborhood", "neighbourhood", "quarter",
                              "part"})  # "the streets of Beirut", "a residential sector of eastern Beirut"
# Nouns that count a group ("thousands of farmers", "dozens of students").
COUNTS = frozenset({"thousand", "hundred", "dozen", "score", "ten", "million", "thousands", "hundreds", "dozens", "scores", "tens", "millions"})
# Prepositions of where something happens, whose place gives a crowd or its victims a country.
SCENE_PREPS = frozenset({"in", "across", "throughout", "at", "near", "outside", "inside"})
# Prepositions after which a country is what someone acts on ("sanctions on Iran"), not where they are from.
AIMING_PREPS = frozenset({"on", "against", "with", "to", "at", "toward", "towards", "from"})
# The Arabic article on a family name ("al-Shaer", "el-Baradei"), which later mentions often drop.
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an)-(?=[A-Z])")
DISPUTING_PREPS = frozenset({"against", "over", "about", "regarding", "concerning"})
# Nouns that make a leader's name stand for their government ("the Bush administration").
LEADERS_GOVERNMENTS = frozenset({"administration", "government", "cabinet", "regime"})
# Verbs by which an office holder speaks for a country.
REPORTING_VERBS = frozenset("say announce tell add state confirm declare insist explain report".split())
# Acts aimed at someone: "at"/"toward" after them names a target, not a place.
DIRECTED = frozenset("fire shoot aim launch shell missile rocket bomb hurl throw lob point strike attack".split())
TRANSFERS = frozenset(
    "send give sell supply deliver provide offer aid assistance help loan grant export ship transfer pledge donate "
    "arm weapon support appeal".split()
)
MEDIA_DESCRIPTIONS = frozenset({"newspaper", "paper", "daily", "broadcaster", "agency", "outlet", "network", "tabloid", "magazine", "weekly"})
CORPORATE_SUFFIXES = frozenset({"inc", "corp", "corporation", "ltd", "co", "group", "plc", "llc", "sa", "ag", "gmbh", "holdings", "company"})
# First words that do not name an organization on their own ("United Airlines" is not "United").
GENERIC_FIRST_WORDS = frozenset(
    "united national international american european british new general first royal central world global "
    "north south east west the".split()
)
MARKUP = re.compile(r"&#?\w+;|^#?\w*;|&\w*$|^_*(?:NOTOC|TOC|FORCETOC|NOEDITSECTION|NOINDEX)_*$")  # wiki magic words ("__NOTOC__")
# Last words of an organization name that make it part of a title ("External Affairs Minister").
PORTFOLIOS = frozenset(
    "affairs ministry department office defence defense security finance trade interior justice health "
    "education energy agriculture environment transport commerce state".split()
)
TITLE_WORDS = frozenset({"'s", "’s", "-", "state", "chief", "former", "vice", "deputy", "acting", "senior", "top", "interim",
                         "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "madam", "sir", "dame"})
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "ELI", "SPY"})
ORGANIZATION_NOUNS = frozenset(
    "airline carrier company firm group bank maker manufacturer automaker carmaker retailer agency organization "
    "organisation party union insurer operator giant conglomerate startup developer producer supplier".split()
)
FORMER = frozenset({"former", "formerly", "previously", "ousted", "ex", "deposed", "late", "then", "retired"})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Generic heads of state bodies' names ("Northern Ireland Office"), left to the named-body rule inside a name.
NAME_HEADS = frozenset({"office", "commission", "department", "authority"})
# Courtesy titles that can open a name the NER gives ("Ms Sgrena", "Mr Kennedy"): no first name.
COURTESY = frozenset("mr mrs ms miss dr sir dame lord lady sergeant sgt general gen colonel col captain capt president minister "
                     "senator sen rep judge father sheikh mullah".split())
COMPASS = frozenset({"north", "south", "east", "west"})
# Verbs whose subject is where something happens ("Washington saw protests", "Kyiv witnessed blasts").
SCENE_VERBS = frozenset({"see", "witness", "experience"})
# Objects and prepositions after which a capital still acts for its government ("warned Beijing").
ACTING_PREPS = frozenset({"with", "against", "between", "by"})


@dataclass
class _Actor:
    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans


def _other_person(parts: list[str], named: list[str] | None) -> bool:
    """Whether a full name sharing its surname with one named before is someone else: neither first word is
    a word of the other name ("Raul Castro" after "Fidel Castro"; but "Lula da Silva" after "Luiz Inacio
    Lula da Silva", "Ms Sgrena" after "Giuliana Sgrena")."""
    if named is None or len(parts) < 2:
        return False
    first, other = parts[0], named[0]
    if first.lower().rstrip(".") in COURTESY or other.lower().rstrip(".") in COURTESY or first in named or other in parts:
        return False
    return True


def _code(country: str | None, sector: str | None) -> str | None:
    """The CAMEO code of a country and a sector. A PETRARCH agent code may be longer than a sector
    ("GOVFRM": ARNGOVFRM) or written before the country ("NGO~": NGOARN)."""
    if sector and sector.endswith("~"):
        return sector[:-1] + (country or "")
    if sector in (None, "IGO", "NGO") and country is None:
        return sector
    return (country or "") + (sector or "") or None


def _sector(agent: str | None) -> str | None:
    """The sector of a sector or PETRARCH agent code: "GOVFRM" and "GOV" are GOV, "NGO~" is NGO."""
    return agent.strip("~")[:3] or None if agent else None


class ActorFinder:
    """Fills ``doc._.actors``."""

    def __init__(self, nlp: Language, lexicon_dir: str | None):
        self.gaz = gazetteer(lexicon_dir)
        self.people = people(lexicon_dir)
        self.roles = keyed(load_table("roles", ("role", "sector"), lexicon_dir), "role")
        self.sector_nouns = keyed(load_table("sector_nouns", ("noun", "sector", "kind"), lexicon_dir), "noun")
        self.harming = {r["trigger"].lower() for r in load_table("events", ("trigger", "pos", "type"), lexicon_dir)
                        if r["type"].upper() in ("ASSAULT", "COERCE") and r["pos"].upper() == "VERB" and " " not in r["trigger"]}
        self.back_references = {r["phrase"].lower() for r in load_table("descriptions", ("phrase", "refers", "only"), lexicon_dir)
                                if r["refers"] == "persons"}  # fmt: skip
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.role_matcher.add("ROLE", phrase_patterns(nlp, self.roles))
        self.sector_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.sector_matcher.add("SECTOR", phrase_patterns(nlp, self.sector_nouns))
        self.body_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.body_matcher.add("BODY", phrase_patterns(nlp, self.gaz.bodies))
        self._load_dictionaries(nlp, lexicon_dir)

    def _load_dictionaries(self, nlp: Language, lexicon_dir: str | None) -> None:
        """PETRARCH actor and agent dictionaries in the lexicon folder (see docs/lexicons.md)."""
        found = read_folder(lexicon_dir)
        for problem in found.problems:
            log.warning("skipped in PETRARCH dictionary: %s", problem)
        for noun, code in found.agents.items():  # "foreign minister" titles a person, "Afghan farmers" a group
            if noun not in self.roles:
                self.role_matcher.add("ROLE", phrase_patterns(nlp, [noun]))
            self.roles[noun] = {**self.roles.get(noun, {}), "role": noun, "sector": code}  # the user's code wins ("GOVFRM")
            if noun not in self.sector_nouns:
                self.sector_nouns[noun] = {"noun": noun, "kind": "group", "agent": "yes"}
                self.sector_matcher.add("SECTOR", phrase_patterns(nlp, [noun]))
            self.sector_nouns[noun] = {**self.sector_nouns[noun], "sector": code}  # a new dict: lexicon rows are shared
        self.entries = found.actors
        # Country names and adjectives of the dictionaries, for phrases they modify ("Eldorian pilots").
        self.dict_countries = {
            name: code for entry in found.actors for name in entry.names
            if len(code := code_on(entry.codes, None) or "") == 3 and code.isalpha()
        }  # fmt: skip
        self.dict_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for n, entry in enumerate(self.entries):
            self.dict_matcher.add(str(n), list(nlp.tokenizer.pipe(entry.names)))

    @guarded("actors", "actors")
    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = self.find(doc) if is_english(doc) else []
        return doc

    # -- candidates ---------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[dict]:
        roles = {(s, e) for _, s, e in self.role_matcher(doc)}
        sector_words = [(s, e) for _, s, e in self.sector_matcher(doc)]
        taken: set[int] = set()
        found: list[tuple[int, int, _Actor]] = []

        def claim(start: int, end: int, actor: _Actor) -> None:
            if any(i in taken for i in range(start, end)):
                return
            taken.update(range(start, end))
            found.append((start, end, actor))

        for start, end, actor in self._dictionary(doc, roles):
            claim(start, end, actor)
        for start, end, actor in self._bodies(doc):
            claim(start, end, actor)
        for ent in doc.ents:
            if MARKUP.search(ent.text):
                continue  # "&quot;I am": a character reference the source left in the text
            if ent.label_ == "PERSON" and ent.end < len(doc) and doc[ent.end].lower_ in LEADERS_GOVERNMENTS:
                name = f"{ent.text} {doc[ent.end].text}"  # "the Bush administration": a government, not the man
                claim(ent.start - (ent.start > 0 and doc[ent.start - 1].lower_ == "the"), ent.end + 1,
                      _Actor(f"regime:{name}", name, "organization", None, "GOV", None))
                continue
            if (ent.label_ == "PERSON" and not place_in_disguise(ent, self.gaz) and not self.gaz.country(ent.text)
                    and not self._dict_country(ent.root) and not self._capital_acting(ent)
                    and not any(s <= ent.start and ent.end < e for s, e in sector_words)):  # fmt: skip  # "Riot police" tagged as a person
                start, actor = self._person(doc, ent, roles)
                for org in doc[start : ent.start].ents:  # "Apple CEO Tim Cook": Apple acts too
                    if org.label_ == "ORG" and doc[org.end - 1].lower_ not in PORTFOLIOS and (named := self._named(org)) is not None:
                        claim(org.start, org.end, named)
                start = max((i + 1 for i in range(start, ent.start) if i in taken), default=start)
                claim(start, ent.end, actor)
        for start, end, actor in self._titles(doc, roles, set(taken)):
            claim(start, end, actor)
        for start, end, actor in self._sector_phrases(doc, roles):
            claim(start, end, actor)
        for ent in doc.ents:
            if MARKUP.search(ent.text):
                continue
            if len(ent) > 2 and ent[0].lower_ in ("anti", "pro") and ent[1].text == "-":
                ent = Span(doc, ent.start + 2, ent.end, label=ent.label_)  # "anti-American protests": whom they are against (see events)
            if ent.label_ in ("GPE", "NORP", "ORG", "LOC", "FAC") or ent.label_ == "PERSON" and (self.gaz.country(ent.text) or self._capital_acting(ent)):
                actor = self._named(ent)
                if actor:
                    claim(ent.start, ent.end, actor)
        _one_congo(doc, found)
        self._abbreviations(doc, found)
        self._shared_names(doc, found)
        self._each_country_listed(doc, found)
        self._appositions(doc, found)
        self._titled_by_apposition(doc, found, roles)
        self._countries_from_context(doc, found)
        return self._group(doc, found)

    def _abbreviations(self, doc: Doc, found: list[tuple[int, int, _Actor]]) -> None:
        """ "the European Union (EU)": the abbreviation in brackets is one more mention of the body before it,
        whatever a lexicon codes the abbreviation as."""
        by_start = {start: n for n, (start, _, _) in enumerate(found)}
        for start, end, actor in list(found):
            after = by_start.get(end + 1) if end + 1 < len(doc) and doc[end].text == "(" else None
            if after is None or actor.kind == "person":
                continue
            a_start, a_end, abbreviated = found[after]
            short = doc[a_start:a_end].text.replace(".", "")
            if a_end < len(doc) and doc[a_end].text == ")" and short.isalpha() and short.isupper():
                generic = actor.code == actor.sector and self.gaz.body(short) is not None  # "International Labor Office": just "GOV"; "ILO" knows better
                if (actor.code or not abbreviated.code) and not generic:
                    found[after] = (a_start, a_end, actor)
                else:  # "the Office of the High Commissioner (UNHCR)": only the abbreviation is known
                    found[found.index((start, end, actor))] = (start, end, abbreviated)

    def _shared_names(self, doc: Doc, found: list[tuple[int, int, _Actor]]) -> None:
        """ "North and South Korea", "East and West Germany": two countries sharing a name's last word,
        each with the whole phrase as its mention."""
        for i in range(len(doc) - 3):  # not doc[:len(doc) - 3]: on a text of two tokens that counts from the end
            token = first = doc[i]
            joiner, second = doc[i + 1], doc[i + 2]
            if joiner.lower_ not in ("and", "or") or first.lower_ not in COMPASS or second.lower_ not in COMPASS:
                continue
            name = _entity(second)
            if name is None or name.end <= second.i + 1:
                continue
            rest = doc[second.i + 1 : name.end].text
            countries = [self.gaz.country(f"{word.text} {rest}") for word in (first, second)]
            if None in countries:
                continue
            found[:] = [f for f in found if not (token.i <= f[0] and f[1] <= name.end)]
            for iso3 in countries:
                found.append((token.i, name.end, _Actor(f"country:{iso3}", self.gaz.country_name(iso3), "country", iso3, None, iso3)))

    def _each_country_listed(self, doc: Doc, found: list[tuple[int, int, _Actor]]) -> None:
        """ "the ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in France and Germany": the
        phrase stands for one actor per country, each with the phrase as its mention, and each country's
        name there is a mention of its actor (a parse that makes "Germany" a second subject finds DEULEG)."""
        for start, end, actor in list(found):
            if not (actor.country and actor.sector) or not actor.key.startswith(("sector:", "title:")):
                continue
            prep = next((i for i in range(start, min(end + 1, len(doc))) if doc[i].lower_ in ("of", "in", "from")), None)
            listed = self._listed_countries(doc, prep + 1) if prep is not None else []
            if len(listed) < 2 or listed[0][0] != actor.country:
                continue
            base = doc[start:prep].text.removeprefix("the ").removeprefix("The ")
            each = {actor.country: actor}
            for other, name, _, _ in listed[1:]:
                if other not in each:
                    each[other] = _Actor(f"{actor.key}:{other}", f"{base} of {name}", actor.kind, other, actor.sector,
                                         _code(other, actor.sector), actor.role)  # fmt: skip
                    found.append((start, end, each[other]))
            for code, _, first, last in listed:
                for n, (s, e, named) in enumerate(found):
                    if first <= s and e <= last and named.kind == "country" and named.country == code:
                        found[n] = (s, e, each[code])

    def _listed_countries(self, doc: Doc, i: int) -> list[tuple[str, str, int, int]]:
        """(code, name, start, end) of the countries listed from token ``i`` on ("Arnor, Osgiliath and Gondor")."""
        listed = []
        while i < len(doc):
            i += doc[i].lower_ == "the"
            if i >= len(doc):
                break
            ent = _entity(doc[i])
            if doc[i].lower_ in self.dict_countries:
                listed.append((self.dict_countries[doc[i].lower_], doc[i].text, i, i + 1))
                i += 1
            elif ent is not None and ent.label_ in ("GPE", "NORP") and (code := self.gaz.country(ent.text)):
                listed.append((code, ent.text.removeprefix("the "), ent.start, ent.end))
                i = ent.end
            else:
                break
            if i < len(doc) and doc[i].lower_ in (",", "and", "or"):
                i += 1 + (doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in ("and", "or"))
            else:
                break
        return listed

    def _appositions(self, doc: Doc, found: list[tuple[int, int, _Actor]]) -> None:
        """ "Ryanair, the Irish low-cost airline,": the apposition is one more mention of the named actor
        (and the nationality word in it describes that actor rather than acting itself)."""
        for start, end, actor in list(found):
            if actor.key.startswith("title:"):
                self._named_title(doc, found, (start, end, actor))
                continue
            if actor.kind not in ("person", "organization", "media"):
                continue
            for child in doc[start:end].root.children:
                if child.dep_ != "appos" or child.pos_ != "NOUN":
                    continue
                lo, hi = child.left_edge.i, child.right_edge.i + 1
                if any(e.label_ in ("PERSON", "ORG") for e in doc[lo:hi].ents):
                    continue
                if actor.kind == "person" and child.lemma_ in ORGANIZATION_NOUNS:
                    actor.kind, actor.key = "organization", f"body:{actor.name}"  # a company the NER took for a person
                titles = [f[2] for f in found if lo <= f[0] and f[1] <= hi and f[2].key.startswith("title:")]
                if actor.kind == "person" and titles and actor.role is None:  # "Huckabee, governor of Arkansas"
                    actor.role, actor.country, actor.sector = titles[0].role, titles[0].country, titles[0].sector
                    actor.code = _code(actor.country, actor.sector)
                actor.country = actor.country or self._modifier_country(doc[lo:hi])
                if actor.kind != "person":
                    actor.code = actor.code or _code(actor.country, actor.sector)
                found[:] = [f for f in found if not (lo <= f[0] and f[1] <= hi and (
                    f[2].kind == "country" and doc[f[0]:f[1]].root.dep_ == "amod" or f[2].key.startswith("title:")))]
                found.append((lo, hi, actor))

    def _titled_by_apposition(self, doc: Doc, found: list[tuple[int, int, _Actor]], roles: set[tuple[int, int]]) -> None:
        """ "the United Nations Secretary-General, Ban Ki-moon": a person in apposition to a title
        holds it, with the body or country named before the title."""
        for start, end, actor in found:
            root = doc[start:end].root
            if actor.kind != "person" or actor.role is not None or root.dep_ != "appos":
                continue
            around = [(s, e) for s, e in roles if s <= root.head.i < e]
            if not around:
                continue
            title = max(around, key=lambda se: se[1] - se[0])
            left = max(0, title[0] - 4)
            phrase = doc[left : title[1]]
            actor.role = doc[title[0] : title[1]].text.lower()
            actor.sector = self._sector_of(actor.role, phrase)
            bodies = [b for e in phrase.ents if e.label_ == "ORG" and (b := self.gaz.body(e.text)) is not None]
            if any(b.sector == "IGO" for b in bodies):
                actor.sector, actor.country = "IGO", None
            else:
                actor.country = actor.country or self._modifier_country(phrase) or next((b.country for b in bodies if b.country), None)
            actor.code = _code(actor.country, actor.sector)

    @staticmethod
    def _named_title(doc: Doc, found: list[tuple[int, int, _Actor]], title: tuple[int, int, _Actor]) -> None:
        """ "the president of Sri Lanka, Mahinda Rajapakse,": the title names the person in apposition or
        right after its comma."""
        start, end, office = title
        root = doc[start:end].root
        after = root.right_edge.i + 2  # "Egypt's ambassador to Iraq, Ihab Al-Sherif": whatever the parse hangs the name from
        named = [c.i for c in root.children if c.dep_ == "appos"] + ([after] if after < len(doc) and doc[after - 1].text == "," else [])
        for i in named:
            person = next((f for f in found if f[2].kind == "person" and f[0] <= i < f[1] and f is not title), None)
            if person is None:
                continue
            holder = person[2]
            if holder.role is None:
                holder.role, holder.country, holder.sector = office.role, office.country, office.sector
                holder.code = _code(holder.country, holder.sector)
            if title in found:  # an apposition handled before may have taken it already
                found.remove(title)
            found.append((start, end, holder))
            return

    def _countries_from_context(self, doc: Doc, found: list[tuple[int, int, _Actor]]) -> None:
        """ "President Museveni ... in Uganda": a state office holder with no country takes the one
        nearest in the sentence (countries and places alike), or the sentence before, or the country
        the article is mostly about."""
        placeless = [(start, actor) for start, _, actor in found
                     if actor.kind == "person" and not actor.country and _sector(actor.sector) in STATE_SECTORS]  # fmt: skip
        if not placeless:
            return
        dominant = self._dominant_country(doc, found)  # once: people, whom this loop places, do not count in it
        for start, actor in placeless:
            if actor.country:
                continue  # placed already, by an earlier mention
            sent = doc[start].sent
            reported = self._reported_country(doc, start, found)
            if reported:  # "Germany will deploy troops to Lithuania, Defence Minister X said": Germany's minister
                actor.country, actor.code = reported, _code(reported, actor.sector)
                continue
            for lo, hi in ((sent.start, sent.end), (doc[max(sent.start - 1, 0)].sent.start, sent.start)):
                nearby = [(abs(s - start), a.country) for s, _, a in found
                          if lo <= s < hi and a.country and a.kind != "person" and not _elsewhere(doc[s])]  # fmt: skip
                nearby += [(abs(e.start - start), iso3) for e in doc.ents  # "a curfew in Algiers", not "a visit to Israel"
                           if lo <= e.start < hi and e.label_ in ("GPE", "NORP") and not _elsewhere(e.root) and (iso3 := self._place_country(e.text))]  # fmt: skip
                if nearby:
                    actor.country = min(nearby)[1]
                    actor.code = _code(actor.country, actor.sector)
                    break
            else:
                if dominant:
                    actor.country, actor.code = dominant, _code(dominant, actor.sector)

    @staticmethod
    def _reported_country(doc: Doc, start: int, found: list[tuple[int, int, _Actor]]) -> str | None:
        """The country that is the subject of what an office holder says ("Germany will deploy troops,
        Defence Minister X announced"): a spokesperson speaks for their own country."""
        person = next((doc[s:e] for s, e, a in found if s == start), None)
        if person is None or person.root.dep_ != "nsubj" or person.root.head.lemma_ not in REPORTING_VERBS:
            return None
        for content in (c for c in person.root.head.children if c.dep_ == "ccomp"):
            for subject in (c for c in content.children if c.dep_ == "nsubj"):
                country = next((a.country for s, e, a in found if s <= subject.i < e and a.kind == "country"), None)
                if country:
                    return country
        return None

    def _dominant_country(self, doc: Doc, found: list[tuple[int, int, _Actor]]) -> str | None:
        """The country at least half of the article's references to countries and their towns are to, if
        there is one; a country word naming a thing ("U.S. beef", "imports from the United States") is
        not where the story is."""
        mentions = {(s, e): a.country for s, e, a in found if a.country and a.kind != "person" and not self._of_a_thing(doc[s])}
        for ent in doc.ents:  # names no actor mention covers ("in Bishkek"), each counted once
            if ent.label_ in ("GPE", "NORP") and not any(s <= ent.start < e for s, e in mentions) and not self._of_a_thing(ent.root):
                if iso3 := self.gaz.country(ent.text) or self._place_country(ent.text):
                    mentions[(ent.start, ent.end)] = iso3
        named, last = [], (-1, None)
        for (s, e), iso3 in sorted(mentions.items()):
            if not any(s0 <= s < e0 and (s0, e0) != (s, e) for s0, e0 in mentions) and last != (s, iso3):
                named.append(iso3)  # "U.S." and "state department" next to it: one reference
            last = (e, iso3)
        if not named:
            return None
        (top, count), = Counter(named).most_common(1)  # on a tie, the one the article names first, as its lede does
        return top if count * 2 >= len(named) else None

    def _of_a_thing(self, token: Token) -> bool:
        return names_a_thing(token, lambda noun: noun.lower_ in self.sector_nouns)

    def _dictionary(self, doc: Doc, roles: set[tuple[int, int]]):
        """Names from the user's PETRARCH actor dictionaries, coded as of the article's date."""
        if not self.entries:
            return
        day = date.fromisoformat(doc._.published) if doc._.published else None
        matches = sorted(self.dict_matcher(doc), key=lambda m: (m[1], -m[2]))
        last_end = -1
        for match_id, start, end in matches:
            if start < last_end:
                continue  # the longest name starting first wins
            entry = self.entries[int(doc.vocab.strings[match_id])]
            code = code_on(entry.codes, day)
            if code is None or code in ("---", "+++"):
                continue
            last_end = end
            country, sector = split_code(code)
            if country and not (country.isalpha() and len(country) == 3):
                country = None
            span = doc[start:end]
            if len(code) == 3 and _modifies_noun(span) and self._sector_word(doc[end : _modified(span).i + 1]):
                continue  # "Afghan farmers", "Israel's high court": the country word codes the phrase it modifies
            person = next((e for e in doc.ents if e.label_ == "PERSON" and e.start < end and start < e.end), None)
            key = f"dict:{entry.names[0]}"
            if person is not None:
                title_start, titled = self._person(doc, person, roles)
                if titled.country and titled.country != country:  # "Ithilen's minister Calimehtar": the text is the newer word
                    country, code = titled.country, titled.code or code
                elif len(code) == 3 and titled.sector:  # "Bree President Romendacil": the title gives the sector
                    sector, code = titled.sector, _code(country, titled.sector) or code
                actor = _Actor(key, titled.name, "person", country, sector, code, titled.role)
                yield min(start, title_start), max(end, person.end), actor
                continue
            kind = "media" if sector == "MED" else "country" if len(code) == 3 and country else "organization"
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            name = span.text.removeprefix("the ").removeprefix("The ").removesuffix("'s").removesuffix("’s")
            yield start, end, _Actor(key, name, kind, country, sector, code)

    def _bodies(self, doc: Doc):
        for _, start, end in self.body_matcher(doc):
            span = doc[start:end]
            body = self.gaz.body(span.text)
            if body is None:  # a short or all-capital alias whose case did not match
                continue
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            country = self._modifier_country(doc[start:end]) or body.country or self._country_after(doc, end)
            kind = "media" if body.sector == "MED" else body.kind
            code = body.code if body.country or body.sector in ("IGO", "NGO") else _code(country, body.sector)
            yield start, end, _Actor(f"body:{body.name}:{country}", body.name, kind, country, body.sector, code)

    def _person(self, doc: Doc, ent: Span, roles: set[tuple[int, int]]) -> tuple[int, _Actor]:
        """The person named by ``ent``, with a title read from the words before it or an apposition."""
        start = ent.start
        while start > 0 and not doc[start].is_sent_start and (doc[start - 1].ent_type_ != "PERSON" or self._dict_country(doc[start - 1])) and (
                self._is_title_word(doc[start - 1], roles) or self._describes_title(doc, start - 1, ent.start, roles)):  # fmt: skip
            start -= 1
        while start < ent.start and (doc[start].is_punct or doc[start].is_space):
            start += 1
        title = doc[start : ent.start]
        role = self._longest_role(title, roles)
        if role is None:  # "Fumio Kishida, Japan's prime minister," or "..., the foreign minister"
            for child in ent.root.children:
                if child.dep_ == "appos":
                    appos = doc[child.left_edge.i : child.right_edge.i + 1]
                    role = self._longest_role(appos, roles)
                    if role:
                        title = appos
                        break
        country = self._modifier_country(title)
        sector = self._sector_of(role, title)
        igo = None
        former = sector == "ELI"  # "Former UN Secretary-General Kofi Annan" no longer speaks for the UN
        for org in title.ents:  # "Pentagon spokesman", "NATO spokeswoman": the body tells whom they speak for
            body = self.gaz.body(org.text) if org.label_ in ("ORG", "NORP") else None  # "a Taliban commander", tagged as a nationality
            if body is not None and not (former and body.sector == "IGO"):
                country = country or body.country
                sector = "IGO" if body.sector == "IGO" else body.sector if sector in (None, "IGO") or not former and _sector(body.sector) not in STATE_SECTORS else sector  # "secretary general of the MDC", "Hamas spokesman": a non-state body's
                igo = body.code if body.sector == "IGO" else igo
        name = ent.text.removesuffix("'s").removesuffix("’s").strip()
        known = self.people.find(name, doc._.published) if country is None and igo is None else None
        if known is not None:  # "President Bush", "Bush said": the US president, whatever country the story is about
            country, sector = known.country, sector or known.sector
            igo = known.code if known.sector == "IGO" and not former else None
            sector = "IGO" if igo else sector
        if sector == "IGO":
            country = None
        code = igo if sector == "IGO" and igo else _code(country, sector)  # "secretary general of the UN": IGOUNO
        actor = _Actor(f"person:{name}", name, "person", country, sector, code, role)
        return start, actor

    def _sector_of(self, role: str | None, title: Span) -> str | None:
        """The role's sector; a former office holder ("ousted President", "ex-minister") is an elite (ELI)."""
        if role is None:
            return None
        sector = self.roles[role]["sector"] or None  # "Hamas figure": the body's sector, if any
        if _sector(sector) in ("GOV", "MIL", "LEG", "JUD", "COP", "IGO") and any(t.lower_.rstrip("-") in FORMER for t in title):
            return "ELI"
        return sector

    def _titles(self, doc: Doc, roles: set[tuple[int, int]], taken: set[int]):
        """Office holders named by title only: "Japan's prime minister", "a senior British minister",
        "the president of Armenia". A country must be named with the title."""
        for s, e in sorted(roles, key=lambda se: (se[0], -se[1])):
            if any(i in taken for i in range(s, e)) or (e < len(doc) and doc[e].pos_ in ("NOUN", "PROPN")):
                continue  # part of a named person's title, or modifying a noun ("minister meeting")
            left = s
            while left > 0 and (doc[left - 1].ent_type_ in ("GPE", "NORP") or doc[left - 1].lower_ in ("'s", "’s")
                                or doc[left - 1].pos_ == "ADJ" or doc[left - 1].lower_.rstrip("-") in FORMER
                                or self._dict_country(doc[left - 1])):  # fmt: skip
                left -= 1
            country = self._modifier_country(doc[left:s]) or self._country_after(doc, e)
            harmed = self._harmed(doc[e - 1]) if country is None else None
            if harmed is not None:  # "killing a police officer", "a soldier was wounded": a victim, of the place
                country = self._victims_country(doc, e, harmed)
            role = doc[s:e].text.lower()
            if country is None or role not in self.roles or self.roles[role]["sector"] in ("IGO", None, ""):
                continue
            sector = self._sector_of(role, doc[left:e])
            stop = e
            if e < len(doc) and doc[e].lower_ == "of":  # "the president of Armenia"
                stop = max((c.right_edge.i + 1 for c in doc[e].children if c.dep_ == "pobj"), default=e)
            name = " ".join(doc[left:stop].text.removesuffix("'s").split())
            if left > 0 and doc[left - 1].lower_ in ("the", "a", "an"):
                left -= 1
            taken.update(range(left, stop))
            yield left, stop, _Actor(f"title:{country}:{role}", name, "person", country, sector, _code(country, sector), role)

    def _describes_title(self, doc: Doc, i: int, end: int, roles: set[tuple[int, int]]) -> bool:
        """Whether word ``i`` describes an office between it and ``end`` ("Ithilen's outspoken and
        cool minister Calimehtar"), so the title goes on past it."""
        describing = doc[i].pos_ == "ADJ" or doc[i].lower_ in ("and", ",") and i > 0 and doc[i - 1].pos_ == "ADJ"
        return describing and self._longest_role(doc[i + 1 : end], roles) is not None

    def _is_title_word(self, token: Token, roles: set[tuple[int, int]]) -> bool:
        if token.is_space or any(s <= token.i < e for s, e in roles):
            return True
        if token.ent_type_ in ("GPE", "NORP", "ORG") or token.lower_ in TITLE_WORDS or self._dict_country(token):
            return True
        return token.lower_ in self.sector_nouns and token.pos_ in ("NOUN", "PROPN")

    def _longest_role(self, span: Span, roles: set[tuple[int, int]]) -> str | None:
        inside = [(s, e) for s, e in roles if span.start <= s and e <= span.end]
        if not inside:
            return None
        s, e = max(inside, key=lambda se: (se[1] - se[0], se[1]))
        return span.doc[s:e].text.lower()

    def _modifier_country(self, span: Span) -> str | None:
        """The country named among a phrase's modifiers, the one nearest its head first; not one an
        office is posted to ("Egypt's ambassador to Iraq": Egypt's)."""
        for ent in reversed(span.ents):
            if ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("to", "in", "at") and ent.start > span.start:
                continue
            if stance(ent[0]) or ent[0].lower_ in ("anti", "pro"):
                continue  # "anti-American protesters", "pro-Syrian groups": whom they are against or for, not theirs
            end = ent.end
            while end < span.end and span.doc[end].text[:1].isupper():
                end += 1
            if end > ent.end and (whole := self.gaz.country(span.doc[ent.start : end].text)):
                return whole  # "South" tagged apart from "Korean": South Korea's, not a province named "South"
            if ent.text.lower() in self.dict_countries:
                return self.dict_countries[ent.text.lower()]
            if ent.label_ in ("GPE", "NORP", "LOC"):
                iso3 = self.gaz.country(ent.text) or (self.gaz.capital(ent.text) or (None,))[0] or self._place_country(ent.text)
                if iso3:
                    return iso3
        covered: set[int] = set()
        for token in reversed(span):  # nationality words the NER missed ("Filipino")
            if token.pos_ in ("ADJ", "PROPN") and token.i not in covered and not stance(token):
                start = token.i
                while start > span.start and span.doc[start - 1].pos_ == "PROPN":
                    start -= 1
                name = span.doc[start : token.i + 1].text  # "New South Wales", also inside "Ambulance Service of New South Wales"
                if token.i > start and (whole := self.gaz.country(name) or self._place_country(name)):
                    return whole  # Australia's, not Wales's; "the Northern Ireland Office": the UK's, not Ireland's
                if token.i > start and self.gaz.locate(name) is not None:
                    covered.update(range(start, token.i + 1))
                    continue  # "Partnership of North America": a continent, not America
                iso3 = self._dict_country(token) or self.gaz.country(token.text)
                if iso3:
                    return iso3
        return None

    def _dict_country(self, token: Token) -> str | None:
        """The code of the user's dictionary country a word names or is part of ("Minas" in "Minas Tirith")."""
        if token.lower_ in self.dict_countries:
            return self.dict_countries[token.lower_]
        ent = _entity(token)
        return self.dict_countries.get(ent.text.lower().removesuffix("'s").removesuffix("’s")) if ent is not None else None

    def _sector_phrases(self, doc: Doc, roles: set[tuple[int, int]]):
        """ "the Japanese navy", "Russia's defence ministry", "Chinese coast guard ships", "rebels in Darfur"."""
        matches = sorted(self.sector_matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        last_end = -1
        shared: tuple[int, str | None] = (-1, None)  # where the last phrase ended, and its country
        for _, start, end in matches:
            if start < last_end or doc[end - 1].pos_ not in ("NOUN", "PROPN"):
                continue
            if any(s < end < e or s == end for s, e in roles):
                continue  # "government spokesman", "army chief": the sector word titles a person
            if doc[start:end].text.lower() in NAME_HEADS and doc[end - 1].ent_type_ == "ORG" and doc[end - 1].text[:1].isupper():
                continue  # "the International Labor Office": a body's name, for the named-body rule, not "Israel's office"
            stop, called = end, None
            if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
                head = doc[end - 1].head  # "coast guard ships": the phrase ends at the noun it modifies
                called = head.pos_ == "PROPN" and not head.ent_type_ and end <= head.i <= end + 2  # "the activist organisation AID/WATCH"
                if doc[end].ent_type_ == "PERSON" or not (head.pos_ == "NOUN" or called) or not end <= head.i <= end + 2:
                    continue
                stop = head.i + 1
            last_end = stop
            if doc[start:end].text == "party" and start > 0 and doc[start - 1].lower_ in ("a", "an", "birthday", "dinner", "search", "third"):
                continue  # "threw a party", "a third party": no political party
            entry = self.sector_nouns[doc[start:end].text.lower()]
            armed = self.sector_nouns.get(doc[stop - 1].text.lower())
            home_forces = stop > end and entry["sector"] == "GOV" and armed is not None and _sector(armed.get("sector")) in ("MIL", "COP")
            if home_forces:  # "government troops": the army's, not the cabinet's, and of the country they are in
                entry, end = armed, stop
            left = start
            while left > 0 and (doc[left - 1].ent_type_ in ("GPE", "NORP") or doc[left - 1].lower_ in ("'s", "’s", "state") or doc[left - 1].is_space
                                or doc[left - 1].text == "-" and left > 1 and doc[left - 2].ent_type_ in ("GPE", "NORP")  # "Saudi-led forces"
                                or doc[left - 1].dep_ == "amod" and doc[left - 1].head.i >= start
                                or self._dict_country(doc[left - 1])):  # fmt: skip
                left -= 1
            country = self._modifier_country(doc[left:start])
            if country is None and left == start and doc[start - 1].lower_ in ("and", "or") and shared[0] == start - 1:
                country = shared[1]  # "Danish media and government": the government is Danish too
            military = _sector(entry["sector"]) == "MIL"  # "troops in Iraq" are seldom Iraq's
            acting = doc[stop - 1].dep_ in ("nsubj", "nsubjpass")  # "soldiers from Gondor tapped": Gondor's; "withdrew forces from Panama": not
            if military:
                preps = ("of", "from") if acting else ("of",)
            elif _sector(entry["sector"]) == "GOV":
                preps = ("in", "of", "from", "for")  # "officials for the U.S. government"
            else:
                preps = ("in", "of", "from")
            country = country or self._country_after(doc, stop, preps, attached=military)
            kind, sector = entry["kind"], entry["sector"]
            if country is None and left == start and (body := self._body_after(doc, stop)) is not None:
                shared = (stop, None)  # "the leaders of the G8 nations": the body's, not a country's
                yield left - (left > 0 and doc[left - 1].lower_ == "the"), stop, _Actor(
                    f"body:{body.code}:{sector}:{kind}", f"{doc[start:end].text} of {body.name}", kind, None, sector, body.code)
                continue
            harmed = kind == "group" and not _named_part(doc, start) and self._harmed(doc[stop - 1])  # "killing 12 civilians"; not "UN peacekeepers"
            if country is None and kind == "group" and (harmed or not military or home_forces):  # "protesters marched in Tbilisi"
                country = self._country_of_scene(doc[end - 1])
                if country is None and harmed:  # "killed five soldiers in northern Nigeria", "struck in Lahore, killing 24"
                    country = self._victims_country(doc, stop, harmed)
            definite = left > 0 and doc[left - 1].lower_ == "the"
            if country is None and (kind == "media" or entry.get("agent") or not (definite or harmed or self._acting_body(doc, start, stop, sector))):
                continue  # "officials", "the newspaper", "the president": too vague to be an actor of their own
            if country is None and left == start and doc[start:end].text.lower() in self.back_references and not (
                    stop < len(doc) and doc[stop].lower_ in ("of", "from", "in")):  # fmt: skip
                continue  # "the leaders": the people named before (coreference), not a group of its own
            name = " ".join(doc[end:stop].text.split()) if called else " ".join(doc[left:end].text.removesuffix("'s").split())
            for other_start, other_end, other in self._conjoined_countries(doc, left) if left < start else ():  # "US and British forces", not "Israel and Hezbollah militants"
                yield other_start, other_end, _Actor(f"sector:{other}{sector}:{kind}", f"{self.gaz.country_name(other)} {doc[start:end].text}", kind, other, sector, other + sector)
            if left > 0 and doc[left - 1].lower_ == "the":
                left -= 1
            shared = (stop, country)
            yield left, stop, _Actor(f"sector:{_code(country, sector)}:{kind}", name, kind, country, sector, _code(country, sector))

    @staticmethod
    def _acting_body(doc: Doc, start: int, stop: int, sector: str) -> bool:
        """Whether a bare group ("Police fired tear gas", "Security forces killed five", "Workers began a
        strike") acts in its clause: an actor even with no country or "the" (the article's setting gives
        it one). Not officials, who are too vague ("officials said"), nor when a name is part of it ("the
        United States Navy", "UN peacekeepers"): the name's actor stands for it."""
        head = doc[stop - 1]
        if head.dep_ == "pobj" and head.head.lower_ == "of" and (head.head.head.like_num or head.head.head.lemma_.lower() in COUNTS):
            head = head.head.head  # "Thousands of farmers marched": the count is the subject
        acting = head.dep_ in ("nsubj", "nsubjpass") or head.dep_ == "pobj" and head.head.dep_ == "agent"  # "sealed off by riot police"
        acting = acting or head.dep_ == "dobj" and head.head.pos_ == "VERB" and _sector(sector) == "COP"  # "accused police of torture"
        return _sector(sector) != "GOV" and acting and not _named_part(doc, start)

    def _body_after(self, doc: Doc, stop: int):
        """The international body in "leaders of the G8 (nations)", "foreign ministers of ASEAN"."""
        if stop >= len(doc) or doc[stop].lower_ != "of":
            return None
        for child in (c for c in doc[stop].children if c.dep_ == "pobj"):
            for word in (child, *(c for c in child.children if c.dep_ in ("compound", "nmod", "amod"))):
                ent = _entity(word)
                for text in ((ent.text.removeprefix("the ").removeprefix("The "),) if ent is not None else ()) + (word.text,):
                    body = self.gaz.body(text)
                    if body is not None and body.sector == "IGO":
                        return body
        return None

    def _harmed(self, noun: Token) -> Token | None:
        """The verb by which a group is harmed ("killing 12 civilians", "five soldiers were wounded",
        "police arrested 20 protesters"): victims are worth coding even with no country named, and they
        are most often of the country where it happens."""
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in self.harming:
            return noun.head
        if noun.dep_ == "appos" and noun.head.dep_ in ("dobj", "nsubjpass"):
            return self._harmed(noun.head)  # "killing 24 people, mostly policemen"
        if noun.dep_ == "pobj" and noun.head.lower_ in ("on", "upon", "at") and noun.head.head.lemma_ in ("fire", "shoot"):
            return noun.head.head  # "troops fired on protesters"
        return None

    def _victims_country(self, doc: Doc, stop: int, harmed: Token) -> str | None:
        """The country of victims named with none: where they are ("five soldiers in northern Nigeria"), else
        where the verb that harms them happens ("struck in Lahore, killing 24")."""
        return self._country_after(doc, stop, ("in",)) or self._country_of_scene(harmed)

    def _country_of_scene(self, token: Token) -> str | None:
        """The country where a crowd's verb happens ("thousands of protesters marched in Tbilisi"): the people
        of a place are most often its own."""
        for _ in range(4):
            if token.dep_ not in ("nsubj", "nsubjpass", "pobj", "prep") or token.head.i == token.i:
                break
            token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            return None
        for verb in (token, token.head) if token.dep_ in ("advcl", "conj") else (token,):  # "struck in Lahore, killing 24"
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in SCENE_PREPS):
                places = [t for t in prep.subtree if (t.ent_type_ in ("GPE", "LOC") or t.pos_ == "PROPN") and (
                    t.dep_ == "pobj" and t.head.lower_ in SCENE_PREPS or t.dep_ in ("appos", "compound") and t.head.dep_ == "pobj" and t.head.head.lower_ in SCENE_PREPS)]  # fmt: skip
                for place in places:
                    if (iso3 := self._place_country((_entity(place) or place).text)) is not None:
                        return iso3  # "in the Pakistani city Lahore", "at a tea shop in southern Thailand"
        return None

    def _country_after(self, doc: Doc, stop: int, preps: tuple[str, ...] = ("in", "of", "from"), attached: bool = False) -> str | None:
        """The country of "rebels in the Ivory Coast", "police of Gaza", "soldiers from Gondor"; with
        ``attached``, only when the preposition belongs to the phrase ("withdrew troops from Lebanon": not theirs)."""
        if stop < len(doc) and doc[stop].lower_ in preps:
            candidates = [c for c in doc[stop].children if c.dep_ == "pobj"]
            if doc[stop].head.i == stop - 1:  # a bad parse may hang the name elsewhere ("Soldiers from Gondor wire tapped")
                candidates += [t for t in doc[stop + 1 : stop + 3] if t.lower_ != "the"][:1]
            elif attached:
                return None
            for child in candidates:
                if own := self._dict_country(child):
                    return own  # the user's dictionary names it
                if ent := _entity(child):
                    whole = self.gaz.country(ent.text) if ent.label_ in ("GPE", "LOC", "NORP") else None  # "Northern Ireland", not Ireland
                    own = self.gaz.country(child.text)  # "the Parliament of Australia" tagged as one ORG
                    return whole or (self._place_country(ent.text) if ent.label_ in ("GPE", "LOC") else None) or own  # "New South Wales": not Wales
        return None

    def _conjoined_countries(self, doc: Doc, left: int):
        """Countries coordinated before a sector phrase's own modifier: "US" in "US and British forces"."""
        i = left - 1
        while i > 0 and doc[i].lower_ in ("and", ",", "or"):
            j = i - 1
            while j >= 0 and doc[j].ent_type_ in ("GPE", "NORP") and doc[j].ent_iob_ != "B":
                j -= 1
            if j < 0 or doc[j].ent_type_ not in ("GPE", "NORP"):
                return
            iso3 = self._place_country(doc[j : i].text)
            if iso3 is None:
                return
            yield j, i, iso3
            i = j - 1

    def _place_country(self, text: str) -> str | None:
        found = self.gaz.country(text)
        if found:
            return found
        place = self.gaz.locate(text)
        return place.country if place else None

    def _named(self, ent: Span) -> _Actor | None:
        """Countries acting as such, capitals acting for governments, unknown organizations."""
        root = ent.root
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in MEDIA_DESCRIPTIONS and ent.label_ in ("ORG", "GPE", "NORP"):
            name = ent.text.removesuffix("'s")  # "the newspaper Inquirer"
            country = self._modifier_country(ent.doc[max(0, ent.start - 4) : ent.start])
            return _Actor(f"body:{name}", name, "media", country, "MED", _code(country, "MED"))
        if ent.label_ in ("GPE", "NORP", "PERSON"):  # a "person" named like a country is the country
            iso3 = self.gaz.country(ent.text)
            if iso3:
                state = self._state_not_country(ent, iso3)
                if state is not None:  # "Georgia declared an emergency" in an article about Atlanta
                    return _Actor(f"division:{state.name}", f"{state.name} state government", "organization",
                                  state.country, "GOV", state.country + "GOV")  # fmt: skip
                people = root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound") or (
                    root.tag_ == "JJ" and root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"))  # fmt: skip
                if ent.label_ == "NORP" and people:  # "Palestinians", "Lebanese opposing the presence of Syrian troops"
                    return _Actor(f"sector:{iso3}CVL:group", ent.text, "group", iso3, "CVL", iso3 + "CVL")
                return _Actor(f"country:{iso3}", self.gaz.country_name(iso3), "country", iso3, None, iso3)
            return self._capital_government(ent.text) if self._capital_acting(ent) else None
        if ent.label_ == "ORG" and self._capital_acting(ent):  # "Tallinn summoned ...", tagged as an organization
            return self._capital_government(ent.text)
        if ent.label_ == "ORG" and not place_in_disguise(ent, self.gaz):
            name = ent.text.removeprefix("the ").removeprefix("The ").removesuffix("'s").strip(" (&,-")
            if name.lower() in self.roles:
                return None  # "The Prime Minister", tagged as an organization: an office, whose holder coreference finds
            country = self._modifier_country(ent) or self._modifier_country(ent.doc[max(0, ent.start - 3) : ent.start])
            head = name.lower().split(" of ")[0]  # "Ministry of Silly Walks": a ministry
            noun = next((n for n in self.sector_nouns if head == n or head.endswith(" " + n)), None)
            if noun is None and ent.end < len(ent.doc) and ent.doc[ent.end].lower_ == "party":
                noun = "party"  # "the Kadima party", "Shiv Sena party workers": a party
            if noun is None:  # "the Kenyan rights group Muslim Human Rights Forum": what the words before it call it
                before = (ent.doc[max(0, ent.start - k) : ent.start].text.lower() for k in (3, 2, 1))
                noun = next((b for b in before if b in self.sector_nouns and self.sector_nouns[b]["kind"] == "organization"), None)
            sector = self.sector_nouns[noun]["sector"] if noun else None
            if country is None and noun:  # "the United States Navy", tagged as one organization
                country = self.gaz.country(name[: -len(noun)].strip())
            kind = "media" if sector == "MED" else "organization"
            named_place = self.gaz.locate(name) is not None  # "the New South Wales parliament": the state's
            code = _code(country, sector) if sector or named_place else None  # "the Brazilian Landless Workers Movement": Brazilian, not the state
            return _Actor(f"body:{name}", name, kind, country, sector, code)
        return None

    def _state_not_country(self, ent: Span, iso3: str):
        """The state or province named like a country ("Georgia"), when the article names a city in that
        state and no place in the namesake country; else None. A city elsewhere in the state's country
        is no evidence: a war in Georgia is reported with Washington and the US in it."""
        division = self.gaz.division(ent.text)
        if division is None or division.country == iso3:
            return None
        others = [self.gaz.locate(e.text) for e in ent.doc.ents if e.label_ == "GPE" and e.text != ent.text]
        inside = any(o is not None and o.admin1 == division.admin1 for o in others)
        return division if inside and not any(o is not None and o.country == iso3 for o in others) else None

    def _capital_acting(self, ent: Span) -> bool:
        """A capital acting for its government ("Tokyo wants", "Tallinn summoned ..."), whatever the
        model tagged it as; "in Tokyo" is a place."""
        return self.gaz.capital(ent.text) is not None and not locative(ent.root) and self._acts(ent.root)

    def _capital_government(self, name: str) -> _Actor:
        """The government a capital stands for."""
        iso3, sector = self.gaz.capital(name)
        return _Actor(f"sector:{iso3}{sector}:organization", f"{self.gaz.country_name(iso3)} government", "organization", iso3, sector, iso3 + sector)

    def _sector_word(self, words: Span) -> bool:
        """Whether words end with a sector noun or an office ("harbour pilots", "court"), so the phrase
        they end is an actor of its own."""
        for start in range(words.start, words.end):
            phrase = words.doc[start : words.end]
            if any(w in self.sector_nouns or w in self.roles for w in (phrase.text.lower(), phrase.lemma_.lower())):
                return True
        return False

    @staticmethod
    def _acts(token: Token) -> bool:
        """A capital acts as a subject or possessor ("Tokyo wants", "Beijing's navy"), an object of a
        verb ("warned Beijing"), or after "with", "against", "between", "by" ("talks with Tokyo")."""
        head = token.head
        while token.dep_ == "conj" and head.i != token.i:
            token, head = head, head.head
        if token.dep_ == "nsubj" and head.lemma_ in SCENE_VERBS:
            return False  # "Washington saw the largest demonstration": where, not who
        if token.dep_ in ("nsubj", "nsubjpass", "poss"):
            return head.pos_ in ("VERB", "AUX", "NOUN")
        if token.dep_ in ("dobj", "dative"):
            return head.pos_ == "VERB"
        return token.dep_ == "pobj" and head.lower_ in ACTING_PREPS

    # -- grouping -----------------------------------------------------------------------------

    def _group(self, doc: Doc, found: list[tuple[int, int, _Actor]]) -> list[dict]:
        actors: dict[str, _Actor] = {}
        by_surname: dict[str, str] = {}
        by_alias: dict[str, str] = {}  # organizations: "Apple" for "Apple Inc.", "EADS" for its long name
        full_names: dict[str, list[str]] = {}  # the words each person was first named with in full
        for start, end, actor in sorted(found, key=lambda f: f[0]):
            key = actor.key
            if actor.kind == "person":
                parts = [p for p in actor.name.replace(",", " ").split() if p.lower() not in NAME_SUFFIXES] or actor.name.split()
                same = by_surname.get(actor.name) or by_surname.get(parts[-1]) or by_surname.get(ARTICLE_PREFIX.sub("", parts[-1]))
                if same is not None and same != by_surname.get(actor.name) and _other_person(parts, full_names.get(same)):
                    same = None  # "Raul Castro" after "Fidel Castro", "Sir Ian Blair" beside "Tony Blair": two people
                key = same or key
                if len(parts) > 1:
                    full_names.setdefault(key, parts)
                if key not in actors:
                    by_surname.setdefault(parts[-1], key)
                    by_surname.setdefault(ARTICLE_PREFIX.sub("", parts[-1]), key)  # "Shaer" after "Nasser al-Shaer"
                    by_surname.setdefault(actor.name, key)
                    if len(parts) > 1 and "-" in parts[-1]:  # "Chen Shui-bian": the family name comes first
                        by_surname.setdefault(parts[0], key)
            elif key.startswith("body:") and self.gaz.body(actor.name) is None:  # an organization the lexicons do not know
                if actor.name in by_surname:  # "Jobs" tagged as an organization after "Steve Jobs"
                    key = by_surname[actor.name]
                else:
                    aliases = _org_aliases(actor.name)
                    key = next((by_alias[a] for a in aliases if a in by_alias), key)
                    for alias in aliases:
                        by_alias.setdefault(alias, key)
            existing = actors.get(key)
            if existing is None:
                actors[key] = existing = _Actor(key, actor.name, actor.kind, actor.country, actor.sector, actor.code, actor.role)
            else:  # a later mention may know more ("Kishida" first, "Prime Minister Fumio Kishida" later)
                if len(actor.name) > len(existing.name) and actor.kind == existing.kind == "person":
                    existing.name = actor.name
                existing.country = existing.country or actor.country
                existing.sector = existing.sector or actor.sector
                existing.role = existing.role or actor.role
                existing.code = _code(existing.country, existing.sector) if existing.kind == "person" else existing.code or actor.code
            existing.mentions.append((start, end))
        records = []
        for n, actor in enumerate(sorted(actors.values(), key=lambda a: min(a.mentions)), 1):
            mentions = []
            for start, end in sorted(set(actor.mentions)):
                while end - start > 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text == "&"):
                    end -= 1  # "National Bureau of Investigation (": the NER took a bracket along
                while end - start > 1 and doc[start].is_space:
                    start += 1
                span = doc[start:end]
                text = span.text
                trim = len(text) - len(text.removesuffix("'s").removesuffix("’s").rstrip())
                mentions.append({"start": span.start_char, "end": span.end_char - trim, "text": text[: len(text) - trim]})
            records.append({
                "id": f"a{n}", "name": actor.name, "kind": actor.kind, "country": actor.country,
                "sector": _sector(actor.sector), "code": actor.code, "role": actor.role, "mentions": mentions,
            })  # fmt: skip
        return records


def _one_congo(doc: Doc, found: list[tuple[int, int, "_Actor"]]) -> None:
    """A bare "Congo" in an article that names the Democratic Republic of the Congo is that country, not its
    neighbour the Republic of the Congo, which "Congo" alone names elsewhere (and which, named in full, stays)."""
    if not any(a.country == "COD" for _, _, a in found):
        return
    for start, end, actor in found:
        if actor.country == "COG" and actor.kind == "country" and bare_congo(doc[start:end].text):
            actor.key, actor.name, actor.country, actor.code = "country:COD", "Democratic Republic of the Congo", "COD", "COD"


def _attached(span: Span) -> Token:
    """The word by which a name hangs in the sentence, past any coordination ("Hungarian and
    Romanian officials": "Hungarian")."""
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _entity(token: Token) -> Span | None:
    """The named entity a token is part of, if any."""
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None) if token.ent_type_ else None


def _modified(span: Span) -> Token:
    """The word a name depends on ("officials" in "Hungarian and Romanian officials")."""
    return _attached(span).head


def _modifies_noun(span: Span) -> bool:
    """Whether a name modifies a noun after it ("Afghan farmers", "Israel's court", "Hungarian and
    Romanian officials", "the Calenardhon Ministry of ...")."""
    token = _attached(span)
    return token.dep_ in ("amod", "compound", "poss", "nmod") and token.head.i >= span.end and token.head.pos_ in ("NOUN", "PROPN")


def _org_aliases(name: str) -> list[str]:
    """Names under which an organization may come back: without "Inc." or "Group", its first word,
    and its initials ("European Aeronautic Defence and Space Company" -> "EADS")."""
    words = [w for w in name.replace(",", " ").split() if w.lower().rstrip(".") not in CORPORATE_SUFFIXES] or name.split()
    aliases = [" ".join(words).lower()]
    if len(words) > 1 and words[0].lower() not in GENERIC_FIRST_WORDS and words[0][:1].isupper():
        aliases.append(words[0].lower())
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) > 1:
        aliases.append("".join(w[0] for w in capitals).lower())
    return aliases


def aimed_at(token: Token) -> set[int]:
    """The words an office holder acts on ("Bush imposed sanctions on Iran": Iran), which are not where
    they come from; "a curfew in Algiers" is where they govern)."""
    while token.dep_ in ("compound", "amod", "det", "poss", "nummod") and token.head.i != token.i:
        token = token.head  # from a word of the name to its head ("Four gunmen")
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    verb = token.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in AIMING_PREPS]
    preps += [p for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ in AIMING_PREPS]
    aimed = {o.i for o in objects} | {m.i for o in objects for m in o.lefts}  # "the Chinese ambassador"
    return aimed | {t.i for p in preps for t in p.subtree}


# People whom their own state's forces most often harm ("the military killed protesters in Rangoon").
DISSENTERS = frozenset("protester protesters demonstrator demonstrators activist activists dissident dissidents opposition "
                       "prisoner prisoners detainee detainees student students striker strikers".split())


def harmed_by(token: Token) -> set[int]:
    """The words naming whoever acts on a group that a verb acts on ("Israeli jets struck the town, killing 20
    civilians": the jets; "were killed by Israeli jets"), whose country is seldom the victims'."""
    while token.dep_ in ("compound", "amod", "det", "poss", "nummod") and token.head.i != token.i:
        token = token.head
    if token.dep_ not in ("dobj", "nsubjpass") or token.lemma_.lower() in DISSENTERS:
        return set()  # "troops fired on protesters": most often their own country's forces
    verb, doers = token.head, set()
    for _ in range(3):
        for child in (c for c in verb.children if c.dep_ in ("nsubj", "agent")):
            for doer in [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "agent" else [child]:
                doers.update(range(doer.left_edge.i, doer.i + 1))  # "Israeli jets", not "in southern Lebanon" after it
        if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
            break
        verb = verb.head  # "struck the town, killing 20": the striker kills
    return doers


def stance(token: Token) -> str | None:
    """ "anti" or "pro" when a word says what something is against or for ("anti-American protests",
    "pro-Syrian rally"), not whose it is."""
    doc, i = token.doc, token.i
    return doc[i - 2].lower_ if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro") else None


def names_a_thing(token: Token, is_actor) -> bool:
    """Whether a country word modifies or is the source of a common noun that is no actor ("U.S. beef",
    "beef imports from the United States"), rather than naming a party or a place; ``is_actor`` tells
    whether a noun names an actor ("U.S. troops")."""
    word = token
    while word.dep_ in ("compound", "det") and word.head.i != word.i:
        word = word.head  # "the United States": its last word
    if word.dep_ in ("compound", "nmod"):  # not "Iraq's frontman", "Iraqi officials": people
        head = word.head
    elif word.dep_ == "pobj" and word.head.lower_ == "from" and word.head.head.pos_ == "NOUN":
        head = word.head.head
    else:
        return False
    return head.pos_ == "NOUN" and not head.ent_type_ and not is_actor(head)


def _named_part(doc: Doc, start: int) -> bool:
    """Whether a sector phrase starting at ``start`` is part of a name, or follows one ("the United States
    Navy", "UN peacekeepers"): the name's actor stands for it. A number is no name ("16,000 protesters")."""
    return doc[start].ent_iob_ == "I" or start > 0 and doc[start - 1].ent_type_ in NAME_LABELS


def acted_on(token: Token) -> bool:
    """Whether a country word is what a verb or noun acts on ("would talk to Russia", "sanctions on Iran",
    "President Bush's visit to Israel"), which a person or body of no stated country is seldom from."""
    while token.dep_ in ("compound", "amod", "det", "poss") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("dobj", "dative") or token.dep_ == "pobj" and token.head.lower_ in AIMING_PREPS


def _elsewhere(token: Token) -> bool:
    """Whether a country word names no office holder's own country: what is acted on, flown "into", or
    opposed ("resigned over the decision to invade Iraq")."""
    return acted_on(token) or token.dep_ == "pobj" and token.head.lower_ == "into" or under_dispute(token)


def under_dispute(token: Token) -> bool:
    """Whether a country word is inside what a phrase is against or about ("protests against the invasion
    of Iraq", "anger over the war in Iraq"): what people oppose, not where they are from."""
    for _ in range(6):
        if token.dep_ == "prep" and token.lower_ in DISPUTING_PREPS:
            return True
        if token.head.i == token.i or token.head.pos_ in ("VERB", "AUX") and token.dep_ != "prep":
            return False
        token = token.head
    return False


def place_in_disguise(ent: Span, gaz) -> bool:
    """ "in Gainesville" tagged as a person or organization, "in Samarra" as a nationality: a known place
    after a locative preposition. The actor stage leaves such a name alone and the place stage takes it."""
    if ent.label_ == "NORP" and gaz.country(ent.text):
        return False  # "in Iraqi hands": a nationality word
    if ent.root.head.lower_ in ("between", "among"):
        return False  # "talks between Bush and Calderon": people, whatever town shares the name
    return locative(ent.root) and gaz.body(ent.text) is None and gaz.locate(ent.text) is not None


def locative(token: Token) -> bool:
    """A name after a locative preposition ("in Tokyo", "a visit to Washington") names where, and a
    country named so is also who an event with no other target is aimed at (see events).

    "to" after a transfer ("arms to Pakistan", "aid to Serbia") names a recipient instead.
    """
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in SETTLEMENT_NOUNS:
        return True  # "the Iraqi city of Hilla"
    if token.dep_ in ("appos", "compound") and token.head.lemma_.lower() in SETTLEMENT_NOUNS and token.i > token.head.i:
        return True  # "the Pakistani city Lahore"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ("visit", "tour") and token.ent_type_ in ("GPE", "LOC"):
        return True  # "a visit of India"
    if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS:
        return False
    if token.head.lower_ in ("at", "toward", "towards") and token.head.head.lemma_ in DIRECTED:
        return False  # "fired shells at New Zealand": a target
    return not (token.head.lower_ == "to" and token.head.head.lemma_ in TRANSFERS)


@Language.factory(
    "eventwire_actors",
    assigns=["doc._.actors"],
    requires=["doc.ents", "token.dep", "token.pos"],
    default_config={"lexicon_dir": None},
)
def make_actors(nlp: Language, name: str, lexicon_dir: str | None) -> ActorFinder:
    return ActorFinder(nlp, lexicon_dir)
