"""Events: roles mapped to actor keys, events whose required roles do not resolve dropped, spies and
the states they spied for told apart, and the principal an agent acts for (to merge one event's
mentions, see :mod:`kg.resolution.merge`)."""

from __future__ import annotations

from collections.abc import Iterable

from kg.gazetteer import fold, region_country
from kg.iris import actor_key
from kg.model import (
    ActorType,
    Event,
    EventType,
    Mention,
    RawEvent,
)
from kg.resolution.base import ArticleBase
from kg.resolution.merge import union
from kg.resolution.names import (
    PLACE_LABELS,
    clean,
)


class EventRules(ArticleBase):
    """The rules for events, run once every mention of the article has resolved."""

    def _event(self, raw: RawEvent) -> Event | None:
        """The event with actor keys for roles, or None when a required role does not resolve."""
        agents = self._keys(raw.agents, "agent")
        if raw.type is EventType.SANCTION:  # "Trump authorised sanctions": imposed by his state too
            agents = union(agents, self._states_behind(agents))
        destination = self.resolve_mention(raw.destination, "destination") if raw.destination else None
        if destination is not None and self.drafts[destination].type not in (
            ActorType.COUNTRY,
            ActorType.CITY,
        ):
            destination = None
        if destination is None and raw.destination is not None and raw.destination.label in ("GPE", "LOC"):
            # "a stopover in Hawaii": a state or province is a trip to its country
            region = region_country(raw.destination.text)
            destination = self._country_key(region) if region else None
        targets = tuple(t for t in self._keys(raw.targets, "target") if t not in agents)
        on_behalf_of = self._keys(raw.on_behalf_of, "on_behalf_of")
        if raw.type is EventType.ESPIONAGE:
            targets = union(targets, self._city_countries(raw.targets))
            agents, on_behalf_of = self._spies_and_principals(agents, on_behalf_of)
        if raw.type is EventType.VISIT:
            dest_country = self._place_country(destination)
            agents = tuple(a for a in agents if a not in (destination, dest_country))
            if not agents or destination is None:
                return None
            homes = {self.drafts[a].country if self.drafts[a].type is ActorType.PERSON else a for a in agents}
            if homes == {dest_country}:
                return None  # a trip at home ("Kishida visited the Noto peninsula") is no visit
        elif not agents or (raw.type is EventType.SANCTION and not targets):
            return None
        return Event(
            type=raw.type,
            agents=agents,
            status=raw.status,
            evidence=raw.evidence,
            destination=destination,
            hosts=tuple(h for h in self._keys(raw.hosts, "host") if h not in agents),
            targets=targets,
            on_behalf_of=on_behalf_of,
            reported_by=self._keys(raw.reported_by, "reported_by"),
            date=raw.date,
        )

    def _keys(self, mentions: Iterable[Mention], role: str) -> tuple[str, ...]:
        keys: list[str] = []
        for mention in mentions:
            key = self.resolve_mention(mention, role)
            if key is not None and key not in keys:
                keys.append(key)
        return tuple(keys)

    def _states_behind(self, agents: Iterable[str]) -> tuple[str, ...]:
        """The states that people and national bodies act for when they impose a measure: a person's
        country, an agency's ("China's commerce ministry" -> China)."""
        states = []
        for key in agents:
            draft = self.drafts[key]
            if draft.type is ActorType.PERSON:
                state = draft.country
            elif draft.type is ActorType.ORGANIZATION:
                state = self._principal(key)
            else:
                continue
            if (
                state
                and state != key
                and state in self.drafts
                and self.drafts[state].type is ActorType.COUNTRY
            ):
                self.drafts[state].listed = True
                states.append(state)
        return tuple(states)

    def _spies_and_principals(
        self, agents: tuple[str, ...], on_behalf_of: tuple[str, ...]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A state both spying and spied for is the principal when people are named as the spies
        ("Thomas R. ... for Chinese intelligence"), else it is the agent and needs no principal."""
        has_people = any(self.drafts[a].type is ActorType.PERSON for a in agents)
        if has_people:
            return tuple(a for a in agents if a not in on_behalf_of), on_behalf_of
        return agents, tuple(o for o in on_behalf_of if o not in agents)

    def _city_countries(self, mentions: Iterable[Mention]) -> tuple[str, ...]:
        """The countries of cities named as what was spied on ("spying in Dresden" -> Germany)."""
        keys = []
        for mention in mentions:
            text = clean(mention.text)
            if mention.label.upper() in PLACE_LABELS and self.resolve_mention(mention, "target") is None:
                city = self.gaz.city(text) if text else None
                if city is not None and city.iso in self.gaz.countries:
                    keys.append(self._country(city.iso, None, listed=True))
        return tuple(keys)

    def _principal(self, key: str) -> str:
        """The body or state an organisation acts for, to tell one event from another: a curated body's
        topmost parent ("United Nations" for its Security Council), then its country (OFAC and the
        U.S. Treasury act for the United States); any other actor is its own principal."""
        draft = self.drafts.get(key)
        if draft is None or draft.type is not ActorType.ORGANIZATION:
            return key
        org = self.gaz.organizations.get(fold(draft.name))
        seen: set[str] = set()
        while org is not None and org.part_of and org.name not in seen:
            seen.add(org.name)
            org = self.gaz.organizations.get(fold(org.part_of)) or org
        if org is not None:
            if org.country and org.country in self.gaz.countries:
                return actor_key(ActorType.COUNTRY, self.gaz.countries[org.country].name)
            return actor_key(ActorType.ORGANIZATION, org.name)
        return draft.country or key

    def _place_country(self, key: str | None) -> str | None:
        if key is None:
            return None
        draft = self.drafts[key]
        return draft.country if draft.type is ActorType.CITY else key

    def _list_countries_of_participants(self, events: Iterable[Event]) -> None:
        """The country of a person who visits or hosts takes part in the event ("South Korean
        President Yoon Suk Yeol toured ...") even when the article names it only by its adjective."""
        for event in events:
            for key in (*event.agents, *event.hosts):
                draft = self.drafts[key]
                country = self.drafts.get(draft.country) if draft.country else None
                if draft.type is ActorType.PERSON and country is not None:
                    country.listed = True

    def _infer_person_countries(self, events: Iterable[Event]) -> None:
        """A host with no country of their own is taken to be of the country they host in."""
        for event in events:
            country = self._place_country(event.destination)
            for host in event.hosts:
                draft = self.drafts[host]
                if draft.type is ActorType.PERSON and draft.country is None and country:
                    draft.country = country
