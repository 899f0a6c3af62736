"""A local OpenAI-compatible chat server for offline tests of the llm engine.

It listens on 127.0.0.1 (a free port) in a thread and answers
``POST /v1/chat/completions`` with scripted replies, in order: a model reply
(content text, wrapped in a ChatCompletion with token usage), an HTTP error
(status, headers such as Retry-After), or a reply sent after a delay (to
trigger client timeouts). It records every request body it received.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures" / "llm"


@dataclass
class Reply:
    """One scripted answer: model ``content``, or an HTTP ``status`` error; ``delay`` seconds first."""

    content: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    prompt_tokens: int = 100
    completion_tokens: int = 50


def recorded(name: str) -> str:
    """The recorded model output ``name`` from fixtures/llm/responses.json, as the text the model sent."""
    responses = json.loads((FIXTURES / "responses.json").read_text(encoding="utf-8"))
    value = responses[name]
    return value if isinstance(value, str) else json.dumps(value)


class FakeChatServer:
    """Context manager: ``with FakeChatServer() as server: server.script(...); server.base_url``."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._replies: list[Reply] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *replies: Reply) -> None:
        """Queue ``replies``; each request takes the next one (an unscripted request gets a 500)."""
        with self._lock:
            self._replies.extend(replies)

    def next_reply(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            self.requests.append(body)
            return self._replies.pop(0) if self._replies else Reply(status=500, content="unscripted request")

    def enter(self) -> None:
        """Count a request being served (for concurrency-limit tests)."""
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def __enter__(self) -> FakeChatServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(owner: FakeChatServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            if self.path.rstrip("/") != "/v1/chat/completions":
                self._send(404, {"error": {"message": f"no route {self.path}"}})
                return
            reply = owner.next_reply(body)
            owner.enter()
            try:
                time.sleep(reply.delay)
            finally:
                owner.leave()
            if reply.status != 200:
                self._send(reply.status, {"error": {"message": reply.content or "error", "type": "test"}},
                           reply.headers)
                return
            self._send(200, _completion(body, reply), reply.headers)

        def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client timed out and hung up: that is the point of a slow reply

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet in tests
            return

    return Handler


def _completion(request: dict[str, Any], reply: Reply) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": request.get("model", "test-model"),
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": reply.content}}],
        "usage": {"prompt_tokens": reply.prompt_tokens, "completion_tokens": reply.completion_tokens,
                  "total_tokens": reply.prompt_tokens + reply.completion_tokens},
    }
