"""api/negotiation.py: the one negotiate() over the table of media types."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.negotiation import (
    GRAPH_FORMATS,
    HTML,
    JSONLD,
    NTRIPLES,
    RDFXML,
    RESULT_FORMATS,
    SPARQL_JSON,
    SPARQL_XML,
    TSV,
    TURTLE,
    Format,
    negotiate,
    parse_accept,
)

PAGE_OR_RDF = (TURTLE, HTML, JSONLD, NTRIPLES, RDFXML)
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.mark.parametrize(
    ("accept", "offered", "expected"),
    [
        (None, PAGE_OR_RDF, TURTLE),
        ("", PAGE_OR_RDF, TURTLE),
        ("*/*", PAGE_OR_RDF, TURTLE),
        (BROWSER, PAGE_OR_RDF, HTML),
        ("application/ld+json", PAGE_OR_RDF, JSONLD),
        ("application/json", PAGE_OR_RDF, JSONLD),
        ("text/plain", GRAPH_FORMATS, NTRIPLES),
        ("text/*", PAGE_OR_RDF, TURTLE),
        ("text/*;q=0.3, application/rdf+xml;q=0.4", PAGE_OR_RDF, RDFXML),
        ("text/turtle;q=0, */*", GRAPH_FORMATS, NTRIPLES),  # q=0 refuses, even via */*
        ("TEXT/TURTLE", GRAPH_FORMATS, TURTLE),  # media types are case-insensitive
        ("text/turtle; charset=utf-8", GRAPH_FORMATS, TURTLE),
        ("application/sparql-results+json;q=0.5, application/sparql-results+xml", RESULT_FORMATS, SPARQL_XML),
        ("application/json", RESULT_FORMATS, SPARQL_JSON),
        ("application/xml", RESULT_FORMATS, SPARQL_XML),
        ("text/tab-separated-values", RESULT_FORMATS, TSV),
        ("image/png", PAGE_OR_RDF, None),
        ("text/turtle;q=0", (TURTLE,), None),
        ("garbage", PAGE_OR_RDF, TURTLE),  # nothing well-formed: as if no Accept at all
        ("text/turtle;q=abc, application/n-triples", GRAPH_FORMATS, NTRIPLES),  # a bad q drops its range
    ],
)
def test_negotiate(accept: str | None, offered: tuple[Format, ...], expected: Format | None) -> None:
    assert negotiate(accept, offered) is expected


def test_ties_go_to_the_order_offered() -> None:
    assert negotiate("text/turtle, application/ld+json", (JSONLD, TURTLE)) is JSONLD
    assert negotiate("text/turtle, application/ld+json", (TURTLE, JSONLD)) is TURTLE


def test_the_most_specific_range_decides() -> None:
    # text/html is refused explicitly although text/* and */* accept it; Turtle gets text/*'s 0.9
    # and JSON-LD gets */*'s 1.0
    assert negotiate("text/html;q=0, text/*;q=0.9, */*", PAGE_OR_RDF) is JSONLD
    assert negotiate("text/html;q=0, text/*", (HTML,)) is None
    assert negotiate("text/*;q=0.1, text/html", (TURTLE, HTML)) is HTML


media_type = st.sampled_from(
    [
        "text/turtle",
        "text/html",
        "application/ld+json",
        "*/*",
        "text/*",
        "application/*",
        "x/y",
        "nonsense",
        "",
    ]
)
parameter = st.sampled_from(
    ["", ";q=0", ";q=0.5", ";q=1", ";q=1.5", ";q=-1", ";q=", ";level=1", ";charset=utf-8"]
)
header = st.lists(st.tuples(media_type, parameter).map("".join), max_size=6).map(", ".join)


@given(header)
def test_accept_parsing_never_raises_and_picks_something_acceptable(accept: str) -> None:
    ranges = parse_accept(accept)
    assert all(0.0 <= r.q <= 1.0 for r in ranges)
    chosen = negotiate(accept, PAGE_OR_RDF)
    if chosen is not None and ranges:
        assert any(
            r.q > 0 and max(r.matches(n) for n in (chosen.media_type, *chosen.aliases)) >= 0 for r in ranges
        )


@given(st.text(max_size=200))
def test_any_text_is_a_header_that_does_not_crash(accept: str) -> None:
    negotiate(accept, GRAPH_FORMATS)
    negotiate(accept, RESULT_FORMATS)
