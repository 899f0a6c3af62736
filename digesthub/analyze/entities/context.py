"""Context cues: the words around a span that say what kind of thing it is.

ORG: "the company X", "startup X", "X, a startup", "CEO of X", "X's founder",
"X executives", "X was founded", "X Inc.". PERSON: "CEO X", "Dr. X", "X, who",
"X, 45,". Each cue adds a vote; document-level voting then spreads the verdict
to every occurrence of the same name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import CUE_WEIGHT, Candidate
from digesthub.analyze.entities.patterns import (
    EVENT_HEADS, INSTITUTION_HEADS, ORG_NOUNS, ORG_OWNED, PERSON_TITLES, PRODUCT_WORDS,
)

_ORG_OF = frozenset({"ceo", "founder", "co-founder", "chairman", "president", "shares",
                     "employees", "executives", "subsidiary", "unit", "division", "spokesperson",
                     "spokesman", "spokeswoman", "stake", "parent", "acquisition", "owner"})
_POLITY_WORDS = frozenset({"commonwealth", "state", "republic", "kingdom", "province", "principality",
                           "emirate", "sultanate", "federation", "county", "city"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})


def add_context_votes(doc: Doc, candidates: list[Candidate]) -> None:
    """Add cue votes to each candidate from the words around it."""
    ends = {c.last: c for c in candidates}
    for candidate in candidates:
        label = _cue(doc, candidate.first, candidate.last) or _list_cue(doc, candidate.first, ends)
        if label:
            candidate.vote(label, CUE_WEIGHT)


def mark_table_teams(doc: Doc, candidates: list[Candidate]) -> None:
    """A place opening a row of numbers ("Chicago 72 60 .545") is a team there: ORG for that row."""
    text = doc.text
    for candidate in candidates:
        line_start = text.rfind("\n", 0, candidate.start) + 1
        if candidate.label not in ("GPE", "LOC") or text[line_start:candidate.start].strip():
            continue
        line_end = text.find("\n", candidate.end)
        rest = text[candidate.end:line_end if line_end >= 0 else len(text)].split()
        numbers = sum(1 for word in rest if _is_number(word))
        if len(rest) >= 2 and numbers * 5 >= len(rest) * 3:
            candidate.fixed_label = "ORG"


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and not any(ch.isalpha() for ch in word)


def _list_cue(doc: Doc, first: int, ends: dict[int, Candidate]) -> str:
    """"companies such as A, B and C", "startups including A and B": every listed name is an ORG."""
    index = first - 1
    while index >= 0:
        word = doc[index].lower_
        if word in (",", "and", "or"):
            index -= 1
        elif index + 1 in ends:  # skip back over an earlier name of the list
            index = ends[index + 1].first - 1
        elif doc[index].is_alpha and doc[index].text[0].isupper():  # a name the model missed
            index -= 1
        else:
            break
    if index < 0:
        return ""
    if doc[index].lower_ == "as" and _word(doc, index - 1) == "such":
        index -= 2
    elif doc[index].lower_ in ("including", "like"):
        index -= 1
    else:
        return ""
    return "ORG" if _is_org_noun(_word(doc, index)) else ""


def harmonize_lists(doc: Doc, candidates: list[Candidate]) -> bool:
    """Names listed together ("A, B, C and D") are usually of one kind: the odd one out
    (at most a third of the list) gets a vote for the list's type. True if any vote was added."""
    changed = False
    for members in _lists(doc, candidates):
        labels = [m.label for m in members]
        top = max(sorted(set(labels)), key=labels.count)
        if labels.count(top) * 3 >= len(labels) * 2 and labels.count(top) < len(labels):
            for member in members:
                if member.label != top:
                    member.vote(top, CUE_WEIGHT)
                    changed = True
    return changed


def _lists(doc: Doc, candidates: list[Candidate]) -> list[list[Candidate]]:
    """Runs of at least three names separated only by commas and "and"/"or"."""
    runs: list[list[Candidate]] = []
    current: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.first):
        if current and all(doc[i].lower_ in (",", "and", "or") for i in range(current[-1].last, candidate.first)) \
                and candidate.first > current[-1].last:
            current.append(candidate)
            continue
        if len(current) >= 3:
            runs.append(current)
        current = [candidate]
    if len(current) >= 3:
        runs.append(current)
    return runs


def _is_org_noun(word: str) -> bool:
    return word in ORG_NOUNS or (word.endswith("s") and word[:-1] in ORG_NOUNS) or (
        word.endswith("ies") and word[:-3] + "y" in ORG_NOUNS)


def _cue(doc: Doc, first: int, last: int) -> str:
    before = _word(doc, first - 1)
    before2 = _word(doc, first - 2)
    after = _word(doc, last)
    after2 = _word(doc, last + 1)
    if _is_org_noun(before) or (before == "," and _is_org_noun(before2)):
        return "ORG"  # "the company X", "startup X", "an AI company, X"
    if before == "of" and before2 in _ORG_OF:
        return "ORG"  # "CEO of X", "shares of X"
    if after in _POSSESSIVE and (after2 in ORG_OWNED or after2 in PRODUCT_WORDS):
        return "ORG"  # "X's founder", "X's CEO"
    if after in ORG_OWNED and after not in ("founder", "president", "chief", "ceo"):
        return "ORG"  # "X executives", "X shares"
    if after in ("was", "is") and after2 in ("founded", "headquartered", "listed", "valued", "acquired"):
        return "ORG"
    if after == "," and after2 in ("a", "an", "the") and _word(doc, last + 3) in ORG_NOUNS:
        return "ORG"  # "X, a startup"
    if last - first > 1 and _word(doc, last - 1) in EVENT_HEADS and doc[last - 1].text[:1].isupper():
        return "EVENT"  # "the Hong Kong Open", "UEFA Cup"
    if last - first > 1 and _word(doc, last - 1) in INSTITUTION_HEADS and doc[last - 1].text[:1].isupper():
        return "ORG"  # "Foo University", "Interior Ministry"
    if _word(doc, first) in _POLITY_WORDS and _word(doc, first + 1) == "of" and last - first > 2:
        return "GPE"  # "Commonwealth of Massachusetts", "Republic of Korea"
    if before == ":" and before2 in ("name", "by", "attention", "attn", "signed"):
        return "PERSON"  # signature blocks: "Name: Jane Doe"
    if before in PERSON_TITLES and first - 1 >= 0 and doc[first - 1].pos_ != "ADP" and last - first <= 3:
        return "PERSON"  # "CEO Altman", "Dr. Smith"
    if after in ("said", "says", "added", "announced", "stated") and after2 in ("it", "its"):
        return "ORG"  # "X said it would ..."
    if after in ("said", "says", "added", "stated") and after2 in ("he", "she", "his", "her"):
        return "PERSON"
    if after == "," and after2 in ("who", "whose"):
        return "PERSON"
    if after == "," and _word(doc, last + 1).isdigit() and _word(doc, last + 2) == ",":
        return "PERSON"  # "Smith, 45, said"
    return ""


def _word(doc: Doc, index: int) -> str:
    if 0 <= index < len(doc):
        return doc[index].lower_
    return ""
