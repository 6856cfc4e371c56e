"""Where the ontology and the SHACL shapes live, and cached loaders for them.

Both files sit at the top of the repository (``ontology/newskg.ttl``, ``shapes/newskg.ttl``),
next to the ``kg`` package, which is installed editable. The loaders parse each file once per
process; the graphs they return are shared, so callers must not modify them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from kg.errors import NewskgError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_PATH = PROJECT_ROOT / "ontology" / "newskg.ttl"
SHAPES_PATH = PROJECT_ROOT / "shapes" / "newskg.ttl"


def _existing(path: Path, what: str) -> Path:
    if not path.is_file():
        raise NewskgError(
            f"{what} not found at {path}: newskg expects it at the top of the repository; "
            "install the project from a checkout with `pip install -e .` so the file sits next to kg/"
        )
    return path


def ontology_path() -> Path:
    """The path of the ontology's edit file, ``ontology/newskg.ttl``; NewskgError if it is missing."""
    return _existing(ONTOLOGY_PATH, "the ontology (ontology/newskg.ttl)")


def shapes_path() -> Path:
    """The path of the SHACL shapes, ``shapes/newskg.ttl``; NewskgError if it is missing."""
    return _existing(SHAPES_PATH, "the SHACL shapes (shapes/newskg.ttl)")


def _parse(path: Path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except (SyntaxError, ValueError) as exc:  # rdflib's BadSyntax is a SyntaxError
        raise NewskgError(
            f"{path}: cannot parse as Turtle ({exc}); fix the file or restore it from git"
        ) from exc


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology as an rdflib Graph, parsed once. Shared: do not modify it."""
    return _parse(ontology_path())


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes as an rdflib Graph, parsed once. Shared: do not modify it."""
    return _parse(shapes_path())
