"""kg/store.py: named graphs per article, the default graph as their set union, atomic replace."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import NotFound, QueryError, RdfSyntaxError
from kg.store import DATASET_FORMATS, EXPORT_FORMATS, OxigraphStore, format_from_name

G1, G2 = "http://example.org/id/article/a1", "http://example.org/id/article/a2"
SHARED = '<http://example.org/id/country/x> <http://www.w3.org/2000/01/rdf-schema#label> "X" .\n'
ONLY1 = "<http://example.org/id/event/e1> <http://example.org/p> <http://example.org/id/country/x> .\n"
ONLY2 = '<http://example.org/id/event/e2> <http://example.org/p> "two"@en .\n'


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    return OxigraphStore(tmp_path / "store")


def count(store: OxigraphStore, where: str = "?s ?p ?o") -> int:
    return int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])


def test_triple_held_by_two_articles_counts_once(store: OxigraphStore) -> None:
    store.replace_graph(G1, SHARED + ONLY1)
    store.replace_graph(G2, SHARED + ONLY2)
    assert count(store) == 3
    assert count(store, "GRAPH ?g { ?s ?p ?o }") == 4


def test_replacing_with_the_same_triples_changes_nothing(store: OxigraphStore) -> None:
    assert store.replace_graph(G1, SHARED + ONLY1) is True
    assert store.replace_graph(G1, ONLY1 + SHARED) is False
    assert count(store) == 2


def test_replace_keeps_triples_other_graphs_hold(store: OxigraphStore) -> None:
    store.replace_graph(G1, SHARED + ONLY1)
    store.replace_graph(G2, SHARED + ONLY2)
    store.replace_graph(G1, ONLY1)  # G1 no longer says the label; G2 still does
    assert count(store, '?s <http://www.w3.org/2000/01/rdf-schema#label> "X"') == 1
    store.drop_graph(G2)
    assert count(store, '?s <http://www.w3.org/2000/01/rdf-schema#label> "X"') == 0
    assert store.graphs() == [G1]


def test_drop_unknown_graph_is_false_and_graph_triples_raise(store: OxigraphStore) -> None:
    assert store.drop_graph(G1) is False
    with pytest.raises(NotFound):
        store.graph_triples(G1)


def test_bad_ntriples_and_blank_nodes_are_refused_and_nothing_is_written(store: OxigraphStore) -> None:
    with pytest.raises(RdfSyntaxError):
        store.replace_graph(G1, "<not a triple")
    with pytest.raises(RdfSyntaxError):
        store.replace_graph(G1, "_:b <http://example.org/p> <http://example.org/o> .\n")
    assert count(store) == 0 and store.graphs() == []


def test_load_puts_default_graph_triples_in_the_named_graph(store: OxigraphStore) -> None:
    data = b"@prefix e: <http://example.org/> . e:a e:b [ e:c 1 ] ."
    assert store.load(data, ox.RdfFormat.TURTLE, "http://example.org/id/graph/extra") == 2
    assert store.graphs() == ["http://example.org/id/graph/extra"]
    # the blank node is the same node in the named graph and in the union
    assert count(store, "?a <http://example.org/b> ?x . ?x <http://example.org/c> 1") == 1


def test_load_of_bad_rdf_is_one_clear_error(store: OxigraphStore) -> None:
    with pytest.raises(RdfSyntaxError, match=r"not valid Turtle: .*line 1"):
        store.load(b"@prefix e: <http://example.org/> . e:a e:b", ox.RdfFormat.TURTLE, G1)


def test_syntax_error_in_query_is_a_query_error(store: OxigraphStore) -> None:
    with pytest.raises(QueryError):
        store.select("SELEC * WHERE { ?s ?p ?o }")


def test_store_reopens_from_disk(tmp_path: Path) -> None:
    first = OxigraphStore(tmp_path / "s")
    first.replace_graph(G1, SHARED)
    first.close()
    again = OxigraphStore(tmp_path / "s", read_only=True)
    assert again.graphs() == [G1]


@pytest.mark.parametrize("name", sorted(EXPORT_FORMATS))
def test_export_parses_back_to_the_same_graphs(store: OxigraphStore, name: str) -> None:
    store.replace_graph(G1, SHARED + ONLY1)
    store.replace_graph(G2, SHARED + ONLY2)
    buffer = io.BytesIO()
    fmt = format_from_name(name)
    store.export(buffer, fmt)
    rdflib_format = {"nquads": "nquads", "trig": "trig", "turtle": "turtle", "ntriples": "nt"}
    rdflib_format |= {"jsonld": "json-ld", "rdfxml": "xml"}
    if fmt in DATASET_FORMATS:
        exported = Dataset()
        exported.parse(data=buffer.getvalue(), format=rdflib_format[name])
        graphs = {str(g.identifier): g for g in exported.graphs() if len(g)}
        assert set(graphs) == {G1, G2}
        expected = Graph().parse(data=SHARED + ONLY1, format="nt")
        assert isomorphic(graphs[G1], expected)
    else:
        exported_graph = Graph().parse(data=buffer.getvalue(), format=rdflib_format[name])
        expected = Graph().parse(data=SHARED + ONLY1 + ONLY2, format="nt")
        assert isomorphic(exported_graph, expected)


def test_counts_use_the_union_once(store: OxigraphStore) -> None:
    event = (
        "<http://example.org/id/event/v> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/newskg/ontology#Visit> .\n"
    )
    store.replace_graph(G1, event + SHARED)
    store.replace_graph(G2, event + SHARED)
    counts = store.counts()
    assert counts.events_by_type["Visit"] == 1
    assert counts.graphs == 2


def test_every_write_bumps_the_generation(store: OxigraphStore) -> None:
    before = store.generation
    store.replace_graph(G1, SHARED)
    store.replace_graph(G1, SHARED)  # nothing changed, but a write was made
    store.load(ONLY2.encode(), ox.RdfFormat.N_TRIPLES, G2)
    assert store.generation == before + 3
    with pytest.raises(RdfSyntaxError):
        store.replace_graph(G1, "not n-triples")
    assert store.generation == before + 4


def test_the_default_graph_copy_holds_the_union_and_respects_its_maximum(store: OxigraphStore) -> None:
    store.replace_graph(G1, SHARED + ONLY1)
    store.replace_graph(G2, SHARED)
    copy = store.default_graph_copy(2)
    assert copy is not None
    assert copy.triples() == store.triples() and len(copy.triples()) == 2
    assert copy.graphs() == []
    assert store.default_graph_copy(1) is None
