"""Plain, frozen records passed between the stages. No spaCy, no RDF in here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class ActorType(StrEnum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    CITY = "City"  # a place; an actor only through metonymy, which resolution turns into its country


class EventType(StrEnum):
    VISIT = "Visit"
    SANCTION = "Sanction"
    ESPIONAGE = "Espionage"


class Status(StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    ALLEGED = "alleged"


@dataclass(frozen=True)
class Article:
    """One news article as read from a file."""

    title: str
    text: str  # the body, without the title line and the "Published at" line
    published: datetime  # timezone-aware
    source: str  # file name (and position) for messages
    url: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class DateValue:
    """An event date at the precision the text gives: YYYY-MM-DD, YYYY-MM or YYYY."""

    value: str
    raw: str = ""
    inferred: bool = False  # read from the publication date, not from the text

    @property
    def precision(self) -> str:
        return {10: "day", 7: "month", 4: "year"}[len(self.value)]


@dataclass(frozen=True)
class Mention:
    """A surface mention of an actor or place, as extraction found it."""

    text: str
    label: str  # spaCy-style label: PERSON, ORG, GPE, NORP, LOC, FAC
    country_hint: str | None = None  # "Russian" in "Russian President Vladimir Putin"


@dataclass(frozen=True)
class RawEvent:
    """An event as read from one sentence, roles still surface mentions."""

    type: EventType
    agents: tuple[Mention, ...]
    status: Status
    evidence: str
    destination: Mention | None = None
    hosts: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()
    on_behalf_of: tuple[Mention, ...] = ()
    reported_by: tuple[Mention, ...] = ()
    date: DateValue | None = None


@dataclass(frozen=True)
class Extraction:
    """What extraction read from one article."""

    article: Article
    mentions: tuple[Mention, ...]
    events: tuple[RawEvent, ...]


@dataclass(frozen=True)
class Actor:
    """One canonical actor or place. ``key`` is stable across articles (e.g. ``country/russia``)."""

    key: str
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    country: str | None = None  # key of the actor's or city's country
    links: tuple[str, ...] = ()  # IRIs of the same thing elsewhere (GeoNames, Wikidata)
    iso_code: str | None = None  # ISO 3166-1 alpha-2, for countries


@dataclass(frozen=True)
class Event:
    """A resolved event: roles are actor keys."""

    type: EventType
    agents: tuple[str, ...]
    status: Status
    evidence: str
    destination: str | None = None
    hosts: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    on_behalf_of: tuple[str, ...] = ()
    reported_by: tuple[str, ...] = ()
    date: DateValue | None = None


@dataclass(frozen=True)
class ResolvedArticle:
    """An article with its canonical actors and events, ready to map to RDF."""

    article: Article
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]


@dataclass
class IngestSummary:
    """What one ingest run did; the CLI prints it and the API answers with it."""

    articles: int = 0
    unchanged: int = 0
    events_by_type: dict[str, int] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)  # shape violations and extractor failures
    failed: list[str] = field(default_factory=list)  # files or articles that could not be read

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.failed
