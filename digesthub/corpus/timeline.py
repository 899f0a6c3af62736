"""Merged timelines: one event reported by several articles becomes one entry.

Events are grouped when they fall on the same normalized date and their texts
say much the same (word overlap); the entry keeps the earliest report's
wording and cites every article and paragraph that reported it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rapidfuzz import fuzz

from digesthub.corpus.db import Database
from digesthub.types import Citation, TimeExpression, Timeline, TimelineEntry

SAME_EVENT_SIMILARITY = 60.0
_EVENT_COLUMNS = ("SELECT ev.id, ev.article_id, ev.date_value, ev.date_text, ev.date_type, ev.date_first,"
                  " ev.date_last, ev.text, ev.paragraphs, a.published FROM events ev"
                  " JOIN articles a ON a.id = ev.article_id")


def load_events(db: Database, entity_id: int | None = None) -> list[tuple[Any, ...]]:
    """Event rows of the corpus, or of one entity."""
    if entity_id is None:
        return db.query(_EVENT_COLUMNS)
    return db.query(_EVENT_COLUMNS + " JOIN event_entities ee ON ee.event_id = ev.id WHERE ee.entity_id = ?",
                    (entity_id,))


def merged_timeline(db: Database, entity_id: int | None = None) -> Timeline:
    """The corpus timeline (or one entity's), one entry per event, in date order."""
    groups: list[list[tuple[Any, ...]]] = []
    by_date: dict[str, list[int]] = {}
    for row in sorted(load_events(db, entity_id), key=lambda r: (r[9] or "", r[1], r[0])):
        home = None
        for index in by_date.get(row[2], []):
            if _same_event(row[7], groups[index][0][7]):
                home = index
                break
        if home is None:
            by_date.setdefault(row[2], []).append(len(groups))
            groups.append([row])
        else:
            groups[home].append(row)
    entries = [_entry(group) for group in groups]
    entries.sort(key=lambda e: (e.date.first_day or dt.date.max, e.date.value))
    return Timeline(entries)


def _same_event(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(_words(a), _words(b)) >= SAME_EVENT_SIMILARITY


def _words(text: str) -> str:
    return " ".join(w for w in re.findall(r"\w+", text.lower()) if len(w) > 3)


def _entry(group: list[tuple[Any, ...]]) -> TimelineEntry:
    first = group[0]  # the earliest published report
    date = TimeExpression(0, 0, first[3], first[4], first[2],
                          first_day=_date(first[5]), last_day=_date(first[6]))
    citations: list[Citation] = []
    for row in group:
        for number in str(row[8]).split(","):
            citation = Citation(int(number), row[1]) if number else None
            if citation and citation not in citations:
                citations.append(citation)
    return TimelineEntry(date, first[7], citations)


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
        wording = entry.date.text[:1].upper() + entry.date.text[1:]
        lines.append(f"- **{wording}** ({time_text(entry.date)}): {entry.text} [{cites}]")
    return "\n".join(lines)
