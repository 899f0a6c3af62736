"""Analyze: sentences, entity mentions, time expressions, facts -> AnnotatedArticle.

One spaCy parse per article feeds sentence splitting and entity recognition;
the temporal tagger is a grammar of its own; facts read all three.
"""

from __future__ import annotations

import dataclasses

from digesthub.analyze.nlp import parse
from digesthub.analyze.sentences import split_sentences
from digesthub.types import AnnotatedArticle, Article


def analyze(article: Article) -> AnnotatedArticle:
    """Run every analysis stage over ``article``."""
    from digesthub.analyze.entities import recognize_entities
    from digesthub.analyze.facts import extract_facts
    from digesthub.analyze.times import tag_times
    from digesthub.analyze.times.periods import join_periods

    doc = parse(article.text)
    sentences = split_sentences(doc, article)
    mentions, entities = recognize_entities(doc, article)
    times = [
        dataclasses.replace(expression, paragraph=article.paragraph_at(expression.start))
        for expression in join_periods(article.text, tag_times(article.text, anchor=article.published))
    ]
    annotated = AnnotatedArticle(article, sentences, mentions, entities, times, facts=[])
    annotated.facts = extract_facts(annotated)
    return annotated


__all__ = ["analyze"]
