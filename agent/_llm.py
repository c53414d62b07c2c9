"""The LLM backend's transport: chat calls with retries, structured (JSON) answers with one repair,
an on-disk response cache, a usage ledger with prices, and a per-article budget."""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
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
# Tokens of chat-template markup per message, on top of the message's own text.
MESSAGE_OVERHEAD_TOKENS = 8
# Margin on the largest tokens-per-byte ratio seen, for estimating a prompt's tokens.
PROMPT_ESTIMATE_MARGIN = 1.25


class BudgetExceeded(BackendError):
    """The per-article budget is spent; the calls it would take are not made."""


class InvalidOutput(BackendError):
    """The model's answer did not match the schema, also after one repair attempt."""


def http_client(timeout_s: float, max_connections: int):
    """An HTTP client of the kind the installed openai SDK is built on (httpx, or its successor
    httpx2), with explicit timeouts and connection limits. The timeouts start when a request
    is sent: waiting for a free connection of the client's own pool has none."""
    import openai

    http = sys.modules[openai.DefaultHttpxClient.__mro__[1].__module__.split(".")[0]]
    return http.Client(
        timeout=http.Timeout(timeout_s, connect=min(timeout_s, 10.0), pool=None),
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


def describe_failure(error: BaseException, timeout_s: float) -> str:
    """What went wrong with one request, in a few words: "HTTP 429", "timed out after 30 s"."""
    import openai

    if isinstance(error, openai.APITimeoutError):
        return f"timed out after {timeout_s:g} s"
    if isinstance(error, openai.APIStatusError):
        return f"HTTP {error.status_code}"
    if isinstance(error, openai.APIConnectionError):
        return "connection failed"
    if isinstance(error, json.JSONDecodeError):
        return "body cut off mid-JSON"
    return type(error).__name__


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
    """Model answers that validated, on disk (SQLite), keyed by a hash of endpoint, model,
    prompt, inputs and parameters: the same request is never paid for twice."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        # (the table `responses` of earlier versions also held answers that did not validate)
        self._db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, "
                         "content TEXT NOT NULL, created REAL)")
        self._db.commit()

    def get(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT content FROM answers WHERE key = ?",
                                   (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, content: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)",
                             (key, content, time.time()))
            self._db.commit()


@dataclass
class Ledger:
    """What one article (or one claim) spent, the budget it may spend, and the warnings its
    calls left for the report. Before a call, `reserve` sets aside the most that call can cost,
    so calls in flight together cannot overrun the budget; `settle` books what it really cost
    and gives back the rest. Thread-safe."""

    budget_tokens: int | None = None
    budget_usd: float | None = None
    usage: LLMUsage = field(default_factory=LLMUsage)
    warnings: list[str] = field(default_factory=list)
    refused: int = 0  # calls not made because the budget could not cover them
    lock: threading.Condition = field(default_factory=threading.Condition, repr=False)
    held_tokens: int = field(default=0, repr=False)
    held_usd: float = field(default=0.0, repr=False)
    holders: int = field(default=0, repr=False)

    @property
    def spent_tokens(self) -> int:
        return self.usage.prompt_tokens + self.usage.completion_tokens

    def _fits(self, tokens: int, usd: float) -> bool:
        return (self.budget_tokens is None
                or self.spent_tokens + self.held_tokens + tokens <= self.budget_tokens) and (
            self.budget_usd is None or self.usage.cost_usd + self.held_usd + usd <= self.budget_usd)

    def reserve(self, need: Callable[[], tuple[int, float]]) -> tuple[int, float]:
        """Set aside the most the next call can cost (`need()` gives tokens and USD) and return
        it. While other calls hold reservations, wait for them to settle; when what is left
        cannot cover the call, raise BudgetExceeded: the call is not made."""
        with self.lock:
            while True:
                tokens, usd = need()
                if self._fits(tokens, usd):
                    break
                if not self.holders:
                    self.usage.budget_exhausted = True
                    self.refused += 1
                    cost = f" (${usd:.4f})" if self.budget_usd is not None else ""
                    raise BudgetExceeded(
                        f"the per-article LLM budget cannot cover another call of up to "
                        f"{tokens:,} tokens{cost}: {self.spending()}; raise "
                        "FACTCHECK_LLM_BUDGET_TOKENS or FACTCHECK_LLM_BUDGET_USD to go on")
                self.lock.wait()
            self.held_tokens += tokens
            self.held_usd += usd
            self.holders += 1
        return tokens, usd

    def settle(self, held: tuple[int, float], **spent: float) -> None:
        """Give back a reservation and book what the call really spent."""
        with self.lock:
            self.held_tokens -= held[0]
            self.held_usd -= held[1]
            self.holders -= 1
            self.usage.add(LLMUsage.model_validate(spent))
            self.lock.notify_all()

    def spending(self) -> str:
        """What was spent against what is allowed: "412 of 500 tokens spent"."""
        parts = []
        if self.budget_tokens is not None:
            parts.append(f"{self.spent_tokens:,} of {self.budget_tokens:,} tokens")
        if self.budget_usd is not None:
            parts.append(f"${self.usage.cost_usd:.4f} of ${self.budget_usd:g}")
        return " and ".join(parts) + " spent"

    def budget_warning(self) -> str | None:
        """The report's line on a spent budget, or None when every call was within it."""
        if not self.usage.budget_exhausted:
            return None
        return (f"LLM budget: {self.spending()}; {self.refused} model calls were not made, as "
                "what was left could not cover them (FACTCHECK_LLM_BUDGET_TOKENS, "
                "FACTCHECK_LLM_BUDGET_USD)")

    def record(self, **figures: float) -> None:
        with self.lock:
            self.usage.add(LLMUsage.model_validate(figures))

    def warn(self, message: str) -> None:
        """Add a warning for the report."""
        with self.lock:
            self.warnings.append(message)


class ChatClient:
    """Talks to one chat model through LangChain: an OpenAI-compatible endpoint built from the
    settings, or any LangChain chat model passed in. Thread-safe; at most
    `settings.llm_concurrency` calls are in flight at once, whoever makes them."""

    def __init__(self, settings: Settings, model: str | None = None,
                 chat_model: BaseChatModel | None = None) -> None:
        self.settings = settings
        self.lifetime = Ledger()
        self._slots = threading.BoundedSemaphore(settings.llm_concurrency)
        self._ratio_lock = threading.Lock()
        self._down: str | None = None  # set once the endpoint proved unreachable
        # the most prompt tokens per byte of prompt the endpoint has reported (None: none yet)
        self._tokens_per_byte: float | None = None
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
        http = http_client(self.settings.timeout_s, self.settings.llm_concurrency)
        return ChatOpenAI(
            model=self.model,
            base_url=self.endpoint,
            api_key=SecretStr(api_key),
            temperature=self.settings.llm_temperature,
            max_completion_tokens=self.settings.llm_max_tokens,
            max_retries=0,  # tenacity retries, honouring Retry-After
            timeout=http.timeout,  # as the client's: none while waiting for a free connection
            http_client=http,
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

    def _prompt_bytes(self, messages: list[tuple[str, str]],
                      response_format: dict | None) -> int:
        """The size of a request's prompt in bytes (the schema sent beside it included)."""
        size = sum(len(text.encode()) for _, text in messages)
        return size + (len(json.dumps(response_format)) if response_format else 0)

    def _estimate_prompt_tokens(self, size: int, messages: int) -> int:
        """At most how many prompt tokens a prompt of `size` bytes takes: one per byte (a bound
        for byte-level tokenizers) until the endpoint has reported a count, then the largest
        tokens-per-byte ratio it reported, with a margin."""
        ratio = self._tokens_per_byte
        text = size if ratio is None else min(size, math.ceil(
            size * ratio * PROMPT_ESTIMATE_MARGIN))
        return text + MESSAGE_OVERHEAD_TOKENS * (messages + 1)

    def _learn(self, size: int, prompt_tokens: int) -> None:
        if size and prompt_tokens:
            with self._ratio_lock:
                self._tokens_per_byte = max(self._tokens_per_byte or 0.0, prompt_tokens / size)

    def _invoke(self, messages: list[tuple[str, str]], response_format: dict | None,
                ledger: Ledger) -> tuple[str, int, int]:
        """One call, retried on transient errors; (content, prompt tokens, completion tokens).
        Every request sent counts as a call, failed ones too, with the seconds it took."""
        import openai
        from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt

        if self._down:
            raise BackendError(self._down)
        failures: Counter[str] = Counter()
        kwargs = {"response_format": response_format} if response_format else {}

        def attempt():
            started = time.perf_counter()
            try:
                return self.chat_model.invoke(messages, **kwargs)
            except Exception as exc:
                failures[describe_failure(exc, self.settings.timeout_s)] += 1
                raise
            finally:
                self._book(ledger, calls=1, seconds=time.perf_counter() - started)

        def count_retry(state: RetryCallState) -> None:
            self._book(ledger, retries=1)

        retrying = Retrying(
            retry=retry_if_exception_type(transient_errors()),
            stop=stop_after_attempt(self.settings.retry_attempts),
            wait=retry_after_or_backoff,
            before_sleep=count_retry,
            reraise=True,
        )
        try:
            with self._slots:
                message = retrying(attempt)
        except (openai.OpenAIError, json.JSONDecodeError) as exc:
            tries = sum(failures.values())
            what = ", ".join(f"{n} × {kind}" if n > 1 else kind
                             for kind, n in failures.most_common())
            failed = (f"{tries} tries failed ({what}); the last: " if tries > 1
                      else f"{what}: ")
            if (isinstance(exc, openai.APIConnectionError)
                    and not isinstance(exc, openai.APITimeoutError)):
                self._down = f"cannot reach the chat endpoint {self.endpoint}: {failed}{exc}"
                raise BackendError(self._down) from None
            raise BackendError(f"chat endpoint {self.endpoint}, model {self.model}: "
                               f"{failed}{_brief(exc)}") from None
        usage = getattr(message, "usage_metadata", None) or {}
        content = message.content if isinstance(message.content, str) else json.dumps(
            message.content)
        return content, int(usage.get("input_tokens", 0)), int(usage.get("output_tokens", 0))

    def _book(self, ledger: Ledger, **figures: float) -> None:
        """Record figures in the article's ledger and in this client's lifetime ledger."""
        for book in (ledger, self.lifetime):
            book.record(**figures)

    def _call(self, messages: list[tuple[str, str]], schema: type[BaseModel],
              ledger: Ledger) -> str:
        """The model's answer to `messages`, from a call the ledger's budget can cover: the
        call's most (its prompt's estimated tokens and the completion's `max_tokens`) is
        reserved first, and what it did not spend is given back after."""
        response_format = self._response_format(schema)
        size = self._prompt_bytes(messages, response_format)
        completion = self.settings.llm_max_tokens

        def most() -> tuple[int, float]:
            prompt_tokens = self._estimate_prompt_tokens(size, len(messages))
            return prompt_tokens + completion, self._price(prompt_tokens, completion)

        held = ledger.reserve(most)
        spent: dict[str, float] = {}
        try:
            content, prompt_tokens, completion_tokens = self._invoke(
                messages, response_format, ledger)
            spent = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                     "cost_usd": self._price(prompt_tokens, completion_tokens)}
        finally:
            ledger.settle(held, **spent)
            self.lifetime.record(**spent)
        self._learn(size, prompt_tokens)
        return content

    # -- structured answers -------------------------------------------------------------------

    def structured(self, prompt: PromptTemplate, values: dict[str, str], schema: type[Answer],
                   ledger: Ledger) -> Answer:
        """The model's answer to a prompt, validated against `schema`. An invalid answer is sent
        back once with the validation error; still invalid raises InvalidOutput. Only an answer
        that validated is cached, under the prompt's key (a repaired one too)."""
        messages = prompt.render(**values)
        key = self._key(messages, prompt, schema)
        cached = self.cache.get(key) if self.cache else None
        if cached is not None:
            self._book(ledger, cache_hits=1)
            return parse_json_answer(cached, schema)
        content = self._call(messages, schema, ledger)
        try:
            answer = parse_json_answer(content, schema)
        except ValueError as exc:  # ValidationError is a ValueError
            self._book(ledger, repairs=1)
            repair = [*messages, ("assistant", content), (
                "user", f"Your answer is not valid: {_brief(exc)}. Reply again with one JSON "
                "object only, with exactly the fields asked for.")]
            content = self._call(repair, schema, ledger)
            try:
                answer = parse_json_answer(content, schema)
            except ValueError as again:
                self._book(ledger, invalid_outputs=1)
                raise InvalidOutput(f"the model's answer is not valid JSON for "
                                    f"{schema.__name__} after one repair: {_brief(again)}"
                                    ) from None
        if self.cache:
            self.cache.put(key, content)
        return answer
