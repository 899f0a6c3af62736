"""Headline lines: capitals there say nothing about names.

In a line set in capitals ("SOCCER - LEADING SCORES AFTER FRIDAY") or in
title case ("The Deep Concerns of Big Tech") every word is capitalized, so the
model tags common words ("BASEBALL", "Deep Concerns") as names. A span on such
a line is kept only when the rest of the document confirms it: its words occur
capitalized on ordinary lines ("ROTOR" beside "Rotor said ..."), or a rule
pattern found it (a dateline, a legal suffix). A document that is mostly such
lines (a table in capitals) is left alone: there is nothing to confirm against.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import Candidate

# A headline has at least this many words (a two-word caption "NEW YORK" is a dateline or a label).
_MIN_WORDS = 3
# Title case: at least this many content words, all capitalized.
_MIN_TITLE_WORDS = 4
# Above this share of the document's words on headline lines, the document is a table in capitals.
_MAX_HEADLINE_SHARE = 0.3


def headline_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the lines of ``doc`` set in capitals or title case."""
    text = doc.text
    ranges: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        if _is_headline(line):
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def _is_headline(line: str) -> bool:
    if line.count(" ") < _MIN_WORDS - 1:
        return False
    words = [w.strip("\"'“”‘’(),.:;!?") for w in line.split()]
    words = [w for w in words if len(w) > 1 and any(ch.isalpha() for ch in w)]
    if len(words) < _MIN_WORDS:
        return False
    letters = [w for w in words if w.replace("-", "").replace(".", "").replace("'", "").isalpha()]
    if letters and sum(w.isupper() for w in letters) * 5 >= len(letters) * 4:
        return True  # "SOCCER - ROTOR FANS LOCKED OUT"
    if any(ch.isdigit() or ch in ",():/@" for ch in line) or line.lstrip().startswith("-"):
        return False  # a row of results, a list of names, a form field or a signature ("By: Jane Doe")
    content = [w for w in letters if w.lower() not in STOP_WORDS]
    return len(content) >= _MIN_TITLE_WORDS and all(w[0].isupper() for w in content) \
        and not line.rstrip().endswith((".", "!", "?"))


def drop_unconfirmed_headline_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` less the headline-line spans the rest of the document does not confirm."""
    lines = headline_lines(doc)
    if not lines:
        return candidates
    on_headline = [False] * len(doc)
    for start, end in lines:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            on_headline[span.start:span.end] = [True] * len(span)
    words = sum(1 for t in doc if t.is_alpha)
    if sum(1 for t in doc if t.is_alpha and on_headline[t.i]) > words * _MAX_HEADLINE_SHARE:
        return candidates
    # Words seen capitalized off the headlines; in capitals only when they are short (acronyms).
    confirmed = {t.lower_ for t in doc if not on_headline[t.i] and t.text[:1].isupper()
                 and (not t.is_upper or len(t.text) <= 5)}
    kept: list[Candidate] = []
    for candidate in candidates:
        tokens = doc[candidate.first:candidate.last]
        if candidate.from_pattern or not on_headline[candidate.first]:
            kept.append(candidate)
            continue
        names = [t.lower_ for t in tokens if any(ch.isalpha() for ch in t.text) and t.lower_ not in STOP_WORDS]
        if names and all(word in confirmed for word in names):
            kept.append(candidate)
    return kept
