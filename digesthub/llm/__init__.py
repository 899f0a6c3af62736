"""The llm engine: digests and answers from any OpenAI-compatible chat endpoint, checked.

``llm_digest(annotated)`` asks a chat model for all four digest sections as
JSON in a fixed schema, then checks them against the article (citations,
entities, dates, prompt leaks) and drops what fails, saying why.
``llm_answer(question, passages, model=...)`` does the same for corpus
questions. Settings come from the environment or a TOML file
(:class:`LLMSettings`); backends register with :func:`register_backend`.

Names are imported on first use, so reading the settings does not load the
openai client.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ChatModel": "digesthub.llm.client",
    "Completion": "digesthub.llm.client",
    "OpenAIChatModel": "digesthub.llm.client",
    "UsageTracker": "digesthub.llm.client",
    "register_backend": "digesthub.llm.client",
    "LLMSettings": "digesthub.llm.config",
    "llm_digest": "digesthub.llm.engine",
    "llm_answer": "digesthub.llm.answer",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'digesthub.llm' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
