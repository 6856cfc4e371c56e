"""Query evaluation with a deadline that really stops the work.

pyoxigraph cannot cancel a running query, so for the embedded store queries run in worker
processes the API can kill. The API process owns the writable store; it writes a checkpoint
snapshot (``<store>.snapshots/<generation>``) at startup and after every write, and each worker
opens the current snapshot read-only, evaluates, serializes the result with
:func:`api.results.answer` and sends the bytes back. A worker that misses the deadline, or whose
resident memory passes ``query_memory_mb`` (a sort over a cross product could otherwise take the
machine's memory), is killed and replaced; the client gets 503 and never a half-written 200.

For a remote store the query goes over HTTP in a thread with the same deadline (the remote
server is the one that must stop the work; the store's own socket timeout ends the thread).

Both engines bound the queries in flight (``max_concurrent_queries``): one more is refused with
:class:`~kg.errors.Overloaded` at once instead of queueing without end.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import shutil
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Protocol

from api.results import QueryJob, answer
from kg import errors
from kg.config import Settings
from kg.store import OxigraphStore, Store

log = logging.getLogger(__name__)

_ERRORS: dict[str, type[errors.NewskgError]] = {
    cls.__name__: cls
    for cls in (errors.QueryError, errors.ForbiddenQueryError, errors.TooManyRows, errors.StoreError)
}


class QueryEngine(Protocol):
    """What the /sparql route needs: run a job within the deadline, and see new writes."""

    async def run(self, job: QueryJob) -> bytes: ...

    def refresh(self) -> None:
        """Make queries see the store's current state (called after each write)."""
        ...

    def status(self) -> dict[str, object]:
        """What /health reports about query evaluation."""
        ...

    def close(self) -> None: ...


# -- inside a worker process ---------------------------------------------------------------------


def _serve(conn: Connection) -> None:
    """A worker's loop: (snapshot directory, job) in, ("ok", bytes) or ("error", class, message) out."""
    # Ctrl-C in a terminal reaches the whole process group; the API process decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    opened: tuple[str, OxigraphStore] | None = None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the API process is gone
        if message is None:
            return
        snapshot, job = message
        try:
            if opened is None or opened[0] != snapshot:
                if opened is not None:
                    opened[1].close()
                opened = (snapshot, OxigraphStore(Path(snapshot), read_only=True))
            reply: tuple[Any, ...] = ("ok", answer(opened[1], job))
        except errors.NewskgError as exc:
            name = type(exc).__name__
            reply = ("error", name if name in _ERRORS else "StoreError", str(exc))
        except Exception:  # a process boundary: log the bug here, send the client no internals
            log.exception("query worker failed on %r", job.text[:200])
            reply = ("error", "StoreError", "the query failed inside the server; see the server log")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


# -- in the API process --------------------------------------------------------------------------


WATCH_SECONDS = 0.05  # how often a waiting thread checks its worker's memory
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes(pid: int | None) -> int:
    """Resident memory of a process (Linux /proc); 0 where that cannot be read."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


class _Worker:
    def __init__(self, context: multiprocessing.context.SpawnContext) -> None:
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.snapshot: str | None = None
        self.busy = False

    def ask(self, snapshot: str, job: QueryJob, timeout: float, max_rss: int) -> tuple[Any, ...]:
        """Send one job and wait for the reply, watching the clock and the worker's memory.

        Returns the worker's reply, ``("late",)`` when the deadline passed first or
        ``("memory", rss)`` when the worker grew past ``max_rss`` bytes; in both cases the worker
        is still busy and the caller kills it.
        """
        self.snapshot = snapshot
        self.busy = True
        self.conn.send((snapshot, job))
        deadline = time.monotonic() + max(timeout, 0.0)
        while not self.conn.poll(min(WATCH_SECONDS, max(deadline - time.monotonic(), 0.0))):
            if time.monotonic() >= deadline:
                return ("late",)
            rss = resident_bytes(self.process.pid)
            if rss > max_rss:
                return ("memory", rss)
        reply: tuple[Any, ...] = self.conn.recv()
        self.busy = False
        return reply

    def kill(self) -> None:
        # The pipe is left open: a thread may still be polling it, and wakes on the EOF the
        # dead child leaves; it is closed when the worker is dropped.
        self.process.kill()
        self.process.join(5)

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(2)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


class WorkerPool:
    """Killable worker processes over read-only snapshots of an embedded store."""

    def __init__(self, store: OxigraphStore, settings: Settings) -> None:
        if store.path is None:
            raise errors.StoreError("query workers need an on-disk store to snapshot")
        self._store = store
        self._root = store.path.parent / f"{store.path.name}.snapshots"
        self._timeout = settings.query_timeout
        self._max_in_flight = settings.max_concurrent_queries
        self._size = settings.query_workers
        self._max_rss = settings.query_memory_mb << 20
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()  # guards _workers and _current
        self._snapshots = threading.Lock()  # one refresh at a time
        self._workers: set[_Worker] = set()
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._in_flight = 0
        self._closed = False
        self._generation = 0
        self._current = ""
        # One thread per query in flight waits on its worker's pipe.
        self._threads = ThreadPoolExecutor(self._max_in_flight, thread_name_prefix="query-wait")

    def start(self) -> None:
        """Snapshot the store and start the workers."""
        shutil.rmtree(self._root, ignore_errors=True)  # left by an earlier run of this store
        self.refresh()
        for _ in range(self._size):
            self._idle.put_nowait(self._spawn())

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context)
        with self._lock:
            self._workers.add(worker)
        return worker

    def refresh(self) -> None:
        """Write a new snapshot; workers switch to it on their next query.

        Refreshes run one at a time (``_snapshots``), so a slow one can neither make an older
        snapshot current after a newer one nor see its half-written folder pruned. Snapshots
        still open in a worker are kept until a later refresh finds them unused.
        """
        with self._snapshots:
            self._generation += 1
            target = self._root / f"{self._generation:06d}"
            self._root.mkdir(parents=True, exist_ok=True)
            self._store.snapshot(target)
            with self._lock:
                self._current = str(target)
            self._prune()

    def _prune(self) -> None:
        """Delete snapshots that are neither current nor open in a worker (``_snapshots`` held)."""
        with self._lock:
            keep = {self._current} | {w.snapshot for w in self._workers if w.snapshot}
        for path in self._root.glob("*"):
            if str(path) not in keep:
                shutil.rmtree(path, ignore_errors=True)

    async def run(self, job: QueryJob) -> bytes:
        if self._in_flight >= self._max_in_flight:
            raise errors.Overloaded(
                f"{self._in_flight} queries are running, the most this server allows "
                "(NEWSKG_MAX_CONCURRENT_QUERIES); retry in a moment"
            )
        self._in_flight += 1
        try:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + self._timeout
            try:
                worker = await asyncio.wait_for(self._idle.get(), self._timeout)
            except TimeoutError:
                raise errors.Overloaded(
                    f"every query worker stayed busy for {self._timeout:g} s; retry in a moment"
                ) from None
            # Shielded: if the client goes away, the job still ends and the worker comes back.
            task = asyncio.ensure_future(self._dispatch(worker, job, deadline - loop.time()))
            return await asyncio.shield(task)
        finally:
            self._in_flight -= 1

    async def _dispatch(self, worker: _Worker, job: QueryJob, timeout: float) -> bytes:
        with self._lock:
            snapshot = self._current
        loop = asyncio.get_running_loop()
        try:
            reply = await loop.run_in_executor(
                self._threads, worker.ask, snapshot, job, timeout, self._max_rss
            )
        except (EOFError, OSError):
            await self._replace(worker)
            raise errors.StoreError(
                f"the query worker stopped unexpectedly (exit code {worker.process.exitcode}); "
                "retry the query, and narrow it if this happens again"
            ) from None
        if reply[0] == "late":
            log.warning("query stopped after %.1f s: %r", self._timeout, job.text[:200])
            await self._replace(worker)
            raise errors.QueryTimeout(
                f"the query ran longer than {self._timeout:g} s (NEWSKG_QUERY_TIMEOUT) and was "
                "stopped; narrow it with more specific patterns or a LIMIT"
            )
        if reply[0] == "memory":
            log.warning("query stopped at %d MiB: %r", reply[1] >> 20, job.text[:200])
            await self._replace(worker)
            raise errors.QueryLimitError(
                f"the query needed more than {self._max_rss >> 20} MiB of memory (NEWSKG_QUERY_MEMORY_MB) "
                "and was stopped; narrow it, or aggregate instead of sorting everything"
            )
        self._idle.put_nowait(worker)
        return _unpack(reply)

    async def _replace(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        with self._lock:
            self._workers.discard(worker)
            closed = self._closed
        await loop.run_in_executor(self._threads, worker.kill)
        if not closed:  # a query that fails while the server stops must not start a new worker
            self._idle.put_nowait(self._spawn())

    def status(self) -> dict[str, object]:
        with self._lock:
            alive = sum(1 for w in self._workers if w.process.is_alive())
            snapshot = Path(self._current).name if self._current else None
        return {
            "engine": "worker processes over a snapshot",
            "workers": alive,
            "in_flight": self._in_flight,
            "max_in_flight": self._max_in_flight,
            "snapshot": snapshot,
            "timeout_seconds": self._timeout,
            "memory_limit_mb": self._max_rss >> 20,
        }

    def close(self) -> None:
        """Stop idle workers, kill busy ones (their clients are gone with the server)."""
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            if worker.busy:
                worker.kill()
            else:
                worker.stop()
        self._threads.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self._root, ignore_errors=True)


def _unpack(reply: tuple[Any, ...]) -> bytes:
    if reply[0] == "ok":
        body = reply[1]
        assert isinstance(body, bytes)
        return body
    name, message = reply[1], reply[2]
    raise _ERRORS.get(str(name), errors.StoreError)(str(message))


class RemoteQueries:
    """Queries sent to a remote SPARQL server, with the same deadline and in-flight bound."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self._store = store
        self._timeout = settings.query_timeout
        self._max_in_flight = settings.max_concurrent_queries
        self._in_flight = 0
        self._threads = ThreadPoolExecutor(self._max_in_flight, thread_name_prefix="remote-query")

    async def run(self, job: QueryJob) -> bytes:
        if self._in_flight >= self._max_in_flight:
            raise errors.Overloaded(
                f"{self._in_flight} queries are running, the most this server allows; retry in a moment"
            )
        self._in_flight += 1
        try:
            loop = asyncio.get_running_loop()
            work = loop.run_in_executor(self._threads, answer, self._store, job)
            try:
                return await asyncio.wait_for(work, self._timeout)
            except TimeoutError:
                raise errors.QueryTimeout(
                    f"the SPARQL server did not answer within {self._timeout:g} s (NEWSKG_QUERY_TIMEOUT)"
                ) from None
        finally:
            self._in_flight -= 1

    def refresh(self) -> None:
        return None  # the remote server sees writes at once

    def status(self) -> dict[str, object]:
        return {
            "engine": "remote SPARQL server",
            "in_flight": self._in_flight,
            "max_in_flight": self._max_in_flight,
            "timeout_seconds": self._timeout,
        }

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)
