"""Temporal tagger: TimeML conventions for clock days, rates, positions and vague references."""

from __future__ import annotations

import datetime as dt

from digesthub.analyze.times import tag_times

ANCHOR = dt.date(2025, 1, 15)  # a Wednesday


def found(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str, str]]:
    """(surface, type, value) of every expression in ``text``."""
    return [(t.text, t.type, t.value) for t in tag_times(text, anchor)]


def test_clock_time_takes_the_day_named_in_its_sentence() -> None:
    result = found("The fire started at about 11:20 p.m. (0420 GMT) Monday, officials said.")
    assert ("11:20 p.m.", "TIME", "2025-01-13T23:20") in result
    first = tag_times("The fire started at about 11:20 p.m. (0420 GMT) Monday.", ANCHOR)[0]
    assert first.first_day == dt.date(2025, 1, 13)


def test_clock_time_without_a_day_is_on_the_anchor_or_open() -> None:
    assert found("Polls close at 8 p.m.") == [("8 p.m.", "TIME", "2025-01-15T20:00")]
    assert found("Polls close at 8 p.m.", None) == [("8 p.m.", "TIME", "XXXX-XX-XXT20:00")]
    # A day in another sentence does not give the clock its date.
    assert found("It rained on Monday. Polls close at 8 p.m.")[-1][2] == "2025-01-15T20:00"


def test_count_per_unit_of_time_is_a_set() -> None:
    assert found("The clinic handles dozens of calls a day.") == [("a day", "SET", "P1D")]
    assert found("Guards stand there 24 hours a day.")[-1] == ("a day", "SET", "P1D")
    assert found("He waited for a year.") == [("a year", "DURATION", "P1Y")]
    assert found("It was a week of losses.") == [("a week", "DURATION", "P1W")]


def test_early_or_late_belongs_to_the_weekday() -> None:
    assert found("Rebels attacked early Tuesday.") == [("early Tuesday", "DATE", "2025-01-14")]
    # "Earlier" is an adverb of the clause and stays outside the expression.
    assert found("Earlier Monday, police arrived.") == [("Monday", "DATE", "2025-01-13")]


def test_possessive_day_words_are_days_unless_generic() -> None:
    assert found("Before tomorrow's vote, he spoke.") == [("tomorrow", "DATE", "2025-01-16")]
    assert found("Phones shape today's youth.") == []


def test_capitalized_time_words_inside_a_sentence_are_names() -> None:
    assert found("This is Radio Today.") == []
    assert found('She told NBC\'s "Next Week" that she would run.') == []
    assert found('He appeared on "48 Hours" twice.') == []
    assert found("Today, he said. Tomorrow we fight.") == [
        ("Today", "DATE", "2025-01-15"), ("Tomorrow", "DATE", "2025-01-16")]
    assert found("The rally took place on Labor Day.")[0][0] == "Labor Day"


def test_abbreviation_dot_does_not_end_the_sentence_for_tense() -> None:
    # The verb after "vs." is in the same sentence: a past-tense December in an August article is last December.
    text = "In December, a week after the Smith vs. Jones ruling, a bomb killed a guard."
    assert found(text, dt.date(2025, 8, 20))[0] == ("December", "DATE", "2024-12")


def test_capitalized_last_before_a_month_counts_as_last() -> None:
    assert found("Last April, the group planned to buy the firm.", dt.date(2025, 10, 20))[0][2] == "2025-04"
