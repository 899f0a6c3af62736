"""Capitalized common words are not names.

A span made only of contract vocabulary and function words ("the Borrower",
"Event of Default"); a one-word or ALL-CAPS span whose every word the same
document also writes in lower case ("AGREEMENT", "Collateral" beside
"collateral"); a multi-word span of contract vocabulary and such words
("Borrower Equity Interest") or headed by contract vocabulary ("Fifth
Supplemental Lease") -- unless the word was defined as the short name of the
entity just before it ('Foo Bank ("Bank")'); an ALL-CAPS word abbreviating
words the document writes in lower case ("GPU" beside "graphics processing
units").
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import Candidate
from digesthub.analyze.entities.countries import COUNTRIES
from digesthub.analyze.entities.kinds import person_evidence
from digesthub.analyze.entities.patterns import CONTRACT_TERMS, INSTITUTION_HEADS, LEGAL_SUFFIXES, PERSON_TITLES
from digesthub.analyze.entities.voting import name_key

_QUOTES = frozenset({"\"", "“", "”", "'", "‘", "’"})
# Kinds the model rarely assigns to a capitalized common-noun phrase ("Deposit Account").
_NAMED_KINDS = frozenset({"PERSON", "GPE", "LOC", "NORP"})
_CONTRACT_HEADS = frozenset({"agreement", "lease", "payment", "payments", "contract", "expenses", "debtors",
                             "rights", "shares", "supplement", "amendment", "notes", "obligations"})


_PTB_BRACKET = re.compile(r"-[LR][RSC]B-")


def drop_common_words(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Drop spans that are common words capitalized, not names.

    A span holding a bracket token of tokenized text ("-LRB-"). A span made only of contract vocabulary and function words ("the Borrower",
    "Event of Default", also before a legal suffix: "Borrower Company"); or a
    one-word or ALL-CAPS span whose every word also occurs in lower case in the
    same document ("AGREEMENT", "Collateral" beside "collateral") -- unless the
    word was defined as the short name of the entity just before it
    ('Foo Bank ("Bank")').
    """
    lower_counts = Counter(t.text for t in doc if t.is_lower and t.is_alpha)
    lower_words = set(lower_counts)
    defined = _defined_short_names(doc, candidates)
    # token index of the comma right after each person's name ("Jane Doe , MD")
    people_ends = {c.last for c in candidates if c.best() == "PERSON"}
    surnames = {c.text.split()[-1].lower() for c in candidates if " " in c.text}
    kept = []
    for candidate in candidates:
        if _PTB_BRACKET.search(candidate.text):
            continue  # "-LRB- -RRB-": a bracket of tokenized text, inside no name
        words = [t for t in doc[candidate.first:candidate.last] if t.is_alpha]
        if candidate.from_pattern:
            words = [t for t in words if t.lower_ not in LEGAL_SUFFIXES]
        content = [t for t in words if not t.is_stop]
        if not content:
            kept.append(candidate)
            continue
        if all(t.lower_ in CONTRACT_TERMS or t.is_stop for t in words):
            continue
        shouting = all(t.is_upper for t in words)
        named = candidate.best() in _NAMED_KINDS
        common = (len(words) == 1 or shouting or not named) and all(t.lower_ in lower_words for t in content)
        # "Borrower Equity Interest": defined contract vocabulary and words the document writes in lower case
        common = common or (not named and len(content) > 1 and any(t.lower_ in CONTRACT_TERMS for t in content)
                            and all(t.lower_ in lower_words or t.lower_ in CONTRACT_TERMS for t in content)
                            and content[-1].lower_ not in INSTITUTION_HEADS)  # not "the Security Council"
        # "Fifth Supplemental Lease", "Scheduled Payments" (not a treaty, "the Paris Agreement": a LAW)
        common = common or (not named and len(content) > 1 and content[-1].lower_ in _CONTRACT_HEADS
                            and candidate.best() not in ("LAW", "EVENT"))
        # Even a "person" made of words the document uses twice each in lower case is a term.
        common = common or (len(content) > 1 and all(lower_counts[t.lower_] >= 2 for t in content))
        if common and not candidate.from_pattern and content[0].lower_ not in defined:
            continue
        if _office_object(doc, candidate) or _bare_title(candidate, surnames):
            continue
        kept.append(candidate)
    # a degree after a name ("Jane Doe , MD") is one wherever the document writes it ("her MD degree");
    # so is a time zone after a clock time ("11am GMT")
    degrees = {c.text for c in kept if _credential(doc, c, people_ends) or _time_zone(doc, c)}
    spelled_out = _spelled_out_abbreviations(doc)
    measures = _measured_words(doc, kept)
    return [c for c in kept if c.text not in degrees and c.text not in measures
            and not (c.last - c.first == 1 and _acronym_key(c.text) in spelled_out)]


# "Turnout was 68%", "Unemployment stood at 4%": a copula whose complement is a figure ("Tesla rose 3%"
# is a company's shares: verbs of movement are left out).
_MEASURE_VERBS = frozenset({"was", "is", "were", "stood", "averaged", "remained"})
_MEASURE_REACH = 3


def _measured_words(doc: Doc, candidates: list[Candidate]) -> set[str]:
    """One-word "people" that only ever open a sentence as the subject of a figure ("Turnout was
    68%, down from 71%"): a quantity's name capitalized by its place in the sentence."""
    opening: dict[str, bool] = {}
    for candidate in candidates:
        token = doc[candidate.first]
        measured = candidate.last - candidate.first == 1 and candidate.best() == "PERSON" and token.is_sent_start \
            and candidate.last < len(doc) \
            and doc[candidate.last].lower_ in _MEASURE_VERBS and any(
                t.like_num or t.text == "%" for t in doc[candidate.last + 1:candidate.last + 1 + _MEASURE_REACH])
        opening[candidate.text] = opening.get(candidate.text, True) and measured
    measured_names = {text for text, only_measured in opening.items() if only_measured}
    if measured_names:  # "Quint was 12 when she left": a person after all
        people = person_evidence(doc, candidates)
        measured_names = {text for text in measured_names if name_key(text) not in people}
    return measured_names


def _acronym_key(text: str) -> str:
    """"GPUs" -> "GPU": an ALL-CAPS word (plural s allowed) of 2-5 letters, else ""."""
    core = text[:-1] if text.endswith("s") else text
    return core if core.isalpha() and core.isupper() and 3 <= len(core) <= 5 else ""


def _spelled_out_abbreviations(doc: Doc) -> set[str]:
    """Initials of every noun phrase of 3-5 lower-case words ("graphics processing units" -> "GPU").

    An ALL-CAPS word that abbreviates words the same document writes in lower
    case is a common noun ("a GPU designer" beside "graphics processing
    units"), not a name: a name's long form is capitalized. Two letters are
    too easily initials by chance ("good employees"), so only 3-5 count.
    """
    runs: set[str] = set()
    for start in range(len(doc)):
        initials = ""
        for token in doc[start:start + 5]:
            if not (token.is_lower and token.is_alpha) or token.is_stop or token.pos_ not in _PHRASE_TAGS:
                break
            initials += token.text[0].upper()
            if len(initials) >= 3 and token.pos_ == "NOUN":
                runs.add(initials)
    return runs


_PHRASE_TAGS = frozenset({"NOUN", "ADJ", "VERB"})  # "graphics processing units": processing may be a VERB


def _credential(doc: Doc, candidate: Candidate, people_ends: set[int]) -> bool:
    """"Jane Doe , MD , MBA ,": short capitals after a person's name and a comma are degrees."""
    if candidate.last - candidate.first != 1 or candidate.first < 2:
        return False
    token = doc[candidate.first]
    if not (token.is_upper and token.is_alpha and 2 <= len(token.text) <= 4) or token.lower_ in COUNTRIES:
        return False  # "Jane Doe , USA": a country
    index = candidate.first - 1
    while index >= 2 and doc[index].text == ",":
        if index in people_ends or (doc[index - 2].text == "." and index - 2 in people_ends):
            return True  # "Jane Doe , MD", "Jane Q . Doe , MD" (the model tagging only "Jane Q")
        before = doc[index - 1]
        if not (before.is_upper and before.is_alpha and len(before.text) <= 4):
            return False
        index -= 2  # "..., MD , MBA": the one before is a degree too
    return False


_CLOCK = re.compile(r"^(\d{1,2}([:.]\d{2})?\s*([ap]\.?m\.?)?|\d{0,2}[ap]\.?m\.?)$", re.IGNORECASE)


def _time_zone(doc: Doc, candidate: Candidate) -> bool:
    """"at 11am IST", "02 . 16PM IST", "10:30 p.m. EST": short capitals right after a clock time."""
    token = doc[candidate.first]
    if candidate.last - candidate.first != 1 or candidate.first < 1 or not token.is_upper \
            or not 2 <= len(token.text) <= 4:
        return False
    before = doc[candidate.first - 1].text
    # a bare number ("won 2 NBA titles") is no clock time: minutes or am/pm are needed
    return bool(_CLOCK.match(before)) and (before.lower().rstrip(".").endswith("m")
                                           or bool(re.search(r"\d[:.]\d", before)))


# Ranks and titles written short before a name ("Sgt. Jane Doe"): alone they name no one.
_TITLE_ABBREVIATIONS = frozenset({"sgt", "lt", "col", "capt", "cpl", "maj", "adm", "gen", "insp", "supt", "det",
                                  "rev", "hon", "pvt", "cmdr", "cdr", "brig", "msgr", "atty", "gov", "sen", "rep"})


def _bare_title(candidate: Candidate, surnames: set[str]) -> bool:
    """"is Founder and CEO": a capitalized title alone names no one (unless it is the surname of a
    full name in the document: "King" after "Jane King")."""
    word = candidate.text.lower()
    return " " not in candidate.text and (word in PERSON_TITLES or word.rstrip(".") in _TITLE_ABBREVIATIONS) \
        and word not in surnames


# "Secretary of State", "Minister of Finance": the word after the office is part of a title.
_OFFICES = frozenset({"secretary", "minister", "undersecretary", "commissioner"})


def _office_object(doc: Doc, candidate: Candidate) -> bool:
    """A one-word span right after "<office> of" ("State" in "Secretary of State")."""
    first = candidate.first
    return candidate.last - first == 1 and first >= 2 and doc[first - 1].lower_ == "of" \
        and doc[first - 2].lower_ in _OFFICES


def _defined_short_names(doc: Doc, candidates: list[Candidate]) -> set[str]:
    """Words defined in quotes in a parenthesis right after a name: 'Foo Bank ("Bank")'."""
    defined: set[str] = set()
    for candidate in candidates:
        index = candidate.last
        if index + 2 < len(doc) and doc[index].text == "(" and doc[index + 1].text in _QUOTES:
            defined.add(doc[index + 2].lower_)
    return defined
