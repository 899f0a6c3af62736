"""A founding year estimated from an organization's stated age and the publication date."""

from __future__ import annotations

import dataclasses
import datetime as dt

from digesthub.analyze.facts import extract_facts
from digesthub.types import AnnotatedArticle, Fact
from tests.test_facts_build import build_annotated

ORION = ("Orion Dynamics", "ORG", 0.9)


def published(annotated: AnnotatedArticle, day: dt.date | None) -> AnnotatedArticle:
    article = dataclasses.replace(annotated.article, published=day)
    return dataclasses.replace(annotated, article=article)


def founded(paragraphs: list[str], day: dt.date | None = dt.date(2024, 6, 1),
            entities: list[tuple[str, str, float]] = (ORION,)) -> list[Fact]:
    facts = extract_facts(published(build_annotated(paragraphs, list(entities)), day))
    return [f for f in facts if f.kind == "founded"]


def test_an_age_before_the_name_counts_back_from_publication() -> None:
    [fact] = founded(["Five-year-old Orion Dynamics raised money this spring."])
    assert (fact.subject, fact.value) == ("Orion Dynamics", "2019")
    assert "2024-06-01" in fact.details["estimated"]


def test_an_age_in_apposition_counts_too() -> None:
    [fact] = founded(["Orion Dynamics, a 12-year-old Boston startup, hired 40 engineers."],
                     day=dt.date(2021, 3, 9))
    assert fact.value == "2009"


def test_no_publication_date_no_estimate() -> None:
    assert founded(["Five-year-old Orion Dynamics raised money."], day=None) == []


def test_a_stated_founding_year_wins_over_the_estimate() -> None:
    facts = founded(["Five-year-old Orion Dynamics raised money.",
                     "Orion Dynamics was founded in 2018 in Boston."])
    assert [f.value for f in facts] == ["2018"]


def test_a_persons_age_is_not_the_companys() -> None:
    assert founded(["A 30-year-old Orion Dynamics engineer was arrested."]) == []
    assert founded(["A five-year-old girl told Orion Dynamics about the toy."]) == []


def test_the_corpus_stores_the_estimate_as_such_and_it_agrees_with_the_stated_year() -> None:
    from digesthub.corpus.dossier import FactGroup, FactRecord
    from digesthub.corpus.store import fact_value
    from digesthub.types import Citation

    [fact] = founded(["Five-year-old Orion Dynamics raised money this spring."])
    assert fact_value(fact) == "about 2019"
    records = [FactRecord("about 2019", None, Citation(2, "a1"), "2024-06-01", None, fact.text),
               FactRecord("2019", "2019", Citation(3, "a2"), "2024-07-01", None, "founded in 2019")]
    assert not FactGroup("founded", records).conflicting
    records.append(FactRecord("2017", "2017", Citation(1, "a3"), "2024-08-01", None, "founded in 2017"))
    assert FactGroup("founded", records).conflicting


def test_the_n_year_old_company_is_the_company_the_passage_is_about() -> None:
    facts = founded(["Orion Dynamics raised $40 million on Monday.",
                     "The three-year-old company, founded by former Helix Labs engineer Mara Quint, "
                     "sells pumps."], entities=[ORION, ("Helix Labs", "ORG", 0.2), ("Mara Quint", "PERSON", 0.5)])
    assert [(f.subject, f.value) for f in facts] == [("Orion Dynamics", "2021")]


def test_founded_by_a_former_employee_of_another_company() -> None:
    entities = [ORION, ("Helix Labs", "ORG", 0.2), ("Mara Quint", "PERSON", 0.5)]
    for paragraphs in (["Orion Dynamics was founded by former Helix Labs engineer Mara Quint."],
                       ["Orion Dynamics raised $40 million on Monday.",
                        "The company, founded by former Helix Labs engineer Mara Quint, sells pumps."]):
        facts = extract_facts(published(build_annotated(paragraphs, entities), dt.date(2024, 6, 1)))
        assert [(f.subject, f.value) for f in facts if f.kind == "founder"] == [("Orion Dynamics", "Mara Quint")]


def test_a_founding_year_does_not_date_the_other_facts_of_its_sentence() -> None:
    annotated = build_annotated(
        ["Orion Dynamics, founded in 2019, was valued at $3 billion after a round led by Helix in March."],
        [ORION],
        times=[("2019", "2019-01"), ("March", "2024-03")])
    facts = extract_facts(published(annotated, dt.date(2024, 6, 1)))
    [valuation] = [f for f in facts if f.kind == "valuation"]
    assert valuation.date is not None and valuation.date.value == "2024-03"


def test_the_founders_other_company_is_not_the_one_founded() -> None:
    entities = [("Baichuan", "ORG", 0.9), ("Sogou", "ORG", 0.3), ("Wang Xiaochuan", "PERSON", 0.5),
                ("Beijing", "GPE", 0.2), ("Alibaba", "ORG", 0.2), ("Tencent", "ORG", 0.2),
                ("Caixin", "ORG", 0.1)]
    annotated = build_annotated(
        ["Baichuan, the Beijing-based start-up founded by Sogou founder Wang Xiaochuan in April 2023, "
         "said it would focus on healthcare.",
         "The round, led by Alibaba and Tencent, valued the company at more than 20 billion yuan, "
         "people familiar with the matter told Caixin."], entities, times=[("April 2023", "2023-04")])
    facts = extract_facts(published(annotated, dt.date(2025, 1, 20)))
    found = {(f.kind, f.subject, f.value, f.date.value if f.date else None) for f in facts}
    assert ("founded", "Baichuan", "2023", "2023-04") in found
    assert ("founder", "Sogou", "Wang Xiaochuan", None) in found  # "Sogou founder": no date of its own
    assert not any(f.subject == "Sogou" and f.kind in ("founded", "headquarters") for f in facts)
    assert ("headquarters", "Baichuan", "Beijing", None) in {(k, s, v, None) for k, s, v, _ in found}
    [investors] = [f for f in facts if f.kind == "investors"]
    assert investors.value == "Alibaba, Tencent"


def test_a_sentence_opening_anaphor_continues_the_previous_sentences_company() -> None:
    entities = [("Doubao", "PRODUCT", 0.9), ("Moonshot AI", "ORG", 0.5), ("iFlytek", "ORG", 0.4),
                ("SenseTime", "ORG", 0.3), ("Xu Li", "PERSON", 0.2), ("Hefei", "GPE", 0.1),
                ("Alibaba Group", "ORG", 0.2)]
    annotated = build_annotated([
        "Doubao had more than 60 million users in September, making it the most popular app.",
        "Rival Moonshot AI raised $1 billion in a round led by Alibaba Group that valued it "
        "at $2.5 billion. Its revenue in the first half was less than 100 million yuan.",
        "iFlytek said on Monday its revenue rose 20% to 4.7 billion yuan. The Hefei-based company employs "
        "about 16,000 people.",
        "SenseTime said its revenue doubled to 1.6 billion yuan. Its chief executive, Xu Li, said the unit "
        "would break even in 2026."], entities)
    found = {(f.kind, f.subject, f.value) for f in extract_facts(published(annotated, dt.date(2024, 10, 15)))}
    kinds = {(k, s) for k, s, _ in found}
    assert ("revenue", "Moonshot AI") in kinds and ("revenue", "Doubao") not in kinds
    assert ("valuation", "Moonshot AI") in kinds and ("valuation", "Alibaba Group") not in kinds
    assert ("investors", "Moonshot AI", "Alibaba Group") in found
    assert ("headquarters", "iFlytek", "Hefei") in found
    assert ("ceo", "SenseTime", "Xu Li") in found


def test_bidders_led_by_someone_are_no_round_investors() -> None:
    entities = [("Giant Group Ltd.", "ORG", 0.5), ("Rally's Inc.", "ORG", 0.9)]
    annotated = build_annotated(["A group of investors led by Giant Group Ltd. said it filed for clearance "
                                 "to buy more than 50% of the stock of Rally's Inc."], entities)
    assert not [f for f in extract_facts(annotated) if f.kind == "investors"]


def test_an_abbreviation_dot_does_not_end_an_investor_list() -> None:
    from digesthub.analyze import analyze
    from digesthub.types import Article, Paragraph

    article = Article("m", "T", [Paragraph(1, "Moonshot AI raised $1 billion in February in a round led by "
                                              "Alibaba Group Holding Ltd. that valued it at $2.5 billion.")])
    facts = analyze(article).facts
    assert any(f.kind == "investors" and "Alibaba" in (f.value or "") for f in facts)
    assert not any(f.kind == "valuation" and "Alibaba" in f.subject for f in facts)
