"""Timing and memory of the digest pipeline, stage by stage, on given articles."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


@dataclass
class BenchRow:
    name: str
    words: int
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


@dataclass
class BenchReport:
    load_seconds: float
    rows: list[BenchRow]
    peak_rss_mb: float
    tagger_words_per_s: float

    def to_text(self) -> str:
        stages = list(self.rows[0].seconds) if self.rows else []
        lines = [f"pipeline load (spaCy model): {self.load_seconds:.2f} s",
                 f"{'article':40} {'words':>6} " + " ".join(f"{s:>9}" for s in stages) + f" {'total':>8} {'words/s':>8}"]
        for row in self.rows:
            cells = " ".join(f"{row.seconds[s]:9.3f}" for s in stages)
            lines.append(f"{row.name[:40]:40} {row.words:6d} {cells} {row.total:8.3f} {row.words / row.total:8.0f}")
        lines.append(f"tag_times alone: {self.tagger_words_per_s:,.0f} words/s")
        lines.append(f"peak memory (RSS): {self.peak_rss_mb:.0f} MB")
        return "\n".join(lines)


def _timed(seconds: dict[str, float], stage: str, fn: Callable[[], T], repeat: int) -> T:
    start = time.perf_counter()
    for _ in range(repeat):
        result = fn()
    seconds[stage] = (time.perf_counter() - start) / repeat
    return result


def run_bench(paths: list[Path], *, repeat: int = 3) -> BenchReport:
    """Time ingest, analysis and each digest stage on each article (mean of ``repeat`` runs)."""
    from digesthub.analyze import analyze
    from digesthub.analyze.nlp import get_nlp
    from digesthub.analyze.times import tag_times
    from digesthub.digester import OfflineEngine
    from digesthub.ingest import read_article

    start = time.perf_counter()
    get_nlp()
    load_seconds = time.perf_counter() - start
    rows, tagger_words, tagger_seconds = [], 0, 0.0
    for path in paths:
        seconds: dict[str, float] = {}
        article = _timed(seconds, "ingest", lambda: read_article(path), repeat)
        annotated = _timed(seconds, "analyze", lambda: analyze(article), repeat)
        _timed(seconds, "digest", lambda: OfflineEngine().run(annotated), repeat)
        words = len(article.text.split())
        rows.append(BenchRow(path.name, words, seconds))
        tag_start = time.perf_counter()
        for _ in range(repeat):
            tag_times(article.text, anchor=article.published)
        tagger_seconds += time.perf_counter() - tag_start
        tagger_words += words * repeat
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchReport(load_seconds, rows, peak, tagger_words / tagger_seconds if tagger_seconds else 0.0)
