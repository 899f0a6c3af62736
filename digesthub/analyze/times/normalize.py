"""Calendar spans of TIMEX3 values: ``first_day`` and ``last_day``.

Convention for fuzzy positions (mod START / MID / END): a period is cut in
thirds. A year: early = January-April, mid = May-August, late =
September-December. A month: early = days 1-10, mid = 11-20, late = 21-end.
A decade: early = years 0-3, mid = 4-6, late = 7-9. A quarter or half or
season keeps its whole span under a mod. Fiscal years (``FY2025``) are given
the calendar year, since the fiscal calendar of the organisation is unknown.
Values with no calendar span (durations, sets, ``PAST_REF``, ``XXXX-12``) get
None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

Span = tuple[dt.date, dt.date]

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")


def _months(year: int, first: int, last: int) -> Span:
    """First day of month ``first`` to last day of month ``last`` (``last`` may pass 12)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, first, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _year_span(year: int, mod: str | None) -> Span:
    thirds = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}
    first, last = thirds.get(mod or "", (1, 12))
    return _months(year, first, last)


def _month_span(year: int, month: int, mod: str | None) -> Span:
    length = calendar.monthrange(year, month)[1]
    thirds = {"START": (1, 10), "MID": (11, 20), "END": (21, length)}
    first, last = thirds.get(mod or "", (1, length))
    return dt.date(year, month, first), dt.date(year, month, last)


def _part_span(year: int, part: str) -> Span:
    if part[0] == "Q":
        quarter = int(part[1])
        return _months(year, quarter * 3 - 2, quarter * 3)
    if part[0] == "H":
        half = int(part[1])
        return _months(year, half * 6 - 5, half * 6)
    first, last = _SEASON_MONTHS[part]
    return _months(year, first, last)


def _week_span(year: int, week: int, weekend: bool) -> Span:
    monday = dt.date.fromisocalendar(year, week, 1)
    if weekend:
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    return monday, monday + dt.timedelta(days=6)


def _decade_span(value: str, mod: str | None) -> Span:
    start = int(value) * 10
    thirds = {"START": (0, 3), "MID": (4, 6), "END": (7, 9)}
    first, last = thirds.get(mod or "", (0, 9))
    return dt.date(start + first, 1, 1), dt.date(start + last, 12, 31)


def calendar_span(value: str, mod: str | None = None) -> Span | None:
    """The first and last day covered by TIMEX3 ``value`` under ``mod``; None when it has no span."""
    try:
        if match := _DAY.match(value):
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
            return day, day
        if match := _MONTH.match(value):
            return _month_span(int(match[1]), int(match[2]), mod)
        if match := _PART.match(value):
            return _part_span(int(match[1]), match[2])
        if match := _WEEK.match(value):
            return _week_span(int(match[1]), int(match[2]), bool(match[3]))
        if re.fullmatch(r"(?:FY)?\d{4}", value):
            return _year_span(int(value.removeprefix("FY")), mod)
        if re.fullmatch(r"\d{3}", value):
            return _decade_span(value, mod)
        if re.fullmatch(r"\d{2}", value):
            century = int(value) * 100
            return dt.date(max(century, 1), 1, 1), dt.date(century + 99, 12, 31)
    except ValueError:
        return None  # an impossible date such as 2023-02-30 has no span
    return None
