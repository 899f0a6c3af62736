"""LLM settings, backends, the schema validator, leak detection and corpus answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from digesthub.errors import EngineError
from digesthub.llm.answer import llm_answer
from digesthub.llm.checks import leaks_prompt
from digesthub.llm.client import Completion, create_model, register_backend
from digesthub.llm.config import LLMSettings
from digesthub.llm.engine import llm_digest
from digesthub.llm.prompts import DIGEST_SYSTEM
from digesthub.llm.schema import DIGEST_SCHEMA, validate
from digesthub.types import Citation
from tests.llm_fixtures import annotated, article, settings
from tests.llm_server import FakeChatServer, Reply, recorded


def test_environment_settings_with_openai_fallbacks() -> None:
    loaded = LLMSettings.load("/nonexistent.toml", environ={
        "OPENAI_BASE_URL": "http://fallback/v1", "OPENAI_API_KEY": "sk-openai",
        "DIGESTHUB_LLM_MODEL": "m1", "DIGESTHUB_LLM_TIMEOUT": "7.5", "DIGESTHUB_LLM_CONCURRENCY": "2"})
    assert (loaded.base_url, loaded.api_key, loaded.model) == ("http://fallback/v1", "sk-openai", "m1")
    assert loaded.timeout_s == 7.5 and loaded.max_concurrency == 2 and loaded.configured
    own = LLMSettings.load("/nonexistent.toml", environ={
        "OPENAI_BASE_URL": "http://fallback/v1", "DIGESTHUB_LLM_BASE_URL": "http://mine/v1"})
    assert own.base_url == "http://mine/v1"


def test_config_file_and_environment_override(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[llm]\nbase_url = "http://file/v1"\nmodel = "file-model"\nmax_retries = 1\n',
                    encoding="utf-8")
    from_file = LLMSettings.load(environ={"DIGESTHUB_CONFIG": str(path)})
    assert (from_file.base_url, from_file.model, from_file.max_retries) == ("http://file/v1", "file-model", 1)
    overridden = LLMSettings.load(path, environ={"DIGESTHUB_LLM_MODEL": "env-model"})
    assert overridden.model == "env-model" and overridden.base_url == "http://file/v1"


def test_missing_endpoint_is_e102_only_when_required(tmp_path: Path) -> None:
    path = tmp_path / "none.toml"
    assert not LLMSettings.load(path, environ={}).configured
    with pytest.raises(EngineError) as caught:
        LLMSettings.load(path, require=True, environ={"DIGESTHUB_LLM_MODEL": "m"})
    assert caught.value.code == "E102" and str(path) in str(caught.value)
    with pytest.raises(EngineError) as engine_caught:
        llm_digest(annotated(), settings=LLMSettings())
    assert engine_caught.value.code == "E102"


@pytest.mark.parametrize(("content", "code"), [
    ('[llm]\nbase_url = "x"\nmodle = "typo"\n', "E106"),
    ("[llm\n", "E106"),
    ('[llm]\ntimeout_s = "soon"\n', "E107"),
    ('[llm]\nmax_concurrency = 0\n', "E107"),
    ('[llm]\nresponse_format = "yaml"\n', "E107"),
])
def test_bad_config_files_are_reported(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EngineError) as caught:
        LLMSettings.load(path, environ={})
    assert caught.value.code == code


class ScriptedModel:
    """A backend without a network: replies from a list, as any registered backend could."""

    def __init__(self, configured: LLMSettings, replies: list[str] | None = None) -> None:
        self.settings = configured
        self.replies = list(replies or [recorded("good")])
        self.calls: list[list[dict[str, str]]] = []

    def complete(self, messages: list[dict[str, str]], *, schema: dict[str, Any], name: str) -> Completion:
        self.calls.append(messages)
        return Completion(self.replies.pop(0), prompt_tokens=10, completion_tokens=5, model="scripted")


def test_backends_register_like_the_builtin_one() -> None:
    register_backend("scripted", ScriptedModel)
    model = create_model(LLMSettings(base_url="local", model="m", backend="scripted"))
    assert isinstance(model, ScriptedModel)
    digest = llm_digest(annotated(), model=model)
    assert len(digest.key_points) == 3 and "(model scripted)" in digest.warnings[0]
    with pytest.raises(EngineError) as caught:
        create_model(LLMSettings(base_url="local", model="m", backend="nope"))
    assert caught.value.code == "E108" and "scripted" in str(caught.value)


def test_key_points_over_five_are_dropped() -> None:
    import json

    reply = json.loads(recorded("good"))
    reply["key_points"] = reply["key_points"] * 3
    model = ScriptedModel(LLMSettings(), [json.dumps(reply)])
    digest = llm_digest(annotated(), model=model)
    assert len(digest.key_points) == 5
    over = [d for d in digest.verification.dropped if d.reason == "over the limit of 5 key points"]
    assert len(over) == 4


def test_validator_reports_paths() -> None:
    assert validate({"key_points": [], "summary": [], "entities": [], "timeline": []}, DIGEST_SCHEMA) == []
    problems = validate({"key_points": [{"text": "x", "paragraphs": [0, True]}], "summary": [],
                         "entities": [], "timeline": [], "extra": 1}, DIGEST_SCHEMA)
    assert problems == ["$: unexpected 'extra'", "$.key_points[0].paragraphs[0]: 0 is below 1",
                        "$.key_points[0].paragraphs[1]: expected integer, got bool"]


def test_leak_check_needs_a_long_verbatim_run() -> None:
    words = DIGEST_SYSTEM.split()
    assert leaks_prompt("Sure: " + " ".join(words[3:12]))
    assert not leaks_prompt("Quillmark raised $45 million in a Series B round led by Harbor Ventures.")
    assert not leaks_prompt(" ".join(words[3:9]))  # six words in a row is a coincidence


@pytest.fixture
def server() -> Iterator[FakeChatServer]:
    with FakeChatServer() as running:
        yield running


def test_answer_keeps_only_supported_cited_sentences(server: FakeChatServer) -> None:
    paragraphs = article().paragraphs
    passages = [(Citation(1, "quillmark"), paragraphs[0].text), (Citation(3, "quillmark"), paragraphs[2].text),
                (Citation(2, "quillmark"), paragraphs[1].text)]
    server.script(Reply(recorded("answer")))
    sentences, verification = llm_answer("How much did Quillmark raise?", passages,
                                         model=settings(server.base_url))
    assert [(s.text[:16], s.citations) for s in sentences] == [
        ("Quillmark raised", [Citation(1, "quillmark")]),
        ("Quillmark's robo", [Citation(3, "quillmark"), Citation(2, "quillmark")])]
    reasons = [d.reason for d in verification.dropped]
    assert reasons == ["cites passages [2], none of which supports it", "cites passages [7], but there are 3"]
    assert (verification.citations_checked, verification.citations_verified) == (5, 3)
    sent = server.requests[0]["messages"]
    assert "How much did Quillmark raise?" not in sent[0]["content"]
    assert "How much did Quillmark raise?" in sent[1]["content"]
