"""A registered legal name is an organization's, and so is its bare form.

"Foo Projects Inc." names a company: no person is called "... Inc.". The model
often calls the bare form ("Foo Projects said ...") a person, and the bare forms
can outnumber the one registered form in the document vote. Every candidate
whose name is a legal name, or a legal name without its suffix, gets a
pattern-strength ORG vote and loses its PERSON votes.
"""

from __future__ import annotations

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import PATTERN_WEIGHT, Candidate
from digesthub.analyze.entities.patterns import GENERIC_WORDS, LEGAL_SUFFIXES
from digesthub.analyze.entities.voting import name_key

# Suffixes that also end ordinary phrases or names ("the Company", "Hospital Co"): only
# read as a legal suffix after a capitalized word.
_PUNCT = frozenset({",", "."})


def legal_core(doc: Doc, candidate: Candidate) -> str:
    """"foo projects" for "Foo Projects Inc." / "Foo Projects, Inc." ('' when no legal suffix)."""
    tokens = list(doc[candidate.first:candidate.last])
    if len(tokens) < 2 or tokens[-1].lower_ not in LEGAL_SUFFIXES or not tokens[-1].text[:1].isupper():
        return ""
    tokens.pop()
    while tokens and tokens[-1].text in _PUNCT:
        tokens.pop()
    if not tokens or not all(t.text[:1].isupper() or not t.is_alpha for t in tokens):
        return ""
    core = name_key(" ".join(t.text for t in tokens))
    return "" if not core or core in GENERIC_WORDS or core in LEGAL_SUFFIXES else core


def add_legal_name_votes(doc: Doc, candidates: list[Candidate]) -> None:
    """ORG for every legal name and every bare form of one in the document."""
    cores = {core for c in candidates if (core := legal_core(doc, c))}
    if not cores:
        return
    for candidate in candidates:
        key = name_key(candidate.text)
        if key in cores or legal_core(doc, candidate):
            candidate.votes.pop("PERSON", None)
            candidate.vote("ORG", PATTERN_WEIGHT)


def is_legal_name(doc: Doc, members: list[Candidate]) -> bool:
    """True when any member of a name group is a registered legal name."""
    return any(legal_core(doc, c) for c in members)
