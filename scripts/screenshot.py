"""Screenshots of the newskg web pages in headless Chromium, to look at them.

    python scripts/screenshot.py http://127.0.0.1:8000/ shots/

writes one PNG per page (home with a query run, timeline, an actor, an event, the ontology,
the API docs). Needs ``chromium`` on PATH (``apt-get install -y chromium``). Nothing is fetched
from the network but the server given.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PAGES = {
    "home": "#run",
    "query": "sparql#run",
    "timeline": "timeline",
    "actor": "id/country/russia",
    "event": "id/event/visit-vladimir-putin-pyongyang-2024",
    "ontology": "ontology.html",
    "docs": "docs",
}
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--virtual-time-budget=5000",
]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(url: str, *args: str, timeout: float = 60) -> str:
    """Run headless Chromium with a fresh profile on ``url``; its stdout (e.g. for --dump-dom)."""
    binary = chromium()
    if binary is None:
        raise RuntimeError("chromium is not installed (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", *args, url],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    return done.stdout


def screenshot(url: str, out: Path, size: str = "1280,1400") -> None:
    run_chromium(url, f"--screenshot={out}", f"--window-size={size}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the server's address, e.g. http://127.0.0.1:8000/")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    base = args.base if args.base.endswith("/") else args.base + "/"
    for name, path in PAGES.items():
        target = args.out / f"{name}.png"
        screenshot(base + path, target)
        print(f"{target}: {'ok' if target.is_file() else 'FAILED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
