"""api.labels: names of linked resources remembered between /id requests, forgotten on every write."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import TOKEN, fill_store
from fastapi.testclient import TestClient

from api.app import create_app
from api.labels import LabelCache
from api.routes.articles import get_ingest
from kg.config import Settings
from kg.model import Article

BASE = "http://testserver/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
NODE = ox.NamedNode(f"{BASE}id/person/someone")


def triple(name: str) -> ox.Triple:
    return ox.Triple(NODE, LABEL, ox.Literal(name))


def test_a_name_is_looked_up_once_until_invalidated() -> None:
    cache, calls = LabelCache(), []

    def lookup(node: ox.NamedNode) -> list[ox.Triple]:
        calls.append(node)
        return [triple(f"name {len(calls)}")]

    assert cache.get(NODE, lookup) == cache.get(NODE, lookup) == [triple("name 1")]
    cache.invalidate()
    assert cache.get(NODE, lookup) == [triple("name 2")]
    assert len(calls) == 2


def test_a_lookup_that_began_before_a_write_is_not_remembered() -> None:
    cache = LabelCache()
    started, written = threading.Event(), threading.Event()

    def slow_lookup(node: ox.NamedNode) -> list[ox.Triple]:
        started.set()
        written.wait(5)
        return [triple("before the write")]

    reader = threading.Thread(target=cache.get, args=(NODE, slow_lookup))
    reader.start()
    started.wait(5)
    cache.invalidate()  # the write commits while the lookup is in flight
    written.set()
    reader.join(5)
    assert cache.get(NODE, lambda node: [triple("after the write")]) == [triple("after the write")]


def test_the_cache_stays_bounded() -> None:
    cache = LabelCache(max_entries=3)
    for i in range(10):
        cache.get(ox.NamedNode(f"{BASE}id/person/p{i}"), lambda node: [])
    assert len(cache) <= 3


# -- through the API ---------------------------------------------------------------------------

EVENT = f"{BASE}id/event/renamed-agent-visit"
GRAPH = f"{BASE}id/article/2024-05-07-renamed"


def graph_naming_the_agent(name: str) -> str:
    return (
        f'<{NODE.value}> <{LABEL.value}> "{name}" .\n'
        f"<{EVENT}> <https://w3id.org/newskg/ontology#agent> <{NODE.value}> .\n"
        f'<{EVENT}> <{LABEL.value}> "Visit by {name}" .\n'
    )


class Renamer:
    """An ingest that stores a graph in which the event's agent is named by the article's title."""

    def __init__(self, store: object) -> None:
        self.store = store

    def __call__(self, article: Article) -> object:
        changed = self.store.replace_graph(GRAPH, graph_naming_the_agent(article.title))  # type: ignore[attr-defined]

        class Outcome:
            iri, title, events_by_type, report_text = GRAPH, article.title, {}, ""

        Outcome.changed = changed  # type: ignore[attr-defined]
        return Outcome()


@pytest.fixture
def app_client(tmp_path: Path) -> Iterator[TestClient]:
    fill_store(tmp_path / "store", BASE)
    settings = Settings(store=tmp_path / "store", base_iri=BASE, api_token=TOKEN, query_workers=1)
    app = create_app(settings)
    with TestClient(app) as test_client:
        app.dependency_overrides[get_ingest] = lambda: Renamer(app.state.store)
        yield test_client


def agent_names(http: TestClient) -> set[str]:
    response = http.get("/id/event/renamed-agent-visit.nt")
    assert response.status_code == 200, response.text
    triples = ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)
    return {t.object.value for t in triples if t.subject == NODE and t.predicate == LABEL}  # type: ignore[union-attr]


def event_names(http: TestClient) -> set[str]:
    """The names of the agent's events, from the summaries of its page's incoming links."""
    response = http.get("/id/person/someone.nt")
    assert response.status_code == 200, response.text
    triples = ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)
    return {t.object.value for t in triples if t.subject.value == EVENT and t.predicate == LABEL}  # type: ignore[union-attr]


def test_a_write_through_the_api_renames_a_linked_resource_on_id_pages(app_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    article = {"text": "Someone visited.", "published": "2024-05-07T10:00:00Z"}
    created = app_client.post("/articles", json={**article, "title": "Old Name"}, headers=auth)
    assert created.status_code == 201
    for _ in range(2):  # the second time from the cache
        assert agent_names(app_client) == {"Old Name"}
        assert event_names(app_client) == {"Visit by Old Name"}
    renamed = app_client.post("/articles", json={**article, "title": "New Name"}, headers=auth)
    assert renamed.status_code == 201
    assert agent_names(app_client) == {"New Name"}
    assert event_names(app_client) == {"Visit by New Name"}
