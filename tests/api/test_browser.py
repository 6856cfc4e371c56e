"""The pages in a real browser (headless Chromium): the query form runs and fills its table.

Skipped when chromium is not installed. Screenshots land in the test's temporary folder; run
``scripts/screenshot.py`` to make them for a person to look at.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import Server

from scripts.screenshot import FLAGS as SCREENSHOT_FLAGS

BINARY = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.e2e, pytest.mark.skipif(BINARY is None, reason="chromium is not installed")]
FLAGS = [flag for flag in SCREENSHOT_FLAGS if flag != "--hide-scrollbars"]


def chromium(url: str, *args: str) -> str:
    assert BINARY is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [BINARY, *FLAGS, f"--user-data-dir={profile}", *args, url],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
    return done.stdout


def test_the_home_page_query_form_shows_results_in_a_table(server: Server) -> None:
    dom = chromium(server.url + "#run", "--dump-dom")
    assert 'id="query-results"' in dom
    assert "<table>" in dom and "<th>?agent</th>" in dom
    assert ">Vladimir Putin<" in dom
    # our IRIs link to this server's pages, shortened; ontology terms as CURIEs
    assert 'href="/id/event/visit-vladimir-putin-pyongyang-2024"' in dom
    assert ">event/visit-vladimir-putin-pyongyang-2024<" in dom
    assert ">nk:Visit<" in dom
    assert "rows," in dom  # the status line: "4 rows, 12 ms"


def test_an_error_is_shown_to_the_user(server: Server) -> None:
    dom = chromium(server.url + "sparql?x=1#run", "--dump-dom")
    # /sparql?x=1 is a 400 page (no query); the browser still renders the JSON message
    assert "query" in dom


def test_screenshots_are_written(server: Server, tmp_path: Path) -> None:
    for name, path in {"home": "#run", "actor": "id/country/russia", "timeline": "timeline"}.items():
        target = tmp_path / f"{name}.png"
        chromium(server.url + path, f"--screenshot={target}", "--window-size=1280,1200")
        assert target.is_file() and target.stat().st_size > 10_000, name


def test_a_query_link_opens_with_its_results(server: Server) -> None:
    query = "SELECT ?name WHERE { ?p a nk:Person ; rdfs:label ?name } ORDER BY ?name"
    dom = chromium(server.url + "sparql?" + urlencode({"query": query}), "--dump-dom")
    assert "<th>?name</th>" in dom and "Xi Jinping" in dom and "3 rows" in dom
