"""newskg's patterns and word lists are data: one JSON object a line in the ``*.jsonl`` files here.

:func:`read_jsonl` is the one reader every stage uses for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import ModelError

PATTERNS_DIR = Path(__file__).resolve().parent


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a patterns file, one a line; blank lines skipped."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ModelError(f"{path}:{number}: not valid JSON ({exc.msg}); fix the line") from exc
