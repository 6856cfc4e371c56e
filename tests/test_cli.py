"""The kg command, run as a user runs it: a subprocess, real files, an on-disk store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from tests.conftest import SAMPLES, SHARED_CORPUS, needs_shared_corpus


def kg(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "NEWSKG_BASE_IRI": "http://localhost:8000/"},
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    result = kg("ingest", "--store", store, SAMPLES)
    assert result.returncode == 0, result.stderr
    assert "rejected 0, unreadable 0" in result.stdout
    return store


@pytest.mark.model
def test_bad_files_are_named_the_rest_ingested_and_the_exit_is_non_zero(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "latin1.txt").write_bytes(
        "Caf\xe9 talks\n\nBody.\n\nPublished at Tue, 18 Jun 2024 12:00:00 +0000".encode("latin-1")
    )
    (folder / "nodate.txt").write_text(
        "A title\n\nA paragraph of text that has no date line after it at all.\n"
    )
    (folder / "good.txt").write_text(
        "Leader visits Hanoi\n\nThe Russian president arrived in Vietnam on Wednesday for a state visit.\n\n"
        "Published at Thu, 20 Jun 2024 08:00:00 +0000\n"
    )
    result = kg("ingest", "--store", tmp_path / "store", folder)
    err = one_line_error(result)
    assert result.returncode == 1
    for name in ("empty.txt", "latin1.txt", "nodate.txt"):
        assert sum(name in line for line in err.splitlines()) == 1, err
    assert "ingested 1 article(s)" in result.stdout
    assert "unreadable 3" in result.stdout


def test_missing_path_is_one_line(tmp_path: Path) -> None:
    err = one_line_error(kg("ingest", "--store", tmp_path / "s", tmp_path / "nope.txt"))
    assert "nope.txt" in err and len(err.strip().splitlines()) == 1


def test_load_query_and_export(tmp_path: Path) -> None:
    store = tmp_path / "store"
    data = tmp_path / "extra.ttl"
    data.write_text('@prefix e: <http://example.org/> . e:a e:name "A" . e:b e:name "B" .\n')
    loaded = kg("load", "--store", store, data)
    assert loaded.returncode == 0, loaded.stderr
    rows = kg(
        "query", "--store", store, "--format", "json", "SELECT ?n WHERE { ?s <http://example.org/name> ?n }"
    )
    assert sorted(r["n"] for r in json.loads(rows.stdout)) == ["A", "B"]
    csv = kg("query", "--store", store, "-f", "csv", "SELECT ?n WHERE { ?s <http://example.org/name> ?n }")
    assert csv.stdout.splitlines()[0] == "n"
    ask = kg("query", "--store", store, "ASK { ?s ?p ?o }")
    assert ask.stdout.strip() == "true"
    construct = kg("query", "--store", store, "CONSTRUCT WHERE { ?s ?p ?o }")
    assert len(Graph().parse(data=construct.stdout, format="turtle")) == 2
    out = tmp_path / "all.trig"
    assert kg("export", "--store", store, "--format", "trig", "-o", out).returncode == 0
    dataset = Dataset()
    dataset.parse(out, format="trig")
    assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {"http://localhost:8000/id/graph/extra"}


def test_bad_rdf_and_bad_query_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix e: <http://example.org/> . e:a e:b")
    err = one_line_error(kg("load", "--store", tmp_path / "s", bad))
    assert "bad.ttl" in err and len(err.strip().splitlines()) == 1
    err = one_line_error(kg("query", "--store", tmp_path / "s", "SELEKT * { ?s ?p ?o }"))
    assert "SPARQL syntax error" in err


@pytest.mark.model
def test_validate_and_export_the_ingested_samples(sample_store: Path, tmp_path: Path) -> None:
    assert kg("validate", "--store", sample_store).returncode == 0
    out = tmp_path / "all.jsonld"
    assert kg("export", "--store", sample_store, "-f", "jsonld", "-o", out).returncode == 0
    document = json.loads(out.read_text())
    assert document["@context"]["agent"] == {"@id": "nk:agent", "@type": "@id"}
    assert len(Graph().parse(out, format="json-ld")) > 50


@pytest.mark.model
@needs_shared_corpus()
def test_evaluate_prints_scores(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert kg("ingest", "--store", store, SHARED_CORPUS / "seed").returncode == 0
    result = kg("evaluate", "--store", store, "--gold", SHARED_CORPUS / "seed", "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["events"]["overall"]["f1"] > 0
