"""The TempEval-3 time benchmark on a tiny corpus written for these tests (laid out like TBAQ-cleaned)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from eventwire.evaluation import DataMissing, tempeval
from eventwire.evaluation.tempeval import Timex, compare

# Written for these tests: (folder, file, DCT value, <TEXT> content in TimeML).
HARBOUR = (
    "\nThe harbour board <EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> "
    '<TIMEX3 tid="t1" type="DATE" value="2024-03-15">Friday</TIMEX3> for '
    '<TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>.\n\n'
    'It expects a ruling early <TIMEX3 tid="t3" type="DATE" value="2024-04">next month</TIMEX3>, '
    '<SIGNAL sid="s1">and</SIGNAL> fees &amp; dues rise 12% '
    '<TIMEX3 tid="t4" type="SET" value="P1Y">every year</TIMEX3>.\n'
)
DOCKS = (
    '\nDock workers struck <TIMEX3 tid="t1" type="DATE" value="2023-11-01">yesterday</TIMEX3>, '
    'the first strike since <TIMEX3 tid="t2" type="DATE" value="2019">2019</TIMEX3>, 4 unions said.\n'
)
DOCUMENTS = [
    ("TimeBank", "harbour_0001", "2024-03-18T10:00:00", HARBOUR),
    ("AQUAINT", "docks_0002", "2023-11-02", DOCKS),
]


def write_tml(folder: Path, name: str, dct: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.tml").write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>' + name + "</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="TIME" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        f"<TITLE>Written for tests</TITLE>\n<TEXT>{body}</TEXT>\n"
        '<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>\n</TimeML>\n',
        encoding="utf-8",
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    data = tmp_path / "tempeval3" / "TBAQ-cleaned"
    for folder, name, dct, body in DOCUMENTS:
        write_tml(data / folder, name, dct, body)
    write_tml(data / "testpipeline", "harbour_0001", "2024-03-18", HARBOUR)  # a copy the benchmark ignores
    return tmp_path


def test_missing_data_raises(tmp_path: Path):
    with pytest.raises(DataMissing) as error:
        tempeval.run(tmp_path)
    assert str(error.value) == f"{tmp_path / 'tempeval3' / 'TBAQ-cleaned'} not found"


def test_reads_gold(corpus: Path):
    harbour, docks = tempeval.documents(corpus)
    assert (harbour.name, harbour.part, harbour.published) == ("harbour_0001", "timebank", "2024-03-18")
    assert harbour.text == (
        "\nThe harbour board met Friday for three hours.\n\n"
        "It expects a ruling early next month, and fees & dues rise 12% every year.\n"
    )
    assert [(harbour.text[t.start : t.end], t.text, t.type, t.value) for t in harbour.timexes] == [
        ("Friday", "Friday", "DATE", "2024-03-15"),
        ("three hours", "three hours", "DURATION", "PT3H"),
        ("next month", "next month", "DATE", "2024-04"),
        ("every year", "every year", "SET", "P1Y"),
    ]  # the creation time in <DCT> is not one of them
    assert (docks.part, docks.published) == ("aquaint", "2023-11-02")
    assert [t.text for t in docks.timexes] == ["yesterday", "2019"]
    assert [d.name for d in tempeval.documents(corpus, limit=1)] == ["harbour_0001"]


def test_compare_prefers_identical_spans():
    gold = [Timex(0, 6, "Friday", "DATE", "2024-03-15")]
    evening = Timex(0, 14, "Friday evening", "TIME", "2024-03-15TEV")
    friday = Timex(0, 6, "Friday", "DATE", "2024-03-15")
    outcome = compare(gold, [evening, friday])
    assert outcome.matched == [(gold[0], friday)]
    assert outcome.spurious == [evening]
    assert outcome.missed == []


# What a stand-in extraction predicts in each document: (text, type, value).
PREDICTIONS = {
    "The harbour": [
        ("Friday", "DATE", "2024-03-22"),  # strict, right type, wrong value (the next Friday)
        ("three hours", "DURATION", "PT3H"),  # strict, right type and value
        ("early next month", "DATE", "2024-03"),  # relaxed, right type, wrong value
        ("year", "DURATION", "P1Y"),  # relaxed, wrong type, right value
        ("12", "DATE", "2012"),  # spurious
    ],
    "Dock workers": [
        ("yesterday", "DATE", "2023-11-01"),  # strict, right type and value; "2019" is missed
        ("4", "DATE", "2004"),  # spurious
    ],
}


def _record(text: str):
    """A stand-in record over the pipeline's normalized text (outer whitespace trimmed)."""
    text = text.strip()
    (predictions,) = [p for start, p in PREDICTIONS.items() if text.startswith(start)]
    times = []
    for phrase, kind, value in predictions:
        start = text.index(phrase if phrase != "4" else "4 unions")
        times.append(SimpleNamespace(start=start, end=start + len(phrase), text=phrase, type=kind, value=value))
    return SimpleNamespace(text=text, times=times)


def test_figures(corpus: Path, monkeypatch):
    """Exact figures for known predictions (the scoring, independent of the pipeline's current rules)."""
    seen = {}

    def fake_extract(texts, settings, workers=1, published=None):
        texts, seen["published"] = list(texts), list(published)
        for text in texts:
            yield _record(text)

    monkeypatch.setattr(tempeval, "extract_texts", fake_extract)
    figures = {f.metric: (round(f.value, 3), f.count) for f in tempeval.run(corpus)}
    assert seen["published"] == ["2024-03-18", "2023-11-02"]
    # 6 gold, 7 predicted; 5 relaxed matches, 3 of them strict; 3 with the gold value, 4 with the gold type
    assert figures == {
        "times.tbaq.strict_f1": (0.462, 6),  # 2 * 3 / (7 + 6)
        "times.tbaq.strict_precision": (0.429, 7),
        "times.tbaq.strict_recall": (0.5, 6),
        "times.tbaq.relaxed_f1": (0.769, 6),  # 2 * 5 / 13
        "times.tbaq.relaxed_precision": (0.714, 7),
        "times.tbaq.relaxed_recall": (0.833, 6),
        "times.tbaq.value_f1": (0.462, 6),  # 2 * 3 / 13
        "times.tbaq.type_f1": (0.615, 6),  # 2 * 4 / 13
        "times.tbaq.value_accuracy": (0.6, 5),
        "times.timebank.strict_f1": (0.444, 4),  # 2 * 2 / (5 + 4)
        "times.timebank.relaxed_f1": (0.889, 4),
        "times.timebank.value_f1": (0.444, 4),  # "three hours" and "year" of 5 predicted and 4 gold
        "times.aquaint.strict_f1": (0.5, 2),  # 2 * 1 / (2 + 2)
        "times.aquaint.relaxed_f1": (0.5, 2),
        "times.aquaint.value_f1": (0.5, 2),
    }
    notes = {f.metric: f.note for f in tempeval.run(corpus)}
    assert notes["times.tbaq.value_f1"] == "HeidelTime 0.776, SUTime 0.674 (TempEval-3 test set)"
    limited = {f.metric for f in tempeval.run(corpus, limit=1)}
    assert "times.timebank.value_f1" in limited and not any(m.startswith("times.aquaint") for m in limited)


def test_runs_the_pipeline(corpus: Path, nlp):
    figures = {f.metric: f for f in tempeval.run(corpus, workers=1)}
    assert figures["times.tbaq.relaxed_recall"].count == 6
    assert figures["times.aquaint.relaxed_f1"].count == 2
    assert all(0.0 <= f.value <= 1.0 for f in figures.values())
    assert figures["times.tbaq.strict_f1"].value <= figures["times.tbaq.relaxed_f1"].value
    assert figures["times.tbaq.value_f1"].value <= figures["times.tbaq.relaxed_f1"].value
    assert figures["times.tbaq.relaxed_recall"].value >= 0.5  # "Friday", "three hours", "yesterday", "2019" at least
