"""Safe pieces of SPARQL text for the queries the API writes itself (listings).

User values never enter a query as raw text: strings become escaped literals, IRIs are checked
by pyoxigraph and written in N-Triples form, dates and type names are matched by pattern first.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import InputError

_DATE_PREFIX = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def literal(value: str) -> str:
    """A SPARQL string literal whose value is exactly ``value``."""
    # N-Triples escaping (\\, \", \n, \r and the rest as \uXXXX) is a subset of SPARQL's.
    return str(ox.Literal(value))


def iri(value: str) -> str:
    """``<value>`` for an absolute IRI; InputError for anything else."""
    try:
        return str(ox.NamedNode(value))
    except ValueError as exc:
        raise InputError(f"not an absolute IRI: {value!r}") from exc


def date_prefix(value: str, name: str) -> str:
    """A date filter value, YYYY, YYYY-MM or YYYY-MM-DD; InputError naming the parameter otherwise."""
    if not _DATE_PREFIX.match(value):
        raise InputError(f"{name}={value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
    return value
