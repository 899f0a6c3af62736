"""Shared helpers for the llm tests: the test article and settings pointing at the fake server."""

from __future__ import annotations

import datetime as dt
import json

from digesthub.llm.config import LLMSettings
from digesthub.types import AnnotatedArticle, Article, Paragraph
from tests.llm_server import FIXTURES


def article(*, injected: bool = False) -> Article:
    """The fictional test article; ``injected`` adds a paragraph of prompt-injection text."""
    data = json.loads((FIXTURES / "article.json").read_text(encoding="utf-8"))
    texts = list(data["paragraphs"])
    if injected:
        texts.insert(2, data["injected_paragraph"])
    return Article(id=data["id"], title=data["title"], published=dt.date.fromisoformat(data["published"]),
                   paragraphs=[Paragraph(n, t) for n, t in enumerate(texts, start=1)])


def annotated(*, injected: bool = False) -> AnnotatedArticle:
    """The article with an empty analysis (the llm engine reads only the article)."""
    return AnnotatedArticle(article=article(injected=injected), sentences=[], mentions=[], entities=[],
                            times=[], facts=[])


def settings(base_url: str, **overrides: object) -> LLMSettings:
    """Settings for the fake server with test-sized timeouts and backoff."""
    values: dict[str, object] = {"base_url": base_url, "model": "test-model", "api_key": "sk-test",
                                 "timeout_s": 2.0, "max_retries": 2, "backoff_s": 0.01, "max_backoff_s": 2.0}
    values.update(overrides)
    return LLMSettings(**values)  # type: ignore[arg-type]
