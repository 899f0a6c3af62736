"""Typed facts: normalized amounts and counts, and relations about entities.

``parse_quantity(text)`` normalizes one money/count expression;
``extract_facts(annotated)`` reads every fact an annotated article states.
"""

from __future__ import annotations

from digesthub.analyze.facts.extract import extract_facts
from digesthub.analyze.facts.quantities import find_quantities, is_money, parse_quantity

__all__ = ["extract_facts", "find_quantities", "is_money", "parse_quantity"]
