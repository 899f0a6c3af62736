"""Business-news cues: how company and founder names are introduced.

ORG: "Beijing-based Foo", "she co-founded Foo", "Foo, one of China's earliest AI
start-ups", "Foo raised $20 million", "Foo, valued at ...", "Foo" beside its
country unit "Foo China". PERSON: "founded by Foo Bar". PRODUCT: "Foo, one of
the most used chatbots". Each cue is a vote; document-level voting decides.
"""

from __future__ import annotations

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import CUE_WEIGHT, SHAPE_WEIGHT, Candidate
from digesthub.analyze.entities.countries import is_country
from digesthub.analyze.entities.patterns import ORG_NOUNS, PRODUCT_NOUNS
from digesthub.analyze.entities.spans import make_candidate

_FOUNDING = frozenset({"founded", "co-founded", "cofounded", "established", "started"})
_NEW_VENTURE = frozenset({"found", "co-found", "cofound", "start", "launch", "set", "join", "establish", "create"})
_RAISING = frozenset({"raised", "raises", "raise", "secured", "secures", "closed", "closes", "completed"})
_FUNDING_WORDS = frozenset({"funding", "round", "financing", "series", "investment", "capital"})
_FUNDING_REACH = 8
# How far "one of ... startups" may run before its noun ("one of China's earliest generative AI start-ups").
_ONE_OF_REACH = 9


def add_business_votes(doc: Doc, candidates: list[Candidate]) -> None:
    """Add the business-news cue votes to each candidate."""
    for candidate in candidates:
        full_name = candidate.best() == "PERSON" and candidate.last - candidate.first > 1
        label, weight = business_cue(doc, candidate.first, candidate.last, full_name)
        if label:
            candidate.vote(label, weight)
    _vote_country_unit_parents(candidates)


def _vote_country_unit_parents(candidates: list[Candidate]) -> None:
    """"Foo China" (a company's country unit, "a former Foo China general manager") makes "Foo"
    a company wherever the document names it alone (the model reads "at Foo" as a place)."""
    parents = set()
    for candidate in candidates:
        words = candidate.text.split()
        if len(words) >= 2 and candidate.best() == "ORG" and is_country(words[-1].lower()) \
                and not is_country(" ".join(words[:-1]).lower()):
            parents.add(" ".join(words[:-1]))
    for candidate in candidates:
        if candidate.text in parents:
            candidate.vote("ORG", CUE_WEIGHT)


def business_cue(doc: Doc, first: int, last: int, full_name: bool = False) -> tuple[str, float]:
    """The label the words around ``[first, last)`` suggest and how strongly ('' if none).

    ``full_name``: the model reads the span as a person's full name, which the
    money-raising cue leaves alone (people raise money for charity, campaigns).
    """
    before = _word(doc, first - 1)
    if before.endswith("-based") or (before == "based" and _word(doc, first - 2) == "-"):
        return "ORG", CUE_WEIGHT  # "Beijing-based Foo" (not "Beijing-based analyst Foo": a noun between)
    if before == "by" and _word(doc, first - 2) in _FOUNDING and doc[first:last].root.dep_ == "pobj":
        return "PERSON", SHAPE_WEIGHT  # "founded by Foo Bar" (an institution founds too: weakly;
        # and not "founded by Bar veteran Foo Baz", where Bar only qualifies the founder)
    if before in _FOUNDING and doc[first:last].root.dep_ == "dobj":
        return "ORG", CUE_WEIGHT  # "she co-founded Foo in 2019"
    if before in ("found", "co-found", "cofound") and _word(doc, first - 2) == "to":
        return "ORG", CUE_WEIGHT  # "she left to found Foo" (not "police found Foo")
    if before in ("left", "quit") and _word(doc, last) == "to" and _word(doc, last + 1) in _NEW_VENTURE:
        return "ORG", CUE_WEIGHT  # "she left Foo to found Bar": an employer, not the place she left
    if _investor_slot(doc, first, last):
        return "ORG", CUE_WEIGHT  # "a round led by Temasek", "with participation from Meituan", "the state-backed Foo"
    if not full_name and _raised_money(doc, first, last):
        return "ORG", CUE_WEIGHT  # "Foo raised $20 million", "Foo closed a Series B round"
    if _word(doc, last) == "," and _word(doc, last + 1) in ("valued", "headquartered", "incorporated"):
        return "ORG", CUE_WEIGHT  # "Foo, valued at $2 billion, ..."
    if _word(doc, last) == "," and _word(doc, last + 1) == "one" and _word(doc, last + 2) == "of":
        noun = _one_of_noun(doc, last + 3)
        if noun in ORG_NOUNS or noun.rstrip("s") in ORG_NOUNS or noun[:-3] + "y" in ORG_NOUNS:
            return "ORG", CUE_WEIGHT  # "Foo, one of China's earliest AI start-ups"
        if noun.rstrip("s") in PRODUCT_NOUNS:
            return "PRODUCT", CUE_WEIGHT  # "Foo, one of the most used chatbots"
    return "", 0.0


_INVESTOR_REACH = 12  # tokens back from the cue a funding word may stand ("a 2 billion yuan Series C round led by")
_STATE_BACKED = frozenset({"state-backed", "state-owned", "government-backed", "state-run", "state-controlled"})


def _investor_slot(doc: Doc, first: int, last: int) -> bool:
    """The name stands where a round's investors stand: after "led by" or "participation from" in a
    sentence about funding, first after "with" when "participating" closes the clause ("with Foo and
    Bar participating"), or after "the state-backed". People lead rounds as often as not when named
    in full, so the model's full person names are left to the model (the caller's ``full_name``)."""
    before, before2 = _word(doc, first - 1), _word(doc, first - 2)
    if before in _STATE_BACKED or (before2 == "-" and f"{_word(doc, first - 3)}-{before}" in _STATE_BACKED):
        return True  # (the tokenizer splits "state-backed" in three)
    slot = (before == "by" and before2 == "led") or (before == "from" and before2 == "participation") or (
        before == "with" and any(t.lower_ == "participating" for t in doc[last:min(len(doc), last + 8)]))
    if not slot or (doc[first:last].root.ent_type_ == "PERSON" and last - first > 1):
        return False
    window = doc[max(0, first - _INVESTOR_REACH):first]
    return any(t.lower_ in _FUNDING_WORDS or t.lower_ in ("raised", "raise", "raises") for t in window)


def _raised_money(doc: Doc, first: int, last: int) -> bool:
    """The name is the subject of "raised/secured/closed" whose object is money or a funding round."""
    root = doc[first:last].root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lower_ not in _RAISING or verb.i < last:
        return False
    window = doc[verb.i + 1:min(len(doc), verb.i + 1 + _FUNDING_REACH)]
    return any(t.ent_type_ == "MONEY" or t.lower_ in _FUNDING_WORDS for t in window)


def _one_of_noun(doc: Doc, start: int) -> str:
    """The plural noun "one of" picks from: the object of that "of" within reach."""
    of_index = start - 1
    for index in range(start, min(len(doc), start + _ONE_OF_REACH)):
        token = doc[index]
        if token.dep_ == "pobj" and token.head.i == of_index:
            if index >= 2 and doc[index - 1].text == "-" and not doc[index - 1].whitespace_:
                return f"{doc[index - 2].lower_}-{token.lower_}"  # "start-ups", split in three
            return token.lower_
        if token.text in (",", ".", ";"):
            break
    return ""


def _word(doc: Doc, index: int) -> str:
    return doc[index].lower_ if 0 <= index < len(doc) else ""


def raiser_candidates(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Untagged capitalized names that raised money ("In March 2024, Qingyu closed a 1.1 billion yuan
    Series C round"): the model left them out; the raising says company."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    found: list[Candidate] = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.is_title or not token.is_alpha \
                or token.dep_ != "nsubj" or token.ent_type_:
            continue
        first = min([token.i] + [t.i for t in token.lefts if t.dep_ == "compound" and t.is_title and t.i not in covered])
        if not _raised_money(doc, first, token.i + 1):
            continue
        candidate = make_candidate(doc, first, token.i + 1)
        candidate.vote("ORG", CUE_WEIGHT)
        found.append(candidate)
    return found
