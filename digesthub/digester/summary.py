"""Cited summary: a few short paragraphs covering the article in order (offline, extractive).

The article's prose is cut into consecutive stretches of about equal length,
one per summary paragraph (1-2 for a short article, up to 6 for a long one).
From each stretch the best sentences by the key-point score (centrality,
a mild lead bias, shorter and non-quote sentences preferred) are taken up to
that stretch's share of the length budget (about a fifth of the article, 80 words at least), lightly
compressed (no dateline, parentheticals, dash asides, leading connective or
trailing attribution), and kept in reading order. Each sentence cites the
paragraph it comes from, so every citation verifies by construction; the
digest still runs them through :mod:`digesthub.digester.verify`. A feature story's
scene-setting opening paragraph (see ``opens_on_a_scene``) is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from digesthub.digester.keypoints import DEFAULTS, Candidate, opens_on_a_scene, rank_candidates
from digesthub.digester.antecedent import full_names_first
from digesthub.digester.standalone import is_whole, leans_back
from digesthub.types import AnnotatedArticle, Citation, Sentence, SummarySentence


@dataclass(frozen=True)
class SummarySettings:
    """Length and shape of the summary."""

    ratio: float = 0.2           # share of the article's words
    min_words: int = 80          # a short article still gets a few sentences
    max_words: int = 350
    words_per_group: int = 250   # article words per summary paragraph
    max_groups: int = 6


SUMMARY = SummarySettings()
# Sentence scoring for the summary: whole sentences (no clause cutting) and a
# weak lead bias, since every stretch of the article gets its say.
_SENTENCE_SETTINGS = replace(DEFAULTS, clause_min_words=0, position_decay=0.3, max_words=60)


def summarize(annotated: AnnotatedArticle, *, settings: SummarySettings = SUMMARY) -> list[SummarySentence]:
    """The summary of ``annotated``: sentences in reading order, ``group`` = summary paragraph."""
    ranked = rank_candidates(annotated, _SENTENCE_SETTINGS)
    if opens_on_a_scene(annotated):  # a feature's scene-setting opening is no part of its gist
        ranked = [c for c in ranked if c.sentence.paragraph != 1] or ranked
    if not ranked:
        return []
    ordered = sorted(ranked, key=lambda c: c.sentence.start)
    article_words = sum(len(p.text.split()) for p in annotated.article.paragraphs)
    budget = min(settings.max_words, max(settings.min_words, round(settings.ratio * article_words)))
    groups = min(settings.max_groups, len(ordered), max(1, round(article_words / settings.words_per_group)))
    previous = {id(c): ordered[i - 1] if i else None for i, c in enumerate(ordered)}
    summary: list[SummarySentence] = []
    sources: list[Sentence] = []
    for index, stretch in enumerate(_stretches(ordered, groups)):
        whole = [c for c in stretch if is_whole(c.text)] or stretch
        for candidate in _pick(whole, budget / groups, previous):
            summary.append(SummarySentence(text=_sentence_text(candidate.text), group=index,
                                           citations=[Citation(paragraph=candidate.sentence.paragraph)]))
            sources.append(candidate.sentence)
    texts = full_names_first(annotated, list(zip(sources, (s.text for s in summary))))
    return [replace(s, text=text) for s, text in zip(summary, texts)]


def _stretches(ordered: list[Candidate], groups: int) -> list[list[Candidate]]:
    """Split candidates (in reading order) into ``groups`` runs of about equal word count."""
    total = sum(c.words for c in ordered)
    stretches: list[list[Candidate]] = [[] for _ in range(groups)]
    seen = 0
    for candidate in ordered:
        index = min(groups - 1, int(groups * seen / total)) if total else 0
        stretches[index].append(candidate)
        seen += candidate.words
    return [s for s in stretches if s]


def _pick(stretch: list[Candidate], budget: float,
          previous: dict[int, Candidate | None] | None = None) -> list[Candidate]:
    """The stretch's best sentences within ``budget`` words (at least one), in reading order.

    A sentence opening with a pronoun or connective ("He also ...") is taken
    only right after the sentence it leans on, or when nothing else is left.
    """
    chosen: list[Candidate] = []
    words = 0
    ranked = sorted(stretch, key=lambda c: -c.score)
    for candidate in ranked:
        if chosen and words + candidate.words > budget * 1.2:
            continue
        before = (previous or {}).get(id(candidate))
        if leans_back(candidate.text) and not any(c is before for c in chosen) and \
                any(not leans_back(c.text) for c in ranked if c not in chosen):
            continue
        chosen.append(candidate)
        words += candidate.words
        if words >= budget:
            break
    return sorted(chosen, key=lambda c: c.sentence.start)


def _sentence_text(text: str) -> str:
    """Start the sentence with a capital when the article is cased (compression may cut its opening)."""
    return text[0].upper() + text[1:] if text and any(ch.isupper() for ch in text) else text
