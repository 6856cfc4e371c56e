"""/docs and /openapi.json describe every route, with examples, without a CDN."""

from __future__ import annotations

import httpx

ROUTES = [
    ("get", "/sparql"),
    ("post", "/sparql"),
    ("get", "/id/{kind}/{name}"),
    ("get", "/ontology"),
    ("get", "/shapes"),
    ("get", "/context.jsonld"),
    ("post", "/articles"),
    ("get", "/events"),
    ("get", "/actors"),
    ("get", "/timeline"),
    ("get", "/graph"),
    ("get", "/void"),
    ("get", "/health"),
    ("get", "/"),
]


def test_openapi_lists_every_route(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for method, path in ROUTES:
        assert method in paths.get(path, {}), (method, path)
    assert "example" in paths["/articles"]["post"]["requestBody"]["content"]["application/json"]


def test_docs_page_renders_every_route_with_examples(client: httpx.Client) -> None:
    page = client.get("/docs").text
    for method, path in ROUTES:
        assert f"<code>{method.upper()} {path}</code>" in page
    assert "Putin praises North Korea" in page  # the POST /articles example
    assert "cdn" not in page.lower()
