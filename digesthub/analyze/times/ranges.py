"""The two ends of a month range read together: "January-September", "from May to December".

TimeML tags each end of a range as its own DATE, and each bare month is resolved
against the anchor by the tense of its sentence. Resolved one at a time, the two
ends of "In the January-September period, revenue rose" written in February 2024
fall a year apart (January 2024, September 2023). A range runs forward, so the
end that names no year takes it from the other end, and when neither names one
the range is placed by its end: January-September 2023.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from digesthub.analyze.times.normalize import calendar_span
from digesthub.analyze.times.resolve import tense_at
from digesthub.types import TimeExpression

# Two neighbouring expressions as one, or None when they are two.
Joiner = Callable[[str, TimeExpression, TimeExpression], "TimeExpression | None"]
_MONTH_VALUE = re.compile(r"^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])$")
# "the April-June quarter": the range ends in a quarter named by its last month
_END_VALUE = re.compile(r"^(?P<year>\d{4})-(?:(?P<month>0[1-9]|1[0-2])|Q(?P<quarter>[1-4]))$")
_CONNECTOR = re.compile(r"^\s*(?:[-–—]|to|through|thru|until|till|and)\s*$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_WRITTEN_YEAR = re.compile(r"\d{4}|['’]\d\d\b")


def _range_joined(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    """Whether two DATEs are joined as the ends of one range: "-", "to", "through", ... between them,
    or "and" after "between" ("between May and July" is a range; "May and July" are two months)."""
    gap = text[first.end:second.start]
    if first.type != "DATE" or second.type != "DATE" or not _CONNECTOR.match(gap):
        return False
    return gap.strip().lower() != "and" or bool(_BETWEEN.search(text[max(0, first.start - 12):first.start]))


def month_range_ends(text: str, first: TimeExpression, second: TimeExpression) -> bool:
    """Whether ``first`` and ``second`` are the two ends of one month range."""
    return bool(_MONTH_VALUE.match(first.value) and _END_VALUE.match(second.value)) \
        and _range_joined(text, first, second)


def harmonize_month_ranges(text: str, expressions: list[TimeExpression],
                           anchor: dt.date | None = None) -> list[TimeExpression]:
    """``expressions`` with the years of each month range's ends made to agree. A range told in the
    past tense that names no year ends before the anchor ("Sales between November and March fell",
    written in February: the March just past, not the coming one a bare month would be)."""
    result = list(expressions)
    for index in range(len(result) - 1):
        first, second = result[index], result[index + 1]
        if not month_range_ends(text, first, second):
            continue
        first_written, second_written = (bool(_WRITTEN_YEAR.search(e.text)) for e in (first, second))
        start_month, end_month = int(first.value[5:]), _last_month(second.value)
        if first_written and not second_written:
            year = int(first.value[:4]) + (end_month < start_month)
            result[index + 1] = _with_year(second, year)
        elif not first_written:
            if not second_written:
                second = result[index + 1] = _placed_by_tense(text, first, second, start_month > end_month, anchor)
            year = int(second.value[:4]) - (start_month > end_month)
            result[index] = _with_year(first, year)
    return result


def _placed_by_tense(text: str, first: TimeExpression, second: TimeExpression, wraps: bool,
                     anchor: dt.date | None) -> TimeExpression:
    """The end of a range that names no year, moved a year when the tense says the whole range is
    past (its end is not after the anchor) or to come (its start is not before the anchor)."""
    if anchor is None or second.first_day is None:
        return second
    tense = tense_at(text, first.start, second.end)
    year = int(second.value[:4])
    start_month = int(first.value[5:7])
    if tense == "PAST" and second.first_day > anchor:
        return _with_year(second, year - 1)
    if tense == "FUTURE" and dt.date(year - wraps, start_month, 1) < anchor.replace(day=1):
        return _with_year(second, year + 1)
    return second


def _last_month(value: str) -> int:
    match = _END_VALUE.match(value)  # only called on values month_range_ends accepted
    if match is None or not (match["month"] or match["quarter"]):
        raise ValueError(value)
    return int(match["month"]) if match["month"] else 3 * int(match["quarter"])


def _with_year(expression: TimeExpression, year: int) -> TimeExpression:
    value = f"{year:04d}{expression.value[4:]}"
    span = calendar_span(value, expression.mod)
    return dataclasses.replace(expression, value=value, first_day=span[0] if span else None,
                               last_day=span[1] if span else None)


def join_pairs(text: str, expressions: list[TimeExpression], join: Joiner) -> list[TimeExpression]:
    """``expressions`` with each neighbour ``join`` makes one of the one before it replaced by that one."""
    joined: list[TimeExpression] = []
    for expression in expressions:
        merged = join(text, joined[-1], expression) if joined else None
        if merged is not None:
            joined[-1] = merged
        else:
            joined.append(expression)
    return joined


def join_month_ranges(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """``expressions`` with each month range joined into one DATE whose days run from the first
    day of its first month to the last day of its last: what a digest's timeline and facts date by.
    The value is :func:`span_value`'s."""
    return join_pairs(text, expressions, _month_range)


def _month_range(text: str, first: TimeExpression, second: TimeExpression) -> TimeExpression | None:
    if not month_range_ends(text, first, second) or first.first_day is None or second.last_day is None \
            or first.first_day > second.last_day:
        return None
    return dataclasses.replace(first, end=second.end, text=text[first.start:second.end],
                               value=span_value(first.first_day, second.last_day), last_day=second.last_day)


def join_year_ranges(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """``expressions`` with each range of years ("from 2019 to 2021", "for 2026 through 2028",
    "between 2020 and 2022") joined into one DATE from the first day of its first year to the last
    of its last, valued as its first year (TIMEX3 has no value for a run of years)."""
    return join_pairs(text, expressions, _year_range)


_YEAR_VALUE = re.compile(r"^\d{4}$")


def _year_range(text: str, first: TimeExpression, second: TimeExpression) -> TimeExpression | None:
    if not (_YEAR_VALUE.match(first.value) and _YEAR_VALUE.match(second.value)) \
            or first.mod or second.mod or not int(first.value) < int(second.value) \
            or first.first_day is None or second.last_day is None or not _range_joined(text, first, second):
        return None  # ("in 2019 and 2021" are two years)
    return dataclasses.replace(first, end=second.end, text=text[first.start:second.end], last_day=second.last_day)


def span_value(first: dt.date, last: dt.date) -> str:
    """A TIMEX3 value for whole months ``first``..``last``: the quarter or half they are when they
    are one ("2025-Q3"), else their year when they fall in one, else the first month's."""
    if first.year == last.year and first.day == 1:
        months = (first.month, last.month)
        for number, (begin, end) in enumerate(((1, 3), (4, 6), (7, 9), (10, 12)), start=1):
            if months == (begin, end):
                return f"{first.year:04d}-Q{number}"
        if months in ((1, 6), (7, 12)):
            return f"{first.year:04d}-H{1 if months[0] == 1 else 2}"
        return f"{first.year:04d}"
    return f"{first.year:04d}-{first.month:02d}"
