"""Compact JSON-LD written from triples with newskg's published context (``kg.jsonld.context``).

The context (served at ``/context.jsonld``) gives the prefixes and one term per property,
``agent``, ``target``... as ``@id``-typed terms. :func:`compact` writes triples against it,
term by term: a value takes the plain form when the term's coercion reproduces it exactly, and a
value object otherwise, so expanding the output (pyld, rdflib) gives back exactly the triples.
Done from the term table rather than by a JSON-LD processor: it needs no more, runs in
microseconds, and its output stays predictable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from kg import jsonld as published
from kg import vocab

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
HYDRA = "http://www.w3.org/ns/hydra/core#"


@dataclass(frozen=True)
class TermDef:
    name: str
    iri: str
    coercion: str | None  # "@id", a datatype IRI, or None


def context() -> dict[str, object]:
    """The JSON-LD context newskg publishes (the same one ``kg export --format jsonld`` uses)."""
    return published.context()


def _expand(value: str, prefixes: dict[str, str]) -> str:
    prefix, colon, local = value.partition(":")
    if colon and prefix in prefixes and not local.startswith("//"):
        return prefixes[prefix] + local
    return value


@lru_cache(maxsize=1)
def terms_by_iri() -> dict[str, TermDef]:
    """The context's property terms, keyed by the property IRI they stand for (first term wins)."""
    body = context()["@context"]
    assert isinstance(body, dict)
    prefixes = {k: v for k, v in body.items() if isinstance(v, str) and v.endswith(("#", "/"))}
    found: dict[str, TermDef] = {}
    for name, definition in body.items():
        if name in prefixes or name.startswith("@"):
            continue
        if isinstance(definition, str):
            iri, coercion = _expand(definition, prefixes), None
        elif isinstance(definition, dict) and isinstance(definition.get("@id"), str):
            iri = _expand(definition["@id"], prefixes)
            raw = definition.get("@type")
            coercion = raw if raw in (None, "@id") else _expand(str(raw), prefixes)
        else:
            continue
        found.setdefault(iri, TermDef(name, iri, coercion))
    return found


@lru_cache(maxsize=4096)
def curie(iri: str) -> str:
    """``nk:Person`` for an IRI in one of the context's prefixes, else the IRI itself (cached: a
    document repeats the same few classes and properties)."""
    for prefix, namespace in vocab.PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace) :]
            if local.replace("_", "").replace("-", "").isalnum():
                return f"{prefix}:{local}"
    return iri


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _value_object(value: ox.Literal) -> dict[str, str]:
    if value.language:
        return {"@value": value.value, "@language": value.language}
    if value.datatype.value == XSD_STRING:
        return {"@value": value.value}
    return {"@value": value.value, "@type": value.datatype.value}


def entry(predicate: str, obj: ox.NamedNode | ox.BlankNode | ox.Literal) -> tuple[str, object]:
    """The key and compact value of one (predicate, object) pair."""
    term = terms_by_iri().get(predicate)
    key = term.name if term is not None else curie(predicate)
    coercion = term.coercion if term is not None else None
    if isinstance(obj, ox.Literal):
        plain = not obj.language and (
            (coercion is None and obj.datatype.value == XSD_STRING) or coercion == obj.datatype.value
        )
        return key, obj.value if plain else _value_object(obj)
    if coercion == "@id" and isinstance(obj, ox.NamedNode):
        return key, obj.value
    return key, {"@id": _node_id(obj)}


def compact(
    triples: Iterable[ox.Triple], context_url: str | list[object], first: str | None = None
) -> dict[str, object]:
    """Compact JSON-LD of ``triples``: one node per subject in ``@graph``, ``first`` leading."""
    nodes: dict[str, dict[str, object]] = {}
    for triple in triples:
        subject, predicate, obj = triple.subject, triple.predicate, triple.object
        if isinstance(subject, ox.Triple) or isinstance(obj, ox.Triple):
            continue  # RDF-star terms have no place in these documents
        node_id = _node_id(subject)
        node = nodes.get(node_id)
        if node is None:
            node = nodes[node_id] = {"@id": node_id}
        key: str
        value: object
        if predicate.value == RDF_TYPE and isinstance(obj, ox.NamedNode):
            key, value = "@type", curie(obj.value)
        else:
            key, value = entry(predicate.value, obj)
        current = node.get(key)
        if current is None:
            node[key] = value
        elif isinstance(current, list):
            current.append(value)
        else:
            node[key] = [current, value]
    ordered = sorted(nodes.values(), key=lambda n: (n["@id"] != first, str(n["@id"])))
    return {"@context": context_url, "@graph": ordered}
