"""kg/vocab.py against ontology and shapes: every term the code uses exists, every class has a shape."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, SH, Graph, URIRef
from rdflib.collection import Collection

from kg import resources, vocab


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return resources.ontology_graph()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return resources.shapes_graph()


def test_the_ontology_header_is_the_one_vocab_names(ontology: Graph) -> None:
    assert (URIRef(vocab.ONTOLOGY_IRI), RDF.type, OWL.Ontology) in ontology
    assert vocab.PREFIXES["nk"] == str(vocab.NK) == vocab.ONTOLOGY_IRI + "#"


@pytest.mark.parametrize("term", vocab.USED_TERMS, ids=str)
def test_every_used_term_is_declared(ontology: Graph, term: URIRef) -> None:
    assert set(ontology.objects(term, RDF.type)), f"{term} is used by kg/vocab.py but not declared"


@pytest.mark.parametrize("term", vocab.CLASSES, ids=str)
def test_classes_are_owl_classes(ontology: Graph, term: URIRef) -> None:
    assert (term, RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("term", vocab.OBJECT_PROPERTIES, ids=str)
def test_object_properties_are_owl_object_properties(ontology: Graph, term: URIRef) -> None:
    assert (term, RDF.type, OWL.ObjectProperty) in ontology


@pytest.mark.parametrize("term", vocab.DATA_PROPERTIES, ids=str)
def test_data_properties_are_owl_datatype_properties(ontology: Graph, term: URIRef) -> None:
    assert (term, RDF.type, OWL.DatatypeProperty) in ontology


@pytest.mark.parametrize("term", vocab.STATUSES, ids=str)
def test_statuses_are_named_individuals_of_status(ontology: Graph, term: URIRef) -> None:
    assert (term, RDF.type, OWL.NamedIndividual) in ontology
    assert (term, RDF.type, vocab.Status) in ontology


@pytest.mark.parametrize("cls", vocab.DATA_CLASSES, ids=str)
def test_every_data_class_has_a_node_shape_targeting_it(shapes: Graph, cls: URIRef) -> None:
    node_shapes = [s for s in shapes.subjects(SH.targetClass, cls) if (s, RDF.type, SH.NodeShape) in shapes]
    assert node_shapes, f"no sh:NodeShape in shapes/newskg.ttl has sh:targetClass {cls}"


def test_shapes_only_name_terms_the_ontology_declares(ontology: Graph, shapes: Graph) -> None:
    declared = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef)}
    used = {
        node
        for triple in shapes
        for node in triple
        if isinstance(node, URIRef) and node.startswith(str(vocab.NK))
    }
    assert used - declared == set()


def test_the_status_list_in_the_shapes_is_vocab_statuses(shapes: Graph) -> None:
    lists = [Collection(shapes, node) for node in shapes.objects(None, SH["in"])]
    assert [tuple(items) for items in lists] == [vocab.STATUSES]
