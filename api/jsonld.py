"""Compact JSON-LD for newskg, written from triples with the published context.

:func:`context` is the document served at ``/context.jsonld``: the prefixes, the classes, and a
term for each property (``agent``, ``target``... as ``@id``-typed terms). :func:`compact` writes
triples as compact JSON-LD that refers to that context by URL; expanding it (pyld, rdflib) gives
back exactly the triples. It is done here, from the term table, rather than by a JSON-LD
processor, because compaction needs no more than the table and the output stays predictable.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg import vocab

HYDRA = "http://www.w3.org/ns/hydra/core#"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _terms() -> dict[str, tuple[str, bool]]:
    """term -> (property IRI, values are IRIs)."""
    terms: dict[str, tuple[str, bool]] = {}
    for prop in vocab.OBJECT_PROPERTIES:
        terms[str(prop).rsplit("#", 1)[1]] = (str(prop), True)
    for prop in vocab.DATA_PROPERTIES:
        terms[str(prop).rsplit("#", 1)[1]] = (str(prop), False)
    terms.update(
        {
            "label": (str(RDFS.label), False),
            "comment": (str(RDFS.comment), False),
            "altLabel": (str(SKOS.altLabel), False),
            "exactMatch": (str(SKOS.exactMatch), True),
            "sameAs": (str(OWL.sameAs), True),
            "wasDerivedFrom": (str(PROV.wasDerivedFrom), True),
            "title": (str(DCTERMS.title), False),
            "issued": (str(DCTERMS.issued), False),
            "publisher": (str(DCTERMS.publisher), False),
            "url": (str(vocab.SCHEMA.url), True),
            "subClassOf": (str(RDFS.subClassOf), True),
        }
    )
    return terms


TERMS = _terms()
_BY_IRI = {iri: (term, is_id) for term, (iri, is_id) in TERMS.items()}
CLASSES = {str(cls).rsplit("#", 1)[1]: str(cls) for cls in vocab.CLASSES}
_CLASS_BY_IRI = {iri: name for name, iri in CLASSES.items()}


def context() -> dict[str, object]:
    """The JSON-LD context newskg publishes at /context.jsonld."""
    body: dict[str, object] = {**vocab.PREFIXES, "hydra": HYDRA}
    for name, iri in CLASSES.items():
        body[name] = iri
    for term, (iri, is_id) in TERMS.items():
        body[term] = {"@id": iri, "@type": "@id"} if is_id else iri
    return {"@context": body}


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _curie(iri: str) -> str:
    for prefix, namespace in vocab.PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace) :]
            if local.replace("_", "").replace("-", "").isalnum():
                return f"{prefix}:{local}"
    return iri


def _literal(value: ox.Literal) -> object:
    if value.language:
        return {"@value": value.value, "@language": value.language}
    if value.datatype.value == _XSD_STRING:
        return value.value
    return {"@value": value.value, "@type": value.datatype.value}


def compact(triples: Iterable[ox.Triple], context_url: str, first: str | None = None) -> dict[str, object]:
    """Compact JSON-LD of ``triples``: one node per subject, ``first`` (an IRI) leading."""
    nodes: dict[str, dict[str, object]] = {}
    for triple in triples:
        subject, predicate, obj = triple.subject, triple.predicate, triple.object
        if isinstance(subject, ox.Triple) or isinstance(obj, ox.Triple):
            continue  # RDF-star terms have no place in these documents
        node = nodes.setdefault(_node_id(subject), {"@id": _node_id(subject)})
        key: str
        value: object
        if predicate.value == str(RDF.type) and isinstance(obj, ox.NamedNode):
            key, value = "@type", _CLASS_BY_IRI.get(obj.value) or _curie(obj.value)
        else:
            key, value = _entry(predicate.value, obj)
        current = node.get(key)
        if current is None:
            node[key] = value
        elif isinstance(current, list):
            current.append(value)
        else:
            node[key] = [current, value]
    ordered = sorted(nodes.values(), key=lambda n: (n["@id"] != first, str(n["@id"])))
    return {"@context": context_url, "@graph": ordered}


def _entry(predicate: str, obj: ox.NamedNode | ox.BlankNode | ox.Literal) -> tuple[str, object]:
    term = _BY_IRI.get(predicate)
    if isinstance(obj, ox.Literal):
        if term is not None and not term[1]:
            return term[0], _literal(obj)
        return _curie(predicate), _literal(obj)
    if term is not None and term[1] and isinstance(obj, ox.NamedNode):
        return term[0], obj.value
    key = term[0] if term is not None and not term[1] else _curie(predicate)
    return key, {"@id": _node_id(obj)}
