"""TempEval-3 scoring helper: the dev set scored by halves (tune on one, check the other)."""

from __future__ import annotations

import json
from pathlib import Path

from digesthub.evaluate.timex import score_halves


def _document(text: str, start: int, end: int, value: str) -> dict[str, object]:
    return {"text": text, "dct": {"value": "2025-01-15"},
            "timexes": [{"start": start, "end": end, "type": "DATE", "value": value}]}


def test_halves_score_each_part_on_its_own(tmp_path: Path) -> None:
    data = tmp_path / "dev.jsonl"
    rows = [_document("It rained in 2019.", 13, 17, "2019"),  # half A: right
            _document("It rained in 2019.", 13, 17, "2018")]  # half B: wrong value
    data.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    scores = score_halves(data)
    assert scores["A"]["value_f1"] == 1.0
    assert scores["B"]["value_f1"] == 0.0 and scores["B"]["relaxed_f1"] == 1.0
    assert scores["all"]["value_f1"] == 0.5
