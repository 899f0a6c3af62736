"""Document-level type voting: one name, one type, within a document.

The model types each occurrence on its own and often disagrees with itself
("OpenAI" as ORG, PERSON and GPE in one article). Every occurrence of the same
name (compared case-insensitively, without "the" and a possessive) pools its
votes -- the model's, the patterns', the context cues' -- and all take the
winner. The model's votes on one name count up to a cap: its guess repeated at
ten occurrences is one guess, and must not bury two explicit cues ("Foo , 45 ,").
Groups of aliases (see grouping) vote again the same way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from digesthub.analyze.entities.candidate import CUE_WEIGHT, PATTERN_WEIGHT, Candidate

_SPACES = re.compile(r"\s+")
# The most the model's votes on one name add up to.
MODEL_CAP = 3.0
_PAST_CAP = 0.25
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def name_key(text: str) -> str:
    """The comparison form of a name: lower case, single spaces, no "the", no possessive."""
    key = _SPACES.sub(" ", text.strip().lower())
    key = key.replace("’", "'")
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    return key.strip(" .,")


def pooled_label(candidates: Iterable[Candidate], long_form_bonus: float = 0.0) -> str:
    """The label with the most weight over ``candidates`` ('' when none voted).

    ``long_form_bonus`` gives multi-word spans extra weight: in a group that mixes
    "John Smith" and "Smith", the full name is the better evidence.
    """
    candidates = list(candidates)
    totals: dict[str, float] = defaultdict(float)
    model: dict[str, float] = defaultdict(float)
    shapes: dict[str, list[float]] = defaultdict(list)
    for candidate in candidates:
        factor = 1.0 + (long_form_bonus if candidate.last - candidate.first > 1 else 0.0)
        if candidate.pattern_label:
            shapes[candidate.pattern_label].append(PATTERN_WEIGHT * factor)
        for label, weight in candidate.votes.items():
            totals[label] += weight * factor
        if candidate.model_label:
            model[candidate.model_label] += candidate.model_weight * factor
    # Labels voted by more than the model: a cue, a pattern, a place cue.
    cued = {label for label, weight in totals.items() if weight - model.get(label, 0.0) >= CUE_WEIGHT}
    only_model_places = {label for label in _PLACE_LABELS & set(model) if totals[label] - model[label] < 1e-6}
    for label, weight in model.items():
        # The model's guess repeated at every occurrence is one guess, not many: past the cap its
        # votes count a quarter (still enough to rank two of its own guesses, 6 GPE over 3 FAC).
        totals[label] -= max(0.0, weight - MODEL_CAP) * (1 - _PAST_CAP)
    for label in only_model_places:
        if cued - {label}:
            # a place the model guesses at every occurrence, with no place cue anywhere, against an
            # explicit cue for another type ("its Kling model"): its guesses count as one
            totals[label] = min(totals[label], max(c.model_weight for c in candidates if c.model_label == label))
    for label, weights in shapes.items():
        # A name's shape ("Foo AI") is the same at every occurrence: one piece of evidence, which a
        # cue at one of them ("its products, including Foo AI") may outweigh.
        totals[label] -= sum(weights) - max(weights)
    if not totals:
        return ""
    return max(sorted(totals), key=lambda lab: totals[lab])


def vote_by_name(candidates: list[Candidate]) -> None:
    """Give every candidate the pooled label of all candidates with the same name key."""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_key[name_key(candidate.text)].append(candidate)
    for same in by_key.values():
        label = pooled_label(same)
        for candidate in same:
            candidate.label = label
