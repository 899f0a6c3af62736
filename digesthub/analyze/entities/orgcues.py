"""Organization cues read from the parse, and what is no evidence of a person.

ORG: "Foo, one of ..., was founded in 2019" (the subject of a passive
"founded", "headquartered", "acquired", wherever the parser puts it), "Foo said
in a statement" (unless the document shows Foo is a person), "one of China's
Six Tigers" (a plural name after "one of", "part of": a group of companies), "Alibaba" where the
document also names "Alibaba Group" (a company's short name).

Not PERSON: the model reads a lone capitalized subject of "hopes", "plans",
"expects", "believes" as a person; companies hope and plan as much. Where the
document has no person evidence for the name (no full name ending in it, no
title, no he/she after it), that occurrence's PERSON vote turns into a weak ORG
vote. An untagged capitalized subject whose clause goes on with "its" ("Foo plans
to double its staff") is an ORG candidate, as is one right after a noun naming a kind of
organization ("drone maker DJI", "Rival Unitree Robotics"). Each cue is a vote; document-level
voting decides.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from digesthub.analyze.entities.candidate import CUE_WEIGHT, MODEL_WEIGHT, SHAPE_WEIGHT, Candidate
from digesthub.analyze.entities.kinds import person_evidence
from digesthub.analyze.entities.countries import is_country
from digesthub.analyze.entities.patterns import (
    BACKER_NOUNS, CONTRACT_TERMS, GENERIC_WORDS, LEADING_NOISE, LEGAL_SUFFIXES, ORG_HEAD_WORDS, ORG_NOUNS, PERSON_TITLES,
)
from digesthub.analyze.entities.spans import make_candidate
from digesthub.analyze.entities.voting import name_key

_PASSIVE_ORG_VERBS = frozenset({"founded", "co-founded", "established", "headquartered", "incorporated",
                                "acquired", "listed", "valued", "spun"})
_INTENT_VERBS = frozenset({"hope", "hopes", "plan", "plans", "expect", "expects", "believe", "believes",
                           "aim", "aims", "intend", "intends", "forecast", "forecasts", "want", "wants",
                           "seek", "seeks", "predict", "predicts", "envisions", "targets"})
_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "i", "my"})
_STATEMENT_VERBS = frozenset({"said", "says", "announced", "added"})
# An intent verb's subject keeps this much of the model's PERSON vote; the rest goes to ORG.
_INTENT_KEEP = 0.4


def _capitals_in_prose(doc: Doc, candidate: Candidate) -> bool:
    """A one-word name of two to six capital letters between words that are not in capitals."""
    token = doc[candidate.first]
    if candidate.last - candidate.first != 1 or not (token.is_alpha and token.is_upper and 2 <= len(token) <= 6):
        return False
    neighbours = [t for t in (doc[token.i - 1] if token.i else None, doc[token.i + 1] if token.i + 1 < len(doc) else None)
                  if t is not None and t.is_alpha]
    return bool(neighbours) and all(not t.is_upper for t in neighbours)


def add_org_votes(doc: Doc, candidates: list[Candidate]) -> None:
    """Passive-founding and statement cues; intent-verb subjects lose the model's PERSON vote."""
    people: set[str] | None = None
    for candidate in candidates:
        root = doc[candidate.first:candidate.last].root
        if root.dep_ == "nsubjpass" and root.head.lower_ in _PASSIVE_ORG_VERBS:
            candidate.vote("ORG", CUE_WEIGHT)  # "Foo, one of the first ..., was founded by"
            continue
        if _group_of_members(doc, candidate):
            candidate.vote("ORG", CUE_WEIGHT)  # "one of China 's Six Tigers": a group of companies or clubs
            continue
        if _capitals_in_prose(doc, candidate) and candidate.votes.get("PERSON"):
            # "data compiled by LSEG": a word in capitals amid lower-case prose is an acronym, no one's name
            candidate.vote("ORG", candidate.votes.pop("PERSON") + 0.1 * MODEL_WEIGHT)
            continue
        statement = _in_a_statement(doc, candidate.last)
        intent = _intent_subject(doc, candidate)
        if not (statement or intent):
            continue
        if people is None:
            people = person_evidence(doc, candidates)
        if name_key(candidate.text) in people:
            continue
        if statement:
            candidate.vote("ORG", SHAPE_WEIGHT)  # weakly: a police spokesman speaks in statements too
        else:
            moved = candidate.votes["PERSON"] * (1 - _INTENT_KEEP)
            candidate.votes["PERSON"] -= moved
            candidate.vote("ORG", moved + 0.1 * MODEL_WEIGHT)


def add_short_form_votes(candidates: list[Candidate]) -> None:
    """"Alibaba" where the document names "Alibaba Group" (or "Tencent Holdings", "Foo Corp."): the
    company's short name, whatever the model guessed from the one word. Only against the model's
    guess: a place cue ("in Shanghai", beside "Shanghai Electric Group") still outweighs it. The
    long form itself is no person's name ("Marbeck Capital") whatever the model guessed."""
    short_forms = set()
    for candidate in candidates:
        words = candidate.text.split()
        heads = 0
        while heads < len(words) - 1 and words[len(words) - 1 - heads].lower() in ORG_HEAD_WORDS | LEGAL_SUFFIXES:
            heads += 1
        if heads and candidate.model_label == "PERSON" and words[-1][:1].isupper():
            candidate.vote("ORG", SHAPE_WEIGHT)  # "Marbeck Capital", "Dunmore Holdings": no one's name
        if heads and candidate.best() == "ORG":
            short_forms.add(name_key(" ".join(words[:len(words) - heads]).rstrip(",")))
    for candidate in candidates:
        key = name_key(candidate.text)
        if key in short_forms and candidate.only_model_voted() and not is_country(key) \
                and candidate.model_label != "ORG":
            candidate.vote("ORG", SHAPE_WEIGHT)


def _group_of_members(doc: Doc, candidate: Candidate) -> bool:
    """A plural name after "one of", "part of", "member of" ("part of the Six Tigers", "one of
    China 's Big Four"): a group (of companies, clubs, banks), not an event or a work."""
    last_word = doc[candidate.last - 1].text
    if candidate.last - candidate.first < 2 or not (last_word[0].isupper() and last_word.endswith("s")):
        return False
    index = candidate.first - 1
    if _word(doc, index) == "the":
        index -= 1
    elif _word(doc, index) in ("'s", "’s"):
        index -= 2  # "China 's"
    return _word(doc, index) == "of" and _word(doc, index - 1) in ("one", "part", "member", "members", "among")


def _in_a_statement(doc: Doc, last: int) -> bool:
    """"Foo said in a statement", "Foo said on Monday in a statement"."""
    if _word(doc, last) not in _STATEMENT_VERBS:
        return False
    window = [_word(doc, i) for i in range(last + 1, min(len(doc), last + 6))]
    return any(window[i:i + 3] == ["in", "a", "statement"] for i in range(len(window)))


def _intent_subject(doc: Doc, candidate: Candidate) -> bool:
    """A one-word name the model calls a person, as subject of an intent verb ("Foo hopes to")."""
    if candidate.last - candidate.first != 1 or candidate.best() != "PERSON":
        return False
    token = doc[candidate.first]
    return token.dep_ == "nsubj" and token.head.lower_ in _INTENT_VERBS and token.head.i == candidate.last


def its_subject_candidates(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Untagged capitalized subjects of a verb whose clause goes on with "its" ("Foo plans to
    double its staff") or of an intent verb ("Foo hopes to"): ORG candidates (a person's
    clause says "his", "her")."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    lower_words: set[str] | None = None
    found: list[Candidate] = []
    for token in doc:
        if token.dep_ != "nsubj" or token.i in covered or token.pos_ != "PROPN" or not _name_word(token) \
                or token.lower_ in CONTRACT_TERMS:
            continue
        if lower_words is None:  # only for the few subjects left: a pass over every token
            lower_words = {t.text for t in doc if t.is_lower}
        if token.lower_ in lower_words:
            continue  # "Borrower shall pay its debts" beside "the borrower": a defined term
        first = token.i
        while first > 0 and first - 1 not in covered and doc[first - 1].dep_ == "compound" \
                and _name_word(doc[first - 1]):
            first -= 1
        verb = token.head
        if verb.i <= token.i or verb.pos_ not in ("VERB", "AUX"):
            continue
        clause = [t.lower_ for t in doc[verb.i + 1:verb.sent.end]]
        # "Foo hopes to ...": the model knows people's names; a capitalized subject of an intent
        # verb it left untagged is as likely a company
        intent = verb.lower_ in _INTENT_VERBS and verb.i == token.i + 1
        if ("its" in clause[:8] or intent) and not _PRONOUNS.intersection(clause):
            candidate = make_candidate(doc, first, token.i + 1)
            candidate.vote("ORG", SHAPE_WEIGHT)
            found.append(candidate)
    return found


_VESSEL_NOUNS = frozenset({"carrier"})  # "the aircraft carrier Enterprise" is a ship


def org_noun_candidates(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Untagged capitalized names right after a noun naming a kind of organization: "drone
    maker DJI", "search giant Baidu", "Rival Unitree Robotics" (the model tags most such names;
    these it left out); so is one after a backer noun ("existing backer Tencent"). A word the model
    tagged as anything (a day: "the firm Tuesday") is none."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    found: list[Candidate] = []
    for token in doc[:-1]:
        # after a backer noun the untagged name is mostly a company (the model tags the people: "investor Li Ka-shing")
        cue = (token.lower_ in ORG_NOUNS and token.lower_ not in _VESSEL_NOUNS) or token.lower_ in BACKER_NOUNS \
            or _founding_verb(token)
        if not cue or token.i + 1 in covered or token.is_upper or (token.is_title and not token.is_sent_start):
            continue
        last = token.i + 1
        while last < len(doc) and last - token.i <= 3 and last not in covered and _untagged_name(doc[last]):
            last += 1
            if last + 1 < len(doc) and doc[last].text == "-" and not doc[last - 1].whitespace_ \
                    and not doc[last].whitespace_ and _untagged_name(doc[last + 1]):
                last += 1  # "High-Flyer": a hyphen inside the name
        if last > token.i + 1 and not (last < len(doc) and doc[last].text[:1].isupper() and doc[last].is_alpha):
            candidate = make_candidate(doc, token.i + 1, last)
            candidate.vote("ORG", SHAPE_WEIGHT)
            found.append(candidate)
    return found


def _founding_verb(token: Token) -> bool:
    """"founded", "established", "set up": what follows is the organization set up ("He set up
    High-Flyer in 2015")."""
    return token.lower_ in ("founded", "co-founded", "cofounded", "established") or (
        token.lower_ == "up" and token.i > 0 and token.nbor(-1).lower_ in ("set", "sets", "setting"))


def _untagged_name(token: Token) -> bool:
    return _name_word(token) and token.pos_ == "PROPN" and not token.ent_type_ \
        and token.lower_ not in PERSON_TITLES


def _name_word(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper() and not token.is_stop and len(token.text) > 1 \
        and token.lower_ not in GENERIC_WORDS and token.lower_ not in LEADING_NOISE


def _word(doc: Doc, index: int) -> str:
    return doc[index].lower_ if 0 <= index < len(doc) else ""
