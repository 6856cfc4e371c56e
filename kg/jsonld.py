"""The published JSON-LD context, and compact JSON-LD serialisation with it."""

from __future__ import annotations

from typing import Any

from rdflib import Graph

from kg import vocab

_ID_TERMS = (
    "agent",
    "target",
    "destination",
    "host",
    "onBehalfOf",
    "reportedBy",
    "status",
    "mentionedIn",
    "country",
)


def context() -> dict[str, Any]:
    """The ``@context`` newskg publishes at /context.jsonld and uses in its JSON-LD exports."""
    terms: dict[str, Any] = dict(vocab.PREFIXES)
    for name in _ID_TERMS:
        terms[name] = {"@id": f"nk:{name}", "@type": "@id"}
    terms.update(
        {
            "label": {"@id": "rdfs:label"},
            "altLabel": {"@id": "skos:altLabel"},
            "exactMatch": {"@id": "skos:exactMatch", "@type": "@id"},
            "date": {"@id": "nk:date"},
            "dateText": {"@id": "nk:dateText"},
            "evidence": {"@id": "nk:evidence"},
            "isoCode": {"@id": "nk:isoCode"},
            "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
            "title": {"@id": "dcterms:title"},
            "issued": {"@id": "dcterms:issued", "@type": "xsd:dateTime"},
            "publisher": {"@id": "dcterms:publisher"},
            "url": {"@id": "schema:url", "@type": "xsd:anyURI"},
        }
    )
    return {"@context": terms}


def compact(graph: Graph) -> str:
    """The graph as compact JSON-LD with the published context inline."""
    return graph.serialize(format="json-ld", context=context()["@context"], auto_compact=True, indent=2)
