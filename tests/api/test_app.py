"""api/app.py: the server's life: startup snapshot, shutdown with queries running."""

from __future__ import annotations

import contextlib
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conftest import RUNAWAY, start_server
from test_sparql import query_workers


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
