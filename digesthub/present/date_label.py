"""An absolute label for a normalized date: "2010-01-12" -> "12 January 2010".

Merged timelines gather reports that worded one date differently ("Tuesday",
"12 January", "last month"); the article's own wording means nothing out of
its article, so an entry is headed by a label made from the TIMEX3 value.
"""

from __future__ import annotations

import calendar
import re

_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
_HALVES = {"H1": "First half of", "H2": "Second half of"}
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_MODS = {"START": "Early", "MID": "Mid", "END": "Late"}


def date_label(value: str, mod: str | None = None) -> str | None:
    """A reader's label for a TIMEX3 date value, or None when the value is not a calendar date."""
    label = _base_label(value)
    if label is None:
        return None
    prefix = _MODS.get(mod or "")
    if not prefix:
        return label
    label = label.removeprefix("The ")  # "Early 1990s", not "Early the 1990s"
    common_noun = label.split()[0] in (*_SEASONS.values(), "First", "Second", "Week", "Weekend", "Fiscal", "The")
    return f"{prefix} {label[0].lower() + label[1:] if common_noun else label}"


def _base_label(value: str) -> str | None:
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\w+))?", value):
        day = f"{int(match[3])} {calendar.month_name[int(match[2])]} {match[1]}"
        part = _PARTS_OF_DAY.get(match[4] or "")
        return f"{day} ({part})" if part else day
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{calendar.month_name[int(match[2])]} {match[1]}" if 1 <= int(match[2]) <= 12 else None
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{_SEASONS[match[2]]} {match[1]}"
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"Q{match[2]} {match[1]}"
    if match := re.fullmatch(r"(\d{4})-(H[12])", value):
        return f"{_HALVES[match[2]]} {match[1]}"
    if match := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        return f"{'Weekend of week' if match[3] else 'Week'} {int(match[2])} of {match[1]}"
    if match := re.fullmatch(r"FY(\d{4})", value):
        return f"Fiscal year {match[1]}"
    if re.fullmatch(r"\d{4}", value):
        return value
    if re.fullmatch(r"\d{3}", value):
        return f"The {value}0s"
    return None
