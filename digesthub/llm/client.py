"""Chat models: the one-method protocol the engine needs, and the OpenAI-compatible client.

The engine depends only on :class:`ChatModel` (``complete(messages, schema=,
name=) -> Completion``), so tests and other backends plug in without a network.
Backends register by name, the built-in one the same way::

    register_backend("openai", OpenAIChatModel)

:class:`OpenAIChatModel` talks to any OpenAI-compatible server (hosted, vLLM,
llama.cpp, Ollama) through the official client (imported only when the llm
engine is used: the digester and the corpus import this package lazily), with its own retry loop
(exponential backoff with jitter, honouring Retry-After, for 408/409/429/5xx,
timeouts and dropped connections), a per-request timeout, a concurrency limit
shared by all threads using the model, and token accounting.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import openai

from digesthub.errors import EngineError, Errors
from digesthub.llm.config import LLMSettings

_RETRYABLE_STATUS = frozenset({408, 409, 429})
# Local servers need no key, but the client refuses to start without one.
_NO_KEY = "not-needed"


@dataclass(frozen=True)
class Completion:
    """One model reply: its text, the tokens it cost, and how many tries it took."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model: str = ""
    attempts: int = 1


class ChatModel(Protocol):
    """Anything that turns chat messages into a reply that should match ``schema``."""

    def complete(self, messages: list[dict[str, str]], *, schema: dict[str, Any], name: str) -> Completion:
        ...


class UsageTracker:
    """Tokens, requests and retries summed over every call (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests = 0
        self.retries = 0
        self.prompt_tokens = 0
        self.completion_tokens = 0

    def record(self, completion: Completion) -> None:
        """Count one finished request (its retries included)."""
        with self._lock:
            self.requests += 1
            self.retries += completion.attempts - 1
            self.prompt_tokens += completion.prompt_tokens
            self.completion_tokens += completion.completion_tokens

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


_BACKENDS: dict[str, Callable[[LLMSettings], ChatModel]] = {}


def register_backend(name: str, factory: Callable[[LLMSettings], ChatModel]) -> None:
    """Make ``factory(settings)`` the chat model used when ``settings.backend == name``."""
    _BACKENDS[name] = factory


def backend_names() -> list[str]:
    return sorted(_BACKENDS)


def create_model(settings: LLMSettings) -> ChatModel:
    """The chat model ``settings`` name (E102 when unconfigured, E108 for an unknown backend)."""
    settings.require()
    if settings.backend not in _BACKENDS:
        raise EngineError(Errors.E108, backend=settings.backend, choices=", ".join(backend_names()))
    return _BACKENDS[settings.backend](settings)


class OpenAIChatModel:
    """A chat model behind an OpenAI-compatible ``/chat/completions`` endpoint."""

    def __init__(self, settings: LLMSettings, *, usage: UsageTracker | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings.require()
        self.usage = usage or UsageTracker()
        self._sleep = sleep
        self._slots = threading.Semaphore(settings.max_concurrency)
        # max_retries=0: the retry policy below is ours (jitter, Retry-After, accounting).
        self._client = openai.OpenAI(base_url=settings.base_url, api_key=settings.api_key or _NO_KEY,
                                     timeout=settings.timeout_s, max_retries=0)

    def complete(self, messages: list[dict[str, str]], *, schema: dict[str, Any], name: str) -> Completion:
        """The model's reply to ``messages``, asked to follow ``schema``; retried on transient errors."""
        attempt = 0
        while True:
            attempt += 1
            try:
                with self._slots:
                    response = self._create(messages, schema, name)
            except openai.APIError as error:
                delay = self._retry_delay(error, attempt)
                if delay is None:
                    raise self._engine_error(error, attempt) from error
                self._sleep(delay)
                continue
            completion = _completion(response, self.settings.model or "", attempt)
            self.usage.record(completion)
            return completion

    def _create(self, messages: list[dict[str, str]], schema: dict[str, Any], name: str) -> Any:
        if self.settings.response_format == "json_schema":
            response_format: dict[str, Any] = {
                "type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": True}}
        else:
            # JSON mode does not take a schema: state it in the (trusted) system prompt instead.
            response_format = {"type": "json_object"}
            messages = _with_schema(messages, schema)
        return self._client.chat.completions.create(
            model=self.settings.model or "", messages=messages,  # type: ignore[arg-type]
            response_format=response_format,  # type: ignore[arg-type]
            temperature=self.settings.temperature, max_tokens=self.settings.max_tokens,
            timeout=self.settings.timeout_s)

    def _retry_delay(self, error: Exception, attempt: int) -> float | None:
        """Seconds to wait before trying again, or None when the error is final."""
        if attempt > self.settings.max_retries or not _retryable(error):
            return None
        backoff = self.settings.backoff_s * 2 ** (attempt - 1)
        # Full jitter keeps many clients that failed together from retrying together.
        delay = min(self.settings.max_backoff_s, backoff) * random.uniform(0.5, 1.0)
        server_says = _retry_after(error)
        if server_says is not None:
            delay = max(delay, min(server_says, self.settings.max_backoff_s))
        return delay

    def _engine_error(self, error: Exception, attempt: int) -> EngineError:
        status = getattr(error, "status_code", None)
        detail = f"{self.settings.base_url}: {_short(error)}"
        if isinstance(error, openai.APIStatusError) and not _retryable(error):
            return EngineError(Errors.E105, status=status, detail=detail)
        return EngineError(Errors.E103, attempts=attempt, detail=detail)


register_backend("openai", OpenAIChatModel)


def _with_schema(messages: list[dict[str, str]], schema: dict[str, Any]) -> list[dict[str, str]]:
    """``messages`` with ``schema`` appended to the leading system message."""
    if not messages or messages[0]["role"] != "system":
        return messages
    stated = messages[0]["content"] + "\n\nThe reply must match this JSON schema:\n" + json.dumps(schema)
    return [{"role": "system", "content": stated}, *messages[1:]]


def _retryable(error: Exception) -> bool:
    if isinstance(error, openai.APIConnectionError):  # includes APITimeoutError
        return True
    if isinstance(error, openai.APIStatusError):
        return error.status_code in _RETRYABLE_STATUS or error.status_code >= 500
    return False


def _retry_after(error: Exception) -> float | None:
    """The server's Retry-After (seconds, or retry-after-ms), when it sent one."""
    response = getattr(error, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    for header, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(header)
        if value is None:
            continue
        try:
            return max(0.0, float(value) * scale)
        except ValueError:
            continue  # an HTTP date: rare from model servers, backoff covers it
    return None


def _completion(response: Any, model: str, attempts: int) -> Completion:
    """Our :class:`Completion` from the client's ChatCompletion."""
    choices = getattr(response, "choices", None) or []
    message = choices[0].message if choices else None
    text = (getattr(message, "content", None) or "") if message is not None else ""
    usage = getattr(response, "usage", None)
    return Completion(
        text=text,
        prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
        completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
        model=getattr(response, "model", None) or model,
        attempts=attempts,
    )


def _short(error: Exception, limit: int = 300) -> str:
    text = " ".join(str(error).split()).rstrip(".")  # the error templates end the sentence
    return text if len(text) <= limit else text[:limit] + "..."
