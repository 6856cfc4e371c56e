"""Shared fixtures: the corpus beside the repository, the loaded model, ingested stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.config import Settings
from kg.store import OxigraphStore

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
SAMPLES = REPO / "kg" / "samples"
BASE = "http://localhost:8000/"


def needs_shared_corpus() -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside the repository"
    )


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(store=tmp_path_factory.mktemp("default") / "store", base_iri=BASE)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from kg.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, settings: Settings, nlp) -> Iterator[OxigraphStore]:  # type: ignore[no-untyped-def]
    """A store holding the seed's two articles, ingested once for the session."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    from kg.pipeline import Pipeline, read_paths

    store = OxigraphStore(tmp_path_factory.mktemp("seed") / "store")
    read = read_paths([SHARED_CORPUS / "seed"])
    assert not read.failures
    summary = Pipeline(settings, store, nlp).ingest(read.articles)
    assert summary.ok, summary
    yield store
    store.close()
