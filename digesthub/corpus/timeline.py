"""Merged timelines: one entry per date, its events reported by several articles merged.

Events are grouped when they fall on the same normalized date and their texts
say much the same as one already grouped (word overlap); a date's entry shows
its most reported events in their earliest report's wording and cites every
article and paragraph behind them. Entries are headed by an absolute label
made from the date's value ("12 January 2010"), since reports word one date
differently ("Tuesday", "last month").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from rapidfuzz import fuzz

from digesthub.corpus.db import Database
from digesthub.digester.timeline import join_events
from digesthub.types import Citation, TimeExpression, Timeline, TimelineEntry

SAME_EVENT_SIMILARITY = 60.0
# A date reported with many different events shows this many (the most reported): a timeline
# line, not a search result.
EVENTS_PER_DATE = 3
_EVENT_COLUMNS = ("SELECT ev.id, ev.article_id, ev.date_value, ev.date_text, ev.date_type, ev.date_first,"
                  " ev.date_last, ev.text, ev.paragraphs, a.published FROM events ev"
                  " JOIN articles a ON a.id = ev.article_id")


def load_events(db: Database, entity_id: int | None = None) -> list[tuple[Any, ...]]:
    """Event rows of the corpus, or of one entity."""
    if entity_id is None:
        return db.query(_EVENT_COLUMNS)
    return db.query(_EVENT_COLUMNS + " JOIN event_entities ee ON ee.event_id = ev.id WHERE ee.entity_id = ?",
                    (entity_id,))


def merged_timeline(db: Database, entity_id: int | None = None,
                    articles: Mapping[str, re.Pattern[str] | None] | set[str] | None = None) -> Timeline:
    """The corpus timeline (or one entity's): one entry per date, in date order.

    ``articles`` limits it to those articles' events, and where it maps an article to a pattern,
    to the events whose text matches it (see :func:`digesthub.corpus.search.topic_filter`).
    An entry holds the date's most reported events (up to
    :data:`EVENTS_PER_DATE`, most articles first), each in the words of its
    earliest report, and cites every article and paragraph behind them.
    """
    by_date: dict[str, list[list[tuple[Any, ...]]]] = {}
    rows = [r for r in load_events(db, entity_id) if articles is None or _kept(r, articles)]
    for row in sorted(rows, key=lambda r: (r[9] or "", r[1], r[0])):
        clusters = by_date.setdefault(row[2], [])
        # One article's digest already merged its own repeats: its other sentences are other events.
        home = next((c for c in clusters if all(member[1] != row[1] for member in c)
                     and any(_same_event(row[7], member[7]) for member in c)), None)
        if home is None:
            clusters.append([row])
        else:
            home.append(row)
    entries = [_entry(clusters) for clusters in by_date.values()]
    entries.sort(key=lambda e: (e.date.first_day or dt.date.max, e.date.value))
    return Timeline(entries)


def _kept(row: tuple[Any, ...], articles: Mapping[str, re.Pattern[str] | None] | set[str]) -> bool:
    """Whether an event row passes the topic filter: its article is in, and where the article
    names the topic only in passing, the event's own text names it."""
    if row[1] not in articles:
        return False
    pattern = articles.get(row[1]) if isinstance(articles, Mapping) else None
    return pattern is None or bool(pattern.search(str(row[7])))


def _same_event(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(_words(a), _words(b)) >= SAME_EVENT_SIMILARITY


def _words(text: str) -> str:
    return " ".join(w for w in re.findall(r"\w+", text.lower()) if len(w) > 3)


def _reports(cluster: list[tuple[Any, ...]]) -> int:
    return len({row[1] for row in cluster})


def _entry(clusters: list[list[tuple[Any, ...]]]) -> TimelineEntry:
    """One date's entry: its most reported events (ties: the earliest reported first)."""
    shown = sorted(clusters, key=lambda c: (-_reports(c), c[0][9] or "", c[0][0]))[:EVENTS_PER_DATE]
    first = shown[0][0]  # the earliest report of the date's main event
    date = TimeExpression(0, 0, first[3], first[4], first[2],
                          first_day=_date(first[5]), last_day=_date(first[6]))
    citations: list[Citation] = []
    for row in (row for cluster in shown for row in cluster):
        for number in str(row[8]).split(","):
            citation = Citation(int(number), row[1]) if number else None
            if citation and citation not in citations:
                citations.append(citation)
    return TimelineEntry(date, join_events([cluster[0][7] for cluster in shown]), citations)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def filter_timeline(timeline: Timeline, *, since: dt.date | None = None,
                    until: dt.date | None = None, min_reports: int = 1) -> Timeline:
    """The entries overlapping [since, until] and reported by at least ``min_reports`` articles.

    An entry with no calendar span (an unresolved "now") is kept only when no
    date bound is given: it cannot be placed inside a range.
    """
    kept = []
    for entry in timeline.entries:
        first, last = entry.date.first_day, entry.date.last_day or entry.date.first_day
        if (since or until) and first is None:
            continue
        if since and last < since or until and first > until:
            continue
        if len({c.article_id for c in entry.citations}) < min_reports:
            continue
        kept.append(entry)
    return Timeline(kept)


def render_timeline(timeline: Timeline) -> str:
    """Markdown lines, as in a digest: ``- **wording** (value, first – last day): text [article para. N; ...]``."""
    from digesthub.present.format import time_text

    lines = []
    for entry in timeline.entries:
        cites = "; ".join(f"{c.article_id} para. {c.paragraph}" for c in entry.citations)
        lines.append(f"- **{heading(entry.date)}** ({time_text(entry.date)}): {entry.text} [{cites}]")
    return "\n".join(lines)


def heading(date: TimeExpression) -> str:
    """An absolute label for a merged entry's date; the report's wording when none fits."""
    from digesthub.present.date_label import date_label

    label = None if re.search(r"\d{4}", date.text) else _label(date)
    wording = date.text[:1].upper() + date.text[1:]
    return label or wording


def _label(date: TimeExpression) -> str | None:
    """The value's label ("Early 2025") when the span is the value's own or one of its thirds;
    the span itself otherwise: "January – September 2023" (a month range), "1 January – 9 July
    2025" ("earlier this year", written on 10 July)."""
    from digesthub.analyze.times import calendar_span
    from digesthub.present.date_label import date_label

    mod = _mod_from_span(date)
    if date.first_day is None or date.last_day is None or mod is None \
            or calendar_span(date.value, mod) == (date.first_day, date.last_day):
        return date_label(date.value, mod)
    return span_label(date.first_day, date.last_day)


def span_label(first: dt.date, last: dt.date) -> str:
    """"January – September 2023", "November 2022 – March 2023", "1 January – 9 July 2025"."""
    whole_months = first.day == 1 and (last + dt.timedelta(days=1)).day == 1
    if whole_months:
        start = f"{first:%B}" if first.year == last.year else f"{first:%B %Y}"
        return f"{start} – {last:%B %Y}"
    start = f"{first.day} {first:%B}" if first.year == last.year else f"{first.day} {first:%B %Y}"
    return f"{start} – {last.day} {last:%B %Y}"


def _mod_from_span(date: TimeExpression) -> str | None:
    """START, MID or END when the stored span covers only part of a year or month (the mod is
    not stored with events; "early this year" is kept as 2009 with January to April)."""
    whole = _whole_span(date.value)
    if whole is None or date.first_day is None or date.last_day is None:
        return None
    starts, ends = date.first_day == whole[0], date.last_day == whole[1]
    if starts and ends:
        return None
    return "START" if starts else "END" if ends else "MID"


def _whole_span(value: str) -> tuple[dt.date, dt.date] | None:
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
            return dt.date(year, month, 1), last
    return None
