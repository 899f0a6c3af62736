"""General wording rules of fact extraction, on sentences written for the tests.

Cased rules run on hand-built annotations (no NER); lower-cased rules run the
fallback entities (spaCy's tagger and parser) as lower-cased corpora do.
"""

from __future__ import annotations

from digesthub.analyze.facts import extract_facts
from digesthub.analyze.facts.fallback import fallback_entities
from digesthub.types import AnnotatedArticle, Article, EntityRef, Fact, Paragraph
from tests.test_facts_build import build_annotated

ORION = ("Orion Dynamics", "ORG", 0.9)
MARA = ("Mara Quint", "PERSON", 0.5)
HELIX = ("Helix Corp", "ORG", 0.4)


def kinds(facts: list[Fact]) -> set[tuple[str, str, str | None]]:
    return {(f.kind, f.subject, f.value) for f in facts}


def test_two_titles_joined_by_and_name_both() -> None:
    facts = extract_facts(build_annotated(
        ["Mara Quint is the chief executive and founder of Orion Dynamics."], [ORION, MARA]))
    assert {("ceo", "Orion Dynamics", "Mara Quint"),
            ("founder", "Orion Dynamics", "Mara Quint")} <= kinds(facts)


def test_founded_by_names_every_co_founder_of_the_list() -> None:
    lena = ("Lena Ruiz", "PERSON", 0.3)
    for sentence in ("Orion Dynamics was founded in 2019 by Mara Quint, a former researcher at a "
                     "university lab, and Lena Ruiz, who led design at a drone maker.",
                     "Orion Dynamics was founded by Mara Quint and Lena Ruiz.",
                     "Orion Dynamics was founded by Mara Quint, Lena Ruiz and Tom Hale."):
        facts = extract_facts(build_annotated([sentence], [ORION, MARA, lena, ("Tom Hale", "PERSON", 0.2)]))
        founders = {f.value for f in facts if f.kind == "founder"}
        assert {"Mara Quint", "Lena Ruiz"} <= founders, (sentence, founders)
    # a person after the list's end is no founder
    facts = extract_facts(build_annotated(
        ["Orion Dynamics was founded by Mara Quint. Its chairman, Lena Ruiz, said sales rose."],
        [ORION, MARA, lena]))
    assert {f.value for f in facts if f.kind == "founder"} == {"Mara Quint"}


def test_co_founded_the_company_with_names_both_founders() -> None:
    lena = ("Lena Ruiz", "PERSON", 0.3)
    for second in ("Quint co-founded the company with Lena Ruiz, a professor of physics at Kestrel University.",
                   "Quint co-founded Orion Dynamics with Lena Ruiz, a professor of physics at Kestrel University."):
        facts = extract_facts(build_annotated(
            ["Orion Dynamics makes video models, chief executive Mara Quint said.", second],
            [ORION, MARA, lena, ("Kestrel University", "ORG", 0.2)],
            aliases={"Mara Quint": ["Quint"]}))
        founders = {(f.subject, f.value) for f in facts if f.kind == "founder"}
        assert founders == {("Orion Dynamics", "Mara Quint"), ("Orion Dynamics", "Lena Ruiz")}, (second, founders)


def test_a_picture_caption_aside_does_not_break_founder() -> None:
    facts = extract_facts(build_annotated(
        ["Mara Quint (pictured) founded Orion Dynamics in 2009."], [ORION, MARA]))
    assert ("founder", "Orion Dynamics", "Mara Quint") in kinds(facts)


def test_who_founded_the_company_points_back_not_forward() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics sells pumps.",
         "Mara Quint, who founded the company in 2009, now advises Helix Partners."],
        [ORION, MARA, ("Helix Partners", "ORG", 0.2)]))
    founders = [f for f in facts if f.kind == "founder"]
    assert [(f.subject, f.value) for f in founders] == [("Orion Dynamics", "Mara Quint")]


def test_values_at_is_a_valuation() -> None:
    facts = extract_facts(build_annotated(
        ["The new round values Orion Dynamics at $4 billion."], [ORION]))
    [valuation] = [f for f in facts if f.kind == "valuation"]
    assert (valuation.subject, valuation.quantity.amount) == ("Orion Dynamics", 4e9)


def _lowercase_entities(text: str) -> list[EntityRef]:
    """The fallback entities of a lower-cased one-paragraph article."""
    article = Article(id="t", title=None, paragraphs=[Paragraph(1, text)])
    return fallback_entities(AnnotatedArticle(article=article, sentences=[], mentions=[],
                                              entities=[], times=[], facts=[]))


def test_lowercase_bare_subject_of_a_business_verb_gets_the_fact() -> None:
    from digesthub.analyze import analyze

    text = "orbital has 12 million monthly active users , the firm said ."
    facts = analyze(Article(id="t", title=None, paragraphs=[Paragraph(1, text)])).facts
    [users] = [f for f in facts if f.kind == "users"]
    assert (users.subject, users.quantity.amount, users.quantity.unit) == ("orbital", 1.2e7, "MAU")


def test_lowercase_lone_proper_noun_and_surname() -> None:
    entities = _lowercase_entities(
        "tesla has a new car . amazon founder jeff bezos spoke on monday . bezos said amazon "
        "would grow .")
    by_name = {e.name: e for e in entities}
    assert by_name["tesla"].label == "ORG"  # tagged a proper noun, missed by the recognizer
    assert "bezos" not in by_name  # the surname joins the person named in full
    assert by_name["jeff bezos"].label == "PERSON" and len(by_name["jeff bezos"].mentions) == 2


def test_lowercase_place_before_based_stays_a_place() -> None:
    entities = _lowercase_entities("skytrax , a uk-based consultancy , ranks airports .")
    assert {e.name: e.label for e in entities}.get("uk") == "GPE"


def test_lowercase_launched_description_is_no_product() -> None:
    for text in ("kestrel launched a new app on monday .",
                 "kestrel launched its subscription music service ."):
        entities = _lowercase_entities(text)
        assert not [e for e in entities if e.label == "PRODUCT"]  # a description names nothing


def test_from_to_after_a_change_is_two_figures_not_a_range() -> None:
    from digesthub.analyze.facts.quantities import find_quantities

    found = find_quantities("Its market value grew from $5 billion in 2007 to $20 billion today.")
    assert [(q.quantity.amount, q.quantity.qualifier) for q in found] == [(5e9, None), (2e10, None)]
    found = find_quantities("Sales rose from $2 billion to $3 billion.")
    assert [q.quantity.amount for q in found] == [2e9, 3e9]
    [spread] = find_quantities("It expects between 1 and 2 billion yuan.")
    assert spread.quantity.qualifier == "between"  # a stated range stays one


def test_second_figure_of_a_change_keeps_the_kind() -> None:
    facts = extract_facts(build_annotated(
        ["The market value of Orion Dynamics grew from $5 billion in 2007 to $20 billion."],
        [ORION]))
    amounts = sorted(f.quantity.amount for f in facts if f.kind == "valuation")
    assert amounts == [5e9, 2e10]


def test_led_by_names_investors_only_where_money_is_raised() -> None:
    helix = ("Helix Partners", "ORG", 0.2)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics joined an expedition led by Helix Partners."], [ORION, helix]))
    assert not [f for f in facts if f.kind == "investors"]
    facts = extract_facts(build_annotated(
        ["Orion Dynamics raised $20 million in a round led by Helix Partners."], [ORION, helix]))
    assert [(f.subject, f.value) for f in facts if f.kind == "investors"] == [
        ("Orion Dynamics", "Helix Partners")]


def test_lowercase_product_named_after_its_maker() -> None:
    from digesthub.analyze import analyze

    text = "google said it launched google wallet in 2011 ."
    facts = analyze(Article(id="t", title=None, paragraphs=[Paragraph(1, text)])).facts
    launches = [(f.subject, f.value) for f in facts if f.kind == "launch"]
    assert launches == [("google", "google wallet")]


def test_only_a_surname_folds_into_a_person() -> None:
    from digesthub.analyze.facts.fallback import _merge_surnames
    from digesthub.types import Mention

    def ref(name: str, label: str, start: int) -> EntityRef:
        return EntityRef(name, label, [], [Mention(start, start + len(name), name, label, 1)])

    grouped = {e.name: e for e in (ref("ada lovelace", "PERSON", 0), ref("lovelace", "ORG", 40),
                                   ref("nimbus tools", "PERSON", 80), ref("nimbus", "ORG", 99))}
    _merge_surnames(grouped)
    assert sorted(grouped) == ["ada lovelace", "nimbus", "nimbus tools"]
    assert [m.start for m in grouped["ada lovelace"].mentions] == [0, 40]
    assert grouped["ada lovelace"].mentions[1].label == "PERSON"


def _lowercase_facts(text: str) -> set[tuple[str, str, str | None]]:
    from digesthub.analyze import analyze

    return kinds(analyze(Article(id="t", title=None, paragraphs=[Paragraph(1, text)])).facts)


def test_lowercase_names_around_a_title() -> None:
    assert ("founder", "acme", "maria lopez") in _lowercase_facts(
        "acme founder maria lopez said sales were strong .")
    assert ("founder", "hiver beers", "hannah rhodes") in _lowercase_facts(
        "hannah rhodes , founder of hiver beers , says beer is dear .")
    assert ("founder", "acme", "maria lopez") in _lowercase_facts(
        "acme was founded by maria lopez in 2005 .")


def test_title_after_a_determiner_and_an_owner_name() -> None:
    facts = extract_facts(build_annotated(
        ["Mara Quint, the Orion Dynamics co-founder, spoke first."], [ORION, MARA]))
    assert ("founder", "Orion Dynamics", "Mara Quint") in kinds(facts)


def test_headquarters_of_an_owner_and_of_the_based_company() -> None:
    facts = extract_facts(build_annotated(
        ["Reporters toured Orion Dynamics's Ohio headquarters on Monday."],
        [ORION, ("Ohio", "GPE", 0.3)]))
    assert ("headquarters", "Orion Dynamics", "Ohio") in kinds(facts)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics makes pumps.", "The Ohio-based company said sales rose."],
        [ORION, ("Ohio", "GPE", 0.3)]))
    assert ("headquarters", "Orion Dynamics", "Ohio") in kinds(facts)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics makes pumps.", "An Ohio-based judge ruled on Monday."],
        [ORION, ("Ohio", "GPE", 0.3)]))
    assert not [f for f in facts if f.kind == "headquarters"]  # a judge is no company


def test_founded_by_a_role_word_then_the_name() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics was founded by entrepreneur Mara Quint in 1990."], [ORION, MARA]))
    assert ("founder", "Orion Dynamics", "Mara Quint") in kinds(facts)
    assert ("founder", "acme", "dana ortiz") in _lowercase_facts(
        "acme was founded by entrepreneur dana ortiz in 1990 .")


def test_a_bare_number_after_a_count_counts_the_same_thing() -> None:
    from digesthub.analyze.facts.quantities import find_quantities

    found = find_quantities("Orion has 3 million users in China and 12 million worldwide.")
    assert [(q.quantity.amount, q.quantity.unit) for q in found] == [
        (3e6, "users"), (1.2e7, "users")]
    found = find_quantities("Orion has 3 million users, up from 2 million in 2020.")
    assert len(found) == 1  # an earlier figure, not a second count
    found = find_quantities("It sold 2 million units and raised $4 million.")
    assert all(q.quantity.unit != "units" or q.quantity.amount == 2e6 for q in found)


def test_launched_it_names_no_product() -> None:
    facts = extract_facts(build_annotated(
        ["Since Mara Quint launched it in 2010, Orion Dynamics has grown."], [ORION, MARA]))
    assert not [f for f in facts if f.kind == "launch"]


def test_the_company_that_said_it_raised_is_the_subject_not_one_in_its_appositive() -> None:
    sentence = ("Kestrel Labs, founded in 2021 by a former Orion Dynamics engineer, said on Monday "
                "it had raised $40 million in a Series A round led by Halden Ventures, valuing the company "
                "at $300 million.")
    facts = extract_facts(build_annotated(
        [sentence], [("Kestrel Labs", "ORG", 0.9), ORION, ("Halden Ventures", "ORG", 0.3)]))
    by_kind = {f.kind: f.subject for f in facts}
    assert by_kind.get("funding") == "Kestrel Labs"
    assert by_kind.get("valuation") == "Kestrel Labs"
    assert by_kind.get("investors") == "Kestrel Labs"


def test_after_an_acquisition_the_company_valued_is_the_one_bought() -> None:
    sentence = "Orion Dynamics agreed to buy Kestrel Labs for cash, valuing the company at $300 million."
    facts = extract_facts(build_annotated([sentence], [ORION, ("Kestrel Labs", "ORG", 0.4)]))
    assert [f.subject for f in facts if f.kind == "valuation"] == ["Kestrel Labs"]


def test_an_amount_takes_the_date_right_after_it_over_one_before_it() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics reported revenue of $438 million in March 2024, up from $124 million in May 2023."],
        [ORION], times=[("March 2024", "2024-03"), ("May 2023", "2023-05")]))
    dates = {f.quantity.amount: f.date.value for f in facts if f.kind == "revenue" and f.date}
    assert dates == {438_000_000: "2024-03", 124_000_000: "2023-05"}, dates


def test_a_date_after_a_comparison_dates_the_baseline_not_the_amount() -> None:
    for comparison in ("more than double its valuation in", "up from $2 billion in", "compared with"):
        facts = extract_facts(build_annotated(
            [f"The round values Orion Dynamics at $5 billion, {comparison} late 2024, a person said."],
            [ORION], times=[("late 2024", "2024-10")]))
        (valuation,) = [f for f in facts if f.kind == "valuation" and f.quantity.amount == 5e9]
        assert valuation.date is None, comparison
    facts = extract_facts(build_annotated(  # no comparison: the date after the amount is its date
        ["The round values Orion Dynamics at $5 billion in late 2024, a person said."],
        [ORION], times=[("late 2024", "2024-10")]))
    assert [f.date.value for f in facts if f.kind == "valuation"] == ["2024-10"]


def test_an_opening_anaphor_with_modifiers_is_the_subject_not_the_name_in_its_aside() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics launched a video generator in September.",
         "The Shanghai company, founded in late 2021 by former Kestrel Labs executive Mara Quint, was valued "
         "at $2.5 billion after a funding round led by Helix Partners."],
        [ORION, ("Kestrel Labs", "ORG", 0.5), MARA, ("Helix Partners", "ORG", 0.2)]))
    subjects = {(f.kind, f.subject) for f in facts if f.kind in ("valuation", "founded", "investors")}
    assert subjects == {("valuation", "Orion Dynamics"), ("founded", "Orion Dynamics"),
                        ("investors", "Orion Dynamics")}, subjects


def test_the_speaker_of_said_it_had_raised_stands_before_a_bracketed_name_and_a_which_clause() -> None:
    facts = extract_facts(build_annotated(
        ["Beijing-based Orion Dynamics (奥瑞恩), which spun out of Kestrel University in March 2023, said this "
         "week it had raised $50 million in a Series A round led by Helix Partners."],
        [ORION, ("Kestrel University", "ORG", 0.5), ("Helix Partners", "ORG", 0.2)],
        aliases={"Orion Dynamics": ["奥瑞恩"]}))
    assert {f.subject for f in facts if f.kind in ("investors", "funding")} == {"Orion Dynamics"}, kinds(facts)


def test_a_spin_out_is_a_founding() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics, which spun out of Kestrel University in March 2023, makes video models."],
        [ORION, ("Kestrel University", "ORG", 0.4)], times=[("March 2023", "2023-03")]))
    assert [(f.subject, f.value) for f in facts if f.kind == "founded"] == [("Orion Dynamics", "2023")]


def test_the_source_of_a_figure_is_not_whose_figure_it_is() -> None:
    facts = extract_facts(build_annotated(
        ["According to data from the Kestrel Industry Association (KIA), sales of the country's chip industry "
         "reached $167 billion in 2024."],
        [("Kestrel Industry Association", "ORG", 0.4)], aliases={"Kestrel Industry Association": ["KIA"]}))
    assert not [f for f in facts if f.kind == "revenue"], kinds(facts)


def test_a_company_named_in_an_opening_appositive_is_what_the_next_anaphor_continues() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics reported higher profit on Thursday.",
         "Another chipmaker, Kestrel Labs, said its plants were full. The Shanghai-based firm plans a new plant."],
        [ORION, ("Kestrel Labs", "ORG", 0.4), ("Shanghai", "GPE", 0.2)]))
    assert [(f.subject, f.value) for f in facts if f.kind == "headquarters"] == [("Kestrel Labs", "Shanghai")]


def test_raised_funds_from_names_the_investor() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics raised new funds in January from Helix Ventures, people familiar with the matter said.",
         "Orion Dynamics received a letter from Kestrel Labs."],
        [ORION, ("Helix Ventures", "ORG", 0.3), ("Kestrel Labs", "ORG", 0.2)]))
    assert [(f.subject, f.value) for f in facts if f.kind == "investors"] == [("Orion Dynamics", "Helix Ventures")]


def test_a_launched_product_keeps_the_point_of_its_release_number() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics on Saturday launched Zorvu 2.0, which it says is cheaper."],
        [ORION, ("Zorvu 2.0", "PRODUCT", 0.4)]))
    assert [f.value for f in facts if f.kind == "launch"] == ["Zorvu 2.0"]


def test_a_market_named_after_on_is_where_the_subject_listed_not_who_raised() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics filed for an initial public offering on the Helix Growth Board on Monday, "
         "seeking to raise $1.1 billion."],
        [ORION, ("Helix Growth Board", "ORG", 0.3)]))
    assert {(f.kind, f.subject) for f in facts if f.kind == "funding"} == {("funding", "Orion Dynamics")}


def test_he_continues_the_person_the_sentence_before_opens_with() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics makes pumps.",
         "Mara Quint, 56, spent ten years at Helix Partners. She is the company's chairwoman and chief executive."],
        [ORION, MARA, ("Helix Partners", "ORG", 0.2)]))
    assert ("ceo", "Orion Dynamics", "Mara Quint") in kinds(facts), kinds(facts)


def test_a_role_opening_the_next_sentence_is_the_person_the_sentence_before_opens_with() -> None:
    facts = extract_facts(build_annotated(
        ["Mara Quint rarely gives interviews. The 40-year-old founder of Orion Dynamics, who grew up in a "
         "fishing village, spent a decade running Helix Partners."],
        [ORION, MARA, ("Helix Partners", "ORG", 0.2)]))
    assert ("founder", "Orion Dynamics", "Mara Quint") in kinds(facts), kinds(facts)
    # a sentence that names its own person keeps it; two people before leave the role unnamed
    facts = extract_facts(build_annotated(
        ["Mara Quint met Ivo Brandt. The founder of Orion Dynamics said little."],
        [ORION, MARA, ("Ivo Brandt", "PERSON", 0.4)]))
    assert not [f for f in facts if f.kind == "founder"], kinds(facts)


def test_a_pronoun_without_a_plain_referent_names_no_one() -> None:
    facts = extract_facts(build_annotated(
        ["Mara Quint met Ivo Brandt at Orion Dynamics. He is the company's chief executive."],
        [ORION, MARA, ("Ivo Brandt", "PERSON", 0.4)]))
    assert not [f for f in facts if f.kind == "ceo"], kinds(facts)


def test_founded_by_a_former_manager_of_another_company() -> None:
    facts = extract_facts(build_annotated(
        ["The company, founded in October 2020 by former Helix Partners general manager Mara Quint, "
         "makes pumps.", "Orion Dynamics sells them in Europe."],
        [ORION, MARA, ("Helix Partners", "ORG", 0.2)]))
    founders = {(f.subject, f.value) for f in facts if f.kind == "founder"}
    assert ("Helix Partners", "Mara Quint") not in founders, founders
    assert founders, kinds(facts)


def test_a_kind_of_thing_written_short_is_no_launched_product() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics debuted its first self-developed large language model (LLM) in August 2022."],
        [ORION, ("LLM", "PRODUCT", 0.3)], times=[("August 2022", "2022-08")]))
    assert not [f for f in facts if f.kind == "launch"], kinds(facts)


def test_an_amount_added_to_a_figure_is_not_the_figure() -> None:
    facts = extract_facts(build_annotated(
        ["Analysts at Helix Partners said the new model could add 20 billion yuan to Orion Dynamics' revenue."],
        [ORION, ("Helix Partners", "ORG", 0.3)]))
    assert not [f for f in facts if f.kind == "revenue"], kinds(facts)


def test_the_amount_after_up_from_is_the_earlier_figure_of_the_same_measure() -> None:
    text = ("The round values Orion Dynamics at about $3 billion, according to two people familiar with "
            "the matter, up from $1.8 billion in its previous round in January 2024.")
    annotated = build_annotated([text], [ORION], times=[("January 2024", "2024-01")])
    facts = extract_facts(annotated)
    valuations = {(f.quantity.amount, f.date.value if f.date else None) for f in facts if f.kind == "valuation"}
    assert valuations == {(3e9, None), (1.8e9, "2024-01")}
    assert not [f for f in facts if f.kind == "funding"]  # "previous round" names no money raised
    text = "That compares with a valuation of $1.2 billion in its last private funding round in June 2025."
    annotated = build_annotated(["Orion Dynamics plans to raise $600 million in a listing.", text], [ORION],
                                times=[("June 2025", "2025-06")])
    valuations = {(f.quantity.amount, f.date.value if f.date else None)
                  for f in extract_facts(annotated) if f.kind == "valuation"}
    assert valuations == {(1.2e9, "2025-06")}


def test_money_raised_in_its_previous_round_is_dated_by_that_round() -> None:
    text = "Orion Dynamics had raised about $300 million in its previous round in October 2023."
    annotated = build_annotated([text], [ORION], times=[("October 2023", "2023-10")])
    funding = [(f.quantity.amount, f.date.value if f.date else None) for f in extract_facts(annotated)
               if f.kind == "funding"]
    assert funding == [(3e8, "2023-10")]


def test_an_expected_or_planned_figure_is_a_forecast() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics had revenue of $4 billion last year. It expects revenue of about $6 billion this "
         "year and aims to reach 10 million users by 2027."], [ORION]))
    status = {(f.kind, f.quantity.amount): f.details.get("status") for f in facts if f.quantity}
    assert status == {("revenue", 4e9): None, ("revenue", 6e9): "forecast", ("users", 1e7): "forecast"}
    # a relative clause about something else does not make the figure a forecast
    facts = extract_facts(build_annotated(
        ["Orion Dynamics, which will list its shares next year, raised $500 million in May."], [ORION]))
    assert [f.details.get("status") for f in facts if f.kind == "funding"] == [None]
    # nor does a deed done between the cue and the amount
    facts = extract_facts(build_annotated(
        ["Orion Dynamics said it would focus on robots after raising $500 million in its Series A round."], [ORION]))
    assert [f.details.get("status") for f in facts if f.kind == "funding"] == [None]


def test_a_founding_date_after_founded_by_someone_dates_only_the_founding() -> None:
    text = ("Orion Dynamics, the start-up founded by former Helix engineer Mara Quint in April 2023, said it "
            "had raised $500 million in its Series A round.")
    facts = extract_facts(build_annotated([text], [ORION, MARA], times=[("April 2023", "2023-04")]))
    [funding] = [f for f in facts if f.kind == "funding"]
    assert funding.date is None


def test_a_sentence_opening_on_founded_by_is_about_the_company_after_the_comma() -> None:
    helix = ("Helix Vision", "ORG", 0.3)
    text = ("Founded in 2015 by Mara Quint and a group of engineers from camera maker Helix Vision, "
            "Orion Dynamics listed its shares in September 2022.")
    facts = kinds(extract_facts(build_annotated([text], [ORION, MARA, helix])))
    assert ("founded", "Orion Dynamics", "2015") in facts and ("founder", "Orion Dynamics", "Mara Quint") in facts
    assert not {f for f in facts if f[1] == "Helix Vision"}


def test_buying_a_stake_for_an_amount_is_money_put_into_the_company() -> None:
    stel = ("Stellar Motors", "ORG", 0.5)
    facts = extract_facts(build_annotated(
        ["Stellar Motors, the European carmaker, bought a 21 percent stake in Orion Dynamics for 1.5 billion "
         "euros in October 2023."], [ORION, stel]))
    [funding] = [f for f in facts if f.kind == "funding"]
    assert funding.subject == "Orion Dynamics" and funding.details.get("investors") == "Stellar Motors"


def test_a_title_no_company_precedes_is_held_at_the_company_the_story_is_about() -> None:
    alpha = ("Alpha Cloud", "ORG", 0.2)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics raised its forecast on Wednesday.",
         "Chief Executive Mara Quint said customers, which include Alpha Cloud, had asked Orion Dynamics "
         "to reserve capacity."], [ORION, MARA, alpha]))
    assert ("ceo", "Orion Dynamics", "Mara Quint") in kinds(facts)
    assert not [f for f in facts if f.subject == "Alpha Cloud"]


def test_existing_investors_named_before_their_part_in_the_round_are_investors() -> None:
    helix, nova = ("Helix Capital", "ORG", 0.3), ("Nova Partners", "ORG", 0.3)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics raised $600 million in a new round on Tuesday.",
         "Existing investors Helix Capital and Nova Partners also took part in the round."], [ORION, helix, nova]))
    assert ("investors", "Orion Dynamics", "Helix Capital, Nova Partners") in kinds(facts)
    # "existing investors" with no names after it names nobody
    facts = extract_facts(build_annotated(
        ["Orion Dynamics raised $600 million. Existing investors also took part in the round."], [ORION]))
    assert not [f for f in facts if f.kind == "investors"]


def test_a_founding_date_dates_only_the_founding_it_is_stated_for() -> None:
    helix = ("Helix Capital", "ORG", 0.3)
    text = "Orion Dynamics was founded in July 2023 by Mara Quint, who also co-founded the hedge fund Helix Capital."
    facts = extract_facts(build_annotated([text], [ORION, MARA, helix], times=[("July 2023", "2023-07")]))
    dates = {f.subject: f.date.value if f.date else None for f in facts if f.kind == "founder"}
    assert dates == {"Orion Dynamics": "2023-07", "Helix Capital": None}


def test_founder_of_a_nationality_and_a_kind_of_company_is_founder_of_the_company_named_next() -> None:
    facts = extract_facts(build_annotated(
        ["Mara Quint, the reclusive founder of Chinese AI startup Orion Dynamics, has given two interviews."],
        [ORION, MARA]))
    assert ("founder", "Orion Dynamics", "Mara Quint") in kinds(facts)
    assert {f[1] for f in kinds(facts)} == {"Orion Dynamics"}


def test_a_person_who_set_up_or_established_a_company_is_its_founder() -> None:
    helix = ("Helix Capital", "ORG", 0.3)
    facts = kinds(extract_facts(build_annotated(
        ["Mara Quint set up Helix Capital in 2015, and the fund grew fast."], [MARA, helix])))
    assert ("founder", "Helix Capital", "Mara Quint") in facts
    # what she set up is not named right after the verb: no founder fact for a company named later
    facts = kinds(extract_facts(build_annotated(
        ["Orion Dynamics grew fast.", "Mara Quint set up a research unit that, years later, Helix Capital bought."],
        [ORION, MARA, helix])))
    assert not [f for f in facts if f[0] == "founder"]


def test_the_source_of_a_figure_compiled_by_someone_is_not_whose_figure_it_is() -> None:
    lseg = ("Delta Data Group", "ORG", 0.3)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics raised its forecast on Wednesday.",
         "Revenue in the third quarter rose 28% to $3.6 billion, beating estimates, according to data compiled "
         "by Delta Data Group."], [ORION, lseg]))
    assert [(f.kind, f.subject) for f in facts if f.quantity and f.quantity.amount == 3.6e9] == [
        ("revenue", "Orion Dynamics")]


def test_an_indefinite_based_company_is_another_company() -> None:
    """"a Peoria-based startup" introduces some other company; only "the ..." or an apposition refers back."""
    peoria = ("Peoria", "GPE", 0.3)
    for text in ("Orion Dynamics said last month it had invested in a Peoria-based chip startup.",
                 "Mara Quint, a partner at a Peoria-based venture capital firm, praised Orion Dynamics."):
        facts = extract_facts(build_annotated(["Orion Dynamics makes pumps.", text], [ORION, MARA, peoria]))
        assert not [f for f in facts if f.kind == "headquarters"], text
    for text in ("The company, a Peoria-based startup, said sales rose.",
                 "It is a Peoria-based company with 300 staff."):
        facts = extract_facts(build_annotated(["Orion Dynamics makes pumps.", text], [ORION, peoria]))
        assert ("headquarters", "Orion Dynamics", "Peoria") in kinds(facts), text


def test_founded_by_a_graduate_of_a_university_then_the_company_behind_an_aside() -> None:
    school = ("Halden University", "ORG", 0.3)
    for aside in (" — known in Chinese as Yuanhe (元和) —", " (known in Chinese as Yuanhe)", ", a Beijing start-up,"):
        text = ("Founded in March 2023 by Mara Quint, a Halden University graduate who completed her doctorate "
                f"abroad, Orion Dynamics{aside} is one of a handful of Chinese start-ups dubbed the AI tigers.")
        facts = kinds(extract_facts(build_annotated([text], [ORION, MARA, school], times=[("March 2023", "2023-03")])))
        assert ("founded", "Orion Dynamics", "2023") in facts, aside
        assert not {f for f in facts if f[1] == "Halden University"}, (aside, facts)


def test_left_a_company_to_found_another_names_the_founder() -> None:
    facts = kinds(extract_facts(build_annotated(
        ["Mara Quint led the driving team of Helix Corp for six years.",
         "Less than two years later, in May 2025, she left Helix Corp to found Orion Dynamics, a robot start-up."],
        [ORION, MARA, ("Helix Corp", "ORG", 0.4)])))
    assert ("founder", "Orion Dynamics", "Mara Quint") in facts, facts
    assert not {f for f in facts if f[0] == "founder" and f[1] == "Helix Corp"}


def test_starting_to_build_a_plant_is_no_founding_of_the_company() -> None:
    for text in ("Orion Dynamics started building a plant in Szeged, Hungary in October 2024.",
                 "Orion Dynamics set up a factory in Hungary in 2023.",
                 "The company, backed by Helix Corp, established an office in Paris in 2019."):
        facts = kinds(extract_facts(build_annotated(["Orion Dynamics makes cars.", text], [ORION, HELIX])))
        assert not {f for f in facts if f[0] == "founded"}, (text, facts)
    facts = kinds(extract_facts(build_annotated(["Orion Dynamics was established in 2019 in Paris."], [ORION])))
    assert ("founded", "Orion Dynamics", "2019") in facts


def test_a_based_apposition_describes_the_name_before_it() -> None:
    """"Kestrel Labs, the Peoria-based maker" is Kestrel's seat, recognized or not, never the story's company;
    a company in a relative clause after the noun is not described either."""
    peoria = ("Peoria", "GPE", 0.3)
    unrecognized = extract_facts(build_annotated(
        ["Orion Dynamics makes pumps.", "Kestrel Labs, the Peoria-based maker of drones, filed for a listing."],
        [ORION, peoria]))
    assert not [f for f in unrecognized if f.kind == "headquarters"]
    kestrel = ("Kestrel Labs", "ORG", 0.3)
    recognized = kinds(extract_facts(build_annotated(
        ["Orion Dynamics makes pumps.",
         "Kestrel Labs, the Peoria-based company whose tool inspired Orion Dynamics, was little known then."],
        [ORION, kestrel, peoria])))
    assert ("headquarters", "Kestrel Labs", "Peoria") in recognized
    assert not {f for f in recognized if f[0] == "headquarters" and f[1] == "Orion Dynamics"}
    dated = kinds(extract_facts(build_annotated(
        ["Orion Dynamics makes pumps.", "On Tuesday, the Peoria-based company said sales rose."], [ORION, peoria])))
    assert ("headquarters", "Orion Dynamics", "Peoria") in dated


def test_an_age_between_a_name_and_its_titles_is_no_gap() -> None:
    facts = kinds(extract_facts(build_annotated(
        ["Mara Quint, 36, is the founder and chief executive of Orion Dynamics."], [ORION, MARA])))
    assert {("founder", "Orion Dynamics", "Mara Quint"), ("ceo", "Orion Dynamics", "Mara Quint")} <= facts


def test_a_year_opening_the_sentence_dates_the_founding_and_with_names_a_co_founder() -> None:
    lena = ("Lena Ruiz", "PERSON", 0.3)
    facts = extract_facts(build_annotated(
        ["Mara Quint ran the design tools team at Helix Corp.",
         "In 2019 she left Helix Corp to found Orion Dynamics with Lena Ruiz, a former colleague."],
        [ORION, MARA, HELIX, lena], times=[("2019", "2019-01")]))
    found = {(f.kind, f.subject, f.value, f.date.value[:4] if f.date else None) for f in facts}
    assert ("founded", "Orion Dynamics", "2019", "2019") in found, found
    assert ("founder", "Orion Dynamics", "Mara Quint", "2019") in found, found
    assert ("founder", "Orion Dynamics", "Lena Ruiz", "2019") in found, found
    assert not {f for f in found if f[1] == "Helix Corp"}


def test_an_agency_in_the_dateline_is_not_the_sentence_subject() -> None:
    helix_app = ("Helix Chat", "PRODUCT", 0.5)
    reuters = ("Reuters", "ORG", 0.1)
    facts = extract_facts(build_annotated(
        ["LONDON, May 4 (Reuters) - Orion Dynamics, the developer of the Helix Chat assistant, has raised "
         "$300 million in a round led by Helix Corp, valuing the startup at about $2 billion, people said."],
        [ORION, helix_app, HELIX, reuters]))
    valuations = {(f.subject, f.quantity.amount) for f in facts if f.kind == "valuation" and f.quantity}
    assert valuations == {("Orion Dynamics", 2e9)}, valuations


def test_a_name_after_and_that_opens_a_new_clause_is_no_launched_product() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics unveiled a similar robot in March, and Helix Corp raised $150 million in June."],
        [ORION, HELIX]))
    assert not [f for f in facts if f.kind == "launch"], facts
    # a list of launched products still names each one
    facts = extract_facts(build_annotated(
        ["Orion Dynamics launched Lumo, Qeta, and Vira in May."],
        [ORION, ("Lumo", "PRODUCT", 0.3), ("Qeta", "PRODUCT", 0.3), ("Vira", "PRODUCT", 0.3)]))
    assert "Lumo" in {f.value for f in facts if f.kind == "launch"}


def test_revenue_without_a_date_takes_the_period_of_the_sentence_before() -> None:
    import datetime as dt

    from digesthub.types import TimeExpression

    annotated = build_annotated(
        ["Orion Dynamics said net profit rose to $2 billion in the third quarter. Revenue grew 22% to $13 billion, "
         "above estimates.", "Revenue at Helix Corp was $5 billion."], [ORION, HELIX])
    text = annotated.article.text
    at = text.index("the third quarter")
    annotated.times.append(TimeExpression(at, at + 17, "the third quarter", "DATE", "2026-Q3", None,
                                          dt.date(2026, 7, 1), dt.date(2026, 9, 30)))
    revenue = {f.subject: f.date.value if f.date else None for f in extract_facts(annotated) if f.kind == "revenue"}
    assert revenue == {"Orion Dynamics": "2026-Q3", "Helix Corp": None}, revenue


def test_an_outlet_someone_told_a_figure_is_not_whose_figure_it_is() -> None:
    outlet = ("Kestrel TV", "ORG", 0.2)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics filed for a listing on Tuesday.",
         "Revenue exceeded $1 billion last year, Mara Quint told state broadcaster Kestrel TV."],
        [ORION, MARA, outlet]))
    assert {f.subject for f in facts if f.kind == "revenue"} == {"Orion Dynamics"}


def test_an_opening_year_dates_the_founding_of_the_company_the_text_is_about() -> None:
    facts = extract_facts(build_annotated(
        ["Mara Quint, 36, is the founder and chief executive of Orion Dynamics, a maker of drones.",
         "In 2019 she left Helix Corp to found the company with a former colleague."],
        [ORION, MARA, HELIX]))
    assert {(f.subject, f.value) for f in facts if f.kind == "founded"} == {("Orion Dynamics", "2019")}


def test_founding_the_company_with_someone_names_a_co_founder() -> None:
    lena = ("Lena Ruiz", "PERSON", 0.3)
    facts = extract_facts(build_annotated(
        ["Mara Quint, 36, is the chief executive of Orion Dynamics, a maker of drones.",
         "In 2019 she left Helix Corp to found the company with Lena Ruiz, a former engineer."],
        [ORION, MARA, HELIX, lena]))
    assert ("Orion Dynamics", "Lena Ruiz") in {(f.subject, f.value) for f in facts if f.kind == "founder"}
    # a part of the company set up is no founding of it
    facts = extract_facts(build_annotated(
        ["Orion Dynamics makes drones.", "Mara Quint set up the company's Berlin office with Lena Ruiz."],
        [ORION, MARA, lena]))
    assert not [f for f in facts if f.kind == "founder"], facts


def test_a_joint_venture_formed_with_a_company_does_not_found_it() -> None:
    facts = extract_facts(build_annotated(
        ["Helix Corp formed a joint venture with Orion Dynamics in late 2023, investing 2.4 billion euros."],
        [ORION, HELIX]))
    assert not [f for f in facts if f.kind == "founded"]
    facts = extract_facts(build_annotated(["Mara Quint founded Orion Dynamics in 2009."], [ORION, MARA]))
    assert ("founded", "Orion Dynamics", "2009") in kinds(facts)


def test_a_year_earlier_figure_covers_the_reported_part_of_the_year_one_year_back() -> None:
    import datetime as dt

    from digesthub.types import TimeExpression

    annotated = build_annotated(
        ["Orion Dynamics swung to a net profit of $2 billion in the first half, compared with a net loss of "
         "$5 billion a year earlier."], [ORION])
    text = annotated.article.text
    half, back = text.index("the first half"), text.index("a year earlier")
    annotated.times += [
        TimeExpression(half, half + 14, "the first half", "DATE", "2025-H1", None, dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
        TimeExpression(back, back + 14, "a year earlier", "DATE", "2024", None, dt.date(2024, 1, 1), dt.date(2024, 12, 31))]
    dates = {f.details["measure"]: (f.date.value, f.date.first_day, f.date.last_day)
             for f in extract_facts(annotated) if f.kind == "profit"}
    assert dates == {"net profit": ("2025-H1", dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
                     "net loss": ("2024-H1", dt.date(2024, 1, 1), dt.date(2024, 6, 30))}


def test_names_that_took_part_in_a_round_are_its_investors() -> None:
    kestrel, lark = ("Kestrel Capital", "ORG", 0.3), ("Lark Ventures", "ORG", 0.2)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics raised $700 million. The round values the company at $3 billion. "
         "Kestrel Capital and Lark Ventures took part, along with existing backer Helix Corp."],
        [ORION, kestrel, lark, HELIX]))
    assert ("investors", "Orion Dynamics", "Kestrel Capital, Lark Ventures, Helix Corp") in kinds(facts)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics held talks on Monday. Kestrel Capital and Lark Ventures took part in the talks."],
        [ORION, kestrel, lark]))
    assert not [f for f in facts if f.kind == "investors"]


def test_names_a_company_counts_among_its_backers_are_its_investors() -> None:
    kestrel, lark = ("Kestrel Capital", "ORG", 0.3), ("Lark Ventures", "ORG", 0.2)
    facts = extract_facts(build_annotated(
        ["Orion Dynamics listed in October. The company, which counts Kestrel Capital and Lark Ventures among its "
         "backers, said in May it had obtained a permit."], [ORION, kestrel, lark]))
    assert ("investors", "Orion Dynamics", "Kestrel Capital, Lark Ventures") in kinds(facts)


def _dated_facts(sentence: str, times: list[tuple[str, str, "object", "object"]]) -> list[Fact]:
    from digesthub.types import TimeExpression

    annotated = build_annotated([sentence], [ORION])
    text = annotated.article.text
    for wording, value, first, last in times:
        at = text.index(wording)
        annotated.times.append(TimeExpression(at, at + len(wording), wording, "DATE", value, None, first, last))
    annotated.times.sort(key=lambda t: t.start)
    return extract_facts(annotated)


def test_a_figure_takes_its_own_period_not_an_asides_date_a_since_or_the_reporting_day() -> None:
    import datetime as dt

    d = dt.date
    q2, q1 = ("the second quarter", "2025-Q2", d(2025, 4, 1), d(2025, 6, 30)), ("the first quarter", "2025-Q1", d(2025, 1, 1), d(2025, 3, 31))
    facts = _dated_facts("Orion Dynamics, launched in June 2024, generated $250 million in revenue in the second "
                         "quarter, up from $150 million in the first quarter.",
                         [("June 2024", "2024-06", d(2024, 6, 1), d(2024, 6, 30)), q2, q1])
    assert [(f.quantity.amount, f.date.value) for f in facts if f.kind == "revenue"] == [(2.5e8, "2025-Q2"), (1.5e8, "2025-Q1")]
    facts = _dated_facts("Orion Dynamics reported second-quarter revenue of $35 million on Aug. 20.",
                         [("second-quarter", "2025-Q2", d(2025, 4, 1), d(2025, 6, 30)),
                          ("Aug. 20", "2025-08-20", d(2025, 8, 20), d(2025, 8, 20))])
    assert [f.date.value for f in facts if f.kind == "revenue"] == ["2025-Q2"]
    facts = _dated_facts("Orion Dynamics shares have risen 60% since the start of the year, giving it a market value "
                         "of about $300 million.", [("the start of the year", "2025", d(2025, 1, 1), d(2025, 4, 30))])
    assert [f.date for f in facts if f.kind == "valuation"] == [None]


def test_the_company_continues_the_subject_of_the_paragraph_before_and_through_an_its_sentence() -> None:
    helix_chips = ("Helix Chips", "ORG", 0.9)  # the most salient company, named most
    facts = extract_facts(build_annotated(
        ["Orion Dynamics plans to double output of its chips as buyers look for alternatives to Helix Chips products.",
         "The Shenzhen-based company told customers it can supply 300,000 chips this year.",
         "Kestrel Labs posted a profit. Its revenue jumped. The Beijing-based company's shares quadrupled.",
         "Helix Chips said sales fell. Helix Chips cut prices."],
        [("Orion Dynamics", "ORG", 0.5), helix_chips, ("Kestrel Labs", "ORG", 0.3), ("Shenzhen", "GPE", 0.1),
         ("Beijing", "GPE", 0.1)]))
    assert {(f.subject, f.value) for f in facts if f.kind == "headquarters"} == {
        ("Orion Dynamics", "Shenzhen"), ("Kestrel Labs", "Beijing")}


def test_an_its_sentence_closing_a_paragraph_does_not_carry_the_company_into_the_next() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics raised $700 million. Helix Corp took part, along with Kestrel Labs.",
         "Helix Corp also invested in the previous round. It has backed several start-ups.",
         "The company posted a net loss of $90 million last year, while revenue reached $30 million."],
        [("Orion Dynamics", "ORG", 0.9), ("Helix Corp", "ORG", 0.4), ("Kestrel Labs", "ORG", 0.2)]))
    assert {(f.kind, f.subject) for f in facts if f.kind in ("profit", "revenue")} == {
        ("profit", "Orion Dynamics"), ("revenue", "Orion Dynamics")}


def test_an_opening_year_dates_a_company_spun_out_but_not_the_one_spun_out_of() -> None:
    facts = extract_facts(build_annotated(["In July 2023 Mara Quint spun out Orion Dynamics as a separate company."],
                                          [ORION, MARA], times=[("July 2023", "2023-07")]))
    assert ("founded", "Orion Dynamics", "2023") in kinds(facts)
    facts = extract_facts(build_annotated(["In 2019 the team spun out of Helix Corp to build chips."], [HELIX]))
    assert not [f for f in facts if f.kind == "founded"]


def test_a_native_name_in_brackets_after_the_opening_company_keeps_it_the_subject_the_company_continues() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics Group (오리온), the second-largest maker of pumps, will cut prices to win customers from "
         "rival Helix Chips.",
         "The Busan-based company has lost ground for three years.",
         "Kestrel Labs Group (ケストレル), which was formed in 2012 by merging two groups, reported a loss. "
         "The company employs 4,000 people."],
        [("Orion Dynamics Group", "ORG", 0.5), ("Helix Chips", "ORG", 0.9), ("Kestrel Labs Group", "ORG", 0.3),
         ("Busan", "GPE", 0.1), ("Osaka", "GPE", 0.1)]))
    assert {(f.subject, f.value) for f in facts if f.kind == "headquarters"} == {("Orion Dynamics Group", "Busan")}
    assert {f.subject for f in facts if f.kind == "employees"} == {"Kestrel Labs Group"}


def test_the_company_does_not_stand_for_a_public_body_opening_the_sentence_before() -> None:
    facts = extract_facts(build_annotated(
        ["The regulator fined Orion Dynamics 1.8 billion yuan on Monday.",
         "The State Administration for Market Regulation said Orion Dynamics had abused its position. "
         "The fine is equal to 4% of the company's revenue of 45 billion yuan in 2024."],
        [("Orion Dynamics", "ORG", 0.9), ("State Administration for Market Regulation", "ORG", 0.5)]))
    assert {f.subject for f in facts if f.kind == "revenue"} == {"Orion Dynamics"}


def test_a_year_earlier_after_a_change_is_its_baseline_not_the_figures_date() -> None:
    import datetime as dt

    d = dt.date
    year_earlier = ("a year earlier", "2024-Q3", d(2024, 7, 1), d(2024, 9, 30))
    facts = _dated_facts("Orion Dynamics earned an operating profit of 1.9 trillion won, down 23% from a year earlier.",
                         [year_earlier])
    assert [f.date for f in facts if f.kind == "profit"] == [None]
    facts = _dated_facts("For the fourth quarter, Orion Dynamics forecast revenue of 97 billion yuan, an increase of "
                         "8% to 11% from a year earlier.",
                         [("the fourth quarter", "2025-Q4", d(2025, 10, 1), d(2025, 12, 31)), year_earlier])
    assert [f.date.value for f in facts if f.kind == "revenue"] == ["2025-Q4"]


def test_who_polled_the_analysts_is_no_subject_of_the_next_figure() -> None:
    facts = extract_facts(build_annotated(
        ["Orion Dynamics said revenue rose 12% to 86 billion yuan. Analysts polled by Kestrel Data had expected "
         "84 billion yuan. Net income climbed 27% to 14 billion yuan."],
        [("Orion Dynamics", "ORG", 0.6), ("Kestrel Data", "ORG", 0.7)]))
    assert {f.subject for f in facts if f.kind in ("profit", "revenue")} == {"Orion Dynamics"}


def test_plural_co_founders_before_names_after_a_sentence_opening_on_an_apposition() -> None:
    facts = extract_facts(build_annotated(
        ["Helix Chips is the best funded of the four and employs 900 people.",
         "The youngest of the four, Shanghai-based Orion Dynamics, was set up only in 2023. Co-founders Mara "
         "Quint and Sun Jie previously led a team at a carmaker."],
        [("Helix Chips", "ORG", 0.9), ("Orion Dynamics", "ORG", 0.4), ("Mara Quint", "PERSON", 0.3),
         ("Sun Jie", "PERSON", 0.3), ("Shanghai", "GPE", 0.1)]))
    assert {(f.subject, f.value) for f in facts if f.kind == "founder"} == {
        ("Orion Dynamics", "Mara Quint"), ("Orion Dynamics", "Sun Jie")}


def test_a_person_born_in_a_year_founds_nothing() -> None:
    facts = extract_facts(build_annotated(
        ["Her startup, Orion Dynamics, is valued at 12 billion yuan.",
         "Mara Quint was born in 1986 in Yichang. She was born into a family of engineers in 1986.",
         "Orion Dynamics was born in 2019 out of a university lab."],
        [("Orion Dynamics", "ORG", 0.9), ("Mara Quint", "PERSON", 0.5)]))
    assert [(f.subject, f.value) for f in facts if f.kind == "founded"] == [("Orion Dynamics", "2019")]
