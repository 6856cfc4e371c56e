"""/sparql: the SPARQL 1.1 Protocol query operation (GET, POST form, POST sparql-query).

The route only reads the request: it checks the query (size, SERVICE/LOAD, form), negotiates the
result format, and hands a :class:`~api.results.QueryJob` to the query engine, which evaluates it
within the deadline. Without a query, GET answers a service description (RDF) or the query page
(HTML), by Accept.
"""

from __future__ import annotations

import urllib.parse
from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from api import negotiation
from api.deps import QueriesDep, SettingsDep, read_bounded
from api.errors import HttpProblem, not_acceptable
from api.examples import EXAMPLES
from api.results import QueryJob
from api.sparql_guard import inspect
from kg import vocab
from kg.config import Settings
from kg.errors import ForbiddenQueryError, QueryError

router = APIRouter(tags=["SPARQL"])

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SERVICE_FORMATS = (negotiation.TURTLE, negotiation.HTML, *negotiation.GRAPH_FORMATS[1:])

_DOC_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "description": "SELECT/ASK results or a CONSTRUCT/DESCRIBE graph, in the negotiated format",
        "content": {
            "application/sparql-results+json": {
                "example": {
                    "head": {"vars": ["n"]},
                    "results": {"bindings": [{"n": {"type": "literal", "value": "25"}}]},
                }
            },
            **{fmt.media_type: {} for fmt in (*negotiation.RESULT_FORMATS[1:], *negotiation.GRAPH_FORMATS)},
        },
    },
    400: {"description": "syntax error, SERVICE/LOAD/update, bad Content-Type, two queries, too many rows"},
    406: {"description": "no acceptable result format"},
    413: {"description": "query text longer than the limit"},
    503: {"description": "deadline passed (the query was stopped) or too many queries in flight"},
}


@router.get("/sparql", name="sparql", responses=_DOC_RESPONSES, summary="SPARQL query (GET)")
async def sparql_get(
    request: Request,
    queries: QueriesDep,
    settings: SettingsDep,
    query: Annotated[
        list[str] | None, Query(description="The SPARQL query", examples=[EXAMPLES[1].query])
    ] = None,
    default_graph_uri: Annotated[
        list[str] | None,
        Query(alias="default-graph-uri", description="Graph(s) to query as the default graph"),
    ] = None,
    named_graph_uri: Annotated[
        list[str] | None, Query(alias="named-graph-uri", description="Graph(s) GRAPH may see (repeatable)")
    ] = None,
) -> Response:
    """Evaluate the `query` parameter. Without parameters: the service description, or the
    query page for a browser. `default-graph-uri` / `named-graph-uri` (repeatable) replace
    the query's FROM / FROM NAMED; they name graphs in this store and are never fetched."""
    # The declared parameters document the route; the raw query string is read instead, so that
    # a repeated `query` is seen (and refused) and percent-escapes that are not UTF-8 are caught.
    params = _params(request.url.query)
    if not params:
        return _service_description(request, settings)
    return await _evaluate(request, queries, settings, params)


@router.post(
    "/sparql",
    responses=_DOC_RESPONSES,
    summary="SPARQL query (POST)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                FORM: {"example": "query=ASK%20%7B%20%3Fe%20a%20nk%3AVisit%20%7D"},
                SPARQL_QUERY: {
                    "example": "SELECT ?actor ?name WHERE { ?actor a nk:Country ; rdfs:label ?name }"
                },
            },
        }
    },
)
async def sparql_post(request: Request, queries: QueriesDep, settings: SettingsDep) -> Response:
    """A query sent as `application/x-www-form-urlencoded` (`query=...`) or directly as
    `application/sparql-query` (graphs then in the URL's query string)."""
    content_type, *parameters = request.headers.get("content-type", "").split(";")
    content_type = content_type.strip().lower()
    if content_type not in (FORM, SPARQL_QUERY):
        raise QueryError(
            f"POST /sparql needs Content-Type {FORM} (query=...) or {SPARQL_QUERY} (the query as the body), "
            f"not {content_type or 'none'}"
        )
    _check_charset(parameters)
    body = await _read_limited(request, settings)
    text = _utf8(body)
    params = _params(request.url.query)
    if content_type == FORM:
        params += _params(text)
    else:
        if any(name == "query" for name, _ in params):
            raise QueryError("send the query either as the body or as a query parameter, not both")
        params.append(("query", text))
    return await _evaluate(request, queries, settings, params)


UTF8_CHARSETS = {"utf-8", "utf8", "us-ascii", "ascii"}  # ASCII is UTF-8


def _check_charset(parameters: list[str]) -> None:
    """QueryError for a declared charset other than UTF-8: SPARQL text is UTF-8 (Protocol 2.1.2/2.1.3),
    and a body in another encoding would be misread rather than refused."""
    for parameter in parameters:
        name, _, value = parameter.strip().partition("=")
        charset = value.strip().strip('"').lower()
        if name.strip().lower() == "charset" and charset not in UTF8_CHARSETS:
            raise QueryError(
                f"charset={charset} is not accepted: SPARQL text must be UTF-8 (charset=utf-8 or none)"
            )


async def _read_limited(request: Request, settings: Settings) -> bytes:
    """The body, refusing more than a query could need (form encoding triples its size)."""
    limit = 3 * settings.max_query_bytes + 64 * 1024
    return await read_bounded(request, limit, _too_large(settings))


def _too_large(settings: Settings) -> HttpProblem:
    return HttpProblem(
        413, f"the query is longer than {settings.max_query_bytes} bytes, the most this endpoint accepts"
    )


def _params(encoded: str) -> list[tuple[str, str]]:
    """Name-value pairs of a query string or form body, in order; QueryError for bad UTF-8."""
    try:
        return urllib.parse.parse_qsl(encoded, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise QueryError(
            f"a parameter is not UTF-8 once percent-decoded ({exc.reason}); SPARQL text must be UTF-8"
        ) from exc


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"the request body is not UTF-8 (byte {exc.start}); SPARQL text must be UTF-8"
        raise QueryError(message) from exc


async def _evaluate(
    request: Request, queries: QueriesDep, settings: Settings, params: list[tuple[str, str]]
) -> Response:
    texts = [value for name, value in params if name == "query"]
    if any(name == "update" for name, _ in params):
        raise ForbiddenQueryError("this endpoint answers queries only; SPARQL updates are not accepted")
    if len(texts) != 1:
        raise QueryError(
            "give exactly one query parameter" if texts else "missing the query parameter (query=SELECT ...)"
        )
    text = texts[0]
    if len(text.encode("utf-8")) > settings.max_query_bytes:
        raise _too_large(settings)
    form = inspect(text).form
    # HTML comes last: only a client that prefers it (a browser following a link) gets the page.
    offered = (
        *(negotiation.GRAPH_FORMATS if form.returns_graph else negotiation.RESULT_FORMATS),
        negotiation.HTML,
    )
    fmt = negotiation.negotiate(request.headers.get("accept"), offered)
    if fmt is None:
        raise not_acceptable(offered[:-1])
    if fmt is negotiation.HTML:
        return _query_page(request, settings, text, autorun=True)
    default_graphs = tuple(v for n, v in params if n == "default-graph-uri")
    named_graphs = tuple(v for n, v in params if n == "named-graph-uri")
    for graph in default_graphs + named_graphs:
        _check_graph_iri(graph)
    job = QueryJob(
        text=text,
        media_type=fmt.media_type,
        max_rows=settings.max_rows,
        default_graphs=default_graphs or None,
        named_graphs=named_graphs or None,
    )
    body = await queries.run(job)
    return Response(body, media_type=fmt.content_type, headers={"Vary": "Accept"})


def _check_graph_iri(value: str) -> None:
    try:
        ox.NamedNode(value)
    except ValueError as exc:
        message = f"default-graph-uri / named-graph-uri must be absolute IRIs: {value!r} ({exc})"
        raise QueryError(message) from exc


def _query_page(request: Request, settings: Settings, query: str, autorun: bool) -> HTMLResponse:
    """The query page with `query` in its form; `autorun` runs it as the page loads."""
    endpoint = str(request.url.replace(query="", fragment=""))
    page = request.app.state.templates.get_template("query.html").render(
        endpoint=endpoint, query=query, settings=settings, examples=EXAMPLES, autorun=autorun
    )
    return HTMLResponse(page, headers={"Vary": "Accept"})


def _service_description(request: Request, settings: Settings) -> Response:
    fmt = negotiation.negotiate(request.headers.get("accept"), SERVICE_FORMATS)
    if fmt is None:
        raise not_acceptable(SERVICE_FORMATS)
    endpoint = str(request.url.replace(query="", fragment=""))
    if fmt is negotiation.HTML:
        return _query_page(request, settings, EXAMPLES[0].query, autorun=False)
    turtle = service_description(endpoint, settings)
    assert fmt.rdf is not None
    graph = ox.parse(turtle, format=ox.RdfFormat.TURTLE)
    body = ox.serialize(graph, format=fmt.rdf, prefixes=_SD_PREFIXES)
    return Response(body, media_type=fmt.content_type, headers={"Vary": "Accept"})


SD = "http://www.w3.org/ns/sparql-service-description#"
LIMITS = "https://w3id.org/newskg/api#"
_SD_PREFIXES = {"sd": SD, "api": LIMITS, "void": "http://rdfs.org/ns/void#", "nk": str(vocab.NK)}


def service_description(endpoint: str, settings: Settings) -> str:
    """The SPARQL 1.1 Service Description of this endpoint, with its limits, as Turtle."""
    base = settings.base_iri
    iris = [f.results.iri for f in negotiation.RESULT_FORMATS if f.results]
    iris += [f.rdf.iri for f in negotiation.GRAPH_FORMATS if f.rdf]
    formats = "\n".join(f"    sd:resultFormat <{iri}> ;" for iri in iris)
    return f"""@prefix sd: <{SD}> .
@prefix api: <{LIMITS}> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
{formats}
    sd:feature sd:UnionDefaultGraph ;
    sd:defaultDataset [
        a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ; void:sparqlEndpoint <{endpoint}> ;
            void:uriSpace "{base}id/" ; void:vocabulary <{vocab.ONTOLOGY_IRI}> ]
    ] ;
    api:queryTimeoutSeconds "{settings.query_timeout}"^^xsd:decimal ;
    api:maxResultRows {settings.max_rows} ;
    api:maxQueryBytes {settings.max_query_bytes} ;
    api:maxConcurrentQueries {settings.max_concurrent_queries} ;
    api:maxQueryMemoryMiB {settings.query_memory_mb} ;
    api:federatedQuery false .
"""
