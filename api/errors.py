"""The one place where errors become HTTP responses.

Domain errors come from :mod:`kg.errors`; :class:`HttpProblem` covers the few conditions only
HTTP has (authentication, 406, 413, 415). Every error body is JSON::

    {"error": "QueryError", "status": 400, "message": "what was wrong and what to do"}

(an HTML page with the same message for a browser, which asks for text/html first), and never
a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import BaseRoute, Match

from api import negotiation
from kg import errors

log = logging.getLogger(__name__)


class HttpProblem(Exception):
    """A request the API refuses for a reason of HTTP itself (auth, media type, size)."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})


def not_acceptable(offered: Sequence[negotiation.Format]) -> HttpProblem:
    """406 naming the media types that were on offer."""
    names = ", ".join(fmt.media_type for fmt in offered)
    return HttpProblem(406, f"cannot answer in any type the Accept header allows; available: {names}")


RETRY_AFTER_SECONDS = 1

# Most specific first: the first class an error is an instance of decides its status.
STATUS: tuple[tuple[type[errors.NewskgError], int], ...] = (
    (errors.NotFound, 404),
    (errors.ShapeViolation, 422),
    (errors.ExtractionFailure, 422),  # an extractor bug on this article: reported, nothing stored
    (errors.TooManyRows, 400),
    (errors.Overloaded, 503),
    (errors.QueryTimeout, 503),
    (errors.QueryLimitError, 503),  # memory
    (errors.InputError, 400),  # QueryError, ForbiddenQueryError, RdfSyntaxError, ReadError
    (errors.ModelError, 503),
    (errors.StoreError, 503),
)


def status_of(exc: errors.NewskgError) -> int:
    """The HTTP status of a domain error."""
    return next((status for cls, status in STATUS if isinstance(exc, cls)), 500)


def problem(
    status: int, name: str, message: str, headers: Mapping[str, str] | None = None, **extra: object
) -> JSONResponse:
    """The JSON error response every error path returns."""
    body: dict[str, object] = {"error": name, "status": status, "message": message, **extra}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _answer(
    request: Request, status: int, name: str, message: str, headers: Mapping[str, str], **extra: object
) -> Response:
    """JSON, or the same as a page when the client prefers HTML (a person in a browser)."""
    wanted = negotiation.negotiate(request.headers.get("accept"), (negotiation.JSON, negotiation.HTML))
    templates = getattr(request.app.state, "templates", None)
    if wanted is negotiation.HTML and templates is not None:
        page = templates.get_template("error.html").render(
            status=status, name=name, message=message, report=extra.get("report")
        )
        return HTMLResponse(page, status_code=status, headers=dict(headers))
    return problem(status, name, message, headers, **extra)


async def _domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, errors.NewskgError)
    status = status_of(exc)
    headers = {}
    extra: dict[str, object] = {}
    if isinstance(exc, errors.QueryLimitError | errors.StoreError | errors.ModelError) and status == 503:
        headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    if isinstance(exc, errors.ShapeViolation):
        extra["report"] = getattr(exc.report, "text", None) or str(exc.report or "")
    if status >= 500:
        log.warning("%s %s -> %d: %s", request.method, request.url.path, status, exc)
    return _answer(request, status, type(exc).__name__, str(exc), headers, **extra)


async def _http_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HttpProblem)
    return _answer(request, exc.status, _NAMES.get(exc.status, "HttpError"), exc.message, exc.headers)


async def _starlette_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no resource at {request.url.path}; see /docs for the routes"
    name = _NAMES.get(exc.status_code, "HttpError")
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        # Starlette names the methods of the first route on the path only (GET /sparql, not POST).
        headers["Allow"] = _allowed_methods(request)
        message = f"{request.method} is not allowed on {request.url.path}; use {headers['Allow']}"
    return _answer(request, exc.status_code, name, message, headers)


def _allowed_methods(request: Request) -> str:
    """Every method some route on this path answers."""
    methods: set[str] = set()
    for route in _routes(request.app.router.routes):
        match, _ = route.matches(request.scope)
        if match is not Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methods))


def _routes(routes: Sequence[BaseRoute]) -> Iterator[BaseRoute]:
    """The routes of the app, those of included routers too (FastAPI wraps each router in one
    route whose own ``matches`` ignores the method)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        yield from _routes(included.routes) if included is not None else (route,)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    parts = []
    for item in exc.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "body"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else str(item.get("msg")))
    return _answer(request, 400, "InvalidParameter", "; ".join(parts) or "invalid request", {})


_NAMES = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    406: "NotAcceptable",
    413: "ContentTooLarge",
    415: "UnsupportedMediaType",
}


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(errors.NewskgError, _domain_error)
    app.add_exception_handler(HttpProblem, _http_problem)
    app.add_exception_handler(StarletteHTTPException, _starlette_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
