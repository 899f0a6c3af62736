"""Checks on the model's entity cards (see :mod:`digesthub.llm.checks`)."""

from __future__ import annotations

import re
from typing import Any

from digesthub.llm.checks import leak_dropped, leaks_prompt, norm, normalize_date, occurs
from digesthub.types import Article, Citation, Dropped, EntityCard, Fact, TimeExpression

_LABELS = {"organization": "ORG", "person": "PERSON", "product": "PRODUCT", "place": "GPE", "other": ""}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-Z0-9])")


def check_entities(raw: list[dict[str, Any]], article: Article) -> tuple[list[EntityCard], list[Dropped]]:
    """Cards whose entity occurs in the article, with only the aliases, sentences and facts that hold."""
    cards: list[EntityCard] = []
    dropped: list[Dropped] = []
    text = article.text
    for number, item in enumerate(raw, start=1):
        name = item["name"].strip()
        facts_text = " ".join(f"{f['text']} {f['value']}" for f in item["facts"])
        if leaks_prompt(" ".join([name, item["description"], *item["aliases"], facts_text])):
            dropped.append(leak_dropped("entities", number))
            continue
        forms = [form for form in [name, *item["aliases"]] if occurs(form, text)]
        if not forms:
            dropped.append(Dropped(section="entities", item=name, reason="neither the name nor an alias occurs in the article"))
            continue
        if any(norm(c.name) == norm(name) for c in cards):
            dropped.append(Dropped(section="entities", item=name, reason="a second card for the same entity"))
            continue
        aliases = _aliases(item["aliases"], name, text, dropped)
        description = _description(item["description"], name, article, dropped)
        facts = [f for f in (_fact(raw_fact, name, article, dropped) for raw_fact in item["facts"]) if f]
        cited = _paragraphs_naming(forms, article)
        cards.append(EntityCard(name=name, type=item["type"], aliases=aliases, description=description,
                                facts=facts, label=_LABELS.get(item["type"], ""), citations=cited))
    _rank(cards)
    return cards, dropped


def _aliases(raw: list[str], name: str, text: str, dropped: list[Dropped]) -> list[str]:
    kept: list[str] = []
    for alias in dict.fromkeys(a.strip() for a in raw):
        if not alias or norm(alias) == norm(name) or any(norm(alias) == norm(k) for k in kept):
            continue
        if occurs(alias, text):
            kept.append(alias)
        else:
            dropped.append(Dropped(section="entities", item=f"{name}: alias {alias}",
                                   reason="the alias does not occur in the article"))
    return kept


def _description(raw: str, name: str, article: Article, dropped: list[Dropped]) -> str:
    """The description's sentences that some paragraph supports."""
    from digesthub.digester.verify import find_support

    kept = []
    for sentence in (s.strip() for s in _SENTENCE_END.split(raw.strip())):
        if not sentence:
            continue
        if find_support(sentence, article, limit=1):
            kept.append(sentence)
        else:
            dropped.append(Dropped(section="entities", item=f"{name}: {sentence}"[:200],
                                   reason="no paragraph supports this description sentence"))
    return " ".join(kept)


def _fact(raw: dict[str, Any], subject: str, article: Article, dropped: list[Dropped]) -> Fact | None:
    """The fact, when its paragraph exists and contains its value; its date only when it normalizes."""
    label = f"{subject}: {raw['kind']} {raw['value']}"[:200]
    number = raw["paragraph"]
    if not 1 <= number <= len(article.paragraphs):
        dropped.append(Dropped(section="entities", item=label,
                               reason=f"cites [para. {number}], but the article has {len(article.paragraphs)} paragraphs"))
        return None
    if not occurs(raw["value"], article.paragraph(number).text):
        dropped.append(Dropped(section="entities", item=label,
                               reason=f"the value does not occur in [para. {number}]"))
        return None
    date: TimeExpression | None = None
    if raw["date"]:
        date, problem = normalize_date(raw["date"], article)
        if date is None:
            dropped.append(Dropped(section="entities", item=f"{label} (date {raw['date']})",
                                   reason=problem + "; the fact is kept without its date"))
        else:
            date.paragraph = number
    return Fact(kind=raw["kind"], subject=subject, text=raw["text"].strip(), paragraph=number,
                value=raw["value"].strip(), date=date)


def _paragraphs_naming(forms: list[str], article: Article) -> list[Citation]:
    return [Citation(paragraph=p.number) for p in article.paragraphs if any(occurs(f, p.text) for f in forms)]


def _rank(cards: list[EntityCard]) -> None:
    """Salience: the share of paragraphs naming the entity, relative to the most-named one."""
    most = max((len(card.citations) for card in cards), default=0)
    for card in cards:
        card.salience = round(len(card.citations) / most, 3) if most else 0.0
