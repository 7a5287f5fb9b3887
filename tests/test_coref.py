"""Actors and their mentions on articles written for these tests (people and events are invented)."""

import pytest

from eventwire import extract

SHOAL = (
    "Philippine President Ferdinand Marcos Jr. said on Tuesday that his country would not back down, "
    "a day after Chinese coast guard ships fired water cannon at a supply boat.\n\n"
    "Manila summoned China's ambassador, the foreign ministry said. Beijing rejected the protest and said "
    "the vessel had entered its waters illegally.\n\n"
    "The archipelago has deepened defence ties with the United States and Japan. Marcos told reporters "
    "that the two countries had offered support. He added that the president would travel to Tokyo in June.\n\n"
    "The Pentagon said it was monitoring the situation. Washington has repeatedly warned Beijing."
)
TITLES = (
    "Pentagon spokesman John Kirby spoke on Monday. Apple CEO Tim Cook met Chinese Vice Premier He Lifeng. "
    "Ryanair, the Irish low-cost airline, said it would cut flights. A senior British minister visited "
    "Kenya, and the president of Armenia met former Prime Minister Elena Varga. Palestinians marched."
)


@pytest.fixture(scope="module")
def shoal(nlp):
    return extract(SHOAL, published="2024-06-18")


@pytest.fixture(scope="module")
def titles(nlp):
    return extract(TITLES, published="2024-06-18")


def mentions(article):
    return {a.name: [m.text for m in a.mentions] for a in article.actors}


def codes(article):
    return {a.name: a.code for a in article.actors}


def test_pronouns_short_names_and_titles_join_the_person(shoal):
    assert mentions(shoal)["Ferdinand Marcos Jr."] == [
        "Philippine President Ferdinand Marcos Jr.", "his", "Marcos", "He", "the president"]  # fmt: skip


def test_descriptions_join_the_country_they_stand_for(shoal):
    found = mentions(shoal)
    assert found["Philippines"] == ["his country", "The archipelago"]
    assert "the two countries" in found["United States"] and "the two countries" in found["Japan"]


def test_capitals_act_for_governments_as_subjects_and_objects(shoal):
    found, code = mentions(shoal), codes(shoal)
    assert found["China government"] == ["Beijing", "its", "Beijing"] and code["China government"] == "CHNGOV"
    assert found["Philippines government"] == ["Manila", "the foreign ministry"]
    assert found["United States government"] == ["Washington"]
    places = [p.name for p in shoal.places]
    assert "Tokyo" in places  # "travel to Tokyo" stays a place
    assert "Beijing" not in places and "Manila" not in places and "Washington" not in places


def test_it_goes_to_the_subject_body(shoal):
    assert mentions(shoal)["Pentagon"] == ["The Pentagon", "it"]
    assert codes(shoal)["Chinese coast guard"] == "CHNMIL"


def test_titles_with_bodies_and_organizations(titles):
    code = codes(titles)
    assert code["John Kirby"] == "USAGOV"
    assert code["Apple"] is None and code["Tim Cook"] == "BUS"
    assert code["He Lifeng"] == "CHNGOV"


def test_apposition_is_a_mention_and_makes_a_company(titles):
    ryanair = next(a for a in titles.actors if a.name == "Ryanair")
    assert (ryanair.kind, ryanair.country) == ("organization", "IRL")
    assert [m.text for m in ryanair.mentions] == ["Ryanair", "the Irish low-cost airline", "it"]


def test_unnamed_office_holders_former_officials_and_people(titles):
    people = {a.name: (a.kind, a.code) for a in titles.actors}
    assert people["senior British minister"] == ("person", "GBRGOV")
    assert people["president of Armenia"] == ("person", "ARMGOV")
    assert people["Elena Varga"][1].endswith("ELI")
    assert people["Palestinians"] == ("group", "PSECVL")


def test_pronouns_agree_with_a_known_gender(nlp):
    article = extract("Mr. Rui Lopes met Mrs. Ana Costa on Monday. She said the talks went well.", published="2024-06-18")
    assert mentions(article)["Ana Costa"] == ["Mrs. Ana Costa", "She"]


def test_a_person_in_apposition_to_a_title_holds_it(nlp):
    article = extract("The move was backed by the United Nations Secretary-General, Ban Ki-moon. "
                      "The Kenyan foreign minister, Amina Mohamed, agreed.", published="2008-11-20")
    people = {a.name: (a.code, a.role) for a in article.actors if a.kind == "person"}
    assert people == {"Ban Ki-moon": ("IGO", "secretary-general"), "Amina Mohamed": ("KENGOV", "foreign minister")}


def test_the_country_is_not_one_named_only_in_a_persons_title(nlp):
    from eventwire import extract

    text = ("Pakistani bloggers report that the government blocks Blogger.com. They say the move is meant to prevent "
            "coverage of U.S. President George W. Bush's visit to the country this weekend.")
    article = extract(text, published="2006-03-06")
    codes = {a.id: a.code for a in article.actors}
    assert [[codes[i] for i in e.target] for e in article.events if e.mode == "visit"] == [["PAK"]]


def test_a_country_word_naming_a_thing_gives_no_group_its_country(nlp):
    text = ("South Korean authorities refused to allow protests against beef imports from the United States, "
            "after hundreds of people were injured in clashes with riot police.")
    assert {a.name: a.code for a in extract(text).actors}["people"] == "KORCVL"  # not the beef's country


def test_both_sides_are_the_parties_not_where_they_met_before():
    text = ("Israeli and Palestinian negotiators met in Jerusalem on Wednesday. The talks, the first since last month's "
            "Annapolis, Maryland peace conference, ended in acrimony with both sides accusing each other.")
    found = extract(text, published="2007-12-13")
    sides = [a.code for a in found.actors if any(m.text == "both sides" for m in a.mentions)]
    assert sorted(sides) == ["ISR", "PSE"]


def test_first_names_tell_the_gender_no_title_tells(nlp):
    article = extract("Cindy Sheehan met George W. Bush in 2004. She defended her protest. He said nothing.", published="2005-08-07")
    assert {a.name: [m.text for m in a.mentions] for a in article.actors} == {
        "Cindy Sheehan": ["Cindy Sheehan", "She", "her"], "George W. Bush": ["George W. Bush", "He"]}  # fmt: skip
