"""Words of the temporal grammar: months, weekdays, numbers, units, seasons.

General English vocabulary only; nothing here comes from evaluation documents.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {}
for _number, _names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
], start=1):
    for _name in _names:
        MONTHS[_name] = _number

MONTHS_FULL = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"}
# Full names, or abbreviations with an optional dot ("Sept.", "Dec").
MONTH_RE = (r"(?:january|february|march|april|may|june|july|august|september|october|"
            r"november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)(?![a-z])")

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
WEEKDAY_RE = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

# Parts of the day as TIMEX3 writes them.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}
PART_OF_DAY_RE = r"(?:morning|afternoon|evening|night)"

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
}
TIME_UNITS = {"second", "minute", "hour"}
UNIT_RE = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, float] = {word: float(i) for i, word in enumerate(_ONES)}
for _i, _ten in enumerate(_TENS, start=2):
    NUMBER_WORDS[_ten] = float(_i * 10)
    for _j in range(1, 10):
        NUMBER_WORDS[f"{_ten}-{_ONES[_j]}"] = float(_i * 10 + _j)
NUMBER_WORDS.update({"a": 1.0, "an": 1.0, "hundred": 100.0, "a hundred": 100.0, "a dozen": 12.0,
                     "dozen": 12.0, "a couple of": 2.0, "a couple": 2.0, "couple of": 2.0, "half a": 0.5,
                     "a half": 0.5, "one and a half": 1.5})
# Vague amounts: TIMEX3 writes them as X ("several months" -> PXM).
VAGUE_NUMBERS = {"several", "a few", "few", "many", "some", "the next few", "a number of",
                 "numerous", "recent", "the past few", "the last few"}

_NUMBER_WORD_RE = "|".join(sorted((w for w in NUMBER_WORDS if w not in {"zero"}),
                                  key=len, reverse=True)).replace(" ", r"\s+").replace("-", r"[\s-]")
# A zero-padded four-digit number ("0930 hours") is a 24-hour clock time, never a count.
NUMBER_RE = (r"(?:(?:(?!0\d{3}\b)\d+(?:\.\d+)?(?:\s+\d/\d)?|" + _NUMBER_WORD_RE
             + r")(?:\s+and\s+a\s+half)?|several|a\s+few|few|many|a\s+number\s+of|numerous)")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "last": 4, "final": 4,
}
ORDINAL_RE = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

# Qualifiers in front of an amount of time and the TIMEX3 mod they set.
QUALIFIERS: dict[str, str] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly a": "LESS_THAN",
}
QUALIFIER_RE = (r"(?:more\s+than|longer\s+than|less\s+than|fewer\s+than|no\s+more\s+than|no\s+less\s+than|"
                r"at\s+most|at\s+least|up\s+to|over|nearly|almost|under|about|around|roughly|"
                r"approximately)")

# Fuzzy position inside a period and the TIMEX3 mod.
POSITIONS: dict[str, str] = {
    "early": "START", "beginning": "START", "start": "START", "dawn": "START", "earlier": "START",
    "mid": "MID", "middle": "MID", "late": "END", "end": "END", "close": "END", "later": "END",
}


def number_value(words: str) -> float | None:
    """The value of a written amount ("two", "24", "2 1/2", "twenty-five"); None when vague."""
    key = " ".join(words.lower().split())
    if key.endswith(" and a half"):
        whole = number_value(key.removesuffix(" and a half"))
        return None if whole is None else whole + 0.5
    for ten in _TENS:  # "twenty four" as "twenty-four"
        key = key.replace(f"{ten} ", f"{ten}-") if key.startswith(f"{ten} ") else key
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    if key in VAGUE_NUMBERS:
        return None
    parts = key.split()
    try:
        value = float(parts[0].replace(",", ""))
    except ValueError:
        return None
    if len(parts) == 2 and "/" in parts[1]:
        numerator, denominator = parts[1].split("/")
        value += float(numerator) / float(denominator)
    return value


def spoken_year(words: str) -> int | None:
    """A year written in words: "nineteen ninety-six" -> 1996, "two thousand one" -> 2001."""
    parts = " ".join(words.lower().replace("-", " ").replace(" and ", " ").split())
    if parts.startswith("two thousand"):
        rest = parts.removeprefix("two thousand").strip()
        return 2000 + int(NUMBER_WORDS.get(rest, 0)) if (not rest or rest in NUMBER_WORDS) else None
    head, _, rest = parts.partition(" ")
    century = NUMBER_WORDS.get(head)
    rest = rest.removeprefix("hundred").strip().removeprefix("oh ").strip()
    tail = rest.replace(" ", "-") if " " in rest else rest
    if century is None or (tail and tail not in NUMBER_WORDS):
        return None
    return int(century) * 100 + int(NUMBER_WORDS.get(tail, 0))

# Simple past forms of irregular verbs (the regular ones end in -ed): a past-tense cue, and the
# second verb of "He returned in March and met investors in February".
IRREGULAR_PAST_RE = (r"(?:said|told|came|went|began|took|made|gave|got|left|met|won|lost|saw|rose|fell|sold|bought|"
                     r"held|brought|thought|caught|sought|fought|found|became|kept|sent|spent|built|felt|led|ran|"
                     r"grew|knew|threw|drew|wrote|spoke|broke|chose|drove|struck)")
