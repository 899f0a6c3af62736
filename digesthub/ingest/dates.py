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
    cleaned = re.sub(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?:t)?\.", r"\1", cleaned)  # "Nov. 4", "Sept. 30"
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


# What a line holding only a date may hold besides the date: weekday, time, zone ("Wednesday,
# November 4, 2026 10:31 AM ET").
_DATE_LINE_WORD = re.compile(
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|am|pm|a\.m\.|p\.m\.)\.?|[A-Z]{2,5}|"
    r"\d{1,4}(?:st|nd|rd|th)?|\d{1,2}:\d{2}(?::\d{2})?|[,./|:-]")


def is_date_line(line: str) -> bool:
    """A line that is a date and nothing else: a page's publication date under its headline."""
    words = line.split()
    if not 1 <= len(words) <= 10 or parse_date(line) is None:
        return False
    return not _DATE_LINE_WORD.sub("", line).strip(" \t,.|-")
