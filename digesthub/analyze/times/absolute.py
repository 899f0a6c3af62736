"""Rules for calendar expressions written out: dates, months, years, decades, centuries, quarters, clock times."""

from __future__ import annotations

import re

from digesthub.analyze.times.anaphora import SAME_PERIOD, SAME_PERIOD_YEAR_BEFORE
from digesthub.analyze.times.grammar import Context, Found, capitalized, rule
from digesthub.analyze.times.lexicon import MONTH_RE, MONTHS, MONTHS_FULL, NUMBER_WORDS, spoken_year, ORDINAL_RE, ORDINALS, SEASON_RE, SEASONS
from digesthub.analyze.times.resolve import last_quarter, month_year, quarter_year

YEAR = r"(?:1[6-9]|20)\d\d"
# Between a day or month and its year: a comma, also as a PTB token ("August 29 , 1958").
YEAR_COMMA = r"(?:\s?,)?\s+"
# A year must not be part of a bigger number, an amount, or a count ("1,990", "$2000", "2000%").
YEAR_END = r"(?![\d%]|,\d|\.\d|\s*(?:percent|per\s+cent)\b)"
_PREPOSITION_CUE = re.compile(
    r"\b(?:in|since|until|till|from|to|through|of|during|before|after|by|between|and|or|early|mid|"
    r"late|last|this|next|each|every|until|on|for|that|by)[\s-]+$", re.I)
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                     "feb", "apr"}
_COUNT_AFTER = re.compile(r"^\s+(?:[a-z]+s|people|percent|workers|employees|units|and\s+\d)\b")
_AMOUNT_BEFORE = re.compile(r"(?:[$€£¥#]\s*|\b(?:than|about|nearly|some|almost|over|No\.|number|top)\s+)$", re.I)


def month_number(token: str) -> int:
    """Month number of a month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[token.lower().rstrip(".")]


def month_ok(match: re.Match[str], group: str, context: Context, *, bare: bool) -> bool:
    """A month word is a month: capitalized, and when bare and ambiguous, after a preposition-like cue."""
    token = match[group]
    if not capitalized(token):
        return False
    if bare and token.lower().rstrip(".") in _AMBIGUOUS_MONTHS and not token.endswith("."):
        return bool(_PREPOSITION_CUE.search(context.before(match.start(group))))
    return True


def day_value(year: int | None, month: int, day: int) -> str | None:
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


@rule("iso_date", r"\b(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?\b")
def iso_date(match: re.Match[str], context: Context) -> Found | None:
    if not (1 <= int(match[2]) <= 12 and 1 <= int(match[3]) <= 31):
        return None
    if match[4]:
        return Found("TIME", f"{match[1]}-{match[2]}-{match[3]}T{match[4]}:{match[5]}")
    return Found("DATE", f"{match[1]}-{match[2]}-{match[3]}")


@rule("iso_month", r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])\b(?!-\d)")
def iso_month(match: re.Match[str], context: Context) -> Found | None:
    return Found("DATE", f"{match[1]}-{match[2]}")


@rule("slash_date", r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
def slash_date(match: re.Match[str], context: Context) -> Found | None:
    month, day, year = int(match[1]), int(match[2]), int(match[3])
    if len(match[3]) == 2:
        year += 1900 if year > 30 else 2000
    if not 1 <= month <= 12:
        month, day = day, month  # day/month/year order
    if not 1 <= month <= 12:
        return None
    value = day_value(year, month, day)
    return Found("DATE", value) if value else None


# "September 1 last year", "3 March next year": the year said relative to the anchor's.
_RELATIVE_YEAR = r"\s+(?P<relyear>last|this|next)\s+year\b"


@rule("month_day", rf"\b(?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*%|[.,:]\d|\s+(?:percent|million|billion))"
      rf"(?:{YEAR_COMMA}(?P<year>{YEAR})\b|{_RELATIVE_YEAR})?")
def month_day(match: re.Match[str], context: Context) -> Found | None:
    if not month_ok(match, "month", context, bare=False):
        return None
    month = month_number(match["month"])
    value = day_value(_day_year(match, context, month), month, int(match["day"]))
    return Found("DATE", value) if value else None


def _day_year(match: re.Match[str], context: Context, month: int) -> int | None:
    """The year of a day of a month: written, said relative to the anchor's, or read from the tense."""
    if match["year"]:
        return int(match["year"])
    return relative_year(match, context) or year_for_month(match, context, month)


def relative_year(match: re.Match[str], context: Context) -> int | None:
    """The year "last/this/next year" (group ``relyear``) names from the anchor; None without either."""
    if not match["relyear"] or context.anchor is None:
        return None
    return context.anchor.year + {"last": -1, "this": 0, "next": 1}[match["relyear"].lower()]


@rule("day_month", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_RE})"
      rf"(?:{YEAR_COMMA}(?P<year>{YEAR})\b|{_RELATIVE_YEAR})?")
def day_month(match: re.Match[str], context: Context) -> Found | None:
    if not month_ok(match, "month", context, bare=False):
        return None
    month = month_number(match["month"])
    year = _day_year(match, context, month)
    value = day_value(year, month, int(match["day"]))
    return Found("DATE", value) if value else None


# "extended until January", "postponed to February": a deferral looks ahead whatever the tense.
_DEFERRED_TO = re.compile(r"\b(?:extend\w*|postpon\w*|delay\w*|push\w*\s+back|defer\w*|prolong\w*|"
                          r"adjourn\w*)\b[^.;!?]{0,40}?\b(?:until|till|through|to|into)\s+"
                          r"(?:early\s+|late\s+|mid-?|the\s+end\s+of\s+)?$", re.IGNORECASE)


def year_for_month(match: re.Match[str], context: Context, month: int, relation: str | None = None) -> int | None:
    if context.anchor is None:
        return None
    deferred = _DEFERRED_TO.search(context.before(match.start(), 80))
    tense = "FUTURE" if deferred else context.tense(match.start(), match.end())
    return month_year(context.anchor, month, tense, relation)


@rule("month", rf"\b(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<month>{MONTH_RE})"
      rf"(?:{YEAR_COMMA}(?:of\s+)?(?P<year>{YEAR})\b{YEAR_END}|\s+(?:of\s+)?(?P<relyear>last|this|next)\s+year\b|(?![.\s]*\d))")
def month(match: re.Match[str], context: Context) -> Found | None:
    bare = not (match["year"] or match["rel"] or match["relyear"])
    if not month_ok(match, "month", context, bare=bare):
        return None
    if bare and match["month"].lower() not in MONTHS_FULL and not match["month"].endswith("."):
        return None  # a bare "Jan" or "Dec" is more often a name than a month

    number = month_number(match["month"])
    relation = (match["rel"] or "").lower().split()[-1:] or [None]
    relation_word = {"past": "last", "coming": "next"}.get(relation[0] or "", relation[0])
    year = int(match["year"]) if match["year"] else year_for_month(match, context, number, relation_word)
    year = relative_year(match, context) or year  # "July last year"
    return Found("DATE", f"{year:04d}-{number:02d}" if year else f"XXXX-{number:02d}")


_CLOCK_AFTER = re.compile(r"\s*(?:GMT|UTC|Z\b|BST|CET|[ECMP][SD]?T\b|hours\b|hrs\b|h\b|local\s+time\b)")


@rule("year", rf"(?<![\d,.$])(?:(?P<fiscal>fiscal\s+(?:year\s+)?|FY\s*)|(?P<the>the\s+year\s+))?(?P<year>{YEAR})\b{YEAR_END}(?!-\d)")
def year(match: re.Match[str], context: Context) -> Found | None:
    if match["fiscal"]:
        # TimeBank/TempEval write a fiscal year as its number, like "the current fiscal year" (the
        # organisation's fiscal calendar is unknown); "FY2025" values are still read by normalize.
        return Found("DATE", match["year"])
    if not match["the"]:
        if _AMOUNT_BEFORE.search(context.before(match.start())):
            return None
        if _CLOCK_AFTER.match(context.after(match.end())):
            return None  # "1600 GMT", "0930 hours": a 24-hour clock time, not a year
        if _COUNT_AFTER.match(context.after(match.end())) and not _PREPOSITION_CUE.search(context.before(match.start())):
            return None
    return Found("DATE", match["year"])


@rule("decade", r"\b(?:the\s+)?(?:(?P<century>1[6-9]|20)(?P<decade>\d)0|'(?P<short>\d)0)'?s\b")
def decade(match: re.Match[str], context: Context) -> Found | None:
    if match["century"]:
        return Found("DATE", f"{match['century']}{match['decade']}")
    digit = int(match["short"])
    return Found("DATE", f"{'20' if digit <= 2 else '19'}{digit}")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


@rule("decade_word", r"\bthe\s+(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b")
def decade_word(match: re.Match[str], context: Context) -> Found | None:
    return Found("DATE", f"19{_DECADE_WORDS[match['word'].lower()]}")


_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


@rule("century", r"\b(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<word>eighteenth|nineteenth|twentieth|twenty-first))[\s-]+century\b")
def century(match: re.Match[str], context: Context) -> Found | None:
    number = int(match["n"]) if match["n"] else _CENTURY_WORDS[match["word"].lower()]
    return Found("DATE", f"{number - 1:02d}")


@rule("quarter", rf"\b(?:the\s+)?(?:(?:fiscal\s+)?(?P<yr>{YEAR})(?:['’]s)?\s+|(?P<rel>this|last|next)\s+year's\s+)?"
      rf"(?:fiscal\s+)?(?P<ord>{ORDINAL_RE})[\s-]+(?:fiscal\s+)?(?:(?P<part>quarter|half)|(?P<period>period))\b(?!-to)"
      rf"(?:\s+of\s+(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?(?P<year>{YEAR})\b|"
      rf"\s+(?:of\s+)?(?P<relafter>this|last|next)\s+(?:fiscal\s+)?year\b)?")
def quarter(match: re.Match[str], context: Context) -> Found | None:
    number = ORDINALS[match["ord"].lower()]
    start = None
    if match[0].lower().startswith("the ") and re.match(r"\w+-(?:quarter|half)\b", match[0][4:].lstrip(), re.I):
        start = match.start("ord")  # "the third-quarter loss": the adjective only
    part = "H" if (match["part"] or "").lower() == "half" else "Q"
    if part == "H" and number > 2 or match["period"]:
        return None
    year_text = match["year"] or match["yr"]
    if year_text:
        year_value: int | None = int(year_text)
    elif context.anchor is None:
        year_value = None
    elif match["rel"] or match["relafter"]:  # "last year's third quarter", "the second quarter of next year"
        relation = (match["rel"] or match["relafter"]).lower()
        year_value = context.anchor.year + {"this": 0, "last": -1, "next": 1}[relation]
    elif part == "Q":
        year_value = quarter_year(context.anchor, number, context.tense(match.start(), match.end()))
    else:
        year_value = context.anchor.year
    return Found("DATE", f"{year_value:04d}-{part}{number}" if year_value else f"XXXX-{part}{number}", start=start)


# A bare "Q3" / "H1" is a period only after a preposition or determiner ("in Q3", "the H1 results"):
# "an H1 visa" is none.
_BARE_CODE_BEFORE = re.compile(r"\b(?:in|during|for|the|of|by|over|until|through|this|last|next|since|"
                               r"from|to|and|its|their)\s+$", re.I)


_PREPOSITION_THE = re.compile(r"\b(?:in|during|for|over|by|until|through|since)\s+(?:the|its|their)\s+$", re.I)
# What follows a quarter after "the"/"its": "the Q3 results", "its Q1 revenue", "the Q2 period".
_PERIOD_NOUN_AFTER = re.compile(r"^\s+(?:results?|earnings|revenues?|sales|profits?|loss(?:es)?|income|report|"
                                r"figures|numbers|guidance|outlook|deliveries|shipments|period|quarter|half|"
                                r"GDP|growth|performance|forecast|estimates?)\b", re.I)


def full_year(digits: str, anchor: dt.date | None) -> int:
    """A year written in two digits ("FY25", "3Q98"): the century that puts it at most ten years ahead."""
    if len(digits) == 4:
        return int(digits)
    latest = (anchor.year if anchor else dt.date.today().year) + 10
    year = 2000 + int(digits)
    return year if year <= latest else year - 100


@rule("q_code", rf"\b(?:(?P<q>Q[1-4]|H[12])|(?P<n>[1-4])(?P<part>Q|H))(?:\s*(?:FY\s*)?'?(?P<year>{YEAR}|\d\d))?\b")
def q_code(match: re.Match[str], context: Context) -> Found | None:
    """"Q3 2024", "Q1 FY25", "3Q24", "H1 2024", "2H 2023", "in Q3" (a quarter or half of a year)."""
    code = match["q"] or f"{match['part']}{match['n']}"
    if not code[0].isupper() and not code[1].isupper():
        return None
    code = code.upper()
    if code[0] == "H" and code[1] not in "12":
        return None  # "the 4H club": a year has two halves
    if match["year"]:
        return Found("DATE", f"{full_year(match['year'], context.anchor):04d}-{code}")
    before = _BARE_CODE_BEFORE.search(context.before(match.start(), 20))
    if before is None:
        return None
    if before[0].split()[0].lower() in ("the", "its", "their") and not _PERIOD_NOUN_AFTER.match(context.after(match.end())) \
            and not _PREPOSITION_THE.search(context.before(match.start(), 20)):
        return None  # "a robot called the Q1", "its second robot, the Q3, ...": a model's name, not a quarter
    if context.anchor is None:
        return Found("DATE", f"XXXX-{code}")
    if code[0] == "Q":
        year_value = quarter_year(context.anchor, int(code[1]), context.tense(match.start(), match.end()))
    else:
        year_value = context.anchor.year
    return Found("DATE", f"{year_value:04d}-{code}")


@rule("fy_short", r"\bFY\s*'?(?P<yy>\d\d)\b")
def fy_short(match: re.Match[str], context: Context) -> Found | None:
    """"FY25": a fiscal year written as its number, like "fiscal 2025" (TimeBank's convention)."""
    if not match[0].startswith("FY"):
        return None
    return Found("DATE", f"{full_year(match['yy'], context.anchor):04d}")


@rule("season_year", rf"\b(?P<season>{SEASON_RE})(?:\s+of)?\s+(?P<year>{YEAR})\b")
def season_year(match: re.Match[str], context: Context) -> Found | None:
    return Found("DATE", f"{match['year']}-{SEASONS[match['season'].lower()]}")


@rule("clock", r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)"
      r"(?:\s+(?P<tz>[ECMP][SD]?T|GMT|UTC|BST|CET)\b)?|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?![:\d])|"
      r"\b(?P<word>noon|midday|midnight)\b|"
      r"\b(?P<hp>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::(?P<mp>\d{2}))?\s+"
      r"in\s+the\s+(?P<part>morning|afternoon|evening)\b")
def clock(match: re.Match[str], context: Context) -> Found | None:
    """A clock time; its day is left open here and filled by ``anaphora.date_clocks``."""
    if match["word"] and context.before(match.start(), 5).lower() == "high ":
        return None  # "high noon": the idiom, not a clock time
    if match["word"]:
        day = "XXXX-XX-XX"  # the day comes from the sentence or the anchor (times.anaphora)
        return Found("TIME", f"{day}T{'24:00' if match['word'].lower() == 'midnight' else '12:00'}")
    if match["hp"]:  # "4 in the morning", "seven in the evening"
        number = NUMBER_WORDS.get(match["hp"].lower())
        hour = int(number) if number is not None else int(match["hp"])
        if hour > 12:
            return None
        hour = hour % 12 + (0 if match["part"].lower() == "morning" else 12)
        day = "XXXX-XX-XX"  # the day comes from the sentence or the anchor (times.anaphora)
        return Found("TIME", f"{day}T{hour:02d}:{match['mp'] or '00'}")
    hour = int(match["h"] or match["h24"])
    minute = int(match["m"] or match["m24"] or 0)
    if match["ap"]:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if match["ap"].lower().startswith("p") else 0)
    day = "XXXX-XX-XX"  # the day comes from the sentence or the anchor (times.anaphora)
    return Found("TIME", f"{day}T{hour:02d}:{minute:02d}")


@rule("earnings_period", r"\b(?:the\s+)?(?:(?:latest|most\s+recent|recent|current|comparable|corresponding|same|year-ago|"
      r"year-earlier|prior-year|year-before)[\s-]+){1,3}(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)\b"
      r"(?:\s+(?:of\s+)?(?P<last>last\s+year|a\s+year\s+(?:ago|earlier)))?|"
      r"\bthe\s+(?:quarter|period)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))\b|"
      r"\b(?:the\s+)?(?P<year>(?:19|20)\d\d)\s+(?:quarter|period)\b|\blast\s+year's\s+(?:quarter|period)\b",
      needs=(r"\b(?:quarter|period)\b", 80, 25))
def earnings_period(match: re.Match[str], context: Context) -> Found | None:
    """Periods of earnings reports: "the latest quarter", "the year-ago period", "the 1988 period"."""
    words = match[0].lower()
    if match["year"]:
        if context.anchor is None:
            return Found("DATE", match["year"])
        return Found("DATE", f"{match['year']}-Q{last_quarter(context.anchor)[1]}")
    if re.fullmatch(r"the\s+same\s+period", words):
        return Found("DATE", SAME_PERIOD)  # the period the text last named (see anaphora.same_period)
    if re.fullmatch(r"the\s+same\s+period\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))", words):
        return Found("DATE", SAME_PERIOD_YEAR_BEFORE)  # "in the first nine months ..., from ... in the same period a year earlier"
    if context.anchor is None:
        return Found("DATE", "XXXX-QX")
    year_value, number = last_quarter(context.anchor)
    if match["ord"]:  # "the year-ago third quarter": that quarter as last reported, a year back
        number = ORDINALS[match["ord"].lower()]
        year_value = quarter_year(context.anchor, number, "PAST")
    if "current" in words:
        year_value, number = context.anchor.year, (context.anchor.month - 1) // 3 + 1
    if any(cue in words for cue in ("year-ago", "year-earlier", "prior-year", "year-before", "last year", "year ago",
                                    "year earlier")):
        year_value -= 1
    return Found("DATE", f"{year_value:04d}-Q{number}")


@rule("spoken_year", r"\b(?:the\s+year\s+)?(?P<words>(?:nineteen|twenty)[\s-]+(?:hundred[\s-]+(?:and\s+)?)?"
      r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|"
      r"eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
      r"oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))|two\s+thousand(?:\s+(?:and\s+)?"
      r"(?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b(?![\s-](?:percent|people|dollars|years))")
def spoken_year_rule(match: re.Match[str], context: Context) -> Found | None:
    """Years written in words, as broadcast transcripts do: "nineteen ninety-six", "the year two thousand"."""
    value = spoken_year(match["words"])
    if value is None or (match["words"].lower().startswith("two thousand") and not match[0].lower().startswith("the year")
                         and not _PREPOSITION_CUE.search(context.before(match.start()))):
        return None  # "two thousand" alone is usually a count
    return Found("DATE", f"{value:04d}")


RULES = [spoken_year_rule, iso_date, iso_month, slash_date, month_day, day_month, month, year, decade, decade_word, century,
         quarter, q_code, fy_short, season_year, clock, earnings_period]
