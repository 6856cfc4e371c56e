"""The map stage: a resolved article -> its RDF graph (the named graph stored under the article IRI).

The graph is self-contained: the article, every actor it mentions with its description, and every
event read from it. Only IRIs, no blank nodes, so that replacing the graph is a plain set difference.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg import iris, vocab
from kg.model import Actor, ActorType, DateValue, Event, EventType, ResolvedArticle, Status

_ACTOR_CLASS = {
    ActorType.PERSON: vocab.Person,
    ActorType.ORGANIZATION: vocab.Organization,
    ActorType.COUNTRY: vocab.Country,
    ActorType.CITY: vocab.City,
}
_EVENT_CLASS = {
    EventType.VISIT: vocab.Visit,
    EventType.SANCTION: vocab.Sanction,
    EventType.ESPIONAGE: vocab.Espionage,
}
_STATUS = {Status.OCCURRED: vocab.Occurred, Status.PLANNED: vocab.Planned, Status.ALLEGED: vocab.Alleged}
_DATE_TYPE = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def article_iri(base: str, resolved: ResolvedArticle) -> str:
    return iris.iri(base, iris.article_key(resolved.article))


def event_iri(base: str, event: Event, publication_year: int, destination_country: str | None = None) -> str:
    return iris.iri(base, iris.event_key(event, publication_year, destination_country))


def date_literal(date: DateValue) -> Literal:
    return Literal(date.value, datatype=_DATE_TYPE[date.precision])


def to_graph(resolved: ResolvedArticle, base: str) -> Graph:
    """The article's graph under ``base`` (e.g. http://localhost:8000/)."""
    graph = Graph()
    for prefix, namespace in vocab.PREFIXES.items():
        graph.bind(prefix, namespace)
    article = resolved.article
    doc = URIRef(article_iri(base, resolved))
    graph.add((doc, RDF.type, vocab.Article))
    graph.add((doc, DCTERMS.title, Literal(article.title)))
    graph.add((doc, DCTERMS.issued, Literal(_utc(article.published), datatype=XSD.dateTime, normalize=False)))
    if article.url:
        graph.add((doc, vocab.SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.publisher:
        graph.add((doc, DCTERMS.publisher, Literal(article.publisher)))

    known = {actor.key: actor for actor in resolved.actors}
    for actor in resolved.actors:
        _add_actor(graph, actor, base, doc, known)

    def node(key: str) -> URIRef:
        return URIRef(iris.iri(base, key))

    for event in (_within(e, known) for e in resolved.events):
        if event is None:
            continue
        place = known.get(event.destination or "")
        country = place.country if place is not None and place.type is ActorType.CITY else None
        subject = URIRef(event_iri(base, event, article.published.year, country))
        graph.add((subject, RDF.type, _EVENT_CLASS[event.type]))
        for key in event.agents:
            graph.add((subject, vocab.agent, node(key)))
        if event.destination:
            graph.add((subject, vocab.destination, node(event.destination)))
        for prop, keys in (
            (vocab.host, event.hosts),
            (vocab.target, event.targets),
            (vocab.onBehalfOf, event.on_behalf_of),
            (vocab.reportedBy, event.reported_by),
        ):
            for key in keys:
                graph.add((subject, prop, node(key)))
        if event.date:
            graph.add((subject, vocab.date, date_literal(event.date)))
            if event.date.raw:
                graph.add((subject, vocab.dateText, Literal(event.date.raw)))
        graph.add((subject, vocab.status, _STATUS[event.status]))
        graph.add((subject, vocab.evidence, Literal(event.evidence)))
        graph.add((subject, PROV.wasDerivedFrom, doc))
    return graph


def _utc(moment: datetime) -> str:
    """xsd:dateTime in UTC with 'Z', the form Oxigraph keeps, so re-ingesting compares equal."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _within(event: Event, known: dict[str, Actor]) -> Event | None:
    """The event with roles limited to described actors; None when a required role is then empty."""

    def keep(keys: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(k for k in keys if k in known)

    destination = event.destination if event.destination in known else None
    trimmed = replace(
        event,
        agents=keep(event.agents),
        destination=destination,
        hosts=keep(event.hosts),
        targets=keep(event.targets),
        on_behalf_of=keep(event.on_behalf_of),
        reported_by=keep(event.reported_by),
    )
    if not trimmed.agents:
        return None
    if event.type is EventType.VISIT and trimmed.destination is None:
        return None
    if event.type is EventType.SANCTION and not trimmed.targets:
        return None
    return trimmed


def _add_actor(graph: Graph, actor: Actor, base: str, doc: URIRef, known: dict[str, Actor]) -> None:
    subject = URIRef(iris.iri(base, actor.key))
    graph.add((subject, RDF.type, _ACTOR_CLASS[actor.type]))
    graph.add((subject, RDFS.label, Literal(actor.name)))
    for alias in actor.aliases:
        if alias != actor.name:
            graph.add((subject, SKOS.altLabel, Literal(alias)))
    if actor.type is not ActorType.CITY:
        graph.add((subject, vocab.mentionedIn, doc))
    # Only link countries the article's actors describe: a dangling link would fail the shapes.
    if actor.country and actor.country != actor.key and actor.country in known:
        graph.add((subject, vocab.country, URIRef(iris.iri(base, actor.country))))
    if actor.iso_code:
        graph.add((subject, vocab.isoCode, Literal(actor.iso_code)))
    for link in actor.links:
        graph.add((subject, SKOS.exactMatch, URIRef(link)))
