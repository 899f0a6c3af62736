"""Evaluation tasks behind ``digesthub eval TASK DATA``.

Each task module exposes ``evaluate(path, *, limit=None, progress=False) -> EvalReport``.
Tasks are registered here by module path and imported only when run.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from digesthub.errors import DigesthubError, Errors
from digesthub.evaluate.report import EvalReport

TASKS: dict[str, str] = {
    "timex": "digesthub.evaluate.timex",      # TempEval-3 Task A
    "tls": "digesthub.evaluate.tls",          # timeline summarization (Timeline17)
    "summary": "digesthub.evaluate.summary",  # key points vs. highlights (CNN/DM)
    "ner": "digesthub.evaluate.ner",          # CoNLL-2003 / SEC filings NER
    "link": "digesthub.evaluate.link",        # ECB+ cross-document entity coreference
    "facts": "digesthub.evaluate.facts",      # typed facts vs. our annotated set
}


def run_task(task: str, path: Path, *, limit: int | None = None, progress: bool = False) -> EvalReport:
    """Run evaluation ``task`` on the data at ``path``."""
    if task not in TASKS:
        raise DigesthubError(Errors.E301, task=task, choices=", ".join(sorted(TASKS)))
    if not path.exists():
        raise DigesthubError(Errors.E302, path=path, detail="no such file or folder")
    module = importlib.import_module(TASKS[task])
    try:
        report: EvalReport = module.evaluate(path, limit=limit, progress=progress)
    except (ValueError, KeyError, TypeError, OSError, EOFError) as exc:
        # Data in another task's or an unknown format: name the problem, not a traceback.
        raise DigesthubError(Errors.E302, path=path, detail=_data_problem(exc)) from exc
    if report.documents == 0 and limit != 0:
        raise DigesthubError(Errors.E302, path=path, detail=f"no {task} documents found in it")
    return report


def _data_problem(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"a record lacks the field {exc.args[0]!r}; is this data for the right task?"
    if isinstance(exc, json.JSONDecodeError):
        return f"not JSON Lines ({exc.msg})"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text (a binary or compressed file without .gz?)"
    if isinstance(exc, TypeError):
        return f"a record has an unexpected shape ({exc})"
    return str(exc) or type(exc).__name__
