"""Questions about a stored fact rank the sentence the fact came from first."""

from __future__ import annotations

from pathlib import Path

from digesthub.corpus import Corpus
from digesthub.corpus.fact_questions import asked_kinds, fact_evidence
from digesthub.types import Fact
from tests.corpus_fixtures import FakeDigester, card, make_article, make_digest

DECOY = "Northwind Robotics said its CEO search drew forty candidates from three continents, recruiters said."
ANSWER = "The company's chief executive, Maria Lund, said orders had doubled since the spring."


def _corpus(tmp_path: Path) -> Corpus:
    article = make_article("n1", [DECOY, "Orders for the warehouse robots came mostly from Europe this year.",
                                  ANSWER], "2025-05-02")
    fact = Fact("ceo", "Northwind Robotics", ANSWER, 3, value="Maria Lund")
    digest = make_digest(article, [card("Northwind Robotics", facts=[fact], paragraphs=[1, 3]),
                                   card("Maria Lund", "person", paragraphs=[3])])
    corpus = Corpus(f"sqlite:///{tmp_path / 'f.db'}", digester=FakeDigester({"n1": digest}))
    corpus.add(article)
    return corpus


def test_the_fact_sentence_answers_first_even_when_search_misses_its_paragraph(tmp_path: Path) -> None:
    with _corpus(tmp_path) as corpus:
        assert all(hit.paragraph != 3 for hit in corpus.search("CEO Northwind Robotics"))  # no word in common
        answer = corpus.ask("Who is the CEO of Northwind Robotics?", engine="offline")
    assert answer.sentences[0].text == ANSWER
    assert answer.sentences[0].citations[0].paragraph == 3 and answer.sentences[0].verified
    assert any(s.text == DECOY for s in answer.sentences[1:])  # the lexical match is still there


def test_an_open_question_is_answered_by_search_alone(tmp_path: Path) -> None:
    with _corpus(tmp_path) as corpus:
        answer = corpus.ask("Where do orders for the warehouse robots come from?", engine="offline")
        assert fact_evidence(corpus.db, "Where do orders for the warehouse robots come from?") == []
    assert answer.sentences[0].citations[0].paragraph == 2


def test_asked_kinds() -> None:
    assert asked_kinds("Who is OpenAI's CEO?") == ["ceo"]
    assert asked_kinds("Who founded Stepfun?") == ["founder"]
    assert asked_kinds("When was Zhipu AI founded?") == ["founded"]
    assert asked_kinds("How much did Baichuan raise, and who backed it?")[:2] == ["funding", "investors"]
    assert asked_kinds("Where is MiniMax headquartered?") == ["headquarters"]
    assert asked_kinds("What happened in Haiti?") == []


def test_a_role_fact_on_the_persons_card_is_stored_as_their_role(tmp_path: Path) -> None:
    article = make_article("n2", [ANSWER, "Orders for the warehouse robots came mostly from Europe this year."])
    fact = Fact("ceo", "Northwind Robotics", ANSWER, 1, value="Maria Lund")
    digest = make_digest(article, [card("Northwind Robotics", facts=[fact], paragraphs=[1]),
                                   card("Maria Lund", "person", facts=[fact], paragraphs=[1])])
    with Corpus(f"sqlite:///{tmp_path / 'r.db'}", digester=FakeDigester({"n2": digest})) as corpus:
        corpus.add(article)
        person = corpus.entity("Maria Lund").to_markdown()
        company = corpus.entity("Northwind Robotics").to_markdown()
    assert "- ceo of:\n  - Northwind Robotics" in person and "- ceo:\n  - Maria Lund" in company


def test_a_question_naming_a_company_is_not_answered_from_paragraphs_about_another(tmp_path: Path) -> None:
    other = make_article("o1", ["Zephyr Foods said its chief executive Ola Berg would retire, the company said."],
                         "2025-05-03")
    article = make_article("n3", ["BRUSSELS, May 2 (Reuters) - Northwind Robotics said orders rose after the U.S. "
                                  "Commerce Department cleared its robots for export.",
                                  "Orders for the warehouse robots came mostly from Europe this year."], "2025-05-02")
    digests = {"n3": make_digest(article, [card("Northwind Robotics", paragraphs=[1])]),
               "o1": make_digest(other, [card("Zephyr Foods", paragraphs=[1]), card("Ola Berg", "person")])}
    with Corpus(f"sqlite:///{tmp_path / 'o.db'}", digester=FakeDigester(digests)) as corpus:
        corpus.add(article)
        corpus.add(other)
        answer = corpus.ask("Who is the chief executive of Northwind Robotics?", engine="offline")
    texts = [s.text for s in answer.sentences]
    assert texts and not any("Zephyr" in t for t in texts), texts
    # one sentence (not cut after "U.S."), without the wire dateline
    assert texts[0].startswith("Northwind Robotics said orders rose") and texts[0].endswith("for export."), texts


def test_a_question_about_a_loss_by_the_short_name_finds_the_profit_fact(tmp_path: Path) -> None:
    from digesthub.types import Quantity

    loss = "Northwind reported a net loss of 1.1 billion yuan for last year."
    article = make_article("n2", ["Northwind Robotics listed in Hong Kong in December.", loss], "2025-05-02")
    fact = Fact("profit", "Northwind Robotics", loss, 2, quantity=Quantity(1.1e9, "CNY"), details={"measure": "net loss"})
    digest = make_digest(article, [card("Northwind Robotics", facts=[fact], paragraphs=[1, 2])])
    with Corpus(f"sqlite:///{tmp_path / 'l.db'}", digester=FakeDigester({"n2": digest})) as corpus:
        corpus.add(article)
        assert asked_kinds("How much did Northwind lose?") == ["profit"]
        assert [e.text for e in fact_evidence(corpus.db, "How much did Northwind lose last year?")] == [loss]
