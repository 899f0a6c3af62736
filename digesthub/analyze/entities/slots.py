"""Names in the same slot of a repeated row are of one kind.

Results and rankings repeat one shape: "1. Jane Doe ( Kenya ) 12.71", "Foo Bar
( Norway ) beat ...". The names before "( place )" are all of one kind (the
athletes, or the clubs), and so are the places in the brackets; the model
types each row on its own and sometimes calls an athlete an organization or a
country a company. Where at least three names share a slot and most agree, the
others get a vote for the majority type.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import PATTERN_WEIGHT, Candidate

_MIN_MEMBERS = 3
_PLACES = frozenset({"GPE", "LOC"})


def harmonize_slots(doc: Doc, candidates: list[Candidate]) -> bool:
    """Vote the majority type to the odd members of each slot; True if any vote was added."""
    starts = {c.first: c for c in candidates}
    named: list[Candidate] = []
    bracketed: list[Candidate] = []
    for candidate in candidates:
        inner = starts.get(candidate.last + 1)
        if _word(doc, candidate.last) != "(" or inner is None or _word(doc, inner.last) != ")":
            continue
        if inner.label in _PLACES or inner.best() in _PLACES:
            named.append(candidate)
            bracketed.append(inner)
    return _agree(named) | _agree(bracketed)


def _agree(members: list[Candidate]) -> bool:
    labels = [m.label for m in members if m.label]
    if len(labels) < _MIN_MEMBERS:
        return False
    top, count = Counter(labels).most_common(1)[0]
    if count * 3 < len(labels) * 2:
        return False
    changed = False
    for member in members:
        if member.label != top:
            member.vote(top, PATTERN_WEIGHT)
            changed = True
    return changed


def _word(doc: Doc, index: int) -> str:
    return doc[index].text if 0 <= index < len(doc) else ""
