"""The llm engine: digests and answers from any OpenAI-compatible chat endpoint, checked.

``llm_digest(annotated)`` asks a chat model for all four digest sections as
JSON in a fixed schema, then checks them against the article (citations,
entities, dates, prompt leaks) and drops what fails, saying why.
``llm_answer(question, passages, model=...)`` does the same for corpus
questions. Settings come from the environment or a TOML file
(:class:`LLMSettings`); backends register with :func:`register_backend`.
"""

from __future__ import annotations

from digesthub.llm.client import ChatModel, Completion, OpenAIChatModel, UsageTracker, register_backend
from digesthub.llm.config import LLMSettings

__all__ = ["ChatModel", "Completion", "LLMSettings", "OpenAIChatModel", "UsageTracker", "register_backend"]
