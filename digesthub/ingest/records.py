"""JSON / JSONL article records: one object, a list of objects, or one per line.

Recognized fields (first present wins): text/body/content/article/html,
title/headline, published/date/pub_date/published_at/datePublished,
url/link, id/doc_id/uid, authors/author/byline, source/publisher/site.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

from digesthub.errors import DigesthubError, Errors, InputError
from digesthub.ingest.dates import coerce_date
from digesthub.types import Article

_TEXT = ("text", "body", "content", "article", "maintext", "html")
_TITLE = ("title", "headline")
_DATE = ("published", "date", "pub_date", "published_at", "datePublished", "publish_date")
_URL = ("url", "link")
_ID = ("id", "doc_id", "uid")
_AUTHORS = ("authors", "author", "byline")
_SOURCE = ("source", "publisher", "site", "sitename")


# An object opens with a key or closes; a list holds JSON values. Plain text that merely starts
# with a bracket ("[Reuters] The council ...") is not JSON.
_JSON_START = re.compile(r'\s*(?:\{\s*["}]|\[\s*(?:[\[{"\]\d-]|true|false|null))')


def looks_like_json(text: str) -> bool:
    return _JSON_START.match(text[:200]) is not None


def parse_records(text: str, source_name: str) -> list[Any]:
    """Decode a JSON document or JSON Lines into a list of records.

    A JSONL line that is not valid JSON becomes an :class:`InputError` in its
    place, so one broken line does not lose the good records around it.
    """
    stripped = text.strip()
    try:
        data = json.loads(stripped)
        records = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        records = []
        for number, line in enumerate(stripped.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                records.append(InputError(Errors.E009, source=source_name, record=number,
                                          detail=f"invalid JSON: {exc.msg}"))
        if all(isinstance(record, InputError) for record in records):
            return records[:1]  # not JSON Lines at all: one error, not one per line
    return records


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if record.get(key) not in (None, "", []):
            return record[key]
    return None


def article_from_record(record: Any, *, source_name: str, number: int) -> Article:
    """Build an Article from one record, with the same cleaning as text or HTML."""
    from digesthub.ingest.html import article_from_html, looks_like_html
    from digesthub.ingest.text import article_from_text, normalize_text

    if not isinstance(record, dict):
        raise InputError(Errors.E009, source=source_name, record=number, detail="not a JSON object")
    body = _first(record, _TEXT)
    if isinstance(body, list) and body and all(isinstance(part, str) for part in body):
        body = "\n\n".join(body)  # a list of paragraphs
    if not isinstance(body, str) or not body.strip():
        present = [key for key in _TEXT if key in record]
        detail = (f"its {present[0]!r} field is {'empty' if body is None or isinstance(body, str) else 'not text'}" if present
                  else f"no text field ({', '.join(_TEXT)})")
        raise InputError(Errors.E009, source=source_name, record=number, detail=detail)
    name = f"{source_name} record {number}"
    title, url = _string(_first(record, _TITLE)), _string(_first(record, _URL))
    if title:
        title = normalize_text(title).strip()  # PTB tokens and stray spaces, as in the body
    published = _record_date(record)
    if looks_like_html(body):
        article = article_from_html(body, source_name=name, title=title, published=published, url=url)
    else:
        article = article_from_text(body, source_name=name, title=title, published=published, url=url)
    if (record_id := _first(record, _ID)) is not None:
        article.id = str(record_id)
    authors = _first(record, _AUTHORS)
    if authors:
        names = authors if isinstance(authors, list) else [authors]
        article.authors = [name for name in map(_string, names) if name]
    article.source = _string(_first(record, _SOURCE)) or article.source
    return article


def _string(value: Any) -> str | None:
    """A metadata field as text: numbers become text; objects and lists (of unknown shape) None."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _record_date(record: dict[str, Any]) -> dt.date | None:
    """The record's publication date; an unreadable one is dropped, not the whole article."""
    try:
        return coerce_date(str(_first(record, _DATE) or "")[:40] or None)
    except DigesthubError:
        return None  # the digest then notes that relative dates are unresolved


def iter_record_articles(text: str, source_name: str) -> Iterator[Article | DigesthubError]:
    """Each record as an Article, or as the error that names why it is unusable.

    Errors come back as data so one bad record does not stop a batch.
    """
    for number, record in enumerate(parse_records(text, source_name), start=1):
        if isinstance(record, DigesthubError):
            yield record
            continue
        try:
            yield article_from_record(record, source_name=source_name, number=number)
        except DigesthubError as exc:
            yield exc
