"""An in-memory copy of the store's default graph, which /id pages read instead of the disk.

An /id page is built from a few hundred pattern lookups (:mod:`api.describe`); on the on-disk
store each costs a RocksDB read per term decoded (~4 µs a triple), on an in-memory pyoxigraph
store a tenth of that (BENCHMARKS.md). :class:`IdMirror` keeps such a copy of the default graph
(the union of all named graphs that the store maintains), with the names of the store's graphs.

Freshness. A copy is taken at a store generation (:attr:`kg.store.OxigraphStore.generation`,
bumped after every write this process makes) and is used only while the generation is the same:
the first request after a write reads the store on disk, as every request did before, and starts
a rebuild in a background thread; requests use the new copy once it is complete. A stale copy is
never served, and a half-built one is never seen. No other process can write to the store while
the API has it open (RocksDB's lock), so the generation sees every write.

A copy lists the triples of every lookup in the store's order
(:meth:`kg.store.OxigraphStore.default_graph_copy`), so a page of incoming links cut from it is the
page the disk gives, and a page is the same, byte for byte, whichever it is read from.

Each copy has its own name cache (:class:`api.labels.LabelCache`): the copy never changes, so what
was looked up in it stays true for as long as the copy is used.

Memory: a copy is made only when the default graph has at most ``max_triples`` triples (at most
that many, and one chunk, are read to find out, once per generation); otherwise /id reads the
disk. While a new copy is built the stale one is dropped, so at most one copy and the one being
built are held.
"""

from __future__ import annotations

import logging
import threading
import time

import pyoxigraph as ox

from api.labels import LabelCache
from kg.store import OxigraphStore

log = logging.getLogger(__name__)


class Copy:
    """The store's default graph and graph names at one generation, for :func:`api.describe.describe`."""

    def __init__(
        self, memory: OxigraphStore, graphs: frozenset[str], generation: int, labels: LabelCache | None
    ) -> None:
        self._memory = memory
        self._graphs = graphs
        self.generation = generation
        self.labels = labels

    def triples(
        self,
        subject: ox.NamedNode | None = None,
        predicate: ox.NamedNode | None = None,
        obj: ox.NamedNode | ox.Literal | None = None,
        limit: int | None = None,
    ) -> list[ox.Triple]:
        return self._memory.triples(subject, predicate, obj, limit)

    def has_graph(self, graph: str) -> bool:
        return graph in self._graphs


class IdMirror:
    """The current :class:`Copy` of an embedded store, rebuilt in the background after writes."""

    def __init__(self, store: OxigraphStore, max_triples: int, label_cache_entries: int = 0) -> None:
        self._store = store
        self._max = max_triples
        self._label_entries = label_cache_entries
        self._lock = threading.Lock()  # guards _builder and _too_large_at
        self._builder: threading.Thread | None = None
        self._too_large_at: int | None = None  # the generation found larger than max_triples
        self._current: Copy | None = None
        self._closed = False

    def fresh(self) -> Copy | None:
        """The copy when it is current; else None (read the store) and a rebuild is started."""
        current = self._current
        if current is not None and current.generation == self._store.generation:
            return current
        self._start()
        return None

    def _start(self) -> None:
        with self._lock:
            if self._closed or self._builder is not None or self._too_large_at == self._store.generation:
                return
            self._builder = threading.Thread(target=self._build_in_background, name="id-mirror", daemon=True)
            self._builder.start()

    def _build_in_background(self) -> None:
        try:
            self.build()
        except Exception:  # a background thread: say what failed; requests keep reading the disk
            log.exception("could not copy the default graph into memory; /id reads the store on disk")
        finally:
            with self._lock:
                self._builder = None

    def build(self) -> Copy | None:
        """Copy the store's default graph now, in this thread; the new copy, or None when the
        graph is too large. A write during the copy leaves it stale, so it is not used."""
        generation = self._store.generation
        self._current = None  # the stale copy's memory can go while the new one is built
        started = time.monotonic()
        graphs = frozenset(self._store.graphs())
        memory = self._store.default_graph_copy(self._max)
        if memory is None:
            with self._lock:
                self._too_large_at = generation
            log.info(
                "/id reads the store on disk: the default graph has more than %d triples"
                " (NEWSKG_ID_MIRROR_MAX_TRIPLES)",
                self._max,
            )
            return None
        labels = LabelCache(self._label_entries) if self._label_entries > 0 else None
        copy = Copy(memory, graphs, generation, labels)
        self._current = copy
        elapsed = time.monotonic() - started
        log.info("/id reads an in-memory copy of the default graph (copied in %.2f s)", elapsed)
        return copy

    def wait(self, timeout: float | None = None) -> None:
        """Until the build in progress, if any, has ended."""
        builder = self._builder
        if builder is not None:
            builder.join(timeout)

    def close(self, timeout: float = 30.0) -> None:
        """No more builds; waits for the one in progress (it reads the store about to be closed)."""
        with self._lock:
            self._closed = True
        self.wait(timeout)
        self._current = None
