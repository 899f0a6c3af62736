"""End to end on the Caixin sample: the pipeline finds Zhipu AI's stated figures."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLE = Path("/work/shared/samples/caixin-ai-startups-digest.txt")
pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="shared samples not mounted")


@pytest.fixture(scope="module")
def facts():
    from digesthub.analyze import analyze
    from digesthub.ingest import read_article

    return analyze(read_article(SAMPLE)).facts


def _about(facts, kind: str, subject: str):
    return [f for f in facts if f.kind == kind and f.subject == subject]


def test_valuation_in_yuan_with_dollar_equivalent(facts) -> None:
    [valuation] = _about(facts, "valuation", "Zhipu AI")
    quantity = valuation.quantity
    assert (quantity.amount, quantity.unit, quantity.qualifier) == (2e10, "CNY", "over")
    assert [(e.amount, e.unit) for e in quantity.equivalents] == [(pytest.approx(2.7e9), "USD")]
    assert valuation.paragraph == 2


def test_employees_users_revenue_and_ceo(facts) -> None:
    [employees] = _about(facts, "employees", "Zhipu AI")
    assert (employees.quantity.amount, employees.quantity.qualifier) == (1000, "nearly")
    [users] = _about(facts, "users", "Zhipu AI")
    assert users.quantity.amount == 2.5e7
    [revenue] = _about(facts, "revenue", "Zhipu AI")
    assert (revenue.quantity.amount, revenue.quantity.unit) == (1e7, "CNY")
    assert revenue.details.get("measure") == "ARR"
    assert [f.value for f in _about(facts, "ceo", "Zhipu AI")] == ["Zhang Peng"]
