"""Versioned prompt templates (prompts/*.md): loading, hashing, rendering, defusing input."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Template

import frontmatter

from ._errors import InputError

_SECTION = re.compile(r"^\[(system|user)\]\s*$", re.MULTILINE)
# Tags the templates use to fence untrusted text; the same tags inside that text are defused.
_FENCE_TAGS = re.compile(r"<(/?)\s*(claim|passage|passages|context|sentences)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PromptTemplate:
    """One template file: its id, version, SHA-256 of the file, and the two message templates."""

    id: str
    version: int
    sha256: str
    system: str
    user: str

    @property
    def ref(self) -> str:
        """`id@version`, as reports name the template."""
        return f"{self.id}@{self.version}"

    def render(self, **values: str) -> list[tuple[str, str]]:
        """(role, text) messages with every `$name` filled; a missing value is an error."""
        return [("system", Template(self.system).substitute(values)),
                ("user", Template(self.user).substitute(values))]


def defuse(text: str) -> str:
    """Untrusted text with our fence tags neutralised, so it cannot close its block."""
    return _FENCE_TAGS.sub(lambda m: f"‹{m.group(1)}{m.group(2)}", text)


def available_prompts() -> list[str]:
    """Names of the shipped templates, e.g. "judge-claim.v2"."""
    return sorted(entry.name[:-3] for entry in resources.files("agent.prompts").iterdir()
                  if entry.name.endswith(".md") and entry.name != "README.md")


@cache
def load_prompt(name: str) -> PromptTemplate:
    """The template `prompts/<name>.md` shipped with the package (e.g. "judge-claim.v1")."""
    if name not in available_prompts():
        raise InputError(f"no prompt template '{name}'; the shipped ones are: "
                         f"{', '.join(available_prompts())}")
    raw = (resources.files("agent.prompts") / f"{name}.md").read_bytes()
    post = frontmatter.loads(raw.decode("utf-8"))
    parts = _SECTION.split(post.content)
    sections = {parts[i]: parts[i + 1].strip("\n") for i in range(1, len(parts) - 1, 2)}
    return PromptTemplate(
        id=str(post["id"]),
        version=int(str(post["version"])),
        sha256=hashlib.sha256(raw).hexdigest(),
        system=sections["system"],
        user=sections["user"],
    )
