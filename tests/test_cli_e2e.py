"""The CLI end to end on the two sample articles, checked as a reader would."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import CAIXIN, GLOBALTIMES

pytestmark = pytest.mark.skipif(not CAIXIN.exists(), reason="../shared/samples is not beside the repository")

STOP = set("a an the of in on at to for and or but with by from as is are was were be been has have had "
           "its it this that these those their they he she his her which who whom than then also".split())


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digesthub", *args], capture_output=True, text=True,
                          timeout=300, cwd=Path(__file__).parent.parent)


@lru_cache(maxsize=4)
def digest_json(path: str, published: str | None = None) -> dict:
    args = ["digest", path, "--format", "json"] + (["--published", published] if published else [])
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 2}


def paragraphs_of(document: dict) -> dict[int, str]:
    return {p["number"]: p["text"] for p in document["article"]["paragraphs"]}


def assert_supported(text: str, citations: list[dict], paragraphs: dict[int, str]) -> None:
    assert citations, f"no citation for: {text}"
    cited = " ".join(paragraphs[c["paragraph"]] for c in citations)  # KeyError = a paragraph that does not exist
    words = content_words(text)
    covered = words & content_words(cited)
    assert len(covered) >= 0.6 * len(words), f"cited paragraphs do not hold: {text}"


@pytest.mark.parametrize("sample", [CAIXIN, GLOBALTIMES], ids=["caixin", "globaltimes"])
def test_every_citation_points_at_supporting_paragraph(sample):
    document = digest_json(str(sample), "2025-07-08" if sample == GLOBALTIMES else "2025-01-06")
    paragraphs = paragraphs_of(document)
    assert 3 <= len(document["key_points"]) <= 5
    assert document["summary"]
    for item in document["key_points"] + document["summary"]:
        assert_supported(item["text"], item["citations"], paragraphs)
    for entry in document["timeline"]["entries"]:
        assert_supported(entry["text"], entry["citations"], paragraphs)
    for card in document["entities"]:
        for fact in card["facts"]:
            assert fact["text"] in paragraphs[fact["paragraph"]]
    verification = document["verification"]
    assert verification["citations_checked"] > 0
    assert verification["citations_verified"] == verification["citations_checked"]


def test_boilerplate_is_not_numbered():
    for sample in (CAIXIN, GLOBALTIMES):
        document = digest_json(str(sample))
        for text in paragraphs_of(document).values():
            assert "[para." not in text and "DIGEST HUB" not in text
            assert not re.match(r"^(Source|Original text|Statement)\s*:", text)
            assert "【" not in text and "subscription" not in text.lower()


def test_globaltimes_organization_cards():
    document = digest_json(str(GLOBALTIMES), "2025-07-08")
    organizations = {card["name"] for card in document["entities"] if card["type"] == "organization"}
    names = {alias for card in document["entities"] if card["type"] == "organization"
             for alias in [card["name"], *card["aliases"]]}
    for expected in ("Zhipei", "OpenAI", "Microsoft", "Meta"):
        assert any(expected in name for name in names), (expected, organizations)
    assert not any(card["name"] == "AI" for card in document["entities"])


def test_caixin_late_2022_normalizes_to_2022_end():
    document = digest_json(str(CAIXIN), "2025-01-06")
    dates = [entry["date"] for entry in document["timeline"]["entries"]]
    late = [d for d in dates if d["text"].lower().endswith("late 2022")]
    assert late, [d["text"] for d in dates]
    assert late[0]["value"] == "2022" and late[0]["mod"] == "END"
    starts = [d["first_day"] for d in dates if d["first_day"]]
    assert starts == sorted(starts)


def test_markdown_and_html_outputs():
    md = run_cli("digest", str(CAIXIN))
    assert md.returncode == 0, md.stderr
    assert "## Digest hub" in md.stdout and "[para. 1]" in md.stdout
    html = run_cli("digest", str(GLOBALTIMES), "--format", "html")
    assert html.returncode == 0 and 'href="#para-1"' in html.stdout


def test_stdin_and_bad_input_exit_codes(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli("digest", str(empty))
    assert result.returncode == 2 and result.stderr.startswith("error E001")
    assert "Traceback" not in result.stderr
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\xff" * 100)
    result = run_cli("digest", str(binary))
    assert result.returncode == 2 and "E002" in result.stderr
    piped = subprocess.run([sys.executable, "-m", "digesthub", "digest", "-", "--format", "json"],
                           input=GLOBALTIMES.read_text(encoding="utf-8"), capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and json.loads(piped.stdout)["article"]["source"] == "Global Times"
