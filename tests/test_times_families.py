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


def test_a_deadline_weekday_lies_ahead_even_in_a_past_sentence() -> None:
    monday = dt.date(2025, 1, 13)
    assert found("The court extended the deadline until 5 p.m. Thursday.", monday)[0][2] == "2025-01-16T17:00"
    assert found("Officials postponed until Wednesday any decision.", monday)[0][2] == "2025-01-15"
    # A fronted "until" describing a past state keeps the past reading.
    assert found("Until Friday, they had not named him.", monday)[0][2] == "2025-01-10"


def test_the_week_of_a_date_is_that_calendar_week() -> None:
    assert found("A hearing is set for the week of March 3.") == [("the week of March 3", "DATE", "2025-W10")]


def test_season_of_a_year_written_in_words() -> None:
    assert found("Prices were low in the winter of nineteen ninety-four.") == [
        ("the winter of nineteen ninety-four", "DATE", "1994-WI")]


def test_one_day_after_a_modal_is_some_future_time() -> None:
    assert found("Robots will one day run the plant.") == [("one day", "DATE", "FUTURE_REF")]
    assert found("The repair took one day.") == [("one day", "DURATION", "P1D")]


def test_or_so_before_ago_stays_in_the_expression() -> None:
    assert found("A week or so ago, he resigned.") == [("A week or so ago", "DATE", "2025-W02")]


def test_second_day_of_a_pair_shares_the_month() -> None:
    assert found("The summit meets on April 24 and 25.")[-1] == ("25", "DATE", "2025-04-25")
    assert found("On March 2 and 5 people died.") == [("March 2", "DATE", "2025-03-02")]


def test_more_between_the_amount_and_the_unit() -> None:
    assert ("two more weeks", "DURATION", "P2W") in found("He will stay two more weeks.")
    assert found("The base is leased for at least 20 more years.")[0][2] == "P20Y"


def test_long_adjectives_are_durations() -> None:
    assert found("They held a day-long meeting.") == [("day-long", "DURATION", "P1D")]
    assert found("a decades-long feud") == [("decades-long", "DURATION", "PXDE")]
    assert found("a five-year-old company") == []


def test_tense_inside_a_quotation_ignores_the_attribution() -> None:
    # "said" after the closing quote is the reporter's tense; the quote speaks of the future.
    assert found('"We will meet Friday," the minister said.')[0][2] == "2025-01-17"
    assert found("The minister said Friday that talks would resume.")[0][2] == "2025-01-10"


def test_clock_takes_the_day_of_a_neighbouring_time() -> None:
    result = found('"He will land at 6 in the morning (6 a.m. EST Friday)," she said.')
    assert [value for _, _, value in result] == ["2025-01-17T06:00", "2025-01-17T06:00"]


def test_windowed_rules_find_what_a_full_scan_finds() -> None:
    from digesthub.analyze.times import RULES

    text = ("More than twenty-five years ago the firm, founded two and a half years before the war, "
            "ran for about 16 hours a day; a decade later, nearly three weeks or so from now, "
            "it will wait another six months. " * 3)
    for windowed in (r for r in RULES if r.needs is not None):
        assert [m.span() for m in windowed.matches(text)] == [m.span() for m in windowed.pattern.finditer(text)]


def test_high_noon_is_an_idiom() -> None:
    assert found("For the people, high noon comes today.") == [("today", "DATE", "2025-01-15")]
    assert found("They met at noon.") == [("noon", "TIME", "2025-01-15T12:00")]


def test_business_period_codes() -> None:
    text = "Sales rose in Q3 2024 and in 3Q24, fell in Q1 FY25, and doubled in H1 2024, 1H24 and 2H 2023."
    assert [(surface, value) for surface, _, value in found(text)] == [
        ("Q3 2024", "2024-Q3"), ("3Q24", "2024-Q3"), ("Q1 FY25", "2025-Q1"),
        ("H1 2024", "2024-H1"), ("1H24", "2024-H1"), ("2H 2023", "2023-H2")]
    assert found("Revenue in FY25 rose; in FY98 it was flat.") == [
        ("FY25", "DATE", "2025"), ("FY98", "DATE", "1998")]
    # A bare code after a preposition is this year's (a later quarter in a past sentence: last year's).
    assert found("Sales in Q3 were up.") == [("Q3", "DATE", "2024-Q3")]
    assert found("The plan is for H2.") == [("H2", "DATE", "2025-H2")]


def test_codes_that_are_not_periods() -> None:
    assert found("He got an H1 visa. The H1N1 virus spread. The 4H club met.") == []
    # a product named like a quarter: "the Q1" with no period noun after it and no preposition before
    assert found("Its first robot, called the Q1, was cheap. Its second robot, the Q3, lifts 2 tons.") == []
    assert [surface for surface, _, _ in found("The Q3 results beat forecasts, and sales fell in the Q4.")] == ["Q3", "Q4"]


def test_the_first_months_or_quarters_of_a_year_read_as_that_span_in_a_digest() -> None:
    from digesthub.analyze.times import tag_times
    from digesthub.analyze.times.periods import join_year_parts

    anchor = dt.date(2026, 3, 18)
    for text, first, last, value in (
            ("Revenue reached 4.2 billion yuan in the first three quarters of last year.",
             dt.date(2025, 1, 1), dt.date(2025, 9, 30), "2025"),
            ("Sales in the first nine months of 2024 rose.", dt.date(2024, 1, 1), dt.date(2024, 9, 30), "2024"),
            ("Output fell in the last two months of 2023.", dt.date(2023, 11, 1), dt.date(2023, 12, 31), "2023"),
            ("Rides rose in the first three months of the year.", dt.date(2026, 1, 1), dt.date(2026, 3, 31), "2026-Q1"),
            ("Sales fell in the first six months of 2024.", dt.date(2024, 1, 1), dt.date(2024, 6, 30), "2024-H1")):
        tagged = tag_times(text, anchor)
        assert [t.type for t in tagged] == ["DURATION", "DATE"]  # TimeML keeps the two apart
        [joined] = join_year_parts(text, tagged)
        assert (joined.type, joined.first_day, joined.last_day, joined.value) == ("DATE", first, last, value)
        assert joined.text.startswith(("the first", "the last")) and text[joined.start:joined.end] == joined.text
    # a duration not followed by "of" a year stays as it is
    text = "The plant will be built over the first six months, starting in 2027."
    assert join_year_parts(text, tag_times(text, anchor)) == tag_times(text, anchor)


def test_the_two_ends_of_a_month_range_share_a_year_and_join_into_one_span_in_a_digest() -> None:
    from digesthub.analyze.times import tag_times
    from digesthub.analyze.times.periods import join_periods

    anchor = dt.date(2024, 2, 20)  # a past-tense bare "January" alone would be January 2024
    for text, values, first, last in (
            ("In the January-September period, revenue rose 11%.", ["2023-01", "2023-09"],
             dt.date(2023, 1, 1), dt.date(2023, 9, 30)),
            ("Sales in the April to June quarter fell.", ["2023-04", "2023-Q2"], dt.date(2023, 4, 1), dt.date(2023, 6, 30)),
            ("The plant was shut from November 2022 through March.", ["2022-11", "2023-03"],
             dt.date(2022, 11, 1), dt.date(2023, 3, 31)),
            ("Revenue in January-September 2024 will rise.", ["2024-01", "2024-09"],
             dt.date(2024, 1, 1), dt.date(2024, 9, 30))):
        tagged = tag_times(text, anchor)
        assert [t.value for t in tagged if t.type == "DATE"] == values, text  # TimeML: two DATEs
        [joined] = [t for t in join_periods(text, tagged) if t.type == "DATE"]
        assert (joined.first_day, joined.last_day) == (first, last), text
        assert text[joined.start:joined.end] == joined.text
    # a range that names no year is past or to come as a whole, by its tense
    assert [t.value for t in tag_times("Sales between November and March fell.", anchor)] == ["2022-11", "2023-03"]
    assert [t.value for t in tag_times("Sales will rise between November and March.", anchor)] == \
        ["2024-11", "2025-03"]
    # two months named side by side are two dates, not a range
    text = "Sales fell in May and rose in December."
    assert len(join_periods(text, tag_times(text, anchor))) == 2


def test_the_two_ends_of_a_year_range_join_into_one_span_in_a_digest() -> None:
    from digesthub.analyze.times import tag_times
    from digesthub.analyze.times.periods import join_periods

    anchor = dt.date(2026, 3, 4)
    for text, first_year, last_year in (
            ("Its combined profit for 2026 through 2028 will be at least 2 billion yuan.", 2026, 2028),
            ("Sales rose from 2019 to 2021.", 2019, 2021),
            ("Between 2020 and 2022, the plant doubled its output.", 2020, 2022)):
        tagged = tag_times(text, anchor)
        assert len([t for t in tagged if t.type == "DATE"]) == 2, text  # TimeML: two DATEs
        [joined] = join_periods(text, tagged)
        assert (joined.value, joined.first_day, joined.last_day) == \
            (str(first_year), dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)), text
    for text in ("Sales fell in 2019 and rose in 2021.", "Sales fell in 2019 and 2021.", "It moved from 2021 to 2019."):
        assert len(join_periods(text, tag_times(text, anchor))) == 2, text


def test_a_day_of_a_month_with_a_relative_year_is_one_date() -> None:
    assert found("The rules took effect on September 1 last year.") == [
        ("September 1 last year", "DATE", "2024-09-01")]
    assert found("It opens on 3 March next year.") == [("3 March next year", "DATE", "2026-03-03")]
    assert found("It was settled on Jan. 5 this year.") == [("Jan. 5 this year", "DATE", "2025-01-05")]


def test_would_of_reported_speech_reads_the_month_before_it_as_past() -> None:
    anchor = dt.date(2026, 10, 27)
    assert found("Lenovo forecast in May that its revenue would grow.", anchor) == [("May", "DATE", "2026-05")]
    assert found("Lenovo would raise prices in March, he warned.", anchor) == [("March", "DATE", "2027-03")]


def test_the_quarter_ended_in_a_month_is_the_quarter_holding_that_month() -> None:
    anchor = dt.date(2026, 10, 27)  # the last quarter completed is Q3
    assert found("Revenue for the quarter ended in June rose 36%.", anchor)[0] == ("the quarter", "DATE", "2026-Q2")
    assert found("Profit in the quarter ending Sept. 30 fell.", anchor)[0] == ("the quarter", "DATE", "2026-Q3")
    assert found("Profit in the quarter fell.", anchor) == [("the quarter", "DATE", "2026-Q3")]


def test_n_months_to_a_month_read_as_the_months_they_cover_in_a_digest() -> None:
    from digesthub.analyze.times import tag_times
    from digesthub.analyze.times.periods import join_periods

    anchor = dt.date(2025, 11, 3)
    for text, value, first, last in (
            ("In the three months to September, revenue doubled.", "2025-Q3", dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
            ("Sales rose in the six months ended June 30.", "2025-H1", dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
            ("In the four months through February, sales rose.", "2024-11", dt.date(2024, 11, 1), dt.date(2025, 2, 28))):
        tagged = tag_times(text, anchor)
        assert [t.type for t in tagged] == ["DURATION", "DATE"], text  # TimeML keeps the two apart
        [joined] = join_periods(text, tagged)
        assert (joined.type, joined.value, joined.first_day, joined.last_day) == ("DATE", value, first, last), text
    text = "It took three months to build the plant in 2024."
    assert [t.type for t in join_periods(text, tag_times(text, anchor))] == ["DURATION", "DATE"]
    text = "Kairo posted a loss in the fiscal year ending March 2025."
    [joined] = join_periods(text, tag_times(text, anchor))
    assert (joined.first_day, joined.last_day) == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))


def test_the_same_period_after_a_joined_part_of_a_year_takes_its_days() -> None:
    from digesthub.analyze.times import tag_times
    from digesthub.analyze.times.periods import join_periods

    text = ("Kestrel posted a net profit of 1.6 billion yuan for the first nine months of the year. "
            "Its revenue jumped to 4.6 billion yuan over the same period.")
    joined = join_periods(text, tag_times(text, dt.date(2025, 10, 21)))
    same = next(t for t in joined if t.text.endswith("same period"))
    assert (same.value, same.first_day, same.last_day) == ("2025", dt.date(2025, 1, 1), dt.date(2025, 9, 30))



def test_the_same_period_a_year_earlier_is_the_period_last_named_one_year_back() -> None:
    from digesthub.analyze.times import tag_times
    from digesthub.analyze.times.periods import join_periods

    anchor = dt.date(2026, 1, 13)  # the last quarter reported is 2025-Q4: no part of the answer
    text = ("In the first nine months of 2025, the loss shrank to 168 million yuan, compared with 301 million yuan "
            "in the same period a year earlier.")
    assert [t.value for t in tag_times(text, anchor) if t.text.startswith("the same")] == ["2024"]
    same = next(t for t in join_periods(text, tag_times(text, anchor)) if t.text.startswith("the same"))
    assert (same.first_day, same.last_day) == (dt.date(2024, 1, 1), dt.date(2024, 9, 30))
    text = "Profit rose in the second quarter, from 3 million yuan in the same period last year."
    assert [t.value for t in tag_times(text, anchor)] == ["2025-Q2", "2024-Q2"]
