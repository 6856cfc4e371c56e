"""The one exception tree of newskg.

    NewskgError                 base: every error newskg raises on purpose
    ├── InputError              bad input from a user (file, article, request)
    │   ├── ReadError           a file or article that cannot be read (empty, not UTF-8, no date)
    │   ├── RdfSyntaxError      RDF that does not parse (kg load, POST data)
    │   └── QueryError          SPARQL that is malformed or not allowed
    │       └── ForbiddenQueryError   SERVICE, LOAD, updates sent to the query endpoint
    ├── ShapeViolation          a graph that violates shapes/ (carries the report)
    ├── ExtractionFailure       the extractor failed on one article (a bug): skipped, reported
    ├── StoreError              the store cannot be opened, read or written
    │   └── NotFound            a graph or resource the store does not hold
    ├── QueryLimitError         a query hit a limit
    │   ├── QueryTimeout        ... the deadline (NEWSKG_QUERY_TIMEOUT)
    │   ├── TooManyRows         ... the row cap (NEWSKG_MAX_ROWS)
    │   └── Overloaded          ... too many queries in flight
    └── ModelError              the spaCy model is missing or broken

Messages say what was wrong and what to do about it, naming the file, line or field.
"""

from __future__ import annotations

from typing import Any


class NewskgError(Exception):
    """Base of every error newskg raises on purpose."""


class InputError(NewskgError):
    """Bad input from a user."""


class ReadError(InputError):
    """A file or article that cannot be read."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class RdfSyntaxError(InputError):
    """RDF that does not parse."""


class QueryError(InputError):
    """SPARQL that is malformed or not allowed."""


class ForbiddenQueryError(QueryError):
    """A query form or operation the endpoint refuses (SERVICE, LOAD, updates)."""


class ExtractionFailure(NewskgError):
    """The extractor failed on one article. That is a bug in newskg, not in the article: a batch ingest
    reports the article and goes on with the others."""


class ShapeViolation(NewskgError):
    """A graph that violates the SHACL shapes; ``report`` holds the readable report."""

    def __init__(self, message: str, report: Any = None) -> None:
        super().__init__(message)
        self.report = report


class StoreError(NewskgError):
    """The store cannot be opened, read or written."""


class NotFound(StoreError):
    """A graph or resource the store does not hold."""


class QueryLimitError(NewskgError):
    """A query hit a configured limit."""


class QueryTimeout(QueryLimitError):
    """A query ran past its deadline and was stopped."""


class TooManyRows(QueryLimitError):
    """A query returned more rows than the configured cap."""


class Overloaded(QueryLimitError):
    """Too many queries are in flight; retry later."""


class ModelError(NewskgError):
    """The spaCy model is missing or broken."""
