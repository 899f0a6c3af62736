"""Money and count parsing: formats, scales, qualifiers, ranges, equivalents."""

from __future__ import annotations

import pytest

from digesthub.analyze.facts import find_quantities, is_money, parse_quantity
from digesthub.analyze.facts.quantities import RANGE_HIGH, RANGE_QUALIFIER


@pytest.mark.parametrize(("text", "amount", "unit"), [
    ("$70 million", 7e7, "USD"),
    ("$ 70 million", 7e7, "USD"),
    ("¥5 billion", 5e9, "CNY"),
    ("€3.5m", 3.5e6, "EUR"),
    ("£200,000", 2e5, "GBP"),
    ("HK$1.2 billion", 1.2e9, "HKD"),
    ("RMB 500 million", 5e8, "CNY"),
    ("USD 80 billion", 8e10, "USD"),
    ("80 billion USD", 8e10, "USD"),
    ("5bn dollars", 5e9, "USD"),
    ("$5bn", 5e9, "USD"),
    ("$1.2tn", 1.2e12, "USD"),
    ("3 trillion won", 3e12, "KRW"),
    ("12.5 million euros", 1.25e7, "EUR"),
    ("£1billion", 1e9, "GBP"),
    ("42 million monthly users", 4.2e7, "MAU"),
    ("12 million daily active users", 1.2e7, "DAU"),
    ("25 million users", 2.5e7, "users"),
    ("about 300 staff", 300, "employees"),
    ("157 million individual users", 1.57e8, "users"),
    ("2,000 enterprise customers", 2000, "customers"),
])
def test_formats_normalize_to_amount_and_unit(text: str, amount: float, unit: str) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    assert quantity.amount == pytest.approx(amount)
    assert quantity.unit == unit


def test_stated_equivalent_is_kept_with_the_qualifier() -> None:
    quantity = parse_quantity("is now valued at over 20 billion yuan ($2.7 billion) and")
    assert (quantity.amount, quantity.unit, quantity.qualifier) == (2e10, "CNY", "over")
    [usd] = quantity.equivalents
    assert (usd.amount, usd.unit) == (pytest.approx(2.7e9), "USD")


def test_tokenized_brackets_hold_an_equivalent() -> None:
    quantity = parse_quantity("a fortune of £22.5 billion -lrb- $ 34.7 billion -rrb- .")
    assert quantity.unit == "GBP"
    assert quantity.equivalents[0].unit == "USD"


@pytest.mark.parametrize(("text", "qualifier"), [
    ("nearly 1,000 employees", "nearly"), ("more than $5 million", "over"),
    ("exceeding 10 million yuan", "over"), ("around $3bn", "about"),
    ("up to $300 million", "up to"), ("less than €1 million", "under"),
    ("no less than 2.1 billion yuan", "at least"), ("not more than 40 million users", "up to"),
])
def test_approximations_are_kept(text: str, qualifier: str) -> None:
    assert parse_quantity(text).qualifier == qualifier


def test_nearly_a_thousand_employees() -> None:
    quantity = parse_quantity("The company, with nearly 1,000 employees, has")
    assert (quantity.amount, quantity.unit, quantity.qualifier) == (1000, "employees", "nearly")


@pytest.mark.parametrize("text", ["1-2 billion yuan", "between 1 and 2 billion yuan",
                                  "1 to 2 billion yuan", "between 1 billion yuan and 2 billion yuan"])
def test_ranges_keep_low_amount_and_high_end(text: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.amount, quantity.unit, quantity.qualifier) == (1e9, "CNY", RANGE_QUALIFIER)
    assert (quantity.equivalents[0].amount, quantity.equivalents[0].qualifier) == (2e9, RANGE_HIGH)


@pytest.mark.parametrize("text", ["in 2019 there were delays", "the 2019-20 season", "5 apples",
                                  "it grew 40 percent", "bn", "$"])
def test_numbers_without_a_unit_are_not_quantities(text: str) -> None:
    assert [q for q in find_quantities(text) if q.quantity.unit != "people"] == []


def test_spans_are_exact_and_in_order() -> None:
    text = "Revenue hit $5 million, and the firm has 300 employees."
    found = find_quantities(text)
    assert [f.text for f in found] == ["$5 million", "300 employees"]
    assert all(text[f.start:f.end] == f.text for f in found)
    assert is_money(found[0].quantity) and not is_money(found[1].quantity)


def test_bracket_that_is_not_an_amount_is_left_out_of_the_span() -> None:
    found = find_quantities("It raised $3 million (a record) last year.")
    assert found[0].text == "$3 million"
    assert found[0].quantity.equivalents == []
