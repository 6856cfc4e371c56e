"""kg/validation.py: the typed report, raise_for_violations, and the class hierarchy mix-in."""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import RDF, RDFS, SH, XSD, Graph, Literal, Namespace, URIRef

from kg import validation
from kg.errors import NewskgError, ShapeViolation
from kg.validation import ValidationReport, ValidationResult, validate
from kg.vocab import NK

ID = Namespace("http://localhost:8000/id/")
ARTICLE = ID["article/2024-06-18-a"]
EVENT = ID["event/visit-x"]
EX = Namespace("http://example.org/")


def article_graph() -> Graph:
    graph = Graph()
    graph.add((ARTICLE, RDF.type, NK.Article))
    graph.add((ARTICLE, URIRef("http://purl.org/dc/terms/title"), Literal("A title")))
    graph.add(
        (
            ARTICLE,
            URIRef("http://purl.org/dc/terms/issued"),
            Literal("2024-06-18T12:09:45+00:00", datatype=XSD.dateTime),
        )
    )
    return graph


def visit_without_agent() -> Graph:
    graph = article_graph()
    graph.add((EVENT, RDF.type, NK.Visit))
    graph.add((EVENT, NK.status, NK.Occurred))
    graph.add((EVENT, NK.evidence, Literal("Someone arrived.")))
    graph.add((EVENT, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), ARTICLE))
    return graph


def test_a_conforming_graph_gives_an_empty_report() -> None:
    report = validate(article_graph())
    assert isinstance(report, ValidationReport)
    assert report.conforms
    assert report.results == ()
    assert report.text.startswith("Conforms")
    report.raise_for_violations()  # does not raise


def test_an_empty_graph_conforms() -> None:
    assert validate(Graph()).conforms


def test_results_carry_focus_path_value_message_severity_and_shape() -> None:
    graph = visit_without_agent()
    graph.add((EVENT, NK.status, EX.Rumoured))
    report = validate(graph)
    assert not report.conforms
    by_path = {r.path: r for r in report.results}
    assert set(by_path) == {NK.agent, NK.destination, NK.status}
    status = by_path[NK.status]
    assert status == ValidationResult(
        focus=EVENT,
        path=NK.status,
        value=EX.Rumoured,
        message=status.message,
        severity="Violation",
        shape=status.shape,
    )
    assert "nk:Occurred" in status.message
    assert (
        status.shape is not None and (None, SH.property, status.shape) in validation.resources.shapes_graph()
    )
    assert by_path[NK.agent].value is None


def test_the_report_text_has_one_line_per_result_naming_node_path_and_problem() -> None:
    report = validate(visit_without_agent())
    lines = report.text.splitlines()
    assert lines[0] == "Does not conform to shapes/newskg.ttl (7 triples checked): 2 violations"
    assert len(lines) == 1 + len(report.results)
    assert any(line.startswith(f"- Violation: <{EVENT}> nk:agent: An event needs") for line in lines)
    assert any(f"<{EVENT}> nk:destination" in line and "[nks:VisitShape]" in line for line in lines)


def test_results_are_in_a_stable_order() -> None:
    first = validate(visit_without_agent())
    second = validate(visit_without_agent())
    assert first.results == second.results
    assert first.text == second.text


def test_raise_for_violations_raises_shape_violation_with_the_report() -> None:
    report = validate(visit_without_agent())
    with pytest.raises(ShapeViolation) as caught:
        report.raise_for_violations()
    assert isinstance(caught.value, NewskgError)
    assert caught.value.report is report
    assert str(caught.value) == report.text


def test_reports_are_frozen() -> None:
    report = validate(Graph())
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.conforms = False  # type: ignore[misc]


def test_validation_leaves_the_data_graph_alone() -> None:
    graph = visit_without_agent()
    before = set(graph)
    validate(graph)
    assert set(graph) == before


def test_validation_leaves_the_shared_shapes_and_ontology_alone() -> None:
    """pyshacl adds system triples to the shapes graph it is given; the API serves the shared one."""
    shapes, ontology = validation.resources.shapes_graph(), validation.resources.ontology_graph()
    before = (len(shapes), len(ontology))
    validate(visit_without_agent())
    assert (len(shapes), len(ontology)) == before


def test_the_class_hierarchy_holds_only_named_subclass_axioms() -> None:
    hierarchy = validation.class_hierarchy()
    assert set(hierarchy.predicates()) == {RDFS.subClassOf}
    for sub, sup in [
        (NK.Country, NK.Place),
        (NK.Country, NK.Actor),
        (NK.City, NK.Place),
        (NK.Visit, NK.Event),
    ]:
        assert (sub, RDFS.subClassOf, sup) in hierarchy


def test_the_hierarchy_makes_shapes_on_a_superclass_reach_subclasses(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new event class added to the ontology is checked by nks:EventShape without touching the shapes."""
    summit = Graph()
    summit.add((EX["summit/1"], RDF.type, EX.Summit))
    assert validate(summit).conforms  # EX.Summit means nothing yet

    extended = Graph()
    extended += validation.class_hierarchy()
    extended.add((EX.Summit, RDFS.subClassOf, NK.Event))
    monkeypatch.setattr(validation, "class_hierarchy", lambda: extended)
    report = validate(summit)
    assert not report.conforms
    assert {r.path for r in report.results} >= {NK.agent, NK.status, NK.evidence}
