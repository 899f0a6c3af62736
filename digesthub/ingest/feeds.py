"""RSS and Atom feeds: each entry becomes an Article from the content it carries.

Entries are not fetched from the web: a feed that ships only teasers gives
short articles, which the minimum-length check reports per entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from xml.sax import SAXParseException

import feedparser

from digesthub.errors import DigesthubError, Errors, InputError
from digesthub.ingest.html import article_from_html
from digesthub.ingest.text import article_from_text


def looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def iter_feed_articles(text: str, source_name: str) -> Iterator:
    """Yield an Article, or the DigesthubError naming why not, per feed entry."""
    feed = feedparser.parse(text)
    site = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        name = f"{source_name} entry {number}"
        body = _entry_body(entry)
        published = _entry_date(entry)
        try:
            if "<" in body and ">" in body:
                article = article_from_html(f"<html><body><article>{body}</article></body></html>",
                                            source_name=name, title=entry.get("title"),
                                            published=published, url=entry.get("link"))
            else:
                article = article_from_text(body, source_name=name, title=entry.get("title"),
                                            published=published, url=entry.get("link"))
        except DigesthubError as exc:
            yield _broken_feed_error(feed, source_name, number) or exc
            continue
        article.source = site or article.source
        if entry.get("author") and not article.authors:
            article.authors = [entry["author"]]
        yield article


def _entry_body(entry: feedparser.FeedParserDict) -> str:
    contents = entry.get("content") or []
    if contents:
        return max((c.get("value", "") for c in contents), key=len)
    return entry.get("summary", "") or ""


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _broken_feed_error(feed: feedparser.FeedParserDict, source_name: str, number: int) -> InputError | None:
    """E009 naming the XML error when the feed is not well-formed (a truncated download, say).

    Otherwise an entry cut off by the error would be reported as "too little text".
    """
    error = feed.get("bozo_exception")
    if not feed.get("bozo") or not isinstance(error, SAXParseException):
        return None
    detail = f"the feed is not well-formed XML at line {error.getLineNumber()}: {error.getMessage()}"
    return InputError(Errors.E009, source=source_name, record=number, detail=detail)
