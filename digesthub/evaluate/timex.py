"""TempEval-3 Task A: time expression extraction and normalization.

``digesthub eval timex DATA`` where DATA is a ``.jsonl(.gz)`` of TimeML documents
in the shared layout (``text``, ``dct.value``, ``timexes`` with
``start``/``end``/``type``/``value``). Each document is anchored at its creation
time (DCT). Scored as the TE3 scorer does: strict (exact span) and relaxed
(overlapping span, each gold matched at most once) precision/recall/F1; type and
value accuracy over the relaxed matches; ``value_f1`` = relaxed F1 x value
accuracy (TE3's ranking figure). Speed is words per second of ``tag_times``.
The baseline ("years_only") tags four-digit years and nothing else.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digesthub.analyze.times import tag_times
from digesthub.errors import DigesthubError, Errors
from digesthub.evaluate.report import EvalReport

Timex = tuple[int, int, str, str]  # start, end, type, value
Tagger = Callable[[str, dt.date | None], list[Timex]]


@dataclass
class Tally:
    """Counts of one system over a data set."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    words: int = 0
    seconds: float = 0.0
    by_type: Counter[str] = field(default_factory=Counter)

    def add(self, gold: list[Timex], predicted: list[Timex], misses: Counter[str] | None = None) -> None:
        """Score one document."""
        self.gold += len(gold)
        self.by_type.update(f"{g[2]} gold" for g in gold)
        self.predicted += len(predicted)
        gold_spans = {(g[0], g[1]) for g in gold}
        self.strict += sum((p[0], p[1]) in gold_spans for p in predicted)
        used: set[int] = set()
        for p in predicted:
            for index, g in enumerate(gold):
                if index not in used and p[0] < g[1] and g[0] < p[1]:
                    used.add(index)
                    self.relaxed += 1
                    self.type_ok += p[2] == g[2]
                    self.value_ok += p[3] == g[3]
                    self.by_type[f"{g[2]} matched"] += 1
                    self.by_type[f"{g[2]} value_ok"] += p[3] == g[3]
                    if misses is not None and p[3] != g[3]:
                        misses[f"value {g[2]}: gold {g[3]} got {p[3]}"] += 1
                    break

    def scores(self) -> dict[str, float]:
        """Metric name -> value."""
        def f1(hits: int) -> tuple[float, float, float]:
            precision = hits / self.predicted if self.predicted else 0.0
            recall = hits / self.gold if self.gold else 0.0
            return precision, recall, (2 * precision * recall / (precision + recall) if hits else 0.0)
        strict_p, strict_r, strict_f = f1(self.strict)
        relaxed_p, relaxed_r, relaxed_f = f1(self.relaxed)
        type_accuracy = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_accuracy = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {"strict_p": strict_p, "strict_r": strict_r, "strict_f1": strict_f,
                "relaxed_p": relaxed_p, "relaxed_r": relaxed_r, "relaxed_f1": relaxed_f,
                "type_acc": type_accuracy, "value_acc": value_accuracy,
                "type_f1": relaxed_f * type_accuracy, "value_f1": relaxed_f * value_accuracy,
                "words_per_s": self.words / self.seconds if self.seconds else 0.0}


def read_documents(path: Path) -> Iterator[dict[str, Any]]:
    """Documents of a ``.jsonl`` / ``.jsonl.gz`` file, or of every such file in a folder."""
    files = sorted(path.glob("*.jsonl*")) if path.is_dir() else [path]
    for file in files:
        opener = gzip.open if file.suffix == ".gz" else open
        try:
            with opener(file, "rt", encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        yield json.loads(line)
        except (OSError, json.JSONDecodeError) as error:
            raise DigesthubError(Errors.E302, path=file, detail=str(error)) from error


def document_anchor(document: dict[str, Any]) -> dt.date | None:
    """The creation date of a TimeML document (its DCT value, day part)."""
    value = (document.get("dct") or {}).get("value") or ""
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    return dt.date(int(match[1]), int(match[2]), int(match[3])) if match else None


def ours(text: str, anchor: dt.date | None) -> list[Timex]:
    """The temporal tagger's output as scorer tuples."""
    return [(t.start, t.end, t.type, t.value) for t in tag_times(text, anchor)]


def years_only(text: str, anchor: dt.date | None) -> list[Timex]:
    """Baseline: every free-standing four-digit year 1900-2099 is a DATE."""
    return [(m.start(), m.end(), "DATE", m[0]) for m in re.finditer(r"\b(?:19|20)\d\d\b", text)]


def _type_note(tally: Tally, kind: str) -> str:
    """Relaxed recall and value accuracy of one TIMEX3 type."""
    gold, matched, value_ok = (tally.by_type[f"{kind} {what}"] for what in ("gold", "matched", "value_ok"))
    recall = matched / gold if gold else 0.0
    accuracy = value_ok / matched if matched else 0.0
    return f"{kind}: {gold} gold, relaxed recall {recall:.3f}, value accuracy {accuracy:.3f}"


def evaluate(path: Path, *, limit: int | None = None, progress: bool = False) -> EvalReport:
    """Score the temporal tagger (and the years-only baseline) on the TimeML set at ``path``."""
    systems: dict[str, Tagger] = {"digesthub": ours, "years_only": years_only}
    tallies = {name: Tally() for name in systems}
    misses: Counter[str] = Counter()
    documents, started = 0, time.perf_counter()
    for document in read_documents(path):
        if limit is not None and documents >= limit:
            break
        documents += 1
        text, anchor = document["text"], document_anchor(document)
        gold = [(t["start"], t["end"], t["type"], t["value"]) for t in document.get("timexes", [])]
        for name, tagger in systems.items():
            began = time.perf_counter()
            predicted = tagger(text, anchor)
            tallies[name].seconds += time.perf_counter() - began
            tallies[name].words += len(text.split())
            tallies[name].add(gold, predicted, misses if name == "digesthub" else None)
    notes = [_type_note(tallies["digesthub"], kind) for kind in ("DATE", "TIME", "DURATION", "SET")]
    notes += [f"{count}x {miss}" for miss, count in misses.most_common(8)]
    return EvalReport("timex", str(path), {name: tally.scores() for name, tally in tallies.items()},
                      documents=documents, seconds=time.perf_counter() - started, notes=notes)


def score_halves(path: Path) -> dict[str, dict[str, float]]:
    """Scores of the tagger on the first and second half of the documents (file order) and on all.

    Tuning on one half and checking the other tells a general rule from one fitted to the dev set.
    """
    documents = list(read_documents(path))
    middle = (len(documents) + 1) // 2
    parts = {"A": documents[:middle], "B": documents[middle:], "all": documents}
    scores: dict[str, dict[str, float]] = {}
    for name, part in parts.items():
        tally = Tally()
        for document in part:
            gold = [(t["start"], t["end"], t["type"], t["value"]) for t in document.get("timexes", [])]
            began = time.perf_counter()
            predicted = ours(document["text"], document_anchor(document))
            tally.seconds += time.perf_counter() - began
            tally.words += len(document["text"].split())
            tally.add(gold, predicted)
        scores[name] = tally.scores()
    return scores


if __name__ == "__main__":  # python -m digesthub.evaluate.timex DATA: half A, half B, all
    import sys

    for half, figures in score_halves(Path(sys.argv[1])).items():
        print(f"{half:3s} " + " ".join(f"{key} {figures[key]:.4f}" for key in
                                       ("strict_f1", "relaxed_f1", "type_acc", "value_acc", "value_f1")))
