"""Tokenized corpora (spaces before punctuation and clitics) are read back as prose."""

from __future__ import annotations

from digesthub.ingest.text import article_from_text, detokenize, looks_tokenized


def test_tokenized_text_is_detected_and_detokenized() -> None:
    text = ("The mayor 's office said on Monday that the bridge , closed since May , would reopen . "
            "Drivers `` ca n't wait '' , one resident said .")
    assert looks_tokenized(text)
    assert detokenize(text) == ("The mayor's office said on Monday that the bridge, closed since May, would reopen. "
                                'Drivers "can\'t wait", one resident said.')


def test_prose_with_a_stray_spaced_comma_is_left_alone() -> None:
    prose = ("The council's plan, agreed on Monday, adds two lanes , the mayor said. It can't start "
             "before spring, and the budget's shortfall, she added, is large.")
    assert not looks_tokenized(prose)
    assert detokenize(prose) == prose


def test_lines_stay_lines() -> None:
    text = "First paragraph , with a comma .\n\nSecond one 's here , too .\nThird : last ."
    assert detokenize(text).split("\n") == ["First paragraph, with a comma.", "", "Second one's here, too.",
                                            "Third: last."]


def test_a_tokenized_article_reads_as_prose() -> None:
    body = " ".join(f"The port authority 's board met on day {n} , and voted to extend the pier ." for n in range(6))
    article = article_from_text(body, source_name="wire")
    text = article.paragraphs[0].text
    assert "authority's board" in text and " ," not in text and " ." not in text


def test_lower_cased_tokenized_text_keeps_its_tokens() -> None:
    text = "the mayor 's office said the bridge , closed since may , would reopen . drivers ca n't wait ."
    assert looks_tokenized(text)
    assert detokenize(text) == text  # " . " is its only sentence boundary left


def test_a_dateline_line_is_not_the_title_and_wire_dashes_are_dashes() -> None:
    body = ("Flood waters rose across the valley on Friday _ the worst in a decade _ and forced "
            "hundreds of families from their homes, officials said. Rescue crews worked through the night.")
    for dateline in ("RIVERTON, Wyo. (AP) _", "RIVERTON (Reuters) -", "RIVERTON, Wyo. (AP)--"):
        article = article_from_text(f"{dateline}\n\n{body}", source_name="wire")
        assert article.title is None
        assert article.paragraphs[0].text.startswith("Flood waters rose across the valley on Friday — the worst")
    titled = article_from_text(f"Valley flood forces hundreds from homes\n\n{body}", source_name="wire")
    assert titled.title == "Valley flood forces hundreds from homes"


def test_straight_quotes_clock_times_and_initials_are_rejoined() -> None:
    text = 'The mayor said , " We are ready . " The vote is at 8 : 30 p . m . in the U . S . , aides said .'
    assert detokenize(text) == 'The mayor said, "We are ready." The vote is at 8:30 p.m. in the U.S., aides said.'
