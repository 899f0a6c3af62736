"""Entities for text the entity layer leaves empty (lower-cased corpora).

The entity layer trusts capitalization and so finds nothing in lower-cased
text (CNN/DailyMail as released). Facts still need subjects there, so for such
an article the plain spaCy entities are grouped by their lower-cased text.
They are rougher than the entity layer's, which is why they are used only
when it found nothing in text without capitals.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from digesthub.analyze.nlp import parse
from digesthub.types import AnnotatedArticle, EntityRef, Mention

_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "FAC", "WORK_OF_ART"})


_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|from|to|at|of|across|into|throughout|near|outside|inside|around|across|"
    r"visit(?:ed|ing)?)\s+(?:the\s+)?$")


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word before ``start`` is one that places usually follow."""
    return bool(_PLACE_PREPOSITION.search(text[max(0, start - 20):start]))


def needs_fallback(annotated: AnnotatedArticle) -> bool:
    """Whether the article is lower-cased text in which no entity was found."""
    text = annotated.article.text
    return not annotated.entities and bool(text.strip()) and text == text.lower()


# Words the tagger marks as proper nouns in lower-cased text that never name a company.
_NOT_A_NAME = re.compile(
    r"^(?:ceo|chief|founder|co-founder|president|chairman|director|mr|mrs|ms|dr|sir|lord|"
    r"jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|cnn|daily|mail|online|scroll|video|pictured|\W.*|.*\d.*)$")


def _name_tokens(doc: Doc) -> list[Span]:
    """Single proper-noun tokens the recognizer left out: "tesla also unveiled".

    In lower-cased text spaCy's tagger still marks most company names as
    proper nouns though its recognizer misses them; a lone one (not part of a
    longer proper-noun run, which is more often a person) is taken as a name.
    """
    taken = {t.i for ent in doc.ents for t in ent}
    spans = []
    for token in doc:
        if token.pos_ != "PROPN" or token.i in taken or _NOT_A_NAME.match(token.text):
            continue
        neighbours = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" and not _NOT_A_NAME.match(n.text) for n in neighbours):
            continue
        if len(token.text) >= 3:
            spans.append(Span(doc, token.i, token.i + 1, label="ORG"))
    return spans


def _person_part(name: str, grouped: dict[str, EntityRef]) -> EntityRef | None:
    """The person whose full name holds ``name`` as a word ("musk" in "elon musk")."""
    return next((e for e in grouped.values() if e.label == "PERSON" and name != e.name
                 and name in e.name.split()), None)


def fallback_entities(annotated: AnnotatedArticle) -> list[EntityRef]:
    """spaCy's own entities of the article, one EntityRef per distinct name."""
    article = annotated.article
    grouped: dict[str, EntityRef] = {}
    labels: dict[str, Counter[str]] = {}
    doc = parse(article.text)
    for ent in [*doc.ents, *_name_tokens(doc)]:
        if ent.label_ not in _LABELS:
            continue
        name = ent.text.strip(" '\"")
        person = _person_part(name, grouped) if ent.label_ == "ORG" and len(ent) == 1 else None
        if person is not None:  # a surname alone is the person named in full before
            person.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, "PERSON",
                                           article.paragraph_at(ent.start_char)))
            continue
        entity = grouped.setdefault(name, EntityRef(name, ent.label_, [], []))
        labels.setdefault(name, Counter())[ent.label_] += 1
        entity.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_,
                                       article.paragraph_at(ent.start_char)))
    for name, entity in grouped.items():
        # The tagger labels one lower-cased name differently from place to place.
        entity.label = labels[name].most_common(1)[0][0]
    for entity in grouped.values():
        if entity.label == "GPE" and not any(_after_preposition(article.text, m.start)
                                             for m in entity.mentions):
            entity.label = "ORG"  # "poundland has posted ...": never a place here
    most = max((len(e.mentions) for e in grouped.values()), default=1)
    for entity in grouped.values():
        # Salience: how often, and how early, the entity is named.
        first = entity.mentions[0].start / max(len(article.text), 1)
        entity.salience = 0.7 * len(entity.mentions) / most + 0.3 * (1.0 - first)
    return list(grouped.values())
