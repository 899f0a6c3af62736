"""``digesthub digest PATH|URL|-``: the digest of one article."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from digesthub.digester import digest, engine_names
from digesthub.errors import DigesthubError, Errors
from digesthub.ingest import FORMATS, read_article

RENDERERS = ("md", "json", "html")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("digest", help="digest one article (file, URL or - for stdin)")
    parser.add_argument("source", help="a text/HTML/JSON file, a URL, or - for standard input")
    parser.add_argument("--format", choices=RENDERERS, default="md", help="output format (default md)")
    parser.add_argument("--engine", choices=engine_names(), default="offline")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (anchors relative dates)")
    parser.add_argument("--title", help="the article's title, if the input lacks it")
    parser.add_argument("--input-format", choices=FORMATS, help="force the input format (default: detect)")
    parser.add_argument("--encoding", help="the input's text encoding, if not UTF-8 or declared")
    parser.add_argument("--language", help="skip language detection and treat the text as this language")
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    article = read_article(args.source, format=args.input_format, title=args.title,
                           published=args.published, encoding=args.encoding, language=args.language)
    result = digest(article, engine=args.engine)
    if args.format == "json":
        from digesthub.present.jsonout import render_json

        text = render_json(result) + "\n"
    elif args.format == "html":
        text = result.to_html()
    else:
        text = result.to_markdown()
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:  # a missing folder, a directory, no permission, a full disk
            raise DigesthubError(Errors.E017, path=args.output, detail=exc.strerror or exc) from exc
    else:
        sys.stdout.write(text)
    return 0
