"""Events named after a place ("the U.S. Open", "the British Masters"); governments named after
their head ("the Trump administration").

The model often tags the place and leaves the event's head word ("Open",
"Cup") untagged, so the place is a false place and the event is missed. A
place-typed span followed by a capitalized event head on the same line grows
over it and votes EVENT.
"""

from __future__ import annotations

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import CUE_WEIGHT, Candidate
from digesthub.analyze.entities.patterns import EVENT_HEADS
from digesthub.analyze.entities.spans import make_candidate

_PLACES = frozenset({"GPE", "LOC", "NORP"})
# Heads that name an event after a place ("the Dubai Classic" or "the Games" too often name other things).
_EVENT_WORDS = EVENT_HEADS | {"masters", "grand"}


def extend_event_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` with "PLACE Open"-shaped spans grown over the event word, voting EVENT."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    result: list[Candidate] = []
    for candidate in candidates:
        after = candidate.last
        grows = candidate.best() in _PLACES and after < len(doc) and after not in covered \
            and doc[after].lower_ in _EVENT_WORDS and doc[after].text[0].isupper() \
            and "\n" not in doc[after - 1].whitespace_ and not doc[after - 1].is_space
        if not grows:
            result.append(candidate)
            continue
        last = after + 1
        if doc[after].lower_ == "grand" and last < len(doc) and doc[last].lower_ == "prix":
            last += 1  # "the Berlin Grand Prix"
        longer = make_candidate(doc, candidate.first, last)
        longer.vote("EVENT", CUE_WEIGHT)
        result.append(longer)
        covered.update(range(after, last))
    return result


def extend_administrations(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"the Trump administration": the government, not the person (nor an organization named
    "Trump"); the span grows over "administration" and votes ORG."""
    result: list[Candidate] = []
    for candidate in candidates:
        after = candidate.last
        grows = after < len(doc) and doc[after].text == "administration" and candidate.first > 0 \
            and doc[candidate.first - 1].lower_ == "the" and candidate.best() in ("PERSON", "ORG", "NORP", "")
        if not grows:
            result.append(candidate)
            continue
        longer = make_candidate(doc, candidate.first, after + 1)
        longer.vote("ORG", CUE_WEIGHT)
        result.append(longer)
    return result
