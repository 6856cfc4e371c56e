"""The store stage: where article graphs live, and how they are queried and exported.

Layout. Each article's graph is a named graph whose name is the article IRI; RDF imported with
``kg load`` goes into a named graph too. The store's *default graph* is kept equal to the set union
of all named graphs. Oxigraph's own union view is a multiset (a triple held by two articles comes
back twice), so queries run over this maintained default graph instead: an actor described by ten
articles is counted once, and ``GRAPH ?g { ... }`` still sees each article's own graph.

:class:`Store` is the small interface the rest of newskg uses; :class:`OxigraphStore` is the
embedded default and :class:`RemoteStore` speaks SPARQL 1.1 Protocol + Update to a server.
"""

from __future__ import annotations

import io
import logging
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Protocol, runtime_checkable

import pyoxigraph as ox

from kg import vocab
from kg.config import Settings
from kg.errors import NotFound, QueryError, RdfSyntaxError, StoreError

log = logging.getLogger(__name__)

DEFAULT = ox.DefaultGraph()

EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
"""Names the command line and API accept, mapped to Oxigraph's formats."""

DATASET_FORMATS = (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
"""Exported with each named graph; every other format gets the merged default graph."""

COPY_CHUNK = 50_000
"""Triples read at a time by :meth:`OxigraphStore.default_graph_copy`."""

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


@dataclass(frozen=True)
class Counts:
    """What the store holds: the numbers /void, /health and ``kg ingest`` report."""

    triples: int
    graphs: int
    articles: int
    actors: int
    events_by_type: dict[str, int]

    @property
    def events(self) -> int:
        return sum(self.events_by_type.values())


def format_from_name(name: str) -> ox.RdfFormat:
    """An RDF format from a command-line name, file extension or media type."""
    key = name.lower().lstrip(".")
    if key in EXPORT_FORMATS:
        return EXPORT_FORMATS[key]
    fmt = ox.RdfFormat.from_extension(key) or ox.RdfFormat.from_media_type(key)
    if fmt is None:
        choices = ", ".join(EXPORT_FORMATS)
        raise RdfSyntaxError(f"unknown RDF format {name!r}; use one of {choices} or a file extension")
    return fmt


@runtime_checkable
class Store(Protocol):
    """What newskg needs from a store. Implementations must keep replace_graph atomic."""

    def replace_graph(self, graph: str, ntriples: str) -> bool:
        """Make named graph ``graph`` hold exactly these N-Triples; False when nothing changed."""
        ...

    def drop_graph(self, graph: str) -> bool:
        """Remove a named graph; False when there was none."""
        ...

    def load(self, data: bytes, fmt: ox.RdfFormat, graph: str, base_iri: str | None = None) -> int:
        """Add RDF to the store, triples of the default graph into ``graph``; returns quads added."""
        ...

    def query(
        self,
        sparql: str,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryResult:
        """Evaluate a SPARQL query over the merged default graph (or the graphs given)."""
        ...

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT as plain strings (IRIs and lexical forms); unbound variables absent."""
        ...

    def graphs(self) -> list[str]: ...

    def has_graph(self, graph: str) -> bool: ...

    def graph_triples(self, graph: str) -> list[ox.Triple]: ...

    def triples(
        self,
        subject: ox.NamedNode | None = None,
        predicate: ox.NamedNode | None = None,
        obj: ox.NamedNode | ox.Literal | None = None,
        limit: int | None = None,
    ) -> list[ox.Triple]:
        """A pattern lookup on the merged default graph (the linked-data pages use it)."""
        ...

    def export(self, out: IO[bytes], fmt: ox.RdfFormat) -> None: ...

    def counts(self) -> Counts: ...

    def close(self) -> None: ...


def _data_block(triples: Iterable[ox.Triple]) -> str:
    """Triples as the body of INSERT DATA / DELETE DATA (a term's str() is its N-Triples form)."""
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def _parse_ntriples(ntriples: str) -> set[ox.Triple]:
    try:
        triples = {q.triple for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)}
    except SyntaxError as exc:
        raise RdfSyntaxError(f"not valid N-Triples: {exc}") from exc
    if any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples):
        raise RdfSyntaxError("article graphs must not contain blank nodes; mint IRIs in kg.iris")
    # Oxigraph stores typed values in canonical form ("+00:00" comes back as "Z"); compare in that form.
    scratch = ox.Store()
    scratch.extend(ox.Quad(t.subject, t.predicate, t.object, DEFAULT) for t in triples)
    return {q.triple for q in scratch.quads_for_pattern(None, None, None, DEFAULT)}


def _prefixes() -> dict[str, str]:
    return dict(vocab.PREFIXES)


class OxigraphStore:
    """The embedded store: an Oxigraph (RocksDB) directory on disk, or in memory when path is None."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._generation = 0
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(
                f"cannot open the store at {path}: {exc}. Is another newskg process using it? "
                "Only one process may open a store for writing."
            ) from exc

    @property
    def generation(self) -> int:
        """Bumped after every write made through this object (even a failed one), once it has
        committed: a copy of the store's contents taken at one generation is current while the
        generation stays the same. No other process can write to an on-disk store this object has
        open for writing (RocksDB locks it), so for such a store this sees every write."""
        return self._generation

    # -- writing ---------------------------------------------------------------------------------
    def replace_graph(self, graph: str, ntriples: str) -> bool:
        try:
            return self._replace_graph(graph, ntriples)
        finally:
            self._generation += 1

    def _replace_graph(self, graph: str, ntriples: str) -> bool:
        new = _parse_ntriples(ntriples)
        name = ox.NamedNode(graph)
        old = {q.triple for q in self._store.quads_for_pattern(None, None, None, name)}
        if old == new and (new or self._store.contains_named_graph(name)):
            return False
        removed, added = old - new, new - old
        orphaned = [t for t in removed if not self._held_elsewhere(t, name)]
        parts = []
        if removed:
            parts.append(f"DELETE DATA {{ GRAPH {name} {{ {_data_block(removed)} }} }}")
        if orphaned:
            parts.append(f"DELETE DATA {{ {_data_block(orphaned)} }}")
        if added:
            block = _data_block(added)
            parts.append(f"INSERT DATA {{ GRAPH {name} {{ {block} }} {block} }}")
        if not new:
            parts.append(f"DROP SILENT GRAPH {name}")
        # One update is one transaction: readers see the old graph or the new one, never a mix.
        self._store.update(" ;\n".join(parts))
        return True

    def _held_elsewhere(self, triple: ox.Triple, graph: ox.NamedNode) -> bool:
        for quad in self._store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None):
            if quad.graph_name != graph and not isinstance(quad.graph_name, ox.DefaultGraph):
                return True
        return False

    def drop_graph(self, graph: str) -> bool:
        name = ox.NamedNode(graph)
        if not self._store.contains_named_graph(name):
            return False
        self.replace_graph(graph, "")
        return True

    def load(self, data: bytes, fmt: ox.RdfFormat, graph: str, base_iri: str | None = None) -> int:
        target = ox.NamedNode(graph)
        try:
            parsed = list(ox.parse(data, format=fmt, base_iri=base_iri))
        except (SyntaxError, ValueError) as exc:
            raise RdfSyntaxError(f"not valid {fmt.name}: {exc}") from exc
        quads: list[ox.Quad] = []
        for item in parsed:
            if isinstance(item, ox.Quad):
                name = target if isinstance(item.graph_name, ox.DefaultGraph) else item.graph_name
                triple = item.triple
            else:
                name, triple = target, item
            quads.append(ox.Quad(triple.subject, triple.predicate, triple.object, name))
            quads.append(ox.Quad(triple.subject, triple.predicate, triple.object, DEFAULT))
        try:
            self._store.extend(quads)  # one transaction
        finally:
            self._generation += 1
        return len(quads) // 2

    # -- reading ---------------------------------------------------------------------------------
    def query(
        self,
        sparql: str,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryResult:
        kwargs: dict[str, object] = {"prefixes": _prefixes()}
        if default_graph is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        if named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self._store.query(sparql, **kwargs)  # type: ignore[arg-type]
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from exc

    def select(self, sparql: str) -> list[dict[str, str]]:
        return select_rows(self.query(sparql))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def has_graph(self, graph: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def graph_triples(self, graph: str) -> list[ox.Triple]:
        name = ox.NamedNode(graph)
        if not self._store.contains_named_graph(name):
            raise NotFound(f"no graph <{graph}> in the store")
        return [q.triple for q in self._store.quads_for_pattern(None, None, None, name)]

    def triples(
        self,
        subject: ox.NamedNode | None = None,
        predicate: ox.NamedNode | None = None,
        obj: ox.NamedNode | ox.Literal | None = None,
        limit: int | None = None,
    ) -> list[ox.Triple]:
        found = []
        for quad in self._store.quads_for_pattern(subject, predicate, obj, DEFAULT):
            found.append(quad.triple)
            if limit is not None and len(found) >= limit:
                break
        return found

    def default_graph_copy(self, max_triples: int) -> OxigraphStore | None:
        """An in-memory store holding a copy of this one's default graph (in its default graph; no
        named graphs), or None when the default graph has more than ``max_triples`` triples (at
        most that many and one chunk are read before giving up).

        Every pattern lookup on the copy lists its triples in the order this store does, so a
        page cut from a lookup (the incoming links of an /id page) is the same page. Oxigraph's
        in-memory store lists the triples of a pattern newest first, so the copy is filled in the
        reverse of this store's order; the chunks wait their turn as N-Quads, a third of the memory
        of the triples they hold once stored.
        """
        quads = iter(self._store.quads_for_pattern(None, None, None, DEFAULT))
        chunks: list[bytes] = []
        taken = 0
        while chunk := list(islice(quads, COPY_CHUNK)):
            taken += len(chunk)
            if taken > max_triples:
                return None
            chunks.append(ox.serialize(chunk, format=ox.RdfFormat.N_QUADS) or b"")
        copy = OxigraphStore(None)
        while chunks:
            parsed = list(ox.parse(chunks.pop(), format=ox.RdfFormat.N_QUADS))
            copy._store.bulk_extend(reversed(parsed))  # a fresh store: no transaction needed
        return copy

    def export(self, out: IO[bytes], fmt: ox.RdfFormat) -> None:
        if fmt in DATASET_FORMATS:
            # Named graphs only: the default graph is their union, derived, and would duplicate them.
            quads = (q for q in self._store.quads_for_pattern(None, None, None) if not _in_default(q))
            ox.serialize(quads, out, format=fmt, prefixes=_prefixes())
        else:
            self._store.dump(out, format=fmt, from_graph=DEFAULT, prefixes=_prefixes())

    def counts(self) -> Counts:
        return counts_by_query(self)

    def snapshot(self, target: Path) -> None:
        """A consistent on-disk copy (a RocksDB checkpoint) that other processes may open read-only."""
        if target.exists():
            shutil.rmtree(target)
        self._store.flush()
        self._store.backup(str(target))

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()
        del self._store


def _in_default(quad: ox.Quad) -> bool:
    return isinstance(quad.graph_name, ox.DefaultGraph)


def _term_value(term: object) -> str:
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term.value
    return str(term)


def select_rows(result: QueryResult) -> list[dict[str, str]]:
    """SELECT solutions as dicts of plain strings."""
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = _term_value(term)
        rows.append(row)
    return rows


def counts_by_query(store: Store) -> Counts:
    """Counts over the merged default graph, so an event held by two articles counts once."""
    prologue = vocab.sparql_prologue()
    triples = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    by_type = store.select(
        prologue
        + "SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { VALUES ?type { nk:Visit nk:Sanction nk:Espionage }"
        " ?e a ?type } GROUP BY ?type"
    )
    articles = store.select(prologue + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a nk:Article }")
    actors = store.select(
        prologue
        + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { VALUES ?c { nk:Person nk:Organization nk:Country }"
        " ?a a ?c }"
    )
    events = {row["type"].rsplit("#", 1)[-1]: int(row["n"]) for row in by_type if "type" in row}
    return Counts(
        triples=int(triples[0]["n"]),
        graphs=len(store.graphs()),
        articles=int(articles[0]["n"]),
        actors=int(actors[0]["n"]),
        events_by_type={t: events.get(t, 0) for t in ("Visit", "Sanction", "Espionage")},
    )


class RemoteStore:
    """A SPARQL 1.1 server (Fuseki, Oxigraph server, GraphDB...) behind Protocol and Update endpoints.

    The remote server keeps the same layout: named graphs per article plus their union in the
    default graph, maintained by the same updates the embedded store runs.
    """

    def __init__(self, query_url: str, update_url: str | None = None, timeout: float = 30.0) -> None:
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.timeout = timeout

    def _post(self, url: str, body: bytes, content_type: str, accept: str) -> bytes:
        request = urllib.request.Request(
            url, data=body, method="POST", headers={"Content-Type": content_type, "Accept": accept}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return bytes(response.read())
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            if 400 <= exc.code < 500:
                raise QueryError(
                    f"the SPARQL server at {url} refused the request ({exc.code}): {detail}"
                ) from exc
            raise StoreError(f"the SPARQL server at {url} failed ({exc.code}): {detail}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {exc}") from exc

    def _update(self, update: str) -> None:
        self._post(self.update_url, update.encode("utf-8"), "application/sparql-update", "*/*")

    def query(
        self,
        sparql: str,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryResult:
        params = [("query", vocab.sparql_prologue() + sparql)]
        params += [("default-graph-uri", g) for g in default_graph or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        body = urllib.parse.urlencode(params).encode("ascii")
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        request = urllib.request.Request(
            self.query_url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                media = response.headers.get_content_type()
                payload = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            raise QueryError(f"the SPARQL server refused the query ({exc.code}): {detail}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL server at {self.query_url}: {exc}") from exc
        if media in ("application/sparql-results+json", "application/json"):
            return ox.parse_query_results(payload, format=ox.QueryResultsFormat.JSON)
        # Graph results: re-run locally through an in-memory store so callers get the same type.
        scratch = ox.Store()
        scratch.load(payload, format=ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES)
        return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")

    def select(self, sparql: str) -> list[dict[str, str]]:
        return select_rows(self.query(sparql))

    def graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(r["g"] for r in rows if "g" in r)

    def has_graph(self, graph: str) -> bool:
        result = self.query(f"ASK {{ GRAPH <{_check_iri(graph)}> {{ ?s ?p ?o }} }}")
        return bool(result)

    def graph_triples(self, graph: str) -> list[ox.Triple]:
        iri = _check_iri(graph)
        result = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
        triples = list(result)  # type: ignore[arg-type]
        if not triples and not self.has_graph(graph):
            raise NotFound(f"no graph <{graph}> in the store")
        return triples

    def triples(
        self,
        subject: ox.NamedNode | None = None,
        predicate: ox.NamedNode | None = None,
        obj: ox.NamedNode | ox.Literal | None = None,
        limit: int | None = None,
    ) -> list[ox.Triple]:
        s = str(subject) if subject is not None else "?s"
        p = str(predicate) if predicate is not None else "?p"
        o = str(obj) if obj is not None else "?o"
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        result = self.query(f"CONSTRUCT {{ {s} {p} {o} }} WHERE {{ {s} {p} {o} }}{tail}")
        return list(result)  # type: ignore[arg-type]

    def replace_graph(self, graph: str, ntriples: str) -> bool:
        new = _parse_ntriples(ntriples)
        old = set(self.graph_triples(graph)) if self.has_graph(graph) else set()
        if old == new and new:
            return False
        iri = ox.NamedNode(_check_iri(graph))
        block = _data_block(new)
        # Triples only this graph held leave the union; the server applies the request atomically.
        update = (
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {iri} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {iri}) }} }} ;\n"
            f"DROP SILENT GRAPH {iri} ;\n"
        )
        if new:
            update += f"INSERT DATA {{ GRAPH {iri} {{ {block} }} {block} }}"
        self._update(update)
        return True

    def drop_graph(self, graph: str) -> bool:
        if not self.has_graph(graph):
            return False
        self.replace_graph(graph, "")
        return True

    def load(self, data: bytes, fmt: ox.RdfFormat, graph: str, base_iri: str | None = None) -> int:
        scratch = OxigraphStore(None)
        count = scratch.load(data, fmt, graph, base_iri)
        buffer = io.BytesIO()
        scratch.export(buffer, ox.RdfFormat.N_QUADS)
        quads = list(ox.parse(buffer.getvalue(), format=ox.RdfFormat.N_QUADS))
        by_graph: dict[str, list[ox.Triple]] = {}
        for quad in quads:
            by_graph.setdefault(str(quad.graph_name), []).append(quad.triple)
        for name, triples in by_graph.items():
            block = _data_block(triples)
            self._update(f"INSERT DATA {{ GRAPH {name} {{ {block} }} {block} }}")
        return count

    def export(self, out: IO[bytes], fmt: ox.RdfFormat) -> None:
        if fmt in DATASET_FORMATS:
            solutions = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
            assert isinstance(solutions, ox.QuerySolutions)
            quads = (ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in solutions)
            ox.serialize(quads, out, format=fmt, prefixes=_prefixes())
        else:
            triples = self.query("CONSTRUCT WHERE { ?s ?p ?o }")
            ox.serialize(triples, out, format=fmt, prefixes=_prefixes())  # type: ignore[arg-type]

    def counts(self) -> Counts:
        return counts_by_query(self)

    def close(self) -> None:
        return None


def _check_iri(value: str) -> str:
    if any(c in value for c in '<>"{}|^`\\ \n'):
        raise QueryError(f"not an IRI: {value!r}")
    return value


def open_store(settings: Settings, path: Path | None = None, *, read_only: bool = False) -> Store:
    """The configured store: remote when NEWSKG_STORE_URL is set, else the embedded one on disk."""
    if settings.store_url and path is None:
        return RemoteStore(settings.store_url, settings.store_update_url)
    return OxigraphStore(path or settings.store, read_only=read_only)
