"""kg/store.py RemoteStore against a real SPARQL 1.1 server: Oxigraph's own server on loopback.

The `oxigraph` package (PyPI) ships the server binary; the test is skipped where it is missing.
"""

from __future__ import annotations

import io
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.config import Settings
from kg.store import RemoteStore, format_from_name, open_store
from tests.conftest import SHARED_CORPUS, needs_shared_corpus

SERVER = shutil.which("oxigraph") or str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "oxigraph")
pytestmark = pytest.mark.skipif(not Path(SERVER).exists(), reason="the oxigraph server is not installed")

G1, G2 = "http://example.org/id/article/a1", "http://example.org/id/article/a2"
SHARED = '<http://example.org/id/country/x> <http://www.w3.org/2000/01/rdf-schema#label> "X" .\n'
ONLY1 = '<http://example.org/id/event/e1> <http://example.org/p> "2024-06-18T12:00:00+00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n'
ONLY2 = '<http://example.org/id/event/e2> <http://example.org/p> "two"@en .\n'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [SERVER, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the oxigraph server did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def remote(server: str) -> RemoteStore:
    return RemoteStore(f"{server}/query", f"{server}/update")


def count(store: RemoteStore) -> int:
    return int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"])


def test_settings_choose_the_remote_store(server: str) -> None:
    store = open_store(Settings(store_url=f"{server}/query", store_update_url=f"{server}/update"))
    assert isinstance(store, RemoteStore)


def test_remote_store_keeps_the_same_layout(remote: RemoteStore) -> None:
    assert remote.replace_graph(G1, SHARED + ONLY1) is True
    assert remote.replace_graph(G1, SHARED + ONLY1) is False  # canonical literals compare equal
    remote.replace_graph(G2, SHARED + ONLY2)
    assert count(remote) == 3
    assert remote.graphs() == [G1, G2]
    remote.drop_graph(G2)
    assert count(remote) == 2 and remote.graphs() == [G1]
    assert len(remote.triples(subject=ox.NamedNode("http://example.org/id/country/x"))) == 1


def test_remote_load_and_export(remote: RemoteStore) -> None:
    remote.replace_graph(G1, SHARED + ONLY1)
    assert remote.load(b'<http://e/a> <http://e/b> "c" .', ox.RdfFormat.N_TRIPLES, G2) == 1
    buffer = io.BytesIO()
    remote.export(buffer, format_from_name("ntriples"))
    expected = Graph().parse(data=SHARED + ONLY1 + '<http://e/a> <http://e/b> "c" .\n', format="nt")
    exported = Graph().parse(data=buffer.getvalue(), format="nt")
    assert len(exported) == len(expected) == 3
    buffer = io.BytesIO()
    remote.export(buffer, format_from_name("nquads"))
    assert buffer.getvalue().count(b"\n") == 3


def test_unreachable_server_is_a_store_error() -> None:
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{free_port()}/query", timeout=2).select("ASK {}")


@pytest.mark.model
@needs_shared_corpus()
def test_ingest_into_the_remote_store_matches_the_embedded_one(
    remote: RemoteStore, tmp_path: Path, nlp
) -> None:  # type: ignore[no-untyped-def]
    from kg.pipeline import Pipeline, read_paths
    from kg.store import OxigraphStore

    articles = read_paths([SHARED_CORPUS / "seed"]).articles
    settings = Settings(store=tmp_path / "local")
    local = OxigraphStore(tmp_path / "local")
    Pipeline(settings, local, nlp).ingest(articles)
    Pipeline(settings, remote, nlp).ingest(articles)
    assert Pipeline(settings, remote, nlp).ingest(articles).unchanged == len(articles)
    graphs = []
    for store in (local, remote):
        buffer = io.BytesIO()
        store.export(buffer, format_from_name("ntriples"))
        graphs.append(Graph().parse(data=buffer.getvalue(), format="nt"))
    assert isomorphic(graphs[0], graphs[1])
    assert remote.counts() == local.counts()
