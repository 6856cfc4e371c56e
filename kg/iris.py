"""The only code that mints or parses instance IRIs: ``{base}id/{kind}/{slug}``.

IRIs are deterministic functions of what they name, so ingesting an article twice mints the
same IRIs, and the same event read from two articles gets one IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kg.model import Actor, ActorType, Article, Event

KINDS = ("article", "person", "organization", "country", "city", "event", "graph")
_KIND_OF_ACTOR = {
    ActorType.PERSON: "person",
    ActorType.ORGANIZATION: "organization",
    ActorType.COUNTRY: "country",
    ActorType.CITY: "city",
}
_SLUG_MAX = 80
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by '-': 'Kim Jong-un' -> 'kim-jong-un', 'Thomas R.' -> 'thomas-r'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"


def _bounded(slug: str, key: str) -> str:
    """Keep slugs readable and short; a hash of the full key keeps long ones unique."""
    if len(slug) <= _SLUG_MAX:
        return slug
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return slug[: _SLUG_MAX - 9].rstrip("-") + "-" + digest


def actor_key(kind: ActorType, name: str) -> str:
    """The stable key of an actor or place, e.g. ``country/north-korea``."""
    return f"{_KIND_OF_ACTOR[kind]}/{slugify(name)}"


def article_key(article: Article) -> str:
    """``article/2024-06-18-putin-praises-north-korea-...``: publication day plus title."""
    identity = article.url or f"{article.title}|{article.published.isoformat()}"
    slug = f"{article.published:%Y-%m-%d}-{slugify(article.title)}"
    return "article/" + _bounded(slug, identity)


def event_key(event: Event, fallback_year: int, destination_country: str | None = None) -> str:
    """The same real-world event gets the same key: type, core roles and year.

    The year is the event's own when the text gives one, else the publication year, so that an
    undated mention of a visit in two articles of the same year still meets in one node. A visit
    to a city is keyed by the city's country (``destination_country``), so "landed in Pyongyang"
    and "arrived in North Korea" are one visit.
    """
    core: Iterable[str]
    if event.destination is not None:
        core = [destination_country or event.destination]
    else:
        core = sorted(event.targets) or sorted(event.on_behalf_of)
    year = event.date.value[:4] if event.date else str(fallback_year)
    parts = [event.type.value.lower(), *sorted(event.agents), *core, year]
    identity = "|".join(parts)
    slug = "-".join(slugify(p.split("/", 1)[-1]) for p in parts)
    return "event/" + _bounded(slug, identity)


def graph_key(name: str) -> str:
    """Key of a named graph for RDF loaded from a file (``kg load`` without ``--graph``)."""
    return "graph/" + _bounded(slugify(name), name)


def iri(base: str, key: str) -> str:
    """The IRI of a key under the configured base."""
    return f"{base}id/{key}"


def actor_iri(base: str, actor: Actor) -> str:
    return iri(base, actor.key)


@dataclass(frozen=True)
class ParsedIri:
    kind: str
    slug: str


def parse(base: str, value: str) -> ParsedIri | None:
    """The kind and slug of an IRI minted under ``base``, or None for any other IRI."""
    prefix = f"{base}id/"
    if not value.startswith(prefix):
        return None
    kind, _, slug = value[len(prefix) :].partition("/")
    if kind not in KINDS or not _SLUG_RE.match(slug):
        return None
    return ParsedIri(kind, slug)
