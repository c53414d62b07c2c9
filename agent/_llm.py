"""The LLM backend's transport: chat calls with retries, structured (JSON) answers with one repair,
an on-disk response cache, a usage ledger with prices, and a per-article budget."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, SecretStr, ValidationError

from ._errors import BackendError
from ._models import LLMUsage
from ._prompts import PromptTemplate
from ._settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

Answer = TypeVar("Answer", bound=BaseModel)

RETRY_AFTER_CAP_S = 60.0


class BudgetExceeded(BackendError):
    """The per-article budget is spent; the calls it would take are not made."""


class InvalidOutput(BackendError):
    """The model's answer did not match the schema, also after one repair attempt."""


def http_client(timeout_s: float, max_connections: int):
    """An HTTP client of the kind the installed openai SDK is built on (httpx, or its successor
    httpx2), with explicit timeouts and connection limits."""
    import openai

    http = sys.modules[openai.DefaultHttpxClient.__mro__[1].__module__.split(".")[0]]
    return http.Client(
        timeout=http.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
        limits=http.Limits(max_connections=max_connections,
                           max_keepalive_connections=max_connections),
    )


def retry_after_or_backoff(state) -> float:
    """Seconds to wait before the next try: the server's Retry-After (seconds; capped at a
    minute) when it sends one, else exponential backoff with jitter."""
    from tenacity import wait_exponential_jitter

    response = getattr(state.outcome.exception(), "response", None)
    header = response.headers.get("retry-after") if response is not None else None
    try:
        return min(float(header), RETRY_AFTER_CAP_S) if header else wait_exponential_jitter(
            1, 30)(state)
    except ValueError:
        return wait_exponential_jitter(1, 30)(state)


def transient_errors() -> tuple[type[BaseException], ...]:
    """Errors worth another try: rate limits, server errors, timeouts, dropped connections and
    bodies cut off mid-JSON."""
    import openai

    return (openai.RateLimitError, openai.InternalServerError, openai.APITimeoutError,
            openai.APIConnectionError, json.JSONDecodeError)


def parse_json_answer(content: str, schema: type[Answer]) -> Answer:
    """The first JSON object in a model's answer (code fences and chatter around it are
    tolerated), validated against `schema`. Raises ValueError or ValidationError."""
    text = re.sub(r"^```(?:json)?\s*|\s*```$", "", content.strip())
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise ValueError("the answer holds no JSON object")
    return schema.model_validate_json(text[start : end + 1])


def _brief(error: Exception) -> str:
    """A validation error in a few lines, as fed back to the model for its repair."""
    if isinstance(error, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg']}"
            for e in error.errors()[:8]
        )
    return str(error)[:300]


class ResponseCache:
    """Model answers on disk (SQLite), keyed by a hash of endpoint, model, prompt, inputs and
    parameters: the same request is never paid for twice."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, content TEXT NOT NULL, "
            "prompt_tokens INTEGER, completion_tokens INTEGER, created REAL)"
        )
        self._db.commit()

    def get(self, key: str) -> tuple[str, int, int] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT content, prompt_tokens, completion_tokens FROM responses WHERE key = ?",
                (key,),
            ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def put(self, key: str, content: str, prompt_tokens: int, completion_tokens: int) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?)",
                (key, content, prompt_tokens, completion_tokens, time.time()),
            )
            self._db.commit()


@dataclass
class Ledger:
    """What one article (or one claim) spent, and the budget it may spend."""

    budget_tokens: int | None = None
    budget_usd: float | None = None
    usage: LLMUsage = field(default_factory=LLMUsage)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def check(self) -> None:
        """Raise BudgetExceeded once the budget is spent."""
        tokens = self.usage.prompt_tokens + self.usage.completion_tokens
        spent = (self.budget_tokens is not None and tokens >= self.budget_tokens) or (
            self.budget_usd is not None and self.usage.cost_usd >= self.budget_usd)
        if spent:
            self.usage.budget_exhausted = True
            limit = (f"{self.budget_tokens:,} tokens" if self.budget_tokens is not None
                     else f"${self.budget_usd}")
            raise BudgetExceeded(
                f"the per-article LLM budget ({limit}) is spent: {tokens:,} tokens, "
                f"${self.usage.cost_usd:.4f} so far; raise FACTCHECK_LLM_BUDGET_TOKENS or "
                "FACTCHECK_LLM_BUDGET_USD to go on"
            )

    def record(self, **figures: float) -> None:
        with self.lock:
            self.usage.add(LLMUsage.model_validate(figures))


class ChatClient:
    """Talks to one chat model through LangChain: an OpenAI-compatible endpoint built from the
    settings, or any LangChain chat model passed in. Thread-safe; at most
    `settings.llm_concurrency` calls are in flight at once, whoever makes them."""

    def __init__(self, settings: Settings, model: str | None = None,
                 chat_model: BaseChatModel | None = None) -> None:
        self.settings = settings
        self.lifetime = Ledger()
        self._slots = threading.BoundedSemaphore(settings.llm_concurrency)
        self._down: str | None = None  # set once the endpoint proved unreachable
        if chat_model is not None:
            self.chat_model = chat_model
            self.model = str(getattr(chat_model, "model_name", "") or
                             getattr(chat_model, "model", "") or type(chat_model).__name__)
            self.endpoint = f"langchain:{type(chat_model).__name__}"
            self.json_mode = settings.llm_json_mode if self._is_openai(chat_model) else "none"
        else:
            if not model:
                raise BackendError("no chat model is configured: set FACTCHECK_LLM_MODEL")
            self.model = model
            self.endpoint = (settings.llm_base_url or os.environ.get("OPENAI_BASE_URL")
                             or "https://api.openai.com/v1")
            self.chat_model = self._openai_chat_model()
            self.json_mode = settings.llm_json_mode
        self.cache = (ResponseCache(settings.home / "llm-cache.sqlite3")
                      if settings.llm_cache else None)

    @staticmethod
    def _is_openai(chat_model: BaseChatModel) -> bool:
        from langchain_openai import ChatOpenAI

        return isinstance(chat_model, ChatOpenAI)

    def _openai_chat_model(self) -> BaseChatModel:
        from langchain_openai import ChatOpenAI

        api_key = self.settings.llm_api_key or os.environ.get("OPENAI_API_KEY") or "unset"
        return ChatOpenAI(
            model=self.model,
            base_url=self.endpoint,
            api_key=SecretStr(api_key),
            temperature=self.settings.llm_temperature,
            max_completion_tokens=self.settings.llm_max_tokens,
            max_retries=0,  # tenacity retries, honouring Retry-After
            timeout=self.settings.timeout_s,
            http_client=http_client(self.settings.timeout_s, self.settings.llm_concurrency),
        )

    @property
    def name(self) -> str:
        return f"{self.model}@{self.endpoint}"

    # -- one call -----------------------------------------------------------------------------

    def _price(self, prompt_tokens: int, completion_tokens: int) -> float:
        per_million = self.settings.llm_prices.get(self.model)
        if not per_million:
            return 0.0
        return (prompt_tokens * per_million[0] + completion_tokens * per_million[1]) / 1e6

    def _key(self, messages: list[tuple[str, str]], prompt: PromptTemplate,
             schema: type[BaseModel]) -> str:
        params = {"temperature": self.settings.llm_temperature,
                  "max_tokens": self.settings.llm_max_tokens, "json_mode": self.json_mode}
        material = [self.endpoint, self.model, prompt.sha256, messages, params,
                    schema.model_json_schema()]
        return hashlib.sha256(json.dumps(material, ensure_ascii=False).encode()).hexdigest()

    def _response_format(self, schema: type[BaseModel]) -> dict | None:
        if self.json_mode == "json_schema":
            return {"type": "json_schema", "json_schema": {
                "name": schema.__name__, "schema": schema.model_json_schema(), "strict": False}}
        if self.json_mode == "json_object":
            return {"type": "json_object", "schema": schema.model_json_schema()}
        return None

    def _invoke(self, messages: list[tuple[str, str]], schema: type[BaseModel],
                ledger: Ledger) -> tuple[str, int, int]:
        """One call, retried on transient errors; (content, prompt tokens, completion tokens)."""
        import openai
        from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt

        if self._down:
            raise BackendError(self._down)

        def count_retry(state: RetryCallState) -> None:
            ledger.record(retries=1)
            self.lifetime.record(retries=1)

        kwargs = {}
        response_format = self._response_format(schema)
        if response_format:
            kwargs["response_format"] = response_format
        retrying = Retrying(
            retry=retry_if_exception_type(transient_errors()),
            stop=stop_after_attempt(self.settings.retry_attempts),
            wait=retry_after_or_backoff,
            before_sleep=count_retry,
            reraise=True,
        )
        try:
            with self._slots:
                message = retrying(self.chat_model.invoke, messages, **kwargs)
        except openai.APIConnectionError as exc:
            if not isinstance(exc, openai.APITimeoutError):
                self._down = f"cannot reach the chat endpoint {self.endpoint}: {exc}"
                raise BackendError(self._down) from None
            raise BackendError(f"chat endpoint {self.endpoint} timed out "
                               f"{self.settings.retry_attempts} times") from None
        except (openai.OpenAIError, json.JSONDecodeError) as exc:
            raise BackendError(f"chat endpoint {self.endpoint}, model {self.model}: "
                               f"{_brief(exc)}") from None
        usage = getattr(message, "usage_metadata", None) or {}
        content = message.content if isinstance(message.content, str) else json.dumps(
            message.content)
        return content, int(usage.get("input_tokens", 0)), int(usage.get("output_tokens", 0))

    def _call(self, messages: list[tuple[str, str]], prompt: PromptTemplate,
              schema: type[BaseModel], ledger: Ledger) -> str:
        """The model's answer to `messages`: from the cache, or from the model (within budget)."""
        key = self._key(messages, prompt, schema)
        cached = self.cache.get(key) if self.cache else None
        if cached:
            for book in (ledger, self.lifetime):
                book.record(cache_hits=1)
            return cached[0]
        ledger.check()
        started = time.perf_counter()
        content, prompt_tokens, completion_tokens = self._invoke(messages, schema, ledger)
        figures = {"calls": 1, "prompt_tokens": prompt_tokens,
                   "completion_tokens": completion_tokens,
                   "seconds": time.perf_counter() - started,
                   "cost_usd": self._price(prompt_tokens, completion_tokens)}
        for book in (ledger, self.lifetime):
            book.record(**figures)
        if self.cache:
            self.cache.put(key, content, prompt_tokens, completion_tokens)
        return content

    # -- structured answers -------------------------------------------------------------------

    def structured(self, prompt: PromptTemplate, values: dict[str, str], schema: type[Answer],
                   ledger: Ledger) -> Answer:
        """The model's answer to a prompt, validated against `schema`. An invalid answer is sent
        back once with the validation error; still invalid raises InvalidOutput."""
        messages = prompt.render(**values)
        content = self._call(messages, prompt, schema, ledger)
        try:
            return parse_json_answer(content, schema)
        except ValueError as exc:  # ValidationError is a ValueError
            error = exc
        for book in (ledger, self.lifetime):
            book.record(repairs=1)
        repair = [*messages, ("assistant", content), (
            "user", f"Your answer is not valid: {_brief(error)}. Reply again with one JSON "
            "object only, with exactly the fields asked for.")]
        content = self._call(repair, prompt, schema, ledger)
        try:
            return parse_json_answer(content, schema)
        except ValueError as exc:
            for book in (ledger, self.lifetime):
                book.record(invalid_outputs=1)
            raise InvalidOutput(f"the model's answer is not valid JSON for {schema.__name__} "
                                f"after one repair: {_brief(exc)}") from None
