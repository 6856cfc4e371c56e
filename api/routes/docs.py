"""/docs: the OpenAPI description rendered as one HTML page, served by the app itself.

FastAPI's Swagger UI and ReDoc load their scripts from a CDN; newskg serves no third-party assets,
so this page is written from `app.openapi()` on the server instead (`/openapi.json` is the
machine-readable document).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(tags=["service"])


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[dict[str, Any]]
    body: list[tuple[str, str]]  # (media type, example)
    responses: list[tuple[str, str, list[str], str]]  # (status, description, media types, example)


def _example(content: dict[str, Any]) -> str:
    if "example" in content:
        value = content["example"]
    elif content.get("examples"):
        first = next(iter(content["examples"].values()))
        value = first.get("value", first) if isinstance(first, dict) else first
    else:
        return ""
    return value if isinstance(value, str) else json.dumps(value, indent=2, ensure_ascii=False)


def operations(spec: dict[str, Any]) -> list[Operation]:
    """Every operation of an OpenAPI document, in path order."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            parameters = [
                {
                    "name": p.get("name", ""),
                    "in": p.get("in", ""),
                    "required": p.get("required", False),
                    "description": p.get("description") or p.get("schema", {}).get("description", ""),
                    "example": ", ".join(
                        str(e) for e in p.get("schema", {}).get("examples", []) or p.get("examples", []) or []
                    ),
                }
                for p in op.get("parameters", [])
            ]
            body = [(media, _example(c)) for media, c in op.get("requestBody", {}).get("content", {}).items()]
            responses = [
                (
                    status,
                    r.get("description", ""),
                    list(r.get("content", {})),
                    next((_example(c) for c in r.get("content", {}).values() if _example(c)), ""),
                )
                for status, r in op.get("responses", {}).items()
            ]
            found.append(
                Operation(
                    method.upper(),
                    path,
                    op.get("summary", ""),
                    op.get("description", ""),
                    parameters,
                    body,
                    responses,
                )
            )
    return found


@router.get("/docs", response_class=HTMLResponse, summary="This API's documentation (HTML)")
def docs(request: Request) -> HTMLResponse:
    """Every route with its parameters, request bodies, responses and examples."""
    spec = request.app.openapi()
    page = request.app.state.templates.get_template("docs.html").render(
        title=spec["info"]["title"],
        version=spec["info"]["version"],
        description=spec["info"].get("description", ""),
        operations=operations(spec),
    )
    return HTMLResponse(page)
