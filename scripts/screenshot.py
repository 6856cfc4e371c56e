"""Screenshots of the newskg web pages in headless Chromium, to look at them.

    python scripts/screenshot.py http://127.0.0.1:8000/ shots/

writes one PNG per page (home with a query run, the query page, timeline, actors, the most
recent event, the busiest actor, the ontology, the API docs). Needs ``chromium`` on PATH
(``apt-get install -y chromium``). Nothing is fetched from the network but the server given.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

PAGES = {
    "home": "#run",
    "query": "sparql#run",
    "timeline": "timeline",
    "actors": "actors",
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


def first_member(base: str, listing: str) -> str | None:
    """The local path of the first member of /events or /actors (the most recent, the busiest)."""
    request = urllib.request.Request(base + listing, headers={"Accept": "application/ld+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        members = json.load(response)["hydra:member"]
    if not members:
        return None
    iri = str(members[0]["@id"])
    return iri[iri.index("/id/") + 1 :] if "/id/" in iri else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the server's address, e.g. http://127.0.0.1:8000/")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    base = args.base if args.base.endswith("/") else args.base + "/"
    pages = dict(PAGES)
    for name, listing in (("event", "events"), ("actor", "actors")):
        path = first_member(base, listing)
        if path:
            pages[name] = path
    for name, path in pages.items():
        target = args.out / f"{name}.png"
        screenshot(base + path, target)
        print(f"{target}: {'ok' if target.is_file() else 'FAILED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
