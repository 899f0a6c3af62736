"""Shared test fixtures: the sample articles beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"
CAIXIN = SAMPLES / "caixin-ai-startups-digest.txt"
GLOBALTIMES = SAMPLES / "globaltimes-zhipu-openai.txt"


@pytest.fixture
def caixin_path() -> Path:
    if not CAIXIN.exists():
        pytest.skip("../shared/samples is not beside the repository")
    return CAIXIN


@pytest.fixture
def globaltimes_path() -> Path:
    if not GLOBALTIMES.exists():
        pytest.skip("../shared/samples is not beside the repository")
    return GLOBALTIMES
