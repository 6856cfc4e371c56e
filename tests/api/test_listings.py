"""/events, /actors, /timeline: Hydra pages, filters, escaping of user values."""

from __future__ import annotations

from typing import Any

import httpx
import pyld.jsonld
import pyoxigraph as ox
import pytest
from conftest import Server
from hypothesis import given, settings
from hypothesis import strategies as st

from api.sparql_text import literal

JSONLD = {"Accept": "application/ld+json"}


def members(client: httpx.Client, path: str, **params: str) -> list[dict[str, Any]]:
    response = client.get(path, params=params, headers=JSONLD)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/ld+json")
    return list(response.json()["hydra:member"])


def test_events_newest_first(client: httpx.Client, server: Server) -> None:
    found = members(client, "/events")
    assert [m["@id"] for m in found] == [
        server.iri("event/visit-vladimir-putin-pyongyang-2024"),
        server.iri("event/visit-xi-jinping-france-2024"),
        server.iri("event/sanction-united-states-russia-2024"),
        server.iri("event/espionage-china-united-kingdom-2024"),
    ]
    assert found[0]["@type"] == "nk:Visit"
    assert found[0]["date"] == {"@value": "2024-06-18", "@type": "http://www.w3.org/2001/XMLSchema#date"}


def test_events_by_type_actor_and_dates(client: httpx.Client, server: Server) -> None:
    assert len(members(client, "/events", type="Visit")) == 2
    russia = [m["@id"] for m in members(client, "/events", actor="country/russia")]
    assert russia == [server.iri("event/sanction-united-states-russia-2024")]
    by_iri = members(client, "/events", actor=server.iri("person/xi-jinping"))
    assert [m["label"] for m in by_iri] == ["Xi Jinping visits France"]
    spring = [m["label"] for m in members(client, "/events", **{"from": "2024-02", "to": "2024-05"})]
    assert spring == ["Xi Jinping visits France", "United States sanctions Russia"]


@pytest.mark.parametrize(
    "params",
    [
        {"type": "Party"},
        {"type": "Visit } ?s ?p ?o {"},
        {"actor": "country/Russia"},
        {"actor": "event/x"},
        {"from": "June"},
        {"page": "0"},
    ],
)
def test_bad_filters_are_400(client: httpx.Client, params: dict[str, str]) -> None:
    response = client.get("/events", params=params, headers=JSONLD)
    assert response.status_code == 400, response.text


def test_hydra_paging(client: httpx.Client) -> None:
    document = client.get("/events", params={"type": "Visit"}, headers=JSONLD).json()
    assert document["@type"] == "hydra:Collection"
    assert document["hydra:totalItems"] == 2
    view = document["hydra:view"]
    assert view["@type"] == "hydra:PartialCollectionView"
    assert view["@id"].endswith("/events?type=Visit&page=1")
    assert "hydra:next" not in view
    empty = client.get("/events", params={"page": "2"}, headers=JSONLD).json()
    assert empty["hydra:member"] == [] and empty["hydra:view"]["hydra:previous"]["@id"].endswith("page=1")


def test_the_listing_is_valid_json_ld(client: httpx.Client, server: Server) -> None:
    document = client.get("/events", headers=JSONLD).json()

    def load(url: str, options: Any = None) -> dict[str, Any]:
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": client.get(url).json(),
        }

    nquads = pyld.jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": load})
    assert (
        f"<{server.iri('event/visit-xi-jinping-france-2024')}> <https://w3id.org/newskg/ontology#date>"
        in nquads
    )
    assert "<http://www.w3.org/ns/hydra/core#member>" in nquads


def test_actors_search_by_name_and_alias(client: httpx.Client, server: Server) -> None:
    assert [m["label"] for m in members(client, "/actors", q="korea")] == ["North Korea"]
    assert [m["label"] for m in members(client, "/actors", q="Britain")] == ["United Kingdom"]
    everyone = members(client, "/actors")
    assert len(everyone) == 10
    events = everyone[0]["hydra:collection"]
    assert events["@type"] == "hydra:Collection" and events["hydra:totalItems"] >= 1
    linked = client.get(events["@id"], headers=JSONLD).json()
    assert linked["hydra:totalItems"] == events["hydra:totalItems"]


@pytest.mark.parametrize("q", ['"', "\\", '") } } SELECT * { ?s ?p ?o } #', "'''", "\n", "é"])
def test_search_text_cannot_break_the_query(client: httpx.Client, q: str) -> None:
    assert members(client, "/actors", q=q) == []


def test_html_for_browsers(client: httpx.Client) -> None:
    timeline = client.get("/timeline").text
    assert "Vladimir Putin visits Pyongyang" in timeline and 'class="timeline"' in timeline
    events = client.get("/events", headers={"Accept": "text/html"})
    assert events.headers["content-type"].startswith("text/html")
    actors = client.get("/actors", params={"q": "<b>"}, headers={"Accept": "text/html"}).text
    assert 'value="&lt;b&gt;"' in actors


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_literal_escaping_round_trips(value: str) -> None:
    store = ox.Store()
    (row,) = store.query(f"SELECT ({literal(value)} AS ?x) {{}}")  # type: ignore[misc]
    assert row["x"].value == value
