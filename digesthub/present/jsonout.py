"""The JSON document of a digest (shape and version in docs/schema.md)."""

from __future__ import annotations

import json

from digesthub.types import Digest

SCHEMA_NAME = "digesthub.digest"


def render_json(digest: Digest, *, indent: int | None = 2) -> str:
    document = {"schema": SCHEMA_NAME, **digest.to_dict()}
    return json.dumps(document, ensure_ascii=False, indent=indent)
