"""Reading reference documents (Markdown, text, HTML, PDF, JSON lines, URLs) and splitting them
into passages with stable ids."""

from __future__ import annotations

import glob
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import yaml
from charset_normalizer import from_bytes
from frontmatter.default_handlers import YAMLHandler
from langchain_text_splitters import RecursiveCharacterTextSplitter

from ._errors import InputError
from ._models import Document, Passage

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".jsonl"}
METADATA_FIELDS = ("title", "url", "date", "lang", "source")


class DocumentError(InputError):
    """A document that cannot be loaded; `where` is the file, or file:line."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where, self.reason = where, reason


@dataclass
class LoadProblem:
    """A file, or a line of one, that could not be loaded, and why."""

    where: str
    reason: str


def expand_paths(specs: Iterable[str | Path]) -> list[Path]:
    """Files named by paths, folders (searched recursively) and glob patterns, in stable order."""
    found: list[Path] = []
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            found.append(path)
        else:
            matches = sorted(Path(m) for m in glob.glob(str(spec), recursive=True))
            if not matches:
                raise InputError(f"{spec}: no such file, folder or matching pattern")
            found.extend(m for m in matches if m.is_file())
    return list(dict.fromkeys(found))


def decode_text(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 when it is, else the detected encoding; binary data is refused."""
    if b"\x00" in data[:8192]:
        raise DocumentError(where, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        guess = from_bytes(data).best()
        if guess is None or guess.encoding is None:
            raise DocumentError(where, "not UTF-8 and no other text encoding fits") from None
        return str(guess)


def html_to_text(html: str) -> str:
    """Main text of an HTML page, with navigation and other boilerplate dropped."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True)
    return text or ""


def _document_from_fields(fields: dict, text: str, default_id: str, path: str) -> Document:
    meta = {k: str(fields[k]) for k in METADATA_FIELDS if fields.get(k) not in (None, "")}
    doc_id = str(fields.get("id") or default_id).strip()
    return Document(id=doc_id, text=text.strip(), path=path, **meta)


def _check_size(path: Path, max_bytes: int) -> None:
    size = path.stat().st_size
    if size > max_bytes:
        raise DocumentError(
            str(path), f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit per file "
            "(FACTCHECK_MAX_FILE_MB)"
        )


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or a DocumentError naming the size limit it exceeds."""
    _check_size(path, max_bytes)
    return path.read_bytes()


def _yaml_problem(path: Path, header: str, exc: yaml.YAMLError) -> tuple[str, str]:
    """`file:line` and a one-line reason for a YAML error in a front matter header.

    The line is where the faulty construct starts (an unclosed quote or bracket), not where the
    parser gave up on it."""
    # the header starts on the file's second line, after the opening '---'
    offset = 1 + (not header.startswith("\n"))
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None)
    problem_mark = getattr(exc, "problem_mark", None)
    mark = context_mark or problem_mark
    if mark is None or problem is None:
        return str(path), "malformed front matter: " + " ".join(str(exc).split())
    reason = f"malformed front matter: {context + ', ' if context else ''}{problem}"
    if context_mark and problem_mark and problem_mark.line != context_mark.line:
        reason += f" (line {problem_mark.line + offset})"
    return f"{path}:{mark.line + offset}", reason


def _load_text_file(path: Path, max_bytes: int) -> Document:
    text = decode_text(read_limited(path, max_bytes), str(path))
    handler = YAMLHandler()
    if not handler.detect(text):
        return Document(id=path.stem, text=text.strip(), path=str(path))
    try:
        header, content = handler.split(text)
    except ValueError:
        raise DocumentError(
            f"{path}:1", "front matter opened with '---' is never closed by a '---' line"
        ) from None
    try:
        fields = yaml.safe_load(header)
    except yaml.YAMLError as exc:
        raise DocumentError(*_yaml_problem(path, header, exc)) from None
    if fields is None:
        fields = {}
    if not isinstance(fields, dict):
        raise DocumentError(str(path), "front matter is not a mapping of fields")
    return _document_from_fields(fields, content, path.stem, str(path))


def _load_html_file(path: Path, max_bytes: int) -> Document:
    text = html_to_text(decode_text(read_limited(path, max_bytes), str(path)))
    return Document(id=path.stem, text=text.strip(), path=str(path))


def _load_pdf_file(path: Path, max_bytes: int) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    read_limited(path, max_bytes)
    try:
        reader = PdfReader(path)
        text = "\n\n".join(page.extract_text() or "" for page in reader.pages)
        title = (reader.metadata.title if reader.metadata else None) or ""
    except (PdfReadError, ValueError, OSError) as exc:
        raise DocumentError(str(path), f"unreadable PDF: {exc}") from None
    return Document(id=path.stem, text=text.strip(), title=str(title), path=str(path))


def _iter_jsonl(path: Path) -> Iterator[Document | LoadProblem]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                fields = json.loads(decode_text(raw, where))
            except (json.JSONDecodeError, InputError) as exc:
                yield LoadProblem(where, f"malformed JSON line: {exc}")
                continue
            if not isinstance(fields, dict) or not str(fields.get("id") or "").strip() or not str(
                fields.get("text") or ""
            ).strip():
                yield LoadProblem(where, "a JSON line needs the fields 'id' and 'text'")
                continue
            yield _document_from_fields(fields, str(fields["text"]), "", str(path))


def load_file(path: Path, max_bytes: int) -> Iterator[Document | LoadProblem]:
    """Every document in one file, or a LoadProblem for what cannot be read."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            _check_size(path, max_bytes)
            yield from _iter_jsonl(path)
            return
        if suffix in TEXT_SUFFIXES:
            doc = _load_text_file(path, max_bytes)
        elif suffix in HTML_SUFFIXES:
            doc = _load_html_file(path, max_bytes)
        elif suffix == ".pdf":
            doc = _load_pdf_file(path, max_bytes)
        else:
            yield LoadProblem(str(path), f"unsupported file type '{suffix or path.name}'")
            return
    except DocumentError as exc:
        yield LoadProblem(exc.where, exc.reason)
        return
    except OSError as exc:
        yield LoadProblem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if not doc.text:
        yield LoadProblem(str(path), "empty document (no text)")
        return
    yield doc


def fetch_url(url: str, timeout_s: float = 30.0, max_bytes: int = 20_000_000) -> Document:
    """Download a page or text file with httpx and turn it into a Document."""
    try:
        with httpx.Client(timeout=timeout_s, follow_redirects=True) as client:
            response = client.get(url)
            response.raise_for_status()
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: could not fetch: {exc}") from None
    if len(response.content) > max_bytes:
        raise InputError(f"{url}: response is larger than {max_bytes / 1e6:.0f} MB")
    content_type = response.headers.get("content-type", "")
    text = decode_text(response.content, url)
    if "html" in content_type or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{url}: no text found")
    doc_id = hashlib.sha256(url.encode()).hexdigest()[:16]
    return Document(id=f"url-{doc_id}", text=text.strip(), url=url, path=url)


def split_passage_sentences(text: str, lang: str) -> list[str]:
    """The sentences of a passage (line breaks end sentences too); the text itself if none."""
    from sentencex import segment  # type: ignore[import-untyped]

    sentences = [
        line.strip()
        for piece in segment(lang or "en", text)
        for line in piece.split("\n")
        if len(line.strip()) > 2
    ]
    return sentences or [text]


def _locate(text: str, chunk: str, previous: Passage | None, overlap: int) -> int:
    """Where a chunk starts: at most `overlap` characters before the previous passage's end,
    preferring the first occurrence that reaches past that end (repeated sentences)."""
    if previous is None:
        return max(text.find(chunk), 0)
    first = -1
    at = text.find(chunk, max(previous.start + 1, previous.end - overlap))
    while at >= 0:
        if first < 0:
            first = at
        if at + len(chunk) > previous.end:
            return at
        at = text.find(chunk, at + 1)
    return first if first >= 0 else max(text.find(chunk), 0)


class PassageSplitter:
    """Splits documents into overlapping, sentence-aware passages with stable ids.

    A passage id is `<document id>::<index>::<hash of its text>`, so an unchanged document yields
    the same ids and a changed one yields new ids for the passages that changed.
    """

    def __init__(self, chunk_size: int = 700, chunk_overlap: int = 100) -> None:
        self.overlap = min(chunk_overlap, chunk_size // 2)
        self._splitter = RecursiveCharacterTextSplitter(
            chunk_size=chunk_size,
            chunk_overlap=self.overlap,
            separators=["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""],
            keep_separator="end",
            strip_whitespace=True,
        )

    def split(self, doc: Document) -> list[Passage]:
        passages: list[Passage] = []
        meta = "\n".join((doc.title, doc.url, doc.date, doc.lang, doc.source))
        for index, chunk in enumerate(self._splitter.split_text(doc.text)):
            start = _locate(doc.text, chunk, passages[-1] if passages else None, self.overlap)
            text = chunk
            # metadata is part of the id, so a changed title or date is written again
            digest = hashlib.sha256(f"{meta}\n{text}".encode()).hexdigest()[:12]
            passages.append(
                Passage(
                    id=f"{doc.id}::{index}::{digest}",
                    document_id=doc.id,
                    index=index,
                    text=text,
                    start=start,
                    end=start + len(text),
                    title=doc.title,
                    url=doc.url,
                    date=doc.date,
                    lang=doc.lang,
                    source=doc.source,
                )
            )
        return passages
