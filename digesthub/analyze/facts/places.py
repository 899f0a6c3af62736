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
# "Google's California headquarters": owner, place, then the word for a head office.
_HQ_NOUN = re.compile(r"\s+(?:headquarters|head\s+office|hq|head\s+quarters)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^\s*(?:'s|’s)\s+$")


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
            subject = context.subject_before(sentence, cue_at, labels=ORG_LABELS)
            if subject is not None:
                facts.append(_fact(subject, sentence, place, match[0] + place.entity.name))
    return facts


def _based_adjective(context: ArticleContext, sentence: Sentence,
                     places: list[Located]) -> list[Fact]:
    """"Shenzhen-based X", "X, a Shenzhen-based ...", "the Shenzhen-based company"."""
    facts = []
    for match in P.HQ_ADJ.finditer(sentence.text):
        hyphen = sentence.start + match.end("place")
        place = next((m for m in places if m.end == hyphen), None)
        if place is None:
            continue
        after = [m for m in context.mentions_in(hyphen, sentence.end, ORG_LABELS)
                 if "," not in context.text[hyphen:m.start] and m.start - hyphen < 50]
        before = [m for m in context.mentions_in(sentence.start, place.start, ORG_LABELS)
                  if _APPOSITION.match(context.text[m.end:place.start])]
        # Only the company the adjective is attached to: "Shenzhen-based X", "X, a Shenzhen-based".
        subject = after[0].entity if after else (before[-1].entity if before else None)
        if subject is None and _BASED_ANAPHOR.match(context.text, hyphen + len("-based")):
            subject = context.referred_company(sentence)
        if subject is not None:
            facts.append(_fact(subject, sentence, place, match[0]))
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
            *_owned_headquarters(context, sentence, places)]
