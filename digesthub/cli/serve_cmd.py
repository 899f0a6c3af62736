"""``digesthub serve``: the web app and JSON API on localhost."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="run the web app and JSON API")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from digesthub.present.web import create_app

    uvicorn.run(create_app(), host=args.host, port=args.port, log_level="info")
    return 0
