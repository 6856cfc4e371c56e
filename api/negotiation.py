"""Content negotiation: one table of the media types the API speaks, one function that picks.

:func:`negotiate` follows RFC 9110 section 12.5.1: the client's ranges with their q-values,
the most specific range deciding for each offered type, wildcards (``*/*``, ``text/*``) and
``q=0`` to refuse. Ties go to the order the caller offers, so each route states its default by
listing it first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import pyoxigraph as ox


class Kind(StrEnum):
    RESULTS = "results"  # SELECT / ASK results
    GRAPH = "graph"  # RDF triples
    DATASET = "dataset"  # RDF quads
    PAGE = "page"  # HTML for people
    JSON = "json"  # plain JSON (API listings, errors)


@dataclass(frozen=True)
class Format:
    """A representation the API can produce."""

    media_type: str
    kind: Kind
    suffix: str | None = None  # URL suffix selecting it on /id/... (".ttl")
    aliases: tuple[str, ...] = ()  # other media types clients send for the same thing
    rdf: ox.RdfFormat | None = None
    results: ox.QueryResultsFormat | None = None

    @property
    def content_type(self) -> str:
        """The Content-Type header value; text formats say they are UTF-8."""
        textual = self.media_type.startswith("text/") or self.media_type in _UTF8_APPLICATION
        return f"{self.media_type}; charset=utf-8" if textual else self.media_type


_UTF8_APPLICATION = {"application/n-triples", "application/n-quads", "application/trig"}

SPARQL_JSON = Format(
    "application/sparql-results+json",
    Kind.RESULTS,
    ".srj",
    ("application/json",),
    results=ox.QueryResultsFormat.JSON,
)
SPARQL_XML = Format(
    "application/sparql-results+xml",
    Kind.RESULTS,
    ".srx",
    ("application/xml",),
    results=ox.QueryResultsFormat.XML,
)
CSV = Format("text/csv", Kind.RESULTS, ".csv", results=ox.QueryResultsFormat.CSV)
TSV = Format("text/tab-separated-values", Kind.RESULTS, ".tsv", results=ox.QueryResultsFormat.TSV)
TURTLE = Format("text/turtle", Kind.GRAPH, ".ttl", ("application/x-turtle",), rdf=ox.RdfFormat.TURTLE)
NTRIPLES = Format("application/n-triples", Kind.GRAPH, ".nt", ("text/plain",), rdf=ox.RdfFormat.N_TRIPLES)
JSONLD = Format("application/ld+json", Kind.GRAPH, ".jsonld", ("application/json",), rdf=ox.RdfFormat.JSON_LD)
RDFXML = Format("application/rdf+xml", Kind.GRAPH, ".rdf", rdf=ox.RdfFormat.RDF_XML)
NQUADS = Format("application/n-quads", Kind.DATASET, ".nq", rdf=ox.RdfFormat.N_QUADS)
TRIG = Format("application/trig", Kind.DATASET, ".trig", rdf=ox.RdfFormat.TRIG)
HTML = Format("text/html", Kind.PAGE, ".html", ("application/xhtml+xml",))
JSON = Format("application/json", Kind.JSON, ".json")

FORMATS: tuple[Format, ...] = (
    SPARQL_JSON, SPARQL_XML, CSV, TSV, TURTLE, NTRIPLES, JSONLD, RDFXML, NQUADS, TRIG, HTML, JSON,
)  # fmt: skip
"""Every representation the API produces."""

RESULT_FORMATS = (SPARQL_JSON, SPARQL_XML, CSV, TSV)
GRAPH_FORMATS = (TURTLE, NTRIPLES, JSONLD, RDFXML)
DATASET_FORMATS = (NQUADS, TRIG)


def by_media_type(media_type: str) -> Format:
    """The table row of a canonical media type; KeyError for one the API does not produce."""
    for fmt in FORMATS:
        if fmt.media_type == media_type:
            return fmt
    raise KeyError(media_type)


def by_suffix(suffix: str, offered: Sequence[Format]) -> Format | None:
    """The offered format a URL suffix such as ``.ttl`` names, or None."""
    return next((fmt for fmt in offered if fmt.suffix == suffix), None)


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """How specifically this range matches: 2 exact, 1 ``type/*``, 0 ``*/*``, -1 no match."""
        main, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0 if self.subtype == "*" else -1
        if self.type != main:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


_TOKEN = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header. Malformed entries are skipped, never raised on."""
    ranges = []
    for item in (header or "").split(","):
        kind, *params = item.split(";")
        main, slash, sub = kind.strip().lower().partition("/")
        if not slash or not _TOKEN.match(main) or not _TOKEN.match(sub) or (main == "*" and sub != "*"):
            continue
        q = 1.0
        for param in params:
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = -1.0
        if 0.0 <= q <= 1.0:
            ranges.append(MediaRange(main, sub, q))
    return ranges


def negotiate(accept: str | None, offered: Sequence[Format]) -> Format | None:
    """The offered format the client prefers, or None when it accepts none of them (406).

    A missing or empty Accept header, or one with no well-formed range, accepts anything: the
    first offered format is the default.
    """
    if not offered:
        return None
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    best: Format | None = None
    best_q = 0.0
    for fmt in offered:
        q = _quality(ranges, (fmt.media_type, *fmt.aliases))
        if q > best_q:
            best, best_q = fmt, q
    return best


def _quality(ranges: Sequence[MediaRange], names: Sequence[str]) -> float:
    """The q-value of the most specific range matching any of ``names`` (0 when none does).

    Names are one format's media type and its aliases, judged together: ``text/turtle;q=0, */*``
    refuses Turtle even though ``*/*`` also matches its alias ``application/x-turtle``.
    """
    specificity, q = -1, 0.0
    for media_range in ranges:
        level = max(media_range.matches(name) for name in names)
        if level > specificity or (level == specificity and media_range.q > q):
            specificity, q = level, media_range.q
    return q if specificity >= 0 else 0.0
