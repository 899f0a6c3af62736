"""Timeline summarization on Timeline17 (``digesthub eval tls DATA``).

DATA is a folder with ``articles.jsonl.gz`` and ``timelines.jsonl.gz`` (see its
README). For each gold timeline, the articles of its collection go through
:func:`build_timeline` with ``l`` = the number of gold dates and ``k`` = the
mean number of gold sentences per date, rounded (news-tls §5); as in news-tls,
only dates between the first and last gold date are eligible and only single
days are predicted. The PUBCOUNT baseline runs in the same pass: the ``l``
days on which most articles were published, each summarized by the first
``k`` sentences of the first article published that day.

Metrics (each averaged over timelines as news-tls does: precision and recall
are averaged, F1 is computed from the averages):

* **Date-F1**: predicted days vs gold days, exact match.
* **AR1-F / AR2-F**: alignment-based ROUGE-1/-2, "align+ m:1" of Martschat &
  Markert (2017), as tilse computes it. Each predicted date p is aligned to the
  gold date r minimizing ``(1 - 1/(|p-r|+1)) * (1 - R1approx(p, r))``, where
  R1approx is the unigram F1 of the raw lowercased words of the two daily
  summaries; precision = sum over predicted dates of ``h(p, r) / (|p-r|+1)``
  divided by the sum of the predicted n-gram counts; recall aligns each gold
  date to a predicted date the same way and divides by the gold n-gram
  counts. ``h`` is the clipped n-gram overlap of ROUGE-N.
* **R1-F / R2-F (concat)**: ROUGE-N of all predicted sentences against all gold
  sentences.

ROUGE here follows ROUGE-1.5.5 with ``-m -s`` as tilse calls it: lowercased,
non-alphanumerics dropped, stop words removed (spaCy's English list stands in
for ROUGE's SMART list), Porter stemming of words over three letters, n-grams
over each daily summary's whole word sequence. It is a re-implementation, not
the Perl script; figures are close to, not identical with, tilse's.

The data copy is PTB-tokenized; articles are detokenized minimally (brackets,
quotes, clitics, spaces before punctuation) before dating and splitting.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from digesthub.errors import DigesthubError, Errors
from digesthub.evaluate.report import EvalReport
from digesthub.types import Article, Paragraph

# A timeline as the metrics see it: day -> summary sentences.
Daily = dict[dt.date, list[str]]

_PTB = [(r"-LRB-", "("), (r"-RRB-", ")"), (r"-LSB-", "["), (r"-RSB-", "]"), (r"-LCB-", "{"),
        (r"-RCB-", "}"), (r"``\s*", "\""), (r"\s*''", "\""), (r"`\s*", "'"),
        (r"\(\s+", "("), (r"\s+\)", ")"), (r"\s+([.,;:!?%])", r"\1"),
        (r"\s+('s|'re|'ve|'ll|'d|'m|n't)\b", r"\1"), (r"\$\s+(?=\d)", "$"), (r"\s{2,}", " ")]


def detokenize(text: str) -> str:
    """Undo the PTB tokenization of the data copy where it matters for reading and dating."""
    for pattern, replacement in _PTB:
        text = re.sub(pattern, replacement, text)
    return text.strip()


@dataclass
class GoldTimeline:
    """One gold timeline and the collection of articles it summarizes."""

    name: str
    collection: str
    daily: Daily


def load(path: Path) -> tuple[dict[str, list[Article]], list[GoldTimeline]]:
    """Articles per collection and the gold timelines of the T17 folder ``path``."""
    files = [path / "articles.jsonl.gz", path / "timelines.jsonl.gz"]
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        raise DigesthubError(Errors.E302, path=path, detail="missing " + ", ".join(missing))
    articles: dict[str, list[Article]] = defaultdict(list)
    for record in _records(files[0]):
        text = detokenize(record["text"])
        published = dt.date.fromisoformat(record["pub_date"])
        articles[record["collection"]].append(Article(record["id"], None, [Paragraph(1, text)], published))
    gold = [GoldTimeline(r["timeline_id"], r["collection"], _daily(r["entries"])) for r in _records(files[1])]
    return articles, gold


def _daily(entries: list[dict]) -> Daily:
    """Gold entries by day; a day listed twice keeps the sentences of both."""
    daily: Daily = defaultdict(list)
    for entry in entries:
        daily[dt.date.fromisoformat(entry["date"])].extend(entry["sentences"])
    return dict(daily)


def _records(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(path: Path, *, limit: int | None = None, progress: bool = False) -> EvalReport:
    """Score DIGESTHUB (build_timeline) and PUBCOUNT on the gold timelines in ``path``.

    Each runs twice: on the whole collection, and ("no gold copy") without the
    articles that reprint the gold timeline itself (over half of its sentences
    verbatim), which this copy of T17 contains.
    """
    started = time.perf_counter()
    articles, gold = load(path)
    gold = gold[:limit] if limit else gold
    results: dict[str, list[dict[str, float]]] = defaultdict(list)
    seconds: list[tuple[float, float]] = []
    _warm_up()
    notes = ["T17 dev copy is PTB-tokenized (detokenized minimally before dating); unit = publisher "
             "collection; dates limited to the gold span as in news-tls",
             "published DATEWISE on full T17 (untokenized, topics merged): Date-F1 0.544, AR1-F 0.120, AR2-F 0.035"]
    for timeline in gold:
        pool = articles[timeline.collection]
        clean = [a for a in pool if not reprints(a, timeline)]
        for suffix, subset in (("", pool), (" (no gold copy)", clean)):
            ours, base, spent = _run_one(subset, timeline)
            results["digesthub" + suffix].append(ours)
            results["pubcount" + suffix].append(base)
            seconds.append(spent)
            row = _average([ours])
            notes.append(f"{timeline.name}{suffix}: {len(subset)} articles, Date-F1 {row['Date-F1']:.3f}, "
                         f"AR1-F {row['AR1-F']:.3f}, AR2-F {row['AR2-F']:.3f}, {spent[0]:.2f} s "
                         f"({spent[1]:.2f} s CPU)")
    systems = {name: _average(rows) for name, rows in results.items()}
    systems["digesthub"]["seconds_per_topic"] = sum(w for w, _ in seconds) / max(len(seconds), 1)
    systems["digesthub"]["cpu_seconds_per_topic"] = sum(c for _, c in seconds) / max(len(seconds), 1)
    return EvalReport("tls", str(path), systems, documents=sum(len(articles[g.collection]) for g in gold),
                      seconds=time.perf_counter() - started, notes=notes)


def _run_one(pool: Sequence[Article], timeline: GoldTimeline
             ) -> tuple[dict[str, float], dict[str, float], tuple[float, float]]:
    """Scores of build_timeline and PUBCOUNT on one collection, and build_timeline's (wall, CPU) seconds."""
    from digesthub.digester.timeline import build_timeline

    l, k = len(timeline.daily), round(sum(map(len, timeline.daily.values())) / len(timeline.daily))
    first, last = min(timeline.daily), max(timeline.daily)
    clock, cpu = time.perf_counter(), time.process_time()
    built = build_timeline(pool, max_dates=l, sentences_per_date=k, start=first, end=last, days_only=True)
    spent = (time.perf_counter() - clock, time.process_time() - cpu)
    from digesthub.digester.timeline import entry_sentences

    ours = {e.date.first_day: entry_sentences(e.text) for e in built.entries if e.date.first_day}
    return score(ours, timeline.daily), score(pubcount(pool, l, k, first, last), timeline.daily), spent


def _warm_up() -> None:
    """Load the tagger and word lists once, so that per-topic seconds do not include imports."""
    from digesthub.digester.timeline import build_timeline

    day = dt.date(2001, 1, 1)
    build_timeline([Article("warm-up", None, [Paragraph(1, "Nothing happened on Monday, 1 January 2001.")], day)])


def reprints(article: Article, timeline: GoldTimeline) -> bool:
    """True when ``article`` holds over half of the gold timeline's sentences verbatim."""
    sentences = [detokenize(s) for day in timeline.daily.values() for s in day]
    text = article.text
    return sum(s in text for s in sentences) > len(sentences) / 2


def pubcount(articles: Sequence[Article], l: int, k: int, first: dt.date, last: dt.date) -> Daily:
    """PUBCOUNT: the ``l`` days with most articles, each told by the lead of its first article."""
    from digesthub.digester.timeline_events import rule_sentences

    by_day: dict[dt.date, list[Article]] = defaultdict(list)
    for article in articles:
        if article.published and first <= article.published <= last:
            by_day[article.published].append(article)
    ranked = sorted(by_day, key=lambda day: (-len(by_day[day]), day))[:l]
    return {day: [s.text for s in rule_sentences(by_day[day][0])[:k]] for day in ranked}


# ----------------------------------------------------------------------------- metrics


def score(predicted: Daily, gold: Daily) -> dict[str, float]:
    """Precision and recall of Date, AR1, AR2 and concat R1/R2 for one timeline."""
    shared = len(set(predicted) & set(gold))
    row = {"date_p": shared / len(predicted) if predicted else 0.0, "date_r": shared / len(gold)}
    for n in (1, 2):
        row[f"ar{n}_p"], row[f"ar{n}_r"] = align_rouge(predicted, gold, n)
        pred_all = [s for day in sorted(predicted) for s in predicted[day]]
        gold_all = [s for day in sorted(gold) for s in gold[day]]
        hit, pred_count, gold_count = rouge_counts(pred_all, gold_all, n)
        row[f"r{n}_p"] = hit / pred_count if pred_count else 0.0
        row[f"r{n}_r"] = hit / gold_count if gold_count else 0.0
    return row


def align_rouge(predicted: Daily, gold: Daily, n: int) -> tuple[float, float]:
    """(precision, recall) of align+ m:1 ROUGE-N (see the module docstring)."""
    if not predicted or not gold:
        return 0.0, 0.0
    precision = _aligned(predicted, gold, n, lambda hit, pred, ref: (hit, pred))
    recall = _aligned(gold, predicted, n, lambda hit, pred, ref: (hit, ref), gold_side=True)
    return precision, recall


def _aligned(source: Daily, target: Daily, n: int,
             pick: Callable[[float, int, int], tuple[float, int]], gold_side: bool = False) -> float:
    """Align each ``source`` day to its cheapest ``target`` day and sum the weighted ROUGE counts."""
    numerator, denominator = 0.0, 0
    for day, sentences in source.items():
        best = min(target, key=lambda other: (_cost(day, other, sentences, target[other]), other))
        pred, ref = (target[best], sentences) if gold_side else (sentences, target[best])
        hit, pred_count, ref_count = rouge_counts(pred, ref, n)
        weighted, count = pick(hit, pred_count, ref_count)
        numerator += weighted / (abs((day - best).days) + 1)
        denominator += count
    return numerator / denominator if denominator else 0.0


def _cost(day: dt.date, other: dt.date, sentences: list[str], other_sentences: list[str]) -> float:
    date_factor = 1 - 1 / (abs((day - other).days) + 1)
    return date_factor * (1 - _approx_r1(sentences, other_sentences))


def _approx_r1(a: list[str], b: list[str]) -> float:
    """tilse's ROUGE-1 approximation used for alignment costs: lowercased word F1 (words without their
    punctuation: the gold is PTB-tokenized, "rose ." where ours reads "rose.")."""
    words_a = Counter(w for s in a for w in re.findall(r"[a-z0-9]+", s.lower()))
    words_b = Counter(w for s in b for w in re.findall(r"[a-z0-9]+", s.lower()))
    match = sum((words_a & words_b).values())
    if not match:
        return 0.0
    precision, recall = match / sum(words_a.values()), match / sum(words_b.values())
    return 2 * precision * recall / (precision + recall)


def rouge_counts(predicted: list[str], reference: list[str], n: int) -> tuple[int, int, int]:
    """(clipped n-gram hits, predicted n-grams, reference n-grams) of ROUGE-N."""
    pred, ref = _ngrams(predicted, n), _ngrams(reference, n)
    return sum((pred & ref).values()), sum(pred.values()), sum(ref.values())


def _ngrams(sentences: list[str], n: int) -> Counter[tuple[str, ...]]:
    words = [w for s in sentences for w in _rouge_words(s)]
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def _rouge_words(sentence: str) -> list[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = re.sub(r"[^a-z0-9]+", " ", sentence.lower()).split()
    return [_stem(w) for w in words if w not in STOP_WORDS]


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word) if len(word) > 3 else word


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)


def _average(rows: list[dict[str, float]]) -> dict[str, float]:
    """Mean precision/recall over timelines and the F1 of the means, per metric."""
    out: dict[str, float] = {}
    for metric, label in (("date", "Date-F1"), ("ar1", "AR1-F"), ("ar2", "AR2-F"),
                          ("r1", "R1-F"), ("r2", "R2-F")):
        p = sum(r[f"{metric}_p"] for r in rows) / len(rows)
        r = sum(r[f"{metric}_r"] for r in rows) / len(rows)
        out[label] = 2 * p * r / (p + r) if p + r else 0.0
    return out
