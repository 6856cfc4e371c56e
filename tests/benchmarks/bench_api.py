"""Speed of the newskg API against baselines measured in the same run.

    .venv/bin/python tests/benchmarks/bench_api.py [--articles 1500] [--seconds 10]

One synthetic dataset (articles with visits, sanctions and espionage events among a pool of
actors, one named graph per article) is served three ways:

- **pyoxigraph in-process**: the same work with no HTTP at all, on an in-memory store and on an
  on-disk snapshot of the newskg store (the floor: newskg's workers evaluate on such a snapshot);
- **newskg**: ``api.app.run`` in a subprocess (query workers over a snapshot, as deployed);
- **rdflib-endpoint** (PyPI), the common way to put a SPARQL endpoint on an rdflib graph, when
  it is installed.

- **bare route**: a minimal FastAPI app (same uvicorn settings, the same on-disk store opened
  read-only) whose one route gathers the same triples as newskg's ``/id`` with raw pyoxigraph
  pattern lookups and serializes them as Turtle: no negotiation, templates, ETag or headers.
  A second route does only the entity's outgoing triples and its page of incoming links.
  The benchmark checks that the bare route and ``/id`` serve the same graph.

Three workloads: an entity lookup (newskg: ``GET /id/country/...`` as Turtle; the bare route;
rdflib-endpoint: the CONSTRUCT of the entity's triples) and a mid-size query (events per agent
over all events, grouped and sorted, as SPARQL JSON), and that query again from 4 clients at
once (throughput of the worker pool against one rdflib process). Requests are otherwise
sequential on one keep-alive connection; each system gets a request budget or a time budget,
whichever ends first. The systems of a workload take turns in rounds (a slice of each one's
budget per round), so that load from elsewhere on the machine falls on all of them alike.
Entity lookups cycle through 60 country IRIs, so IRIs repeat. newskg remembers the names and
summaries of linked resources between requests (``api.labels``, emptied on every write), which
the same articles and actors on many pages hit once warm; the resource's own triples and incoming
links are read on every request. A second newskg server over a copy of the store runs with that
cache off (``NEWSKG_LABEL_CACHE_ENTRIES=0``), the uncached path.

Printed: requests/s, p50, p99, the ratio of each p50 to the in-process p50 on the on-disk
snapshot, and the issue's targets with PASS or MISS.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
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

from api.describe import PAGE_SIZE
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


def measure(
    workload: str, systems: dict[str, Callable[[int], None]], budget: int, seconds: float, rounds: int = 10
) -> list[Result]:
    """Each system called up to ``budget`` times or for ``seconds``, taking turns in ``rounds``."""
    for call in systems.values():
        for i in range(3):
            call(i)  # warm-up: connections, caches, worker processes
    latencies: dict[str, list[float]] = {name: [] for name in systems}
    spent = dict.fromkeys(systems, 0.0)
    for round_ in range(1, rounds + 1):
        for name, call in systems.items():
            done = latencies[name]
            while len(done) < budget * round_ // rounds and spent[name] < seconds * round_ / rounds:
                t0 = time.perf_counter()
                call(len(done))
                elapsed = time.perf_counter() - t0
                done.append(elapsed)
                spent[name] += elapsed
    return [Result(workload, name, latencies[name]) for name in systems]


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
# log_level as api.app.run sets it: both servers write an access log line per request.
uvicorn.run(SparqlEndpoint(graph=graph), host="127.0.0.1", port=int(sys.argv[2]), log_level="info")
"""

BARE_ROUTE = """
import json, sys
from itertools import islice
import pyoxigraph as ox
import uvicorn
from fastapi import FastAPI, Response

store_path, base, port, page_size, prefixes = sys.argv[1:6]
port, page_size, prefixes = int(port), int(page_size), json.loads(prefixes)
store = ox.Store.read_only(store_path)
D = ox.DefaultGraph()
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
NK = "https://w3id.org/newskg/ontology#"
ROLES = {ox.NamedNode(NK + name) for name in ("agent", "destination", "target")}
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SUMMARY = {LABEL, TITLE, TYPE, ox.NamedNode(NK + "date"), *ROLES}
app = FastAPI()


def label(node):
    first, second = (TITLE, LABEL) if "/id/article/" in node.value else (LABEL, TITLE)
    for predicate in (first, second):
        for quad in store.quads_for_pattern(node, predicate, None, D):
            return [quad.triple]
    return []


def outgoing_and_incoming(kind, slug):
    node = ox.NamedNode(f"{base}id/{kind}/{slug}")
    own = [q.triple for q in store.quads_for_pattern(node, None, None, D)]
    incoming = [q.triple for q in islice(store.quads_for_pattern(None, None, node, D), page_size)]
    return node, own, incoming


def turtle(triples):
    body = ox.serialize(dict.fromkeys(triples), format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return Response(body, media_type="text/turtle")


@app.get("/id/{kind}/{slug}")
def same_as_id(kind: str, slug: str) -> Response:
    # What /id serves: outgoing triples, a page of incoming links, the labels of linked nodes,
    # and each incoming subject's label, type, date and roles with the roles' labels.
    node, own, incoming = outgoing_and_incoming(kind, slug)
    out = own + incoming
    seen = {node}
    for target in dict.fromkeys(t.object for t in own if isinstance(t.object, ox.NamedNode)):
        seen.add(target)
        out += label(target)
    for subject in dict.fromkeys(t.subject for t in incoming if isinstance(t.subject, ox.NamedNode)):
        for quad in store.quads_for_pattern(subject, None, None, D):
            if quad.predicate in SUMMARY:
                out.append(quad.triple)
                role = quad.object
                if quad.predicate in ROLES and isinstance(role, ox.NamedNode) and role not in seen:
                    seen.add(role)
                    out += label(role)
    return turtle(out)


@app.get("/triples/{kind}/{slug}")
def triples_only(kind: str, slug: str) -> Response:
    _, own, incoming = outgoing_and_incoming(kind, slug)
    return turtle(own + incoming)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


# The settings api.app.run gives uvicorn.
uvicorn.run(app, host="127.0.0.1", port=port, log_level="info", timeout_graceful_shutdown=3)
"""

ID = "newskg /id/... (Turtle)"
ID_UNCACHED = "newskg /id/... (Turtle), name cache off"
BARE = "bare route, same triples as /id (Turtle)"
BARE_MIN = "bare route, outgoing + incoming only (Turtle)"
RDFLIB_CONSTRUCT = "rdflib-endpoint CONSTRUCT"
NEWSKG_MID = "newskg /sparql"
RDFLIB_MID = "rdflib-endpoint"


def start(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """``python -c args...`` with its output discarded (uvicorn's access log included)."""
    return subprocess.Popen(
        [sys.executable, "-c", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def same_graph(a: bytes, b: bytes) -> bool:
    def triples(data: bytes) -> set[ox.Triple]:
        return set(ox.parse(data, format=ox.RdfFormat.TURTLE))  # type: ignore[arg-type]

    return triples(a) == triples(b)


def main() -> int:
    parser = argparse.ArgumentParser(description="newskg API speed against baselines")
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--requests", type=int, default=300, help="request budget per system and workload")
    parser.add_argument("--seconds", type=float, default=10.0, help="time budget per system and workload")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-api-"))
    port, bare_port, rdflib_port, uncached_port = free_port(), free_port(), free_port(), free_port()
    base = f"http://127.0.0.1:{port}/"
    trig = dataset(base, args.articles)
    store = OxigraphStore(tmp / "store")
    store.load(trig, ox.RdfFormat.TRIG, f"{base}id/graph/bench", base)
    counts = store.counts()
    with (tmp / "union.nt").open("wb") as out:
        store.export(out, ox.RdfFormat.N_TRIPLES)
    store.snapshot(tmp / "snapshot")
    store.close()
    uncached_store = OxigraphStore(tmp / "store-uncached")
    uncached_store.load(trig, ox.RdfFormat.TRIG, f"{base}id/graph/bench", base)
    uncached_store.close()
    size = f"{counts.events} events, {counts.actors} actors, {counts.triples} triples"
    print(f"dataset: {args.articles} articles, {size}")

    memory = ox.Store()
    memory.load(path=str(tmp / "union.nt"), format=ox.RdfFormat.N_TRIPLES)
    on_disk = ox.Store.read_only(str(tmp / "snapshot"))
    entities = [f"{base}id/country/c-{i:03d}" for i in range(60)]
    prefixes = dict(vocab.PREFIXES)
    prologue = vocab.sparql_prologue()

    env = {
        **os.environ,
        "NEWSKG_STORE": str(tmp / "store"),
        "NEWSKG_BASE_IRI": base,
        "NEWSKG_MAX_ROWS": "100000",
    }
    bare_url = f"http://127.0.0.1:{bare_port}"
    bare_args = [str(tmp / "store"), base, str(bare_port), str(PAGE_SIZE), json.dumps(prefixes)]
    rdflib_url = f"http://127.0.0.1:{rdflib_port}"
    with_rdflib = importlib.util.find_spec("rdflib_endpoint") is not None
    if not with_rdflib:
        print("rdflib-endpoint is not installed (pip install rdflib-endpoint): its rows are left out")
    servers: dict[str, subprocess.Popen[bytes]] = {}
    results: list[Result] = []
    try:
        servers[base + "health"] = start([f"from api.app import run; run(None, '127.0.0.1', {port})"], env)
        # Same base IRI (so the same paths), its own store (one writer per store), no name cache.
        uncached_env = {**env, "NEWSKG_STORE": str(tmp / "store-uncached"), "NEWSKG_LABEL_CACHE_ENTRIES": "0"}
        uncached_url = f"http://127.0.0.1:{uncached_port}/"
        run_uncached = f"from api.app import run; run(None, '127.0.0.1', {uncached_port})"
        servers[uncached_url + "health"] = start([run_uncached], uncached_env)
        if with_rdflib:
            servers[rdflib_url + "/"] = start([RDFLIB_ENDPOINT, str(tmp / "union.nt"), str(rdflib_port)])
        for url, process in servers.items():
            wait_up(url, process)
        # The bare route opens the store read-only once newskg holds it (RocksDB allows both).
        servers[bare_url + "/health"] = start([BARE_ROUTE, *bare_args])
        wait_up(bare_url + "/health", servers[bare_url + "/health"])
        newskg = httpx.Client(base_url=base, timeout=60)
        bare = httpx.Client(base_url=bare_url, timeout=60)
        rdflib = httpx.Client(base_url=rdflib_url, timeout=300)
        uncached = httpx.Client(base_url=uncached_url, timeout=60)

        def path(i: int) -> str:
            return entities[i % len(entities)][len(base) - 1 :]

        turtle = {"Accept": "text/turtle"}
        same = all(
            same_graph(newskg.get(path(i), headers=turtle).content, bare.get(path(i)).content)
            and same_graph(uncached.get(path(i), headers=turtle).content, bare.get(path(i)).content)
            for i in range(5)
        )
        print(f"bare route and /id serve the same triples: {'yes' if same else 'NO'}")

        entity: dict[str, Callable[[int], None]] = {}
        mid: dict[str, Callable[[int], None]] = {}
        for name, local in ((FLOOR, on_disk), ("pyoxigraph in-process, in memory", memory)):

            def local_entity(i: int, local: ox.Store = local) -> None:
                node = ox.NamedNode(entities[i % len(entities)])
                default = ox.DefaultGraph()
                triples = [q.triple for q in local.quads_for_pattern(node, None, None, default)]
                triples += [q.triple for q in local.quads_for_pattern(None, None, node, default)]
                ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)

            def local_query(i: int, local: ox.Store = local) -> None:
                result = local.query(prologue + MID_QUERY)
                result.serialize(format=ox.QueryResultsFormat.JSON)  # type: ignore[union-attr]

            entity[name] = local_entity
            mid[name] = local_query

        entity[ID] = lambda i: newskg.get(path(i), headers=turtle).raise_for_status() and None
        entity[ID_UNCACHED] = lambda i: uncached.get(path(i), headers=turtle).raise_for_status() and None
        entity[BARE] = lambda i: bare.get(path(i)).raise_for_status() and None
        entity[BARE_MIN] = lambda i: bare.get("/triples" + path(i)[3:]).raise_for_status() and None
        entity["newskg /sparql CONSTRUCT"] = lambda i: (
            newskg.get(
                "/sparql",
                params={"query": ENTITY_CONSTRUCT.format(iri=entities[i % len(entities)])},
                headers=turtle,
            ).raise_for_status()
            and None
        )
        mid[NEWSKG_MID] = lambda i: (
            newskg.get("/sparql", params={"query": MID_QUERY}).raise_for_status() and None
        )
        if with_rdflib:
            entity[RDFLIB_CONSTRUCT] = lambda i: (
                rdflib.get(
                    "/",
                    params={"query": ENTITY_CONSTRUCT.format(iri=entities[i % len(entities)])},
                    headers=turtle,
                ).raise_for_status()
                and None
            )
            accept = {"Accept": "application/sparql-results+json"}
            mid[RDFLIB_MID] = lambda i: (
                rdflib.get("/", params={"query": prologue + MID_QUERY}, headers=accept).raise_for_status()
                and None
            )
        results += measure("entity lookup", entity, args.requests, args.seconds)
        results += measure("mid-size query", mid, args.requests, args.seconds)

        def newskg_client() -> Callable[[int], None]:
            own = httpx.Client(base_url=base, timeout=60)
            return lambda i: own.get("/sparql", params={"query": MID_QUERY}).raise_for_status() and None

        results.append(measure_parallel(PARALLEL, NEWSKG_MID, newskg_client, CLIENTS, args.seconds))
        if with_rdflib:

            def rdflib_client() -> Callable[[int], None]:
                own = httpx.Client(base_url=rdflib_url, timeout=300)
                accept = {"Accept": "application/sparql-results+json"}
                query = {"query": prologue + MID_QUERY}
                return lambda i: own.get("/", params=query, headers=accept).raise_for_status() and None

            results.append(measure_parallel(PARALLEL, RDFLIB_MID, rdflib_client, CLIENTS, args.seconds))
    finally:
        for process in servers.values():
            process.terminate()
        for process in servers.values():
            process.wait(30)
        shutil.rmtree(tmp, ignore_errors=True)  # the stores: ~60 MB a run

    floor = {r.workload: r.p50 for r in results if r.system == FLOOR}
    floor[PARALLEL] = floor["mid-size query"]  # latency under load, against the same floor
    print()
    print("| workload | system | requests | req/s | p50 ms | p99 ms | p50 / in-process on disk |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in sorted(results, key=lambda r: r.workload):
        cells = [r.workload, r.system, str(len(r.latencies)), f"{r.rate:.0f}", f"{r.p50:.2f}", f"{r.p99:.2f}"]
        print("| " + " | ".join([*cells, f"{r.p50 / floor[r.workload]:.2f}x"]) + " |")
    print()
    print_targets({(r.workload, r.system): r for r in results})
    return 0


def print_targets(by: dict[tuple[str, str], Result]) -> None:
    """The issue's four targets as ratios of this run, each PASS or MISS."""

    def check(what: str, ratio: float, target: float, at_least: bool) -> None:
        ok = ratio >= target if at_least else ratio <= target
        bound = ">=" if at_least else "<="
        print(f"- {what}: {ratio:.2f}x (target {bound} {target:g}x) {'PASS' if ok else 'MISS'}")

    mid, entity = "mid-size query", "entity lookup"
    check("mid-size query p50, newskg / pyoxigraph in-process on disk",
          by[mid, NEWSKG_MID].p50 / by[mid, FLOOR].p50, 1.5, at_least=False)  # fmt: skip
    if (mid, RDFLIB_MID) in by:
        check("mid-size query p50, rdflib-endpoint / newskg",
              by[mid, RDFLIB_MID].p50 / by[mid, NEWSKG_MID].p50, 10, at_least=True)  # fmt: skip
    check("entity lookup req/s, newskg /id / bare route (same triples)",
          by[entity, ID].rate / by[entity, BARE].rate, 0.5, at_least=True)  # fmt: skip
    if (entity, RDFLIB_CONSTRUCT) in by:
        check("entity lookup req/s, newskg /id / rdflib-endpoint CONSTRUCT",
              by[entity, ID].rate / by[entity, RDFLIB_CONSTRUCT].rate, 3, at_least=True)  # fmt: skip
    print("- (for information) the same two with the name cache off:")
    check("  newskg /id / bare route (same triples)",
          by[entity, ID_UNCACHED].rate / by[entity, BARE].rate, 0.5, at_least=True)  # fmt: skip
    if (entity, RDFLIB_CONSTRUCT) in by:
        check("  newskg /id / rdflib-endpoint CONSTRUCT",
              by[entity, ID_UNCACHED].rate / by[entity, RDFLIB_CONSTRUCT].rate, 3, at_least=True)  # fmt: skip
    ratio = by[entity, ID].rate / by[entity, BARE_MIN].rate
    print(
        "- (for information) entity lookup req/s, newskg /id / bare route outgoing + incoming only: "
        f"{ratio:.2f}x"
    )


if __name__ == "__main__":
    sys.exit(main())
