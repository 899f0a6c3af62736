"""Temporal tagger: absolute dates, fuzzy positions, spans and the whole-string normalizer."""

from __future__ import annotations

import datetime as dt

import pytest

from digesthub.analyze.times import normalize_time, tag_times

D = dt.date
ANCHOR = D(2025, 1, 15)  # a Wednesday


def one(text: str, anchor: D | None = ANCHOR):
    """The single expression tagged in ``text``."""
    found = tag_times(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value", [
    ("on Oct. 15, 1999 ,", "1999-10-15"), ("December 3, 2024", "2024-12-03"), ("3 December 2024", "2024-12-03"),
    ("2024-12-03", "2024-12-03"), ("December 2024", "2024-12"), ("Sept. 2021", "2021-09"),
    ("in 1998", "1998"), ("the 1990s", "199"), ("the 21st century", "20"), ("Q3 2024", "2024-Q3"),
    ("the third quarter of 2023", "2023-Q3"), ("summer 2024", "2024-SU"), ("fiscal year 2025", "2025"), ("in fiscal 1999 ,", "1999"),
    # PTB-tokenized text keeps the comma as a token of its own
    ("born on August 29 , 1958 in", "1958-08-29"), ("on 8 February , 2010 ,", "2010-02-08"),
    ("in June , 2009 ,", "2009-06"), ("in the week of March 6 , 2024 ,", "2024-W10"),
])
def test_absolute_values(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize("text, value, mod, first, last", [
    ("Late 2022", "2022", "END", D(2022, 9, 1), D(2022, 12, 31)),
    ("early 2023", "2023", "START", D(2023, 1, 1), D(2023, 4, 30)),
    ("mid-2021", "2021", "MID", D(2021, 5, 1), D(2021, 8, 31)),
    ("First half of 2024", "2024-H1", None, D(2024, 1, 1), D(2024, 6, 30)),
    ("the second half of 2019", "2019-H2", None, D(2019, 7, 1), D(2019, 12, 31)),
    ("Mid-December 2024", "2024-12", "MID", D(2024, 12, 11), D(2024, 12, 20)),
    ("late November 2023", "2023-11", "END", D(2023, 11, 21), D(2023, 11, 30)),
    ("the mid-1990s", "199", "MID", D(1994, 1, 1), D(1996, 12, 31)),
    ("the end of the year", "2025", "END", D(2025, 9, 1), D(2025, 12, 31)),
    ("the beginning of this month", "2025-01", "START", D(2025, 1, 1), D(2025, 1, 10)),
])
def test_fuzzy_positions_and_spans(text: str, value: str, mod: str | None, first: D, last: D) -> None:
    found = one(text)
    assert (found.value, found.mod, found.first_day, found.last_day) == (value, mod, first, last)
    assert found.text == text


@pytest.mark.parametrize("text", [
    "It may rain.", "Shares rose 20% to 2,000.", "The five-year-old Zhipu AI", "He paid $1999 for it.",
    "a 30-year-old engineer", "March of the penguins began", "She will march on.",
])
def test_no_false_hits(text: str) -> None:
    assert tag_times(text, ANCHOR) == []


def test_unanchored_month_has_no_year() -> None:
    found = one("in December", None)
    assert found.value == "XXXX-12" and found.first_day is None


def test_normalize_time_whole_strings() -> None:
    assert normalize_time("Late 2022").value == "2022"
    assert normalize_time("2024-12").value == "2024-12"
    assert normalize_time("december 2024").value == "2024-12"
    assert normalize_time("in early 2023").mod == "START"
    assert normalize_time("the CEO resigned in 2022") is None
    assert normalize_time("banana") is None


def test_offsets_point_into_text() -> None:
    text = "Sales fell in March 2023, and on Friday the board met; two years ago it was worse."
    for found in tag_times(text, ANCHOR):
        assert text[found.start:found.end] == found.text
    assert [t.start for t in tag_times(text, ANCHOR)] == sorted(t.start for t in tag_times(text, ANCHOR))


@pytest.mark.parametrize("text", ["By 1100 (1600 GMT) the hospital was full.", "Troops left at 1745 UTC.",
                                  "The briefing starts at 1300 local time."])
def test_a_four_digit_clock_time_with_a_zone_is_no_year(text: str) -> None:
    assert [t.value for t in tag_times(text, ANCHOR) if t.type == "DATE"] == []


def test_a_year_before_other_words_stays_a_year() -> None:
    assert one("The painter was born in 1600 in Delft.").value == "1600"


def test_a_zero_padded_clock_time_is_no_duration() -> None:
    assert [t.type for t in tag_times("The convoy left at 0930 hours.", ANCHOR)] == []
    assert one("The siege lasted 12 hours.").value == "PT12H"
