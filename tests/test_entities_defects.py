"""Typing defects seen in real news, reproduced with invented sentences and names.

Every sentence is invented; no name is from an evaluation document.
"""

from __future__ import annotations

from digesthub.analyze.entities import find_entities


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for mention in find_entities(text):
        found.setdefault(mention.text, set()).add(mention.label)
    return found


def test_a_legal_suffix_makes_the_bare_name_an_organization_too() -> None:
    text = ("Brannock Wells Inc. said net income rose to $4.2 million in the quarter.\n\n"
            "Brannock Wells, whose shares began trading in June, closed at $12.50.\n\n"
            "Brannock Wells, which runs waste plants, said it has nine sites in operation.\n")
    found = _types(text)
    assert found.get("Brannock Wells Inc.") == {"ORG"}, found
    assert found.get("Brannock Wells") == {"ORG"}, found


def test_the_town_a_company_is_named_after_stays_a_place() -> None:
    text = ("Tallow Creek Pump Corp., Tallow Creek, Wis., estimated earnings fell.\n\n"
            "Tallow Creek Pump said the downturn came from higher steel costs.\n")
    found = _types(text)
    assert found.get("Tallow Creek") == {"GPE"}, found
