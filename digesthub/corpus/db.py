"""Database connections: one small interface over SQLite and PostgreSQL.

SQL in this package is written once with ``?`` placeholders; the PostgreSQL
connection rewrites them to psycopg's ``%s``. Every value goes in as a
parameter (article text is data, never SQL). ``transaction()`` is the only way
to write, so an article and its analysis land together or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from digesthub.errors import CorpusError, Errors

Dialect = Literal["sqlite", "postgresql"]
DEFAULT_URL = "sqlite:///digesthub.db"


def dialect_of(url: str) -> Dialect:
    """The SQL dialect a corpus URL speaks; E204 for any other scheme (checked before any work)."""
    if url.startswith("sqlite:///") or url == "sqlite://":
        return "sqlite"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql"
    raise CorpusError(Errors.E204, url=url)


class Database:
    """A connection plus the dialect it speaks."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect: Dialect
        self.dialect = dialect_of(url)
        self._conn: Any = _open_sqlite(url) if self.dialect == "sqlite" else _open_postgresql(url)
        self._depth = 0

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement (inside or outside a transaction)."""
        cursor = self._conn.cursor()
        cursor.execute(self._sql(sql), tuple(params))
        cursor.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a SELECT (or ``... RETURNING``) and return all rows."""
        cursor = self._conn.cursor()
        cursor.execute(self._sql(sql), tuple(params))
        rows = [tuple(row) for row in cursor.fetchall()]
        cursor.close()
        return rows

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run an INSERT ... RETURNING id and return the id."""
        return int(self.query(sql + " RETURNING id", params)[0][0])

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """BEGIN ... COMMIT, or ROLLBACK when the block raises; nests as one."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.execute("BEGIN")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self.execute("ROLLBACK")
            raise
        self._depth = 0
        self.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()

    def size_bytes(self) -> int:
        """Bytes the database takes on disk."""
        if self.dialect == "postgresql":
            return int(self.scalar("SELECT pg_database_size(current_database())"))
        pages = self.scalar("PRAGMA page_count")
        return int(pages) * int(self.scalar("PRAGMA page_size"))


def _open_sqlite(url: str) -> sqlite3.Connection:
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else ":memory:"
    path = path or ":memory:"
    if path != ":memory:":
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, DDL included.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as exc:
        raise CorpusError(Errors.E201, url=url, detail=str(exc)) from exc
    return conn


def _open_postgresql(url: str) -> Any:
    import psycopg

    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        raise CorpusError(Errors.E201, url=url, detail=str(exc).strip().splitlines()[0]) from exc
