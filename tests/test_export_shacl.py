"""The exported data conforms to shapes/ by a second, independent SHACL engine (rudof, in Rust)."""

from __future__ import annotations

import io

import pytest

from kg.resources import shapes_path
from kg.store import OxigraphStore, format_from_name

pyrudof = pytest.importorskip("pyrudof")
pytestmark = [pytest.mark.model, pytest.mark.e2e]


def rudof_report(data: str):  # type: ignore[no-untyped-def]
    engine = pyrudof.Rudof(pyrudof.RudofConfig())
    engine.read_data(data)
    engine.read_shacl(str(shapes_path()))
    return engine.validate_shacl()


def test_exported_turtle_conforms_for_rudof_too(seed_store: OxigraphStore) -> None:
    buffer = io.BytesIO()
    seed_store.export(buffer, format_from_name("turtle"))
    exported = buffer.getvalue().decode("utf-8")
    report = rudof_report(exported)
    assert report.conforms, list(report)[:5]
    # the same engine does reject a broken copy, so the agreement above means something
    broken = exported.replace("nk:Occurred", "nk:Happened", 1)
    assert broken != exported
    assert not rudof_report(broken).conforms
