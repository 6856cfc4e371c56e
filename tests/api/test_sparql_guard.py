"""api/sparql_guard.py: SERVICE, LOAD and updates are found outside strings, IRIs and comments."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.sparql_guard import QueryForm, inspect, keywords
from kg.errors import ForbiddenQueryError, QueryError


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", QueryForm.SELECT),
        ("PREFIX ex: <http://example.org/> ask { ex:a ?p ?o }", QueryForm.ASK),
        ("BASE <http://x/> CONSTRUCT WHERE { ?s ?p ?o }", QueryForm.CONSTRUCT),
        ("# a comment\nDESCRIBE <http://x>", QueryForm.DESCRIBE),
        ('SELECT ?service WHERE { ?service ?p "SERVICE <http://evil> {}" }', QueryForm.SELECT),
        ("SELECT * WHERE { <http://example.org/SERVICE> ?p ?o } # SERVICE <http://x> {}", QueryForm.SELECT),
        ("PREFIX service: <http://s/> SELECT * WHERE { service:load ?p ?o }", QueryForm.SELECT),
        ("SELECT * WHERE { ?s ?p '''LOAD\n<http://x>''' }", QueryForm.SELECT),
        ("SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }", QueryForm.SELECT),
    ],
)
def test_allowed_queries_and_their_form(query: str, form: QueryForm) -> None:
    assert inspect(query).form is form


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://x/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * WHERE {?a ?b ?c FILTER(?a<?b)SERVICE<http://x>{}}",
        "SELECT * WHERE { \\u0053ERVICE <http://x> { } }",
        'SELECT * WHERE { ?s ?p "\\u0022" . SERVICE <http://x> { } ?x ?y """ }',
        "LOAD <http://example.org/data.ttl>",
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "PREFIX ex: <http://x/> CLEAR GRAPH ex:g",
    ],
)
def test_forbidden_queries(query: str) -> None:
    with pytest.raises(ForbiddenQueryError):
        inspect(query)


def test_no_form_at_all_is_a_query_error() -> None:
    with pytest.raises(QueryError):
        inspect("PREFIX ex: <http://x/>")


@given(st.text(max_size=300))
def test_the_lexer_never_crashes(text: str) -> None:
    keywords(text)


@given(st.text(alphabet=st.characters(blacklist_characters='"\\\n\r'), max_size=50))
def test_anything_inside_a_string_is_harmless(content: str) -> None:
    assert inspect(f'SELECT * WHERE {{ ?s ?p "{content}" }}').form is QueryForm.SELECT
