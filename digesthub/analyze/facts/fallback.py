"""Entities for text the entity layer leaves empty (lower-cased corpora).

The entity layer trusts capitalization and so finds nothing in lower-cased
text (CNN/DailyMail as released). Facts still need subjects there, so for such
an article spaCy's entities, with the names the wording marks
(:mod:`lowercase`), are grouped by their lower-cased text. They are rougher
than the entity layer's, which is why they are used only when it found
nothing in text without capitals.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from spacy.tokens import Span

from digesthub.analyze.facts.lowercase import name_spans
from digesthub.analyze.nlp import parse
from digesthub.types import AnnotatedArticle, Article, EntityRef, Mention

_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "FAC", "WORK_OF_ART"})


_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|from|to|at|of|across|into|throughout|near|outside|inside|around|across|"
    r"visit(?:ed|ing)?)\s+(?:the\s+)?$")


# "the california-based firm", "google 's california headquarters": a place whatever precedes.
_PLACE_AFTER = re.compile(r"-based\b|\s+(?:headquarters|head\s+office|hq)\b")


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word before ``start`` is one that places usually follow."""
    return bool(_PLACE_PREPOSITION.search(text[max(0, start - 20):start]))


def needs_fallback(annotated: AnnotatedArticle) -> bool:
    """Whether the article is lower-cased text in which no entity was found."""
    text = annotated.article.text
    return not annotated.entities and bool(text.strip()) and text == text.lower()


def _merge_surnames(grouped: dict[str, EntityRef]) -> None:
    """Fold a one-word name into the one person whose surname it is ("zaslav")."""
    people = [e for e in grouped.values() if e.label == "PERSON" and " " in e.name]
    for name, entity in list(grouped.items()):
        if " " in name or entity.label not in ("PERSON", "ORG"):
            continue
        owners = [p for p in people if p.name.split()[-1] == name]  # a surname, not a first word
        if len(owners) == 1:
            owners[0].mentions.extend(
                dataclasses.replace(m, label="PERSON") for m in entity.mentions)
            owners[0].mentions.sort(key=lambda m: m.start)
            del grouped[name]


def _group(article: Article, spans: list[Span]) -> dict[str, EntityRef]:
    """One EntityRef per distinct lower-cased name, labelled by its most frequent label."""
    grouped: dict[str, EntityRef] = {}
    labels: dict[str, Counter[str]] = {}
    for ent in spans:
        if ent.label_ not in _LABELS:
            continue
        name = ent.text.strip(" '\"")
        entity = grouped.setdefault(name, EntityRef(name, ent.label_, [], []))
        labels.setdefault(name, Counter())[ent.label_] += 1
        entity.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_,
                                       article.paragraph_at(ent.start_char)))
    for name, entity in grouped.items():
        # The tagger labels one lower-cased name differently from place to place.
        entity.label = labels[name].most_common(1)[0][0]
    for entity in grouped.values():
        if entity.label == "GPE" and not any(_after_preposition(article.text, m.start)
                                             or _PLACE_AFTER.match(article.text, m.end)
                                             for m in entity.mentions):
            entity.label = "ORG"  # "poundland has posted ...": never a place here
    return grouped


def fallback_entities(annotated: AnnotatedArticle) -> list[EntityRef]:
    """spaCy's own entities of the article, one EntityRef per distinct name."""
    article = annotated.article
    spans = name_spans(parse(article.text))
    grouped = _group(article, spans)
    _merge_surnames(grouped)
    most = max((len(e.mentions) for e in grouped.values()), default=1)
    for entity in grouped.values():
        # Salience: how often, and how early, the entity is named.
        first = entity.mentions[0].start / max(len(article.text), 1)
        entity.salience = 0.7 * len(entity.mentions) / most + 0.3 * (1.0 - first)
    return list(grouped.values())
