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
from digesthub.analyze.entities.spans import make_candidate

_MIN_MEMBERS = 3
_PLACES = frozenset({"GPE", "LOC"})


def harmonize_slots(doc: Doc, candidates: list[Candidate]) -> bool:
    """Vote the majority type to the odd members of each slot; True if any vote was added.

    Untagged capitalized names in the slot ("Foo Bar ( Kenya )" the model missed) join
    ``candidates`` (unlabelled: they take a type only through the slot's majority)."""
    candidates.extend(_untagged_names(doc, candidates))
    candidates.sort(key=lambda c: c.first)
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


def _untagged_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Capitalized runs (up to three words) right before "( place )" that no candidate covers."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    places = {c.first: c for c in candidates if c.best() in _PLACES}
    found: list[Candidate] = []
    for token in doc:
        place = places.get(token.i + 1)
        if token.text != "(" or place is None or _word(doc, place.last) != ")":
            continue
        first = token.i
        while first > 0 and token.i - first < 3 and first - 1 not in covered and _name_word(doc, first - 1):
            first -= 1
        if first < token.i:
            found.append(make_candidate(doc, first, token.i))
    return found


def _name_word(doc: Doc, index: int) -> bool:
    token = doc[index]
    return token.is_alpha and token.text[0].isupper() and not token.is_stop and len(token.text) > 1 \
        and not token.is_upper


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
