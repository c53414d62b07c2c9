"""The CI guard: with FACTCHECK_REQUIRE_LOCAL_MODEL=1 a test against the real local model fails
when the model is absent instead of being skipped; without it, it is skipped. Checked in a
separate pytest process whose llama-cpp-python is hidden, whether or not it is installed here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
NEEDS_MODEL = """\
import pytest

pytestmark = pytest.mark.llm


def test_needs_the_local_model(local_model_url):
    assert local_model_url.startswith("http")
"""


def run_without_llama_cpp(tmp_path: Path, require: bool) -> subprocess.CompletedProcess:
    """Run NEEDS_MODEL in a fresh pytest with this folder's conftest and llama_cpp unimportable."""
    (tmp_path / "test_needs_model.py").write_text(NEEDS_MODEL, encoding="utf-8")
    (tmp_path / "hide_llama_cpp.py").write_text('import sys\n\nsys.modules["llama_cpp"] = None\n',
                                                encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_REQUIRE_LOCAL_MODEL"}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(TESTS)])
    env["COLUMNS"] = "250"  # the reason in full on the summary line
    if require:
        env["FACTCHECK_REQUIRE_LOCAL_MODEL"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "hide_llama_cpp",
         "-p", "conftest", "-m", "llm", "-W", "ignore::pytest.PytestUnknownMarkWarning",
         "test_needs_model.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("require", [True, False])
def test_missing_local_model_fails_only_when_required(tmp_path, require):
    done = run_without_llama_cpp(tmp_path, require)
    if require:
        assert done.returncode == 1, done.stdout + done.stderr
        assert "1 error" in done.stdout and "skipped" not in done.stdout.splitlines()[-1]
        assert "FACTCHECK_REQUIRE_LOCAL_MODEL=1, but the test was skipped: " \
               "llama-cpp-python is not installed" in done.stdout
    else:
        assert done.returncode == 0, done.stdout + done.stderr
        assert "1 skipped" in done.stdout
