"""SHACL validation speed of one article-sized graph, against the naive way, measured in the same run.

    .venv/bin/python -m tests.benchmarks.bench_validation [ACTORS EVENTS]   (default: 24 actors, 6 visits)

Prints the milliseconds per call of :func:`kg.validation.validate` (shapes parsed once, only the
ontology's rdfs:subClassOf triples mixed in, no inference) and of pyshacl given the whole ontology
with RDFS inference, and their ratio. Each is the best of several rounds after a warm-up.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import pyshacl
from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg import resources, validation
from kg.vocab import NK

BASE = "http://localhost:8000/id/"
ROUNDS = 5
CALLS = 20


def article_graph(actors: int, events: int) -> Graph:
    """A graph laid out as kg/mapping.py writes one article: countries, people, visits."""
    graph = Graph()
    article = URIRef(BASE + "article/a")
    graph.add((article, RDF.type, NK.Article))
    graph.add((article, DCTERMS.title, Literal("A title")))
    graph.add((article, DCTERMS.issued, Literal("2024-06-18T12:09:45+00:00", datatype=XSD.dateTime)))
    countries = [URIRef(f"{BASE}country/c{i}") for i in range(max(1, actors // 3))]
    people = [URIRef(f"{BASE}person/p{i}") for i in range(max(2, actors - len(countries)))]
    for i, country in enumerate(countries):
        graph.add((country, RDF.type, NK.Country))
        graph.add((country, RDFS.label, Literal(f"Country {i}")))
        graph.add((country, SKOS.altLabel, Literal(f"Capital {i}")))
        graph.add((country, NK.isoCode, Literal("AA")))
        graph.add((country, SKOS.exactMatch, URIRef(f"https://sws.geonames.org/{i}/")))
        graph.add((country, NK.mentionedIn, article))
    for i, person in enumerate(people):
        graph.add((person, RDF.type, NK.Person))
        graph.add((person, RDFS.label, Literal(f"Person {i}")))
        graph.add((person, SKOS.altLabel, Literal(f"P{i}")))
        graph.add((person, NK.country, countries[i % len(countries)]))
        graph.add((person, NK.mentionedIn, article))
    for i in range(events):
        event = URIRef(f"{BASE}event/e{i}")
        graph.add((event, RDF.type, NK.Visit))
        graph.add((event, NK.agent, people[i % len(people)]))
        graph.add((event, NK.host, people[(i + 1) % len(people)]))
        graph.add((event, NK.destination, countries[i % len(countries)]))
        graph.add((event, NK.date, Literal("2024-06-18", datatype=XSD.date)))
        graph.add((event, NK.dateText, Literal("on Tuesday")))
        graph.add((event, NK.status, NK.Occurred))
        graph.add((event, NK.evidence, Literal("Someone arrived on Tuesday.")))
        graph.add((event, PROV.wasDerivedFrom, article))
    return graph


def naive(graph: Graph) -> bool:
    shapes = Graph()
    shapes += resources.shapes_graph()
    conforms, _, _ = pyshacl.validate(
        graph, shacl_graph=shapes, ont_graph=resources.ontology_graph(), inference="rdfs"
    )
    return bool(conforms)


def ms_per_call(call: Callable[[Graph], object], graph: Graph) -> float:
    call(graph)  # warm-up
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(CALLS):
            call(graph)
        best = min(best, (time.perf_counter() - start) / CALLS)
    return best * 1000


def main(argv: list[str]) -> None:
    actors, events = (int(argv[0]), int(argv[1])) if len(argv) == 2 else (24, 6)
    graph = article_graph(actors, events)
    assert validation.validate(graph).conforms and naive(graph)
    ours = ms_per_call(validation.validate, graph)
    baseline = ms_per_call(naive, graph)
    print(f"graph: {len(graph)} triples ({actors} actors, {events} events)")
    print(f"kg.validation.validate: {ours:.1f} ms/call ({ours * 1000 / len(graph):.0f} µs/triple)")
    print(f"pyshacl, whole ontology, RDFS inference: {baseline:.1f} ms/call")
    print(f"ratio: {baseline / ours:.1f}x faster")


if __name__ == "__main__":
    main(sys.argv[1:])
