"""Word classes the readers share, read from ``kg/patterns/lexicon.jsonl``.

Each line names one class and says what it is for, e.g.
``{"class": "impose_verbs", "about": "...", "words": ["impose", "adopt", ...]}``. Readers ask for a
class by name (``words("impose_verbs")``); editing the vocabulary never means editing code.
"""

from __future__ import annotations

from functools import lru_cache

from kg.errors import ModelError
from kg.patterns import PATTERNS_DIR, read_jsonl

LEXICON_FILE = PATTERNS_DIR / "lexicon.jsonl"


def words(name: str) -> frozenset[str]:
    """The words of one class (lower case)."""
    try:
        return _classes()[name]
    except KeyError:
        raise ModelError(f"{LEXICON_FILE}: no word class {name!r}; add a line for it") from None


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    classes: dict[str, frozenset[str]] = {}
    for number, entry in enumerate(read_jsonl(LEXICON_FILE), 1):
        name, found = entry.get("class"), entry.get("words")
        if not isinstance(name, str) or not isinstance(found, list):
            raise ModelError(f"{LEXICON_FILE}:{number}: a line needs 'class' (text) and 'words' (a list)")
        classes[name] = frozenset(str(w).lower() for w in found)
    return classes
