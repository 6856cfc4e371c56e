"""The extract stage: events, roles, dates, status and attribution from one parsed article.

    texts = [prepare_text(a) for a in articles]
    for doc, article in zip(nlp.pipe(texts), articles):
        extraction = extract(doc, article)

Triggers are data (``kg/patterns/triggers.jsonl``: a Matcher pattern, an event type and a reader
``kind``); each event type has one reader module of the same shape (``visit``, ``sanction``,
``espionage``) that finds the roles over the dependency parse. ``draft.finish`` settles status, date
and attribution; ``merge`` folds repeated mentions into one event per real-world event.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from kg.extraction import espionage, sanction, visit
from kg.extraction.chrome import prepare_text, strip_chrome
from kg.extraction.context import ArticleContext
from kg.extraction.draft import Draft, finish
from kg.extraction.merge import merge
from kg.model import Article, EventType, Extraction
from kg.nlp import PATTERNS_DIR, read_jsonl

__all__ = ["extract", "prepare_text", "strip_chrome"]

TRIGGER_FILE = PATTERNS_DIR / "triggers.jsonl"
Reader = Callable[[ArticleContext, Token, str], list[Draft]]
READERS: dict[EventType, Reader] = {
    EventType.VISIT: visit.read,
    EventType.SANCTION: sanction.read,
    EventType.ESPIONAGE: espionage.read,
}


def extract(doc: Doc, article: Article) -> Extraction:
    """Every actor mention and every asserted Visit, Sanction and Espionage event of one article."""
    ctx = ArticleContext(doc, article)
    matcher, kinds = _matcher(doc.vocab)
    drafts: list[Draft] = []
    seen: set[tuple[int, str]] = set()
    for match_id, start, _end in sorted(matcher(doc), key=lambda m: m[1]):
        event_type, kind = kinds[match_id]
        if (start, kind) in seen:
            continue
        seen.add((start, kind))
        for draft in READERS[event_type](ctx, doc[start], kind):
            finished = finish(ctx, draft)
            if finished is not None:
                drafts.append(finished)
    events = merge(drafts, _full_names(ctx))
    return Extraction(article=article, mentions=ctx.mentions(), events=tuple(d.to_event() for d in events))


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> tuple[Matcher, dict[int, tuple[EventType, str]]]:
    matcher = Matcher(vocab, validate=True)
    kinds: dict[int, tuple[EventType, str]] = {}
    for entry in read_jsonl(TRIGGER_FILE):
        key = f"{entry['event']}:{entry['kind']}"
        matcher.add(key, [entry["pattern"]])
        kinds[vocab.strings[key]] = (EventType(entry["event"]), entry["kind"])
    return matcher, kinds


def _full_names(ctx: ArticleContext) -> dict[str, str]:
    """Short name -> the longest full name it abbreviates in this article ("Putin" -> "Vladimir Putin")."""
    people = sorted({m.text for m in ctx.mentions() if m.label == "PERSON"}, key=len, reverse=True)
    names: dict[str, str] = {}
    for short in people:
        for full in people:
            if full != short and (full.endswith(" " + short) or full.startswith(short + " ")):
                names[short] = full
                break
    return names
