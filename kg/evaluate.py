"""The scorer behind ``kg evaluate --gold DIR``: predicted events and actors against gold annotations.

Gold files follow ``corpus/ANNOTATION.md``. Predictions use the same JSON shape (a "document" per
article: title, published, actors, events), built either from a store with :func:`predictions_from_store`
or straight from extraction with :func:`doc_from_resolved`; :func:`score` compares the two lists.

The rules, as ANNOTATION.md states them:

* Articles pair up by normalised title, failing that by publication instant. Predicted articles with no
  gold counterpart are left out of the scores (listed in ``Scores.unscored``); gold articles with no
  prediction count every gold event and actor as missed.
* Names are compared through the gold actor table: a name stands for a gold actor when it equals the
  canonical name or an alias, case-insensitively and with curly/straight apostrophes and hyphens/spaces
  treated alike. A place (gold type ``Place``, or a predicted city with a country) also stands for its
  country.
* A predicted event matches a gold event of the same type when the core roles overlap: Visit
  agent + destination, Sanction agent + target, Espionage (agent or on_behalf_of) + target, or agent
  alone when the gold event has no target. Predicted events with the same type and core roles count once
  (as one hit or one false positive); of such repeats the one whose date and status fit best is judged.
* Read from a store, an event's date, status and evidence are those its article's own graph gives (the
  same visit told by two articles may be dated or judged differently by each).
* Matching is one-to-one and greedy, best overlap first. Gold events marked ``optional`` count neither for
  nor against: a prediction that only matches an optional event is ignored, and an unmatched optional
  event is no miss.
* Status and date accuracy are measured over matched pairs of non-optional events. A date is right when
  it equals the gold date, or is more precise and inside it; a missing date is right only when gold has
  none either.
* Actors (gold types Person, Organization, Country) match by name/alias and type, one-to-one.

Every ratio whose denominator is zero is 1.0 (nothing to find and nothing wrongly found is no error); the
counts beside each ratio tell the story.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kg import vocab
from kg.errors import InputError
from kg.model import ActorType, ResolvedArticle

log = logging.getLogger(__name__)

EVENT_TYPES: tuple[str, ...] = ("Visit", "Sanction", "Espionage")
ACTOR_TYPES: tuple[str, ...] = ("Person", "Organization", "Country")
PLACE = "Place"
STATUSES: tuple[str, ...] = ("occurred", "planned", "alleged")
LIST_ROLES: tuple[str, ...] = ("agent", "host", "target", "on_behalf_of", "reported_by")

Query = Callable[[str], list[dict[str, str]]]

# --------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4"})
_DOUBLE_QUOTES = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_HYPHENS = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014\u2212]+")
_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_name(name: str) -> str:
    """The form names are compared in: casefolded, one kind of apostrophe, hyphens as spaces."""
    text = name.translate(_APOSTROPHES).translate(_DOUBLE_QUOTES)
    text = _HYPHENS.sub(" ", text)
    return _SPACES.sub(" ", text).strip().casefold()


def normalise_title(title: str) -> str:
    """The form titles are compared in: casefolded, straight quotes, spaces collapsed."""
    text = title.translate(_APOSTROPHES).translate(_DOUBLE_QUOTES)
    return _SPACES.sub(" ", text).strip().casefold()


def _instant(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def normalise_date(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from a date's lexical form (a timezone suffix dropped)."""
    if value is None:
        return None
    found = _DATE.match(value.strip())
    return found.group(0) if found else value.strip() or None


def date_is_right(gold: str | None, predicted: str | None) -> bool:
    """Equal to the gold date, or more precise and inside it; no date is right only against no date."""
    gold, predicted = normalise_date(gold), normalise_date(predicted)
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return predicted == gold or predicted.startswith(gold + "-")


# --------------------------------------------------------------------------------------------------
# Gold files
# --------------------------------------------------------------------------------------------------


def load_gold(directory: Path) -> list[dict[str, Any]]:
    """Every ``*.json`` gold file in ``directory``, sorted by file name, checked against ANNOTATION.md.

    Raises :class:`~kg.errors.InputError` naming the file when one does not parse or breaks the format.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(f"{directory}: not a directory; pass the folder that holds the gold *.json files")
    docs = []
    for path in sorted(directory.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{path}: not a readable JSON gold file ({exc})") from exc
        problem = _gold_problem(doc)
        if problem:
            raise InputError(f"{path}: not valid gold: {problem} (see corpus/ANNOTATION.md)")
        doc.setdefault("id", path.stem)
        docs.append(doc)
    if not docs:
        log.warning("no *.json gold files in %s", directory)
    return docs


def _gold_problem(doc: Any) -> str | None:
    """What is wrong with a parsed gold document, or None."""
    if not isinstance(doc, dict):
        return "the top level is not an object"
    for key in ("title", "published"):
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            return f"'{key}' is missing or not a string"
    if _instant(doc["published"]) is None:
        return f"'published' {doc['published']!r} is not an ISO 8601 timestamp with a timezone"
    actors, events = doc.get("actors"), doc.get("events")
    if not isinstance(actors, list) or not isinstance(events, list):
        return "'actors' and 'events' must be lists"
    names: set[str] = set()
    for i, actor in enumerate(actors):
        where = f"actors[{i}]"
        if not isinstance(actor, dict) or not isinstance(actor.get("name"), str) or not actor["name"]:
            return f"{where} has no 'name'"
        if actor.get("type") not in (*ACTOR_TYPES, PLACE):
            kinds = ", ".join((*ACTOR_TYPES, PLACE))
            return f"{where} ({actor['name']}) has type {actor.get('type')!r}, not one of {kinds}"
        aliases = actor.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            return f"{where} ({actor['name']}) has 'aliases' that is not a list of strings"
        if actor["type"] == PLACE and not isinstance(actor.get("country"), str):
            return f"{where} ({actor['name']}) is a Place without a 'country'"
        names.update(normalise_name(n) for n in [actor["name"], *aliases])
    for i, event in enumerate(events):
        where = f"events[{i}]"
        if not isinstance(event, dict) or event.get("type") not in EVENT_TYPES:
            return f"{where} has no 'type' among {EVENT_TYPES}"
        if event.get("status") not in STATUSES:
            return f"{where} has status {event.get('status')!r}, not one of {STATUSES}"
        date = event.get("date")
        if date is not None and (
            not isinstance(date, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date)
        ):
            return f"{where} has date {date!r}, not YYYY-MM-DD, YYYY-MM, YYYY or null"
        for role in LIST_ROLES:
            value = event.get(role, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return f"{where} has '{role}' that is not a list of names"
        # an optional event counts neither way, so it may leave a role the text does not fill empty
        core = not event.get("optional", False)
        if core and not event.get("agent"):
            return f"{where} ({event['type']}) has no agent"
        if core and event["type"] == "Visit" and not isinstance(event.get("destination"), str):
            return f"{where} (Visit) has no destination"
        if core and event["type"] == "Sanction" and not event.get("target"):
            return f"{where} (Sanction) has no target"
        mentioned = [*(n for r in LIST_ROLES for n in event.get(r, [])), event.get("destination")]
        for name in mentioned:
            if isinstance(name, str) and normalise_name(name) not in names:
                return f"{where} names {name!r}, which is not in the actor table"
    return None


# --------------------------------------------------------------------------------------------------
# Predictions
# --------------------------------------------------------------------------------------------------

_TYPE_NAMES = {
    str(vocab.Person): "Person",
    str(vocab.Organization): "Organization",
    str(vocab.Country): "Country",
}
_EVENT_TYPE_NAMES = {
    str(vocab.Visit): "Visit",
    str(vocab.Sanction): "Sanction",
    str(vocab.Espionage): "Espionage",
}
_STATUS_NAMES = {
    str(vocab.Occurred): "occurred",
    str(vocab.Planned): "planned",
    str(vocab.Alleged): "alleged",
}
_ROLE_NAMES = {
    str(vocab.agent): "agent",
    str(vocab.destination): "destination",
    str(vocab.host): "host",
    str(vocab.target): "target",
    str(vocab.onBehalfOf): "on_behalf_of",
    str(vocab.reportedBy): "reported_by",
}


def _iri_values(iris: Iterable[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)


def _first(values: Iterable[str]) -> str | None:
    return min(values, default=None)


def predictions_from_store(query: Query, base: str | None = None) -> list[dict[str, Any]]:
    """One prediction document per article in the store, in the shape of a gold file.

    ``query`` runs a SPARQL SELECT against a store whose default graph is the union of its named
    graphs and returns rows as ``{variable: lexical value}``. With ``base``, only articles whose IRI
    starts with it are read. An event counts for an article when the article's own graph says it was
    derived from the article, so an event read from two articles appears in both documents. Actors are
    those mentioned in the article; cities (mentioned or used as destinations) are listed as ``Place``
    entries carrying their country's label. Documents come sorted by publication time and title.
    """
    prologue = vocab.sparql_prologue()
    rows = query(
        prologue
        + "SELECT ?article ?title ?issued WHERE {\n"
        + "  ?article a nk:Article .\n"
        + "  OPTIONAL { ?article dcterms:title ?title }\n"
        + "  OPTIONAL { ?article dcterms:issued ?issued }\n"
        + "}"
    )
    articles: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        iri = row.get("article")
        if iri is None or (base is not None and not iri.startswith(base)):
            continue
        entry = articles.setdefault(iri, {"title": set(), "issued": set()})
        for var, key in (("title", "title"), ("issued", "issued")):
            if var in row:
                entry[key].add(row[var])
    docs = [
        _article_doc(query, prologue, iri, _first(v["title"]) or "", _first(v["issued"]) or "")
        for iri, v in articles.items()
    ]
    docs.sort(key=lambda d: (d["published"], d["title"], d["id"]))
    return docs


def _article_doc(query: Query, prologue: str, article: str, title: str, issued: str) -> dict[str, Any]:
    actor_types = _iri_values((*_TYPE_NAMES, str(vocab.City)))
    actor_rows = query(
        prologue
        + "SELECT ?actor ?type ?label ?alias ?countryLabel WHERE {\n"
        + f"  ?actor nk:mentionedIn <{article}> ; a ?type .\n"
        + f"  VALUES ?type {{ {actor_types} }}\n"
        + "  OPTIONAL { ?actor rdfs:label ?label }\n"
        + "  OPTIONAL { ?actor skos:altLabel ?alias }\n"
        + "  OPTIONAL { ?actor nk:country ?country . ?country rdfs:label ?countryLabel }\n"
        + "}"
    )
    derived = f"  GRAPH <{article}> {{ ?event prov:wasDerivedFrom <{article}> }}\n"
    event_rows = query(
        prologue
        + "SELECT ?event ?type ?date ?status ?evidence WHERE {\n"
        + derived
        + "  ?event a ?type .\n"
        + f"  VALUES ?type {{ {_iri_values(_EVENT_TYPE_NAMES)} }}\n"
        # what this article says of the event (another article may date it or judge it otherwise)
        + f"  OPTIONAL {{ GRAPH <{article}> {{ ?event nk:date ?date }} }}\n"
        + f"  OPTIONAL {{ GRAPH <{article}> {{ ?event nk:status ?status }} }}\n"
        + f"  OPTIONAL {{ GRAPH <{article}> {{ ?event nk:evidence ?evidence }} }}\n"
        + "}"
    )
    role_rows = query(
        prologue
        + "SELECT ?event ?role ?value ?label ?city ?countryLabel WHERE {\n"
        + derived
        + f"  VALUES ?role {{ {_iri_values(_ROLE_NAMES)} }}\n"
        + "  ?event ?role ?value .\n"
        + "  OPTIONAL { ?value rdfs:label ?label }\n"
        + "  OPTIONAL { ?value a nk:City . BIND(?value AS ?city)\n"
        + "             OPTIONAL { ?value nk:country ?country . ?country rdfs:label ?countryLabel } }\n"
        + "}"
    )

    actors: dict[str, dict[str, Any]] = {}
    for row in actor_rows:
        entry = actors.setdefault(
            row["actor"], {"types": set(), "labels": set(), "aliases": set(), "countries": set()}
        )
        entry["types"].add(row["type"])
        for var, key in (("label", "labels"), ("alias", "aliases"), ("countryLabel", "countries")):
            if var in row:
                entry[key].add(row[var])
    places: dict[str, dict[str, Any]] = {}
    actor_docs: list[dict[str, Any]] = []
    for iri, entry in actors.items():
        name = _first(entry["labels"]) or iri
        country = _first(entry["countries"])
        if str(vocab.City) in entry["types"]:
            places[iri] = {
                "name": name,
                "type": PLACE,
                "aliases": sorted(entry["aliases"]),
                "country": country,
            }
            continue
        kind = next((_TYPE_NAMES[t] for t in sorted(entry["types"]) if t in _TYPE_NAMES), None)
        if kind is None:
            continue
        actor_doc: dict[str, Any] = {"name": name, "type": kind, "aliases": sorted(entry["aliases"] - {name})}
        if country is not None:
            actor_doc["country"] = country
        actor_docs.append(actor_doc)

    events: dict[str, dict[str, Any]] = {}
    for row in event_rows:
        entry = events.setdefault(
            row["event"], {"types": set(), "dates": set(), "statuses": set(), "evidence": set()}
        )
        entry["types"].add(row["type"])
        for var, key in (("date", "dates"), ("status", "statuses"), ("evidence", "evidence")):
            if var in row:
                entry[key].add(row[var])
    roles: dict[str, dict[str, dict[str, str]]] = {}
    for row in role_rows:
        role = _ROLE_NAMES[row["role"]]
        name = row.get("label", row["value"])
        # keyed by value IRI so that two labels of one node give one role filler
        fillers = roles.setdefault(row["event"], {}).setdefault(role, {})
        fillers[row["value"]] = min(fillers.get(row["value"], name), name)
        if "city" in row and row["value"] not in places:
            places[row["value"]] = {
                "name": name,
                "type": PLACE,
                "aliases": [],
                "country": row.get("countryLabel"),
            }
        elif "city" in row and places[row["value"]].get("country") is None and "countryLabel" in row:
            places[row["value"]]["country"] = row["countryLabel"]

    event_docs = []
    for iri, entry in events.items():
        event_roles = roles.get(iri, {})
        destinations = sorted(event_roles.get("destination", {}).values())
        for type_iri in sorted(entry["types"]):
            doc: dict[str, Any] = {
                "type": _EVENT_TYPE_NAMES[type_iri],
                **{role: sorted(event_roles.get(role, {}).values()) for role in LIST_ROLES},
                "destination": destinations[0] if destinations else None,
                # an event merged from several articles may carry several dates: keep the most precise
                "date": normalise_date(max(entry["dates"], key=lambda d: (len(d), d), default=None)),
                "status": _status_name(_first(entry["statuses"])),
                "evidence": _first(entry["evidence"]) or "",
                "optional": False,
                "iri": iri,
            }
            event_docs.append(doc)
    event_docs.sort(key=_event_sort_key)

    place_docs = sorted(places.values(), key=lambda p: p["name"])
    return {
        "id": article,
        "title": title,
        "published": issued,
        "actors": sorted(actor_docs, key=lambda a: (a["type"], a["name"])) + place_docs,
        "events": event_docs,
    }


def _status_name(iri: str | None) -> str | None:
    if iri is None:
        return None
    return _STATUS_NAMES.get(iri, iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1].lower())


def _event_sort_key(event: dict[str, Any]) -> tuple[Any, ...]:
    return (
        EVENT_TYPES.index(event["type"]) if event["type"] in EVENT_TYPES else len(EVENT_TYPES),
        event.get("date") or "",
        tuple(event.get("agent", [])),
        event.get("destination") or "",
        tuple(event.get("target", [])),
        event.get("evidence", ""),
    )


def doc_from_resolved(resolved: ResolvedArticle) -> dict[str, Any]:
    """A prediction document (the shape of a gold file) for one resolved article, no store needed."""
    by_key = {actor.key: actor for actor in resolved.actors}

    def name_of(key: str) -> str:
        actor = by_key.get(key)
        if actor is not None:
            return actor.name
        # a country that resolution refers to but did not list: its key's slug is the best name left
        return key.rsplit("/", 1)[-1].replace("-", " ").title()

    actors: list[dict[str, Any]] = []
    for actor in resolved.actors:
        entry: dict[str, Any] = {
            "name": actor.name,
            "type": PLACE if actor.type is ActorType.CITY else actor.type.value,
            "aliases": list(actor.aliases),
        }
        if actor.country is not None:
            entry["country"] = name_of(actor.country)
        actors.append(entry)
    listed = {a.key for a in resolved.actors}
    events = []
    for event in resolved.events:
        if event.destination is not None and event.destination not in listed:
            log.debug("destination %s is not among the resolved actors", event.destination)
        events.append(
            {
                "type": event.type.value,
                "agent": [name_of(k) for k in event.agents],
                "destination": name_of(event.destination) if event.destination else None,
                "host": [name_of(k) for k in event.hosts],
                "target": [name_of(k) for k in event.targets],
                "on_behalf_of": [name_of(k) for k in event.on_behalf_of],
                "reported_by": [name_of(k) for k in event.reported_by],
                "date": event.date.value if event.date else None,
                "status": event.status.value,
                "evidence": event.evidence,
                "optional": False,
            }
        )
    return {
        "id": resolved.article.source,
        "title": resolved.article.title,
        "published": resolved.article.published.isoformat(),
        "actors": actors,
        "events": events,
    }


# --------------------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the ratios they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Accuracy:
    """Right answers out of the matched pairs judged."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return _ratio(self.right, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"right": self.right, "total": self.total, "accuracy": self.value}


@dataclass
class ArticleReport:
    """What went wrong in one article, for ``--verbose``."""

    id: str
    title: str
    predicted: bool = True  # False: the gold article had no predicted counterpart
    events: Counts = field(default_factory=Counts)
    actors: Counts = field(default_factory=Counts)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # predictions that only match optional gold events
    wrong_status: list[str] = field(default_factory=list)
    wrong_date: list[str] = field(default_factory=list)
    actor_misses: list[str] = field(default_factory=list)
    actor_false_positives: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "predicted": self.predicted,
            "events": self.events.to_dict(),
            "actors": self.actors.to_dict(),
            "misses": self.misses,
            "false_positives": self.false_positives,
            "ignored": self.ignored,
            "wrong_status": self.wrong_status,
            "wrong_date": self.wrong_date,
            "actor_misses": self.actor_misses,
            "actor_false_positives": self.actor_false_positives,
        }


@dataclass
class Scores:
    """Event, actor, status and date scores over a gold set, with per-article detail."""

    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})
    actors: Counts = field(default_factory=Counts)
    status: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    articles: list[ArticleReport] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)  # predicted articles with no gold counterpart

    @property
    def overall(self) -> Counts:
        """Micro-averaged event counts over all types."""
        total = Counts()
        for counts in self.by_type.values():
            total.add(counts)
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": {
                "overall": self.overall.to_dict(),
                **{t: c.to_dict() for t, c in self.by_type.items()},
            },
            "actors": self.actors.to_dict(),
            "status": self.status.to_dict(),
            "date": self.date.to_dict(),
            "articles": [a.to_dict() for a in self.articles],
            "unscored": list(self.unscored),
        }

    def render(self, verbose: bool = False) -> str:
        """A plain-text report; its last 8 lines hold the headline numbers."""
        lines: list[str] = []
        if verbose:
            for report in self.articles:
                lines.extend(_render_article(report))
            if self.unscored:
                lines.append("predicted articles with no gold counterpart (not scored):")
                lines.extend(f"  {title}" for title in self.unscored)
            lines.append("")
        lines.append(f"{'':<12}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
        rows = [*self.by_type.items(), ("events", self.overall), ("actors", self.actors)]
        for name, c in rows:
            lines.append(
                f"{name:<12}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
            )
        lines.append(
            f"{len(self.articles)} gold articles scored, {len(self.unscored)} predicted articles unscored"
        )
        lines.append("")
        overall = self.overall
        lines.append("headline")
        lines.append(f"  events     P {overall.precision:.3f}  R {overall.recall:.3f}  F1 {overall.f1:.3f}")
        lines.extend(f"  {name:<10} F1 {c.f1:.3f}" for name, c in self.by_type.items())
        lines.append(f"  actors     F1 {self.actors.f1:.3f}")
        lines.append(
            f"  status     accuracy {self.status.value:.3f} ({self.status.right}/{self.status.total})"
        )
        lines.append(f"  date       accuracy {self.date.value:.3f} ({self.date.right}/{self.date.total})")
        return "\n".join(lines)


def _render_article(report: ArticleReport) -> list[str]:
    e = report.events
    head = f"== {report.id}: {report.title}"
    if not report.predicted:
        head += "  [no prediction for this article]"
    lines = [head, f"   events tp {e.tp} fp {e.fp} fn {e.fn}; actors F1 {report.actors.f1:.3f}"]
    for label, items in (
        ("missed", report.misses),
        ("false positive", report.false_positives),
        ("ignored (optional gold)", report.ignored),
        ("wrong status", report.wrong_status),
        ("wrong date", report.wrong_date),
        ("missed actor", report.actor_misses),
        ("false positive actor", report.actor_false_positives),
    ):
        lines.extend(f"   {label}: {item}" for item in items)
    return lines


# --------------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------------


class _Names:
    """Resolves names to gold actor keys for one article: gold aliases, predicted aliases, places."""

    def __init__(self, gold: dict[str, Any], predicted: dict[str, Any] | None) -> None:
        self.gold_index: dict[str, str] = {}  # normalised surface form -> normalised canonical name
        self.gold_country: dict[str, str] = {}  # place -> its country, both canonical
        for actor in gold.get("actors", []):
            key = normalise_name(actor["name"])
            for form in [actor["name"], *actor.get("aliases", [])]:
                self.gold_index.setdefault(normalise_name(form), key)
        for actor in gold.get("actors", []):
            if actor["type"] == PLACE and actor.get("country"):
                self.gold_country[normalise_name(actor["name"])] = self._canonical(actor["country"])
        self.predicted_forms: dict[str, list[str]] = {}
        self.predicted_country: dict[str, str] = {}
        for actor in (predicted or {}).get("actors", []):
            if not actor.get("name"):
                continue
            key = normalise_name(actor["name"])
            forms = self.predicted_forms.setdefault(key, [actor["name"]])
            forms.extend(actor.get("aliases", []))
            if actor.get("type") in (PLACE, ActorType.CITY.value) and actor.get("country"):
                self.predicted_country[key] = actor["country"]

    def _canonical(self, name: str) -> str:
        form = normalise_name(name)
        return self.gold_index.get(form, form)

    def canonical(self, name: str) -> str:
        """The gold canonical name (normalised) a name stands for, or the name itself when none."""
        form = normalise_name(name)
        if form in self.gold_index:
            return self.gold_index[form]
        for alias in self.predicted_forms.get(form, []):
            if normalise_name(alias) in self.gold_index:
                return self.gold_index[normalise_name(alias)]
        return form

    def keys(self, name: str | None) -> frozenset[str]:
        """The canonical names a role filler stands for: itself, and its country when it is a place."""
        if not name:
            return frozenset()
        key = self.canonical(name)
        found = {key}
        if key in self.gold_country:
            found.add(self.gold_country[key])
        country = self.predicted_country.get(normalise_name(name))
        if country:
            found.add(self.canonical(country))
        return frozenset(found)

    def all_keys(self, names: Iterable[str]) -> frozenset[str]:
        return frozenset().union(*(self.keys(n) for n in names))


@dataclass(frozen=True)
class _Core:
    """The core roles of one event, as sets of canonical names."""

    type: str
    agents: frozenset[str]  # for Espionage: agent and on_behalf_of together
    second: frozenset[str]  # Visit: destination; Sanction and Espionage: target

    @classmethod
    def of(cls, event: dict[str, Any], names: _Names) -> _Core:
        kind = event["type"]
        agents = names.all_keys(event.get("agent", []))
        if kind == "Espionage":
            agents |= names.all_keys(event.get("on_behalf_of", []))
        second = (
            names.keys(event.get("destination"))
            if kind == "Visit"
            else names.all_keys(event.get("target", []))
        )
        return cls(kind, agents, second)

    def overlap(self, gold: _Core) -> int:
        """How many core names a prediction shares with a gold event; 0 when they do not match."""
        if self.type != gold.type:
            return 0
        agents = len(self.agents & gold.agents)
        if not agents:
            return 0
        if self.type == "Espionage" and not gold.second:
            return agents
        second = len(self.second & gold.second)
        return agents + second if second else 0


def describe(event: dict[str, Any]) -> str:
    """One line for a report: ``Visit Vladimir Putin -> North Korea (occurred, 2024-06-18)``."""
    agents = list(event.get("agent", []))
    if event.get("on_behalf_of"):
        agents.append("for " + ", ".join(event["on_behalf_of"]))
    second = event.get("destination") if event["type"] == "Visit" else ", ".join(event.get("target", []))
    return (
        f"{event['type']} {', '.join(agents)} -> {second or '?'} ({event.get('status')}, {event.get('date')})"
    )


def _match_articles(
    gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any] | None]], list[dict[str, Any]]]:
    """Pairs each gold article with its prediction (title first, then publication instant)."""
    remaining = list(predicted)
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    unpaired: list[dict[str, Any]] = []
    for doc in gold:
        title = normalise_title(doc.get("title", ""))
        found = next((p for p in remaining if normalise_title(p.get("title", "")) == title), None)
        if found is not None:
            remaining.remove(found)
        pairs.append((doc, found))
    for index, (doc, found) in enumerate(pairs):
        if found is not None:
            continue
        moment = _instant(doc.get("published"))
        match = next(
            (p for p in remaining if moment is not None and _instant(p.get("published")) == moment), None
        )
        if match is not None:
            remaining.remove(match)
            pairs[index] = (doc, match)
    unpaired.extend(remaining)
    return pairs, unpaired


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Scores:
    """Scores predicted documents against gold documents by the rules of ANNOTATION.md."""
    scores = Scores()
    pairs, unpaired = _match_articles(gold, predicted)
    scores.unscored = [p.get("title") or p.get("id", "?") for p in unpaired]
    for gold_doc, predicted_doc in pairs:
        report = _score_article(gold_doc, predicted_doc, scores)
        scores.articles.append(report)
        scores.actors.add(report.actors)
    return scores


def _score_article(gold: dict[str, Any], predicted: dict[str, Any] | None, scores: Scores) -> ArticleReport:
    report = ArticleReport(
        id=str(gold.get("id", "")), title=gold.get("title", ""), predicted=predicted is not None
    )
    names = _Names(gold, predicted)
    _score_events(gold, predicted, names, scores, report)
    _score_actors(gold, predicted, names, report)
    return report


def _score_events(
    gold: dict[str, Any],
    predicted: dict[str, Any] | None,
    names: _Names,
    scores: Scores,
    report: ArticleReport,
) -> None:
    gold_events = [
        (event, _Core.of(event, names))
        for event in gold.get("events", [])
        if event.get("type") in EVENT_TYPES
    ]
    # predictions with the same type and core roles count once: any of them may match (the one whose
    # date and status fit best), the others are neither hits nor false positives
    candidates = [
        (event, _Core.of(event, names))
        for event in (predicted or {}).get("events", [])
        if event.get("type") in EVENT_TYPES
    ]

    def pair_quality(p: int, g: int) -> tuple[int, int, int, int, int]:
        p_event, p_core = candidates[p]
        g_event, g_core = gold_events[g]
        return (
            p_core.overlap(g_core),
            int(date_is_right(g_event.get("date"), p_event.get("date"))),
            int(p_event.get("status") == g_event.get("status")),
            -p,
            -g,
        )

    matched_p: dict[int, int] = {}
    matched_g: set[int] = set()
    matched_cores: set[_Core] = set()
    # required gold events first, so that a prediction goes to an optional one only when nothing else fits
    for optional in (False, True):
        pairs = [
            (p, g)
            for p in range(len(candidates))
            if p not in matched_p
            for g, (g_event, g_core) in enumerate(gold_events)
            if bool(g_event.get("optional")) == optional and candidates[p][1].overlap(g_core)
        ]
        for p, g in sorted(pairs, key=lambda pg: pair_quality(*pg), reverse=True):
            if p in matched_p or g in matched_g or candidates[p][1] in matched_cores:
                continue
            matched_p[p] = g
            matched_g.add(g)
            matched_cores.add(candidates[p][1])

    counted = {candidates[p][1] for p in matched_p}
    for p, (event, core) in enumerate(candidates):
        counts = scores.by_type[event["type"]]
        if p not in matched_p and core in counted:
            continue  # a repeat of a prediction already counted
        counted.add(core)
        if p in matched_p:
            g_event = gold_events[matched_p[p]][0]
            if g_event.get("optional"):
                report.ignored.append(describe(event))
                continue
            counts.tp += 1
            report.events.tp += 1
            scores.status.total += 1
            scores.date.total += 1
            if event.get("status") == g_event.get("status"):
                scores.status.right += 1
            else:
                report.wrong_status.append(f"{describe(g_event)}: predicted {event.get('status')}")
            if date_is_right(g_event.get("date"), event.get("date")):
                scores.date.right += 1
            else:
                report.wrong_date.append(f"{describe(g_event)}: predicted {event.get('date')}")
        elif any(g_event.get("optional") and core.overlap(g_core) for g_event, g_core in gold_events):
            report.ignored.append(describe(event))
        else:
            counts.fp += 1
            report.events.fp += 1
            report.false_positives.append(describe(event))
    for g, (g_event, _) in enumerate(gold_events):
        if g not in matched_g and not g_event.get("optional"):
            scores.by_type[g_event["type"]].fn += 1
            report.events.fn += 1
            report.misses.append(describe(g_event))


def _score_actors(
    gold: dict[str, Any], predicted: dict[str, Any] | None, names: _Names, report: ArticleReport
) -> None:
    gold_actors = {
        normalise_name(a["name"]): a for a in gold.get("actors", []) if a.get("type") in ACTOR_TYPES
    }
    found: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for actor in (predicted or {}).get("actors", []):
        kind = actor.get("type")
        if kind not in ACTOR_TYPES or not actor.get("name"):
            continue
        key = names.canonical(actor["name"])
        if (key, kind) in seen:
            continue
        seen.add((key, kind))
        target = gold_actors.get(key)
        if target is not None and target["type"] == kind and key not in found:
            found.add(key)
            report.actors.tp += 1
        else:
            report.actors.fp += 1
            report.actor_false_positives.append(f"{actor['name']} ({kind})")
    for key, actor in gold_actors.items():
        if key not in found:
            report.actors.fn += 1
            report.actor_misses.append(f"{actor['name']} ({actor['type']})")
