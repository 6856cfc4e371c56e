"""/ontology, /shapes, /context.jsonld."""

from __future__ import annotations

import httpx
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg import resources

NK = rdflib.Namespace("https://w3id.org/newskg/ontology#")


@pytest.mark.parametrize(
    ("path", "accept", "rdflib_format"),
    [
        ("/ontology", "text/turtle", "turtle"),
        ("/ontology", "application/rdf+xml", "xml"),
        ("/ontology", "application/ld+json", "json-ld"),
        ("/ontology.owl", "*/*", "xml"),
        ("/ontology.ttl", "*/*", "turtle"),
        ("/ontology.nt", "*/*", "nt"),
    ],
)
def test_the_ontology_in_every_rdf_format_is_the_edit_file(
    client: httpx.Client, path: str, accept: str, rdflib_format: str
) -> None:
    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert isomorphic(graph, resources.ontology_graph())


def test_the_ontology_page_lists_classes_properties_and_codes(client: httpx.Client) -> None:
    response = client.get("/ontology", headers={"Accept": "text/html"})
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    for term in ("nk:Visit", "nk:Sanction", "nk:Espionage", "nk:agent", "nk:date", "nk:Occurred"):
        assert f"<code>{term}</code>" in page
    assert "CAMEO <code>042</code>" in page and "PLOVER <code>SANCTION</code>" in page
    assert "nk:Actor or nk:Place" in page  # a union domain, named


def test_shapes_are_turtle(client: httpx.Client) -> None:
    response = client.get("/shapes")
    assert response.headers["content-type"].startswith("text/turtle")
    assert isomorphic(rdflib.Graph().parse(data=response.text, format="turtle"), resources.shapes_graph())


def test_context_maps_terms_to_the_ontology(client: httpx.Client) -> None:
    response = client.get("/context.jsonld")
    assert response.headers["content-type"].startswith("application/ld+json")
    terms = response.json()["@context"]
    assert terms["agent"] == {"@id": "nk:agent", "@type": "@id"}
    assert terms["nk"] == str(NK)
    for term in ("target", "destination", "host", "date", "label", "title", "wasDerivedFrom"):
        assert term in terms
