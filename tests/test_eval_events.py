"""The event benchmarks: PLOVER gold types and PETRARCH's unit-test suite, on tiny synthetic gold files."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from eventwire.evaluation import DataMissing, petrarch_tests, plover_events
from eventwire.evaluation.petrarch_tests import at_plover_level, codings_of, plover_type, read_crosswalk

# All written for these tests in the formats of the gold files; none of it is from them.
GSR = [
    {"id": "T-DOCUMENT-1", "event": "DOCUMENT", "eventText": "no text"},
    {"id": "T-CONSULT-1", "date": "2023-05-01", "event": "CONSULT", "text": "Japan's prime minister met the US president in Washington.",
     "source": [{"actorText": "Japan", "code": "JPN", "sector": "GOV"}], "target": [{"actorText": "US", "code": "USA", "sector": "GOV"}]},
    {"id": "T-DEMAND-1", "date": "2023-05-02", "event": "DEMAND", "text": "France urged Germany to raise its defence spending.",
     "source": [{"actorText": "France", "code": "FRA"}], "target": [{"actorText": "Germany", "code": "DEU"}]},
    {"id": "T-FIGHT-1", "date": "2023-05-03", "event": "FIGHT", "text": "The weather in Oslo was mild on Tuesday.",
     "source": [{"actorText": "Norway", "code": "NOR"}], "target": ""},
]  # fmt: skip

CROSSWALK = """# a crosswalk in the CAMEO2PLOVER format
04: CONSULT
040: CONSULT, ,  # consult
042: CONSULT, visit, # visit
08: CONCEDE
08: RETREAT
10: REQUEST
102: REQUEST, assist, diplomatic # demand support
"""

ACTORS = """ZEMBLA [ZEM]
FREEDONIA [FRE]
SYLDAVIA [SYL]
"""
AGENTS = """PRESIDENT [~GOV]
"""
VERBS = """--- HOLD [---] ---
HOLD
- * TALKS [040]

--- URGE [102] ---
URGE

--- MAKE [---] ---
MAKE
- * STATEMENT [010]
"""

SUITE = """<Validation>
<!-- written for eventwire's tests -->
<Sentences>
<Sentence date="19990102" id="T-01" category="DEMO">
<EventCoding sourcecode="ZEM" targetcode="FRE" eventcode="040"></EventCoding>
<Text>Zembla held talks with Freedonia on Friday.</Text>
</Sentence>
<Sentence date="19990103" id="T-02" category="DEMO">
<EventCoding sourcecode="SYL" targetcode="ZEM" eventcode="010"></EventCoding>
<Text>Syldavia made a statement about Zembla.</Text>
</Sentence>
<Sentence date="19990104" id="T-03" category="DEMO">
<EventCoding sourcecode="FRE" targetcode="SYL" eventcode="102"></EventCoding>
<Text>Freedonia urged Syldavia to back the plan.</Text>
</Sentence>
<Sentence date="19990105" id="T-04" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
</Sentences>
</Validation>
"""

PEER = [
    {"id": "T-01", "got": [["ZEM", "FRE", "042"]]},
    {"id": "T-02", "got": [["SYL", "ZEM", "010"]]},
    {"id": "T-03", "got": [["FRE", "SYL", "040"]]},
]


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp("benchmarks")
    (root / "plover" / "gold_standard_records").mkdir(parents=True)
    (root / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt").write_text(json.dumps(GSR), encoding="utf-8")
    (root / "plover" / "CAMEO2PLOVER-2021.txt").write_text(CROSSWALK, encoding="utf-8")
    for folder, name, text in [("records", "PETR.UnitTest.records.xml", SUITE),
                               ("dictionaries", "PETR.Validate.actors.txt", ACTORS),
                               ("dictionaries", "PETR.Validate.agents.txt", AGENTS),
                               ("dictionaries", "PETR.Validate.verbs.txt", VERBS),
                               ("peer_results", "petrarch1_HEAD_on_UnitTest.results.json", json.dumps(PEER))]:  # fmt: skip
        (root / "petrarch" / folder).mkdir(parents=True, exist_ok=True)
        (root / "petrarch" / folder / name).write_text(text, encoding="utf-8")
    return root


def test_old_plover_types_map_to_current():
    assert [plover_events.current_type(t) for t in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "AGREE", "DOCUMENT")] == [
        "REQUEST", "ACCUSE", "ACCUSE", "ASSAULT", "AGREE", None]  # fmt: skip


def test_plover_event_figures(root):
    figures = {f.metric: (round(f.value, 3), f.count) for f in plover_events.run(root)}
    assert figures["events.plover.found"] == (round(2 / 3, 3), 3)
    assert figures["events.plover.no_event"] == (round(1 / 3, 3), 3)  # the weather is not an event
    assert figures["events.plover.f1.CONSULT"] == (1.0, 1)
    assert figures["events.plover.f1.REQUEST"] == (1.0, 1)
    assert figures["events.plover.f1.ASSAULT"] == (0.0, 1)
    assert figures["events.plover.macro_f1"] == (round(2 / 3, 3), 3)
    assert figures["events.plover.source_country"] == (1.0, 2)


def test_crosswalk_prefixes(root):
    crosswalk = read_crosswalk(root / "plover" / "CAMEO2PLOVER-2021.txt")
    assert crosswalk["08"] == "CONCEDE"  # the first of two listings wins
    assert [plover_type(c, crosswalk) for c in ("042", "0421", "043", "1021", "010", "")] == [
        "CONSULT", "CONSULT", "CONSULT", "REQUEST", None, None]  # fmt: skip
    assert at_plover_level([("A", "B", "042"), ("A", "B", "040"), ("A", "C", "010")], crosswalk) == {("A", "B", "CONSULT")}


def test_codings_pair_every_source_with_every_target():
    article = SimpleNamespace(
        actors=[SimpleNamespace(id="a1", code="ZEM", country="ZEM", sector=None),
                SimpleNamespace(id="a2", code="FREGOV", country="FRE", sector="GOV"),
                SimpleNamespace(id="a3", code="GOV", country=None, sector="GOV"),
                SimpleNamespace(id="a4", code="IGOAFR", country=None, sector="IGO")],
        events=[SimpleNamespace(source=["a1", "a3"], target=["a2"], type="CONSULT", plover_type="AGREE"),
                SimpleNamespace(source=["a2"], target=[], type="PROTEST", plover_type="PROTEST"),
                SimpleNamespace(source=["a4"], target=["a1"], type="AID", plover_type="AID")],
    )  # fmt: skip
    assert codings_of(article) == {("ZEM", "FREGOV", "CONSULT"), ("---GOV", "FREGOV", "CONSULT"), ("FREGOV", "---", "PROTEST"),
                                   ("IGOAFR", "ZEM", "AID")}  # fmt: skip


def test_codings_expand_a_mutual_event_into_every_ordered_pair():
    actors = [SimpleNamespace(id="a1", code="ZEM", country="ZEM", sector=None), SimpleNamespace(id="a2", code="FRE", country="FRE", sector=None)]
    event = lambda kind, trigger: SimpleNamespace(source=["a1", "a2"], target=[], type=kind, mode=None, trigger=SimpleNamespace(text=trigger))
    talks = SimpleNamespace(actors=actors, events=[event("CONSULT", "held talks")])
    assert codings_of(talks) == {("ZEM", "FRE", "CONSULT"), ("FRE", "ZEM", "CONSULT")}
    sanctions = SimpleNamespace(actors=actors, events=[event("SANCTION", "imposed sanctions")])
    assert codings_of(sanctions) == {("ZEM", "---", "SANCTION"), ("FRE", "---", "SANCTION")}  # on someone else


def test_petrarch_suite_figures(root):
    judged = petrarch_tests.judge(root)
    assert [j.record.id for j in judged] == ["T-01", "T-02", "T-03"]  # the error record is not scored
    assert judged[1].expected == frozenset()  # a CAMEO statement has no PLOVER type
    figures = {f.metric: (round(f.value, 3), f.count) for f in petrarch_tests.figures(judged)}
    assert figures["events.petrarch.petrarch1.exact"] == (round(2 / 3, 3), 3)  # 042 and 040 are both CONSULT
    assert figures["events.petrarch.exact"] == (1.0, 3)
    assert figures["events.petrarch.own_lexicon.exact"] == (1.0, 3)


def test_dyadic_scoring_leaves_out_one_sided_codings():
    record = petrarch_tests.Record("T-9", "TEST", None, "Zembla restored ties with Gxndor during a visit.", ())
    expected = frozenset({("ZEM", "FRE", "COOPERATE")})
    judged = petrarch_tests.Judged(record, expected, {
        "eventwire": expected | {("---", "FRE", "CONSULT")},  # a visit by someone unnamed: no dyad
        "petrarch1": frozenset({("---GOV", "FRE", "COOPERATE")}),  # a sector with no country is still a party
    })  # fmt: skip
    assert not judged.passed("eventwire") and judged.passed("eventwire", dyadic=True)
    assert not judged.passed("petrarch1", dyadic=True) and not judged.passed("petrarch2", dyadic=True)
    figures = {f.metric: f.value for f in petrarch_tests.figures([judged])}
    assert figures["events.petrarch.exact"] == 0.0 and figures["events.petrarch.dyadic_exact"] == 1.0
    assert figures["events.petrarch.petrarch1.dyadic_exact"] == 0.0


def test_missing_data(tmp_path):
    for module in (plover_events, petrarch_tests):
        with pytest.raises(DataMissing):
            module.run(tmp_path)
