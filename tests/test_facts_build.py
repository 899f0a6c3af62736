"""A hand-built AnnotatedArticle for fact and card tests (no NER involved).

``build_annotated(paragraphs, entities, times)`` makes the sentences (split on
". "), one mention per occurrence of each entity name or alias, and the time
expressions given as (text, value) pairs found in the text.
"""

from __future__ import annotations

import datetime as dt
import re

from digesthub.types import (
    AnnotatedArticle, Article, EntityRef, Mention, Paragraph, Sentence, TimeExpression,
)


def build_annotated(paragraphs: list[str], entities: list[tuple[str, str, float]],
                    times: list[tuple[str, str]] = (), aliases: dict[str, list[str]] | None = None,
                    ) -> AnnotatedArticle:
    """An annotated article whose entities are exactly ``(name, label, salience)``."""
    article = Article("t1", "Test", [Paragraph(i, p) for i, p in enumerate(paragraphs, 1)])
    text = article.text
    sentences = []
    for number, (start, end) in enumerate(article.paragraph_offsets(), 1):
        for match in re.finditer(r".+?(?:[.!?](?=\s|$)|$)", text[start:end]):
            piece = match.group().strip()
            if piece:
                offset = start + match.start() + match.group().index(piece)
                sentences.append(Sentence(offset, offset + len(piece), piece, number))
    refs = []
    for name, label, salience in entities:
        spellings = [name, *(aliases or {}).get(name, [])]
        mentions = [Mention(m.start(), m.end(), m.group(), label, article.paragraph_at(m.start()))
                    for spelling in spellings
                    for m in re.finditer(rf"(?<!\w){re.escape(spelling)}(?!\w)", text)]
        refs.append(EntityRef(name, label, spellings[1:], sorted(mentions, key=lambda m: m.start),
                              salience))
    expressions = []
    for surface, value in times:
        at = text.index(surface)
        year, month = (int(part) for part in value.split("-")[:2])
        expressions.append(TimeExpression(at, at + len(surface), surface, "DATE", value,
                                          first_day=dt.date(year, month, 1),
                                          last_day=dt.date(year, month, 28),
                                          paragraph=article.paragraph_at(at)))
    mentions = sorted((m for r in refs for m in r.mentions), key=lambda m: m.start)
    return AnnotatedArticle(article, sentences, mentions, refs, expressions, facts=[])


def test_builder_offsets_point_into_the_article_text() -> None:
    annotated = build_annotated(["Acme Robotics grew. It hired."], [("Acme Robotics", "ORG", 1.0)])
    text = annotated.article.text
    assert [s.text for s in annotated.sentences] == ["Acme Robotics grew.", "It hired."]
    assert all(text[s.start:s.end] == s.text for s in annotated.sentences)
    mention = annotated.entities[0].mentions[0]
    assert text[mention.start:mention.end] == "Acme Robotics"
