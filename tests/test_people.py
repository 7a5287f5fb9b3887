import pytest

from eventwire.lexicons import LexiconError
from eventwire.people import People


def test_a_term_gives_the_sector_and_the_country_stays_after_it():
    index = People(None)
    assert index.find("George W. Bush", "2003-03-20").code == "USAGOV"
    assert index.find("Bush", "2003-03-20").name == "George W. Bush"
    assert index.find("Bush", "1990-06-01").name == "George Bush"
    later = index.find("George W. Bush", "2015-01-01")
    assert (later.country, later.sector, later.code) == ("USA", None, "USA")
    assert index.find("Erdogan", "2020-01-01").code == "TURGOV"  # accents folded: "Erdoğan"


def test_the_users_rows_replace_a_name_and_a_bad_date_is_named(tmp_path):
    (tmp_path / "people.tsv").write_text("name\tcountry\tsector\tcode\tstart\tend\tsurname\nTony Blair\tGBR\tIGO\tIGOQRT\t2007-06-27\t2015-05-27\tyes\n")
    assert People(str(tmp_path)).find("Blair", "2010-01-01").code == "IGOQRT"
    bad = tmp_path / "bad"  # another folder: lexicon files are read once per folder
    bad.mkdir()
    (bad / "people.tsv").write_text("name\tcountry\tsector\tcode\tstart\tend\tsurname\nJane Roe\tGBR\tGOV\t\t2007-13-01\t\t\n")
    with pytest.raises(LexiconError, match="'Jane Roe' has start '2007-13-01', not YYYY-MM-DD"):
        People(str(bad))
