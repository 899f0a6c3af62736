"""The period a year-earlier comparison figure covers.

"a net profit of 2.3 billion yuan in the first half, compared with a net loss of 5.1 billion yuan a
year earlier": TimeML values "a year earlier" as the year before the publication date (2024), but the
baseline figure covers the same period one year back (2024-H1).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from digesthub.types import TimeExpression

_YEAR_BACK = re.compile(r"\b(?:a\s+year\s+(?:earlier|ago|before)|year-(?:ago|earlier)|the\s+previous\s+year|"
                        r"last\s+year)\b", re.I)
_PART_OF_YEAR = re.compile(r"^(?P<year>\d{4})-(?P<part>H[12]|Q[1-4]|\d\d)$")


def _year_before(day: dt.date | None) -> dt.date | None:
    if day is None:
        return None
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year - 1)


def baseline_period(date: TimeExpression | None, reported: TimeExpression | None) -> TimeExpression | None:
    """``date`` itself, or -- when it says "a year earlier" and the sentence reported a part of a year
    (a half, a quarter, a month) -- that part one year back."""
    if date is None or reported is None or not _YEAR_BACK.search(date.text):
        return date
    part = _PART_OF_YEAR.match(reported.value)
    if part is None or date.value != str(int(part["year"]) - 1):
        return date
    return dataclasses.replace(date, value=f"{date.value}-{part['part']}", mod=None,
                               first_day=_year_before(reported.first_day), last_day=_year_before(reported.last_day))


def reported_period(date: TimeExpression | None) -> bool:
    """Whether a figure's date names a part of a year the article reports on (not a comparison)."""
    return date is not None and not _YEAR_BACK.search(date.text) and bool(_PART_OF_YEAR.match(date.value))
