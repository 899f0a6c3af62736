"""The corpus store on real databases: SQLite always, PostgreSQL when a server is given."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from digesthub.corpus import Corpus
from digesthub.corpus.db import Database
from digesthub.corpus.migrations import migrate, migrations_for
from digesthub.errors import CorpusError
from tests.corpus_fixtures import FakeDigester, card, db_url, make_article, make_digest, valuation

BACKENDS = ["sqlite", "postgresql"]


def _news() -> dict[str, object]:
    a1 = make_article("a1", ["Zhipu AI raised new money from Alibaba in Beijing.",
                             "Zhipu AI was valued at 2 billion dollars in March.",
                             "Its chief Zhang Peng said the model launched on March 5."], "2024-03-06")
    a2 = make_article("a2", ["Zhipei, the Beijing AI start-up backed by Alibaba, launched a model.",
                             "The firm was valued at 3 billion dollars, people said.",
                             "Zhang Peng launched the model on March 5 in Beijing."], "2024-04-01")
    a3 = make_article("a3", ["Moonshot AI released Kimi, a chatbot, in Beijing.",
                             "Moonshot is backed by Tencent."], "2024-04-02")
    d1 = make_digest(a1, [card("Zhipu AI", description="A Beijing AI start-up.",
                               facts=[valuation("Zhipu AI", 2e9, 2, "2024-03-01")], paragraphs=[1, 2]),
                          card("Alibaba"), card("Zhang Peng", "person", paragraphs=[3]),
                          card("Beijing", "place")],
                     [("2024-03-05", "Zhang Peng said the Zhipu AI model launched on March 5.", 3)])
    d2 = make_digest(a2, [card("Zhipei", facts=[valuation("Zhipei", 3e9, 2)], paragraphs=[1, 2]),
                          card("Alibaba Group"), card("Zhang", "person", paragraphs=[3]),
                          card("Beijing", "place")],
                     [("2024-03-05", "Zhang Peng launched the Zhipu model on March 5 in Beijing.", 3)])
    d3 = make_digest(a3, [card("Moonshot AI", aliases=["Moonshot"]), card("Tencent"),
                          card("Beijing", "place")],
                     [("2024-04-01", "Moonshot AI released Kimi.", 1)])
    return {"articles": [a1, a2, a3], "digests": {"a1": d1, "a2": d2, "a3": d3}}


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from db_url(request.param, tmp_path)


@pytest.fixture
def corpus(url: str) -> Iterator[Corpus]:
    news = _news()
    with Corpus(url, digester=FakeDigester(news["digests"])) as opened:  # type: ignore[arg-type]
        stats = opened.add(*news["articles"])  # type: ignore[arg-type]
        assert stats.added == 3
        yield opened


def test_migrations_are_recorded_and_run_once(url: str) -> None:
    db = Database(url)
    first = migrate(db)
    assert first == [m.version for m in migrations_for(db.dialect)]
    assert migrate(db) == []
    assert db.scalar("SELECT COUNT(*) FROM schema_migrations") == len(first)


def test_reingest_is_a_noop(corpus: Corpus) -> None:
    news = _news()
    stats = corpus.add(*news["articles"])  # type: ignore[arg-type]
    assert (stats.added, stats.skipped) == (0, 3)
    assert corpus.count() == 3
    assert corpus.count("paragraphs") == 8


def test_interrupted_ingest_resumes_without_duplicates(url: str) -> None:
    news = _news()
    with Corpus(url, digester=FakeDigester(news["digests"], fail_after=2)) as first:  # type: ignore[arg-type]
        with pytest.raises(KeyboardInterrupt):
            first.add(*news["articles"])  # type: ignore[arg-type]
        assert first.count() == 2
    with Corpus(url, digester=FakeDigester(news["digests"])) as second:  # type: ignore[arg-type]
        stats = second.add(*news["articles"])  # type: ignore[arg-type]
        assert (stats.added, stats.skipped) == (1, 2)
        assert second.count() == 3 and second.count("paragraphs") == 8
        assert second.count("events") == 3


def test_entities_merge_across_articles(corpus: Corpus) -> None:
    dossier = corpus.entity("Zhipu")
    assert set(dossier.articles) == {"a1", "a2"}
    assert "Zhipei" in dossier.aliases + [dossier.name]
    assert corpus.entity("Alibaba Group").articles == corpus.entity("Alibaba").articles
    assert set(corpus.entity("Zhang Peng").articles) == {"a1", "a2"}
    assert corpus.entity("Moonshot").articles == ["a3"]


def test_a_name_without_a_card_is_indexed_with_the_articles_naming_it(url: str) -> None:
    from digesthub.types import NamedEntity

    a1 = make_article("a1", ["Velbrook raised money in a round led by Geely Capital, Tencent and Alibaba.",
                             "Velbrook makes robot dogs."])
    a2 = make_article("a2", ["Korvanta, backed by Tencent, makes chips."])
    d1 = make_digest(a1, [card("Velbrook")])
    d1.mentioned = [NamedEntity("Tencent", "ORG", [], [1], a1.paragraphs[0].text, 0.2)]
    d2 = make_digest(a2, [card("Korvanta"), card("Tencent")])
    with Corpus(url, digester=FakeDigester({"a1": d1, "a2": d2})) as corpus:  # type: ignore[arg-type]
        corpus.add(a1, a2)
        dossier = corpus.entity("Tencent")
        assert set(dossier.articles) == {"a1", "a2"}
        assert "Velbrook" in {name for name, _ in dossier.related}


def test_a_known_name_the_recognizer_missed_still_links_its_article(url: str) -> None:
    before = make_article("b1", ["Velbrook sold more robots. Tencent also holds shares in it."])
    named = make_article("b2", ["Tencent, the games company, bought a stake in Korvanta.",
                                "Zhang Wei runs Korvanta."])
    after = make_article("b3", ["Korvanta hired staff. Tencent declined to comment. Zhang said little."])
    lower = make_article("b4", ["A tencent question: Tencent is also a word here, and so is zhang wei."])
    longer = make_article("b5", ["Tencent Music Entertainment said sales rose. Analysts at Big Tencent Fund agreed."])
    holdings = make_article("b6", ["Earlier Tencent Holdings Ltd. said it would buy more chips."])
    digests = {"b1": make_digest(before, [card("Velbrook")]),
               "b2": make_digest(named, [card("Tencent"), card("Korvanta"), card("Zhang Wei", "person")]),
               "b3": make_digest(after, [card("Korvanta")]),
               "b4": make_digest(lower, []), "b5": make_digest(longer, []), "b6": make_digest(holdings, [])}
    with Corpus(url, digester=FakeDigester(digests)) as corpus:  # type: ignore[arg-type]
        corpus.add(before, named, after, lower, longer, holdings)
        # stored before the name was known (b1) and after (b3, b6: a sentence's first word and a company's
        # closing words aside); not where the word is also lower case (b4) nor inside a longer name (b5)
        assert set(corpus.entity("Tencent").articles) == {"b1", "b2", "b3", "b6"}
        assert corpus.entity("Zhang Wei").articles == ["b2"]  # a bare surname links nothing


def test_dossier_keeps_conflicting_facts_with_sources(corpus: Corpus) -> None:
    dossier = corpus.entity("Zhipu AI")
    (group,) = [g for g in dossier.facts if g.kind == "valuation"]
    assert group.conflicting
    assert {(r.value, r.citation.article_id) for r in group.records} == {
        ("2 billion USD", "a1"), ("3 billion USD", "a2")}
    text = dossier.to_markdown()
    assert "sources disagree" in text and "[a2 para. 2, Test Wire, 2024-04-01]" in text
    assert "Alibaba" in [name for name, _ in dossier.related]


def test_unknown_entity_is_an_error(corpus: Corpus) -> None:
    with pytest.raises(CorpusError) as caught:
        corpus.entity("Quantum Widgets")
    assert caught.value.code == "E202"


def test_a_short_stored_name_inside_the_query_is_no_fuzzy_match(corpus: Corpus) -> None:
    with pytest.raises(CorpusError) as caught:
        corpus.entity("Zhangjiang")  # "Zhang" is stored, as a name of Zhang Peng
    assert caught.value.code == "E202"
    assert corpus.entity("Zhang Pen").name == "Zhang Peng"  # a slip of one letter still finds the person


def test_merged_timeline_cites_every_report(corpus: Corpus) -> None:
    entries = corpus.timeline().entries
    assert [e.date.value for e in entries] == ["2024-03-05", "2024-04-01"]
    assert {(c.article_id, c.paragraph) for c in entries[0].citations} == {("a1", 3), ("a2", 3)}
    assert [e.date.value for e in corpus.timeline("Moonshot AI").entries] == ["2024-04-01"]


def test_search_ranks_and_survives_query_syntax(corpus: Corpus) -> None:
    hits = corpus.search("Kimi chatbot")
    assert hits and hits[0].article_id == "a3" and hits[0].paragraph == 1
    for hostile in ['"unbalanced', "NEAR(a b", "x OR", "'; DROP TABLE articles; --", "*", "valued:3"]:
        corpus.search(hostile)
    assert corpus.count() == 3
    assert corpus.search("zzzxq") == []


def test_ask_cites_every_sentence(corpus: Corpus) -> None:
    answer = corpus.ask("Who backs Moonshot?", engine="offline")
    assert answer.sentences
    assert all(s.citations and s.verified for s in answer.sentences)
    assert answer.sentences[0].citations[0].article_id == "a3"


def test_empty_corpus_and_bad_url(tmp_path: Path) -> None:
    with Corpus(f"sqlite:///{tmp_path / 'empty.db'}") as empty:
        with pytest.raises(CorpusError) as caught:
            empty.timeline()
        assert caught.value.code == "E203"
    with pytest.raises(CorpusError) as caught:
        Corpus("mysql://nope")
    assert caught.value.code == "E204"


def test_a_failing_migration_leaves_nothing_behind(url: str, tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_ok.sql").write_text("CREATE TABLE kept (x INTEGER);\n")
    (folder / "0002_bad.sql").write_text("CREATE TABLE half (x INTEGER);\nCREATE TABLE broken (;\n")
    db = Database(url)
    with pytest.raises(Exception):
        migrate(db, folder)
    assert [r[0] for r in db.query("SELECT version FROM schema_migrations")] == [1]
    db.execute("INSERT INTO kept (x) VALUES (?)", (1,))
    with pytest.raises(Exception):
        db.query("SELECT * FROM half")


def test_the_name_word_index_is_filled_for_names_stored_before_it_and_after(url: str, tmp_path: Path) -> None:
    import shutil

    from digesthub.corpus.migrations import MIGRATIONS_DIR

    early = tmp_path / "early"
    early.mkdir()
    for migration in migrations_for(Database(url).dialect):
        if migration.version < 3:
            shutil.copy(migration.path, early / migration.path.name)
    db = Database(url)
    migrate(db, early)
    entity = db.insert("INSERT INTO entities (name, label, card_type) VALUES (?, ?, ?)", ("New York", "GPE", "place"))
    for name in ("New York", "NY"):
        db.execute("INSERT INTO entity_names (entity_id, name) VALUES (?, ?)", (entity, name))
    assert migrate(db, MIGRATIONS_DIR) == [m.version for m in migrations_for(db.dialect) if m.version >= 3]
    words = {(str(w), int(e)) for w, e in db.query("SELECT word, entity_id FROM entity_name_words")}
    assert words == {("New", entity), ("York", entity)}  # a one-word name has no row: it is looked up itself


def test_a_one_word_name_inside_another_entitys_name_is_ambiguous_to_the_gazetteer(corpus: Corpus) -> None:
    from digesthub.corpus.gazetteer import _ambiguous

    db = corpus.db
    # "Moonshot" is a name of Moonshot AI itself: its words name no other entity
    assert db.scalar("SELECT COUNT(*) FROM entity_name_words WHERE word = ?", ("Moonshot",)) >= 1
    assert not _ambiguous(db, "Moonshot") and not _ambiguous(db, "Tencent")
    york = db.insert("INSERT INTO entities (name, label, card_type) VALUES (?, ?, ?)", ("York", "GPE", "place"))
    db.execute("INSERT INTO entity_names (entity_id, name) VALUES (?, ?)", (york, "Moonshot"))
    assert _ambiguous(db, "Moonshot")  # now two entities are called so
    music = db.insert("INSERT INTO entities (name, label, card_type) VALUES (?, ?, ?)", ("Tencent Music", "ORG", "company"))
    db.execute("INSERT INTO entity_name_words (word, entity_id) VALUES (?, ?)", ("Tencent", music))
    assert _ambiguous(db, "Tencent")  # "Tencent" is one word of another entity's name


KILL_SCRIPT = """
import sys, time
from digesthub.corpus import Corpus
from tests.corpus_fixtures import FakeDigester
from tests.test_corpus import _news
news = _news()
fake = FakeDigester(news["digests"])
def slow(article):
    time.sleep(0.4 if article.id == "a1" else 30)  # killed while digesting a2
    return fake(article)
Corpus(sys.argv[1], digester=slow).add(*news["articles"])
"""


def test_a_killed_ingest_process_resumes(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    url = f"sqlite:///{tmp_path / 'killed.db'}"
    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(repo)}
    process = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, url], cwd=repo, env=env)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            time.sleep(0.2)
            if (tmp_path / "killed.db").exists() and _count(url) == 1:
                break
    finally:
        process.kill()
        process.wait()
    assert _count(url) == 1
    news = _news()
    with Corpus(url, digester=FakeDigester(news["digests"])) as corpus:  # type: ignore[arg-type]
        stats = corpus.add(*news["articles"])  # type: ignore[arg-type]
        assert (stats.added, stats.skipped) == (2, 1)
        assert corpus.count() == 3 and corpus.count("events") == 3


def _count(url: str) -> int:
    db = Database(url)
    try:
        tables = db.query("SELECT name FROM sqlite_master WHERE name = 'articles'")
        return int(db.scalar("SELECT COUNT(*) FROM articles")) if tables else 0
    finally:
        db.close()


def test_answer_sentences_split_and_prefer_the_asked_type() -> None:
    from digesthub.corpus.ask import extractive_answer, split_sentences
    from digesthub.corpus.search import SearchHit

    text = "He died . `` I am sad , '' she said . Dr. Murray met J. Smith on Monday. It rained!"
    assert split_sentences(text) == ["He died .", "`` I am sad , '' she said .",
                                     "Dr. Murray met J. Smith on Monday.", "It rained!"]
    hit = SearchHit("x", 2, None, "The plant opened with fanfare. The plant opened on March 3, 2021.", 1.0)
    (first, *_) = extractive_answer("When did the plant open?", [hit])
    assert first.text == "The plant opened on March 3, 2021." and first.citations[0].paragraph == 2


def test_an_answer_goes_on_only_with_sentences_that_cover_the_question() -> None:
    from digesthub.corpus.ask import extractive_answer, split_sentences
    from digesthub.corpus.search import SearchHit

    assert split_sentences("She won the Aug. 15 run-off. He conceded.") == ["She won the Aug. 15 run-off.",
                                                                           "He conceded."]
    won = SearchHit("a", 1, None, "The commission declared Ivo Brandt the winner of the Aug. 15 run-off.", 2.0)
    off = SearchHit("b", 3, None, "The regulator cut Velmora Robotics off from its suppliers.", 1.0)
    texts = [s.text for s in extractive_answer("Who won the presidential run-off?", [won, off])]
    assert texts == ["The commission declared Ivo Brandt the winner of the Aug. 15 run-off."], texts


class ScriptedModel:
    """A chat model that replies with a fixed JSON answer (stands in for an LLM server)."""

    def __init__(self, reply: dict[str, object]) -> None:
        self.reply = reply

    def complete(self, messages: list[dict[str, str]], *, schema: dict[str, object], name: str) -> object:
        import json

        from digesthub.llm.client import Completion

        return Completion(json.dumps(self.reply))


def test_llm_answers_pass_the_same_citation_checks(corpus: Corpus) -> None:
    hits = corpus.search("Who backs Moonshot?")
    number = next(i for i, h in enumerate(hits, start=1) if (h.article_id, h.paragraph) == ("a3", 2))
    model = ScriptedModel({"sentences": [
        {"text": "Moonshot is backed by Tencent.", "passages": [number]},
        {"text": "Moonshot was founded on the Moon in 1850.", "passages": [number]},
    ]})
    answer = corpus.ask("Who backs Moonshot?", engine="llm", model=model)
    assert answer.engine == "llm"
    assert [s.text for s in answer.sentences] == ["Moonshot is backed by Tencent."]
    assert answer.sentences[0].citations[0].article_id == "a3"


def test_a_changed_article_replaces_the_old_version(corpus: Corpus) -> None:
    from tests.corpus_fixtures import make_article, make_digest

    changed = make_article("a3", ["Moonshot AI released Kimi 2 in Shanghai.", "Tencent backs it."])
    digest = make_digest(changed, [card("Moonshot AI"), card("Shanghai", "place")])
    corpus.digester = FakeDigester({"a3": digest})
    stats = corpus.add(changed)
    assert (stats.added, stats.replaced) == (0, 1)
    assert corpus.count() == 3 and corpus.count("events") == 2
    assert [h.article_id for h in corpus.search("Kimi")] == ["a3"]
    assert corpus.search("chatbot") == []
    with pytest.raises(CorpusError):
        corpus.entity("Tencent")  # only the old version named it


def test_a_bug_in_one_article_fails_that_article_not_the_batch(url: str) -> None:
    news = _news()
    table = FakeDigester(news["digests"])
    broken_id = news["articles"][1].id

    def digester(article):
        if article.id == broken_id:
            raise RuntimeError("unexpected")
        return table(article)

    with Corpus(url, digester=digester) as corpus:  # type: ignore[arg-type]
        results = list(corpus.ingest(news["articles"]))  # type: ignore[arg-type]
        assert [r.status for r in results] == ["added", "failed", "added"]
        assert "internal error (RuntimeError: unexpected)" in (results[1].error or "")
        assert corpus.count() == 2


def test_dossier_shows_a_founding_year_at_the_month_it_was_dated() -> None:
    from digesthub.corpus.dossier import FactGroup, FactRecord, _value_text
    from digesthub.types import Citation

    def record(value: str, date: str | None) -> FactRecord:
        return FactRecord(value, date, Citation(2, article_id="a1"), "2025-08-05", "Wire", "founded ...")

    assert _value_text(record("2023", "2023-03")) == "March 2023"
    assert _value_text(record("2023", "2024")) == "2023, as of 2024"
    # the month is shown, the year compared: "2023" and "March 2023" do not disagree
    assert not FactGroup("founded", [record("2023", "2023-03"), record("2023", None)]).conflicting


def test_co_founders_add_up_and_two_ceos_disagree() -> None:
    from digesthub.corpus.dossier import FactGroup, FactRecord
    from digesthub.types import Citation

    def record(value: str) -> FactRecord:
        return FactRecord(value, None, Citation(4, article_id="a1"), "2025-01-16", "Wire", "...")

    assert not FactGroup("founder", [record("Zhu Jun"), record("Tang Jiayu")]).conflicting
    assert FactGroup("ceo", [record("Zhu Jun"), record("Tang Jiayu")]).conflicting


def test_a_forecast_is_kept_apart_from_the_reported_figure(tmp_path: Path) -> None:
    article = make_article("f1", ["Orion had revenue of 4 billion dollars last year.",
                                  "It expects revenue of 6 billion dollars this year."], "2026-03-18")
    reported = valuation("Orion", 4e9, 1, "2026-01-01")
    forecast = valuation("Orion", 6e9, 2, "2026-01-01")
    reported.kind = forecast.kind = "revenue"  # type: ignore[assignment]
    forecast.details["status"] = "forecast"
    digest = make_digest(article, [card("Orion", facts=[reported, forecast], paragraphs=[1, 2])])
    with Corpus(f"sqlite:///{tmp_path / 'c.db'}", digester=FakeDigester({"f1": digest})) as corpus:  # type: ignore[arg-type]
        corpus.add(article)
        groups = {g.kind: g for g in corpus.entity("Orion").facts}
    assert set(groups) == {"revenue", "revenue forecast"}
    assert not any(g.conflicting for g in groups.values())
