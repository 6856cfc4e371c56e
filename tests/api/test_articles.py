"""POST /articles: authentication, limits, reading errors, 201/200/422, and the snapshot refresh."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from conftest import TOKEN, Server, fill_store, start_server, stop_server
from fastapi.testclient import TestClient

from api.app import create_app
from api.routes.articles import get_ingest
from kg.config import Settings
from kg.errors import ExtractionFailure, ModelError, ShapeViolation
from kg.model import Article

ARTICLE = {
    "title": "Macron receives Xi Jinping in Paris",
    "text": "French President Emmanuel Macron received Chinese President Xi Jinping in Paris on Monday.",
    "published": "2024-05-06T10:00:00Z",
}
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SHARED_SEED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seed"


def problem(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.json()["status"] == status
    return str(response.json()["message"])


# -- on the real server (token configured) ------------------------------------------------------


def test_no_token_is_401_with_a_challenge(client: httpx.Client) -> None:
    response = client.post("/articles", json=ARTICLE)
    assert "Bearer" in problem(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_a_wrong_token_is_403(client: httpx.Client) -> None:
    response = client.post("/articles", json=ARTICLE, headers={"Authorization": "Bearer not-the-token"})
    assert "token" in problem(response, 403)
    basic = client.post("/articles", json=ARTICLE, headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401


def test_a_body_over_the_limit_is_413(client: httpx.Client) -> None:
    huge = {**ARTICLE, "text": "word " * 300_000}
    assert "NEWSKG_MAX_BODY_BYTES" in problem(client.post("/articles", json=huge, headers=AUTH), 413)


def test_other_media_types_are_415(client: httpx.Client) -> None:
    response = client.post("/articles", content=b"<p>x</p>", headers={**AUTH, "Content-Type": "text/html"})
    assert "application/json" in problem(response, 415)


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"{not json", "not JSON"),
        (json.dumps({"title": "x", "published": "2024-01-01"}).encode(), "text"),
        (json.dumps({**ARTICLE, "published": "yesterday-ish"}).encode(), "published"),
        ("{}".encode("utf-16"), "UTF-8"),
    ],
)
def test_unreadable_articles_are_400_naming_the_problem(
    client: httpx.Client, body: bytes, needle: str
) -> None:
    response = client.post("/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert needle in problem(response, 400)


# -- in process, with the pipeline replaced --------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    iri: str
    title: str
    changed: bool
    events_by_type: dict[str, int]
    report_text: str


class FakePipeline:
    """Stores a one-triple graph per article title, as the real pipeline stores its graph."""

    def __init__(self, app_state: object, base: str) -> None:
        self.state = app_state
        self.base = base

    def __call__(self, article: Article) -> Outcome:
        if "model" in article.title:
            raise ModelError("the spaCy model en_core_web_sm is not installed; run scripts/setup.sh")
        if "trips" in article.title:
            raise ExtractionFailure(
                "POST /articles: extraction failed on 'trips' (RecursionError); not stored"
            )
        if "violates" in article.title:
            raise ShapeViolation("the graph violates the shapes; not stored", report=Report())
        slug = "-".join(article.title.lower().split()[:4])
        iri = f"{self.base}id/article/2024-05-06-{slug}"
        triple = f'<{iri}> <http://purl.org/dc/terms/title> "{article.title}" .'
        changed = self.state.store.replace_graph(iri, triple)  # type: ignore[attr-defined]
        return Outcome(iri, article.title, changed, {"Visit": 1}, "Conforms: True")


class Report:
    text = "Validation Report\nConforms: False\nResults (1): nk:agent is missing"


@pytest.fixture
def app_client(tmp_path: Path) -> Iterator[TestClient]:
    base = "http://testserver/"
    fill_store(tmp_path / "store", base)
    settings = Settings(store=tmp_path / "store", base_iri=base, api_token=TOKEN, query_workers=1)
    app = create_app(settings)
    with TestClient(app) as test_client:
        app.dependency_overrides[get_ingest] = lambda: FakePipeline(app.state, base)
        yield test_client


def count_titles(http: TestClient, title: str) -> int:
    query = f'SELECT (COUNT(*) AS ?n) WHERE {{ ?a <http://purl.org/dc/terms/title> "{title}" }}'
    response = http.get("/sparql", params={"query": query})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_201_then_200_and_queries_see_the_write(app_client: TestClient) -> None:
    assert count_titles(app_client, ARTICLE["title"]) == 0
    created = app_client.post("/articles", json=ARTICLE, headers=AUTH)
    assert created.status_code == 201, created.text
    body = created.json()
    assert created.headers["location"] == "/id/article/2024-05-06-macron-receives-xi-jinping"
    assert body["events_by_type"] == {"Visit": 1} and "Conforms" in body["report"]
    assert count_titles(app_client, ARTICLE["title"]) == 1  # the query snapshot was refreshed
    again = app_client.post("/articles", json=ARTICLE, headers=AUTH)
    assert again.status_code == 200 and again.json()["changed"] is False


def test_concurrent_writes_are_all_seen_and_old_snapshots_go(app_client: TestClient, tmp_path: Path) -> None:
    titles = [f"Article number {n} here" for n in range(6)]
    with ThreadPoolExecutor(6) as pool:
        responses = list(
            pool.map(
                lambda t: app_client.post("/articles", json={**ARTICLE, "title": t}, headers=AUTH), titles
            )
        )
    assert [r.status_code for r in responses] == [201] * 6
    assert all(count_titles(app_client, t) == 1 for t in titles)
    snapshots = list((tmp_path / "store.snapshots").iterdir())
    assert 1 <= len(snapshots) <= 2  # the current one, and at most one still open in the worker


def test_health_counts_follow_a_write_at_once(app_client: TestClient) -> None:
    before = app_client.get("/health").json()["counts"]["triples"]
    assert app_client.post("/articles", json=ARTICLE, headers=AUTH).status_code == 201
    assert app_client.get("/health").json()["counts"]["triples"] == before + 1  # not the cached value


def test_a_text_plain_page_is_read(app_client: TestClient) -> None:
    page = f"{ARTICLE['title']}\n\n{ARTICLE['text']}\n\nPublished at 2024-05-06T10:00:00Z\n"
    response = app_client.post(
        "/articles", content=page.encode(), headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert response.status_code == 201, response.text


def test_a_shape_violation_is_422_with_the_report(app_client: TestClient) -> None:
    response = app_client.post("/articles", json={**ARTICLE, "title": "This one violates"}, headers=AUTH)
    assert response.status_code == 422
    assert "nk:agent is missing" in response.json()["report"]
    assert count_titles(app_client, "This one violates") == 0


def test_an_extractor_failure_is_422_saying_nothing_was_stored(app_client: TestClient) -> None:
    response = app_client.post(
        "/articles", json={**ARTICLE, "title": "This trips the extractor"}, headers=AUTH
    )
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "ExtractionFailure" and "not stored" in response.json()["message"]
    assert count_titles(app_client, "This trips the extractor") == 0


def test_a_missing_model_is_503_saying_what_to_do(app_client: TestClient) -> None:
    response = app_client.post("/articles", json={**ARTICLE, "title": "No model here"}, headers=AUTH)
    assert response.status_code == 503 and response.headers["retry-after"]
    assert "setup.sh" in response.json()["message"]


def test_without_a_configured_token_writes_are_off(tmp_path: Path) -> None:
    fill_store(tmp_path / "store", "http://testserver/")
    app = create_app(
        Settings(store=tmp_path / "store", base_iri="http://testserver/", api_token=None, query_workers=1)
    )
    with TestClient(app) as http:
        response = http.post("/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 403
    assert "NEWSKG_API_TOKEN" in response.json()["message"]


# -- the real pipeline --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of these tests' own: real ingests must not change what the other tests count."""
    process, running = start_server(tmp_path_factory.mktemp("ingest"), NEWSKG_API_TOKEN=TOKEN)
    yield running
    stop_server(process)


def seed_page() -> bytes:
    if not (SHARED_SEED / "seed-1.txt").is_file():
        pytest.skip("../shared/corpus is not beside the repository")
    return (SHARED_SEED / "seed-1.txt").read_bytes()


@pytest.mark.model
def test_ingesting_a_seed_article_for_real(own_server: Server) -> None:
    client = httpx.Client(base_url=own_server.url, timeout=120)
    server = own_server
    headers = {**AUTH, "Content-Type": "text/plain"}
    created = client.post("/articles", content=seed_page(), headers=headers, timeout=120)
    assert created.status_code in (201, 200), created.text
    body = created.json()
    assert body["iri"].startswith(server.url + "id/article/")
    assert sum(body["events_by_type"].values()) >= 1
    ask = client.get("/sparql", params={"query": f"ASK {{ GRAPH <{body['iri']}> {{ ?s ?p ?o }} }}"})
    assert ask.json()["boolean"] is True
    assert client.get(created.headers["location"], headers={"Accept": "text/turtle"}).status_code == 200


@pytest.mark.model
def test_posting_the_same_article_again_changes_nothing(own_server: Server) -> None:
    client = httpx.Client(base_url=own_server.url, timeout=120)
    headers = {**AUTH, "Content-Type": "text/plain"}
    client.post("/articles", content=seed_page(), headers=headers, timeout=120)
    again = client.post("/articles", content=seed_page(), headers=headers, timeout=120)
    assert again.status_code == 200 and again.json()["changed"] is False
