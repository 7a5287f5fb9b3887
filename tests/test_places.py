"""The place stage and the gazetteer, on sentences written for these tests."""

import pytest

from eventwire import extract
from eventwire.gazetteer import gazetteer


def places(text):
    return {p.name: (p.kind, p.country) for p in extract(text, published="2024-05-02").places}


@pytest.fixture(scope="module")
def gaz(nlp):
    return gazetteer()


def test_namesakes_follow_the_article(nlp):
    assert places("Storms hit Atlanta and Savannah, and an emergency was declared in Georgia.")["Georgia"] == ("region", "USA")
    assert places("Russian troops left Tbilisi, and an emergency was declared in Georgia.")["Georgia"] == ("country", "GEO")
    assert places("The fair in Paris, Texas drew crowds.")["Paris"] == ("city", "USA")
    assert places("The fair in Paris drew crowds.")["Paris"] == ("city", "FRA")


def test_states_provinces_and_abbreviations_have_coordinates(gaz):
    for name, country in (("Ohio", "USA"), ("Calif.", "USA"), ("Alberta", "CAN"), ("Queensland", "AUS"), ("Scotland", "GBR")):
        place = gaz.locate(name)
        assert (place.kind, place.country) == ("region", country) and place.lat is not None, name
    assert gaz.locate("England").name == "England"


def test_countries_are_countries_never_buildings(gaz):
    usa = gaz.locate("United States")
    assert (usa.kind, round(usa.lat), round(usa.lon)) == ("country", 40, -99)
    assert gaz.locate("China").kind == "country"
    assert gaz.locate("Asia").kind == "continent"


def test_lowercase_words_are_not_towns(gaz):
    assert gaz.locate("she") is None and gaz.locate("her") is None


def test_places_inside_actor_mentions_but_not_acting_capitals(nlp):
    found = places("Ohio Governor Ann Reyes met officials in Bismarck. Tokyo said it would help.")
    assert found["Ohio"] == ("region", "USA") and found["Bismarck"] == ("city", "USA")
    assert "Tokyo" not in found


def test_diseases_and_people_are_not_places(nlp):
    found = places("The Ebola virus spread in Guinea, health minister Amara Keita said. Keita asked for help.")
    assert "Ebola" not in found and "Keita" not in found and found["Guinea"] == ("country", "GIN")


def test_names_the_model_misses_are_filled_in(nlp):
    found = places("She was sworn in as governor of a state in south-central Nigeria , officials said.")
    assert found["Nigeria"] == ("country", "NGA")


def test_a_state_named_like_a_country_acts_as_the_state(nlp):
    actors = extract("Storms hit Atlanta and Savannah, and Georgia declared an emergency.").actors
    assert [(a.name, a.code) for a in actors] == [("Georgia state government", "USAGOV")]


def test_names_written_without_accents_and_english_forms_of_provinces(gaz):
    for name, found in (("Diyala", "Diyālá"), ("Al-Anbar", "Al Anbār"), ("Muthanna", "Al Muthanná"), ("Nineveh", "Nīnawá"),
                        ("Bavaria", "Bayern"), ("Diyala province", "Diyālá")):  # fmt: skip
        assert (gaz.locate(name).name, gaz.locate(name).kind) == (found, "region"), name
    assert gaz.locate("Samarra").country == "IRQ" and gaz.locate("Zurich").kind == "city"
    # an accent-free form never displaces a city or country of that exact name
    assert (gaz.locate("Santa Barbara").country, gaz.locate("Mexico").kind) == ("USA", "country")
    # a province ten times the size of its namesake city
    assert (gaz.locate("Ontario").country, gaz.locate("Ontario").kind) == ("CAN", "region")


def test_a_town_the_model_takes_for_a_nationality(nlp):
    found = places("Explosions in the Iraqi city of Samarra killed three. Iraqi police said so.")
    assert found["Sāmarrā’"] == ("city", "IRQ") and "Iraqi" not in found


def test_native_spellings_that_are_english_words_are_no_countries(gaz):
    assert gaz.country("Island") is None and gaz.country("Iceland") == "ISL" and gaz.country("Mann") is None


def test_military_operations_are_no_places(nlp):
    record = extract("They were fighting in Operation Hoover near Kandahar.", published="2007-05-26")
    assert [p.name for p in record.places] == ["Kandahār"]
