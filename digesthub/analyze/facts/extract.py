"""Typed facts from an annotated article: amounts, counts and relations.

Each sentence is read on its own: amounts and counts are found by
:func:`find_quantities` and typed by the closest cue phrase; relations
(founder, CEO, headquarters, investors, launches, founding year) by the
patterns in :mod:`patterns` over the sentence's entity mentions. The subject is
the company the sentence talks about (:class:`ArticleContext`).
"""

from __future__ import annotations

import dataclasses
import re

from digesthub.analyze.facts import patterns as P
from digesthub.analyze.facts.age import age_founded_facts, prefer_stated_founding
from digesthub.analyze.facts.baseline import baseline_period, reported_period
from digesthub.analyze.facts.context import ORG_LABELS, PERSON_LABELS, ArticleContext
from digesthub.analyze.facts.fallback import fallback_entities, needs_fallback
from digesthub.analyze.facts.quantities import QuantitySpan, find_quantities, is_money
from digesthub.analyze.facts.places import hq_facts
from digesthub.analyze.facts.relations import (
    founded_facts, investor_facts, investor_spans, launch_facts,
)
from digesthub.analyze.facts.people import people_facts
from digesthub.types import AnnotatedArticle, EntityRef, Fact, Sentence, TimeExpression

_COUNT_KINDS = {"MAU": "users", "DAU": "users", "users": "users", "subscribers": "users",
                "customers": "users", "employees": "employees"}


def extract_facts(annotated: AnnotatedArticle) -> list[Fact]:
    """Every typed fact the article states, in text order, without duplicates."""
    if needs_fallback(annotated):
        annotated = dataclasses.replace(annotated, entities=fallback_entities(annotated))
    context = ArticleContext(annotated)
    facts: list[Fact] = []
    for sentence in context.sentences:
        facts.extend(amount_facts(context, sentence))
        facts.extend(founded_facts(context, sentence))
        facts.extend(age_founded_facts(context, sentence))
        facts.extend(people_facts(context, sentence))
        facts.extend(hq_facts(context, sentence))
        facts.extend(investor_facts(context, sentence))
        facts.extend(launch_facts(context, sentence))
    return _dedupe(prefer_stated_founding(facts))


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


# A verb of change right before an amount: what is added to or cut from a figure, not the figure.
_CHANGE_VERB = re.compile(r"\b(?:add(?:s|ed|ing)?|shave[sd]?|shaving|wipe[sd]?|wiping|cut(?:s|ting)?|"
                          r"reduce[sd]?|reducing|boost(?:s|ed|ing)?)\s+(?:(?:about|some|nearly|up\s+to|an?\s+extra|"
                          r"another)\s+)?$", re.I)


_COMMA_PENALTY = 30


def money_kind(sentence_text: str, found: QuantitySpan, previous_end: int) -> str | None:
    """The fact kind of an amount of money: the kind of the closest cue phrase.

    Cues count to the left back to the previous amount (at most
    ``LEFT_CUE_WINDOW`` characters) and just to the right ("$5bn in funding").
    """
    left_from = max(previous_end, found.start - P.LEFT_CUE_WINDOW)
    left = sentence_text[left_from:found.start]
    if _CHANGE_VERB.search(left):
        return None  # "could add 20 billion yuan to Xiaomi's revenue": a change, not the figure
    right = sentence_text[found.end:found.end + P.RIGHT_CUE_WINDOW]
    right = re.split(r"[,;:]|\s(?:and|while|but|after|before)\s", right)[0]
    if P.PER_UNIT.match(right):
        return None
    best: tuple[int, str, bool, int] | None = None  # (rank, kind, cue is on the left, distance)
    for kind, cue in P.MONEY_CUES.items():
        for match in cue.finditer(left):
            # "$58 billion in revenue, $13.6 billion in profit": a cue behind a comma belongs to its own amount
            distance = len(left) - match.end()
            comma = _COMMA_PENALTY if "," in left[match.end():] else 0
            candidate = (distance + comma, kind, True, distance)
            best = min(best, candidate) if best else candidate
        match = cue.search(right)
        if match:
            candidate = (match.start(), kind, False, match.start())
            best = min(best, candidate) if best else candidate
    if best is None:
        return None
    _, kind, on_left, distance = best
    blocked_right = P.MONEY_BLOCKERS.search(right)
    if blocked_right and (on_left or blocked_right.start() < distance):
        return None  # "$13.6 billion in profit": the closer word says what it is
    # A price, fine or deal between the cue and the amount makes it something else.
    between = left[len(left) - distance:] if on_left else left[-30:]
    if kind != "valuation" and P.MONEY_BLOCKERS.search(between):
        return None
    return kind


_PER_SHARE = re.compile(r"\bper\s+share\b[^$£€¥\d]{0,12}$", re.I)


def profit_measure(sentence_text: str, found: QuantitySpan) -> str | None:
    """"net loss", "operating profit", "profit": what a profit figure measures, read from its cue;
    None when the amount is a fall in market value, a part's result or a per-share figure."""
    left = sentence_text[max(0, found.start - P.LEFT_CUE_WINDOW):found.start]
    right = sentence_text[found.end:found.end + P.RIGHT_CUE_WINDOW]
    if P.PROFIT_NOT_RESULT.match(right) or _PER_SHARE.search(left) \
            or P.PROFIT_OF_PART.match(sentence_text[found.end:found.end + 2 * P.RIGHT_CUE_WINDOW]):
        return None
    cues = list(P.MONEY_CUES["profit"].finditer(left))
    cue = cues[-1] if cues else P.MONEY_CUES["profit"].search(right)
    words = P.PROFIT_MEASURE.search(cue[0]) if cue else None
    if words is None:
        return None
    what = {"lost": "loss", "profits": "profit", "losses": "loss"}.get(words["what"].lower(), words["what"].lower())
    grade = (words["grade"] or "").lower().replace("pretax", "pre-tax")
    return f"{grade} {what}".strip()


def count_kind(sentence_text: str, found: QuantitySpan) -> str | None:
    """The fact kind of a count: users or employees, by its unit (or employment cue)."""
    unit = found.quantity.unit
    if unit in ("employees", "people") and (P.EMPLOYEE_CHANGE.search(sentence_text[:found.start])
                                            or P.EMPLOYEES_EVENT.match(sentence_text, found.end)):
        return None
    if unit not in ("employees", "people") and P.USER_SAMPLE.search(sentence_text[:found.start]):
        return None
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


def _figure_for(context: ArticleContext, sentence: Sentence,
                found: QuantitySpan) -> EntityRef | None:
    """The company named right after a figure: "$4.5 billion in revenue for Tesla"."""
    after = sentence.start + found.end
    for mention in context.mentions_in(after, min(sentence.end, after + 50), ORG_LABELS)[:1]:
        if P.FIGURE_FOR.match(context.text[after:mention.start]):
            return mention.entity
    return None


def _funding_by(context: ArticleContext, sentence: Sentence, found: QuantitySpan,
                target: EntityRef, investor: EntityRef | None) -> Fact:
    """The funding fact of "investor invested amount in target"."""
    fact = Fact("funding", target.name, sentence.text, sentence.paragraph,
                quantity=found.quantity, value=_round(sentence.text, found.start),
                date=context.time_near(sentence, sentence.start + found.start),
                details={"span": found.text})
    if investor is not None and investor is not target:
        fact.details["investors"] = investor.name
    return fact


def _invested_in(context: ArticleContext, sentence: Sentence,
                 found: QuantitySpan) -> tuple[EntityRef, EntityRef | None] | None:
    """"Microsoft invested $1 billion in OpenAI", "Stellantis bought a 21 percent stake in Leapmotor
    for 1.5 billion euros": (OpenAI, Microsoft), (Leapmotor, Stellantis)."""
    stake = P.STAKE_FOR.search(sentence.text, max(0, found.start - 120), found.start)
    if stake is not None:
        targets = context.mentions_in(sentence.start + stake.start("target"), sentence.start + stake.end("target"),
                                      ORG_LABELS)
        if targets:
            buyer = context.subject_before(sentence, sentence.start + stake.start(), labels=ORG_LABELS | PERSON_LABELS)
            return targets[0].entity, buyer if buyer is not targets[0].entity else None
    left = sentence.text[max(0, found.start - 30):found.start]
    if not P.INVESTED_IN.search(left):
        return None
    after = sentence.start + found.end
    for mention in context.mentions_in(after, sentence.end, ORG_LABELS)[:1]:
        if P.INVESTED_IN_TARGET.match(context.text[after:mention.start]):
            investor = context.subject_before(sentence, sentence.start + found.start,
                                              labels=ORG_LABELS | PERSON_LABELS)
            return mention.entity, investor
    return None


def _thing_valued(before: str) -> bool:
    """Whether the worth stated just before an amount is a thing's, not a company's."""
    matches = list(P.THING_VALUED.finditer(before))
    if not matches or before[matches[-1].end():].strip(" ,:") not in ("", "at", "about", "around",
                                                                     "nearly", "an estimated"):
        return False
    return not P.COMPANY_ANAPHOR.match(matches[-1]["np"])


def _someone_else(context: ArticleContext, sentence: Sentence, subject: EntityRef,
                  position: int) -> bool:
    """Whether the figure at ``position`` belongs to another than ``subject``.

    "X said the businesses to be acquired had revenue of": a part of a company
    stands between; "Mat Maid was valued at" (a name the recognizer missed opens
    the sentence while ``subject`` is not named in it): an unknown company.
    """
    named = [m for m in context.mentions_in(sentence.start, position, ORG_LABELS)
             if m.entity is subject]
    sources = context.sources_in(sentence)
    if not [m for m in context.mentions_in(sentence.start, position, ORG_LABELS) if m.entity not in sources] \
            and P.WHOLE_TRADE.search(sentence.text):
        return True  # "though valued at $200 million, the energy storage industry ..."
    gap_from = named[-1].end if named else sentence.start
    if P.PART_OF_COMPANY.search(context.text, gap_from, position):
        return True
    opening = P.UNKNOWN_OPENING_NAME.match(sentence.text)
    return bool(opening and not named and not context.mentions_in(
        sentence.start, sentence.start + opening.end("name"), ORG_LABELS | PERSON_LABELS))


def is_forecast(sentence_text: str, amount_start: int) -> bool:
    """Whether the clause an amount stands in states it as expected, planned or aimed for."""
    clause_start = 0
    for match in P.FORECAST_CLAUSE_START.finditer(sentence_text, 0, amount_start):
        clause_start = match.end()
    window = P.RELATIVE_ASIDE.sub(",", sentence_text[clause_start:amount_start])
    cues = list(P.FORECAST_BEFORE.finditer(window))
    return bool(cues) and not P.DONE_BEFORE_AMOUNT.search(window, cues[-1].end())


def amount_facts(context: ArticleContext, sentence: Sentence) -> list[Fact]:
    """Valuation, funding, revenue, profit, users and employees facts of one sentence."""
    facts: list[Fact] = []
    previous_end, previous_kind = 0, None
    reported: TimeExpression | None = None  # the part of a year the sentence's figures are for
    investors = investor_spans(context, sentence)
    for found in find_quantities(sentence.text):
        invested = _invested_in(context, sentence, found) if is_money(found.quantity) else None
        if invested is not None:
            facts.append(_funding_by(context, sentence, found, *invested))
            previous_end = found.end
            continue
        kind = _amount_kind(sentence.text, found, previous_end, previous_kind)
        previous_end, previous_kind = found.end, kind
        measure = profit_measure(sentence.text, found) if kind == "profit" else None
        if kind is None or _not_the_figure(kind, sentence.text, found) or (kind == "profit" and measure is None):
            continue
        position = sentence.start + found.start
        subject = _figure_for(context, sentence, found) or context.subject_before(
            sentence, position, exclude=investors.spans)
        if subject is None or _someone_else(context, sentence, subject, position):
            continue
        fact = Fact(kind, subject.name, sentence.text, sentence.paragraph,
                    quantity=found.quantity, date=context.time_near(sentence, position, sentence.start + found.end),
                    details={"span": found.text})
        if found.quantity.unit == "people":
            found.quantity.unit = "employees"
        if kind == "revenue" and fact.date is None:
            fact.date = context.period_before(sentence)  # "Profit rose in the third quarter. Revenue grew ..."
        fact.date = baseline_period(fact.date, reported)
        reported = fact.date if reported_period(fact.date) else reported
        _describe(fact, sentence.text, found, measure, investors.names)
        facts.append(fact)
    return facts


def _amount_kind(sentence_text: str, found: QuantitySpan, previous_end: int, previous_kind: str | None) -> str | None:
    """The kind of an amount (money by its cue, a count by its unit); the kind of the amount before
    for the second figure of "grew from $5 billion to $20 billion", "to $3 from $2"."""
    if not is_money(found.quantity):
        return count_kind(sentence_text, found)
    kind = money_kind(sentence_text, found, previous_end)
    between = sentence_text[previous_end:found.start]
    if previous_kind and (P.UP_FROM.search(between) or kind is None and (
            P.RANGE_TO.match(between) or P.COMPARED_FROM.match(between))):
        return previous_kind
    return kind


def _not_the_figure(kind: str, sentence_text: str, found: QuantitySpan) -> bool:
    """Money raised for a cause ("raised over $1m for quake victims", "to pay funeral expenses"), a
    thing's worth ("the two face mask is valued at $1,500"): no company's figure."""
    if kind == "funding":
        return bool(P.RAISED_FOR_CAUSE.match(sentence_text, found.end) or P.DONATION.search(sentence_text))
    return kind == "valuation" and _thing_valued(sentence_text[:found.start])


def _describe(fact: Fact, sentence_text: str, found: QuantitySpan, measure: str | None, investors: list[str]) -> None:
    """The details a figure's sentence adds: forecast, ARR, what a profit measures, a round and its investors."""
    if is_forecast(sentence_text, found.start):
        fact.details["status"] = "forecast"
    if fact.kind == "revenue" and re.search(r"\b(?:arr|recurring)\b", sentence_text, re.I):
        fact.details["measure"] = "ARR"
    if measure is not None:
        fact.details["measure"] = measure
    if fact.kind == "funding":
        fact.value = _round(sentence_text, found.start)
        if investors:
            fact.details["investors"] = ", ".join(investors)
