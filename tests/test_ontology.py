"""ontology/newskg.ttl: parses, is documented, is consistent under HermiT, is OWL 2 DL, passes the checks."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg import resources
from kg.vocab import NK, ONTOLOGY_IRI

CHECKS_DIR = resources.PROJECT_ROOT / "ontology" / "checks"
OWLAPI_JAR = Path("/usr/share/java/owlapi-distribution.jar")
OWLCHECK = resources.PROJECT_ROOT.parent / "shared" / "tools" / "owlcheck" / "owlcheck"
DECLARATION_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(resources.ontology_path(), format="turtle")


def declared_terms(graph: Graph) -> set[URIRef]:
    return {
        term
        for kind in DECLARATION_TYPES
        for term in graph.subjects(RDF.type, kind)
        if isinstance(term, URIRef)
    }


def english(graph: Graph, term: URIRef, predicate: URIRef) -> list[str]:
    return [
        str(value)
        for value in graph.objects(term, predicate)
        if isinstance(value, Literal) and value.language in (None, "en")
    ]


def test_header_has_ontology_iri_and_version_iri(ontology: Graph) -> None:
    header = URIRef(ONTOLOGY_IRI)
    assert (header, RDF.type, OWL.Ontology) in ontology
    version = ontology.value(header, OWL.versionIRI)
    assert version is not None and str(version).startswith(ONTOLOGY_IRI + "/")
    assert ontology.value(header, OWL.versionInfo) is not None


def test_every_declared_term_has_english_label(ontology: Graph) -> None:
    unlabelled = sorted(t for t in declared_terms(ontology) if not english(ontology, t, RDFS.label))
    assert not unlabelled, f"terms without an English rdfs:label: {unlabelled}"


def test_every_own_term_has_english_comment(ontology: Graph) -> None:
    own = {t for t in declared_terms(ontology) if t.startswith(str(NK))}
    uncommented = sorted(t for t in own if not english(ontology, t, RDFS.comment))
    assert not uncommented, f"nk: terms without an English rdfs:comment: {uncommented}"


def test_event_classes_carry_cameo_and_plover_codes(ontology: Graph) -> None:
    assert {str(c) for c in ontology.objects(NK.Visit, NK.cameoCode)} == {"042", "043"}
    assert str(ontology.value(NK.Visit, NK.ploverEventType)) == "CONSULT"
    assert str(ontology.value(NK.Visit, NK.ploverMode)) == "visit"
    assert str(ontology.value(NK.Sanction, NK.cameoCode)) == "163"
    assert str(ontology.value(NK.Sanction, NK.ploverEventType)) == "SANCTION"
    # no code exists for espionage itself: none is claimed, and the comment says so
    assert ontology.value(NK.Espionage, NK.cameoCode) is None
    assert "1125" in str(ontology.value(NK.Espionage, RDFS.comment))


@pytest.mark.parametrize("query_file", sorted(CHECKS_DIR.glob("*.rq")), ids=lambda p: p.name)
def test_quality_check_query_returns_no_rows(ontology: Graph, query_file: Path) -> None:
    rows = list(ontology.query(query_file.read_text(encoding="utf-8")))
    assert rows == [], f"{query_file.name} found problems: {rows}"


def test_there_are_quality_check_queries() -> None:
    assert len(list(CHECKS_DIR.glob("*.rq"))) >= 5


def test_checks_survive_an_rdfxml_round_trip(ontology: Graph) -> None:
    """Protégé saves RDF/XML or Turtle in its own layout; only the triples may matter."""
    reparsed = Graph().parse(data=ontology.serialize(format="xml"), format="xml")
    assert len(reparsed) == len(ontology)
    for query_file in sorted(CHECKS_DIR.glob("*.rq")):
        assert list(reparsed.query(query_file.read_text(encoding="utf-8"))) == [], query_file.name


# --- HermiT through owlready2 -------------------------------------------------------------

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs a Java runtime")


def run_hermit(graph: Graph, tmp_path: Path) -> list[str]:
    """Load ``graph`` in owlready2 and classify it with HermiT; the names of unsatisfiable classes.

    owlready2 does not read Turtle, so the graph goes through an N-Triples file.
    Raises owlready2's OwlReadyInconsistentOntologyError when the ontology is inconsistent.
    """
    import owlready2

    path = tmp_path / "newskg.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load()
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)


@needs_java
def test_hermit_finds_the_ontology_consistent_and_every_class_satisfiable(
    ontology: Graph, tmp_path: Path
) -> None:
    assert run_hermit(ontology, tmp_path) == []


@needs_java
def test_hermit_sees_the_disjointness_axioms(ontology: Graph, tmp_path: Path) -> None:
    """A control: a class that is both a Person and an Organization must be unsatisfiable."""
    probe = Graph()
    probe += ontology
    both = URIRef(str(NK) + "ProbePersonOrganization")
    probe.add((both, RDF.type, OWL.Class))
    probe.add((both, RDFS.subClassOf, NK.Person))
    probe.add((both, RDFS.subClassOf, NK.Organization))
    assert run_hermit(probe, tmp_path) == [str(both)]


# --- OWL API (what Protégé loads with) ----------------------------------------------------


@pytest.mark.skipif(
    not (OWLAPI_JAR.is_file() and OWLCHECK.is_file() and shutil.which("java")),
    reason="owlcheck needs Debian's libowlapi-java, a JDK and ../shared/tools/owlcheck",
)
def test_owlapi_reports_owl2_dl_and_no_unlabelled_terms() -> None:
    done = subprocess.run(
        [str(OWLCHECK), str(resources.ontology_path())],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = dict(
        line.split(" ", 1) for line in done.stdout.splitlines() if " " in line and not line.startswith(" ")
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert report.get("ontologyIRI") == ONTOLOGY_IRI
    assert report.get("versionIRI", "NONE") != "NONE"
    assert report.get("dlViolations") == "0", done.stdout
    own = report.get("ownEntities", "")
    assert " unlabelled 0 " in f" {own} ", done.stdout
    assert own.endswith("uncommented 0"), done.stdout
