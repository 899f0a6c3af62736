"""Citation verifier: support scores and citation checking."""

from __future__ import annotations

from digesthub.digester.verify import (
    SUPPORT_THRESHOLD,
    find_support,
    support_score,
    verify_citations,
    verify_key_points,
)
from digesthub.types import Article, Citation, KeyPoint, Paragraph, SummarySentence

DEAL = ("Acme Corp said on Tuesday it had acquired the robotics startup Botly for $300 million, "
        "its largest deal since 2019. The company expects the purchase to close in March.")
WEATHER = ("The weather in Lisbon was mild this week, and tourists filled the cafes along the river "
           "as the festival season began.")
STAFF = "Botly employs 120 engineers in Boston and sells warehouse robots to retailers."


def _article() -> Article:
    return Article(id="a1", title="Deal", paragraphs=[
        Paragraph(1, DEAL), Paragraph(2, WEATHER), Paragraph(3, STAFF)])


def test_copied_sentence_is_supported() -> None:
    assert support_score("Acme Corp acquired the robotics startup Botly for $300 million.", DEAL) > 0.9


def test_light_paraphrase_is_supported() -> None:
    claim = "Acme bought robotics start-up Botly for $300 million, its biggest deal since 2019."
    assert support_score(claim, DEAL) >= SUPPORT_THRESHOLD
    assert support_score("Acme Corp's acquisition of Botly is expected to close in March.", DEAL) >= SUPPORT_THRESHOLD


def test_wrong_number_is_caught() -> None:
    assert support_score("Acme Corp acquired the robotics startup Botly for $500 million.", DEAL) < SUPPORT_THRESHOLD
    assert support_score("Acme Corp acquired Botly for $300 million in 2021.", DEAL) < SUPPORT_THRESHOLD


def test_wrong_name_and_unrelated_passage_are_rejected() -> None:
    assert support_score("Globex acquired the robotics startup Botly for $300 million.", DEAL) < SUPPORT_THRESHOLD
    assert support_score("Acme Corp acquired the robotics startup Botly.", WEATHER) < 0.2


def test_ptb_tokenized_text_matches_plain_text() -> None:
    passage = "acme corp said it had acquired botly -lrb- a robotics startup -rrb- for $ 300 million ."
    claim = "Acme Corp acquired Botly, a robotics startup, for $300 million."
    assert support_score(claim, passage) >= SUPPORT_THRESHOLD


def test_verify_citations_removes_bad_citations_and_drops_unsupported_sentences() -> None:
    sentences = [
        SummarySentence("Acme Corp acquired the robotics startup Botly for $300 million.",
                        [Citation(1), Citation(2)], group=0),
        SummarySentence("Tourists filled the cafes in Lisbon.", [Citation(3)], group=0),
        SummarySentence("Botly sells warehouse robots.", [Citation(9)], group=1),
        SummarySentence("Botly has 120 engineers.", [], group=1),
    ]
    kept, verification = verify_citations(sentences, _article())
    assert [s.text for s in kept] == [sentences[0].text]
    assert kept[0].citations == [Citation(1)] and kept[0].verified is True
    assert verification.citations_checked == 4
    assert verification.citations_verified == 1
    assert [d.section for d in verification.dropped] == ["summary"] * 3
    assert "3 paragraphs" in verification.dropped[1].reason


def test_joint_support_keeps_both_citations() -> None:
    claim = "Acme Corp acquired Botly for $300 million; Botly employs 120 engineers in Boston."
    kept, verification = verify_citations([SummarySentence(claim, [Citation(1), Citation(3)])], _article())
    assert len(kept) == 1 and kept[0].citations == [Citation(1), Citation(3)]
    assert verification.ratio == 1.0


def test_key_points_variant_and_find_support() -> None:
    points = [KeyPoint("Botly employs 120 engineers in Boston.", [Citation(3)]),
              KeyPoint("Botly employs 200 engineers in Boston.", [Citation(3)])]
    kept, verification = verify_key_points(points, _article())
    assert len(kept) == 1 and verification.dropped[0].section == "key_points"
    assert find_support("Botly sells warehouse robots to retailers.", _article()) == [Citation(3)]


def test_number_formats_and_name_spelling_variants() -> None:
    passage = "Microsoft first invested one billion dollars in OpenAI in 2019, Satya Nadella said."
    assert support_score("Microsoft invested $1 billion in OpenAI in 2019.", passage) >= SUPPORT_THRESHOLD
    misspelt = "Microsoft invested $1 billion in OpenAI in 2019, Satya Nadela said."
    assert support_score(misspelt, passage) >= SUPPORT_THRESHOLD
    assert support_score("Google invested $1 billion in OpenAI in 2019.", passage) < SUPPORT_THRESHOLD


def test_a_surname_written_in_full_is_supported_but_an_invented_given_name_is_not() -> None:
    from digesthub.digester.verify import support_score

    article = ("Twilight author Stephenie Meyer signed a deal.\n\n"
               "Meyer said she was excited to return to the story of Bella and Edward.")
    passage = "Meyer said she was excited to return to the story of Bella and Edward."
    full = "Stephenie Meyer said she was excited to return to the story of Bella and Edward."
    invented = "Joanne Meyer said she was excited to return to the story of Bella and Edward."
    assert support_score(full, passage, article) >= 0.5
    assert support_score(invented, passage, article) < support_score(full, passage, article)
    assert support_score(full, passage) < support_score(full, passage, article)  # without the article: no


def test_a_name_with_an_inner_apostrophe_is_found_whole_in_its_passage() -> None:
    passage = ("The regulator said the platform raised fees for merchants in Chengdu, Chongqing and Xi'an "
               "and that O'Neill Logistics had complained.")
    assert support_score("The platform raised fees for merchants in Chengdu, Chongqing and Xi'an.", passage) > 0.9
    assert support_score("O'Neill Logistics had complained.", passage) > 0.9
    # the other half of the name is still a name the passage lacks
    assert support_score("The platform raised fees for merchants in Chengdu, Chongqing and Xi'ning.", passage) \
        < SUPPORT_THRESHOLD
