"""/events and /actors: paged listings as Hydra collections in JSON-LD, or HTML for people.

The SPARQL is written here from validated parameters (:mod:`api.sparql_text`) and evaluated by the
same query engine as /sparql, so listings share its deadline and snapshot.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import urlencode

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from rdflib import RDFS

from api import negotiation, sparql_text
from api.deps import QueriesDep, SettingsDep
from api.describe import local_href
from api.errors import HttpProblem
from api.jsonld import HYDRA, curie, entry
from api.results import QueryJob
from api.workers import QueryEngine
from kg import iris, resources, vocab
from kg.config import Settings
from kg.errors import InputError

router = APIRouter(tags=["listings"])

PAGE_SIZE = 20
OFFERED = (negotiation.JSONLD, negotiation.HTML)
ACTOR_KINDS = ("person", "organization", "country", "city")
ROLES = "nk:agent nk:target nk:host nk:destination nk:onBehalfOf nk:reportedBy"
EVENT_COLUMNS = (
    "SELECT ?item (SAMPLE(?t) AS ?type) (MAX(?d) AS ?date) (SAMPLE(?l) AS ?label)"
    " (SAMPLE(?an) AS ?agent) (SAMPLE(?on) AS ?other)"
)
Page = Annotated[int, Query(ge=1, le=10_000, description=f"Page number ({PAGE_SIZE} items a page)")]


@lru_cache(maxsize=1)
def event_types() -> tuple[str, ...]:
    """Local names of the event classes in the ontology (Visit, Sanction, Espionage...)."""
    graph = resources.ontology_graph()
    found = graph.transitive_subjects(RDFS.subClassOf, vocab.Event)
    return tuple(
        sorted(
            str(c).rsplit("#", 1)[1] for c in found if str(c).startswith(str(vocab.NK)) and c != vocab.Event
        )
    )


@dataclass(frozen=True)
class Listing:
    """One page of a collection, ready for JSON-LD or HTML."""

    collection: str  # URL of the whole (filtered) collection
    page: int
    total: int
    members: list[dict[str, Any]]  # rows: column -> pyoxigraph term

    @property
    def last_page(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


async def _rows(queries: QueryEngine, text: str, limit: int) -> list[dict[str, Any]]:
    job = QueryJob(vocab.sparql_prologue() + text, negotiation.SPARQL_JSON.media_type, max_rows=limit)
    data = json.loads(await queries.run(job))
    return [{name: _term(value) for name, value in row.items()} for row in data["results"]["bindings"]]


def _term(value: dict[str, str]) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if value["type"] == "uri":
        return ox.NamedNode(value["value"])
    if value["type"] == "bnode":
        return ox.BlankNode(value["value"])
    if "xml:lang" in value:
        return ox.Literal(value["value"], language=value["xml:lang"])
    if "datatype" in value:
        return ox.Literal(value["value"], datatype=ox.NamedNode(value["datatype"]))
    return ox.Literal(value["value"])


async def _page(
    queries: QueryEngine, select: str, where: str, order: str, page: int
) -> tuple[int, list[dict[str, Any]]]:
    counted = await _rows(queries, f"SELECT (COUNT(DISTINCT ?item) AS ?n) WHERE {{ {where} }}", 1)
    total = int(counted[0]["n"].value) if counted else 0
    offset = (page - 1) * PAGE_SIZE
    text = f"{select} WHERE {{ {where} }} GROUP BY ?item ORDER BY {order} LIMIT {PAGE_SIZE} OFFSET {offset}"
    return total, await _rows(queries, text, PAGE_SIZE)


def _collection_url(request: Request, **params: str | None) -> str:
    kept = {k: v for k, v in params.items() if v}
    base = str(request.url.replace(query="", fragment=""))
    return f"{base}?{urlencode(kept)}" if kept else base


def _page_url(collection: str, page: int) -> str:
    return f"{collection}{'&' if '?' in collection else '?'}page={page}"


def title(row: dict[str, Any]) -> str:
    """What to call a member: its label, else 'Visit: Kim Jong-un → Russia', else its IRI."""
    if "label" in row:
        return str(row["label"].value)
    if "agent" in row:
        kind = curie(row["type"].value).removeprefix("nk:") if "type" in row else "Event"
        other = f" → {row['other'].value}" if "other" in row else ""
        return f"{kind}: {row['agent'].value}{other}"
    return str(row["item"].value)


def hydra(listing: Listing, settings: Settings, site: str) -> dict[str, Any]:
    """The page as a hydra:Collection with a hydra:PartialCollectionView; `site` is this
    server's root URL, for links to other listings."""
    members = []
    for row in listing.members:
        node: dict[str, Any] = {"@id": row["item"].value, "hydra:title": title(row)}
        if "type" in row:
            node["@type"] = curie(row["type"].value)
        for column, predicate in (("label", str(RDFS.label)), ("date", str(vocab.date))):
            if column in row:
                key, value = entry(predicate, row[column])
                node[key] = value
        if "events" in row:
            # An actor links to the collection of its events, with their number.
            node["hydra:collection"] = {
                "@id": f"{site}events?{urlencode({'actor': _actor_key(row['item'].value, settings)})}",
                "@type": "hydra:Collection",
                "hydra:totalItems": int(row["events"].value),
            }
        members.append(node)
    view: dict[str, Any] = {
        "@id": _page_url(listing.collection, listing.page),
        "@type": "hydra:PartialCollectionView",
        "hydra:first": {"@id": _page_url(listing.collection, 1)},
        "hydra:last": {"@id": _page_url(listing.collection, listing.last_page)},
    }
    if listing.page > 1:
        view["hydra:previous"] = {"@id": _page_url(listing.collection, listing.page - 1)}
    if listing.page < listing.last_page:
        view["hydra:next"] = {"@id": _page_url(listing.collection, listing.page + 1)}
    return {
        "@context": [f"{settings.base_iri}context.jsonld", {"hydra": HYDRA}],
        "@id": listing.collection,
        "@type": "hydra:Collection",
        "hydra:totalItems": listing.total,
        "hydra:member": members,
        "hydra:view": view,
    }


def _format(request: Request) -> negotiation.Format:
    fmt = negotiation.negotiate(request.headers.get("accept"), OFFERED)
    if fmt is None:
        raise HttpProblem(406, "listings are available as application/ld+json or text/html")
    return fmt


def _respond(
    request: Request,
    listing: Listing,
    settings: Settings,
    fmt: negotiation.Format,
    template: str,
    **extra: Any,
) -> Response:
    if fmt is negotiation.HTML:
        rows = [
            {
                "href": local_href(settings.base_iri, row["item"].value),
                "label": title(row),
                "type": curie(row["type"].value).removeprefix("nk:") if "type" in row else "",
                "date": row["date"].value if "date" in row else "",
                "events": int(row["events"].value) if "events" in row else None,
            }
            for row in listing.members
        ]
        page = request.app.state.templates.get_template(template).render(
            listing=listing,
            rows=rows,
            previous=_page_url(listing.collection, listing.page - 1) if listing.page > 1 else None,
            next=_page_url(listing.collection, listing.page + 1)
            if listing.page < listing.last_page
            else None,
            **extra,
        )
        return HTMLResponse(page, headers={"Vary": "Accept"})
    document = hydra(listing, settings, str(request.base_url))
    body = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    return Response(body, media_type=negotiation.JSONLD.content_type, headers={"Vary": "Accept"})


def _actor_key(iri: str, settings: Settings) -> str:
    parsed = iris.parse(settings.base_iri, iri)
    return f"{parsed.kind}/{parsed.slug}" if parsed else iri


def actor_iri(value: str, settings: Settings) -> str:
    """An actor's IRI from its IRI or its key (`country/russia`); InputError otherwise."""
    candidate = value if "://" in value else iris.iri(settings.base_iri, value.strip("/"))
    parsed = iris.parse(settings.base_iri, candidate)
    if parsed is None or parsed.kind not in ACTOR_KINDS:
        raise InputError(
            f"actor={value!r} is not an actor of this graph: give its IRI or key, e.g. country/russia"
        )
    return candidate


@router.get("/events", summary="Events, newest first, filtered by type, actor and date")
async def events(
    request: Request,
    queries: QueriesDep,
    settings: SettingsDep,
    type: Annotated[
        str | None, Query(description="Event class: Visit, Sanction, Espionage", examples=["Visit"])
    ] = None,
    actor: Annotated[
        str | None, Query(description="An actor's IRI or key", examples=["country/russia"])
    ] = None,
    from_: Annotated[
        str | None, Query(alias="from", description="YYYY[-MM[-DD]]", examples=["2024-01"])
    ] = None,
    to: Annotated[str | None, Query(description="YYYY[-MM[-DD]], inclusive", examples=["2024-06"])] = None,
    page: Page = 1,
) -> Response:
    """A hydra:Collection of events (JSON-LD), or the timeline page for a browser. Dates compare by
    their ISO prefix, so `to=2024-06` includes every June date; with a date filter, undated
    events are left out."""
    fmt = _format(request)
    where = _events_where(settings, type, actor, from_, to)
    select = EVENT_COLUMNS
    total, rows = await _page(queries, select, where, "DESC(STR(?date)) ?item", page)
    listing = Listing(
        _collection_url(request, type=type, actor=actor, **{"from": from_}, to=to), page, total, rows
    )
    filters = {"type": type or "", "actor": actor or "", "from": from_ or "", "to": to or ""}
    return _respond(request, listing, settings, fmt, "events.html", filters=filters, types=event_types())


def _events_where(
    settings: Settings, type_: str | None, actor: str | None, start: str | None, end: str | None
) -> str:
    if type_ is not None and type_ not in event_types():
        raise InputError(f"type={type_!r} is not an event type; use one of {', '.join(event_types())}")
    types = " ".join(f"nk:{t}" for t in ([type_] if type_ else event_types()))
    parts = [f"VALUES ?t {{ {types} }} ?item a ?t ."]
    if actor is not None:
        node = sparql_text.iri(actor_iri(actor, settings))
        parts.append(f"FILTER EXISTS {{ VALUES ?role {{ {ROLES} }} ?item ?role {node} }}")
    parts.append("OPTIONAL { ?item nk:date ?d } OPTIONAL { ?item rdfs:label ?l }")
    parts.append("OPTIONAL { ?item nk:agent/rdfs:label ?an }")
    parts.append("OPTIONAL { ?item (nk:destination|nk:target)/rdfs:label ?on }")
    if start is not None:
        value = sparql_text.literal(sparql_text.date_prefix(start, "from"))
        parts.append(f"FILTER(BOUND(?d) && SUBSTR(STR(?d), 1, STRLEN({value})) >= {value})")
    if end is not None:
        value = sparql_text.literal(sparql_text.date_prefix(end, "to"))
        parts.append(f"FILTER(BOUND(?d) && SUBSTR(STR(?d), 1, STRLEN({value})) <= {value})")
    return " ".join(parts)


@router.get("/actors", summary="Actors, most active first, searchable by name")
async def actors(
    request: Request,
    queries: QueriesDep,
    settings: SettingsDep,
    q: Annotated[
        str | None, Query(max_length=200, description="Part of a name or alias", examples=["kor"])
    ] = None,
    page: Page = 1,
) -> Response:
    """A hydra:Collection of people, organisations and countries (JSON-LD) or an HTML table;
    each member's `hydra:totalItems` is the number of events it takes part in."""
    fmt = _format(request)
    where = "VALUES ?t { nk:Person nk:Organization nk:Country } ?item a ?t ; rdfs:label ?l ."
    if q:
        needle = sparql_text.literal(q)
        in_label = f"CONTAINS(LCASE(STR(?l)), LCASE({needle}))"
        in_alias = f'CONTAINS(LCASE(STR(COALESCE(?alt, ""))), LCASE({needle}))'
        where += f" OPTIONAL {{ ?item skos:altLabel ?alt }} FILTER({in_label} || {in_alias})"
    where += f" OPTIONAL {{ VALUES ?role {{ {ROLES} }} ?e ?role ?item }}"
    select = "SELECT ?item (SAMPLE(?t) AS ?type) (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?e) AS ?events)"
    total, rows = await _page(queries, select, where, "DESC(?events) ?label", page)
    listing = Listing(_collection_url(request, q=q), page, total, rows)
    return _respond(request, listing, settings, fmt, "actors.html", q=q or "")


@router.get("/timeline", summary="The timeline of events (HTML)", response_class=HTMLResponse)
async def timeline(request: Request, queries: QueriesDep, settings: SettingsDep, page: Page = 1) -> Response:
    """Every event by date, newest first, for people; the same data as /events."""
    where = _events_where(settings, None, None, None, None)
    select = EVENT_COLUMNS
    total, rows = await _page(queries, select, where, "DESC(STR(?date)) ?item", page)
    listing = Listing(_collection_url(request), page, total, rows)
    filters = {"type": "", "actor": "", "from": "", "to": ""}
    html = negotiation.HTML
    return _respond(request, listing, settings, html, "events.html", filters=filters, types=event_types())
