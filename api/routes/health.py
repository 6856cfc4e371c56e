"""/health: liveness and what the store holds."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter

from api.deps import StoreDep

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    summary="Liveness and counts",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "status": "ok",
                        "counts": {
                            "triples": 1200,
                            "graphs": 8,
                            "articles": 8,
                            "actors": 40,
                            "events": 25,
                            "events_by_type": {"Visit": 10, "Sanction": 9, "Espionage": 6},
                        },
                    }
                }
            }
        }
    },
)
def health(store: StoreDep) -> dict[str, object]:
    """``status: ok`` and the store's counts. Runs in the API process, beside (not behind) the
    query workers, so it answers while a long query runs."""
    counts = store.counts()
    return {"status": "ok", "counts": {**asdict(counts), "events": counts.events}}
