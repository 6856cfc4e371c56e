"""api/app.py: the server's life: startup snapshot, shutdown with queries running."""

from __future__ import annotations

import contextlib
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conftest import RUNAWAY, free_port, start_server
from test_sparql import query_workers

from api.app import run
from kg.config import Settings
from kg.errors import StoreError
from kg.store import OxigraphStore


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_stopping_during_a_long_query_leaves_no_process_and_no_snapshot(tmp_path: Path) -> None:
    process, server = start_server(tmp_path, NEWSKG_QUERY_TIMEOUT="60")
    snapshots = Path(f"{server.store}.snapshots")
    assert snapshots.is_dir() and list(snapshots.iterdir())  # the startup snapshot
    workers = query_workers(server.pid)
    assert len(workers) == 2
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(httpx.get, server.url + "sparql", params={"query": RUNAWAY}, timeout=60)
        time.sleep(0.5)
        started = time.monotonic()
        process.terminate()
        process.wait(30)
        stopped_in = time.monotonic() - started
        with contextlib.suppress(httpx.HTTPError):  # the connection closes with the server
            pending.result()
    assert stopped_in < 15
    time.sleep(0.2)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert not snapshots.exists()


def test_run_refuses_a_store_another_process_holds_before_serving(tmp_path: Path) -> None:
    holder = OxigraphStore(tmp_path / "store")
    try:
        with pytest.raises(StoreError, match="Only one process"):
            run(Settings(store=tmp_path / "store"), "127.0.0.1", free_port())
    finally:
        holder.close()
