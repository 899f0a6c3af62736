"""Names with a preposition inside: "Doctors Without Borders", "Campaign Against Arms Trade",
"Medecins sans Frontieres".

The model often tags only the words after the preposition ("Borders"). A span the model
calls an organization, right after a capitalized preposition that follows capitalized nouns,
grows over them, in running prose only (a Title Case headline capitalizes every word). An
organization span the model ends before a lower-case French, Spanish, Italian or Dutch particle
and a capitalized word ("Medecins" of "Medecins sans Frontieres") grows right over them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import PATTERN_WEIGHT, Candidate
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


_FOREIGN_PARTICLES = frozenset({"sans", "de", "du", "des", "del", "della", "di", "da", "do", "dos", "van", "der"})
_MAX_WORDS_AFTER = 2


def extend_over_foreign_particle(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` with organization spans grown right over "sans Frontieres", "de Paris"."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    result: list[Candidate] = []
    for candidate in candidates:
        particle = candidate.last
        last = particle + 1
        while last < len(doc) and last - particle <= _MAX_WORDS_AFTER and last not in covered \
                and doc[last].is_title and doc[last].is_alpha:
            last += 1
        if candidate.best() != "ORG" or particle >= len(doc) or particle in covered \
                or doc[particle].text not in _FOREIGN_PARTICLES or last == particle + 1:
            result.append(candidate)
            continue
        longer = make_candidate(doc, candidate.first, last)
        for label, weight in candidate.votes.items():
            longer.vote(label, weight)
        result.append(longer)
        covered.update(range(particle, last))
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


# "Shanghai State-owned Capital Investment", "Beijing State-run Assets Management": a capitalized
# "State" joined by a hyphen to a participle sits inside one name (not "Alibaba-backed Moonshot",
# where the participle follows a company: that is two names).
_STATE_PARTICIPLES = frozenset({"owned", "run", "controlled", "funded"})


def join_state_owned(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` with "<Place> State" + "-owned" + "<Name>" joined into one organization span."""
    result: list[Candidate] = []
    for candidate in candidates:
        previous = result[-1] if result else None
        if previous is not None and candidate.first == previous.last + 2 and doc[previous.last - 1].text == "State" \
                and doc[previous.last].text == "-" and doc[previous.last + 1].lower_ in _STATE_PARTICIPLES \
                and not doc[previous.last - 1].whitespace_ and not doc[previous.last].whitespace_:
            joined = make_candidate(doc, previous.first, candidate.last)
            for part in (previous, candidate):
                for label, weight in part.votes.items():
                    joined.vote(label, weight)
            joined.vote("ORG", max(joined.votes.values(), default=1.0))
            result[-1] = joined
            continue
        result.append(candidate)
    return result


def _untagged_title_run(doc: Doc, start: int, reach: int, covered: set[int]) -> int:
    """The end of the run of (at most ``reach``) capitalized words from ``start`` that no candidate
    covers and the model tagged as nothing: how far a name may grow to its head noun."""
    last = start
    while last < len(doc) and last - start < reach and last not in covered and doc[last].is_title \
            and doc[last].is_alpha and not doc[last].ent_type_:
        last += 1
    return last


_UNIT_NOUNS = frozenset({"unit", "division", "subsidiary", "affiliate", "arm"})
_OWNERS = frozenset({"its", "their", "'s", "’s"})


def extend_over_unit_name(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"its Apollo Go unit" where the model tagged only "Apollo": the span grows over the untagged
    capitalized words up to the unit noun, an organization (a company's unit is a company of its own)."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    result: list[Candidate] = []
    for candidate in candidates:
        last = _untagged_title_run(doc, candidate.last, 2, covered)
        owned = candidate.first > 0 and doc[candidate.first - 1].lower_ in _OWNERS
        if not owned or last >= len(doc) or doc[last].lower_ not in _UNIT_NOUNS:
            result.append(candidate)
            continue
        unit = make_candidate(doc, candidate.first, last) if last > candidate.last else candidate
        for label, weight in candidate.votes.items():
            if unit is not candidate:
                unit.vote(label, weight)
        unit.vote("ORG", PATTERN_WEIGHT)
        result.append(unit)
    return result


# Last words of a backer's name: "China Internet Investment Fund", "Shenzhen Capital Group".
_BACKER_HEADS = frozenset({"fund", "funds", "capital", "investment", "investments", "ventures", "partners", "holdings",
                           "group", "bank", "securities", "trust"})
_BACKER_NAME_REACH = 4  # untagged capitalized words a name may grow over to reach its head


def extend_over_backer_name(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"the state-backed China Internet Investment Fund" where the model tagged only "China": the span
    grows over the untagged capitalized words that close on a backer's head word, an organization."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    result: list[Candidate] = []
    for candidate in candidates:
        last = _untagged_title_run(doc, candidate.last, _BACKER_NAME_REACH, covered)
        if last == candidate.last or doc[last - 1].lower_ not in _BACKER_HEADS:
            result.append(candidate)
            continue
        backer = make_candidate(doc, candidate.first, last)
        backer.vote("ORG", PATTERN_WEIGHT)
        result.append(backer)
    return result
