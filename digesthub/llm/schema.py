"""The JSON schema the model must answer in, and a validator for it.

The schema is strict-mode compatible (every property required, no extra
properties, nullable fields as ``["string", "null"]``) so servers with
structured output enforce it while decoding. Servers without it may still
return anything, so :func:`validate` checks the reply against the same schema
dict: the subset of JSON Schema used here (object, array, string, integer,
null, enum, minimum, required, additionalProperties) and nothing more.
"""

from __future__ import annotations

from typing import Any, get_args

from digesthub.types import CardType, FactKind

SECTIONS = ("key_points", "summary", "entities", "timeline")


def _object(**properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties),
            "additionalProperties": False}


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


_STRING = {"type": "string"}
_PARAGRAPH = {"type": "integer", "minimum": 1}
_PARAGRAPHS = _array(_PARAGRAPH)

FACT = _object(kind={"type": "string", "enum": list(get_args(FactKind))}, text=_STRING, value=_STRING,
               paragraph=_PARAGRAPH, date={"type": ["string", "null"]})
ENTITY = _object(name=_STRING, type={"type": "string", "enum": list(get_args(CardType))},
                 aliases=_array(_STRING), description=_STRING, facts=_array(FACT))
SECTION_SCHEMAS: dict[str, dict[str, Any]] = {
    "key_points": _array(_object(text=_STRING, paragraphs=_PARAGRAPHS)),
    "summary": _array(_object(text=_STRING, paragraphs=_PARAGRAPHS, group={"type": "integer", "minimum": 0})),
    "entities": _array(ENTITY),
    "timeline": _array(_object(date_text=_STRING, text=_STRING, paragraphs=_PARAGRAPHS)),
}
DIGEST_SCHEMA = _object(**SECTION_SCHEMAS)

ANSWER_SCHEMA = _object(sentences=_array(_object(text=_STRING, passages=_PARAGRAPHS)))

_TYPES: dict[str, type | tuple[type, ...]] = {
    "object": dict, "array": list, "string": str, "integer": int, "null": type(None),
}


def validate(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """Every way ``value`` breaks ``schema``, as ``path: problem`` lines (empty when valid)."""
    types = schema.get("type")
    allowed = [types] if isinstance(types, str) else list(types or [])
    if allowed and not any(_is(value, t) for t in allowed):
        return [f"{path}: expected {' or '.join(allowed)}, got {_kind(value)}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{path}: {value!r} is not one of {schema['enum']}"]
    if "minimum" in schema and isinstance(value, int) and value < schema["minimum"]:
        return [f"{path}: {value} is below {schema['minimum']}"]
    if isinstance(value, list) and "items" in schema:
        return [p for i, item in enumerate(value) for p in validate(item, schema["items"], f"{path}[{i}]")]
    if isinstance(value, dict) and "properties" in schema:
        return _validate_object(value, schema, path)
    return []


def _validate_object(value: dict[str, Any], schema: dict[str, Any], path: str) -> list[str]:
    problems = [f"{path}: missing {key!r}" for key in schema.get("required", []) if key not in value]
    if schema.get("additionalProperties") is False:
        problems += [f"{path}: unexpected {key!r}" for key in value if key not in schema["properties"]]
    for key, sub in schema["properties"].items():
        if key in value:
            problems += validate(value[key], sub, f"{path}.{key}")
    return problems


def _is(value: Any, type_name: str) -> bool:
    if type_name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, _TYPES[type_name])


def _kind(value: Any) -> str:
    for name in ("null", "object", "array", "string"):
        if _is(value, name):
            return name
    return "integer" if _is(value, "integer") else type(value).__name__
