"""HTML pages to Article with trafilatura, then the same boilerplate rules as text.

Fallback chain: trafilatura's main extractor (which itself falls back to
readability-lxml and jusText heuristics) with metadata; if it finds no text,
the page has no article and the user is told so (E004).
"""

from __future__ import annotations

import datetime as dt
import re

import trafilatura

from digesthub.errors import Errors, InputError
from digesthub.ingest.boilerplate import classify_lines, split_authors
from digesthub.ingest.dates import parse_date
from digesthub.ingest.text import article_from_parts, normalize_text
from digesthub.types import Article


def article_from_html(html: str, *, source_name: str, title: str | None = None,
                      published: dt.date | None = None, url: str | None = None) -> Article:
    """Extract the main text and metadata of an HTML page."""
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True)
    text = (document.text if document is not None else "") or ""
    if not text.strip():
        raise InputError(Errors.E004, source=source_name)
    lines = [line for line in normalize_text(text).split("\n") if line.strip()]
    page_title = title or document.title
    if page_title and lines and lines[0].strip() == page_title.strip():
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    parts = classify_lines(lines)
    if document.author:
        parts.authors = split_authors(document.author.replace(";", ",")) + parts.authors
    parts.source = parts.source or document.sitename
    if published is None and document.date:
        published = parse_date(document.date)
    if not parts.body:
        raise InputError(Errors.E004, source=source_name)
    return article_from_parts(parts, source_name=source_name, title=page_title, published=published,
                              url=url or document.url)


# A page fragment that opens with one of these tags is HTML even without <body> or <p>
# (a lone <script>, a <title> and a table): parsed as text, its markup would be digested.
_OPENING_TAG = re.compile(r"<(?:!--|script|style|meta|link|title|span|a|b|i|em|strong|h[1-6]|"
                          r"table|section|main|header|nav|ul|ol|li|img|iframe|noscript|br|figure)[\s>/]")


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html")) or _OPENING_TAG.match(head) is not None or any(
        tag in head for tag in ("<body", "<p>", "<p ", "<div", "<article", "<head"))
