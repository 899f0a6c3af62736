"""Corpus questions answered by a chat model, under the same checks as a digest.

Each answer sentence must cite passages that exist and support it (alone or
together, by the offline verifier's score); citations that fail are removed,
and a sentence left with none is dropped.
"""

from __future__ import annotations

from typing import Any

from digesthub.llm.checks import leak_dropped, leaks_prompt
from digesthub.llm.client import ChatModel
from digesthub.llm.config import LLMSettings
from digesthub.llm.prompts import answer_messages
from digesthub.llm.schema import ANSWER_SCHEMA
from digesthub.llm.structured import ask_structured
from digesthub.types import Citation, Dropped, SummarySentence, Verification

SECTION = "answer"


def llm_answer(question: str, passages: list[tuple[Citation, str]], *,
               model: ChatModel | LLMSettings) -> tuple[list[SummarySentence], Verification]:
    """Answer ``question`` from ``passages`` (citation, text); sentences whose citations fail are dropped.

    ``model`` is a chat model, or settings to build the shared one from.
    """
    if isinstance(model, LLMSettings):
        from digesthub.llm.engine import shared_model

        model = shared_model(model.require())
    texts = [text for _, text in passages]
    reply = ask_structured(model, answer_messages(question, texts), ANSWER_SCHEMA, SECTION)
    verification = Verification(dropped=list(reply.dropped))
    kept = []
    for number, raw in enumerate(reply.sections.get("sentences", []), start=1):
        sentence = _check(raw, number, passages, verification)
        if sentence is not None:
            kept.append(sentence)
    return kept, verification


def _check(raw: dict[str, Any], number: int, passages: list[tuple[Citation, str]],
           verification: Verification) -> SummarySentence | None:
    from digesthub.digester.verify import SUPPORT_THRESHOLD, support_score

    text = raw["text"].strip()
    ids = list(dict.fromkeys(raw["passages"]))
    verification.citations_checked += len(ids)
    if leaks_prompt(text):
        verification.dropped.append(leak_dropped(SECTION, number))
        return None
    existing = [i for i in ids if 1 <= i <= len(passages)]
    good = [i for i in existing if support_score(text, passages[i - 1][1]) >= SUPPORT_THRESHOLD]
    joint = "\n\n".join(passages[i - 1][1] for i in existing)
    if not good and len(existing) > 1 and support_score(text, joint) >= SUPPORT_THRESHOLD:
        good = existing  # the passages support it only together
    verification.citations_verified += len(good)
    if not good:
        reason = ("no citation" if not ids else
                  f"cites passages {ids}, none of which supports it" if existing else
                  f"cites passages {ids}, but there are {len(passages)}")
        verification.dropped.append(Dropped(SECTION, text[:200], reason))
        return None
    return SummarySentence(text=text, citations=[passages[i - 1][0] for i in good], verified=True)
