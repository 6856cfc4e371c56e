"""One article's resolution: every mention first (so that a short name meets a long one), then the
events, then which actors to list. :class:`ArticleResolver` dispatches each mention, by what it names
and by its label, to the rules in :mod:`~kg.resolution.places`, :mod:`~kg.resolution.persons` and
:mod:`~kg.resolution.organizations`, and its events to :mod:`~kg.resolution.events`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from kg.gazetteer import Gazetteer, fold
from kg.model import (
    Actor,
    ActorType,
    Extraction,
    Mention,
    ResolvedArticle,
)
from kg.resolution.base import Draft, Occurrence, Person, PersonForm
from kg.resolution.events import EventRules
from kg.resolution.merge import merge_events
from kg.resolution.names import (
    OFFICE_OF,
    PHOTO_CREDIT,
    PLACE_LABELS,
    SELF_PROCLAIMED,
    clean,
    is_junk,
)
from kg.resolution.organizations import OrganizationRules
from kg.resolution.persons import PersonRules
from kg.resolution.places import PlaceRules


class ArticleResolver(PlaceRules, PersonRules, OrganizationRules, EventRules):
    """Resolves one article: what it mentions (all of it first, so that a short name can meet a long
    one), then its events."""

    def __init__(self, extraction: Extraction, gaz: Gazetteer, known: Mapping[str, str]) -> None:
        self.extraction = extraction
        self.gaz = gaz
        self.known = {fold(alias): name for alias, name in known.items()}
        self.text = f"{extraction.article.title}\n{extraction.article.text}"
        self.mentions = list(_all_mentions(extraction))
        self.drafts: dict[str, Draft] = {}  # actor key -> the actor being built
        self.persons: list[Person] = []
        self.person_of: dict[str, Person | None] = {}  # person mention text -> its cluster
        self.person_countries: dict[int, str | None] = {}  # cache of _text_country
        self.occurrences: dict[str, list[Occurrence]] = {}  # cache of _occurrences
        self.qualified_orgs: dict[str, str] = {}  # folded bare org name -> key of its qualified form
        self.in_progress: set[tuple[Mention, str | None]] = set()
        self.in_view = self._countries_in_view()  # ISO codes of the countries the article mentions
        self.acronyms = self._acronyms_defined()
        self.credits = list(PHOTO_CREDIT.finditer(self.text))
        self.orgs_named = self._curated_orgs_named()
        self.main_country: str | None = ""
        self.org_mentions = {clean(m.text) for m in self.mentions if m.label.upper() == "ORG"}
        self.org_names = list(
            dict.fromkeys(
                clean(m.text) for m in self.mentions if m.label.upper() == "ORG" and " " in clean(m.text)
            )
        )
        self._cluster_persons()

    def run(self) -> ResolvedArticle:
        ordered = sorted(self.mentions, key=lambda m: not self._is_qualified_org(m))
        for mention in ordered:
            self.resolve_mention(mention)
        self._curated_orgs_in_text()
        self._add_defined_acronyms()
        events = [e for e in map(self._event, self.extraction.events) if e is not None]
        place_country = {
            key: draft.country
            for key, draft in self.drafts.items()
            if draft.type is ActorType.CITY and draft.country
        }
        events = merge_events(events, self._principal, place_country)
        self._infer_person_countries(events)
        self._list_countries_of_participants(events)
        return ResolvedArticle(
            article=self.extraction.article,
            actors=self._listed_actors(),
            events=tuple(events),
        )

    def _listed_actors(self) -> tuple[Actor, ...]:
        """Every actor but the countries the article does not name as actors; a country whose capital
        the article names as a location counts when one of its people or bodies is in the article."""
        homes = {d.country for d in self.drafts.values() if d.type is not ActorType.COUNTRY}
        return tuple(
            draft.freeze()
            for draft in self.drafts.values()
            if draft.type is not ActorType.COUNTRY or draft.listed or (draft.located and draft.key in homes)
        )

    def resolve_mention(self, mention: Mention, role: str | None = None) -> str | None:
        """The key of the actor or place a mention stands for, registering it; None when it is none.

        ``role`` is the event role the mention fills ("destination" makes a capital a City).
        """
        visit = (mention, role)
        if visit in self.in_progress:
            return None  # a repair led back to the mention being resolved
        self.in_progress.add(visit)
        try:
            return self._resolve_mention(mention, role)
        finally:
            self.in_progress.discard(visit)

    def _resolve_mention(self, mention: Mention, role: str | None) -> str | None:
        text = clean(mention.text)
        if not text or is_junk(text):
            return None
        folded = fold(text)
        key = self._place_or_country(text, folded, mention, role)
        if key is not None or folded in self.gaz.demonyms:
            return key
        label = mention.label.upper()
        office = OFFICE_OF.match(text)
        iso = self._country_code(office.group(2)) if office else None
        if office and iso and fold(office.group(1)) in self.gaz.titles:
            # "the President of the Russian Federation": that country's one leader in the article
            leader = self._leader_of(PersonForm(None, iso, frozenset()))
            return self._person_key(leader, None) if leader else None
        if label == "PERSON":
            org = self.gaz.organizations.get(folded)
            if org is not None:
                return self._curated_org(org, text)
            return self._company_named_by_word(text) or self._person(mention)  # "Nordlys" of Nordlys Pharma
        if label == "NORP":
            org = self.gaz.organizations.get(folded)
            return self._curated_org(org, text) if org else None
        if label in PLACE_LABELS:
            org = self.gaz.organizations.get(folded)
            if org is not None:
                return self._curated_org(org, text)
            if SELF_PROCLAIMED.search(text):
                return self._generic_org(text, self._qualifier_in_text(text), None)
            if role == "destination":
                return self._destination_city(text, mention)
            return None
        if role == "destination":
            return self._destination_city(text, mention)
        person = self._person_by_surname(text)
        if person is not None:
            return self._person_key(person, text)
        key = self._organization(text, mention)
        if key is not None:
            iso, _, how = self._qualifier(text)
            if iso is not None and how == "name":
                self._country(iso, None, listed=True)  # "the U.S. Treasury": the country is named
        return key


def _all_mentions(extraction: Extraction) -> Iterator[Mention]:
    yield from extraction.mentions
    for event in extraction.events:
        yield from event.agents
        if event.destination is not None:
            yield event.destination
        yield from event.hosts
        yield from event.targets
        yield from event.on_behalf_of
        yield from event.reported_by
