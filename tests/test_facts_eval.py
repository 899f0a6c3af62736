"""The facts evaluation: matching rules, and a quality floor on the cased slice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digesthub.evaluate.facts import count_matches, data_root, load_gold, loose_match, matches
from digesthub.types import Fact, Quantity

GOLD = Path(__file__).parent / "data" / "facts_gold.jsonl"


def test_loose_match_accepts_alternatives_and_near_spellings() -> None:
    assert loose_match("discovery communications|discovery", "Discovery")
    assert loose_match("jeff bezos", "Jeff Bezos")
    assert loose_match("larry page", "larry")
    assert not loose_match("tesla", "deutsche bank")
    assert not loose_match("tesla", None)


def test_amounts_match_within_one_percent_and_same_unit() -> None:
    gold = {"kind": "users", "subject": "waze", "amount": 5e7, "unit": "total"}
    close = Fact("users", "Waze", "", 1, quantity=Quantity(5.04e7, "users"))
    far = Fact("users", "Waze", "", 1, quantity=Quantity(5.2e7, "users"))
    monthly = Fact("users", "Waze", "", 1, quantity=Quantity(5e7, "MAU"))
    assert matches(gold, close) and not matches(gold, far) and not matches(gold, monthly)


def test_matching_is_one_to_one() -> None:
    gold = [{"kind": "ceo", "subject": "apple", "value": "tim cook"}]
    facts = [Fact("ceo", "Apple", "", 1, value="Tim Cook"), Fact("ceo", "Apple", "", 2, value="Tim Cook")]
    assert count_matches(gold, facts) == [("gold:ceo", True), ("pred:ceo", True), ("pred:ceo", False)]


def test_labelled_set_is_references_only() -> None:
    gold = load_gold(GOLD)
    assert len(gold) >= 20
    for records in gold.values():
        for record in records:
            assert set(record) <= {"dataset", "doc", "sentence", "kind", "subject", "value", "amount",
                                   "unit", "qualifier", "date"}
            assert ("amount" in record) != ("value" in record)


@pytest.mark.skipif(not (data_root() / "tls_t17").exists(), reason="shared data not mounted")
def test_quality_floor_on_the_cased_documents(tmp_path: Path) -> None:
    from digesthub.evaluate.facts import evaluate

    lines = [line for line in GOLD.read_text().splitlines() if '"tls_t17"' in line]
    subset = tmp_path / "gold.jsonl"
    subset.write_text("\n".join(lines) + "\n")
    report = evaluate(subset)
    assert report.documents == len({json.loads(line)["doc"] for line in lines})
    assert report.systems["extractor"]["f1"] >= 0.5
    assert report.systems["extractor"]["precision"] >= 0.5


def test_line_datasets_are_read_by_doc_id_one_paragraph_a_line(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import gzip

    from digesthub.evaluate.facts import article_of, load_texts

    folder = tmp_path / "tempeval3"
    folder.mkdir()
    with gzip.open(folder / "dev_tbaq.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"doc_id": "wsj_9", "text": "\n\nAcme Corp. said X.\n\nIt rose.\n"}))
    monkeypatch.setenv("DIGESTHUB_DATA", str(tmp_path))
    texts = load_texts([("tempeval3", "wsj_9")])
    article = article_of("wsj_9", texts[("tempeval3", "wsj_9")], "tempeval3")
    assert [p.text for p in article.paragraphs] == ["Acme Corp. said X.", "It rose."]
    # The one-line corpora still split on " . ".
    assert len(article_of("d", "a b . c d .").paragraphs) == 2


def test_second_held_out_set_has_two_labelled_halves() -> None:
    path = Path(__file__).parent / "data" / "facts_heldout2.jsonl"
    records = [json.loads(line) for line in path.read_text().splitlines()[1:]]
    splits = {r["split"] for r in records}
    assert splits == {"dev", "test"}
    assert len({r["doc"] for r in records}) >= 20 and sum(1 for r in records if r["kind"]) >= 40


def test_a_set_scores_only_the_kinds_it_was_labelled_for(tmp_path: Path) -> None:
    from digesthub.evaluate.facts import LABELLED_KINDS, labelled_kinds

    assert "profit" not in labelled_kinds(GOLD) and set(LABELLED_KINDS) == labelled_kinds(GOLD)
    declared = tmp_path / "set.jsonl"
    declared.write_text('{"_comment": "profit only", "kinds": ["profit"]}\n', encoding="utf-8")
    assert labelled_kinds(declared) == {"profit"}
