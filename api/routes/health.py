"""/health: liveness and what the store holds."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter

from api.deps import CountsDep, QueriesDep

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
                        "queries": {"workers": 2, "in_flight": 0, "max_in_flight": 8, "snapshot": "000003"},
                    }
                }
            }
        }
    },
)
def health(counted: CountsDep, queries: QueriesDep) -> dict[str, object]:
    """`status: ok`, the store's counts (cached up to 5 s) and the query workers' state. Runs in
    the API process, beside (not behind) the query workers, so it answers while a long query runs."""
    counts = counted.get()
    return {
        "status": "ok",
        "counts": {**asdict(counts), "events": counts.events},
        "queries": queries.status(),
    }
