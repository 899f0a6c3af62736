"""Key points: 3-5 one-sentence takeaways, extracted from the article and cited.

Candidates are the sentences that can stand alone as a takeaway (page
furniture and captions, questions, asides, fragments and run-ons are set
aside), lightly compressed (dateline, parentheticals, dash asides, leading
connective, trailing attribution). Each gets a heuristic score, a position
prior (lead bias) plus three centrality signals: TF-IDF similarity to the
whole article, how many of the article's recurring words it uses, and how
much the sentences after it elaborate on it (PacSum-style directed
centrality); quotations and long sentences lose. A tiny linear model
(:mod:`digesthub.digester.keypoint_model`) combines that score, its parts and
a few more sentence features into the final rating. Sentences are then taken
best first with MMR-style redundancy removal (a sentence similar to one taken
loses score, a near-repeat is skipped) until a word budget near the length of
a publisher's highlights is reached. The key points come back in article
order, each citing its paragraph.
"""

from __future__ import annotations

import re

from collections.abc import Sequence
from dataclasses import dataclass, field

from digesthub.digester import keypoint_model, scoring
from digesthub.digester.antecedent import full_names_first
from digesthub.digester.standalone import is_whole, leans_back
from digesthub.types import AnnotatedArticle, Citation, KeyPoint, Sentence


@dataclass(frozen=True)
class KeyPointSettings:
    """The selection's knobs (heuristic weights tuned on the first 500 CNN/DailyMail dev records;
    the model and ``mmr_weight`` by 5-fold cross-validation over the whole dev file)."""

    min_count: int = 3
    max_count: int = 5
    word_budget: int = 55        # publisher highlights run ~50 words in 3-4 bullets
    min_words: int = 6
    max_words: int = 50
    clause_min_words: int = 15   # cut a trailing clause when this many words remain (0: never) ...
    clause_over_words: int = 50  # ... from a sentence longer than this only (cutting more lost ROUGE-2)
    position_decay: float = 0.6  # lead bias: prior = 1 / (1 + rank) ** decay
    centrality_weight: float = 0.5  # TF-IDF cosine to the whole article
    keyword_weight: float = 0.3  # how many of the article's recurring words a sentence uses
    forward_weight: float = 0.3  # directed centrality: similarity to the sentences after it ...
    backward_share: float = 0.0  # ... minus this share of its similarity to those before it
    long_words: int = 25         # sentences longer than this lose score ...
    long_penalty: float = 0.01   # ... at this rate per extra word (F1 rewards highlight-like length)
    redundancy: float = 0.5      # cosine over content stems above which a sentence repeats one taken
    mmr_weight: float = 2.0      # score lost per unit of similarity to a sentence taken
    use_model: bool = True       # rate with keypoint_model (False: the heuristic score alone)
    lede_paragraphs: int = 3     # an article in at least this many paragraphs leads with its lede (0: off)
    per_paragraph: int = 2       # ... and takes at most this many key points from one paragraph, so a
    #                              long opening paragraph (an editor's note) does not fill the list
    max_candidates: int = 200    # only the first N usable sentences compete: centrality is pairwise
    #                              (quadratic), and a news article has far fewer (CNN/DM: ~35)


DEFAULTS = KeyPointSettings()
_LAST_RESORT = 100.0  # a score drop that puts a candidate after every other


@dataclass
class Candidate:
    """A sentence that may become a key point."""

    sentence: Sentence
    text: str
    stems: list[str]
    rank: int
    score: float = 0.0
    original_words: int = 0
    parts: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # all word stems, for redundancy
    scene: bool = False  # in a feature story's scene-setting opening, not its news

    @property
    def words(self) -> int:
        return len(self.text.split())


def select_key_points(annotated: AnnotatedArticle, *, count: int | None = None,
                      settings: KeyPointSettings = DEFAULTS) -> list[KeyPoint]:
    """3-5 key points of ``annotated`` (exactly ``count`` when given and possible), in article order."""
    candidates = rank_candidates(annotated, settings)
    if settings.use_model:
        candidates = rate_with_model(candidates)
    paragraphed = bool(settings.lede_paragraphs) and len(annotated.article.paragraphs) >= settings.lede_paragraphs
    if paragraphed:
        candidates = _lede_first(_scene_last(annotated, _standalone_first(candidates)))
    chosen = choose(candidates, count, settings, per_paragraph=settings.per_paragraph if paragraphed else 0)
    chosen.sort(key=lambda c: c.sentence.start)
    # each key point is read on its own: a bare surname in it is written as the full name
    texts = [full_names_first(annotated, [(c.sentence, c.text)])[0] for c in chosen]
    return [KeyPoint(text=text, citations=[Citation(paragraph=c.sentence.paragraph)])
            for c, text in zip(chosen, texts)]


def rank_candidates(annotated: AnnotatedArticle, settings: KeyPointSettings = DEFAULTS) -> list[Candidate]:
    """Usable sentences of the article with their scores, best first."""
    candidates = _candidates(scoring.article_sentences(annotated), settings)[:settings.max_candidates]
    if not candidates:
        return []
    vectors = scoring.tfidf_vectors([c.stems for c in candidates])
    centroid: dict[str, float] = {}
    for vector in vectors:
        for token, value in vector.items():
            centroid[token] = centroid.get(token, 0.0) + value
    frequency: dict[str, int] = {}
    for candidate in candidates:
        for token in set(candidate.stems):
            frequency[token] = frequency.get(token, 0) + 1
    directed = _directed_centrality(vectors, settings.backward_share)
    for candidate, vector, forward in zip(candidates, vectors, directed):
        salience = sum(n for n in (frequency[t] for t in set(candidate.stems)) if n > 1) / len(candidates)
        parts = {"centrality": scoring.cosine(vector, centroid),
                 "keywords": salience / max(1, len(set(candidate.stems))) ** 0.5,
                 "forward": forward, "first_similarity": scoring.cosine(vector, vectors[0])}
        candidate.score = (1.0 / (1 + candidate.rank) ** settings.position_decay
                           + settings.centrality_weight * parts["centrality"]
                           + settings.keyword_weight * parts["keywords"] + settings.forward_weight * forward)
        if _is_quote(candidate.text):  # someone's words: taken only when nothing else is left
            candidate.score = 0.0
        extra = max(0, candidate.words - settings.long_words)
        candidate.score *= max(0.2, 1.0 - settings.long_penalty * extra)
        candidate.parts = {**parts, "heuristic": candidate.score}
    return sorted(candidates, key=lambda c: -c.score)


def _standalone_first(ranked: list[Candidate]) -> list[Candidate]:
    """``ranked`` with sentences that cannot stand alone (an opening "He", "They", a half
    quotation, a lead-in colon) after all the others: a takeaway is read out of its article.
    Paragraphed articles only, like the lede rule (CNN/DailyMail text keeps the model's order)."""
    for candidate in ranked:
        if leans_back(candidate.text) or not is_whole(candidate.text):
            candidate.score -= _LAST_RESORT
    return sorted(ranked, key=lambda c: -c.score)


# A lede that reports: a figure, or someone saying or announcing something.
_REPORTING = re.compile(r"\d|\b(?:said|says|told|announced|reported|according|confirmed)\b", re.I)
_MIN_TITLE_STEMS = 3


def opens_on_a_scene(annotated: AnnotatedArticle) -> bool:
    """Whether a feature story's first paragraph sets a scene rather than giving the news.

    "On a grey Tuesday morning, the office is quiet. Nobody looks up when Chen walks in." sets a
    scene; the news comes in the next paragraph (the nut graf). The opening paragraph counts as a
    scene when it shares no content word with the headline (a news lede restates it) and reports
    no figure and no statement."""
    title_stems = set(scoring.content_stems(annotated.article.title or ""))
    first = annotated.sentences_in(1)
    if len(title_stems) < _MIN_TITLE_STEMS or not first or len(annotated.article.paragraphs) < 4:
        return False
    opening = " ".join(s.text for s in first)
    # common words only: a name in the scene ("the office of Foo Robotics") is no restated news
    common_words = " ".join(w for w in opening.split() if not w[:1].isupper())
    return not (title_stems & set(scoring.content_stems(common_words)) or _REPORTING.search(opening))


def _scene_last(annotated: AnnotatedArticle, ranked: list[Candidate]) -> list[Candidate]:
    """``ranked`` with a scene-setting opening paragraph after all the others."""
    if not opens_on_a_scene(annotated):
        return ranked
    for candidate in ranked:
        if candidate.sentence.paragraph == 1:
            candidate.score -= _LAST_RESORT
            candidate.scene = True
    return sorted(ranked, key=lambda c: -c.score)


def _lede_first(ranked: list[Candidate]) -> list[Candidate]:
    """``ranked`` with the article's first prose sentence on top.

    A news story in paragraphs is written as an inverted pyramid: its lede is the
    news. The model learned from CNN/DailyMail, whose text lost its paragraphs
    and whose first line is often a teaser; so the lede rule applies only to
    articles that kept their paragraph structure.
    """
    opening = [c for c in ranked if not c.scene]
    scenes = len(ranked) - len(opening)  # sentences of a scene-setting opening come before the lede
    lede = min(opening, key=lambda c: c.rank, default=None)
    if lede is None or lede.rank > 1 + scenes or _is_quote(lede.text):
        return ranked
    lede.score = max(c.score for c in ranked) + 1.0
    return [lede] + [c for c in ranked if c is not lede]


def rate_with_model(candidates: list[Candidate], weights: Sequence[float] | None = None) -> list[Candidate]:
    """The candidates re-scored by :mod:`keypoint_model` (its logit), best first."""
    ordered, rows = feature_rows(candidates)
    for candidate, row in zip(ordered, rows):
        candidate.score = keypoint_model.probability_logit(row, weights)
        if _is_quote(candidate.text):  # someone's words: taken only when nothing else is left
            candidate.score -= _LAST_RESORT
    return sorted(ordered, key=lambda c: -c.score)


def feature_rows(candidates: list[Candidate]) -> tuple[list[Candidate], list[list[float]]]:
    """The candidates in article order and their model feature rows."""
    ordered = sorted(candidates, key=lambda c: c.sentence.start)
    rows = []
    for index, candidate in enumerate(ordered):
        lead = max([scoring.cosine(candidate.counts, other.counts)
                    for other in ordered[:3] if other is not candidate] + [0.0])
        rows.append(keypoint_model.sentence_features(index, candidate.rank, len(ordered), candidate.text,
                                                     candidate.original_words, candidate.parts, lead))
    return ordered, rows


def _directed_centrality(vectors: list[dict[str, float]], backward_share: float) -> list[float]:
    """PacSum-style centrality (Zheng & Lapata 2019): a sentence that later sentences
    elaborate on is central; one that only echoes earlier ones is not. Scaled to [-1, 1]."""
    count = len(vectors)
    similarity = [[scoring.cosine(vectors[i], vectors[j]) if i < j else 0.0 for j in range(count)]
                  for i in range(count)]
    values = [sum(similarity[i][i + 1:]) - backward_share * sum(similarity[j][i] for j in range(i))
              for i in range(count)]
    scale = max([abs(v) for v in values] + [1e-9])
    return [v / scale for v in values]


def choose(ranked: list[Candidate], count: int | None, settings: KeyPointSettings = DEFAULTS, *,
           per_paragraph: int = 0) -> list[Candidate]:
    """Best-first selection with MMR redundancy removal, up to the word budget (or ``count``).

    Each round takes the candidate whose score, less ``mmr_weight`` times its
    similarity to the closest sentence already taken, is highest; a near-repeat
    (similarity over ``redundancy``) is never taken. With ``per_paragraph``, a
    paragraph that gave that many points gives more only when no other paragraph can.
    """
    target_max = count or settings.max_count
    chosen: list[Candidate] = []
    left = list(ranked)
    taken_words = 0
    while left and len(chosen) < target_max:
        if count is None and len(chosen) >= settings.min_count and taken_words >= settings.word_budget:
            break
        best, best_value = None, float("-inf")
        for candidate in left:
            if any(_repeats(candidate, other) > settings.redundancy for other in chosen):
                continue
            value = candidate.score - settings.mmr_weight * max([_overlap(candidate, o) for o in chosen] + [0.0])
            if per_paragraph and sum(o.sentence.paragraph == candidate.sentence.paragraph
                                     for o in chosen) >= per_paragraph:
                value -= _LAST_RESORT
            if value > best_value:
                best, best_value = candidate, value
        if best is None:
            break
        chosen.append(best)
        left.remove(best)
        taken_words += best.words
    return chosen


def _candidates(sentences: list[Sentence], settings: KeyPointSettings) -> list[Candidate]:
    """Sentences that can stand alone as a takeaway; ranks count article prose only."""
    prose = [(s, _shorten(s.text, settings)) for s in sentences
             if not scoring.is_boilerplate(s.text)]
    usable = [(rank, s, text) for rank, (s, text) in enumerate(prose) if _usable(text, settings)]
    if len(usable) < settings.min_count:  # a short or odd article: take what prose there is
        usable = [(rank, s, text) for rank, (s, text) in enumerate(prose) if len(text.split()) >= 3]
    return [Candidate(s, text, scoring.content_stems(text), rank, original_words=len(s.text.split()),
                      counts=_counts(scoring.stems(text))) for rank, s, text in usable]


def _shorten(text: str, settings: KeyPointSettings) -> str:
    """The sentence compressed, and without a trailing clause when settings allow."""
    shorter = scoring.compress(text)
    if not settings.clause_min_words or len(shorter.split()) <= settings.clause_over_words:
        return shorter
    return scoring.trim_trailing_clause(shorter, min_words=settings.clause_min_words)


def _usable(text: str, settings: KeyPointSettings) -> bool:
    words = len(text.split())
    if not settings.min_words <= words <= settings.max_words:
        return False
    if text.startswith(("(", "-lrb-", "[")):  # an aside, not a statement
        return False
    stripped = text.rstrip("'\" ”’")
    return not stripped.endswith(("?", ":", ",")) and not scoring.content_stems(text) == []


def _is_quote(text: str) -> bool:
    """A sentence that opens with a quotation (someone's words), or one about the reporting
    itself ("declined to comment", "this reporter"): rarely a takeaway."""
    return text.lstrip().startswith(('"', "“", "``", "'", "‘")) or bool(_NEWSROOM_NOTE.search(text))


# How the story was reported, not what happened: a reader's takeaway never rests on these.
_NEWSROOM_NOTE = re.compile(
    r"\b(?:declined|refused|unwilling)\s+to\s+(?:comment|be\s+interviewed)|"
    r"\bcould\s+not\s+(?:immediately\s+)?be\s+reached\b|\bwas\s+not\s+(?:immediately\s+)?available\s+for\s+comment|"
    r"\bdid\s+not\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:a\s+|our\s+|repeated\s+)?requests?\b|"
    r"\b(?:had|has)\s+not\s+(?:yet\s+)?(?:accepted|granted|agreed\s+to)\s+(?:an?\s+)?interview|"
    r"\bthis\s+(?:reporter|correspondent|newspaper|website)\s+(?:wrote|contacted|went\s+to\s+press)", re.I)


def _overlap(a: Candidate, b: Candidate) -> float:
    """Similarity over all word stems (ROUGE counts function words and word pairs too)."""
    return scoring.cosine(a.counts, b.counts)


def _repeats(a: Candidate, b: Candidate) -> float:
    """Similarity over content stems: above ``redundancy`` one sentence repeats the other."""
    return scoring.cosine(_counts(a.stems), _counts(b.stems))


def _counts(tokens: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    return counts
