"""Digest: key points, cited summary, entity cards, timeline -> Digest.

Engines register under a name, built-ins the same way as plugins::

    register_engine("offline", OfflineEngine)

An engine is any object with ``run(annotated: AnnotatedArticle) -> Digest``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from digesthub.errors import EngineError, Errors
from digesthub.types import AnnotatedArticle, Article, Digest


class DigestEngine(Protocol):
    def run(self, annotated: AnnotatedArticle) -> Digest: ...


_ENGINES: dict[str, Callable[[], DigestEngine]] = {}


def register_engine(name: str, factory: Callable[[], DigestEngine]) -> None:
    """Make ``factory`` available as ``digest(..., engine=name)`` and ``--engine name``."""
    _ENGINES[name] = factory


def engine_names() -> list[str]:
    return sorted(_ENGINES)


class OfflineEngine:
    """Extractive, deterministic, no network: every citation verifies by construction."""

    def run(self, annotated: AnnotatedArticle) -> Digest:
        from digesthub.digester.cards import build_cards, mentioned_entities
        from digesthub.digester.keypoints import select_key_points
        from digesthub.digester.summary import summarize
        from digesthub.digester.timeline import article_timeline
        from digesthub.digester.verify import merge_verifications, verify_citations, verify_key_points

        summary, summary_check = verify_citations(summarize(annotated), annotated.article)
        # Key points cite too: their citations count in the digest's figures like the summary's.
        key_points, key_point_check = verify_key_points(select_key_points(annotated), annotated.article)
        verification = merge_verifications(summary_check, key_point_check)
        cards = build_cards(annotated)
        return Digest(
            article=annotated.article,
            key_points=key_points,
            summary=summary,
            entities=cards,
            timeline=article_timeline(annotated),
            engine="offline",
            verification=verification,
            warnings=article_warnings(annotated),
            mentioned=mentioned_entities(annotated, cards),
        )


class LLMEngine:
    """Abstractive text from an OpenAI-compatible endpoint, checked against the article."""

    def run(self, annotated: AnnotatedArticle) -> Digest:
        from digesthub.digester.cards import mentioned_entities
        from digesthub.llm.engine import llm_digest

        digest_ = llm_digest(annotated)
        digest_.warnings = article_warnings(annotated) + digest_.warnings
        digest_.mentioned = mentioned_entities(annotated, digest_.entities)
        return digest_


def article_warnings(annotated: AnnotatedArticle) -> list[str]:
    """What a reader should know about the input itself."""
    warnings = []
    if annotated.article.published is None:
        relative = [t.text for t in annotated.times if t.value.startswith("XXXX") or "REF" in t.value]
        note = f" ({', '.join(relative[:3])})" if relative else ""
        warnings.append("No publication date: relative dates are left unresolved" + note
                        + "; pass --published YYYY-MM-DD.")
    return warnings


register_engine("offline", OfflineEngine)
register_engine("llm", LLMEngine)


def digest(article_or_text: Article | str | Path, *, title: str | None = None,
           published: str | dt.date | None = None, engine: str = "offline") -> Digest:
    """The digest of one article.

    ``article_or_text`` is an :class:`Article`, a path/URL, or the article text
    itself; ``title`` and ``published`` override what the input says (the
    publication date anchors relative dates). ``engine`` is "offline"
    (default) or "llm" (an OpenAI-compatible endpoint, see the README).
    """
    from digesthub.analyze import analyze
    from digesthub.ingest import read_article

    if engine not in _ENGINES:
        raise EngineError(Errors.E101, engine=engine, choices=", ".join(engine_names()))
    if isinstance(article_or_text, Article):
        article = article_or_text
        if title:
            article.title = title
        if published:
            from digesthub.ingest.dates import coerce_date

            article.published = coerce_date(published)
    else:
        article = read_article(article_or_text, title=title, published=published)
    return _ENGINES[engine]().run(analyze(article))


__all__ = ["DigestEngine", "OfflineEngine", "digest", "engine_names", "register_engine"]
