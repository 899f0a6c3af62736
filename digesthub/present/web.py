"""The web app and JSON API: a thin layer over the library (FastAPI).

``POST /api/digest`` takes ``{"text"|"url", "title", "published", "engine"}``
and returns the digest JSON; ``GET /`` is a page to paste an article into;
``POST /digest`` renders the digest page. Errors a user can fix come back as
HTTP 422 with the error code and message.
"""

from __future__ import annotations

import urllib.parse
from html import escape

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel

from digesthub import __version__
from digesthub.errors import DigesthubError

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


def create_app() -> FastAPI:
    app = FastAPI(title="digesthub", version=__version__)

    @app.exception_handler(DigesthubError)
    async def user_error(_: Request, exc: DigesthubError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"error": exc.code, "message": exc.args[0]})

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
