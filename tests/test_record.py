import json

import jsonschema
import pytest

from eventwire.record import Article, article_id, json_schema, normalize_text, shipped_schema, validate


def test_shipped_schema_is_generated_from_the_classes():
    assert shipped_schema() == json.loads(json.dumps(json_schema()))


def test_article_id_ignores_whitespace_and_newline_style():
    assert article_id("Japan  and the US\r\nmet.") == article_id("Japan and the US\nmet. ")
    assert article_id("Japan met the US.") != article_id("Japan met China.")


def test_record_round_trips_and_validates(summit):
    record = summit.to_dict()
    validate(record)
    assert Article.from_json(summit.to_json()) == summit
    assert list(record)[:3] == ["schema", "id", "url"]
    assert record["schema"] == "eventwire.article/1"


def test_schema_rejects_a_record_with_an_unknown_event_type(summit):
    record = summit.to_dict()
    record["events"][0]["type"] = "MEET"
    with pytest.raises(jsonschema.ValidationError):
        validate(record)


def test_every_offset_indexes_the_text(summit):
    text = summit.text
    spans = [m for a in summit.actors for m in a.mentions] + [m for p in summit.places for m in p.mentions]
    spans += summit.times + summit.figures
    spans += [q.content for q in summit.quotes] + [e.trigger for e in summit.events] + [e.sentence for e in summit.events]
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_character_references_left_in_plain_text_are_decoded():
    from eventwire import extract

    article = extract("&quot;We will impose sanctions,&quot; Merkel said.", published="2024-04-01")
    assert article.text == '"We will impose sanctions," Merkel said.'
    assert [q.direct for q in article.quotes] == [True]


def test_markup_left_in_plain_text_is_taken_out():
    text = "&lt;noinclude&gt;  Four explosions &lt;!-- a caption\nhere --&gt; struck <p>London</p>. a < b and c > d."
    assert normalize_text(text) == "Four explosions struck London . a < b and c > d."  # a space where a tag was
