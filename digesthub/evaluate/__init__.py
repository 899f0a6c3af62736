"""Evaluation tasks behind ``digesthub eval TASK DATA``.

Each task module exposes ``evaluate(path, *, limit=None, progress=False) -> EvalReport``.
Tasks are registered here by module path and imported only when run.
"""

from __future__ import annotations

import importlib
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
    return module.evaluate(path, limit=limit, progress=progress)
