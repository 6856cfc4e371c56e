"""Checks on SPARQL text before anything evaluates it.

pyoxigraph would run ``SERVICE <http://...>`` over HTTP from inside the server, and an update
must never reach the query endpoint. :func:`inspect` reads the query just far enough to see its
keywords (a lexer that steps over strings, IRIs and comments, so ``"SERVICE"`` in a literal or
``<http://example.org/service>`` is harmless), refuses SERVICE and LOAD, and tells which query
form the text is, so the result format can be negotiated before evaluation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from kg.errors import ForbiddenQueryError, QueryError


class QueryForm(StrEnum):
    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"

    @property
    def returns_graph(self) -> bool:
        return self in (QueryForm.CONSTRUCT, QueryForm.DESCRIBE)


FORBIDDEN = {"SERVICE": "SERVICE (federated query)", "LOAD": "LOAD"}
_UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}

# SPARQL 1.1 section 19.2 says \u and \U escapes are replaced before a query is parsed, so a
# spec-following server (a remote store) would read a keyword spelt with them; Oxigraph does not.
# The keywords are read both ways and a forbidden one found either way is refused.
_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(
    r"'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|"(?:[^"\\\n\r]|\\.)*"',
    re.DOTALL,
)
_VARIABLE = re.compile(r"[?$][\w\u00b7\u00c0-\U000effff]*")
_WORD = re.compile(r"[\w\u00b7\u00c0-\U000effff:.%\\-]+")


@dataclass(frozen=True)
class Inspection:
    form: QueryForm


def _unescape(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _CODEPOINT_ESCAPE.sub(replace, text)


def keywords(text: str) -> list[str]:
    """The bare words of a query outside strings, IRIs, comments and variables, upper-cased.

    Prefixed names (``nk:Visit``, ``service:x``) and blank node labels keep their colon and so
    never equal a keyword. An unclosed string runs to the end (the evaluator reports it).
    """
    found = []
    pos, end = 0, len(text)
    while pos < end:
        char = text[pos]
        if char.isspace():
            pos += 1
        elif char == "#":
            newline = text.find("\n", pos)
            pos = end if newline < 0 else newline + 1
        elif char == "<" and (match := _IRI.match(text, pos)):
            pos = match.end()
        elif char in "'\"":
            match = _STRING.match(text, pos)
            pos = end if match is None else match.end()
        elif char in "?$":
            pos = _VARIABLE.match(text, pos).end()  # type: ignore[union-attr]  # always matches
        elif match := _WORD.match(text, pos):
            word = match.group(0)
            if ":" not in word:
                found.append(word.rstrip(".").upper())
            pos = match.end()
        else:
            pos += 1
    return found


def inspect(text: str) -> Inspection:
    """The form of a read-only query; ForbiddenQueryError for SERVICE, LOAD or an update.

    QueryError when no query form is found. Full syntax checking is left to the evaluator.
    """
    words = keywords(text)
    for word in words + keywords(_unescape(text)):
        if word in FORBIDDEN:
            raise ForbiddenQueryError(
                f"{FORBIDDEN[word]} is not allowed on this endpoint: the server does not fetch "
                "remote data. Query the data this store holds."
            )
    for word in words:
        if word in QueryForm.__members__:
            return Inspection(QueryForm(word))
        if word in _UPDATE_KEYWORDS:
            raise ForbiddenQueryError(
                f"{word} is a SPARQL update; this endpoint answers queries only "
                "(SELECT, ASK, CONSTRUCT, DESCRIBE) and the store is read-only here."
            )
    raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
