"""The ingest pipeline: articles in, one transaction per article, resumable.

An article's content hash (title and body, whitespace-normalized) decides
whether it is new. Each article is committed with its whole analysis in one
transaction, so an interrupted ingest leaves only complete articles behind,
and running it again skips those and adds the rest.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from digesthub.corpus.db import Database
from digesthub.corpus.store import delete_article, store_digest
from digesthub.errors import DigesthubError
from digesthub.types import Article, Digest

Status = Literal["added", "replaced", "skipped", "failed"]
Digester = Callable[[Article], Digest]


@dataclass
class IngestResult:
    """What happened to one article."""

    article_id: str
    status: Status
    error: str | None = None


@dataclass
class IngestStats:
    """Counts of one ingest run."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def count(self, result: IngestResult) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        if result.error:
            self.errors.append(f"{result.article_id}: {result.error}")


_log = logging.getLogger(__name__)


def content_hash(article: Article) -> str:
    """SHA-256 of the title, the publication date and the body with whitespace collapsed (the date
    anchors every relative date of the digest: the same text dated anew is digested anew)."""
    published = article.published.isoformat() if article.published else ""
    body = re.sub(r"\s+", " ", f"{article.title or ''}\n{published}\n{article.text}").strip()
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def offline_digest(article: Article) -> Digest:
    """The default digester: the offline engine."""
    from digesthub.digester import digest

    return digest(article, engine="offline")


def collect_articles(items: Iterable[Article | str | Path],
                     on_error: Callable[[DigesthubError], None] | None = None) -> list[Article]:
    """Articles given directly or read from paths (files, folders, JSONL, feeds)."""
    from digesthub.ingest import iter_articles

    articles: list[Article] = []
    for item in items:
        if isinstance(item, Article):
            articles.append(item)
        else:
            articles.extend(iter_articles(Path(item), on_error=on_error))
    return articles


def ingest_articles(db: Database, articles: Iterable[Article], *,
                    digester: Digester = offline_digest) -> Iterator[IngestResult]:
    """Digest and store each article not yet in the corpus; yield one result per article."""
    for article in articles:
        digest_hash = content_hash(article)
        if db.scalar("SELECT 1 FROM articles WHERE content_hash = ?", (digest_hash,)):
            yield IngestResult(article.id, "skipped")
            continue
        try:
            digest = digester(article)
        except DigesthubError as exc:  # one unusable article must not stop the batch
            yield IngestResult(article.id, "failed", str(exc))
            continue
        except Exception as exc:  # a bug in one article's analysis must not stop a long batch either
            _log.exception("digesting %s failed", article.id)
            yield IngestResult(article.id, "failed",
                               f"internal error ({type(exc).__name__}: {exc}); please report it, with the article")
            continue
        existed = bool(db.scalar("SELECT 1 FROM articles WHERE id = ?", (article.id,)))
        with db.transaction():
            if existed:
                delete_article(db, article.id)
            store_digest(db, digest, digest_hash)
        yield IngestResult(article.id, "replaced" if existed else "added")
