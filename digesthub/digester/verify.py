"""Citation verifier: does the cited paragraph support the sentence?

:func:`support_score` rates how well a passage supports a claim, in [0, 1]:

* **coverage** (weight 0.55): share of the claim's content-word stems found in
  the passage (a stem sharing a 5+ letter prefix with a passage stem counts
  0.8, so "acquired"/"acquisition" match);
* **bigrams** (0.20): share of the claim's stem bigrams found in the passage
  (word order and phrasing, not just a bag of words);
* **character 4-grams** (0.25): share of the claim's content-word character
  4-grams found in the passage, a spelling- and morphology-tolerant similarity
  that stands in for an embedding model (no torch offline);
* then **hard checks**: every number the claim states must appear in the
  passage (each missing one multiplies the score by 0.25, so a wrong figure
  fails), and each capitalized name in the claim that the passage lacks
  (allowing a spelling variant, rapidfuzz ratio >= 85) multiplies it by 0.5.

A passage supports a claim when the score is at least
:data:`SUPPORT_THRESHOLD` (0.5). A sentence copied from the passage scores
1.0; a light paraphrase (some words changed, same facts) scores about 0.55-0.8;
an unrelated paragraph of the same article about 0.1-0.3.

:func:`verify_citations` applies it to summary sentences, :func:`verify_key_points`
to key points.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from collections.abc import Sequence
from typing import TypeVar

from rapidfuzz import fuzz

from digesthub.digester import scoring
from digesthub.types import Article, Citation, Dropped, KeyPoint, SummarySentence, Verification

SUPPORT_THRESHOLD = 0.5
# A cited paragraph that does not support the claim alone is still a valid
# citation when the cited paragraphs together support it and it carries at
# least this much of the claim itself (similarity before the hard checks).
JOINT_SHARE = 0.3
_WEIGHTS = (0.55, 0.20, 0.25)
_MISSING_NUMBER_FACTOR = 0.25
_MISSING_NAME_FACTOR = 0.5
_NAME_SIMILARITY = 85.0  # rapidfuzz ratio for spelling variants of a name
# A capitalized word, with the letters after an inner apostrophe ("Xi'an", "O'Brien", "Acme's").
_NAME_RE = re.compile(r"\b[A-Z](?:[^\W_]|['’](?=[^\W\d_]))*[A-Za-z]\b")

Item = TypeVar("Item", SummarySentence, KeyPoint)


@dataclasses.dataclass(frozen=True)
class _Passage:
    """What the checks read from a passage, computed once per paragraph text."""

    stems: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    chars: dict[str, int]
    numbers: frozenset[str]


@lru_cache(maxsize=512)
def _passage(passage: str) -> _Passage:
    # A paragraph is checked against every sentence citing it and every repair
    # candidate: profiling it once keeps verification linear in the article.
    numbers = set(scoring.numbers(passage))
    if "one" in scoring.words(passage):  # "one" is not counted as a number (too common), but may spell 1
        numbers.add("1")
    return _Passage(frozenset(scoring.content_stems(passage)),
                    frozenset(scoring.bigrams(scoring.stems(passage))),
                    _content_chars(passage), frozenset(numbers))


def support_score(claim: str, passage: str, article_text: str | None = None) -> float:
    """How well ``passage`` supports ``claim``, in [0, 1] (see the module docstring).

    With ``article_text``, a name word the passage lacks still counts as supported when it
    completes a name the passage uses the way the article writes it in full: "Stephenie Meyer
    said" is supported by a paragraph saying "Meyer said" in an article that names "Stephenie
    Meyer" (the digest writes a bare surname as the full name).
    """
    score = _similarity(claim, passage)
    if score == 0.0:
        return 0.0
    profile = _passage(passage)
    missing_numbers = scoring.numbers(claim) - profile.numbers
    score *= _MISSING_NUMBER_FACTOR ** len(missing_numbers)
    missing = _missing_names(claim, set(profile.stems))
    if article_text is not None:
        missing = [name for name in missing if not _completes_a_name(name, claim, passage, article_text)]
    score *= _MISSING_NAME_FACTOR ** min(2, len(missing))
    return max(0.0, min(1.0, score))


def _completes_a_name(word: str, claim: str, passage: str, article_text: str) -> bool:
    """``word`` stands next to a name word of the passage in the claim, and the article writes
    the two together: the article's full name of someone the passage names."""
    for pair in re.finditer(rf"(?<!\w){re.escape(word)}\s+([A-Z][\w'’-]+)|([A-Z][\w'’-]+)\s+{re.escape(word)}(?!\w)",
                            claim):
        partner = pair.group(1) or pair.group(2)
        if re.search(rf"(?<!\w){re.escape(partner)}(?!\w)", passage) and pair.group(0) in article_text:
            return True
    return False


def _similarity(claim: str, passage: str) -> float:
    """The weighted lexical similarity, before the number and name checks."""
    claim_stems = set(scoring.content_stems(claim))
    if not claim_stems:
        return 0.0
    profile = _passage(passage)
    passage_stems = set(profile.stems)
    coverage = sum(_stem_match(s, passage_stems) for s in claim_stems) / len(claim_stems)
    claim_bigrams = scoring.bigrams(scoring.stems(claim))
    bigram = (len(claim_bigrams & profile.bigrams) / len(claim_bigrams)
              if claim_bigrams else coverage)
    chars = _containment(_content_chars(claim), profile.chars)
    return _WEIGHTS[0] * coverage + _WEIGHTS[1] * bigram + _WEIGHTS[2] * chars


def supports(claim: str, passage: str) -> bool:
    """True when ``passage`` supports ``claim`` (score at or over the threshold)."""
    return support_score(claim, passage) >= SUPPORT_THRESHOLD


def find_support(claim: str, article: Article, *, limit: int = 2) -> list[Citation]:
    """The paragraphs that best support ``claim`` (for repairing a bad citation), best first."""
    scored = sorted(((support_score(claim, p.text), p.number) for p in article.paragraphs), reverse=True)
    return [Citation(paragraph=n) for score, n in scored[:limit] if score >= SUPPORT_THRESHOLD]


def verify_citations(sentences: list[SummarySentence], article: Article, *,
                     section: str = "summary") -> tuple[list[SummarySentence], Verification]:
    """Check every citation of ``sentences`` against ``article``.

    A citation holds when its paragraph exists and supports the sentence alone,
    or jointly with the other cited paragraphs (see :data:`JOINT_SHARE`).
    Citations that fail are removed; a sentence left without a citation that
    holds is dropped and reported. Kept sentences come back with
    ``verified=True``.
    """
    kept, verification = _verify_items(sentences, article, section)
    return [dataclasses.replace(s, verified=True) for s in kept], verification


def verify_key_points(points: list[KeyPoint], article: Article, *,
                      section: str = "key_points") -> tuple[list[KeyPoint], Verification]:
    """:func:`verify_citations` for key points (a key point without citations is dropped)."""
    return _verify_items(points, article, section)


def merge_verifications(*parts: Verification) -> Verification:
    """One report for several sections."""
    return Verification(
        citations_checked=sum(p.citations_checked for p in parts),
        citations_verified=sum(p.citations_verified for p in parts),
        dropped=[d for p in parts for d in p.dropped],
    )


def _verify_items(items: Sequence[Item], article: Article, section: str) -> tuple[list[Item], Verification]:
    verification = Verification()
    kept: list[Item] = []
    for item in items:
        verification.citations_checked += len(item.citations)
        good, reason = _check_item(item.text, item.citations, article)
        verification.citations_verified += len(good)
        if reason is None:
            kept.append(dataclasses.replace(item, citations=good))
        else:
            verification.dropped.append(Dropped(section=section, item=item.text, reason=reason))
    return kept, verification


def _check_item(text: str, citations: list[Citation], article: Article) -> tuple[list[Citation], str | None]:
    """The citations that hold, and why the item must go (None when it stays)."""
    if not citations:
        return [], "no citation"
    existing = [c for c in dict.fromkeys(citations) if 1 <= c.paragraph <= len(article.paragraphs)]
    if not existing:
        labels = "".join(c.label() for c in citations)
        return [], f"cites {labels}, but the article has {len(article.paragraphs)} paragraphs"
    alone = {c: support_score(text, article.paragraph(c.paragraph).text, article.text) for c in existing}
    joint = support_score(text, _joined(existing, article), article.text) if len(existing) > 1 else max(alone.values())
    # A paragraph's share is judged before the hard checks: the figure or name it
    # lacks may be exactly what the other cited paragraph supplies.
    good = [c for c in existing if alone[c] >= SUPPORT_THRESHOLD or (
        joint >= SUPPORT_THRESHOLD and _similarity(text, article.paragraph(c.paragraph).text) >= JOINT_SHARE)]
    if good and (len(good) == 1 or support_score(text, _joined(good, article), article.text) >= SUPPORT_THRESHOLD):
        return good, None
    labels = "".join(c.label() for c in existing)
    return good, f"not supported by {labels} (support {joint:.3f} < {SUPPORT_THRESHOLD})"


def _joined(citations: list[Citation], article: Article) -> str:
    return "\n\n".join(article.paragraph(c.paragraph).text for c in citations)


def _stem_match(claim_stem: str, passage_stems: set[str]) -> float:
    if claim_stem in passage_stems:
        return 1.0
    if len(claim_stem) >= 5 and not claim_stem.isdigit():
        prefix = claim_stem[:5]
        if any(s.startswith(prefix) for s in passage_stems):
            return 0.8
    return 0.0


def _content_chars(text: str) -> dict[str, int]:
    content = " ".join(w for w in scoring.words(text) if w not in scoring.STOPWORDS)
    return scoring.char_ngrams(content)


def _containment(part: dict[str, int], whole: dict[str, int]) -> float:
    total = sum(part.values())
    return sum(min(n, whole.get(g, 0)) for g, n in part.items()) / total if total else 0.0


def _missing_names(claim: str, passage_stems: set[str]) -> list[str]:
    """Capitalized words of the claim (names, mostly) that the passage never uses.

    A one-letter spelling variant ("Zuckerburg" for "Zuckerberg") still counts
    as used; a different name ("Zhipu" for "Zhipei") does not.
    """
    names = {m.group(0) for m in _NAME_RE.finditer(scoring.unescape_ptb(claim))}
    missing = []
    for name in names:
        key = scoring.stem(scoring.words(name)[0])  # as the passage's words are read: "Acme's" is "acme"
        if name.lower() in scoring.STOPWORDS or key in passage_stems:
            continue
        if len(key) >= 6 and any(fuzz.ratio(key, s) >= _NAME_SIMILARITY for s in passage_stems):
            continue
        missing.append(name)
    return missing
