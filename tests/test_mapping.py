"""kg/mapping.py: a resolved article becomes a self-contained graph that conforms to the shapes."""

from __future__ import annotations

from datetime import UTC, datetime

from rdflib import PROV, RDF, RDFS, XSD, Literal, URIRef

from kg import mapping, vocab
from kg.model import Actor, ActorType, Article, DateValue, Event, EventType, ResolvedArticle, Status
from kg.validation import validate

BASE = "http://localhost:8000/"
ARTICLE = Article(
    "Leader flies to the north",
    "Body.",
    datetime(2024, 6, 18, 12, 9, 45, tzinfo=UTC),
    "t.txt",
    url="https://x/y",
)
RUSSIA = Actor(
    "country/russia",
    "Russia",
    ActorType.COUNTRY,
    ("Moscow",),
    iso_code="RU",
    links=("https://sws.geonames.org/2017370/",),
)
NK = Actor("country/north-korea", "North Korea", ActorType.COUNTRY, ("Pyongyang",), iso_code="KP")
PYONGYANG = Actor("city/pyongyang", "Pyongyang", ActorType.CITY, country="country/north-korea")
PUTIN = Actor(
    "person/vladimir-putin", "Vladimir Putin", ActorType.PERSON, ("Putin",), country="country/russia"
)
KIM = Actor("person/kim-jong-un", "Kim Jong-un", ActorType.PERSON, ("Kim",), country="country/north-korea")
VISIT = Event(
    EventType.VISIT,
    (PUTIN.key,),
    Status.OCCURRED,
    "as he headed to Pyongyang on Tuesday",
    destination=PYONGYANG.key,
    hosts=(KIM.key,),
    date=DateValue("2024-06-18", "on Tuesday"),
)


def resolved(*events: Event) -> ResolvedArticle:
    return ResolvedArticle(ARTICLE, (RUSSIA, NK, PYONGYANG, PUTIN, KIM), events)


def test_graph_conforms_and_holds_the_roles() -> None:
    graph = mapping.to_graph(resolved(VISIT), BASE)
    report = validate(graph)
    assert report.conforms, report.text
    visit = next(graph.subjects(RDF.type, vocab.Visit))
    assert graph.value(visit, vocab.destination) == URIRef(BASE + "id/city/pyongyang")
    assert graph.value(visit, vocab.date) == Literal("2024-06-18", datatype=XSD.date)
    assert graph.value(visit, PROV.wasDerivedFrom) == URIRef(mapping.article_iri(BASE, resolved()))
    assert graph.value(URIRef(BASE + "id/person/vladimir-putin"), RDFS.label) == Literal("Vladimir Putin")


def test_date_precision_picks_the_datatype() -> None:
    assert mapping.date_literal(DateValue("2023-09")).datatype == XSD.gYearMonth
    assert mapping.date_literal(DateValue("2000")).datatype == XSD.gYear


def test_roles_naming_undescribed_actors_are_dropped_not_dangling() -> None:
    stray = Event(EventType.SANCTION, ("country/nowhere",), Status.OCCURRED, "e", targets=(RUSSIA.key,))
    half = Event(EventType.SANCTION, (NK.key, "country/nowhere"), Status.OCCURRED, "e", targets=(RUSSIA.key,))
    graph = mapping.to_graph(resolved(stray, half), BASE)
    sanctions = list(graph.subjects(RDF.type, vocab.Sanction))
    assert len(sanctions) == 1
    assert set(graph.objects(sanctions[0], vocab.agent)) == {URIRef(BASE + "id/country/north-korea")}
    assert validate(graph).conforms


def test_no_blank_nodes() -> None:
    graph = mapping.to_graph(resolved(VISIT), BASE)
    assert all(isinstance(term, URIRef | Literal) for triple in graph for term in triple)
