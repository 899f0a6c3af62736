"""Publication dates from metadata strings ("2024-12-31", "Dec 31, 2024 10:00 EST")."""

from __future__ import annotations

import datetime as dt
import re

from digesthub.errors import Errors, InputError

_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y.%m.%d"]
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Publication years a digest can anchor on: relative dates ("next year", "in two weeks") are
# resolved from this date, and near year 1 or 9999 that arithmetic overflows.
_YEARS = range(1000, 9001)


def parse_date(text: str) -> dt.date | None:
    """The calendar date in a metadata string, or None when there is none (or it is out of range)."""
    date = _parse_date(text)
    return date if date is not None and date.year in _YEARS else None


def _parse_date(text: str) -> dt.date | None:
    if match := _ISO.search(text):
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    cleaned = re.sub(r"[,|]", " ", cleaned)
    tokens = cleaned.split()
    for size in (3, 4):
        for start in range(0, max(1, len(tokens) - size + 1)):
            candidate = " ".join(tokens[start:start + size]).rstrip(".")
            for fmt in _FORMATS:
                try:
                    return dt.datetime.strptime(candidate, fmt).date()
                except ValueError:
                    continue
    return None


def coerce_date(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    """A user-given date (--published): date objects pass, strings must parse."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed = parse_date(str(value))
    if parsed is None:
        raise InputError(Errors.E012, value=value)
    return parsed
