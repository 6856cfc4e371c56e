"""Shared route dependencies as ``Annotated`` aliases (FastAPI's "bigger applications" layout).

Everything here reads ``request.app.state``, which the app factory's lifespan fills; tests swap
any of them with ``app.dependency_overrides``. They are ``async`` because they only read an
attribute: FastAPI runs a plain ``def`` dependency in its thread pool, a hand-off per dependency
per request (measurable on /id, see BENCHMARKS.md).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.counts import CachedCounts
from api.labels import LabelCache
from api.mirror import IdMirror
from api.workers import QueryEngine
from kg.config import Settings
from kg.store import Store


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_queries(request: Request) -> QueryEngine:
    engine: QueryEngine = request.app.state.queries
    return engine


async def get_counts(request: Request) -> CachedCounts:
    counts: CachedCounts = request.app.state.counts
    return counts


async def get_labels(request: Request) -> LabelCache | None:
    labels: LabelCache | None = getattr(request.app.state, "labels", None)
    return labels


async def get_mirror(request: Request) -> IdMirror | None:
    mirror: IdMirror | None = getattr(request.app.state, "mirror", None)
    return mirror


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
QueriesDep = Annotated[QueryEngine, Depends(get_queries)]
CountsDep = Annotated[CachedCounts, Depends(get_counts)]
LabelsDep = Annotated[LabelCache | None, Depends(get_labels)]
MirrorDep = Annotated[IdMirror | None, Depends(get_mirror)]


async def read_bounded(request: Request, limit: int, too_large: Exception) -> bytes:
    """The request body, raising ``too_large`` as soon as it passes ``limit`` bytes (declared or sent)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)
