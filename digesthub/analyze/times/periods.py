"""Opening and closing parts of a year, read as the span they cover.

TimeML tags "the first three quarters of last year" as two expressions: a
DURATION (P9M) and a DATE (the year), and the TempEval scorer expects just
that. A reader of a digest wants the span: January to September of that year.
:func:`join_year_parts` joins such pairs for the digest and corpus (and :func:`join_periods`
the two ends of a month range too); the
evaluation keeps ``tag_times``' TimeML output.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

from digesthub.analyze.times.ranges import join_month_ranges, join_pairs, join_year_ranges, span_value
from digesthub.types import TimeExpression

_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12}
# "the first three quarters", "the first nine months", "the last two months" (of a year written next)
_PART = re.compile(r"^(?:the\s+)?(?P<edge>first|last)\s+(?P<n>\w+)\s+(?P<unit>months|quarters)$", re.IGNORECASE)
_YEAR = re.compile(r"^\d{4}$")


def join_periods(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """The spans a reader means, for the digest and corpus: year parts and month and year ranges joined, and
    "the same period" given the days of the joined period it repeats."""
    joined = join_year_ranges(text, join_month_ranges(text, join_pairs(text, join_year_parts(text, expressions),
                                                                       _months_to)))
    return _same_period_days(joined)


_SAME_PERIOD_TEXT = re.compile(r"^(?:the\s+)?same\s+(?:period|time\s+frame|months)"
                               r"(?P<back>\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)))?$", re.IGNORECASE)
_BASELINE = re.compile(r"\b(?:earlier|ago|before|previous|prior|year-ago|year-earlier)\b", re.IGNORECASE)


def _same_period_days(expressions: list[TimeExpression]) -> list[TimeExpression]:
    """"posted a profit for the first nine months of the year ... Its revenue jumped over the same
    period": the tagger gave "the same period" the period's value (2025); once the nine months are
    joined, it takes their days too (January-September, not the whole year)."""
    result: list[TimeExpression] = []
    for expression in expressions:
        if same := _SAME_PERIOD_TEXT.match(expression.text):
            reported = next((e for e in reversed(result) if e.type == "DATE" and not _BASELINE.search(e.text)
                             and not _SAME_PERIOD_TEXT.match(e.text)), None)
            back = 1 if same["back"] else 0  # "the same period a year earlier": those days a year back
            if reported is not None and reported.first_day and reported.last_day \
                    and reported.value == f"{int(expression.value[:4]) + back:04d}{expression.value[4:]}":
                expression = dataclasses.replace(expression, first_day=_years_back(reported.first_day, back),
                                                 last_day=_years_back(reported.last_day, back), mod=reported.mod)
        result.append(expression)
    return result


def _years_back(day: dt.date, years: int) -> dt.date:
    """``day`` so many years earlier (Feb 29 becomes Feb 28)."""
    return day.replace(year=day.year - years, day=min(day.day, calendar.monthrange(day.year - years, day.month)[1]))


# "the three months to September", "the six months ended June 30": N months that end with a month
_MONTHS_COUNT = re.compile(r"^(?:the\s+)?(?P<n>\w+)\s+months$", re.IGNORECASE)
_FISCAL_YEAR = re.compile(r"^(?:the\s+|its\s+)?(?:fiscal|financial)\s+year$", re.IGNORECASE)
_ENDING = re.compile(r"^\s+(?:to|through|ended|ending|until)\s+$", re.IGNORECASE)
_MONTH_OR_DAY = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-\d{2})?$")


def _months_to(text: str, duration: TimeExpression, end: TimeExpression) -> TimeExpression | None:
    span = _months_ending(text, duration, end)
    if span is None:
        return None
    return dataclasses.replace(end, start=duration.start, text=text[duration.start:end.end],
                               value=span_value(*span), first_day=span[0], last_day=span[1])


def _months_ending(text: str, duration: TimeExpression, end: TimeExpression) -> tuple[dt.date, dt.date] | None:
    count = _MONTHS_COUNT.match(duration.text)
    fiscal_year = _FISCAL_YEAR.match(duration.text)  # "the fiscal year ending March 2025": twelve months
    month = _MONTH_OR_DAY.match(end.value)
    if duration.type != "DURATION" or end.type != "DATE" or (count is None and fiscal_year is None) \
            or month is None or not _ENDING.match(text[duration.end:end.start]):
        return None
    months = 12 if fiscal_year else _count(count["n"])
    if not 1 <= months <= 12:
        return None
    year, last_month = int(month["year"]), int(month["month"])
    first_index = year * 12 + last_month - 1 - (months - 1)
    first = dt.date(first_index // 12, first_index % 12 + 1, 1)
    return first, dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def join_year_parts(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """``expressions`` with each "the first N months/quarters" + "of" + a year joined into one DATE
    whose days are that part of the year."""
    return join_pairs(text, expressions, _year_part)


def _count(word: str) -> int:
    """"three" -> 3, "9" -> 9; 0 for anything else."""
    return _COUNTS.get(word.lower()) or (int(word) if word.isdigit() else 0)


def _year_part(text: str, duration: TimeExpression, year: TimeExpression) -> TimeExpression | None:
    match = _PART.match(duration.text)
    if duration.type != "DURATION" or match is None or not _YEAR.match(year.value) \
            or text[duration.end:year.start].strip().lower() != "of":
        return None
    months = _count(match["n"]) * (3 if match["unit"].lower() == "quarters" else 1)
    if not 1 <= months < 12:
        return None
    number = int(year.value)
    first, last = (1, months) if match["edge"].lower() == "first" else (13 - months, 12)
    first_day, last_day = dt.date(number, first, 1), dt.date(number, last, calendar.monthrange(number, last)[1])
    # "the first three months of 2025" is 2025-Q1, "the first six months" 2025-H1; nine months stay 2025
    return dataclasses.replace(year, start=duration.start, text=text[duration.start:year.end],
                               value=span_value(first_day, last_day), first_day=first_day, last_day=last_day)
