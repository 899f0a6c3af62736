"""Key points: 3-5 one-sentence takeaways, extracted from the article and cited.

News puts its main facts first, so a sentence's score is a position prior
(lead bias) plus its TF-IDF similarity to the whole article (centrality), with
sentences that cannot stand alone as a takeaway (page furniture, questions,
quotes, fragments, run-ons) set aside. Sentences are then taken best first,
skipping any too similar to one already taken (MMR-style redundancy removal),
until a word budget near the length of a publisher's highlights is reached.
The key points come back in article order, each citing its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digesthub.digester import scoring
from digesthub.types import AnnotatedArticle, Citation, KeyPoint, Sentence


@dataclass(frozen=True)
class KeyPointSettings:
    """The selection's knobs (tuned on the first 500 CNN/DailyMail dev records only)."""

    min_count: int = 3
    max_count: int = 5
    word_budget: int = 55      # publisher highlights run ~50 words in 3-4 bullets
    min_words: int = 6
    max_words: int = 50
    position_decay: float = 0.6  # prior = 1 / (1 + rank) ** decay
    centrality_weight: float = 0.5
    quote_penalty: float = 0.5
    redundancy: float = 0.5    # cosine over content stems above which a sentence repeats one taken
    long_words: int = 25       # sentences longer than this lose score ...
    clause_min_words: int = 12  # cut a trailing clause when this many words remain (0: never)
    long_penalty: float = 0.01  # ... at this rate per extra word (F1 rewards highlight-like length)
    speech_penalty: float = 1.0  # factor for sentences that quote someone at length


DEFAULTS = KeyPointSettings()


@dataclass
class Candidate:
    """A sentence that may become a key point."""

    sentence: Sentence
    text: str
    stems: list[str]
    rank: int
    score: float = 0.0

    @property
    def words(self) -> int:
        return len(self.text.split())


def select_key_points(annotated: AnnotatedArticle, *, count: int | None = None,
                      settings: KeyPointSettings = DEFAULTS) -> list[KeyPoint]:
    """3-5 key points of ``annotated`` (exactly ``count`` when given and possible), in article order."""
    candidates = rank_candidates(annotated, settings)
    chosen = choose(candidates, count, settings)
    chosen.sort(key=lambda c: c.sentence.start)
    return [KeyPoint(text=c.text, citations=[Citation(paragraph=c.sentence.paragraph)]) for c in chosen]


def rank_candidates(annotated: AnnotatedArticle, settings: KeyPointSettings = DEFAULTS) -> list[Candidate]:
    """Usable sentences of the article with their scores, best first."""
    candidates = _candidates(scoring.article_sentences(annotated), settings)
    if not candidates:
        return []
    vectors = scoring.tfidf_vectors([c.stems for c in candidates])
    centroid: dict[str, float] = {}
    for vector in vectors:
        for token, value in vector.items():
            centroid[token] = centroid.get(token, 0.0) + value
    for candidate, vector in zip(candidates, vectors):
        prior = 1.0 / (1 + candidate.rank) ** settings.position_decay
        candidate.score = prior + settings.centrality_weight * scoring.cosine(vector, centroid)
        if _is_quote(candidate.text):
            candidate.score *= settings.quote_penalty
        elif _quotes_at_length(candidate.text):
            candidate.score *= settings.speech_penalty
        extra = max(0, candidate.words - settings.long_words)
        candidate.score *= max(0.2, 1.0 - settings.long_penalty * extra)
    return sorted(candidates, key=lambda c: -c.score)


def choose(ranked: list[Candidate], count: int | None, settings: KeyPointSettings = DEFAULTS) -> list[Candidate]:
    """Best-first selection with redundancy removal, up to the word budget (or ``count``)."""
    target_max = count or settings.max_count
    chosen: list[Candidate] = []
    taken_words = 0
    for candidate in ranked:
        if len(chosen) >= target_max:
            break
        if count is None and len(chosen) >= settings.min_count and taken_words >= settings.word_budget:
            break
        if any(_overlap(candidate, other) > settings.redundancy for other in chosen):
            continue
        chosen.append(candidate)
        taken_words += candidate.words
    return chosen


def _candidates(sentences: list[Sentence], settings: KeyPointSettings) -> list[Candidate]:
    """Sentences that can stand alone as a takeaway; ranks count article prose only."""
    prose = [(s, _shorten(s.text, settings)) for s in sentences
             if not scoring.is_boilerplate(s.text)]
    usable = [(rank, s, text) for rank, (s, text) in enumerate(prose) if _usable(text, settings)]
    if len(usable) < settings.min_count:  # a short or odd article: take what prose there is
        usable = [(rank, s, text) for rank, (s, text) in enumerate(prose) if len(text.split()) >= 3]
    return [Candidate(s, text, scoring.content_stems(text), rank) for rank, s, text in usable]


def _shorten(text: str, settings: KeyPointSettings) -> str:
    shorter = scoring.compress(text)
    return scoring.trim_trailing_clause(shorter, min_words=settings.clause_min_words) if settings.clause_min_words else shorter


def _usable(text: str, settings: KeyPointSettings) -> bool:
    words = len(text.split())
    if not settings.min_words <= words <= settings.max_words:
        return False
    stripped = text.rstrip("'\" ”’")
    return not stripped.endswith(("?", ":", ",")) and not scoring.content_stems(text) == []


def _is_quote(text: str) -> bool:
    """A sentence that opens with a quotation: someone's words, rarely a takeaway."""
    return text.lstrip().startswith(('"', "“", "``", "'", "‘"))


_QUOTED = re.compile(r"(?:``|\"|“|(?<!\w)')\s*(?:\S+\s+){6,}?\S*?(?:''|\"|”|'(?!\w))")


def _quotes_at_length(text: str) -> bool:
    """A sentence carrying a quotation of seven words or more."""
    return bool(_QUOTED.search(text))


def _overlap(a: Candidate, b: Candidate) -> float:
    counts_a: dict[str, int] = {}
    for token in a.stems:
        counts_a[token] = counts_a.get(token, 0) + 1
    counts_b: dict[str, int] = {}
    for token in b.stems:
        counts_b[token] = counts_b.get(token, 0) + 1
    return scoring.cosine(counts_a, counts_b)
