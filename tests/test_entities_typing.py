"""Typing rules: line breaks, headlines, sports teams, organization cues, document consistency.

Every sentence is invented; names are made up or common, none is from an evaluation document.
"""

from __future__ import annotations

from digesthub.analyze.entities import find_entities


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for mention in find_entities(text):
        found.setdefault(mention.text, set()).add(mention.label)
    return found


def test_a_name_does_not_run_across_a_line_break() -> None:
    text = "Golf scores :\nWillie\nWood 70 71\nKen\nGreen 72\n"
    spans = [m.text for m in find_entities(text)]
    assert all("\n" not in span for span in spans), spans
