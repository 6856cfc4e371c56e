"""Names and summaries of linked resources, remembered between requests to /id.

An /id page names everything it links to (an actor's page: the title of each article it is
mentioned in, the names of its events' agents and targets) and summarises each subject of its
incoming links (an event's label, type, date and roles), one store lookup each, and the same
articles, actors and events appear on many pages. :class:`LabelCache` keeps those lookups'
results; the page's own resource (its triples, its incoming links) is read on every request.

It is correct only while this process sees every write: the app uses it for the embedded store,
which no other process may open for writing while the API runs, and every write through the API
(POST /articles) calls :meth:`LabelCache.invalidate`. A lookup that began before an invalidation
is not remembered (the generation check), so a name read just before a write is never kept after
it. With a remote store, which others may write to, the app makes no cache.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pyoxigraph as ox

Lookup = Callable[[ox.NamedNode], list[ox.Triple]]


class LabelCache:
    """Triples by (kind of lookup, resource), emptied on every write; at most ``max_entries``."""

    def __init__(self, max_entries: int = 50_000) -> None:
        self._max = max_entries
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, ox.NamedNode], tuple[ox.Triple, ...]] = {}
        self._generation = 0

    def get(self, node: ox.NamedNode, lookup: Lookup, kind: str = "label") -> list[ox.Triple]:
        """``lookup(node)``, from memory when this process made the same ``kind`` of lookup of
        ``node`` since the last write."""
        key = (kind, node)
        found = self._entries.get(key)
        if found is not None:
            return list(found)
        generation = self._generation
        triples = lookup(node)
        with self._lock:
            if generation == self._generation:
                if len(self._entries) >= self._max:
                    self._entries.clear()  # simpler than LRU; names are cheap to look up again
                self._entries[key] = tuple(triples)
        return triples

    def invalidate(self) -> None:
        """Forget everything: the store was (or may have been) written to."""
        with self._lock:
            self._generation += 1
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
