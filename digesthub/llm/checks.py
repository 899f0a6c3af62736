"""Checks on the model's sections: what fails is removed, and the digest says why.

* key points, summary sentences and timeline events: every citation must name
  an existing paragraph that supports the sentence (the offline verifier's
  :func:`support_score`); failing citations are removed, and an item left with
  none is dropped;
* timeline dates must normalize to a calendar date;
* entity cards: the name or an alias must occur in the article; aliases that
  do not are removed; description sentences must be supported by some
  paragraph; a fact must cite a paragraph containing its value, and its date
  must normalize (or the date alone is removed);
* any field repeating a long stretch of the system prompt is dropped (a leak,
  most likely obeyed injected instructions).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from digesthub.llm.prompts import ANSWER_SYSTEM, DIGEST_SYSTEM
from digesthub.types import (
    Article,
    Citation,
    Dropped,
    KeyPoint,
    SummarySentence,
    TimeExpression,
    Timeline,
    TimelineEntry,
    Verification,
)

# Eight words in a row from the system prompt is a quotation, not a coincidence.
LEAK_NGRAM = 8
LEAK_REASON = "repeats the system prompt"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass
class Checked:
    """Items that passed, plus the verification of their citations and what was dropped."""

    items: list[Any] = field(default_factory=list)
    verification: Verification = field(default_factory=Verification)


def norm(text: str) -> str:
    """Case-folded, whitespace-collapsed text, for "occurs in" tests."""
    return " ".join(text.casefold().split())


def occurs(needle: str, haystack: str) -> bool:
    """``needle`` occurs in ``haystack`` as whole words, ignoring case and spacing."""
    needle_n = norm(needle)
    if not needle_n:
        return False
    return re.search(rf"(?<!\w){re.escape(needle_n)}(?!\w)", norm(haystack)) is not None


def _ngrams(text: str) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {tuple(words[i:i + LEAK_NGRAM]) for i in range(len(words) - LEAK_NGRAM + 1)}


_PROMPT_NGRAMS = _ngrams(DIGEST_SYSTEM) | _ngrams(ANSWER_SYSTEM)


def leaks_prompt(text: str) -> bool:
    """True when ``text`` repeats :data:`LEAK_NGRAM` or more words in a row of a system prompt."""
    return not _ngrams(text).isdisjoint(_PROMPT_NGRAMS)


def citations(paragraphs: list[int]) -> list[Citation]:
    """Citations for paragraph numbers, in order, without repeats."""
    return [Citation(paragraph=n) for n in dict.fromkeys(paragraphs)]


def split_leaks(raw: list[dict[str, Any]], section: str, text_of: Callable[[dict[str, Any]], str]
                ) -> tuple[list[dict[str, Any]], list[Dropped]]:
    """Items of ``raw`` whose text repeats no system prompt, and Dropped records for the rest."""
    kept, dropped = [], []
    for number, item in enumerate(raw, start=1):
        if leaks_prompt(text_of(item)):
            dropped.append(leak_dropped(section, number))
        else:
            kept.append(item)
    return kept, dropped


def leak_dropped(section: str, number: int) -> Dropped:
    """The record of a leaking item; its text is withheld, or the report would leak it."""
    return Dropped(section=section, item=f"item {number} (text withheld)", reason=LEAK_REASON)


def check_key_points(raw: list[dict[str, Any]], article: Article) -> Checked:
    """Key points whose citations hold (see the module docstring)."""
    from digesthub.digester.verify import verify_key_points

    clean, leaked = split_leaks(raw, "key_points", lambda item: item["text"])
    points = [KeyPoint(text=item["text"].strip(), citations=citations(item["paragraphs"])) for item in clean]
    kept, verification = verify_key_points(points, article, section="key_points")
    verification.dropped[:0] = leaked
    return Checked(kept, verification)


def check_summary(raw: list[dict[str, Any]], article: Article) -> Checked:
    """Summary sentences whose citations hold."""
    from digesthub.digester.verify import verify_citations

    clean, leaked = split_leaks(raw, "summary", lambda item: item["text"])
    sentences = [SummarySentence(text=item["text"].strip(), citations=citations(item["paragraphs"]),
                                 group=item["group"]) for item in clean]
    kept, verification = verify_citations(sentences, article, section="summary")
    verification.dropped[:0] = leaked
    return Checked(kept, verification)


def check_timeline(raw: list[dict[str, Any]], article: Article) -> Checked:
    """Timeline entries whose date normalizes and whose citations hold, in date order."""
    from digesthub.digester.verify import verify_citations

    clean, dropped = split_leaks(raw, "timeline", lambda item: f"{item['date_text']} {item['text']}")
    dated: list[tuple[TimeExpression, dict[str, Any]]] = []
    for item in clean:
        date, problem = normalize_date(item["date_text"], article)
        if date is None:
            dropped.append(Dropped(section="timeline", item=f"{item['date_text']}: {item['text']}"[:200],
                                   reason=problem))
        else:
            dated.append((date, item))
    sentences = [SummarySentence(text=item["text"].strip(), citations=citations(item["paragraphs"]), group=i)
                 for i, (_, item) in enumerate(dated)]
    kept, verification = verify_citations(sentences, article, section="timeline")
    entries = []
    for sentence in kept:
        date = dated[sentence.group][0]
        date.paragraph = sentence.citations[0].paragraph if sentence.citations else None
        entries.append(TimelineEntry(date=date, text=sentence.text, citations=sentence.citations))
    entries.sort(key=_date_key)
    verification.dropped[:0] = dropped
    return Checked([Timeline(entries=entries)], verification)


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


def _normalizer() -> Callable[..., TimeExpression | None]:
    try:
        from digesthub.analyze.times import normalize_time
    except ImportError:  # the time grammar is optional: fall back to unambiguous forms
        return _plain_date
    return normalize_time


_MONTHS = ("january february march april may june july august september october november december").split()
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


def _date_key(entry: TimelineEntry) -> tuple[str, str]:
    first = entry.date.first_day.isoformat() if entry.date.first_day else ""
    return (first or entry.date.value, entry.date.value)
