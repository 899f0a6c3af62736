"""Rules for expressions anchored on the document date: today, last week, Friday, this summer, two years ago."""

from __future__ import annotations

import datetime as dt
import re

from digesthub.analyze.times.grammar import Context, Found, capitalized, rule
from digesthub.analyze.times.lexicon import (MONTH_RE, MONTHS, NUMBER_RE, PART_OF_DAY_RE, PARTS_OF_DAY, QUALIFIER_RE,
                                             QUALIFIERS, SEASON_RE, SEASONS, UNIT_RE, WEEKDAY_RE, WEEKDAYS, number_value)
from digesthub.analyze.times.resolve import (iso_week, last_quarter, month_year, sentence_bounds, shift_months,
                                             weekday_date)

_REFS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the present": "PRESENT_REF", "recently": "PAST_REF",
    "lately": "PAST_REF", "previously": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
}
# "today's world": a generic present, not the day (news TimeML leaves it untagged).
_GENERIC_AFTER = re.compile(r"['’]s\s+(?:world|youth|society|generation|children|kids|young|culture|economy)\b", re.I)
_DAY_SHIFT = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


# "soon", "previously", "shortly" are left out: news annotators rarely count them as time expressions.
@rule("reference", r"\b(?:now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment|"
      r"recently|lately|(?:in\s+)?the\s+past|the\s+(?:near\s+|distant\s+)?future|(?<=in\s)future)\b(?![-']\w)")
def reference(match: re.Match[str], context: Context) -> Found | None:
    words = " ".join(match[0].lower().split())
    start = match.start()
    if words.startswith("in the past"):
        words, start = "the past", match.start() + 3
    after = context.after(match.end(), 30).lower()
    if words == "the past" and re.match(r"\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|centur|quarters?|hours?|"
                                             r"spring|summer|fall|autumn|winter)", after):
        return None  # "the past three years" is a duration, found by another rule
    return Found("DATE", _REFS[words], start=start)


# "in the near term": the future; "short-term debt", "the short term rate" are not times.
@rule("term", r"\bthe\s+(?:near|short|long)\s+term(?=\s*[,.;:!?)\"']|\s+(?:and|but|or|as|to|because|while|when|if)\b)",
      needs=(r"\bterm\b", 20, 2))
def term(match: re.Match[str], context: Context) -> Found | None:
    return Found("DATE", "FUTURE_REF")


@rule("day_word", rf"\b(?:(?P<pos>early|late|earlier|later)\s+)?(?P<day>today|yesterday|tomorrow|tonight)"
      rf"(?:\s+(?P<part>{PART_OF_DAY_RE}))?\b")
def day_word(match: re.Match[str], context: Context) -> Found | None:
    word = match["day"].lower()
    if _GENERIC_AFTER.match(context.after(match.end(), 20)):
        return None  # "today's youth": the present age in general, not the day
    part = PARTS_OF_DAY.get((match["part"] or "").lower())
    if word == "tonight":
        part = "NI"
    if context.anchor is None:
        return Found("DATE", "PRESENT_REF" if _DAY_SHIFT[word] == 0 else ("PAST_REF" if _DAY_SHIFT[word] < 0 else "FUTURE_REF"))
    day = (context.anchor + dt.timedelta(days=_DAY_SHIFT[word])).isoformat()
    return Found("TIME", f"{day}T{part}") if part else Found("DATE", day)


@rule("part_of_day", rf"\b(?:(?P<rel>this|last|yesterday|tomorrow)\s+|(?P<mid>mid)[\s-]?)(?P<part>{PART_OF_DAY_RE})\b")
def part_of_day(match: re.Match[str], context: Context) -> Found | None:
    rel = (match["rel"] or "this").lower()
    shift = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    part = PARTS_OF_DAY[match["part"].lower()]
    if context.anchor is None:
        return Found("TIME", f"XXXX-XX-XXT{part}")
    return Found("TIME", f"{(context.anchor + dt.timedelta(days=shift)).isoformat()}T{part}")


@rule("weekday", rf"\b(?:(?P<rel>last|next|this(?:\s+(?:coming|past))?|the\s+following|the\s+previous)\s+)?"
      rf"(?P<wd>{WEEKDAY_RE})(?P<plural>s)?(?:\s+(?P<part>{PART_OF_DAY_RE})(?P<plural2>s)?)?\b")
def weekday(match: re.Match[str], context: Context) -> Found | None:
    if not capitalized(match["wd"]):
        return None
    number = WEEKDAYS[match["wd"].lower()]
    part = PARTS_OF_DAY.get((match["part"] or "").lower())
    suffix = f"T{part}" if part else ""
    if match["plural"] or match["plural2"]:
        return Found("SET", f"XXXX-WXX-{number + 1}{suffix}")
    if context.anchor is None:
        return Found("TIME" if part else "DATE", f"XXXX-WXX-{number + 1}{suffix}")
    words = (match["rel"] or "").lower().split()
    relation = {"coming": "next", "following": "next", "past": "last", "previous": "last"}.get(
        words[-1] if words else "", words[-1] if words else None)
    if words[:2] == ["this", "coming"]:
        relation = "this"
    # "Tuesday's ruling": a possessive weekday names an event already reported.
    tense = "PAST" if context.after(match.end(), 2) in ("'s", "’s") else context.tense(match.start(), match.end())
    if _DEADLINE_BEFORE.search(before := context.before(match.start(), 80)) and _POSTPONING.search(before):
        tense = "FUTURE"  # "extended the deadline until 9 a.m. Tuesday": a deadline lies ahead
    day = weekday_date(context.anchor, number, tense, relation)
    return Found("TIME" if part else "DATE", f"{day.isoformat()}{suffix}")


# "postponed until Tuesday", "gave them until noon Friday": a deadline, counted forward whatever the
# tense of the verb. A plain "until Thursday, they had not ..." keeps the tense reading.
_POSTPONING = re.compile(r"\b(?:deadline|postpon|delay|extend|adjourn|recess|suspend|gave|given|give|has|have|wait)\w*\b"
                         r"[^.;]*\buntil\b", re.I)
_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|deadline\s+of)\s+(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight)"
                              r"(?:\s+[A-Z]{3})?\s+)?(?:(?:on|next|this)\s+)?$", re.I)


def _period_value(anchor: dt.date, unit: str, shift: int) -> str | None:
    """TIMEX3 value of the calendar ``unit`` holding ``anchor`` moved by ``shift`` units."""
    if unit in ("week", "weekend"):
        value = iso_week(anchor + dt.timedelta(weeks=shift))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        year, month = shift_months(anchor.year, anchor.month, shift)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, month = shift_months(anchor.year, anchor.month, 3 * shift)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + shift:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + shift:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + shift:02d}"
    if unit == "day":
        return (anchor + dt.timedelta(days=shift)).isoformat()
    return None


def _season_value(anchor: dt.date, season: str, relation: str) -> str:
    code = SEASONS[season]
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = anchor.year
    if relation == "last" and start_month >= anchor.month - 1:
        year -= 1
    elif relation == "next" and start_month <= anchor.month:
        year += 1
    return f"{year:04d}-{code}"


_SHIFTS = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}


@rule("this_unit", rf"\b(?:(?P<the>the)\s+)?(?P<rel>this(?:\s+past|\s+coming)?|that|last|next|current|previous|past|coming|following)\s+"
      rf"(?:fiscal\s+)?(?P<unit>week(?:end)?|month|quarter|year|decade|century|{SEASON_RE})\b(?!-)")
def this_unit(match: re.Match[str], context: Context) -> Found | None:
    words, unit = match["rel"].lower().split(), match["unit"].lower()
    rel = {"past": "last", "coming": "next"}[words[-1]] if len(words) == 2 else words[0]
    if rel == "that" or (rel in ("past", "coming", "next") and match["the"]):
        return None  # "the past year" is a duration; "that year" needs discourse anchoring
    if match["the"] is None and rel in ("past", "previous", "current", "following"):
        return None
    if context.anchor is None:
        return Found("DATE", "PRESENT_REF" if _SHIFTS[rel] == 0 else ("PAST_REF" if _SHIFTS[rel] < 0 else "FUTURE_REF"))
    if unit in SEASONS:
        return Found("DATE", _season_value(context.anchor, unit, {0: "this", -1: "last", 1: "next"}[_SHIFTS[rel]]))
    value = _period_value(context.anchor, unit, _SHIFTS[rel])
    return Found("DATE", value) if value else None


@rule("the_unit", r"\bthe\s+(?P<unit>year|month|week(?:end)?|quarter|fiscal\s+year|full\s+year)\b(?![-'])")
def the_unit(match: re.Match[str], context: Context) -> Found | None:
    unit = match["unit"].lower().split()[-1]
    if re.match(r"\s+(?:ended|ending)\b", context.after(match.end(), 10)) and unit == "year":
        return Found("DURATION", "P1Y")  # "the year ended June 30": a twelve-month period
    if unit == "weekend" and context.anchor:
        tense = context.tense(match.start(), match.end())
        saturday = weekday_date(context.anchor, 5, tense)
        return Found("DATE", iso_week(saturday) + "-WE")
    if re.match(r"\s+(?:before|after|earlier|later|ago|of|in|that|when|since|following|to)\b", context.after(match.end(), 12)):
        return None
    if context.anchor is None:
        return None
    if unit == "quarter":
        year, number = _quarter_ended(match, context) or last_quarter(context.anchor)
        return Found("DATE", f"{year:04d}-Q{number}")
    value = _period_value(context.anchor, unit, 0)
    return Found("DATE", value) if value else None


_ENDED_IN_MONTH = re.compile(rf"\s+(?:that\s+)?(?:ended|ending|closed)\s+(?:in\s+|on\s+)?(?P<month>{MONTH_RE})", re.I)


def _quarter_ended(match: re.Match[str], context: Context) -> tuple[int, int] | None:
    """"the quarter ended in June", "the quarter ending Sept. 30": the quarter holding that month (the
    last such month-end before the anchor), not simply the last quarter completed."""
    ended = _ENDED_IN_MONTH.match(context.text, match.end())
    if ended is None or context.anchor is None or not capitalized(ended["month"]):
        return None
    month = MONTHS[ended["month"].lower().rstrip(".")]
    return month_year(context.anchor, month, "PAST"), (month - 1) // 3 + 1


# Units of narrative steps ("an hour later", "a day earlier"); "a year earlier" compares with the anchor.
_NARRATIVE_UNITS = ("second", "minute", "hour", "day", "week")
_EARNINGS = re.compile(r"\b(?:quarter|quarterly|period)\b", re.I)


def ago_value(anchor: dt.date, unit: str, amount: int, context_text: str) -> str | None:
    """The date ``amount`` units before (negative: after) the anchor at the unit's granularity.

    "a year ago" in earnings prose (a quarter or period named just before)
    compares with the same quarter of the previous year; elsewhere the value
    keeps the unit's granularity ("five years ago" -> a year).
    """
    if unit == "year" and _EARNINGS.search(context_text):
        year, number = last_quarter(anchor)
        return f"{year - amount:04d}-Q{number}"
    if unit in ("hour", "minute", "second"):
        return anchor.isoformat()
    return _period_value(anchor, unit, -amount)


@rule("ago", rf"\b(?:(?P<q>{QUALIFIER_RE})\s+)?(?P<n>{NUMBER_RE})[\s-]+(?P<unit>{UNIT_RE})s?(?P<so>\s+or\s+so)?\s+"
      rf"(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b",
      needs=(r"\b(?:ago|earlier|later|before|after|now|hence)\b", 110, 2))
def ago(match: re.Match[str], context: Context) -> Found | None:
    direction = match["dir"].lower()
    unit = match["unit"].lower().replace("centurie", "century")
    amount = number_value(match["n"])
    if direction in ("before", "after"):
        return None  # relative to an event, not the anchor: the amount is tagged as a duration
    if direction in ("later", "earlier") and unit in _NARRATIVE_UNITS:
        # "Three days later, ...": TimeML reads "later" as a signal relative to the story's last event,
        # not to the publication date, and tags the amount as a DURATION (found by the duration rule).
        return None
    sign = 1 if direction in ("ago", "earlier") else -1
    mod = "APPROX" if match["so"] else QUALIFIERS.get(" ".join((match["q"] or "").lower().split()))
    if (reference := _narrative_step(match, context, unit, amount)) is not None:
        return Found("DATE", reference, mod)
    if amount is None or context.anchor is None or amount != int(amount):
        return Found("DATE", "PAST_REF" if sign > 0 else "FUTURE_REF", mod)
    window = context.before(match.start(), 300)  # this sentence and the ones just before
    value = ago_value(context.anchor, unit, sign * int(amount), window)
    return Found("DATE", value, mod) if value else None


# A year written earlier in the sentence: "In 2008 the bank failed; a year earlier it ..." counts from it.
_YEAR_WRITTEN = re.compile(r"(?<![\d$.,])(?:1[6-9]|20)\d\d(?![\d%])")


def _narrative_step(match: re.Match[str], context: Context, unit: str, amount: float | None) -> str | None:
    """A placeholder counted from the reference time (TimeML) for "N years later" and "a decade later";
    and for "N years earlier" when its sentence wrote a year before it. None: count from the anchor.

    "He joined in 2001. Two years later, he quit."; "founded in 2001, sold a decade later". A plain
    "up from $3 million a year earlier" compares with the publication date's year.
    """
    direction = match["dir"].lower()
    if unit not in ("month", "year", "decade") or amount is None or amount != int(amount) or not 1 <= amount <= 99:
        return None
    steps, unit = (int(amount) * 10, "year") if unit == "decade" else (int(amount), unit)
    if direction == "later":
        return f"REF:{unit}:{steps}"
    if direction == "earlier" and _year_before_in_sentence(context, match.start()):
        return f"REF:{unit}:-{steps}"
    return None


def _year_before_in_sentence(context: Context, start: int) -> bool:
    sentence_start, _ = sentence_bounds(context.text, start, start)
    return bool(_YEAR_WRITTEN.search(context.text, sentence_start, start))


@rule("year_ago", r"\b(?:year-ago|year-earlier|a\s+year\s+(?:ago|earlier))\b(?!\s+(?:quarter|period))")
def year_ago(match: re.Match[str], context: Context) -> Found | None:
    if match[0].lower().endswith("earlier") and _year_before_in_sentence(context, match.start()):
        return Found("DATE", "REF:year:-1")  # "In 2008 the bank failed; a year earlier it had ..."
    if context.anchor is None:
        return Found("DATE", "PAST_REF")
    value = ago_value(context.anchor, "year", 1, context.before(match.start(), 300))
    return Found("DATE", value) if value else None


RULES = [reference, term, day_word, part_of_day, weekday, this_unit, the_unit, ago, year_ago]
