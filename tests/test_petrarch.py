"""PETRARCH actor and agent dictionaries: reading, dated codes, and use in the actor stage."""

from datetime import date

import pytest

from eventwire import Settings, extract
from eventwire.petrarch import DatedCode, code_on, parse_code, read_actors, read_agents, split_code

# Invented names in PETRARCH's format.
ACTORS = """\
# a comment line
<!-- a comment
   over two lines -->
ELDORIA_  [ELD]
+ELDORIAN_
+PORT_SALVO
KUWAIT_  [KUW]
KARA_VOSS_  # head of state since 2021
\t[ELDGOV 210301-251231]
\t[ELDOPP <210301]
\t[ELDELI]
NORTH_WATCH_
+NORTH_WATCH_MONITORS
\t[NGOELDHRI]
LAKE_COUNCIL
TIDEWATER_COUNCIL
\t[IGOLKC]
BROKEN_ENTRY
\t[ELDGOV 2104x1-250101]
"""
AGENTS = """\
!PERSON! = MAN, WOMAN
HARBOUR_PILOT [~BUS]
FERRY!PERSON! [~BUS]
MINISTER {MINISTERS} [~GOV]
FOREIGN_MINISTER [~GOVFRM]
COAST_WATCH {} [ ~COP]
RELIEF_CORPS {} [NGO~]
"""


@pytest.fixture
def lexicon(tmp_path):
    (tmp_path / "eldoria.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "eldoria.agents.txt").write_text(AGENTS, encoding="utf-8")
    return tmp_path


def test_actor_dictionary_entries_synonyms_and_problems(lexicon):
    entries, problems = read_actors(lexicon / "eldoria.actors.txt")
    assert [e.names for e in entries] == [
        ["eldoria", "eldorian", "port salvo"], ["kuwait"], ["kara voss"], ["north watch", "north watch monitors"],
        ["lake council", "tidewater council"],
    ]  # fmt: skip (the entry whose only code is broken is left out)
    assert entries[2].codes == [
        DatedCode("ELDGOV", date(2021, 3, 1), date(2025, 12, 31)),
        DatedCode("ELDOPP", None, date(2021, 3, 1)),
        DatedCode("ELDELI"),
    ]  # fmt: skip
    assert problems == [
        f"{lexicon / 'eldoria.actors.txt'}:19: code 'ELDGOV 2104x1-250101' is not CODE, CODE <date, CODE >date or CODE date-date",
        f"{lexicon / 'eldoria.actors.txt'}: entry 'broken entry' has no code",
    ]


def test_dated_codes_apply_by_article_date():
    codes = [parse_code("ELDGOV 210301-251231"), parse_code("ELDOPP <210301"), parse_code("ELDELI")]
    assert code_on(codes, date(2024, 6, 1)) == "ELDGOV"
    assert code_on(codes, date(2020, 1, 1)) == "ELDOPP"
    assert code_on(codes, date(2027, 1, 1)) == "ELDELI"
    assert code_on(codes, None) == "ELDELI"
    assert code_on([parse_code("USAGOV 090120-170120")], None) == "USAGOV"
    assert parse_code("IGOUNO >070101") == DatedCode("IGOUNO", date(2007, 1, 1), None)
    assert parse_code("XYZGOV 19450101-19601231").start == date(1945, 1, 1)
    assert parse_code("XYZGOV 450101-601231").start == date(1945, 1, 1)  # YY above 30 is 19YY


def test_split_code():
    assert split_code("USAGOV") == ("USA", "GOV")
    assert split_code("IGOUNO") == (None, "IGO")
    assert split_code("NGOELDHRI") == (None, "NGO")
    assert split_code("ELD") == ("ELD", None)


def test_agent_dictionary_expands_macros_and_plurals(lexicon):
    agents, problems = read_agents(lexicon / "eldoria.agents.txt")
    assert agents == {
        "harbour pilot": "BUS", "harbour pilots": "BUS", "ferryman": "BUS", "ferrywoman": "BUS",
        "minister": "GOV", "ministers": "GOV", "foreign minister": "GOVFRM", "foreign ministers": "GOVFRM",
        "coast watch": "COP", "relief corps": "NGO~",  # "~" before: the agent code goes before the country
    }  # fmt: skip
    assert problems == []


def test_actor_stage_uses_dictionaries_by_article_date(lexicon, nlp):
    text = "Kara Voss met Eldorian harbour pilots. North Watch monitors said the Tidewater Council would meet in Eldoria."
    settings = Settings(lexicon_dir=str(lexicon))
    codes = lambda published: {a.name: a.code for a in extract(text, published=published, settings=settings).actors}
    assert codes("2024-06-01") == {
        "Kara Voss": "ELDGOV", "Eldorian harbour pilots": "ELDBUS", "North Watch monitors": "NGOELDHRI",
        "Tidewater Council": "IGOLKC", "Eldoria": "ELD",  # a country named as a place is an actor too
    }  # fmt: skip
    assert codes("2019-06-01")["Kara Voss"] == "ELDOPP"


def test_dictionary_codes_win_and_agents_compose_with_countries(lexicon, nlp):
    text = ("Eldoria's foreign minister met the Kuwait government. Soldiers from Eldoria joined the Port Salvo coast watch "
            "and the Eldoria relief corps. The European Union (EU) sent aid.")
    codes = {a.name: a.code for a in extract(text, published="2024-06-01", settings=Settings(lexicon_dir=str(lexicon))).actors}
    assert codes["Eldoria's foreign minister"] == "ELDGOVFRM"  # the agent's whole code, not its sector alone
    assert codes["Kuwait government"] == "KUWGOV"  # the user's dictionary over the built-in KWT
    assert codes["Soldiers"] == "ELDMIL"
    assert codes["Port Salvo coast watch"] == "ELDCOP"  # a dictionary name of two words as a modifier
    assert codes["Eldoria relief corps"] == "NGOELD"
    assert codes["European Union"] == "IGOEU"  # "(EU)" is one more mention, not a second actor
