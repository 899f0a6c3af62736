"""Holidays with a rule-given date: Christmas, New Year's Day, Thanksgiving, Easter, ...

The year comes from a written year ("Christmas 2024") or, like a bare month,
from the anchor and the tense.
"""

from __future__ import annotations

import datetime as dt
import re

from digesthub.analyze.times.grammar import Context, Found, rule
from digesthub.analyze.times.resolve import month_year


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ``weekday`` (0 = Monday) of a month; ``nth`` = -1 for the last one."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


_HOLIDAYS = {
    "christmas eve": lambda y: dt.date(y, 12, 24), "christmas": lambda y: dt.date(y, 12, 25),
    "new year's eve": lambda y: dt.date(y, 12, 31), "new year's day": lambda y: dt.date(y, 1, 1),
    "independence day": lambda y: dt.date(y, 7, 4), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1), "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1), "easter": easter,
}


@rule("holiday", r"\b(?:(?P<rel>last|this|next)\s+)?(?P<name>Christmas(?:\s+Eve)?|New\s+Year's\s+(?:Day|Eve)|"
      r"Independence\s+Day|Halloween|Valentine's\s+Day|Thanksgiving|Labor\s+Day|Memorial\s+Day|Election\s+Day|"
      r"Easter)\b(?:\s+(?:Day|Sunday)\b|\s+(?P<week>week)\b)?(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")
def holiday(match: re.Match[str], context: Context) -> Found | None:
    if not match["name"][0].isupper():
        return None
    name = re.sub(r"\s+", " ", match["name"].lower())
    date_of = _HOLIDAYS[name]
    if match["year"]:
        year = int(match["year"])
    elif context.anchor is None:
        return Found("DATE", "XXXX-" + date_of(2001).strftime("%m-%d"))
    else:
        month = date_of(context.anchor.year).month
        relation = match["rel"].lower() if match["rel"] else None
        year = month_year(context.anchor, month, context.tense(match.start(), match.end()), relation)
    if match["week"]:  # "Easter week", "Christmas week"
        iso_year, week, _ = date_of(year).isocalendar()
        return Found("DATE", f"{iso_year:04d}-W{week:02d}")
    return Found("DATE", date_of(year).isoformat())


RULES = [holiday]
