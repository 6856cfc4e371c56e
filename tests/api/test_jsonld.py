"""api/jsonld.py: compact JSON-LD expands back to exactly the triples it was written from."""

from __future__ import annotations

from typing import Any

import pyld.jsonld
import pyoxigraph as ox
import rdflib
from hypothesis import given
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from api.jsonld import compact, context

CONTEXT_URL = "http://localhost:8000/context.jsonld"
NK = "https://w3id.org/newskg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SUBJECT = ox.NamedNode("http://localhost:8000/id/event/x")


def load(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    assert url == CONTEXT_URL
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": context(),
    }


def round_trip(triples: list[ox.Triple]) -> bool:
    document = compact(triples, CONTEXT_URL)
    nquads = pyld.jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": load})
    expanded = rdflib.Graph().parse(data=nquads, format="nt")
    ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return isomorphic(expanded, rdflib.Graph().parse(data=ntriples.decode(), format="nt"))


def test_terms_and_coercions_round_trip() -> None:
    triples = [
        ox.Triple(
            SUBJECT, ox.NamedNode(NK + "agent"), ox.NamedNode("http://localhost:8000/id/country/russia")
        ),
        ox.Triple(
            SUBJECT,
            ox.NamedNode(NK + "date"),
            ox.Literal("2024-06", datatype=ox.NamedNode(XSD + "gYearMonth")),
        ),
        ox.Triple(SUBJECT, ox.NamedNode("http://purl.org/dc/terms/issued"), ox.Literal("not a date")),
        ox.Triple(
            SUBJECT,
            ox.NamedNode("http://purl.org/dc/terms/issued"),
            ox.Literal("2024-06-18T12:09:45+00:00", datatype=ox.NamedNode(XSD + "dateTime")),
        ),
        ox.Triple(SUBJECT, ox.NamedNode("https://schema.org/url"), ox.NamedNode("https://example.org/a")),
        ox.Triple(
            SUBJECT,
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal("Moskau", language="de"),
        ),
        ox.Triple(
            SUBJECT,
            ox.NamedNode("http://example.org/unknown"),
            ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")),
        ),
        ox.Triple(SUBJECT, ox.NamedNode(NK + "agent"), ox.Literal("a literal where an IRI is usual")),
    ]
    assert round_trip(triples)


@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=4))
def test_any_string_round_trips(values: list[str]) -> None:
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    evidence = ox.NamedNode(NK + "evidence")
    clean = [v.replace("\x00", "") for v in values]
    triples = [ox.Triple(SUBJECT, label if i % 2 else evidence, ox.Literal(v)) for i, v in enumerate(clean)]
    assert round_trip(list(dict.fromkeys(triples)))
