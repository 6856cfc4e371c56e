"""Merging the mentions of one real-world event within an article (see :func:`merge_events`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from kg.model import Event, EventType, Status


def _dates_compatible(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.date.inferred or b.date.inferred:  # read from publication: only the year is sure
        return a.date.value[:4] == b.date.value[:4]
    x, y = sorted((a.date.value, b.date.value), key=len)
    return y.startswith(x)


def _core(event: Event, principal: Callable[[str], str], place_country: Mapping[str, str]) -> _Core:
    agents = set(event.agents)
    if event.type is EventType.ESPIONAGE:
        agents |= set(event.on_behalf_of)
    if event.type is EventType.VISIT:
        destination = event.destination or ""
        second = frozenset({place_country.get(destination, destination)})
    else:
        second = frozenset(event.targets)
    return _Core(event.type, frozenset(map(principal, agents)), second)


@dataclass(frozen=True)
class _Core:
    """What makes two mentions one event: type, agents (as the bodies they act for), second role."""

    type: EventType
    agents: frozenset[str]
    second: frozenset[str]  # Visit: the destination's country; Sanction, Espionage: targets

    def same_as(self, other: _Core) -> bool:
        if self.type is not other.type or self.agents != other.agents:
            return False
        if self.type is EventType.VISIT:
            return self.second == other.second
        if self.type is EventType.ESPIONAGE and not (self.second and other.second):
            return True
        return bool(self.second & other.second)


def union(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(key for group in groups for key in group))


def merge_events(
    events: Iterable[Event], principal: Callable[[str], str], place_country: Mapping[str, str]
) -> list[Event]:
    """One event per real-world event: same type, the same agents (an office counting as the body or
    state it belongs to: OFAC as the United States), the same destination country or a shared target,
    and compatible dates. The first evidence and status stay; the most precise date wins; roles unite."""
    merged: list[tuple[Event, _Core]] = []
    for event in events:
        core = _core(event, principal, place_country)
        for index, (kept, kept_core) in enumerate(merged):
            same = kept_core.same_as(core) or _one_measure_told_twice(kept, kept_core, event, core)
            if same and _dates_compatible(kept, event) and _moods_compatible(kept, event):
                union = _merged(kept, event, place_country)
                merged[index] = (union, _core(union, principal, place_country))
                break
        else:
            merged.append((event, core))
    return [event for event, _ in merged]


def _one_measure_told_twice(kept: Event, kept_core: _Core, event: Event, core: _Core) -> bool:
    """One sentence telling one sanction twice, by a state and by its office: "The U.S. imposed its
    last round of sanctions on Russia on Jan. 10, when the Treasury blacklisted Gazprom Neft"."""
    return (
        core.type is EventType.SANCTION
        and kept_core.type is EventType.SANCTION
        and kept_core.agents == core.agents
        and kept.evidence == event.evidence
        and set(kept.agents) != set(event.agents)
        and kept.date is not None
        and event.date is not None
    )


def _moods_compatible(a: Event, b: Event) -> bool:
    """A planned trip and one made are two trips (the extractor already joined a plan and its report told
    side by side)."""
    return a.type is not EventType.VISIT or (a.status is Status.PLANNED) == (b.status is Status.PLANNED)


def _merged(kept: Event, other: Event, place_country: Mapping[str, str]) -> Event:
    date = kept.date
    if other.date is not None:
        if date is None or (date.inferred and not other.date.inferred):
            date = other.date  # a date the text states beats one read from publication
        elif date.inferred == other.date.inferred and len(other.date.value) > len(date.value):
            date = other.date
    destination = kept.destination
    if destination not in place_country and other.destination in place_country:
        destination = other.destination  # a city is more precise than its country
    return replace(
        kept,
        date=date,
        destination=destination,
        agents=union(kept.agents, other.agents),
        targets=union(kept.targets, other.targets),
        hosts=union(kept.hosts, other.hosts),
        on_behalf_of=union(kept.on_behalf_of, other.on_behalf_of),
        reported_by=union(kept.reported_by, other.reported_by),
    )
