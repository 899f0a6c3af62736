"""Train the key-point model on news that is NOT the evaluation data (transfer training).

:data:`digesthub.digester.keypoint_model.WEIGHTS` must not be fitted on the
CNN/DailyMail file it is judged on. This module labels the other news sets
beside the repository (:mod:`digesthub.evaluate.keypoint_sources`: TempEval-3,
CoNLL-2003, ECB+ and Timeline17 texts with their headlines or timeline
entries) and fits the same logistic model on them.

Labels come from the same greedy ROUGE oracle as CNN/DM training
(:func:`digesthub.evaluate.summary.oracle_labels`): the article sentences
that best match the references are the positives. Model selection uses only
held-out parts of these sources (:func:`validate`); CNN/DM is only measured
(:func:`measure`). ``python -m digesthub.evaluate.keypoint_training --cnndm
../shared/data/cnndm/dev.jsonl.gz`` prints the whole report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from digesthub.evaluate import summary
from digesthub.evaluate.keypoint_sources import LOADERS, SOURCES, TrainingText

MIN_CANDIDATES = 5   # a shorter "article" (a results table, a brief) teaches nothing about choosing


# ----------------------------------------------------------------------------- rows, fit, scores

# Chosen on validation sets that are not CNN/DM (see :func:`validate`): ECB+ stories of the ECB+ dev
# topics and each T17 collection, scored against their own references, training on the rest.
DEFAULT_SOURCES = ("ecbplus_topic",)
L2 = 1e5
POSITION_PRIOR = True


@dataclass
class LabelledDocument:
    """A training text's candidates (article order), their feature rows and oracle labels."""

    text: TrainingText
    ordered: list
    rows: list[list[float]]
    labels: list[float]


def labelled_documents(data: Path, sources: tuple[str, ...] = SOURCES,
                       limit: int | None = None) -> list[LabelledDocument]:
    """Weakly labelled documents of ``sources`` (at most ``limit`` texts per source), in file order."""
    from digesthub.digester.keypoints import feature_rows, rank_candidates
    from digesthub.types import AnnotatedArticle

    documents = []
    for source in sources:
        for number, text in enumerate(LOADERS[source](data)):
            if limit is not None and number >= limit:
                break
            article = summary._article(text.text, text.doc_id)
            annotated = AnnotatedArticle(article, sentences=[], mentions=[], entities=[], times=[], facts=[])
            ordered, rows = feature_rows(rank_candidates(annotated))
            labels = summary.oracle_labels([c.text for c in ordered], text.references)
            if len(ordered) >= MIN_CANDIDATES and any(labels):
                documents.append(LabelledDocument(text, ordered, rows, labels))
    return documents


def fit_documents(documents: list[LabelledDocument], l2: float = L2, *,
                  position_prior: bool = POSITION_PRIOR) -> list[float]:
    """:func:`keypoint_model.fit` over every row of ``documents`` (pulled toward a lead-only model)."""
    from digesthub.digester import keypoint_model

    rows, labels = [r for d in documents for r in d.rows], [y for d in documents for y in d.labels]
    prior = lead_prior(rows, labels) if position_prior else None
    return keypoint_model.fit(rows, labels, l2=l2, prior=prior)


def lead_prior(rows: list[list[float]], labels: list[float]) -> list[float]:
    """Weights of a position-only model (bias and log-rank) fitted on the same rows.

    Every source agrees that news leads with its news; what else makes a
    sentence key differs from source to source (headline wording, timeline
    style), so the full model is pulled toward this shared part.
    """
    from digesthub.digester import keypoint_model

    index = keypoint_model.FEATURES.index("log_rank")
    bias, slope = keypoint_model.fit([[row[0], row[index]] for row in rows], labels, l2=1e-3)
    prior = [0.0] * len(keypoint_model.FEATURES)
    prior[0], prior[index] = bias, slope
    return prior


def train_key_point_model_transfer(data: Path, *, sources: tuple[str, ...] = DEFAULT_SOURCES, l2: float = L2,
                                   position_prior: bool = POSITION_PRIOR,
                                   limit: int | None = None) -> tuple[list[float], dict[str, int]]:
    """Key-point weights fitted on ``sources`` only (no CNN/DM), and how many documents each gave."""
    documents = labelled_documents(data, sources, limit)
    counts = {s: sum(d.text.source == s for d in documents) for s in sources}
    return fit_documents(documents, l2, position_prior=position_prior), counts


def score_documents(documents: list[LabelledDocument], weights: list[float]) -> dict[str, dict[str, float]]:
    """Mean ROUGE F1 of our key points and of Lead-3 against each document's references."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(summary.METRICS), use_stemmer=True)
    totals = {"keypoints": dict.fromkeys(summary.METRICS, 0.0), "lead-3": dict.fromkeys(summary.METRICS, 0.0)}
    for document in documents:
        reference = "\n".join(document.text.references)
        ours = summary._chosen_texts(document.ordered, weights)
        for system, chosen in (("keypoints", ours), ("lead-3", summary.lead3(document.text.text))):
            scores = scorer.score(reference, "\n".join(chosen))
            for metric in summary.METRICS:
                totals[system][metric] += scores[metric].fmeasure
    return {name: {m: v / max(1, len(documents)) for m, v in t.items()} for name, t in totals.items()}


ECBPLUS_DEV_TOPICS = frozenset({"2", "5", "12", "18", "21", "23", "34", "35"})  # ECB+'s own dev split


def validation_folds(documents: list[LabelledDocument]) -> dict[str, list[LabelledDocument]]:
    """Held-out sets for model selection: each T17 collection, and the ECB+ dev topics (multi-title refs)."""
    folds: dict[str, list[LabelledDocument]] = {}
    for document in documents:
        source, doc_id = document.text.source, document.text.doc_id
        if source == "t17":
            folds.setdefault(doc_id.split("/")[0], []).append(document)
        elif source == "ecbplus_topic" and doc_id.split("_")[0] in ECBPLUS_DEV_TOPICS:
            folds.setdefault("ecbplus_dev", []).append(document)
    return folds


def _in_fold(document: LabelledDocument, fold: str) -> bool:
    """True when ``document`` (any labelling of it) belongs to validation fold ``fold``."""
    source, doc_id = document.text.source, document.text.doc_id
    if fold == "ecbplus_dev":
        return source.startswith("ecbplus") and doc_id.split("_")[0] in ECBPLUS_DEV_TOPICS
    return source == "t17" and doc_id.startswith(fold + "/")


def validate(documents: list[LabelledDocument], sources: tuple[str, ...], l2: float = L2, *,
             position_prior: bool = POSITION_PRIOR, reference_words: int = 55) -> dict[str, dict[str, dict]]:
    """Scores on each validation fold of weights fitted on ``sources`` without that fold (no CNN/DM).

    The fold's references are cut to about ``reference_words`` words (the key
    points' own budget), so a long timeline does not simply reward long picks.
    """
    result = {}
    for fold, test in validation_folds(documents).items():
        train = [d for d in documents if d.text.source in sources and not _in_fold(d, fold)]
        weights = fit_documents(train, l2, position_prior=position_prior)
        result[fold] = score_documents([_capped(d, reference_words) for d in test], weights)
    return result


def _capped(document: LabelledDocument, words: int) -> LabelledDocument:
    kept: list[str] = []
    for reference in document.text.references:
        if kept and sum(len(r.split()) for r in kept) >= words:
            break
        kept.append(reference)
    text = TrainingText(document.text.source, document.text.doc_id, document.text.text, kept)
    return LabelledDocument(text, document.ordered, document.rows, document.labels)


def measure(path: Path, weights: list[float], limit: int | None = None) -> dict[str, dict[str, float]]:
    """ROUGE F1 of key points chosen with ``weights`` and of Lead-3 on a CNN/DM file (held-out data).

    The same path as ``digesthub eval summary`` for one-paragraph (CNN/DM) text: rank, rate, choose.
    """
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(summary.METRICS), use_stemmer=True)
    totals = {"keypoints": dict.fromkeys(summary.METRICS, 0.0), "lead-3": dict.fromkeys(summary.METRICS, 0.0)}
    count = 0
    for record in summary._records(path, limit):
        _record, ordered, _rows, _labels = summary._training_document(record)
        reference = "\n".join(record["highlights"])
        for system, chosen in (("keypoints", summary._chosen_texts(ordered, weights)),
                               ("lead-3", summary.lead3(record["article"]))):
            scores = scorer.score(reference, "\n".join(chosen))
            for metric in summary.METRICS:
                totals[system][metric] += scores[metric].fmeasure
        count += 1
    return {name: {m: v / max(1, count) for m, v in t.items()} for name, t in totals.items()}


def format_scores(label: str, scores: dict[str, dict[str, float]]) -> str:
    """One line: ours / Lead-3 / gain, in ROUGE points."""
    ours, lead = scores["keypoints"], scores["lead-3"]
    cells = [f"{m}: {100 * ours[m]:.2f} / {100 * lead[m]:.2f} / {100 * (ours[m] - lead[m]):+.2f}"
             for m in summary.METRICS]
    return f"{label:<22} " + "   ".join(cells)


# The candidates measured on CNN/DM (name, sources, l2, lead prior): each source and the pools at the
# plain fit's default L2, and the validated default. Nothing here was chosen by its CNN/DM figure.
REPORTED = (
    *((source, (source,), 30.0, False) for source in SOURCES),
    ("pooled", ("tempeval3", "conll2003", "ecbplus", "t17"), 30.0, False),
    ("ecbplus_topic+t17", ("ecbplus_topic", "t17"), 30.0, False),
    ("default", DEFAULT_SOURCES, L2, POSITION_PRIOR),
)


def main(argv: list[str] | None = None) -> None:
    """Validation (no CNN/DM) and CNN/DM figures of every reported candidate, then the default weights."""
    import argparse

    from digesthub.digester import keypoint_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cnndm", type=Path, default=None, help="CNN/DM JSONL to measure on (held out)")
    parser.add_argument("--limit", type=int, default=None, help="texts per source / CNN/DM records")
    args = parser.parse_args(argv)
    documents = labelled_documents(args.data, SOURCES, args.limit)
    print({s: sum(d.text.source == s for d in documents) for s in SOURCES}, "labelled documents")
    for fold, scores in validate(documents, DEFAULT_SOURCES).items():
        print(format_scores(f"validation {fold}", scores))
    if args.cnndm:
        for name, sources, l2, prior in REPORTED:
            weights = fit_documents([d for d in documents if d.text.source in sources], l2, position_prior=prior)
            print(format_scores(name, measure(args.cnndm, weights, args.limit)), flush=True)
        lead_only = [-1.0 if f == "log_rank" else 0.0 for f in keypoint_model.FEATURES]
        print(format_scores("lead-only (untrained)", measure(args.cnndm, lead_only, args.limit)))
    weights = fit_documents([d for d in documents if d.text.source in DEFAULT_SOURCES])
    print("default weights:", ", ".join(f"{f}={w:+.5f}" for f, w in zip(keypoint_model.FEATURES, weights)))


if __name__ == "__main__":
    main()
