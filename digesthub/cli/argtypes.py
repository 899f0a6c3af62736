"""Argument types shared by the commands, so bad numbers fail at parse time with a clear message."""

from __future__ import annotations

import argparse


def positive_int(text: str) -> int:
    """An integer >= 1 (a limit or repeat count of 0 or less would silently drop or divide by zero)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def database_url(text: str) -> str:
    """A corpus URL; a plain file path means a SQLite file there (as sqlite-utils takes it).

    ``corpus.db`` → ``sqlite:///corpus.db``; URLs (``sqlite:///...``, ``postgresql://...``)
    pass through unchanged, and an unknown scheme is left for the corpus to refuse by name.
    """
    value = text.strip()
    if not value:
        raise argparse.ArgumentTypeError("the database is empty: give a file path, sqlite:///PATH or postgresql://...")
    if "://" in value or value == "sqlite:":
        return value
    return f"sqlite:///{value}"
