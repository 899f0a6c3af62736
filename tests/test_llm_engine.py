"""The llm engine against a local OpenAI-compatible server replaying recorded responses."""

from __future__ import annotations

import json
import time
from pathlib import Path
from collections.abc import Iterator

import pytest

from digesthub.errors import EngineError
from digesthub.llm.client import OpenAIChatModel
from digesthub.llm.engine import USAGE_PREFIX, llm_digest
from digesthub.llm.prompts import DIGEST_SYSTEM
from digesthub.types import Digest
from tests.llm_fixtures import annotated, article, settings
from tests.llm_server import FakeChatServer, Reply, recorded


@pytest.fixture
def server() -> Iterator[FakeChatServer]:
    with FakeChatServer() as running:
        yield running


def _digest(server: FakeChatServer, *replies: Reply, injected: bool = False, **overrides: object) -> Digest:
    server.script(*replies)
    model = OpenAIChatModel(settings(server.base_url, **overrides))
    return llm_digest(annotated(injected=injected), model=model)


def _reasons(digest: Digest, section: str) -> dict[str, str]:
    return {d.item: d.reason for d in digest.verification.dropped if d.section == section}


def test_good_response_fills_all_four_sections(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("good")))
    assert digest.engine == "llm"
    assert len(digest.key_points) == 3 and len(digest.summary) == 4
    assert [c.paragraph for c in digest.summary[0].citations] == [1]
    assert all(s.verified for s in digest.summary)
    assert [s.group for s in digest.summary] == [0, 0, 1, 1]
    assert [e.name for e in digest.entities] == ["Quillmark", "Ana Ferreira", "Harbor Ventures"]
    quillmark = digest.entities[0]
    assert quillmark.label == "ORG" and quillmark.salience == 1.0
    valuation = {f.kind: f for f in quillmark.facts}["valuation"]
    assert valuation.value == "$400 million" and valuation.paragraph == 2
    assert valuation.quantity is not None and (valuation.quantity.amount, valuation.quantity.unit) == (4e8, "USD")
    assert valuation.text == "The round values Quillmark at $400 million."  # the evidence sentence
    assert [e.date.value for e in digest.timeline.entries] == ["2019", "2025-03"]  # sorted by date
    assert digest.timeline.entries[1].citations[0].paragraph == 4
    assert digest.verification.dropped == []
    assert digest.verification.ratio == 1.0


def test_request_uses_structured_output_and_keeps_article_out_of_system_prompt(server: FakeChatServer) -> None:
    _digest(server, Reply(recorded("good")))
    (request,) = server.requests
    assert request["model"] == "test-model"
    assert request["response_format"]["type"] == "json_schema"
    schema = request["response_format"]["json_schema"]["schema"]
    assert set(schema["required"]) == {"key_points", "summary", "entities", "timeline"}
    system, user = request["messages"]
    assert system == {"role": "system", "content": DIGEST_SYSTEM}
    data = json.loads(user["content"])
    assert "untrusted" in data["note"].lower()
    assert data["article"]["paragraphs"][0]["n"] == 1
    assert "Quillmark" not in system["content"]


def test_json_mode_states_the_schema_in_the_system_prompt(server: FakeChatServer) -> None:
    digest = _digest(server, Reply("```json\n" + recorded("good") + "\n```"), response_format="json_object")
    request = server.requests[0]
    assert request["response_format"] == {"type": "json_object"}
    assert request["messages"][0]["content"].startswith(DIGEST_SYSTEM)
    assert '"key_points"' in request["messages"][0]["content"]
    assert len(digest.key_points) == 3  # the code fence some servers add is tolerated


def test_usage_line_sums_tokens(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("good"), prompt_tokens=1200, completion_tokens=345))
    assert digest.warnings[0] == (
        f"{USAGE_PREFIX} 1,200 prompt + 345 completion tokens, 1 request, 0 retries (model test-model)")


def test_invalid_json_is_asked_again_with_the_error(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("invalid_json")), Reply(recorded("good")))
    assert len(server.requests) == 2
    repair = server.requests[1]["messages"]
    assert repair[-2]["role"] == "assistant" and "not valid JSON" in repair[-1]["content"]
    assert len(digest.summary) == 4 and digest.verification.dropped == []
    assert digest.warnings[0].startswith(f"{USAGE_PREFIX} 200 prompt + 100 completion tokens, 2 requests, 1 retry")


def test_invalid_json_twice_drops_every_section(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("invalid_json")), Reply("Sure! Here is your digest."))
    assert digest.key_points == [] and digest.summary == [] and digest.entities == []
    assert digest.timeline.entries == []
    dropped = {d.section: d.reason for d in digest.verification.dropped}
    assert set(dropped) == {"key_points", "summary", "entities", "timeline"}
    assert all("not valid JSON" in reason for reason in dropped.values())


def test_schema_violation_keeps_valid_sections_and_drops_broken_ones(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("schema_violation")), Reply(recorded("schema_violation")))
    reasons = {d.section: d.reason for d in digest.verification.dropped if d.item == "whole section"}
    assert set(reasons) == {"key_points", "entities"}
    assert "expected array, got string" in reasons["key_points"]
    assert "'company' is not one of" in reasons["entities"]
    assert [s.text for s in digest.summary] == ["Quillmark raised $45 million in a Series B round."]
    repair_prompt = server.requests[1]["messages"][-1]["content"]
    assert "$.key_points[0].paragraphs" in repair_prompt


def test_schema_violation_repaired_on_second_try(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("schema_violation")), Reply(recorded("good")))
    assert len(digest.key_points) == 3 and len(digest.entities) == 3
    # the summary was valid the first time: it is kept from the first reply
    assert len(digest.summary) == 1
    assert digest.verification.dropped == []


def test_invented_citations_are_removed_and_unsupported_sentences_dropped(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("invented_citations")))
    assert [k.text for k in digest.key_points] == ["The round values Quillmark at $400 million."]
    assert "article has 5 paragraphs" in _reasons(digest, "key_points")[
        "Quillmark raised $45 million in a Series B round led by Harbor Ventures."]
    # [para. 5] (the weather) is removed from a sentence that [para. 1] supports
    assert [(s.text[:17], [c.paragraph for c in s.citations]) for s in digest.summary] == [
        ("Quillmark raised ", [1])]
    drops = _reasons(digest, "summary")
    assert "not supported by [para. 5]" in drops["Quillmark's robots work in 120 warehouses across Europe."]
    assert "not supported" in drops["The round values Quillmark at $900 million."]  # wrong figure
    assert "article has 5 paragraphs" in drops["Ferreira said the money would pay for a new factory in Braga."]
    timeline_drops = _reasons(digest, "timeline")
    assert "not supported by [para. 2]" in timeline_drops["Quillmark opened offices in Tokyo and Seoul."]
    assert digest.verification.citations_checked == 8
    assert digest.verification.citations_verified == 2
    assert any("failed" in w for w in digest.warnings)


def test_entities_absent_from_the_text_are_dropped(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("absent_entity")))
    names = [e.name for e in digest.entities]
    assert names == ["Quillmark", "Harbour Ventures Fund"]  # the second is kept for its alias
    reasons = _reasons(digest, "entities")
    assert reasons["Orion Dynamics"] == "neither the name nor an alias occurs in the article"
    assert reasons["Quillmark: alias QM Robotics"] == "the alias does not occur in the article"
    assert reasons["Quillmark: funding $90 million"] == "the value does not occur in [para. 1]"
    assert "article has 5 paragraphs" in reasons["Quillmark: valuation $400 million"]
    assert "no paragraph supports" in reasons["Quillmark: It was bought by Amazon for $2 billion."]
    quillmark = digest.entities[0]
    assert quillmark.aliases == [] and [f.kind for f in quillmark.facts] == ["employees"]
    assert quillmark.description == "Quillmark is a Lisbon-based maker of warehouse robots."
    assert digest.entities[1].aliases == ["Harbor Ventures"]


def test_dates_that_do_not_normalize_are_dropped(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("bad_dates")))
    assert [(e.date.text, e.date.value) for e in digest.timeline.entries] == [("March 2025", "2025-03")]
    reasons = _reasons(digest, "timeline")
    assert "does not normalize" in reasons["whenever the stars align: A new factory in Braga is due to open."]
    assert reasons[": Quillmark's robots now work in 120 warehouses across Europe."] == "no date"
    assert reasons["2021: Ana Ferreira founded the company with two engineers from the University of Porto."] == (
        "the date '2021' is not stated in [para. 2]")
    facts = digest.entities[0].facts
    assert [(f.kind, f.date.value if f.date else None) for f in facts] == [
        ("founded", None), ("funding", None), ("founder", "2019")]
    entity_reasons = _reasons(digest, "entities")
    assert "does not normalize" in entity_reasons["Quillmark: founded 2019 (date whenever the stars align)"]
    assert entity_reasons["Quillmark: funding $45 million (date 2024)"] == (
        "the date '2024' is not stated in [para. 1]; the fact is kept without its date")


def test_a_reworded_date_counts_as_stated_when_the_analysis_found_it() -> None:
    from digesthub.llm.dates import checked_date
    from digesthub.types import TimeExpression

    source = article()
    found = TimeExpression(start=0, end=5, text="2019", type="DATE", value="2019", paragraph=2)
    assert checked_date("2019", source, [2])[0] is not None
    assert checked_date("2019-01", source, [2])[0] is None
    reworded = TimeExpression(start=0, end=5, text="in January", type="DATE", value="2019-01", paragraph=2)
    assert checked_date("2019-01", source, [2], [found, reworded])[0] is not None
    assert checked_date("2019-01", source, [3], [found, reworded])[0] is None


def test_429_waits_for_retry_after_then_succeeds(server: FakeChatServer) -> None:
    started = time.monotonic()
    digest = _digest(server, Reply("slow down", status=429, headers={"Retry-After": "1"}), Reply(recorded("good")))
    assert time.monotonic() - started >= 0.9
    assert len(server.requests) == 2 and len(digest.summary) == 4
    assert "1 request, 1 retry" in digest.warnings[0]


def test_timeout_is_retried(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("good"), delay=1.0), Reply(recorded("good")), timeout_s=0.3)
    assert len(server.requests) == 2 and len(digest.key_points) == 3
    assert "1 retry" in digest.warnings[0]


def test_server_errors_exhaust_retries(server: FakeChatServer) -> None:
    with pytest.raises(EngineError) as caught:
        _digest(server, *[Reply("overloaded", status=503)] * 3, max_retries=2)
    assert caught.value.code == "E103" and "3 attempts" in str(caught.value)
    assert len(server.requests) == 3


def test_rejected_request_is_not_retried(server: FakeChatServer) -> None:
    with pytest.raises(EngineError) as caught:
        _digest(server, Reply("invalid api key", status=401))
    assert caught.value.code == "E105" and "401" in str(caught.value)
    assert len(server.requests) == 1


def test_prompt_injection_changes_neither_format_nor_leaks_the_prompt(server: FakeChatServer) -> None:
    digest = _digest(server, Reply(recorded("injection_obeyed")), injected=True)
    request = server.requests[0]
    assert "Ignore previous instructions" not in request["messages"][0]["content"]
    data = json.loads(request["messages"][1]["content"])
    assert "Ignore previous instructions" in data["article"]["paragraphs"][2]["text"]
    texts = [k.text for k in digest.key_points] + [s.text for s in digest.summary]
    assert texts == ["Quillmark raised $45 million in a Series B round led by Harbor Ventures.",
                     "The round values Quillmark at $400 million."]
    assert _reasons(digest, "summary") == {"item 1 (text withheld)": "repeats the system prompt"}
    assert "PWNED" in _reasons(digest, "key_points")  # cites [para. 1], which does not say it
    assert _reasons(digest, "output") == {"system_prompt": "not a field of the schema; ignored"}
    assert "You write digests" not in json.dumps(digest.to_dict())


def test_prompt_injection_plain_text_reply_is_dropped(server: FakeChatServer) -> None:
    plain = Reply(recorded("injection_plain_text"))
    digest = _digest(server, plain, plain, injected=True)
    assert digest.summary == [] and len(digest.verification.dropped) == 4
    assert "You write digests" not in json.dumps(digest.to_dict())


def test_concurrency_limit_is_shared_by_threads(server: FakeChatServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    model = OpenAIChatModel(settings(server.base_url, max_concurrency=1))
    server.script(*[Reply(recorded("good"), delay=0.15)] * 3)
    with ThreadPoolExecutor(3) as pool:
        digests = list(pool.map(lambda _: llm_digest(annotated(), model=model), range(3)))
    assert all(len(d.summary) == 4 for d in digests)
    assert server.max_in_flight == 1
    assert model.usage.requests == 3 and model.usage.prompt_tokens == 300 and model.usage.total_tokens == 450


def test_digest_with_engine_llm_reads_the_endpoint_from_the_environment(
        server: FakeChatServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from digesthub.digester import digest

    monkeypatch.setenv("DIGESTHUB_CONFIG", str(tmp_path / "absent.toml"))
    for variable in ("DIGESTHUB_LLM_BASE_URL", "DIGESTHUB_LLM_MODEL", "OPENAI_BASE_URL", "OPENAI_MODEL"):
        monkeypatch.delenv(variable, raising=False)
    with pytest.raises(EngineError) as caught:
        digest(article(), engine="llm")
    assert caught.value.code == "E102"
    monkeypatch.setenv("DIGESTHUB_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("DIGESTHUB_LLM_MODEL", "env-model")
    server.script(Reply(recorded("good")))
    result = digest(article(), engine="llm")
    assert result.engine == "llm" and server.requests[0]["model"] == "env-model"
    assert len(result.summary) == 4 and len(result.timeline.entries) == 2
    assert any(w.startswith(USAGE_PREFIX) for w in result.warnings)
    assert "[para. 1]" in result.to_markdown()


def test_a_figure_the_model_reports_from_a_forecast_sentence_is_marked_a_forecast() -> None:
    from digesthub.llm.cards import _stated_as_forecast

    assert _stated_as_forecast("It expects full-year revenue of about $6 billion.", "$6 billion")
    assert not _stated_as_forecast("Revenue reached $4.2 billion last year.", "$4.2 billion")
    assert not _stated_as_forecast("Revenue reached $4.2 billion last year.", "$9 billion")  # not in the sentence
