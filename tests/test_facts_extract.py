"""Fact extraction per kind on hand-built articles (entities given, no NER)."""

from __future__ import annotations

import pytest

from digesthub.analyze.facts import extract_facts
from digesthub.types import Fact
from tests.test_facts_build import build_annotated

ACME = ("Acme Robotics", "ORG", 0.9)
NIMBUS = ("Nimbus Labs", "ORG", 0.5)


def facts_of(paragraphs: list[str], entities: list[tuple[str, str, float]],
             times: list[tuple[str, str]] = ()) -> list[Fact]:
    return extract_facts(build_annotated(paragraphs, entities, times))


def only(facts: list[Fact], kind: str) -> Fact:
    matching = [f for f in facts if f.kind == kind]
    assert len(matching) == 1, [(f.kind, f.subject, f.value, f.quantity) for f in facts]
    return matching[0]


def test_valuation_with_equivalent_and_qualifier() -> None:
    facts = facts_of(["Acme Robotics is now valued at over 20 billion yuan ($2.7 billion)."], [ACME])
    fact = only(facts, "valuation")
    assert fact.subject == "Acme Robotics" and fact.paragraph == 1
    assert (fact.quantity.amount, fact.quantity.unit, fact.quantity.qualifier) == (2e10, "CNY", "over")
    assert fact.quantity.equivalents[0].unit == "USD"
    assert "valued at" in fact.text


def test_funding_round_and_investors() -> None:
    facts = facts_of(["Nimbus Labs raised $50 million in a Series B round led by Sequoia Capital "
                      "and Lightspeed."],
                     [NIMBUS, ("Sequoia Capital", "ORG", 0.2), ("Lightspeed", "ORG", 0.2)])
    fact = only(facts, "funding")
    assert fact.subject == "Nimbus Labs"
    assert fact.quantity.amount == 5e7 and fact.value == "Series B"
    assert fact.details["investors"] == "Sequoia Capital, Lightspeed"
    assert only(facts, "investors").subject == "Nimbus Labs"


def test_invested_in_makes_the_target_the_subject() -> None:
    facts = facts_of(["Microsoft first invested $1 billion in OpenAI in 2019."],
                     [("Microsoft", "ORG", 0.5), ("OpenAI", "ORG", 0.8)])
    fact = only(facts, "funding")
    assert fact.subject == "OpenAI" and fact.details["investors"] == "Microsoft"


def test_revenue_and_arr() -> None:
    facts = facts_of(["Nimbus Labs has annual recurring revenue of $12 million."], [NIMBUS])
    fact = only(facts, "revenue")
    assert fact.quantity.amount == 1.2e7 and fact.details["measure"] == "ARR"


@pytest.mark.parametrize("sentence, measure, amount", [
    ("Acme Robotics reported $5 million in profit.", "profit", 5e6),
    ("Acme Robotics posted a net loss of 1.2 billion yuan last year, while revenue reached 300 million yuan.",
     "net loss", 1.2e9),
    ("Acme Robotics swung to a net profit of 2.3 billion yuan, compared with revenue of 1 billion yuan.",
     "net profit", 2.3e9),
    ("Acme Robotics lost $30 million in 2024.", "loss", 3e7),
    ("Acme Robotics said its operating profit rose 12% to $40 million.", "operating profit", 4e7),
])
def test_profit_and_loss_with_what_they_measure(sentence: str, measure: str, amount: float) -> None:
    fact = only(facts_of([sentence], [ACME]), "profit")
    assert fact.subject == "Acme Robotics" and fact.quantity.amount == amount
    assert fact.details["measure"] == measure


@pytest.mark.parametrize("sentence", [
    "Acme Robotics shares lost $5 billion in market value on Monday.",
    "Acme Robotics reported earnings per share of $1.20.",
    "Acme Robotics suffered a loss of $2 billion in value after the recall.",
    "Acme Robotics lost $7.2 million in its personal property/casualty business.",
    "Acme Robotics said the loss was magnified by charges of $8.2 million.",
])
def test_falls_in_value_and_per_share_figures_are_no_profit(sentence: str) -> None:
    assert [f for f in facts_of([sentence], [ACME]) if f.kind == "profit"] == []


@pytest.mark.parametrize("sentence", [
    "Acme Robotics was fined $5 million by the regulator.",
    "Acme Robotics will raise its dividend, costing $5 million.",
])
def test_money_that_is_not_revenue_funding_or_valuation(sentence: str) -> None:
    assert [f for f in facts_of([sentence], [ACME]) if f.quantity] == []


def test_users_and_anaphoric_subject() -> None:
    facts = facts_of(["Incubated by Tsinghua University, Acme Robotics debuted a model. The company, "
                      "with nearly 1,000 employees, has 42 million monthly users."],
                     [ACME, ("Tsinghua University", "ORG", 0.3)])
    employees = only(facts, "employees")
    assert employees.subject == "Acme Robotics"
    assert (employees.quantity.amount, employees.quantity.qualifier) == (1000, "nearly")
    users = only(facts, "users")
    assert users.subject == "Acme Robotics" and users.quantity.unit == "MAU"


def test_layoffs_are_not_the_headcount() -> None:
    assert facts_of(["Acme Robotics will lay off 500 employees."], [ACME]) == []


def test_founded_year_and_founder() -> None:
    facts = facts_of(["Acme Robotics was founded in 2015 by Jane Doe."],
                     [ACME, ("Jane Doe", "PERSON", 0.4)])
    assert only(facts, "founded").value == "2015"
    founder = only(facts, "founder")
    assert (founder.subject, founder.value) == ("Acme Robotics", "Jane Doe")


@pytest.mark.parametrize("sentence", [
    "CEO John Smith said Acme Robotics would grow.",
    "John Smith, the chief executive of Acme Robotics, said it would grow.",
    "Acme Robotics CEO John Smith said it would grow.",
])
def test_ceo_patterns(sentence: str) -> None:
    fact = only(facts_of([sentence], [ACME, ("John Smith", "PERSON", 0.4)]), "ceo")
    assert (fact.subject, fact.value) == ("Acme Robotics", "John Smith")


@pytest.mark.parametrize("sentence", [
    "Nimbus Labs is headquartered in Berlin.",
    "The Berlin-based Nimbus Labs makes chips.",
    "Nimbus Labs, a Berlin-based startup, makes chips.",
])
def test_headquarters(sentence: str) -> None:
    fact = only(facts_of([sentence], [NIMBUS, ("Berlin", "GPE", 0.2)]), "headquarters")
    assert (fact.subject, fact.value) == ("Nimbus Labs", "Berlin")


def test_launch_with_product_and_date() -> None:
    facts = facts_of(["Acme Robotics launched Helper in May 2024."],
                     [ACME, ("Helper", "PRODUCT", 0.3)], times=[("May 2024", "2024-05")])
    fact = only(facts, "launch")
    assert (fact.subject, fact.value) == ("Acme Robotics", "Helper")
    assert fact.date is not None and fact.date.value == "2024-05"


def test_passive_launch_names_the_owner() -> None:
    facts = facts_of(["Acme Robotics sells the assistant Helper, launched in May 2024."],
                     [ACME, ("Helper", "PRODUCT", 0.3)], times=[("May 2024", "2024-05")])
    fact = only(facts, "launch")
    assert (fact.subject, fact.value) == ("Acme Robotics", "Helper")


def test_facts_from_separate_sentences_keep_their_paragraphs() -> None:
    facts = facts_of(["Acme Robotics is valued at $2 billion.", "Acme Robotics has 300 employees."],
                     [ACME])
    assert [(f.kind, f.paragraph) for f in facts] == [("valuation", 1), ("employees", 2)]


def test_restated_fact_is_kept_once() -> None:
    facts = facts_of(["Acme Robotics is valued at $2 billion.", "Acme Robotics is valued at $2 billion."],
                     [ACME])
    assert len(facts) == 1


def test_appositive_does_not_steal_the_subject() -> None:
    facts = facts_of(["Acme Robotics, founded by veterans of Nimbus Labs, launched Helper in May 2024."],
                     [ACME, NIMBUS, ("Helper", "PRODUCT", 0.3)], times=[("May 2024", "2024-05")])
    assert only(facts, "launch").subject == "Acme Robotics"


def test_a_product_released_in_an_apposition_is_the_launch_not_what_it_beat() -> None:
    facts = facts_of(["Acme Robotics makes home robots.",
                      "Its Helper robot, released in May 2024, briefly overtook Rover as the best-selling robot."],
                     [ACME, ("Helper", "PRODUCT", 0.3), ("Rover", "PRODUCT", 0.3)], times=[("May 2024", "2024-05")])
    launch = only(facts, "launch")
    assert (launch.subject, launch.value, launch.date.value if launch.date else None) == \
        ("Acme Robotics", "Helper", "2024-05")


def test_hyphenated_product_name_is_kept_whole() -> None:
    facts = facts_of(["Acme Robotics unveiled Acme-X2 in May 2024."], [ACME],
                     times=[("May 2024", "2024-05")])
    assert only(facts, "launch").value == "Acme-X2"


def test_name_after_a_product_noun_is_a_product_whatever_its_label() -> None:
    facts = facts_of(["Acme Robotics released its AI assistant Doubao in May 2024."],
                     [ACME, ("Doubao", "PERSON", 0.3)], times=[("May 2024", "2024-05")])
    assert only(facts, "launch").value == "Doubao"


def test_launch_followed_by_a_place_names_no_product() -> None:
    facts = facts_of(["Acme Robotics launched in Berlin in May 2024."],
                     [ACME, ("Berlin", "GPE", 0.2)], times=[("May 2024", "2024-05")])
    assert [f for f in facts if f.kind == "launch"] == []


@pytest.mark.parametrize("sentence", ["Acme Robotics read reviews from 13 million users.",
                                      "Acme Robotics ran a survey of 2,000 users."])
def test_a_sample_of_users_is_not_the_user_base(sentence: str) -> None:
    assert facts_of([sentence], [ACME]) == []


def test_each_amount_of_a_list_takes_the_cue_on_its_side_of_the_comma() -> None:
    facts = facts_of(["Acme Robotics reported $58 billion in revenue, $13.6 billion in profit."], [ACME])
    assert [(f.kind, f.quantity.amount) for f in facts if f.quantity] == [("revenue", 5.8e10), ("profit", 1.36e10)]


def test_a_named_business_of_the_company_has_its_own_result() -> None:
    facts = facts_of(["Acme Robotics said its electric vehicle business turned its first quarterly operating "
                      "profit, of 700 million yuan."], [ACME])
    assert [f for f in facts if f.kind == "profit"] == []
    facts = facts_of(["Acme Robotics said the business turned an operating profit of 700 million yuan."], [ACME])
    assert [f.quantity.amount for f in facts if f.kind == "profit"] == [7e8]
