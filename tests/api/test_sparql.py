"""/sparql against the real server: protocol forms, formats, clients, errors and limits."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from conftest import MAX_ROWS, QUERY_TIMEOUT, RUNAWAY, Server
from rdflib.compare import isomorphic
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

COUNT_VISITS = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a nk:Visit }"


def bindings(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    data = response.json()
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


# -- the three protocol forms ------------------------------------------------------------------


def test_get_query_answers_sparql_json(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": COUNT_VISITS})
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert "Accept" in response.headers["vary"]
    assert bindings(response) == [{"n": "2"}]


def test_post_form_and_direct_post_give_the_same_rows(client: httpx.Client) -> None:
    form = client.post("/sparql", data={"query": COUNT_VISITS})
    direct = client.post(
        "/sparql", content=COUNT_VISITS.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert bindings(form) == bindings(direct) == [{"n": "2"}]


def test_counting_events_over_the_default_graph_counts_each_event_once(client: httpx.Client) -> None:
    # Russia and China are described in two article graphs; the default graph is their set union.
    rows = bindings(client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s a nk:Country }"}))
    assert rows == [{"n": "6"}]


def test_default_graph_uri_replaces_the_default_graph(client: httpx.Client, server: Server) -> None:
    graph = server.iri("article/2024-05-05-xi-visits-france")
    query = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a nk:Visit }"
    rows = bindings(client.get("/sparql", params={"query": query, "default-graph-uri": graph}))
    assert rows == [{"n": "1"}]


def test_named_graph_uri_is_repeatable(client: httpx.Client, server: Server) -> None:
    graphs = [
        server.iri("article/2024-05-05-xi-visits-france"),
        server.iri("article/2024-02-23-us-sanctions-after-navalny"),
    ]
    params = [("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")]
    params += [("named-graph-uri", g) for g in graphs]
    rows = bindings(client.get("/sparql", params=params))
    assert [r["g"] for r in rows] == sorted(graphs)


def test_ask(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "ASK { ?e a nk:Espionage }"})
    assert response.json() == {"head": {}, "boolean": True}


# -- result formats ------------------------------------------------------------------------------

LABELS = "SELECT ?label WHERE { ?c a nk:Country ; rdfs:label ?label } ORDER BY ?label"


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("*/*", "application/sparql-results+json"),
        ("text/*", "text/csv"),
    ],
)
def test_select_formats(client: httpx.Client, accept: str, media_type: str) -> None:
    response = client.get("/sparql", params={"query": LABELS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type


def test_csv_and_json_carry_the_same_rows(client: httpx.Client) -> None:
    as_json = [r["label"] for r in bindings(client.get("/sparql", params={"query": LABELS}))]
    as_csv = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "text/csv"}).text
    assert [row["label"] for row in csv.DictReader(io.StringIO(as_csv))] == as_json
    assert "France" in as_json


def test_xml_results_parse_with_rdflib(client: httpx.Client) -> None:
    response = client.get(
        "/sparql", params={"query": LABELS}, headers={"Accept": "application/sparql-results+xml"}
    )
    result = rdflib.query.Result.parse(io.BytesIO(response.content), format="xml")
    assert [str(row[0]) for row in result][:2] == ["China", "France"]


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_formats_are_the_same_graph(client: httpx.Client, accept: str, rdflib_format: str) -> None:
    query = "CONSTRUCT WHERE { ?e a nk:Visit ; nk:agent ?a ; nk:date ?d }"
    reference = rdflib.Graph().parse(
        data=client.get("/sparql", params={"query": query}).text, format="turtle"
    )
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.headers["content-type"].split(";")[0] == accept
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert len(graph) == 6
    assert isomorphic(graph, reference)


def test_describe_defaults_to_turtle(client: httpx.Client, server: Server) -> None:
    response = client.get("/sparql", params={"query": f"DESCRIBE <{server.iri('country/france')}>"})
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    assert (rdflib.URIRef(server.iri("country/france")), rdflib.RDFS.label, rdflib.Literal("France")) in graph


def test_nothing_acceptable_is_406(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.json()["message"]
    graph_query = client.get(
        "/sparql", params={"query": "CONSTRUCT WHERE {?s ?p ?o}"}, headers={"Accept": "text/csv"}
    )
    assert graph_query.status_code == 406


# -- clients -------------------------------------------------------------------------------------


def test_sparqlwrapper_select_ask_construct(server: Server) -> None:
    endpoint = SPARQLWrapper(server.url + "sparql")
    endpoint.setQuery("PREFIX nk: <https://w3id.org/newskg/ontology#> SELECT ?e WHERE { ?e a nk:Sanction }")
    endpoint.setReturnFormat(JSON)
    rows = endpoint.query().convert()["results"]["bindings"]  # type: ignore[index,call-overload]
    assert [r["e"]["value"] for r in rows] == [server.iri("event/sanction-united-states-russia-2024")]

    endpoint.setQuery("ASK { ?s ?p ?o }")
    assert endpoint.query().convert()["boolean"] is True  # type: ignore[index,call-overload]

    endpoint.setQuery("PREFIX nk: <https://w3id.org/newskg/ontology#> CONSTRUCT WHERE { ?e a nk:Espionage }")
    endpoint.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=endpoint.query().convert(), format="turtle")  # type: ignore[arg-type]
    assert len(graph) == 1


def test_sparqlwrapper_post(server: Server) -> None:
    endpoint = SPARQLWrapper(server.url + "sparql")
    endpoint.setMethod("POST")
    endpoint.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    endpoint.setReturnFormat(JSON)
    rows = endpoint.query().convert()["results"]["bindings"]  # type: ignore[index,call-overload]
    assert int(rows[0]["n"]["value"]) > 50


def test_rdflib_sparqlstore_as_a_client(server: Server) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server.url + "sparql", returnFormat="xml")
    graph = rdflib.Graph(store)
    rows = graph.query(
        "PREFIX nk: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
        " SELECT ?name WHERE { ?e a nk:Visit ; nk:agent ?a . ?a rdfs:label ?name } ORDER BY ?name"
    )
    assert [str(r[0]) for r in rows] == ["Vladimir Putin", "Xi Jinping"]  # type: ignore[index]
    france = rdflib.URIRef(server.iri("country/france"))
    assert graph.value(france, rdflib.RDFS.label) == rdflib.Literal("France")


# -- errors --------------------------------------------------------------------------------------


def problem(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status
    assert "Traceback" not in response.text
    return str(body["message"])


def test_syntax_error_is_400_with_the_position(client: httpx.Client) -> None:
    message = problem(client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"}), 400)
    assert "syntax" in message.lower() and "1:" in message


def test_post_without_content_type_is_400(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b"SELECT * {}", headers={"Content-Type": ""})
    assert "Content-Type" in problem(response, 400)
    wrong = client.post("/sparql", content=b"SELECT * {}", headers={"Content-Type": "text/plain"})
    assert "text/plain" in problem(wrong, 400)


def test_non_utf8_body_is_400(client: httpx.Client) -> None:
    body = 'SELECT * { ?s ?p "café" }'.encode("latin-1")
    response = client.post("/sparql", content=body, headers={"Content-Type": "application/sparql-query"})
    assert "UTF-8" in problem(response, 400)


def test_two_query_parameters_are_400(client: httpx.Client) -> None:
    response = client.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")])
    assert "exactly one" in problem(response, 400)


def test_post_without_query_is_400(client: httpx.Client) -> None:
    assert "query" in problem(client.post("/sparql", data={"default-graph-uri": "http://x/"}), 400)


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "CLEAR ALL",
        "DROP GRAPH <http://g>",
    ],
)
def test_an_update_sent_to_the_query_endpoint_is_400(client: httpx.Client, update: str) -> None:
    message = problem(client.post("/sparql", data={"query": update}), 400)
    assert "update" in message.lower()
    assert problem(client.post("/sparql", data={"update": update}), 400)


def test_service_is_refused_before_evaluation(client: httpx.Client) -> None:
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    assert "SERVICE" in problem(client.get("/sparql", params={"query": query}), 400)


def test_load_is_refused(client: httpx.Client) -> None:
    assert "LOAD" in problem(
        client.post("/sparql", data={"query": "LOAD <http://example.org/data.ttl>"}), 400
    )


def test_service_in_strings_iris_and_comments_is_harmless(client: httpx.Client) -> None:
    query = (
        "PREFIX service: <http://example.org/SERVICE#>\n"
        "# SERVICE <http://example.org/sparql> { }\n"
        'SELECT ?service WHERE { BIND("SERVICE <http://x> {}" AS ?service) FILTER(?service != service:x) }'
    )
    assert bindings(client.get("/sparql", params={"query": query})) == [{"service": "SERVICE <http://x> {}"}]


class Listener:
    """A loopback TCP listener that records whether anything connected to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def listener() -> object:
    listening = Listener()
    yield listening
    listening.close()


def test_service_makes_no_outbound_connection(client: httpx.Client, listener: Listener) -> None:
    url = f"http://127.0.0.1:{listener.port}/sparql"
    for query in (
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ service <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f'SELECT * WHERE {{ ?s ?p "\\u0022" . SERVICE <{url}> {{ }} ?x ?y """ }}',
    ):
        assert client.get("/sparql", params={"query": query}).status_code == 400
    time.sleep(0.3)
    assert listener.connections == 0


def test_from_names_a_graph_in_the_store_and_is_never_fetched(
    client: httpx.Client, listener: Listener
) -> None:
    url = f"http://127.0.0.1:{listener.port}/data.ttl"
    for query in (
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    ):
        assert bindings(client.get("/sparql", params={"query": query})) == []
    assert (
        bindings(
            client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": url})
        )
        == []
    )
    time.sleep(0.3)
    assert listener.connections == 0


def test_query_longer_than_the_limit_is_413(client: httpx.Client) -> None:
    padding = "#" + "x" * (64 * 1024) + "\n"
    response = client.post("/sparql", data={"query": padding + "ASK {}"})
    assert "longer than" in problem(response, 413)
    direct = client.post(
        "/sparql", content=(padding + "ASK {}").encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert direct.status_code == 413


def test_more_rows_than_the_cap_is_an_error_never_a_silent_cut(client: httpx.Client) -> None:
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    message = problem(client.get("/sparql", params={"query": query}), 400)
    assert str(MAX_ROWS) in message and "LIMIT" in message
    capped = client.get("/sparql", params={"query": query + f" LIMIT {MAX_ROWS}"})
    assert len(bindings(capped)) == MAX_ROWS
    assert client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}).status_code == 400


# -- deadline and concurrency --------------------------------------------------------------------


def test_a_runaway_query_is_stopped_while_health_and_small_queries_answer(
    client: httpx.Client, server: Server
) -> None:
    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        runaway = pool.submit(lambda: httpx.get(server.url + "sparql", params={"query": RUNAWAY}, timeout=30))
        time.sleep(0.3)
        # Meanwhile: liveness and a small query on the other worker answer promptly.
        health = client.get("/health")
        assert health.status_code == 200 and health.json()["status"] == "ok"
        assert runaway.running()
        assert bindings(client.get("/sparql", params={"query": COUNT_VISITS})) == [{"n": "2"}]
        assert runaway.running()
        response = runaway.result()
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    body = response.json()
    assert body["error"] == "QueryTimeout" and "NEWSKG_QUERY_TIMEOUT" in body["message"]
    assert elapsed < QUERY_TIMEOUT + 10
    # The killed worker was replaced: the server still answers queries on both workers.
    for _ in range(4):
        assert bindings(client.get("/sparql", params={"query": COUNT_VISITS})) == [{"n": "2"}]


def test_more_queries_in_flight_than_allowed_is_503_with_retry_after(server: Server) -> None:
    with ThreadPoolExecutor(6) as pool:
        futures = [
            pool.submit(lambda: httpx.get(server.url + "sparql", params={"query": RUNAWAY}, timeout=30))
            for _ in range(6)
        ]
        responses = [f.result() for f in futures]
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(503) == 6
    # Four in flight are allowed (NEWSKG_MAX_CONCURRENT_QUERIES=4): two run, two wait for a worker
    # within the deadline; the fifth and sixth are refused at once.
    refused = [r for r in responses if "NEWSKG_MAX_CONCURRENT_QUERIES" in r.json()["message"]]
    assert len(refused) == 2
    assert all(r.json()["error"] == "Overloaded" and r.headers["retry-after"] == "1" for r in refused)


# -- without a query -----------------------------------------------------------------------------


def test_get_without_query_describes_the_service(client: httpx.Client, server: Server) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = rdflib.URIRef(server.url + "sparql")
    assert (service, rdflib.RDF.type, sd.Service) in graph
    limits = rdflib.Namespace("https://w3id.org/newskg/api#")
    assert int(graph.value(service, limits.maxResultRows)) == MAX_ROWS  # type: ignore[arg-type]


def test_get_without_query_is_a_query_page_for_browsers(client: httpx.Client) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/sparql", headers={"Accept": accept})
    assert response.headers["content-type"].startswith("text/html")
    assert "<textarea" in response.text and "/static/query.js" in response.text


def test_error_bodies_are_json(client: httpx.Client) -> None:
    body = client.get("/sparql", params={"query": "nonsense"}).json()
    assert set(body) == {"error", "status", "message"}
    json.dumps(body)


def test_a_browser_following_a_query_link_gets_the_page_running_it(client: httpx.Client) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    query = 'SELECT ?x WHERE { BIND("</textarea><script>" AS ?x) }'
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.headers["content-type"].startswith("text/html")
    assert 'data-autorun="true"' in response.text
    assert "&lt;/textarea&gt;&lt;script&gt;" in response.text and "</textarea><script>" not in response.text


def query_workers(pid: int) -> set[int]:
    """The server's query worker processes (spawned children), from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"multiprocessing" in cmdline and b"resource_tracker" not in cmdline:
            found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_query_past_its_deadline_is_killed_not_abandoned(client: httpx.Client, server: Server) -> None:
    before = query_workers(server.pid)
    assert len(before) == 2
    assert client.get("/sparql", params={"query": RUNAWAY}).status_code == 503
    deadline = time.monotonic() + 10
    after = query_workers(server.pid)
    while len(after) != 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        after = query_workers(server.pid)
    killed = before - after
    assert len(killed) == 1 and len(after) == 2  # one worker killed, a fresh one in its place
    assert not any(Path(f"/proc/{pid}").exists() for pid in killed)  # gone, and reaped


def test_browser_clients_on_other_origins_may_query(client: httpx.Client) -> None:
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "https://yasgui.example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    response = client.get(
        "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example.org"}
    )
    assert response.headers["access-control-allow-origin"] == "*"


def test_control_pyoxigraph_alone_would_connect(listener: Listener) -> None:
    """Why the guard exists, and proof the listener sees connections: pyoxigraph runs SERVICE."""
    url = f"http://127.0.0.1:{listener.port}/sparql"
    with pytest.raises(OSError):
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))  # type: ignore[call-overload]
    time.sleep(0.3)
    assert listener.connections == 1


def test_protocol_graphs_override_from_in_the_query(client: httpx.Client, server: Server) -> None:
    xi, sanctions = (
        server.iri("article/2024-05-05-xi-visits-france"),
        server.iri("article/2024-02-23-us-sanctions-after-navalny"),
    )
    query = f"SELECT (COUNT(DISTINCT ?e) AS ?n) FROM <{sanctions}> WHERE {{ ?e a nk:Visit }}"
    assert bindings(client.get("/sparql", params={"query": query})) == [{"n": "0"}]
    overridden = client.post("/sparql", data={"query": query, "default-graph-uri": xi})
    assert bindings(overridden) == [{"n": "1"}]


def test_percent_escapes_that_are_not_utf8_are_400(client: httpx.Client) -> None:
    form = b"query=SELECT%20*%20%7B%20%3Fs%20%3Fp%20%22caf%E9%22%20%7D"  # é as Latin-1
    response = client.post(
        "/sparql", content=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert "UTF-8" in problem(response, 400)
    assert client.get("/sparql?query=ASK%20%7B%22%E9%22%20%3Fp%20%3Fo%7D").status_code == 400
