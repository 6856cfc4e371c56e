"""Word classes the readers share, read from ``kg/patterns/lexicon.jsonl``.

Each line names one class and says what it is for, e.g.
``{"class": "impose_verbs", "about": "...", "words": ["impose", "adopt", ...]}``. Readers ask for a
class by name (``words("impose_verbs")``); editing the vocabulary never means editing code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import ModelError

PATTERNS_DIR = Path(__file__).resolve().parent.parent / "patterns"
LEXICON_FILE = PATTERNS_DIR / "lexicon.jsonl"


def words(name: str) -> frozenset[str]:
    """The words of one class (lower case)."""
    try:
        return _classes()[name]
    except KeyError:
        raise ModelError(f"{LEXICON_FILE}: no word class {name!r}; add a line for it") from None


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a patterns file, one a line; blank lines skipped."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ModelError(f"{path}:{number}: not valid JSON ({exc.msg}); fix the line") from exc


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    classes: dict[str, frozenset[str]] = {}
    for number, entry in enumerate(read_jsonl(LEXICON_FILE), 1):
        name, found = entry.get("class"), entry.get("words")
        if not isinstance(name, str) or not isinstance(found, list):
            raise ModelError(f"{LEXICON_FILE}:{number}: a line needs 'class' (text) and 'words' (a list)")
        classes[name] = frozenset(str(w).lower() for w in found)
    return classes
