"""Corpus test helpers: databases (SQLite file, PostgreSQL schema) and hand-built digests.

The PostgreSQL backend runs against the real server named by
DIGESTHUB_TEST_PG_URL (.ci/run starts one); each test gets its own schema.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from digesthub.types import (Article, Citation, Digest, EntityCard, Fact, Paragraph, Quantity,
                             SummarySentence, TimeExpression, Timeline, TimelineEntry)

PG_ENV = "DIGESTHUB_TEST_PG_URL"


def pg_schema_url(tmp_name: str) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against (.ci/run starts one)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'corpus.db'}"
    else:
        yield from pg_schema_url(tmp_path.name)


def day(text: str) -> TimeExpression:
    value = dt.date.fromisoformat(text)
    return TimeExpression(0, 0, text, "DATE", text, first_day=value, last_day=value)


def make_article(article_id: str, paragraphs: list[str], published: str = "2024-03-01",
                 title: str | None = None) -> Article:
    return Article(article_id, title or f"Title {article_id}",
                   [Paragraph(i, t) for i, t in enumerate(paragraphs, start=1)],
                   published=dt.date.fromisoformat(published), source="Test Wire")


def card(name: str, kind: str = "organization", *, aliases: list[str] | None = None,
         description: str = "", facts: list[Fact] | None = None, paragraphs: list[int] | None = None,
         label: str = "") -> EntityCard:
    return EntityCard(name, kind, aliases or [], description, facts or [], 0.5, label,
                      [Citation(p) for p in paragraphs or [1]])


def valuation(subject: str, amount: float, paragraph: int, date: str | None = None) -> Fact:
    return Fact("valuation", subject, f"{subject} valued at {amount}", paragraph,
                quantity=Quantity(amount, "USD"), date=day(date) if date else None)


def make_digest(article: Article, cards: list[EntityCard],
                events: list[tuple[str, str, int]] | None = None) -> Digest:
    entries = [TimelineEntry(day(date), text, [Citation(p)]) for date, text, p in events or []]
    summary = [SummarySentence(article.paragraphs[0].text, [Citation(1)])]
    return Digest(article, [], summary, cards, Timeline(entries))


class FakeDigester:
    """Digests from a table keyed by article id; raises after ``fail_after`` calls."""

    def __init__(self, digests: dict[str, Digest], fail_after: int | None = None) -> None:
        self.digests = digests
        self.fail_after = fail_after
        self.calls = 0

    def __call__(self, article: Article) -> Digest:
        if self.fail_after is not None and self.calls >= self.fail_after:
            raise KeyboardInterrupt  # stands for the process being killed mid-ingest
        self.calls += 1
        return self.digests[article.id]


def plain_digest(article: Article) -> Digest:
    """A digest without analysis (no NLP): enough to test ingest paths quickly."""
    return make_digest(article, [])
