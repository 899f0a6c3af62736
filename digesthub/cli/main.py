"""``digesthub`` entry point: builds the parser from command modules and runs one.

Each command module exposes ``register(subparsers)``, which adds its parser and
sets ``handler=`` to a function taking the parsed namespace and returning an
exit code. Errors a user can fix are printed as one line, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from digesthub import __version__
from digesthub.errors import DigesthubError

COMMAND_MODULES = [
    "digesthub.cli.digest_cmd",
    "digesthub.cli.corpus_cmds",
    "digesthub.cli.eval_cmd",
    "digesthub.cli.bench_cmd",
    "digesthub.cli.serve_cmd",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digesthub",
        description="News articles into digests a reader can trust, and a knowledge base across them.",
    )
    parser.add_argument("--version", action="version", version=f"digesthub {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a command group not built yet in this checkout
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except DigesthubError as exc:
        print(f"error {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
