"""Anchoring: tense of the sentence around an expression and calendar arithmetic.

Tense uses light lexical cues (auxiliaries, -ed verbs), the nearest cue to the
expression winning, so "said Friday it will ..." reads Friday as past.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from digesthub.analyze.times.lexicon import IRREGULAR_PAST_RE

Tense = Literal["PAST", "FUTURE", "PRESENT"]

_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|won't|going\s+to|plans?\s+to|planned\s+to|planning\s+to|expects?\s+to|expected\s+to|"
    r"scheduled|due\s+to|is\s+to|are\s+to|set\s+to|coming|upcoming|would|payable|effective|expires?|"
    r"set\s+for|slated|as\s+(?:soon|early)\s+as)\b", re.I)
# An intention or agreement governs an infinitive that lies ahead of it ("agreed to buy it in May"): a cue
# only for expressions after it ("filed on Monday, seeking to raise ..." is a past Monday).
_INTENTION = re.compile(
    r"\b(?:agree[ds]?|intend(?:s|ed)?|aim(?:s|ed)?|seek(?:s|ing)?|sought|hope[ds]?|want(?:s|ed)?|decided|"
    r"agreement|plan|program|proposal|offer|bid|effort|deal|pledged?|promised?|vowed?)\s+to(?=\s+[a-z])\b", re.I)
# Simple past forms; an -ed word after a modal, "be" or "to" ("will be paid") is not a past cue.
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|last|earlier|previously|been|" + IRREGULAR_PAST_RE + r"|"
    r"(?<!\bto\s)set(?!\s+(?:to|for)\b)|"
    r"(?:has|have)\s+\w+(?:ed|en|wn|ne|un)|"
    r"(?<!\bbe\s)(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bbeing\s)(?:(?-i:(?!un)[a-z]{2,}[^e\W]ed)|paid|repaid|heard|stood|fled|sank|flew|hid|froze|stole|woke|tore|swore|shook|"
    r"forgot|understood|withdrew|overtook|undertook|dealt|meant|taught|arose|rode|slid|swung|dug|hung|stuck))\b", re.I)
# A sentence end: ., ! or ? then space and a capital, but not the dot of "p.m." or "U.S.".
_BOUNDARY = re.compile(r"(?<!\b[A-Za-z])[.!?][\"')]*\s+(?=[A-Z\"'`])|\n")
_WINDOW = 400  # characters searched either side for the sentence ends
# Governing verbs mostly precede a time expression; a cue after it must be much nearer to win.
_AFTER_PENALTY = 25
# A cue on the other side of a quotation mark belongs to another voice (the attribution).
_QUOTE = re.compile(r"''|\"|”|“|``")
_QUOTE_PENALTY = 400


# "... in May that its revenue would grow": a "would" in a that-clause after the expression is
# the backshifted future of reported speech.
_REPORTED_WOULD = re.compile(r"^\W*that\b[^.;!?]*\bwould$", re.I)

# A future cue inside a past perfect verb group ("had been scheduled to expire") speaks of the past.
_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?been\s+(?:\w+\s+){0,2}$", re.I)


# Abbreviations whose dot does not end a sentence ("Roe vs. Wade", "Gen. Smith").
_ABBREVIATION = re.compile(r"\b(?:vs|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Adm|Maj|Cmdr|Prof|Rev|"
                           r"No|Mt|Ft|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|approx|etc|Calif|Mass|Conn)$")


def _boundaries(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Sentence ends in ``text[start:end]``, abbreviation dots left out."""
    return [match for match in _BOUNDARY.finditer(text, start, end)
            if not (text[match.start()] == "." and _ABBREVIATION.search(text, max(0, match.start() - 8), match.start()))]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The character range of the sentence holding ``start:end`` (searched within a window)."""
    left = max(0, start - _WINDOW)
    for match in _boundaries(text, left, start):
        left = match.end()
    after = _boundaries(text, end, end + _WINDOW)
    return left, (after[0].start() + 1 if after else min(len(text), end + _WINDOW))


# "expected to", "plans to", "aims to" before the expression, with no clause boundary between:
# the expression lies in that infinitive's clause, whose -ed words are adjectives ("its advanced
# system", "an upgraded model"), not past verbs.
_INFINITIVE_CUE = re.compile(
    r"\b(?:expect(?:s|ed)?|plan(?:s|ned)?|aim(?:s|ed)?|intend(?:s|ed)?|scheduled|due|set|slated|"
    r"going|hopes?|hoped|promised?|pledged?|vowed?)\s+to\s+(?=[a-z])", re.I)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|but|while|which|who|that|after|before|when|since)\b", re.I)


def _infinitive_scope(text: str, left: int, start: int) -> int:
    """Where the infinitive clause holding ``start`` begins (``start`` itself when none does)."""
    cues = list(_INFINITIVE_CUE.finditer(text, left, start))
    if not cues or _CLAUSE_BREAK.search(text, cues[-1].end(), start):
        return start
    return cues[-1].end()


def tense_at(text: str, start: int, end: int) -> Tense:
    """PAST, FUTURE or PRESENT for the sentence around ``start:end``: the nearest cue decides."""
    left, right = sentence_bounds(text, start, end)
    best: tuple[int, Tense] | None = None
    future_starts = {match.start() for match in _FUTURE.finditer(text, left, right)}
    infinitive_from = _infinitive_scope(text, left, start)
    for pattern, tense in ((_FUTURE, "FUTURE"), (_INTENTION, "FUTURE"), (_PAST, "PAST")):
        for match in pattern.finditer(text, left, right):
            if start <= match.start() < end:
                continue  # cues inside the expression ("next", "last") are handled by the rule
            if pattern is _PAST and (match.start() in future_starts or infinitive_from <= match.start() < start):
                continue  # "expected to deliver its advanced system in May": a future cue and its clause
            if pattern is _INTENTION and match.start() >= end:
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            # Cues before the expression bind tighter than those after it.
            distance = distance if match.end() <= start else distance + _AFTER_PENALTY
            gap = text[match.end():start] if match.end() <= start else text[end:match.start()]
            if _QUOTE.search(gap):
                distance += _QUOTE_PENALTY  # '"We will meet Friday," he said': the quote has its own tense
            cue = tense
            if cue == "FUTURE" and _PAST_PERFECT.search(text, max(left, match.start() - 40), match.start()):
                cue = "PAST"  # "had been due to expire Friday": a plan of the past, superseded since
            if cue == "FUTURE" and match.start() >= end and _REPORTED_WOULD.match(text[end:match.end()]):
                cue = "PAST"  # "forecast in May that revenue would grow": "would" of reported speech follows a past verb
            if best is None or distance < best[0]:
                best = (distance, cue)  # type: ignore[assignment]
    return best[1] if best else "PRESENT"


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """``year, month`` moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    """TIMEX3 week value of ``day``: ``1998-W11``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekday_date(anchor: dt.date, weekday: int, tense: Tense, relation: str | None = None) -> dt.date:
    """The date of ``weekday`` nearest ``anchor`` consistent with the tense or an explicit relation.

    ``relation`` is "last", "next", "this" or None. News speaks mostly of the past
    week, so a bare weekday in a past sentence goes back; in a sentence without
    tense cue ("Arafat and Netanyahu meet Monday") the nearer occurrence wins.
    """
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if relation == "last":
        return anchor - dt.timedelta(days=back or 7)
    if relation == "next":
        return anchor + dt.timedelta(days=forward or 7)
    if relation == "this" or tense == "FUTURE" or tense == "PRESENT" and 0 < forward < back:
        return anchor + dt.timedelta(days=forward)
    return anchor - dt.timedelta(days=back)


def month_year(anchor: dt.date, month: int, tense: Tense, relation: str | None = None) -> int:
    """The year of a bare month name, read from the anchor and the tense.

    "in December" written in January is last December when the sentence is
    past. A month at most two months ahead stays in the anchor's year even in
    a past sentence, which in news is mostly a deadline just set ("the offer was
    extended to Nov. 16"); likewise a month at most two months back in a future
    sentence. Without a tense cue the occurrence nearest the anchor wins.
    """
    if relation == "last":
        # The month just past is "last month"; "last February" said in March means a year earlier.
        return anchor.year if month < anchor.month - 1 else anchor.year - 1
    if relation == "next":
        return anchor.year if month > anchor.month + 1 else anchor.year + 1
    if relation == "this":
        return anchor.year
    ahead = month - anchor.month
    if tense == "PAST":
        return anchor.year - 1 if ahead > 2 else anchor.year
    if tense == "FUTURE":
        return anchor.year + 1 if ahead < -2 else anchor.year
    if ahead > 6:
        return anchor.year - 1
    return anchor.year + 1 if ahead < -6 else anchor.year


def quarter_year(anchor: dt.date, quarter: int, tense: Tense) -> int:
    """The year of "the fourth quarter" without a year: a later quarter in a past sentence is last year's."""
    current = (anchor.month - 1) // 3 + 1
    # Quarters are reported after they end, so a future sentence still speaks of this year's.
    if quarter > current and tense == "PAST":
        return anchor.year - 1
    return anchor.year


def last_quarter(anchor: dt.date) -> tuple[int, int]:
    """The most recent completed quarter before ``anchor``: what earnings reports speak of."""
    current = (anchor.month - 1) // 3 + 1
    return (anchor.year, current - 1) if current > 1 else (anchor.year - 1, 4)
