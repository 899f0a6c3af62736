"""digesthub: news articles into digests a reader can trust.

The public API (kept stable; see DESIGN.md)::

    read_article(source, *, format=None, title=None, published=None, url=None) -> Article
    digest(article_or_text, *, title=None, published=None, engine="offline") -> Digest
    tag_times(text, anchor=None) -> list[TimeExpression]
    find_entities(text) -> list[Mention]
    link_entities(docs) -> list[EntityCluster]
    build_timeline(articles, *, max_dates=None) -> Timeline
    Corpus(url="sqlite:///digesthub.db")

Functions are imported lazily so that ``import digesthub`` stays fast and does
not load spaCy until a stage needs it. The library never configures logging.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from digesthub.errors import DigesthubError, Errors
from digesthub.types import (
    SCHEMA_VERSION, AnnotatedArticle, Article, Citation, Digest, Dropped, EntityCard,
    EntityCluster, EntityRef, Fact, KeyPoint, Mention, Paragraph, Quantity, Sentence,
    SummarySentence, TimeExpression, Timeline, TimelineEntry, Verification,
)

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

_LAZY = {
    "read_article": "digesthub.ingest",
    "digest": "digesthub.digester",
    "analyze": "digesthub.analyze",
    "tag_times": "digesthub.analyze.times",
    "find_entities": "digesthub.analyze.entities",
    "link_entities": "digesthub.corpus.linking",
    "build_timeline": "digesthub.digester.timeline",
    "Corpus": "digesthub.corpus",
}

__all__ = [
    "SCHEMA_VERSION", "AnnotatedArticle", "Article", "Citation", "Digest", "DigesthubError",
    "Dropped", "EntityCard", "EntityCluster", "EntityRef", "Errors", "Fact", "KeyPoint",
    "Mention", "Paragraph", "Quantity", "Sentence", "SummarySentence", "TimeExpression",
    "Timeline", "TimelineEntry", "Verification", *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'digesthub' has no attribute {name!r}")
