"""/graph (Graph Store Protocol, read only) and /void (the dataset described with VoID).

`/graph?graph=IRI` is one named graph (an article's), `/graph?default` the default graph (the
union of all of them), `/graph` alone the whole dataset as N-Quads or TriG. HEAD answers the
same headers without a body.
"""

from __future__ import annotations

import io
from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from rdflib import DCTERMS, RDF

from api import negotiation
from api.caching import conditional
from api.deps import CountsDep, SettingsDep, StoreDep
from api.errors import not_acceptable
from api.negotiation import Format
from kg import vocab
from kg.config import Settings
from kg.errors import InputError, NotFound
from kg.store import Counts

router = APIRouter(tags=["dataset"])

VOID = "http://rdfs.org/ns/void#"
_GRAPH_EXAMPLE = """<http://localhost:8000/id/event/visit-vladimir-putin-north-korea-2024> a nk:Visit ;
    nk:agent <http://localhost:8000/id/person/vladimir-putin> ;
    nk:destination <http://localhost:8000/id/country/north-korea> ;
    nk:date "2024-06-18"^^xsd:date ."""
_VOID_EXAMPLE = """<http://localhost:8000/void#newskg> a void:Dataset ;
    void:sparqlEndpoint <http://localhost:8000/sparql> ;
    void:triples 1262 ;
    void:classPartition [ void:class nk:Visit ; void:entities 25 ] ."""
VOID_FORMATS: tuple[Format, ...] = (negotiation.TURTLE, negotiation.HTML, *negotiation.GRAPH_FORMATS[1:])


def _choose(request: Request, offered: tuple[Format, ...]) -> Format:
    fmt = negotiation.negotiate(request.headers.get("accept"), offered)
    if fmt is None:
        raise not_acceptable(offered)
    return fmt


def _send(request: Request, body: bytes, fmt: Format) -> Response:
    response = conditional(request, Response(body, media_type=fmt.content_type, headers={"Vary": "Accept"}))
    if request.method == "HEAD" and response.status_code == 200:
        headers = {"Vary": "Accept", "ETag": response.headers["etag"], "Content-Length": str(len(body))}
        return Response(b"", media_type=fmt.content_type, headers=headers)
    return response


@router.head("/graph", include_in_schema=False)
@router.get(
    "/graph",
    summary="A named graph, the default graph, or the whole dataset (GET or HEAD)",
    responses={
        200: {
            "content": {
                "text/turtle": {"example": _GRAPH_EXAMPLE},
                **{f.media_type: {} for f in (*negotiation.GRAPH_FORMATS[1:], *negotiation.DATASET_FORMATS)},
            },
            "description": "Turtle/N-Triples/JSON-LD/RDF-XML for one graph; N-Quads/TriG for the dataset",
        },
        404: {"description": "no such graph"},
    },
)
def graph(
    request: Request,
    store: StoreDep,
    graph: Annotated[
        str | None,
        Query(
            description="IRI of a named graph (an article's IRI)",
            examples=["http://localhost:8000/id/article/..."],
        ),
    ] = None,
    default: Annotated[str | None, Query(description="Present (`?default`) for the default graph")] = None,
) -> Response:
    """The Graph Store HTTP Protocol's GET, read only."""
    if graph is not None and default is not None:
        raise InputError("ask for ?graph=IRI or ?default, not both")
    if graph is None and default is None:
        fmt = _choose(request, negotiation.DATASET_FORMATS)
        assert fmt.rdf is not None
        out = io.BytesIO()
        store.export(out, fmt.rdf)
        return _send(request, out.getvalue(), fmt)
    fmt = _choose(request, negotiation.GRAPH_FORMATS)
    assert fmt.rdf is not None
    if default is not None:
        out = io.BytesIO()
        store.export(out, fmt.rdf)
        return _send(request, out.getvalue(), fmt)
    assert graph is not None
    try:
        ox.NamedNode(graph)
    except ValueError as exc:
        raise InputError(f"graph={graph!r} is not an absolute IRI") from exc
    if not store.has_graph(graph):
        raise NotFound(
            f"no graph <{graph}> in the store; /sparql with SELECT DISTINCT ?g {{ GRAPH ?g {{}} }} lists them"
        )
    triples = store.graph_triples(graph)
    body = ox.serialize(triples, format=fmt.rdf, prefixes=dict(vocab.PREFIXES)) or b""
    return _send(request, body, fmt)


@router.head("/void", include_in_schema=False)
@router.get(
    "/void",
    summary="The dataset described with VoID, with counts (GET or HEAD)",
    responses={200: {"content": {"text/turtle": {"example": _VOID_EXAMPLE}, "text/html": {}}}},
)
def void(request: Request, counted: CountsDep, settings: SettingsDep) -> Response:
    """void:Dataset with its SPARQL endpoint, dump, URI space, vocabulary, triple count and one
    class partition per class (entities counted once each)."""
    fmt = _choose(request, VOID_FORMATS)
    counts = counted.get()
    triples = void_triples(settings, counts)
    if fmt is negotiation.HTML:
        turtle = (ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES) or b"").decode()
        page = request.app.state.templates.get_template("void.html").render(counts=counts, turtle=turtle)
        return HTMLResponse(page, headers={"Vary": "Accept"})
    assert fmt.rdf is not None
    return _send(request, ox.serialize(triples, format=fmt.rdf, prefixes=_PREFIXES) or b"", fmt)


_PREFIXES = {"void": VOID, **vocab.PREFIXES}


def void_triples(settings: Settings, counts: Counts) -> list[ox.Triple]:
    """The VoID description of this dataset."""
    base = settings.base_iri
    dataset = ox.NamedNode(f"{base}void#newskg")

    def v(name: str) -> ox.NamedNode:
        return ox.NamedNode(VOID + name)

    def number(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))

    triples = [
        ox.Triple(dataset, ox.NamedNode(str(RDF.type)), v("Dataset")),
        ox.Triple(dataset, ox.NamedNode(str(DCTERMS.title)), ox.Literal("newskg event knowledge graph")),
        ox.Triple(dataset, v("sparqlEndpoint"), ox.NamedNode(f"{base}sparql")),
        ox.Triple(dataset, v("dataDump"), ox.NamedNode(f"{base}graph")),
        ox.Triple(dataset, v("uriSpace"), ox.Literal(f"{base}id/")),
        ox.Triple(dataset, v("vocabulary"), ox.NamedNode(vocab.ONTOLOGY_IRI)),
        ox.Triple(dataset, v("triples"), number(counts.triples)),
        ox.Triple(dataset, v("documents"), number(counts.articles)),
        ox.Triple(dataset, v("entities"), number(counts.actors + counts.events + counts.articles)),
    ]
    partitions = {"Article": counts.articles, **counts.events_by_type}
    for name, n in partitions.items():
        partition = ox.BlankNode(f"class-{name}")
        triples += [
            ox.Triple(dataset, v("classPartition"), partition),
            ox.Triple(partition, v("class"), ox.NamedNode(str(vocab.NK) + name)),
            ox.Triple(partition, v("entities"), number(n)),
        ]
    return triples
