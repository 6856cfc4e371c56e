"""Evaluate one SPARQL query against a store and serialize its result to bytes.

The same function runs inside the query worker processes (embedded store) and in the API
process (remote store). It enforces the row cap: it reads at most ``max_rows + 1`` solutions or
triples and raises :class:`~kg.errors.TooManyRows` rather than truncating silently.

SELECT results are written here rather than by pyoxigraph because pyoxigraph serializes a whole
solution iterator, and the cap needs the rows counted first.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from itertools import islice
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from api import negotiation
from api.negotiation import Format
from kg import vocab
from kg.errors import QueryError, TooManyRows
from kg.store import Store

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True)
class QueryJob:
    """One query to evaluate, with everything decided before evaluation."""

    text: str
    media_type: str  # negotiated from the query form and the Accept header
    max_rows: int
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None


def answer(store: Store, job: QueryJob) -> bytes:
    """The serialized result of ``job`` over ``store``.

    Raises QueryError (syntax, or a form the negotiated format cannot carry), TooManyRows, or
    StoreError.
    """
    fmt = negotiation.by_media_type(job.media_type)
    result = store.query(
        job.text,
        default_graph=list(job.default_graphs) if job.default_graphs is not None else None,
        named_graphs=list(job.named_graphs) if job.named_graphs is not None else None,
    )
    if isinstance(result, ox.QueryBoolean):
        if fmt.results is None:
            raise QueryError(f"an ASK query has a boolean result, which {fmt.media_type} cannot carry")
        return result.serialize(format=fmt.results) or b""
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = _capped(result, job.max_rows, "rows")
        return write_solutions(names, rows, fmt)
    triples = _capped(result, job.max_rows, "triples")
    if fmt.rdf is None:
        raise QueryError(f"a CONSTRUCT or DESCRIBE result is a graph, which {fmt.media_type} cannot carry")
    return ox.serialize(triples, format=fmt.rdf, prefixes=dict(vocab.PREFIXES)) or b""


def _capped(items: ox.QuerySolutions | ox.QueryTriples, max_rows: int, what: str) -> list[Any]:
    taken = list(islice(items, max_rows + 1))
    if len(taken) > max_rows:
        raise TooManyRows(
            f"the query returned more than {max_rows} {what} (NEWSKG_MAX_ROWS); "
            "add LIMIT / OFFSET to page through the result, or aggregate with COUNT"
        )
    return taken


def write_solutions(names: list[str], rows: list[ox.QuerySolution], fmt: Format) -> bytes:
    """SELECT solutions in one of the four SPARQL result formats."""
    if fmt.results == ox.QueryResultsFormat.JSON:
        return _json(names, rows)
    if fmt.results == ox.QueryResultsFormat.XML:
        return _xml(names, rows)
    if fmt.results == ox.QueryResultsFormat.CSV:
        return _csv(names, rows)
    if fmt.results == ox.QueryResultsFormat.TSV:
        return _tsv(names, rows)
    raise QueryError(f"a SELECT result is a table, which {fmt.media_type} cannot carry")


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _json(names: list[str], rows: list[ox.QuerySolution]) -> bytes:
    bindings = []
    for row in rows:
        binding = {}
        for name in names:
            term = row[name]
            if term is not None:
                binding[name] = _json_term(term)
        bindings.append(binding)
    document = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (
        f"<triple><subject>{_xml_term(term.subject)}</subject>"
        f"<predicate>{_xml_term(term.predicate)}</predicate>"
        f"<object>{_xml_term(term.object)}</object></triple>"
    )


def _xml(names: list[str], rows: list[ox.QuerySolution]) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f"<variable name={quoteattr(name)}/>" for name in names]
    out.append("</head>\n<results>")
    for row in rows:
        out.append("<result>")
        for name in names:
            term = row[name]
            if term is not None:
                out.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.append("</result>")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode("utf-8")


def _csv(names: list[str], rows: list[ox.QuerySolution]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_csv_value(row[name]) for name in names])
    return buffer.getvalue().encode("utf-8")


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return " ".join(_csv_value(t) for t in (term.subject, term.predicate, term.object))


def _tsv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Triple):
        return f"<<( {_tsv_value(term.subject)} {_tsv_value(term.predicate)} {_tsv_value(term.object)} )>>"
    return str(term)


def _tsv(names: list[str], rows: list[ox.QuerySolution]) -> bytes:
    lines = ["\t".join(f"?{name}" for name in names)]
    for row in rows:
        # N-Triples syntax escapes tabs and newlines inside literals, as TSV results require.
        lines.append("\t".join(_tsv_value(row[name]) for name in names))
    return ("\n".join(lines) + "\n").encode("utf-8")
