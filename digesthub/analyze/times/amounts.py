"""Rules for amounts of time (DURATION: "two years", "the past three months", "16-hour") and
recurrences (SET: "daily", "every week", "twice a year")."""

from __future__ import annotations

import re

from digesthub.analyze.times.grammar import Context, Found, rule
from digesthub.analyze.times.lexicon import (MONTH_RE, NUMBER_RE, QUALIFIER_RE, QUALIFIERS, UNIT_RE, UNITS,
                                             WEEKDAY_RE, WEEKDAYS, number_value)

_SHIFT_AFTER = re.compile(r"\s+(?:later|earlier|ago|before|after)\b", re.I)
_AGE_AFTER = re.compile(r"^(?:-old\b|\s+old\b|\s+of\s+age\b|-olds\b)", re.I)
# News TimeML leaves approximations ("about two weeks") outside the span but keeps bounds
# ("nearly two years", "more than a decade", "up to 180 days") inside.
_OUTSIDE_QUALIFIERS = {"about", "around", "roughly", "approximately", "some"}
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|your|this|that|first|regular|latest)\s+$", re.I)
_RATE_BEFORE = re.compile(r"\b(?:once|twice|thrice|times|per)\s+$", re.I)
# "interviews a day", "CDs a year": a count per unit of time is a recurrence (TimeML SET).
_PLURAL_BEFORE = re.compile(r"\b(?!(?:is|was|has|this|its|his|always|perhaps|towards|afterwards|sometimes|as|us|less|unless|"
                            r"across|plus|thus|whereas)\b)[A-Za-z]{2,}s\s+$")
_SOMEDAY_BEFORE = re.compile(r"\b(?:will|would|could|might|may|shall|can|should|must|hopes?\s+\w+)\s+(?:\w+ly\s+)?$", re.I)
_AMOUNT_BEFORE = re.compile(r"(?:[\d%]|\b(?:million|billion|thousand|cents?|dollars|shares|units))\s+$", re.I)


def duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration as TIMEX3 writes it: P3Y, PT16H, P10Y for a decade, PXM when vague."""
    unit = unit.lower().replace("centurie", "century")
    code = UNITS[unit]
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    if code == "Q":  # quarters are counted in months: "the next three quarters" -> P9M
        code, amount = "M", None if amount is None else amount * 3
    if code in ("DE", "CE"):
        if amount is None:
            return f"PX{code}"
        code, amount = "Y", amount * (10 if code == "DE" else 100)
    if amount is None:
        return f"{prefix}X{code}"
    if amount == int(amount):
        return f"{prefix}{int(amount)}{code}"
    # A fraction goes to the next smaller unit: "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M.
    smaller = {"Y": (12, "M", "P"), "M": (30, "D", "P"), "W": (7, "D", "P"), "D": (24, "H", "PT")}
    if prefix == "PT":
        smaller = {"H": (60, "M", "PT"), "M": (60, "S", "PT")}
    if code in smaller:
        factor, small, small_prefix = smaller[code]
        whole, part = int(amount), round((amount - int(amount)) * factor)
        if whole == 0:
            return f"{small_prefix}{part}{small}"
        if small_prefix == prefix:
            return f"{prefix}{whole}{code}{part}{small}"
        return f"P{whole}{code}T{part}{small}"
    return f"{prefix}{amount:g}{code}"


# Every amount of time names its unit: the duration pattern runs only near these words.
_UNIT_WORD = r"\b(?:second|minute|hour|day|week|month|quarter|year|decade|centur)"


@rule("duration", rf"\b(?:(?P<det>the|a|an)\s+)?(?:(?P<q>{QUALIFIER_RE})\s+)?"
      rf"(?:(?P<rel>past|last|next|coming|previous|first|final|latest|recent|following|remaining|entire|whole|same)\s+)?"
      rf"(?P<n>{NUMBER_RE})(?:\s+(?:more|additional|extra|trading|business|working))?(?P<joint>[\s-]+)(?P<unit>{UNIT_RE})(?P<plural>s)?(?:-long)?\b"
      rf"(?!-(?:old|earlier|ago|end|to)|\s+old\b)"
      rf"(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so\b)?", needs=(_UNIT_WORD, 100, 40))
def duration(match: re.Match[str], context: Context) -> Found | None:
    """An amount of time; ages, shares ("a quarter of"), ordinals ("a second term") and rates are not."""
    if _AGE_AFTER.match(context.after(match.end(), 12)):
        return None  # "five-year-old": an age, not a time
    unit = match["unit"].lower()
    if unit == "second" and match["n"].lower() in ("a", "an") and not match["q"] and re.match(
            r"\s+[a-z]", context.after(match.end(), 3)) and not _SHIFT_AFTER.match(context.after(match.end(), 10)):
        return None  # "a second term": the ordinal, not the unit
    if unit == "quarter" and ((match["n"] or "").lower() in ("a", "an") or "-" in match["joint"] and match["plural"]):
        return None  # "a quarter" of something is a share
    if match[0].lower() == "one day" and _SOMEDAY_BEFORE.search(context.before(match.start(), 30)):
        return Found("DATE", "FUTURE_REF")  # "Islam will one day be ...": some future time, not an amount
    amount = number_value(match["n"])
    if amount is not None and match["half"]:
        amount += 0.5
    start = match.start()
    qualifier = " ".join((match["q"] or "").lower().split())
    if match["det"] and not match["rel"] and not match["plural"] and match["n"].lower() not in ("a", "an"):
        start = match.start("q") if match["q"] else match.start("n")  # "a 16-hour flight": the modifier only
    if match["n"].lower() in ("a", "an") and match["plural"]:
        return None  # "a decades-long feud": the article belongs to the noun, not to a count
    if match[0].endswith("-long") and match["n"].lower() in ("a", "an"):
        start = match.start("unit")  # "a day-long meeting": the adjective only
    if qualifier in _OUTSIDE_QUALIFIERS and not match["det"]:
        start = match.start("n")  # "about two weeks": the approximation stays outside
    if match["n"].lower() in ("a", "an") and _AMOUNT_BEFORE.search(context.before(start, 20)):
        return None  # "$5 a year", "700 seats a week": a rate of an amount, not a time
    if (match["n"].lower() in ("a", "an")) and (_RATE_BEFORE.search(context.before(start, 20))
                                                 or not match["det"] and _PLURAL_BEFORE.search(context.before(start, 20))):
        return Found("SET", duration_value(1, unit))  # "twice a year"
    mod = QUALIFIERS.get(qualifier)
    if match[0].lower().endswith("or so"):
        mod = "APPROX"
    return Found("DURATION", duration_value(amount, unit), mod, start=start)


@rule("vague_duration", rf"\b(?:(?P<lead>recent|(?:the\s+)?coming|the\s+(?:past|last|next)(?:\s+(?:few|several))?)\s+|"
      rf"(?<=for\s)|(?<=within\s)|(?<=over\s))(?P<unit>{UNIT_RE})s\b")
def vague_duration(match: re.Match[str], context: Context) -> Found | None:
    lead = (match["lead"] or "").lower().split()
    if not lead and context.before(match.start(), 4).lower().strip() == "over" and match["unit"].lower() != "years":
        return None
    return Found("DURATION", duration_value(None, match["unit"]))


@rule("units_ahead", rf"\bthe\s+(?P<unit>{UNIT_RE})s\s+(?:ahead|to\s+come)\b")
def units_ahead(match: re.Match[str], context: Context) -> Found | None:
    """"the weeks ahead", "the months to come": an unstated number of units (TimeML PXW)."""
    return Found("DURATION", duration_value(None, match["unit"]))


@rule("past_unit", rf"\bthe\s+(?:past|last|next|coming)\s+(?P<unit>{UNIT_RE})\b(?!s)(?:\s+or\s+so\b)?")
def past_unit(match: re.Match[str], context: Context) -> Found | None:
    return Found("DURATION", duration_value(1, match["unit"]))


@rule("long_unit", rf"\b(?=[smhdwqyc])(?P<unit>{UNIT_RE})(?P<plural>s)?-long\b")
def long_unit(match: re.Match[str], context: Context) -> Found | None:
    """"a day-long meeting", "a decades-long battle": an amount of time as an adjective."""
    return Found("DURATION", duration_value(None if match["plural"] else 1, match["unit"]))


_ADVERBS = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
            "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "annual": None,
            "semiannually": "P6M", "biannually": "P6M"}


@rule("set_adverb", r"\b(?P<word>hourly|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|semiannually|biannually)\b")
def set_adverb(match: re.Match[str], context: Context) -> Found | None:
    word = match["word"]
    if word.lower() not in ("daily", "weekly") and _ATTRIBUTIVE.search(context.before(match.start(), 12)) and re.match(r"\s+[a-z]", context.after(match.end(), 3)):
        # "its quarterly dividend" names one payment; "a daily rally" still recurs every day.
        return None
    if word[0].isupper() and context.before(match.start(), 2).strip() not in ("", ".", '"'):
        return None  # a title such as "China Daily"
    if re.match(r"\s+[A-Z]", context.after(match.end(), 3)):
        return None  # "the party daily Granma": a newspaper
    return Found("SET", _ADVERBS[word.lower()] or "P1Y")


@rule("set_every", rf"\b(?:every|each|per)\s+(?:other\s+)?(?:(?P<n>{NUMBER_RE})\s+)?"
      rf"(?:(?P<unit>{UNIT_RE})s?|(?P<wd>{WEEKDAY_RE})|(?P<month>{MONTH_RE}))\b")
def set_every(match: re.Match[str], context: Context) -> Found | None:
    if match["wd"]:
        return Found("SET", f"XXXX-WXX-{WEEKDAYS[match['wd'].lower()] + 1}")
    if match["month"]:
        from digesthub.analyze.times.absolute import month_number
        return Found("SET", f"XXXX-{month_number(match['month']):02d}")
    amount = number_value(match["n"]) if match["n"] else 1
    if "other" in match[0].lower():
        amount = 2
    return Found("SET", duration_value(amount, match["unit"]))


RULES = [duration, long_unit, vague_duration, units_ahead, past_unit, set_adverb, set_every]
