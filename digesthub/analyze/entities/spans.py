"""Candidate spans: the model's entities, cleaned, plus the rule patterns.

Rules, all general:

* the model's span is trimmed of leading function words and quotes ("Regarding
  X", "the X"), a trailing possessive, and a trailing generic word ("American
  AI" -> "American"); spans that are a generic word ("AI", "CEO", a month) go;
* a run of capitalized words closed by a legal suffix ("Foo Bar Co., Ltd.",
  "Acme Holdings Inc.") is an ORG, replacing whatever the model had there;
* "X AI" where X is a capitalized name (not a nationality or place) is an ORG;
* "J. Smith" (initials and a surname) is a PERSON;
* a CamelCase word ("FooBar") is not a person or a place: it votes ORG;
* a model span is cut where it swallowed a separator, a score or a joining
  preposition ("Kent 108-3", "Lithuania - Foo", "Yorkshire at Headingley");
* capitalized common words are not names -- see :mod:`commonwords`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from digesthub.analyze.entities.candidate import MODEL_WEIGHT, PATTERN_WEIGHT, SHAPE_WEIGHT, Candidate
from digesthub.analyze.entities.countries import is_country
from digesthub.analyze.entities.patterns import (
    ENTITY_LABELS, GENERIC_WORDS, LEADING_NOISE, LEGAL_SUFFIXES, ORG_HEAD_WORDS, PERSON_TITLES, TRAILING_GENERIC,
)

_PLACE_LIKE = frozenset({"NORP", "GPE", "LOC"})
_FORM_LABELS = frozenset({"name", "title", "address", "date", "by", "attn", "attention", "telephone", "tel",
                          "fax", "email", "phone", "signature", "position", "company"})
_DESCRIPTORS = frozenset({"rival", "startup", "start-up", "firm", "company", "giant", "unicorn",
                          "chipmaker", "automaker", "retailer", "maker", "developer", "lender"})
# Labels and roles that stand before a company's registered name in lists and forms, no part of it:
# "Representatives of Foo Bank", "Lead Underwriter Foo & Co Inc", "Company Name Foo Inc".
_ROLE_LABELS = frozenset({"underwriter", "underwriters", "name", "representatives", "representative", "issuer",
                          "trustee", "agent", "counsel", "auditor", "auditors", "advisor", "adviser", "buyer",
                          "seller", "purchaser", "lessee", "lessor", "borrower", "lender", "guarantor"})
_FUNCTION_POS = frozenset({"ADP", "SCONJ", "CCONJ", "DET", "PRON", "ADV", "AUX", "VERB"})
_OF_HEADS = frozenset({"bank", "university", "bancorp", "trust", "institute", "college", "association"})
_JOINERS = frozenset({"at", "v", "v.", "vs", "vs.", "versus", "beat"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\b")
_REGION = re.compile(r"^[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,2}(?= ?,? (?:\d{4}-|[A-Z][a-z]+\.? \d))")
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr",
                     "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sept", "sep.", "sept.",
                     "oct", "oct.", "nov", "nov.", "dec", "dec."})
# Months that open a name's span by mistake ("the September Foo future"); not "May", "June",
# "April", "August", which are also given names, nor abbreviations ("Jan").
_LEADING_MONTHS = frozenset({"january", "february", "march", "july", "september", "october", "november",
                             "december"})
_TRAILING_KIND_WORDS = frozenset({"news", "agency", "newspaper", "daily", "group", "province", "region", "county",
                                  "district", "prefecture"})
_NAME_PREFIX = re.compile(r"^(Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz)[A-Z]")
_PUNCT_EDGE = set("\"'`“”‘’«»()[]{}-–—,.:;!?*")


def make_candidate(doc: Doc, first: int, last: int) -> Candidate:
    """A candidate over tokens ``[first, last)`` of ``doc``, taking in the capitalized words a hyphen
    joins to it ("High-Flyer", "Mercedes-Benz"; not "Tencent-backed")."""
    while first >= 2 and _inside_word(doc, first - 1) and is_capitalized(doc[first - 2]):
        first -= 2
    while last + 1 < len(doc) and _inside_word(doc, last) and is_capitalized(doc[last + 1]):
        last += 2
    span = doc[first:last]
    return Candidate(first, last, span.start_char, span.end_char, span.text)


def is_capitalized(token: Token) -> bool:
    """True for a word that starts with a capital or digit-free upper case."""
    return bool(token.text) and (token.text[0].isupper() or token.is_upper)


def clean_bounds(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Trim noise off the ends of ``[first, last)``; None when nothing entity-like is left.
    A hyphenated name stays whole: "High-Flyer", not "Flyer"."""
    while first < last and (doc[first].lower_ in LEADING_NOISE or _is_edge_punct(doc[first])
                            or _is_descriptor(doc, first, last)) \
            and not (first + 1 < last and _inside_word(doc, first + 1)):
        first += 1
    while last > first and (_is_edge_punct(doc[last - 1]) or doc[last - 1].lower_ in ("'s", "’s", "'")
                            or (doc[last - 1].is_lower and doc[last - 1].is_stop)):
        last -= 1
    while last - first > 1 and doc[last - 1].lower_ in TRAILING_GENERIC:
        last -= 1
    while last - first > 1 and doc[last - 1].text in _TRAILING_KIND_WORDS:
        last -= 1  # "Foo news agency" (lower case: a description, not part of the name)
    if last - first > 1 and doc[first].lower_ in _LEADING_MONTHS and is_capitalized(doc[first + 1]):
        first += 1  # "the August Foo index": the month dates the name, it is no part of it
    if last - first > 1 and last < len(doc) and doc[last].text == ":" and doc[last - 1].lower_ in _FORM_LABELS:
        last -= 1  # "Jane Doe Title: CEO" in a signature block: the field label is no part of the name
    if first >= last:
        return None
    text = doc[first:last].text.lower()
    if text in GENERIC_WORDS or not any(ch.isalpha() for ch in text):
        return None
    if not any(is_capitalized(tok) for tok in doc[first:last]):
        return None
    return first, last


def _is_descriptor(doc: Doc, index: int, last: int) -> bool:
    """A sentence-initial kind word before a name: "Rival Foo", "Startup Foo AI"."""
    token = doc[index]
    return (token.is_sent_start and token.lower_ in _DESCRIPTORS and index + 1 < last
            and is_capitalized(doc[index + 1]))


# Job titles the model folds into a person's span ("Chief Executive Yu", "Analyst Jane Roe"). Not
# titles of rank that are part of how a person is named ("King Charles", "Prince Harry").
_JOB_TITLES = frozenset({
    "chief", "executive", "ceo", "cfo", "cto", "coo", "chairman", "chairwoman", "president", "vice",
    "director", "founder", "co-founder", "cofounder", "officer", "manager", "spokesman", "spokeswoman",
    "spokesperson", "analyst", "economist", "scientist", "researcher", "professor", "secretary",
    "minister", "governor", "mayor", "senator", "premier", "coach", "partner", "engineer",
})


def _after_job_titles(doc: Doc, first: int, last: int) -> int:
    """The first token of a person's span past the job titles before the name."""
    while last - first > 1 and doc[first].lower_ in _JOB_TITLES:
        first += 1
    return first


def _is_edge_punct(token: Token) -> bool:
    return all(ch in _PUNCT_EDGE for ch in token.text)


def model_candidates(doc: Doc) -> list[Candidate]:
    """The model's entities of the kinds we keep, cleaned, each with the model's vote."""
    found: list[Candidate] = []
    for ent in doc.ents:
        label = "NORP" if ent.label_ == "LANGUAGE" else ent.label_  # "English law": an adjective
        if label not in ENTITY_LABELS:
            continue
        pieces = _pieces(doc, ent.start, ent.end, label)
        # The model typed the whole span; a piece cut from it inherits that type weakly.
        weight = MODEL_WEIGHT if pieces == [(ent.start, ent.end)] else MODEL_WEIGHT * 0.9
        for first, last in pieces:
            if label == "PERSON":
                first = _after_job_titles(doc, first, last)
            bounds = clean_bounds(doc, first, last)
            if bounds is None:
                continue
            candidate = make_candidate(doc, *bounds)
            candidate.vote(label, weight)
            candidate.model_label, candidate.model_weight = label, weight
            if _is_camel_case(candidate.text) and label != "ORG":
                candidate.vote("ORG", SHAPE_WEIGHT)
            found.append(candidate)
    return found


def _pieces(doc: Doc, first: int, last: int, label: str) -> list[tuple[int, int]]:
    """Cut a model span at separators it swallowed: "Kent 108-3", "Lithuania - Foo", "Oval , London",
    a line break ("Jane\\nDoe": the end of one line and the start of the next).

    A name does not run across a free-standing dash, bracket or comma (unless a
    legal suffix follows: "Foo, Inc."), nor across a preposition that joins two
    names ("Yorkshire at Headingley"). A score ends a name; a plain number ends
    a person's, organization's or place's name (products and events keep
    theirs: "Windows 95").
    """
    keep_numbers = label not in ("PERSON", "ORG", "GPE", "LOC", "NORP")
    pieces, start = [], first
    for index in range(first, last):
        token = doc[index]
        separator = token.text in ("-", "–", "—", "(", ")", ",", ":", ";", "/") and not (
            index + 1 < last and doc[index + 1].lower_ in LEGAL_SUFFIXES) and not _inside_word(doc, index)
        joiner = token.lower_ in _JOINERS
        if label == "PERSON" and token.is_lower and token.is_alpha and not joiner \
                and token.lower_ not in _NAME_PARTICLES:
            last = index  # "Jane Doe on Injured Reserve": the name ends; what follows is no person
            break
        number = any(ch.isdigit() for ch in token.text) and not any(ch.isalpha() for ch in token.text)
        if number and keep_numbers:
            score = any(ch in token.text for ch in "-.:") or (index + 1 < last and doc[index + 1].like_num) \
                or _split_score(doc, index, last)
            number = score
        if separator or joiner or number or token.is_space:
            if index > start:
                pieces.append((start, index))
            start = index + 1
        elif "\n" in token.whitespace_ and index + 1 < last:
            pieces.append((start, index + 1))  # a name does not run on to the next line
            start = index + 1
    if last > start:
        pieces.append((start, last))
    return pieces


# Lower-case words inside people's names; any other lower-case word ends one ("Jane Doe on Injured
# Reserve": the model ran the name on over a preposition).
_NAME_PARTICLES = frozenset({"de", "da", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von",
                             "bin", "ibn", "bint", "al", "el", "la", "le", "du", "y", "e", "ben", "ter", "zu",
                             "mac", "st", "ap", "abu", "ould", "dei", "des", "af"})


def _split_score(doc: Doc, index: int, last: int) -> bool:
    """"2-1" the tokenizer split in three ("Lithuania 2-1" is no name with a number)."""
    return index + 2 < last and not doc[index].whitespace_ and doc[index + 1].text in ("-", "–") \
        and not doc[index + 1].whitespace_ and doc[index + 2].like_num


def _inside_word(doc: Doc, index: int) -> bool:
    """A hyphen with no space on either side joins one name ("Kai-Fu", "Rolls-Royce")."""
    token = doc[index]
    return token.text == "-" and index > 0 and not doc[index - 1].whitespace_ and not token.whitespace_


# "Pony.ai", "Character.ai", "Booking.com": a company named by its web domain.
_DOMAIN_NAME = re.compile(r"^[A-Z][\w-]*\.(?:ai|com|io|net|co|org)$")


def _is_camel_case(text: str) -> bool:
    """"FooBar", "xFoo": a capital after a lower-case letter inside one word (not "McCarthy")."""
    if " " in text or text.isupper() or _NAME_PREFIX.match(text):
        return False
    return any(a.islower() and b.isupper() for a, b in zip(text, text[1:]))


_CAMEL_CASE_WORDS = frozenset({"PhD", "PhDs", "MSc", "BSc", "MBA", "MBAs", "DoS", "DDoS", "LiDAR", "GaN", "SiC",
                               "NaN"})


def shape_candidates(doc: Doc) -> list[Candidate]:
    """CamelCase proper nouns and web-domain names ("Pony.ai") the model left untagged ("FooBar
    declined to comment"): ORG.

    Untagged capitalized words right after it belong to the name ("FooBar
    Integrated Circuits", not "FooBar" and a company "Integrated Circuits").
    """
    found = []
    for token in doc:
        # the casing marks a name whatever part of speech the tagger guessed ("AgiBot, a Shanghai
        # start-up" was a common noun to it); "PhD" is one of the few camel-case words that are none
        if token.ent_iob_ == "O" and token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper() \
                and (_is_camel_case(token.text) or _DOMAIN_NAME.match(token.text)) and token.text not in _CAMEL_CASE_WORDS:
            last = token.i + 1
            while last < len(doc) and last - token.i <= 3 and _untagged_name_word(doc[last]):
                last += 1
            candidate = make_candidate(doc, token.i, last)
            candidate.vote("ORG", MODEL_WEIGHT)  # a guess from the casing alone, no stronger than the model
            found.append(candidate)
    return found + _headed_names(doc, found)


def _headed_names(doc: Doc, camel: list[Candidate]) -> list[Candidate]:
    """Untagged proper nouns ending in a company word ("Unitree Robotics, the Hangzhou-based maker",
    "Velbrook Capital"): ORG, as strongly as a context cue (no person or place ends so)."""
    covered = {i for c in camel for i in range(c.first, c.last)}
    found = []
    for token in doc:
        if token.lower_ not in ORG_HEAD_WORDS or not token.text[:1].isupper() or token.ent_iob_ != "O" \
                or token.i in covered:
            continue
        first = token.i
        while first > 0 and token.i - first < 3 and _untagged_name_word(doc[first - 1]) \
                and doc[first - 1].lower_ not in ORG_HEAD_WORDS:
            first -= 1
        if first == token.i or first - 1 >= 0 and doc[first - 1].text[:1].isupper() and doc[first - 1].is_alpha \
                and not doc[first - 1].is_sent_start:
            continue  # nothing names it, or the run goes on into a name the model tagged
        candidate = make_candidate(doc, first, token.i + 1)
        candidate.vote("ORG", SHAPE_WEIGHT)
        found.append(candidate)
    return found


def _untagged_name_word(token: Token) -> bool:
    return token.ent_iob_ == "O" and token.pos_ == "PROPN" and token.is_alpha and token.text[0].isupper() \
        and not token.is_stop and token.lower_ not in GENERIC_WORDS and token.lower_ not in PERSON_TITLES


def pattern_candidates(doc: Doc) -> list[Candidate]:
    """Spans the rule patterns find: legal-suffix and "X AI" names (ORG), "J. Smith" (PERSON)."""
    found: list[Candidate] = []
    text = doc.text  # built anew on each access: read it once
    # "American AI giants" in a headline the model left untagged: the document's own
    # nationality words are not the first word of an "X AI" company.
    nationalities = {e.text for e in doc.ents if e.label_ == "NORP"}
    for index, token in enumerate(doc):
        bounds, label = None, "ORG"
        if token.lower_ in LEGAL_SUFFIXES and is_capitalized(token):
            bounds = _legal_name(doc, index)
        elif token.text == "AI" and index > 0:
            bounds = _ai_name(doc, index, nationalities)
        elif _is_initial(token) and (index == 0 or not _is_initial(doc[index - 1])):
            bounds, label = _initialled_name(doc, index), "PERSON"
        elif token.is_upper and token.is_alpha and _at_line_start(text, token.idx):
            bounds, label = _dateline(doc, text, index), "GPE"
        if bounds is None:
            continue
        candidate = make_candidate(doc, *bounds)
        candidate.vote(label, PATTERN_WEIGHT)
        candidate.from_pattern = True
        candidate.pattern_label = label
        if label == "GPE":
            candidate.fixed_label = "GPE"  # a dateline names the place, even where the city's club plays
            found.extend(_dateline_region(doc, bounds[1]))
        found.append(candidate)
    return _drop_nested(found)


def _dateline_region(doc: Doc, last: int) -> list[Candidate]:
    """The region of "WIGAN , England 1996-08-31": a place too."""
    if last >= len(doc) or doc[last].text != ",":
        return []
    end = last + 1
    while end < len(doc) and end - last <= 3 and doc[end].is_alpha and doc[end].text[0].isupper() \
            and doc[end].lower_ not in _MONTHS:
        end += 1
    if end == last + 1 or end >= len(doc) or not doc[end].text[:1].isdigit():
        return []
    region = make_candidate(doc, last + 1, end)
    region.vote("GPE", PATTERN_WEIGHT)
    region.from_pattern = True
    return [region]


def _legal_name(doc: Doc, suffix: int) -> tuple[int, int] | None:
    """"Name Words Co., Ltd.": the capitalized run before a legal suffix at ``suffix``."""
    last = suffix + 1
    while last < len(doc):  # absorb ", Ltd." after "Co."
        token = doc[last]
        if token.lower_ in LEGAL_SUFFIXES and is_capitalized(token):
            last += 1
        elif token.text == "," and last + 1 < len(doc) and doc[last + 1].lower_ in LEGAL_SUFFIXES:
            last += 1
        else:
            break
    name_end = suffix - 1 if suffix > 0 and doc[suffix - 1].text == "," else suffix
    first = name_end
    while first > 0:
        previous = doc[first - 1]
        # "In", "After" open sentences and "Ohio-based" describes: neither is part of the name.
        name_word = (is_capitalized(previous) and not _is_edge_punct(previous)
                     and previous.pos_ not in _FUNCTION_POS and not previous.text.split("-")[-1].islower()
                     and previous.lower_ not in LEGAL_SUFFIXES and previous.lower_ not in _ROLE_LABELS)
        # "Procter & Gamble Co.", "Bank of America Corp.": a joining word inside the name.
        joining = first >= 2 and doc[first - 2].pos_ == "PROPN" and (
            previous.lower_ in ("&", "and") or (previous.lower_ == "of" and doc[first - 2].lower_ in _OF_HEADS))
        if not (name_word or joining) or previous.lower_ in LEADING_NOISE:
            break
        if _is_descriptor(doc, first - 1, name_end):
            break  # "Rival Jabil Inc said": the kind word opening the sentence is no part of the name
        first -= 1
        if previous.is_sent_start:
            break
    while first < name_end and doc[first].lower_ in ("&", "of", "and"):
        first += 1
    if first >= name_end:
        return None
    return first, last


def _ai_name(doc: Doc, ai_index: int, nationalities: set[str]) -> tuple[int, int] | None:
    """"Moonshot AI": one or two capitalized names right before "AI", not a nationality."""
    if doc[ai_index].ent_type_ in ("WORK_OF_ART", "EVENT", "LAW", "FAC"):
        return None  # inside a title or event name the model found
    first = ai_index
    while first > 0 and ai_index - first < 2:
        previous = doc[first - 1]
        if not is_capitalized(previous) or previous.pos_ not in ("PROPN", "NOUN"):
            break
        named_with_ai = doc[ai_index].ent_iob_ == "I"  # the model's own span runs on to "AI"
        place_before = previous.ent_type_ in _PLACE_LIKE and not named_with_ai and (
            is_country(previous.lower_) or _ai_modifies_noun(doc, ai_index))
        if place_before or previous.lower_ in LEADING_NOISE or previous.text in nationalities:
            break
        if previous.is_upper and sum(ch.isalpha() for ch in previous.text) <= 3:  # "U.S. AI": a place
            break
        first -= 1
    while first < ai_index and _is_descriptor(doc, first, ai_index):
        first += 1
    if first == ai_index:
        return None
    if doc[first - 1].text[:1].isupper() and first > 0 and not doc[first - 1].is_sent_start:
        return None  # part of a longer title ("The Global AI Race"): leave to the model
    return first, ai_index + 1


def _ai_modifies_noun(doc: Doc, ai_index: int) -> bool:
    """"AI" qualifies a common noun after it ("Beijing AI startups"): a place may come before it.
    Where "AI" ends the name ("Zhipu AI and ...", "Zhipu AI said"), the model's place tag on
    an unknown word before it is a guess a company name overrules."""
    return ai_index + 1 < len(doc) and doc[ai_index + 1].pos_ == "NOUN" and doc[ai_index + 1].is_lower


def _at_line_start(text: str, start: int) -> bool:
    return not text[text.rfind("\n", 0, start) + 1:start].strip()


def _dateline(doc: Doc, text: str, first: int) -> tuple[int, int] | None:
    """"BEIJING, July 4 (Reuters)", "NEW YORK 1996-08-22": a city in capitals opening a dated line."""
    last = first
    while last < len(doc) and last - first < 4 and (doc[last].is_upper or doc[last].text == "."):
        last += 1
    while last > first and doc[last - 1].text == ".":
        last -= 1
    if last == first or (doc[first].is_stop and doc[first].lower_ != "the"):
        return None  # "FOR IMMEDIATE RELEASE July 13": press-release furniture, no city opens with "for"
    end = doc[last - 1].idx + len(doc[last - 1].text)
    after = text[end:end + 60]
    if after.startswith(" ,") or after.startswith(","):  # "WIGAN , England 1996-08-31": the region first
        after = _REGION.sub("", after.lstrip(" ,"), count=1)
    after = after.lstrip(" ,")
    dated = _ISO_DATE.match(after) or after.split(" ", 1)[0].lower() in _MONTHS
    return (first, last) if dated else None


def _is_initial(token: Token) -> bool:
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _initialled_name(doc: Doc, first: int) -> tuple[int, int] | None:
    """"J. Smith", "J. R. Smith": initials then one or two capitalized words."""
    last = first
    while last < len(doc) and _is_initial(doc[last]):
        last += 1
    names = last
    while names < len(doc) and names - last < 2 and doc[names].is_alpha and doc[names].text[0].isupper() \
            and doc[names].lower_ not in LEGAL_SUFFIXES and not doc[names].is_stop:
        names += 1
    if names == last or (first > 0 and doc[first - 1].is_alpha and doc[first - 1].text[0].isupper()):
        return None  # no surname, or the middle initial of a longer name the model handles
    return first, names


def _drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping pattern spans."""
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.first, -(c.last - c.first))):
        if kept and kept[-1].overlaps(candidate):
            continue
        kept.append(candidate)
    return kept


def merge_spans(model: list[Candidate], patterns: list[Candidate]) -> list[Candidate]:
    """Pattern spans win over the model spans they overlap (model votes carried over)."""
    merged = list(patterns)
    for candidate in model:
        covering = [p for p in patterns if p.overlaps(candidate)]
        if not covering:
            merged.append(candidate)
    return sorted(merged, key=lambda c: c.first)
