"""``digesthub eval TASK DATA``: run an evaluation and print what it measured."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from digesthub.cli.argtypes import positive_int
from digesthub.evaluate import TASKS, run_task


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("eval", help="score a stage against a public evaluation set")
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("data", type=Path, help="the evaluation file or folder")
    parser.add_argument("--limit", type=positive_int, default=None, help="only the first N documents")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    report = run_task(args.task, args.data, limit=args.limit, progress=not args.json)
    if args.json:
        print(json.dumps(report.__dict__, indent=2))
    else:
        print(report.to_text())
    return 0
