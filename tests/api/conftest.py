"""A real newskg server on loopback for the API tests.

The session's store is filled before the server opens it: ``data/sample.trig`` through
``OxigraphStore.load`` and one more article through ``replace_graph``, the calls ingest makes.
The server is ``api.app.run`` in a subprocess (so query workers, signals and shutdown are the real
ones) on a free 127.0.0.1 port; its base IRI is its own address, so every IRI it serves
dereferences on it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg.store import OxigraphStore

DATA = Path(__file__).resolve().parent / "data"
TOKEN = "test-token-1234"
QUERY_TIMEOUT = 2.0
MAX_ROWS = 50
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
"""A query that runs for hours on any store of a few dozen triples (five-fold cross product)."""


@dataclass(frozen=True)
class Server:
    url: str  # ends with "/": also the base IRI
    store: Path
    pid: int

    def iri(self, key: str) -> str:
        return f"{self.url}id/{key}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


XI_VISIT = """
@prefix nk: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<id/article/2024-05-05-xi-visits-france> a nk:Article ;
    <http://purl.org/dc/terms/title> "Xi Jinping arrives in France" .
<id/person/xi-jinping> a nk:Person ; rdfs:label "Xi Jinping" ; nk:country <id/country/china> .
<id/country/france> a nk:Country ; rdfs:label "France" .
<id/country/china> rdfs:label "China" .
<id/event/visit-xi-jinping-france-2024> a nk:Visit ;
    rdfs:label "Xi Jinping visits France" ;
    nk:agent <id/person/xi-jinping> ;
    nk:destination <id/country/france> ;
    nk:date "2024-05-05"^^xsd:date ;
    nk:status nk:Occurred ;
    <http://www.w3.org/ns/prov#wasDerivedFrom> <id/article/2024-05-05-xi-visits-france> .
"""


def fill_store(path: Path, base: str) -> None:
    """The test dataset: sample.trig plus one article written by replace_graph."""
    store = OxigraphStore(path)
    try:
        store.load((DATA / "sample.trig").read_bytes(), ox.RdfFormat.TRIG, f"{base}id/graph/sample", base)
        triples = ox.parse(XI_VISIT, format=ox.RdfFormat.TURTLE, base_iri=base)
        ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        store.replace_graph(f"{base}id/article/2024-05-05-xi-visits-france", ntriples.decode())
    finally:
        store.close()


def start_server(
    tmp: Path, data_base: str | None = None, **env: str
) -> tuple[subprocess.Popen[bytes], Server]:
    """Start ``api.app.run`` in a subprocess over a filled store; wait until /health answers.

    The store's IRIs are minted under the server's own URL, or under ``data_base`` when given."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    store = tmp / "store"
    fill_store(store, data_base or url)
    environment = {
        **os.environ,
        "NEWSKG_STORE": str(store),
        "NEWSKG_BASE_IRI": url,
        "NEWSKG_QUERY_TIMEOUT": str(QUERY_TIMEOUT),
        "NEWSKG_MAX_ROWS": str(MAX_ROWS),
        "NEWSKG_QUERY_WORKERS": "2",
        "NEWSKG_MAX_CONCURRENT_QUERIES": "4",
        **env,
    }
    if "NEWSKG_STORE_URL" not in env:
        environment.pop("NEWSKG_STORE_URL", None)
    code = f"from api.app import run; run(None, '127.0.0.1', {port})"
    log = (tmp / "server.log").open("wb")
    process = subprocess.Popen([sys.executable, "-c", code], env=environment, stdout=log, stderr=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {(tmp / 'server.log').read_text()}")
        try:
            if httpx.get(url + "health", timeout=1).status_code == 200:
                return process, Server(url, store, process.pid)
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the server did not start: {(tmp / 'server.log').read_text()}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The shared server: writes allowed with TOKEN, a 2 s deadline, at most 50 rows."""
    process, running = start_server(tmp_path_factory.mktemp("api"), NEWSKG_API_TOKEN=TOKEN)
    yield running
    stop_server(process)


@pytest.fixture(scope="session")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http
