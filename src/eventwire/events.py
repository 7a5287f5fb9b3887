"""Event stage: PLOVER events from verbs, nouns and light-verb phrases over the dependency parse.

For each trigger in the events lexicon (``data/events.tsv``) it finds the source and target
actors (subjects, objects, "with"/"against" phrases, passive agents, coordination), the modality
(asserted, future, hypothetical, negated), the date of the clause (falling back to publication,
flagged as imputed), the place, and the quote the event is stated in, with its speaker.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice

from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.tokens import Doc, Token

from .actors import SCENE_VERBS, SETTLEMENT_NOUNS, STATE_SECTORS, stance, under_dispute
from .extensions import actors_by_token, add_actor, guarded, is_english, span_record
from .gazetteer import gazetteer
from .lexicons import load_table
from .petrarch_verbs import read_folder as read_verbs

log = logging.getLogger("eventwire")

TARGET_PREPS = frozenset({"with", "against", "on", "to", "toward", "towards", "at", "from", "for", "into"})
# Not "go": a protest "went ahead"; "is going to" is read on its own (``_modality``).
FUTURE_GOVERNORS = frozenset({"plan", "intend", "schedule", "set", "prepare", "aim", "agree", "decide", "vow", "pledge", "promise", "due", "invite"})
# Words of inviting: the meeting they offer is still to come ("Russia has invited Hamas for talks").
INVITING = frozenset({"invite", "invitation"})
HYPOTHETICAL_GOVERNORS = frozenset({"expect", "consider", "hope", "want", "propose", "seek", "mull", "weigh", "could", "may", "might", "likely", "possible", "threaten", "try", "offer", "suggest", "urge", "call",
                                    "encourage", "pressure", "press", "push", "support", "back", "favor", "favour", "advocate",
                                    "intention", "intent", "attempt", "ready", "willing", "eager", "need"})  # fmt: skip  # "with intentions of meeting Harper", "ready to meet"
# Nouns and verbs for which a nominal event after "for" is only wanted ("voiced support for sanctions").
ADVOCATING = frozenset({"support", "call", "push", "demand", "pressure", "appeal", "plea", "campaign", "lobby", "argue", "press",
                        "back", "vote", "case", "bid", "proposal"})
# What someone is able to do, which is no event ("missiles capable of striking Israel", "the ability to defend themselves").
CAPABILITIES = frozenset({"capable", "able", "unable", "ability", "capability", "capacity", "means", "way", "power", "potential"})
# Verbs whose object is a topic, not an event of their subject's ("discussed aid", "to discuss the stalled trade talks").
DISCUSSING = frozenset({"discuss", "debate", "address", "review", "examine", "study", "consider", "raise", "mention", "cover"})
# Nouns of talk, after which "on" gives the topic ("the discussion on aid in Africa").
TALK_NOUNS = frozenset({"discussion", "debate", "talk", "meeting", "conference", "summit", "negotiation", "consultation", "dialogue",
                        "question", "view", "stance", "position", "policy", "report", "statement", "speech", "remark", "comment"})
# Verbs by which a threat is made ("issued a threat"): otherwise "a nuclear threat from Iran" is a danger, not a threat.
ISSUING = frozenset({"issue", "make", "repeat", "renew", "carry", "deliver", "level", "voice", "utter", "escalate", "step", "back", "withdraw"})
# Bonds that are there already unless someone forms them ("formed an alliance"), and the verbs that do.
STANDING = frozenset({"alliance", "partnership"})
FORMING = frozenset({"form", "forge", "join", "create", "build", "establish", "seal", "sign", "announce", "launch", "enter", "strengthen",
                     "deepen", "expand", "renew", "upgrade"})
# Verbs of warning: a hostile act they say may come is a threat (PLOVER THREATEN, its mode the content).
WARNING_VERBS = frozenset({"warn", "caution", "threaten"})
# Verbs of stating by which an attack the speaker says they will make is a threat ("said it will strike").
STATING = frozenset({"say", "state", "announce", "declare", "tell"})
THREAT_MODES = {"ASSAULT": ("violence", "138"), "MOBILIZE": ("violence", "138"), "SANCTION": ("restrict", "1312"), "COERCE": ("restrict", "131"),
                "PROTEST": ("relations", "133")}
# Verbs of promise whose hostile content makes them a threat ("vowed to start a holy war").
VOWS = frozenset({"vow", "pledge", "swear", "promise"})
# Words that make an attack or offensive one of words, not arms ("vitriolic attacks", "a charm offensive").
RHETORIC = frozenset("verbal vitriolic scathing personal rhetorical blistering stinging withering scornful charm media propaganda "
                     "political diplomatic".split())
# Exercises: alone they show force (MOBILIZE), with others they are military cooperation (PLOVER).
EXERCISES = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "wargame", "game"})
HYPOTHETICAL_MODALS = frozenset({"may", "might", "could", "would", "should", "can", "must"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
REPORTING_LEMMAS = frozenset({"say", "tell", "announce", "state", "add", "confirm", "report", "declare", "promise", "pledge", "vow", "insist"})
# Verbs whose subject undergoes the event named by their object ("faced sanctions", "came under attack").
RECEIVING = frozenset({"receive", "face", "suffer", "endure", "come", "sustain", "draw", "get", "die", "survive", "perish"})
# Verbs that stop a meeting from taking place ("postponed their summit", "called off the talks").
CANCELLING = frozenset({"postpone", "delay", "cancel", "scrap", "defer", "call", "suspend", "shelve", "abandon"})
# Of those, the ones that can set a new time ("postponed the summit until March"): then it is planned.
RESCHEDULING = frozenset({"postpone", "delay", "defer", "push", "move", "reschedule"})
# Verbs by which an event takes place ("failed to take place", "failed to materialise").
HAPPENING_VERBS = frozenset({"take", "happen", "occur", "materialize", "materialise", "begin", "start", "go", "proceed", "convene", "resume", "open"})
NEGATION_GOVERNORS = frozenset({"deny", "refuse", "fail", "decline", "reject"})
FUTURE_ADJECTIVES = frozenset({"planned", "upcoming", "scheduled", "forthcoming", "next", "coming"})
HYPOTHETICAL_ADJECTIVES = frozenset({"possible", "potential", "proposed", "likely", "expected", "prospective",
                                     "alleged", "suspected", "rumoured", "rumored", "purported", "reported", "claimed"})
# Hearsay: an event only reported or rumoured ("reportedly crossed", "is believed to have supplied") is
# not stored as one that happened.
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "reputedly", "rumouredly", "rumoredly"})
HEARSAY_VERBS = frozenset({"say", "believe", "think", "allege", "rumour", "rumor", "report", "suspect", "understand", "claim",
                           "presume", "fear", "suppose", "reckon"})
FOLD_FUTURE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
# Speech acts whose complement is what they ask, threaten, offer or refuse ("urged Germany to raise
# spending"): the complement is their content, coded as one event with them, not as a second one.
CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT"})
# Nouns of a light-verb phrase whose own "with"/"against"/"on" phrase names the target ("held talks with").
OBJECT_PREPS = frozenset({"with", "against", "on", "to", "toward", "towards", "at", "by", "between"})  # "encourage talks between Israelis and Palestinians"
# What a spokesperson declines to do without refusing anyone anything.
NO_COMMENT = frozenset({"comment", "say", "confirm", "elaborate", "specify", "discuss", "answer", "respond", "speculate", "identify", "disclose", "name"})
DETAILS = frozenset({"detail", "information", "comment", "figure", "name", "reason", "timeline", "timetable", "date"})
# Verbs by which details are given ("declined to give details"), unlike "refused to recognise the name".
DISCLOSING = frozenset({"give", "provide", "release", "disclose", "reveal", "divulge", "offer", "publish", "set", "share", "make"})
# What refusing an act is in CAMEO, by the PLOVER type and mode (or context) of the act refused: "refused to
# resign" rejects a change in leadership (1231), "will not withdraw its troops" declines to de-escalate (1246).
REFUSALS = {("RETREAT", "resign"): "1231", ("RETREAT", "withdraw"): "1246", ("RETREAT", "disarm"): "1246",
            ("RETREAT", "ceasefire"): "1246", ("RETREAT", "surrender"): "1246", ("RETREAT", "release"): "1243",
            ("RETREAT", None): "124", ("CONCEDE", "economic"): "1244", ("CONCEDE", None): "124", ("CONSULT", None): "125",
            ("AID", None): "122", ("COOPERATE", None): "121"}  # fmt: skip
ENGAGED = frozenset({"engage", "involve"})  # "troops were engaged in fighting": the subject does it
CONTRASTING = frozenset({"despite", "amid", "notwithstanding"})  # "withdrew despite a rally": someone else's
TOPICAL = frozenset({"about", "regarding", "concerning", "over"})  # "talk about the sanctions": a topic
# Prepositions whose event takes place whatever the sentence says of its verb ("will not clash during a visit").
PRESUPPOSING = frozenset({"during", "after", "before", "since", "amid", "despite", "following", "throughout"})
# Links from a nominal trigger up to the verb whose subject does it.
CARRIED_DEPS = frozenset({"dobj", "attr", "nsubjpass", "oprd", "pobj", "prep", "compound", "dative"})
# What a speaker says of another to blame them ("said India was responsible for the bombing", "says the US is
# behind the attacks"): an accusation (PLOVER ACCUSE), though no verb of accusing is used.
BLAMING_ADJECTIVES = frozenset({"responsible", "guilty", "culpable", "complicit", "accountable", "corrupt", "illegitimate", "dishonest"})
BLAMING_NOUNS = frozenset({"culprit", "perpetrator", "aggressor", "terrorist", "criminal", "liar", "murderer", "mastermind",
                           "instigator", "sponsor", "occupier", "invader", "provocateur", "warmonger", "spy", "mole", "puppet",
                           "traitor", "thief", "thug", "dictator", "tyrant", "racist", "fascist", "extremist", "coward"})
# Verbs that charge someone with a deed ("accused Eritrea of moving troops"): the deed is theirs, and only alleged.
ACCUSING = frozenset({"accuse", "charge", "suspect", "blame", "allege", "implicate"})
# Verbs that name something ("called the bombing a cowardly terrorist attack", "described the strike as an act
# of aggression"): a damning name is a condemnation (ACCUSE), and what is named is not the namer's own act.
NAMING = frozenset({"call", "term", "describe", "label", "brand", "dub", "characterize", "characterise", "denounce"})
DAMNING = frozenset({"attack", "aggression", "massacre", "genocide", "provocation", "crime", "atrocity", "terrorism", "murder",
                     "cowardly", "terrorist", "barbaric", "heinous", "despicable", "criminal", "brutal", "savage", "unprovoked",
                     "illegal", "outrageous", "unacceptable", "inhuman"})
# Verbs of showing or recording an event, which is not the recorder's ("CNN has shown footage of the protest").
RECORDING = frozenset({"show", "record", "film", "cover", "broadcast", "air", "televise", "photograph", "document", "watch", "monitor", "observe",
                       "report"})
# Verbs of belief whose content is the believer's claim, beside the verbs of saying.
BELIEVING = frozenset({"believe", "think", "contend", "conclude", "feel", "find", "charge", "suspect", "maintain"})
# Modals by which a speaker demands that someone else act ("said China must drop the barriers").
DEMAND_MODALS = frozenset({"must", "should"})
# Cooperative types, where "on" after the object is what it is about, not whom it is aimed at.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
# Types, and verbs of any type, whose several actors with no recipient act with each other ("Japan and
# China held talks", "the two Koreas exchanged fire"). PLOVER codes them as one event with every party
# as actor; dyadic data (CAMEO, PETRARCH) expands them into one event per ordered pair.
MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Nouns of people that can be seized, taken or held ("seized 11 Sunni men").
PERSONS = frozenset("man woman men women people person child children boy girl worker hostage tourist journalist reporter "
                    "passenger civilian villager student soldier policeman officer official diplomat foreigner sailor "
                    "suspect activist protester demonstrator prisoner fisherman crew member leader interpreter translator "
                    "driver guard bodyguard contractor engineer teacher doctor nurse".split())
# Verbs of alleging: a hostile act against the speaker's side told so is an accusation ("argued that
# Colombia invaded Venezuelan territory").
ALLEGING = frozenset({"allege", "argue", "claim", "charge", "contend", "complain", "insist"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE"})
# Nouns of what someone means to do ("unveiled a plan to withdraw troops": the one with the plan withdraws).
INTENTIONS = frozenset({"plan", "decision", "proposal", "bid", "effort", "intention", "pledge", "promise", "order", "move"})
# What one breaks off relations by ("broke off talks"), unlike a flag broken off a car.
RELATIONS = frozenset({"relation", "relations", "tie", "ties", "talk", "talks", "negotiation", "contact", "dialogue", "engagement"})
# Types whose trigger words are often part of an organization's name ("Economic Cooperation", "Relief").
NAMED_TYPES = frozenset({"COOPERATE", "AID", "SUPPORT"})
# Who protests by demanding ("protesters demanding a ceasefire"): their demand is the protest's.
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter", "crowd", "activist", "campaigner"})
# What an event to come is set by ("a date for talks", "a timetable for the withdrawal").
SCHEDULES = frozenset({"date", "timetable", "schedule", "deadline", "timeline"})
# People who act for the group they are "of" ("activists of the MNS", "supporters of Hamas").
MEMBERS = frozenset({"member", "activist", "supporter", "worker", "cadre", "follower", "fighter", "loyalist", "representative", "delegate",
                     "delegation", "envoy"})
# Parts of a group that act as the group ("the Pakistan branch of the Taliban").
BRANCHES = frozenset({"branch", "wing", "faction", "cell", "chapter", "arm", "unit"})
# Writings whose "attack" is words ("an editorial attacked the army's incompetence").
WRITINGS = frozenset({"editorial", "article", "column", "commentary", "statement", "speech", "letter", "report", "op-ed", "paper"})
# Who speaks for a body ("a spokesman for the LTTE"): the body acts.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# What a group is said to live for ("dedicated to fighting the occupation"): its aim, no act.
DEVOTED = frozenset({"dedicate", "dedicated", "devote", "devoted", "commit", "committed"})
# Words that make an act a habit or a kind of act, not one that took place ("notorious for using suicide
# bombing", "the tactic of hostage-taking").
HABITS = frozenset({"tactic", "method", "technique", "practice", "hallmark"})
REPUTED = frozenset({"notorious", "known", "famous", "infamous"})  # with "for"
# Dangers someone warns "of" without threatening anyone ("warned of unrest", "of a humanitarian crisis").
DANGERS = frozenset({"unrest", "danger", "risk", "crisis", "instability", "famine", "shortage", "disaster", "chaos", "epidemic",
                     "recession", "catastrophe", "collapse", "shortfall", "flooding", "flood"})
# What protesters disrupt besides people and events ("disrupt the whaling fleet").
DISRUPTED = frozenset({"fleet", "ship", "vessel", "convoy", "hunt", "operation", "traffic", "ceremony", "session", "parliament", "speech"})
# Causes no one is supported in ("is supporting extremism"): backing them is a charge, not support.
BAD_CAUSES = frozenset({"extremism", "extremist", "terrorism", "terrorist", "insurgency", "insurgent", "militancy", "militant",
                        "violence", "separatism", "separatist"})
# What is used or kept for acts in general ("a site used for attacks on the rebels", "a base for raids").
PURPOSED = frozenset({"use", "base", "site", "camp", "ground", "launchpad", "train", "training"})
# Events that are words: placed only where they are said, not where what they are about is.
SAID_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE"})
# Vehicles, whose make is no doer ("a white Toyota Corolla car rammed the convoy").
VEHICLES = frozenset("car vehicle truck lorry van bus jeep motorcycle motorbike bicycle boat ship ferry train".split())
# Events that happen on the ground, at a story's scene when no other place is told.
SCENE_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE"})
# What a journey is for when it visits no one ("flew to Iran to receive medical treatment").
PRIVATE_ERRANDS = frozenset("treatment care surgery operation checkup check-up therapy holiday vacation rest".split())
# Diplomats, who are summoned when "invited" to a ministry.
DIPLOMATS = frozenset({"ambassador", "envoy", "diplomat", "chargé", "charge", "consul", "attaché", "attache"})
# Words by which someone takes part in a gathering ("his first appearance at the summit").
ATTENDING = frozenset({"attend", "appearance", "appear", "arrive", "arrival", "participate", "participation", "presence", "join"})
# Nouns of meetings that take a name ("the Security and Prosperity Partnership summit").
GATHERINGS = frozenset({"summit", "conference", "forum", "dialogue", "meeting", "talk", "convention", "congress"})
RECIPROCAL = frozenset("exchange exchanges exchanged exchanging trade trades traded trading clash clashes clashed clashing "
                       "fight fights fought fighting".split())
# Dependents that modify a noun rather than add a phrase to it.
MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
# What is released without anyone being freed.
PUBLICATIONS = frozenset("statement report notice video footage figure data detail list book album film result information "
                         "photo photograph picture transcript letter document recording tape study survey plan budget".split())
# Places one visits without visiting anyone ("visited the scene").
SCENES = frozenset("scene site hospital area wreckage ruins crater memorial grave cemetery museum".split())
# Tellings of an event, which the teller did not do ("gave an account of the attack").
ACCOUNTS = frozenset("account description version story news details investigation inquiry probe report footage images".split())
# What one answers when refusing to respond to someone ("refused to respond to a demand from the US").
DEMANDS = frozenset("demand call request appeal ultimatum proposal offer plea".split())
# What is offered in words only ("offered his sympathy"): a comment (CAMEO 018), no event in PLOVER.
SYMPATHY = frozenset("sympathy sympathies condolence condolences prayer prayers thought thoughts".split())
# What one agrees with without agreeing to anything ("agree with her position").
OPINIONS = frozenset("position view views assessment opinion stance argument analysis sentiment".split())
# Verbs of forbidding: what they forbid is not told as happening ("banned the opposition march").
BANNING = frozenset({"ban", "prohibit", "forbid", "outlaw", "bar"})
# What one calls someone to do oneself ("called Stoltenberg to congratulate him"), unlike what one calls on them to do.
GREETINGS = frozenset("congratulate thank praise apologize apologise express offer discuss wish condole assure reassure brief invite".split())
# What is met without a meeting ("did not meet its commitments").
MET_NOT_PEOPLE = frozenset("commitment requirement demand standard target expectation need criterion deadline goal obligation "
                           "condition threshold quota challenge cost resistance opposition fate death end success approval".split())
# What a plan or person meets with, which is no meeting ("met with criticism from the opposition": the criticism is the event).
REACTIONS = frozenset("criticism condemnation opposition resistance protest protests skepticism scepticism anger outrage "
                      "derision ridicule hostility approval praise success failure silence disapproval disbelief alarm concern".split())
# Words that make a rally a campaign meeting, not a protest ("an election rally").
CAMPAIGNING = frozenset({"election", "campaign", "electoral", "pre-election", "poll", "victory"})
# What a leader signs alone, which commits no one else ("signed a decree", "signed the bill into law").
DOMESTIC_ACTS = frozenset("decree law bill order legislation ordinance proclamation budget directive amendment executive".split())
CRIMES = frozenset("suicide crime murder fraud atrocity genocide offence offense act massacre".split())
# Verbs that are events only toward someone ("defended Chavez", not "defended the policy").
NEEDS_TARGET = frozenset({"defend"})
# Nouns of things that happen, whose time expression is theirs ("the attack last year", "the 2005 election").
HAPPENINGS = frozenset("attack attacks election elections war summit meeting visit vote referendum crisis disaster earthquake "
                       "flood storm hurricane bombing bombings riot riots coup invasion conference games".split())
# Words that make a strike an attack ("air strike", "missile strikes").
MILITARY_WORDS = frozenset("air missile drone military rocket artillery naval aerial precision retaliatory preemptive pre-emptive "
                           "nuclear surgical cruise airstrike bombing".split())
# Sectors of the state in office (not former office holders), whose blocking of something is coercion, not protest.
GOVERNING = STATE_SECTORS - {"ELI"}
# Determiners that make a noun one named before ("the meeting", "this attack").
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Nouns naming an attack, which "the" makes the one told before ("the blast also injured eight").
ATTACK_NOUNS = frozenset("attack assault blast bombing explosion strike raid shelling shooting ambush airstrike".split())
# Words by which a sentence tells of an attack other than the one told before.
NEW_ATTACK = frozenset({"another", "second", "third", "separate", "further"})  # of the attack noun: "another blast"
EARLIER_ATTACK = frozenset({"last", "previous", "earlier", "prior"})  # "the last (attack)", "a previous bombing"
NEW_ACT = frozenset({"also", "again", "earlier", "later"})  # of the attack verb: "they also attacked a depot"
NEW_SCENE = frozenset({"meanwhile", "elsewhere", "separately"})  # anywhere: the story moves on
# What talks are held by when no one travels ("spoke with Putin by phone").
TELEPHONES = frozenset({"phone", "telephone", "videoconference", "video", "videolink", "hotline"})
# Operations a toll happens "during" or "in", whose doer did the killing ("killed during Israeli raids").
OPERATIONS = frozenset("mission raid operation offensive incursion strike airstrike attack assault bombardment shelling".split())
# Verbs of a "when" clause whose subject did the killing ("when Israeli troops called in an air strike").
FIRING = frozenset("call launch fire open strike attack bomb shell raid storm ambush".split())
# Verbs that give an attack's toll, whose "also" adds victims, not attacks ("a diplomat was also injured").
TOLL_VERBS = frozenset({"kill", "injure", "wound", "hurt", "maim", "die"})
# A section of links to other stories, flattened from wiki markup ("== Related news == * Uribe-Chavez meeting
# postponed ..."): headlines of other articles, not events of this one. It runs to the next heading.
LINK_SECTION = re.compile(r"==+ *(?:related\b[^=\n]*|previous related news|see also|external links|sources|references) *==+(.*?)(?===|$)",
                          re.IGNORECASE | re.DOTALL)
# What ends a dateline.
DASHES = frozenset({"-", "--", "–", "—"})
# Verbs naming what a protest is against ("rallied to protest the visit", "marched to denounce the government").
PROTESTING = frozenset({"protest", "oppose", "denounce", "condemn", "decry", "criticize", "criticise", "challenge", "demand"})
# Nouns of the area around a place, which an event "in front of" or "on the outskirts of" happens at.
SURROUNDINGS = frozenset({"front", "outskirts", "vicinity", "centre", "center", "heart", "middle", "edge", "outside", "area"})
# Prepositions of where an event happens.
LOCATIVES = frozenset({"in", "at", "near", "inside", "outside", "off", "around", "across", "throughout"})
# Events often done by people the article does not name ("a bombing in Iraq", "crowds in Hong Kong"), still worth coding.
UNNAMED_DOERS = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# Verbs that tell an attack happened when it is their subject ("a bombing struck the camp", "explosions were
# reported in Zahedan"): such an attack is coded at its place even when no one is named as doing or suffering it.
OCCURRING = frozenset("strike hit rock shake kill injure wound occur happen take report target destroy damage explode tear "
                      "leave claim land fall detonate erupt break turn continue spread resume rip".split())
# What kills without anyone attacking ("a subway crash killed 42 people").
DISASTERS = frozenset("crash accident collision derailment fire blaze earthquake quake flood flooding storm hurricane typhoon cyclone "
                      "tsunami landslide mudslide avalanche disease epidemic outbreak virus flu heatwave drought famine stampede "
                      "collapse tornado eruption".split())
# Verbs by which a crowd holds a protest ("staged a sit-in").
STAGING = frozenset({"hold", "stage", "conduct", "launch", "organize", "organise", "begin", "start", "mount", "join", "lead"})
# Types of events told with no one named ("explosions in Zahedan", "thousands protested in Paris") that are still
# coded at their place, on or by its people.
UNNAMED_CROWDS = frozenset({"ASSAULT", "PROTEST"})
# Triggers that are a deployment only when forces do them ("troops crossed the border", "150 commandos will
# serve in Afghanistan"), not refugees or ministers.
FORCES_ONLY = frozenset({"cross border", "cross into", "serve in"})
# Weapons, which name an attack only when told going off or hitting ("a car bomb exploded", "rockets hit Sderot"),
# not when owned, built or tested ("Iran's missiles").
WEAPONS = frozenset({"bomb", "grenade", "rocket", "mortar", "missile", "shell"})
# Words that make an explosion an accident, not an attack ("a gas explosion", "a coal mine blast").
ACCIDENTAL = frozenset("gas methane boiler accidental firework fireworks factory chemical industrial coal reactor volcanic sonic "
                       "population dust tanker pipeline furnace".split())
# Prepositions after which a country or body is where an event with no other target is aimed ("the border with").
LOCATED_PREPS = frozenset({"in", "into", "near", "inside", "along", "across", "within", "throughout", "over", "with"})
MOBILIZED_AT = frozenset({"into", "near", "along", "across", "with"})  # "massed troops near the border with Ukraine"
# Events that judge another event named as their object ("condemned the attack"), which is not theirs.
JUDGING_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN", "PROTEST", "SANCTION"})
# Named entities whose words are never triggers: "March 14" is no protest, "Strike Group" no attack.
NOT_TRIGGERS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "NORP", "FAC", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Words that link a noun trigger's head to what follows it ("exchange of fire"): such a trigger is not a compound.
NOUN_LINKS = frozenset({"of", "for", "on", "with", "to", "in"})


@dataclass(frozen=True)
class Rule:
    trigger: str
    pos: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    head: str  # the word the parse makes the head
    dependents: tuple[str, ...]  # the other words, which must depend on it
    reverse: Rule | None = None  # what the target does in return (a PETRARCH "[AAA:BBB]" code)
    compound: bool = False  # a PETRARCH pattern with "%": the members of a compound subject act on each other
    positions: tuple[tuple[str, tuple[int, int]], ...] = ()  # PETRARCH "$" / "+": where the source / target is
    dictionary: bool = False  # from a PETRARCH verb dictionary

    @classmethod
    def parses(cls, trigger: str, pos: str, *fields) -> list[Rule]:
        """The rule with its first word as head, and for a noun compound ("hunger strike", "war
        game") or a hyphenated word ("sit-in") also with its last word as head, as the parser attaches it."""
        if "-" in trigger:  # "sit-in" is three tokens, the last one the head: "sit" and "-" hang from it
            words = trigger.replace("-", " ").split()
            return [cls(trigger, pos, *fields, words[-1], tuple(words[:-1]))]
        words = trigger.split()
        rules = [cls(trigger, pos, *fields, words[0], tuple(words[1:]))]
        if pos == "NOUN" and len(words) > 1 and not set(words) & NOUN_LINKS:
            rules.append(cls(trigger, pos, *fields, words[-1], tuple(words[:-1])))
        return rules


class EventFinder:
    """Fills ``doc._.events``."""

    def __init__(self, lexicon_dir: str | None):
        rows = load_table("events", ("trigger", "pos", "type", "mode", "context", "cameo"), lexicon_dir)
        rules: dict[tuple[str, str], dict[str, Rule]] = {}
        for row in rows:
            for rule in Rule.parses(row["trigger"].lower(), row["pos"].upper(), row["type"].upper(), row["mode"] or None,
                                    _contexts(row), row["cameo"]):  # fmt: skip
                rules.setdefault((rule.head, rule.pos), {})[rule.trigger] = rule  # a later row replaces an earlier one
        self.rules = {key: sorted(found.values(), key=lambda r: -len(r.dependents)) for key, found in rules.items()}
        scores = load_table("plover_scores", ("type", "mode", "score"), lexicon_dir)
        self.scores = {(r["type"], r["mode"] or None): float(r["score"]) for r in scores}
        cues = load_table("cues", ("cue", "kind"), lexicon_dir)
        self.cues = {r["cue"] for r in cues if r["kind"] == "verb"}
        self.verbs = read_verbs(lexicon_dir)
        for problem in self.verbs.problems:
            log.warning("skipped in PETRARCH verb dictionary: %s", problem)
        self.cameo = {r["cameo"]: r for r in load_table("cameo_plover", ("cameo", "type", "mode", "context"), lexicon_dir)}
        self.gaz = gazetteer(lexicon_dir)  # names the host country a visit implies

    @guarded("events", "events")
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.find(doc) if is_english(doc) else []
        return doc

    def find(self, doc: Doc) -> list[dict]:
        actors = actors_by_token(doc)
        _speakers_as_we(doc, actors)
        forces = {a["id"] for a in doc._.actors if a["sector"] == "MIL"}
        countries = {a["id"] for a in doc._.actors if a["kind"] == "country"}
        state = countries | {a["id"] for a in doc._.actors if (a["sector"] or "")[:3] in GOVERNING}
        governments = countries | {a["id"] for a in doc._.actors if (a["sector"] or "")[:3] == "GOV"}
        civilians = {a["id"] for a in doc._.actors if a["sector"] == "CVL"}
        times = _times_by_token(doc)
        links = [m.span(1) for m in LINK_SECTION.finditer(doc.text)]
        scene = _scene(doc)
        used: set[int] = set()
        events = []
        for token in doc:
            if token.i in used or any(start <= token.idx < end for start, end in links):
                continue
            match = self._match(token, actors)
            if match is None:
                continue
            rule, tokens = match
            if rule is not None and not rule.dictionary and any(t.i in used for t in tokens):
                continue  # "protests were staged": the noun told the protest already (a dictionary pattern may span other verbs)
            banned = False  # a rally cancelled by the state: the ban is the event
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "compound" and token.head.i in actors:
                continue  # "riot police", "protest leaders": who they are, not an event
            if rule is not None and rule.type == "PROTEST" and token.pos_ == "NOUN" and token.dep_ == "compound" and (
                    (head_rule := self._match(token.head)) is None or head_rule[0] is not None and head_rule[0].type == "PROTEST"):  # fmt: skip
                continue  # "lined the protest route", "a protest song": a kind of thing; "a protest march": the march tells it
            if rule is not None and rule.type in NAMED_TYPES and token.ent_type_ == "ORG" and token.ent_iob_ == "I" and token.text[:1].isupper():
                continue  # "the Asia-Pacific Economic Cooperation": a name, not cooperation
            if rule is None:  # a dictionary verb coded as no event ("[---]", a statement)
                used.update(t.i for t in tokens)
                used.update(c.i for c in token.children if _passive_conjunct(c))  # "were killed or injured": both
                continue
            if rule.type == "CONSULT" and rule.mode is None and not rule.dictionary and _by_phone(token):
                rule = replace(rule, mode="phone", cameo="041")  # "spoke with Putin by phone"
            if rule.type == "MOBILIZE" and not rule.dictionary and any(c.lower_ == "joint" for t in tokens for c in t.children):
                rule = replace(rule, type="COOPERATE", mode=None, cameo="062")  # "held joint naval drills": exercising together
            if rule.type == "MOBILIZE" and not rule.dictionary and _sends_peacekeepers(token):
                rule = replace(rule, type="AID", mode=None, context=("peacekeeping",), cameo="074")  # CAMEO 074: peacekeeping is aid
            if not self._is_event_use(token, rule) or _question_asked(token):
                continue
            source, target = self._arguments(token, actors, rule.type, rule.mode == "visit")
            refusal = None if rule.dictionary else self._refusal(token, rule)
            if refusal is not None:  # "refused to resign", "vowed not to withdraw", "said he would not step down"
                rule = refusal
            if rule.type == "ASSAULT" and rule.pos == "NOUN" and not rule.dictionary and (words := {c.lower_ for c in token.children} & RHETORIC):
                if "charm" in words:
                    continue  # "a charm offensive"
                rule = replace(rule, type="ACCUSE", mode="disapprove", context=(), cameo="111")  # "vitriolic attacks on both sides": words
            if rule.type == "AGREE" and not rule.dictionary and token.lemma_ in VOWS and (threat := self._threatened(token)) is not None:
                rule = replace(rule, type="THREATEN", mode=THREAT_MODES[threat][0], context=("military",) * (threat == "ASSAULT"),
                               cameo=THREAT_MODES[threat][1])  # "vowed to start a holy war": a threat, not a promise
            if rule.trigger == "strike" and rule.pos == "NOUN" and not rule.dictionary and _walkout(token, actors, forces | countries):
                rule = replace(rule, type="PROTEST", mode="strike", context=(), cameo="143")  # "a strike in Lahore": a walkout
            if rule.type == "ASSAULT" and not rule.dictionary and source and all(a in civilians for a in source) and (
                    token.lemma_ in ("clash", "fight") and target and all(a in state for a in target) or token.lemma_ == "storm"):  # fmt: skip
                rule = replace(rule, type="PROTEST", mode="riot", context=(), cameo="145")  # "protesters clashed with riot police", "stormed the embassy": a riot
            if rule.type == "ASSAULT" and not rule.dictionary and _in_exercise(token):
                continue  # "exercises in which it launched missiles": the exercise is the event
            if rule.type == "ASSAULT" and not rule.dictionary and _test_fired(token):
                rule = replace(rule, type="MOBILIZE", mode="weapons", cameo="150")  # "test-fired a missile": a show of force
                source, target = (source, target) if source else (target, [])  # "India's missile was test-fired": India's
            if rule.type == "MOBILIZE" and not rule.dictionary and any(t.lemma_ in EXERCISES for t in tokens) and (len(source) > 1 or _with_partner(tokens, actors)):
                rule = replace(rule, type="COOPERATE", mode=None, cameo="062")  # "drills with the Philippines": together
            if rule.type == "PROTEST" and rule.mode == "obstruct" and not rule.dictionary and source and all(a in state for a in source):
                rule = replace(rule, type="COERCE", mode="restrict", cameo="172")  # "the government blocked access": not a protest
            if rule.type == "PROTEST" and token.lemma_ == "protest" and not rule.dictionary and source and all(a in governments for a in source):
                rule = replace(rule, type="ACCUSE", mode="allege", context=("diplomatic",), cameo="114")  # "France protested to the US": a complaint
            if rule.trigger == "blow up" and not any(c.dep_ == "dobj" for c in token.children):
                rule = replace(rule, type="ASSAULT", mode="explosives", context=("military",), cameo="183")  # "a van packed with explosives blew up"
            if rule.trigger == "charge" and not rule.dictionary and (_charged_at(token)):
                rule = replace(rule, type="ASSAULT", mode="crowd-control", context=(), cameo="175")  # "police charged into the crowd", "lathi-charged"
            if rule.type == "ASSAULT" and rule.trigger in ("attack", "assault") and not rule.dictionary and _in_words(token):
                rule = replace(rule, type="ACCUSE", mode="disapprove", context=(), cameo="111")  # "an editorial attacked the army", "attacked the government over the scandal": words
            if rule.trigger == "seize" and not rule.dictionary and any(_people(c, actors) for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
                rule = (replace(rule, mode="arrest", context=("legal",), cameo="173") if source and all(a in state for a in source)
                        else replace(rule, type="ASSAULT", mode="abduct", context=(), cameo="181"))  # fmt: skip  # "gunmen seized 11 men": abducted
            if rule.trigger == "invite" and not rule.dictionary and _summons(token):
                rule = replace(rule, type="ACCUSE", mode="allege", context=("diplomatic",), cameo="114")  # "the ambassador was invited to the foreign ministry"
                source, target = _summoners(doc, token, source, target, actors)
            if rule.trigger == "expel" and not rule.dictionary and any(
                    c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.pos_ == "PRON") for c in token.children):  # fmt: skip
                rule = replace(rule, type="COERCE", mode="deport", context=("legal",), cameo="174")  # "Zundel was expelled": a person deported
            if rule.mode == "deport" and not rule.dictionary and not source:  # "was expelled from Canada": by Canada
                whence = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
                _add(source, whence, actors)
                target = [a for a in target if a not in source]
            if rule.type == "PROTEST" and token.pos_ == "NOUN" and not rule.dictionary and token.dep_ in ("dobj", "nsubjpass") and (
                    token.head.lemma_ in CANCELLING and source and all(a in state for a in source)):  # fmt: skip
                rule = replace(rule, type="COERCE", mode="restrict", context=(), cameo="172")  # "police had canceled the rally": a ban
                target, banned = [a for a in target if a not in source], True
            if rule.type == "SANCTION" and rule.mode == "discontinue" and not rule.dictionary and source and not any(a in state for a in source) and any(
                    c.dep_ == "dobj" and (m := self._match(c)) and m[0] and m[0].type == "PROTEST" for c in token.children):  # fmt: skip
                rule = replace(rule, type="PROTEST", mode="obstruct", context=(), cameo="144")  # "demonstrators tried to halt a rally"
            if rule.trigger in FORCES_ONLY and not (source and all(a in forces for a in source)):
                continue  # refugees crossing a border are no deployment, nor ministers serving in a cabinet; troops are
            if rule.mode == "visit" and not rule.dictionary and source and all(a in forces for a in source):
                rule = replace(rule, type="MOBILIZE", mode="troops", context=("military",), cameo="154")  # "troops arrived in Bosnia"
            for marker, (start, end) in rule.positions:  # the pattern says where they are
                found = next((list(actors[i]) for i in range(start, end) if i in actors), None)
                if found and marker == "$":
                    source, target = found, [a for a in target if a not in found]
                elif found:
                    target, source = found, [a for a in source if a not in found]
            if rule.dictionary and not target and not rule.positions and not rule.compound and token.pos_ == "VERB":
                target = _first_after(token, actors, source)  # PETRARCH's own rule, for the dictionary's verbs
            if rule.type == "THREATEN" and token.lemma_ in VOWS and not target:  # "vowed to start a war against Ethiopia"
                contents = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
                aimed = [g for c in contents for t in c.subtree if t.dep_ == "prep" and t.lower_ in ("against", "on") for g in t.children if g.dep_ == "pobj"]
                aimed += [o for c in contents for o in c.children if o.dep_ == "dobj" and o.i in actors]  # "vowed to attack Israel"
                _add(target, aimed, actors)
            if rule.mode == "explosives" and rule.pos == "NOUN" and any(c.lemma_.lower() in ACCIDENTAL for c in token.children):
                continue  # "a gas explosion": an accident
            agentless = not source and not target and rule.type in UNNAMED_CROWDS and not rule.dictionary and _told_as_happening(token, rule.type)
            if not source and not target and not agentless or not target and token.lemma_ in NEEDS_TARGET:
                continue  # "defended the policy": support for no one named
            if not target and len(source) < 2 and token.pos_ == "VERB" and token.lemma_ in ("discuss", "talk") and not _plural(token):
                continue  # "Key discusses how he blogs": talk about something, with no one
            if not target and token.lemma_ == "threaten" and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
                continue  # "could threaten regional stability": a danger to no one named, not a threat
            if agentless and _place(doc, token, _clause_head(token), visit=False) is None and not (scene and token.idx >= scene[1]):
                continue  # an attack with no one named and no place ("after the bombing"): nothing to count
            used.update(t.i for t in tokens)
            if rule.compound and len(source) > 1 and not target:  # "% HAVE * [191]": "A and B have delayed": to each other
                events += [self._event(doc, token, tokens, rule, [one], [o for o in source if o != one], times) for one in source]
                continue
            events.append(self._event(doc, token, tokens, rule, source, target, times))
            if refusal is not None and events[-1]["modality"] == "negated":
                events[-1]["modality"] = "asserted"  # "would not step down": the refusal is made
            if banned:  # the cancelling is what happened, not the rally
                events[-1]["modality"] = _modality(token.head, _clause_head(token.head))
            if rule.reverse and source and target:  # "Arnor met Gondor": Gondor met Arnor too
                events.append(self._event(doc, token, tokens, rule.reverse, target, source, times))
        events += self._demands(doc, actors, times, events)
        events += self._blames(doc, actors, times, events)
        events += self._allegations(doc, actors, times, events)
        events += self._namings(doc, actors, times, events)
        events = [self._as_threat(doc, e, actors, times) for e in events]
        events = _aimed_at_doers(doc, _merged(doc, self._protest_demands(doc, _without_contents(doc, events)), actors), actors)
        _claimed(doc, events, actors)
        events = self._charges(doc, events)
        events = _without_retellings(doc, _without_re_mentions(doc, events, actors), actors)
        self._aimed_at_earlier(doc, events, actors)
        for event in events:
            if event["mode"] == "visit" and not event["target"]:
                event["target"] = _host(doc, event, self.gaz.country_name)
        events = [e for e in events if e["target"] or e["mode"] != "visit" or not _visits_scene(doc, e)]
        events = _placed_on_scene(doc, events, scene)
        for event in events:
            _add_scene_people(doc, event, self.gaz.country_name)
        for n, event in enumerate(events, 1):
            event["id"] = f"e{n}"
        return events

    # -- triggers -----------------------------------------------------------------------------

    def _match(self, token: Token, actors: dict[int, tuple[str, ...]] | None = None) -> tuple[Rule | None, list[Token]] | None:
        """The rule a token triggers and the tokens it covers; (None, tokens) for a dictionary verb
        coded as no event; None for a token that is no trigger."""
        pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
        if pos is None or token.ent_type_ in NOT_TRIGGERS:
            return None
        if pos == "VERB" and self.verbs.forms:  # a PETRARCH verb dictionary wins over the lexicon for its verbs
            actors = actors or {}
            coded = self.verbs.code(token, lambda start, end: any(i in actors for i in range(start, end)))
            if coded is not None:
                code, text, tokens, positions = coded
                rule = self._cameo_rule(code, text, token)
                return (replace(rule, positions=tuple(sorted(positions.items()))) if rule else None), tokens
        for rule in self.rules.get((token.lemma_.lower(), pos), ()):
            tokens = [token]
            for word in rule.dependents:
                found = _dependent(token, word)
                if found is None:
                    break
                tokens.append(found)
            else:
                return rule, tokens
        return None

    def _demands(self, doc: Doc, actors: dict[int, tuple[str, ...]], times, events: list[dict]) -> list[dict]:
        """ "Washington said Beijing must stop the drills": a demand (REQUEST) of the speaker on the one
        who must act, also in a later sentence of the speaker's quote ('Bush said: "Freedom will prevail.
        Syrian forces must withdraw."'). What must be done, if it is an event itself, is the demand's content."""
        said = [(_subject_actors(verb, actors), content) for verb in doc if verb.pos_ == "VERB" and (verb.lemma_ in self.cues or verb.lemma_ in BELIEVING)
                for content in verb.children if content.dep_ == "ccomp"]  # fmt: skip  # "they believe Bush should meet Sheehan"
        for sentence in doc.sents:
            quote = _quote_of(doc, sentence.root)
            if quote is not None and quote["speaker"] and sentence.root.pos_ in ("VERB", "AUX"):
                said.append(([quote["speaker"]], sentence.root))
        found = []
        for speakers, content in said:
            modal = next((c for c in content.children if c.dep_ == "aux" and c.lower_ in DEMAND_MODALS), None)
            doers: list[str] = []
            _add(doers, [c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")], actors)
            doers = [a for a in doers if a not in speakers]
            if modal is None or not speakers or not doers:
                continue
            rule = Rule(f"{modal.lower_} (demand)", "VERB", "REQUEST", None, (), "100", modal.lower_, ())
            event = self._event(doc, content, [modal], rule, speakers, doers, times)
            event["modality"] = "asserted"  # the demand is made; what it asks for is not done yet
            event["trigger"] = span_record(doc[modal.i : modal.i + 1])
            events[:] = [e for e in events if not _in_clause(doc, e, content)]
            found.append(event)
        return found

    def _blames(self, doc: Doc, actors: dict[int, tuple[str, ...]], times, events: list[dict]) -> list[dict]:
        """ "Pakistan said India was responsible for the bombing", "Iran believes the US is behind the
        attacks": an accusation (ACCUSE) of the speaker against whom the content blames. The blamed
        act, whose doer only the speaker names, is not coded as theirs."""
        found = []
        for verb in doc:
            if verb.pos_ != "VERB" or not (verb.lemma_ in self.cues or verb.lemma_ in BELIEVING) or verb.lemma_ == "deny":
                continue
            speakers = _subject_actors(verb, actors)
            for content in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"):
                if not speakers or any(c.dep_ == "neg" for c in content.children):
                    continue  # "said India was not responsible": no one blamed
                blame = _blaming(content)
                doers: list[str] = []
                _add(doers, [c for c in content.children if c.dep_ == "nsubj"], actors)
                doers = [a for a in doers if a not in speakers]
                if blame is None or not doers:
                    continue
                rule = Rule(f"{blame.lower_} (blame)", blame.pos_, "ACCUSE", "allege", (), "112", blame.lower_, ())
                events[:] = [e for e in events if not (_in_clause(doc, e, content) and set(e["source"]) & set(doers))]
                event = self._event(doc, blame, [blame], rule, speakers, doers, times)
                event["modality"] = _modality(verb, verb)  # the accusation is made; "is to blame" is no plan
                found.append(event)
        return found

    def _score(self, kind: str, mode: str | None) -> float | None:
        """The PLOVER score of a type and mode, else of the type."""
        return self.scores.get((kind, mode), self.scores.get((kind, None)))

    def _charges(self, doc: Doc, events: list[dict]) -> list[dict]:
        """Backing terrorism or extremism, as someone says another does ("he believes the government of Iran is
        supporting extremism"), is the speaker's charge against them (ACCUSE), not support; told by no one, it
        is no event."""
        kept = []
        for event in events:
            token = _trigger_token(doc, event)
            if event["type"] != "SUPPORT" or not any(c.dep_ == "dobj" and c.lemma_.lower() in BAD_CAUSES for c in token.children):
                kept.append(event)
                continue
            speaker = event["attributed_to"]
            if speaker is None or speaker in event["source"] or not event["source"]:
                continue
            score = self._score("ACCUSE", "allege")
            event.update(type="ACCUSE", plover_type="ACCUSE", mode="allege", context=[], cameo="112", score=score,
                         source=[speaker], target=event["source"], modality="asserted")  # fmt: skip
            kept.append(event)
        return kept

    def _protest_demands(self, doc: Doc, events: list[dict]) -> list[dict]:
        """What protesters demand is their protest's, no request of its own (PLOVER codes the protest):
        "thousands protested in Bishkek as they demanded the resignation" is the protest alone, and
        "Protestors, demanding a cease fire, chanted slogans", with no protest told otherwise, is a protest."""
        protests = [e for e in events if e["type"] == "PROTEST"]
        kept = []
        for event in events:
            if event["type"] != "REQUEST" or "(demand)" in event["rule"]:
                kept.append(event)
                continue
            token = _trigger_token(doc, event)
            if any(p["sentence"] == event["sentence"] and (not event["source"] or set(event["source"]) & set(p["source"])) for p in protests):
                continue
            verb = token.head if token.dep_ in ("advcl", "dobj") else token  # "Protestors, demanding a cease fire, chanted"; "issued calls for"
            demanders = [token.head] if token.dep_ == "acl" else [c for c in verb.children if c.dep_ == "nsubj"]
            if any(d.lemma_.lower() in PROTESTERS for d in demanders):
                if verb is not token:  # the protest is where they chant, not the place their demand names
                    event["place"] = _place(doc, verb, _clause_head(verb), visit=False)
                score = self._score("PROTEST", "demo")
                event.update(type="PROTEST", plover_type="PROTEST", mode="demo", context=[], cameo="141", score=score)
            kept.append(event)
        return kept

    def _allegations(self, doc: Doc, actors: dict[int, tuple[str, ...]], times, events: list[dict]) -> list[dict]:
        """ "Venezuela argued that Colombia invaded Venezuelan territory": a hostile act the victim alleges
        is its accusation (ACCUSE, CAMEO 112) of the doer, and the act, known only by the allegation, is no
        event of its own."""
        found = []
        country = {a["id"]: a["country"] for a in doc._.actors}
        for verb in doc:
            if verb.pos_ != "VERB" or verb.lemma_ not in ALLEGING:
                continue
            speakers = _subject_actors(verb, actors)
            victims = {country[a] for a in speakers} - {None}
            contents = [c for c in verb.children if c.dep_ == "ccomp"]
            contents += [g for c in contents for g in c.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX")]
            for content in contents:
                alleged = [e for e in events if e["type"] in HOSTILE and _in_clause(doc, e, content) and e["source"]
                           and victims & {country[a] for a in e["target"]} and not set(e["source"]) & set(speakers)]  # fmt: skip
                for act in alleged:
                    rule = Rule(f"{verb.lemma_} (allegation)", "VERB", "ACCUSE", "allege", (), "112", verb.lemma_, ())
                    event = self._event(doc, verb, [verb], rule, speakers, act["source"], times)
                    events.remove(act)
                    found.append(event)
        return found

    def _namings(self, doc: Doc, actors: dict[int, tuple[str, ...]], times, events: list[dict]) -> list[dict]:
        """ "India called the bombing a cowardly terrorist attack", "described the strike as an act of
        aggression": a damning name is a condemnation (ACCUSE, CAMEO 111) of whoever did what is named,
        and the name itself is no second event."""
        found = []
        by_start = {e["trigger"]["start"]: e for e in events}
        for verb in doc:
            if verb.pos_ != "VERB" or verb.lemma_ not in NAMING:
                continue
            label = next((c for c in verb.children if c.dep_ == "oprd"), None) or next(
                (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
            named = [c for c in verb.children if c.dep_ == "dobj"]
            if label is None:  # "called the Ethiopians cowards", parsed as one noun: the name and who is named
                label = next((o for o in named if o.lemma_.lower() in BLAMING_NOUNS and any(c.dep_ == "compound" and c.i in actors for c in o.children)), None)
                named = [c for c in label.children if c.dep_ == "compound"] if label is not None else named
            if label is None or not {t.lemma_.lower() for t in label.subtree} & (DAMNING | BLAMING_NOUNS | CRIMES):
                continue
            namers = _subject_actors(verb, actors)
            blamed: list[str] = []
            _add(blamed, named, actors)
            blamed += [a for n in named if n.idx in by_start for a in by_start[n.idx]["source"] if a not in blamed]  # who bombed
            blamed = [a for a in blamed if a not in namers]
            if not namers:
                continue
            events[:] = [e for e in events if not label.left_edge.idx <= e["trigger"]["start"] <= label.right_edge.idx]
            rule = Rule(f"{verb.lemma_} (damning name)", "VERB", "ACCUSE", "disapprove", (), "111", verb.lemma_, ())
            found.append(self._event(doc, verb, [verb], rule, namers, blamed, times))
        return found

    def _aimed_at_earlier(self, doc: Doc, events: list[dict], actors: dict[int, tuple[str, ...]]) -> None:
        """A judgement with no target whose object names, by an event noun, an act told in the two sentences
        before ("Gunmen attacked a bus. The government condemned the attack", "Australia will send troops. The
        deployment was welcomed by Kabul") is aimed at whoever did that act: the latest event of that type by
        others. Not "the plan" or "the suggestion", whose authors the coded events seldom tell."""
        roots = [_trigger_token(doc, e).i for e in events]
        for event, root in zip(events, roots):
            if event["type"] not in JUDGING_TYPES or event["target"]:
                continue
            token = doc[root]
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.i not in actors and not any(
                m.i in actors for m in _modifiers(c))] if token.pos_ == "VERB" else []  # fmt: skip
            sentence = token.sent
            for obj in objects:
                if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children):
                    continue  # "supported a plan": not one told before
                match = self._match(obj)
                if match is None or match[0] is None:
                    continue  # "rejected the suggestion", "supported the plan": whose, the coded events seldom tell
                kind = match[0].type
                first = doc[max(sentence.start - 1, 0)].sent
                first = doc[max(first.start - 1, 0)].sent.start
                told = [e for e, i in zip(events, roots) if first <= i < sentence.start and e["source"]
                        and e["type"] == kind and not set(e["source"]) & set(event["source"])]  # fmt: skip
                if told:
                    event["target"] = list(told[-1]["source"])
                    break

    def _threatened(self, vow: Token) -> str | None:
        """The hostile type a vow's complement would do ("vowed to crush the rebels": ASSAULT), if any."""
        for content in (c for c in vow.children if c.dep_ in ("xcomp", "ccomp")):
            if any(c.dep_ == "neg" for c in content.children):
                continue  # "vowed not to attack Israel": a pledge of restraint
            for word in (content, *(c for c in content.children if c.dep_ == "dobj")):  # "to start a holy war"
                match = self._match(word)
                if match is not None and match[0] is not None and match[0].type in THREAT_MODES:
                    return match[0].type
        return None

    def _as_threat(self, doc: Doc, event: dict, actors: dict[int, tuple[str, ...]], times) -> dict:
        """A hostile act only said to come, in a warning ("warned the junta that it may face sanctions",
        "warned it would attack"): PLOVER codes the warning as one THREATEN event, its content as the
        mode, from whoever warns to whoever would suffer it, never as the act with a modality."""
        if event["type"] not in THREAT_MODES or event["modality"] not in ("future", "hypothetical") or event["rule"].startswith("PETRARCH"):
            return event
        quote = _quote_of(doc, _trigger_token(doc, event))
        if event["type"] == "ASSAULT" and event["modality"] == "future" and quote and quote["direct"] and event["source"] == [quote["speaker"]]:
            mode, cameo = THREAT_MODES["ASSAULT"]  # "'We will continue to strike with full strength,' Olmert said": his threat
            return {**event, "type": "THREATEN", "plover_type": "THREATEN", "mode": mode, "cameo": cameo, "modality": "asserted",
                    "rule": "quote (threat of ASSAULT)", "score": self._score("THREATEN", mode)}  # fmt: skip
        token = _clause_head(_trigger_token(doc, event))
        for _ in range(3):
            if token.dep_ not in ("ccomp", "conj") or token.head.i == token.i or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
                return event  # "if the US struck": the condition, not what is threatened
            complement = token.dep_ == "ccomp"
            token = token.head
            if complement and token.lemma_ in WARNING_VERBS:
                break
            stated = complement and token.lemma_ in STATING and event["type"] == "ASSAULT" and event["modality"] == "future"
            if stated and (not event["source"] or set(event["source"]) <= set(_subject_actors(token, actors))):
                break  # "the Islamic Courts stated that Ethiopian planes will be shot down": their threat
        else:
            return event
        warners = _subject_actors(token, actors)
        warned: list[str] = []
        _add(warned, [c for c in token.children if c.dep_ in ("dobj", "dative")], actors)
        if not warners:
            return event
        target = [a for a in warned + event["target"] + event["source"] if a not in warners]
        mode, cameo = THREAT_MODES[event["type"]]
        modality = _modality(token, token)
        date, imputed = _date(doc, token, token, times, modality)
        quote = _quote_of(doc, token)
        return {**event, "type": "THREATEN", "plover_type": "THREATEN", "mode": mode, "cameo": cameo, "source": warners,
                "target": list(dict.fromkeys(target)), "modality": modality, "date": date, "date_imputed": imputed,
                "attributed_to": quote["speaker"] if quote else None, "quote": quote["id"] if quote else None,
                "trigger": span_record(doc[token.i : token.i + 1]), "rule": f"warn (threat of {event['type']})",
                "score": self._score("THREATEN", mode)}  # fmt: skip

    def _refusal(self, token: Token, rule: Rule) -> Rule | None:
        """The rejection a refusal is, coded by what is refused ("refused to resign", "vowed not to withdraw
        its troops", "he would not step down"), or None when the token refuses no act of yielding."""
        if rule.type == "REJECT" and token.lemma_ in ("refuse", "decline"):
            refused = next((c for c in token.children if c.dep_ == "xcomp"), None)
        elif rule.type == "AGREE" and token.lemma_ in VOWS:  # "vowed not to withdraw"; "vowed not to attack" is a pledge
            refused = next((c for c in token.children if c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children)), None)
        elif rule.type in ("RETREAT", "CONCEDE") and token.lemma_ not in ("allow", "permit") and _will_not(token):  # "will not allow attacks": no yielding refused
            refused = token
        else:
            return None
        match = self._match(refused) if refused is not None else None
        if not match or match[0] is None:
            return None
        act = match[0]
        code = next((REFUSALS[key] for key in ((act.type, act.mode), *((act.type, c) for c in act.context), (act.type, None)) if key in REFUSALS), None)
        if code is None:
            return None
        row = self.cameo[code]
        return replace(rule, type="REJECT", mode=row["mode"] or None, context=_contexts(row), cameo=code)

    def _cameo_rule(self, code: str, text: str, token: Token) -> Rule | None:
        """A rule for a dictionary code (``AAA`` or ``AAA:BBB``), None when the code has no PLOVER type."""
        first, _, second = code.partition(":")
        rule = self._cameo_type(first.strip(), text, token)
        if rule is not None and second.strip():
            rule = replace(rule, reverse=self._cameo_type(second.strip(), text, token))
        return rule

    def _cameo_type(self, code: str, text: str, token: Token) -> Rule | None:
        code = re.match(r"\d*", code).group()  # "174K": a variant of 174
        prefix = code
        while len(prefix) >= 2 and prefix not in self.cameo:
            prefix = prefix[:-1]
        row = self.cameo.get(prefix) if prefix.isdigit() else None
        if row is None:
            return None
        return Rule(f"PETRARCH {text}", "VERB", row["type"], row["mode"] or None, _contexts(row),
                    code, token.lemma_.lower(), (), compound="%" in text.split(), dictionary=True)  # fmt: skip

    def _is_event_use(self, token: Token, rule: Rule) -> bool:
        if _capability(token):
            return False  # "missiles capable of striking Israel": what could be done
        if token.dep_ == "pcomp" and token.head.lower_ == "to" and token.head.head.lemma_ in DEVOTED:
            return False  # "the movement is dedicated to fighting the occupation": what it is for
        if token.dep_ == "acl" and token.tag_ == "VBG" and rule.type in ("REJECT", "SUPPORT") and not rule.dictionary:
            return False  # "Lebanese opposing the presence of Syrian troops held counter-rallies": who they are
        if rule.type == "ASSAULT" and any(t.lower_ == "air" and t.dep_ == "pobj" and t.head.lower_ in ("in", "into") for t in token.subtree):
            return False  # "opened fire in the air": a warning, no one attacked
        if rule.type in ("ASSAULT", "COERCE") and any(_habit(a) for a in islice(token.ancestors, 4)):
            return False  # "notorious for using the tactic of suicide bombing": a habit, no act
        if rule.pos == "NOUN" and not rule.dictionary:
            if token.lemma_.lower() in WEAPONS and not (_told_as_happening(token, rule.type) and token.head.lemma_ != "report"):
                return False  # "Iran's missiles", "a bomb was reported": a weapon, not an attack
            if token.lemma_ == "rally" and (any(c.lemma_.lower() in CAMPAIGNING for c in token.children) or token.head.lemma_ == "address"):
                return False  # "addressing an election rally": campaigning, not protest
            if _topic(token):
                return False  # "discussed aid with Kikwete", "the discussion on aid": a topic, not aid given
            if token.tag_ == "NNS" and token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lemma_ in PURPOSED and not any(
                    c.dep_ in ("det", "poss", "nummod") for c in token.children):  # fmt: skip
                return False  # "a site used for attacks on the rebels": what something is for, no act
            if token.lemma_ == "threat" and not _made_threat(token):
                return False  # "an emerging nuclear threat from Iran", "a threat to its security": a danger
            if rule.type in ("COERCE", "SANCTION") and token.dep_ in ("dobj", "nsubjpass") and (
                    lifted := self._match(token.head)) and lifted[0] and lifted[0].type == "CONCEDE":  # fmt: skip
                return False  # "lifted a state of emergency": the lifting is the event
            if rule.type == "CONSULT" and token.dep_ in ("dobj", "nsubjpass") and (
                    halted := self._match(token.head)) and halted[0] and halted[0].type == "SANCTION":  # fmt: skip
                return False  # "broke off talks with the EU": the breaking off is the event
            if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_ in BANNING:
                return False  # "banned the opposition march": the ban is the event; the march may never take place
            if token.lemma_ in STANDING and not (token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_ in FORMING):
                return False  # "thanks to the Japan-U.S. alliance": a standing bond, unless formed or joined
        if rule.pos == "VERB":
            if _conditional(token):
                return False  # "we should sit down with Hamas if they recognize Israel": a condition, not an event
            if token.dep_ == "amod" or (token.dep_ == "acl" and token.tag_ == "VBN"):
                return False  # "troops stationed in Japan": a description, not an action
            if token.tag_ in ("VBN", "JJ") and any(c.dep_ == "det" for c in token.children):
                return False  # "evacuated the wounded": people, not an attack
            if token.lemma_ in self.cues and token.lemma_ != "deny" and any(c.dep_ == "ccomp" and c.lemma_ not in rule.dependents for c in token.children):
                return False  # "warned that ...": speech, coded through its content; "denied that they supply arms" rejects the charge
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            if token.lemma_ in ("release", "issue", "capture") and any(o.lemma_.lower() in PUBLICATIONS | DETAILS for o in objects):
                return False  # "released a statement", "a video was released", "captured footage": a publication, not a prisoner
            if rule.mode == "visit" and (_for_treatment(token) or any(c.dep_ == "auxpass" for c in token.children)):
                return False  # "flew to Iran to receive medical treatment", "was flown to Texas": no one visited
            if token.lemma_ == "seek" and any(c.dep_ == "xcomp" for c in token.children):
                return False  # "sought to justify the occupation": an attempt, not a request
            if token.lemma_ == "ask" and any(c.dep_ == "prep" and c.lower_ == "about" for c in token.children) and not any(
                    c.dep_ in ("xcomp", "ccomp") for c in token.children):  # fmt: skip
                return False  # "a student asked about abuses", "asked Congress about the war": a question, not a request
            if token.lemma_ == "ask" and any(c.dep_ in ("ccomp", "advcl") and _question(c) for c in token.children):
                return False  # "asked Rumsfeld if he was concerned", "asked what he can do": a question
            if token.lemma_ == "offer" and any(o.lemma_.lower() in NO_COMMENT | DETAILS | SYMPATHY for o in objects):
                return False  # "offered no comment": silence; "offered sympathy": a comment (CAMEO 018), no event in PLOVER
            if token.lemma_ == "offer" and not objects and any(c.dep_ == "ccomp" for c in token.children):
                return False  # "Beazley offered that it has been obvious ...": said
            if token.lemma_ == "agree" and any(g.lemma_.lower() in OPINIONS for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
                                               for g in p.children if g.dep_ == "pobj"):  # fmt: skip
                return False  # "not all Americans agree with her position": an opinion, not an agreement
            if token.dep_ in ("acl", "xcomp") and token.head.pos_ == "NOUN" and _topic(token.head):
                return False  # "no comment on the decision to block": what is talked about
            if token.lemma_ == "warn" and any(g.lemma_.lower() in DANGERS for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                                              for g in p.children if g.dep_ == "pobj"):  # fmt: skip
                return False  # "has repeatedly warned of unrest": a danger foreseen, no threat
            if token.lemma_ == "disrupt" and not any(o.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") or o.lemma_.lower() in DISRUPTED or self._match(o)
                                                     for o in objects):  # fmt: skip
                return False  # "the market is being disrupted": no protest; "tried to disrupt the whaling fleet", "the rally": one
            if token.lemma_ == "dispute" and not any(c.dep_ in ("dobj", "ccomp") for c in token.children):
                return False  # "ending its fisheries dispute" tagged as a verb: only "disputes the result" rejects
            if token.lemma_ == "sign" and any(o.lemma_.lower() in DOMESTIC_ACTS for o in objects):
                return False  # "signed a decree": a domestic act; its content, if any, is coded on its own
            if rule.type == "ASSAULT" and any(_cause(c).lemma_.lower() in DISASTERS for c in token.children if c.dep_ == "nsubj"):
                return False  # "a subway crash that killed 42 people", "the earthquake killed 300": no attack
            if token.lemma_ == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in token.children):
                return False  # "his departure demonstrates Canada's abhorrence": shows, no protest
            if token.lemma_ == "give" and rule.type == "THREATEN" and not any(
                    g.dep_ in ("acl", "relcl", "advcl") and any(a.lower_ == "to" and a.dep_ == "aux" for a in g.children)
                    for g in [*token.children, *(g for o in objects for g in o.children)]):  # fmt: skip
                return False  # "gave the government 48 hours to agree": an ultimatum; "gave them two days off": none
            if token.lemma_ == "oppose" and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children) and not any(
                    c.dep_ in ("aux", "auxpass") for c in token.children):  # fmt: skip
                return False  # "campaigners opposed to the expansion": who they are, however parsed
            if rule.type == "MOBILIZE" and any(c.dep_ == "prep" and c.lower_ == "since" for c in token.children) and any(
                    c.lower_ in ("has", "have") for c in token.children):  # fmt: skip
                return False  # "troops have been stationed in Afghanistan since 2002": a standing presence, no act
            if token.lemma_ == "serve" and token.dep_ == "relcl":
                return False  # "soldiers who served in Iraq": who they are, not a deployment
            if token.lemma_ == "commit" and any(o.lemma_.lower() in CRIMES for o in objects):
                return False  # "committed suicide"
            if token.lemma_ == "meet" and (any(o.lemma_.lower() in MET_NOT_PEOPLE for o in objects) or _met_with(token) is not None):
                return False  # "did not meet its commitments", "met with criticism": no meeting
            if token.lemma_ == "arm" and token.tag_ == "VBN" and not any(c.dep_ in ("dobj", "nsubjpass", "agent") for c in token.children):
                return False  # "protesters armed with rocks": equipped, not armed by anyone
            if token.lemma_ in ("allow", "permit") and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
                return False  # "the law allows prosecution": a rule, not a concession
            if token.lemma_ in ("allow", "permit") and any(c.dep_ == "neg" for c in token.children) and any(
                    c.dep_ in ("xcomp", "ccomp") and (m := self._match(c)) and m[0] and m[0].type in HOSTILE for c in token.children):  # fmt: skip
                return False  # "will not allow any cities to be attacked": resolve, no concession withheld
            if _presses_on(token):
                return False  # "pressed ahead with the invasion": carrying on, not pressing anyone
            if token.lemma_ == "talk" and any(c.lower_ == "about" and c.dep_ == "prep" for c in token.children) and not any(
                    c.lower_ == "with" for c in token.children):  # fmt: skip
                return False  # "talking about the situation": a topic, not talks
            if rule.trigger == "break off" and any(o.lemma_.lower() not in RELATIONS for o in objects):
                return False  # "broke off the flag": no break in relations
            if rule.type == "REJECT" and token.lemma_ in ("decline", "refuse"):
                complements = [c for c in token.children if c.dep_ in ("xcomp", "dobj")]
                said = [g for c in complements if c.lemma_ in DISCLOSING for g in c.children if g.dep_ == "dobj" and g.lemma_ in DETAILS]
                silent = [c for c in complements if c.lemma_ in NO_COMMENT and not _answered(c)]
                if not complements or said or silent:
                    return False  # "exports declined", "declined to comment" or "to give details": no refusal
        return True

    # -- arguments ----------------------------------------------------------------------------

    def _arguments(self, trigger: Token, actors: dict[int, tuple[str, ...]], kind: str, visit: bool = False) -> tuple[list[str], list[str]]:
        source: list[str] = []
        target: list[str] = []
        clause = _clause_head(trigger)
        if trigger.pos_ == "VERB":
            subjects = _subjects(trigger, ("nsubj", "csubj"))
            passive = [c for c in trigger.children if c.dep_ == "nsubjpass"]
            if not subjects and not passive:
                subjects = _inherited_subjects(trigger)
                if any(c.dep_ == "auxpass" for c in trigger.children) or _passive_conjunct(trigger):  # "he is said to have been killed", "were killed or injured": the victim
                    subjects, passive = [], subjects
            agents = [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            agents += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("between", "among") for g in c.children if g.dep_ == "pobj"]  # "fighting between Hamas and Fatah"
            if kind == "PROTEST" and not subjects and not agents and any(c.lemma_.lower() in PROTESTERS for c in passive):
                subjects, passive = passive, []  # "50 protesters were gathered at the gates": they protest
            _add(source, subjects + agents, actors)
            if kind == "ASSAULT" and not source and trigger.lemma_ in TOLL_VERBS:
                _add(source, _killers(trigger), actors, expand=True)  # "killed during Israeli raids", "killed when Israeli troops called in an air strike"
            _add(target, passive, actors)
            objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative", "iobj")]
            if not (kind == "CONSULT" and trigger.lemma_ in DISCUSSING):  # "discussed North Korea's record": a topic, not a partner
                _add(target, objects, actors)
            if kind == "MOBILIZE":  # "deployed the 1st Brigade", "the Australians will be deployed": the force sent, not a target
                sent: list[str] = []
                _add(sent, passive, actors)
                forces = [a["id"] for a in trigger.doc._.actors if a["id"] in target and (a["sector"] == "MIL" or a["id"] in sent)]
                target = [a for a in target if a not in forces]
                source = source or forces
            for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS):
                if kind == "MOBILIZE" and prep.lower_ == "to":
                    continue  # "deploy troops to Lithuania": where, not against whom (PLOVER)
                if prep.lower_ == "for" and objects:
                    continue  # "praised Brown for his reaction": why, not toward whom
                objs = [g for g in prep.children if g.dep_ == "pobj"]
                if kind == "CONSULT" and (prep.lower_ == "at" or prep.lower_ == "during" and any(g.lemma_.lower() in GATHERINGS for g in objs)):
                    continue  # "met Putin at the APEC summit", "greeted Putin at the White House": where they met, not with whom
                _add(target, objs, actors)
                if prep.lower_ == "to" and not any(o.i in actors for o in objs):  # "conceded to demands from UNITA"
                    _add(target, _authors(objs), actors)
            if _phoned_for(trigger, trigger.head):  # "called Putin to discuss Syria": with Putin
                called: list[str] = []
                _add(called, [c for c in trigger.head.children if c.dep_ == "dobj"], actors)
                target = called or target
            for answer in (c for c in trigger.children if c.dep_ == "xcomp" and _answered(c)):  # "refused to respond to a demand from X"
                _add(target, _authors([g for p in answer.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]), actors)
            if not target and kind in CONTENT_TYPES - {"REQUEST"}:  # "refused to meet China", "agreed to talks with Japan"
                for content in (c for c in trigger.children if c.dep_ == "xcomp"):
                    _add(target, [c for c in content.children if c.dep_ in ("dobj", "dative")], actors)
                    _add(target, [g for p in content.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS - {"from", "for", "into"}
                                  for g in p.children if g.dep_ == "pobj"], actors)  # fmt: skip
            if not target and kind == "PROTEST":  # "demonstrated ... to protest the church's involvement": against the church
                purposes = [c for h in (trigger, trigger.head) for c in h.children if c.dep_ in ("advcl", "xcomp") and c.lemma_ in PROTESTING
                            and c.i != trigger.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]  # fmt: skip  # "showed up to demonstrate ..., to protest"
                _add(target, [o for c in purposes for o in c.children if o.dep_ == "dobj"], actors, expand=True)
            if not target and kind == "THREATEN":  # "warned of retaliation against Israel"
                _add(target, [g for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
                              for q in o.children if q.dep_ == "prep" and q.lower_ in ("against", "on") for g in q.children if g.dep_ == "pobj"], actors)  # fmt: skip
            if not target and kind == "REQUEST":  # "demanded that Germany halt the rally": of Germany
                _add(target, [g for c in trigger.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"], actors)
            if not target and kind in ("ACCUSE", "SANCTION"):  # "voiced concern that China was arming", "concern over Iran's program"
                heads = [trigger, *objects]
                clauses = [c for h in heads for c in h.children if c.dep_ in ("ccomp", "acl") and not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
                _add(target, [g for c in clauses for g in c.children if g.dep_ in ("nsubj", "nsubjpass")], actors, expand=True)
                if not target:
                    _add(target, [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in TOPICAL | {"of", "at"}
                                  for g in p.children if g.dep_ == "pobj"], actors, expand=True)  # fmt: skip
            for obj in (o for o in objects if o.i not in actors):  # "signed a deal with Japan", "condemned an attack by"
                preps = OBJECT_PREPS - {"on", "between"} if kind in COOPERATIVE else OBJECT_PREPS  # "share data on X": about X; "discussed the crisis between X and Y"
                if kind == "CONSULT" and trigger.lemma_ in DISCUSSING:
                    preps = frozenset({"with"})  # "discussed aid with Kikwete"; not "discussed accession to the EU"
                for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in preps):
                    _add(target, [g for g in prep.children if g.dep_ == "pobj"], actors)
                if not target and kind == "SANCTION":  # "imposed sanctions related to weapons on North Korea"
                    aimed = [g for t in obj.subtree if t.dep_ == "prep" and t.lower_ in ("on", "against") for g in t.children if g.dep_ == "pobj"]
                    _add(target, aimed[:1], actors)
        else:
            modifiers = [c for c in trigger.children if c.dep_ in MODIFIER_DEPS]
            against = [m for m in modifiers if stance(m) == "anti"]  # "anti-American protests": aimed at the US
            _add(source, [m for m in modifiers if m not in against], actors, expand=True)
            _add(target, against, actors)
            receiving = clause.i != trigger.i and (clause.lemma_ in RECEIVING or _met_with(clause) == trigger) or (  # "Bhutto was the target of a bombing"
                trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_ in ("target", "victim"))
            preps = [c for c in trigger.children if c.dep_ == "prep"]
            if trigger.dep_ == "nsubj" and trigger.head.i == clause.i:  # "fighting broke out between police and protesters"
                preps += [c for c in clause.children if c.dep_ == "prep" and c.lower_ in ("between", "among")]
            for prep in preps:
                objs = [g for g in prep.children if g.dep_ == "pobj"]
                if prep.lower_ == "of" and kind in ("MOBILIZE", "RETREAT"):  # "the deployment of African Union troops"
                    forces: list[str] = []
                    _add(forces, objs, actors)
                    coded = {a["id"] for a in trigger.doc._.actors if a["code"] and a["code"] != a["sector"]}
                    source += [a for a in forces if a in coded and a not in source]  # "of some invasion forces": whose, the clause says
                elif visit and prep.lower_ == "of":  # "a visit of India": the host; "the visit of the Indian premier": the visitor
                    _add(target, [o for o in objs if o.ent_type_ in ("GPE", "LOC")], actors)
                    _add(source, [o for o in objs if o.ent_type_ not in ("GPE", "LOC")], actors)
                elif prep.lower_ in ("between", "among", "by") or prep.lower_ == "from" and (receiving or kind in JUDGING_TYPES - {"PROTEST"} | {"AID"}):
                    _add(source, objs, actors)  # "faced sanctions from the EU", "calls from the EU for ...", not "withdrawal from Iraq"
                elif prep.lower_ in TARGET_PREPS:
                    _add(target, objs, actors)
            if (receiving or not source) and clause.i != trigger.i and clause.pos_ in ("VERB", "AUX") and self._carries(clause, trigger):
                subjects = _subjects(clause, ("nsubj", "nsubjpass") if clause.lemma_ in ENGAGED else ("nsubj",))
                if not subjects and not (trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.i == clause.i):
                    subjects = _inherited_subjects(clause)  # not "analysts believe that the attack was aimed at ...": the attack is the subject
                subjects = [c for c in subjects if c.i in actors or self._match(c) is None]  # "Bush's visit resulted in protests": not Bush's
                if receiving:  # "Myers received threats from readers": the subject is the target
                    _add(target, subjects, actors)
                    _add(source, [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children], actors)
                else:
                    _add(source, subjects, actors)
            if kind == "ACCUSE" and trigger.dep_ == "pobj" and trigger.head.lower_ in CONTRASTING and trigger.head.head.pos_ == "VERB":
                target = []  # "meeting with Meshaal despite criticism from the US": criticism of whoever is meeting
                _add(target, _subjects(trigger.head.head, ("nsubj",)) or _inherited_subjects(trigger.head.head), actors)
            if not source and trigger.dep_ == "nsubj" and clause.lemma_ == "come":  # "criticism came from the US", "another invitation came from Venezuela"
                _add(source, [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"], actors)
            if not source and visit and trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "on"):
                on = [trigger.head.head] if trigger.head.head.i in actors else _sentence_subjects(trigger.head)  # "Rice, on a trip to Australia, said"
                _add(source, on, actors)  # "clashed over X's efforts to deal with Y during a visit"
        target = [a for a in target if a not in source]
        if kind == "CONSULT":  # "the Security and Prosperity Partnership summit": the meeting's name, no party to it
            coded = {a["id"] for a in trigger.doc._.actors if a["code"]}
            names = {a for t in trigger.sent if t.lemma_ in GATHERINGS for c in t.children
                     if c.dep_ in ("compound", "nmod") and c.i in actors for a in actors[c.i] if a not in coded}  # fmt: skip
            source, target = [a for a in source if a not in names], [a for a in target if a not in names]
        someone = trigger.pos_ == "VERB" and any(c.dep_ in ("nsubjpass", "dobj") and c.pos_ in ("PRON", "PROPN") for c in trigger.children)
        if not target and kind != "CONSULT" and (source or kind in UNNAMED_DOERS) and not someone:  # where people meet is no party to the meeting; "he was arrested in Germany": he, not Germany
            preps = MOBILIZED_AT if kind == "MOBILIZE" else LOCATED_PREPS  # troops "in" an ally are not against it
            target = _located(trigger if trigger.pos_ == "VERB" else clause, actors, source, preps)
            countries = {a["id"]: a["country"] for a in trigger.doc._.actors}
            if source and {countries[a] for a in source} == {countries[a] for a in target} - {None}:
                target = []  # "protesters demonstrated in the United States": their own country is where, not whom
        return source, target

    def _carries(self, clause: Token, trigger: Token) -> bool:
        """Whether a nominal event is done by the subject of its clause: its object ("held talks",
        "launched a mediation effort", "gave 5 million dollars of aid") or a prepositional object
        ("left for meetings"), but not what a verb of speech is about ("declined to comment on the visit")."""
        if clause.lemma_ in self.cues or clause.lemma_ in NO_COMMENT:
            return trigger.head.i == clause.i and trigger.dep_ == "dobj" and clause.lemma_ not in RECORDING  # "announced a suspension"; not "reported explosions"
        if any(c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pobj" for g in c.children) for c in trigger.children):
            return False  # "ordered patrols after protests by Muslim groups": the doers are named, if not coded
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in SCENES | ACCOUNTS:
            return False  # "secured the scene of the blast", "gave an account of the attack": not theirs
        if trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "on") and trigger.head.head.i == clause.i:
            return True  # "clashed with X during a visit to Y": whoever clashed was visiting
        judged = self._match(clause)
        if judged is not None and judged[0] is not None and not self._is_event_use(clause, judged[0]):
            judged = None  # "signed an order on sanctions": signing it is no event, the sanctions are the signer's
        if judged is not None and (judged[0] is None or judged[0].dictionary or judged[0].type in JUDGING_TYPES | {"COERCE", "ASSAULT"}
                                   or judged[0].mode == "visit"):  # fmt: skip
            return False  # "condemned an attack", "suppressed a demonstration", "visited the site of the attack": someone else's; a dictionary verb codes its whole clause
        if clause.lemma_ in SCENE_VERBS or clause.lemma_ in NAMING or clause.lemma_ in RECORDING:
            return False  # "Washington saw the largest demonstration": a place, not who demonstrated; "called the bombing": not the caller's
        token = trigger
        for _ in range(4):
            if token.dep_ == "conj" and token.head.pos_ == "NOUN" and token.pos_ == "NOUN":
                token = token.head  # "to end combat operations and troop withdrawal": as the first noun
                continue
            if token.dep_ not in CARRIED_DEPS or token.dep_ == "prep" and token.lower_ in CONTRASTING | TOPICAL:
                return False  # "withdrew despite a rally", "talk about the sanctions": someone else's
            token = token.head
            if token.i == clause.i:
                return True
        return False

    def _dates_other(self, doc: Doc, root: int, time: dict, tokens: list[Token]) -> bool:
        """Whether a time expression dates another event named by a noun ("praised Brown for his reaction
        to the attack last year", "ahead of the G8 summit next week, Putin accused", "criticized its
        invasion of Iraq in 2003"), not this one: the noun it hangs from, or the one just before it,
        whatever the parse says."""
        own = {t.i for t in tokens}
        span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
        before = doc[span.start - 1] if span is not None and span.start > 0 else None
        if before is not None and before.i not in own and self._happening(before):
            # but "held a press conference Monday denouncing the protesters": the denouncing was at the conference
            return not (before.dep_ == "dobj" and any(t.dep_ in ("advcl", "conj") and t.head.i == before.head.i for t in tokens))
        if before is not None and before.lower_ == "in" and before.i > 0:  # "its invasion of Iraq in 2003": the invasion's year
            noun = doc[before.i - 1]
            for _ in range(3):
                if noun.i in own or noun.pos_ in ("VERB", "AUX"):
                    break
                if self._happening(noun) and noun.dep_ in ("dobj", "conj", "nsubj", "nsubjpass", "appos"):
                    return True  # an argument of the verb; not "met at the summit in 2003", which dates both
                if noun.head.i == noun.i:
                    break
                noun = noun.head
        token = doc[root]
        for _ in range(4):
            if token.head.i == token.i or token.i in own:
                return False
            token = token.head
            if token.pos_ in ("VERB", "AUX") or token.i in own:
                return False
            if self._happening(token):
                return True
        return False

    def _embedded(self, trigger: Token, clause: Token) -> bool:
        """Whether a nominal event hangs from another event's noun on its way to its clause ("a protest
        against the planned deployment"): the clause's time is the other event's."""
        token = trigger
        for _ in range(4):
            if token.i == clause.i:  # "protested against the planned deployment": the verb is the other event
                during = trigger.head.lower_ in ("during", "amid")  # "were arrested during protests": at the arrests' time
                return trigger.pos_ != "VERB" and trigger.dep_ == "pobj" and not during and self._match(clause) is not None
            if token.head.i == token.i:
                return False
            token = token.head
            if token.i != clause.i and self._happening(token):
                return True
        return False

    def _happening(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and (token.lemma_.lower() in HAPPENINGS or self._match(token) is not None)

    # -- the record ---------------------------------------------------------------------------

    def _event(self, doc: Doc, trigger: Token, tokens: list[Token], rule: Rule, source, target, times) -> dict:
        clause = _clause_head(trigger)
        modality = _modality(trigger, clause)
        if modality == "asserted" and trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.head.lemma_ in SCHEDULES:
            modality = "future"  # "there is no date for talks with South Africa yet": talks to come
        if modality == "asserted" and trigger.lemma_ in INVITING and rule.type == "CONSULT":
            modality = "future"  # "Russia has invited Hamas for talks": talks to come (PLOVER: AGREE)
        sent = trigger.sent
        earliest = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start  # _date looks no further back
        times = [(i, t) for i, t in times if earliest <= i < sent.end and not self._dates_other(doc, i, t, tokens)]
        embedded = self._embedded(trigger, clause)
        if embedded:  # "protested on Friday against the planned deployment": not Friday's
            times = [(i, t) for i, t in times if _governing(doc[i], trigger)]
        date, imputed = _date(doc, trigger, clause, times, modality, carry=not embedded)
        quote = _quote_of(doc, trigger)
        plover_type = rule.type
        if modality in ("future", "hypothetical") and rule.type in FOLD_FUTURE:
            plover_type = "AGREE"
        elif modality == "future" and rule.type == "RETREAT":
            plover_type = "CONCEDE"
        score = self._score(rule.type, rule.mode)
        first, last = min(t.i for t in tokens), max(t.i for t in tokens)
        span = doc[first : last + 1] if last - first <= 4 else trigger
        confidence = 0.5 + 0.2 * bool(source) + 0.15 * bool(target) + 0.1 * (not imputed)
        return {
            "id": "", "type": rule.type, "plover_type": plover_type, "mode": rule.mode, "context": list(rule.context),
            "cameo": rule.cameo or None, "source": source, "target": target, "date": date, "date_imputed": imputed,
            "place": _place(doc, trigger, clause, rule.mode == "visit" or rule.type == "MOBILIZE", said=rule.type in SAID_TYPES), "modality": modality,
            "attributed_to": quote["speaker"] if quote else None, "quote": quote["id"] if quote else None,
            "trigger": span_record(span), "sentence": span_record(trigger.sent), "confidence": round(min(confidence, 0.95), 2),
            "score": score, "rule": f"{rule.trigger} ({rule.pos})",
        }  # fmt: skip


def _contexts(row: dict) -> tuple[str, ...]:
    """The PLOVER contexts of an ``events.tsv`` or ``cameo_plover.tsv`` row ("military;territory")."""
    return tuple(c for c in row["context"].split(";") if c)


def _speakers_as_we(doc: Doc, actors: dict[int, tuple[str, ...]]) -> None:
    """Map "we", "us" and "our" in a direct quote to its speaker ("'We strongly condemn this attack,' said
    a spokesman for ISAF": ISAF condemns), and "I", "me" and "my" to a speaker who is a person ("'I am ready
    to meet Hamas,' Yishai said")."""
    coded = {a["id"] for a in doc._.actors if a["code"]}
    people = {a["id"] for a in doc._.actors if a["kind"] == "person"}
    for quote in doc._.quotes or ():  # indirect speech says "they": a "we" in it is a partial quote
        for token in doc.char_span(quote["content"]["start"], quote["content"]["end"], alignment_mode="expand") or ():
            we = token.lower_ in ("we", "us", "our") and quote["speaker"] in coded  # an uncoded speaker tells nothing of who "we" are
            if token.i not in actors and (we or token.lower_ in ("i", "me", "my") and quote["speaker"] in people):
                actors[token.i] = (quote["speaker"],)


def _blaming(content: Token) -> Token | None:
    """The word by which a clause of "be" blames its subject: "was responsible", "is behind the
    attacks", "are the aggressors", "is to blame"."""
    for child in content.children:
        if child.dep_ == "acomp" and child.lemma_.lower() in BLAMING_ADJECTIVES:
            return child
        if child.dep_ == "attr" and child.lemma_.lower() in BLAMING_NOUNS:
            return child
        if child.dep_ == "prep" and child.lower_ == "behind" and any(g.dep_ == "pobj" for g in child.children):
            return child
        if child.dep_ == "xcomp" and child.lemma_ == "blame":
            return child
    return None


def _walkout(strike: Token, actors: dict[int, tuple[str, ...]], strikers: set[str]) -> bool:
    """Whether the noun "strike" is a labour strike: nothing military about it ("air", "missile"), no
    army or country striking (``strikers``: "US strikes") and no one struck ("strikes on Gaza")."""
    for child in strike.children:
        if child.lemma_.lower() in MILITARY_WORDS or child.dep_ == "prep" and child.lower_ in ("on", "against", "at"):
            return False
        if child.dep_ in MODIFIER_DEPS and any(a in strikers for a in actors.get(child.i, ())):
            return False
    return True


def _with_partner(tokens: list[Token], actors: dict[int, tuple[str, ...]]) -> bool:
    """Whether a trigger phrase names an actor after "with" ("held drills with Russia")."""
    return any(p.dep_ == "prep" and p.lower_ == "with" and any(g.i in actors for g in p.children) for t in tokens for p in t.children)


def _test_fired(trigger: Token) -> bool:
    """Whether a missile fired or launched hits no one as a test: "test-fired a missile", "test fired"."""
    doc = trigger.doc
    return trigger.i >= 2 and doc[trigger.i - 1].text == "-" and doc[trigger.i - 2].lower_ == "test" or trigger.i >= 1 and doc[trigger.i - 1].lower_ == "test"


def _in_exercise(trigger: Token) -> bool:
    """Whether a verb belongs to a clause describing an exercise ("exercises in which it launched missiles")."""
    token = trigger
    for _ in range(3):
        if token.dep_ not in ("relcl", "acl") or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_ in EXERCISES:
            return True
    return False


def _capability(token: Token) -> bool:
    """Whether a trigger says what someone can do: "capable of striking", "the ability to defend", "no way to"."""
    for _ in range(3):
        if token.dep_ not in ("pcomp", "xcomp", "acl", "prep", "pobj", "acomp") or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() in CAPABILITIES:
            return True
    return False


def _topic(noun: Token) -> bool:
    """Whether a nominal trigger is what people discuss ("discussed aid", "to discuss the stalled trade
    talks", "the debate on sanctions"), not something done."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "to discuss the crisis, the stalled trade talks and other issues"
    if noun.dep_ == "dobj" and noun.head.lemma_ in DISCUSSING:
        return True
    if noun.dep_ == "dobj" and noun.head.dep_ in ("xcomp", "dobj") and noun.head.head.lemma_ in DISCUSSING:
        return True  # "discussed brokering a truce"
    return noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_.lower() in TALK_NOUNS


def _made_threat(noun: Token) -> bool:
    """Whether the noun "threat" is a threat someone makes: one issued ("issued a threat"), or one
    with its content ("the threat to close the strait", "threats of military action")."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in ISSUING:
        return True
    if any(c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in noun.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in noun.children):
        return True  # "Iran's threats against Israel"
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ in ("pobj", "pcomp") and g.pos_ in ("NOUN", "VERB") and g.lemma_ not in ("war", "violence", "terrorism", "attack")
                                                             for g in c.children) for c in noun.children)


def _dependent(token: Token, lemma: str) -> Token | None:
    """A word with ``lemma`` among the token's dependents, or theirs ("step up operations", "exchange of fire")."""
    for child in token.children:
        if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
            continue  # "called Abbas on Monday": not "call on"
        if (child.lemma_.lower() == lemma or child.lower_ == lemma) and child.dep_ != "aux":  # "continued to tell them": not "tell to"
            return child
    for child in token.children:
        if child.dep_ in ("prep", "prt", "dobj", "compound", "xcomp", "advcl", "acl"):
            for grandchild in child.children:
                if child.dep_ == "xcomp" and grandchild.dep_ != "aux":
                    continue  # "called him to congratulate him on his victory": the "on" is not "call on"
                if child.dep_ in ("advcl", "acl") and grandchild.dep_ != "mark":
                    continue  # "calls for Olmert to resign", parsed with "for" marking the clause
                if grandchild.lemma_.lower() == lemma or grandchild.lower_ == lemma:
                    return grandchild
    return None


def _clause_head(trigger: Token) -> Token:
    """The verb whose clause the trigger belongs to: itself, or the verb governing a nominal trigger."""
    token = trigger
    while token.pos_ not in ("VERB", "AUX") and token.dep_ != "ROOT":
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else trigger


def _subjects(verb: Token, deps: tuple[str, ...]) -> list[Token]:
    """A verb's subjects, less a country the parser made a second subject ("an attack on a convoy in Spin
    Boldak, Afghanistan killed 34": the town's country, not a doer)."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    if len(subjects) < 2:
        return subjects
    return [c for c in subjects if not (c.ent_type_ == "GPE" and c.i > 1 and c.nbor(-1).text == "," and c.nbor(-2).pos_ == "PROPN")]


def _sentence_subjects(token: Token) -> list[Token]:
    """The subjects of the nearest verb above ``token`` that has one: whoever is "during a visit" is
    most often the sentence's own subject, wherever the parser hangs the phrase."""
    for _ in range(6):
        if token.head.i == token.i:
            break
        token = token.head
        subjects = [c for c in token.children if c.dep_ == "nsubj"] if token.pos_ in ("VERB", "AUX") else []
        if subjects:
            return subjects
    return []


def _inherited_subjects(verb: Token) -> list[Token]:
    """Subjects of a verb that has none of its own: "plans to meet", "met and agreed", and the object
    of a verb of asking ("urged Germany to raise spending": Germany is who would raise it)."""
    token = verb
    if token.dep_ in ("pobj", "pcomp") and token.head.dep_ == "prep" and token.head.head.lemma_ in ENGAGED:
        engaged = token.head.head  # "troops were engaged in fighting"
        return [c for c in engaged.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.dep_ == "pcomp" and token.head.lower_ in ("of", "for") and token.head.head.lemma_ in ACCUSING:
        return [c for c in token.head.head.children if c.dep_ in ("dobj", "nsubjpass")]  # "accused Eritrea of moving troops", "Eritrea is accused of"
    for _ in range(4):
        complement = token.dep_ == "xcomp"
        if token.dep_ == "pcomp" and token.head.lower_ in ("by", "after", "before", "while", "without") and token.head.head.pos_ in ("VERB", "AUX"):
            token = token.head.head  # "continued by praising Brown": whoever continued praised
        elif token.dep_ == "acl" and token.head.lemma_.lower() in INTENTIONS and token.head.dep_ in ("dobj", "nsubjpass") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children):  # fmt: skip
            token = token.head.head  # "unveiled a plan to withdraw troops": whoever has the plan
        elif token.dep_ == "pcomp" and token.head.lower_ == "to" and token.head.head.lower_ == "prior" and token.head.head.head.pos_ in ("VERB", "AUX"):
            token = token.head.head.head  # "Prior to visiting Khamenei, Ortega met ...": Ortega visited
        elif token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN") and token.head.dep_ == "dobj":
            token = token.head.head  # "denies the allegations and accuses Washington", hung on the noun by the parse
        elif token.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "acomp") or token.head.i == token.i:
            break  # "acomp": "Arnor is about to restore ties"
        else:
            token = token.head
        objects = [c for c in token.children if c.dep_ == "dobj"] if complement and not _phoned_for(verb, token) else []
        if objects:
            return objects
        subjects = _subjects(token, ("nsubj", "nsubjpass"))
        if subjects:
            return subjects
    return []


def _phoned_for(verb: Token, head: Token) -> bool:
    """Whether a verb is what a phone call was for ("Bush called Stoltenberg to congratulate him"): the
    caller does it, on whom was called, and does it indeed; not "called on Iran to halt"."""
    return head.lemma_ in ("call", "phone", "telephone", "ring") and verb.lemma_ in GREETINGS and verb.dep_ == "xcomp"


def _subject_actors(verb: Token, actors: dict[int, tuple[str, ...]]) -> list[str]:
    """Actor ids of whoever does a verb: its subject, or the one it inherits ("plans to say")."""
    found: list[str] = []
    _add(found, [c for c in verb.children if c.dep_ == "nsubj"] or _inherited_subjects(verb), actors)
    return found


def _add(into: list[str], tokens: list[Token], actors: dict[int, tuple[str, ...]], expand: bool = False) -> None:
    """Actor ids of argument words, following coordination ("Japan and the US"); a word may stand for
    several actors ("the two leaders")."""
    queue = list(tokens)
    seen = set()
    while queue:
        token = queue.pop(0)
        if token.i in seen:
            continue
        seen.add(token.i)
        queue.extend(c for c in token.children if c.dep_ == "conj")
        found = actors.get(token.i)
        if found is None and token.lemma_.lower() in BRANCHES | MEMBERS:  # "the Pakistan branch of the Taliban", "activists of the MNS"
            found = _object_of(token, "of", actors)
        modifiers = [c for c in _modifiers(token) if c.i in actors and not stance(c) and not _make_of(c, token)] if found is None and (
            expand or token.dep_ != "pobj") else []  # fmt: skip
        if found is None:  # "His opponent Raila Odinga disputes", "the Kenyan rights group Muslim Human Rights Forum": the one named
            found = next((actors[c.i] for c in token.children if c.dep_ == "appos" and c.i in actors), None)
        if found is None:
            found = next((actors[c.i] for c in modifiers if c.pos_ != "PRON"), None)
        if found is None and token.lemma_.lower() in SPOKESPEOPLE:  # "a spokesman for the LTTE apologized": the LTTE
            found = _object_of(token, "for", actors)
        if found is None:
            found = next((actors[c.i] for c in modifiers), None)
        if found is None and token.pos_ in ("NOUN", "PROPN"):  # "Japan-US alliance", "the Chinese navy"
            found = next((actors[c.i] for c in token.children if c.i in actors and c.dep_ in ("compound", "amod", "poss") and not stance(c)), None)
        if found is not None and token.pos_ == "NOUN":  # "officials for the U.S. government and the North Korean government": each side's
            for body in (g for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj" and g.i in actors):
                found = tuple(found) + tuple(a for conj in body.conjuncts for a in actors.get(conj.i, ()))
        if found is not None:  # "US and British forces", "Japanese and Philippine ministers": each country acts
            for mod in (c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and any(g.dep_ == "conj" for g in c.children)):
                found = tuple(found) + tuple(a for m in (mod, *(g for g in mod.children if g.dep_ == "conj")) for a in actors.get(m.i, ()))
        into.extend(a for a in found or () if a not in into)


def _make_of(modifier: Token, noun: Token) -> bool:
    """Whether a name before a vehicle is its make ("a white Toyota Corolla car rammed the convoy"), not
    whoever drives it ("Israeli jets" are coded as forces of their own)."""
    return noun.lemma_.lower() in VEHICLES and modifier.ent_type_ in ("ORG", "PRODUCT")


def _object_of(noun: Token, prep: str, actors: dict[int, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The actors of the object of ``prep`` after a noun ("branch of the Taliban", "spokesman for the LTTE")."""
    return next((actors[g.i] for c in noun.children if c.dep_ == "prep" and c.lower_ == prep
                 for g in c.children if g.dep_ == "pobj" and g.i in actors), None)  # fmt: skip


def _passive_conjunct(verb: Token) -> bool:
    """Whether a participle shares the passive of the verb it is coordinated with ("were killed or injured";
    "were kidnapped and killed", the second tagged as a past tense, with no subject or object of its own)."""
    own = verb.tag_ == "VBD" and not any(c.dep_ in ("nsubj", "dobj") for c in verb.children)
    return verb.dep_ == "conj" and (verb.tag_ == "VBN" or own) and any(c.dep_ == "auxpass" for c in verb.head.children)


def _plural(verb: Token) -> bool:
    """Whether a verb's subject is several people ("the leaders discussed", "they talked")."""
    return any(c.dep_ == "nsubj" and (c.tag_ in ("NNS", "NNPS") or c.lower_ in ("they", "we")) for c in verb.children)


def _located(head: Token, actors: dict[int, tuple[str, ...]], source: list[str], preps: frozenset[str]) -> list[str]:
    """For an event with no target, the country or body it happens in or is aimed into ("bombed targets in
    Georgia", "troops marched to the border with Mordor"), as PETRARCH codes it: the first actor named
    after a locative preposition in the clause, outside other clauses and an acting subject ("German troops
    in Lithuania"; "a bombing in Iraq killed 40" is aimed at Iraq)."""
    for token in head.subtree:
        if token.i not in actors or token.dep_ != "pobj" or token.head.lower_ not in preps:
            continue
        path = token
        while path.i != head.i and path.dep_ not in ("ccomp", "advcl", "relcl", "conj"):
            if path.dep_ in ("nsubj", "nsubjpass") and path.i in actors:
                break
            path = path.head
        found = [a for a in actors[token.i] if a not in source]
        if path.i == head.i and found:
            return found
    return []


def _told_as_happening(trigger: Token, kind: str) -> bool:
    """Whether an attack or protest is told as taking place, whoever did it: "two bombs exploded", "a suicide
    bombing struck the camp", "explosions were reported in Zahedan", "there was a blast", "thousands
    protested" (not "condemned the attack")."""
    if trigger.pos_ == "VERB":
        if kind == "ASSAULT" and any(c.dep_ == "auxpass" for c in trigger.children) and any(c.dep_ == "nsubjpass" for c in trigger.children):
            return True  # "a village worker was shot in Narathiwat"
        if kind == "PROTEST" and any(c.dep_ == "nsubj" and _crowd(c) for c in trigger.children) and trigger.dep_ not in ("amod", "acl", "relcl", "xcomp"):
            return True  # "thousands protested in Paris"
        if kind == "PROTEST" and trigger.lemma_ in STAGING and any(c.dep_ == "nsubjpass" for c in trigger.children):
            return True  # "protests were staged in Paris"
        return trigger.lemma_ in OCCURRING and not any(c.dep_ == "dobj" for c in trigger.children)
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ in CONTRASTING | {"during"}:
        return True  # "despite a large rally in Beirut", "amid protests in Cairo", "were arrested during protests"
    if trigger.dep_ == "nsubjpass" and kind == "PROTEST" and head.lemma_ in STAGING:
        return True  # "demonstrations were held in Washington"
    if trigger.dep_ in ("nsubj", "nsubjpass"):
        return head.lemma_ in OCCURRING or head.lemma_ == "go" and any(c.lower_ == "off" for c in head.children)  # "a bomb went off"
    if trigger.dep_ == "dobj" and head.lemma_ in ("report", "confirm"):
        return True  # "police reported two explosions"
    if trigger.dep_ == "dobj" and kind == "PROTEST" and head.lemma_ in STAGING:
        return any(c.dep_ == "nsubj" and _crowd(c) for c in head.children)  # "over 5,000 objectors conducted a sit-down"
    return trigger.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)


def _cause(subject: Token) -> Token:
    """What a subject stands for: the noun a relative pronoun refers to ("a crash that killed 42")."""
    if subject.pos_ == "PRON" and subject.lower_ in ("that", "which") and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def _charged_at(verb: Token) -> bool:
    """Whether "charge" is a physical charge ("charged into the crowd", "lathi-charged the protesters", "baton
    charge"), not a legal one."""
    if verb.i >= 2 and verb.doc[verb.i - 1].text == "-" and verb.doc[verb.i - 2].lower_ in ("lathi", "baton", "bayonet", "cavalry"):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("into", "at", "through") for c in verb.children) or any(
        c.dep_ == "compound" and c.lower_ in ("lathi", "baton") for c in verb.children)  # fmt: skip


def _people(noun: Token, actors: dict[int, tuple[str, ...]]) -> bool:
    """Whether an object is people ("11 Sunni men", "two journalists", "him"), not things or land."""
    if noun.i in actors or noun.ent_type_ == "PERSON" or noun.pos_ == "PRON" and noun.lower_ in ("him", "her", "them", "us", "me"):
        return noun.ent_type_ not in ("GPE", "LOC", "FAC")
    return noun.lemma_.lower() in PERSONS


def _crowd(subject: Token) -> bool:
    """Whether a subject is people unnamed ("thousands", "many people"), not someone the stages could not
    code ("he", "Sheehan"), who are no crowd of the place."""
    return subject.pos_ == "NUM" or subject.tag_ in ("NNS", "NN") and subject.ent_type_ not in ("PERSON", "ORG", "NORP")


def _presses_on(verb: Token) -> bool:
    """Whether a verb "press" or "push" carries something on ("pressed ahead with the invasion")."""
    return verb.lemma_ in ("press", "push") and any(c.lower_ in ("ahead", "on") and c.dep_ in ("advmod", "prt") for c in verb.children)


def _met_with(verb: Token) -> Token | None:
    """What a verb "meet" meets with when it is a reaction ("met with criticism"), not people."""
    if verb.lemma_ != "meet":
        return None
    return next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children
                 if g.dep_ == "pobj" and g.lemma_.lower() in REACTIONS), None)


def _answered(verb: Token) -> bool:
    """Whether a verb answers a demand, call or request ("respond to a demand"), not a question."""
    return any(p.dep_ == "prep" and p.lower_ == "to" and any(g.lemma_.lower() in DEMANDS for g in p.children) for p in verb.children)


def _authors(nouns: list[Token]) -> list[Token]:
    """Who a demand or call comes from ("demands from UNITA", "a call by the UN")."""
    return [g for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ in ("from", "by") for g in p.children if g.dep_ == "pobj"]


def _sends_peacekeepers(trigger: Token) -> bool:
    """Whether what a deployment sends are peacekeepers ("sent 3,000 more peacekeeping troops", "the
    deployment of NATO peacekeepers")."""
    sent = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "prep")]
    return any(t.lemma_.lower() in ("peacekeeper", "peacekeeping") for c in sent for t in c.subtree)


def _visits_scene(doc: Doc, event: dict) -> bool:
    """Whether a visit is to a scene ("visited the scene", "the site"): no one is visited."""
    verb = _trigger_token(doc, event)
    return any(c.dep_ == "dobj" and c.lemma_.lower() in SCENES and not c.ent_type_ for c in verb.children)


def _first_after(verb: Token, actors: dict[int, tuple[str, ...]], source: list[str]) -> list[str]:
    """The first actor named after a verb in its phrase, other than its source, as PETRARCH finds a target
    the parse does not give ("acted on a resolution against Libya", "ties with Libya almost crowds")."""
    for token in verb.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in LOCATIVES:
            continue  # "celebrated at Osgiliath with Gondor": where, not whom
        if token.i > verb.i and token.i in actors and any(a not in source for a in actors[token.i]):
            found: list[str] = []
            _add(found, [token], actors)  # "ties with Mordor, Rohan and Bree": each of them
            return [a for a in found if a not in source]
    return []


def _host(doc: Doc, event: dict, country_name) -> list[str]:
    """For a visit with no one named as visited, the country it goes to ("Kishida arrived in Washington":
    the US). When the article names that country nowhere as an actor, it is added as one with no
    mention: the host a visit implies."""
    country = next((p["country"] for p in doc._.places or () if p["id"] == event["place"]), None)
    own = {a["country"] for a in doc._.actors or () if a["id"] in event["source"]}
    if country is None or country in own or not own or None in own:
        return []  # home, or a visitor whose own country is unknown
    hosts = [a for a in doc._.actors or () if a["country"] == country and a["kind"] in ("country", "organization") and a["sector"] in (None, "GOV")]
    if not hosts:
        hosts = [add_actor(doc, country_name(country), "country", country)]
    return [min(hosts, key=lambda a: a["sector"] is not None)["id"]]


def _claimed(doc: Doc, events: list[dict], actors: dict[int, tuple[str, ...]]) -> None:
    """Give an attack told with no doer the group that claims it ("A suicide bombing killed 34 civilians.
    The Taliban has claimed responsibility for the attack.") or whom it is blamed on ("Authorities blamed
    ETA for the attack"); a denied claim ("has not claimed") gives none."""
    responsibility = doc.vocab.strings.add("responsibility")  # looked up in the lemma array: most articles claim nothing
    blame = doc.vocab.strings.add("blame")
    lemmas = doc.to_array(LEMMA)
    claims = [(w.head, ("nsubj",)) for w in (doc[int(i)] for i in (lemmas == responsibility).nonzero()[0])
              if w.dep_ == "dobj" and w.head.lemma_ in ("claim", "accept", "take", "admit")]  # fmt: skip
    claims += [(w, ("dobj", "nsubjpass")) for w in (doc[int(i)] for i in (lemmas == blame).nonzero()[0]) if w.pos_ == "VERB"]
    for verb, deps in claims:
        if any(c.dep_ == "neg" for c in verb.children) or not any(
                g.lemma_.lower() in ATTACK_NOUNS for t in (verb, *verb.children) for p in t.children if p.dep_ == "prep" and p.lower_ == "for"
                for g in p.children):  # fmt: skip
            continue
        claimers: list[str] = []
        _add(claimers, _subjects(verb, deps), actors)
        earlier = [e for e in events if e["type"] == "ASSAULT" and e["sentence"]["start"] < verb.sent.start_char]
        if claimers and earlier and not earlier[-1]["source"]:
            attack = earlier[-1]
            attack["source"] = claimers
            attack["target"] = [a for a in attack["target"] if a not in claimers]


def _placed_on_scene(doc: Doc, events: list[dict], scene: tuple[str, int] | None) -> list[dict]:
    """The events with protests, attacks and arrests told after the lede with no place of their own, in the
    days before publication, placed at the ``scene`` (place id, end of the lede), where the story's lede (its
    first sentence with a place, of two) happens: "Anti-war demonstrators in Sydney dubbed Rice a war criminal. Two protesters were evicted and
    five people were arrested" happened in Sydney, as a dateline says. One with no one named that is still
    placed nowhere is dropped, and so is one placed only so when an event of its type is at the scene
    already ("Then there was a huge explosion", after the attack), unless it is "another"."""
    published = doc._.published
    kept: list[dict] = []
    for event in events:
        unnamed = not event["source"] and not event["target"]
        if scene is not None and event["place"] is None and event["type"] in SCENE_TYPES and event["modality"] == "asserted" and (
                event["sentence"]["start"] >= scene[1]) and not _names_a_place(doc, event, scene[0]) and (  # fmt: skip
                event["date_imputed"] or event["date"] and _recent(event["date"], published) and _days_before(event["date"], published) <= 7):  # fmt: skip
            if unnamed and any(e["type"] == event["type"] and e["place"] == scene[0] for e in kept) and not _new_attack(_trigger_token(doc, event)):
                continue  # the attack at the scene, told again
            event["place"] = scene[0]
            dated = [e for e in kept if not e["date_imputed"] and e["modality"] == "asserted" and _days_before(e["date"], published) <= 7]
            if event["date_imputed"] and dated:  # "protesters demonstrated on Friday ... The temple was vandalized": on Friday too
                event["date"], event["date_imputed"] = dated[-1]["date"], False
        if unnamed and event["place"] is None:
            continue  # no one named, and nowhere
        kept.append(event)
    return kept


def _scene(doc: Doc) -> tuple[str, int] | None:
    """Where the story's lede happens, and where the lede ends: the place of the first of the first two
    sentences that has one, where its main verb happens or else another of its verbs ("showed up to
    demonstrate in front of the Los Angeles temple")."""
    for sentence in islice(doc.sents, 2):
        verbs = [sentence.root, *(t for t in sentence if t.pos_ == "VERB" and t.i != sentence.root.i)]
        place = next((p for v in verbs if (p := _place(doc, v, v, visit=False))), None)
        if place is not None:
            return place, sentence.end_char
    return None


def _names_a_place(doc: Doc, event: dict, scene: str) -> bool:
    """Whether an event's sentence names a place or region other than the ``scene``, even one not attached to
    it ("In another province, ...", "near Abu Kamal"): the story is elsewhere, not at its scene."""
    sentence = doc.char_span(event["sentence"]["start"], event["sentence"]["end"], alignment_mode="expand")
    here = {m["text"] for p in doc._.places or () if p["id"] == scene for m in p["mentions"]}  # "a member of the Los Angeles Police Department"
    return any(ent.label_ in ("GPE", "LOC", "FAC") and ent.text not in here and not under_dispute(ent.root) and not _word_before_a_noun(ent)
               for ent in sentence.ents) or any(t.lemma_ in ("province", "region", "district") for t in sentence)  # fmt: skip  # not "against the invasion of Iraq"


def _word_before_a_noun(ent) -> bool:
    """Whether a one-word name after "the" qualifies a common noun ("the Temple grounds", "the Mukuru slum"):
    a part of the scene more often than another place."""
    doc, root = ent.doc, ent.root
    return (len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ == "the" and root.dep_ == "compound"
            and root.head.pos_ == "NOUN" and root.head.is_lower)  # fmt: skip


def _same_day(one: str | None, other: str | None) -> bool:
    """Whether two TIMEX3 values name the same day, one of them perhaps with a clock time ("2008-08-04T08:00")."""
    return one == other or bool(one and other and len(one) >= 10 and one[:10] == other[:10] and "T" in one + other)


def _days_before(value: str, published: str | None) -> int:
    """Days from a TIMEX3 day to publication; a large number for anything less precise than a day."""
    if not published or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return 10**6
    return (date.fromisoformat(published[:10]) - date.fromisoformat(value[:10])).days


def _add_scene_people(doc: Doc, event: dict, country_name) -> None:
    """The civilians of the country where an event with no one named happens, as PLOVER coders code them:
    who protests when only "protests" are told ("protests turned violent in Haiti"), who suffers an attack
    told with no victim ("explosions in Zahedan"). Added as an actor with no mention when the article names
    them nowhere. A protest of a country's own people is in it, not against it ("protests in Lahore")."""
    unnamed_protest = event["type"] == "PROTEST" and not event["source"]
    if not unnamed_protest and not (event["type"] == "ASSAULT" and not event["source"] and not event["target"]):
        return
    country = next((p["country"] for p in doc._.places or () if p["id"] == event["place"]), None)
    trigger = _trigger_token(doc, event)
    if country is None or trigger.pos_ == "VERB" and not all(_crowd(c) for c in trigger.children if c.dep_ == "nsubj"):
        return  # "he protested in court": someone not coded, not the people of the place
    people = next((a for a in doc._.actors if a["code"] == country + "CVL"), None)
    people = people or add_actor(doc, f"people of {country_name(country)}", "group", country, "CVL")
    if unnamed_protest:
        event["source"] = [people["id"]]
        homeland = {a["id"] for a in doc._.actors if a["kind"] == "country" and a["country"] == country}
        event["target"] = [a for a in event["target"] if a not in homeland]
    else:
        event["target"] = [people["id"]]


def _trigger_token(doc: Doc, event: dict) -> Token:
    """The head word of an event's trigger."""
    return doc.char_span(event["trigger"]["start"], event["trigger"]["end"], alignment_mode="expand").root


def _in_clause(doc: Doc, event: dict, clause: Token) -> bool:
    """Whether an event's trigger is the head of ``clause`` or hangs from it without another verb."""
    trigger = _trigger_token(doc, event)
    return trigger.i == clause.i or _governing(trigger, clause)


def _merged(doc: Doc, events: list[dict], actors: dict[int, tuple[str, ...]]) -> list[dict]:
    """The events less a noun event that names the purpose of a verb event of the same type ("travel
    to Washington for a summit with Biden": one visit) or is its subject ("a bombing killed 40
    people": one attack), a verb naming such a purpose ("meet to discuss"), a verb coordinated with
    one of the same type ("were killed or wounded") and a participle giving its toll ("exploded,
    injuring three people"), whose targets join the verb's."""
    by_start = {e["trigger"]["start"]: e for e in events}
    by_root = {_trigger_token(doc, e).i: e for e in events}
    kept = []
    for event in events:
        token = _trigger_token(doc, event)
        verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head if token.dep_ in ("nsubj", "nsubjpass") else None
        if token.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
            verb = token.head  # "meet in Berlin to discuss": the purpose of the meeting
        if token.dep_ == "conj" and token.pos_ == "VERB" and token.head.pos_ == "VERB":
            verb = token.head  # "were killed or wounded": one attack told by two verbs
        if token.dep_ == "advcl" and token.tag_ == "VBG" and not any(c.dep_ == "mark" for c in token.children):
            verb = token.head  # "two bombs exploded, injuring three people": the toll of the blast
        if token.dep_ in ("advcl", "relcl") and event["type"] == "ASSAULT" and any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in token.children):
            verb = next((v for v in token.ancestors if v.pos_ in ("VERB", "AUX")), None)  # "was killed in Afghanistan, when a bomb exploded": one attack
        host = by_start.get(verb.idx) if verb is not None and verb.i != token.i else None
        if host is None and verb is not None and token.dep_ == "advcl":  # "an air strike hit a car, killing two": the strike's toll
            host = next((by_root[c.i] for c in verb.children if c.dep_ == "nsubj" and c.i in by_root), None)
        charged = host is not None and host["mode"] == "arrest" and event["rule"].startswith("charge ")  # "arrested two men and charged them": CAMEO 173
        venue = token.dep_ == "pobj" and token.head.lower_ in ("at", "during") and event["type"] == "CONSULT"  # "met at the APEC summit"
        if host is not None and host is not event and venue and host["type"] == "CONSULT":
            continue
        if host is not None and host is not event and (host["type"] == event["type"] or charged) and (
                not event["source"] or not host["source"] or event["source"] == host["source"]):  # fmt: skip
            host["source"] = host["source"] or event["source"]  # "fighting between Hamas and Fatah killed 12": theirs
            if host["mode"] is None and event["mode"] and host["type"] == event["type"]:  # "a bomb exploded": by explosives
                host.update(mode=event["mode"], cameo=event["cameo"], context=event["context"], score=event["score"])
            placed = _placed(token.sent, actors, LOCATIVES)
            joining = [a for a in event["target"] if not (host["target"] and a in placed)]  # "killed in an ambush in Congo": not Congo
            host["target"] += [a for a in joining if a not in host["target"] and a not in host["source"]]
            continue
        kept.append(event)
    return kept


def _without_re_mentions(doc: Doc, events: list[dict], actors: dict[int, tuple[str, ...]]) -> list[dict]:
    """The events less a noun that names again one coded before: "the meeting", "the fighting", "Bush's
    visit", "the strike was carried out" after the meeting, fighting, visit or strike itself was told,
    with no party of its own (parties of one code are one); and "a preparatory meeting of the summit",
    where the summit is the other noun's."""
    code = {a["id"]: a["code"] or a["id"] for a in doc._.actors}  # "U.S. military" after "US helicopters": one party
    kept: list[dict] = []
    for event in events:
        token = _trigger_token(doc, event)
        parties = (set(event["source"]) | set(event["target"])) - _placed(token.sent, actors, LOCATIVES)  # "severe in western Kenya"
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "of":
            owner = token.head.head
            if any(e["trigger"]["start"] <= owner.idx < e["trigger"]["end"] and e["type"] == event["type"] for e in kept):
                continue
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE or c.dep_ == "poss" for c in token.children)
        named_so = token.dep_ == "attr" and token.head.lemma_ == "be" and any(  # "This is a historic meeting": the one just told
            c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that") for c in token.head.children)  # fmt: skip
        carried_out = token.pos_ == "VERB" and event["type"] == "ASSAULT" and any(  # "the strike was carried out by the U.S. military": the strike told before
            c.dep_ in ("dobj", "nsubjpass") and _told_attack(c) for c in token.children)  # fmt: skip
        if _ordinal(token) and parties and not named_so:  # "The first meeting was between Bush and Calderon": one of the summit's meetings
            kept.append(event)
            continue
        if definite and token.lemma_ in GATHERINGS and event["type"] == "CONSULT" and not _attended(token) and any(
                _same_gathering(doc, token, e) for e in kept):  # fmt: skip
            continue  # "the opening day of their summit", "At the Bucharest summit, Albania will ...": the summit told before
        if definite and token.lemma_ in GATHERINGS and event["type"] == "CONSULT" and (
                told := next((e for e in kept if _same_gathering(doc, token, e)), None)):  # fmt: skip
            event["place"] = event["place"] or told["place"]  # "his first appearance at this year's summit": there, with its hosts
            event["target"] += [a for a in told["source"] + told["target"] if a not in event["source"] + event["target"]]
        if token.pos_ in ("NOUN", "PROPN") and (definite or named_so) or carried_out:
            earlier = [e for e in kept if e["type"] == event["type"] and e["sentence"]["start"] < event["sentence"]["start"]]
            told = next((e for e in reversed(earlier) if named_so or not event["source"] or {code[a] for a in parties} <= {code[a] for a in e["source"] + e["target"]}), None)
            if told is None and earlier and earlier[-1]["mode"] == event["mode"] and not _own_parties(token, actors) and not (
                    event["type"] == "CONSULT" and _attended(token)):  # fmt: skip  # "his first appearance at the summit": his part in it
                told = earlier[-1]  # "Organisers said 10,000 people attended the rally": the rally told, whoever is said to be at it
            if told is not None:  # "the past accusations against Iran", with no accuser named: the ones told before
                if named_so and not told["target"]:  # "began a visit. This is his second visit to India": to India, there
                    told["target"], told["place"] = [a for a in event["target"] if a not in told["source"]], told["place"] or event["place"]
                continue
        kept.append(event)
    return kept


def _own_parties(noun: Token, actors: dict[int, tuple[str, ...]]) -> bool:
    """Whether an event noun names anyone in its own words ("Bush's visit", "the rally of the opposition",
    "talks with Iran"), not only through the clause it is in ("the rally", "during the visit")."""
    return any(t.i in actors for t in noun.subtree if t.i != noun.i)


def _attended(gathering: Token) -> bool:
    """Whether a gathering is named as one someone comes to ("his first appearance at this year's summit",
    "will attend the summit"): their own part in it."""
    head = gathering.head.head if gathering.dep_ == "pobj" else gathering.head
    return head.lemma_ in ATTENDING


def _same_gathering(doc: Doc, noun: Token, earlier: dict) -> bool:
    """Whether a gathering noun names the one an earlier event was told by: the same word, a sentence
    before, and no name or year the earlier sentence does not give ("the G8 summit" after "the NATO
    summit" is another)."""
    told = _trigger_token(doc, earlier)
    if earlier["type"] != "CONSULT" or told.lemma_ != noun.lemma_ or earlier["sentence"]["start"] >= noun.sent.start_char:
        return False
    names = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod") and (
        c.pos_ in ("PROPN", "NUM") or not c.is_lower)]  # fmt: skip  # "the G8 summit", "the 2005 summit"; not "this year's"
    before = doc.text[earlier["sentence"]["start"] : earlier["sentence"]["end"]]
    return not any(name.text not in before for name in names)


def _without_retellings(doc: Doc, events: list[dict], actors: dict[int, tuple[str, ...]]) -> list[dict]:
    """The events less one told again in a later sentence: the same type, mode, date and modality between
    parties named before ("France protested to the US on Monday. ... 'We protested,' the spokesman
    said"), or toward the same target when the retelling names no doer ("During a telephone
    conversation, Abbas was asked to ..."), at no other place. Not another act of the same parties
    ("They also attacked a depot"): one with a target of its own, or "also" or "again" (but "we also
    discussed" is the same talks). A place only the retelling names goes to the first telling."""
    kept: list[dict] = []
    for event in events:
        token = _trigger_token(doc, event)
        new = any(c.lower_ in ("also", "again", "too") for c in token.children) and token.lemma_ != "discuss" or _ordinal(token) or not event["target"] and any(
            c.dep_ in ("dobj", "nsubjpass") for c in token.children) and event["type"] not in MUTUAL or (  # "discussed the issue": a topic
            event["type"] == "ASSAULT" and _new_attack(token)) or event["mode"] == "visit" and not event["target"]  # fmt: skip  # a visit whose host is still to be found
        first = None if new else next((
            e for e in kept if e["sentence"]["start"] < event["sentence"]["start"] and e["type"] == event["type"]
            and (e["mode"] == event["mode"] or e["type"] == "CONSULT" and any({e["mode"], event["mode"]} <= {None, m} for m in ("visit", "multilateral")))  # visiting whom one met, talks at the summit
            and (_same_day(e["date"], event["date"]) or event["date_imputed"] and e["type"] in MUTUAL) and e["modality"] == event["modality"]
            and _same_parties(event, e)
            and not (event["place"] and e["place"] and event["place"] != e["place"])), None)  # fmt: skip
        if first is None and not new and event["type"] == "CONSULT" and _vague_parties(doc, event, token):
            first = next((e for e in reversed(kept) if e["type"] == "CONSULT" and e["sentence"]["start"] < event["sentence"]["start"]
                          and (event["date_imputed"] or _same_day(e["date"], event["date"]))), None)  # fmt: skip  # "The parties discussed ..."
        if first is None and event["type"] == "ASSAULT" and event["modality"] == "negated" and _toll(token, actors):
            first = next((e for e in reversed(kept) if e["type"] == "ASSAULT"), None)  # "No Americans were killed": of the attack told
            if first is not None:
                continue
        if first is None and event["type"] == "ASSAULT" and _toll(token, actors):
            first = _attack_told_before(doc, event, kept)
            if first is not None:  # "U.S. warplanes killed 18 children": victims of the raid told before
                first["target"] += [a for a in event["target"] if a not in first["target"] and a not in first["source"]]
                if first["date_imputed"] and not event["date_imputed"]:
                    first["date"], first["date_imputed"] = event["date"], False
        if first is None:
            kept.append(event)
        elif first["place"] is None:
            first["place"] = event["place"]
    return kept


def _vague_parties(doc: Doc, event: dict, verb: Token) -> bool:
    """Whether a meeting's doers are named only by "the" and a common noun the stages could not code ("The
    parties discussed", "the two sides agreed"): those of the meeting told before."""
    codes = {a["id"]: a["code"] for a in doc._.actors}
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.pos_ == "NOUN" and any(d.lower_ in ("the", "both") for d in s.children) for s in subjects) and not any(
        codes.get(a) for a in event["source"] + event["target"])  # fmt: skip


def _same_parties(event: dict, told: dict) -> bool:
    """Whether an event is between parties of one told before: its doers among the first's (or, with none,
    its first target among the first's targets) and its targets among the first's. A meeting or agreement
    is mutual: "Carter met Shaer ... Shaer said he and Carter had a meeting", "'We discussed ...,' Colom
    said" after Bush met Colom."""
    if event["type"] in MUTUAL:  # the same people: Ortega meeting Khamenei, then Ahmadinejad, meets two Iranians
        parties = set(event["source"] + event["target"])
        return bool(parties) and parties <= set(told["source"] + told["target"])
    if event["source"]:
        return set(event["source"]) <= set(told["source"]) and set(event["target"]) <= set(told["target"])
    return bool(event["target"]) and event["target"][0] in told["target"] and set(event["target"]) <= set(told["target"])


def _ordinal(token: Token) -> bool:
    """Whether an event noun is counted among others ("the first meeting", "a second round")."""
    return token.pos_ == "NOUN" and any(c.lower_ in ("first", "second", "third", "final", "next") for c in token.children)


def _toll(trigger: Token, actors: dict[int, tuple[str, ...]]) -> bool:
    """Whether an attack's verb names only whom it harmed, as a toll does ("killed 18 children", "70
    insurgents were killed"), not a new object ("attacked a depot"), nor a noun ("a site used for attacks on
    the rebels")."""
    if trigger.pos_ != "VERB":
        return False
    harmed = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(harmed) and all(h.i in actors or any(c.dep_ == "nummod" for c in h.children) or h.pos_ == "PRON" or h.lemma_.lower() in PERSONS for h in harmed)


def _attack_told_before(doc: Doc, event: dict, kept: list[dict]) -> dict | None:
    """The attack told in an earlier sentence that a later one only gives the toll of ("70 insurgents were
    killed", "U.S. warplanes killed 18 children", "She was killed with her brother"): by no one else, at no
    other place, on the same day (or none of its own). A sentence speaking of "another" or a "second"
    attack, or of one "also", "again" or "earlier", tells a new one."""
    trigger = _trigger_token(doc, event)
    if event["modality"] != "asserted":
        return None  # "planes will be shot down": no toll of an attack told
    if _new_attack(trigger):
        return None
    for first in kept:
        if first["type"] != "ASSAULT" or first["sentence"]["start"] >= event["sentence"]["start"]:
            continue
        if not set(event["source"]) <= set(first["source"]) or event["place"] and first["place"] and event["place"] != first["place"]:
            continue
        if _same_day(event["date"], first["date"]) or event["date_imputed"] or first["date_imputed"] and _days_before(event["date"], doc._.published) <= 7:
            return first  # "The blast killed McCully on Friday": the day of the attack told with none
    return None


def _new_attack(trigger: Token) -> bool:
    """Whether a sentence tells an attack of its own: "another" blast or a "second" bomb, an attack done
    "also" or "again" (but not victims "also injured", "another soldier injured", "the attack also injured
    eight people", nor "reports also state"), one "meanwhile" or "elsewhere", or a toll "in a blast"."""
    if _the_attack(trigger):
        return False
    for word in trigger.sent:
        if word.lower_ in NEW_SCENE:
            return True
        if word.lower_ in EARLIER_ATTACK and word.dep_ in ("nsubj", "amod") and (word.head.i == trigger.i or word.head.lemma_.lower() in ATTACK_NOUNS):
            return True  # "The last, on March 27, killed two people", "an earlier bombing": one told before this one
        if word.lower_ in NEW_ATTACK and any(d.lower_ == "the" for d in word.head.children if d.dep_ == "det"):
            continue  # "The second bomb killed McCully": the one of those told
        if word.lower_ in NEW_ATTACK and (word.head.lemma_.lower() in ATTACK_NOUNS | WEAPONS or word.head.i == trigger.i or _placed_itself(trigger)):
            return True  # "another blast", or "Another six people were killed in Tshikapa": elsewhere
        if word.lower_ in NEW_ACT and word.head.i == trigger.i and trigger.lemma_ not in TOLL_VERBS:
            return True
    return any(g.lemma_.lower() in ATTACK_NOUNS and any(d.lower_ in ("a", "an") for d in g.children)
               for p in trigger.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj")  # fmt: skip


def _placed_itself(verb: Token) -> bool:
    """Whether a verb names a place of its own in a locative phrase ("were killed in Tshikapa")."""
    return any(g.ent_type_ in ("GPE", "LOC", "FAC") for p in verb.children if p.dep_ == "prep" and p.lower_ in LOCATIVES
               for g in p.subtree)  # fmt: skip


def _the_attack(verb: Token) -> bool:
    """Whether a verb's toll is said of an attack told before: its subject, or what its victims were hurt
    in, is "the attack", "the blast", "the bombing"."""
    nouns = [c for c in verb.children if c.dep_ == "nsubj"]
    nouns += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "by") for g in c.children if g.dep_ == "pobj"]
    return any(_told_attack(n) for n in nouns)


def _told_attack(noun: Token) -> bool:
    """Whether a noun is "the attack", "this blast", "the bombing": an attack told before."""
    return noun.lemma_.lower() in ATTACK_NOUNS and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _placed(sentence, actors: dict[int, tuple[str, ...]], preps: frozenset[str]) -> set[str]:
    """The actors a sentence names only as where something happens (after one of ``preps``)."""
    return {a for t in sentence if t.i in actors and t.dep_ == "pobj" and t.head.lower_ in preps for a in actors[t.i]}


def _aimed_at_doers(doc: Doc, events: list[dict], actors: dict[int, tuple[str, ...]]) -> list[dict]:
    """A protest, accusation or threat aimed at another event of the sentence with no one named as its
    target is aimed at whoever does that event ("protested against the deployment of African Union
    troops": the AU), rather than at the place it happens in."""
    by_start = {e["trigger"]["start"]: e for e in events}
    for event in events:
        if event["type"] not in JUDGING_TYPES:
            continue
        token = _trigger_token(doc, event)
        placed = _placed(token.sent, actors, LOCATED_PREPS)
        if any(a not in placed for a in event["target"]):
            continue
        aimed = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "over") for g in c.children if g.dep_ == "pobj"]
        other = next((by_start[g.idx] for g in aimed if g.idx in by_start), None)
        doers = [a for a in other["source"] if a not in event["source"]] if other else []
        if doers:
            event["target"] = doers
    return events


def mutual(event) -> bool:
    """Whether a record ``Event`` with several actors and no recipient is one they do with each other (a
    meeting, ties, an agreement, an exchange of fire), which dyadic data counts once per ordered pair."""
    return event.type in MUTUAL and event.mode != "visit" or event.trigger.text.split()[0].lower() in RECIPROCAL


def _without_contents(doc: Doc, events: list[dict]) -> list[dict]:
    """The events less those that are the complement of a request, threat, offer or refusal, or the support
    a protest is held for."""
    speech_acts = {e["trigger"]["start"]: e for e in events if e["type"] in CONTENT_TYPES and e["rule"] != "deny (VERB)"}  # a denied act stays, negated
    protests = {e["trigger"]["start"] for e in events if e["type"] == "PROTEST"}
    tokens = {e["trigger"]["start"]: _trigger_token(doc, e) for e in events}
    offered = {t.head.idx for e in events if e["type"] == "CONSULT" and (t := tokens[e["trigger"]["start"]]).dep_ == "xcomp"}
    kept = []
    for event in events:
        governed = False
        token = tokens[event["trigger"]["start"]]
        if token.lemma_ in INVITING and token.idx in offered:
            continue  # "Hamas has been invited to meet with South Africa": the meeting to come is the event
        if (event["type"] == "SUPPORT" or token.lemma_ in PROTESTING and event["type"] != "PROTEST") and token.dep_ in ("advcl", "acl") and token.head.idx in protests and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children):  # fmt: skip
            continue  # "rallied in Beirut to support Syria", "to denounce the government": what the rally is for, not a second event
        for _ in range(3):
            purpose = token.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)  # "gave them 48 hours to agree", "under pressure to recognize"
            if token.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp") and not (token.dep_ == "conj" and token.pos_ == "NOUN") and not purpose:
                break  # a noun "conj": "demand an independent investigation or at least a joint investigation"
            if token.head.i == token.i:
                break
            token = token.head
            if token.idx in speech_acts and speech_acts[token.idx] is not event:
                governed = True
                break
        if not governed:
            kept.append(event)
    return kept


def _modifiers(token: Token) -> list[Token]:
    """The modifiers of a noun and theirs ("the US-Japan alliance", "senior Hungarian and Romanian
    officials"), through "of" and "from" ("members of the Association of African Jurists"), but not in another
    phrase or a clause attached to it ("data on North Korean launches")."""
    found = []
    queue = list(token.children)
    while queue:
        word = queue.pop(0)
        if word.dep_ in MODIFIER_DEPS or word.dep_ in ("conj", "pobj"):
            found.append(word)
        elif not (word.dep_ == "prep" and word.lower_ in ("of", "from")):
            continue  # "thousands of Iraqi Kurds" are Kurds, "activists from Fatah" Fatah's; "data on North Korean launches" are not North Korea
        queue += word.children
    return found


def _modality(trigger: Token, clause: Token) -> str:
    chain = [trigger]
    coordinated: set[int] = set()  # verbs reached as the head of a conjunct: their own lemma says nothing of this one
    token = clause
    for _ in range(4):
        if token not in chain:
            chain.append(token)
        if token.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acomp", "pcomp", "pobj", "prep", "acl", "dobj") or token.head.i == token.i:
            break  # "acl", "dobj": "denied reports that it planned to withdraw"
        if token.dep_ == "conj":  # "Iran denies the allegations and accuses Washington": accusing is not denied
            coordinated.add(token.head.i)
            if token.head.pos_ in ("NOUN", "PROPN"):  # the parse hung the verb on the noun: the denial is above it
                coordinated.update(t.i for t in token.head.ancestors)
        token = token.head
        chain.append(token)
    negated = hypothetical = future = False
    # "will not clash during a visit", "could clash after the summit": the visit and the summit take place
    # whatever is said of the clash; only a future carries over ("will meet during a visit next week")
    presupposed = trigger.dep_ == "pobj" and trigger.head.lower_ in PRESUPPOSING | TOPICAL  # "may talk about the sanctions"
    for token in chain:
        if presupposed and token.i != trigger.i:
            future = future or bool({c.lower_ for c in token.children if c.dep_ == "aux"} & FUTURE_MODALS)
            continue
        children = list(token.children)
        if any(c.dep_ == "neg" for c in children) or any(c.lower_ == "no" and c.dep_ == "det" for c in children):
            negated = True
        if any(c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ in ("neither", "no") for g in c.children) for c in children):
            negated = True  # "neither the government nor the army confirmed it", "no troops are engaged in fighting"
        if token.i != trigger.i and token.lemma_ in NEGATION_GOVERNORS and token.i not in coordinated and not _failed_outcome(trigger, token):
            negated = True
        if token.i != trigger.i and token.lemma_ == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in children):
            negated = True  # "ruled out troops being deployed to Basra"
        if token.i != trigger.i and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in children) and chain[chain.index(token) - 1].dep_ == "xcomp":
            negated = True  # "has yet to talk to the Prime Minister": not so far
        if token.i == trigger.i and token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_ in CANCELLING | RESCHEDULING:
            if _new_time(token.head) or token.head.lemma_ == "reschedule":
                future = True  # "postponed their summit until next year": it is planned for then
            elif token.head.lemma_ in CANCELLING:
                negated = True  # "postponed their meeting", "the summit was called off": it does not take place
        modals = {c.lower_ for c in children if c.dep_ == "aux"}
        if "would" in modals and token.dep_ == "ccomp" and token.head.lemma_ in REPORTING_LEMMAS:
            modals = (modals - {"would"}) | {"will"}  # "said they would meet": "will" reported in the past
        if modals & HYPOTHETICAL_MODALS:
            hypothetical = True
        if modals & FUTURE_MODALS:
            future = True
        below = chain[chain.index(token) - 1]
        if token.i != trigger.i and token.lemma_ in HYPOTHETICAL_GOVERNORS and not _presses_on(token) and not _phoned_for(below, token) and not (
                token.lemma_ == "call" and token.pos_ == "VERB" and below.dep_ == "advcl"):  # fmt: skip  # "called Abbas, asking him to stop": the asking is done
            hypothetical = True
        if any(c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS for c in children):
            hypothetical = True  # "Chinese troops reportedly crossed into India"
        if token.i != trigger.i and token.lemma_ in ACCUSING and chain[chain.index(token) - 1].dep_ == "prep":
            hypothetical = True  # "accused Eritrea of moving troops": alleged, not established
        if token.i != trigger.i and token.lemma_ in HEARSAY_VERBS and any(c.dep_ == "auxpass" for c in children) and (
                chain[chain.index(token) - 1].dep_ != "nsubjpass"):  # fmt: skip
            hypothetical = True  # "Iran is believed to have supplied missiles": hearsay; not "explosions were reported"
        if token.i != trigger.i and token.lemma_ in FUTURE_GOVERNORS:
            future = True
        if token.i != trigger.i and token.lemma_ == "look" and any(c.lower_ == "forward" for c in children):
            future = True  # "we look forward to Her Majesty's visit"
        if token.tag_ == "VBG" and any(c.lemma_ == "be" and c.dep_ == "aux" for c in children) and token.lemma_ == "go":
            future = True
        if _condition_marked(token) or any(c.dep_ == "mark" and c.lower_ == "until" and token.tag_ in ("VBZ", "VBP") for c in children):
            hypothetical = True  # "unless it halts", "will not attend until the US releases the funds": a condition
            break  # whatever the sentence says of its main clause is not said of the condition
        if any(c.lower_ == "to" and c.dep_ == "aux" for c in children) and token.head.lemma_ == "be" and token.dep_ == "xcomp":
            future = True  # "is to meet"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.head.lemma_ in ADVOCATING:
        hypothetical = True  # "voiced support for sanctions", "calls for a boycott": wanted, not done
    adjectives = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound")}
    if adjectives & FUTURE_ADJECTIVES:
        future = True
    if adjectives & HYPOTHETICAL_ADJECTIVES:
        hypothetical = True
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if future:
        return "future"
    return "asserted"


def _by_phone(talk: Token) -> bool:
    """Whether talks are held by telephone ("spoke with Putin by phone", "talked over the telephone", "met
    in a video conference")."""
    objects = [g for p in talk.children if p.dep_ == "prep" and p.lower_ in ("by", "over", "in", "via") for g in p.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in TELEPHONES or any(c.lemma_.lower() in TELEPHONES for c in o.children if c.dep_ in ("compound", "amod"))
               for o in objects)  # fmt: skip


def _killers(toll: Token) -> list[Token]:
    """Who a toll with no doer names elsewhere: the operation it happened "during" or "in" ("killed during
    Israeli missions in Gaza"), or the subject of a "when" clause that fires ("were killed when Israeli
    troops called in an air strike")."""
    found = [g for p in toll.children if p.dep_ == "prep" and p.lower_ in ("during", "in") for g in p.children
             if g.dep_ == "pobj" and g.lemma_.lower() in OPERATIONS]  # fmt: skip
    for clause in (c for c in toll.children if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in c.children)):
        if clause.lemma_ in FIRING:
            found += [c for c in clause.children if c.dep_ == "nsubj"]
    return found


def _in_words(attack: Token) -> bool:
    """Whether an attack is made in words: by or in a writing ("an editorial attacked the army", "In a press
    release, she attacked the government") or over an issue ("attacked the government over the scandal"; not
    "over the weekend" or "over Baghdad")."""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in WRITINGS for c in attack.children):
        return True
    if attack.dep_ == "acl" and attack.head.lemma_.lower() in WRITINGS:
        return True
    preps = [c for c in attack.children if c.dep_ == "prep"]
    issues = [g for p in preps if p.lower_ == "over" for g in p.children if g.dep_ == "pobj"]  # not "over the weekend", "over Baghdad"
    return any(p.lower_ == "in" and g.lemma_.lower() in WRITINGS | {"release", "interview", "conference"} for p in preps for g in p.children if g.dep_ == "pobj") or (
        attack.pos_ == "VERB" and any(g.ent_type_ not in NOT_TRIGGERS and g.lemma_.lower() not in WEAPONS and g.pos_ == "NOUN" for g in issues))  # fmt: skip


def _for_treatment(verb: Token) -> bool:
    """Whether a journey is for medical care or a holiday ("flew to Iran to receive medical treatment",
    "went to Germany for surgery"), no visit to anyone."""
    purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
    words = [g for p in purposes for g in p.children if g.dep_ == "dobj"]
    words += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    return any(w.lemma_.lower() in PRIVATE_ERRANDS for w in words)


def _summoners(doc: Doc, verb: Token, source: list[str], target: list[str], actors: dict[int, tuple[str, ...]]) -> tuple[list[str], list[str]]:
    """Source and target of a summons: the ministry a diplomat is invited "to" is no target but, when it is
    not of the diplomat's own country, the one who summons."""
    ministry: list[str] = []
    _add(ministry, [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"], actors)
    target = [a for a in target if a not in ministry]
    codes = {a["id"]: a["code"] for a in doc._.actors}
    return source or [a for a in ministry if codes[a] not in {codes[t] for t in target}], target


def _summons(verb: Token) -> bool:
    """Whether a diplomat is called to a ministry ("the ambassador was invited to the Foreign Ministry"): a
    summons, the diplomatic protest PLOVER codes as an accusation (CAMEO 114)."""
    called = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in DIPLOMATS]
    places = [g for t in (verb, *called) for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return bool(called) and any(g.lemma_.lower() in ("ministry", "office", "department") for g in places)


def _habit(word: Token) -> bool:
    """Whether a word makes what hangs from it a habit: "notorious for", "known for" (not "known as"), "the
    tactic of"."""
    if word.lower_ in REPUTED:
        return any(c.dep_ == "prep" and c.lower_ == "for" for c in word.children)
    return word.lemma_.lower() in HABITS


def _question_asked(token: Token) -> bool:
    """Whether a word is in a question ("'Why did you kill my son?'"): asked, not told. The sentence's last
    word but closing quotes and brackets is read, not the sentence's text, built anew for each trigger."""
    last = next((text for t in reversed(token.sent) if (text := t.text.rstrip(" \"'”’»)"))), "")
    return last.endswith("?")


def _conditional(verb: Token) -> bool:
    """Whether a verb is the condition of another ("if they renounce terrorism, recognize Israel"), with its
    conjuncts."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb.dep_ == "advcl" and _condition_marked(verb)


def _condition_marked(verb: Token) -> bool:
    """Whether a clause is opened as a condition: "if", "unless", "as long as" or "so long as"."""
    return any(c.dep_ == "mark" and (c.lower_ in ("if", "unless") or c.lower_ == "as" and c.i >= 2 and verb.doc[c.i - 2 : c.i].text.lower() in ("as long", "so long"))
               for c in verb.children)  # fmt: skip


def _question(clause: Token) -> bool:
    """Whether a clause is an indirect question: "if" or "whether" marks it, or a wh-word opens it."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children) or clause.left_edge.tag_ in ("WP", "WRB", "WDT")


def _will_not(verb: Token) -> bool:
    """Whether a verb is said with "will not" or "would not": a refusal ("he would not step down"), unlike
    what did not happen ("did not withdraw")."""
    return any(c.dep_ == "neg" for c in verb.children) and any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | {"would"} for c in verb.children)


def _failed_outcome(trigger: Token, governor: Token) -> bool:
    """Whether a subject event took place and only its outcome failed ("talks failed to reach an agreement"),
    unlike one that failed to happen ("the summit failed to take place")."""
    if trigger.dep_ not in ("nsubj", "nsubjpass") or trigger.head.i != governor.i:
        return False
    return not any(c.dep_ == "xcomp" and c.lemma_ in HAPPENING_VERBS for c in governor.children)


def _new_time(verb: Token) -> Token | None:
    """The time a meeting is put off or moved to ("postponed until March", "pushed back to next year")."""
    for prep in (c for t in (verb, *(c for c in verb.children if c.dep_ == "prt")) for c in t.children if c.dep_ == "prep"):
        if prep.lower_ in ("until", "till", "to", "for", "into") and any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree):
            return prep
    return None


def _times_by_token(doc: Doc) -> list[tuple[int, dict]]:
    """The dated time expressions by their root token, less those of a dateline ("WARSAW, June 3
    (Reuters) - ..."): the day of the report, not of what it reports."""
    datelines = _datelines(doc)
    found = []
    for time in doc._.times or ():
        if time["type"] not in ("DATE", "TIME") or not time["value"][:1].isdigit():
            continue
        span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
        if span is not None and not any(start <= span.start < end for start, end in datelines):
            found.append((span.root.i, time))
    return found


def _datelines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of datelines: a paragraph's opening words up to a dash, within its first 12 tokens."""
    ranges = []
    for token in doc:
        if token.i == 0 or "\n" in doc[token.i - 1].text or doc[token.i - 1].text_with_ws.endswith("\n"):
            if token.is_space:
                continue
            for k in range(token.i, min(token.i + 12, len(doc))):
                if doc[k].text in DASHES:
                    ranges.append((token.i, k))
                    break
    return ranges


def _governing(token: Token, stop: Token) -> bool:
    """Whether ``token`` hangs from ``stop`` without another verb in between."""
    for _ in range(12):
        if token.i == stop.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.i != stop.i:
            return False
    return False


def _date(doc: Doc, trigger: Token, clause: Token, times: list[tuple[int, dict]], modality: str, carry: bool = True) -> tuple[str | None, bool]:
    """The value of the time expression in the event's clause, else its sentence, else (for an event
    that happened, told in the simple past) the last one of the sentence before, in its paragraph ("On
    Monday, troops crossed the border. They seized the airport."); else the publication date, imputed.
    ``times`` holds only those that may date this event (not "the attack last year")."""
    in_clause = [(i, t) for i, t in times if _governing(doc[i], trigger) or _governing(doc[i], clause)]
    sent = trigger.sent
    if not in_clause:  # a time that belongs to another clause ("... but it may join next year") is not this one's
        in_clause = [(i, t) for i, t in times if sent.start <= i < sent.end and not _other_clause(doc[i], trigger, clause)]
    if in_clause:  # the nearest: "KYIV, March 14 - Officials met on Wednesday" happened on Wednesday
        dated = [(i, t) for i, t in in_clause if not _clock_only(t["value"], doc._.published)] or in_clause
        return min(dated, key=lambda it: abs(it[0] - trigger.i))[1]["value"], False
    if not carry:
        return doc._.published, True
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else clause
    present = verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VBN" and any(c.lower_ in ("has", "have") for c in verb.children)
    if modality == "asserted" and not present:  # "says he agrees", "has banned": now; nor by a time after publication
        previous = doc[sent.start - 1].sent if sent.start > 0 else None  # "On Monday, troops crossed the border. They seized ..."
        paragraph = doc.text.rfind("\n", 0, sent.start_char) + 1
        start = max(paragraph, previous.start_char if previous is not None else sent.start_char)
        earlier = [t for i, t in times if start <= doc[i].idx < sent.start_char and _recent(t["value"], doc._.published)
                   and _quote_of(doc, doc[i]) is None]  # a speaker's "today" in a quote is the day they spoke
        if earlier:
            return earlier[-1]["value"], False
    return doc._.published, True


def _clock_only(value: str, published: str | None) -> bool:
    """Whether a time is a clock time on the publication day, the day given by no words ("at 6:55 a.m. local
    time February 22": the date beside it says which day)."""
    return "T" in value and published is not None and value.startswith(published[:10])


def _recent(value: str, published: str | None) -> bool:
    """Whether a TIMEX3 value is a day or month at most a month before the publication day: a sentence with
    no time of its own goes on with such a time ("On Monday, troops crossed the border. They seized the
    airport."), but seldom with an older one, after which the story most often comes back to the news."""
    if not published or _after(value, published):
        return False
    day = date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    if re.fullmatch(r"\d{4}-W\d{2}", value):  # "last week"
        day = date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
    if day is not None:
        return (date.fromisoformat(published[:10]) - day).days <= 31
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = map(int, value.split("-"))
        return (int(published[:4]) * 12 + int(published[5:7])) - (year * 12 + month) <= 1
    return False


def _after(value: str, published: str | None) -> bool:
    """Whether a TIMEX3 value starts after the publication day (compared on their common prefix)."""
    if not published:
        return False
    n = min(len(value), len(published))
    return value[:n] > published[:n]


def _other_clause(token: Token, trigger: Token, clause: Token) -> bool:
    """Whether a word hangs from a verb of another clause of the sentence (a conjunct, adverbial,
    complement or relative clause), not from the event's own. What a subject event is said to do is its
    own clause ("talks are expected to resume next week")."""
    own = {trigger.i, clause.i}
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.i == clause.i:
        verb = clause
        while (more := [c for c in verb.children if c.dep_ == "xcomp"]):
            verb = more[0]
            own.add(verb.i)
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            if token.dep_ == "advcl" and token.head.i in own and any(c.dep_ == "advmod" and c.lower_ == "when" for c in token.children):
                return False  # "a woman was killed when a rocket hit Sderot on the 15th": one time, one place
            if token.dep_ in ("advcl", "acl") and token.tag_ == "VBN" and token.lemma_ in ("hold", "host"):
                return False  # "met at the summit, held this year in New Orleans": where the meeting is
            return token.i not in own and token.dep_ in ("conj", "advcl", "ccomp", "relcl", "parataxis", "xcomp", "pcomp")  # "since winning in 2006"
    return False


def _place(doc: Doc, trigger: Token, clause: Token, visit: bool, said: bool = False) -> str | None:
    """The place in the event's clause ("in Washington", or "to Washington" for a visit), else one in
    its sentence where something happens (a locative phrase of a verb, not "US forces in Japan"). What is
    ``said`` is not placed where what it is about is ("condemned the missile system in Poland")."""
    sent = trigger.sent
    governed = parent = fallback = None
    preps = LOCATIVES | {"to"} if visit else LOCATIVES  # "travel to", "deploy troops to": where it happens
    for place in doc._.places or ():
        for mention in place["mentions"]:
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            if span is None or not (sent.start <= span.root.i < sent.end):
                continue
            root = span.root
            while root.dep_ in ("pobj", "appos") and (root.dep_ == "appos" or root.head.lower_ == "of") and (
                    (root.head if root.dep_ == "appos" else root.head.head).lemma_ in SETTLEMENT_NOUNS):  # fmt: skip
                root = root.head if root.dep_ == "appos" else root.head.head  # "in the Egyptian city of Sharm el-Sheikh"
            if _aside(root, trigger):
                continue  # "withdrew despite a rally in Beirut": where something else happens
            if root.dep_ == "compound" and root.head.dep_ in ("dobj", "pobj"):
                if place["kind"] == "country":
                    continue  # "killed nine United States soldiers": whose soldiers, not where
                root = root.head  # "struck the Abu Ghraib prison camp", "in front of the Los Angeles temple"
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ in SURROUNDINGS and root.head.head.dep_ == "pobj":
                root = root.head.head  # "in front of the temple", "on the outskirts of Kabul": there
            if root.dep_ == "dobj" and root.head.lemma_ in OCCURRING and root.head.i in (trigger.i, clause.i, trigger.head.i):
                return place["id"]  # "a bombing struck Abu Ghraib", "a rocket hit the town of Sderot": where it hit
            hosted = visit and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == trigger.i  # "a visit of India"
            if root.dep_ == "pobj" and (root.head.lower_ in preps or root.lemma_ == "street" or hosted):  # "took to the streets of Beirut"
                anchor = root.head.head
                while anchor.dep_ == "pobj" and anchor.head.lower_ in LOCATIVES | {"on"}:
                    anchor = anchor.head.head  # "on a landing strip in Batticaloa", "in a speech in Moscow": where the verb happens too
                if anchor.i in (trigger.i, clause.i) and not _inside(governed, place, doc):
                    return place["id"]  # "protesters against the war in Iraq marched in Sydney": Sydney
                if _governing(root, trigger) or _governing(root, clause):
                    speaker = any(a.dep_ == "nsubj" and a.head.i in (trigger.i, clause.i) for a in root.ancestors)  # not "backing of a system in Poland has been condemned"
                    governed = governed or (None if said and not speaker else place["id"])  # "demonstrators in Sydney dubbed Rice"
                    continue
                if clause.dep_ == "advcl" and clause.tag_ == "VBG" and _governing(root, clause.head):
                    parent = parent or place["id"]  # "struck in Lahore, killing 24 people": where the killing was, unless it has its own
                    continue
                if anchor.pos_ in ("VERB", "AUX") and root.head.lower_ != "to" and not _other_clause(root, trigger, clause):
                    fallback = fallback or place["id"]
    return governed or parent or fallback


def _inside(city: str | None, region: dict, doc: Doc) -> bool:
    """Whether a place found first is a city inside the country or region found next ("killed in Kashgar,
    in the Xinjiang region of China"): the city says where."""
    found = next((p for p in doc._.places or () if p["id"] == city), None)
    return found is not None and found["kind"] == "city" and region["kind"] != "city" and found["country"] == region["country"]


def _aside(token: Token, trigger: Token) -> bool:
    """Whether ``token`` sits in a "despite" or "amid" phrase below the trigger (or outside its subtree)."""
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in CONTRASTING:
            return True
    return False


def _quote_of(doc: Doc, trigger: Token) -> dict | None:
    inside = [q for q in doc._.quotes or () if q["content"]["start"] <= trigger.idx < q["content"]["end"]]
    return min(inside, key=lambda q: q["content"]["end"] - q["content"]["start"]) if inside else None


@Language.factory(
    "eventwire_events",
    assigns=["doc._.events"],
    requires=["doc._.actors", "doc._.places", "doc._.times", "doc._.quotes", "token.dep", "token.lemma"],
    default_config={"lexicon_dir": None},
)
def make_events(nlp: Language, name: str, lexicon_dir: str | None) -> EventFinder:
    return EventFinder(lexicon_dir)
