"""api/results.py: our SELECT writers say the same as pyoxigraph's, and the row cap is an error."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from api import negotiation
from api.results import QueryJob, answer
from kg.errors import QueryError, TooManyRows
from kg.store import OxigraphStore

TRICKY = """SELECT ?a ?b ?c WHERE {
  VALUES (?a ?b) {
    (<http://example.org/a?x=1&y=%3C2%3E> "tab\\tnew\\nline \\"quoted\\", comma"@en-GB)
    ("42"^^<http://www.w3.org/2001/XMLSchema#integer> UNDEF)
    ("<b>&amp;</b>" "é中文😀")
  }
  BIND(IF(BOUND(?b), BNODE("x"), <<( <http://s> <http://p> "o" )>>) AS ?c)
}"""


@pytest.fixture(scope="module")
def store() -> OxigraphStore:
    return OxigraphStore(None)


def parsed(data: bytes, fmt: ox.QueryResultsFormat) -> list[tuple[object, ...]]:
    result = ox.parse_query_results(data, format=fmt)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    rows = [tuple(_normal(row[n]) for n in names) for row in result]
    return [tuple(names), *rows]


def _normal(term: object) -> object:
    return "bnode" if isinstance(term, ox.BlankNode) else term  # blank node labels may differ


@pytest.mark.parametrize("fmt", [negotiation.SPARQL_JSON, negotiation.SPARQL_XML, negotiation.TSV])
def test_select_writers_agree_with_pyoxigraph(store: OxigraphStore, fmt: negotiation.Format) -> None:
    assert fmt.results is not None
    ours = answer(store, QueryJob(TRICKY, fmt.media_type, max_rows=10))
    theirs = store.query(TRICKY).serialize(format=fmt.results)  # type: ignore[union-attr]
    assert theirs is not None
    assert parsed(ours, fmt.results) == parsed(theirs, fmt.results)


def test_csv_is_plain_values_with_crlf(store: OxigraphStore) -> None:
    text = answer(store, QueryJob(TRICKY, "text/csv", max_rows=10)).decode()
    assert text.startswith("a,b,c\r\n")
    assert '"tab\tnew\nline ""quoted"", comma"' in text
    assert "\r\n42,," in text


def test_ask_in_every_result_format(store: OxigraphStore) -> None:
    for fmt in negotiation.RESULT_FORMATS:
        body = answer(store, QueryJob("ASK {}", fmt.media_type, max_rows=1))
        assert b"true" in body


def test_row_cap_counts_one_more_and_refuses(store: OxigraphStore) -> None:
    query = "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }"
    assert answer(store, QueryJob(query, "text/csv", max_rows=3)).count(b"\r\n") == 4
    with pytest.raises(TooManyRows, match="more than 2 rows"):
        answer(store, QueryJob(query, "text/csv", max_rows=2))


def test_a_form_the_format_cannot_carry_is_a_query_error(store: OxigraphStore) -> None:
    with pytest.raises(QueryError):
        answer(store, QueryJob("ASK {}", "text/turtle", max_rows=1))
    with pytest.raises(QueryError):
        answer(store, QueryJob("CONSTRUCT WHERE { ?s ?p ?o }", "text/csv", max_rows=1))
