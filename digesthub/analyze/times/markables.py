"""Markables of the TimeML/TIDES guidelines outside the calendar grammar: the temporal adjective
"current", year ends ("by year-end") and seasons with the article ("during the summer")."""

from __future__ import annotations

import re

from digesthub.analyze.times.grammar import Context, Found, rule
from digesthub.analyze.times.lexicon import PARTS_OF_DAY, POSITIONS, SEASON_RE, SEASONS

# "current account", "current assets": accounting terms; "the current of the river", "the current
# swept him away": the noun.
_NOT_TEMPORAL_CURRENT = re.compile(r"\s+(?:accounts?|assets|liabilities|ratio|yield|dollars|of|in|and|or|is|was|that|"
                                   r"which|from|to|through|flows?|flowing|swept|took|drove|[a-z]+ed)\b|\s*[^\w\s]", re.I)


_OPENING_BEFORE = re.compile(r"(?:\A|[.!?:;\n\"'`(]\s*)$")


# TIDES/TimeML: a temporal adjective is markable on its own; "current" is the present ("his current wife").
@rule("current", r"\b(?<![-'])(?:(?P<then>then[\s-]+)?current)\b(?!-)")
def current(match: re.Match[str], context: Context) -> Found | None:
    if not match[0][0].islower() and not _OPENING_BEFORE.search(context.before(match.start(), 4)):
        return None  # "Current TV", a name
    if _NOT_TEMPORAL_CURRENT.match(context.after(match.end(), 14)) or not context.after(match.end(), 2).strip():
        return None
    return Found("DATE", "PAST_REF" if match["then"] else "PRESENT_REF")


# TIDES: "the end of the year" is the year with mod END; "by year-end" says the same in a word.
@rule("year_end", r"\b(?P<prep>by|at|since|until|till|before|after|around|through|from|near|toward|towards)\s+"
      r"(?P<expr>(?:the\s+)?year(?:-|\s+|['’]s\s+)end)\b(?![-'])", needs=(r"\byear", 20, 10))
def year_end(match: re.Match[str], context: Context) -> Found | None:
    start = match.start("expr")
    if context.anchor is None:
        return Found("DATE", "XXXX", "END", start=start)
    prep = match["prep"].lower()
    past = prep == "since" or prep == "at" and context.tense(start, match.end()) == "PAST"
    # "since year-end" and a past "at year-end" speak of the last year that has ended.
    return Found("DATE", f"{context.anchor.year - (1 if past else 0):04d}", "END", start=start)


# "during the summer", "well into the early summer": a season of the anchor's year, moved by the tense
# as HeidelTime does; a preposition is required ("the fall of the regime", "the spring in his step").
@rule("the_season", rf"\b(?:in|during|over|into|by|until|till|since|through|throughout|before|after|for|from|of)\s+"
      rf"(?P<expr>the\s+(?:(?P<pos>early|late|mid)[\s-]+)?(?P<season>{SEASON_RE}))\b(?!-|\s+(?:of|in)\b)",
      needs=(rf"\b{SEASON_RE}\b", 40, 2))
def the_season(match: re.Match[str], context: Context) -> Found | None:
    season = match["season"].lower()
    if season == "fall" and not match["pos"]:
        return None  # "injured in the fall", "recovered from the fall": the noun is as likely as the season
    mod = POSITIONS[match["pos"].lower()] if match["pos"] else None
    if context.anchor is None:
        return Found("DATE", f"XXXX-{SEASONS[season]}", mod, start=match.start("expr"))
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[SEASONS[season]]
    tense = context.tense(match.start("expr"), match.end())
    year = context.anchor.year
    if tense == "PAST" and start_month > context.anchor.month:
        year -= 1  # spoken of as past but not begun yet this year: last year's
    elif tense == "FUTURE" and start_month + 3 <= context.anchor.month:
        year += 1  # a future season already over this year: next year's
    return Found("DATE", f"{year:04d}-{SEASONS[season]}", mod, start=match.start("expr"))


# "placed orders in the morning": a part of the day the sentence speaks of; the day is filled in from
# the sentence or the anchor like a clock time (anaphora.date_clocks). "4 in the morning" is a clock rule's.
@rule("the_part_of_day", r"\b(?:in|during|by|until|through|throughout)\s+(?P<expr>the\s+(?P<part>morning|afternoon|evening))\b"
      r"(?!\s+(?:of|after|before)\b)", needs=(r"\b(?:morning|afternoon|evening)\b", 30, 2))
def the_part_of_day(match: re.Match[str], context: Context) -> Found | None:
    return Found("TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[match['part'].lower()]}", start=match.start("expr"))


RULES = [current, year_end, the_season, the_part_of_day]
