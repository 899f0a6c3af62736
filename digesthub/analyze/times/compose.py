"""Joining neighbouring expressions that name one moment: "9 a.m. Tuesday", "Friday, Oct. 23",
"noon Thursday"."""

from __future__ import annotations

import re

from digesthub.analyze.times.grammar import Found

Candidate = tuple[int, int, Found]

_DAY = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)$|^XXXX-WXX-\d$")
_CLOCK = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)(T\d{2}:\d{2})$")
_PART_OF_DAY = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)(T(?:MO|AF|EV|NI|DT|MI))$")
_MONTH = re.compile(r"^(?:\d{4}|XXXX)-(?:0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^\d{4}$")
_OF_GAP = re.compile(r"^\s+(?:of\s+)?$")
_GAP = re.compile(r"^(?:\s*,\s*|\s+(?:on\s+|of\s+)?)$")
_WEEKDAY_WORD = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)


def _join(text: str, first: Candidate, second: Candidate) -> Candidate | None:
    """One candidate for two neighbours, or None when they are two moments."""
    (start, _, left), (_, end, right) = first, second
    if clock := _CLOCK.match(left.value):
        if _DAY.match(right.value) and right.type == "DATE":
            return start, end, Found("TIME", right.value + clock[1])
    if clock := _CLOCK.match(right.value):
        if _DAY.match(left.value) and left.type == "DATE":
            return start, end, Found("TIME", left.value + clock[1])
    # "mid-afternoon yesterday", "this morning Friday": a part of day takes the day written after it.
    if (part := _PART_OF_DAY.match(left.value)) and _DAY.match(right.value) and right.type == "DATE":
        return start, end, Found("TIME", right.value + part[1], left.mod)
    # "January nineteen ninety-seven": a month and the year written apart.
    if _MONTH.match(left.value) and _YEAR.match(right.value) and _OF_GAP.match(text[first[1]:second[0]]):
        return start, end, Found("DATE", right.value + left.value[-3:])
    # "Friday, Oct. 23": the weekday only confirms the date written after it.
    if _WEEKDAY_WORD.match(text[first[0]:first[1]]) and _DAY.match(right.value) and left.type == "DATE":
        return start, end, right
    return None


def compose(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` (sorted, non-overlapping) with adjacent parts of one moment joined."""
    joined: list[Candidate] = []
    for candidate in candidates:
        if joined and _GAP.match(text[joined[-1][1]:candidate[0]]):
            merged = _join(text, joined[-1], candidate)
            if merged is not None:
                joined[-1] = merged
                continue
        joined.append(candidate)
    return joined
