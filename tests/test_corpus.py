"""Unit tests of document loading, path expansion and passage splitting (no store, no model)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import HTML_BOILERPLATE, TINY_DOCUMENT_IDS

from agent._corpus import LoadProblem, PassageSplitter, expand_paths, load_file
from agent._errors import InputError
from agent._models import Document

MB = 1_000_000


def load(path: Path, max_bytes: int = 20 * MB) -> list[Document | LoadProblem]:
    return list(load_file(path, max_bytes))


def load_one_document(path: Path) -> Document:
    items = load(path)
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items
    return items[0]


def load_one_problem(path: Path, max_bytes: int = 20 * MB) -> LoadProblem:
    items = load(path, max_bytes)
    assert len(items) == 1, items
    assert isinstance(items[0], LoadProblem), items
    return items[0]


# --- loaders -------------------------------------------------------------------------------------


def test_markdown_front_matter_fields_land_in_document(tiny_corpus: Path) -> None:
    doc = load_one_document(tiny_corpus / "leipzig.md")
    assert doc.id == "de-tram"
    assert doc.title == "Neue Straßenbahnlinie in Leipzig"
    assert doc.date == "2023-05-10"  # YAML reads it as a date; it must come back as ISO text
    assert doc.lang == "de"
    assert doc.source == "lvz"
    assert doc.url == "https://example.org/leipzig-strassenbahn"
    assert doc.path == str(tiny_corpus / "leipzig.md")
    assert doc.text.startswith("Die Leipziger Verkehrsbetriebe")
    assert doc.text.endswith("48 Millionen Euro.")
    assert "---" not in doc.text and "title:" not in doc.text


def test_second_markdown_document(tiny_corpus: Path) -> None:
    doc = load_one_document(tiny_corpus / "bienen.md")
    assert (doc.id, doc.lang, doc.source, doc.date) == ("de-bees", "de", "br", "2021-08-01")
    assert "Varroamilbe" in doc.text


def test_text_file_without_front_matter_uses_file_stem_as_id(tiny_corpus: Path) -> None:
    doc = load_one_document(tiny_corpus / "volcano.txt")
    assert doc.id == "volcano"
    assert (doc.title, doc.date, doc.lang, doc.source, doc.url) == ("", "", "", "", "")
    assert doc.text.startswith("A volcano on the Reykjanes peninsula")
    assert doc.text == doc.text.strip()


def test_markdown_front_matter_without_id_uses_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "ohne-id.md"
    path.write_text("---\ntitle: Ein Titel\nlang: de\n---\nEin kurzer Text.\n", encoding="utf-8")
    doc = load_one_document(path)
    assert (doc.id, doc.title, doc.lang, doc.text) == (
        "ohne-id",
        "Ein Titel",
        "de",
        "Ein kurzer Text.",
    )


def test_jsonl_yields_one_document_per_line(tiny_corpus: Path) -> None:
    items = load(tiny_corpus / "news.jsonl")
    assert [type(i) for i in items] == [Document, Document]
    chess, solar = items
    assert (chess.id, chess.lang, chess.date, chess.source) == (
        "en-chess",
        "en",
        "2022-11-03",
        "wire",
    )
    assert chess.title == "Chess world championship decided"
    assert chess.url == "https://example.org/chess"
    assert "tie-break" in chess.text
    assert solar.id == "en-solar" and solar.source == "energy-desk"


def test_jsonl_malformed_line_and_missing_text_report_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "ok-1", "text": "First good line."}\n'
        '{"id": "broken", "text": \n'  # line 2: not JSON
        "\n"  # line 3: blank, skipped silently
        '{"id": "no-text", "title": "Only a title"}\n'  # line 4: no 'text'
        '{"id": "ok-2", "text": "Second good line."}\n'
        '["a", "list"]\n',  # line 6: not an object
        encoding="utf-8",
    )
    items = load(path)
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, LoadProblem)]
    assert [d.id for d in docs] == ["ok-1", "ok-2"]
    assert [p.where for p in problems] == [f"{path}:2", f"{path}:4", f"{path}:6"]
    assert "malformed JSON" in problems[0].reason
    assert "'text'" in problems[1].reason
    assert "'id'" in problems[2].reason


def test_jsonl_line_with_blank_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text('{"id": "blank", "text": "   \\n  "}\n', encoding="utf-8")
    problem = load_one_problem(path)
    assert problem.where == f"{path}:1"


def test_html_page_keeps_article_and_drops_boilerplate(tiny_corpus: Path) -> None:
    doc = load_one_document(tiny_corpus / "marathon.html")
    assert doc.id == "marathon"
    assert "Kenyan runner won the Rotterdam marathon" in doc.text
    assert "fifteen thousand runners" in doc.text
    for word in HTML_BOILERPLATE:
        assert word not in doc.text
    assert "<p>" not in doc.text


def test_tiny_corpus_loads_completely(tiny_corpus: Path) -> None:
    items = [item for path in expand_paths([tiny_corpus]) for item in load(path)]
    assert all(isinstance(i, Document) for i in items), items
    assert {i.id for i in items} == TINY_DOCUMENT_IDS


def test_malformed_front_matter_is_a_problem_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.md"
    path.write_text("---\nid: kaputt\ntitle: foo: bar\ndate: 2023\n---\nText.\n", encoding="utf-8")
    problem = load_one_problem(path)
    assert str(path) in f"{problem.where} {problem.reason}"
    assert "malformed front matter" in problem.reason
    assert re.search(rf"{re.escape(str(path))}:\d+", f"{problem.where} {problem.reason}")


def test_malformed_front_matter_reports_the_offending_line(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.md"
    # line 1 '---', line 2 'id: kaputt', line 3 is the bad one
    path.write_text("---\nid: kaputt\ntitle: foo: bar\ndate: 2023\n---\nText.\n", encoding="utf-8")
    problem = load_one_problem(path)
    assert f"{path}:3:" in f"{problem.where}: {problem.reason}"


def test_unclosed_front_matter_is_a_problem_naming_line_1(tmp_path: Path) -> None:
    path = tmp_path / "offen.md"
    path.write_text("---\nid: offen\ntitle: Ohne Abschluss\nDer Text beginnt hier.\n",
                    encoding="utf-8")
    problem = load_one_problem(path)
    assert problem.where == f"{path}:1"
    assert "never closed" in problem.reason


@pytest.mark.parametrize(
    ("header", "line", "problem_line"),
    [
        # an unclosed quote: the parser only fails at the end of the header, on line 7
        ('id: x\ntitle: "Gipfel in Genf\ndate: 2024-01-02\nlang: de\nsource: dpa\n', 3, 7),
        # an unclosed bracket: the parser fails on the next line
        ("id: x\ntitle: [Gipfel, Genf\ndate: 2024\n", 3, 4),
        ("id: x\ntitle: Gipfel: Genf\n", 3, None),
    ],
)
def test_malformed_front_matter_names_the_line_where_the_error_starts_in_one_line(
    tmp_path: Path, header: str, line: int, problem_line: int | None
) -> None:
    path = tmp_path / "kaputt.md"
    path.write_text(f"---\n{header}---\nText über den Gipfel.\n", encoding="utf-8")
    problem = load_one_problem(path)
    assert problem.where == f"{path}:{line}"
    assert "\n" not in problem.reason and len(problem.reason) < 160, problem.reason
    if problem_line:
        assert problem.reason.endswith(f"(line {problem_line})"), problem.reason


def test_front_matter_that_is_not_a_mapping_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "liste.md"
    path.write_text("---\n- a\n- b\n---\nText.\n", encoding="utf-8")
    problem = load_one_problem(path)
    assert problem.where == str(path)


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html"])
def test_empty_file_is_a_problem(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    problem = load_one_problem(path)
    assert problem.where == str(path)
    assert "empty" in problem.reason


def test_front_matter_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "nur-kopf.md"
    path.write_text("---\ntitle: Nur ein Kopf\n---\n\n   \n", encoding="utf-8")
    assert "empty" in load_one_problem(path).reason


@pytest.mark.parametrize("name", ["blob.txt", "blob.md"])
def test_binary_file_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    problem = load_one_problem(path)
    assert problem.where == str(path)
    assert "binary" in problem.reason


def test_binary_jsonl_lines_are_problems(tmp_path: Path) -> None:
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b'{"id": "a", "text": "x\x00y"}\n')
    problem = load_one_problem(path)
    assert problem.where == f"{path}:1"


def test_latin1_german_text_decodes_correctly(tmp_path: Path) -> None:
    text = (
        "Die Bürger in München ärgern sich über die hohen Mieten. "
        "Größere Wohnungen sind kaum noch zu bezahlen, heißt es im Bericht."
    )
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    assert load_one_document(path).text == text


def test_utf8_with_bom_decodes(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff---\nid: bom\n---\nÄrger über Öl.\n".encode())
    doc = load_one_document(path)
    assert (doc.id, doc.text) == ("bom", "Ärger über Öl.")


@pytest.mark.parametrize("name", ["big.txt", "big.md", "big.html", "big.pdf"])
def test_file_over_size_limit_is_refused_naming_the_limit(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"word " * 240_000)  # 1.2 MB
    problem = load_one_problem(path, max_bytes=1 * MB)
    assert problem.where == str(path)
    assert "1 MB limit" in problem.reason
    assert "FACTCHECK_MAX_FILE_MB" in problem.reason


def test_file_at_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(b"x" * 1000)
    assert isinstance(load(path, max_bytes=1000)[0], Document)


def test_jsonl_over_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"id": "big", "text": "word " * 1000})
    path.write_text(line + "\n", encoding="utf-8")
    problem = load_one_problem(path, max_bytes=1000)
    assert "limit" in problem.reason


def test_fractional_size_limit_is_named_correctly(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 120_000)  # 0.6 MB
    problem = load_one_problem(path, max_bytes=500_000)
    assert "0.5 MB" in problem.reason


@pytest.mark.parametrize("name", ["table.csv", "picture.png", "README"])
def test_unsupported_suffix_is_a_problem(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    problem = load_one_problem(path)
    assert problem.where == str(path)
    assert "unsupported file type" in problem.reason


def test_uppercase_suffix_is_supported(tmp_path: Path) -> None:
    path = tmp_path / "NOTES.TXT"
    path.write_text("Upper case suffix.", encoding="utf-8")
    assert load_one_document(path).id == "NOTES"


# --- PDF -----------------------------------------------------------------------------------------


def write_pdf(path: Path, text: str, title: str) -> None:
    """A one-page PDF with `text` in Helvetica, written with pypdf."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    page.replace_contents(content)
    writer.add_metadata({"/Title": title})
    writer.write(str(path))


def test_pdf_text_and_title_are_read(tmp_path: Path) -> None:
    path = tmp_path / "lighthouse.pdf"
    write_pdf(path, "The lighthouse keeper counted seventeen ships.", "Lighthouse report")
    doc = load_one_document(path)
    assert doc.id == "lighthouse"
    assert doc.title == "Lighthouse report"
    assert doc.text == "The lighthouse keeper counted seventeen ships."


@pytest.mark.parametrize(
    "content", [b"this is not a PDF at all", b"%PDF-1.4\n1 0 obj << /Type /Catalog", b""]
)
def test_corrupt_pdf_is_unreadable(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    problem = load_one_problem(path)
    assert problem.where == str(path)
    assert "unreadable PDF" in problem.reason


def test_truncated_pdf_is_unreadable_or_partial(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    write_pdf(good, "Some words on a page.", "T")
    path = tmp_path / "truncated.pdf"
    path.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    items = load(path)  # must not raise, whatever pypdf makes of it
    assert len(items) == 1


# --- expand_paths --------------------------------------------------------------------------------


def test_expand_folder_is_recursive_sorted_and_skips_hidden_files(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    (root / "sub" / "deeper").mkdir(parents=True)
    for rel in ["b.md", "a.txt", "sub/c.md", "sub/deeper/d.jsonl", ".hidden.md", "sub/.DS_Store"]:
        (root / rel).write_text("x", encoding="utf-8")
    found = expand_paths([root])
    assert found == sorted(found)
    assert [p.relative_to(root).as_posix() for p in found] == [
        "a.txt",
        "b.md",
        "sub/c.md",
        "sub/deeper/d.jsonl",
    ]


def test_expand_folder_skips_hidden_folders(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "a.md").write_text("x", encoding="utf-8")
    assert expand_paths([root]) == [root / "a.md"]


def test_expand_glob_and_file_and_deduplicate(tmp_path: Path) -> None:
    for name in ["one.md", "two.md", "three.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = expand_paths([str(tmp_path / "*.md"), tmp_path / "three.txt", tmp_path / "one.md"])
    assert found == [tmp_path / "one.md", tmp_path / "two.md", tmp_path / "three.txt"]


def test_expand_recursive_glob(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.md").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "top.txt").write_text("x", encoding="utf-8")
    assert expand_paths([str(tmp_path / "**" / "*.md")]) == [tmp_path / "a" / "b" / "deep.md"]


def test_expand_missing_path_raises_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "does-not-exist"
    with pytest.raises(InputError, match="does-not-exist"):
        expand_paths([missing])
    with pytest.raises(InputError, match="no such file"):
        expand_paths([str(tmp_path / "*.nothing")])
    assert InputError.exit_code == 2


def test_expand_empty_folder_is_empty(tmp_path: Path) -> None:
    assert expand_paths([tmp_path]) == []


# --- PassageSplitter -----------------------------------------------------------------------------

PARAGRAPHS = [
    "Die Stadtwerke Halle haben im vergangenen Jahr rund 14.000 neue Stromzähler eingebaut. "
    "Nach Angaben des Unternehmens sollen bis 2027 alle Haushalte digitale Zähler haben.",
    "The harbour of Hamburg handled fewer containers than in the year before. Port officials "
    "blamed weaker trade with Asia and the long closure of a canal for the decline.",
    "In Freiburg wurde ein neuer Radweg entlang der Dreisam eröffnet. Er ist vier Kilometer "
    "lang und verbindet zwei Stadtteile, die bisher nur über eine Hauptstraße erreichbar waren!",
    "Scientists in Norway measured the thickness of a glacier with radar from a helicopter; "
    "the ice had lost eleven metres since the last survey, they wrote in their report.",
    "Ein Bäcker aus Kassel gewann den Landeswettbewerb für Roggenbrot. Die Jury lobte die "
    "Kruste, den Geschmack und die lange Frische des Brotes, das drei Tage reifen muss?",
]


def long_document(paragraphs: list[str] | None = None, doc_id: str = "doc") -> Document:
    return Document(
        id=doc_id,
        text="\n\n".join(paragraphs or PARAGRAPHS),
        title="T",
        url="https://example.org/t",
        date="2024-01-02",
        lang="de",
        source="s",
    )


def assert_offsets_and_coverage(doc: Document, passages) -> None:
    assert passages, "no passages"
    covered = [False] * len(doc.text)
    for number, passage in enumerate(passages):
        assert passage.index == number
        assert passage.document_id == doc.id
        assert 0 <= passage.start < passage.end <= len(doc.text)
        assert doc.text[passage.start : passage.end] == passage.text
        for i in range(passage.start, passage.end):
            covered[i] = True
    assert all(a.start <= b.start for a, b in zip(passages, passages[1:], strict=False))
    uncovered = [i for i, c in enumerate(covered) if not c and not doc.text[i].isspace()]
    assert not uncovered, f"text not in any passage at offsets {uncovered[:10]}"


@pytest.mark.parametrize(("size", "overlap"), [(700, 100), (200, 50), (120, 0), (100, 100)])
def test_passages_cover_text_with_exact_offsets(size: int, overlap: int) -> None:
    doc = long_document()
    passages = PassageSplitter(size, overlap).split(doc)
    assert_offsets_and_coverage(doc, passages)
    if size < len(doc.text):
        assert len(passages) > 1
    assert all(len(p.text) <= size for p in passages)


def test_passages_carry_document_metadata() -> None:
    doc = long_document()
    for passage in PassageSplitter(200, 50).split(doc):
        assert (passage.title, passage.url, passage.date, passage.lang, passage.source) == (
            doc.title,
            doc.url,
            doc.date,
            doc.lang,
            doc.source,
        )


def test_long_word_without_separators_is_split_exactly() -> None:
    doc = Document(id="blob", text="x" * 450)
    passages = PassageSplitter(100, 20).split(doc)
    assert_offsets_and_coverage(doc, passages)


def test_short_document_is_one_passage() -> None:
    doc = Document(id="short", text="Nur ein Satz.")
    (passage,) = PassageSplitter().split(doc)
    assert (passage.text, passage.start, passage.end) == ("Nur ein Satz.", 0, 13)
    assert re.fullmatch(r"short::0::[0-9a-f]{12}", passage.id)


def test_offsets_with_repeated_sentence() -> None:
    tail = "Weitere Details folgen."
    paragraphs = [
        "Der Stadtrat hat am Montag den Haushalt für das kommende Jahr beschlossen. " + tail,
        "Die Opposition kritisierte die geplanten Kürzungen bei den Schulen scharf. " + tail,
        tail,
    ]
    doc = long_document(paragraphs)
    passages = PassageSplitter(100, 50).split(doc)
    assert_offsets_and_coverage(doc, passages)


def test_passage_ids_are_stable_across_runs() -> None:
    first = [p.id for p in PassageSplitter(200, 50).split(long_document())]
    second = [p.id for p in PassageSplitter(200, 50).split(long_document())]
    assert first == second
    assert len(set(first)) == len(first)
    assert all(pid.startswith("doc::") for pid in first)


def test_passage_ids_change_only_for_changed_passages() -> None:
    splitter = PassageSplitter(200, 50)
    before = splitter.split(long_document())
    changed = list(PARAGRAPHS)
    changed[2] = changed[2].replace("vier Kilometer", "fünf Kilometer")
    after = splitter.split(long_document(changed))
    assert len(before) == len(after)
    differing = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a.id != b.id]
    assert len(differing) == 1
    (i,) = differing
    assert "fünf Kilometer" in after[i].text and "vier Kilometer" in before[i].text
    assert all(
        a.text == b.text for j, (a, b) in enumerate(zip(before, after, strict=True)) if j != i
    )


def test_passage_ids_depend_on_document_id() -> None:
    a = PassageSplitter().split(long_document(doc_id="a"))
    b = PassageSplitter().split(long_document(doc_id="b"))
    assert {p.id.split("::", 1)[1] for p in a} == {p.id.split("::", 1)[1] for p in b}
    assert not {p.id for p in a} & {p.id for p in b}
