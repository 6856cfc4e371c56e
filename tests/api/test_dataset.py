"""/graph (Graph Store Protocol read), /void, /health."""

from __future__ import annotations

import httpx
import rdflib
from conftest import Server
from rdflib.compare import isomorphic

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
NK = rdflib.Namespace("https://w3id.org/newskg/ontology#")
XI_ARTICLE = "article/2024-05-05-xi-visits-france"


def test_a_named_graph_as_turtle(client: httpx.Client, server: Server) -> None:
    response = client.get("/graph", params={"graph": server.iri(XI_ARTICLE)})
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    assert len(graph) == 15
    nt = client.get(
        "/graph", params={"graph": server.iri(XI_ARTICLE)}, headers={"Accept": "application/n-triples"}
    )
    assert isomorphic(rdflib.Graph().parse(data=nt.text, format="nt"), graph)


def test_unknown_graphs_are_404(client: httpx.Client, server: Server) -> None:
    response = client.get("/graph", params={"graph": server.iri("article/none")})
    assert response.status_code == 404 and response.json()["error"] == "NotFound"
    assert client.head("/graph", params={"graph": server.iri("article/none")}).status_code == 404
    assert client.get("/graph", params={"graph": "not an iri"}).status_code == 400


def test_the_default_graph_is_the_union(client: httpx.Client) -> None:
    graph = rdflib.Graph().parse(data=client.get("/graph?default").text, format="turtle")
    count = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"}).json()
    assert len(graph) == int(count["results"]["bindings"][0]["n"]["value"])


def test_the_dataset_as_nquads_and_trig(client: httpx.Client, server: Server) -> None:
    nquads = client.get("/graph")
    assert nquads.headers["content-type"].startswith("application/n-quads")
    dataset = rdflib.Dataset()
    dataset.parse(data=nquads.text, format="nquads")
    names = {str(g.identifier) for g in dataset.graphs()}
    assert server.iri(XI_ARTICLE) in names
    trig = client.get("/graph", headers={"Accept": "application/trig"})
    assert trig.headers["content-type"].startswith("application/trig")
    again = rdflib.Dataset()
    again.parse(data=trig.text, format="trig")
    assert len(list(again.quads())) == len(list(dataset.quads()))


def test_head_has_the_headers_and_no_body(client: httpx.Client, server: Server) -> None:
    get = client.get("/graph", params={"graph": server.iri(XI_ARTICLE)})
    head = client.head("/graph", params={"graph": server.iri(XI_ARTICLE)})
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == str(len(get.content))


def test_void_counts(client: httpx.Client, server: Server) -> None:
    response = client.get("/void", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    dataset = rdflib.URIRef(server.url + "void#newskg")
    assert (dataset, rdflib.RDF.type, VOID.Dataset) in graph
    assert graph.value(dataset, VOID.sparqlEndpoint) == rdflib.URIRef(server.url + "sparql")
    partitions = {
        graph.value(p, VOID["class"]): int(graph.value(p, VOID.entities))
        for p in graph.objects(dataset, VOID.classPartition)
    }  # type: ignore[arg-type]
    assert partitions[NK.Visit] == 2 and partitions[NK.Article] == 4
    assert "<pre>" in client.get("/void", headers={"Accept": "text/html"}).text


def test_health(client: httpx.Client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["events"] == 4 and body["counts"]["articles"] == 4


def test_health_reports_the_query_workers(client: httpx.Client) -> None:
    queries = client.get("/health").json()["queries"]
    assert queries["workers"] == 2 and queries["max_in_flight"] == 4
    assert queries["in_flight"] == 0 and queries["snapshot"]
