"""``digesthub serve``: the web app and JSON API on localhost.

``--db URL`` picks the corpus the /api/search, /api/entity, /api/timeline,
/api/ask and /api/ingest endpoints use (default as the other corpus
commands: $DIGESTHUB_DB, else sqlite:///digesthub.db).
"""

from __future__ import annotations

import argparse

from digesthub.cli.argtypes import database_url
from digesthub.cli.corpus_cmds import default_db


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="run the web app and JSON API")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--db", default=default_db(), type=database_url,
                        help="corpus for the /api endpoints: a SQLite file path, sqlite:///PATH or postgresql://... "
                             "(default: $DIGESTHUB_DB or %(default)s)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from digesthub.present.web import create_app

    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="info")
    return 0
