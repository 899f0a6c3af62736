"""The TLS metrics (Date-F1, align+ m:1 ROUGE, concat ROUGE) on tiny timelines."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from digesthub.evaluate.tls import align_rouge, detokenize, evaluate, rouge_counts, score

D = dt.date
GOLD = {D(2010, 1, 12): ["A strong earthquake struck the capital city."],
        D(2010, 1, 14): ["Foreign rescue teams arrived at the airport."]}


def test_identical_timeline_scores_one() -> None:
    row = score(GOLD, GOLD)
    assert row["date_p"] == row["date_r"] == 1.0
    assert row["ar1_p"] == pytest.approx(1.0) and row["ar2_r"] == pytest.approx(1.0)


def test_a_day_off_halves_the_aligned_overlap() -> None:
    shifted = {D(2010, 1, 13): GOLD[D(2010, 1, 12)], D(2010, 1, 14): GOLD[D(2010, 1, 14)]}
    precision, recall = align_rouge(shifted, GOLD, 1)
    hit_a, count_a, _ = rouge_counts(GOLD[D(2010, 1, 12)], GOLD[D(2010, 1, 12)], 1)
    hit_b, count_b, _ = rouge_counts(GOLD[D(2010, 1, 14)], GOLD[D(2010, 1, 14)], 1)
    assert precision == pytest.approx((hit_a / 2 + hit_b) / (count_a + count_b))
    assert recall == pytest.approx(precision)
    assert score(shifted, GOLD)["date_p"] == 0.5


def test_wrong_words_score_zero_and_empty_prediction_is_safe() -> None:
    other = {D(2010, 1, 12): ["Markets closed higher on Friday."]}
    assert align_rouge(other, GOLD, 1) == (0.0, 0.0)
    assert score({}, GOLD)["date_r"] == 0.0 and score({}, GOLD)["ar1_p"] == 0.0


def test_rouge_stems_and_drops_stop_words() -> None:
    hit, predicted, reference = rouge_counts(["The rescuers searched buildings"], ["Rescuer searches the building"], 1)
    assert (hit, predicted, reference) == (3, 3, 3)


def test_detokenize_ptb() -> None:
    text = "He said `` we 're fine '' -LRB- really -RRB- , and Jackson 's doctor did n't ."
    assert detokenize(text) == "He said \"we're fine\" (really), and Jackson's doctor didn't."


def test_evaluate_on_a_tiny_collection(tmp_path: Path) -> None:
    times = pytest.importorskip("digesthub.analyze.times")
    if not hasattr(times, "tag_times"):
        pytest.skip("the temporal tagger is not there yet")
    articles = [{"collection": "c", "id": f"c/{i}", "pub_date": "2010-01-13", "topic": "t",
                 "text": "A strong earthquake struck the capital city on Tuesday . Buildings fell .",
                 "heideltime_dates": []} for i in range(3)]
    timeline = {"timeline_id": "c/gold", "topic": "t", "collection": "c", "n_dates": 1, "n_sentences": 1,
                "entries": [{"date": "2010-01-12", "text": "x", "sentences": ["An earthquake struck the capital ."]}]}
    for name, rows in (("articles", articles), ("timelines", [timeline])):
        with gzip.open(tmp_path / f"{name}.jsonl.gz", "wt") as handle:
            handle.write("\n".join(json.dumps(r) for r in rows))
    report = evaluate(tmp_path)
    assert report.systems["digesthub"]["Date-F1"] == 1.0
    assert report.systems["digesthub"]["AR1-F"] > 0.5


def test_gold_day_listed_twice_keeps_both_sentence_lists() -> None:
    from digesthub.evaluate.tls import _daily

    daily = _daily([{"date": "2011-03-03", "sentences": ["A ."]}, {"date": "2011-03-03", "sentences": ["B ."]}])
    assert daily == {D(2011, 3, 3): ["A .", "B ."]}


def test_an_entry_splits_into_its_event_sentences_whichever_joiner_it_used() -> None:
    from digesthub.digester.timeline import entry_sentences

    assert entry_sentences("The court ruled; a bomb exploded. US troops left the U.S. Army base. Workers marched.") == [
        "The court ruled", "a bomb exploded.", "US troops left the U.S. Army base.", "Workers marched."]


def test_alignment_cost_reads_words_not_their_punctuation() -> None:
    from digesthub.evaluate.tls import _approx_r1

    assert _approx_r1(["Profit rose."], ["profit rose ."]) == 1.0  # ours detokenized, the gold PTB-tokenized
