"""Ranked full-text search over paragraphs: FTS5 (BM25) on SQLite, tsvector on PostgreSQL.

User text never reaches the query syntax raw: it is cut into words, and on
SQLite each word is a quoted FTS5 string (quotes doubled); on PostgreSQL the
words go through ``websearch_to_tsquery``, which accepts any input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digesthub.corpus.db import Database
from digesthub.types import Citation

_WORD = re.compile(r"\w+", re.UNICODE)
STOP_WORDS = frozenset(
    "a an the and or of to in on at for by with from as is are was were be been it its this that these "
    "those what which who whom whose when where why how did does do has have had will would can could "
    "about into than then there their they them he she his her you your we our i me my not no".split()
)


@dataclass
class SearchHit:
    """One matching paragraph, best first."""

    article_id: str
    paragraph: int
    title: str | None
    text: str
    score: float

    @property
    def citation(self) -> Citation:
        return Citation(self.paragraph, self.article_id)


def query_words(query: str) -> list[str]:
    """Content words of ``query`` (all words when every one is a stop word)."""
    words = [w.lower() for w in _WORD.findall(query)]
    content = [w for w in words if w not in STOP_WORDS]
    return list(dict.fromkeys(content or words))


def fts5_query(words: list[str]) -> str:
    """An FTS5 MATCH string: each word quoted, any word may match (BM25 ranks)."""
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(db: Database, query: str, limit: int = 10) -> list[SearchHit]:
    """Paragraphs matching ``query``, most relevant first."""
    words = query_words(query)
    if not words:
        return []
    if db.dialect == "sqlite":
        rows = db.query(
            "SELECT f.article_id, f.number, a.title, f.text, -bm25(paragraph_fts) AS score"
            " FROM paragraph_fts f JOIN articles a ON a.id = f.article_id"
            " WHERE paragraph_fts MATCH ? ORDER BY bm25(paragraph_fts) LIMIT ?",
            (fts5_query(words), limit))
    else:
        rows = db.query(
            "SELECT p.article_id, p.number, a.title, p.text, ts_rank(p.tsv, q) AS score"
            " FROM paragraphs p JOIN articles a ON a.id = p.article_id,"
            " websearch_to_tsquery('english', ?) q"
            " WHERE p.tsv @@ q ORDER BY score DESC, p.article_id, p.number LIMIT ?",
            (" or ".join(words), limit))
    return [SearchHit(str(r[0]), int(r[1]), r[2], r[3], float(r[4])) for r in rows]


# The most paragraphs read to decide which articles are about a query (a topic filter, not a ranking).
ABOUT_LIMIT = 100_000


# How much of an article's first paragraph is its lead (a one-paragraph page is all "first paragraph").
LEAD_CHARACTERS = 400


def topic_filter(db: Database, query: str) -> dict[str, re.Pattern[str] | None]:
    """The articles about ``query`` (see :func:`articles_about`) -> what their events must name.

    An article whose title or lead names every term is about the query throughout (None: every
    event counts); one that names it only further down -- a listings page, a round-up -- speaks
    of it only where it names it: its events count when their own text names a term, or a
    phrase's last word (the returned pattern).
    """
    terms = _terms(query)
    hits_by_term = [_term_hits(db, term) for term in terms]
    about = set.intersection(*(set(hits) for hits in hits_by_term)) if hits_by_term else set()
    # in an event, a phrase's last word stands for it ("Jackson died ..." in a page on "michael jackson")
    any_term = re.compile("|".join(_term_pattern(term[-1:]).pattern for term in terms), re.IGNORECASE)
    return {article: None if all(any(lead for _, lead in hits[article]) for hits in hits_by_term) else any_term
            for article in about}


def _terms(query: str) -> list[list[str]]:
    """The query's terms: each content word, and each quoted phrase as its words in a row."""
    phrases = [query_words(p) for p in re.findall(r'"([^"]+)"', query)]
    return [[w] for w in query_words(re.sub(r'"[^"]*"', " ", query))] + [p for p in phrases if p]


def _term_pattern(term: list[str]) -> re.Pattern[str]:
    """A term as text matches it: a phrase's words in a row; a word by its first letters (the index
    stems: "earthquakes" for "earthquake")."""
    if len(term) > 1:
        return re.compile(r"\b" + r"\W+".join(re.escape(w) for w in term), re.IGNORECASE)
    return re.compile(r"\b" + re.escape(term[0][:max(4, len(term[0]) - 2)]), re.IGNORECASE)


def _term_hits(db: Database, term: list[str]) -> dict[str, list[tuple[int, bool]]]:
    """Article -> (paragraph, whether the title or lead names the term) of each paragraph naming it."""
    pattern = _term_pattern(term)
    hits: dict[str, list[tuple[int, bool]]] = {}
    for hit in search(db, " ".join(term), limit=ABOUT_LIMIT):
        if len(term) == 1 or pattern.search(hit.text):
            lead = bool(hit.title and pattern.search(hit.title)) or (
                hit.paragraph == 1 and bool(pattern.search(hit.text[:LEAD_CHARACTERS])))
            hits.setdefault(hit.article_id, []).append((hit.paragraph, lead))
    return hits


def articles_about(db: Database, query: str) -> set[str]:
    """Ids of the articles whose text has every content word and every quoted phrase of ``query``.

    A word is tested as the search index does (stemmed), per article: "haiti
    earthquake" keeps an article that says "Haiti" in one paragraph and
    "earthquake" in another; a quoted phrase ('"michael jackson"') must stand
    in one paragraph, its words in a row (a genealogy page naming a Michael and
    a Jackson is not about him).
    """
    return set(topic_filter(db, query))


def snippet(text: str, query: str, width: int = 300) -> str:
    """The part of a long paragraph that matches ``query``: from its best-matching sentence on,
    about ``width`` characters, with "…" where text is left out."""
    if len(text) <= width:
        return text
    words = [w[:6] for w in query_words(query)]
    starts = [0] + [m.end() for m in re.finditer(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])", text)]
    ends = starts[1:] + [len(text)]

    def matches(piece: str) -> int:
        return sum(bool(re.search(rf"\b{re.escape(w)}", piece.lower())) for w in words)

    # The sentence that matches best opens the snippet (ties: the window after it, then the earliest).
    best, _ = max(zip(starts, ends), key=lambda se: (matches(text[se[0]:se[1]]),
                                                      matches(text[se[0]:se[0] + width]), -se[0]))
    piece = text[best:best + width]
    cut = len(piece) < len(text) - best
    if cut:
        piece = piece[:piece.rfind(" ")] if " " in piece else piece
    return ("…" if best else "") + piece.strip() + ("…" if cut else "")
