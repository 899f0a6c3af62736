"""``digesthub bench [PATH...]``: seconds per stage, words per second, peak memory."""

from __future__ import annotations

import argparse
from pathlib import Path

from digesthub.cli.argtypes import positive_int
from digesthub.errors import Errors, InputError

DEFAULT_SAMPLES = Path("../shared/samples")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("bench", help="time the digest pipeline on articles")
    parser.add_argument("paths", nargs="*", type=Path,
                        help=f"article files (default: the .txt files in {DEFAULT_SAMPLES})")
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs per article (mean is reported)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from digesthub.bench import run_bench

    paths = args.paths or sorted(DEFAULT_SAMPLES.glob("*.txt"))
    if not paths:
        raise InputError(Errors.E007, source=f"{DEFAULT_SAMPLES}/*.txt (give article paths)")
    print(run_bench(paths, repeat=args.repeat).to_text())
    return 0
