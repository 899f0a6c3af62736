"""Context cues: the words around a span that say what kind of thing it is.

ORG: "the company X", "startup X", "X, a startup", "CEO of X", "X's founder",
"X executives", "X was founded", "X Inc.". PERSON: "CEO X", "Dr. X", "X, who",
"X, 45,". Each cue adds a vote; document-level voting then spreads the verdict
to every occurrence of the same name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import CUE_WEIGHT, Candidate
from digesthub.analyze.entities.patterns import ORG_NOUNS, ORG_OWNED, PERSON_TITLES, PRODUCT_WORDS

_ORG_OF = frozenset({"ceo", "founder", "co-founder", "chairman", "president", "shares",
                     "employees", "executives", "subsidiary", "unit", "division", "spokesperson",
                     "spokesman", "spokeswoman", "stake", "parent", "acquisition", "owner"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})


def add_context_votes(doc: Doc, candidates: list[Candidate]) -> None:
    """Add cue votes to each candidate from the words around it."""
    for candidate in candidates:
        label = _cue(doc, candidate.first, candidate.last)
        if label:
            candidate.vote(label, CUE_WEIGHT)


def _cue(doc: Doc, first: int, last: int) -> str:
    before = _word(doc, first - 1)
    before2 = _word(doc, first - 2)
    after = _word(doc, last)
    after2 = _word(doc, last + 1)
    if before in ORG_NOUNS or (before == "," and before2 in ORG_NOUNS):
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
    if before in PERSON_TITLES and first - 1 >= 0 and doc[first - 1].pos_ != "ADP" and last - first <= 3:
        return "PERSON"  # "CEO Altman", "Dr. Smith"
    if after == "," and after2 in ("who", "whose"):
        return "PERSON"
    if after == "," and _word(doc, last + 1).isdigit() and _word(doc, last + 2) == ",":
        return "PERSON"  # "Smith, 45, said"
    return ""


def _word(doc: Doc, index: int) -> str:
    if 0 <= index < len(doc):
        return doc[index].lower_
    return ""
