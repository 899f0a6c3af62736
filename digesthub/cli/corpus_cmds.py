"""Corpus commands: ``ingest``, ``entity``, ``timeline``, ``search``, ``ask``.

Each takes ``--db URL`` (default: $DIGESTHUB_DB, else sqlite:///digesthub.db).
Output is plain Markdown-ish text on stdout; the ingest progress bar (articles
per second, time left) goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from pathlib import Path

from digesthub.cli.argtypes import database_url, positive_int
from digesthub.corpus.db import DEFAULT_URL, dialect_of
from digesthub.errors import DigesthubError, Errors, InputError


def default_db() -> str:
    return os.environ.get("DIGESTHUB_DB", DEFAULT_URL)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the corpus commands to the CLI."""
    ingest = subparsers.add_parser("ingest", help="add articles (files, folders, JSONL, feeds) to the corpus")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument("--limit", type=positive_int, default=None, help="only the first N articles")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date of the articles that state none (anchors their relative dates)")
    ingest.set_defaults(handler=run_ingest)
    entity = subparsers.add_parser("entity", help="print the dossier of an entity")
    entity.add_argument("name")
    entity.set_defaults(handler=run_entity)
    timeline = subparsers.add_parser("timeline", help="print the merged timeline (of the corpus or one entity)")
    timeline.add_argument("name", nargs="?", default=None)
    timeline.add_argument("--since", type=_day, help="only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    timeline.add_argument("--until", type=_day_end, help="only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    timeline.add_argument("--about", metavar="QUERY",
                          help="only events of articles containing every word of QUERY (a topic filter); "
                               "of an article naming it only past its lead, the events that name it")
    timeline.add_argument("--min-reports", type=positive_int, default=1, metavar="N",
                          help="only events reported by at least N articles (default 1)")
    timeline.set_defaults(handler=run_timeline)
    search = subparsers.add_parser("search", help="ranked full-text search over the corpus paragraphs")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=positive_int, default=10)
    search.set_defaults(handler=run_search)
    ask = subparsers.add_parser("ask", help="answer a question from the corpus, with citations")
    ask.add_argument("question", nargs="+")
    ask.add_argument("--engine", choices=["auto", "offline", "llm"], default="auto")
    ask.set_defaults(handler=run_ask)
    for parser in (ingest, entity, timeline, search, ask):
        parser.add_argument("--db", default=default_db(), type=database_url,
                            help="a SQLite file path, sqlite:///PATH or postgresql://... "
                                 "(default: $DIGESTHUB_DB or %(default)s)")


def _open(url: str, *, existing: bool = False):  # -> Corpus; imported late so `digesthub --help` stays fast
    """The corpus at ``url``; with ``existing``, a SQLite file that is not there is an error
    (a read command with a mistyped path would otherwise create an empty corpus there)."""
    from digesthub.corpus import Corpus
    from digesthub.errors import CorpusError

    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else ""
    if existing and path and not Path(path).exists():
        raise CorpusError(Errors.E201, url=url, detail="no such file; `digesthub ingest PATH... --db "
                          f"{url}` creates it")
    return Corpus(url)


def run_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from digesthub.corpus.ingest import IngestStats, collect_articles

    from digesthub.ingest.dates import coerce_date

    dialect_of(args.db)  # a bad URL fails before a large batch is read
    default_published = coerce_date(args.published)  # a bad date fails before the batch is read too
    problems: list[DigesthubError] = []
    articles = collect_articles(args.paths, on_error=problems.append)[: args.limit]
    undated = [article for article in articles if article.published is None]
    for article in undated:
        article.published = default_published
    if undated and default_published is None:
        print(f"note: {len(undated)} article(s) state no publication date: their relative dates stay "
              "unresolved (give --published YYYY-MM-DD)", file=sys.stderr)
    for problem in problems:
        print(f"skipped: {problem}", file=sys.stderr)
    if not articles:
        raise InputError(Errors.E205, paths=", ".join(str(p) for p in args.paths))
    if args.db in ("sqlite://", "sqlite:///"):  # a path left out: the articles would vanish silently
        print(f"note: {args.db} is an in-memory database; nothing is kept after this command "
              "(give sqlite:///PATH to keep the corpus)", file=sys.stderr)
    stats, started = IngestStats(), time.perf_counter()
    with _open(args.db) as corpus:
        bar = tqdm(total=len(articles), unit="article", file=sys.stderr, disable=args.quiet)
        for result in corpus.ingest(articles):
            stats.count(result)
            bar.update(1)
        bar.close()
        seconds = time.perf_counter() - started
        total = corpus.count()
    for error in stats.errors:
        print(f"failed: {error}", file=sys.stderr)
    print(f"added {stats.added}, replaced {stats.replaced}, unchanged {stats.skipped}, failed {stats.failed} "
          f"in {seconds:.1f} s ({len(articles) / max(seconds, 1e-9):.2f} articles/s); "
          f"the corpus holds {total} articles")
    return 1 if stats.failed and not (stats.added or stats.skipped or stats.replaced) else 0


def run_entity(args: argparse.Namespace) -> int:
    _require_words(args.name, "entity name")
    with _open(args.db, existing=True) as corpus:
        print(corpus.entity(args.name).to_markdown())
    return 0


def _require_words(text: str, what: str) -> None:
    """Refuse an empty or punctuation-only argument, which would only ever match nothing."""
    if not re.search(r"\w", text):
        raise DigesthubError(Errors.E014, detail=f"the {what} {text!r} has no words")


def _day(text: str, *, end: bool = False) -> dt.date:
    """A date bound from YYYY, YYYY-MM or YYYY-MM-DD (its first day, or last when ``end``)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match[1]), int(match[2] or (12 if end else 1)), match[3]
    try:
        if day is not None:
            return dt.date(year, month, int(day))
        if end:
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a calendar date") from None


def _day_end(text: str) -> dt.date:
    return _day(text, end=True)


def run_timeline(args: argparse.Namespace) -> int:
    from digesthub.corpus.timeline import filter_timeline, render_timeline

    with _open(args.db, existing=True) as corpus:
        if args.about is not None:
            _require_words(args.about, "--about query")
        timeline = filter_timeline(corpus.timeline(args.name, about=args.about), since=args.since,
                                   until=args.until, min_reports=args.min_reports)
    heading = f"# Timeline: {args.name}" if args.name else "# Timeline"
    heading += f" (articles about: {args.about})" if args.about else ""
    print(heading + "\n\n" + (render_timeline(timeline) or "(no dated events)"))
    return 0


def run_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    _require_words(query, "search query")
    with _open(args.db, existing=True) as corpus:
        hits = corpus.search(query, limit=args.limit)
        if not hits and not corpus.count():  # "no match" would hide that there is nothing to search
            raise DigesthubError(Errors.E203)
    if not hits:
        print(f"No paragraph matches {query!r}.")
        return 1
    from digesthub.corpus.search import snippet

    for rank, hit in enumerate(hits, start=1):
        text = snippet(hit.text, query)
        print(f"{rank}. {hit.title or hit.article_id} [{hit.article_id} para. {hit.paragraph}] "
              f"(score {hit.score:.3g})\n   {text}")
    return 0


def run_ask(args: argparse.Namespace) -> int:
    question = " ".join(args.question)
    _require_words(question, "question")
    with _open(args.db, existing=True) as corpus:
        answer = corpus.ask(question, engine=args.engine)
    print(answer.to_markdown())
    return 0 if answer.sentences else 1
