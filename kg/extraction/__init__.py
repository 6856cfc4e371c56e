"""The extract stage: events, roles, dates, status and attribution from one parsed article.

    texts = [prepare_text(a) for a in articles]
    for doc, article in zip(nlp.pipe(texts), articles):
        extraction = extract(doc, article)

Triggers are data (``kg/patterns/triggers.jsonl``: a Matcher-style pattern, an event type and a
reader ``kind``), and so are the word classes the readers use (``kg/patterns/lexicon.jsonl``). Each
event type has one reader module of the same shape (``visit``, ``sanction``, ``espionage``: ``read(ctx,
trigger, kind) -> drafts``) that finds the roles over the dependency parse, asking ``context`` who a
phrase stands for (entities, pronouns, descriptions, country hints). ``draft.finish`` settles status
(``status``), date (``kg.dates``) and attribution; ``merge`` folds repeated mentions into one event per
real-world event. ``chrome`` strips video promos before the text reaches spaCy.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.extraction import espionage, sanction, visit
from kg.extraction.chrome import prepare_text, strip_chrome
from kg.extraction.context import ArticleContext
from kg.extraction.draft import Draft, finish
from kg.extraction.merge import merge
from kg.extraction.triggers import load_triggers
from kg.model import Article, EventType, Extraction, Mention

__all__ = ["extract", "prepare_text", "strip_chrome"]

Reader = Callable[[ArticleContext, Token, str], list[Draft]]
READERS: dict[EventType, Reader] = {
    EventType.VISIT: visit.read,
    EventType.SANCTION: sanction.read,
    EventType.ESPIONAGE: espionage.read,
}


def extract(doc: Doc, article: Article) -> Extraction:
    """Every actor mention and every asserted Visit, Sanction and Espionage event of one article."""
    ctx = ArticleContext(doc, article)
    drafts: list[Draft] = []
    seen: set[tuple[int, str]] = set()
    for token, trigger in load_triggers()(doc):
        if (token.i, trigger.kind) in seen:
            continue
        seen.add((token.i, trigger.kind))
        for draft in READERS[trigger.event](ctx, token, trigger.kind):
            finished = finish(ctx, draft)
            if finished is not None:
                drafts.append(finished)
    covered = {ctx.sentence_number(d.trigger) for d in drafts if d.type is EventType.ESPIONAGE}
    for number, sent in enumerate(ctx.sentences):
        if number not in covered:
            drafts.extend(f for d in espionage.from_sentence(ctx, sent) if (f := finish(ctx, d)) is not None)
    mentions = ctx.mentions()
    events = merge(drafts, _full_names(mentions))
    return Extraction(article=article, mentions=mentions, events=tuple(d.to_event() for d in events))


def _full_names(mentions: tuple[Mention, ...]) -> dict[str, str]:
    """Short name -> the longest full name it abbreviates in this article ("Putin" -> "Vladimir Putin")."""
    # longest first; of two full names as long ("Gustavo Petro", "Nicolas Petro"), the one named first
    people = sorted(dict.fromkeys(m.text for m in mentions if m.label == "PERSON"), key=len, reverse=True)
    names: dict[str, str] = {}
    for short in people:
        for full in people:
            # "Putin" in "Vladimir Putin", "Lula" in "Luiz Inacio Lula da Silva"
            if full != short and " " not in short and short in full.split():
                names[short] = full
                break
    return names
