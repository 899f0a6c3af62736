"""Headquarters facts: "headquartered in X", "based in X", "the X-based company",
"Google's California headquarters"."""

from __future__ import annotations

import re

from digesthub.analyze.facts import patterns as P
from digesthub.analyze.facts.context import (
    ORG_LABELS, PERSON_LABELS, PLACE_LABELS, ArticleContext, Located,
)
from digesthub.types import EntityRef, Fact, Sentence

_APPOSITION = re.compile(r"^\s*,\s*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "the California-based company": the adjective is on an anaphor, not on a name.
_BASED_ANAPHOR = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:company|firm|startup|start-up|giant|group|site|retailer|maker|"
    r"chain|business|brand|manufacturer|operator|airline|bank)\b", re.IGNORECASE)
# "a Shenzhen-based startup" introduces another company, except as the subject's apposition or
# predicate: "The company, a Shenzhen-based startup, said", "It is a Shenzhen-based firm".
_INDEFINITE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_SUBJECT_DESCRIBED = re.compile(
    r"^\s*(?:(?:the|this)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*,|(?:it|(?:the|this)\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s+"
    r"(?:is|was|remains|became))\s*$", re.IGNORECASE)
# Between "Beijing-based" and a company it qualifies stand only nouns ("start-up", "AI company"):
# a verb or a preposition starts another phrase ("the Beijing-based start-up founded by Sogou's ...").
_LINK_WORD = re.compile(r"\b(?:by|of|from|for|with|at|in|to|founded|backed|led|owned|run|said|says|and|"
                        r"whose|which|that|who|where)\b", re.IGNORECASE)
# "Unitree Robotics, the Hangzhou-based maker": the adjective describes the name before the
# comma, recognized as a company or not, so not the company the story is about. (A month or
# weekday before the comma is a time: "On Tuesday, the Shenzhen-based company said".)
_NAME_APPOSITION = re.compile(
    r"(?-i:[A-Z])[\w.&'’-]*\s*,\s*(?:the|a|an)\s+$", re.IGNORECASE)
_TIME_WORD = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|today|yesterday)\s*,\s*(?:the|a|an)\s+$",
    re.IGNORECASE)
# "Google's California headquarters": owner, place, then the word for a head office.
_HQ_NOUN = re.compile(r"\s+(?:headquarters|head\s+office|hq|head\s+quarters)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^\s*(?:'s|’s)\s+$")
# Between a company and "based in": a comma clause or a verb ("X, a maker, is based in"),
# after at most the rest of a name the recognizer cut short ("hop [theory], based in").
_BASED_GAP = re.compile(
    r"^(?:'s|’s)?(?:(?:\s+[\w'-]+){0,2}\s*,.*|\s*(?:(?:is|was|are|were|remains|has\s+been|had\s+been|"
    r"also|now|currently|still|originally|which|that)\s+)*)$", re.IGNORECASE | re.DOTALL)
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|who|i|we|they)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# "Cilcorp Inc., Peoria" / "Hunter Inc. of Southport": a company, then its seat.
_COMPANY_THEN_PLACE = re.compile(r"^(?:\s*,\s*(?:of\s+)?|\s+of\s+)$", re.IGNORECASE)
# Before a name in a list or after a preposition of place, a "company" is likely a place.
_LIST_OR_PLACE_BEFORE = re.compile(r"(?:,|\b(?:and|or|from|in|near|at))\s*$", re.IGNORECASE)
# A company's legal or trade form closing its name: only then is "X, Peoria," a seat.
_DESIGNATOR = re.compile(
    r"\b(?:Inc|Corp|Co|Cos|Ltd|PLC|LLC|LP|AG|SA|S\.A|N\.V|NV|GmbH|SpA|S\.p\.A|Group|Holdings?|"
    r"Airlines?|Bancorp|Industries|Enterprises|Partners)\.?$")
# "Peoria, Ill.": a state or country right after a city.
_STATE_GAP = re.compile(r"^\s*,\s*$")
# The appositive closes: "Cilcorp Inc., Peoria, Ill., said".
_PLACE_CLOSED = re.compile(r"\s*(?:,|;|\)|$)")
# "the St. Louis company", "a New York holding company", "the Dallas oil and gas concern"
# (not "group": aid and rebel groups are none).
_PLACE_LEAD = re.compile(r"\b(?P<article>the|a|an)\s+$", re.IGNORECASE)
_PLACE_NOUN = re.compile(
    r"(?:,\s*)?\s+(?:[a-z][\w-]*\s+){0,3}?(?:company|concern|firm|startup|start-up|"
    r"retailer|maker|manufacturer|producer|chain|operator|airline|carrier|bank|insurer|utility|"
    r"thrift|publisher|conglomerate|wholesaler|distributor)\b")
# "X is a New York ...", "X, a New York ...": the company the description is about.
_IS_A = re.compile(r"^\s*(?:,|\s(?:is|was|remains|became))\s*$", re.IGNORECASE)


def _fact(subject: EntityRef, sentence: Sentence, place: Located, span: str) -> Fact:
    return Fact("headquarters", subject.name, sentence.text, sentence.paragraph,
                value=place.entity.name, details={"span": span})


def _based_in(context: ArticleContext, sentence: Sentence, places: list[Located]) -> list[Fact]:
    """"headquartered in X", "based in X" after the company."""
    facts = []
    for match in P.HQ_IN.finditer(sentence.text):
        at = sentence.start + match.end()
        place = next((m for m in places if m.start == at), None)
        cue_at = sentence.start + match.start()
        people = context.mentions_in(sentence.start, cue_at, PERSON_LABELS)
        orgs = context.mentions_in(sentence.start, cue_at, ORG_LABELS)
        if place is not None and not (people and (not orgs or people[-1].start > orgs[-1].start)):
            # "a journalist based in X" after a person's name is about the person.
            subject = _based_subject(context, sentence, cue_at)
            if subject is not None:
                facts.append(_fact(subject, sentence, place, match[0] + place.entity.name))
    return facts


def _based_subject(context: ArticleContext, sentence: Sentence, cue_at: int) -> EntityRef | None:
    """The company "based in" is said of: named right before it, or "the company"/"it".

    "a syndrome charity based in Liverpool", "billionaires based in Britain", "who is
    based in Switzerland": a common noun or a person stands between, so no company's.
    """
    before = context.text[sentence.start:cue_at]
    if _PERSON_PRONOUN.search(before):
        return None
    orgs = context.mentions_in(sentence.start, cue_at, ORG_LABELS)
    if orgs and _BASED_GAP.match(context.text[orgs[-1].end:cue_at]):
        return orgs[-1].entity
    anaphor = None
    for anaphor in P.COMPANY_ANAPHOR.finditer(before):
        pass
    if anaphor is not None and _BASED_GAP.match(before[anaphor.end():]):
        return context.subject_before(sentence, cue_at, labels=ORG_LABELS)
    return None


def _based_adjective(context: ArticleContext, sentence: Sentence,
                     places: list[Located]) -> list[Fact]:
    """"Shenzhen-based X", "X, a Shenzhen-based ...", "the Shenzhen-based company"."""
    facts = []
    for match in P.HQ_ADJ.finditer(sentence.text):
        hyphen = sentence.start + match.end("place")
        place = next((m for m in places if m.end == hyphen), None)
        if place is None:
            continue
        people = context.mentions_in(hyphen, sentence.end, PERSON_LABELS)
        after = [m for m in context.mentions_in(hyphen, sentence.end, ORG_LABELS)
                 if "," not in context.text[hyphen:m.start] and m.start - hyphen < 50
                 and not _LINK_WORD.search(context.text, hyphen, m.start)  # "start-up founded by Sogou ..."
                 and not any(p.end <= m.start for p in people)]  # "LA-based journalist X told Y"
        before = [m for m in context.mentions_in(sentence.start, place.start, ORG_LABELS)
                  if _APPOSITION.match(context.text[m.end:place.start])]
        # Only the company the adjective is attached to: "X, a Shenzhen-based ..." (the apposition
        # wins over a company further on: "Figma, the San Francisco-based company whose tool
        # inspired Lanhai's"), "Shenzhen-based X".
        subject = before[-1].entity if before else (after[0].entity if after else None)
        if subject is None and _BASED_ANAPHOR.match(context.text, hyphen + len("-based")) \
                and _refers_back(context.text[sentence.start:place.start]):
            subject = context.referred_company(sentence)
        if subject is not None:
            facts.append(_fact(subject, sentence, place, match[0]))
    return facts


def _refers_back(before_place: str) -> bool:
    """Whether "<place>-based company" after ``before_place`` is the company already in the story."""
    if _NAME_APPOSITION.search(before_place) and not _TIME_WORD.search(before_place):
        return False
    indefinite = _INDEFINITE.search(before_place)
    return indefinite is None or bool(_SUBJECT_DESCRIBED.match(before_place[:indefinite.start()]))


def _place_span(context: ArticleContext, place: Located, places: list[Located]) -> int:
    """Where a place name ends, its state or country included: "Peoria, Ill." ends after "Ill."."""
    following = next((m for m in places if m.start > place.end), None)
    if following is not None and _STATE_GAP.match(context.text[place.end:following.start]):
        return following.end
    return place.end


def _appositive_place(context: ArticleContext, sentence: Sentence,
                      places: list[Located]) -> list[Fact]:
    """"Cilcorp Inc., Peoria, Ill., said", "Hunter Inc. of Southport": the company's seat."""
    facts = []
    orgs = context.mentions_in(sentence.start, sentence.end, ORG_LABELS)
    for place in places:
        owner = next((m for m in reversed(orgs) if m.end <= place.start), None)
        if owner is None or not _COMPANY_THEN_PLACE.match(context.text[owner.end:place.start]):
            continue
        if _LIST_OR_PLACE_BEFORE.search(context.text, sentence.start, owner.start) \
                or not _DESIGNATOR.search(context.text, owner.start, owner.end):
            continue  # "in Australia, Hong Kong, Japan", "from Leigh-on-Sea, Essex": places
        end = _place_span(context, place, places)
        closed = _PLACE_CLOSED.match(context.text, end)
        if context.text[owner.end:place.start].strip().endswith("of") or (
                closed and end <= sentence.end):
            facts.append(_fact(owner.entity, sentence, place, context.text[owner.start:end]))
    return facts


def _place_company(context: ArticleContext, sentence: Sentence,
                   places: list[Located]) -> list[Fact]:
    """"The St. Louis company earned", "X is a New York holding company": where X is."""
    facts = []
    for place in places:
        lead = _PLACE_LEAD.search(context.text, sentence.start, place.start)
        if lead is None or lead.end() != place.start:
            continue
        if not _PLACE_NOUN.match(context.text, _place_span(context, place, places)):
            continue
        if lead["article"].lower() == "the":
            if context.text[sentence.start:lead.start()].strip():
                continue  # only as the sentence's subject: "The St. Louis company earned ..."
            subject = context.referred_company(sentence)
        else:
            orgs = [m for m in context.mentions_in(sentence.start, lead.start(), ORG_LABELS)
                    if _IS_A.match(context.text[m.end:lead.start()])]
            subject = orgs[-1].entity if orgs else None
        if subject is not None:
            facts.append(_fact(subject, sentence, place, context.text[lead.start():place.end]))
    return facts


def _owned_headquarters(context: ArticleContext, sentence: Sentence,
                        places: list[Located]) -> list[Fact]:
    """"Google's California headquarters": the owner's head office is in the place."""
    facts = []
    orgs = context.mentions_in(sentence.start, sentence.end, ORG_LABELS)
    # The recognizer often takes a place before "headquarters" for a company; the
    # wording says it is a place.
    for place in places + orgs:
        if not _HQ_NOUN.match(context.text, place.end):
            continue
        owner = next((m for m in reversed(orgs) if m.end <= place.start
                      and _POSSESSIVE.match(context.text[m.end:place.start])), None)
        if owner is not None:
            facts.append(_fact(owner.entity, sentence, place,
                               context.text[owner.start:place.end]))
    return facts


def hq_facts(context: ArticleContext, sentence: Sentence) -> list[Fact]:
    """Where a company is: every headquarters wording of one sentence."""
    places = context.mentions_in(sentence.start, sentence.end, PLACE_LABELS)
    return [*_based_in(context, sentence, places), *_based_adjective(context, sentence, places),
            *_owned_headquarters(context, sentence, places),
            *_appositive_place(context, sentence, places), *_place_company(context, sentence, places)]
