"""Settings, read once from ``NEWSKG_*`` environment variables (pydantic-settings).

Nothing is built at import time: call :func:`get_settings` (cached) and, in tests, clear
its cache or pass a :class:`Settings` of your own.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_BASE_IRI = "http://localhost:8000/"


class Settings(BaseSettings):
    """Everything newskg can be told from the environment."""

    model_config = SettingsConfigDict(env_prefix="NEWSKG_", extra="ignore")

    store: Path = Field(Path("data/store"), description="Directory of the embedded Oxigraph store.")
    store_url: str | None = Field(
        None, description="Query endpoint of a remote SPARQL 1.1 server; replaces the embedded store."
    )
    store_update_url: str | None = Field(None, description="Update endpoint of the remote server.")
    base_iri: str = Field(DEFAULT_BASE_IRI, description="Base under which instance IRIs are minted.")
    spacy_model: str | None = Field(None, description="spaCy pipeline to load (default: en_core_web_sm).")
    api_token: str | None = Field(None, description="Bearer token for writes; unset means writes are off.")
    query_timeout: float = Field(10.0, gt=0, description="Seconds a SPARQL query may run.")
    max_rows: int = Field(10_000, gt=0, description="Most result rows a query may return.")
    max_query_bytes: int = Field(64 * 1024, gt=0, description="Longest SPARQL query text accepted.")
    max_body_bytes: int = Field(1024 * 1024, gt=0, description="Largest article body accepted by POST.")
    query_workers: int = Field(2, gt=0, description="Worker processes evaluating SPARQL queries.")
    max_concurrent_queries: int = Field(8, gt=0, description="Queries in flight before 503.")
    query_memory_mb: int = Field(
        2048, gt=0, description="Memory (resident, MiB) a query worker may use; past it the query is stopped."
    )
    label_cache_entries: int = Field(
        50_000, ge=0, description="Linked resources whose names and summaries /id pages remember (0: none)."
    )
    id_mirror_max_triples: int = Field(
        2_000_000,
        ge=0,
        description="/id pages read an in-memory copy of the default graph when it has at most this many"
        " triples (0: always the store on disk).",
    )

    @field_validator("base_iri")
    @classmethod
    def _base_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("NEWSKG_BASE_IRI must be an http(s) IRI, e.g. http://localhost:8000/")
        return value if value.endswith("/") else value + "/"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment on first use."""
    return Settings()
