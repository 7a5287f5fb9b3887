"""The geoparsing benchmark on tiny corpora written for these tests (laid out like the real ones)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from eventwire.evaluation import DataMissing
from eventwire.evaluation.geoparsing import Toponym, compare, haversine_km, run

# Sentences written for these tests.
LGL_ARTICLES = [
    (
        "Officials in Nairobi met envoys from Ethiopia on Monday. Later they flew to Mombasa.",
        # name, lat, lon (None: a toponym the corpus left without coordinates)
        [("Nairobi", -1.28333, 36.81667), ("Ethiopia", 9.145, 40.48967), ("Mombasa", None, None)],
    ),
    (
        "Floods hit Springfield on Tuesday. The mayor said help would come from Canada, and Ottawa said "
        "it would send troops. He said the country was ready.",
        [("Springfield", 39.80172, -89.64371), ("Ottawa", 45.41117, -75.69812)],
    ),
]
GEOVIRUS_TEXT = "Cholera cases rose in Lusaka last week, health workers said."
GWN_TEXT = "\n  Russia said on Friday that Mexicans in Houston would get aid.  \nThe country sent a plane.\n"
GWN_TOPONYMS = [
    ("Russia", "Metonymic", 60.0, 100.0),
    ("Mexicans", "Demonym", None, None),
    ("Houston", "Literal", 29.76328, -95.36327),
    ("country", "Literal_Expression", None, None),
    ("plane", "Non_Lit_Expression", None, None),
]


def _lgl(articles) -> str:
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<articles>']
    for n, (text, toponyms) in enumerate(articles):
        parts.append(f'<article docid="{n}"><title>t</title><text><![CDATA[{text}]]></text><toponyms>')
        for name, lat, lon in toponyms:
            start = text.index(name)
            parts.append(f"<toponym><start>{start}</start><end>{start + len(name)}</end><phrase>{name}</phrase>")
            if lat is not None:
                parts.append(f'<gaztag geonameid="1"><name>{name}</name><lat>{lat}</lat><lon>{lon}</lon></gaztag>')
            parts.append("</toponym>")
        parts.append("</toponyms></article>")
    return "".join(parts) + "</articles>"


def _geovirus() -> str:
    start = GEOVIRUS_TEXT.index("Lusaka") + 1  # GeoVirus counts from 1
    return (
        f"<articles><article><source>x</source><text>{escape(GEOVIRUS_TEXT)}</text><locations><location>"
        f"<name>Lusaka</name><start>{start}</start><end>{start + 6}</end><lat>-15.41</lat><lon>28.28</lon>"
        "</location></locations></article></articles>"
    )


def _gwn() -> str:
    parts = [f'<?xml version="1.0" ?>\n<articles><article file="0"><title>t</title><text>{escape(GWN_TEXT)}</text>']
    parts.append("<toponyms>")
    for name, kind, lat, lon in GWN_TOPONYMS:
        start = GWN_TEXT.index(name)
        parts.append(f"<toponym><extractedName>{name}</extractedName><type>{kind}</type>"
                     f"<start>{start}</start><end>{start + len(name)}</end>")  # fmt: skip
        if lat is not None:
            parts.append(f"<geonamesID/><latitude>{lat}</latitude><longitude>{lon}</longitude>")
        parts.append("</toponym>")
    # an annotation whose offsets are broken is dropped
    parts.append("<toponym><extractedName>Texas</extractedName><type>Literal</type><start>-9</start><end>-4</end>"
                 "<latitude>31</latitude><longitude>-99</longitude></toponym>")  # fmt: skip
    return "".join(parts) + "</toponyms></article></articles>"


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("benchmarks")
    data = root / "geoparsing" / "data"
    (data / "Corpora").mkdir(parents=True)
    (data / "Corpora" / "lgl.xml").write_text(_lgl(LGL_ARTICLES), encoding="utf-8")
    (data / "Corpora" / "GeoVirus.xml").write_text(_geovirus(), encoding="utf-8")
    (data / "GWN.xml").write_text(_gwn(), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def figures(nlp, root) -> dict[str, tuple[float, int]]:
    return {f.metric: (round(f.value, 4), f.count) for f in run(root)}


def test_lgl_figures(figures):
    # predicted: Nairobi, Ethiopia, Mombasa (places), Springfield, Canada (places), Ottawa ("Ottawa said":
    # a government actor); "He" and "the country" are not toponyms. Canada is not gold.
    assert figures["geoparsing.lgl.precision"] == (round(5 / 6, 4), 6)
    assert figures["geoparsing.lgl.recall"] == (1.0, 5)
    assert figures["geoparsing.lgl.f1"] == (round(10 / 11, 4), 5)
    # Nairobi and Ottawa right; Ethiopia's centroid is ~300 km from gold, Springfield goes to Missouri
    assert figures["geoparsing.lgl.acc161"] == (0.5, 4)
    assert figures["geoparsing.lgl.acc161_gold"] == (0.5, 4)
    assert figures["geoparsing.lgl.median_km"][1] == 4
    assert 0 < figures["geoparsing.lgl.median_km"][0] < 400


def test_geovirus_offsets_count_from_one(figures):
    assert figures["geoparsing.geovirus.precision"] == (1.0, 1)
    assert figures["geoparsing.geovirus.recall"] == (1.0, 1)
    assert figures["geoparsing.geovirus.acc161"] == (1.0, 1)


def test_geowebnews_types_and_normalized_offsets(figures):
    # gold: Russia (metonymic) and Houston; "Mexicans" (demonym) is neither required nor penalised,
    # "country" and "plane" are expressions, the broken "Texas" annotation is dropped
    assert figures["geoparsing.geowebnews.precision"] == (1.0, 2)
    assert figures["geoparsing.geowebnews.recall"] == (1.0, 2)
    assert figures["geoparsing.geowebnews.acc161"] == (1.0, 2)
    assert figures["geoparsing.geowebnews.acc161_gold"] == (1.0, 2)
    assert figures["geoparsing.geowebnews.mean_km"] == (0.0, 2)


def test_limit_and_metric_names(nlp, root):
    figures = run(root, limit=1)
    lgl = {f.metric: f for f in figures if f.metric.startswith("geoparsing.lgl.")}
    assert lgl["geoparsing.lgl.recall"].count == 3
    names = {m.rsplit(".", 1)[1] for m in lgl}
    assert names == {"precision", "recall", "f1", "acc161", "acc161_gold", "mean_km", "median_km"}
    assert "Mordecai" in lgl["geoparsing.lgl.acc161"].note


def test_missing_data_raises(tmp_path):
    with pytest.raises(DataMissing):
        run(tmp_path / "nowhere")


def test_matching_is_one_to_one():
    gold = [Toponym(0, 8, "New York"), Toponym(10, 15, "Paris")]
    predicted = [Toponym(0, 3, "New"), Toponym(4, 8, "York"), Toponym(10, 15, "Paris"), Toponym(20, 25, "Texas")]
    outcome = compare(gold, predicted)
    assert [(g.text, p.text) for g, p in outcome.matched] == [("New York", "York"), ("Paris", "Paris")]
    assert [p.text for p in outcome.spurious] == ["New", "Texas"]
    assert outcome.missed == []


def test_haversine():
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1)
    assert haversine_km(0, 0, 0, 0) == 0
