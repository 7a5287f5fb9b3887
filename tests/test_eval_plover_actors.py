"""The PLOVER gold actor benchmark: code parsing, judging, and figures on a tiny synthetic gold file."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from eventwire.evaluation import DataMissing, plover_actors
from eventwire.evaluation.plover_actors import GoldActor, Sentence, judge, parse_code

# Written for these tests in the format of PLOVER_GSR_CAMEO.txt; none of it is from the gold file.
RECORDS = [
    {"id": "TEST-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation record, no text"},
    {
        "id": "TEST-CONSULT-0001",
        "date": "2023-05-01",
        "source": [
            {"actorText": "Japanese Prime Minister Fumio Kishida", "code": "JAP", "sector": "GOV"},
            {"actorText": "US President Joe Biden", "code": "USA", "sector": "GOV"},
        ],
        "target": "",
        "event": "CONSULT",
        "text": "Japanese Prime Minister Fumio Kishida met US President Joe Biden in Washington.",
        "textInfo": {"markup": "(SRC/TAR: Japanese Prime Minister Fumio Kishida) (EVT: met) "
                               "(SRC/TAR: US President Joe Biden) in (LOC: Washington)."},
    },
    {
        "id": "TEST-ACCUSE-0001",
        "date": "2023-05-02",
        "source": [{"actorText": "United Nations", "code": "IGO"}],
        "target": [
            {"actorText": "Israeli troops", "code": "ISR", "sector": "***"},
            {"actorText": "Palestinian civilians", "code": "PSE", "sector": "CVL"},
        ],
        "event": "DISAPPROVE",
        "text": "The United Nations accused Israeli troops of firing on Palestinian civilians in Gaza.",
        "textInfo": {"markup": "The (SRC: United Nations) (EVT: accused) (TAR: Israeli troops) of firing on "
                               "(TAR: Palestinian civilians) in Gaza."},
    },
    {
        "id": "TEST-ACCUSE-0002",
        "date": "2023-05-03",
        "source": [{"actorText": "Sudanese state media", "code": "SDN", "sector": "JRN"}],
        "target": [{"actorText": "the rebels", "code": "TCD", "sector": "REBfur"}],
        "event": "DISAPPROVE",
        "text": "Sudanese state media accused the rebels of attacking a police station in Darfur.",
        "textInfo": {"markup": "(SRC: Sudanese state media) (EVT: accused) (TAR: the rebels) of attacking a "
                               "police station in Darfur."},
    },
]


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp("benchmarks")
    folder = root / "plover" / "gold_standard_records"
    folder.mkdir(parents=True)
    (folder / "PLOVER_GSR_CAMEO.txt").write_text(json.dumps(RECORDS, indent=4), encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("code", "sector", "expected"),
    [
        ("USA", "GOV", ("USA", "GOV")),
        ("ISR", None, ("ISR", None)),
        ("ISR", "***", ("ISR", None)),
        ("---", "---", (None, None)),
        ("SRB", "CVLalb", ("SRB", "CVL")),  # secondary (ethnicity) code dropped
        ("PHL", "REBMOS", ("PHL", "REB")),  # secondary (religion) code dropped
        ("LBY", "CIV", ("LBY", "CVL")),  # gold typo for civilians
        ("JAP", "GOV", ("JPN", "GOV")),  # CAMEO codes left in the gold file
        ("ITL", None, ("ITA", None)),
        ("VTN", "MIL", ("VNM", "MIL")),
        ("IGO", None, (None, "IGO")),
        ("IGO", "MIL", (None, "IGO")),  # "UN peacekeepers": still an IGO
        ("UNO", None, (None, "IGO")),
        ("EUR", None, (None, "IGO")),
        ("NGO", "JUD", (None, "NGO")),
        ("IMG", None, (None, "IMG")),
        ("ISRMIL", None, ("ISR", "MIL")),  # whole CAMEO-style codes
        ("SRBCVLalb", None, ("SRB", "CVL")),
        ("IGO", "", (None, "IGO")),
        ("isr", "mil", ("ISR", "MIL")),
    ],
)
def test_parse_code(code, sector, expected):
    assert parse_code(code, sector) == expected


def _article(actors, events):
    return SimpleNamespace(
        actors=[SimpleNamespace(id=i, name=i, country=c, sector=s, code=(c or "") + (s or "")) for i, c, s in actors],
        events=[SimpleNamespace(source=s, target=t) for s, t in events],
    )


def _gold(role, country, sector, reciprocal=False):
    return GoldActor(role, "text", f"{country} {sector}", country, sector, reciprocal)


def test_judge_roles_and_sector_synonyms():
    sentence = Sentence("s", "text", None, (
        _gold("source", "USA", "JRN"),  # our MED (CAMEO media) is PLOVER's JRN
        _gold("target", "USA", "MED"),  # PLOVER MED is health: our MED does not match it
        _gold("target", "CHN", "GOV"),  # CHN is an event source, not a target
        _gold("source", None, "IGO"),
    ))  # fmt: skip
    article = _article([("a1", "USA", "MED"), ("a2", "CHN", "GOV")], [(["a2"], ["a1"])])
    got = [(o.country, o.country_sector, o.igo, o.event_country) for o in judge([sentence], [article])]
    assert got == [
        (True, True, None, False),
        (True, False, None, True),
        (True, True, None, False),
        (None, None, False, None),
    ]

    reciprocal = Sentence("s", "text", None, (_gold("source", "USA", "GOV", True), _gold("source", "CHN", "GOV", True)))
    got = [o.event_country for o in judge([reciprocal], [article])]
    assert got == [True, True]  # either role counts for SRC/TAR actors


def test_figures_on_synthetic_gold(root):
    figures = {f.metric: (round(f.value, 4), f.count) for f in plover_actors.run(root)}
    assert figures == {
        "actors.plover.country": (round(5 / 6, 4), 6),
        "actors.plover.country_sector": (0.8, 5),
        "actors.plover.igo": (1.0, 1),
        "actors.plover.event_country": (round(5 / 6, 4), 6),  # the civilians fired on are the alleged attack's target
    }


def test_limit(root):
    figures = {f.metric: (f.value, f.count) for f in plover_actors.run(root, limit=1)}
    assert figures == {
        "actors.plover.country": (1.0, 2),
        "actors.plover.country_sector": (1.0, 2),
        "actors.plover.event_country": (1.0, 2),
    }


def test_missing_data(tmp_path):
    with pytest.raises(DataMissing):
        plover_actors.run(tmp_path)
