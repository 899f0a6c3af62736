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


def _profile() -> AnnotatedArticle:
    return _article(
        ["Mara Quint rarely gives interviews. Born in Leeds, Quint studied physics at Kestrel.",
         "After graduating in 2008, she traded bonds. The fund bought chips in 2012.",
         "In 2015 she spun out Orion Dynamics. Ana Reyes invited him to dinner in May.",
         "Premier Tom Hale invited her to a summit in June. In July, she met Ana Reyes. Quint owns half of Orion."],
        {"Mara Quint": ["Mara Quint", "Quint"], "Ana Reyes": ["Ana Reyes"], "Tom Hale": ["Tom Hale"]})


def test_a_profile_names_its_person_for_a_subject_pronoun_no_other_person_competes_for() -> None:
    annotated = _profile()
    texts = {i: name_opening_pronoun(annotated, i, s.text) for i, s in enumerate(annotated.sentences)}
    assert texts[2] == "After graduating in 2008, Quint traded bonds."
    assert texts[4] == "In 2015 Quint spun out Orion Dynamics."  # three sentences back, across a paragraph
    # another person opens the sentence before: "she" could be either, so it stays
    assert texts[7] == "In July, she met Ana Reyes."


def test_no_profile_person_when_two_people_are_named_as_often() -> None:
    annotated = _article(["Mara Quint met Ana Reyes. Quint and Reyes talked. The fund grew. In 2015 she left."],
                         {"Mara Quint": ["Mara Quint", "Quint"], "Ana Reyes": ["Ana Reyes", "Reyes"]})
    assert name_opening_pronoun(annotated, 3, "In 2015 she left.") == "In 2015 she left."


def test_an_object_him_is_the_profile_person_only_when_the_article_calls_that_person_he() -> None:
    annotated = _profile()  # Mara Quint is "she" throughout: "invited him" is someone else
    assert name_opening_pronoun(annotated, 5, annotated.sentences[5].text) == "Ana Reyes invited him to dinner in May."
    annotated = _article(["Liu Wei rarely gives interviews. He studied in Leeds. Liu founded Orion in 2015.",
                          "Premier Tom Hale invited him to a summit in May. He met investors in June. Liu owns Orion."],
                         {"Liu Wei": ["Liu Wei", "Liu"], "Tom Hale": ["Tom Hale"]})
    assert name_opening_pronoun(annotated, 3, annotated.sentences[3].text) == \
        "Premier Tom Hale invited Liu Wei to a summit in May."


def test_the_only_person_an_article_names_twice_is_its_he_after_an_opening_phrase() -> None:
    annotated = _article(["Liu Wei said the company had no plans to merge. Shares rose 35%.",
                          "Liu founded Orion in 2021. In an interview this month, he said Orion would spend the money on chips."],
                         {"Liu Wei": ["Liu Wei", "Liu"]})
    text = annotated.sentences[3].text
    assert name_opening_pronoun(annotated, 3, text) == \
        "In an interview this month, Liu Wei said Orion would spend the money on chips."
