"""How central an entity is to its article, in [0, 1].

A weighted sum of five signals, each in [0, 1]:

* frequency -- mentions relative to the most-mentioned entity (log-scaled, so
  one dominant name does not flatten the rest);
* spread -- the share of paragraphs that mention it;
* position -- how early the first mention comes;
* title -- named in the headline;
* subject -- the share of mentions that are a grammatical subject.

A nationality or group adjective (NORP: "American", "Chinese") modifies other
entities and is rarely what an article is about: its score is scaled down.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import Candidate

_WEIGHTS = {"frequency": 0.35, "spread": 0.25, "position": 0.15, "title": 0.1, "subject": 0.15}
_ADJECTIVAL_FACTOR = 0.6
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def salience(
    doc: Doc, members: list[Candidate], paragraphs: list[int], *,
    max_mentions: int, paragraph_count: int, title: str | None, names: list[str], label: str = "",
) -> float:
    """Salience of the entity whose mentions are ``members`` (paragraph numbers alongside)."""
    count = len(members)
    frequency = math.log1p(count) / math.log1p(max(max_mentions, 1))
    spread = len(set(paragraphs)) / max(paragraph_count, 1)
    first = min(paragraphs) if paragraphs else paragraph_count
    position = 1.0 - (first - 1) / max(paragraph_count, 1)
    lowered = (title or "").lower()
    in_title = 1.0 if lowered and any(name.lower() in lowered for name in names if len(name) > 2) else 0.0
    subjects = sum(1 for member in members if _is_subject(doc, member))
    score = (
        _WEIGHTS["frequency"] * frequency + _WEIGHTS["spread"] * spread
        + _WEIGHTS["position"] * position + _WEIGHTS["title"] * in_title
        + _WEIGHTS["subject"] * subjects / max(count, 1)
    )
    if label == "NORP":
        score *= _ADJECTIVAL_FACTOR
    return round(min(1.0, max(0.0, score)), 4)


def _is_subject(doc: Doc, member: Candidate) -> bool:
    """True when the span's syntactic head is a subject (or a possessor of one)."""
    span = doc[member.first:member.last]
    head = span.root
    if head.dep_ in _SUBJECT_DEPS:
        return True
    return head.dep_ == "poss" and head.head.dep_ in _SUBJECT_DEPS
