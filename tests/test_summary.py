"""Cited summary: coverage in order, length, groups, and citations that all verify."""

from __future__ import annotations

from digesthub.digester.scoring import words
from digesthub.digester.summary import summarize
from digesthub.digester.verify import verify_citations

from .test_keypoints import PARAGRAPHS, annotate

LONG = [
    f"In {year}, the city council of Riverton debated plan number {n} for the {topic}, and the mayor "
    f"argued that the {topic} needed {n * 3} million dollars of new funding before the winter. "
    f"Residents near the {topic} said the work had been delayed for {n} years. "
    f"Engineers warned that the {topic} would need repairs costing more every year it waited."
    for n, (year, topic) in enumerate(zip(range(2001, 2017), [
        "bridge", "library", "harbor", "tram line", "school", "park", "hospital", "stadium",
        "museum", "airport", "market", "dam", "station", "tunnel", "zoo", "pier"]), start=1)
]


def test_every_summary_citation_verifies() -> None:
    for paragraphs in (PARAGRAPHS, LONG):
        annotated = annotate(paragraphs)
        summary = summarize(annotated)
        assert summary
        kept, verification = verify_citations(summary, annotated.article)
        assert len(kept) == len(summary)
        assert verification.citations_checked == verification.citations_verified == len(summary)
        assert not verification.dropped and all(s.verified for s in kept)


def test_long_article_gets_several_paragraphs_in_reading_order() -> None:
    annotated = annotate(LONG)
    summary = summarize(annotated)
    groups = [s.group for s in summary]
    assert groups == sorted(groups) and 4 <= len(set(groups)) <= 6
    cited = [s.citations[0].paragraph for s in summary]
    assert cited == sorted(cited)
    assert cited[0] <= 3 and cited[-1] >= len(LONG) - 4  # covers beginning to end
    article_words = len(words(annotated.article.text))
    summary_words = sum(len(words(s.text)) for s in summary)
    assert 0.08 * article_words <= summary_words <= 0.25 * article_words


def test_short_article_gets_one_or_two_paragraphs_without_boilerplate() -> None:
    summary = summarize(annotate(PARAGRAPHS))
    assert 1 <= len({s.group for s in summary}) <= 2
    text = " ".join(s.text for s in summary)
    assert "Scroll down" not in text and "Published" not in text and "Click here" not in text
    # a short article still gets a few sentences: 80 words at least, as far as its prose allows
    assert sum(len(words(s.text)) for s in summary) >= 60 and len(summary) >= 3


def test_half_quotations_and_pronoun_openers_give_way_to_whole_statements() -> None:
    paragraphs = [
        "The harbour board of Riverton approved a new ferry line to the islands on Tuesday.",
        "Rain fell on the old market square all week, and the bakery closed early.",
        "He said the harbour board of Riverton approved the ferry line to the islands after a long debate.",
        "The mayor said the ferry line to the islands \"would change the harbour board of Riverton for good.",
        "The ferry line to the islands will start in June with two boats, the harbour board said.",
    ]
    summary = summarize(annotate(paragraphs))
    texts = [s.text for s in summary]
    assert texts and all(not t.startswith("He ") for t in texts)
    assert all(t.count('"') % 2 == 0 for t in texts)


def test_a_bare_surname_is_written_as_the_full_name_once() -> None:
    from digesthub.digester.antecedent import full_names_first
    from digesthub.types import AnnotatedArticle, Article, EntityRef, Mention, Paragraph, Sentence

    article = Article("s", "T", [Paragraph(1, "MiniMax was founded by Yan Junjie in 2021."),
                                 Paragraph(2, "Yan said the company would not list before 2026. Yan added more.")])
    text = article.text
    at = [text.index("Yan Junjie"), text.index("Yan said"), text.index("Yan added")]
    mentions = [Mention(at[0], at[0] + 10, "Yan Junjie", "PERSON", 1),
                Mention(at[1], at[1] + 3, "Yan", "PERSON", 2), Mention(at[2], at[2] + 3, "Yan", "PERSON", 2)]
    annotated = AnnotatedArticle(article, [], mentions, [EntityRef("Yan Junjie", "PERSON", ["Yan"], mentions)], [], [])
    said = Sentence(at[1], at[2] - 1, "Yan said the company would not list before 2026.", 2)
    added = Sentence(at[2], at[2] + 15, "Yan added more.", 2)
    texts = full_names_first(annotated, [(said, said.text), (added, added.text)])
    assert texts == ["Yan Junjie said the company would not list before 2026.", "Yan added more."]


def test_a_bare_word_that_also_names_a_place_is_not_rewritten_as_a_person() -> None:
    from digesthub.digester.antecedent import full_names_first
    from digesthub.types import AnnotatedArticle, Article, EntityRef, Mention, Paragraph, Sentence

    article = Article("c", "T", [Paragraph(1, "Fans of Mara Quint Cardiff met. The show is in Cardiff's new stadium "
                                              "and Cardiff will host it.")])
    text = article.text
    person_at, stadium_at, city_at = text.index("Mara"), text.index("Cardiff's"), text.index("Cardiff will")
    person = EntityRef("Mara Quint Cardiff", "PERSON", ["Cardiff"],
                       [Mention(person_at, person_at + 18, "Mara Quint Cardiff", "PERSON", 1),
                        Mention(city_at, city_at + 7, "Cardiff", "PERSON", 1)])
    stadium = EntityRef("Cardiff's new stadium", "FAC", [], [Mention(stadium_at, stadium_at + 21,
                                                                      "Cardiff's new stadium", "FAC", 1)])
    annotated = AnnotatedArticle(article, [], person.mentions + stadium.mentions, [person, stadium], [], [])
    sentence = Sentence(city_at - 50, len(text), text[city_at - 50:], 1)
    assert full_names_first(annotated, [(sentence, sentence.text)]) == [sentence.text]


def test_a_sentence_counting_time_from_the_one_before_leans_on_it() -> None:
    from digesthub.digester.standalone import leans_back

    for text in ("Three months later, the company said it would build a fleet of robotaxis.",
                 "Less than two years later, in May 2025, he left to found a start-up.",
                 "The next day, shares fell 5%.", "A week earlier, the board had met."):
        assert leans_back(text), text
    for text in ("Three months of talks ended on Monday.", "The next phase starts in May.",
                 "Two years ago the company was founded.",
                 "Less than two months later, in May 2025, Velmora signed a supply deal."):
        assert not leans_back(text), text


def test_the_summary_leaves_out_a_scene_setting_opening() -> None:
    from .test_keypoints import SCENE_PARAGRAPHS, SCENE_TITLE

    annotated = annotate(SCENE_PARAGRAPHS)
    annotated.article.title = SCENE_TITLE
    assert all(s.citations[0].paragraph != 1 for s in summarize(annotated))
