"""The corpus JSON API: a thin layer over :class:`digesthub.corpus.Corpus`.

``GET /api/search?q=&limit=``, ``GET /api/entity/{name}``,
``GET /api/timeline?entity=&about=``, ``GET /api/ask?q=&engine=`` and
``POST /api/ingest`` (``{"text", "title", "published"}``). Errors come back as
``{"error": code, "message": text}`` (see :func:`status_for`).

One corpus connection serves the app; a lock lets one request use it at a time,
because a database connection must not interleave two transactions.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from digesthub.errors import DigesthubError, Errors, InputError
from digesthub.types import to_dict

MAX_LIMIT = 100
# What the client should hear for errors that are not about its request.
_STATUS = {"E202": 404, "E203": 404, "E201": 503, "E204": 503, "E102": 503, "E103": 502, "E105": 502}


def status_for(error: DigesthubError) -> int:
    """HTTP status of a digesthub error: 404 nothing there, 5xx server side, else 422."""
    return _STATUS.get(error.code, 422)


class IngestRequest(BaseModel):
    text: str
    title: str | None = None
    published: str | None = None


class CorpusHolder:
    """Opens the corpus at ``url`` on first use and hands it out under a lock."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._corpus: Any = None
        self._lock = threading.Lock()

    @contextmanager
    def use(self) -> Iterator[Any]:  # -> Corpus; imported late so the app starts fast
        with self._lock:
            if self._corpus is None:
                from digesthub.corpus import Corpus

                self._corpus = Corpus(self.url)
            yield self._corpus

    def close(self) -> None:
        with self._lock:
            if self._corpus is not None:
                self._corpus.close()
                self._corpus = None


def _required(value: str | None, name: str) -> str:
    if value is None or not value.strip():
        raise InputError(Errors.E014, detail=f"{name} must not be empty")
    return value.strip()


def corpus_router(holder: CorpusHolder) -> APIRouter:
    """The corpus endpoints, all reading and writing through ``holder``."""
    router = APIRouter(prefix="/api")

    @router.get("/search")
    def search(q: str = "", limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10) -> dict[str, Any]:
        query = _required(q, "q")
        with holder.use() as corpus:
            hits = corpus.search(query, limit=limit)
        return {"query": query, "hits": [to_dict(hit) for hit in hits]}

    @router.get("/entity/{name:path}")
    def entity(name: str) -> dict[str, Any]:
        with holder.use() as corpus:
            dossier = corpus.entity(_required(name, "the entity name"))
        document = to_dict(dossier)
        for group, source in zip(document["facts"], dossier.facts):
            group["conflicting"] = source.conflicting
        return document

    @router.get("/timeline")
    def timeline(entity: str | None = None, about: str | None = None) -> dict[str, Any]:
        name = entity.strip() if entity and entity.strip() else None
        topic = about.strip() if about and about.strip() else None
        with holder.use() as corpus:
            result = corpus.timeline(name, about=topic)
        return {"entity": name, "about": topic, "entries": to_dict(result.entries)}

    @router.get("/ask")
    def ask(q: str = "", engine: str = "auto") -> dict[str, Any]:
        question = _required(q, "q")
        with holder.use() as corpus:
            answer = corpus.ask(question, engine=engine)
        return {"question": answer.question, "engine": answer.engine, "answer": answer.to_markdown(),
                "sentences": to_dict(answer.sentences), "verification": to_dict(answer.verification)}

    @router.post("/ingest", response_model=None)
    def ingest(request: IngestRequest) -> dict[str, Any] | JSONResponse:
        return _ingest(holder, request)

    return router


def _ingest(holder: CorpusHolder, request: IngestRequest) -> dict[str, Any] | JSONResponse:
    """Read the text as an article (bytes: never a path or URL) and add it to the corpus."""
    from digesthub.ingest import read_article

    article = read_article(_required(request.text, "text").encode("utf-8"),
                           title=request.title or None, published=request.published or None)
    with holder.use() as corpus:
        (result,) = list(corpus.ingest([article]))
        total = corpus.count()
    if result.status == "failed":  # the digester's DigesthubError, kept as "E010: message"
        code, _, message = (result.error or "").partition(": ")
        return JSONResponse(status_code=422, content={"error": code, "message": message})
    return {"article_id": result.article_id, "status": result.status, "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "paragraphs": len(article.paragraphs), "corpus_articles": total}
