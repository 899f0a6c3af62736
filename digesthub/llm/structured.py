"""Ask a chat model for JSON in a schema: parse, validate per section, re-ask once.

A reply that is not JSON, or whose sections break the schema, is sent back
once with the problems listed. Sections still broken after that are given up
and reported as :class:`Dropped` (section ``<name>``, item ``whole section``),
while the valid sections of either reply are kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from digesthub.llm.client import ChatModel, Completion
from digesthub.llm.prompts import repair_messages
from digesthub.llm.schema import validate
from digesthub.types import Dropped


@dataclass
class StructuredReply:
    """The valid sections, what was given up, and every completion it took."""

    sections: dict[str, Any] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)
    completions: list[Completion] = field(default_factory=list)

    @property
    def prompt_tokens(self) -> int:
        return sum(c.prompt_tokens for c in self.completions)

    @property
    def completion_tokens(self) -> int:
        return sum(c.completion_tokens for c in self.completions)

    @property
    def retries(self) -> int:
        """Transport retries (429, 5xx, timeouts) plus re-asks for a bad reply."""
        return sum(c.attempts - 1 for c in self.completions) + len(self.completions) - 1


def ask_structured(model: ChatModel, messages: list[dict[str, str]], schema: dict[str, Any],
                   name: str) -> StructuredReply:
    """Ask ``model`` for an object matching ``schema`` (top-level keys are the sections)."""
    reply = StructuredReply()
    first = model.complete(messages, schema=schema, name=name)
    reply.completions.append(first)
    sections, problems = parse_sections(first.text, schema)
    reply.sections.update(sections)
    reply.dropped.extend(_extra_fields(first.text, schema))
    if not problems:
        return reply
    flat = [p for section in problems.values() for p in section]
    second = model.complete(repair_messages(messages, first.text, flat), schema=schema, name=name)
    reply.completions.append(second)
    again, still = parse_sections(second.text, schema)
    reply.dropped.extend(_extra_fields(second.text, schema))
    for section in problems:
        if section in again:
            reply.sections[section] = again[section]
        else:
            detail = "; ".join(still.get(section, problems[section])[:3])
            reply.dropped.append(Dropped(section=section, item="whole section",
                                         reason=f"the model's output broke the schema twice: {detail}"))
    return reply


def parse_sections(text: str, schema: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The valid top-level sections of ``text``, and the problems of the others."""
    names = list(schema["properties"])
    try:
        data = json.loads(_strip_fence(text))
    except json.JSONDecodeError as error:
        return {}, {name: [f"not valid JSON ({error.msg} at line {error.lineno} column {error.colno})"]
                    for name in names}
    if not isinstance(data, dict):
        return {}, {name: [f"expected a JSON object, got {type(data).__name__}"] for name in names}
    valid: dict[str, Any] = {}
    problems: dict[str, list[str]] = {}
    for name in names:
        if name not in data:
            problems[name] = [f"$: missing {name!r}"]
            continue
        found = validate(data[name], schema["properties"][name], f"$.{name}")
        if found:
            problems[name] = found
        else:
            valid[name] = data[name]
    return valid, problems


def _extra_fields(text: str, schema: dict[str, Any]) -> list[Dropped]:
    """Top-level fields outside the schema: ignored, and reported (their content is not repeated)."""
    try:
        data = json.loads(_strip_fence(text))
    except json.JSONDecodeError:
        return []
    if not isinstance(data, dict):
        return []
    return [Dropped(section="output", item=str(key)[:80], reason="not a field of the schema; ignored")
            for key in data if key not in schema["properties"]]


def _strip_fence(text: str) -> str:
    """The JSON inside a ```json fence, which JSON-mode servers sometimes add."""
    stripped = text.strip()
    if stripped.startswith("```"):
        stripped = stripped.split("\n", 1)[1] if "\n" in stripped else ""
        stripped = stripped.rsplit("```", 1)[0]
    return stripped
