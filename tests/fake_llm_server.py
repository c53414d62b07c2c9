"""A scripted, OpenAI-compatible chat-completions server on localhost that fails on demand.

A test double for a model server: it answers ``POST /v1/chat/completions`` with the next step of
a script (a reply, an HTTP error, a delay, a truncated body, a hang-up), so tests can drive the
retry, timeout, repair and error paths of code that talks to a model through the ``openai`` SDK or
LangChain's ``ChatOpenAI``. It never invents content: every answer is scripted.

    with FakeLLMServer([status(429, {"Retry-After": "1"}), reply('{"verdict": "supported"}')]) as s:
        client = openai.OpenAI(base_url=s.base_url, api_key="x", max_retries=1)
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
        first, second = s.chat_requests
        assert second.arrived - first.arrived >= 0.9

What the ``openai`` SDK (3.x, as installed here; ``max_retries=0``) raises for each step:

- ``status(429)``: ``openai.RateLimitError`` (``.status_code``, ``.response.headers``, ``.body``
  is the ``"error"`` object of the JSON body); ``status(500)``: ``openai.InternalServerError``;
  other codes map to ``BadRequestError`` (400), ``AuthenticationError`` (401), ... -- all are
  ``openai.APIStatusError``. The SDK retries 408, 409, 429 and >= 500 on its own when
  ``max_retries`` > 0, honouring ``Retry-After`` / ``retry-after-ms`` up to 60 s.
- ``delay(s)`` longer than the client timeout: ``openai.APITimeoutError``.
- ``truncated(text)``: a plain ``json.JSONDecodeError`` (a ``ValueError``) from parsing the body;
  it is *not* an ``openai.OpenAIError`` and the SDK does not retry it.
  ``truncated(text, short_body=True)`` instead closes the connection before the declared
  ``Content-Length`` is sent: ``openai.APIConnectionError`` (retried by the SDK).
- ``hang_up()``: ``openai.APIConnectionError`` ("Connection error."), retried by the SDK.

``langchain_openai.ChatOpenAI`` (1.x) re-raises the SDK's errors as subclasses of both the
``openai`` class and a ``langchain_core.exceptions.Model*Error`` (``from`` the original, same
``.response`` / ``.status_code`` / ``.body``): 429 -> ``OpenAIRateLimitError``, >= 500 ->
``OpenAIAPIError`` (an ``openai.InternalServerError``), timeout -> ``OpenAITimeoutError``, hang-up
-> ``OpenAIConnectionError``; so ``except openai.RateLimitError`` still catches them. The
truncated body's ``json.JSONDecodeError`` comes through unchanged. For streamed replies
``ChatOpenAI`` only asks for usage with ``stream_usage=True`` when ``base_url`` is not OpenAI's.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CHAT_PATH = "/v1/chat/completions"
MODELS_PATH = "/v1/models"

# ---------------------------------------------------------------------------------------------
# Script steps


@dataclass(frozen=True)
class Reply:
    """A 200 chat.completion whose message content is ``content``."""

    content: str
    prompt_tokens: int = 10
    completion_tokens: int = 5
    finish_reason: str = "stop"


@dataclass(frozen=True)
class Status:
    """An HTTP error (or any status) with optional extra headers and a JSON body."""

    code: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: dict[str, Any] | None = None


@dataclass(frozen=True)
class Delay:
    """Wait ``seconds`` before answering with ``then`` (a hang-up when ``then`` is None)."""

    seconds: float
    then: Step | None = None


@dataclass(frozen=True)
class Truncated:
    """A 200 chat.completion with content ``text`` whose JSON body is cut after ``keep`` bytes.

    By default ``Content-Length`` matches the bytes sent, so the HTTP exchange is complete and
    only the JSON is broken. With ``short_body`` the full length is declared and the connection
    is closed early, which the client sees as a transport error instead.
    """

    text: str
    keep: int | None = None
    short_body: bool = False


@dataclass(frozen=True)
class HangUp:
    """Close the connection without sending any response."""


Step = Reply | Status | Delay | Truncated | HangUp
Responder = Callable[[dict[str, Any]], Step]


def reply(content: str, prompt_tokens: int = 10, completion_tokens: int = 5) -> Reply:
    """A successful chat completion with the given content and token usage."""
    return Reply(content, prompt_tokens, completion_tokens)


def status(
    code: int, headers: Mapping[str, str] | None = None, body: dict[str, Any] | None = None
) -> Status:
    """An HTTP ``code`` answer; the body defaults to an OpenAI-style error object."""
    return Status(code, dict(headers or {}), body)


def delay(seconds: float, then: Step | None = None) -> Delay:
    """Sleep ``seconds`` first, then answer with ``then`` (hang up when None)."""
    return Delay(seconds, then)


def truncated(text: str, keep: int | None = None, short_body: bool = False) -> Truncated:
    """A 200 whose chat.completion JSON (content ``text``) stops after ``keep`` bytes (half)."""
    return Truncated(text, keep, short_body)


def hang_up() -> HangUp:
    """Close the connection without a response."""
    return HangUp()


# ---------------------------------------------------------------------------------------------
# Requests as received


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it; ``arrived`` is ``time.monotonic()`` on arrival."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    raw: bytes
    arrived: float
    step: Step | None = None

    @property
    def prompt(self) -> str:
        """The text of all messages of a chat request, joined by newlines."""
        messages = self.body.get("messages", []) if isinstance(self.body, dict) else []
        return "\n".join(message_text(message) for message in messages)


def message_text(message: Any) -> str:
    """The text of one chat message, whether its content is a string or a list of parts."""
    if not isinstance(message, dict):
        return ""
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    429: "rate_limit_error",
}


def error_body(code: int, message: str | None = None) -> dict[str, Any]:
    """An OpenAI-style error body for HTTP ``code``."""
    kind = _ERROR_TYPES.get(code, "server_error" if code >= 500 else "invalid_request_error")
    return {
        "error": {
            "message": message or f"fake LLM server: scripted HTTP {code}",
            "type": kind,
            "param": None,
            "code": kind,
        }
    }


def completion_json(step: Reply | Truncated, model: str) -> dict[str, Any]:
    """The chat.completion object for a reply (or a truncated reply) step."""
    if isinstance(step, Reply):
        content, prompt, completion, finish = (
            step.content, step.prompt_tokens, step.completion_tokens, step.finish_reason)
    else:
        content, prompt, completion, finish = step.text, 10, 5, "stop"
    return {
        "id": f"chatcmpl-fake-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None},
                "logprobs": None,
                "finish_reason": finish,
            }
        ],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        },
    }


def stream_events(step: Reply, model: str, include_usage: bool) -> bytes:
    """The whole server-sent-event body of a streamed reply, ``data: [DONE]`` included."""
    base = completion_json(step, model)
    common = {"id": base["id"], "object": "chat.completion.chunk", "created": base["created"],
              "model": model}
    deltas = [
        {"role": "assistant", "content": ""},
        {"content": step.content},
    ]
    chunks: list[dict[str, Any]] = [
        {**common, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
        for delta in deltas
    ]
    chunks.append({**common, "choices": [{"index": 0, "delta": {},
                                          "finish_reason": step.finish_reason}]})
    if include_usage:
        chunks.append({**common, "choices": [], "usage": base["usage"]})
    lines = [f"data: {json.dumps(chunk)}\n\n" for chunk in chunks] + ["data: [DONE]\n\n"]
    return "".join(lines).encode()


# ---------------------------------------------------------------------------------------------
# The server


class _Handler(BaseHTTPRequestHandler):
    """Routes requests to the owning :class:`FakeLLMServer`."""

    protocol_version = "HTTP/1.1"
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        self.server.owner._track(self.connection, add=True)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        self.server.owner._track(self.connection, add=False)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _dispatch(self, method: str) -> None:
        try:
            self.server.owner._handle(self, method)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            self.close_connection = True  # the client hung up (e.g. after its own timeout)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    owner: FakeLLMServer


class FakeLLMServer:
    """A real HTTP server on 127.0.0.1 (``port``, else an ephemeral one) answering chat requests
    from a script.

    Each ``POST /v1/chat/completions`` (``/chat/completions`` also works) consumes the next
    step. When the script is used up, ``responder(request_json)`` decides if given, else the
    ``default`` step, else a 500 whose message says "script exhausted". ``GET /v1/models``
    lists ``models``. Use as a context manager, or call :meth:`start` and :meth:`close`.
    """

    def __init__(
        self,
        script: Iterable[Step] = (),
        *,
        default: Step | None = None,
        responder: Responder | None = None,
        models: Iterable[str] = ("fake-model",),
        port: int = 0,
    ) -> None:
        self._lock = threading.Lock()
        self._steps: deque[Step] = deque(script)
        self._requests: list[RecordedRequest] = []
        self._connections: set[socket.socket] = set()
        self._closing = threading.Event()
        self.default = default
        self.responder = responder
        self.models = list(models)
        self._port = port
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeLLMServer:
        """Bind to the port and serve in a daemon thread."""
        if self._httpd is not None:
            return self
        httpd = _HTTPServer(("127.0.0.1", self._port), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._closing.clear()
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
            name=f"fake-llm-server:{self.port}", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving, wake pending delays and drop open connections."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._closing.set()
        httpd.shutdown()
        httpd.server_close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeLLMServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- addresses ---------------------------------------------------------------------------

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._httpd is None:
            raise RuntimeError("FakeLLMServer is not running; use it as a context manager")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT`` (no path)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """The OpenAI ``base_url``: ``http://127.0.0.1:PORT/v1``."""
        return f"{self.url}/v1"

    # -- script ------------------------------------------------------------------------------

    def script(self, steps: Iterable[Step]) -> None:
        """Replace the steps still to come with ``steps``."""
        with self._lock:
            self._steps = deque(steps)

    def extend(self, steps: Iterable[Step]) -> None:
        """Append ``steps`` to the script."""
        with self._lock:
            self._steps.extend(steps)

    @property
    def remaining(self) -> int:
        """How many scripted steps have not been used yet."""
        with self._lock:
            return len(self._steps)

    # -- what was received -------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """A copy of every request received so far, in order of arrival."""
        with self._lock:
            return list(self._requests)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        """The chat-completion requests received so far."""
        return [r for r in self.requests if _route(r.path) == CHAT_PATH]

    def count(self, path: str = CHAT_PATH) -> int:
        """How many requests arrived for ``path`` (``/v1`` optional, query ignored)."""
        return self.counts().get(_route(path), 0)

    def counts(self) -> Counter[str]:
        """Requests received per path (normalised to ``/v1/...``)."""
        return Counter(_route(r.path) for r in self.requests)

    def arrival_gaps(self, path: str = CHAT_PATH) -> list[float]:
        """Seconds between consecutive requests to ``path`` (monotonic clock)."""
        times = [r.arrived for r in self.requests if _route(r.path) == _route(path)]
        return [later - earlier for earlier, later in zip(times, times[1:], strict=False)]

    # -- request handling --------------------------------------------------------------------

    def _track(self, connection: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def _next_step(self, body: dict[str, Any]) -> Step:
        with self._lock:
            if self._steps:
                return self._steps.popleft()
        if self.responder is not None:
            return self.responder(body)
        if self.default is not None:
            return self.default
        return Status(500, body=error_body(500, "fake LLM server: script exhausted"))

    def _handle(self, handler: _Handler, method: str) -> None:
        arrived = time.monotonic()
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = None
        route = _route(handler.path)
        step: Step | None = None
        if method == "POST" and route == CHAT_PATH and isinstance(body, dict):
            step = self._next_step(body)
        with self._lock:
            self._requests.append(RecordedRequest(
                method, handler.path, dict(handler.headers.items()), body, raw, arrived, step))

        if step is not None:
            self._answer(handler, step, body)
        elif method == "GET" and route == MODELS_PATH:
            created = int(time.time())
            data = [{"id": m, "object": "model", "created": created, "owned_by": "fake"}
                    for m in self.models]
            _send_json(handler, 200, {"object": "list", "data": data})
        elif route == CHAT_PATH and method == "POST":
            _send_json(handler, 400, error_body(400, "fake LLM server: body is not a JSON object"))
        else:
            message = f"fake LLM server: no route for {method} {handler.path}"
            _send_json(handler, 404, error_body(404, message))

    def _answer(self, handler: _Handler, step: Step, body: dict[str, Any]) -> None:
        model = str(body.get("model") or "fake-model")
        while isinstance(step, Delay):
            if self._closing.wait(step.seconds):
                step = HangUp()
                break
            step = step.then if step.then is not None else HangUp()
        if isinstance(step, Reply):
            if body.get("stream"):
                options = body.get("stream_options") or {}
                payload = stream_events(step, model, bool(options.get("include_usage")))
                _send_bytes(handler, 200, payload, {"Content-Type": "text/event-stream"})
            else:
                _send_json(handler, 200, completion_json(step, model))
        elif isinstance(step, Status):
            payload = json.dumps(step.body if step.body is not None else error_body(step.code))
            _send_bytes(handler, step.code, payload.encode(),
                        {"Content-Type": "application/json", **step.headers})
        elif isinstance(step, Truncated):
            full = json.dumps(completion_json(step, model)).encode()
            keep = len(full) // 2 if step.keep is None else max(0, min(step.keep, len(full) - 1))
            headers = {"Content-Type": "application/json"}
            if step.short_body:
                headers["Content-Length"] = str(len(full))
                handler.close_connection = True
            _send_bytes(handler, 200, full[:keep], headers)
            if step.short_body:
                _drop(handler)
        else:  # HangUp
            _drop(handler)


def _route(path: str) -> str:
    """``path`` without its query, with a ``/v1`` prefix added if missing."""
    path = path.split("?", 1)[0].rstrip("/")
    return path if path.startswith("/v1/") else f"/v1{path}"


def _send_json(handler: BaseHTTPRequestHandler, code: int, payload: Any) -> None:
    _send_bytes(handler, code, json.dumps(payload).encode(), {"Content-Type": "application/json"})


def _send_bytes(
    handler: BaseHTTPRequestHandler, code: int, payload: bytes, headers: Mapping[str, str]
) -> None:
    handler.send_response(code)
    sent = {name.lower() for name in headers}
    for name, value in headers.items():
        handler.send_header(name, value)
    if "content-length" not in sent:
        handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)
    handler.wfile.flush()


def _drop(handler: BaseHTTPRequestHandler) -> None:
    """Close the client connection now, without (the rest of) a response."""
    handler.close_connection = True
    with contextlib.suppress(OSError):
        handler.wfile.flush()
        handler.connection.shutdown(socket.SHUT_RDWR)


def main(argv: list[str] | None = None) -> None:
    """Serve as a stand-alone process (``python fake_llm_server.py --port N``) until stopped by
    a signal, answering every chat request with ``--reply``: a stand-in for a model server
    process."""
    import argparse
    import signal

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--reply", default="{}")
    args = parser.parse_args(argv)
    stops = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, stops)  # before the server's threads inherit it
    with FakeLLMServer(default=reply(args.reply), port=args.port):
        signal.sigwait(stops)


if __name__ == "__main__":
    main()
