"""The W3C SPARQL 1.1 Protocol test cases for the query operation, against the real server.

Named after the cases of the W3C suite (``protocol/manifest.ttl``: query_get, query_post_form,
query_dataset_*, query_content_type_*, bad_*), adapted to this store's data: the graphs are the
article graphs of the test dataset, and a graph named in ``default-graph-uri`` /
``named-graph-uri`` or FROM is one the store holds (never fetched). Every refusal must be a 4xx
with a readable message, never a 500.
"""

from __future__ import annotations

import csv
import io

import httpx
import pytest
import rdflib
from conftest import Server
from rdflib.compare import isomorphic

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
XI = "article/2024-05-05-xi-visits-france"  # a Visit
NAVALNY = "article/2024-02-23-us-sanctions-after-navalny"  # a Sanction
HONG_KONG = "article/2024-04-22-hong-kong-spying-charges"  # an Espionage

HAS_VISIT = "ASK { ?e a nk:Visit }"
HAS_SANCTION = "ASK { ?e a nk:Sanction }"
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"


def boolean(response: httpx.Response) -> bool:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    value = response.json()["boolean"]
    assert isinstance(value, bool)
    return value


def graphs(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [row["g"]["value"] for row in response.json()["results"]["bindings"]]


def refused(response: httpx.Response, status: int = 400) -> str:
    """The message of an error response, checked to be a readable JSON problem and no 500."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and body["error"]
    assert "Traceback" not in response.text
    message = str(body["message"])
    assert len(message) > 10
    return message


# -- query_get, query_post_form, query_post_direct -----------------------------------------------


def test_query_get(client: httpx.Client) -> None:
    assert boolean(client.get("/sparql", params={"query": "ASK {}"})) is True


def test_query_post_form(client: httpx.Client) -> None:
    assert boolean(client.post("/sparql", data={"query": "ASK {}"})) is True


def test_query_post_form_with_a_charset(client: httpx.Client) -> None:
    response = client.post(
        "/sparql", content=b"query=ASK%20%7B%7D", headers={"Content-Type": f"{FORM}; charset=UTF-8"}
    )
    assert boolean(response) is True


def test_query_post_direct(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b"ASK {}", headers={"Content-Type": DIRECT})
    assert boolean(response) is True


def test_query_post_direct_with_a_charset_and_graphs_in_the_url(client: httpx.Client, server: Server) -> None:
    response = client.post(
        "/sparql",
        params={"default-graph-uri": server.iri(NAVALNY)},
        content=HAS_VISIT.encode(),
        headers={"Content-Type": f"{DIRECT}; charset=utf-8"},
    )
    assert boolean(response) is False


def test_a_non_ascii_query_round_trips(client: httpx.Client) -> None:
    query = 'SELECT ?x WHERE { BIND("Zürich – 北京" AS ?x) }'
    for response in (
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", data={"query": query}),
        client.post("/sparql", content=query.encode(), headers={"Content-Type": DIRECT}),
    ):
        assert response.status_code == 200, response.text
        assert response.json()["results"]["bindings"] == [
            {"x": {"type": "literal", "value": "Zürich – 北京"}}
        ]


# -- query_dataset_* -----------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_query_dataset_default_graph(client: httpx.Client, server: Server, method: str) -> None:
    def ask(graph: str) -> bool:
        params = {"query": HAS_VISIT, "default-graph-uri": server.iri(graph)}
        if method == "GET":
            return boolean(client.get("/sparql", params=params))
        return boolean(client.post("/sparql", data=params))

    assert ask(XI) is True
    assert ask(NAVALNY) is False


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_query_dataset_default_graphs(client: httpx.Client, server: Server, method: str) -> None:
    """Two default-graph-uri: the default graph is their merge."""
    both = "ASK { ?v a nk:Visit . ?s a nk:Sanction }"
    params = {"query": both, "default-graph-uri": [server.iri(XI), server.iri(NAVALNY)]}
    if method == "GET":
        response = client.get("/sparql", params=params)
    else:
        response = client.post("/sparql", data=params)
    assert boolean(response) is True
    one = {"query": both, "default-graph-uri": server.iri(XI)}
    assert boolean(client.get("/sparql", params=one)) is False


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_query_dataset_named_graphs(client: httpx.Client, server: Server, method: str) -> None:
    named = sorted([server.iri(XI), server.iri(NAVALNY)])
    params = {"query": GRAPHS, "named-graph-uri": named}
    if method == "GET":
        response = client.get("/sparql", params=params)
    else:
        response = client.post("/sparql", data=params)
    assert graphs(response) == named


def test_query_dataset_full(client: httpx.Client, server: Server) -> None:
    """default-graph-uri and named-graph-uri together: each sees only its own graphs."""
    params = [
        ("default-graph-uri", server.iri(XI)),
        ("named-graph-uri", server.iri(NAVALNY)),
        ("named-graph-uri", server.iri(HONG_KONG)),
    ]
    assert boolean(client.get("/sparql", params=[("query", HAS_VISIT), *params])) is True
    assert boolean(client.get("/sparql", params=[("query", HAS_SANCTION), *params])) is False
    in_named = "ASK { GRAPH ?g { ?e a nk:Sanction } }"
    assert boolean(client.get("/sparql", params=[("query", in_named), *params])) is True
    assert graphs(client.get("/sparql", params=[("query", GRAPHS), *params])) == sorted(
        [server.iri(NAVALNY), server.iri(HONG_KONG)]
    )


def test_query_multiple_dataset_protocol_overrides_from(client: httpx.Client, server: Server) -> None:
    """A dataset in the protocol replaces FROM / FROM NAMED of the query (SPARQL Protocol 2.1.4)."""
    from_navalny = f"ASK FROM <{server.iri(NAVALNY)}> WHERE {{ ?e a nk:Visit }}"
    assert boolean(client.get("/sparql", params={"query": from_navalny})) is False
    overridden = {"query": from_navalny, "default-graph-uri": server.iri(XI)}
    assert boolean(client.get("/sparql", params=overridden)) is True

    from_named = f"SELECT DISTINCT ?g FROM NAMED <{server.iri(NAVALNY)}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert graphs(client.get("/sparql", params={"query": from_named})) == [server.iri(NAVALNY)]
    replaced = {"query": from_named, "named-graph-uri": server.iri(HONG_KONG)}
    assert graphs(client.get("/sparql", params=replaced)) == [server.iri(HONG_KONG)]


def test_a_graph_the_store_does_not_hold_is_an_empty_graph(client: httpx.Client) -> None:
    params = {"query": "ASK { ?s ?p ?o }", "default-graph-uri": "http://example.org/no-such-graph"}
    assert boolean(client.get("/sparql", params=params)) is False


def test_a_dataset_parameter_that_is_not_an_iri_is_400(client: httpx.Client) -> None:
    params = {"query": "ASK {}", "default-graph-uri": "not an iri"}
    assert "default-graph-uri" in refused(client.get("/sparql", params=params))


# -- query_content_type_* ------------------------------------------------------------------------

SELECT = "SELECT ?c ?label WHERE { ?c a nk:Country ; rdfs:label ?label } ORDER BY ?label"
CONSTRUCT = "CONSTRUCT WHERE { ?e a nk:Visit ; nk:agent ?a ; nk:date ?d }"


def select_rows(response: httpx.Response, media_type: str) -> list[tuple[str, str]]:
    """(country IRI, label) rows of SELECT, read from any of the four result formats."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    if media_type == "text/csv":
        return [(row["c"], row["label"]) for row in csv.DictReader(io.StringIO(response.text))]
    if media_type == "text/tab-separated-values":
        lines = response.text.rstrip("\n").split("\n")
        assert lines[0] == "?c\t?label"
        cells = [line.split("\t") for line in lines[1:]]
        return [(c.strip("<>"), str(rdflib.util.from_n3(label))) for c, label in cells]
    fmt = "json" if media_type == "application/sparql-results+json" else "xml"
    result = rdflib.query.Result.parse(io.BytesIO(response.content), format=fmt)
    return [(str(row[0]), str(row[1])) for row in result]  # type: ignore[index]


@pytest.mark.parametrize(
    "media_type",
    [
        "application/sparql-results+xml",
        "application/sparql-results+json",
        "text/csv",
        "text/tab-separated-values",
    ],
)
def test_query_content_type_select(client: httpx.Client, media_type: str) -> None:
    reference = select_rows(
        client.get("/sparql", params={"query": SELECT}), "application/sparql-results+json"
    )
    assert ("France" in [label for _, label in reference]) and len(reference) == 6
    response = client.get("/sparql", params={"query": SELECT}, headers={"Accept": media_type})
    assert select_rows(response, media_type) == reference


@pytest.mark.parametrize("media_type", ["application/sparql-results+xml", "application/sparql-results+json"])
def test_query_content_type_ask(client: httpx.Client, media_type: str) -> None:
    response = client.post("/sparql", data={"query": HAS_VISIT}, headers={"Accept": media_type})
    assert response.headers["content-type"].split(";")[0] == media_type
    fmt = "json" if media_type.endswith("json") else "xml"
    assert rdflib.query.Result.parse(io.BytesIO(response.content), format=fmt).askAnswer is True


@pytest.mark.parametrize(
    ("media_type", "rdflib_format"),
    [("application/rdf+xml", "xml"), ("text/turtle", "turtle"), ("application/n-triples", "nt")],
)
def test_query_content_type_construct(client: httpx.Client, media_type: str, rdflib_format: str) -> None:
    reference = rdflib.Graph().parse(
        data=client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/turtle"}).text,
        format="turtle",
    )
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": media_type})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert len(graph) == 6 and isomorphic(graph, reference)


@pytest.mark.parametrize(
    ("media_type", "rdflib_format"),
    [("application/rdf+xml", "xml"), ("text/turtle", "turtle"), ("application/n-triples", "nt")],
)
def test_query_content_type_describe(
    client: httpx.Client, server: Server, media_type: str, rdflib_format: str
) -> None:
    france = rdflib.URIRef(server.iri("country/france"))
    response = client.get("/sparql", params={"query": f"DESCRIBE <{france}>"}, headers={"Accept": media_type})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert (france, rdflib.RDFS.label, rdflib.Literal("France")) in graph


def test_a_graph_result_refuses_a_results_only_accept(client: httpx.Client) -> None:
    response = client.get(
        "/sparql", params={"query": CONSTRUCT}, headers={"Accept": "application/sparql-results+json"}
    )
    assert "text/turtle" in refused(response, 406)


# -- bad_* ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_bad_query_method(client: httpx.Client, method: str) -> None:
    response = client.request(method, "/sparql", params={"query": "ASK {}"})
    refused(response, 405)
    assert {"GET", "POST"} <= {m.strip() for m in response.headers["allow"].split(",")}


def test_bad_multiple_queries(client: httpx.Client) -> None:
    twice = [("query", "ASK {}"), ("query", "SELECT * {}")]
    assert "one query" in refused(client.get("/sparql", params=twice))
    assert "one query" in refused(client.post("/sparql", data={"query": ["ASK {}", "SELECT * {}"]}))
    # A query in the URL and another in a direct POST's body.
    both = client.post(
        "/sparql", params={"query": "ASK {}"}, content=b"ASK {}", headers={"Content-Type": DIRECT}
    )
    assert "not both" in refused(both)


def test_bad_query_wrong_media_type(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert "text/plain" in refused(response)


def test_bad_query_missing_form_type(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b"query=ASK%20%7B%7D", headers={"Content-Type": ""})
    assert "Content-Type" in refused(response)


def test_bad_query_missing_direct_type(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b"ASK {}", headers={"Content-Type": ""})
    assert "Content-Type" in refused(response)


def test_bad_query_missing_query(client: httpx.Client, server: Server) -> None:
    graph = {"default-graph-uri": server.iri(XI)}
    assert "missing" in refused(client.get("/sparql", params=graph))
    assert "missing" in refused(client.post("/sparql", data=graph))
    assert "not a SPARQL query" in refused(
        client.post("/sparql", content=b"", headers={"Content-Type": DIRECT})
    )


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        ('ASK { ?s ?p "café" }'.encode("utf-16"), DIRECT),  # the W3C case: UTF-16
        ('ASK { ?s ?p "café" }'.encode("utf-16"), f"{DIRECT}; charset=UTF-16"),
        (b"ASK {}", f"{DIRECT}; charset=ISO-8859-1"),  # ASCII, but declared in another charset
        (b"query=ASK%20%7B%7D", f"{FORM}; charset=windows-1252"),
        ('ASK { ?s ?p "café" }'.encode("latin-1"), f"{DIRECT}; charset=ISO-8859-1"),
        ('query=ASK { ?s ?p "café" }'.encode("latin-1"), FORM),  # raw bytes in a form
        (b"query=ASK%20%7B%20%3Fs%20%3Fp%20%22caf%E9%22%20%7D", FORM),  # percent-escaped Latin-1
    ],
)
def test_bad_query_non_utf8(client: httpx.Client, content: bytes, content_type: str) -> None:
    response = client.post("/sparql", content=content, headers={"Content-Type": content_type})
    assert "UTF-8" in refused(response)


def test_bad_query_non_utf8_in_the_url(client: httpx.Client) -> None:
    response = client.get("/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%22caf%E9%22%20%7D")
    assert "UTF-8" in refused(response)


@pytest.mark.parametrize(
    "query",
    [
        "ASK { ?s ?p }",
        "SELECT * WHERE { ?s ?p ?o",
        "SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?y ORDER",
        "CONSTRUCT { ?s ?p } WHERE { ?s ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o . FILTER(",
    ],
)
def test_bad_query_syntax(client: httpx.Client, query: str) -> None:
    for response in (
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", data={"query": query}),
        client.post("/sparql", content=query.encode(), headers={"Content-Type": DIRECT}),
    ):
        assert "syntax" in refused(response).lower()


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
        "CLEAR NAMED",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX ex: <http://example.org/> INSERT { ?s ex:p 1 } WHERE { ?s ?p ?o }",
    ],
)
def test_bad_update_sent_to_the_query_endpoint(client: httpx.Client, update: str) -> None:
    for response in (
        client.get("/sparql", params={"query": update}),
        client.post("/sparql", data={"query": update}),
        client.post("/sparql", content=update.encode(), headers={"Content-Type": DIRECT}),
        client.post("/sparql", data={"update": update}),
        client.post(
            "/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-update"}
        ),
    ):
        refused(response)
    count = "SELECT (COUNT(*) AS ?n) WHERE { <http://example.org/a> ?p ?o }"
    rows = client.get("/sparql", params={"query": count}).json()["results"]["bindings"]
    assert rows == [
        {"n": {"type": "literal", "value": "0", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
    ]
