"""POST /articles: ingest one article through the pipeline (bearer token required).

The body is JSON `{title, text, published, url?, publisher?}` or a text/plain page holding one
article. It is read, analysed, mapped, validated against the shapes and stored atomically as its
own named graph; then the query snapshot is refreshed so /sparql sees it. Answers: 201 with the
article's IRI (`Location`), events by type and the SHACL report; 200 when the same article was
already stored (nothing changed); 422 with the report when the graph violates the shapes, or with the
error when the extractor fails on the article (a bug in newskg; nothing stored either way).
"""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from api.deps import CountsDep, LabelsDep, QueriesDep, SettingsDep, read_bounded
from api.describe import local_href
from api.errors import HttpProblem
from kg import reader
from kg.config import Settings
from kg.errors import ReadError
from kg.model import Article

if TYPE_CHECKING:  # kg.pipeline brings spaCy; it is imported on the first write only
    from kg.pipeline import ArticleOutcome, Pipeline

router = APIRouter(tags=["ingest"])

Ingest = Callable[[Article], "ArticleOutcome"]
SOURCE = "POST /articles"
_EXAMPLE = {
    "title": "Putin praises North Korea for supporting war in Ukraine en route to rare visit",
    "text": "Russian President Vladimir Putin headed to Pyongyang on Tuesday for a summit with Kim Jong-un.",
    "published": "2024-06-18T12:09:45Z",
    "url": "https://news.example.org/putin-north-korea",
}


class Writer:
    """The pipeline, loaded on first use, and the lock that keeps writes one at a time."""

    def __init__(self, request: Request) -> None:
        self._state = request.app.state
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    def ingest(self, article: Article) -> ArticleOutcome:
        with self._lock:
            if self._pipeline is None:
                from kg.pipeline import Pipeline  # spaCy and friends load on the first write only

                self._pipeline = Pipeline(self._state.settings, self._state.store)
            return self._pipeline.ingest_article(article)


async def get_ingest(request: Request) -> Ingest:
    """The ingest function of this app (tests override it). Async: it runs on the event loop, so
    two first requests cannot build two writers."""
    state = request.app.state
    if getattr(state, "writer", None) is None:
        state.writer = Writer(request)
    writer: Writer = state.writer
    return writer.ingest


IngestDep = Annotated[Ingest, Depends(get_ingest)]


def authorize(request: Request, settings: Settings) -> None:
    """Writes need `Authorization: Bearer <NEWSKG_API_TOKEN>`; without a configured token they are off."""
    if not settings.api_token:
        raise HttpProblem(403, "writes are off on this server: it was started without NEWSKG_API_TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HttpProblem(
            401,
            "this route needs a bearer token: send 'Authorization: Bearer <NEWSKG_API_TOKEN>'",
            {"WWW-Authenticate": 'Bearer realm="newskg"'},
        )
    if not hmac.compare_digest(given.strip().encode("utf-8"), settings.api_token.encode("utf-8")):
        raise HttpProblem(403, "the bearer token is not the one this server was started with")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or 413 as soon as it passes `limit` bytes."""
    return await read_bounded(request, limit, _too_large(limit))


def _too_large(limit: int) -> HttpProblem:
    return HttpProblem(413, f"the article is larger than {limit} bytes (NEWSKG_MAX_BODY_BYTES)")


def parse_article(content_type: str, body: bytes) -> Article:
    """One article from a JSON or text/plain body; ReadError naming what is wrong."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(SOURCE, f"the body is not UTF-8 (byte {exc.start})") from exc
    if content_type == "application/json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReadError(SOURCE, f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
        return reader.article_from_json(obj, SOURCE)
    if content_type == "text/plain":
        items = reader.read_text(text, SOURCE, "page")
        errors = [item for item in items if isinstance(item, ReadError)]
        if errors:
            raise errors[0]
        if len(items) != 1:
            raise ReadError(SOURCE, f"the page holds {len(items)} articles; send one per request")
        article = items[0]
        assert isinstance(article, Article)
        return article
    raise HttpProblem(
        415, f"send the article as application/json or text/plain, not {content_type or 'no Content-Type'}"
    )


@router.post(
    "/articles",
    status_code=201,
    summary="Ingest one article (bearer token)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"example": _EXAMPLE},
                "text/plain": {
                    "example": "Putin praises North Korea\n\nRussian President Vladimir Putin ...\n\n"
                    "Published at 2024-06-18T12:09:45Z"
                },
            },
        }
    },
    responses={
        201: {
            "description": "stored; Location is the article's IRI",
            "content": {
                "application/json": {
                    "example": {
                        "iri": "http://localhost:8000/id/article/2024-06-18-putin-praises-north-korea",
                        "title": _EXAMPLE["title"],
                        "changed": True,
                        "events_by_type": {"Visit": 1},
                        "report": "Validation Report\nConforms: True\n",
                    }
                }
            },
        },
        200: {"description": "the same article was already stored; nothing changed"},
        400: {"description": "the article cannot be read (missing field, no date, not UTF-8...)"},
        401: {"description": "no bearer token"},
        403: {"description": "wrong token, or writes are off (no NEWSKG_API_TOKEN)"},
        413: {"description": "body larger than NEWSKG_MAX_BODY_BYTES"},
        415: {"description": "neither application/json nor text/plain"},
        422: {"description": "the article's graph violates the shapes; the report says how; nothing stored"},
    },
)
async def post_article(
    request: Request,
    settings: SettingsDep,
    queries: QueriesDep,
    counts: CountsDep,
    labels: LabelsDep,
    ingest: IngestDep,
) -> JSONResponse:
    """Read, analyse, validate and store one article."""
    authorize(request, settings)
    body = await read_body(request, settings.max_body_bytes)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    article = parse_article(content_type, body)
    try:
        outcome = await run_in_threadpool(ingest, article)
    finally:
        if labels is not None:  # after any write, even a failed one: a name on /id may have changed
            labels.invalidate()
    if outcome.changed:
        counts.invalidate()
        await run_in_threadpool(queries.refresh)
    answer = {
        "iri": outcome.iri,
        "title": outcome.title,
        "changed": outcome.changed,
        "events_by_type": outcome.events_by_type,
        "report": outcome.report_text,
    }
    status = 201 if outcome.changed else 200
    return JSONResponse(
        answer, status_code=status, headers={"Location": local_href(settings.base_iri, outcome.iri)}
    )
