"""Whether an extracted sentence can stand on its own in a digest.

A digest lifts sentences out of their article, so a sentence that leans on
its neighbours reads wrong out of place: a quotation cut in half (the
splitter ends a sentence inside a quote, or the quote goes on in the next
sentence), a lead-in that ends with a colon ("The Times said in an editorial
on Monday:"), a fragment without end punctuation, or an opening pronoun or
connective whose antecedent stays behind ("He also is charged ...", "But the
bullet ..."). Summary, cards and timeline all ask these questions.
"""

from __future__ import annotations

import re

# Opening words that point back to the sentence before: pronouns, demonstratives, connectives.
_ANAPHORIC_START = re.compile(
    r"^\s*(?:he|she|they|it|his|her|their|its|him|them|this|that|these|those|the\s+two|both|"
    r"the\s+(?:former|latter)|such|but|and|or|so|yet|however|also|meanwhile|still|then|"
    r"instead|nonetheless|nevertheless|moreover|besides|now)\b", re.IGNORECASE)
_CONNECTIVE = re.compile(
    r"^(?:but|and|so|yet|however|meanwhile|still|now|also|instead|nonetheless|nevertheless|"
    r"moreover|besides|indeed|in fact|in addition|by contrast|in contrast)\s*,?\s+(?=\S)", re.IGNORECASE)
_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[.!?]\s*(?:''|\")\s*$")
# Double quotation marks in every spelling the ingested text may carry (``PTB'' included).
_DOUBLE_QUOTE = re.compile(r"``|''|[\"“”]")


# A clause break this close to the start of the sentence sets off an aside, not a clause
# ("Albright, after a 16-hour flight, is scheduled ..."); so does a subordinator whose phrase
# closes with a comma before the sentence goes on ("that Elian, after losing his mother, needs").
MIN_CLAUSE_LEAD_WORDS = 4
_SUBORDINATE_ASIDE = re.compile(r",\s(?:while|although|whereas|after|as)\s[^;,—–]+,\s")
_CLAUSE_BREAK = re.compile(r"\s*(?:;|\s[—–]\s|\s-\s|,\s(?:while|but|and|although|whereas|after|as)\s)\s*")
# The breaks that always join two clauses (", and" may join two names: "by A, a researcher, and B").
CONTRAST_BREAK = re.compile(r"\s*(?:;|\s[—–]\s|,\s(?:while|whereas|although|but)\s)\s*")


# A web address, also as tokenized text writes it ("http : / / www . example . com / ...").
_ADDRESS = re.compile(r"\bhttps?\s*:\s*/\s*/|\bwww\s*\.\s*[\w-]+\s*\.\s*[a-z]{2,}\b", re.IGNORECASE)


def is_address(text: str) -> bool:
    """True for a line that is (mostly) a web address: page furniture, not prose."""
    match = _ADDRESS.search(text)
    return bool(match) and len(re.findall(r"\b[a-z]{2,}\b", text[:match.start()])) < 3


def quotes_balanced(text: str) -> bool:
    """True when the sentence opens as many double quotes as it closes (no quote cut in half)."""
    marks = _DOUBLE_QUOTE.findall(text)
    if any(m in "“”" for m in marks) and all(m in "“”" for m in marks):
        return marks.count("“") == marks.count("”")
    return len(marks) % 2 == 0


def mend_quotes(text: str) -> str:
    """A sentence cut out of a longer quotation, with the quote mark it lost put back.

    The splitter ends sentences inside quotations: '"We are home. We are back in
    the family," said the minister.' leaves 'We are back in the family," said the
    minister.' A closing mark with no opening one gets its opening mark at the
    start; an opening mark never closed gets its closing mark at the end.
    """
    if quotes_balanced(text):
        return text
    marks = list(_DOUBLE_QUOTE.finditer(text))
    curly = any(m.group() in "“”" for m in marks)
    if _closes(text, marks[0]):
        return ("“" if curly else '"') + text
    return text.rstrip() + ("”" if curly else '"')


def _closes(text: str, mark: re.Match[str]) -> bool:
    """True when a quote mark closes a quotation (word before it, space or punctuation after)."""
    if mark.group() in ("”", "''"):
        return True
    if mark.group() in ("“", "``"):
        return False
    before = text[mark.start() - 1] if mark.start() else " "
    after = text[mark.end()] if mark.end() < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")


def is_lead_in(text: str) -> bool:
    """True for a sentence that introduces what follows ("..., the Times said on Monday:")."""
    return text.rstrip().endswith(":")


def is_complete(text: str) -> bool:
    """True when the sentence ends as a sentence does (., !, ? possibly inside a closing quote)."""
    return bool(_END.search(text.rstrip()))


# ... except a demonstrative that points at a time ("This year, ...") and an expletive "it"
# ("It is expected that ...", "It was not clear whether ...").
_NOT_ANAPHORIC = re.compile(
    r"^\s*(?:(?:this|that|these|those)\s+(?:\w+\s+)?(?:year|years|month|months|week|weeks|day|days|"
    r"morning|afternoon|evening|night|weekend|spring|summer|autumn|fall|winter|season|quarter|time|decade|"
    r"century)\b|it(?:['’]s|\s+is|\s+was|\s+has\s+been|\s+had\s+been|\s+will\s+be|\s+would\s+be)\s+"
    r"(?:not\s+)?(?:(?:[\w-]+\s+){1,4}?(?:that|whether|if|how|when|why|what)\b|(?:\w+\s+)?(?:enough|hard|easy|"
    r"difficult|possible|impossible|important|necessary|likely|unlikely|unclear|clear|time|early|late|up)\s+to\b))",
    re.IGNORECASE)


# "..., Brees continued." / "Payton added, ..." go on from something said before.
_GOES_ON = re.compile(r"^\W*(?:[\w.'’-]+\s+){1,4}(?:added|continued)\s*(?:[,:]|that\b)|"
                      r"[,\"”']\s*(?:[\w.'’-]+\s+){1,4}(?:added|continued)\s*[.!]?\s*$")


# A pronoun subject right after an opening phrase that names no one ("Until Thursday, they
# had not called him a suspect"); "When Kopp fled, he ..." names its antecedent first.
_PRONOUN_AFTER_OPENING = re.compile(r"^(?P<opening>[^,;:\"“]{2,60}(?:,\s+[^,;:\"“]{2,40})?),\s+(?:(?:however|though|too|in\s+fact|"
                                    r"meanwhile|moreover),\s+)?(?:he|she|they|his|her|their)\b", re.IGNORECASE)


# A pronoun subject right after an opening time phrase with no comma: "In 2019 she left ...",
# "Last summer it closed ...", "On Monday they said ...".
PRONOUN_AFTER_TIME = re.compile(
    r"^(?:(?:in|on|by|since|during|until)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?"
    r"(?:\d{4}s?|(?-i:[A-Z][a-z]+\.?)(?:\s+\d{1,2})?(?:,?\s+\d{4})?|(?:spring|summer|autumn|fall|winter)"
    r"(?:\s+of\s+\d{4})?)|(?:last|this|early|late|later|earlier)\s+(?:year|month|week|summer|spring|autumn|"
    r"fall|winter|season|quarter))\s+(?P<pronoun>he|she|it|they)\b", re.IGNORECASE)


# A count of what the sentence before named, early in the sentence: "Lanhai sold 600 of them", "Two of
# those were in Texas".
_PART_OF_THEM = re.compile(r"^(?:[\w'’,-]+\s+){0,5}?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"some|many|most|all|none|half|each|several|few)\s+of\s+(?:them|those|these)\b", re.I)


# Capitalized words that name a time, not a person who could be the antecedent.
_CALENDAR_WORDS = frozenset(
    "January February March April May June July August September October November December "
    "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday".split())


# "Three months later, ...", "A day earlier, ...", "The next year, ...": a time counted from one the
# sentence before gave.
_RELATIVE_TIME_START = re.compile(
    r"^\s*(?:(?:less|more)\s+than\s+|about\s+|nearly\s+|only\s+|just\s+)?(?:(?:a|an|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|\d+|several|a\s+few|some)\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|"
    r"weeks?|months?|years?|decades?)\s+(?:later|earlier|afterwards?|before)|the\s+(?:next|following|previous)\s+"
    r"(?:day|week|month|year|morning|evening))\b"
    # "Less than two months later, in May 2025, ...": the date it gives makes it stand alone
    r"(?!\s*,\s*(?:in|on)\s+(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{4}\b)", re.IGNORECASE)


def leans_back(text: str) -> bool:
    """True when the sentence opens with a pronoun or connective that needs the sentence before
    (also just after an opening phrase or a time phrase), with a time counted from one said before ("Three
    months later, ..."), or says that its speaker "added" or "continued"."""
    if _ANAPHORIC_START.match(text) and not _NOT_ANAPHORIC.match(text) or _GOES_ON.search(text) \
            or _RELATIVE_TIME_START.match(text):
        return True
    if _PART_OF_THEM.match(text):
        return True  # "Lanhai sold 600 of them": of what the sentence before named
    timed = PRONOUN_AFTER_TIME.match(text)
    if timed and all(word in _CALENDAR_WORDS for word in re.findall(r"\b[A-Z][\w.'’-]*", timed.group()[1:])):
        return True  # "In 2019 she ...", "Last summer it ..." (not "In Shenzhen it ...": a place)
    opening = _PRONOUN_AFTER_OPENING.match(text)
    return bool(opening) and not any(word not in _CALENDAR_WORDS
                                     for word in re.findall(r"\s([A-Z][\w.'’-]*)", opening.group("opening")))


def is_whole(text: str) -> bool:
    """True for a whole statement: no half quotation, no lead-in colon, an end mark."""
    return quotes_balanced(text) and not is_lead_in(text) and is_complete(text)


def stands_alone(text: str) -> bool:
    """True for a sentence a reader can take out of its article as it is."""
    return is_whole(text) and not leans_back(text)


def drop_connective(text: str) -> str:
    """The sentence without an opening connective ("But", "However,", "Now,"), recapitalized."""
    shorter = _CONNECTIVE.sub("", text, count=1)
    if shorter == text or len(shorter.split()) < 4:
        return text
    return shorter[0].upper() + shorter[1:]


def clause_holding(text: str, offset: int, least_words: int,
                   breaks: re.Pattern[str] = _CLAUSE_BREAK) -> str | None:
    """The clause of sentence ``text`` that holds character ``offset``, as a sentence of its own
    (capitalized, closed with a full stop); None when the sentence has no clean clause there."""
    bounds = clause_bounds(text, offset, least_words, breaks)
    if bounds is None:
        return None
    clause = text[bounds[0]:bounds[1]]
    clause = clause[0].upper() + clause[1:]
    return clause if clause[-1] in ".!?\"”" else clause + "."


def clause_bounds(text: str, offset: int, least_words: int,
                  breaks: re.Pattern[str] = _CLAUSE_BREAK) -> tuple[int, int] | None:
    """Where in ``text`` the clause holding character ``offset`` stands, when the cut is clean: at a
    coordinating break (";", a dash, ", while", ", and") that is no aside and not inside a
    quotation, the clause at least ``least_words`` long and opening on a word (the whole
    sentence when it has no break)."""
    pieces, position = [], 0
    for match in breaks.finditer(text):
        if len(text[position:match.start()].split()) < MIN_CLAUSE_LEAD_WORDS or \
                _SUBORDINATE_ASIDE.match(text, match.start()):
            continue  # an aside: the clause goes on after it
        if len(_DOUBLE_QUOTE.findall(text, 0, match.start())) % 2:
            continue  # cutting a quotation would misquote its speaker
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, len(text)))
    for start, end in pieces:
        clause = text[start:end]
        stripped = clause.strip()
        # A clause opens with a word or a quotation, never inside a number ("MS13 - 008, an ...").
        if start <= offset < end and len(stripped.split()) >= least_words and stripped[0].isalpha():
            lead = len(clause) - len(clause.lstrip())
            return start + lead, start + lead + len(stripped)
    return None
