"""Key-point model, MMR selection, oracle labels, and the offline digest's verification figures."""

from __future__ import annotations

import random

import pytest

from digesthub.digester import OfflineEngine, keypoints
from digesthub.digester import keypoint_model as model
from digesthub.digester.keypoints import DEFAULTS, choose, feature_rows, rank_candidates, rate_with_model
from digesthub.evaluate.summary import oracle_labels
from digesthub.types import Citation, KeyPoint

from .test_keypoints import PARAGRAPHS, annotate


def test_every_candidate_has_one_feature_per_weight() -> None:
    ordered, rows = feature_rows(rank_candidates(annotate(PARAGRAPHS)))
    assert ordered and len(rows) == len(ordered)
    assert all(len(row) == len(model.FEATURES) == len(model.WEIGHTS) for row in rows)
    # Article order, and the opening sentence is flagged as such.
    assert [c.sentence.start for c in ordered] == sorted(c.sentence.start for c in ordered)
    assert rows[0][model.FEATURES.index("first_usable")] == 1.0


def test_fitted_weights_favour_lead_and_centrality() -> None:
    weights = dict(zip(model.FEATURES, model.WEIGHTS))
    assert weights["centrality"] > 0 and weights["log_rank"] < 0
    assert weights["quote_open"] < 0 and weights["first_person"] < 0


def test_fit_learns_the_informative_feature() -> None:
    rng = random.Random(7)
    rows, labels = [], []
    for _ in range(400):
        signal, noise = rng.gauss(0, 1), rng.gauss(0, 1)
        rows.append([1.0, signal, noise])
        labels.append(1.0 if signal + 0.3 * rng.gauss(0, 1) > 0.5 else 0.0)
    bias, signal_weight, noise_weight = model.fit(rows, labels, l2=1.0)
    assert signal_weight > 2.0 and abs(noise_weight) < 0.5 and bias < 0
    assert model.probability_logit([1.0, 2.0, 0.0], (bias, signal_weight, noise_weight)) > 0


def test_quotations_come_last_and_near_repeats_are_skipped() -> None:
    paragraphs = PARAGRAPHS[:2] + [
        "Acme Corp agreed on Tuesday to buy the startup Botly for $300 million, the largest deal in its history.",
    ] + PARAGRAPHS[2:]
    ranked = rate_with_model(rank_candidates(annotate(paragraphs)))
    assert ranked[-1].text.startswith('"We are thrilled')
    chosen = choose(ranked, 4, DEFAULTS)
    openers = [c for c in chosen if c.text.startswith("Acme Corp agreed on Tuesday")]
    assert len(openers) == 1  # the repeat of the opening is never taken with it


def test_mmr_weight_pushes_a_similar_sentence_down() -> None:
    ranked = rate_with_model(rank_candidates(annotate(PARAGRAPHS)))
    plain = choose(ranked, 2, DEFAULTS.__class__(mmr_weight=0.0))
    penalized = choose(ranked, 2, DEFAULTS.__class__(mmr_weight=50.0))
    assert plain[0] is penalized[0]
    # With a huge penalty the second pick is the (non-quotation) one least like the first.
    rest = [c for c in ranked if c is not plain[0] and not c.text.startswith('"')]
    assert penalized[1] is min(rest, key=lambda c: keypoints._overlap(c, plain[0]))


def test_oracle_labels_pick_the_sentences_that_match_the_highlights() -> None:
    sentences = ["the cat sat on the mat today .", "stocks fell sharply in tokyo .", "it rained ."]
    labels = oracle_labels(sentences, ["stocks fell sharply in tokyo on monday ."])
    assert labels[1] == 1.0 and labels[0] == 0.0


def test_offline_digest_counts_key_point_citations() -> None:
    digest = OfflineEngine().run(annotate(PARAGRAPHS))
    cited = sum(len(p.citations) for p in digest.key_points) + sum(len(s.citations) for s in digest.summary)
    assert digest.key_points and digest.summary
    assert digest.verification.citations_checked == cited
    assert digest.verification.citations_verified == cited and not digest.verification.dropped


def test_offline_digest_drops_a_key_point_whose_citation_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = KeyPoint(text="Acme Corp agreed to buy the robotics startup Botly for $300 million.",
                   citations=[Citation(paragraph=6)])  # the analysts' paragraph says nothing of the sort
    good = KeyPoint(text="Botly employs 120 engineers.", citations=[Citation(paragraph=3)])
    monkeypatch.setattr(keypoints, "select_key_points", lambda annotated: [bad, good])
    digest = OfflineEngine().run(annotate(PARAGRAPHS))
    assert [p.text for p in digest.key_points] == [good.text]
    dropped = [d for d in digest.verification.dropped if d.section == "key_points"]
    assert [d.item for d in dropped] == [bad.text]
    assert digest.verification.citations_verified == digest.verification.citations_checked - 1


def test_training_reports_out_of_fold_scores_and_full_weights() -> None:
    from pathlib import Path

    from .conftest import SHARED

    data = SHARED / "data" / "cnndm" / "dev.jsonl.gz"
    if not data.exists():
        pytest.skip("CNN/DailyMail dev data is not beside the repository")
    from digesthub.evaluate.summary import train_key_point_model

    weights, report, per_record = train_key_point_model(Path(data), folds=2, limit=30)
    assert len(weights) == len(model.FEATURES) and report.documents == len(per_record) == 30
    assert all(0.0 <= r["keypoints/rouge1"] <= 1.0 and r["lead-3/words"] > 0 for r in per_record)
    assert report.systems["keypoints"]["rouge1"] > 0.25


def test_fit_is_pulled_toward_a_prior() -> None:
    rng = random.Random(3)
    rows = [[1.0, rng.gauss(0, 1), rng.gauss(0, 1)] for _ in range(300)]
    labels = [1.0 if row[1] > 0 else 0.0 for row in rows]
    prior = [0.0, 0.0, 1.5]  # says the (uninformative) third column matters
    held = model.fit(rows, labels, l2=1e7, prior=prior)
    assert abs(held[2] - 1.5) < 0.01 and abs(held[1]) < 0.01
    loose = model.fit(rows, labels, l2=1.0, prior=prior)
    assert loose[1] > 2.0 and abs(loose[2]) < 0.5  # the data overrides a prior it contradicts
