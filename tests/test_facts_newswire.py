"""Newswire wording rules of fact extraction (earnings reports, company seats,
titles, launches), on sentences written for the tests (hand-built annotations)."""

from __future__ import annotations

from digesthub.analyze.facts import extract_facts
from digesthub.types import Fact
from tests.test_facts_build import build_annotated

ORION = ("Orion Dynamics Inc", "ORG", 0.9)
HELIX = ("Helix Corp", "ORG", 0.4)
MARA = ("Mara Quint", "PERSON", 0.5)
PEORIA, ILLINOIS = ("Peoria", "GPE", 0.3), ("Illinois", "GPE", 0.3)


def kinds(facts: list[Fact]) -> set[tuple[str, str, str | None]]:
    return {(f.kind, f.subject, f.value) for f in facts}


def amounts(facts: list[Fact], kind: str) -> set[float]:
    return {f.quantity.amount for f in facts if f.kind == kind and f.quantity}


def test_the_earlier_figure_of_a_comparison_keeps_the_kind() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc said revenue declined to $3 billion from $3.2 billion."], [ORION]))
    assert amounts(facts, "revenue") == {3e9, 3.2e9}
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc said sales were $1.76 billion, a 13% increase from last year's "
         "$1.55 billion."], [ORION]))
    assert amounts(facts, "revenue") == {1.76e9, 1.55e9}
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc said sales were little changed at $2.46 billion, compared with "
         "$2.42 billion."], [ORION]))
    assert amounts(facts, "revenue") == {2.46e9, 2.42e9}


def test_both_figures_of_a_comparison_keep_the_measure_of_the_first() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc said net income rose to $94 million from $85 million."], [ORION]))
    assert [(f.kind, f.details["measure"]) for f in facts if f.quantity] == [("profit", "net income")] * 2
    assert [round(a) for a in amounts(facts, "profit")] == [94_000_000, 85_000_000]


def test_a_hyphenated_valuation_is_an_accounting_term() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc took $8.2 million in asset-valuation adjustments."], [ORION]))
    assert not [f for f in facts if f.kind == "valuation"]
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc is valued at $8.2 million."], [ORION]))
    assert [round(a) for a in amounts(facts, "valuation")] == [8_200_000]


def test_a_seat_between_commas_after_a_company_name() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc, Peoria, Illinois, said it would sell pumps."],
        [ORION, PEORIA, ILLINOIS]))
    assert ("headquarters", "Orion Dynamics Inc", "Peoria") in kinds(facts)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc agreed to buy Helix Corp of Peoria for cash."],
        [ORION, HELIX, PEORIA]))
    assert ("headquarters", "Helix Corp", "Peoria") in kinds(facts)


def test_a_seat_needs_a_company_form_and_no_list() -> None:
    facts = extract_facts(build_annotated(
        ["Buyers in Toronto, Nova Works, Peoria, and Lyon can try the watch."],
        [("Nova Works", "ORG", 0.5), ("Toronto", "GPE", 0.3), PEORIA, ("Lyon", "GPE", 0.2)]))
    assert not [f for f in facts if f.kind == "headquarters"]
    facts = extract_facts(build_annotated(
        ["The mayor met Nova Works, Peoria, on Monday."],
        [("Nova Works", "ORG", 0.5), PEORIA]))
    assert not [f for f in facts if f.kind == "headquarters"]  # no company form: maybe a list


def test_the_place_company_as_the_subject_of_a_sentence() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc posted a profit.", "The Peoria company said sales rose."],
        [ORION, PEORIA]))
    assert ("headquarters", "Orion Dynamics Inc", "Peoria") in kinds(facts)
    facts = extract_facts(build_annotated(
        ["Helix Corp is a Peoria packaging concern."], [HELIX, PEORIA]))
    assert ("headquarters", "Helix Corp", "Peoria") in kinds(facts)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc posted a profit.", "Critics said the Peoria company was lucky."],
        [ORION, PEORIA]))
    assert not [f for f in facts if f.kind == "headquarters"]
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc posted a profit.", "The Peoria group marched on Monday."],
        [ORION, PEORIA]))
    assert not [f for f in facts if f.kind == "headquarters"]


def test_what_a_launch_verb_takes_that_is_no_product() -> None:
    nova = ("Nova", "PRODUCT", 0.3)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc launched a pump called Nova."], [ORION, nova]))
    assert ("launch", "Orion Dynamics Inc", "Nova") in kinds(facts)
    for text in ("Orion Dynamics Inc launched fierce attacks on Nova.",
                 "Orion Dynamics Inc released an update, Nova, to fix a flaw.",
                 "Orion Dynamics Inc released a statement about Nova."):
        facts = extract_facts(build_annotated([text], [ORION, nova]))
        assert not [f for f in facts if f.kind == "launch"], text


def test_a_weekday_or_a_headline_word_is_no_product() -> None:
    facts = extract_facts(build_annotated(
        ["Users should install the fix Orion Dynamics Inc released Wednesday morning."], [ORION]))
    assert not [f for f in facts if f.kind == "launch"]
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc Releases Critical Pump Software"], [ORION]))
    assert not [f for f in facts if f.kind == "launch"]


def test_the_company_named_after_a_title_is_whose_title_it_is() -> None:
    facts = extract_facts(build_annotated(
        ["Mara Quint, CEO of Lumen Analytics, spoke about Orion Dynamics Inc on Monday."],
        [ORION, MARA]))
    assert ("ceo", "Lumen Analytics", "Mara Quint") in kinds(facts)
    assert ("ceo", "Orion Dynamics Inc", "Mara Quint") not in kinds(facts)


def test_a_short_name_before_a_title_is_the_company() -> None:
    ledger = ("Daily Ledger", "ORG", 0.3)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc will ship later.", "'Not yet,' Orion CEO Mara Quint told the Daily Ledger."],
        [ORION, MARA, ledger]))
    assert ("ceo", "Orion Dynamics Inc", "Mara Quint") in kinds(facts)
    assert not [f for f in facts if f.subject == "Daily Ledger"]
    facts = extract_facts(build_annotated(
        ["'Not yet,' Zenith CEO Mara Quint told the Daily Ledger."], [MARA, ledger]))
    assert not [f for f in facts if f.kind == "ceo"]  # whose title it is was not recognized


def test_one_in_so_many_users_is_a_ratio() -> None:
    facts = extract_facts(build_annotated(
        ["As many as 1 in 500 users of Orion Dynamics Inc software were exposed."], [ORION]))
    assert not [f for f in facts if f.kind == "users"]


def test_a_founder_fact_carries_the_founding_date_not_the_report_date() -> None:
    facts = extract_facts(build_annotated(
        ["Mara Quint, the founder of Orion Dynamics Inc, spoke on March 3, 2015."],
        [ORION, MARA], times=[("March 3, 2015", "2015-03")]))
    founders = [f for f in facts if f.kind == "founder"]
    assert founders and founders[0].date is None
    facts = extract_facts(build_annotated(
        ["Mara Quint founded Orion Dynamics Inc in 2009."], [ORION, MARA],
        times=[("2009", "2009-01")]))
    founders = [f for f in facts if f.kind == "founder"]
    assert founders and founders[0].date is not None and founders[0].date.text == "2009"


def test_a_company_named_only_after_a_launch_did_not_launch_it() -> None:
    cups = ("Cupworks", "ORG", 0.2)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc makes brewers.",
         "'We introduced a system called Vue that has Cupworks pods,' she said."],
        [ORION, cups]))
    assert ("launch", "Orion Dynamics Inc", "Vue") in kinds(facts)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc makes brewers.",
         "Zenwick, for instance, just released Vue to Cupworks users."],
        [ORION, cups]))
    assert not [f for f in facts if f.kind == "launch"]


def test_a_figure_of_a_part_of_the_company_is_not_the_company_s() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc said the businesses to be acquired had revenue of $76 million."],
        [ORION]))
    assert not [f for f in facts if f.kind == "revenue"]
    facts = extract_facts(build_annotated(
        ["By then the business employed 6,000 people, Orion Dynamics Inc said."], [ORION]))
    assert amounts(facts, "employees") == {6000}  # "the business" is the company itself


def test_an_unrecognized_name_opening_the_sentence_owns_its_figure() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc bought dairies.", "Mat Maid was then valued at $5 million."],
        [ORION]))
    assert not [f for f in facts if f.kind == "valuation"]
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc bought dairies.", "Mara Quint said it was valued at $5 million."],
        [ORION]))
    assert [f.subject for f in facts if f.kind == "valuation"] == ["Orion Dynamics Inc"]


def test_money_raised_for_victims_is_a_donation() -> None:
    facts = extract_facts(build_annotated(
        ["Mara Quint had raised over $1m for quake victims through Orion Dynamics Inc."],
        [ORION, MARA]))
    assert not [f for f in facts if f.kind == "funding"]
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc has raised $1m for its new factory."], [ORION]))
    assert amounts(facts, "funding") == {1e6}


def test_a_sponsor_is_no_investor_without_money_raised() -> None:
    facts = extract_facts(build_annotated(
        ["Text HELP is a phone initiative of Orion Dynamics Inc supported by the Helix Corp."],
        [ORION, HELIX]))
    assert not [f for f in facts if f.kind == "investors"]
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc raised $5m in a round supported by Helix Corp."], [ORION, HELIX]))
    assert ("investors", "Orion Dynamics Inc", "Helix Corp") in kinds(facts)


def test_the_value_of_a_whole_industry_is_no_company_valuation() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc sells batteries.",
         "Though valued at just $200 million in 2012, the energy storage industry will grow."],
        [ORION]))
    assert not [f for f in facts if f.kind == "valuation"]


def test_a_long_relative_clause_keeps_its_head_the_subject() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc, which features tutorials on everything from Helix Corp pumps to "
         "garden hoses and lawn sprinklers for small homes, also has 320,000 subscribers."],
        [ORION, HELIX]))
    assert [f.subject for f in facts if f.kind == "users"] == ["Orion Dynamics Inc"]


def test_more_launch_wordings_that_name_no_product() -> None:
    nova, evans = ("Nova", "PRODUCT", 0.3), ("Evans Stores", "ORG", 0.2)
    for text in ("Three teens have since been released 'pending further enquiries,' police said.",
                 "Orion Dynamics Inc released the info of employees of Nova.",
                 "In the north, Orion Dynamics Inc introduced new rules for Nova.",
                 "Orion Dynamics Inc launched her fashion range for retailer Evans Stores.",
                 "Mara Quint made her Orion Dynamics Inc debut in March.",
                 "Mara Quint was introduced to Nova a month ago."):
        facts = extract_facts(build_annotated([text], [ORION, MARA, nova, evans]))
        assert not [f for f in facts if f.kind == "launch"], text
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc debuted Nova on Monday."], [ORION, nova]))
    assert ("launch", "Orion Dynamics Inc", "Nova") in kinds(facts)


def test_the_company_of_a_title_after_a_based_place() -> None:
    toledo, ohio = ("Toledo", "GPE", 0.3), ("Ohio", "GPE", 0.3)
    facts = extract_facts(build_annotated(
        ["Sales rose, said Mara Quint, chief executive officer of Toledo, Ohio-based Helix Corp."],
        [HELIX, MARA, toledo, ohio]))
    assert ("ceo", "Helix Corp", "Mara Quint") in kinds(facts)
    assert not [f for f in facts if f.kind == "ceo" and f.subject != "Helix Corp"]


def test_an_unrecognized_body_after_a_lower_cased_title_leaves_it_unknown() -> None:
    facts = extract_facts(build_annotated(
        ["mara quint , ceo of international animal rescue , said orion dynamics helped ."],
        [("orion dynamics", "ORG", 0.9), ("mara quint", "PERSON", 0.5)]))
    assert not [f for f in facts if f.kind == "ceo"]
    facts = extract_facts(build_annotated(
        ["orion dynamics sells pumps .", "mara quint , founder of the company , spoke ."],
        [("orion dynamics", "ORG", 0.9), ("mara quint", "PERSON", 0.5)]))
    assert ("founder", "orion dynamics", "mara quint") in kinds(facts)


def test_based_in_is_said_of_the_company_right_before_it() -> None:
    liverpool = ("Liverpool", "GPE", 0.3)
    for text in ("Fans raised money for a Helix Corp syndrome charity based in Liverpool.",
                 "Orion Dynamics Inc named Mara Quint, who is based in Liverpool, to its board.",
                 "There are 117 billionaires based in Liverpool, Helix Corp said."):
        facts = extract_facts(build_annotated([text], [ORION, HELIX, MARA, liverpool]))
        assert not [f for f in facts if f.kind == "headquarters"], text
    for text in ("Orion Dynamics Inc, a pump maker, is based in Liverpool.",
                 "Orion Dynamics Inc's, based in Liverpool, sells pumps.",
                 "Orion Dynamics Inc is based in Liverpool."):
        facts = extract_facts(build_annotated([text], [ORION, liverpool]))
        assert ("headquarters", "Orion Dynamics Inc", "Liverpool") in kinds(facts), text
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc sells pumps.", "The company is based in Liverpool."],
        [ORION, liverpool]))
    assert ("headquarters", "Orion Dynamics Inc", "Liverpool") in kinds(facts)


def test_donations_and_public_money_are_no_funding() -> None:
    for text in ("A fundraising page set up to pay funeral expenses for Orion Dynamics Inc staff "
                 "has raised $50,000.",
                 "The page has raised $20,000 for Mara Quint's legal defense, Orion Dynamics Inc said.",
                 "Orion Dynamics Inc lost staff since lawmakers cut $1.1 million funding for sites."):
        facts = extract_facts(build_annotated([text], [ORION, MARA]))
        assert not [f for f in facts if f.kind == "funding"], text
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc raised $20 million in funding to help it grow."], [ORION]))
    assert amounts(facts, "funding") == {2e7}


def test_a_thing_s_worth_is_no_company_valuation() -> None:
    for text in ("The iconic suit from the Orion Dynamics Inc film is valued at $6,000.",
                 "The player is valued at around $6 million by Orion Dynamics Inc."):
        facts = extract_facts(build_annotated([text], [ORION]))
        assert not [f for f in facts if f.kind == "valuation"], text
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc sells pumps.", "The company is valued at $6 million."], [ORION]))
    assert amounts(facts, "valuation") == {6e6}


def test_rates_events_and_backing_of_no_company() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc malls generate average annual sales of $809 per square foot."],
        [ORION]))
    assert not [f for f in facts if f.kind == "revenue"]
    facts = extract_facts(build_annotated(
        ["At Orion Dynamics Inc, nearly 180 employees, including 38 managers, were accused."],
        [ORION]))
    assert not [f for f in facts if f.kind == "employees"]
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc employs 180 employees."], [ORION]))
    assert amounts(facts, "employees") == {180}
    kremlin = ("Kremlin", "ORG", 0.3)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc said the era of Kremlin-backed blackmail is over."], [ORION, kremlin]))
    assert not [f for f in facts if f.kind == "investors"]
    facts = extract_facts(build_annotated(
        ["The Kremlin-backed startup Orion Dynamics Inc grew fast."], [ORION, kremlin]))
    assert ("investors", "Orion Dynamics Inc", "Kremlin") in kinds(facts)


def test_a_person_s_release_an_amount_or_a_decade_is_no_product_launch() -> None:
    stranded = ("Stranded", "PRODUCT", 0.2)
    for text, entities in (
            ("Mara Quint also debuted a song, Stranded, for Orion Dynamics Inc fans.",
             [ORION, MARA, stranded]),
            ("Orion Dynamics Inc has released $200,000 from its Stranded fund.", [ORION, stranded]),
            ("Orion Dynamics Inc released their first record back in the early Eighties.",
             [ORION])):
        facts = extract_facts(build_annotated([text], entities))
        assert not [f for f in facts if f.kind == "launch"], text


def test_a_based_adjective_before_a_person_is_not_the_next_company_s() -> None:
    facts = extract_facts(build_annotated(
        ["Peoria-based journalist Mara Quint told Orion Dynamics Inc about it."],
        [ORION, MARA, PEORIA]))
    assert not [f for f in facts if f.kind == "headquarters"]
    facts = extract_facts(build_annotated(
        ["Peoria-based Orion Dynamics Inc hired Mara Quint."], [ORION, MARA, PEORIA]))
    assert ("headquarters", "Orion Dynamics Inc", "Peoria") in kinds(facts)


def test_a_sentence_naming_nobody_goes_on_about_the_company_not_its_backers() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc has raised $50 million, valuing it at $900 million.",
         "The round was led by Helix Corp, with participation from Mara Quint.",
         "The valuation is up from $300 million in its previous round."], [ORION, HELIX, MARA]))
    valuations = {(f.subject, f.quantity.amount) for f in facts if f.kind == "valuation" and f.quantity}
    assert ("Orion Dynamics Inc", 3e8) in valuations
    assert not [f for f in facts if f.subject == "Helix Corp" and f.kind == "valuation"]


def test_the_company_after_a_sentence_introducing_one_is_that_company() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc makes cars. Mara Quint led its driving team for six years.",
         "In May 2025 she left to found Helix Corp, a Shanghai-based robot start-up.",
         "The company said on Tuesday it had raised $97 million in an angel round."], [ORION, HELIX, MARA]))
    assert {(f.subject, f.quantity.amount) for f in facts if f.kind == "funding" and f.quantity} == {
        ("Helix Corp", 97e6)}


def test_a_company_owning_an_investors_title_is_no_investor() -> None:
    tarn = ("Tarn Capital", "ORG", 0.3)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc said it had raised $97 million in an angel round led by Tarn Capital, with "
         "Helix Corp's chairman Mara Quint investing in a personal capacity."], [ORION, HELIX, MARA, tarn]))
    [investors] = [f for f in facts if f.kind == "investors"]
    assert investors.subject == "Orion Dynamics Inc" and investors.value == "Tarn Capital, Mara Quint"
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc said it had raised $97 million in an angel round led by Tarn Capital, with "
         "Helix Corp's chairman investing too."], [ORION, HELIX, MARA, tarn]))
    [investors] = [f for f in facts if f.kind == "investors"]
    assert "Helix Corp" in investors.value  # no holder's name follows: the company is the investor named


def test_a_source_called_by_its_kind_is_never_whose_the_figure_is() -> None:
    tarn = ("Tarnwise", "ORG", 0.2)
    for source in ("according to data compiled by research firm Tarnwise",
                   "according to data from market researcher Tarnwise"):
        facts = extract_facts(build_annotated(
            ["Orion Dynamics Inc makes robots.",
             f"Funding for robot start-ups reached 10 billion yuan in the first five months, {source}."],
            [ORION, tarn]))
        assert not [f for f in facts if f.subject == "Tarnwise"], source
        # nor is a figure of a whole sector the company named before's
        assert not [f for f in facts if f.kind == "funding"], source


def test_the_owner_named_before_an_investing_company_is_no_investor() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc, backed by Mara Quint's Helix Corp, opened a plant in 2024."], [ORION, HELIX, MARA]))
    assert [f.value for f in facts if f.kind == "investors"] == ["Helix Corp"]


def test_a_company_before_a_founded_by_aside_owns_the_figure_after_a_longer_verb_phrase() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc, a Shanghai start-up founded by former Helix Corp engineer Mara Quint in 2023, "
         "raised new funds at a valuation of $2 billion in March."], [ORION, HELIX, MARA]))
    assert {f.subject for f in facts if f.kind == "valuation"} == {"Orion Dynamics Inc"}


def test_a_product_before_an_aside_owns_the_figure_after_it() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Inc makes apps.",
         "Velo, the Chinese version of Zing, had more than 750 million daily active users at the end of last "
         "year."], [ORION, ("Velo", "PRODUCT", 0.4), ("Zing", "PRODUCT", 0.3)]))
    assert {f.subject for f in facts if f.kind == "users"} == {"Velo"}
