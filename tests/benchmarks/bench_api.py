"""Speed of the newskg API against baselines measured in the same run.

    .venv/bin/python tests/benchmarks/bench_api.py [--articles 1500] [--seconds 10]

One synthetic dataset (articles with visits, sanctions and espionage events among a pool of
actors, one named graph per article) is served three ways:

- **pyoxigraph in-process**: the same work with no HTTP at all, on an in-memory store and on an
  on-disk snapshot of the newskg store (the floor: newskg's workers evaluate on such a snapshot);
- **newskg**: ``api.app.run`` in a subprocess (query workers over a snapshot, as deployed);
- **rdflib-endpoint** (PyPI), the common way to put a SPARQL endpoint on an rdflib graph, when
  it is installed.

Three workloads: an entity lookup (newskg: ``GET /id/country/...`` as Turtle; the others: the
equivalent CONSTRUCT) and a mid-size query (events per agent over all events, grouped and
sorted, as SPARQL JSON), and that query again from 4 clients at once (throughput of the worker
pool against one rdflib process). Requests are otherwise sequential on one keep-alive
connection; each system gets a request budget or a time budget, whichever ends first.
Printed: requests/s, p50, p99, and the ratio of each p50 to the in-process p50 on the on-disk
snapshot.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

from kg import vocab
from kg.store import OxigraphStore

MID_QUERY = """SELECT ?agent (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event nk:agent ?agent ; nk:date ?date .
  FILTER(STR(?date) >= "2023")
} GROUP BY ?agent ORDER BY DESC(?events) ?agent LIMIT 25"""
ENTITY_CONSTRUCT = "CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}"
TYPES = ("Visit", "Sanction", "Espionage")
ROLE = {"Visit": "destination", "Sanction": "target", "Espionage": "target"}
FLOOR = "pyoxigraph in-process, on-disk snapshot"
CLIENTS = 4
PARALLEL = f"mid-size query, {CLIENTS} clients at once"


def dataset(base: str, articles: int, seed: int = 7) -> bytes:
    """A TriG dataset: one graph per article, each with three events and its actors' descriptions."""
    rng = random.Random(seed)
    countries = [f"{base}id/country/c-{i:03d}" for i in range(60)]
    people = [f"{base}id/person/p-{i:03d}" for i in range(240)]
    lines = [f"@prefix nk: <{vocab.NK}> .", "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."]
    lines.append("@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .")
    for n in range(articles):
        article = f"{base}id/article/a-{n:05d}"
        block = [f'<{article}> a nk:Article ; <http://purl.org/dc/terms/title> "Article {n}" .']
        for k in range(3):
            kind = TYPES[(n + k) % 3]
            agent, other = rng.choice(people + countries), rng.choice(countries)
            event = f"{base}id/event/e-{n:05d}-{k}"
            date = f"{rng.randint(2020, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            block.append(
                f"<{event}> a nk:{kind} ; nk:agent <{agent}> ; nk:{ROLE[kind]} <{other}> ;"
                f' nk:date "{date}"^^xsd:date ; rdfs:label "Event {n}-{k}" ;'
                f" <http://www.w3.org/ns/prov#wasDerivedFrom> <{article}> ."
            )
            for actor in (agent, other):
                kind_of = "Country" if "/country/" in actor else "Person"
                name = actor.rsplit("/", 1)[1]
                block.append(f'<{actor}> a nk:{kind_of} ; rdfs:label "{name}" ; nk:mentionedIn <{article}> .')
        lines.append(f"<{article}> {{\n" + "\n".join(block) + "\n}")
    return "\n".join(lines).encode()


@dataclass
class Result:
    workload: str
    system: str
    latencies: list[float]
    wall: float | None = None  # seconds the run took, for clients in parallel

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def p99(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000

    @property
    def rate(self) -> float:
        return len(self.latencies) / (self.wall or sum(self.latencies))


def measure_parallel(
    workload: str, system: str, make_call: Callable[[], Callable[[int], None]], clients: int, seconds: float
) -> Result:
    """``clients`` threads, each with its own connection, calling until the time budget ends."""

    def client() -> list[float]:
        call = make_call()
        call(0)  # warm-up
        latencies = []
        i = 0
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            call(i)
            latencies.append(time.perf_counter() - t0)
            i += 1
        return latencies

    started = time.perf_counter()
    deadline = started + seconds
    with ThreadPoolExecutor(clients) as pool:
        runs = list(pool.map(lambda _: client(), range(clients)))
    return Result(workload, system, [t for run in runs for t in run], time.perf_counter() - started)


def measure(workload: str, system: str, call: Callable[[int], None], budget: int, seconds: float) -> Result:
    for i in range(3):
        call(i)  # warm-up: connections, caches, worker processes
    latencies: list[float] = []
    started = time.perf_counter()
    i = 0
    while len(latencies) < budget and time.perf_counter() - started < seconds:
        t0 = time.perf_counter()
        call(i)
        latencies.append(time.perf_counter() - t0)
        i += 1
    return Result(workload, system, latencies)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server at {url} exited")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"the server at {url} did not start")


RDFLIB_ENDPOINT = """
import sys, uvicorn, rdflib
from rdflib_endpoint import SparqlEndpoint
graph = rdflib.Graph()
graph.parse(sys.argv[1], format="nt")
uvicorn.run(SparqlEndpoint(graph=graph), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description="newskg API speed against baselines")
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--requests", type=int, default=300, help="request budget per system and workload")
    parser.add_argument("--seconds", type=float, default=10.0, help="time budget per system and workload")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-api-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    trig = dataset(base, args.articles)
    store = OxigraphStore(tmp / "store")
    store.load(trig, ox.RdfFormat.TRIG, f"{base}id/graph/bench", base)
    counts = store.counts()
    with (tmp / "union.nt").open("wb") as out:
        store.export(out, ox.RdfFormat.N_TRIPLES)
    store.snapshot(tmp / "snapshot")
    store.close()
    size = f"{counts.events} events, {counts.actors} actors, {counts.triples} triples"
    print(f"dataset: {args.articles} articles, {size}")

    memory = ox.Store()
    memory.load(path=str(tmp / "union.nt"), format=ox.RdfFormat.N_TRIPLES)
    on_disk = ox.Store.read_only(str(tmp / "snapshot"))
    entities = [f"{base}id/country/c-{i:03d}" for i in range(60)]
    prefixes = dict(vocab.PREFIXES)
    results: list[Result] = []

    for name, local in ((FLOOR, on_disk), ("pyoxigraph in-process, in memory", memory)):

        def local_entity(i: int, local: ox.Store = local) -> None:
            node = ox.NamedNode(entities[i % len(entities)])
            default = ox.DefaultGraph()
            triples = [q.triple for q in local.quads_for_pattern(node, None, None, default)]
            triples += [q.triple for q in local.quads_for_pattern(None, None, node, default)]
            ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)

        def local_query(i: int, local: ox.Store = local) -> None:
            result = local.query(vocab.sparql_prologue() + MID_QUERY)
            result.serialize(format=ox.QueryResultsFormat.JSON)  # type: ignore[union-attr]

        results.append(measure("entity lookup", name, local_entity, args.requests, args.seconds))
        results.append(measure("mid-size query", name, local_query, args.requests, args.seconds))

    env = {
        **os.environ,
        "NEWSKG_STORE": str(tmp / "store"),
        "NEWSKG_BASE_IRI": base,
        "NEWSKG_MAX_ROWS": "100000",
    }
    code = f"from api.app import run; run(None, '127.0.0.1', {port})"
    server = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_up(base + "health", server)
        with httpx.Client(base_url=base, timeout=60) as http:

            def newskg_entity(i: int) -> None:
                path = entities[i % len(entities)][len(base) - 1 :]
                http.get(path, headers={"Accept": "text/turtle"}).raise_for_status()

            def newskg_construct(i: int) -> None:
                query = ENTITY_CONSTRUCT.format(iri=entities[i % len(entities)])
                http.get(
                    "/sparql", params={"query": query}, headers={"Accept": "text/turtle"}
                ).raise_for_status()

            def newskg_query(i: int) -> None:
                http.get("/sparql", params={"query": MID_QUERY}).raise_for_status()

            results.append(
                measure(
                    "entity lookup", "newskg /id/... (Turtle)", newskg_entity, args.requests, args.seconds
                )
            )
            results.append(
                measure(
                    "entity lookup", "newskg /sparql CONSTRUCT", newskg_construct, args.requests, args.seconds
                )
            )
            results.append(
                measure("mid-size query", "newskg /sparql", newskg_query, args.requests, args.seconds)
            )

        def newskg_client() -> Callable[[int], None]:
            own = httpx.Client(base_url=base, timeout=60)
            return lambda i: own.get("/sparql", params={"query": MID_QUERY}).raise_for_status() and None

        results.append(measure_parallel(PARALLEL, "newskg /sparql", newskg_client, CLIENTS, args.seconds))
    finally:
        server.terminate()
        server.wait(30)

    if importlib.util.find_spec("rdflib_endpoint") is None:
        print("rdflib-endpoint is not installed (pip install rdflib-endpoint): its rows are left out")
    else:
        rport = free_port()
        endpoint = subprocess.Popen(
            [sys.executable, "-c", RDFLIB_ENDPOINT, str(tmp / "union.nt"), str(rport)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_up(f"http://127.0.0.1:{rport}/", endpoint)
            prologue = vocab.sparql_prologue()
            with httpx.Client(base_url=f"http://127.0.0.1:{rport}", timeout=300) as http:

                def rdflib_entity(i: int) -> None:
                    query = ENTITY_CONSTRUCT.format(iri=entities[i % len(entities)])
                    http.get(
                        "/", params={"query": query}, headers={"Accept": "text/turtle"}
                    ).raise_for_status()

                def rdflib_query(i: int) -> None:
                    accept = {"Accept": "application/sparql-results+json"}
                    http.get("/", params={"query": prologue + MID_QUERY}, headers=accept).raise_for_status()

                results.append(
                    measure(
                        "entity lookup",
                        "rdflib-endpoint CONSTRUCT",
                        rdflib_entity,
                        args.requests,
                        args.seconds,
                    )
                )
                results.append(
                    measure("mid-size query", "rdflib-endpoint", rdflib_query, args.requests, args.seconds)
                )

            def rdflib_client() -> Callable[[int], None]:
                own = httpx.Client(base_url=f"http://127.0.0.1:{rport}", timeout=300)
                accept = {"Accept": "application/sparql-results+json"}
                query = {"query": prologue + MID_QUERY}
                return lambda i: own.get("/", params=query, headers=accept).raise_for_status() and None

            results.append(
                measure_parallel(PARALLEL, "rdflib-endpoint", rdflib_client, CLIENTS, args.seconds)
            )
        finally:
            endpoint.terminate()
            endpoint.wait(30)

    floor = {r.workload: r.p50 for r in results if r.system == FLOOR}
    floor[PARALLEL] = floor["mid-size query"]  # latency under load, against the same floor
    print()
    print("| workload | system | requests | req/s | p50 ms | p99 ms | p50 / in-process on disk |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in sorted(results, key=lambda r: r.workload):
        cells = [r.workload, r.system, str(len(r.latencies)), f"{r.rate:.0f}", f"{r.p50:.2f}", f"{r.p99:.2f}"]
        print("| " + " | ".join([*cells, f"{r.p50 / floor[r.workload]:.2f}x"]) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
