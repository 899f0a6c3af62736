"""Romanized Chinese names: two spellings of one name in Latin letters.

A Chinese company's name reaches English text romanized, and not always the same way:
"Zhipu" (智谱, pinyin) is written "Zhipei" by one outlet. Both spellings read as a run of
Mandarin syllables (initial + final); when the runs have as many syllables, the same
initials and the same first syllable, they are likely one name spelled two ways. The
resolver still treats this as weak evidence that the context must not contradict
("Zhipin", a different company, reads the same way).
"""

from __future__ import annotations

from functools import lru_cache

# The Mandarin initials (longest first: "zh" before "z") and finals, as pinyin writes them.
_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z",
             "c", "s", "y", "w", "")
_FINALS = frozenset(
    "a o e i u v ai ei ui ao ou iu ie ve ue er an en in un vn ang eng ing ong ia iao ian iang iong ua uo uai "
    "uan uang".split())
MIN_SYLLABLES = 2


@lru_cache(maxsize=4096)
def syllables(word: str) -> tuple[tuple[str, str], ...] | None:
    """``word`` (lower case, letters only) as (initial, final) syllables, fewest syllables first;
    None when it does not read as Mandarin."""
    if not word:
        return ()
    best: tuple[tuple[str, str], ...] | None = None
    for initial in _INITIALS:
        if not word.startswith(initial):
            continue
        for size in range(4, 0, -1):
            final = word[len(initial):len(initial) + size]
            if len(final) != size or final not in _FINALS:
                continue
            rest = syllables(word[len(initial) + size:])
            if rest is not None and (best is None or len(rest) + 1 < len(best)):
                best = ((initial, final),) + rest
    return best


def same_name_romanized(a: str, b: str) -> bool:
    """Whether name keys ``a`` and ``b`` (lower case, no spaces) read as one Mandarin name spelled
    two ways: as many syllables (two or more), the same initials, the same first syllable."""
    if a == b or not (a.isalpha() and b.isalpha()):
        return False
    read_a, read_b = syllables(a), syllables(b)
    if not read_a or not read_b or len(read_a) != len(read_b) or len(read_a) < MIN_SYLLABLES:
        return False
    return read_a[0] == read_b[0] and all(x[0] == y[0] for x, y in zip(read_a, read_b))
