"""HTML pages to Article with trafilatura, then the same boilerplate rules as text.

Fallback chain: trafilatura's main extractor (which itself falls back to
readability-lxml and jusText heuristics) with metadata; if it finds no text,
the page has no article and the user is told so (E004).
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

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
    parts.source = parts.source or document.sitename or _site_in_title(html, page_title)
    if published is None and document.date:
        published = parse_date(document.date)
    if not parts.body:
        raise InputError(Errors.E004, source=source_name)
    return article_from_parts(parts, source_name=source_name, title=page_title, published=published,
                              url=url or document.url)


_TITLE_TAG = re.compile(r"<title[^>]*>(?P<title>.*?)</title>", re.IGNORECASE | re.DOTALL)
_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def _site_in_title(html: str, headline: str | None) -> str | None:
    """"Headline | TechWire" in the page's <title>: the site's name, when what comes before it is
    the headline (a page without site metadata still names itself there)."""
    match = _TITLE_TAG.search(html[:20000])
    if match is None or not headline:
        return None
    title = unescape(" ".join(match["title"].split()))
    last = None
    for last in _SITE_SEPARATOR.finditer(title):
        pass  # the last separator: a headline may hold a dash of its own
    if last is None or title[:last.start()].strip() != " ".join(headline.split()):
        return None
    site = title[last.end():].strip()
    return site if 1 <= len(site.split()) <= 4 else None


# A page fragment that opens with one of these tags is HTML even without <body> or <p>
# (a lone <script>, a <title> and a table): parsed as text, its markup would be digested.
_OPENING_TAG = re.compile(r"<(?:!--|script|style|meta|link|title|span|a|b|i|em|strong|h[1-6]|"
                          r"table|section|main|header|nav|ul|ol|li|img|iframe|noscript|br|figure)[\s>/]")


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html")) or _OPENING_TAG.match(head) is not None or any(
        tag in head for tag in ("<body", "<p>", "<p ", "<div", "<article", "<head"))
