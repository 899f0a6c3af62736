"""Anaphoric expressions resolved against the reference time, as TimeML prescribes.

"that year", "later that day", "the same month", "the following year", "the
previous day" do not point at the publication date but at the time the text
last spoke of (TimeML's reference time): the nearest earlier expression with
a written calendar value. Rules here emit a placeholder value
(``REF:<unit>:<shift>``) that :func:`resolve_references` replaces once all
expressions of the text are known. Without an earlier calendar expression,
"the following year" falls back to the anchor; "that year" stays untagged.
"""

from __future__ import annotations

import datetime as dt
import re

from digesthub.analyze.times.grammar import Context, Found, rule
from digesthub.analyze.times.lexicon import WEEKDAY_RE, WEEKDAYS
from digesthub.analyze.times.resolve import iso_week, last_quarter, sentence_bounds, shift_months
from digesthub.types import TimeExpression

# REF:<unit>:<shift>[:same|:anchor]; "same" may name a part of a coarser reference ("1998-10-XX"),
# "anchor" falls back to the anchor day when the text has no reference yet.
_PLACEHOLDER = re.compile(r"^REF:(?P<unit>day|week|month|quarter|year|wd[0-6]):(?P<shift>-?\d{1,3})(?::(?P<flag>same|anchor))?$")
# "over / within / in the next year" is a stretch of time; "opened a shop the next year" a date.
_SPAN_BEFORE = re.compile(r"\b(?:over|during|within|in|for|throughout|into|through|of|inside)\s+$", re.I)
_SAME_LOOKBACK = 3  # values back that "the same month/day" may reach past a coarser one
_SHIFT_WORDS = {"that": 0, "same": 0, "following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}
_YEAR_OF = re.compile(r"^(\d{4})")
_MONTH_OF = re.compile(r"^(\d{4})-(\d{2})(?!\d)")
_DAY_OF = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@rule("anaphoric", r"\b(?=[elt])(?:(?P<pos>earlier|later)\s+(?:in\s+)?)?(?:(?P<that>that)(?:\s+(?P<same>same))?|"
      r"the\s+(?P<rel>same|following|next|previous|preceding|prior))\s+(?P<unit>day|week|month|quarter|year)\b(?![-'])|"
      r"(?:(?<=later\sin\s)|(?<=earlier\sin\s))(?P<the>the)\s+(?P<dayunit>day)\b(?![-'])")
def anaphoric(match: re.Match[str], context: Context) -> Found | None:
    """A placeholder for an expression that points at the reference time."""
    if match["the"]:
        return Found("DATE", "REF:day:0:anchor")  # "later in the day": the day the text speaks of
    word = "that" if match["that"] else match["rel"].lower()
    unit = match["unit"].lower()
    after = context.after(match.end(), 14).lower()
    if word == "that" and re.match(r"\s+(?:when|in\s+which|which|of)\b", after):
        return None  # "that day when ...": a restrictive clause, not a reference
    if word == "next" and unit != "day" and _SPAN_BEFORE.search(context.before(match.start(), 20)):
        return None  # "over the next year": an amount of time ahead (a duration rule finds it)
    flag = ":same" if match["same"] or word == "same" else ""
    return Found("DATE", f"REF:{unit}:{_SHIFT_WORDS[word]}{flag}")


@rule("unit_before", r"\b(?=t)the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|earlier|after|later)\b"
      r"(?=\s*(?:[,.;:)]|$))")
def unit_before(match: re.Match[str], context: Context) -> Found | None:
    """"the year before.", "the day after,": one unit before or after the reference time."""
    shift = -1 if match["dir"].lower() in ("before", "earlier") else 1
    return Found("DATE", f"REF:{match['unit'].lower()}:{shift}")


@rule("anaphoric_weekday", rf"\b(?=t)the\s+(?P<rel>previous|preceding|prior|following|next)\s+(?P<wd>{WEEKDAY_RE})\b(?![-'])")
def anaphoric_weekday(match: re.Match[str], context: Context) -> Found | None:
    """"the previous Friday": the Friday before the day the text last spoke of (TimeML reference time)."""
    if not match["wd"][0].isupper():
        return None
    shift = 1 if match["rel"].lower() in ("following", "next") else -1
    return Found("DATE", f"REF:wd{WEEKDAYS[match['wd'].lower()]}:{shift}:anchor")


def _weekday_from(day: dt.date, weekday: int, shift: int) -> dt.date:
    """The nearest ``weekday`` strictly before (shift -1) or after (shift 1) ``day``."""
    if shift < 0:
        return day - dt.timedelta(days=(day.weekday() - weekday - 1) % 7 + 1)
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


_QUARTER_OF = re.compile(r"^(\d{4})-(?:Q([1-4])|(\d{2}))")


def _quarter(reference: str, shift: int) -> str | None:
    """The quarter of ``reference`` (a quarter, month or day value) moved by ``shift`` quarters."""
    match = _QUARTER_OF.match(reference)
    if match is None:
        return None
    number = int(match[2]) if match[2] else (int(match[3]) - 1) // 3 + 1
    index = int(match[1]) * 4 + number - 1 + shift
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def _shifted(reference: str, unit: str, shift: int) -> str | None:
    """``reference`` (a TIMEX3 value) at the granularity of ``unit``, moved by ``shift`` units."""
    if unit == "quarter":
        return _quarter(reference, shift)
    if unit == "year" and (match := _YEAR_OF.match(reference)):
        return f"{int(match[1]) + shift:04d}"
    if unit == "month" and (match := _MONTH_OF.match(reference)):
        year, month = shift_months(int(match[1]), int(match[2]), shift)
        return f"{year:04d}-{month:02d}"
    if (unit in ("day", "week") or unit.startswith("wd")) and (match := _DAY_OF.match(reference)):
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
        if unit.startswith("wd"):
            return _weekday_from(day, int(unit[2]), shift).isoformat()
        if unit == "week":
            return iso_week(day + dt.timedelta(weeks=shift))
        return (day + dt.timedelta(days=shift)).isoformat()
    return None


def _unspecified(reference: str, unit: str) -> str | None:
    """``reference`` padded with X to the granularity of ``unit``: "1998-10" -> "1998-10-XX"."""
    if match := _MONTH_OF.match(reference):
        return f"{match[1]}-{match[2]}-XX" if unit == "day" else f"{match[1]}-{match[2]}"
    if match := re.match(r"^(\d{4})$", reference):
        return f"{match[1]}-XX-XX" if unit == "day" else f"{match[1]}-XX"
    return None


def _fallback(anchor: dt.date | None, unit: str, shift: int) -> str | None:
    """Value without a reference time: "the following year" counts from the anchor, "that year" is unknown.

    A quarter counts from the last completed quarter, the one news reports on.
    """
    if anchor is not None and unit == "quarter":
        year, number = last_quarter(anchor)
        return _quarter(f"{year:04d}-Q{number}", shift)
    if anchor is None or shift == 0:
        return None
    return _shifted(anchor.isoformat(), unit, shift)


SAME_PERIOD = "REF:period"
SAME_PERIOD_YEAR_BEFORE = "REF:period:-1Y"  # "the same period a year earlier": that period, one year back
_PERIOD_VALUE = re.compile(r"^\d{4}(?:-(?:Q[1-4]|H[12]|0[1-9]|1[0-2]))?$")
# "from $3.5 million a year earlier": the comparison's baseline, not the period the text reports on
_BASELINE_WORDS = re.compile(r"\b(?:earlier|ago|before|previous|prior|year-ago|year-earlier)\b", re.I)


def same_period(expressions: list[TimeExpression], anchor: dt.date | None, years_back: int = 0) -> str:
    """"over the same period": the last year, half, quarter or month the text reported on
    ("Revenue rose to X in 2024 from Y a year earlier. Its loss widened over the same period":
    2024); without one, the last quarter reported, as earnings prose means it. ``years_back``:
    that period so many years earlier ("in the same period a year earlier")."""
    for expression in reversed(expressions):
        if expression.type == "DATE" and _PERIOD_VALUE.match(expression.value) \
                and not _BASELINE_WORDS.search(expression.text):
            year = int(expression.value[:4]) - years_back
            return f"{year:04d}{expression.value[4:]}"
    if anchor is None:
        return "XXXX-QX"
    year, quarter = last_quarter(anchor)
    return f"{year - years_back:04d}-Q{quarter}"


def resolve_reference(value: str, previous: list[str], anchor: dt.date | None) -> str | None:
    """The value of placeholder ``value`` given the values written before it (nearest last).

    Returns ``value`` itself when it is not a placeholder, None when it cannot be resolved.
    """
    match = _PLACEHOLDER.match(value)
    if match is None:
        return value
    unit, shift = match["unit"], int(match["shift"])
    if match["flag"] == "same" and unit == "month":
        # "in the same month" after "in September ... next year": a bare year between is no
        # reference for a month; the last value naming a month is
        for earlier in list(reversed(previous))[:_SAME_LOOKBACK]:
            if re.fullmatch(r"\d{4}", earlier):
                continue
            if not earlier.startswith("REF:") and (resolved := _shifted(earlier, unit, 0)) is not None:
                return resolved
            break
    for earlier in reversed(previous):
        if earlier.startswith("REF:") or not _YEAR_OF.match(earlier) or unit == "quarter" and len(earlier) == 4:
            continue  # a bare year says nothing of which quarter
        if (resolved := _shifted(earlier, unit, shift)) is not None:
            return resolved
        if unit in ("day", "month") and match["flag"] == "same":
            # "that same day" after "in October 1998": a day of that month, left unspecified as TimeML writes it
            return _unspecified(earlier, unit)
        if unit in ("day", "week", "month") or unit.startswith("wd"):
            return None  # the reference is coarser than the unit ("1998" then "the next day")
    if match["flag"] == "anchor" and anchor is not None:
        return _shifted(anchor.isoformat(), unit, shift) if unit.startswith("wd") else anchor.isoformat()
    return _fallback(anchor, unit, shift)


_OPEN_CLOCK = "XXXX-XX-XXT"
_PART_ONLY = re.compile(r"^XXXX-XX-XXT[A-Z]{2}$")
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?=$|T)")


def clock_day(expressions: list[TimeExpression], index: int, text: str, anchor: dt.date | None) -> str | None:
    """The day of a clock time written without one ("at 10:35 a.m. ... Friday").

    TimeML reads the day from the sentence: the nearest expression naming a
    single day (or a time on a known day) in the same sentence, else the anchor. None when neither exists.
    """
    clock = expressions[index]
    left, right = sentence_bounds(text, clock.start, clock.end)
    days = [e for e in expressions if left <= e.start and e.end <= right and _FULL_DAY.match(e.value)]
    if days:
        return min(days, key=lambda e: min(abs(e.start - clock.end), abs(clock.start - e.end))).value[:10]
    if _PART_ONLY.match(clock.value):
        # "in the morning" with no day in its sentence: the day the text last spoke of (the reference time)
        earlier = [e for e in expressions[:index] if _FULL_DAY.match(e.value)]
        if earlier:
            return earlier[-1].value[:10]
    return anchor.isoformat() if anchor else None


def date_clocks(expressions: list[TimeExpression], text: str, anchor: dt.date | None) -> list[TimeExpression]:
    """``expressions`` with the open day of clock times filled in (see :func:`clock_day`)."""
    filled: list[TimeExpression] = []
    for index, expression in enumerate(expressions):
        if expression.value.startswith(_OPEN_CLOCK) and (day := clock_day(expressions, index, text, anchor)):
            value = day + expression.value[len(_OPEN_CLOCK) - 1:]
            first = dt.date.fromisoformat(day)
            expression = TimeExpression(expression.start, expression.end, expression.text, expression.type,
                                        value, expression.mod, first, first)
        filled.append(expression)
    return filled


RULES = [anaphoric, anaphoric_weekday, unit_before]
