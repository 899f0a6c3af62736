"""Ingest: text, HTML, URL, RSS/Atom, JSON/JSONL -> Article (metadata + numbered paragraphs).

Formats are detected from the content when not given: a feed (``<rss``,
``<feed``), JSON (``{`` or ``[``), HTML (tags), else plain text. Gzip-compressed
input of any of these (``.gz``, ``.jsonl.gz``) is recognized by its magic bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from digesthub.errors import DigesthubError, Errors, InputError
from digesthub.ingest.dates import coerce_date
from digesthub.ingest.decode import decode
from digesthub.ingest.feeds import iter_feed_articles, looks_like_feed
from digesthub.ingest.html import article_from_html, looks_like_html
from digesthub.ingest.language import check_language
from digesthub.ingest.records import iter_record_articles, looks_like_json
from digesthub.ingest.sources import MAX_ARTICLE_CHARS, load_source, max_batch_bytes, max_bytes
from digesthub.ingest.text import article_from_text
from digesthub.types import Article

FORMATS = ("text", "html", "json", "jsonl", "feed")
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".json", ".jsonl",
                    ".xml", ".rss", ".atom"}

ErrorHandler = Callable[[DigesthubError], None]


def read_article(source: str | Path | bytes, *, format: str | None = None, title: str | None = None,
                 published: str | dt.date | None = None, url: str | None = None,
                 encoding: str | None = None, language: str | None = None) -> Article:
    """Read one article from a path, URL, ``"-"`` (stdin), raw text or bytes.

    ``format`` forces one of text/html/json/jsonl/feed (default: detected).
    ``title`` and ``published`` override what the page says. For JSON lists and
    feeds the first usable article is returned (see :func:`iter_articles`).
    ``language`` skips language detection and asserts the article's language.
    Raises :class:`~digesthub.errors.InputError` with a message naming the
    problem: empty, binary, too large, undecodable, no article text, unsupported
    language.
    """
    articles = _articles_from_source(source, format=format, title=title, published=published,
                                     url=url, encoding=encoding, language=language)
    first_error: DigesthubError | None = None
    for item in articles:
        if isinstance(item, Article):
            return item
        first_error = first_error or item
    if first_error is not None:
        raise first_error
    raise InputError(Errors.E001, source=_name(source))


def iter_articles(paths: str | Path | Iterable[str | Path], *, on_error: ErrorHandler | None = None,
                  format: str | None = None) -> Iterator[Article]:
    """Every article under ``paths``: files, folders (recursively), JSONL, feeds.

    A bad file or record raises, unless ``on_error`` is given: then it receives
    the error and the batch goes on.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for path in _expand(paths):
        try:
            items = list(_articles_from_source(path, format=format, limit=max_batch_bytes()))
        except DigesthubError as exc:
            items = [exc]
        for item in items:
            if isinstance(item, Article):
                yield item
            elif on_error is None:
                raise item
            else:
                on_error(item)


def _expand(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    for entry in paths:
        path = Path(entry)
        if str(entry) != "-" and path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _is_article_file(p))
        else:
            yield entry


def _is_article_file(path: Path) -> bool:
    """An article suffix, or one under ``.gz`` (``a.jsonl.gz``; not ``a.tar.gz``)."""
    suffix = path.suffix.lower()
    if suffix == ".gz":
        suffix = Path(path.stem).suffix.lower()
    return suffix in ARTICLE_SUFFIXES


def _name(source: str | Path | bytes) -> str:
    return "<bytes>" if isinstance(source, bytes) else str(source)


def _is_inline_text(source: str | Path | bytes) -> bool:
    return isinstance(source, str) and ("\n" in source or len(source) > 500)


def _articles_from_source(source: str | Path | bytes, *, format: str | None = None,
                          title: str | None = None, published: str | dt.date | None = None,
                          url: str | None = None, encoding: str | None = None,
                          language: str | None = None,
                          limit: int | None = None) -> Iterator[Article | DigesthubError]:
    """The articles of one source; ``limit`` is its size limit (a batch file's is larger).

    Whatever the file's limit, each article must fit :func:`max_bytes`.
    """
    if format is not None and format not in FORMATS:
        raise DigesthubError(Errors.E011, format=format, choices=", ".join(FORMATS))
    published_date = coerce_date(published)
    if _is_inline_text(source):
        raw_text, name, fetched_url = str(source), "<text>", None
        if not raw_text.strip():
            raise InputError(Errors.E001, source=name)
    else:
        raw = load_source(source, limit=limit)
        raw_text, name, fetched_url = decode(raw, encoding), raw.name, raw.url
    kind = format or _detect(raw_text)
    for item in _parse(kind, raw_text, name, title, published_date, url or fetched_url):
        if isinstance(item, Article):
            try:
                _check_article_size(item, name)
                check_language(item, name, forced=language)
            except InputError as exc:
                yield exc
                continue
        yield item


def _check_article_size(article: Article, name: str) -> None:
    size, limit = len(article.text.encode("utf-8")), max_bytes()
    where = f"{name} (article {article.id})" if article.id else name
    if size > limit:
        raise InputError(Errors.E003, source=where, size=size, limit=limit)
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise InputError(Errors.E018, source=where, chars=len(article.text), limit=MAX_ARTICLE_CHARS)


def _detect(text: str) -> str:
    if looks_like_feed(text):
        return "feed"
    if looks_like_json(text):
        return "json"
    return "html" if looks_like_html(text) else "text"


def _parse(kind: str, text: str, name: str, title: str | None, published: dt.date | None,
           url: str | None) -> Iterator[Article | DigesthubError]:
    if kind == "feed":
        yield from iter_feed_articles(text, name)
    elif kind in ("json", "jsonl"):
        yield from iter_record_articles(text, name)
    elif kind == "html":
        yield article_from_html(text, source_name=name, title=title, published=published, url=url)
    else:
        yield article_from_text(text, source_name=name, title=title, published=published, url=url)


__all__ = ["FORMATS", "iter_articles", "read_article"]
