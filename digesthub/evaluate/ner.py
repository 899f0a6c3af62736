"""Named-entity recognition scored against CoNLL-format gold data.

``digesthub eval ner DATA`` where DATA is a ``.jsonl.gz`` / ``.jsonl`` file in
the shared layout (``text``: sentences one a line, tokens joined by spaces;
``sentences[i].tokens``; ``entities``: ``{sent, start, end, type}``) or a
folder holding such files (e.g. ``conll2003/dev_testa.jsonl.gz``,
``sec_filings_ner/``).

Entity-level micro precision / recall / F1 with exact span and type match
(conlleval). Our spaCy-scheme labels are mapped to the four CoNLL types:

=============================================  =====
PERSON                                          PER
ORG                                             ORG
GPE, LOC, FAC                                   LOC
NORP, PRODUCT, EVENT, WORK_OF_ART, LAW,         MISC
LANGUAGE
DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL,  (dropped)
CARDINAL
=============================================  =====

Each document's text is parsed once; the baseline system ("spacy") is the
plain model's entities on that parse, ours ("digesthub") the recognizer's
rules on the same parse. Predicted character spans are mapped to the gold
tokens (a span covers the tokens it overlaps). Speed is words per second, the
baseline timed on the parse alone and ours on parse plus rules.
"""

from __future__ import annotations

import gzip
import json
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from digesthub.analyze.entities.recognize import mentions_in
from digesthub.analyze.nlp import get_nlp
from digesthub.errors import DigesthubError, Errors
from digesthub.evaluate.report import EvalReport

LABEL_MAP: dict[str, str] = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "PRODUCT": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC",
}

Entity = tuple[int, int, str]  # first token, end token (exclusive), CoNLL type


@dataclass
class _Tally:
    """Counts for one system: true positives, predictions, gold entities, seconds."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0
    seconds: float = 0.0
    per_type: dict[str, list[int]] = field(default_factory=dict)

    def add(self, predicted: set[Entity], gold: set[Entity]) -> None:
        self.tp += len(predicted & gold)
        self.predicted += len(predicted)
        self.gold += len(gold)
        for kind in {e[2] for e in predicted | gold}:
            row = self.per_type.setdefault(kind, [0, 0, 0])
            row[0] += len({e for e in predicted & gold if e[2] == kind})
            row[1] += len({e for e in predicted if e[2] == kind})
            row[2] += len({e for e in gold if e[2] == kind})

    def scores(self, words: int) -> dict[str, float]:
        precision, recall, f1 = _prf(self.tp, self.predicted, self.gold)
        result = {"precision": precision, "recall": recall, "f1": f1}
        for kind in sorted(self.per_type):
            result[f"f1_{kind}"] = _prf(*self.per_type[kind])[2]
        result["words_per_s"] = float(round(words / self.seconds)) if self.seconds else 0.0
        return result


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(path: Path, *, limit: int | None = None, progress: bool = False) -> EvalReport:
    """Score the baseline model and our recognizer on the gold documents at ``path``."""
    nlp = get_nlp()
    baseline, ours = _Tally(), _Tally()
    documents = words = 0
    started = time.perf_counter()
    for record in _records(path, limit, progress):
        tokens, offsets, gold = _gold(record)
        began = time.perf_counter()
        doc = nlp(record["text"])
        parsed = time.perf_counter()
        predicted = _our_spans(doc)
        finished = time.perf_counter()
        baseline.seconds += parsed - began
        ours.seconds += finished - began
        plain = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        baseline.add(_to_tokens(plain, offsets), gold)
        ours.add(_to_tokens(predicted, offsets), gold)
        documents += 1
        words += len(tokens)
    return EvalReport(
        task="ner", data=str(path),
        systems={"spacy (baseline)": baseline.scores(words), "digesthub": ours.scores(words)},
        documents=documents, seconds=time.perf_counter() - started,
        notes=[f"{words} words; entity-level exact span+type micro P/R/F1, labels mapped to PER/ORG/LOC/MISC"],
    )


def _our_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Our mentions on an existing parse (what find_entities returns for its text)."""
    return [(m.start, m.end, m.label) for m in mentions_in(doc)]


def _records(path: Path, limit: int | None, progress: bool) -> Iterator[dict[str, Any]]:
    files = sorted(path.glob("*.jsonl*")) if path.is_dir() else [path]
    if not files:
        raise DigesthubError(Errors.E302, path=path, detail="no .jsonl or .jsonl.gz files")
    count = 0
    for file in files:
        opener = gzip.open if file.suffix == ".gz" else open
        try:
            with opener(file, "rt", encoding="utf-8") as handle:
                lines = [line for line in handle if line.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            raise DigesthubError(Errors.E302, path=file, detail=str(exc)) from exc
        if progress:
            from tqdm import tqdm

            lines = tqdm(lines, desc=file.name, unit="doc")
        for line in lines:
            if limit is not None and count >= limit:
                return
            count += 1
            yield json.loads(line)


def _gold(record: dict[str, Any]) -> tuple[list[str], list[tuple[int, int]], set[Entity]]:
    """Tokens, their character offsets in ``text``, and gold entities as global token spans."""
    text: str = record["text"]
    tokens: list[str] = []
    offsets: list[tuple[int, int]] = []
    sentence_base: list[int] = []
    position = 0
    for sentence in record["sentences"]:
        sentence_base.append(len(tokens))
        for token in sentence["tokens"]:
            start = text.find(token, position)
            if start < 0:  # should not happen with the shared layout; keep alignment going
                start = position
            offsets.append((start, start + len(token)))
            tokens.append(token)
            position = start + len(token)
    gold = {
        (sentence_base[e["sent"]] + e["start"], sentence_base[e["sent"]] + e["end"], e["type"])
        for e in record["entities"]
    }
    return tokens, offsets, gold


def _to_tokens(spans: list[tuple[int, int, str]], offsets: list[tuple[int, int]]) -> set[Entity]:
    """Map character spans with spaCy labels to gold token spans with CoNLL types."""
    starts = [start for start, _ in offsets]
    ends = [end for _, end in offsets]
    result: set[Entity] = set()
    for start, end, label in spans:
        kind = LABEL_MAP.get(label)
        if kind is None:
            continue
        first = bisect_right(ends, start)  # first token ending after the span starts
        last = bisect_left(starts, end)    # tokens starting before the span ends
        if first < last:
            result.add((first, last, kind))
    return result
