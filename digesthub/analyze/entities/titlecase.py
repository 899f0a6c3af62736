"""Names with a capitalized preposition inside: "Doctors Without Borders", "Reporters Without
Borders", "Campaign Against Arms Trade".

The model often tags only the words after the preposition ("Borders"). A span the model
calls an organization, right after a capitalized preposition that follows capitalized nouns,
grows over them, in running prose only (a Title Case headline capitalizes every word).
"""

from __future__ import annotations

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import Candidate
from digesthub.analyze.entities.spans import make_candidate

_INNER_PREPOSITIONS = frozenset({"Without", "For", "Against", "Across", "Beyond", "Sans", "Within"})
_MAX_WORDS_BEFORE = 3
_PROSE_LOWER_WORDS = 3  # lower-case words a sentence needs to be prose, not a headline


def extend_over_inner_preposition(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` with organization spans grown left over "<Nouns> Without"."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    result: list[Candidate] = []
    for candidate in candidates:
        first = _grown_start(doc, candidate, covered)
        if first is None:
            result.append(candidate)
            continue
        longer = make_candidate(doc, first, candidate.last)
        for label, weight in candidate.votes.items():
            longer.vote(label, weight)
        result.append(longer)
        covered.update(range(first, candidate.first))
    return result


def _grown_start(doc: Doc, candidate: Candidate, covered: set[int]) -> int | None:
    preposition = candidate.first - 1
    if candidate.best() != "ORG" or preposition < 1 or preposition in covered \
            or doc[preposition].text not in _INNER_PREPOSITIONS:
        return None
    first = preposition
    while first > 0 and preposition - first < _MAX_WORDS_BEFORE and first - 1 not in covered:
        token = doc[first - 1]
        if not (token.is_title and token.is_alpha and token.pos_ in ("NOUN", "PROPN")):
            break
        first -= 1
    if first == preposition:
        return None
    sentence = doc[candidate.first].sent
    lower = sum(1 for t in sentence if t.is_alpha and t.text[0].islower())
    return first if lower >= _PROSE_LOWER_WORDS else None
