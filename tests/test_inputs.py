"""What the verifier does with unusual input: arguments of the wrong type, lines without a full
stop, text without any punctuation, articles and sentences in languages it does not check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent import InputError, Settings, Verifier
from agent._language import other_language, screen

FACTCHECK = Path(sys.executable).parent / "factcheck"
FRENCH = ("Le port d'Almsund a envoyé environ 10 000 tonnes de grain à Velsund en octobre 2024. "
          "Le maire Jean Dupont a déclaré que la ville soutiendrait le port de pêche.")


@pytest.fixture(scope="module")
def verifier(tiny_store_home: Path) -> Verifier:
    return Verifier(Settings(home=tiny_store_home))


# --- arguments of the Python API -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "the article must be text (a str), not None"),
        (123, "the article must be text (a str), not int"),
        (b"Almsund baut Busse.", "the article must be text (a str), not bytes: decode it"),
        (["Ein Satz."], "the article must be text (a str), not list"),
    ],
)
def test_verify_refuses_what_is_not_text(verifier: Verifier, value: object, message: str) -> None:
    with pytest.raises(InputError) as info:
        verifier.verify(value)  # type: ignore[arg-type]
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(("value", "message"), [
    ("", "the claim is empty"), ("  \n", "the claim is empty"),
    (None, "the claim must be text (a str), not None"),
    (b"x", "the claim must be text (a str), not bytes"),
])
def test_verify_claim_speaks_of_the_claim(verifier: Verifier, value: object, message: str) -> None:
    with pytest.raises(InputError) as info:
        verifier.verify_claim(value)  # type: ignore[arg-type]
    assert str(info.value).startswith(message)


def test_search_checks_its_arguments(verifier: Verifier) -> None:
    with pytest.raises(InputError, match="the query is empty"):
        verifier.search("  ")
    with pytest.raises(InputError, match="the query must be text"):
        verifier.search(None)  # type: ignore[arg-type]
    for k in (0, -1, 2.5, True):
        with pytest.raises(InputError, match="k must be a whole number of at least 1"):
            verifier.search("Vulkan", k=k)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="where must be a SearchFilter, not dict"):
        verifier.search("Vulkan", where={"lang": "de"})  # type: ignore[arg-type]


def test_verify_batch_wants_a_list(verifier: Verifier) -> None:
    with pytest.raises(InputError, match="verify_batch takes a list of articles, not str"):
        verifier.verify_batch("Ein Artikel über Vulkane in Island.")  # type: ignore[arg-type]


def test_ingest_takes_one_path_or_a_list(tmp_path: Path, embedder) -> None:
    from agent._store import CorpusStore

    settings = Settings(home=tmp_path / "home")
    verifier = Verifier(settings, store=CorpusStore(settings, embedder))
    (tmp_path / "köln.md").write_text("Der Kölner Dom wird seit 1880 ständig renoviert.\n",
                                      encoding="utf-8")
    assert verifier.ingest(str(tmp_path / "köln.md")).added_documents == 1
    with pytest.raises(InputError, match="paths must be str or Path, not int"):
        verifier.ingest([tmp_path / "köln.md", 3])  # type: ignore[list-item]
    with pytest.raises(InputError, match="documents must be Document objects, not dict"):
        verifier.ingest_documents([{"id": "x", "text": "Text."}])  # type: ignore[list-item]


# --- lines without a full stop -------------------------------------------------------------------


def test_a_line_without_a_full_stop_is_checked(verifier: Verifier) -> None:
    report = verifier.verify("Almsund hat im Oktober 2024 rund 10000 Tonnen Getreide nach Velsund "
                             "geschickt\n")
    assert [v.claim.text for v in report.verdicts] == [
        "Almsund hat im Oktober 2024 rund 10000 Tonnen Getreide nach Velsund geschickt"]
    assert report.summary.startswith("1 claim: ")


def test_text_without_punctuation_is_reported_not_silently_dropped(verifier: Verifier) -> None:
    report = verifier.verify("Kräne Frachter Getreide Almsund " * 1600)  # about 50,000 characters
    assert report.verdicts == []
    assert report.summary == "No check-worthy claims were found."
    assert report.warnings == ["1 sentence not checked: 51,199 characters without a full stop, "
                               "too long to be one claim (at most 1,000)"]


# --- languages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Der frühere französische Präsident François Hollande hat die Hafenpläne im Oktober 2024 "
    "scharf kritisiert.",
    "Recep Tayyip Erdoğan ist der türkische Präsident.",
    "Jang Min-jun traf Wladimir Sorokin in Wladiwostok.",
    "Le Monde berichtet, dass Macron zurücktritt.",
    "The former French president François Hollande criticised the harbour plans in October 2024.",
    "Earth's climate has always changed.",
    "Park Ji-woo und Sergej Sorokin trafen sich in Moskau.",
])
def test_german_and_english_with_foreign_names_are_supported(text: str) -> None:
    assert other_language(text) == ""


def test_an_article_in_another_language_is_refused(verifier: Verifier) -> None:
    with pytest.raises(InputError) as info:
        verifier.verify(FRENCH)
    assert str(info.value) == ("the article is in French; factcheck checks German and English "
                               "text only")
    with pytest.raises(InputError, match="the claim is in Spanish"):
        verifier.verify_claim("El puerto de Almsund envió unas 10.000 toneladas de grano a "
                              "Velsund en 2024.")


def test_sentences_in_another_language_are_left_out_with_a_warning(verifier: Verifier) -> None:
    article = ("Die Stadtverwaltung in Almsund hat am Mittwoch neue Zahlen zum Hafen vorgelegt. "
               "Le port d'Almsund a envoyé environ 10 000 tonnes de grain à Velsund en octobre "
               "2024. "
               "Die Zahlen stammen nach Angaben der Verwaltung von der Hafenbehörde.")
    report = verifier.verify(article)
    texts = [v.claim.text for v in report.verdicts]
    assert len(texts) == 2 and not any("Velsund" in text for text in texts)
    assert "1 sentence in French not checked: factcheck checks German and English text only" in (
        report.warnings)
    assert report.article == article


def test_screening_keeps_every_offset() -> None:
    german = ("Die Stadtverwaltung in Almsund hat am Mittwoch neue Zahlen zum Hafen vorgelegt, "
              "die nach Angaben der Verwaltung von der Hafenbehörde stammen.")
    article = f"{german} {FRENCH.split('. ')[0]}.\n{german}"
    visible = screen(article).visible(article)
    assert len(visible) == len(article)
    assert "Velsund" not in visible
    assert visible.startswith(german) and visible.endswith(f"\n{german}")


def test_cli_refuses_a_french_article_and_checks_a_headline(tiny_store_home: Path) -> None:
    env = {**os.environ, "FACTCHECK_HOME": str(tiny_store_home), "COLUMNS": "2000"}

    def verify(stdin: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(FACTCHECK), "verify", "-", "--format", "json"], env=env,
                              input=stdin, capture_output=True, text=True, timeout=300)

    french = verify(FRENCH)
    assert french.returncode == InputError.exit_code, french.stderr
    assert "error: the article is in French; factcheck checks German and English text only" in (
        french.stderr)
    line = "Almsund hat im Oktober 2024 rund 10000 Tonnen Getreide nach Velsund geschickt"
    headline = verify(line + "\n")
    assert headline.returncode == 0, headline.stderr
    assert [v["claim"]["text"] for v in json.loads(headline.stdout)["verdicts"]] == [line]


# --- the store ------------------------------------------------------------------------------------


def test_a_report_on_a_store_being_written_says_so(verifier: Verifier) -> None:
    with verifier.store.writing():
        report = verifier.verify("Die Linie 17 fährt in Leipzig alle zehn Minuten zum Bahnhof.")
    assert any("another process is writing to the store" in w for w in report.warnings)


# --- the command line ----------------------------------------------------------------------------


def test_cli_out_into_a_missing_folder_creates_it(tiny_store_home: Path, tmp_path: Path) -> None:
    env = {**os.environ, "FACTCHECK_HOME": str(tiny_store_home), "COLUMNS": "2000"}
    article = tmp_path / "artikel.txt"
    article.write_text("Die Linie 17 fährt in Leipzig alle zehn Minuten zum Hauptbahnhof.\n",
                       encoding="utf-8")

    def verify(*args: str | Path) -> subprocess.CompletedProcess:
        return subprocess.run([str(FACTCHECK), "verify", *map(str, args)], env=env,
                              capture_output=True, text=True, timeout=300)

    out = tmp_path / "berichte" / "2024" / "bericht.md"
    done = verify(article, "--format", "markdown", "--out", out)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("# Fact-check report")

    (tmp_path / "eine-datei").write_text("x", encoding="utf-8")
    for target, message in ((tmp_path / "berichte", "is a folder, not a file"),
                            (tmp_path / "eine-datei" / "bericht.md", "cannot create its folder")):
        refused = verify(article, "--out", target)
        assert refused.returncode == InputError.exit_code, refused.stderr
        assert f"error: --out {target}: {message}" in " ".join(refused.stderr.split())

    folder = verify(tmp_path)
    assert folder.returncode == InputError.exit_code
    assert f"{tmp_path}: is a folder; verify takes one article" in " ".join(folder.stderr.split())
