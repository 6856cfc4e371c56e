"""The home page: what the graph holds, example queries to click, and the query form."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.deps import CountsDep, SettingsDep
from api.examples import EXAMPLES

router = APIRouter(tags=["pages"])


@router.get("/", response_class=HTMLResponse, summary="Home page (HTML)")
def home(request: Request, counts: CountsDep, settings: SettingsDep) -> HTMLResponse:
    """Counts, example queries a new user can click, and a query form with a results table."""
    page = request.app.state.templates.get_template("home.html").render(
        counts=counts.get(), examples=EXAMPLES, query=EXAMPLES[0].query, settings=settings
    )
    return HTMLResponse(page)
