"""Checks on the model's sections: what fails is removed, and the digest says why.

* key points, summary sentences and timeline events: every citation must name
  an existing paragraph that supports the sentence (the offline verifier's
  :func:`support_score`); failing citations are removed, and an item left with
  none is dropped;
* timeline dates must normalize to a calendar date stated in a cited
  paragraph (:mod:`digesthub.llm.dates`);
* at most :data:`MAX_KEY_POINTS` key points are kept;
* entity cards (:mod:`digesthub.llm.cards`): the name or an alias must occur
  in the article; aliases that do not are removed; description sentences must
  be supported by some paragraph; a fact must cite a paragraph containing its
  value, and its date must normalize and be stated there (or the date alone is
  removed);
* any field repeating a long stretch of the system prompt is dropped (a leak,
  most likely obeyed injected instructions).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from digesthub.llm.dates import checked_date, date_key
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
MAX_KEY_POINTS = 5  # the format's "3 to 5 takeaways"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass
class Checked:
    """Items that passed, plus the verification of their citations and what was dropped."""

    items: list[Any] = field(default_factory=list)
    verification: Verification = field(default_factory=Verification)


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
    verification.dropped += [Dropped(section="key_points", item=point.text[:200],
                                     reason=f"over the limit of {MAX_KEY_POINTS} key points")
                             for point in kept[MAX_KEY_POINTS:]]
    return Checked(kept[:MAX_KEY_POINTS], verification)


def check_summary(raw: list[dict[str, Any]], article: Article) -> Checked:
    """Summary sentences whose citations hold."""
    from digesthub.digester.verify import verify_citations

    clean, leaked = split_leaks(raw, "summary", lambda item: item["text"])
    sentences = [SummarySentence(text=item["text"].strip(), citations=citations(item["paragraphs"]),
                                 group=item["group"]) for item in clean]
    kept, verification = verify_citations(sentences, article, section="summary")
    verification.dropped[:0] = leaked
    return Checked(kept, verification)


def check_timeline(raw: list[dict[str, Any]], article: Article,
                   times: Sequence[TimeExpression] = ()) -> Checked:
    """Timeline entries whose citations hold and whose date normalizes and is stated, in date order.

    ``times`` are the analysis layer's time expressions, so a date the model
    reworded ("December 2024" for "in December") still counts as stated.
    """
    from digesthub.digester.verify import verify_citations

    clean, dropped = split_leaks(raw, "timeline", lambda item: f"{item['date_text']} {item['text']}")
    sentences = [SummarySentence(text=item["text"].strip(), citations=citations(item["paragraphs"]), group=i)
                 for i, item in enumerate(clean)]
    kept, verification = verify_citations(sentences, article, section="timeline")
    entries = []
    for sentence in kept:
        date_text = clean[sentence.group]["date_text"]
        cited = [c.paragraph for c in sentence.citations]
        date, problem = checked_date(date_text, article, cited, times)
        if date is None:
            dropped.append(Dropped(section="timeline", item=f"{date_text}: {sentence.text}"[:200], reason=problem))
            continue
        date.paragraph = cited[0]
        entries.append(TimelineEntry(date=date, text=sentence.text, citations=sentence.citations))
    entries.sort(key=date_key)
    verification.dropped[:0] = dropped
    return Checked([Timeline(entries=entries)], verification)
