"""NER evaluation: the scorer's alignment, and a quality floor on a tiny CoNLL subset."""

from __future__ import annotations

from pathlib import Path

import pytest

from digesthub.evaluate.ner import LABEL_MAP, _gold, _to_tokens, evaluate

CONLL = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "conll2003" / "dev_testa.jsonl.gz"


def test_char_spans_map_to_gold_tokens() -> None:
    record = {
        "text": "EU rejects German call\nPeter Blackburn said .",
        "sentences": [{"tokens": ["EU", "rejects", "German", "call"]},
                      {"tokens": ["Peter", "Blackburn", "said", "."]}],
        "entities": [{"sent": 0, "start": 0, "end": 1, "type": "ORG"},
                     {"sent": 1, "start": 0, "end": 2, "type": "PER"}],
    }
    tokens, offsets, gold = _gold(record)
    assert gold == {(0, 1, "ORG"), (4, 6, "PER")}
    predicted = _to_tokens([(0, 2, "ORG"), (23, 38, "PERSON"), (11, 17, "NORP"), (0, 2, "DATE")], offsets)
    assert predicted == {(0, 1, "ORG"), (4, 6, "PER"), (2, 3, "MISC")}
    assert LABEL_MAP["GPE"] == LABEL_MAP["FAC"] == "LOC"


@pytest.mark.skipif(not CONLL.exists(), reason="shared CoNLL data not beside the repository")
def test_rules_beat_the_plain_model_on_a_small_subset() -> None:
    report = evaluate(CONLL, limit=8)
    ours, baseline = report.systems["digesthub"], report.systems["spacy (baseline)"]
    assert report.documents == 8
    assert ours["f1"] > baseline["f1"] + 0.05  # the first documents are sports tables and headlines
    assert ours["f1"] > 0.45
