"""api/workers.py: a query that grows past the memory limit is stopped like a late one."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import Server, start_server, stop_server

# A sort over a four-fold cross product: resident memory grows by about 250 MiB a second here.
HUNGRY = (
    "SELECT ?a ?b ?c ?d WHERE { ?a ?p1 ?o1 . ?b ?p2 ?o2 . ?c ?p3 ?o3 . ?d ?p4 ?o4 }"
    " ORDER BY ?a ?b ?c ?d LIMIT 1"
)


@pytest.fixture(scope="module")
def small_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    process, running = start_server(
        tmp_path_factory.mktemp("memory"), NEWSKG_QUERY_MEMORY_MB="300", NEWSKG_QUERY_TIMEOUT="60"
    )
    yield running
    stop_server(process)


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="memory is watched through /proc")
def test_a_query_past_the_memory_limit_is_stopped(small_server: Server) -> None:
    with httpx.Client(base_url=small_server.url, timeout=60) as client:
        started = time.monotonic()
        response = client.get("/sparql", params={"query": HUNGRY})
        elapsed = time.monotonic() - started
        assert response.status_code == 503, response.text
        body = response.json()
        assert body["error"] == "QueryLimitError" and "NEWSKG_QUERY_MEMORY_MB" in body["message"]
        assert elapsed < 30  # stopped by memory, not by the 60 s deadline
        health = client.get("/health").json()
        assert health["queries"]["workers"] == 2 and health["queries"]["memory_limit_mb"] == 300
        ask = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert ask.json()["boolean"] is True
