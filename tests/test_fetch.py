"""Articles and reference documents fetched over HTTP from a real server on localhost."""

import http.server
import threading
from functools import partial
from pathlib import Path

import pytest

from agent import InputError, Label, Settings, Verifier
from agent._corpus import fetch_url

PAGE = """<!doctype html><html><head><title>Fischkutter</title></head><body>
<nav><a href="/">Startseite</a> | <a href="/politik">Politik</a></nav>
<article><h1>Neue Fischkutter für Norwegen</h1>
<p>Nach Angaben der Hafenbehörde hat die Werft in Almsund im Jahr 2024 insgesamt 148
stählerne Fischkutter vom Typ AK-23 an Norwegen geliefert.</p>
<p>Für das Jahr 2025 rechnet die Hafenbehörde mit weiteren Lieferungen in ähnlichem Umfang.</p>
</article>
<footer>Impressum · Datenschutz · Kontakt · Alle Rechte vorbehalten</footer></body></html>"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("www")
    (root / "fischkutter.html").write_text(PAGE, encoding="utf-8")
    (root / "claim.txt").write_text(
        "Die Werft in Almsund hat im Jahr 2024 insgesamt 148 stählerne Fischkutter an Norwegen "
        "geliefert, wie die Hafenbehörde mitteilte.", encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_html_drops_boilerplate(server):
    doc = fetch_url(f"{server}/fischkutter.html")
    assert "148" in doc.text and "Impressum" not in doc.text and "Startseite" not in doc.text
    assert doc.url.endswith("/fischkutter.html")


def test_fetch_missing_page_is_input_error(server):
    with pytest.raises(InputError, match="404"):
        fetch_url(f"{server}/missing.html")


def test_ingest_urls_then_verify_url_article(server, tmp_path: Path):
    verifier = Verifier(Settings(home=tmp_path / "home"))
    summary = verifier.ingest_urls([f"{server}/fischkutter.html"])
    assert summary.passages_added >= 1
    assert verifier.ingest_urls([f"{server}/fischkutter.html"]).passages_added == 0
    text = fetch_url(f"{server}/claim.txt").text
    report = verifier.verify(text, source=f"{server}/claim.txt")
    assert [v.label for v in report.verdicts] == [Label.SUPPORTED]
    assert report.verdicts[0].citations[0].url.endswith("/fischkutter.html")
