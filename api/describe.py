"""The description of one resource, built from store pattern lookups (never a query string).

A description holds the resource's own triples, the labels of what it links to, and one page of
incoming links with a summary of each subject (label, type, date, and for an event its agent,
target and destination with their labels), so an actor's page lists its events readably.
:meth:`Description.triples` is the RDF every representation (Turtle, JSON-LD...) serializes;
:func:`view` arranges the same data for the HTML page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import pyoxigraph as ox
from rdflib import DCTERMS, RDF, RDFS

from api.labels import LabelCache
from kg import iris, vocab

PAGE_SIZE = 20  # incoming links a page, as the listings; each costs a lookup of its subject and its roles
LABEL = ox.NamedNode(str(RDFS.label))
TITLE = ox.NamedNode(str(DCTERMS.title))
TYPE = ox.NamedNode(str(RDF.type))
DATE = ox.NamedNode(str(vocab.date))
ROLES = frozenset(
    (
        ox.NamedNode(str(vocab.agent)),
        ox.NamedNode(str(vocab.destination)),
        ox.NamedNode(str(vocab.target)),
    )
)
_SUMMARY = frozenset((LABEL, TITLE, TYPE, DATE, *ROLES))
_NAMES = frozenset((LABEL.value, TITLE.value))
_TYPE, _DATE = TYPE.value, DATE.value
_ROLE_IRIS = frozenset(role.value for role in ROLES)
_EVENT_ROLES = {"nk:agent", "nk:target", "nk:destination", "nk:host", "nk:onBehalfOf", "nk:reportedBy"}


class Lookups(Protocol):
    """What a description is read from: a :class:`kg.store.Store`, or the in-memory copy of its
    default graph (:class:`api.mirror.Copy`)."""

    def triples(
        self,
        subject: ox.NamedNode | None = None,
        predicate: ox.NamedNode | None = None,
        obj: ox.NamedNode | ox.Literal | None = None,
        limit: int | None = None,
    ) -> list[ox.Triple]: ...

    def has_graph(self, graph: str) -> bool: ...


@dataclass
class Description:
    iri: str
    own: list[ox.Triple]
    context: list[ox.Triple] = field(default_factory=list)  # labels, types, dates of linked resources
    incoming: list[ox.Triple] = field(default_factory=list)  # this page of (?s ?p <iri>)
    page: int = 1
    has_next: bool = False
    is_graph: bool = False  # the IRI also names a graph in the store

    def triples(self) -> list[ox.Triple]:
        """Everything the description says, once each."""
        return list(dict.fromkeys(self.own + self.incoming + self.context))


def describe(
    store: Lookups, iri: str, page: int = 1, page_size: int = PAGE_SIZE, labels: LabelCache | None = None
) -> Description | None:
    """The description of ``iri``, or None when the store knows nothing of it. The names of linked
    resources and the summaries of incoming subjects come from ``labels`` when given (the
    resource's own triples and incoming links are always read from the store)."""

    def name(target: ox.NamedNode) -> list[ox.Triple]:
        return labels.get(target, lambda n: _label(store, n)) if labels is not None else _label(store, target)

    def summary_of(subject: ox.NamedNode) -> list[ox.Triple]:
        if labels is None:
            return _summary(store, subject)
        return labels.get(subject, lambda n: _summary(store, n), "summary")

    node = ox.NamedNode(iri)
    own = store.triples(subject=node)
    offset = (page - 1) * page_size
    window = store.triples(obj=node, limit=offset + page_size + 1)
    incoming = window[offset : offset + page_size]
    is_graph = store.has_graph(iri)
    if not own and not window and not is_graph:
        return None
    linked = [t.object for t in own if isinstance(t.object, ox.NamedNode)]
    context: list[ox.Triple] = []
    for target in dict.fromkeys(linked):
        context += name(target)
    labelled = set(linked)
    for subject in dict.fromkeys(t.subject for t in incoming if isinstance(t.subject, ox.NamedNode)):
        summary = summary_of(subject)
        context += summary
        for role in (
            t.object for t in summary if t.predicate in ROLES and isinstance(t.object, ox.NamedNode)
        ):
            if role not in labelled and role != node:
                labelled.add(role)
                context += name(role)
    return Description(iri, own, context, incoming, page, len(window) > offset + page_size, is_graph)


def _summary(store: Lookups, node: ox.NamedNode) -> list[ox.Triple]:
    """What an incoming link's subject shows: label, title, type, date, roles (one lookup of its
    few triples, filtered here, rather than one per property)."""
    return [t for t in store.triples(subject=node) if t.predicate in _SUMMARY]


def _label(store: Lookups, node: ox.NamedNode) -> list[ox.Triple]:
    """The name of a linked resource: an article's title, anything else's label (one lookup
    for the usual case, as a page links to dozens of them)."""
    first, second = (TITLE, LABEL) if "/id/article/" in node.value else (LABEL, TITLE)
    return store.triples(subject=node, predicate=first, limit=1) or store.triples(
        subject=node, predicate=second, limit=1
    )


# -- for the HTML page --------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    text: str
    href: str | None = None  # where a link goes: a local path for our IRIs
    note: str = ""  # datatype or language


@dataclass(frozen=True)
class Incoming:
    href: str
    label: str
    role: str
    types: tuple[str, ...]
    date: str


@dataclass(frozen=True)
class View:
    iri: str
    title: str
    kind: str
    types: tuple[Value, ...]
    properties: tuple[tuple[str, tuple[Value, ...]], ...]
    incoming: tuple[Incoming, ...]


@lru_cache(maxsize=4096)
def curie(iri: str) -> str:
    """``nk:agent`` for a term of a known vocabulary, else the IRI (cached: a page repeats the
    same few classes and properties)."""
    for prefix, namespace in vocab.PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


@lru_cache(maxsize=16_384)
def local_href(base: str, iri: str) -> str:
    """A link that stays on this server for IRIs minted under ``base`` and ontology terms
    (cached: the same actors and articles are linked from many pages)."""
    parsed = iris.parse(base, iri)
    if parsed:
        return f"/id/{parsed.kind}/{parsed.slug}"
    if iri.startswith(str(vocab.NK)):
        return "/ontology.html#" + iri[len(str(vocab.NK)) :]
    return iri


# The order of properties on a page: names first, then the event's who / what / when, then the rest.
PROPERTY_ORDER = [
    "rdfs:label", "skos:altLabel", "dcterms:title", "nk:date", "nk:status", "nk:agent", "nk:target",
    "nk:destination", "nk:host", "nk:onBehalfOf", "nk:reportedBy", "nk:country", "nk:isoCode",
    "nk:evidence", "prov:wasDerivedFrom", "dcterms:issued", "dcterms:publisher", "schema:url",
]  # fmt: skip


def _rank(name: str) -> tuple[int, str]:
    return (PROPERTY_ORDER.index(name) if name in PROPERTY_ORDER else len(PROPERTY_ORDER), name)


def view(description: Description, base: str) -> View:
    # Each term is read off its triple once: pyoxigraph builds a new object on every access,
    # and a country's page has ~300 triples (this loop was as slow as the store lookups).
    rows = [
        (t.subject.value, t.predicate.value, t.object)  # type: ignore[union-attr]
        for t in description.context + description.own
    ]
    labels: dict[str, str] = {}
    for subject, predicate, obj in rows:
        if predicate in _NAMES and isinstance(obj, ox.Literal):
            labels.setdefault(subject, obj.value)
    parsed = iris.parse(base, description.iri)

    def value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Value:
        if isinstance(term, ox.NamedNode):
            iri = term.value
            return Value(labels.get(iri) or curie(iri), local_href(base, iri))
        if isinstance(term, ox.Literal):
            note = f"@{term.language}" if term.language else curie(term.datatype.value)
            return Value(term.value, None, "" if note == "xsd:string" else note)
        return Value(str(term))

    types: list[Value] = []
    grouped: dict[str, list[Value]] = {}
    for triple in description.own:
        predicate, obj = triple.predicate.value, triple.object
        if predicate == _TYPE:
            types.append(value(obj))
        else:
            grouped.setdefault(curie(predicate), []).append(value(obj))
    types_of: dict[str, list[str]] = {}
    dates: dict[str, str] = {}
    roles: dict[str, dict[str, list[str]]] = {}
    for subject, predicate, obj in rows:
        if predicate == _TYPE:
            types_of.setdefault(subject, []).append(curie(obj.value).removeprefix("nk:"))  # type: ignore[union-attr]
        elif predicate == _DATE:
            dates[subject] = obj.value  # type: ignore[union-attr]
        elif predicate in _ROLE_IRIS:
            target = obj.value  # type: ignore[union-attr]
            name = labels.get(target) or curie(target)
            roles.setdefault(subject, {}).setdefault(predicate, []).append(name)

    def title(iri: str) -> str:
        """Its label; for an unlabelled event, 'Visit: Kim Jong-un → Russia'; else a CURIE."""
        if iri in labels:
            return labels[iri]
        played = roles.get(iri, {})
        agents = ", ".join(sorted(played.get(str(vocab.agent), [])))
        others = ", ".join(sorted(played.get(str(vocab.destination), []) + played.get(str(vocab.target), [])))
        if agents or others:
            kind = "/".join(types_of.get(iri, ["Event"]))
            return f"{kind}: {agents or '?'} → {others or '?'}" if others else f"{kind}: {agents}"
        parsed = iris.parse(base, iri)
        return parsed.slug if parsed else curie(iri)

    incoming = tuple(
        Incoming(
            href=local_href(base, subject),
            label=title(subject),
            role=curie(t.predicate.value),
            types=tuple(types_of.get(subject, ())),
            date=dates.get(subject, ""),
        )
        for t in description.incoming
        for subject in (t.subject.value,)  # type: ignore[union-attr]
    )
    # Newest first, undated ones after; within a date, events before other links.
    incoming = tuple(sorted(incoming, key=lambda row: (row.date, row.role in _EVENT_ROLES), reverse=True))
    return View(
        iri=description.iri,
        title=title(description.iri),
        kind=parsed.kind if parsed else "",
        types=tuple(types),
        properties=tuple((name, tuple(grouped[name])) for name in sorted(grouped, key=_rank)),
        incoming=incoming,
    )
