"""api.mirror: /id pages read an in-memory copy of the default graph, current after every write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import TOKEN, fill_store
from fastapi.testclient import TestClient
from rdflib import Graph
from rdflib.compare import isomorphic

from api.app import create_app
from api.describe import PAGE_SIZE, describe
from api.mirror import IdMirror
from api.routes.articles import get_ingest
from kg.config import Settings
from kg.model import Article
from kg.store import OxigraphStore

BASE = "http://testserver/"
EVENT = f"{BASE}id/event/visit-xi-jinping-france-2024"
COUNTRY = f"{BASE}id/country/russia"
NEW_GRAPH = f"{BASE}id/article/2024-06-01-new"
NEW_EVENT = f"{BASE}id/event/new-visit"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def as_graph(triples: list[ox.Triple]) -> Graph:
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=data.decode(), format="nt")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[OxigraphStore]:
    fill_store(tmp_path / "store", BASE)
    opened = OxigraphStore(tmp_path / "store")
    yield opened
    opened.close()


@pytest.mark.parametrize("iri", [EVENT, COUNTRY])
def test_a_description_from_the_copy_is_the_one_from_the_disk(store: OxigraphStore, iri: str) -> None:
    copy = IdMirror(store, 1_000_000).build()
    assert copy is not None
    on_disk, in_memory = describe(store, iri), describe(copy, iri)
    assert on_disk is not None and in_memory is not None
    assert len(on_disk.triples()) > 3
    assert isomorphic(as_graph(in_memory.triples()), as_graph(on_disk.triples()))
    assert (in_memory.is_graph, in_memory.has_next) == (on_disk.is_graph, on_disk.has_next)


def test_pages_of_incoming_links_are_the_same_pages(store: OxigraphStore) -> None:
    """A page is cut from the order a lookup lists the links in, so the copy must list them in
    the store's order (regression: the copy's own order picked other events for page 1)."""
    events = "".join(
        f"<{BASE}id/event/e-{i:02d}> <https://w3id.org/newskg/ontology#destination> <{COUNTRY}> .\n"
        f'<{BASE}id/event/e-{i:02d}> <{LABEL}> "event {i}" .\n'
        for i in range(3 * PAGE_SIZE)
    )
    store.replace_graph(NEW_GRAPH, events)
    copy = IdMirror(store, 1_000_000).build()
    assert copy is not None
    for number in (1, 2, 3, 4):
        on_disk, in_memory = describe(store, COUNTRY, number), describe(copy, COUNTRY, number)
        assert on_disk is not None and in_memory is not None
        assert in_memory.incoming == on_disk.incoming and in_memory.triples() == on_disk.triples()
    assert len(on_disk.incoming) > 0 and not on_disk.has_next


def test_a_graph_name_is_known_to_the_copy(store: OxigraphStore) -> None:
    copy = IdMirror(store, 1_000_000).build()
    assert copy is not None
    article = f"{BASE}id/article/2024-05-05-xi-visits-france"
    assert copy.has_graph(article) and store.has_graph(article)
    assert not copy.has_graph(COUNTRY)


def test_a_write_makes_the_copy_stale_until_rebuilt(store: OxigraphStore) -> None:
    mirror = IdMirror(store, 1_000_000)
    assert mirror.build() is not None and mirror.fresh() is not None
    store.replace_graph(NEW_GRAPH, f'<{NEW_EVENT}> <{LABEL}> "New" .\n')
    assert mirror.fresh() is None  # read the disk; a rebuild starts in the background
    mirror.wait(30)
    copy = mirror.fresh()
    assert copy is not None and copy.triples(subject=ox.NamedNode(NEW_EVENT))


def test_a_default_graph_larger_than_the_maximum_is_not_copied(store: OxigraphStore) -> None:
    mirror = IdMirror(store, 5)
    assert mirror.build() is None
    assert mirror.fresh() is None
    assert mirror._builder is None  # the same generation is not tried again


# -- through the API ---------------------------------------------------------------------------


class NewArticle:
    """An ingest that stores one article graph with a new event (no spaCy)."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store

    def __call__(self, article: Article) -> object:
        changed = self.store.replace_graph(NEW_GRAPH, f'<{NEW_EVENT}> <{LABEL}> "{article.title}" .\n')

        class Outcome:
            iri, title, events_by_type, report_text = NEW_GRAPH, article.title, {}, ""

        Outcome.changed = changed  # type: ignore[attr-defined]
        return Outcome()


def app_client(tmp_path: Path, **settings: int) -> Iterator[TestClient]:
    fill_store(tmp_path / "store", BASE)
    app = create_app(
        Settings(store=tmp_path / "store", base_iri=BASE, api_token=TOKEN, query_workers=1, **settings)  # type: ignore[arg-type]
    )
    with TestClient(app) as test_client:
        app.dependency_overrides[get_ingest] = lambda: NewArticle(app.state.store)
        yield test_client


@pytest.fixture
def mirrored(tmp_path: Path) -> Iterator[TestClient]:
    yield from app_client(tmp_path)


@pytest.fixture
def unmirrored(tmp_path: Path) -> Iterator[TestClient]:
    yield from app_client(tmp_path, id_mirror_max_triples=0)


def page(http: TestClient, iri: str, suffix: str = ".nt") -> Graph:
    return Graph().parse(data=body(http, iri, suffix), format="nt" if suffix == ".nt" else "turtle")


def body(http: TestClient, iri: str, suffix: str) -> str:
    response = http.get(iri.removeprefix(BASE.rstrip("/")) + suffix)
    assert response.status_code == 200, response.text
    return response.text


@pytest.mark.parametrize("iri", [EVENT, COUNTRY])
def test_the_api_serves_the_same_page_from_the_copy(mirrored: TestClient, iri: str) -> None:
    mirror = mirrored.app.state.mirror  # type: ignore[attr-defined]
    assert mirror.fresh() is None  # not built before the first request
    from_disk = {suffix: body(mirrored, iri, suffix) for suffix in (".nt", ".ttl", ".html")}
    mirror.wait(30)
    assert mirror.fresh() is not None
    assert isomorphic(page(mirrored, iri), Graph().parse(data=from_disk[".nt"], format="nt"))
    for suffix, text in from_disk.items():
        assert body(mirrored, iri, suffix) == text  # the same triples in the same order


def test_an_article_posted_after_the_copy_was_built_dereferences_at_once(mirrored: TestClient) -> None:
    mirror = mirrored.app.state.mirror  # type: ignore[attr-defined]
    page(mirrored, EVENT)
    mirror.wait(30)
    assert mirror.fresh() is not None
    assert mirrored.get("/id/event/new-visit.nt").status_code == 404
    auth = {"Authorization": f"Bearer {TOKEN}"}
    article = {"title": "First title", "text": "Someone visited.", "published": "2024-06-01T10:00:00Z"}
    assert mirrored.post("/articles", json=article, headers=auth).status_code == 201
    assert "First title" in mirrored.get("/id/event/new-visit.nt").text  # no wait for the rebuild
    mirror.wait(30)
    assert "First title" in mirrored.get("/id/event/new-visit.nt").text  # from the rebuilt copy
    assert mirror.fresh() is not None
    renamed = mirrored.post("/articles", json={**article, "title": "Second title"}, headers=auth)
    assert renamed.status_code == 201
    assert "Second title" in mirrored.get("/id/event/new-visit.nt").text


def test_with_the_maximum_at_zero_the_disk_is_read(unmirrored: TestClient) -> None:
    assert unmirrored.app.state.mirror is None  # type: ignore[attr-defined]
    assert len(page(unmirrored, COUNTRY)) > 3
