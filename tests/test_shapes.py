"""shapes/newskg.ttl: a graph laid out as the mapping writes it conforms; each broken rule is reported.

Every negative case asserts that validation fails and that the report text names the focus node
and the problem, because people read these reports when an article is rejected.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, RDFS, SH, SKOS, XSD, BNode, Graph, Literal, Namespace, URIRef

from kg import resources
from kg.validation import validate
from kg.vocab import NK

ID = Namespace("http://localhost:8000/id/")
ARTICLE = ID["article/2024-06-18-putin-praises-north-korea"]
PUTIN = ID["person/vladimir-putin"]
KIM = ID["person/kim-jong-un"]
BFV = ID["organization/bfv"]
RUSSIA = ID["country/russia"]
NORTH_KOREA = ID["country/north-korea"]
GERMANY = ID["country/germany"]
PYONGYANG = ID["city/pyongyang"]
VISIT = ID["event/visit-vladimir-putin-city-pyongyang-2024"]
SANCTION = ID["event/sanction-russia-north-korea-2024"]
ESPIONAGE = ID["event/espionage-north-korea-germany-2023"]

VALID = f"""
@prefix nk: <https://w3id.org/newskg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .

<{ARTICLE}> a nk:Article ;
    dcterms:title "Putin praises North Korea" ;
    dcterms:issued "2024-06-18T12:09:45+00:00"^^xsd:dateTime ;
    schema:url "https://example.org/news/putin"^^xsd:anyURI ;
    dcterms:publisher "Example News" .

<{PUTIN}> a nk:Person ; rdfs:label "Vladimir Putin" ; skos:altLabel "Putin" ;
    nk:country <{RUSSIA}> ; nk:mentionedIn <{ARTICLE}> .
<{KIM}> a nk:Person ; rdfs:label "Kim Jong Un" ;
    nk:country <{NORTH_KOREA}> ; nk:mentionedIn <{ARTICLE}> .
<{BFV}> a nk:Organization ; rdfs:label "Federal Office for the Protection of the Constitution" ;
    skos:altLabel "BfV" ; nk:country <{GERMANY}> ; nk:mentionedIn <{ARTICLE}> .
<{RUSSIA}> a nk:Country ; rdfs:label "Russia" ; skos:altLabel "Moscow" ; nk:isoCode "RU" ;
    skos:exactMatch <https://sws.geonames.org/2017370/> ; nk:mentionedIn <{ARTICLE}> .
<{NORTH_KOREA}> a nk:Country ; rdfs:label "North Korea" ; skos:altLabel "Pyongyang" ; nk:isoCode "KP" ;
    skos:exactMatch <https://sws.geonames.org/1873107/> ; nk:mentionedIn <{ARTICLE}> .
<{GERMANY}> a nk:Country ; rdfs:label "Germany" ; nk:isoCode "DE" ; nk:mentionedIn <{ARTICLE}> .
<{PYONGYANG}> a nk:City ; rdfs:label "Pyongyang" ; nk:country <{NORTH_KOREA}> ;
    skos:exactMatch <https://sws.geonames.org/1871859/> ; nk:mentionedIn <{ARTICLE}> .

<{VISIT}> a nk:Visit ;
    nk:agent <{PUTIN}> ; nk:destination <{PYONGYANG}> ; nk:host <{KIM}> ;
    nk:date "2024-06-18"^^xsd:date ; nk:dateText "on Tuesday" ; nk:status nk:Occurred ;
    nk:evidence "Putin arrived in Pyongyang on Tuesday for talks with Kim Jong Un." ;
    prov:wasDerivedFrom <{ARTICLE}> .

<{SANCTION}> a nk:Sanction ;
    nk:agent <{RUSSIA}> ; nk:target <{NORTH_KOREA}> ;
    nk:date "2024-06"^^xsd:gYearMonth ; nk:status nk:Planned ;
    nk:evidence "Russia said it would impose sanctions on North Korea in June." ;
    prov:wasDerivedFrom <{ARTICLE}> .

<{ESPIONAGE}> a nk:Espionage ;
    nk:agent <{KIM}> ; nk:onBehalfOf <{NORTH_KOREA}> ; nk:target <{GERMANY}> ;
    nk:reportedBy <{BFV}> ; nk:date "2023"^^xsd:gYear ; nk:status nk:Alleged ;
    nk:evidence "The BfV said he had spied for North Korea since 2023." ;
    prov:wasDerivedFrom <{ARTICLE}> .
"""

DCTERMS_TITLE = URIRef("http://purl.org/dc/terms/title")
DCTERMS_ISSUED = URIRef("http://purl.org/dc/terms/issued")
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")

Edit = Callable[[Graph], object]


def valid_graph() -> Graph:
    return Graph().parse(data=VALID, format="turtle")


def drop(subject: URIRef, predicate: URIRef) -> Edit:
    return lambda g: g.remove((subject, predicate, None))


def replace(subject: URIRef, predicate: URIRef, value: URIRef | Literal) -> Edit:
    def edit(g: Graph) -> None:
        g.remove((subject, predicate, None))
        g.add((subject, predicate, value))

    return edit


def add(subject: URIRef, predicate: URIRef, value: URIRef | Literal) -> Edit:
    return lambda g: g.add((subject, predicate, value))


def test_the_valid_graph_conforms() -> None:
    report = validate(valid_graph())
    assert report.conforms, report.text
    assert report.results == ()


def test_a_merged_event_may_carry_several_statuses_dates_and_hosts() -> None:
    graph = valid_graph()
    graph.add((VISIT, NK.status, NK.Planned))
    graph.add((VISIT, NK.date, Literal("2024-06", datatype=XSD.gYearMonth)))
    graph.add((VISIT, NK.host, NORTH_KOREA))
    report = validate(graph)
    assert report.conforms, report.text


def test_optional_values_may_be_missing() -> None:
    graph = valid_graph()
    for subject, predicate in [
        (VISIT, NK.date),
        (VISIT, NK.dateText),
        (VISIT, NK.host),
        (ESPIONAGE, NK.onBehalfOf),
        (ESPIONAGE, NK.reportedBy),
        (ESPIONAGE, NK.target),
        (PUTIN, NK.country),
        (RUSSIA, NK.isoCode),
        (ARTICLE, URIRef("https://schema.org/url")),
        (ARTICLE, URIRef("http://purl.org/dc/terms/publisher")),
    ]:
        graph.remove((subject, predicate, None))
    report = validate(graph)
    assert report.conforms, report.text


NEGATIVE_CASES: list[tuple[str, Edit, URIRef, str]] = [
    # (case, edit, focus node, text that names the problem)
    ("event without agent", drop(VISIT, NK.agent), VISIT, "nk:agent"),
    ("agent is a city", replace(SANCTION, NK.agent, PYONGYANG), SANCTION, f"value: <{PYONGYANG}>"),
    ("agent is an article", replace(ESPIONAGE, NK.agent, ARTICLE), ESPIONAGE, "nk:agent"),
    ("visit without destination", drop(VISIT, NK.destination), VISIT, "nk:destination"),
    ("destination is a person", replace(VISIT, NK.destination, KIM), VISIT, "nk:destination"),
    ("host is a city", replace(VISIT, NK.host, PYONGYANG), VISIT, "nk:host"),
    ("sanction without target", drop(SANCTION, NK.target), SANCTION, "nk:target"),
    ("sanction target is a city", replace(SANCTION, NK.target, PYONGYANG), SANCTION, "nk:target"),
    ("espionage target is a city", replace(ESPIONAGE, NK.target, PYONGYANG), ESPIONAGE, "nk:target"),
    ("on behalf of a city", replace(ESPIONAGE, NK.onBehalfOf, PYONGYANG), ESPIONAGE, "nk:onBehalfOf"),
    ("reported by a city", replace(ESPIONAGE, NK.reportedBy, PYONGYANG), ESPIONAGE, "nk:reportedBy"),
    ("event without status", drop(VISIT, NK.status), VISIT, "nk:status"),
    ("unknown status", replace(SANCTION, NK.status, NK.Rumoured), SANCTION, "nk:status"),
    ("status as a string", replace(SANCTION, NK.status, Literal("occurred")), SANCTION, "nk:status"),
    ("no source article", drop(VISIT, PROV_DERIVED), VISIT, "prov:wasDerivedFrom"),
    ("source is not an article", replace(VISIT, PROV_DERIVED, PUTIN), VISIT, "prov:wasDerivedFrom"),
    ("no evidence", drop(ESPIONAGE, NK.evidence), ESPIONAGE, "nk:evidence"),
    ("empty evidence", replace(ESPIONAGE, NK.evidence, Literal("")), ESPIONAGE, "nk:evidence"),
    ("date typed xsd:string", replace(VISIT, NK.date, Literal("2024-06-18")), VISIT, "nk:date"),
    (
        "date typed xsd:dateTime",
        replace(VISIT, NK.date, Literal("2024-06-18T00:00:00", datatype=XSD.dateTime)),
        VISIT,
        "nk:date",
    ),
    (
        "ill-formed xsd:date",
        replace(VISIT, NK.date, Literal("2024-13-45", datatype=XSD.date)),
        VISIT,
        "nk:date",
    ),
    ("date text not a string", replace(VISIT, NK.dateText, Literal(2024)), VISIT, "nk:dateText"),
    ("person with two labels", add(PUTIN, RDFS.label, Literal("Putin")), PUTIN, "rdfs:label"),
    ("person without label", drop(KIM, RDFS.label), KIM, "rdfs:label"),
    ("organization without label", drop(BFV, RDFS.label), BFV, "rdfs:label"),
    ("country with two labels", add(GERMANY, RDFS.label, Literal("FRG")), GERMANY, "rdfs:label"),
    ("label is an IRI", replace(RUSSIA, RDFS.label, ID["x"]), RUSSIA, "rdfs:label"),
    ("person's country is a city", replace(PUTIN, NK.country, PYONGYANG), PUTIN, "nk:country"),
    ("lower-case ISO code", replace(NORTH_KOREA, NK.isoCode, Literal("kp")), NORTH_KOREA, "nk:isoCode"),
    ("two ISO codes", add(NORTH_KOREA, NK.isoCode, Literal("KR")), NORTH_KOREA, "nk:isoCode"),
    (
        "exact match is a string",
        add(RUSSIA, SKOS.exactMatch, Literal("geonames 2017370")),
        RUSSIA,
        "skos:exactMatch",
    ),
    ("alt label is an IRI", add(KIM, SKOS.altLabel, ID["kim"]), KIM, "skos:altLabel"),
    ("city without label", drop(PYONGYANG, RDFS.label), PYONGYANG, "rdfs:label"),
    ("city without country", drop(PYONGYANG, NK.country), PYONGYANG, "nk:country"),
    ("city's country is a person", replace(PYONGYANG, NK.country, KIM), PYONGYANG, "nk:country"),
    ("article without title", drop(ARTICLE, DCTERMS_TITLE), ARTICLE, "dcterms:title"),
    ("article with two titles", add(ARTICLE, DCTERMS_TITLE, Literal("Other")), ARTICLE, "dcterms:title"),
    ("article without issued", drop(ARTICLE, DCTERMS_ISSUED), ARTICLE, "dcterms:issued"),
    (
        "issued typed xsd:date",
        replace(ARTICLE, DCTERMS_ISSUED, Literal("2024-06-18", datatype=XSD.date)),
        ARTICLE,
        "dcterms:issued",
    ),
    (
        "issued as a plain string",
        replace(ARTICLE, DCTERMS_ISSUED, Literal("2024-06-18T12:09:45+00:00")),
        ARTICLE,
        "dcterms:issued",
    ),
]


@pytest.mark.parametrize(
    ("edit", "focus", "problem"), [c[1:] for c in NEGATIVE_CASES], ids=[c[0] for c in NEGATIVE_CASES]
)
def test_a_broken_rule_is_reported_with_its_focus_node(edit: Edit, focus: URIRef, problem: str) -> None:
    graph = valid_graph()
    edit(graph)
    report = validate(graph)
    assert not report.conforms
    assert {r.focus for r in report.results} == {focus}, report.text
    assert f"<{focus}>" in report.text
    assert problem in report.text


def test_an_event_that_is_a_blank_node_is_reported() -> None:
    graph = valid_graph()
    event = BNode()
    for predicate, value in graph.predicate_objects(SANCTION):
        graph.add((event, predicate, value))
    report = validate(graph)
    assert not report.conforms
    assert "IRI" in report.text


def test_one_broken_rule_gives_one_result_although_two_targets_select_the_node() -> None:
    """nks:EventShape targets nk:Event and nk:Visit; the Visit must still be checked once."""
    graph = valid_graph()
    graph.remove((VISIT, NK.agent, None))
    report = validate(graph)
    assert len(report.results) == 1, report.text
    assert report.results[0].path == NK.agent


def test_an_untyped_agent_is_not_an_actor() -> None:
    graph = valid_graph()
    graph.remove((PUTIN, RDF.type, NK.Person))
    report = validate(graph)
    assert not report.conforms
    assert f"<{VISIT}> nk:agent" in report.text


# --- the shapes file itself ---------------------------------------------------------------

SHACL_SHACL = Path(str(importlib.resources.files("pyshacl"))) / "assets" / "shacl-shacl.ttl"
NOT_CORE = {SH.sparql, SH.select, SH.ask, SH.rule, SH.condition, SH.target, SH.jsLibrary, SH.jsFunctionName}


def test_the_shapes_are_well_formed_shacl() -> None:
    """Checked against the W3C SHACL-SHACL shapes graph (as pyshacl ships it)."""
    shapes = Graph()
    shapes += resources.shapes_graph()
    conforms, _, text = pyshacl.validate(shapes, shacl_graph=Graph().parse(SHACL_SHACL), inference="none")
    assert conforms, text


def test_the_shapes_stay_within_shacl_core() -> None:
    """A second SHACL engine checks exported data: no SPARQL constraints, rules or pyshacl extras."""
    shapes = resources.shapes_graph()
    assert set(shapes.predicates()) & NOT_CORE == set()
    assert not any(
        str(node).startswith("http://datashapes.org/dash#") for triple in shapes for node in triple
    )


def test_every_constraint_says_what_is_wrong_in_english() -> None:
    shapes = resources.shapes_graph()
    property_shapes = set(shapes.objects(None, SH.property))
    assert property_shapes
    for shape in property_shapes:
        messages = [
            m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal) and m.language == "en"
        ]
        assert len(messages) == 1, (
            f"property shape {shape} ({shapes.value(shape, SH.path)}) needs one sh:message"
        )
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(shape, RDFS.label) is not None and shapes.value(shape, RDFS.comment) is not None


def test_the_shapes_give_the_same_answer_without_the_class_hierarchy() -> None:
    """Exported data is checked by engines that do not see the ontology; nothing may depend on it."""
    shapes = Graph()
    shapes += resources.shapes_graph()  # a copy: pyshacl adds triples to the shapes graph it is given
    conforms, _, text = pyshacl.validate(valid_graph(), shacl_graph=shapes, inference="none")
    assert conforms, text
    broken = valid_graph()
    broken.remove((VISIT, NK.agent, None))
    conforms, _, _ = pyshacl.validate(broken, shacl_graph=shapes, inference="none")
    assert not conforms
