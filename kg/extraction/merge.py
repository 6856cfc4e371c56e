"""One event per real-world event per article: fold repeated mentions together.

Two drafts are one event when they have the same type, compatible dates and the same core roles,
compared by country where a role names one (Pyongyang = North Korea = North Korean) and by full name
for people (Putin = Vladimir Putin). Sanctions by a state's own agency fold into the state's
("the U.S. Treasury's Office of Foreign Assets Control" into "the United States"). Hosting drafts only
add hosts to the visitor's trip; espionage drafts with no named spy fold into a named spy's case.
"""

from __future__ import annotations

from datetime import date

from kg.extraction.draft import Draft, unique
from kg.extraction.lexicon import words
from kg.extraction.places import country_code, is_country_name
from kg.model import DateValue, EventType, Mention, Status

AGENCY_WORDS = words("agency_words")
AGENCY_REACH = 60  # tokens after a state's sanction in which an agency's is taken for the state's
PLAN_REACH = 2  # sentences apart within which a plan and a report may tell one trip
VISIT_DAYS = 7  # days apart that two mentions of one trip may be dated
FOLLOW_UP_SENTENCES = 2  # sentences after a dated event in which an undated one of its kind takes its date
STATUS_RANK = {Status.OCCURRED: 0, Status.ALLEGED: 1, Status.PLANNED: 2}


SPY_NAMING_REACH = 1  # paragraphs within which an unnamed spy's case may be the one a name is given for


def merge(drafts: list[Draft], person_names: dict[str, str]) -> list[Draft]:
    """Drafts folded into one per event, in text order; hosting drafts attached or dropped."""
    drafts = _without_regions(drafts)
    hosting = [d for d in drafts if d.host_only]
    out = sorted((d for d in drafts if not d.host_only), key=lambda d: d.trigger.i)
    while True:  # folding can make two kept events the same one (a spy named in a later sentence)
        folded = _fold_pass(out, person_names)
        if len(folded) == len(out):
            break
        out = folded
    for draft in hosting:
        visitor = _keys(draft.agents, person_names)
        trips = [d for d in out if d.type is EventType.VISIT and _keys(d.agents, person_names) & visitor]
        if trips:
            trip = min(trips, key=lambda d: abs(d.trigger.i - draft.trigger.i))
            trip.hosts = unique([*trip.hosts, *[h for h in draft.hosts if h not in trip.agents]])
        elif draft.destination is not None:  # "welcomed Kishida to the White House": a trip of its own
            out.append(draft)
    for draft in out:
        agents = _keys(draft.agents, person_names)
        draft.hosts = [h for h in draft.hosts if not (_keys([h], person_names) & agents)]
    _date_follow_ups(out, person_names)
    return out


def _date_follow_ups(drafts: list[Draft], names: dict[str, str]) -> None:
    """An undated event told right after a dated one of the same type by the same state takes its date:
    "The United States on Friday sanctioned a Chinese firm ... The Treasury's Office of Foreign Assets
    Control designated X"."""
    for draft in drafts:
        if _stated(draft.date) is not None or draft.status is not Status.OCCURRED or _lasting(draft):
            continue
        agents = _state_keys(draft.agents, names)
        # not from a relative clause: "..., which Washington sanctioned in 2020" is background
        before = [
            d
            for d in drafts
            if d.trigger.i < draft.trigger.i
            and d.type is draft.type
            and _stated(d.date) is not None
            and d.predicate.dep_ not in ("relcl", "acl")
            and _sentences_apart(d, draft) <= FOLLOW_UP_SENTENCES
            and _state_keys(d.agents, names) & agents
        ]
        if before:
            draft.date = max(before, key=lambda d: d.trigger.i).date


def _fold_pass(drafts: list[Draft], person_names: dict[str, str]) -> list[Draft]:
    out: list[Draft] = []
    for draft in drafts:
        for kept in out:
            if _same_event(kept, draft, person_names):
                _fold(kept, draft)
                break
        else:
            out.append(draft)
    return out


def _without_regions(drafts: list[Draft]) -> list[Draft]:
    """Regions beside a city are no second trip ("arrived in Paris, his first trip to Europe")."""
    kept = []
    for draft in drafts:
        region = (
            draft.type is EventType.VISIT
            and draft.destination is not None
            and draft.destination.label == "LOC"
            and not is_country_name(draft.destination.text)  # "Cape Verde" tagged LOC is a country
        )
        if region and any(
            other is not draft
            and other.type is EventType.VISIT
            and other.agents == draft.agents
            and other.trigger.sent == draft.trigger.sent
            and other.destination is not None
            and other.destination.label == "GPE"
            for other in drafts
        ):
            continue
        kept.append(draft)
    return kept


def _same_event(a: Draft, b: Draft, names: dict[str, str]) -> bool:
    if a.type is not b.type:
        return False
    # a state visit spans days: "arrived on Tuesday ... welcomed him on Thursday" is one trip
    window = VISIT_DAYS if a.type is EventType.VISIT else 0
    if not _dates_agree(a.date, b.date, window):
        return False
    if a.type is EventType.VISIT:
        if (a.status is Status.PLANNED) != (b.status is Status.PLANNED) and _sentences_apart(
            a, b
        ) > PLAN_REACH:
            return False  # "will represent Russia at the summit" is not the trip he "paid in January"
        together = a.predicate == b.predicate and _one_delegation(a.agents + b.agents)
        return (together or bool(_keys(a.agents, names) & _keys(b.agents, names))) and _keys(
            [a.destination] if a.destination else [], names
        ) == _keys([b.destination] if b.destination else [], names)
    if a.type is EventType.SANCTION:
        agents = _state_keys(a.agents, names) & _state_keys(b.agents, names)
        same_targets = bool(_keys(a.targets, names) & _keys(b.targets, names))
        if not agents and same_targets and _agency_of_the_state_before(a, b):
            return True  # "Britain imposed sanctions on Russia. The Foreign Office also froze ..."
        return bool(agents) and (same_targets or _near(a, b))
    if a.named_agent and b.named_agent:  # the same named spy is one case, whatever each sentence adds
        return bool(_keys(a.agents, names) & _keys(b.agents, names))
    targets = _keys(a.targets, names) & _keys(b.targets, names)
    if not targets:
        return False
    general = not a.named_agent and not b.named_agent
    if not general and abs(_paragraph(a) - _paragraph(b)) > SPY_NAMING_REACH:
        return False  # a named spy paragraphs away is another case, not the unnamed one named
    if general and (_stated(a.date) is None) != (
        _stated(b.date) is None
    ):  # a dated case is not the general claim around it
        return False
    sides_a = _keys([*a.agents, *a.on_behalf_of], names)
    sides_b = _keys([*b.agents, *b.on_behalf_of], names)
    return bool(sides_a & sides_b)


def _agency_of_the_state_before(a: Draft, b: Draft) -> bool:
    """A body of no stated country acting right after a state did the same to the same target."""
    first, second = sorted((a, b), key=lambda d: d.trigger.i)
    states = all(m.label in ("GPE", "NORP") for m in first.agents)
    bodies = all(
        m.label == "ORG" and not m.country_hint and set(m.text.lower().split()) & AGENCY_WORDS
        for m in second.agents
    )
    close = second.trigger.sent.start - first.trigger.sent.end < AGENCY_REACH
    return states and bodies and close


def _near(a: Draft, b: Draft) -> bool:
    """A sanction continued in the next sentence of the same paragraph, with no new country-level target:
    one announcement ("designated 16 people ... Three subsidiaries of Bahman Group were designated")."""
    vague = not any(country_code(t.text) for t in a.targets) or not any(
        country_code(t.text) for t in b.targets
    )
    same_date = _dates_agree(a.date, b.date) and (
        _stated(a.date) is None or _stated(b.date) is None or a.date == b.date
    )
    return (a.continued or b.continued) and vague and same_date and _paragraph(a) == _paragraph(b)


def _one_delegation(agents: list[Mention]) -> bool:
    """Travellers named together of one country, or of none stated: "Canada's national security adviser
    and Deputy Foreign Minister David Morrison flew to Singapore" is one trip; leaders of several
    countries arriving at a summit make one trip each."""
    known = {code for m in agents if m.country_hint and (code := country_code(m.country_hint))}
    return len(known) <= 1


def _sentences_apart(a: Draft, b: Draft) -> int:
    doc = a.trigger.doc
    first, second = sorted((a.trigger.i, b.trigger.i))
    return sum(1 for sent in doc.sents if first < sent.start <= second)


def _paragraph(draft: Draft) -> int:
    return draft.trigger.doc.text.count("\n\n", 0, draft.trigger.idx)


def _fold(kept: Draft, other: Draft) -> None:
    if kept.type is EventType.ESPIONAGE and kept.named_agent != other.named_agent:
        # the spy, once named, is the agent; the state spied for stays on_behalf_of
        kept.agents = list(kept.agents if kept.named_agent else other.agents)
    else:
        kept.agents = unique([*kept.agents, *other.agents])
    kept.hosts = unique([*kept.hosts, *other.hosts])
    kept.targets = unique([*kept.targets, *other.targets])
    kept.on_behalf_of = unique([*kept.on_behalf_of, *other.on_behalf_of])
    kept.reported_by = unique([*kept.reported_by, *other.reported_by])
    kept.named_agent = kept.named_agent or other.named_agent
    if _stated(kept.date) is None and _stated(other.date) is not None:
        kept.date = other.date  # a date the text gives beats one read from publication
    elif _stated(other.date) is None and _stated(kept.date) is not None:
        pass
    elif kept.date is None or (other.date is not None and len(other.date.value) > len(kept.date.value)):
        kept.date = other.date or kept.date
    elif other.date is not None and len(other.date.value) == len(kept.date.value):
        kept.date = min(kept.date, other.date, key=lambda d: d.value)  # a trip is dated by its start
    if STATUS_RANK[other.status] < STATUS_RANK[kept.status]:
        kept.status = other.status
    if kept.destination is None or (
        kept.destination.label != "GPE" and other.destination is not None and other.destination.label == "GPE"
    ):
        kept.destination = other.destination  # a city or country names the place better than a building


def _lasting(draft: Draft) -> bool:
    """A state of affairs, not a new act: "has been under an embargo since the 1960s", "hopes to travel"."""
    if draft.predicate.tag_ in ("VB", "VBZ", "VBP"):
        return True
    return any(t.lower_ == "since" for t in draft.trigger.sent)


def _stated(value: DateValue | None) -> DateValue | None:
    """A date the text states; None for none and for one inferred from publication."""
    return value if value is not None and not value.inferred else None


def _dates_agree(a: DateValue | None, b: DateValue | None, window: int = 0) -> bool:
    if a is not None and b is not None and (a.inferred or b.inferred):
        return a.value[:4] == b.value[:4]  # read from publication: only the year is sure
    if a is None or b is None:
        return True
    if a.value.startswith(b.value) or b.value.startswith(a.value):
        return True
    if window and a.precision == b.precision == "day":
        return abs((date.fromisoformat(a.value) - date.fromisoformat(b.value)).days) <= window
    return False


def _keys(mentions: list[Mention], names: dict[str, str]) -> set[str]:
    keys = set()
    for mention in mentions:
        if mention.label == "PERSON":
            keys.add(names.get(mention.text, mention.text).lower())
        else:
            keys.add(country_code(mention.text) or mention.text.lower())
    return keys


def _state_keys(mentions: list[Mention], names: dict[str, str]) -> set[str]:
    """Keys with each agency standing also for its country (by the country hint the text gives)."""
    keys = _keys(mentions, names)
    for mention in mentions:
        if mention.country_hint and (code := country_code(mention.country_hint)):
            keys.add(code)
    return keys
