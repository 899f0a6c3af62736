"""Timelines: the dated events of one article or of a set of articles.

Both timelines run the same steps over :mod:`timeline_events` events:

1. **events**: every sentence paired with each calendar date it states
   (relative dates resolved against the publication date); for a set of
   articles also the undated lead sentences, paired with the publication date.
2. **dates**: events grouped by normalized date (TIMEX3 value + mod). For a set
   of articles the dates are ranked as in DATEWISE (Gholipour Ghalandari &
   Ifrim 2020), unsupervised: each article that states the date votes once
   (fully when written after it, half when announcing it) plus a little per
   further sentence, and each article published on the date adds half a vote.
   Votes are weighted by the article's *topicality* (its closeness to what the
   whole set is about), so off-topic pages full of dates (listings, schedules)
   do not rank; coarser dates (a month, a year) count half. The ``max_dates``
   best are kept.
3. **sentences**: per date, the candidates nearest the date's TF-IDF centroid
   (the mean of its stated-date sentences and of its lead sentences), weighted
   by topicality and by how soon after the date the report was written,
   skipping any that repeat an event already in the timeline. Candidates that
   report the same event (similar wording, same date) become extra citations of
   the entry, so one event told by two articles is one entry with two citations.

The one-article timeline (:mod:`timeline_article`, exported here) keeps every
date and merges the events of one date into one entry ("A; b").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from digesthub.digester.scoring import STOPWORDS
from digesthub.digester.timeline_events import Event, collect_events, date_key, is_day
from digesthub.types import AnnotatedArticle, Article, Citation, Timeline, TimelineEntry

# A sentence announcing a later date is weaker evidence that the date matters.
FUTURE_MENTION_WEIGHT = 0.5
# Each article published on a date is evidence the date was news.
PUBLICATION_WEIGHT = 0.5
# Months, seasons and years are rarely the unit a timeline wants for a set of articles.
COARSE_DATE_WEIGHT = 0.5
# Cosine above which two sentences tell the same event (one entry, several citations).
SAME_EVENT_SIMILARITY = 0.5
# Cosine above which a sentence repeats one already in the timeline.
DUPLICATE_SIMILARITY = 0.7
MAX_CITATIONS = 6
# Further sentences of one article stating a date add this much each.
EXTRA_MENTION_WEIGHT = 0.25
# Sharpness of the topicality weight (1 = the most on-topic article) for date votes and sentences.
TOPICALITY_POWER = 2.0
SENTENCE_TOPICALITY_POWER = 2.0
# A report written this many days after the date weighs half as much as one of the day.
RECENCY_DAYS = 7

Vector = dict[str, float]
_WORD = re.compile(r"[a-z0-9]+")


def build_timeline(articles: Iterable[Article | AnnotatedArticle], *, max_dates: int | None = None,
                   sentences_per_date: int = 1, start: dt.date | None = None,
                   end: dt.date | None = None, days_only: bool = False) -> Timeline:
    """The timeline of a set of articles: the ``max_dates`` most reported dates, in date order.

    Each entry holds ``sentences_per_date`` sentences (the most central of those
    about the date, no event twice) and cites every paragraph reporting it.
    ``start``/``end`` keep only dates inside that span; ``days_only`` keeps
    only single days (as timeline-summarization benchmarks expect).
    """
    events = [e for e in collect_events(articles) if _in_span(e, start, end, days_only)]
    groups = _group(events)
    vectors = _tfidf([e.text for e in events])
    index = {id(e): i for i, e in enumerate(events)}
    topical = _topicality(events, vectors)
    ranked = sorted(groups, key=lambda key: (-_date_score(groups[key], topical), key))
    entries: list[TimelineEntry] = []
    chosen: list[Vector] = []
    for key in ranked:
        if max_dates is not None and len(entries) >= max_dates:
            break
        group_vectors = [vectors[index[id(e)]] for e in groups[key]]
        weights = [topical[e.article_id] for e in groups[key]]
        entry = _date_entry(groups[key], group_vectors, weights, chosen, sentences_per_date)
        if entry is not None:
            entries.append(entry)
    return Timeline(sorted(entries, key=_order))


def join_events(texts: Sequence[str]) -> str:
    """Event sentences as one entry text: "A; the court ruled." when a sentence opens with a common
    word, which goes on in lower case; else each keeps its full stop ("A. Revenue rose 68%."): without
    the article's tags a capital ("Revenue", "Tencent") may be a name, so it stays, after a full stop."""
    parts = [t.rstrip() for t in texts]
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        continued = _go_on(part)
        if continued != part:
            joined = (joined[:-1] if joined.endswith(".") else joined) + "; " + continued
        else:
            joined += ("" if joined.endswith((".", "!", "?", "\"", "”")) else ".") + " " + part
    return joined


def entry_sentences(text: str) -> list[str]:
    """The event sentences an entry joins (the inverse of :func:`join_events`): "A; b. C." ->
    ["A", "b.", "C."]."""
    from digesthub.digester.timeline_events import split_text

    return [part[start:end].strip() for part in text.split("; ") for start, end in split_text(part)
            if part[start:end].strip()]


def _go_on(text: str) -> str:
    """A sentence continuing after a semicolon: a closed-class first word in lower case."""
    first = text.split(" ", 1)[0]
    # "I" stays; so do capitals that are acronyms ("US"), not the article "A".
    if first.lower() in STOPWORDS and first[:1].isupper() and first != "I" and (first == "A" or not first.isupper()):
        return text[:1].lower() + text[1:]
    return text


# ----------------------------------------------------------------------------- dates


def _in_span(event: Event, start: dt.date | None, end: dt.date | None, days_only: bool) -> bool:
    if days_only and not is_day(event.date):
        return False
    last = event.date.last_day or event.day
    return (start is None or event.day >= start) and (end is None or last <= end)


def _group(events: Iterable[Event]) -> dict[str, list[Event]]:
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        groups[date_key(event.date)].append(event)
    return groups


def _date_score(group: list[Event], topical: dict[str, float]) -> float:
    """How much the articles make of one date (see the module docstring)."""
    stated: dict[str, list[float]] = defaultdict(list)
    for event in group:
        if event.stated:
            retrospective = event.published is None or event.published >= event.day
            stated[event.article_id].append(1.0 if retrospective else FUTURE_MENTION_WEIGHT)
    # An article counts once for a date, plus a little for each further sentence on it.
    score = sum(topical[a] * (max(ws) + EXTRA_MENTION_WEIGHT * (len(ws) - 1)) for a, ws in stated.items())
    published = {e.article_id for e in group if not e.stated}
    score += PUBLICATION_WEIGHT * sum(topical[a] for a in published)
    return score if is_day(group[0].date) else COARSE_DATE_WEIGHT * score


def _topicality(events: list[Event], vectors: list[Vector]) -> dict[str, float]:
    """How close each article is to what the whole set is about (1 = the closest), as a weight.

    Off-topic pages that slip into a collection (schedules, listings) name
    many dates; weighting their votes by topicality keeps them from ranking.
    """
    by_article: dict[str, list[Vector]] = defaultdict(list)
    for event, vector in zip(events, vectors):
        by_article[event.article_id].append(vector)
    means = {a: _centroid(vs) for a, vs in by_article.items()}
    centroid = _centroid(list(means.values()))  # each article one vote, however long
    closeness = {a: _cosine(centroid, mean) for a, mean in means.items()}
    top = max(closeness.values(), default=0.0)
    return {a: (c / top if top else 1.0) ** TOPICALITY_POWER for a, c in closeness.items()}


def _order(entry: TimelineEntry) -> tuple[dt.date, int, str]:
    """Date order; on one first day the broader date (a year before its January) first."""
    first = entry.date.first_day or dt.date.max
    last = entry.date.last_day or first
    return first, -(last - first).days, entry.date.value


# ----------------------------------------------------------------------------- sentences


def _date_entry(group: list[Event], vectors: list[Vector], weights: list[float], chosen: list[Vector],
                per_date: int) -> TimelineEntry | None:
    """The entry of one date: its most central new sentences, citing all reports of them.

    Centrality is the cosine to the date's centroid, weighted by how on-topic
    the sentence's article is (``weights``).
    """
    centroid = _date_centroid([v for e, v in zip(group, vectors) if e.stated],
                              [v for e, v in zip(group, vectors) if not e.stated])
    central = [_cosine(centroid, v) * w ** SENTENCE_TOPICALITY_POWER * _recency(e)
               for e, v, w in zip(group, vectors, weights)]
    order = sorted(range(len(group)), key=lambda i: (-central[i], group[i].position))
    picked: list[int] = []
    for i in order:
        if len(picked) >= per_date:
            break
        if not _repeats(vectors[i], chosen) and group[i].text not in {group[j].text for j in picked}:
            picked.append(i)
            chosen.append(vectors[i])
    if not picked:
        return None
    reports = [group[i] for i in picked]
    reports += [e for j, e in enumerate(group) if j not in picked
                and any(_cosine(vectors[j], vectors[i]) >= SAME_EVENT_SIMILARITY for i in picked)]
    stated = [group[i] for i in picked if group[i].stated]
    date = (stated[0] if stated else group[picked[0]]).date
    return TimelineEntry(date, join_events([group[i].text for i in picked]), _citations(reports))


def _date_centroid(mentions: list[Vector], leads: list[Vector]) -> Vector:
    """What a date is about: as news-tls's DATEWISE (PM-Mean), the mean of the mention centroid
    and the publication centroid over only the words both share, so that a word only the day's
    leads use (other news of that day) or only old mentions use does not steer the summary.
    With one side empty (or nothing shared), the mean of what there is."""
    both = _centroid(mentions, leads)
    if not mentions or not leads:
        return both
    shared = set(_centroid(mentions)) & set(_centroid(leads))
    return _normalize({w: v for w, v in both.items() if w in shared}) if shared else both


def _recency(event: Event) -> float:
    """Reports written soon after the day tell it best; a retrospect years on sums it up."""
    if event.published is None or not RECENCY_DAYS:
        return 1.0
    return 1.0 / (1.0 + abs((event.published - event.day).days) / RECENCY_DAYS)


def _citations(events: Iterable[Event]) -> list[Citation]:
    citations: list[Citation] = []
    for event in events:
        citation = Citation(event.paragraph, event.article_id)
        if citation not in citations and len(citations) < MAX_CITATIONS:
            citations.append(citation)
    return citations


def _repeats(vector: Vector, others: Iterable[Vector]) -> bool:
    return any(_cosine(vector, other) >= DUPLICATE_SIMILARITY for other in others)


# ----------------------------------------------------------------------------- vectors


def _words(text: str) -> list[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and len(w) > 1]


def _tfidf(texts: Sequence[str]) -> list[Vector]:
    """L2-normalized TF-IDF vectors of ``texts`` (IDF over the texts themselves)."""
    counts = [Counter(_words(text)) for text in texts]
    frequency: Counter[str] = Counter()
    for count in counts:
        frequency.update(count.keys())
    total = len(texts) + 1
    vectors = []
    for count in counts:
        vector = {w: n * math.log(total / frequency[w]) + n for w, n in count.items()}
        vectors.append(_normalize(vector))
    return vectors


def _normalize(vector: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {w: v / norm for w, v in vector.items()} if norm else vector


def _centroid(*groups: list[Vector]) -> Vector:
    """Mean of the (non-empty) groups' mean vectors, each group weighted equally."""
    total: dict[str, float] = defaultdict(float)
    for group in groups:
        for vector in group:
            for word, value in vector.items():
                total[word] += value / len(group)
    return _normalize(dict(total))


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(word, 0.0) for word, value in a.items())


# The one-article timeline lives in its own module; it is part of this one's interface.
from digesthub.digester.timeline_article import article_timeline  # noqa: E402

__all__ = ["article_timeline", "build_timeline", "entry_sentences", "join_events"]
