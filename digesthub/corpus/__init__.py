"""The corpus: articles, their analysis, and entities merged across them.

``Corpus(url)`` opens (and migrates) a SQLite file or a PostgreSQL database;
``add`` ingests, ``entity`` builds a dossier, ``timeline`` a merged timeline,
``search`` ranks paragraphs and ``ask`` answers with citations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from digesthub.corpus.ask import Answer, answer
from digesthub.corpus.db import DEFAULT_URL, Database
from digesthub.corpus.dossier import Dossier, build_dossier, find_entity
from digesthub.corpus.ingest import (Digester, IngestResult, IngestStats, collect_articles,
                                     ingest_articles, offline_digest)
from digesthub.corpus.linking import link_entities
from digesthub.corpus.migrations import migrate
from digesthub.corpus.search import SearchHit, articles_about, search, topic_filter
from digesthub.corpus.timeline import merged_timeline
from digesthub.errors import CorpusError, Errors
from digesthub.types import Article, Timeline

__all__ = ["Answer", "Corpus", "Dossier", "IngestStats", "SearchHit", "link_entities"]


class Corpus:
    """A knowledge base over many articles, stored in SQLite or PostgreSQL."""

    def __init__(self, url: str = DEFAULT_URL, *, digester: Digester | None = None) -> None:
        """Open (creating and migrating if needed) the corpus at ``url``.

        ``digester`` turns an article into a Digest (default: the offline engine).
        """
        self.db = Database(url)
        self.digester = digester or offline_digest
        migrate(self.db)

    def add(self, *items: Article | str | Path) -> IngestStats:
        """Ingest articles or paths (files, folders, JSONL, feeds); known content is skipped."""
        stats = IngestStats()
        for result in self.ingest(collect_articles(items)):
            stats.count(result)
        return stats

    def ingest(self, articles: Iterable[Article]) -> Iterator[IngestResult]:
        """Ingest ``articles`` one transaction each, yielding a result per article (for progress)."""
        return ingest_articles(self.db, articles, digester=self.digester)

    def entity(self, name: str) -> Dossier:
        """The dossier of the entity called ``name`` (CorpusError E202 when none matches)."""
        self._require_articles()
        return build_dossier(self.db, find_entity(self.db, name))

    def timeline(self, name: str | None = None, *, about: str | None = None) -> Timeline:
        """The merged timeline of the corpus, or of the entity called ``name``; with ``about``, only
        events of articles that contain every word of that query (a topic filter), and of an article
        that names it only in passing (not in its title or lead), only the events that name it."""
        self._require_articles()
        articles = topic_filter(self.db, about) if about else None
        return merged_timeline(self.db, find_entity(self.db, name) if name else None, articles)

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Paragraphs matching ``query``, best first."""
        return search(self.db, query, limit)

    def ask(self, question: str, *, engine: str = "auto", model: Any = None) -> Answer:
        """An answer to ``question`` with a citation for every sentence.

        ``engine`` is auto (the LLM when configured), offline or llm; ``model``
        overrides the configured chat model.
        """
        self._require_articles()
        return answer(self.db, question, engine=engine, model=model)

    def count(self, table: str = "articles") -> int:
        """Rows in one of the corpus tables."""
        if table not in ("articles", "paragraphs", "entities", "facts", "events"):
            raise ValueError(f"unknown table {table}")
        return int(self.db.scalar(f"SELECT COUNT(*) FROM {table}"))

    def size_bytes(self) -> int:
        return self.db.size_bytes()

    def _require_articles(self) -> None:
        if not self.count():
            raise CorpusError(Errors.E203)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
