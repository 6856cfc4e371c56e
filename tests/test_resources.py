"""kg/resources.py: the ontology and shapes are found and loaded once; missing or broken files say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, SH, URIRef

from kg import resources
from kg.errors import NewskgError
from kg.vocab import ONTOLOGY_IRI


def test_the_files_sit_at_the_top_of_the_repository() -> None:
    assert resources.ontology_path() == resources.PROJECT_ROOT / "ontology" / "newskg.ttl"
    assert resources.shapes_path() == resources.PROJECT_ROOT / "shapes" / "newskg.ttl"
    assert (resources.PROJECT_ROOT / "kg" / "resources.py").is_file()


def test_loaders_parse_once_and_return_the_graphs() -> None:
    ontology = resources.ontology_graph()
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in ontology
    assert resources.ontology_graph() is ontology
    shapes = resources.shapes_graph()
    assert set(shapes.subjects(RDF.type, SH.NodeShape))
    assert resources.shapes_graph() is shapes


def test_a_missing_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(resources, "SHAPES_PATH", tmp_path / "shapes" / "newskg.ttl")
    with pytest.raises(NewskgError, match=r"shapes/newskg\.ttl.*pip install -e"):
        resources.shapes_path()


def test_a_broken_file_names_itself(tmp_path: Path) -> None:
    broken = tmp_path / "newskg.ttl"
    broken.write_text("@prefix nk: <https://w3id.org/newskg/ontology#> .\nnk:Actor a ", encoding="utf-8")
    with pytest.raises(NewskgError, match=str(broken)):
        resources._parse(broken)
