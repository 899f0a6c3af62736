"""Entity cards on a hand-built article: ranking, types, descriptions, facts."""

from __future__ import annotations

from digesthub.analyze.facts import extract_facts
from digesthub.digester.cards import build_cards
from digesthub.types import AnnotatedArticle
from tests.test_facts_build import build_annotated

PARAGRAPHS = [
    "Investors poured money into robots this year. Acme Robotics, a Shenzhen-based maker of "
    "warehouse robots, is now valued at $2 billion.",
    "Acme Robotics was founded in 2015 by Jane Doe. Jane Doe said demand was strong.",
    "Rival Nimbus Labs also grew. Acme Robotics plans to hire in Europe.",
    "Acme Robotics plans to hire in Europe. Analysts at Orbit Research expect more deals.",
    "China remains the largest market.",
]
ENTITIES = [("Acme Robotics", "ORG", 0.9), ("Jane Doe", "PERSON", 0.6), ("Nimbus Labs", "ORG", 0.3),
            ("Orbit Research", "ORG", 0.2), ("China", "GPE", 0.25), ("Europe", "LOC", 0.1),
            ("Shenzhen", "GPE", 0.1)]


def annotated() -> AnnotatedArticle:
    result = build_annotated(PARAGRAPHS, ENTITIES)
    result.facts = extract_facts(result)
    return result


def test_cards_are_ranked_by_salience_with_types() -> None:
    cards = build_cards(annotated())
    assert [c.name for c in cards] == ["Acme Robotics", "Jane Doe", "Nimbus Labs", "Orbit Research"]
    assert [c.type for c in cards[:2]] == ["organization", "person"]
    assert cards[0].label == "ORG" and cards[0].salience == 0.9


def test_places_get_a_card_only_when_central() -> None:
    names = [c.name for c in build_cards(annotated())]
    assert "China" not in names and "Europe" not in names
    central = build_annotated(PARAGRAPHS, [("China", "GPE", 0.95), *ENTITIES[:2]])
    cards = build_cards(central)
    assert ("China", "place") in [(c.name, c.type) for c in cards]
    assert cards[0].name == "Acme Robotics"  # the company about as central leads (the place sets the scene)
    dominant = build_annotated(PARAGRAPHS, [("China", "GPE", 0.95), ("Acme Robotics", "ORG", 0.4)])
    assert (build_cards(dominant)[0].name, build_cards(dominant)[0].type) == ("China", "place")


def test_description_prefers_definitional_sentences_without_duplicates() -> None:
    card = build_cards(annotated())[0]
    assert card.description.startswith("Acme Robotics, a Shenzhen-based maker")
    assert card.description.count("plans to hire in Europe") <= 1
    sentences = card.description.count(". ") + 1
    assert 2 <= sentences <= 4


def test_citations_are_the_paragraphs_of_the_description() -> None:
    card = build_cards(annotated())[0]
    cited = sorted(c.paragraph for c in card.citations)
    holding = sorted({number for number, paragraph in enumerate(PARAGRAPHS, 1)
                      for sentence in card.description.split(". ")
                      if sentence.strip(". ") and sentence.strip(". ") in paragraph})
    assert set(cited) <= set(holding) and cited[0] == 1
    for sentence in filter(None, (part.strip(". ") for part in card.description.split(". "))):
        assert any(sentence in PARAGRAPHS[number - 1] for number in cited)
    assert all(c.article_id == "t1" for c in card.citations)


def test_facts_go_to_the_card_of_their_subject() -> None:
    cards = {c.name: c for c in build_cards(annotated())}
    kinds = {f.kind for f in cards["Acme Robotics"].facts}
    assert {"valuation", "founded", "founder", "headquarters"} <= kinds
    assert cards["Nimbus Labs"].facts == []
    # The founder's card shows the role stated about her.
    assert [f.kind for f in cards["Jane Doe"].facts] == ["founder"]


def test_limit_caps_the_number_of_cards() -> None:
    assert len(build_cards(annotated(), limit=2)) == 2


def test_an_entity_with_no_card_takes_no_place_under_the_limit() -> None:
    result = build_annotated(["Acme Robotics grew fast.", "Kestrel Labs makes drones."],
                             [("Acme Robotics", "ORG", 0.9), ("Ghost Corp", "ORG", 0.5), ("Kestrel Labs", "ORG", 0.2)])
    assert [c.name for c in build_cards(result, limit=2)] == ["Acme Robotics", "Kestrel Labs"]


def test_entity_without_a_sentence_gets_no_card() -> None:
    result = build_annotated(["Acme Robotics grew fast."], [("Acme Robotics", "ORG", 0.9),
                                                            ("Ghost Corp", "ORG", 0.5)])
    assert [c.name for c in build_cards(result)] == ["Acme Robotics"]


def test_leading_label_is_dropped_from_the_description() -> None:
    result = build_annotated(["Editor's note: Acme Robotics, a robot maker, grew fast."],
                             [("Acme Robotics", "ORG", 0.9)])
    assert build_cards(result)[0].description == "Acme Robotics, a robot maker, grew fast."


def test_entity_named_once_in_a_sentence_another_card_shows_gets_no_card() -> None:
    paragraphs = ["Acme Robotics, a Shenzhen-based maker of warehouse robots, hired Jane Doe, "
                  "head of the Orbit Research lab, in 2019.",
                  "Acme Robotics is now valued at $2 billion. Jane Doe said demand was strong.",
                  "Jane Doe plans to open an office in Berlin for Acme Robotics."]
    cards = build_cards(build_annotated(paragraphs, [("Acme Robotics", "ORG", 0.9), ("Jane Doe", "PERSON", 0.6),
                                                     ("Orbit Research", "ORG", 0.3)]))
    assert [c.name for c in cards] == ["Acme Robotics", "Jane Doe"]
    # What no other card shows comes first: Jane Doe's own statement is in her card.
    assert "Jane Doe said demand was strong." in cards[1].description


def test_lead_ins_and_half_quotations_do_not_describe() -> None:
    paragraphs = ["The Harbour Gazette said in an editorial on Monday:",
                  'Port officials "cannot keep the ferries running, the Harbour Gazette wrote.',
                  "The Harbour Gazette, a weekly newspaper founded in 1901, is owned by a local trust.",
                  "The Harbour Gazette sells 20,000 copies a week in the port towns."]
    card = build_cards(build_annotated(paragraphs, [("Harbour Gazette", "ORG", 0.9)]))[0]
    assert "editorial on Monday:" not in card.description and "cannot keep" not in card.description


def test_card_text_names_the_she_and_mends_a_cut_quotation() -> None:
    paragraphs = ["Ana Reyes founded the Harbour Trust in 1990. She chaired the Harbour Trust board until 2001.",
                  'It is a good day. The Harbour Trust is back," said Tom Berg, its treasurer.']
    cards = build_cards(build_annotated(paragraphs, [("Harbour Trust", "ORG", 0.9), ("Ana Reyes", "PERSON", 0.5),
                                                     ("Tom Berg", "PERSON", 0.4)]))
    assert "Ana Reyes chaired the Harbour Trust board until 2001." in cards[0].description
    assert cards[-1].description == '"The Harbour Trust is back," said Tom Berg, its treasurer.'


def test_an_outlet_named_only_as_the_source_gets_no_card() -> None:
    paragraphs = ["O'RIVERTON, Eastshire (Harbour Wire) - The Riverton ferry company said on Monday it will "
                  "buy two new boats.",
                  '"We need them," the ferry company chief Ana Reyes told the Daily Courier.',
                  "Ana Reyes said in an interview with the Daily Courier that prices would not rise.",
                  "The company owed suppliers 6 million euros, according to court documents seen by the Daily Courier."]
    cards = build_cards(build_annotated(paragraphs, [("Ana Reyes", "PERSON", 0.9), ("Daily Courier", "ORG", 0.5),
                                                     ("Harbour Wire", "ORG", 0.4)]))
    assert [c.name for c in cards] == ["Ana Reyes"]


def test_a_name_met_once_in_a_sentence_that_leans_back_gets_no_card() -> None:
    paragraphs = ["Ana Reyes wants her son back in Lisbon. Ana Reyes says family matters most.",
                  "True, they can't give him trips to Harbour Park, but they can give him a home.",
                  "But the Lisbon Ferry Company, a city firm, has offered her a job. Ana Reyes accepted it."]
    cards = build_cards(build_annotated(paragraphs, [("Ana Reyes", "PERSON", 0.9), ("Harbour Park", "ORG", 0.5),
                                                     ("Lisbon Ferry Company", "ORG", 0.4)]))
    assert [c.name for c in cards] == ["Ana Reyes", "Lisbon Ferry Company"]
    assert cards[1].description.startswith("The Lisbon Ferry Company, a city firm, has offered")


def test_an_entity_named_in_another_clause_of_a_shown_sentence_gets_that_clause() -> None:
    paragraphs = ["Acme Robotics raised $50 million in May, while rival Nimbus Labs said in June that it "
                  "would open a factory in Ohio next year.",
                  "Acme Robotics is now valued at $2 billion. Acme Robotics plans to hire in Europe."]
    cards = build_cards(build_annotated(paragraphs, [("Acme Robotics", "ORG", 0.9), ("Nimbus Labs", "ORG", 0.3)]))
    assert [c.name for c in cards] == ["Acme Robotics", "Nimbus Labs"]
    assert cards[1].description == ("Rival Nimbus Labs said in June that it would open a factory in Ohio "
                                    "next year.")
    assert [c.paragraph for c in cards[1].citations] == [1]


def test_a_clause_is_never_cut_out_of_a_quotation() -> None:
    paragraphs = ["\"Everyone wants to be first, but the chemistry is not ready for cars,\" said Jane Doe, "
                  "an analyst at Orbit Research.",
                  "Jane Doe expects prices to fall. Jane Doe said demand was strong in Europe."]
    cards = build_cards(build_annotated(paragraphs, [("Jane Doe", "PERSON", 0.9), ("Orbit Research", "ORG", 0.3)]))
    assert all("\"The chemistry" not in c.description for c in cards)


def test_a_central_place_comes_after_the_companies_about_as_central() -> None:
    paragraphs = ["Acme Robotics, China's best-known maker of robots, filed for a listing in China on Monday.",
                  "Acme Robotics was valued at $2 billion. China's robot market is growing fast."]
    cards = build_cards(build_annotated(paragraphs, [("China", "GPE", 0.8), ("Acme Robotics", "ORG", 0.7)]))
    assert [c.name for c in cards] == ["Acme Robotics", "China"]
    # on equal standing, the entity the story names first comes first
    tied = build_cards(build_annotated(["Nimbus Labs and Acme Robotics both raised money on Monday.",
                                        "Acme Robotics raised $5 million. Nimbus Labs raised $7 million."],
                                       [("Acme Robotics", "ORG", 0.7), ("Nimbus Labs", "ORG", 0.7)]))
    assert [c.name for c in tied] == ["Nimbus Labs", "Acme Robotics"]


def test_a_data_provider_named_only_as_the_source_of_figures_gets_no_card() -> None:
    paragraphs = ["Acme Robotics said revenue rose 28% to $3.6 billion in the quarter, beating the average "
                  "estimate, according to data compiled by Delta Data Group.",
                  "Acme Robotics plans to hire in Europe. Acme Robotics is now valued at $2 billion.",
                  "Its shares have tripled in two years, figures compiled by Delta Data Group show."]
    cards = build_cards(build_annotated(paragraphs, [("Acme Robotics", "ORG", 0.9), ("Delta Data Group", "ORG", 0.5)]))
    assert [c.name for c in cards] == ["Acme Robotics"]


def test_the_sentence_introducing_the_company_describes_it_whatever_its_dateline() -> None:
    paragraphs = [
        "HONG KONG, Oct 27 (Reuters) - Acme Robotics said on Tuesday it had agreed to buy Italian robot maker "
        "Nimbus Labs for 1.4 billion euros ($1.6 billion) in cash, its largest acquisition since it bought the "
        "drone maker Orbit from Alphabet's Google in 2014.",
        "Acme Robotics will fund the purchase with cash on hand and bank loans.",
        "Acme Robotics reported revenue of $4.4 billion for the quarter, up 36% from a year earlier.",
        "Acme Robotics expects the business to add to earnings next year.",
        "Acme Robotics shares rose 2.1% in Hong Kong on Tuesday.",
    ]
    result = build_annotated(paragraphs, [("Acme Robotics", "ORG", 0.9), ("Nimbus Labs", "ORG", 0.4)])
    result.facts = extract_facts(result)
    card = build_cards(result)[0]
    assert card.name == "Acme Robotics" and card.description.startswith("Acme Robotics said on Tuesday"), card


def test_the_sentence_introducing_the_company_opens_its_card_over_sentences_of_facts() -> None:
    paragraphs = [
        "Velmora Motors reported a record quarterly profit on Tuesday as deliveries of its sedan surged, easing "
        "worries about its costly push into electric vehicles.",
        "Velmora Motors expects to deliver 400,000 vehicles this year across its three models, founder and chief "
        "executive Tomas Berg said on a call with analysts and investors on Tuesday evening.",
        "Shares of Velmora Motors have more than doubled this year, giving the Oslo-based company a market value "
        "of about $150 billion, more than any other carmaker in the region.",
        "Tomas Berg founded Velmora Motors in 2010 with seven co-founders and took it public in Oslo in July 2018 "
        "after years of losses."]
    annotated = build_annotated(paragraphs, [("Velmora Motors", "ORG", 0.9), ("Tomas Berg", "PERSON", 0.6)])
    annotated.facts = extract_facts(annotated)
    [company] = [c for c in build_cards(annotated) if c.name == "Velmora Motors"]
    assert company.description.startswith("Velmora Motors reported a record quarterly profit"), company.description
    assert company.facts  # the facts still have their own lines
