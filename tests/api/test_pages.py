"""The home page and its example queries."""

from __future__ import annotations

import re

import httpx
import pytest

from api.examples import EXAMPLES


def test_home_shows_counts_examples_and_the_form(client: httpx.Client) -> None:
    page = client.get("/").text
    assert '<div class="n">4</div><div class="what">events</div>' in page
    assert 'id="query-form"' in page and "/static/query.js" in page
    for example in EXAMPLES:
        assert example.title in page


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_every_example_query_runs_and_finds_something(client: httpx.Client, example: object) -> None:
    query = example.query  # type: ignore[attr-defined]
    response = client.post(
        "/sparql",
        data={"query": query},
        headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9"},
    )
    assert response.status_code == 200, response.text
    if response.headers["content-type"].startswith("text/turtle"):
        assert "nk:Espionage" in response.text
    else:
        assert response.json()["results"]["bindings"]


def test_everything_is_served_by_the_app_no_cdn(client: httpx.Client) -> None:
    for path in ("/", "/sparql", "/timeline", "/actors", "/ontology", "/id/country/russia", "/docs"):
        page = client.get(path, headers={"Accept": "text/html"}).text
        assert "cdn" not in page.lower() and "https://" not in page.split("<main>")[0], path
    assert client.get("/static/query.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_pages_allow_only_their_own_scripts(client: httpx.Client) -> None:
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    rdf = client.get("/id/country/russia", headers={"Accept": "text/turtle"})
    assert rdf.headers["x-content-type-options"] == "nosniff" and "content-security-policy" not in rdf.headers


def test_no_page_links_to_a_missing_page(client: httpx.Client) -> None:
    """Follow every local link from the home page (pages, pagers, alternates, filters)."""
    browser = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    seen: set[str] = set()
    queue = ["/"]
    broken = []
    while queue and len(seen) < 400:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path, headers=browser)
        if response.status_code != 200:
            broken.append((path, response.status_code))
            continue
        if not response.headers["content-type"].startswith("text/html"):
            continue
        for href in re.findall(r'href="([^"]+)"', response.text):
            href = href.replace("&amp;", "&").split("#")[0]
            if href.startswith("/") and href not in seen:
                queue.append(href)
    assert not broken
    assert len(seen) > 40  # the crawl reached entity pages, listings and their formats
