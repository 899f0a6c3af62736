"""Temporal tagger: anaphoric expressions resolved against the reference time (TimeML)."""

from __future__ import annotations

import datetime as dt

from digesthub.analyze.times import tag_times

ANCHOR = dt.date(2025, 1, 15)


def values(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str]]:
    """(surface, value) of every expression in ``text``."""
    return [(t.text, t.value) for t in tag_times(text, anchor)]


def test_that_year_points_at_the_last_written_year() -> None:
    assert values("The mill closed in March 2011 and reopened later that year.") == [
        ("March 2011", "2011-03"), ("later that year", "2011")]
    assert ("that year", "2003") in values("Exports peaked in 2003. Imports fell that year too.")


def test_following_and_previous_count_from_the_reference() -> None:
    found = values("She was elected on June 2, 2009, and the following year she resigned.")
    assert ("the following year", "2010") in found
    assert ("the previous month", "2009-05") in values("Rates rose in June 2009 after cuts the previous month.")


def test_day_references_keep_day_granularity() -> None:
    found = values("The storm hit on Oct. 3, 2018. The next day, crews arrived. Earlier that day, roads closed.")
    assert ("The next day", "2018-10-04") in found
    assert ("Earlier that day", "2018-10-04") in found


def test_without_reference_that_year_is_not_tagged_and_following_uses_anchor() -> None:
    assert values("That year sales fell.") == []
    assert values("Prices rose the following year.") == [("the following year", "2026")]


def test_coarser_reference_does_not_give_a_day() -> None:
    assert values("It began in 2007; that day nobody knew.") == [("2007", "2007")]


def test_the_year_before_counts_back_from_the_reference() -> None:
    assert values("Sales fell to $3 million last year, from $4 million the year before.") == [
        ("last year", "2024"), ("the year before", "2023")]
    assert values("the day before the vote") == []  # relative to an event, not to a time


def test_month_named_quarter_is_the_quarter_of_that_month() -> None:
    assert values("The firm reported results for the September quarter.", ANCHOR) == [
        ("the September quarter", "2024-Q3")]


def test_a_widened_expression_absorbs_the_part_it_covers() -> None:
    assert values("Sales rose in the first half of the year.") == [("the first half of the year", "2025-H1")]
    assert values("In the year-earlier third quarter, it lost money.")[-1][1] == "2023-Q3"  # a year before the last third quarter (2024-Q3)


def test_same_day_of_a_month_reference_is_left_unspecified() -> None:
    assert values("In October 2018 he resigned. His office closed that same day.")[-1] == ("that same day", "2018-10-XX")
    # A plain "that day" after a mere year stays untagged: it is often generic.
    assert values("In 2018 trades made that day fell.") == [("2018", "2018")]


def test_later_in_the_day_is_the_reference_day_or_the_anchor() -> None:
    assert values("He arrived later in the day.") == [("the day", "2025-01-15")]
    assert values("The vote was on March 3, 2019. Earlier in the day, crowds gathered.")[-1] == ("the day", "2019-03-03")


def test_quarters_relative_to_the_reported_quarter() -> None:
    october = dt.date(2024, 10, 24)
    assert values("Profit rose in the third quarter from the previous quarter.", october) == [
        ("the third quarter", "2024-Q3"), ("the previous quarter", "2024-Q2")]
    assert values("Sales fell from the prior quarter.", october) == [("the prior quarter", "2024-Q2")]
    assert values("In the second quarter of 2023 sales rose; in the following quarter they fell.", october)[-1] == (
        "the following quarter", "2023-Q3")


def test_quarter_with_a_year_before_or_after() -> None:
    october = dt.date(2024, 10, 24)
    assert values("Costs rose in fiscal 2025's first quarter.", october) == [("fiscal 2025's first quarter", "2025-Q1")]
    assert values("Sales rose from the third quarter of last year.", october) == [
        ("the third quarter of last year", "2023-Q3")]


def test_fiscal_year_relative_to_the_anchor() -> None:
    assert values("Profit will rise next fiscal year.") == [("next fiscal year", "2026")]
    assert values("Sales grew in the current fiscal year.") == [("the current fiscal year", "2025")]


def test_previous_and_following_weekday_count_from_the_reference_day() -> None:
    found = values("Shares closed at $12 on Friday, Jan. 10, down from $14 the previous Friday.")
    assert found[-1] == ("the previous Friday", "2025-01-03")
    assert values("He landed on March 3, 2024, and left the following Tuesday.")[-1] == ("the following Tuesday", "2024-03-05")
    # a Tuesday reference: "the following Tuesday" is a week later, never the same day
    assert values("The board met on Tuesday, May 6, 2025, and again the following Tuesday.")[-1] == (
        "the following Tuesday", "2025-05-13")


def test_years_later_count_from_the_reference_time() -> None:
    assert values("He joined the board in 2001. Two years later, he quit.")[-1] == ("Two years later", "2003")
    assert values("The plant opened in May 1990; six months later it closed.")[-1] == ("six months later", "1990-11")
    # no earlier calendar value: the publication date is the only reference
    assert values("Two years later, he quit.") == [("Two years later", "2027")]


def test_in_the_morning_is_a_part_of_the_day_spoken_of() -> None:
    found = values("Prices fell on Friday. Dealers placed buy orders in the morning.")
    assert found == [("Friday", "2025-01-10"), ("the morning", "2025-01-10TMO")]
    assert values("The talks resumed in the evening.") == [("the evening", "2025-01-15TEV")]
    assert values("He will leave at 4 in the morning.") == [("4 in the morning", "2025-01-15T04:00")]



def test_steps_later_count_from_the_year_the_story_reached() -> None:
    assert values("The firm, founded in 2001, was sold a decade later.")[-1] == ("a decade later", "2011")
    assert values("He retired in 1990. Twelve years later he died.")[-1] == ("Twelve years later", "2002")
    assert values("He moved to Paris in March 2015 and opened a shop the next year.")[-1] == (
        "the next year", "2016")
    # "over the next year" is a stretch of time ahead, not a date
    assert [t.type for t in tag_times("Prices will rise over the next year.", ANCHOR)] == ["DURATION"]


def test_earlier_counts_from_a_year_its_sentence_wrote_else_from_the_anchor() -> None:
    assert values("In 2008 the bank failed; a year earlier it had posted record profits.")[-1][1] == "2007"
    assert values("In 2008 it failed; two years earlier it boomed.")[-1][1] == "2006"
    assert values("Net rose to $5 million from $3 million a year earlier.")[-1][1] == "2024"


def test_the_same_month_skips_a_bare_year_to_the_month_named_before() -> None:
    text = ("Doubao had 60 million users in September. ByteDance plans to spend more next year. "
            "Kimi had 13 million users in the same month.")
    assert values(text, dt.date(2024, 10, 15))[-1] == ("the same month", "2024-09")


def test_the_same_period_is_the_period_last_reported_on_not_its_baseline() -> None:
    text = ("Revenue rose to $70.5 million in 2024 from $3.5 million a year earlier. "
            "Its net loss widened to $465 million over the same period.")
    assert values(text)[-1] == ("the same period", "2024")
    text = "Sales rose in the first half of 2024. Costs grew faster in the same period."
    assert values(text)[-1] == ("the same period", "2024-H1")
    # nothing reported before it: the last quarter reported, as earnings prose means it
    assert values("Profit fell 4% in the same period.") == [("the same period", "2024-Q4")]


def test_earlier_or_later_this_year_is_the_part_before_or_after_the_anchor() -> None:
    december = dt.date(2025, 12, 22)
    [earlier] = tag_times("Its rival filed for a listing earlier this year.", december)
    assert (earlier.value, earlier.first_day, earlier.last_day) == ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 21))
    [later] = tag_times("It will list later this year.", dt.date(2025, 3, 10))
    assert (later.first_day, later.last_day) == (dt.date(2025, 3, 11), dt.date(2025, 12, 31))
    # "early this year" is a part of the year, not relative to the anchor
    [early] = tag_times("Sales fell early this year.", december)
    assert early.last_day == dt.date(2025, 4, 30)
