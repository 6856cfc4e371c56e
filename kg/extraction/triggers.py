"""Trigger words, read from ``kg/patterns/triggers.jsonl`` and looked up by lemma or word form.

Each line holds an event type, a reader ``kind`` and a pattern in spaCy Matcher syntax, restricted to
what a trigger needs: one or two tokens, each with ``LEMMA`` or ``LOWER`` (a string or ``{"IN": [...]}``)
and optionally ``POS``. The first token is indexed by its words, so finding triggers costs one dict
lookup per token instead of running a Matcher over every token.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from kg.errors import ModelError
from kg.extraction.lexicon import PATTERNS_DIR, read_jsonl
from kg.model import EventType

TRIGGER_FILE = PATTERNS_DIR / "triggers.jsonl"
SUPPORTED_KEYS = frozenset({"LEMMA", "LOWER", "POS"})


@dataclass(frozen=True)
class TokenSpec:
    lemma: frozenset[str] | None
    lower: frozenset[str] | None
    pos: frozenset[str] | None

    def matches(self, token: Token) -> bool:
        return (
            (self.lemma is None or token.lemma_.lower() in self.lemma)
            and (self.lower is None or token.lower_ in self.lower)
            and (self.pos is None or token.pos_ in self.pos)
        )


@dataclass(frozen=True)
class Trigger:
    event: EventType
    kind: str
    tokens: tuple[TokenSpec, ...]


class TriggerIndex:
    """All trigger patterns, indexed by the words their first token may have."""

    def __init__(self, triggers: list[Trigger]) -> None:
        self.by_lemma: dict[str, list[Trigger]] = {}
        self.by_lower: dict[str, list[Trigger]] = {}
        for trigger in triggers:
            first = trigger.tokens[0]
            for word in first.lemma or ():
                self.by_lemma.setdefault(word, []).append(trigger)
            for word in first.lower or ():
                self.by_lower.setdefault(word, []).append(trigger)

    def __call__(self, doc: Doc) -> Iterator[tuple[Token, Trigger]]:
        """Each token that starts a trigger pattern, with the pattern, in text order."""
        for token in doc:
            seen: set[int] = set()
            for trigger in (
                *self.by_lemma.get(token.lemma_.lower(), ()),
                *self.by_lower.get(token.lower_, ()),
            ):
                if id(trigger) in seen or not _matches_at(doc, token.i, trigger.tokens):
                    continue
                seen.add(id(trigger))
                yield token, trigger


@lru_cache(maxsize=2)
def load_triggers(path: Path = TRIGGER_FILE) -> TriggerIndex:
    """The trigger index of a patterns file (cached)."""
    triggers = []
    for number, entry in enumerate(read_jsonl(path), 1):
        try:
            specs = tuple(_spec(token) for token in entry["pattern"])
            if not specs or (specs[0].lemma is None and specs[0].lower is None):
                raise ValueError("the first token needs LEMMA or LOWER")
            triggers.append(Trigger(EventType(entry["event"]), str(entry["kind"]), specs))
        except (KeyError, ValueError, TypeError) as exc:
            raise ModelError(
                f"{path}: pattern {number}: {exc}; see the module docstring of {__name__}"
            ) from exc
    return TriggerIndex(triggers)


def _spec(token: dict[str, Any]) -> TokenSpec:
    unknown = set(token) - SUPPORTED_KEYS
    if unknown:
        raise ValueError(f"unsupported keys {sorted(unknown)}")
    return TokenSpec(
        _values(token.get("LEMMA"), lower=True),
        _values(token.get("LOWER"), lower=True),
        _values(token.get("POS")),
    )


def _values(value: Any, *, lower: bool = False) -> frozenset[str] | None:
    if value is None:
        return None
    items = value["IN"] if isinstance(value, dict) else [value]
    return frozenset(str(v).lower() if lower else str(v) for v in items)


def _matches_at(doc: Doc, start: int, specs: tuple[TokenSpec, ...]) -> bool:
    if start + len(specs) > len(doc):
        return False
    return all(spec.matches(doc[start + i]) for i, spec in enumerate(specs))
