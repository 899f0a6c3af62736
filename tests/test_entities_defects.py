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


def test_a_press_release_line_in_capitals_is_no_dateline() -> None:
    text = ("OFFICE OF THE MAYOR\nFOR IMMEDIATE RELEASE March 3 , 2021\n"
            "Mayor Jane Holloway announced a new park plan on Tuesday .\n")
    found = _types(text)
    assert not any("IMMEDIATE" in name for name in found), found


def test_a_degree_after_a_name_is_no_place() -> None:
    text = ("Maria L . Santos , MD , MBA , is Founder and CEO of the Lakeview Clinic in Fairhope , Alabama .\n"
            "She received her MD degree from the University of Alabama .\n")
    found = _types(text)
    assert "MD" not in found and "MBA" not in found, found
    assert "Founder" not in found, found
    assert "ORG" not in found.get("Maria L", {"PERSON"}), found


def test_a_bare_title_goes_but_a_surname_that_is_a_title_stays() -> None:
    text = "Ellen King won the vote on Monday . King said she would serve two terms .\n"
    found = _types(text)
    assert found.get("King") == {"PERSON"}, found


def test_a_product_list_cue_beats_the_x_ai_shape_at_every_occurrence() -> None:
    text = ("Brightloom earns revenue from subscriptions across its products, including Pebble, "
            "Quillo AI, and Tessaro AI. Brightloom said users of Pebble, Quillo AI, and Tessaro AI "
            "doubled last year.\n")
    found = _types(text)
    assert found.get("Quillo AI") == {"PRODUCT"}, found
    assert found.get("Tessaro AI") == {"PRODUCT"}, found


def test_a_name_sold_by_subscription_is_a_publication() -> None:
    text = ("Get a Marwick group subscription for your team.\n"
            "Subscribe to both Marwick Daily and The Wall Street Journal for the price of one.\n")
    found = _types(text)
    assert "PERSON" not in found.get("Marwick", {"ORG"}), found
    assert "PERSON" not in found.get("Marwick Daily", {"ORG"}), found


def _groups(text: str) -> list[list[str]]:
    from digesthub.analyze.entities.grouping import group_candidates
    from digesthub.analyze.entities.recognize import entity_candidates
    from digesthub.analyze.nlp import parse
    doc = parse(text)
    return [[c.text for c in group] for group in group_candidates(doc, entity_candidates(doc))]


def test_a_teams_plural_last_word_joins_its_full_name_but_house_does_not() -> None:
    groups = _groups("The Ridgeford Hawks signed a new coach on Monday. The Hawks face the Lakeport Otters "
                     "in Week 12. The White House said nothing. The House voted.")
    assert any("Ridgeford Hawks" in g and "Hawks" in g for g in groups), groups
    assert not any("White House" in g and "House" in g for g in groups), groups


def test_a_person_span_ends_at_a_lower_case_preposition() -> None:
    from digesthub.analyze.entities.spans import _pieces
    from digesthub.analyze.nlp import parse
    doc = parse("Denver put Marcus Whitby on Injured Reserve on Monday .")
    assert _pieces(doc, 2, 7, "PERSON") == [(2, 4)]  # what follows "on" is no person
    assert _pieces(doc, 2, 7, "EVENT") != [(2, 4)]


def test_frame_cues_type_what_a_name_is() -> None:
    text = ("Investors found traces of a plastic explosive called Vorlex near the port .\n"
            "Flags waved on the shore of the community of Bellamar , where the boat landed .\n"
            "Rebels held out at their headquarters in Tarn Kosal near the border .\n")
    found = _types(text)
    assert "PERSON" not in found.get("Vorlex", {"PRODUCT"}), found
    assert found.get("Bellamar") == {"GPE"}, found
    assert "PERSON" not in found.get("Tarn Kosal", {"GPE"}), found


def _framed(text: str, name: str) -> dict[str, float]:
    from digesthub.analyze.entities.framecues import add_frame_votes
    from digesthub.analyze.entities.spans import make_candidate
    from digesthub.analyze.nlp import parse
    doc = parse(text)
    first = next(t.i for t in doc if t.text == name.split()[0])
    candidate = make_candidate(doc, first, first + len(name.split()))
    candidate.vote("GPE", 1.0)
    add_frame_votes(doc, [candidate])
    return dict(candidate.votes)


def test_a_quoted_title_is_a_work_but_a_quoted_defined_term_is_not() -> None:
    votes = _framed("Jo Reyes is in talks to direct `` Silver Harbor , '' the sequel to the hit film .",
                    "Silver Harbor")
    assert votes.get("WORK_OF_ART", 0) > 0, votes
    votes = _framed('The lender , doing business as " Harbor Credit East " , will lend to the borrower .',
                    "Harbor Credit East")
    assert "WORK_OF_ART" not in votes, votes


def test_a_time_zone_after_a_clock_time_is_no_name() -> None:
    found = _types("The rescue began at 11am GMT when the frigate Kavala answered a call . "
                   "The report ran at 02:16PM GMT on Tuesday . Mira Cole won 2 NBA titles .\n")
    assert "GMT" not in found, found


def test_the_object_of_in_is_a_place_even_where_the_model_calls_it_a_person() -> None:
    from digesthub.analyze.entities.framecues import add_frame_votes
    from digesthub.analyze.entities.spans import make_candidate
    from digesthub.analyze.nlp import parse
    doc = parse("The rebels held out at their headquarters in Tarn Kosal near the border .")
    first = next(t.i for t in doc if t.text == "Tarn")
    candidate = make_candidate(doc, first, first + 2)
    candidate.vote("PERSON", 1.0)
    add_frame_votes(doc, [candidate])
    assert candidate.best() == "GPE", dict(candidate.votes)


def test_the_subject_releasing_a_versioned_name_is_no_person() -> None:
    from digesthub.analyze.entities.framecues import _ships_versions
    from digesthub.analyze.nlp import parse
    doc = parse("Brevant , for instance , just released Quillpad 3.05 to its users .")
    assert _ships_versions(doc, 0, 1)
    doc = parse("Brevant released Summer Nights to great reviews .")
    assert not _ships_versions(doc, 0, 1)


def test_a_subject_going_on_with_his_is_a_person() -> None:
    from digesthub.analyze.entities.framecues import _his_clause
    from digesthub.analyze.nlp import parse
    doc = parse("Coach DeVarro resigned on Friday . DeVarro is now making his debut as a scout .")
    index = [t.i for t in doc if t.text == "DeVarro"][-1]
    assert _his_clause(doc, index, index + 1)
    doc = parse("Brevant said its sales rose while rivals lost his trust .")
    assert not _his_clause(doc, 0, 1)


def test_what_allows_developers_to_do_something_is_a_product() -> None:
    from digesthub.analyze.entities.framecues import _serves_users
    from digesthub.analyze.nlp import parse
    doc = parse("Quillmaker allows developers to add a bit of code to any page .")
    assert _serves_users(doc, 0, 1)
    doc = parse("Jane Holt allows her children to play outside .")
    assert not _serves_users(doc, 0, 2)


def test_a_cooperative_and_its_buildings_are_an_organization() -> None:
    text = ("Designated as landmarks , the Rell Amber buildings dated back to 1935 .\n"
            "Rell Amber , a dairy cooperative begun in 1936 , tried to help .\n"
            "Rell Amber lost money for years . Rell Amber was sold in 2007 . "
            "All that remains is the Rell Amber trademark .\n")
    found = _types(text)
    assert "PERSON" not in found.get("Rell Amber", {"ORG"}), found


def _votes_after_frames(text: str, name: str, label: str) -> dict[str, float]:
    from digesthub.analyze.entities.framecues import add_frame_votes
    from digesthub.analyze.entities.spans import make_candidate
    from digesthub.analyze.nlp import parse
    doc = parse(text)
    words = name.split()
    first = next(t.i for t in doc if t.text == words[0])
    candidate = make_candidate(doc, first, first + len(words))
    candidate.vote(label, 1.0)
    add_frame_votes(doc, [candidate])
    return dict(candidate.votes)


def test_settlement_and_address_cues_make_places() -> None:
    votes = _votes_after_frames("The quake struck between the port city of Varsk Abun and the island .",
                                "Varsk Abun", "PERSON")
    assert votes.get("GPE", 0) > votes["PERSON"], votes
    votes = _votes_after_frames("Boats took the injured to Varsk , a city of 500,000 people .", "Varsk", "PERSON")
    assert votes.get("GPE", 0) > votes["PERSON"], votes
    votes = _votes_after_frames("The survey office in Denver , Colo . , said it was stronger .", "Colo", "PERSON")
    assert votes.get("GPE", 0) > votes["PERSON"], votes
    votes = _votes_after_frames("Ron Tate , originally from Leeds but living in Tamberly , fell .", "Tamberly", "ORG")
    assert votes.get("GPE", 0) > votes["ORG"], votes


def test_a_rank_abbreviation_alone_is_no_person() -> None:
    found = _types("Citing an example , Sgt. Dana Whitlow , a police spokeswoman , said the cases differ .\n"
                   "Lt Omar Reyes agreed .\n")
    assert "Sgt" not in found and "Lt" not in found, found


def test_a_teams_plural_last_word_is_found_alone_too() -> None:
    text = ("http : / / www . example . com / article / hawks - sign - a - new - back\n"
            "Not a day ago , the Ridgeford Hawks placed their rookie back on the list .\n"
            "On Tuesday , the Hawks signed a kicker from the Lakeport Otters .\n")
    groups = _groups(text)
    assert any("Ridgeford Hawks" in g and "Hawks" in g for g in groups), groups


def test_a_bracket_token_of_tokenized_text_is_no_name() -> None:
    from digesthub.analyze.entities import find_entities

    found = find_entities("Aid arrived -LRB- Reuters -RRB- -RRB- -RRB- on Monday , said Kestrel Ventures -LRB- KV -RRB- .")
    assert not [m.text for m in found if "-LRB-" in m.text or "-RRB-" in m.text], found
