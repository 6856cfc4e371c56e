"""The application factory and the server entry point.

``create_app(settings)`` builds the FastAPI app; its lifespan opens the store, writes the first
query snapshot and starts the query workers (:mod:`api.workers`). The NLP pipeline is loaded on
the first POST /articles only (:mod:`api.routes.articles`), so a read-only server starts fast.
``run(settings, host, port)`` is what ``kg serve`` calls.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import errors
from api.counts import CachedCounts
from api.labels import LabelCache
from api.mirror import IdMirror
from api.routes import articles, dataset, docs, health, linked_data, listings, pages, sparql, vocabulary
from api.workers import QueryEngine, RemoteQueries, WorkerPool
from kg import vocab
from kg.config import Settings, get_settings
from kg.store import OxigraphStore, RemoteStore, Store

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
GRACE_SECONDS = 3  # how long a stopping server lets requests in flight finish
DESCRIPTION = """The newskg event knowledge graph: geopolitical events (visits, sanctions, espionage)
read from news articles.

Query it with SPARQL at `/sparql`, dereference any IRI it mints under `/id/{kind}/{slug}`
(HTML, Turtle, JSON-LD, N-Triples, RDF/XML by Accept), read the ontology at `/ontology`.
"""


class SecurityHeaders:
    """Adds `X-Content-Type-Options: nosniff` to every response and a strict Content-Security-Policy
    to HTML: the pages load scripts and styles from this server only, so even a value that
    escaped escaping could not run script from elsewhere or inline."""

    POLICY = b"; ".join(
        [
            b"default-src 'self'",
            b"img-src 'self' data:",
            b"frame-ancestors 'none'",
            b"base-uri 'none'",
            b"form-action 'self'",
        ]
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if content_type.startswith(b"text/html"):
                    headers.append((b"content-security-policy", self.POLICY))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _open(settings: Settings) -> tuple[Store, QueryEngine]:
    if settings.store_url:
        # The socket timeout is a little longer than the deadline, so that the deadline (503
        # QueryTimeout) is what a slow query meets, and the socket timeout only frees the thread.
        timeout = settings.query_timeout + 1.0
        remote = RemoteStore(settings.store_url, settings.store_update_url, timeout=timeout)
        return remote, RemoteQueries(remote, settings)
    embedded = OxigraphStore(settings.store)
    return embedded, WorkerPool(embedded, settings)


def templates() -> Environment:
    """The Jinja environment of the HTML pages; autoescape on, so every value is HTML-escaped."""
    environment = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["prefixes"] = dict(vocab.PREFIXES)  # the query page shortens IRIs with them
    return environment


def create_app(settings: Settings | None = None) -> FastAPI:
    """The newskg API over the configured store (``NEWSKG_*`` settings when none are given)."""
    settings = settings or get_settings()
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store, queries = _open(settings)
        if isinstance(queries, WorkerPool):
            queries.start()
        app.state.store = store
        app.state.queries = queries
        app.state.counts = CachedCounts(store)
        # Only this process writes an embedded store, so it knows when names change; a remote
        # store may be written by others, and its names are looked up on every request.
        embedded = isinstance(store, OxigraphStore) and settings.label_cache_entries > 0
        app.state.labels = LabelCache(settings.label_cache_entries) if embedded else None
        # For the same reason only an embedded store is copied into memory for /id.
        mirror = None
        if isinstance(store, OxigraphStore) and settings.id_mirror_max_triples > 0:
            mirror = IdMirror(store, settings.id_mirror_max_triples, settings.label_cache_entries)
        app.state.mirror = mirror
        log.info("serving %s", settings.store_url or settings.store)
        try:
            yield
        finally:
            if mirror is not None:
                mirror.close()
            queries.close()
            store.close()

    app = FastAPI(
        title="newskg",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads from a CDN; /docs is served by api.routes.docs instead
        redoc_url=None,
    )
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.state.settings = settings
    app.state.templates = templates()
    errors.install(app)
    # Browser-based SPARQL and linked-data clients on other origins may read everything; writes
    # still need the bearer token, and no cookies are involved, so "*" gives nothing away.
    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "POST"],
        allow_headers=["Accept", "Content-Type", "Authorization"],
        expose_headers=["Link", "Location", "Retry-After", "Vary"],
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (pages, sparql, linked_data, vocabulary, listings, dataset, articles, health, docs):
        app.include_router(module.router)
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, saying 400 where it assumes 422: parameter errors are 400 here (422
    means an article that violates the shapes)."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                responses = operation.get("responses", {})
                if responses.get("422", {}).get("description") == "Validation Error":
                    del responses["422"]
                    responses.setdefault("400", {"description": "invalid parameters"})
        app.openapi_schema = schema
    return app.openapi_schema


def run(settings: Settings | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API with uvicorn until interrupted (``kg serve``).

    Raises StoreError before serving when the store cannot be opened (another process holds it),
    so the command line can say so in one line instead of uvicorn's startup traceback.
    """
    settings = settings or get_settings()
    if not settings.store_url:
        OxigraphStore(settings.store).close()
    # Without a grace limit uvicorn waits for every open request, a long query included, before
    # it stops; with one, the lifespan's shutdown then kills the busy query workers.
    uvicorn.run(
        create_app(settings), host=host, port=port, log_level="info", timeout_graceful_shutdown=GRACE_SECONDS
    )
