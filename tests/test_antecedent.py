"""An opening "He"/"His" written as the person the sentence before plainly names."""

from __future__ import annotations

from digesthub.digester.antecedent import name_opening_pronoun
from digesthub.digester.timeline_events import rule_sentences
from digesthub.types import AnnotatedArticle, Article, EntityRef, Mention, Paragraph


def _article(paragraphs: list[str], names: dict[str, list[str]]) -> AnnotatedArticle:
    """Persons ``{canonical: [spellings]}``, each spelling found wherever it occurs."""
    import re

    article = Article("x", None, [Paragraph(i, p) for i, p in enumerate(paragraphs, 1)])
    text = article.text
    entities = []
    for name, spellings in names.items():
        mentions = sorted((Mention(m.start(), m.end(), m.group(), "PERSON")
                           for s in spellings for m in re.finditer(rf"\b{re.escape(s)}\b(?! [A-Z])", text)),
                          key=lambda m: m.start)
        entities.append(EntityRef(name, "PERSON", spellings[1:], mentions, 0.5))
    return AnnotatedArticle(article, rule_sentences(article), [], entities, [], [])


def test_honorific_surname_and_possessive() -> None:
    annotated = _article(["Mr. Ruiz, the acting finance chief, said cash flow was positive. "
                          "His team expects the bank lines to stay unused in 1990."],
                         {"Carlos Ruiz": ["Carlos Ruiz", "Ruiz"]})
    sentence = annotated.sentences[1]
    assert name_opening_pronoun(annotated, 1, sentence.text).startswith("Mr. Ruiz's team expects")


def test_no_name_when_the_sentence_before_names_no_one_or_two_people() -> None:
    annotated = _article(["A spokesman said the bank may not qualify. He added that rules come in November.",
                          "Ana Reyes met Carlos Ruiz on Monday. He said the talks went well."],
                         {"Carlos Ruiz": ["Carlos Ruiz"], "Ana Reyes": ["Ana Reyes"]})
    for position in (1, 3):
        text = annotated.sentences[position].text
        assert name_opening_pronoun(annotated, position, text) == text


def test_a_chain_of_pronouns_leads_back_to_the_name() -> None:
    annotated = _article(["Ana Reyes was the first woman to sail the strait alone. "
                          "Her fame endured for decades. She was born in Lisbon in 1923."],
                         {"Ana Reyes": ["Ana Reyes"]})
    assert name_opening_pronoun(annotated, 2, annotated.sentences[2].text) == "Ana Reyes was born in Lisbon in 1923."


def test_the_speaker_of_an_opening_quotation_is_who_he_stands_for() -> None:
    annotated = _article(['"We have proven that a phone maker can build cars," founder and chief executive '
                          'Carlos Ruiz told analysts on a call. He said sales in Europe would start in 2027.',
                          '"Prices will rise," said a trader at a bank in Ohio, and Carlos Ruiz agreed. '
                          'He said costs were high.'],
                         {"Carlos Ruiz": ["Carlos Ruiz"]})
    text = annotated.sentences[1].text
    assert name_opening_pronoun(annotated, 1, text) == "Carlos Ruiz said sales in Europe would start in 2027."
    # the words after the quotation are someone else's attribution: no name
    text = annotated.sentences[3].text
    assert name_opening_pronoun(annotated, 3, text) == text
