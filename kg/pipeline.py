"""Runs the stages in order: read -> analyse -> extract -> resolve -> map -> validate -> store.

The only module that imports every stage. Each article is validated on its own and stored in one
transaction; an article whose graph violates the shapes is reported and not stored.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import mapping, reader, resolution, validation, vocab
from kg.config import Settings
from kg.errors import ExtractionFailure, ReadError, ShapeViolation
from kg.model import Actor, ActorType, Article, IngestSummary, ResolvedArticle
from kg.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

BATCH_SIZE = 16


@dataclass(frozen=True)
class ArticleOutcome:
    """What storing one article did."""

    iri: str
    title: str
    changed: bool
    events_by_type: dict[str, int]
    report_text: str


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    failures: list[ReadError] = field(default_factory=list)


def read_paths(paths: Sequence[Path]) -> ReadResult:
    """Every article in these files and folders; unreadable files and articles are collected, not raised."""
    result = ReadResult()
    for path in reader.iter_files(paths):
        for item in reader.read_file(path):
            if isinstance(item, ReadError):
                result.failures.append(item)
            else:
                result.articles.append(item)
    return result


class Pipeline:
    """The NLP model (loaded once, on first use) and a store, ready to ingest articles."""

    def __init__(self, settings: Settings, store: Store, nlp: Language | None = None) -> None:
        self.settings = settings
        self.store = store
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from kg import nlp as nlp_stage

            self._nlp = nlp_stage.load_nlp(self.settings.spacy_model)
            resolution.warm_up()  # the gazetteer tables, once, before the first article
        return self._nlp

    def analyse(
        self, articles: Sequence[Article], failures: list[tuple[Article, ExtractionFailure]] | None = None
    ) -> Iterable[ResolvedArticle]:
        """Extraction and resolution for each article, in order, batching the spaCy work.

        Resolution runs twice: once to collect the persons each article names in full, then with
        every full name known (from the store and from this batch), so that "Putin" in one article
        meets "Vladimir Putin" from another, whichever comes first. With ``failures`` given, an article
        the extractor fails on is listed there and left out; without, the error propagates.
        """
        from kg import extraction

        texts = (extraction.prepare_text(article) for article in articles)
        docs = self.nlp.pipe(texts, batch_size=BATCH_SIZE)
        extractions = []
        for article, doc in zip(articles, docs, strict=True):
            try:
                extractions.append(extraction.extract(doc, article))
            except Exception as exc:  # one article's extractor bug must not stop a batch
                if failures is None:
                    raise
                failures.append((article, _extraction_failure(article, exc)))
        persons = list(self._stored_persons())
        persons += [
            a for e in extractions for a in resolution.resolve(e).actors if a.type is ActorType.PERSON
        ]
        known = resolution.known_persons(persons)
        for found in extractions:
            yield resolution.resolve(found, known)

    def _stored_persons(self) -> Iterable[Actor]:
        rows = self.store.select(
            vocab.sparql_prologue() + "SELECT ?p ?name ?alias WHERE { ?p a nk:Person ; rdfs:label ?name "
            "OPTIONAL { ?p skos:altLabel ?alias } }"
        )
        aliases: dict[tuple[str, str], list[str]] = {}
        for row in rows:
            aliases.setdefault((row["p"], row["name"]), []).extend([row["alias"]] if "alias" in row else [])
        for (iri, name), seen in aliases.items():
            yield Actor(iri, name, ActorType.PERSON, tuple(seen))

    def store_resolved(self, resolved: ResolvedArticle) -> ArticleOutcome:
        """Map, validate and store one article's graph; raises ShapeViolation (nothing stored)."""
        base = self.settings.base_iri
        graph = mapping.to_graph(resolved, base)
        report = validation.validate(graph)
        title = resolved.article.title
        if not report.conforms:
            raise ShapeViolation(
                f"{resolved.article.source}: the graph of {title!r} violates the shapes; not stored",
                report=report,
            )
        iri = mapping.article_iri(base, resolved)
        changed = self.store.replace_graph(iri, graph.serialize(format="nt"))
        events = Counter(event.type.value for event in resolved.events)
        return ArticleOutcome(iri, title, changed, dict(events), report.text)

    def ingest_article(self, article: Article) -> ArticleOutcome:
        """Ingest one article; raises ShapeViolation or ExtractionFailure, storing nothing then."""
        failures: list[tuple[Article, ExtractionFailure]] = []
        resolved = list(self.analyse([article], failures))
        if failures:
            raise failures[0][1]
        return self.store_resolved(resolved[0])

    def ingest(
        self,
        articles: Sequence[Article],
        summary: IngestSummary | None = None,
        on_article: Callable[[Article, ArticleOutcome | ShapeViolation | ExtractionFailure], Any]
        | None = None,
    ) -> IngestSummary:
        """Ingest articles one transaction each; count what happened in ``summary``."""
        summary = summary or IngestSummary()
        failures: list[tuple[Article, ExtractionFailure]] = []
        for resolved in self.analyse(articles, failures):
            outcome: ArticleOutcome | ShapeViolation
            try:
                outcome = self.store_resolved(resolved)
            except ShapeViolation as violation:
                summary.rejected.append(str(violation))
                outcome = violation
            else:
                summary.articles += 1
                summary.unchanged += 0 if outcome.changed else 1
                for kind, n in outcome.events_by_type.items():
                    summary.events_by_type[kind] = summary.events_by_type.get(kind, 0) + n
            if on_article is not None:
                on_article(resolved.article, outcome)
        for article, failure in failures:
            summary.rejected.append(str(failure))
            if on_article is not None:
                on_article(article, failure)
        return summary


def _extraction_failure(article: Article, exc: Exception) -> ExtractionFailure:
    log.debug("extraction failed on %s", article.source, exc_info=exc)
    return ExtractionFailure(
        f"{article.source}: extraction failed on {article.title!r} ({type(exc).__name__}: {exc}); "
        "not stored. This is a bug in newskg: please report it with the article"
    )
