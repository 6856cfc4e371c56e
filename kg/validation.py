"""Validate an RDF graph against the SHACL shapes (``shapes/newskg.ttl``).

The only module that calls pyshacl. :func:`validate` returns a typed, readable
:class:`ValidationReport`; :meth:`ValidationReport.raise_for_violations` turns a failed one into
:class:`kg.errors.ShapeViolation`.

It runs once per article graph during ingest, so it is kept cheap: the shapes are parsed once,
and instead of RDFS inference over the whole ontology only the ontology's ``rdfs:subClassOf``
triples are mixed into (a copy of) the data graph, which is all SHACL's class targets and
``sh:class`` need to see subclasses.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

import pyshacl
from rdflib import RDF, RDFS, SH, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg import resources
from kg.errors import ShapeViolation
from kg.vocab import PREFIXES

log = logging.getLogger(__name__)

SHAPES_NS = "https://w3id.org/newskg/shapes#"


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL validation result: what failed, where, and why."""

    focus: Node
    path: Node | None
    value: Node | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    shape: Node | None  # the shape whose constraint failed (sh:sourceShape)


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating one graph. ``text`` is meant for people (logs, CLI, API)."""

    conforms: bool
    results: tuple[ValidationResult, ...]
    text: str

    def raise_for_violations(self) -> None:
        """Raise :class:`ShapeViolation` carrying this report unless the graph conforms."""
        if not self.conforms:
            raise ShapeViolation(self.text, report=self)


@lru_cache(maxsize=1)
def class_hierarchy() -> Graph:
    """The ontology's ``rdfs:subClassOf`` triples between named classes, and nothing else."""
    hierarchy = Graph()
    for sub, sup in resources.ontology_graph().subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            hierarchy.add((sub, RDFS.subClassOf, sup))
    return hierarchy


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    """A private copy of the shapes: pyshacl adds its own system triples to the graph it is given."""
    shapes = Graph()
    shapes += resources.shapes_graph()
    return shapes


@lru_cache(maxsize=1)
def _namespaces() -> NamespaceManager:
    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in {**PREFIXES, "nks": SHAPES_NS, "sh": str(SH)}.items():
        manager.bind(prefix, namespace)
    return manager


def validate(data: Graph) -> ValidationReport:
    """Validate ``data`` against the shapes, with the ontology's class hierarchy in view.

    ``data`` is not modified. Warnings and infos do not make a graph non-conforming.
    """
    conforms, report_graph, _ = pyshacl.validate(
        data,
        shacl_graph=_shapes(),
        ont_graph=class_hierarchy(),
        inference="none",
        allow_warnings=True,
        advanced=False,
    )
    results = _results(report_graph)
    log.debug("validated %d triples: %d results", len(data), len(results))
    return ValidationReport(bool(conforms), results, _text(bool(conforms), results, len(data)))


def _results(report_graph: Graph) -> tuple[ValidationResult, ...]:
    results = []
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(node, SH.focusNode)
        if focus is None:  # pyshacl always sets it; guard against a malformed report
            continue
        messages = sorted(str(m) for m in report_graph.objects(node, SH.resultMessage))
        severity = report_graph.value(node, SH.resultSeverity)
        results.append(
            ValidationResult(
                focus=focus,
                path=report_graph.value(node, SH.resultPath),
                value=report_graph.value(node, SH.value),
                message="; ".join(messages) or "constraint not satisfied",
                severity=_short_severity(severity),
                shape=report_graph.value(node, SH.sourceShape),
            )
        )
    results.sort(key=lambda r: (str(r.focus), str(r.path), r.message, str(r.value)))
    return tuple(results)


def _short_severity(severity: Node | None) -> str:
    if isinstance(severity, URIRef) and str(severity).startswith(str(SH)):
        return str(severity)[len(str(SH)) :]
    return "Violation"


def _show(node: Node) -> str:
    if isinstance(node, Literal | URIRef):
        return node.n3(_namespaces())
    return f"[blank node _:{node}]"


def _owning_shape(shape: Node | None) -> str:
    """The named shape a result comes from; an anonymous property shape is shown via its node shape."""
    if shape is None:
        return ""
    if isinstance(shape, URIRef):
        return _show(shape)
    parent = _shapes().value(predicate=SH.property, object=shape)
    return _show(parent) if isinstance(parent, URIRef) else ""


def _text(conforms: bool, results: tuple[ValidationResult, ...], size: int) -> str:
    if conforms and not results:
        return f"Conforms to shapes/newskg.ttl ({size} triples checked)."
    counts: dict[str, int] = {}
    for r in results:
        counts[r.severity] = counts.get(r.severity, 0) + 1
    summary = ", ".join(f"{n} {severity.lower()}{'s' if n > 1 else ''}" for severity, n in counts.items())
    head = "Conforms" if conforms else "Does not conform"
    lines = [f"{head} to shapes/newskg.ttl ({size} triples checked): {summary}"]
    for r in results:
        where = f"<{r.focus}>" if isinstance(r.focus, URIRef) else _show(r.focus)
        if r.path is not None:
            where += f" {_show(r.path)}"
        line = f"- {r.severity}: {where}: {r.message}"
        if r.value is not None:
            line += f" (value: {_show(r.value)})"
        shape = _owning_shape(r.shape)
        if shape:
            line += f" [{shape}]"
        lines.append(line)
    return "\n".join(lines)
