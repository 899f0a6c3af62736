"""Text matching for the checks: does a name or value occur in the article?"""

from __future__ import annotations

import re


def norm(text: str) -> str:
    """Case-folded, whitespace-collapsed text, with curly quotes made straight."""
    straight = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(straight.casefold().split())


def occurs(needle: str, haystack: str) -> bool:
    """``needle`` occurs in ``haystack`` as whole words, ignoring case, spacing and quote style."""
    needle_n = norm(needle)
    if not needle_n:
        return False
    return re.search(rf"(?<!\w){re.escape(needle_n)}(?!\w)", norm(haystack)) is not None
