"""``digesthub eval facts DATA``: typed facts against a hand-labelled set.

DATA is a JSONL file of labelled facts that hold references only (the article
text is not redistributed): ``dataset`` and ``doc`` name a record of
``<data root>/<dataset>/`` (``cnndm``: dev.jsonl.gz, lower-cased;
``tls_t17``: articles.jsonl.gz, cased; ``tempeval3``: dev_tbaq.jsonl.gz and
``ecbplus``: dev_and_train.jsonl.gz, both keyed by ``doc_id``; data root: ``$DIGESTHUB_DATA``, else
``/work/shared/data``), ``sentence`` the index of the sentence after splitting
the text on " . ", " ! ", " ? " (``tempeval3`` and ``ecbplus``: of the
paragraph, the text split on newlines with blank lines dropped), and ``kind``, ``subject``, ``value`` or
``amount`` + ``unit`` the expected fact (``|`` separates accepted spellings).
A record with ``kind`` null lists a document that states no fact.

Each document goes through :func:`digesthub.analyze.analyze` (one paragraph
per sentence). A predicted fact matches a labelled one when the kind is the
same, the amount is within 1% with the same unit (or the value matches
loosely), and the subject matches loosely; matching is one-to-one per
document. The baseline is the same extractor with every subject replaced by
the article's most salient organization (what subject attachment adds).
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import re
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from digesthub.analyze.facts.fallback import fallback_entities, needs_fallback
from digesthub.errors import DigesthubError, Errors
from digesthub.evaluate.report import EvalReport
from digesthub.types import Article, Fact, Paragraph

SENTENCE_SPLIT = re.compile(r"(?<= [.!?]) ")
AMOUNT_TOLERANCE = 0.01
FUZZY_MATCH = 85
_USER_UNITS = {"users": "total", "subscribers": "total", "customers": "total", "members": "total",
               "people": "employees"}


# Where each dataset keeps its articles: file under the data root, text field.
DATASETS = {"cnndm": ("dev.jsonl.gz", "article"), "tls_t17": ("articles.jsonl.gz", "text"),
            "tempeval3": ("dev_tbaq.jsonl.gz", "text"),
            "ecbplus": ("dev_and_train.jsonl.gz", "text")}
# Datasets whose text keeps its line breaks: one paragraph (WSJ) or sentence (ECB+) a line.
LINE_DATASETS = {"tempeval3", "ecbplus"}


def data_root() -> Path:
    """Where the datasets named in the labelled set live."""
    return Path(os.environ.get("DIGESTHUB_DATA", "/work/shared/data"))


# The kinds the shipped sets were labelled for (before schema 1.2 added "profit"). A set names its own
# in its comment record ({"_comment": ..., "kinds": [...]}); facts of other kinds go unscored, since
# the set does not say whether they are right.
LABELLED_KINDS = ("valuation", "funding", "revenue", "users", "employees", "founded", "founder", "ceo",
                  "headquarters", "investors", "launch")


def labelled_kinds(path: Path) -> frozenset[str]:
    """The fact kinds ``path`` was labelled for."""
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line) if line.strip() else {}
        if "_comment" in record and "kinds" in record:
            return frozenset(record["kinds"])
    return frozenset(LABELLED_KINDS)


def load_gold(path: Path) -> dict[tuple[str, str], list[dict]]:
    """Labelled facts grouped by (dataset, doc), in file order."""
    gold: dict[tuple[str, str], list[dict]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DigesthubError(Errors.E302, path=path, detail=str(exc)) from exc
    for line in lines:
        record = json.loads(line) if line.strip() else {}
        if "doc" not in record:
            continue  # comments and blank lines
        facts = gold.setdefault((record["dataset"], record["doc"]), [])
        if record.get("kind"):
            facts.append(record)
    if not gold:
        raise DigesthubError(Errors.E302, path=path, detail="no labelled facts")
    return gold


def load_texts(keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The article text of each (dataset, doc) from the data root."""
    texts: dict[tuple[str, str], str] = {}
    for dataset in sorted({d for d, _ in keys}):
        wanted = {doc for d, doc in keys if d == dataset}
        filename, field = DATASETS.get(dataset, ("dev.jsonl.gz", "article"))
        source = data_root() / dataset / filename
        if not source.exists():
            raise DigesthubError(Errors.E302, path=source, detail="dataset not found")
        with gzip.open(source, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                doc = record.get("id", record.get("doc_id"))
                if doc in wanted:
                    texts[(dataset, doc)] = record[field]
    return texts


def article_of(doc: str, text: str, dataset: str = "cnndm") -> Article:
    """The article of a corpus record: one paragraph per sentence (or per line)."""
    if dataset in LINE_DATASETS:
        sentences = [s.strip() for s in text.split("\n") if s.strip()]
    else:
        sentences = [s for s in SENTENCE_SPLIT.split(text) if s.strip()]
    return Article(id=doc, title=None,
                   paragraphs=[Paragraph(i, s) for i, s in enumerate(sentences, start=1)])


def _names(text: str) -> list[str]:
    return [re.sub(r"[^\w]+", " ", part.lower()).strip() for part in text.split("|")]


def loose_match(expected: str, found: str | None) -> bool:
    """Whether ``found`` names one of the ``|``-separated spellings of ``expected``."""
    if not found:
        return False
    got = _names(found)[0]
    return any(name and (name in got or got in name or fuzz.ratio(name, got) >= FUZZY_MATCH)
               for name in _names(expected))


def matches(gold: dict, fact: Fact) -> bool:
    """Whether predicted ``fact`` states labelled fact ``gold``."""
    if fact.kind != gold["kind"] or not loose_match(gold["subject"], fact.subject):
        return False
    if "amount" in gold:
        quantity = fact.quantity
        if quantity is None:
            return False
        unit = _USER_UNITS.get(quantity.unit, quantity.unit)
        return unit == gold["unit"] and abs(quantity.amount - gold["amount"]) <= (
            AMOUNT_TOLERANCE * gold["amount"])
    return loose_match(gold["value"], fact.value)


def count_matches(gold: list[dict], facts: list[Fact]) -> list[tuple[str, bool]]:
    """(kind, matched) for every labelled and predicted fact, matched one-to-one."""
    free = list(range(len(facts)))
    outcome: list[tuple[str, bool]] = []
    matched_facts: set[int] = set()
    for record in gold:
        hit = next((i for i in free if matches(record, facts[i])), None)
        if hit is not None:
            free.remove(hit)
            matched_facts.add(hit)
        outcome.append(("gold:" + record["kind"], hit is not None))
    outcome.extend(("pred:" + facts[i].kind, i in matched_facts) for i in range(len(facts)))
    return outcome


def _lead_subject(facts: list[Fact], subject: str | None) -> list[Fact]:
    if subject is None:
        return []
    return [dataclasses.replace(f, subject=subject) for f in facts]


def _scores(outcomes: list[tuple[str, bool]], kind: str | None) -> dict[str, float]:
    def pick(side: str) -> list[bool]:
        return [ok for label, ok in outcomes
                if label.startswith(side) and (kind is None or label == f"{side}{kind}")]
    gold, pred = pick("gold:"), pick("pred:")
    precision = sum(pred) / len(pred) if pred else 0.0
    recall = sum(gold) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "gold": float(len(gold)), "predicted": float(len(pred))}


def evaluate(path: Path, *, limit: int | None = None, progress: bool = False) -> EvalReport:
    """Precision, recall and F1 of extracted facts, overall and per kind."""
    from digesthub.analyze import analyze

    started = time.perf_counter()
    gold = load_gold(path)
    keys = list(gold)[:limit] if limit else list(gold)
    texts = load_texts(keys)
    kinds_labelled = labelled_kinds(path)
    unscored: dict[str, int] = defaultdict(int)
    outcomes: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    seconds = 0.0
    iterator = keys
    if progress:
        from tqdm import tqdm

        iterator = tqdm(keys, unit="article")
    for key in iterator:
        if key not in texts:
            raise DigesthubError(Errors.E302, path=path, detail=f"document {key[1]} not found")
        tick = time.perf_counter()
        annotated = analyze(article_of(key[1], texts[key], key[0]))
        seconds += time.perf_counter() - tick
        for fact in annotated.facts:
            if fact.kind not in kinds_labelled:
                unscored[fact.kind] += 1
        annotated.facts = [f for f in annotated.facts if f.kind in kinds_labelled]
        entities = (fallback_entities(annotated) if needs_fallback(annotated)
                    else annotated.entities)
        orgs = [e for e in entities if e.label == "ORG"]
        lead = max(orgs, key=lambda e: e.salience).name if orgs else None
        outcomes["extractor"] += count_matches(gold[key], annotated.facts)
        outcomes[f"extractor [{key[0]}]"] += count_matches(gold[key], annotated.facts)
        outcomes["baseline (lead org)"] += count_matches(gold[key],
                                                         _lead_subject(annotated.facts, lead))
    order = ["extractor", "baseline (lead org)", *(n for n in outcomes if n.startswith("extractor ["))]
    systems = {name: _scores(outcomes[name], None) for name in order}
    kinds = sorted({label.split(":")[1] for label, _ in outcomes["extractor"]})
    for kind in kinds:
        systems[f"  {kind}"] = _scores(outcomes["extractor"], kind)
    systems["extractor"]["seconds_per_article"] = seconds / max(len(keys), 1)
    return EvalReport(task="facts", data=str(path), systems=systems, documents=len(keys),
                      seconds=time.perf_counter() - started,
                      notes=["match: same kind, amount within 1% and same unit (or value loosely), "
                             "subject loosely; one-to-one per document",
                             "indented rows: the extractor per fact kind",
                             "seconds_per_article: the whole analyze() (spaCy parse included)",
                             "unscored (kinds this set was not labelled for): "
                             + (", ".join(f"{k} {n}" for k, n in sorted(unscored.items())) or "none")])
