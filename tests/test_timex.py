from datetime import date

import pytest

from eventwire.timex import Context, normalize, parse_anchor

MONDAY = date(2024, 3, 18)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("two centuries", None, "P200Y"),
        ("the third quarter of this year", None, "2024-Q3"),
        ("the fourth quarter", None, "2023-Q4"),
        ("Q2 2023", None, "2023-Q2"),
        ("nearly five months", None, "P5M"),
        ("five-year", None, "P5Y"),
        ("48-hour", None, "PT48H"),
        ("annually", None, "P1Y"),
        ("earlier today", None, "2024-03-18"),
        ("earlier in the week", None, "2024-W12"),  # the week being told about
        ("the weekend", "past", "2024-W11-WE"),
        ("mid-2011", None, "2011"),
        ("last September", None, "2023-09"),
        ("last winter", None, "2023-WI"),
        ("summer 2008", None, "2008-SU"),
        ("Christmas", "future", "2024-12-25"),
        ("years", None, "PXY"),
        ("the '70s", None, "197"),
        ("April 10", None, "2024-04-10"),
        ("March 2", "future", "2025-03-02"),  # "will be held on March 2": never in the past
        ("March 14", "future", "2024-03-14"),  # "is hosting the summit from March 14" on March 18: written days before
        ("March 2", None, "2024-03-02"),
        ("last night", "past", "2024-03-17TNI"),
        ("late last night", "past", "2024-03-17TNI"),
        ("yesterday morning", "past", "2024-03-17TMO"),
        ("tomorrow evening", "future", "2024-03-19TEV"),
        ("on October 10", "past", "2023-10-10"),
        ("on April 2", "past", "2024-04-02"),  # within two months the nearest date wins over the tense
        ("the past few weeks", None, "PXW"),
        ("6 a.m.", None, "2024-03-18T06:00"),
        ("fiscal 1989", None, "1989"),
        ("the year", None, "2024"),
        ("April 10, 2024", None, "2024-04-10"),
        ("10 April 2024", None, "2024-04-10"),
        ("2024-04-10", None, "2024-04-10"),
        ("Sept. 11, 2001", None, "2001-09-11"),
        ("March 2023", None, "2023-03"),
        ("in April", "future", "2024-04"),
        ("Monday", "past", "2024-03-18"),
        ("on Thursday", "future", "2024-03-21"),
        ("Friday", None, "2024-03-15"),
        ("last Friday", None, "2024-03-15"),
        ("next Monday", None, "2024-03-25"),
        ("yesterday", None, "2024-03-17"),
        ("tomorrow", None, "2024-03-19"),
        ("today", None, "2024-03-18"),
        ("last week", None, "2024-W11"),
        ("next month", None, "2024-04"),
        ("last year", None, "2023"),
        ("this year", None, "2024"),
        ("in 2022", None, "2022"),
        ("by 2027", None, "2027"),
        ("the 1990s", None, "199"),
        ("three days ago", None, "2024-03-15"),
        ("the end of the year", None, "2024"),
        ("three years", None, "P3Y"),
        ("48 hours", None, "PT48H"),
        ("every year", None, "P1Y"),
        ("recently", None, "PAST_REF"),
        ("now", None, "PRESENT_REF"),
        ("the coming months", None, "FUTURE_REF"),
        ("'98", None, "1998"),
        ("twenty years", None, "P20Y"),
        ("the last twenty-four hours", None, "PT24H"),
        ("nineteen ninety-six", None, "1996"),
        ("the year two thousand", None, "2000"),
        ("the nineties", None, "199"),
        ("the 20th century", None, "19"),
        ("the late 1970s", None, "197"),
        ("barely a month", None, "P1M"),
        ("June last year", None, "2023-06"),
        ("April next year", None, "2025-04"),
        ("Thanksgiving Day", "future", "2024-11-28"),
        ("Christmas Eve", "past", "2023-12-24"),
        ("later this afternoon", None, "2024-03-18TAF"),
        ("earlier Friday", None, "2024-03-15"),
        ("the fiscal first quarter", None, "2024-Q1"),
        ("this year's third quarter", None, "2024-Q3"),
        ("last year's quarter", None, "2023-Q4"),
        ("the full year", None, "2024"),
        ("every day", None, "P1D"),
    ],
)
def test_normalize_against_publication(text, tense, value):
    assert normalize(text, Context(MONDAY, tense)).value == value


def test_chains_follow_the_last_date_mentioned():
    previous = date(2024, 4, 10)
    assert normalize("the next day", Context(MONDAY, None, previous)).value == "2024-04-11"
    assert normalize("two days later", Context(MONDAY, None, previous)).value == "2024-04-12"
    assert normalize("the following week", Context(MONDAY, None, previous)).value == "2024-W16"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a year earlier", "2023-Q3"),  # the same quarter a year before, not the year
        ("the year-ago period", "2023-Q3"),
        ("the quarter", "2024-Q3"),
        ("the 2022 quarter", "2022-Q3"),
        ("last year's quarter", "2023-Q3"),
    ],
)
def test_company_results_compare_with_the_quarter_named(text, value):
    assert normalize(text, Context(MONDAY, None, None, "2024-Q3")).value == value


def test_with_no_quarter_named_a_year_ago_is_the_year_and_the_quarter_the_last_one_ended():
    assert normalize("a year ago", Context(MONDAY)).value == "2023"
    assert normalize("the quarter", Context(MONDAY)).value == "2023-Q4"
    assert normalize("the year-ago quarter", Context(MONDAY)).value == "2022-Q4"


@pytest.mark.parametrize(
    ("text", "value"),
    [("April 10", "XXXX-04-10"), ("yesterday", "XXXX-XX-XX"), ("Monday", "XXXX-WXX-1"), ("last year", "XXXX"), ("in 2022", "2022")],
)
def test_without_publication_date_relative_values_stay_unresolved(text, value):
    assert normalize(text, Context(None)).value == value


def test_impossible_dates_are_not_times():
    assert normalize("February 30", Context(MONDAY)) is None
    assert normalize("February 30, 2024", Context(MONDAY)) is None


def test_parse_anchor_names_the_bad_value():
    with pytest.raises(ValueError, match="'2024-13-01' is not a date"):
        parse_anchor("2024-13-01")


def test_small_numbers_are_not_years():
    assert normalize("49", Context(MONDAY)) is None
    assert normalize("a 6-year-old", Context(MONDAY)) is None


def test_a_time_run_across_lines_is_cut_at_the_line_break(nlp):
    from eventwire import extract

    times = extract("Talks resume in 2010\n\nJune 8, 2010 - Envoys met on Monday.", published="2010-06-08").times
    assert [(t.text, t.value) for t in times][:2] == [("2010", "2010"), ("June 8, 2010", "2010-06-08")]


def test_vague_words_the_model_misses_are_dates_and_daily_is_a_set(nlp):
    from eventwire import extract

    times = extract("Prices rose recently and the board now meets daily.", published="2024-03-18").times
    assert [(t.text, t.type, t.value) for t in times] == [
        ("recently", "DATE", "PAST_REF"), ("now", "DATE", "PRESENT_REF"), ("daily", "SET", "P1D")]


def test_a_comparison_a_year_earlier_keeps_the_quarter_the_story_is_about(nlp):
    from eventwire import extract

    text = ("Acme said third-quarter profit rose to $5 million from $4 million a year earlier. "
            "Sales in the quarter climbed 8% from the year-ago period.")
    times = extract(text, published="2024-11-05").times
    assert [(t.text, t.value) for t in times] == [
        ("third-quarter", "2024-Q3"), ("a year earlier", "2023-Q3"), ("the quarter", "2024-Q3"), ("the year-ago period", "2023-Q3")]


def test_a_range_of_years_gives_both_years_and_a_part_of_a_year_its_own_span(nlp):
    from eventwire import extract

    times = extract("Output fell between 2019 and 2021 and rose in the first nine months of 2023.", published="2024-03-18").times
    assert [(t.text, t.value) for t in times] == [("2019", "2019"), ("2021", "2021"), ("the first nine months", "P9M"), ("2023", "2023")]


def test_untagged_recurring_times_are_sets(nlp):
    from eventwire import extract

    times = extract("Protesters gather outside the ministry every day.", published="2024-03-18").times
    assert [(t.text, t.type, t.value) for t in times] == [("every day", "SET", "P1D")]


def test_the_day_a_story_was_reported_does_not_anchor_the_next_day(nlp):
    from eventwire import extract

    text = "The ministers will meet on April 10, the newspaper reported on Wednesday. They will sign the accord the next day."
    times = extract(text, published="2024-04-03").times
    assert [(t.text, t.value) for t in times] == [("April 10", "2024-04-10"), ("Wednesday", "2024-04-03"), ("the next day", "2024-04-11")]


def test_a_weekday_the_model_runs_into_the_next_word_is_the_weekday(nlp):
    from eventwire import extract

    found = extract("On Friday thousands of Somalis marched in Mogadishu.", published="2005-02-13").times
    assert [(t.text, t.value) for t in found] == [("Friday", "2005-02-11")]
