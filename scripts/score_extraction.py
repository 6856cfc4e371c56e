"""Dev harness: run nlp + extraction + resolution over gold-annotated articles and score them.

    .venv/bin/python scripts/score_extraction.py                  # seed + dev, then tests/articles
    .venv/bin/python scripts/score_extraction.py -v               # per-article detail
    .venv/bin/python scripts/score_extraction.py DIR [DIR ...]    # other gold folders (*.txt + *.json)

Each folder is scored on its own, seed + dev together (the articles the rules were developed on), and
all folders together (tests/articles are the held-out-style check). Scoring is kg.evaluate's, on what
kg.resolution makes of each extraction. Prints the seconds spent in spaCy and in extraction after it
(model and lookup tables warmed up first).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import evaluate, resolution  # noqa: E402
from kg.extraction import extract, prepare_text  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.nlp import load_nlp  # noqa: E402
from kg.reader import read_file  # noqa: E402

DEFAULT_DIRS = (
    ROOT.parent / "shared" / "corpus" / "seed",
    ROOT.parent / "shared" / "corpus" / "dev",
    ROOT / "tests" / "articles",
)


def articles_in(folder: Path) -> list[Article]:
    found: list[Article] = []
    for path in sorted(folder.glob("*.txt")):
        for item in read_file(path):
            if isinstance(item, Article):
                found.append(item)
            else:
                print(f"skipped: {item}", file=sys.stderr)
    return found


def warm_up() -> None:
    """Load the model and the lookup tables once, so the timings below are per-article costs."""
    if articles := [a for folder in DEFAULT_DIRS if folder.is_dir() for a in articles_in(folder)][:1]:
        extract(load_nlp()(prepare_text(articles[0])), articles[0])


def predict(articles: list[Article], timing: dict[str, float]) -> list[dict[str, Any]]:
    nlp = load_nlp()
    start = time.perf_counter()
    docs = list(nlp.pipe([prepare_text(a) for a in articles]))
    timing["spacy"] += time.perf_counter() - start
    start = time.perf_counter()
    extractions = [extract(doc, article) for doc, article in zip(docs, articles, strict=True)]
    timing["extract"] += time.perf_counter() - start
    return [evaluate.doc_from_resolved(resolution.resolve(e)) for e in extractions]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dirs", nargs="*", type=Path, default=list(DEFAULT_DIRS))
    parser.add_argument("-v", "--verbose", action="store_true", help="per-article detail")
    args = parser.parse_args()
    warm_up()
    timing = {"spacy": 0.0, "extract": 0.0}
    all_gold: list[dict[str, Any]] = []
    all_predicted: list[dict[str, Any]] = []
    dev_gold: list[dict[str, Any]] = []  # seed + dev: the set the rules were developed on
    dev_predicted: list[dict[str, Any]] = []
    for folder in args.dirs:
        if not any(folder.glob("*.json")):
            print(f"== {folder}: no gold files, skipped\n")
            continue
        gold = evaluate.load_gold(folder)
        predicted = predict(articles_in(folder), timing)
        all_gold += gold
        all_predicted += predicted
        if folder.resolve().parent == DEFAULT_DIRS[0].resolve().parent:
            dev_gold += gold
            dev_predicted += predicted
        print(f"== {folder}")
        print(evaluate.score(gold, predicted).render(verbose=args.verbose))
        print()
    if dev_gold:
        print("== seed + dev")
        print(evaluate.score(dev_gold, dev_predicted).render(verbose=False))
        print()
    print("== all folders")
    print(evaluate.score(all_gold, all_predicted).render(verbose=False))
    share = timing["extract"] / timing["spacy"] if timing["spacy"] else 0.0
    print(f"\nspaCy {timing['spacy']:.2f}s, extraction {timing['extract']:.3f}s ({share:.1%} of spaCy)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
