"""Whether a lifted sentence stands on its own: half quotations, lead-ins, openers that lean back."""

from __future__ import annotations

from digesthub.digester.standalone import (
    drop_connective, is_complete, is_lead_in, is_whole, leans_back, quotes_balanced, stands_alone,
)


def test_half_quotations_are_not_balanced() -> None:
    assert quotes_balanced('"We are home," the minister said.')
    assert quotes_balanced("``We are home,'' the minister said.")
    assert not quotes_balanced('We are back in the family," said the minister.')
    assert not quotes_balanced('If the deal fails, "the government will pay a high price')
    assert not quotes_balanced("“He is being misled by his advisers.")


def test_lead_ins_and_fragments_are_not_whole() -> None:
    assert is_lead_in("The Daily Courier said in an editorial on Monday, Oct. 26:")
    assert not is_complete("The board met on Friday and")
    assert is_complete('The board met on Friday, he said."')
    assert not is_whole("The Daily Courier said in an editorial on Monday:")


def test_openers_that_need_the_sentence_before() -> None:
    for text in ("He also is charged in three attacks.", "The two were removed from the list in April.",
                 "But the bullet tore through the window.", "His car was found at the airport."):
        assert leans_back(text) and not stands_alone(text)
    assert stands_alone("Herbert Lane was charged with fraud on Tuesday.")
    assert stands_alone("Theodore Lin, the mayor, opened the bridge.")


def test_a_pronoun_after_an_opening_time_phrase_needs_the_sentence_before() -> None:
    for text in ("In 2019 she left her job to found the company.", "Last summer it closed a funding round.",
                 "On Monday they said the plant would close.", "In late October it added 14 firms to the list."):
        assert leans_back(text), text
    for text in ("Lanhai sold 600 of them in the first nine months.", "Two of those were found in Texas."):
        assert leans_back(text), text
    for text in ("In 2019 Mara Quint left her job.", "In Velmora it rains all winter.",
                 "Velmora sold 600 of its robots in the first nine months of the year.",
                 "In March Orion said it would close the plant."):
        assert not leans_back(text), text


def test_drop_connective_keeps_the_statement() -> None:
    assert drop_connective("But a judge stopped the sale on Friday.") == "A judge stopped the sale on Friday."
    assert drop_connective("Now, following asset sales, the firm is flush with cash.") == \
        "Following asset sales, the firm is flush with cash."
    assert drop_connective("But why?") == "But why?"  # too short to stand without it
    assert drop_connective("Butter prices rose in May.") == "Butter prices rose in May."


def test_web_addresses_are_not_prose() -> None:
    from digesthub.digester.standalone import is_address

    assert is_address("http : / / www . riverton-news . com / local / 3 - Hurt - in - Mill - Fire . html")
    assert is_address("www.riverton-news.com/local/mill-fire")
    assert not is_address("The mill owner said details were posted at www.riverton-news.com on Friday.")
    assert not is_address("The mill burned down on Friday night.")


def test_time_demonstratives_and_expletive_it_do_not_lean_back() -> None:
    assert not leans_back("This year, the harbour board spent more than ever on ferries.")
    assert not leans_back("That same week the ferry company opened a second line.")
    assert not leans_back("It is reported that the ferry company may list its shares in 2026.")
    assert not leans_back("It was not clear whether the ferries would run on Sunday.")
    assert leans_back("It was the largest ferry ever built in the port.")
    assert leans_back("This was the largest ferry ever built in the port.")


def test_mend_quotes_puts_back_the_mark_a_cut_quotation_lost() -> None:
    from digesthub.digester.standalone import mend_quotes

    assert mend_quotes('We are back in the family," said the minister.') == \
        '"We are back in the family," said the minister.'
    assert mend_quotes('The minister said, "We should keep the door open for others.') == \
        'The minister said, "We should keep the door open for others."'
    assert mend_quotes("We are home,” she said.") == "“We are home,” she said."
    assert mend_quotes('"We are home," she said.') == '"We are home," she said.'


def test_added_and_continued_go_on_from_before() -> None:
    assert leans_back('"We are used to winning," Lopez continued.')
    assert leans_back('Coach Lopez added, "We will be back next year."')
    assert not leans_back('"We are used to winning," Lopez said after the game.')
    assert not leans_back("The club added two players to its squad on Monday.")


def test_a_pronoun_subject_after_an_opening_phrase_leans_back() -> None:
    assert leans_back("Until Thursday, they had not called the driver a suspect.")
    assert leans_back("Ever since the storm in November, he has asked for the boat's return.")
    assert leans_back("Up until Thursday, however, they had called the driver a witness.")
    assert not leans_back("When Tomas Brandt fled the city, he left his car at the airport.")
    assert not leans_back("In addition, it is the largest ferry in the port.")


def test_expletive_and_cleft_it_do_not_lean_back() -> None:
    assert not leans_back("It is bad enough that the harbour board raised the fares.")
    assert not leans_back("It was during the Brandt years that the harbour board was founded.")
    assert not leans_back("It's not enough to argue the ferries are old.")
    assert leans_back("It sank in 1998 off the coast.")
    assert leans_back("It was sold to new owners in 2003.")
    assert not leans_back("It is unclear whether the ferry will sail.")
