"""The store's counts, cached for a few seconds.

``Store.counts()`` runs COUNT queries over the whole default graph (about 50 ms at 40,000
triples, linear in size), and /health, /void and the home page all show it; monitoring may poll
/health every second. A write through this API invalidates the cache at once; writes made
elsewhere (a remote store) show within ``ttl`` seconds.
"""

from __future__ import annotations

import threading
import time

from kg.store import Counts, Store


class CachedCounts:
    def __init__(self, store: Store, ttl: float = 5.0) -> None:
        self._store = store
        self._ttl = ttl
        self._lock = threading.Lock()
        self._value: Counts | None = None
        self._at = 0.0

    def get(self) -> Counts:
        """The counts, computed at most once per ``ttl`` (one caller computes, others wait)."""
        with self._lock:
            if self._value is None or time.monotonic() - self._at > self._ttl:
                self._value = self._store.counts()
                self._at = time.monotonic()
            return self._value

    def invalidate(self) -> None:
        with self._lock:
            self._value = None
