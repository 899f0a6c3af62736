"""The rule machinery: a rule is a regular expression plus a handler that normalizes a match.

Rules are compiled case-insensitive; handlers check capitalization where it
matters ("May" the month, "may" the verb). Candidates of all rules are pooled
and the longest non-overlapping ones win.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from digesthub.analyze.times.resolve import Tense, tense_at


@dataclass
class Context:
    """What a handler may read: the whole text, the anchor date, a cached tense lookup."""

    text: str
    anchor: dt.date | None
    _tenses: dict[tuple[int, int], Tense] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> Tense:
        """Tense of the sentence around ``start:end`` (cached per span)."""
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = tense_at(self.text, start, end)
        return self._tenses[key]

    def before(self, start: int, width: int = 30) -> str:
        """Up to ``width`` characters of text before ``start``."""
        return self.text[max(0, start - width):start]

    def after(self, end: int, width: int = 30) -> str:
        """Up to ``width`` characters of text after ``end``."""
        return self.text[end:end + width]


@dataclass
class Found:
    """A normalized match: TIMEX3 type, value, mod, and optionally a narrower span."""

    type: str
    value: str
    mod: str | None = None
    start: int | None = None
    end: int | None = None


Handler = Callable[[re.Match[str], Context], "Found | None"]


@dataclass(frozen=True)
class Rule:
    """A named pattern and the handler that turns its matches into values.

    ``needs`` (optional) is a word every match contains, with how far a match
    may start before it and end after it: the pattern then runs only on
    windows around those words, which saves scanning long texts with
    patterns that may start anywhere ("two years", "a week ago").
    """

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    needs: tuple[re.Pattern[str], int, int] | None = None

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in ``text``, left to right, as a full scan would find them."""
        if self.needs is None:
            yield from self.pattern.finditer(text)
            return
        word, before, after = self.needs
        windows: list[list[int]] = []
        for hit in word.finditer(text):
            low, high = max(0, hit.start() - before), min(len(text), hit.end() + after)
            if windows and low <= windows[-1][1]:
                windows[-1][1] = high
            else:
                windows.append([low, high])
        for low, high in windows:
            yield from self.pattern.finditer(text, low, high)


def rule(name: str, pattern: str, needs: tuple[str, int, int] | None = None) -> Callable[[Handler], Rule]:
    """Decorator: compile ``pattern`` (case-insensitive, verbose off) and bind the handler."""
    def wrap(handler: Handler) -> Rule:
        word = (re.compile(needs[0], re.I), needs[1], needs[2]) if needs else None
        return Rule(name, re.compile(pattern, re.I), handler, word)
    return wrap


def capitalized(word: str) -> bool:
    """True when ``word`` starts with a capital letter (month and weekday names must)."""
    return bool(word) and word[0].isupper()
