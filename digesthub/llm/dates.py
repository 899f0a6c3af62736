"""Dates the model wrote: they must normalize to a calendar date and be stated where cited.

Normalization is the analysis layer's time grammar
(``digesthub.analyze.times.normalize_time``), anchored at the publication date
so "in December" resolves; when that grammar is not installed, only
unambiguous forms (ISO dates, years, "Month YYYY") normalize.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from digesthub.llm.text import norm, occurs
from digesthub.types import Article, TimeExpression, TimelineEntry


def checked_date(text: str, article: Article, paragraphs: Sequence[int],
                 times: Sequence[TimeExpression] = ()) -> tuple[TimeExpression | None, str]:
    """``text`` normalized, when it also is stated in one of ``paragraphs``; else None and why."""
    expression, problem = normalize_date(text, article)
    if expression is None:
        return None, problem
    if not _stated(text, expression, article, paragraphs, times):
        cited = "".join(f"[para. {n}]" for n in paragraphs)
        return None, f"the date {text!r} is not stated in {cited or 'the cited paragraphs'}"
    return expression, ""


def normalize_date(text: str, article: Article) -> tuple[TimeExpression | None, str]:
    """``text`` as a calendar date anchored at the publication date, or None and why."""
    if not text.strip():
        return None, "no date"
    expression = _normalizer()(text, anchor=article.published)
    if expression is None:
        return None, f"the date {text!r} does not normalize"
    if not expression.value[:1].isdigit():
        return None, f"the date {text!r} normalizes to {expression.value}, not a calendar date"
    return expression, ""


def _stated(text: str, expression: TimeExpression, article: Article, paragraphs: Sequence[int],
            times: Sequence[TimeExpression]) -> bool:
    """The cited paragraphs use these words, or say a time the analysis normalized to the same value."""
    existing = [n for n in paragraphs if 1 <= n <= len(article.paragraphs)]
    if any(occurs(text, article.paragraph(n).text) for n in existing):
        return True
    return any(t.paragraph in existing and t.value == expression.value for t in times)


def date_key(entry: TimelineEntry) -> tuple[str, str]:
    """Sort key: first day when known, else the TIMEX3 value (which sorts as dates do)."""
    first = entry.date.first_day.isoformat() if entry.date.first_day else ""
    return (first or entry.date.value, entry.date.value)


def _normalizer() -> Callable[..., TimeExpression | None]:
    try:
        from digesthub.analyze.times import normalize_time
    except ImportError:  # the time grammar is optional: fall back to unambiguous forms
        return _plain_date
    return normalize_time


_MONTHS = "january february march april may june july august september october november december".split()
_PLAIN = re.compile(r"^(?:(?P<month>[a-z]+)\s+)?(?P<year>(?:19|20)\d\d)(?:-(?P<mm>\d\d)(?:-(?P<dd>\d\d))?)?$")


def _plain_date(text: str, anchor: Any = None) -> TimeExpression | None:
    """ISO dates, years and "Month YYYY" (used only when no time grammar is installed)."""
    match = _PLAIN.match(norm(text))
    if match is None:
        return None
    month = match["month"]
    if month and month not in _MONTHS:
        return None
    value = match["year"]
    if month:
        value += f"-{_MONTHS.index(month) + 1:02d}"
    elif match["mm"]:
        value += f"-{match['mm']}" + (f"-{match['dd']}" if match["dd"] else "")
    return TimeExpression(start=0, end=len(text), text=text, type="DATE", value=value)
