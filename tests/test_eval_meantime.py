"""MEANTIME benchmark on a tiny corpus written for these tests (laid out like the real one)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from xml.sax.saxutils import escape, quoteattr

import pytest

from eventwire.evaluation import DataMissing, meantime

# Invented for these tests: sentence 0 is the headline, 1 the date line, 2-4 the annotated body,
# 5 an unannotated sentence (as in MEANTIME, only the first sentences carry markables).
SENTENCES = [
    "Ruto meets envoys in Nairobi",
    "March 04 , 2024",
    "Kenyan President William Ruto met European envoys in Nairobi on Monday for three hours .",
    "He said the talks with the European Union were `` very useful '' this year .",
    "The union will send a mission to Kenya , its spokesman said on Tuesday .",
    "Ruto thanked the envoys on Friday .",
]

# entity m_id -> (ent_type, [(mention m_id, sentence, first word, last word, head, syntactic_type)])
ENTITIES = {
    "100": ("PER", [("1", 0, 0, 0, "", "NAM"), ("3", 2, 0, 3, "William Ruto", "NAM"), ("5", 3, 0, 0, "He", "PRO")]),
    "101": ("LOC", [("2", 0, 4, 4, "", "NAM"), ("4", 2, 8, 8, "", "NAM")]),
    "102": ("ORG", [("6", 3, 5, 7, "European Union", "NAM"), ("7", 4, 0, 1, "union", "NOM"), ("9", 4, 9, 9, "its", "PRO")]),
    "103": ("LOC", [("8", 4, 7, 7, "", "NAM")]),
    "104": ("PER", [("10", 0, 2, 2, "", "NOM"), ("11", 2, 5, 6, "envoys", "NOM")]),
}

# TIMEX3 m_id -> (sentence, first word, last word, type, value); the creation time is added separately,
# and a TIMEX3 without tokens (an implicit time) must be ignored.
TIMES = {
    "70": (2, 10, 10, "DATE", "2024-03-04"),  # Monday
    "71": (2, 12, 13, "DURATION", "PT3H"),  # three hours
    "72": (3, 13, 14, "DATE", "2024"),  # this year
    "73": (4, 13, 13, "DATE", "2024-02-27"),  # Tuesday (the day before the Monday of publication, a week back)
}


def write_document(folder: Path, name: str, sentences: list[str], entities: dict, lang: str = "en",
                   times: dict | None = None) -> None:  # fmt: skip
    """A CAT XML file like MEANTIME's intra-document annotation."""
    ids: dict[tuple[int, int], int] = {}
    lines = [f'<?xml version="1.0" ?><Document doc_id="1" doc_name="{name}" lang="{lang}" url="">']
    number = 0
    for s, sentence in enumerate(sentences):
        for w, word in enumerate(sentence.split()):
            number += 1
            ids[s, w] = number
            lines.append(f'<token number="{number - 1}" sentence="{s}" t_id="{number}">{escape(word)}</token>')
    lines.append("<Markables>")
    for _, mentions in entities.values():
        for m_id, s, first, last, head, syntactic in mentions:
            lines.append(f'<ENTITY_MENTION comment="" head={quoteattr(head)} m_id="{m_id}" syntactic_type="{syntactic}">')
            lines += [f'<token_anchor t_id="{ids[s, w]}"/>' for w in range(first, last + 1)]
            lines.append("</ENTITY_MENTION>")
    if (2, 4) in ids:  # an event and its coreference chain, which the benchmark must ignore
        lines.append(f'<EVENT_MENTION m_id="50" pred="meet"><token_anchor t_id="{ids[2, 4]}"/></EVENT_MENTION>')
    date = [ids[1, w] for w in range(len(sentences[1].split()))]
    lines.append('<TIMEX3 functionInDocument="CREATION_TIME" m_id="51" type="DATE" value="2024-03-04">')
    lines += [f'<token_anchor t_id="{t}"/>' for t in date]
    lines.append("</TIMEX3>")
    for m_id, (s, first, last, kind, value) in (times or {}).items():
        lines.append(f'<TIMEX3 anchorTimeID="51" functionInDocument="NONE" m_id="{m_id}" type="{kind}" value="{value}">')
        lines += [f'<token_anchor t_id="{ids[s, w]}"/>' for w in range(first, last + 1)]
        lines.append("</TIMEX3>")
    if times:
        lines.append('<TIMEX3 TAG_DESCRIPTOR="end" functionInDocument="NONE" m_id="79" type="DATE" value="2024-12"/>')
    for entity, (kind, _) in entities.items():
        lines.append(f'<ENTITY TAG_DESCRIPTOR="" ent_type="{kind}" m_id="{entity}"/>')
    lines.append('<EVENT TAG_DESCRIPTOR="meet" class="OTHER" m_id="60"/>')
    lines.append("</Markables>\n<Relations>")
    for entity, (_, mentions) in entities.items():
        lines.append(f'<REFERS_TO r_id="r{entity}">')
        lines += [f'<source m_id="{m[0]}"/>' for m in mentions]
        lines.append(f'<target m_id="{entity}"/>\n</REFERS_TO>')
    if (2, 4) in ids:
        lines.append('<REFERS_TO r_id="r60"><source m_id="50"/><target m_id="60"/></REFERS_TO>')
    lines.append("</Relations>\n</Document>")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.xml").write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "meantime" / "intra-doc_annotation" / "corpus_test"
    write_document(folder, "1_Ruto_meets_envoys", SENTENCES, ENTITIES, times=TIMES)
    write_document(folder, "2_Ruto_incontra", ["Ruto incontra gli inviati", "4 marzo 2024"], {}, lang="it")
    return tmp_path


def test_missing_data_raises(tmp_path: Path):
    with pytest.raises(DataMissing):
        meantime.run(tmp_path)


def test_reads_gold(corpus: Path):
    (doc,) = meantime.documents(corpus)  # the Italian document is skipped
    assert doc.text == (
        "Ruto meets envoys in Nairobi\n\nMarch 04, 2024\n\n"
        "Kenyan President William Ruto met European envoys in Nairobi on Monday for three hours. "
        'He said the talks with the European Union were "very useful" this year. '
        "The union will send a mission to Kenya, its spokesman said on Tuesday. Ruto thanked the envoys on Friday."
    )
    assert doc.published == "2024-03-04"
    assert doc.text[: doc.annotated_end].endswith("its spokesman said on Tuesday.")
    assert doc.text[slice(*doc.creation)] == "March 04, 2024"
    assert [(t.text, t.type, t.value) for t in doc.times] == [
        ("Monday", "DATE", "2024-03-04"),
        ("three hours", "DURATION", "PT3H"),
        ("this year", "DATE", "2024"),
        ("Tuesday", "DATE", "2024-02-27"),
    ]
    texts = {m.mid: (m.text, m.kind, [doc.tokens[i].text for i in m.head]) for m in doc.mentions}
    assert texts["3"] == ("Kenyan President William Ruto", "person", ["William", "Ruto"])
    assert texts["2"] == ("Nairobi", "location", ["Nairobi"])
    assert texts["11"] == ("European envoys", "person", ["envoys"])
    assert [m.mid for m in doc.chains["102"]] == ["6", "7", "9"]
    assert [m.mid for m in doc.mentions if m.pronoun] == ["5", "9"]


def _record(text: str, actors: dict[str, list[tuple[str, int]]], places: dict[str, list[tuple[str, int]]],
            times: list[tuple[str, str, str]] = ()):  # fmt: skip
    """A stand-in record: each cluster lists (mention text, which occurrence of it in ``text``); times are
    (text, type, value) at the text's first occurrence."""

    def mentions(found):
        spans = []
        for phrase, nth in found:
            start = -1
            for _ in range(nth + 1):
                start = text.index(phrase, start + 1)
            spans.append(SimpleNamespace(start=start, end=start + len(phrase), text=phrase))
        return spans

    return SimpleNamespace(
        text=text,
        actors=[SimpleNamespace(id=key, mentions=mentions(found)) for key, found in actors.items()],
        places=[SimpleNamespace(id=key, mentions=mentions(found)) for key, found in places.items()],
        times=[SimpleNamespace(id=f"t{n}", start=text.index(phrase), end=text.index(phrase) + len(phrase), text=phrase,
                               type=kind, value=value) for n, (phrase, kind, value) in enumerate(times, 1)],  # fmt: skip
    )


def test_figures(corpus: Path, monkeypatch):
    """Exact figures for a known record (the scoring, independent of the pipeline's current rules)."""
    seen = {}

    def fake_extract(texts, settings, workers=1, published=None):
        texts, seen["published"] = list(texts), list(published)
        for text in texts:
            yield _record(
                text,
                actors={
                    "a1": [("Kenyan President William Ruto", 0), ("He", 0), ("Ruto", 2)],  # the last is unannotated
                    "a2": [("the European Union", 0)],
                    "a3": [("The union", 0)],  # should have joined a2
                    "a4": [("European", 0)],  # "European envoys" is not found: its head is "envoys"
                    "a5": [("spokesman", 0)],  # no gold mention there
                },
                places={"p1": [("Nairobi", 0), ("Nairobi", 1)], "p2": [("Kenya", 1)]},  # "Kenya" 0 is in "Kenyan"
                times=[
                    ("March 04, 2024", "DATE", "2024-03-04"),  # the creation time: neither credited nor charged
                    ("Monday", "DATE", "2024-03-04"),  # exact span, right type and value
                    # "three hours" missed
                    ("this year", "DURATION", "P1Y"),  # exact span, wrong type and value
                    ("on Tuesday", "DATE", "2024-03-05"),  # overlapping span, right type, wrong value
                    ("Friday", "DATE", "2024-03-01"),  # outside the annotated sentences: not scored
                ],
            )

    monkeypatch.setattr(meantime, "extract_texts", fake_extract)
    figures = {f.metric: (round(f.value, 3), f.count) for f in meantime.run(corpus)}
    assert seen["published"] == ["2024-03-04"]
    assert figures == {
        "meantime.mention_recall.person": (0.4, 5),  # the full name and "He"; not headline "Ruto", "envoys" x2
        "meantime.mention_recall.organization": (0.667, 3),  # not "its"
        "meantime.mention_recall.location": (1.0, 3),
        "meantime.mention_recall.pronoun": (0.5, 2),  # "He", not "its"
        "meantime.mention_precision": (0.889, 9),  # all but "spokesman"; the last "Ruto" is outside the annotation
        # links: Ruto<-full name (headline Ruto missed), full name<-He (right), Nairobi<-Nairobi (right),
        # EU<-"The union" (wrong actor), "The union"<-its (its missed), envoys<-envoys (both missed)
        "meantime.coref_link_accuracy": (0.667, 3),
        "meantime.coref_link_recall": (0.333, 6),
        # 3 predictions scored, 4 gold: exact spans 2, pairs 3, right values 1, right types 2
        "meantime.times.strict_f1": (0.571, 4),
        "meantime.times.relaxed_f1": (0.857, 4),
        "meantime.times.value_f1": (0.286, 4),
        "meantime.times.type_f1": (0.571, 4),
        "meantime.times.value_accuracy": (0.333, 3),
    }


def test_runs_the_pipeline(corpus: Path, nlp):
    figures = {f.metric: f for f in meantime.run(corpus, workers=1)}
    counts = {name: f.count for name, f in figures.items() if "recall" in name}
    assert counts == {
        "meantime.mention_recall.person": 5,
        "meantime.mention_recall.organization": 3,
        "meantime.mention_recall.location": 3,
        "meantime.mention_recall.pronoun": 2,
        "meantime.coref_link_recall": 6,
    }
    assert figures["meantime.times.relaxed_f1"].count == 4
    assert all(0.0 <= f.value <= 1.0 for f in figures.values())
    assert figures["meantime.mention_recall.location"].value == 1.0  # Nairobi twice, Kenya


def test_limit(corpus: Path, nlp):
    assert meantime.documents(corpus, limit=0) == []


def test_offsets_follow_characters_that_normalization_composes():
    from eventwire.evaluation import aligned
    from eventwire.record import normalize_text

    original = "Cafe\u0301 owner Jose\u0301 said.\r\nYes."
    normalized = normalize_text(original)
    offsets = aligned(original, normalized)
    assert normalized[offsets[12] : offsets[17]] == "José"
    assert normalized[offsets[25] : offsets[29]] == "Yes."


def test_offsets_skip_markup_that_normalization_takes_out():
    from eventwire.evaluation import aligned
    from eventwire.record import normalize_text

    original = 'Tweet: <tweet pic="x" author="y">Hello world</tweet>\nHe said "yes" today.'
    normalized = normalize_text(original)
    offsets = aligned(original, normalized)
    start = original.index("He said")
    assert normalized[offsets[start] : offsets[start + 7]] == "He said"
