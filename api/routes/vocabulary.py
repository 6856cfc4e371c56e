"""/ontology, /shapes and /context.jsonld: the vocabulary the data is written in.

The ontology and shapes are the files in the repository (`kg.resources`), served as Turtle
unchanged and converted for other RDF formats; the ontology also has an HTML page listing its
classes and properties with labels, comments and CAMEO / PLOVER codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef

from api import negotiation
from api.caching import conditional
from api.describe import curie
from api.errors import not_acceptable
from api.jsonld import context
from api.negotiation import Format
from kg import resources, vocab
from kg.errors import NotFound

router = APIRouter(tags=["vocabulary"])

ONTOLOGY_FORMATS: tuple[Format, ...] = (
    negotiation.TURTLE,
    negotiation.HTML,
    negotiation.RDFXML,
    negotiation.JSONLD,
    negotiation.NTRIPLES,
)
SHAPES_FORMATS: tuple[Format, ...] = (
    negotiation.TURTLE,
    negotiation.NTRIPLES,
    negotiation.JSONLD,
    negotiation.RDFXML,
)
_SUFFIXES = {".owl": negotiation.RDFXML}  # the usual name of an ontology in RDF/XML


def _choose(request: Request, offered: tuple[Format, ...], suffix: str | None) -> Format:
    if suffix is not None:
        fmt = _SUFFIXES.get(suffix) or negotiation.by_suffix(suffix, offered)
        if fmt is None:
            raise NotFound(f"unknown format suffix {suffix}")
        return fmt
    fmt = negotiation.negotiate(request.headers.get("accept"), offered)
    if fmt is None:
        raise not_acceptable(offered)
    return fmt


def _rdf_file(request: Request, path: Path, fmt: Format) -> Response:
    data = path.read_bytes()
    if fmt is not negotiation.TURTLE:
        assert fmt.rdf is not None
        triples = ox.parse(data, format=ox.RdfFormat.TURTLE)
        data = ox.serialize(triples, format=fmt.rdf, prefixes=dict(vocab.PREFIXES)) or b""
    return conditional(request, Response(data, media_type=fmt.content_type, headers={"Vary": "Accept"}))


_ONTOLOGY_DOC = {
    "summary": "The newskg ontology (OWL)",
    "responses": {
        200: {
            "content": {
                "text/turtle": {
                    "example": 'nk:Visit a owl:Class ; rdfs:subClassOf nk:Event ; nk:cameoCode "042" .'
                },
                **{f.media_type: {} for f in ONTOLOGY_FORMATS[1:]},
            },
            "description": "Turtle (the edit file itself), RDF/XML, JSON-LD, N-Triples, or an HTML page",
        }
    },
}


@router.get("/ontology", **_ONTOLOGY_DOC)  # type: ignore[arg-type]
def ontology(request: Request) -> Response:
    """By Accept; `/ontology.ttl`, `.owl` / `.rdf`, `.jsonld`, `.nt`, `.html` choose
    a format by URL."""
    return _ontology(request, None)


@router.get("/ontology.{ext}", include_in_schema=False)
def ontology_by_suffix(ext: str, request: Request) -> Response:
    return _ontology(request, "." + ext)


def _ontology(request: Request, suffix: str | None) -> Response:
    fmt = _choose(request, ONTOLOGY_FORMATS, suffix)
    if fmt is negotiation.HTML:
        page = request.app.state.templates.get_template("ontology.html").render(**ontology_view())
        return HTMLResponse(page, headers={"Vary": "Accept"})
    return _rdf_file(request, resources.ontology_path(), fmt)


@router.get(
    "/shapes",
    summary="The SHACL shapes every article graph must satisfy",
    responses={
        200: {
            "content": {
                "text/turtle": {"example": "nk:VisitShape a sh:NodeShape ; sh:targetClass nk:Visit ."},
                **{f.media_type: {} for f in SHAPES_FORMATS[1:]},
            }
        }
    },
)
def shapes(request: Request) -> Response:
    """Turtle by default (the file itself); N-Triples, JSON-LD, RDF/XML by Accept."""
    return _rdf_file(request, resources.shapes_path(), _choose(request, SHAPES_FORMATS, None))


@router.get(
    "/context.jsonld",
    summary="The JSON-LD context of newskg documents",
    responses={
        200: {"content": {"application/ld+json": {"example": {"@context": {"agent": {"@id": "nk:agent"}}}}}}
    },
)
def jsonld_context() -> JSONResponse:
    """Prefixes, class names and one term per property (`agent`, `target`... are
    `@id`-typed), as used by the JSON-LD of /id/... and the listings."""
    return JSONResponse(
        context(), media_type="application/ld+json", headers={"Access-Control-Allow-Origin": "*"}
    )


# -- the HTML page -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    curie: str
    anchor: str
    label: str
    comment: str
    parents: tuple[str, ...] = ()
    domain: str = ""
    range: str = ""
    codes: tuple[tuple[str, str], ...] = ()  # (scheme, code): CAMEO 042, PLOVER CONSULT...


_CODES = (
    (vocab.NK.cameoCode, "CAMEO"),
    (vocab.NK.ploverEventType, "PLOVER"),
    (vocab.NK.ploverMode, "PLOVER mode"),
    (vocab.NK.ploverContext, "PLOVER context"),
)


def _name(graph: Graph, node: object) -> str:
    if isinstance(node, URIRef):
        return curie(str(node))
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            return " or ".join(_name(graph, m) for m in graph.items(members))
    return ""


def _strings(graph: Graph, node: URIRef, prop: URIRef) -> list[str]:
    return sorted(str(o) for o in graph.objects(node, prop))


def _term(graph: Graph, node: URIRef) -> Term:
    return Term(
        curie=curie(str(node)),
        anchor=str(node).rsplit("#", 1)[-1],
        label=str(graph.value(node, RDFS.label) or ""),
        comment=str(graph.value(node, RDFS.comment) or ""),
        parents=tuple(sorted(_name(graph, p) for p in graph.objects(node, RDFS.subClassOf))),
        domain=_name(graph, graph.value(node, RDFS.domain)),
        range=_name(graph, graph.value(node, RDFS.range)),
        codes=tuple(
            (scheme, str(code))
            for prop, scheme in _CODES
            for code in sorted(str(o) for o in graph.objects(node, prop))
        ),
    )


def ontology_view() -> dict[str, object]:
    """Classes, properties and individuals of the newskg namespace, for ontology.html."""
    graph = resources.ontology_graph()
    ours = str(vocab.NK)

    def terms(kind: URIRef) -> list[Term]:
        nodes = [
            n for n in graph.subjects(RDF.type, kind) if isinstance(n, URIRef) and str(n).startswith(ours)
        ]
        return [_term(graph, n) for n in sorted(nodes)]

    header = URIRef(vocab.ONTOLOGY_IRI)
    return {
        "iri": vocab.ONTOLOGY_IRI,
        "title": str(graph.value(header, RDFS.label) or "newskg ontology"),
        "comment": str(graph.value(header, RDFS.comment) or ""),
        "version": str(graph.value(header, OWL.versionInfo) or ""),
        "classes": terms(OWL.Class),
        "object_properties": terms(OWL.ObjectProperty),
        "data_properties": terms(OWL.DatatypeProperty),
        "annotation_properties": terms(OWL.AnnotationProperty),
        "individuals": terms(OWL.NamedIndividual),
    }
