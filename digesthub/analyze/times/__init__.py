"""The temporal tagger: finds time expressions and normalizes them as TimeML TIMEX3.

``tag_times(text, anchor)`` runs every rule of the grammar (absolute dates,
anchored relative expressions, durations and sets), keeps the longest
non-overlapping candidates, then widens calendar expressions over a fuzzy
position in front of them ("late 2022", "the end of the year", "mid-December",
"earlier this month"). Anaphoric expressions ("that year", "the following
day", "the previous quarter") are resolved against the reference time, the
last calendar value written before them, and a clock time without a day takes
the day named in its sentence (:mod:`digesthub.analyze.times.anaphora`).
``first_day``/``last_day`` follow the conventions of
:mod:`digesthub.analyze.times.normalize`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from digesthub.analyze.times import absolute, amounts, anaphora, holidays, markables, month_phrases, relative
from digesthub.analyze.times.compose import compose
from digesthub.analyze.times.grammar import Context, Found, Rule
from digesthub.analyze.times.lexicon import POSITIONS, SEASON_RE, SEASONS
from digesthub.analyze.times.normalize import calendar_span
from digesthub.analyze.times.ranges import harmonize_month_ranges
from digesthub.types import TimeExpression

__all__ = ["tag_times", "normalize_time", "calendar_span"]

# Anaphora first: on a tie of length the earlier rule wins ("the following year").
RULES: list[Rule] = [*anaphora.RULES, *month_phrases.RULES, *absolute.RULES, *relative.RULES, *markables.RULES, *amounts.RULES, *holidays.RULES]

# A fuzzy position written before a calendar expression; group "pos" holds the word.
_POSITION_BEFORE = re.compile(
    r"(?:\b(?:the|this)\s+)?(?:(?<!-)\b(?P<pos>early|mid|late|earlier|later)[\s-]+|"
    r"(?:the\s+)?(?P<pos2>end|beginning|start|middle|close|turn|dawn)\s+of\s+)$", re.I)
_HALF_BEFORE = re.compile(r"(?:\bthe\s+)?(?P<ord>first|second|last|latter)\s+half\s+of\s+$", re.I)
_SEASON_BEFORE = re.compile(rf"(?:\bthe\s+)?\b(?P<season>{SEASON_RE})\s+(?:of\s+)?$", re.I)
_CALENDAR = re.compile(r"^(?:\d{2,4}|\d{4}-(?:\d{2}|Q\d|H\d|SP|SU|FA|WI|W\d{2})|FY\d{4})$")
# A modifier of the day ("early Tuesday"); "Earlier Sunday" is an adverb of the clause, outside TimeML's extent.
_DAY_POSITION_BEFORE = re.compile(r"\b(?P<pos>early|late)\s+$", re.I)
_WEEKDAY_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PROPER_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9]*")  # "Q3", "H1", "FY25" are one word each
_ALWAYS_CAPITAL = re.compile(r"^(?:(?-i:[A-Z]{2,})|" + "|".join(
    [r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*", r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?", "christmas", "easter", "eve", "halloween",
     "thanksgiving", "new", "year", "years", "day", "labor", "memorial", "election", "independence", "valentine", r"[qh]\d*", r"fy(?:\d\d){0,2}", "fiscal", "the", "of"]) + ")$", re.I)
_OPENING = re.compile(r"(?:\A|[.!?:;\n])[\s\"'`(\[]*\Z")
_STRIP = re.compile(r"[\s,.;:]+$")


def _candidates(context: Context) -> list[tuple[int, int, Found]]:
    found: list[tuple[int, int, Found]] = []
    for candidate_rule in RULES:
        for match in candidate_rule.matches(context.text):
            result = candidate_rule.handler(match, context)
            if result is None:
                continue
            start = match.start() if result.start is None else result.start
            end = match.end() if result.end is None else result.end
            found.append((start, end, result))
    return found


def _select(found: list[tuple[int, int, Found]]) -> list[tuple[int, int, Found]]:
    """Longest candidates first; a candidate overlapping a kept one is dropped."""
    kept: list[tuple[int, int, Found]] = []
    starts: list[int] = []  # kept spans never overlap, so sorted by start they are sorted by end too
    ends: list[int] = []
    for start, end, result in sorted(found, key=lambda item: (item[0] - item[1], item[0])):
        index = bisect.bisect_left(starts, end)  # kept spans before ``index`` start before this one ends
        if index and ends[index - 1] > start:
            continue
        kept.append((start, end, result))
        starts.insert(index, start)
        ends.insert(index, end)
    return sorted(kept, key=lambda item: item[0])


def _widen(text: str, start: int, result: Found) -> tuple[int, Found]:
    """Take in a fuzzy position ("late", "the end of") or a half ("the first half of") before a calendar value."""
    if result.mod is None and _WEEKDAY_DAY.match(result.value) and text[start:start + 1].isupper():
        if day_position := _DAY_POSITION_BEFORE.search(text[max(0, start - 10):start]):
            return start - len(day_position[0]), Found(result.type, result.value, POSITIONS[day_position["pos"].lower()])
    if result.mod is not None or not _CALENDAR.match(result.value):
        return start, result
    before = text[max(0, start - 30):start]
    if re.fullmatch(r"\d{4}", result.value) and (season := _SEASON_BEFORE.search(before)):
        # "the winter of nineteen ninety-four": a season of a year written in words
        return start - len(season[0]), Found("DATE", f"{result.value}-{SEASONS[season['season'].lower()]}")
    if (half := _HALF_BEFORE.search(before)) and re.fullmatch(r"\d{4}", result.value):
        number = 1 if half["ord"].lower() == "first" else 2
        return start - len(half[0]), Found("DATE", f"{result.value}-H{number}")
    if position := _POSITION_BEFORE.search(before):
        word = (position["pos"] or position["pos2"]).lower()
        mod = "START" if word == "turn" else POSITIONS.get(word, "MID")
        if word in ("earlier", "later") and ("-W" in result.value or len(result.value) > 7):
            # "earlier this week", "later today": before or after now, not a part of a short period.
            return start, result
        return start - len(position[0]), Found(result.type, result.value, mod)
    return start, result


_PART_OF_THE_YEAR = re.compile(r"^(?P<year>\d{4})(?P<part>-(?:H[12]|Q[1-4]))?$")


def _past_part_of_the_year(context: Context, start: int, end: int, result: Found) -> Found:
    """"had 10 million users by the end of the year", written in January: a part of "the year" that
    has not begun at the anchor, in a sentence in the past tense, is last year's (as a bare month
    is: "in December" in a January article)."""
    anchor = context.anchor
    part = _PART_OF_THE_YEAR.match(result.value)
    if anchor is None or part is None or int(part["year"]) != anchor.year \
            or not re.search(r"\bthe\s+year\b", context.text[start:end], re.I):
        return result
    span = calendar_span(result.value, result.mod)
    if span is None or span[0] <= anchor or context.tense(start, end) != "PAST":
        return result
    return Found(result.type, f"{anchor.year - 1:04d}{part['part'] or ''}", result.mod, result.start, result.end)


_EARLIER_OR_LATER_THIS = re.compile(r"^(?P<word>earlier|later)\s+(?:in\s+)?this\s+", re.I)


def _before_or_after_now(surface: str, value: str, anchor: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """"earlier this year" in a December article runs from January to the anchor, not through April
    (TimeML's START): it is the part of the period before now; "later this year" the part after."""
    match = _EARLIER_OR_LATER_THIS.match(surface)
    whole = calendar_span(value, None) if match and anchor is not None else None
    if whole is None or anchor is None or not whole[0] <= anchor <= whole[1]:
        return None
    if match is not None and match["word"].lower() == "earlier":
        return whole[0], max(whole[0], anchor - dt.timedelta(days=1))
    return min(whole[1], anchor + dt.timedelta(days=1)), whole[1]


def _in_a_name(text: str, start: int, surface: str) -> bool:
    """True for a common time word written capitalized inside a sentence: "VOA Today", "High Noon", "This Week"."""
    words = _PROPER_WORDS.findall(surface)
    if not words or not all(word[0].isupper() for word in words):
        return False
    if all(_ALWAYS_CAPITAL.match(word) for word in words):
        return False  # months, weekdays, holidays and codes are capitalized anywhere
    return not _OPENING.search(text, max(0, start - 12), start)


def tag_times(text: str, anchor: dt.date | None = None) -> list[TimeExpression]:
    """Time expressions of ``text``, sorted by start, normalized against ``anchor`` (the publication date).

    Without an anchor, relative expressions get unanchored values (``XXXX-12``,
    ``PAST_REF``) and no calendar span.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    context = Context(text, anchor)
    expressions: list[TimeExpression] = []
    values: list[str] = []  # the values of ``expressions``, kept alongside for the reference lookup
    for start, end, result in compose(text, _select(_candidates(context))):
        start, result = _widen(text, start, result)
        value = anaphora.same_period(expressions, anchor) if result.value == anaphora.SAME_PERIOD \
            else anaphora.same_period(expressions, anchor, 1) if result.value == anaphora.SAME_PERIOD_YEAR_BEFORE \
            else anaphora.resolve_reference(result.value, values, anchor)
        if value is None:
            continue
        result = _past_part_of_the_year(context, start, end, Found(result.type, value, result.mod))
        span = calendar_span(result.value, result.mod) if result.type in ("DATE", "TIME") else None
        span = _before_or_after_now(text[start:end], result.value, anchor) or span
        surface = _STRIP.sub("", text[start:end]) if text[start:end].endswith(",") else text[start:end]
        if _in_a_name(text, start, surface):
            continue
        while expressions and expressions[-1].end > start:
            expressions.pop()  # widened over an expression of its own ("the first half" of "the year")
            values.pop()
        values.append(result.value)
        expressions.append(TimeExpression(
            start, start + len(surface), surface, result.type, result.value, result.mod,  # type: ignore[arg-type]
            span[0] if span else None, span[1] if span else None))
    return harmonize_month_ranges(text, anaphora.date_clocks(expressions, text, anchor), anchor)


def normalize_time(text: str, anchor: dt.date | None = None) -> TimeExpression | None:
    """Parse a whole short string ("Late 2022", "2024-12", "December 2024") as one expression.

    None when the string is not one time expression from end to end (leading
    prepositions and trailing punctuation aside).
    """
    stripped = text.strip().rstrip(".,;:")
    stripped = re.sub(r"^(?:in|on|at|by|since|during|from|until)\s+", "", stripped, flags=re.I)
    if not stripped:
        return None
    found = tag_times(stripped, anchor)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(stripped):
        # A lone lower-case month or weekday (an LLM's "december 2024") still counts.
        capitalized = " ".join(word[:1].upper() + word[1:] for word in stripped.split())
        found = tag_times(capitalized, anchor) if capitalized != stripped else []
        if len(found) != 1 or found[0].start != 0 or found[0].end != len(capitalized):
            return None
    expression = found[0]
    return TimeExpression(0, len(expression.text), stripped, expression.type, expression.value, expression.mod,
                          expression.first_day, expression.last_day)
