"""/id/{kind}/{slug}: every IRI newskg mints dereferences here.

By Accept: text/html, text/turtle, application/ld+json (compact, with /context.jsonld),
application/n-triples, application/rdf+xml; or by suffix: `.ttl`, `.jsonld`, `.nt`,
`.rdf`, `.html`. `Link` headers name the alternates. Unknown IRIs are 404.
"""

from __future__ import annotations

import json
from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from api import negotiation
from api.caching import conditional
from api.deps import LabelsDep, MirrorDep, SettingsDep, StoreDep
from api.describe import PAGE_SIZE, Description, Lookups, describe, view
from api.errors import not_acceptable
from api.jsonld import compact
from api.negotiation import Format
from kg import iris, vocab
from kg.errors import NotFound

router = APIRouter(tags=["linked data"])

OFFERED: tuple[Format, ...] = (
    negotiation.TURTLE,
    negotiation.HTML,
    negotiation.JSONLD,
    negotiation.NTRIPLES,
    negotiation.RDFXML,
)
_EXAMPLE_TURTLE = """@prefix nk: <https://w3id.org/newskg/ontology#> .
<http://localhost:8000/id/country/russia> a nk:Country ; rdfs:label "Russia" ."""


@router.get(
    "/id/{kind}/{name}",
    summary="Dereference a newskg IRI",
    responses={
        200: {
            "description": "The resource's triples, labels of what it links to, a page of incoming links",
            "content": {
                "text/turtle": {"example": _EXAMPLE_TURTLE},
                "text/html": {},
                "application/ld+json": {},
                "application/n-triples": {},
                "application/rdf+xml": {},
            },
        },
        404: {"description": "no such IRI in the store"},
        406: {"description": "no acceptable format"},
    },
)
def resource(
    kind: str,
    name: str,
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    labels: LabelsDep,
    mirror: MirrorDep,
    page: Annotated[
        int, Query(ge=1, le=100_000, description=f"Page of incoming links ({PAGE_SIZE} a page)")
    ] = 1,
) -> Response:
    """`kind` is one of article, person, organization, country, city, event, graph; `name`
    is the slug, optionally with a format suffix (`russia.ttl`)."""
    slug, dot, suffix = name.partition(".")
    iri = iris.iri(settings.base_iri, f"{kind}/{slug}")
    if iris.parse(settings.base_iri, iri) is None:
        raise NotFound(f"/id/{kind}/{name} is not a newskg IRI: kinds are {', '.join(iris.KINDS)}")
    if dot:
        chosen = negotiation.by_suffix("." + suffix, OFFERED)
        if chosen is None:
            suffixes = ", ".join(f.suffix for f in OFFERED if f.suffix)
            raise NotFound(f"unknown format suffix .{suffix}; use one of {suffixes}")
    else:
        chosen = negotiation.negotiate(request.headers.get("accept"), OFFERED)
        if chosen is None:
            raise not_acceptable(OFFERED)
    base = settings.base_iri
    # The in-memory copy of the default graph when it is current, else the store on disk.
    copy = mirror.fresh() if mirror is not None else None
    source, names = (copy, copy.labels) if copy is not None else (store, labels)
    description = describe(source, iri, page, labels=names)
    if description is None:
        # Data ingested under another base (the default http://localhost:8000/, say) still
        # dereferences here: the path names the resource whatever host minted it.
        for other in _stored_bases(source, settings.base_iri):
            description = describe(source, iris.iri(other, f"{kind}/{slug}"), page, labels=names)
            if description is not None:
                base = other
                break
    if description is None:
        raise NotFound(f"the store holds nothing about <{iri}>")
    headers = {"Link": _alternates(kind, slug), "Vary": "Accept"}
    if chosen is negotiation.HTML:
        return conditional(request, _html(request, description, base, kind, slug, headers))
    body = render(description, chosen, base)
    return conditional(request, Response(body, media_type=chosen.content_type, headers=headers))


def _stored_bases(store: Lookups, configured: str) -> list[str]:
    """Bases other than the configured one under which the store's articles were minted."""
    marker = "id/article/"
    bases: set[str] = set()
    article = ox.NamedNode(str(vocab.Article))
    for triple in store.triples(predicate=ox.NamedNode(RDF_TYPE), obj=article, limit=10_000):
        value = triple.subject.value if isinstance(triple.subject, ox.NamedNode) else ""
        if marker in value:
            bases.add(value[: value.index(marker)])
    bases.discard(configured)
    return sorted(bases)


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def render(description: Description, fmt: Format, base: str) -> bytes:
    """The description in an RDF format; JSON-LD compact against the published context."""
    if fmt is negotiation.JSONLD:
        document = compact(description.triples(), f"{base}context.jsonld", first=description.iri)
        # Compact separators: indent sends json.dumps down its pure-Python path (3x slower here).
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert fmt.rdf is not None
    return ox.serialize(description.triples(), format=fmt.rdf, prefixes=dict(vocab.PREFIXES)) or b""


def _alternates(kind: str, slug: str) -> str:
    links = [f'</id/{kind}/{slug}{fmt.suffix}>; rel="alternate"; type="{fmt.media_type}"' for fmt in OFFERED]
    return ", ".join(links)


def _html(
    request: Request, description: Description, base: str, kind: str, slug: str, headers: dict[str, str]
) -> HTMLResponse:
    templates = request.app.state.templates
    page = templates.get_template("entity.html").render(
        v=view(description, base),
        description=description,
        path=f"/id/{kind}/{slug}",
        alternates=[fmt for fmt in OFFERED if fmt is not negotiation.HTML],
        graph_href=f"/graph?graph={description.iri}" if description.is_graph else None,
    )
    return HTMLResponse(page, headers=headers)
