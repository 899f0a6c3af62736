"""Coreference scores: MUC, B³, CEAF-e and the CoNLL F1, as the CoNLL scorer defines them.

Clusters are sets of hashable mention ids. With key (gold) clusters K and
response (predicted) clusters R:

- MUC (Vilain et al. 1995), link based: recall = Σ_k (|k| − p(k)) / Σ_k (|k| − 1),
  where p(k) is the number of pieces the response cuts k into (a mention the
  response lacks is a piece of its own); precision swaps K and R.
- B³ (Bagga & Baldwin 1998), mention based: for each mention m, precision
  |K(m) ∩ R(m)| / |R(m)| and recall |K(m) ∩ R(m)| / |K(m)|, averaged over mentions.
- CEAF-e (Luo 2005), entity based: φ4(k, r) = 2|k ∩ r| / (|k| + |r|); the best
  one-to-one alignment g* of key to response clusters (Hungarian algorithm)
  gives recall = Σ φ4 / |K| and precision = Σ φ4 / |R|.
- CoNLL F1 = the mean of the three F1 scores.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

Cluster = frozenset[Hashable]


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float, float]:
    """(recall, precision, F1) of the MUC link-based score."""
    recall = _muc_recall(key, response)
    precision = _muc_recall(response, key)
    return recall, precision, f1(precision, recall)


def _muc_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    where = {m: i for i, cluster in enumerate(response) for m in cluster}
    numerator = denominator = 0
    for cluster in key:
        pieces = {where.get(m, ("alone", m)) for m in cluster}
        numerator += len(cluster) - len(pieces)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float, float]:
    """(recall, precision, F1) of B³."""
    recall = _b3_recall(key, response)
    precision = _b3_recall(response, key)
    return recall, precision, f1(precision, recall)


def _b3_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    where = {m: cluster for cluster in response for m in cluster}
    total = count = 0.0
    for cluster in key:
        for m in cluster:
            total += len(cluster & where.get(m, frozenset())) / len(cluster)
            count += 1
    return total / count if count else 0.0


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float, float]:
    """(recall, precision, F1) of the entity-based CEAF (φ4)."""
    if not key or not response:
        return 0.0, 0.0, 0.0
    index = {m: j for j, cluster in enumerate(response) for m in cluster}
    similarity: dict[int, dict[int, float]] = {}
    for i, k in enumerate(key):
        row = similarity.setdefault(i, {})
        for j in {index[m] for m in k if m in index}:
            row[j] = 2 * len(k & response[j]) / (len(k) + len(response[j]))
    best = 0.0
    # Only clusters sharing mentions have a nonzero φ4, so the optimal alignment
    # is the union of the optimal alignments of the connected pieces: O(n³) per piece.
    for rows, cols in _components(similarity):
        weights = [[similarity[i].get(j, 0.0) for j in cols] for i in rows]
        best += sum(weights[a][b] for a, b in max_assignment(weights))
    recall, precision = best / len(key), best / len(response)
    return recall, precision, f1(precision, recall)


def _components(similarity: dict[int, dict[int, float]]) -> list[tuple[list[int], list[int]]]:
    """Connected pieces of the key-response graph whose edges are shared mentions."""
    by_col: dict[int, list[int]] = {}
    for i, row in similarity.items():
        for j in row:
            by_col.setdefault(j, []).append(i)
    seen_rows: set[int] = set()
    pieces = []
    for start, row in similarity.items():
        if start in seen_rows or not row:
            continue
        rows, cols, stack = {start}, set(), [start]
        while stack:
            for j in similarity[stack.pop()]:
                if j not in cols:
                    cols.add(j)
                    fresh = [i for i in by_col[j] if i not in rows]
                    rows.update(fresh)
                    stack.extend(fresh)
        seen_rows |= rows
        pieces.append((sorted(rows), sorted(cols)))
    return pieces


def max_assignment(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Row-column pairs of a maximum-weight one-to-one assignment (Hungarian, O(n³))."""
    rows, cols = len(weights), len(weights[0]) if weights else 0
    n = max(rows, cols)
    top = max((w for row in weights for w in row), default=0.0)
    cost = [[top - (weights[i][j] if i < rows and j < cols else 0.0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u, v, match, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j], way[j] = current, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return [(match[j] - 1, j - 1) for j in range(1, n + 1)
            if match[j] and match[j] - 1 < rows and j - 1 < cols]


def conll_scores(key: Sequence[Cluster], response: Sequence[Cluster]) -> dict[str, float]:
    """Every metric's recall, precision and F1, plus the CoNLL F1."""
    scores: dict[str, float] = {}
    f1s = []
    for name, metric in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        recall, precision, f = metric(key, response)
        scores.update({f"{name}_r": recall, f"{name}_p": precision, f"{name}_f1": f})
        f1s.append(f)
    scores["conll_f1"] = sum(f1s) / 3
    return scores
