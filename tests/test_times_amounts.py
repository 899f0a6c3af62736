"""Temporal tagger: durations, sets, spoken years, and the TempEval-3 scorer."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from digesthub.analyze.times import tag_times
from digesthub.evaluate.timex import Tally, evaluate

ANCHOR = dt.date(2025, 1, 15)


def values(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in tag_times(text, ANCHOR)]


@pytest.mark.parametrize("text, surface, value, mod", [
    ("It took two years.", "two years", "P2Y", None),
    ("It lasted a decade.", "a decade", "P10Y", None),
    ("It took several months.", "several months", "PXM", None),
    ("over the past three years", "the past three years", "P3Y", None),
    ("a 16-hour flight", "16-hour", "PT16H", None),
    ("for 2 1/2 years", "2 1/2 years", "P2Y6M", None),
    ("for more than a week", "more than a week", "P1W", "MORE_THAN"),
    ("for up to 180 days", "up to 180 days", "P180D", "EQUAL_OR_LESS"),
    ("nearly two years", "nearly two years", "P2Y", "LESS_THAN"),
    ("about two weeks", "two weeks", "P2W", "APPROX"),
    ("in the last twenty four hours", "the last twenty four hours", "PT24H", None),
    ("the market has struggled for years", "years", "PXY", None),
])
def test_durations(text: str, surface: str, value: str, mod: str | None) -> None:
    assert (surface, "DURATION", value, mod) in values(text)


@pytest.mark.parametrize("text, value", [
    ("The index is published daily.", "P1D"), ("Dividends are paid quarterly.", "P3M"),
    ("They meet every week.", "P1W"), ("It is held every December.", "XXXX-12"),
    ("They meet twice a year.", "P1Y"), ("Shows run Tuesday nights.", "XXXX-WXX-2TNI"),
])
def test_sets(text: str, value: str) -> None:
    assert [(t.type, t.value) for t in tag_times(text, ANCHOR)] == [("SET", value)]


@pytest.mark.parametrize("text", [
    "a five-year-old company", "He is 30 years old.", "Its quarterly dividend rose.", "about three-quarters of staff",
    "It costs $5 a year.", "China Daily reported it.", "two thousand people",
])
def test_amounts_that_are_not_times(text: str) -> None:
    assert tag_times(text, ANCHOR) == []


def test_spoken_years() -> None:
    assert values("in nineteen ninety-six")[0][2] == "1996"
    assert values("the year two thousand")[0][2] == "2000"


def test_tally_strict_and_relaxed() -> None:
    tally = Tally()
    gold = [(0, 10, "DATE", "2024"), (20, 30, "DURATION", "P2Y")]
    tally.add(gold, [(0, 10, "DATE", "2024"), (22, 30, "DURATION", "P3Y"), (40, 45, "DATE", "2023")])
    scores = tally.scores()
    assert scores["strict_p"] == pytest.approx(1 / 3) and scores["relaxed_r"] == 1.0
    assert scores["value_acc"] == 0.5 and scores["type_acc"] == 1.0


def test_evaluate_on_a_tiny_timeml_file(tmp_path: Path) -> None:
    text = "Sales rose 5% last year and fell on Friday."
    document = {"text": text, "dct": {"value": "1998-03-06"},
                "timexes": [{"start": 14, "end": 23, "type": "DATE", "value": "1997"},
                            {"start": 36, "end": 42, "type": "DATE", "value": "1998-03-06"}]}
    path = tmp_path / "tiny.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(document) + "\n")
    report = evaluate(path)
    assert report.documents == 1
    assert report.systems["digesthub"]["strict_f1"] == 1.0
    assert report.systems["digesthub"]["value_f1"] == 1.0
    assert report.systems["years_only"]["relaxed_r"] == 0.0


def test_month_with_a_spoken_year_and_holiday_weeks() -> None:
    assert values("January nineteen ninety-seven. Atlanta again.")[0][:3] == (
        "January nineteen ninety-seven", "DATE", "1997-01")
    assert values("during Easter week")[0][2] == "2025-W16"
