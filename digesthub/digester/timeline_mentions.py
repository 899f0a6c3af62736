"""Date mentions that do not date the sentence's event.

A temporal tagger finds every date a sentence words; some of them say when
nothing in the sentence happened: the baseline of a comparison ("up 5% from a
year ago"), a web page's own timestamp, a year modifying a noun ("his 1987
Chevrolet"), the date of a verbless list item ("..., West Germany in 1955").
:mod:`timeline_events` drops them before pairing sentences with dates.
"""

from __future__ import annotations

import re

from digesthub.types import Sentence, TimeExpression

# A relative date that only names the baseline of a comparison ("fell 8% from a year ago",
# "compared with 40% a year earlier") is not when anything happened.
_COMPARISON_BEFORE = re.compile(
    r"\b(?:from|than|versus|vs\.?)\s+"
    r"(?:(?:about|some|nearly|almost)\s+)?(?:[$€£¥]?\d[\d.,]*\s*(?:%|percent|million|billion|cents?)?\s+)?"
    r"(?:the\s+)?$|\bcompared\s+(?:with|to)\b(?:[^.;:!?]|\.(?=\d)){0,80}$", re.IGNORECASE)
# A record and its baseline: "the strongest to hit Haiti since 1770", "the first rise since 2019".
_RECORD_SINCE = re.compile(r"\b(?:\w{3,}est|most\s+\w+|first|only|highest|lowest|least)\b[^.;:!?]{0,60}"
                           r"\bsince\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
# "revenue of $4 billion in 2024, up from $1 billion in 2023": a named date after "up/down from
# <amount>" is the comparison's baseline too.
_BASELINE_AMOUNT = re.compile(
    r"\b(?:up|down|rising|falling|rose|fell|grew|increased|decreased|compared)\s+from\s+"
    r"(?:(?:about|some|nearly|almost)\s+)?[$€£¥]?\d[\d.,]*\s*(?:%|percent\b|(?:million|billion|trillion)\b)?"
    r"(?:\s+[a-z]+){0,2}\s+(?:in|on|at|during)\s+(?:the\s+)?$", re.IGNORECASE)
# "more than double its valuation in late 2024", "three times the level of 2019": a multiple's baseline.
_BASELINE_MULTIPLE = re.compile(
    r"\b(?:double|triple|quadruple|twice|half|times)\s+(?:its|their|the|his|her)\s+(?:[a-z]+\s+){1,3}"
    r"(?:in|at|of|from|during)\s+(?:the\s+)?$", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"[\"“”]|``|''")
_SPEAKER_DAY = re.compile(r"^(?:today|tomorrow|tonight|yesterday|now)$", re.IGNORECASE)
_RELATIVE_WORDING = re.compile(r"\b(?:ago|earlier|before|prior|previous|last)\b", re.IGNORECASE)
# "(last) updated (at) 14:59": a page timestamp; a date this many characters from it is the stamp's.
_PAGE_STAMP = re.compile(r"\b(?:last\s+)?updated:?\s+(?:at\s+|on\s+)?\d{1,2}[:.]\d{2}\b", re.IGNORECASE)
STAMP_REACH = 40
_CLOCK_ZONE = r"\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4}\b)?"
_STAMP_OPENING = re.compile(
    r"^(?:Page\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+)?(?:[Ll]ast\s+)?[Uu]pdated:?\s+(?:at\s+|on\s+)?"
    + _CLOCK_ZONE + r"(?:\s*,\s*[A-Z][a-z]+day\s*,\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?(?:\s+" + _CLOCK_ZONE + r")?\s*")
# A year ("1987") or decade ("195"), the values a noun modifier takes; the words around one.
_YEAR_OR_DECADE = re.compile(r"^\d{3,4}$")
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those)|['’]s)\s+$", re.IGNORECASE)
# Nouns of things that happen: a year before one dates it ("the 2010 earthquake", "the 2008 crisis").
HAPPENINGS = frozenset(
    "earthquake quake tsunami flood hurricane storm cyclone typhoon fire eruption drought famine outbreak "
    "pandemic epidemic war invasion attack bombing shooting massacre coup revolution uprising protest riot "
    "election vote referendum poll campaign summit crisis recession crash collapse bailout merger takeover "
    "deal agreement treaty accord olympic game cup championship tournament final trial verdict ruling "
    "law act death murder killing disaster spill accident explosion blast strike".split())
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w'’-]*)")
# List items: parts of a sentence between commas, semicolons and "and"; an item that is only a
# capitalized name and a preposition before its date ("West Germany in").
_LIST_BREAK = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+")
_DATED_ITEM_END = re.compile(r"\b(?:in|on|at|by)\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:\d{1,4}(?:st|nd|rd|th|s)?|"
                             r"(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Sept|Octo|Novem|Decem)ber|"
                             r"[A-Z][a-z]+day|spring|summer|autumn|fall|winter)\s*$")
_NAME_THEN_DATE = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,4}(?:in|on|at|by)\s+(?:the\s+)?$")


def is_comparison_baseline(text: str, expression: TimeExpression) -> bool:
    """True for a relative date that is the baseline of a comparison ("up 5% from a year ago"),
    a date after "up from <amount>" ("up from $1 billion in 2023") or a multiple ("double its
    valuation in late 2024"), and for the date of a record ("the strongest to hit Haiti since 1770", "the first time since 1990")."""
    before = text[max(0, expression.start - 100):expression.start]
    if _RECORD_SINCE.search(before) or _BASELINE_AMOUNT.search(before) or _BASELINE_MULTIPLE.search(before):
        return True
    if not _RELATIVE_WORDING.search(expression.text):
        return False
    return bool(_COMPARISON_BEFORE.search(before))


def quoted_dates(sentence: Sentence, dates: list[TimeExpression]) -> list[TimeExpression]:
    """The speaker's own "today", "tomorrow", "yesterday" inside a quotation ("help 'today,
    tomorrow and for the time ahead'"), when the sentence also states a date outside it: they
    count from when the words were spoken, and the outside date is the event's. A named date in
    a quotation ("'We met on Monday,' he said") still dates what it says."""
    def quoted(expression: TimeExpression) -> bool:
        return bool(_SPEAKER_DAY.match(expression.text)) and \
            len(_QUOTE_MARK.findall(sentence.text, 0, expression.start - sentence.start)) % 2 == 1
    inside = [d for d in dates if quoted(d)]
    return inside if len(inside) < len(dates) else []


def is_page_stamp(text: str, expression: TimeExpression) -> bool:
    """True for the date of a web page's own timestamp ("Page last updated at 08:14 GMT, Tuesday,
    8 November 2011", "24 June 2010 Last updated at 14:59 GMT"): when the page was edited, not
    when anything happened."""
    window = text[max(0, expression.start - STAMP_REACH):expression.end + STAMP_REACH]
    return bool(_PAGE_STAMP.search(window))


def is_modifier_date(text: str, expression: TimeExpression) -> bool:
    """True for a year or decade used as a modifier inside a noun phrase ("his 1987 Chevrolet",
    "the 1950s pin-up queen", "a 2010 vintage"): it says what kind of thing, not when the
    sentence's event happened. A determiner or possessive before it and a content word (not a
    function word, not punctuation) right after it mark the modifier; "in the 1950s, she ..."
    and "the 1950s were ..." keep their date, and so does a happening the year dates ("the 2010
    earthquake killed ...")."""
    from digesthub.digester.scoring import STOPWORDS

    if expression.type != "DATE" or not _YEAR_OR_DECADE.match(expression.value):
        return False
    after = _NEXT_WORD.match(text, expression.end)
    # The tagger's wording may hold the determiner itself ("the 1950s").
    words = expression.text.split()
    before = text[max(0, expression.start - 20):expression.start] + "".join(w + " " for w in words[:-1])
    if not _DETERMINER_BEFORE.search(before) or not after:
        return False
    noun = after.group(1).lower()
    singular = {noun, noun[:-1], noun[:-2]} if noun.endswith("s") else {noun}
    return noun not in STOPWORDS and not singular & HAPPENINGS


def is_elliptical_item(sentence: Sentence, expression: TimeExpression) -> bool:
    """True when the date sits in a verbless list item of the sentence ("Greece joined NATO in
    1952, West Germany in 1955 and Spain in 1982": "West Germany in 1955"): a name, a
    preposition and the date, the verb left to an earlier item. The sentence says that item's
    event only through the first, so it is not filed under the item's date."""
    offset = expression.start - sentence.start
    text = sentence.text
    breaks = list(_LIST_BREAK.finditer(text, 0, offset))
    ends = [m.start() for m in _LIST_BREAK.finditer(text, offset + len(expression.text))]
    if not breaks:
        return False
    item = text[breaks[-1].end():ends[0] if ends else len(text)].strip().rstrip(".!?")
    # the item before ends on its own date, as the list's pattern has it ("... NATO in 1952, West
    # Germany in 1955"), not "started building a plant in Szeged, Hungary in October 2024"
    previous = text[breaks[-2].end() if len(breaks) > 1 else 0:breaks[-1].start()]
    return item.endswith(expression.text) and bool(_NAME_THEN_DATE.match(item[:-len(expression.text)])) \
        and bool(_DATED_ITEM_END.search(previous))


def without_page_stamp(text: str) -> str:
    """The sentence without the page timestamp it opens with (a scraped page's first "sentence"
    runs the stamp into the headline): "Page last updated at 08:14 GMT, Tuesday, 8 November 2011
    09:14 UK Propofol is ..." is "Propofol is ..."."""
    match = _STAMP_OPENING.match(text)
    return text[match.end():] if match and match.end() < len(text) else text
