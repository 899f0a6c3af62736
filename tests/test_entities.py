"""Entity recognition and in-article grouping: each rule on a small text of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from digesthub.analyze.entities import find_entities, recognize_entities
from digesthub.analyze.nlp import parse
from digesthub.types import Article, EntityRef, Paragraph


def _article(*paragraphs: str, title: str | None = None) -> Article:
    return Article("t", title, [Paragraph(i, p) for i, p in enumerate(paragraphs, start=1)])


def _entities(*paragraphs: str, title: str | None = None) -> list[EntityRef]:
    article = _article(*paragraphs, title=title)
    return recognize_entities(parse(article.text), article)[1]


def _entity_with(entities: list[EntityRef], form: str) -> EntityRef:
    for entity in entities:
        if form == entity.name or form in entity.aliases:
            return entity
    raise AssertionError(f"no entity named {form!r}: {[(e.name, e.aliases) for e in entities]}")


def test_mentions_have_offsets_into_text_and_no_generic_words() -> None:
    text = "Kestrel Robotics Inc. said on Monday that its AI chips sold well in Germany in May."
    mentions = find_entities(text)
    assert mentions, "expected some entities"
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
    texts = {m.text for m in mentions}
    assert "AI" not in texts and "May" not in texts and "Monday" not in texts
    assert {"DATE", "CARDINAL", "MONEY"}.isdisjoint({m.label for m in mentions})


def test_legal_suffix_makes_an_org_and_groups_with_short_form() -> None:
    entities = _entities(
        "Shenzhen Luminara Quantum Technology Co., Ltd. (hereinafter \"Luminara\") builds sensors.",
        "Luminara said its revenue doubled. Analysts expect Luminara to list next year.",
    )
    luminara = _entity_with(entities, "Luminara")
    assert luminara.label == "ORG"
    assert luminara.name == "Luminara"  # the usual name, not the registration name
    assert any("Co., Ltd." in alias for alias in luminara.aliases)


def test_x_ai_name_is_org_and_joins_bare_name() -> None:
    entities = _entities(
        "Quillfeather AI raised new money this week.",
        "Investors said Quillfeather has grown quickly since its launch.",
    )
    entity = _entity_with(entities, "Quillfeather AI")
    assert entity.label == "ORG"
    assert {"Quillfeather", "Quillfeather AI"} <= {entity.name, *entity.aliases}


def test_acronym_in_parentheses_is_an_alias() -> None:
    entities = _entities(
        "The Northern Maritime Research Council (NMRC) published a report.",
        "The NMRC said shipping volumes fell.",
    )
    entity = _entity_with(entities, "NMRC")
    assert entity.name == "Northern Maritime Research Council"
    assert "NMRC" in entity.aliases


def test_surname_joins_full_name() -> None:
    entities = _entities(
        "Margaret Ellison, the chief executive, spoke on Tuesday.",
        "Ellison said the company would hire more engineers.",
    )
    person = _entity_with(entities, "Margaret Ellison")
    assert person.label == "PERSON"
    assert "Ellison" in person.aliases
    assert len(person.mentions) == 2


def test_document_voting_gives_one_type_per_name() -> None:
    text = (
        "The startup Brindlewood unveiled a chatbot. Brindlewood's founder said demand was strong. "
        "Brindlewood now sells to banks, and Brindlewood plans to expand to Canada."
    )
    labels = {m.label for m in find_entities(text) if m.text == "Brindlewood"}
    assert labels == {"ORG"}


def test_camel_case_name_is_not_a_person() -> None:
    text = "Yesterday ZentaByte announced a partnership. ZentaByte will open an office in Paris."
    labels = {m.label for m in find_entities(text) if m.text == "ZentaByte"}
    assert labels and "PERSON" not in labels and "GPE" not in labels


def test_salience_ranks_the_main_subject_first() -> None:
    entities = _entities(
        "Harbourline Logistics reported record profits. Harbourline Logistics said costs fell.",
        "Harbourline Logistics will expand in Spain.",
        "A rival, Tollgate Freight, declined to comment.",
        title="Harbourline Logistics posts record profit",
    )
    assert entities[0].name == "Harbourline Logistics"
    assert all(0.0 <= e.salience <= 1.0 for e in entities)
    assert entities == sorted(entities, key=lambda e: -e.salience)


def test_mentions_carry_paragraph_numbers() -> None:
    article = _article("Oslo is cold.", "Norway's capital Oslo hosts a summit.")
    mentions, _ = recognize_entities(parse(article.text), article)
    oslo = [m for m in mentions if m.text == "Oslo"]
    assert [m.paragraph for m in oslo] == [1, 2]


def test_global_times_sample_facts(globaltimes_path: Path) -> None:
    from digesthub.ingest import read_article

    article = read_article(globaltimes_path)
    mentions, entities = recognize_entities(parse(article.text), article)
    assert {m.label for m in mentions if m.text == "OpenAI"} == {"ORG"}
    assert {m.label for m in mentions if m.text == "Zhipei"} == {"ORG"}
    assert not [m for m in mentions if m.text == "AI"]
    zhipei = _entity_with(entities, "Zhipei")
    assert any("Co., Ltd." in alias for alias in zhipei.aliases)
    aim = _entity_with(entities, "AIM")
    assert aim.name == "Analytics India Magazine"


@pytest.mark.parametrize("text", ["", "   ", "no capitals here at all."])
def test_empty_and_plain_texts(text: str) -> None:
    assert find_entities(text) == []


def test_listed_names_after_such_as_are_organizations() -> None:
    text = "Shoppers now use platforms such as Vendora, Quiltmart and Parcelia to buy groceries."
    labels = {m.text: m.label for m in find_entities(text)}
    assert labels.get("Quiltmart") == "ORG"
    assert labels.get("Parcelia") == "ORG"


def test_initialled_name_is_a_person_and_score_is_cut() -> None:
    text = "Batting first, Tamworth reached 310 all out, with R. Pembleton 87 not out.\nPembleton retired hurt."
    mentions = find_entities(text)
    people = {m.text for m in mentions if m.label == "PERSON"}
    assert "R. Pembleton" in people
    assert not any(ch.isdigit() for m in mentions for ch in m.text)


def test_contract_vocabulary_is_not_an_entity() -> None:
    text = (
        'This Loan Agreement is made between Harrowgate Bank ("Bank") and Fennick Devices, Inc. '
        '("Borrower"). The Borrower shall repay each Advance. Upon an Event of Default the Bank may act.'
    )
    texts = {m.text for m in find_entities(text)}
    assert not texts & {"Borrower", "Loan Agreement", "Event of Default", "Advance"}
    assert any(t.startswith("Fennick Devices") for t in texts)


def test_table_row_place_is_a_team_but_dateline_stays_a_place() -> None:
    text = "DENVER 1996-08-22\nStandings after Thursday's games:\nDENVER 70 58 .547 -\nPORTLAND 66 62 .516 4"
    mentions = find_entities(text)
    by_start = {m.start: m.label for m in mentions}
    row = text.index("DENVER 70")
    assert by_start.get(row) == "ORG"
    assert by_start.get(0) in ("GPE", "LOC")


def test_polity_and_signature_block() -> None:
    text = ("This note is governed by the laws of the Commonwealth of Pennsylvania.\n"
            "By: /s/ signed\nName: Orlando Quisling\nTitle: Treasurer")
    labels = {m.text: m.label for m in find_entities(text)}
    assert labels.get("Commonwealth of Pennsylvania") == "GPE"
    assert labels.get("Orlando Quisling") == "PERSON"


def test_span_cut_at_joining_preposition() -> None:
    texts = {m.text for m in find_entities("Result: Gatesford at Millbrook Park was abandoned.")}
    assert not any(" at " in t for t in texts)


def test_one_card_per_entity_in_a_business_story() -> None:
    entities = _entities(
        "Hangzhou Brightwave Intelligence Technology Co., Ltd. (hereinafter 'Brightwave') filed for an IPO.",
        "Brightwave AI, which makes chatbots, said its CEO Tom Harker would stay. Harker founded it in 2019.",
        "Rival Lanternfish AI raised money too. Lanternfish said it has 300 staff.",
        "The Asian Review of Finance (ARF) reported the deal. ARF said Brightwave was valued at 2 billion yuan.",
        title="Brightwave files for IPO",
    )
    names = [e.name for e in entities]
    assert names[0] == "Brightwave"
    assert {"Brightwave AI"} <= set(entities[0].aliases)
    assert _entity_with(entities, "Lanternfish").label == "ORG"
    assert _entity_with(entities, "Lanternfish") is _entity_with(entities, "Lanternfish AI")
    assert _entity_with(entities, "Harker") is _entity_with(entities, "Tom Harker")
    assert _entity_with(entities, "ARF").name == "Asian Review of Finance"
    assert len(names) == len(set(names))


def test_initials_join_the_full_name_without_parentheses() -> None:
    entities = _entities(
        "The World Health Organization warned of a new outbreak in the United Kingdom.",
        "The WHO said cases in the U.K. had doubled.",
    )
    assert _entity_with(entities, "WHO") is _entity_with(entities, "World Health Organization")
    assert _entity_with(entities, "U.K.") is _entity_with(entities, "United Kingdom")


def test_dateline_city_in_capitals_is_a_place() -> None:
    for text in ("KRAGUJEVAC 1996-08-22\nOfficials met on Thursday.", "PORTO ALEGRE, March 3 - Rain fell."):
        first = find_entities(text)[0]
        assert first.start == 0 and first.label == "GPE"
        assert first.text in ("KRAGUJEVAC", "PORTO ALEGRE")


def test_legal_name_bounds() -> None:
    text = "After Quorvex Inc. reported results, Bank of Westmarch Corp. rose and Hale & Dunmore Co. fell."
    orgs = {m.text for m in find_entities(text) if m.label == "ORG"}
    assert {"Quorvex Inc.", "Bank of Westmarch Corp.", "Hale & Dunmore Co."} <= orgs


def test_salience_discounts_nationality_adjectives_and_the_publisher() -> None:
    article = Article("t", None, [
        Paragraph(1, "The Daily Ledger learned that Canadian regulators fined Corvane Mining."),
        Paragraph(2, "Corvane Mining said Canadian rules were unclear, the Daily Ledger reported."),
    ], source="Daily Ledger")
    _, entities = recognize_entities(parse(article.text), article)
    assert entities[0].name == "Corvane Mining"
    ledger = _entity_with(entities, "Daily Ledger")
    assert ledger.salience < entities[0].salience


def test_the_publishers_short_name_is_the_outlet_not_a_person_and_not_the_story() -> None:
    article = Article("t", None, [
        Paragraph(1, "Corvane Mining is preparing a listing in Toronto, people familiar with the matter told "
                     "Ledger. The miner hired two banks."),
        Paragraph(2, "Ledger learned that Corvane Mining has also met state investors about new funding."),
    ], source="Ledger Global")
    _, entities = recognize_entities(parse(article.text), article)
    ledger = _entity_with(entities, "Ledger")
    assert ledger.label == "ORG" and ledger.salience < _entity_with(entities, "Corvane Mining").salience


def test_untagged_camel_case_is_org_but_mc_names_stay_people() -> None:
    labels = {m.text: m.label for m in find_entities(
        "Lenders such as QuillBank declined to comment. Senator McAllister met DeVarga on Monday.")}
    assert labels.get("QuillBank") == "ORG"
    assert labels.get("McAllister", "PERSON") == "PERSON"
