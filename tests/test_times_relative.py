"""Temporal tagger: expressions anchored on the publication date, resolved with the tense."""

from __future__ import annotations

import datetime as dt

import pytest

from digesthub.analyze.times import tag_times

D = dt.date
ANCHOR = D(2025, 1, 15)  # a Wednesday in January


def values(text: str, anchor: D | None = ANCHOR) -> list[tuple[str, str, str]]:
    """(surface, type, value) of every expression in ``text``."""
    return [(t.text, t.type, t.value) for t in tag_times(text, anchor)]


@pytest.mark.parametrize("text, surface, value", [
    ("It happened today.", "today", "2025-01-15"),
    ("It happened yesterday.", "yesterday", "2025-01-14"),
    ("It will happen tomorrow.", "tomorrow", "2025-01-16"),
    ("Shares fell last week.", "last week", "2025-W02"),
    ("Prices rose last weekend.", "last weekend", "2025-W02-WE"),
    ("Sales rose this year.", "this year", "2025"),
    ("Sales fell last year.", "last year", "2024"),
    ("It launches next month.", "next month", "2025-02"),
    ("It was founded two weeks ago.", "two weeks ago", "2025-W01"),
    ("It was founded five years ago.", "five years ago", "2020"),
    ("The plant opens in April this year.", "April this year", "2025-04"),
    ("They met this summer.", "this summer", "2025-SU"),
    ("They met last summer.", "last summer", "2024-SU"),
])
def test_relative_values(text: str, surface: str, value: str) -> None:
    assert (surface, "DATE", value) in values(text)


def test_bare_month_follows_tense() -> None:
    # A January article: a past-tense December is last December, a future one this December.
    assert values("The company raised funds in December.")[0][2] == "2024-12"
    assert values("The company will raise funds in December.")[0][2] == "2025-12"
    assert values("From May to December the plant was closed.") == [
        ("May", "DATE", "2024-05"), ("December", "DATE", "2024-12")]


def test_weekday_follows_tense() -> None:
    assert values("The board said Friday it had agreed.")[0][2] == "2025-01-10"
    assert values("The board will vote on Friday.")[0][2] == "2025-01-17"
    assert values("The board will vote next Monday.")[0][2] == "2025-01-20"


def test_intention_governs_only_what_follows_it() -> None:
    # "seeking to raise" looks ahead to its own infinitive, not back to the filing day
    assert values("The firm filed for an initial public offering in Shanghai on Monday, seeking to raise $1 billion.")[0][2] == "2025-01-13"
    assert values("The firm plans to list its shares on Monday.")[0][2] == "2025-01-20"


@pytest.mark.parametrize("text", [
    "Wang said the company expected to deliver its advanced driving system in the fourth quarter.",
    "Wang said the company planned to launch an upgraded model in the fourth quarter.",
])
def test_an_infinitive_of_plan_looks_ahead_past_its_adjectives(text: str) -> None:
    # "expected" is no past verb before "to", nor "advanced"/"upgraded" inside the infinitive's clause
    assert values(text) == [("the fourth quarter", "DATE", "2025-Q4")]


@pytest.mark.parametrize("text, value", [
    ("now", "PRESENT_REF"), ("It is currently closed.", "PRESENT_REF"),
    ("It was recently sold.", "PAST_REF"), ("as in the past", "PAST_REF"), ("in the future", "FUTURE_REF"),
])
def test_reference_words(text: str, value: str) -> None:
    assert values(text)[0][2] == value


def test_quarters_resolve_to_anchor_year() -> None:
    october = D(1989, 10, 26)
    assert values("Profit rose in the third quarter.", october)[0][2] == "1989-Q3"
    assert values("Third-quarter profit rose.", october)[0][2] == "1989-Q3"
    assert values("Profit rose in the fourth quarter.", ANCHOR)[0][2] == "2024-Q4"


def test_times_of_day() -> None:
    assert ("10 a.m.", "TIME", "2025-01-15T10:00") in values("The vote is at 10 a.m.")
    assert values("We meet tonight.")[0][1:] == ("TIME", "2025-01-15TNI")
    assert values("It rained this morning.")[0][1:] == ("TIME", "2025-01-15TMO")
    assert values("The offer expires at 5 p.m. EST Friday.")[0] == ("5 p.m. EST Friday", "TIME", "2025-01-17T17:00")


def test_unanchored_relative_expressions_stay_unresolved() -> None:
    found = tag_times("Sales fell last year and will rise next month.", None)
    assert [t.value for t in found] == ["PAST_REF", "FUTURE_REF"]
    assert all(t.first_day is None for t in found)


def test_earnings_year_ago_is_the_same_quarter() -> None:
    october = D(1989, 10, 26)
    text = "Third-quarter net rose to $5 million from $4 million a year earlier."
    assert ("a year earlier", "DATE", "1988-Q3") in values(text, october)


def test_holidays_follow_the_calendar_rules() -> None:
    december = D(1999, 12, 1)
    assert values("They met on Thanksgiving Day.", december)[0] == ("Thanksgiving Day", "DATE", "1999-11-25")
    assert values("Easter 2025 falls late.", december)[0][2] == "2025-04-20"
    assert values("Eastern Airlines said so.", december) == []


def test_spoken_clock_times_and_parts_of_day() -> None:
    assert values("He leaves at 4 in the morning.")[0] == ("4 in the morning", "TIME", "2025-01-15T04:00")
    assert values("Trading slowed by mid-afternoon.")[0][1:] == ("TIME", "2025-01-15TAF")
    assert values("The polls closed at noon Thursday.")[0] == ("noon Thursday", "TIME", "2025-01-09T12:00")


def test_weekday_without_tense_cue_takes_the_nearer_occurrence() -> None:
    friday = D(2025, 1, 17)
    assert values("The two leaders meet Monday in Cairo.", friday)[0][2] == "2025-01-20"
    assert values("The two leaders meet Thursday in Cairo.", friday)[0][2] == "2025-01-16"


def test_a_deferral_to_a_month_looks_ahead_whatever_the_tense() -> None:
    october = D(2025, 10, 15)
    assert values("The ban was extended until January.", october)[0][2] == "2026-01"
    assert values("Talks were postponed to February.", october)[0][2] == "2026-02"
    assert values("Sales rose to a record in January.", october)[0][2] == "2025-01"


@pytest.mark.parametrize(("sentence", "value"), [
    ("The company said the app had 10 million users by the end of the year.", "2024"),
    ("Profit fell in the second half of the year, the bank said.", "2024-H2"),
    ("The company expects 10 million users by the end of the year.", "2025"),  # the future: this year's
])
def test_a_part_of_the_year_not_begun_yet_in_a_past_sentence_is_last_years(sentence: str, value: str) -> None:
    (found,) = tag_times(sentence, dt.date(2025, 1, 16))
    assert found.value == value
    # the same sentence late in the year speaks of this year
    (late,) = tag_times(sentence, dt.date(2025, 12, 20))
    assert late.value == value.replace("2024", "2025")
