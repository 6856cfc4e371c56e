"""/id/{kind}/{slug}: dereferencing, negotiation, suffixes, Link headers, escaping, paging."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pyld.jsonld
import pytest
import rdflib
from conftest import Server
from rdflib.compare import isomorphic

NK = rdflib.Namespace("https://w3id.org/newskg/ontology#")
PUTIN = "person/vladimir-putin"


def turtle(client: httpx.Client, path: str) -> rdflib.Graph:
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 200, response.text
    return rdflib.Graph().parse(data=response.text, format="turtle")


def test_an_iri_dereferences_to_its_triples(client: httpx.Client, server: Server) -> None:
    graph = turtle(client, f"/id/{PUTIN}")
    putin = rdflib.URIRef(server.iri(PUTIN))
    assert (putin, rdflib.RDF.type, NK.Person) in graph
    assert (putin, NK.country, rdflib.URIRef(server.iri("country/russia"))) in graph
    # labels of what it links to, and its events as incoming links
    assert (rdflib.URIRef(server.iri("country/russia")), rdflib.RDFS.label, rdflib.Literal("Russia")) in graph
    event = rdflib.URIRef(server.iri("event/visit-vladimir-putin-pyongyang-2024"))
    assert (event, NK.agent, putin) in graph


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("text/html", "text/html"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("*/*", "text/turtle"),
        ("application/rdf+xml;q=0.5, text/turtle;q=0.4", "application/rdf+xml"),
    ],
)
def test_content_negotiation(client: httpx.Client, accept: str, media_type: str) -> None:
    response = client.get(f"/id/{PUTIN}", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert "Accept" in response.headers["vary"]


def test_406_when_nothing_is_acceptable(client: httpx.Client) -> None:
    response = client.get(f"/id/{PUTIN}", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.json()["message"]


@pytest.mark.parametrize(
    ("suffix", "media_type", "rdflib_format"),
    [
        (".ttl", "text/turtle", "turtle"),
        (".jsonld", "application/ld+json", "json-ld"),
        (".nt", "application/n-triples", "nt"),
        (".rdf", "application/rdf+xml", "xml"),
    ],
)
def test_suffix_urls_are_the_same_graph(
    client: httpx.Client, suffix: str, media_type: str, rdflib_format: str
) -> None:
    reference = turtle(client, f"/id/{PUTIN}")
    response = client.get(f"/id/{PUTIN}{suffix}", headers={"Accept": "text/html"})
    assert response.headers["content-type"].split(";")[0] == media_type
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert isomorphic(graph, reference)


def test_link_headers_name_the_alternates(client: httpx.Client) -> None:
    links = client.get(f"/id/{PUTIN}").headers["link"]
    for suffix, media_type in [
        (".ttl", "text/turtle"),
        (".jsonld", "application/ld+json"),
        (".nt", "application/n-triples"),
    ]:
        assert f'</id/{PUTIN}{suffix}>; rel="alternate"; type="{media_type}"' in links


def loader(client: httpx.Client) -> Any:
    def load(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        response = client.get(url)
        assert response.status_code == 200, url
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": response.json(),
        }

    return load


def test_jsonld_is_compact_and_expands_to_the_turtle_graph(client: httpx.Client, server: Server) -> None:
    document = client.get(f"/id/{PUTIN}.jsonld").json()
    assert document["@context"] == server.url + "context.jsonld"
    putin = document["@graph"][0]
    assert putin["@id"] == server.iri(PUTIN)
    assert putin["@type"] == "nk:Person"
    assert putin["country"] == server.iri("country/russia")  # an @id-typed term: a plain IRI string
    assert putin["label"] == "Vladimir Putin"
    nquads = pyld.jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": loader(client)})
    expanded = rdflib.Graph().parse(data=nquads, format="nt")
    assert isomorphic(expanded, turtle(client, f"/id/{PUTIN}"))


def test_jsonld_of_an_event_keeps_datatypes(client: httpx.Client, server: Server) -> None:
    path = "/id/event/sanction-united-states-russia-2024"
    document = client.get(path, headers={"Accept": "application/ld+json"}).json()
    event = document["@graph"][0]
    assert event["date"] == {"@value": "2024-02", "@type": "http://www.w3.org/2001/XMLSchema#gYearMonth"}
    assert event["status"] == "https://w3id.org/newskg/ontology#Occurred"
    nquads = pyld.jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": loader(client)})
    assert isomorphic(rdflib.Graph().parse(data=nquads, format="nt"), turtle(client, path))


def test_unknown_iris_are_404(client: httpx.Client) -> None:
    for path in ("/id/person/nobody-at-all", "/id/planet/mars", "/id/person/Not_A_Slug", f"/id/{PUTIN}.exe"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"] == "NotFound"


def test_an_actor_page_lists_its_events(client: httpx.Client) -> None:
    page = client.get("/id/country/russia", headers={"Accept": "text/html"}).text
    assert "United States sanctions Russia" in page
    assert 'href="/id/event/sanction-united-states-russia-2024"' in page
    assert "nk:target" in page


def test_html_escapes_every_literal(client: httpx.Client) -> None:
    page = client.get("/id/event/espionage-china-united-kingdom-2024.html").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_incoming_links_are_paged(client: httpx.Client, server: Server) -> None:
    # Russia has 4 incoming links here (Putin's nk:country, the sanction's target...); one page holds 50.
    graph = turtle(client, "/id/country/russia?page=2")
    russia = rdflib.URIRef(server.iri("country/russia"))
    assert (russia, rdflib.RDFS.label, rdflib.Literal("Russia")) in graph
    assert not list(graph.subject_predicates(russia))
    assert client.get("/id/country/russia?page=0").status_code == 400


def test_an_article_page_links_to_its_graph(client: httpx.Client, server: Server) -> None:
    page = client.get("/id/article/2024-05-05-xi-visits-france", headers={"Accept": "text/html"}).text
    assert "/graph?graph=" in page
    assert json.dumps("Xi Jinping arrives in France")[1:-1] in page


def test_a_browser_gets_errors_as_a_page(client: httpx.Client) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/id/person/<nobody>", headers={"Accept": accept})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "404 · NotFound" in response.text and "&lt;nobody&gt;" in response.text
    assert client.get("/id/person/nobody").json()["status"] == 404  # JSON for everyone else


def test_conditional_get_answers_304_for_an_unchanged_resource(client: httpx.Client) -> None:
    first = client.get(f"/id/{PUTIN}", headers={"Accept": "text/turtle"})
    tag = first.headers["etag"]
    again = client.get(f"/id/{PUTIN}", headers={"Accept": "text/turtle", "If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    other = client.get(f"/id/{PUTIN}", headers={"Accept": "application/ld+json", "If-None-Match": tag})
    assert other.status_code == 200  # another representation, another tag
    ontology = client.get("/ontology.ttl")
    assert client.get("/ontology.ttl", headers={"If-None-Match": ontology.headers["etag"]}).status_code == 304


def test_iris_minted_under_another_base_still_dereference(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`kg ingest` with the default base, then `kg serve` with NEWSKG_BASE_IRI set to the real host."""
    from rdflib import Graph

    from tests.api.conftest import start_server, stop_server

    process, running = start_server(tmp_path, data_base="http://localhost:8000/")
    try:
        page = httpx.get(
            running.url + "id/event/visit-xi-jinping-france-2024", headers={"Accept": "text/turtle"}
        )
        assert page.status_code == 200, page.text
        graph = Graph().parse(data=page.text, format="turtle")
        assert (None, None, None) in graph
        subjects = {str(s) for s in graph.subjects()}
        assert "http://localhost:8000/id/event/visit-xi-jinping-france-2024" in subjects
        missing = httpx.get(running.url + "id/event/no-such-event", headers={"Accept": "text/turtle"})
        assert missing.status_code == 404
    finally:
        stop_server(process)
