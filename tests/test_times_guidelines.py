"""Temporal tagger: TimeML/TIDES conventions for signals, temporal adjectives, fiscal years, year ends."""

from __future__ import annotations

import datetime as dt

from digesthub.analyze.times import tag_times

ANCHOR = dt.date(2025, 1, 15)  # a Wednesday


def found(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str, str]]:
    """(surface, type, value) of every expression in ``text``."""
    return [(t.text, t.type, t.value) for t in tag_times(text, anchor)]


def test_later_and_earlier_after_a_short_amount_are_signals() -> None:
    # TimeML: "later" relates to the story's last event; the amount alone is the TIMEX3, a DURATION.
    assert found("The crew landed at dawn. Three days later, the pilot flew home.")[-1] == ("Three days", "DURATION", "P3D")
    assert ("An hour", "DURATION", "PT1H") in found("The doors opened. An hour later the hall was full.")
    assert found("A week earlier, the mayor had resigned.") == [("A week", "DURATION", "P1W")]


def test_a_year_earlier_still_compares_with_the_anchor() -> None:
    assert found("Rents were 4% higher than a year earlier.") == [("a year earlier", "DATE", "2024")]
    assert found("The plant opened three years ago.") == [("three years ago", "DATE", "2022")]


def test_current_is_the_present() -> None:
    assert found("She moved in with her current partner.") == [("current", "DATE", "PRESENT_REF")]
    assert found("Under the then current rules, he could not vote.") == [("then current", "DATE", "PAST_REF")]
    assert found("Current prices are too high.") == [("Current", "DATE", "PRESENT_REF")]


def test_current_as_noun_or_accounting_term_is_not_a_time() -> None:
    assert found("The country ran a current account deficit.") == []
    assert found("The swimmer was swept away by the current.") == []
    assert found("The current of the river was strong.") == []
    assert found("A strong current swept him away.") == []
    assert found("The current carried the boat to sea.") == []
    assert found("The current year looks better.") == [("The current year", "DATE", "2025")]


def test_a_plan_in_the_past_perfect_points_back() -> None:
    # "had been due to", "had been scheduled to": the plan was superseded, the weekday lies in the past.
    assert found("The offer had been due to expire Friday, but it was extended.") == [("Friday", "DATE", "2025-01-10")]
    assert found("The vote had previously been scheduled for Monday.") == [("Monday", "DATE", "2025-01-13")]
    assert found("The offer is due to expire Friday.") == [("Friday", "DATE", "2025-01-17")]


def test_year_end_is_the_year_with_mod_end() -> None:
    expressions = tag_times("The deal should close by year-end.", ANCHOR)
    assert [(e.text, e.value, e.mod) for e in expressions] == [("year-end", "2025", "END")]
    assert found("Shares have fallen 8% since year end.") == [("year end", "DATE", "2024")]
    assert found("Debt was cut at year's end, the bank said.") == [("year's end", "DATE", "2024")]
    assert found("Year-end bonuses were paid.") == []  # a modifier without a preposition stays untagged


def test_a_season_with_the_article_is_a_date_of_the_anchor_year() -> None:
    october = dt.date(2024, 10, 20)
    assert found("Prices fell over the summer.", october) == [("the summer", "DATE", "2024-SU")]
    early = tag_times("Orders recovered from the lows of the early summer.", october)
    assert [(e.text, e.value, e.mod) for e in early] == [("the early summer", "2024-SU", "START")]
    # past tense, a season that has not begun yet this year: last year's
    assert found("Sales were weak during the winter.", dt.date(2025, 3, 1)) == [("the winter", "DATE", "2024-WI")]
    assert found("The plant will reopen in the spring.", october) == [("the spring", "DATE", "2025-SP")]


def test_the_fall_of_something_is_not_a_season() -> None:
    assert found("He wrote about the fall of the empire.") == []
    assert found("Investors feared the fall in prices.") == []
    assert found("There was a spring in his step.") == []
    assert found("He broke his hip in the fall.") == []
    assert found("The plant will reopen in the late fall.", dt.date(2024, 10, 20)) == [("the late fall", "DATE", "2024-FA")]


def test_amounts_with_a_modifier_before_the_unit() -> None:
    assert found("The board has five business days to answer.") == [("five business days", "DURATION", "P5D")]
    assert found("The loan may run for an additional year.") == [("an additional year", "DURATION", "P1Y")]
    assert found("Over the next couple of years prices will rise.") == [("the next couple of years", "DURATION", "P2Y")]
    assert found("Funds may sell bonds in the weeks ahead.") == [("the weeks ahead", "DURATION", "PXW")]


def test_the_near_term_is_the_future() -> None:
    assert found("Margins will stay thin in the near term.") == [("the near term", "DATE", "FUTURE_REF")]
    assert found("It calms investors in the short term, analysts say.") == [("the short term", "DATE", "FUTURE_REF")]
    assert found("The firm repaid short-term debt.") == []
    assert found("It cut the short term rate.") == []


def test_an_agreed_or_intended_act_lies_ahead() -> None:
    november = dt.date(2024, 11, 5)
    # past main verb, but the infinitive it governs is still to come: next January, not last
    assert found("The bank signed an agreement to buy the lender in January.", november) == [("January", "DATE", "2025-01")]
    assert found("The firm vowed to repay the loan by February.", november) == [("February", "DATE", "2025-02")]
    assert found("The firm reduced the loan in February.", november) == [("February", "DATE", "2024-02")]


def test_irregular_past_forms_are_past_cues() -> None:
    november = dt.date(2024, 11, 5)
    assert found("The firm repaid the loan in February.", november) == [("February", "DATE", "2024-02")]
    assert found("The dividend will be paid in February.", november) == [("February", "DATE", "2025-02")]


def test_year_ago_quarter_is_one_expression() -> None:
    # TIDES/TimeML extent: the whole noun phrase with its temporal premodifiers is one TIMEX3
    october = dt.date(2024, 10, 30)
    assert found("In the year-ago third quarter, it earned $5 million.", october) == [
        ("the year-ago third quarter", "DATE", "2023-Q3")]
    assert found("For the quarter a year ago, it reported a loss.", october) == [("the quarter a year ago", "DATE", "2023-Q3")]


def test_many_expressions_stay_fast() -> None:
    import time
    text = "current current year-ago " * 3000  # thousands of candidates: selection must not be quadratic
    began = time.perf_counter()
    tag_times(text, ANCHOR)
    assert time.perf_counter() - began < 5.0


def test_part_of_day_takes_the_day_written_after_it() -> None:
    assert found("At mid-afternoon yesterday, shares were up.") == [("mid-afternoon yesterday", "TIME", "2025-01-14TAF")]
    assert found("Shares fell this morning.") == [("this morning", "TIME", "2025-01-15TMO")]


def test_a_clock_time_with_a_short_zone_joins_its_day() -> None:
    assert found("The hearing starts at 2 p.m. ET Friday.") == [("2 p.m. ET Friday", "TIME", "2025-01-17T14:00")]
    assert found("Polls close at 8 p.m. CET.") == [("8 p.m. CET", "TIME", "2025-01-15T20:00")]
