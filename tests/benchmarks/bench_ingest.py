"""Ingest speed against bare spaCy, measured in the same run.

    .venv/bin/python -m tests.benchmarks.bench_ingest [PATH ...]

(default: ../shared/corpus, else kg/samples)

Prints the words/s of bare ``nlp.pipe`` over the article texts, of the whole ingest (read, spaCy,
extraction, resolution, mapping, SHACL, one store transaction per article) into a fresh on-disk store,
and their ratio. Each is the best of several rounds after a warm-up, in one process.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from kg.config import Settings
from kg.extraction import prepare_text
from kg.nlp import load_nlp
from kg.pipeline import BATCH_SIZE, Pipeline, read_paths
from kg.store import OxigraphStore

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 3


def main(argv: list[str]) -> None:
    corpus = REPO.parent / "shared" / "corpus"
    paths = [Path(p) for p in argv] or ([corpus] if corpus.is_dir() else [REPO / "kg" / "samples"])
    articles = read_paths(paths).articles
    texts = [prepare_text(a) for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm-up

    bare = min(_timed(lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE))) for _ in range(ROUNDS))

    def ingest() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            store = OxigraphStore(Path(tmp) / "store")
            Pipeline(Settings(store=Path(tmp) / "store"), store, nlp).ingest(articles)
            store.close()

    full = min(_timed(ingest) for _ in range(ROUNDS))
    print(f"articles {len(articles)}, words {words}, best of {ROUNDS} rounds")
    print(f"bare nlp.pipe     {words / bare:8.0f} words/s  ({bare:.2f} s)")
    print(f"kg ingest         {words / full:8.0f} words/s  ({full:.2f} s)")
    print(f"ingest / bare spaCy = {bare / full:.2f}")


def _timed(work) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    main(sys.argv[1:])
