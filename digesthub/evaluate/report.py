"""What an evaluation measured, as data, and its text rendering."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class EvalReport:
    """Scores per system (``systems[name][metric] = value``) plus notes.

    Metrics are fractions in [0, 1] unless their name says otherwise
    (``*_seconds``, ``*_per_s``, counts).
    """

    task: str
    data: str
    systems: dict[str, dict[str, float]]
    documents: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def to_text(self) -> str:
        metrics: list[str] = []
        for scores in self.systems.values():
            metrics.extend(m for m in scores if m not in metrics)
        width = max([len(s) for s in self.systems] + [6])
        lines = [f"{self.task} on {self.data} ({self.documents} documents, {self.seconds:.1f} s)"]
        lines.append("system".ljust(width) + "".join(f"  {m:>12}" for m in metrics))
        for system, scores in self.systems.items():
            cells = "".join(f"  {_fmt(scores.get(m)):>12}" for m in metrics)
            lines.append(system.ljust(width) + cells)
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and value > 1):
        return f"{int(value)}"
    return f"{value:.4f}"
