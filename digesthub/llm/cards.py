"""Checks on the model's entity cards (see :mod:`digesthub.llm.checks`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from digesthub.llm.checks import leak_dropped, leaks_prompt
from digesthub.llm.dates import checked_date
from digesthub.llm.text import norm, occurs
from digesthub.types import (
    AnnotatedArticle,
    Article,
    Citation,
    Dropped,
    EntityCard,
    Fact,
    Quantity,
    TimeExpression,
)

_LABELS = {"organization": "ORG", "person": "PERSON", "product": "PRODUCT", "place": "GPE", "other": ""}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-Z0-9])")


def check_entities(raw: list[dict[str, Any]],
                   annotated: AnnotatedArticle) -> tuple[list[EntityCard], list[Dropped]]:
    """Cards whose entity occurs in the article, with only the aliases, sentences and facts that hold.

    The analysis layer's time expressions count as statements of a date (see
    :func:`checked_date`); its sentences give each fact its evidence.
    """
    checker = _CardChecker(annotated.article, annotated)
    cards: list[EntityCard] = []
    for number, item in enumerate(raw, start=1):
        card = checker.card(item, number, cards)
        if card is not None:
            cards.append(card)
    _rank(cards)
    return cards, checker.dropped


@dataclass
class _CardChecker:
    article: Article
    annotated: AnnotatedArticle
    dropped: list[Dropped] = field(default_factory=list)

    def drop(self, item: str, reason: str) -> None:
        self.dropped.append(Dropped(section="entities", item=item[:200], reason=reason))

    def card(self, item: dict[str, Any], number: int, cards: list[EntityCard]) -> EntityCard | None:
        """The checked card for ``item``, or None when it goes (recorded in :attr:`dropped`)."""
        name = item["name"].strip()
        facts_text = " ".join(f"{f['text']} {f['value']}" for f in item["facts"])
        if leaks_prompt(" ".join([name, item["description"], *item["aliases"], facts_text])):
            self.dropped.append(leak_dropped("entities", number))
            return None
        forms = [form for form in [name, *item["aliases"]] if occurs(form, self.article.text)]
        if not forms:
            self.drop(name, "neither the name nor an alias occurs in the article")
            return None
        if any(norm(c.name) == norm(name) for c in cards):
            self.drop(name, "a second card for the same entity")
            return None
        facts = [f for f in (self.fact(raw_fact, name) for raw_fact in item["facts"]) if f]
        return EntityCard(name=name, type=item["type"], aliases=self.aliases(item["aliases"], name),
                          description=self.description(item["description"], name), facts=facts,
                          label=_LABELS.get(item["type"], ""), citations=self.paragraphs_naming(forms))

    def aliases(self, raw: list[str], name: str) -> list[str]:
        kept: list[str] = []
        for alias in dict.fromkeys(a.strip() for a in raw):
            if not alias or norm(alias) == norm(name) or any(norm(alias) == norm(k) for k in kept):
                continue
            if occurs(alias, self.article.text):
                kept.append(alias)
            else:
                self.drop(f"{name}: alias {alias}", "the alias does not occur in the article")
        return kept

    def description(self, raw: str, name: str) -> str:
        """The description's sentences that some paragraph supports."""
        from digesthub.digester.verify import find_support

        kept = []
        for sentence in (s.strip() for s in _SENTENCE_END.split(raw.strip())):
            if sentence and find_support(sentence, self.article, limit=1):
                kept.append(sentence)
            elif sentence:
                self.drop(f"{name}: {sentence}", "no paragraph supports this description sentence")
        return " ".join(kept)

    def fact(self, raw: dict[str, Any], subject: str) -> Fact | None:
        """The fact, when its paragraph exists and contains its value; its date only when it checks out."""
        label = f"{subject}: {raw['kind']} {raw['value']}"
        number, count = raw["paragraph"], len(self.article.paragraphs)
        if not 1 <= number <= count:
            self.drop(label, f"cites [para. {number}], but the article has {count} paragraphs")
            return None
        if not occurs(raw["value"], self.article.paragraph(number).text):
            self.drop(label, f"the value does not occur in [para. {number}]")
            return None
        date: TimeExpression | None = None
        if raw["date"]:
            date, problem = checked_date(raw["date"], self.article, [number], self.annotated.times)
            if date is None:
                self.drop(f"{label} (date {raw['date']})", problem + "; the fact is kept without its date")
            else:
                date.paragraph = number
        value = raw["value"].strip()
        evidence = self.evidence(value, number)
        details = {"llm_text": raw["text"].strip()}
        if _stated_as_forecast(evidence, value):
            details["status"] = "forecast"  # the same reading as the offline extractor's
        return Fact(kind=raw["kind"], subject=subject, text=evidence, paragraph=number,
                    quantity=_quantity(value), value=value, date=date, details=details)

    def evidence(self, value: str, number: int) -> str:
        """The sentence of paragraph ``number`` stating ``value`` (the whole paragraph if none is found)."""
        paragraph = self.article.paragraph(number).text
        sentences = [s.text for s in self.annotated.sentences_in(number)] or _SENTENCE_END.split(paragraph)
        return next((s for s in sentences if occurs(value, s)), paragraph)

    def paragraphs_naming(self, forms: list[str]) -> list[Citation]:
        return [Citation(paragraph=p.number) for p in self.article.paragraphs
                if any(occurs(f, p.text) for f in forms)]


def _stated_as_forecast(evidence: str, value: str) -> bool:
    """Whether the evidence sentence states ``value`` as expected or planned ("It expects revenue of ...")."""
    from digesthub.analyze.facts.extract import is_forecast

    at = evidence.lower().find(value.lower())
    return at > 0 and is_forecast(evidence, at)


def _quantity(value: str) -> Quantity | None:
    """The amount or count ``value`` states, normalized, when it is one."""
    try:
        from digesthub.analyze.facts.quantities import find_quantities
    except ImportError:  # the quantity grammar is optional: the value string is kept either way
        return None
    found = find_quantities(value)
    return found[0].quantity if len(found) == 1 else None


def _rank(cards: list[EntityCard]) -> None:
    """Salience: the share of paragraphs naming the entity, relative to the most-named one."""
    most = max((len(card.citations) for card in cards), default=0)
    for card in cards:
        card.salience = round(len(card.citations) / most, 3) if most else 0.0
