"""The llm engine: one structured request for all four sections, then the checks.

The model's output is checked, never trusted (:mod:`digesthub.llm.checks`):
what fails is removed and listed in ``Digest.verification.dropped`` with the
reason. Token usage goes in ``Digest.warnings`` as one line starting with
:data:`USAGE_PREFIX` (there is no dedicated field in the shared types).
"""

from __future__ import annotations

import threading

from digesthub.digester.verify import merge_verifications
from digesthub.llm.cards import check_entities
from digesthub.llm.checks import check_key_points, check_summary, check_timeline
from digesthub.llm.client import ChatModel, create_model
from digesthub.llm.config import LLMSettings
from digesthub.llm.prompts import digest_messages
from digesthub.llm.schema import DIGEST_SCHEMA
from digesthub.llm.structured import StructuredReply, ask_structured
from digesthub.types import AnnotatedArticle, Digest, Timeline, Verification

USAGE_PREFIX = "LLM usage:"

_MODELS: dict[LLMSettings, ChatModel] = {}
_MODELS_LOCK = threading.Lock()


def shared_model(settings: LLMSettings) -> ChatModel:
    """One model per settings, so concurrent digests share its concurrency limit and usage counter."""
    with _MODELS_LOCK:
        if settings not in _MODELS:
            _MODELS[settings] = create_model(settings)
        return _MODELS[settings]


def llm_digest(annotated: AnnotatedArticle, *, model: ChatModel | None = None,
               settings: LLMSettings | None = None) -> Digest:
    """The digest of ``annotated`` written by a chat model and checked against the article.

    ``model`` defaults to the backend ``settings`` name (``LLMSettings.load()``
    when not given; EngineError E102 if no endpoint is configured). Transport
    failures after all retries raise EngineError E103/E105.
    """
    if model is None:
        model = shared_model((settings or LLMSettings.load()).require())
    article = annotated.article
    reply = ask_structured(model, digest_messages(article), DIGEST_SCHEMA, "digest")
    sections = reply.sections
    key_points = check_key_points(sections.get("key_points", []), article)
    summary = check_summary(sections.get("summary", []), article)
    timeline = check_timeline(sections.get("timeline", []), article, annotated.times)
    cards, card_drops = check_entities(sections.get("entities", []), annotated)
    verification = merge_verifications(
        Verification(dropped=list(reply.dropped)), key_points.verification, summary.verification,
        timeline.verification, Verification(dropped=card_drops))
    return Digest(
        article=article,
        key_points=key_points.items,
        summary=summary.items,
        entities=cards,
        timeline=timeline.items[0] if timeline.items else Timeline(),
        engine="llm",
        verification=verification,
        warnings=_warnings(reply, verification),
    )


def usage_line(reply: StructuredReply) -> str:
    """``LLM usage: 1,234 prompt + 567 completion tokens, 2 requests, 1 retry (model m)``."""
    models = sorted({c.model for c in reply.completions if c.model})
    retries = reply.retries
    return (f"{USAGE_PREFIX} {reply.prompt_tokens:,} prompt + {reply.completion_tokens:,} completion tokens, "
            f"{len(reply.completions)} request{'s' * (len(reply.completions) != 1)}, "
            f"{retries} retr{'y' if retries == 1 else 'ies'}"
            + (f" (model {', '.join(models)})" if models else ""))


def _warnings(reply: StructuredReply, verification: Verification) -> list[str]:
    warnings = [usage_line(reply)]
    if verification.dropped:
        sections = sorted({d.section for d in verification.dropped})
        warnings.append(f"The model's output failed {len(verification.dropped)} check(s) "
                        f"({', '.join(sections)}); what failed was dropped and is listed with the reason.")
    return warnings
