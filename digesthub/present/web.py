"""The web app and JSON API: a thin layer over the library (FastAPI).

``POST /api/digest`` takes ``{"text"|"url", "title", "published", "engine"}``
and returns the digest JSON; ``GET /`` is a page to paste an article into;
``POST /digest`` renders the digest page. The corpus endpoints (search,
entity, timeline, ask, ingest) are in :mod:`digesthub.present.web_corpus`.

Every error is JSON ``{"error": code, "message": text}``, never a traceback:
422 for a request the user can fix, 404 for an unknown entity or an empty
corpus, 5xx when the server side (database, LLM endpoint) fails.
"""

from __future__ import annotations

import logging
import os
import urllib.parse
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import escape

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel

from digesthub import __version__
from digesthub.corpus.db import DEFAULT_URL
from digesthub.errors import DigesthubError, Errors
from digesthub.present.web_corpus import CorpusHolder, corpus_router, status_for

MAX_FORM_BYTES = 5_000_000

_FORM = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>digesthub</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem}
textarea{width:100%;height:20rem}input{margin:.3rem 0}</style></head><body>
<h1>digesthub</h1><p>Paste a news article (text or HTML) to get its digest.</p>
<form method="post" action="/digest"><textarea name="text" required></textarea><br>
<label>Title <input name="title"></label> <label>Published <input name="published" placeholder="YYYY-MM-DD"></label>
<br><button type="submit">Digest</button></form></body></html>"""


class DigestRequest(BaseModel):
    text: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    engine: str = "offline"


def _digest(text_or_url: str, title: str | None, published: str | None, engine: str):
    from digesthub.digester import digest
    from digesthub.ingest import read_article

    source = text_or_url if text_or_url.startswith(("http://", "https://")) else text_or_url.encode("utf-8")
    article = read_article(source, title=title or None, published=published or None)
    return digest(article, engine=engine)


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": code, "message": message})


def _invalid_request(exc: RequestValidationError) -> JSONResponse:
    """FastAPI's validation errors as one E014 line: ``limit: Input should be ...``."""
    problems = []
    for problem in exc.errors():
        where = ".".join(str(part) for part in problem.get("loc", ())[1:]) or "body"
        problems.append(f"{where}: {problem.get('msg', 'invalid')}")
    error = DigesthubError(Errors.E014, detail="; ".join(problems) or "malformed request")
    return _error(422, error.code, error.args[0])


def create_app(db_url: str | None = None) -> FastAPI:
    """The web app; the corpus endpoints use ``db_url`` (default: $DIGESTHUB_DB or sqlite:///digesthub.db).

    The corpus is opened on its first use, so the digest endpoints work without one.
    """
    holder = CorpusHolder(db_url or os.environ.get("DIGESTHUB_DB", DEFAULT_URL))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        holder.close()

    app = FastAPI(title="digesthub", version=__version__, lifespan=lifespan)

    @app.exception_handler(DigesthubError)
    async def user_error(_: Request, exc: DigesthubError) -> JSONResponse:
        return _error(status_for(exc), exc.code, exc.args[0])

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _invalid_request(exc)

    @app.exception_handler(Exception)
    async def server_error(_: Request, exc: Exception) -> JSONResponse:
        logging.getLogger("digesthub.web").error("request failed", exc_info=exc)
        return _error(500, "internal", "The server failed on this request; the server log has the details.")

    app.include_router(corpus_router(holder))

    @app.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post("/api/digest")
    def api_digest(request: DigestRequest) -> dict:
        source = request.url or request.text or ""
        return _digest(source, request.title, request.published, request.engine).to_dict()

    @app.get("/", response_class=HTMLResponse)
    def form() -> str:
        return _FORM

    @app.post("/digest", response_class=HTMLResponse)
    async def form_digest(request: Request) -> HTMLResponse:
        body = (await request.body())[:MAX_FORM_BYTES].decode("utf-8", errors="replace")
        fields = {k: v[0] for k, v in urllib.parse.parse_qs(body).items()}
        try:
            result = _digest(fields.get("text", ""), fields.get("title"), fields.get("published"), "offline")
        except DigesthubError as exc:
            return HTMLResponse(f"<p>error {escape(str(exc))}</p><p><a href='/'>back</a></p>", status_code=422)
        return HTMLResponse(result.to_html())

    return app
