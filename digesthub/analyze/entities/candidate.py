"""The working record of one entity span while the rules decide its type."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

# How much each kind of evidence weighs in a type vote. A pattern (a legal
# suffix, "X AI") or an explicit context cue ("the company X") says more than
# the statistical model's guess for a single occurrence.
MODEL_WEIGHT = 1.0
SHAPE_WEIGHT = 1.5
CUE_WEIGHT = 2.5
PATTERN_WEIGHT = 4.0


@dataclass
class Candidate:
    """A token span ``[first, last)`` of the parse with its type votes."""

    first: int
    last: int
    start: int
    end: int
    text: str
    votes: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    label: str = ""
    from_pattern: bool = False
    # A type this one occurrence takes whatever its name's other occurrences vote
    # (a city opening a row of a standings table is the city's team).
    fixed_label: str = ""
    # The statistical model's own vote on this span (label, weight), also counted in ``votes``.
    model_label: str = ""
    model_weight: float = 0.0
    # The type a rule pattern's shape gave this span ("Foo AI": ORG), also counted in ``votes``.
    pattern_label: str = ""
    # A second name the text gives the entity ("officially registered as Foo", "(月之暗面)"):
    # never the name the entity is shown by when it has another.
    secondary: bool = False

    def vote(self, label: str, weight: float) -> None:
        """Add ``weight`` to the vote for ``label``."""
        self.votes[label] += weight

    def only_model_voted(self) -> bool:
        """Whether the statistical model's guess is all the evidence on this span's type."""
        return sum(self.votes.values()) - self.model_weight < 1e-6

    def best(self) -> str:
        """The label with the most weight on this span alone ('' if none)."""
        if not self.votes:
            return ""
        return max(sorted(self.votes), key=lambda lab: self.votes[lab])

    def overlaps(self, other: Candidate) -> bool:
        return self.first < other.last and other.first < self.last
