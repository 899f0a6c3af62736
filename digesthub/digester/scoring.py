"""Shared text features for key points, summary and the citation verifier.

Words are lower-cased and Porter-stemmed (the stemmer ROUGE uses, so what we
optimize and what we measure agree); PTB-tokenized text (``-lrb-``, ``````,
``''``) and ordinary text give the same features. Numbers are normalized
("1,000" -> "1000", "three" -> "3") so a claim's figures can be checked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

_STEMMER = PorterStemmer()

# Closed-class English words: they carry no content to cover or to match.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves said says say told according mr mrs
ms dr s t 's n't 'll 're 've 'd 'm one new would may might must shall us get got also yet however
""".split())

NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "hundred": "100", "thousand": "1000", "million": "1e6", "billion": "1e9",
    "dozen": "12",
}

# PTB escapes as the CNN/DailyMail release writes them.
_PTB = {"-lrb-": "(", "-rrb-": ")", "-lsb-": "[", "-rsb-": "]", "-lcb-": "{", "-rcb-": "}",
        "``": '"', "''": '"', "`": "'"}
_PTB_RE = re.compile("|".join(re.escape(k) for k in sorted(_PTB, key=len, reverse=True)))
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


def unescape_ptb(text: str) -> str:
    """Replace PTB bracket and quote escapes with the characters they stand for."""
    return _PTB_RE.sub(lambda m: _PTB[m.group(0)], text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem of a lower-cased word (cached: the same words recur)."""
    return _STEMMER.stem(word) if len(word) > 3 else word


def words(text: str) -> list[str]:
    """Lower-cased word and number tokens of ``text``."""
    tokens = (w.lower() for w in _WORD_RE.findall(unescape_ptb(text)))
    # Possessives match the bare name: "Acme's" -> "acme".
    return [w[:-2] if w.endswith(("'s", "’s")) else w for w in tokens]


def stems(text: str) -> list[str]:
    """Stems of all words (stopwords included), in order: for n-gram overlap."""
    return [stem(w) for w in words(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the content words (no stopwords, no 1-letter tokens), in order."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


def normalize_number(token: str) -> str:
    """"1,000" -> "1000", "3.50" -> "3.5", "three" -> "3"; other tokens unchanged."""
    token = token.lower()
    if token in NUMBER_WORDS:
        return NUMBER_WORDS[token]
    if not _NUMBER_RE.fullmatch(token):
        return token
    # A comma followed by exactly three digits groups thousands; otherwise it is a decimal mark.
    plain = re.sub(r",(?=\d{3}(?:\D|$))", "", token).replace(",", ".")
    if "." in plain:
        plain = plain.rstrip("0").rstrip(".")
    return plain.lstrip("0") or "0"


def numbers(text: str) -> set[str]:
    """The normalized numbers a text states (digits and number words)."""
    found = {normalize_number(m) for m in _NUMBER_RE.findall(unescape_ptb(text))}
    found.update(NUMBER_WORDS[w] for w in words(text) if w in NUMBER_WORDS and w != "one")
    return found


def bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    """Adjacent pairs of ``tokens``."""
    return set(zip(tokens, tokens[1:]))


def char_ngrams(text: str, n: int = 4) -> dict[str, int]:
    """Counts of character n-grams of the lower-cased words (a spelling-tolerant profile)."""
    joined = " " + " ".join(words(text)) + " "
    counts: dict[str, int] = {}
    for i in range(len(joined) - n + 1):
        gram = joined[i:i + n]
        counts[gram] = counts.get(gram, 0) + 1
    return counts


def cosine(a: dict[str, int] | dict[str, float], b: dict[str, int] | dict[str, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(value * b.get(key, 0) for key, value in a.items())
    norm_a = sum(v * v for v in a.values()) ** 0.5
    norm_b = sum(v * v for v in b.values()) ** 0.5
    return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0
