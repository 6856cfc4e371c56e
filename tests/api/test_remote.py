"""The API over a remote SPARQL server (NEWSKG_STORE_URL): here, the session's own newskg server."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import rdflib
from conftest import RUNAWAY, Server, start_server, stop_server


@pytest.fixture(scope="module")
def remote(server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    process, front = start_server(
        tmp_path_factory.mktemp("remote"),
        NEWSKG_STORE_URL=server.url + "sparql",
        NEWSKG_BASE_IRI=server.url,
        NEWSKG_QUERY_TIMEOUT="1",
    )
    with httpx.Client(base_url=front.url, timeout=30) as client:
        yield client
    stop_server(process)


def test_select_construct_and_ask_go_to_the_remote_server(remote: httpx.Client, server: Server) -> None:
    rows = remote.get(
        "/sparql", params={"query": "SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a nk:Visit }"}
    ).json()
    assert rows["results"]["bindings"][0]["n"]["value"] == "2"
    graph = remote.get(
        "/sparql", params={"query": "CONSTRUCT WHERE { ?e a nk:Visit }"}, headers={"Accept": "text/turtle"}
    )
    assert len(rdflib.Graph().parse(data=graph.text, format="turtle")) == 2
    assert remote.get("/sparql", params={"query": "ASK { ?e a nk:Sanction }"}).json()["boolean"] is True


def test_linked_data_and_health_over_the_remote_store(remote: httpx.Client, server: Server) -> None:
    assert remote.get("/health").json()["counts"]["events"] == 4
    page = remote.get("/id/country/russia", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=page.text, format="turtle")
    assert (rdflib.URIRef(server.iri("country/russia")), rdflib.RDFS.label, rdflib.Literal("Russia")) in graph


def test_the_deadline_holds_for_a_remote_query(remote: httpx.Client) -> None:
    response = remote.get("/sparql", params={"query": RUNAWAY})
    assert response.status_code == 503
    assert response.json()["error"] == "QueryTimeout"
    assert remote.get("/health").status_code == 200


def test_service_is_refused_before_reaching_the_remote(remote: httpx.Client) -> None:
    response = remote.get(
        "/sparql", params={"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}
    )
    assert response.status_code == 400


def test_listings_over_the_remote_store(remote: httpx.Client) -> None:
    events = remote.get("/events", params={"type": "Visit"}, headers={"Accept": "application/ld+json"}).json()
    assert events["hydra:totalItems"] == 2
    actors = remote.get("/actors", params={"q": "korea"}, headers={"Accept": "application/ld+json"}).json()
    assert [m["label"] for m in actors["hydra:member"]] == ["North Korea"]
