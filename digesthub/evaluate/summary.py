"""``digesthub eval summary DATA``: key points vs. reference highlights (CNN/DailyMail).

DATA is a JSONL file (optionally gzipped) of records with ``article`` (text,
possibly lower-cased and PTB-tokenized as in the See et al. release) and
``highlights`` (a list of bullets). For every record the article goes through
the product's own path (ingest's text reader, the sentence splitting the digest
uses for such text, :func:`select_key_points`) and the key points are scored
with ROUGE-1/2/Lsum F1 (``rouge-score``, Porter stemming; bullets joined by
newlines) against the highlights. Lead-3 (the first three sentences, split on
" . ", " ! ", " ? " as in the data's README) is scored in the same run.

:func:`train_key_point_model` refits :data:`digesthub.digester.keypoint_model.WEIGHTS`
from such a file and reports out-of-fold scores::

    from digesthub.evaluate.summary import train_key_point_model
    weights, report, _ = train_key_point_model(Path("../shared/data/cnndm/dev.jsonl.gz"))
    print(report.to_text(), weights)
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

from rouge_score import rouge_scorer

from digesthub.digester.keypoints import KeyPointSettings, select_key_points
from digesthub.errors import DigesthubError, Errors, InputError
from digesthub.evaluate.report import EvalReport
from digesthub.ingest.text import article_from_text
from digesthub.types import AnnotatedArticle, Article, Paragraph

METRICS = ("rouge1", "rouge2", "rougeLsum")
_LEAD_SPLIT = re.compile(r"(?<= [.!?]) ")


def evaluate(path: Path, *, limit: int | None = None, progress: bool = False,
             settings: KeyPointSettings | None = None) -> EvalReport:
    """ROUGE F1 of our key points and of Lead-3 against the highlights in ``path``."""
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals = {"keypoints": dict.fromkeys(METRICS, 0.0), "lead-3": dict.fromkeys(METRICS, 0.0)}
    lengths = {"keypoints": 0, "lead-3": 0}
    ours_seconds, count, started = 0.0, 0, time.perf_counter()
    records = _records(path, limit)
    if progress:
        from tqdm import tqdm

        records = tqdm(records, total=limit, unit="article")
    for record in records:
        reference = "\n".join(record["highlights"])
        tick = time.perf_counter()
        ours = key_points_for(record["article"], record.get("id", str(count)), settings)
        ours_seconds += time.perf_counter() - tick
        for system, summary in (("keypoints", ours), ("lead-3", lead3(record["article"]))):
            scores = scorer.score(reference, "\n".join(summary))
            for metric in METRICS:
                totals[system][metric] += scores[metric].fmeasure
            lengths[system] += sum(len(s.split()) for s in summary)
        count += 1
    if not count:
        raise DigesthubError(Errors.E302, path=path, detail="no records with article and highlights")
    systems = {name: {m: v / count for m, v in scores.items()} for name, scores in totals.items()}
    for name in systems:
        systems[name]["words"] = lengths[name] / count
    systems["keypoints"]["seconds_per_article"] = ours_seconds / count
    return EvalReport(task="summary", data=str(path), systems=systems, documents=count,
                      seconds=time.perf_counter() - started,
                      notes=["ROUGE F1 (rouge-score, stemming; rougeLsum over newline-joined bullets)",
                             "key points: ingest text reader + select_key_points, offline, CPU",
                             "key-point model fitted on the CNN/DM dev file: when DATA is that file these figures "
                             "are in-sample; train_key_point_model gives the out-of-fold ones"])


def key_points_for(text: str, record_id: str, settings: KeyPointSettings | None = None) -> list[str]:
    """The key points the product gives for article ``text`` (as strings)."""
    article = _article(text, record_id)
    # The key-point path re-splits tokenized text itself; the spaCy layers
    # (entities, times, facts) play no part in key points, so they are skipped here.
    annotated = AnnotatedArticle(article, sentences=[], mentions=[], entities=[], times=[], facts=[])
    points = select_key_points(annotated, settings=settings) if settings else select_key_points(annotated)
    return [point.text for point in points]


def lead3(text: str) -> list[str]:
    """The first three sentences, split as the CNN/DailyMail README's recomputation does."""
    return [s.strip() for s in _LEAD_SPLIT.split(text.strip()) if s.strip()][:3]


def _article(text: str, record_id: str) -> Article:
    try:
        return article_from_text(text, source_name=record_id, record_id=record_id)
    except InputError:
        # Too short for ingest's floor: score it anyway, as one paragraph.
        return Article(id=record_id, title=None, paragraphs=[Paragraph(1, text.strip())])


def _records(path: Path, limit: int | None) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for index, line in enumerate(handle):
                if limit is not None and index >= limit:
                    return
                if line.strip():
                    record = json.loads(line)
                    if record.get("article") and record.get("highlights"):
                        yield record
    except (OSError, json.JSONDecodeError) as exc:
        raise DigesthubError(Errors.E302, path=path, detail=str(exc)) from exc


# --------------------------------------------------------------------------- training

def train_key_point_model(path: Path, *, folds: int = 5, limit: int | None = None,
                          l2: float = 30.0) -> tuple[list[float], EvalReport, list[dict[str, float]]]:
    """Fit :mod:`keypoint_model` on all of ``path`` and measure it out of fold.

    Records go to ``folds`` interleaved folds; each fold's key points come from
    weights fitted on the other folds, so the report (and the per-record
    scores, in file order) never scores a record the weights were fitted on.
    The returned weights are fitted on every record (for :data:`WEIGHTS`).
    This trains ON the file it is given; for weights trained on other news
    only (CNN/DM then held out), see :mod:`digesthub.evaluate.keypoint_training`.
    """
    from digesthub.digester import keypoint_model

    documents = [_training_document(record) for record in _records(path, limit)]
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    per_record: list[dict[str, float]] = [{} for _ in documents]
    for fold in range(folds):
        train = [d for i, d in enumerate(documents) if i % folds != fold]
        weights = keypoint_model.fit([r for d in train for r in d[2]], [y for d in train for y in d[3]], l2=l2)
        for index in range(fold, len(documents), folds):
            record, ordered, _rows, _labels = documents[index]
            ours = _chosen_texts(ordered, weights)
            reference = "\n".join(record["highlights"])
            for system, summary in (("keypoints", ours), ("lead-3", lead3(record["article"]))):
                scores = scorer.score(reference, "\n".join(summary))
                per_record[index].update({f"{system}/{m}": scores[m].fmeasure for m in METRICS})
                per_record[index][f"{system}/words"] = sum(len(s.split()) for s in summary)
    systems = {name: {key.split("/")[1]: sum(r[key] for r in per_record) / len(per_record)
                      for key in per_record[0] if key.startswith(name + "/")} for name in ("keypoints", "lead-3")}
    report = EvalReport(task="summary (key-point model, out of fold)", data=str(path), systems=systems,
                        documents=len(documents), notes=[f"{folds}-fold cross-validation, interleaved folds"])
    final = keypoint_model.fit([r for d in documents for r in d[2]], [y for d in documents for y in d[3]], l2=l2)
    return final, report, per_record


def _training_document(record: dict) -> tuple[dict, list, list[list[float]], list[float]]:
    """(record, candidates in article order, their feature rows, their oracle labels)."""
    from digesthub.digester.keypoints import feature_rows, rank_candidates

    article = _article(record["article"], record.get("id", "?"))
    annotated = AnnotatedArticle(article, sentences=[], mentions=[], entities=[], times=[], facts=[])
    ordered, rows = feature_rows(rank_candidates(annotated))
    return record, ordered, rows, oracle_labels([c.text for c in ordered], record["highlights"])


def _chosen_texts(ordered: list, weights: list[float]) -> list[str]:
    from digesthub.digester.keypoints import DEFAULTS, choose, rate_with_model

    chosen = choose(rate_with_model(list(ordered), weights), None, DEFAULTS)
    return [c.text for c in sorted(chosen, key=lambda c: c.sentence.start)]


def oracle_labels(sentences: list[str], highlights: list[str], *, size: int = 3) -> list[float]:
    """1.0 for the sentences a greedy ROUGE-1+2 F1 oracle picks (up to ``size``), else 0.0."""
    from collections import Counter

    from rouge_score.tokenizers import DefaultTokenizer

    tokenizer = DefaultTokenizer(use_stemmer=True)
    reference = [t for h in highlights for t in tokenizer.tokenize(h)]
    ref1, ref2 = Counter(reference), Counter(zip(reference, reference[1:]))
    tokens = [tokenizer.tokenize(s) for s in sentences]

    def value(picked: list[int]) -> float:
        joined = [t for i in sorted(picked) for t in tokens[i]]
        total = 0.0
        for ours, theirs in ((Counter(joined), ref1), (Counter(zip(joined, joined[1:])), ref2)):
            hit = sum((ours & theirs).values())
            if hit:
                p, r = hit / sum(ours.values()), hit / sum(theirs.values())
                total += 2 * p * r / (p + r)
        return total

    picked: list[int] = []
    best = 0.0
    while len(picked) < size:
        options = [(value(picked + [i]), i) for i in range(len(sentences)) if i not in picked]
        if not options or max(options)[0] <= best:
            break
        best, choice = max(options)
        picked.append(choice)
    return [1.0 if i in picked else 0.0 for i in range(len(sentences))]
