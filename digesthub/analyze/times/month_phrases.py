"""Calendar phrases built on a month name: "the week of March 6", "April 24 and 25", "the September quarter"."""

from __future__ import annotations

import datetime as dt
import re

from digesthub.analyze.times.absolute import YEAR, YEAR_COMMA, day_value, month_number, month_ok, year_for_month
from digesthub.analyze.times.grammar import Context, Found, capitalized, rule
from digesthub.analyze.times.lexicon import MONTH_RE
from digesthub.analyze.times.resolve import iso_week


@rule("week_of", rf"\b(?=t)the\s+week\s+of\s+(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
      rf"(?:{YEAR_COMMA}(?P<year>{YEAR})\b)?")
def week_of(match: re.Match[str], context: Context) -> Found | None:
    """"the week of March 6": the calendar week holding that day."""
    if not month_ok(match, "month", context, bare=False):
        return None
    month = month_number(match["month"])
    year = int(match["year"]) if match["year"] else year_for_month(match, context, month)
    if year is None:
        return None
    try:
        return Found("DATE", iso_week(dt.date(year, month, int(match["day"]))))
    except ValueError:
        return None


@rule("second_day", rf"\b(?=[jfmasond])(?P<month>{MONTH_RE})\s+(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|or|to|through|-)\s*"
      rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:{YEAR_COMMA}(?P<year>{YEAR})\b)?(?=\s*(?:[,;:)]|\.(?!\d)|$))")
def second_day(match: re.Match[str], context: Context) -> Found | None:
    """The second day of "April 24 and 25", "May 3-5": a day of the same month (the first is tagged alone)."""
    if not month_ok(match, "month", context, bare=False) or int(match["day"]) <= int(match["first"]):
        return None
    month = month_number(match["month"])
    year = int(match["year"]) if match["year"] else year_for_month(match, context, month)
    value = day_value(year, month, int(match["day"]))
    return Found("DATE", value, start=match.start("day")) if value else None


@rule("month_quarter", rf"\b(?=[jfmasondt])(?:the\s+)?(?P<month>{MONTH_RE})[\s-]+quarter\b")
def month_quarter(match: re.Match[str], context: Context) -> Found | None:
    """"the September quarter": the quarter that ends in (or holds) that month, as earnings reports name it."""
    if not capitalized(match["month"]):
        return None
    month = month_number(match["month"])
    year = year_for_month(match, context, month)
    return Found("DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}" if year else f"XXXX-Q{(month - 1) // 3 + 1}")


RULES = [week_of, second_day, month_quarter]
