"""Typed facts from an annotated article: amounts, counts and relations.

Each sentence is read on its own: amounts and counts are found by
:func:`find_quantities` and typed by the closest cue phrase; relations
(founder, CEO, headquarters, investors, launches, founding year) by the
patterns in :mod:`patterns` over the sentence's entity mentions. The subject is
the company the sentence talks about (:class:`ArticleContext`).
"""

from __future__ import annotations

import re

from digesthub.analyze.facts import patterns as P
from digesthub.analyze.facts.context import ArticleContext
from digesthub.analyze.facts.quantities import QuantitySpan, find_quantities, is_money
from digesthub.analyze.facts.relations import (
    founded_facts, hq_facts, investor_facts, investor_spans, launch_facts, people_facts,
)
from digesthub.types import AnnotatedArticle, Fact, Sentence

_COUNT_KINDS = {"MAU": "users", "DAU": "users", "users": "users", "subscribers": "users",
                "customers": "users", "employees": "employees"}


def extract_facts(annotated: AnnotatedArticle) -> list[Fact]:
    """Every typed fact the article states, in text order, without duplicates."""
    context = ArticleContext(annotated)
    facts: list[Fact] = []
    for sentence in context.sentences:
        facts.extend(amount_facts(context, sentence))
        facts.extend(founded_facts(context, sentence))
        facts.extend(people_facts(context, sentence))
        facts.extend(hq_facts(context, sentence))
        facts.extend(investor_facts(context, sentence))
        facts.extend(launch_facts(context, sentence))
    return _dedupe(facts)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """Drop a fact restating an earlier one (same kind, subject and value)."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for fact in facts:
        amount = round(fact.quantity.amount, 3) if fact.quantity else None
        unit = fact.quantity.unit if fact.quantity else None
        key = (fact.kind, fact.subject.lower(), amount, unit, (fact.value or "").lower())
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept


def money_kind(sentence_text: str, found: QuantitySpan, previous_end: int) -> str | None:
    """The fact kind of an amount of money: the kind of the closest cue phrase.

    Cues count to the left back to the previous amount (at most
    ``LEFT_CUE_WINDOW`` characters) and just to the right ("$5bn in funding").
    """
    left_from = max(previous_end, found.start - P.LEFT_CUE_WINDOW)
    left = sentence_text[left_from:found.start]
    right = sentence_text[found.end:found.end + P.RIGHT_CUE_WINDOW]
    right = re.split(r"[,;:]|\s(?:and|while|but|after|before)\s", right)[0]
    best: tuple[int, str, bool] | None = None  # (distance, kind, cue is on the left)
    for kind, cue in P.MONEY_CUES.items():
        for match in cue.finditer(left):
            candidate = (len(left) - match.end(), kind, True)
            best = min(best, candidate) if best else candidate
        match = cue.search(right)
        if match:
            candidate = (match.start(), kind, False)
            best = min(best, candidate) if best else candidate
    if best is None:
        return None
    distance, kind, on_left = best
    # A price, fine or deal between the cue and the amount makes it something else.
    between = left[len(left) - distance:] if on_left else left[-30:]
    if kind != "valuation" and P.MONEY_BLOCKERS.search(between):
        return None
    return kind


def count_kind(sentence_text: str, found: QuantitySpan) -> str | None:
    """The fact kind of a count: users or employees, by its unit (or employment cue)."""
    unit = found.quantity.unit
    if unit == "people":
        window = sentence_text[max(0, found.start - 40):found.end + 25]
        return "employees" if P.EMPLOYMENT_CUE.search(window) else None
    return _COUNT_KINDS.get(unit)


def _round(sentence_text: str, position: int) -> str | None:
    """The funding round named in the sentence nearest to ``position``."""
    rounds = list(P.ROUND.finditer(sentence_text))
    if not rounds:
        return None
    match = min(rounds, key=lambda m: abs(m.start() - position))
    name = re.sub(r"\s+", " ", (match["round"] or match["series"])).strip()
    return name.title().replace("Ipo", "IPO") if name.lower() != "pre-ipo" else "Pre-IPO"


def amount_facts(context: ArticleContext, sentence: Sentence) -> list[Fact]:
    """Valuation, funding, revenue, users and employees facts of one sentence."""
    facts: list[Fact] = []
    previous_end = 0
    investors = investor_spans(context, sentence)
    for found in find_quantities(sentence.text):
        if is_money(found.quantity):
            kind = money_kind(sentence.text, found, previous_end)
        else:
            kind = count_kind(sentence.text, found)
        previous_end = found.end
        if kind is None:
            continue
        position = sentence.start + found.start
        subject = context.subject_before(sentence, position, exclude=investors.spans)
        if subject is None:
            continue
        fact = Fact(kind, subject.name, sentence.text, sentence.paragraph,
                    quantity=found.quantity, date=context.time_near(sentence, position),
                    details={"span": found.text})
        if found.quantity.unit == "people":
            found.quantity.unit = "employees"
        if kind == "revenue" and re.search(r"\b(?:arr|recurring)\b", sentence.text, re.I):
            fact.details["measure"] = "ARR"
        if kind == "funding":
            fact.value = _round(sentence.text, found.start)
            if investors.names:
                fact.details["investors"] = ", ".join(investors.names)
        facts.append(fact)
    return facts
