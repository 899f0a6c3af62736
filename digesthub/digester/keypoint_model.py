"""A tiny linear model that rates how likely a sentence is to be a key point.

Each candidate sentence gets a few general features: its position (lead
bias, in bins), its centrality (the key-point heuristic score and its parts),
its length, whether it is a quotation or attributes someone's words, whether
it opens with a pronoun or connective (it leans on a sentence before it), and
how much it repeats the article's opening. The model is a logistic regression
over these features (:func:`fit`), trained to predict the sentences of a
greedy ROUGE oracle (the 1-3 sentences that together best match a publisher's
highlights). :data:`WEIGHTS` were fitted on the CNN/DailyMail dev file (the
only labelled news summaries we have, 2,000 records); the figures we report
for it are out-of-fold (5-fold cross-validation), never in-sample.

Scoring is plain Python (a dot product); only :func:`fit` needs numpy.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from digesthub.digester import scoring

FEATURES = (
    "bias", "rank0", "rank1", "rank2", "rank3", "rank4", "rank5", "rank6_9", "log_rank", "relative_rank",
    "centrality", "keywords", "forward", "first_similarity", "length", "length_sq", "short",
    "quote_open", "quote_inside", "log_sentences", "compressed", "heuristic", "first_usable",
    "first_three_usable", "pronoun_start", "connective_start", "attribution", "digits",
    "first_person", "lead_similarity",
)

_PRONOUN_START = ("he ", "she ", "they ", "it ")
_CONNECTIVE_START = ("but ", "and ", "this ", "that ", "these ")
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|added)\b")
_FIRST_PERSON = re.compile(r"\b(?:i|we|you|my|our)\b")
_QUOTE_MARKS = re.compile(r"``|''|[\"“”]")


def sentence_features(index: int, rank: int, count: int, text: str, original_words: int,
                      parts: dict[str, float], lead_similarity: float) -> list[float]:
    """The feature row of one candidate (order: :data:`FEATURES`).

    ``index`` counts usable candidates, ``rank`` article prose sentences;
    ``parts`` holds the heuristic's signals (centrality, keywords, forward,
    first_similarity, heuristic).
    """
    words = len(text.split())
    lower = scoring.unescape_ptb(text).lower()
    length = words / 30
    return [
        1.0, *(float(rank == b) for b in range(6)), float(6 <= rank < 10), math.log1p(rank), rank / count,
        parts["centrality"], parts["keywords"], parts["forward"], parts["first_similarity"],
        length, length * length, float(words < 12),
        float(text.lstrip().startswith(('"', "“", "``", "'", "‘"))), float(bool(_QUOTE_MARKS.search(text))),
        math.log(count), float(original_words > words), parts["heuristic"], float(index == 0), float(index < 3),
        float(lower.startswith(_PRONOUN_START)), float(lower.startswith(_CONNECTIVE_START)),
        float(bool(_ATTRIBUTION.search(lower))), float(bool(re.search(r"\d", lower))),
        float(bool(_FIRST_PERSON.search(lower))), lead_similarity,
    ]


def probability_logit(row: Sequence[float], weights: Sequence[float] | None = None) -> float:
    """The model's logit for a feature row (higher: more likely a key point)."""
    return sum(w * x for w, x in zip(weights or WEIGHTS, row))


def fit(rows: list[list[float]], labels: list[float], *, l2: float = 30.0, iterations: int = 15,
        prior: Sequence[float] | None = None) -> list[float]:
    """Logistic-regression weights (Newton steps, L2 on standardized features) in raw feature units.

    The L2 penalty pulls the weights toward ``prior`` (raw units; zero when
    None): with a large ``l2`` the fit stays near the prior and only the
    corrections the data supports strongly survive.
    """
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels, dtype=float)
    mean, spread = x[:, 1:].mean(0), x[:, 1:].std(0) + 1e-9
    z = np.hstack([x[:, :1], (x[:, 1:] - mean) / spread])
    w0 = np.zeros(z.shape[1])
    if prior is not None:  # the prior in standardized units
        scaled = np.asarray(prior[1:], dtype=float) * spread
        w0 = np.concatenate([[prior[0] + (np.asarray(prior[1:]) * mean).sum()], scaled])
    w = w0.copy()
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + l2 * (w - w0)
        hessian = (z * (p * (1 - p))[:, None]).T @ z + l2 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    raw = w[1:] / spread  # fold the standardization into the weights
    return [float(w[0] - (raw * mean).sum()), *(float(v) for v in raw)]


# Fitted by digesthub.evaluate.summary.train_key_point_model on the CNN/DM dev file (see module docstring).
# Weights trained on other news only (digesthub.evaluate.keypoint_training: TempEval-3, CoNLL-2003, ECB+,
# Timeline17 with headline/timeline oracle labels) did not beat Lead-3 on that file by the margin
# (best +0.54 R-1 / +0.21 R-2, no better than lead order alone), so they do not replace these.
WEIGHTS: tuple[float, ...] = (
    -2.23425,  # bias
    -0.42611,  # rank0
    +0.24946,  # rank1
    +0.20014,  # rank2
    +0.42274,  # rank3
    +0.31940,  # rank4
    +0.16077,  # rank5
    +0.13101,  # rank6_9
    -0.71432,  # log_rank
    +0.07322,  # relative_rank
    +5.49769,  # centrality
    +0.09532,  # keywords
    +0.08879,  # forward
    +0.36626,  # first_similarity
    -1.05399,  # length
    +0.07492,  # length_sq
    -0.13272,  # short
    -0.34545,  # quote_open
    -0.22111,  # quote_inside
    +0.17266,  # log_sentences
    +0.17719,  # compressed
    -0.13076,  # heuristic
    -0.59877,  # first_usable
    +0.18247,  # first_three_usable
    -0.15981,  # pronoun_start
    -0.28769,  # connective_start
    -0.00129,  # attribution
    +0.19095,  # digits
    -0.66586,  # first_person
    +0.70045,  # lead_similarity
)
