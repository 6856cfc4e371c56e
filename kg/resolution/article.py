"""One article's resolution: every mention first (so that a short name meets a long one), then the
events. :class:`ArticleResolver` holds the article-wide views the rules consult; the sections below
follow the kinds of actor: places and countries, persons, organisations, then events."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from kg.gazetteer import City, Gazetteer, Organization, fold
from kg.iris import actor_key
from kg.model import (
    Actor,
    ActorType,
    Event,
    EventType,
    Extraction,
    Mention,
    RawEvent,
    ResolvedArticle,
)
from kg.resolution.merge import merge_events, union
from kg.resolution.names import (
    ACRONYM_DEF,
    BIG_CITY,
    CLAUSE_BREAK,
    DIRECTIONS,
    DOMAIN_WORDS,
    LEADER_WORDS,
    LED_BY,
    LOCATIVES,
    NAME_JOINERS,
    NAME_MODIFIERS,
    OFFICE_OF,
    PARENTHESISED,
    PLACE_AFTER,
    PLACE_BEFORE,
    PLACE_LABELS,
    POSSESSIVE_SPLIT,
    REGION_OF,
    SENTENCE_END,
    capitalised,
    clean,
    display_person,
    is_abbreviation,
    is_bare_acronym,
    is_generic,
    is_institution,
    is_junk,
    is_part,
    person_tokens,
)


@dataclass
class _Draft:
    """An actor being built from one article's mentions."""

    key: str
    name: str
    type: ActorType
    country: str | None = None
    links: tuple[str, ...] = ()
    iso_code: str | None = None
    aliases: list[str] = field(default_factory=list)
    listed: bool = True  # False for a country only known as some actor's country
    located: bool = False  # its capital was named as a location: listed if one of its actors is

    def add_alias(self, alias: str | None) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def freeze(self) -> Actor:
        return Actor(
            key=self.key,
            name=self.name,
            type=self.type,
            aliases=tuple(self.aliases),
            country=self.country,
            links=self.links,
            iso_code=self.iso_code,
        )


@dataclass
class _Person:
    """A cluster of person mentions that name one person."""

    name: str
    tokens: tuple[str, ...]
    forms: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # ISO codes the mentions write, in order
    hints: list[str] = field(default_factory=list)  # ISO codes extraction saw beside the mentions
    titles: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _PersonForm:
    """A person mention read: the bare name, the country and titles its wrapping gave."""

    name: str | None  # None for "the Russian leader"
    iso: str | None  # the country the mention itself writes ("Russian President ...")
    titles: frozenset[str]
    hint: str | None = None  # the country extraction saw beside the mention


class ArticleResolver:
    """Resolves one article: what it mentions (all of it first, so that a short name can meet a long
    one), then its events. Holds the article-wide views the rules consult."""

    def __init__(self, extraction: Extraction, gaz: Gazetteer, known: Mapping[str, str]) -> None:
        self.extraction = extraction
        self.gaz = gaz
        self.known = {fold(alias): name for alias, name in known.items()}
        self.text = f"{extraction.article.title}\n{extraction.article.text}"
        self.mentions = list(_all_mentions(extraction))
        self.drafts: dict[str, _Draft] = {}  # actor key -> the actor being built
        self.persons: list[_Person] = []
        self.person_of: dict[str, _Person | None] = {}  # person mention text -> its cluster
        self.person_countries: dict[int, str | None] = {}  # cache of _text_country
        self.occurrences: dict[str, list[re.Match[str]]] = {}  # cache of _occurrences
        self.qualified_orgs: dict[str, str] = {}  # folded bare org name -> key of its qualified form
        self.in_progress: set[tuple[Mention, str | None]] = set()
        self.in_view = self._countries_in_view()  # ISO codes of the countries the article mentions
        self.acronyms = self._acronyms_defined()
        self.orgs_named = self._curated_orgs_named()
        self._cluster_persons()

    # ------------------------------------------------------------------ the article as a whole

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

    def _add_defined_acronyms(self) -> None:
        """An organisation whose name the article spells out with an acronym ("Economic Community of
        West African States (ECOWAS)") has that acronym among its aliases, and the other way round."""
        for draft in self.drafts.values():
            if draft.type is ActorType.ORGANIZATION:
                for form in (draft.name, *draft.aliases):
                    draft.add_alias(self.acronyms.get(fold(form)))

    def _listed_actors(self) -> tuple[Actor, ...]:
        """Every actor but the countries the article does not name as actors; a country whose capital
        the article names as a location counts when one of its people or bodies is in the article."""
        homes = {d.country for d in self.drafts.values() if d.type is not ActorType.COUNTRY}
        return tuple(
            draft.freeze()
            for draft in self.drafts.values()
            if draft.type is not ActorType.COUNTRY or draft.listed or (draft.located and draft.key in homes)
        )

    def _countries_in_view(self) -> set[str]:
        found: set[str] = set()
        for mention in self.mentions:
            for text in (mention.text, mention.country_hint):
                iso = self._country_code(clean(text)) if text else None
                if iso is not None:
                    found.add(iso)
        return found

    def _acronyms_defined(self) -> dict[str, str]:
        """Acronyms the article spells out, both ways: folded acronym <-> long form as written."""
        table: dict[str, str] = {}
        for match in ACRONYM_DEF.finditer(self.text):
            long_form, acronym = clean(match.group(1)), match.group(2)
            if not long_form or len(long_form.split()) < 2:
                continue
            table.setdefault(fold(acronym), long_form)
            table.setdefault(fold(long_form), acronym)
        return table

    def _curated_orgs_named(self) -> set[str]:
        """Names of curated organisations the article names outright (for 'the bloc', 'the alliance')."""
        named = set()
        for mention in self.mentions:
            org = self.gaz.organizations.get(fold(clean(mention.text)))
            if org is not None:
                named.add(org.name)
        for org, pattern in self.gaz.context_organization_patterns:
            if org.name not in named and pattern.search(self.text):
                named.add(org.name)
        return named

    # ------------------------------------------------------------------ one mention

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
            leader = self._leader_of(_PersonForm(None, iso, frozenset()))
            return self._person_key(leader, None) if leader else None
        if label == "PERSON":
            org = self.gaz.organizations.get(folded)
            return self._curated_org(org, text) if org else self._person(mention)
        if label == "NORP":
            org = self.gaz.organizations.get(folded)
            return self._curated_org(org, text) if org else None
        if label in PLACE_LABELS:
            org = self.gaz.organizations.get(folded)
            if org is not None:
                return self._curated_org(org, text)
            if role == "destination":
                return self._destination_city(text, mention)
            return None
        if role == "destination":
            return self._destination_city(text, mention)
        person = self._person_by_surname(text)
        if person is not None:
            return self._person_key(person, text)
        return self._organization(text, mention)

    def _person_by_surname(self, text: str) -> _Person | None:
        """The one person of the article whose name ends (or, family name first, starts) with a single
        word extraction took for an organisation ("Cash", "Modi")."""
        if " " in text or fold(text) in self.gaz.organizations or fold(text) in self.acronyms:
            return None
        tokens = person_tokens(text)
        found = [p for p in self.persons if len(p.tokens) > 1 and tokens[0] in (p.tokens[-1], p.tokens[0])]
        if not found:
            found = [p for p in self.persons if len(p.tokens) > 2 and tokens[0] in p.tokens[1:-1]]
        return found[0] if len(found) == 1 else None

    def _place_or_country(self, text: str, folded: str, mention: Mention, role: str | None) -> str | None:
        """A country (or, as a destination, a city) the mention names, or None.

        A country is listed among the article's actors when the text names it as one; a demonym, a
        capital only ever used as a location ("a meeting in Luxembourg") or a country only ever
        qualifying a person ("Estonia's Kaja Kallas") makes it a key without listing it, unless an
        event role needs it.
        """
        gaz = self.gaz
        in_event = role is not None
        if folded in gaz.capitals and role == "destination" and folded not in gaz.country_names:
            iso, city_name = gaz.capitals[folded]
            city = gaz.city(city_name, iso) or gaz.city(text, iso)
            return self._city(city, text) if city else self._country(iso, text, listed=True)
        if folded in gaz.country_names:
            weak = (
                (folded in gaz.capitals and self._only_locative(text))
                or self._only_a_region_of(text)
                or self._only_qualifies_persons(text)
                or self._only_opens_longer_names(text)
            )
            return self._country(gaz.country_names[folded], text, listed=in_event or not weak)
        if folded in gaz.seats:
            context = gaz.seat_contexts.get(folded)
            if context is None or context in self.in_view:
                return self._country(gaz.seats[folded], text, listed=True)
        if folded in gaz.capitals and mention.label.upper() != "PERSON":
            iso, city_name = gaz.capitals[folded]
            if folded in gaz.capital_metonyms:
                if not in_event:
                    return None
                org = gaz.organizations.get(fold(gaz.capital_metonyms[folded]))
                return self._curated_org(org, text) if org else None
            located = not in_event and self._only_locative(text)
            key = self._country(iso, text, listed=not located)
            self.drafts[key].located |= located
            return key
        if folded in gaz.context_countries and self._korea_context():
            return self._country(gaz.context_countries[folded], text, listed=True)
        people = self._demonym_code(folded)
        return self._country(people, None, listed=in_event) if people is not None else None

    def _demonym_code(self, folded: str) -> str | None:
        """The country of an adjective or a plural people ("Russian", "Germans")."""
        demonyms = self.gaz.demonyms
        return demonyms.get(folded) or (demonyms.get(folded[:-1]) if folded.endswith("s") else None)

    def _occurrences(self, text: str) -> list[re.Match[str]]:
        """Where a name stands in the article as a whole word (cached per name)."""
        found = self.occurrences.get(text)
        if found is None:
            found = self.occurrences[text] = list(
                re.finditer(rf"(?<![\w.]){re.escape(text)}(?!\w)", self.text)
            )
        return found

    def _only_locative(self, text: str) -> bool:
        """Whether every occurrence of a place follows 'in', 'at', ... ("a summit in Brussels"); a
        sentence that opens "In Washington, ..." speaks for the government there."""
        found = self._occurrences(text)
        return bool(found) and all(
            (self.text[max(0, m.start() - 30) : m.start()].split() or [""])[-1] in LOCATIVES for m in found
        )

    def _only_a_region_of(self, text: str) -> bool:
        """Whether a country is only named for a part of its territory ("an offensive in northern Syria")."""
        found = self._occurrences(text)
        return bool(found) and all(
            REGION_OF.search(self.text[max(0, m.start() - 30) : m.start()]) for m in found
        )

    def _only_opens_longer_names(self, text: str) -> bool:
        """Whether a country only ever opens a longer proper name ("Ukraine International Airlines")."""
        found = self._occurrences(text)
        return bool(found) and all(re.match(r" [A-Z][a-z]", self.text[m.end() : m.end() + 3]) for m in found)

    def _only_qualifies_persons(self, text: str) -> bool:
        """Whether every occurrence of a country is "Country's [title] Person" ("Estonia's Kaja Kallas")."""
        found = self._occurrences(text)
        if not found or not self.persons:
            return False
        forms = {token for person in self.persons for token in person.tokens}
        for match in found:
            after = re.match(r"(?:'s|’s)\s+(.*)", self.text[match.end() : match.end() + 80])
            if after is None:
                return False
            words = after.group(1).split()
            while words and (words[0][:1].islower() or self._leading_title(words[:1])):
                words = words[1:]
            first = person_tokens(words[0].rstrip(",.;:")) if words else ()
            if not first or first[0] not in forms:
                return False
        return True

    def _korea_context(self) -> bool:
        return {"KP", "KR"} <= self.in_view

    def _country_code(self, text: str) -> str | None:
        """The ISO code a country name, alias, demonym, capital or seat stands for."""
        folded = fold(text)
        gaz = self.gaz
        if folded in gaz.country_names:
            return gaz.country_names[folded]
        if folded in gaz.demonyms:
            return gaz.demonyms[folded]
        if folded in gaz.capitals and folded not in gaz.capital_metonyms:
            return gaz.capitals[folded][0]
        if folded in gaz.seats and folded not in gaz.seat_contexts:
            return gaz.seats[folded]
        return None

    # ------------------------------------------------------------------ countries and cities

    def _draft(self, key: str, name: str, kind: ActorType) -> _Draft:
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = _Draft(key=key, name=name, type=kind)
        return draft

    def _country(self, iso: str, alias: str | None, listed: bool) -> str:
        country = self.gaz.countries[iso]
        key = actor_key(ActorType.COUNTRY, country.name)
        draft = self.drafts.get(key) or _Draft(
            key=key, name=country.name, type=ActorType.COUNTRY, listed=False
        )
        self.drafts[key] = draft
        draft.iso_code, draft.links = iso, country.links
        draft.listed = draft.listed or listed
        draft.add_alias(alias)
        return key

    def _country_key(self, iso: str | None, listed: bool = False) -> str | None:
        """The key of a country an actor belongs to (listed only when the article names it)."""
        return self._country(iso, None, listed) if iso is not None and iso in self.gaz.countries else None

    def _city(self, city: City, alias: str | None) -> str:
        key = actor_key(ActorType.CITY, city.name)
        draft = self._draft(key, city.name, ActorType.CITY)
        draft.links = city.links
        draft.country = self._country_key(city.iso, listed=True)
        draft.add_alias(alias)
        return key

    def _destination_city(self, text: str, mention: Mention) -> str | None:
        """A non-capital city visited: in the country the text names beside it, else the most populous."""
        iso = self._hint_code(mention)
        after = re.search(rf"{re.escape(text)},\s+((?:[A-Z][\w.'-]*\s?){{1,3}})", self.text)
        if iso is None and after is not None:
            words = after.group(1).split()
            iso = next(
                (
                    code
                    for n in range(len(words), 0, -1)
                    if (code := self.gaz.country_names.get(fold(" ".join(words[:n])))) is not None
                ),
                None,
            )
        city = (self.gaz.city(text, iso) if iso else None) or self.gaz.city(text)
        return self._city(city, None) if city else None

    def _hint_code(self, mention: Mention) -> str | None:
        """The country extraction saw beside a mention, when the text bears it out: the hint stands
        shortly before or after the mention ("South Korea's Foreign Ministry", "Liesje Schreinemacher,
        the Dutch minister"), or the mention cannot be found to check."""
        hint = clean(mention.country_hint or "")
        code = self._country_code(hint) if hint else None
        if code is None:
            return None
        found = self._occurrences(clean(mention.text))
        apposition = re.compile(rf",\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+){{0,2}}?{re.escape(hint)}\b")
        if found and not any(
            hint in self.text[max(0, m.start() - 50) : m.start()] or apposition.match(self.text, m.end())
            for m in found
        ):
            return None
        return code

    # ------------------------------------------------------------------ persons

    def _person_form(self, mention: Mention) -> _PersonForm:
        """Strips titles and qualifiers ("former", "Russian", "Estonia's") from a person mention."""
        words = clean(mention.text).split()
        hint = clean(mention.country_hint or "")
        # a capital before a person's name is where they were ("in Seoul, Kishida"), not their country
        hint_iso = None if fold(hint) in self.gaz.capitals else self._hint_code(mention)
        iso: str | None = None
        titles: set[str] = set()
        while len(words) > 1:
            step = self._leading_title(words)
            if step and step < len(words):
                titles.add(fold(" ".join(words[:step])))
                words = words[step:]
                continue
            step, code = self._leading_country(words)
            if step and step < len(words):
                iso = iso or code
                words = words[step:]
                continue
            if words[0][:1].islower():
                words = words[1:]
                continue
            break
        name = " ".join(words)
        if self._is_person_name(name):
            return _PersonForm(name, iso, frozenset(titles), hint_iso)
        return _PersonForm(None, iso or hint_iso, frozenset(titles), hint_iso)

    def _is_person_name(self, name: str) -> bool:
        folded = fold(name)
        return (
            name[:1].isupper()
            and not any(c.isdigit() for c in name)
            and folded not in LEADER_WORDS
            and folded not in self.gaz.titles
            and self._country_code(name) is None
            and not (len(name.split()) == 1 and self._always_after_the(name))
        )

    def _always_after_the(self, word: str) -> bool:
        """Whether a word only ever follows 'the' ("Citizens of the Reich"): a thing, not a person."""
        found = self._occurrences(word)
        return bool(found) and all(
            self.text[max(0, m.start() - 10) : m.start()].rstrip().lower().endswith(" the") for m in found
        )

    def _leading_title(self, words: list[str]) -> int | None:
        """How many leading words make a title ("Prime Minister", "Mr"), longest first; None if none."""
        for size in range(min(self.gaz.title_words, len(words)), 0, -1):
            if fold(" ".join(words[:size])) in self.gaz.titles:
                return size
        return None

    def _leading_country(self, words: list[str]) -> tuple[int, str | None]:
        """How many leading words name a country ("North Korean", "Estonia's"), and which."""
        for size in (3, 2, 1):
            if size > len(words):
                continue
            phrase = clean(" ".join(words[:size]))
            folded = fold(phrase)
            code = self.gaz.demonyms.get(folded) or self.gaz.country_names.get(folded)
            if code is not None:
                return size, code
        return 0, None

    def _cluster_persons(self) -> None:
        forms: dict[str, _PersonForm] = {}
        for mention in self.mentions:
            if mention.label.upper() == "PERSON":
                forms.setdefault(mention.text, self._person_form(mention))
        named = [(text, form) for text, form in forms.items() if form.name is not None]
        order = {text: i for i, text in enumerate(forms)}
        named.sort(key=lambda tf: (-len(person_tokens(tf[1].name or "")), order[tf[0]]))
        for text, form in named:
            assert form.name is not None
            person = self._join(form.name)
            self.person_of[text] = person
            if person is None:
                continue
            if form.name not in person.forms:
                person.forms.append(form.name)
            if form.iso:
                person.countries.append(form.iso)
            if form.hint:
                person.hints.append(form.hint)
            person.titles |= form.titles
        for text, form in forms.items():
            if form.name is None:
                self.person_of[text] = self._leader_of(form)

    def _join(self, name: str) -> _Person | None:
        """The person cluster a name belongs to, made when new; None when it could be several."""
        tokens = person_tokens(name)
        if not tokens:
            return None
        matches = [p for p in self.persons if p.tokens == tokens or is_part(tokens, p.tokens)]
        if not matches and len(tokens) == 1:
            # "Lula" in "Luiz Inacio Lula da Silva": a single word anywhere in one longer name
            matches = [p for p in self.persons if len(p.tokens) > 2 and tokens[0] in p.tokens[1:-1]]
        if len(matches) > 1:
            matches = [p for p in matches if p.tokens[-len(tokens) :] == tokens] or matches
        if len(matches) == 1:
            return matches[0]
        if matches:
            return None
        canonical = self.known.get(fold(name))
        if canonical is None and len(tokens) == 1 and self._is_big_city(name):
            return None  # "Vladivostok" taken for a person
        if canonical is not None:
            for person in self.persons:
                if person.tokens == person_tokens(canonical):
                    return person
            person = _Person(display_person(canonical), person_tokens(canonical))
        else:
            person = _Person(display_person(name), tokens)
        self.persons.append(person)
        return person

    def _is_big_city(self, name: str) -> bool:
        city = self.gaz.city(name)
        return city is not None and city.population >= BIG_CITY

    def _leader_of(self, form: _PersonForm) -> _Person | None:
        """'The Russian leader': the one Russian person with a leader's title, or the one Russian."""
        if form.iso is None:
            return None
        of_country = [p for p in self.persons if self._home(p) == form.iso or form.iso in p.hints]
        leaders = [p for p in of_country if self._is_leader(p)]
        for candidates in (leaders, of_country):
            if len(candidates) == 1:
                return candidates[0]
        return None

    def _is_leader(self, person: _Person) -> bool:
        if person.titles & self.gaz.leader_titles:
            return True
        titles = "|".join(re.escape(t) for t in sorted(self.gaz.leader_titles, key=len, reverse=True))
        return any(
            re.search(rf"\b(?:{titles})\s+{re.escape(form)}\b", self.text, re.IGNORECASE)
            for form in person.forms
        )

    def _text_country(self, person: _Person) -> str | None:
        """The country the text gives a person: before the name ("Russian President Vladimir Putin",
        "former Portuguese prime minister Antonio Costa", "Estonia's Kaja Kallas") or in an apposition
        after it ("John Kirby, spokesperson of the U.S. National Security Council")."""
        if id(person) in self.person_countries:
            return self.person_countries[id(person)]
        code = self._person_country_in_text(person)
        self.person_countries[id(person)] = code
        return code

    def _person_country_in_text(self, person: _Person) -> str | None:
        for form in sorted(person.forms, key=len, reverse=True):
            name = re.escape(form)
            for match in self._occurrences(form):
                clause = CLAUSE_BREAK.split(self.text[max(0, match.start() - 80) : match.start()])[-1]
                code = self._country_before(SENTENCE_END.split(clause)[-1].split())
                if code is not None:
                    return code
            for match in re.finditer(rf"{name},\s+(?:the\s+|a\s+)?((?:[\w.'’-]+\s+){{1,3}})", self.text):
                # "Liesje Schreinemacher, the Dutch minister", "Payam Kia, a Swedish citizen"
                words = match.group(1).split()
                code = next(
                    (self._leading_country(words[:n])[1] for n in (2, 1) if n <= len(words)),
                    None,
                )
                if code is not None and self._leading_country(words)[0]:
                    return code
            for match in re.finditer(
                rf"{name},\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?(?:of|for|at)\s+(.{{1,40}})", self.text
            ):
                words = match.group(1).split()
                code = next(
                    (
                        code
                        for n in (3, 2, 1)
                        if n <= len(words)
                        for code in [self._leading_country(words[:n])[1]]
                        if code
                    ),
                    None,
                )
                if code is not None:
                    return code
        return None

    def _country_before(self, words: list[str]) -> str | None:
        """The country named just before a person's titles: ["former", "Portuguese", "prime", "minister"]."""
        while words:
            step = next(
                (n for n in (3, 2, 1) if n <= len(words) and fold(" ".join(words[-n:])) in self.gaz.titles),
                0,
            )
            if step:
                words = words[:-step]
            elif fold(words[-1]) in NAME_MODIFIERS:
                words.pop()
            else:
                break
        for size in (3, 2, 1):
            if size <= len(words):
                step, code = self._leading_country(words[-size:])
                if step == size and code is not None:
                    return code
        if words and len(words[-1]) > 1:
            # "BfV chief Thomas Haldenwang": the country of the body whose title the person holds
            org = self.gaz.organizations.get(fold(clean(words[-1])))
            return org.country if org is not None else None
        return None

    def _person(self, mention: Mention) -> str | None:
        person = self.person_of.get(mention.text)
        return self._person_key(person, self._person_form(mention).name) if person else None

    def _person_key(self, person: _Person, alias: str | None) -> str:
        key = actor_key(ActorType.PERSON, person.name)
        draft = self._draft(key, person.name, ActorType.PERSON)
        draft.add_alias(alias)
        if draft.country is None:
            draft.country = self._country_key(self._home(person))
        return key

    def _home(self, person: _Person) -> str | None:
        """A person's country: as a mention writes it, else as the text around their name gives it,
        else as extraction saw it beside a mention."""
        if person.countries:
            return person.countries[0]
        return self._text_country(person) or (
            person.hints[0] if person.hints else self._title_country(person)
        )

    def _title_country(self, person: _Person) -> str | None:
        """The one country in the article whose office a person's title names ("Foreign Secretary
        David Cameron" in an article naming Britain, "Chancellor Olaf Scholz" in one naming Germany)."""
        titles = set(person.titles)
        for form in person.forms:
            for match in self._occurrences(form):
                words = self.text[max(0, match.start() - 40) : match.start()].split()
                step = next(
                    (
                        n
                        for n in (3, 2, 1)
                        if n <= len(words) and fold(" ".join(words[-n:])) in self.gaz.titles
                    ),
                    0,
                )
                if step:
                    titles.add(fold(" ".join(words[-step:])))
        candidates = {
            iso for title in titles for iso in self.gaz.title_countries.get(title, ()) if iso in self.in_view
        }
        return candidates.pop() if len(candidates) == 1 else None

    # ------------------------------------------------------------------ organisations

    def _curated_orgs_in_text(self) -> None:
        """Curated organisations and countries' ministries the text names that extraction missed
        ("Citizens of the Reich", "the Chinese foreign ministry", "Taiwan's defence ministry")."""
        for pattern in (self.gaz.organization_pattern, self.gaz.qualified_organization_pattern):
            for match in pattern.finditer(self.text):
                org = self.gaz.organizations.get(fold(match.group(0)))
                if org is not None:
                    self._curated_org(org, match.group(0))
        for match in self.gaz.ministry_pattern.finditer(self.text):
            owner = match.group("owner") or match.group("adjective")
            if self._country_code(owner) is not None:
                self._organization(clean(match.group(0)), Mention(clean(match.group(0)), "ORG"))

    def _is_qualified_org(self, mention: Mention) -> bool:
        if mention.label.upper() != "ORG":
            return False
        return mention.country_hint is not None or self._qualifier(clean(mention.text))[0] is not None

    def _curated_org(self, org: Organization, alias: str | None) -> str:
        key = actor_key(ActorType.ORGANIZATION, org.name)
        draft = self._draft(key, org.name, ActorType.ORGANIZATION)
        if org.country and draft.country is None:
            draft.country = self._country_key(org.country)
            for local in org.local_aliases:  # a later bare "Foreign Ministry" is this one
                self.qualified_orgs.setdefault(fold(local), key)
        draft.add_alias(alias)
        return key

    def _generic_org(self, name: str, iso: str | None, alias: str | None) -> str:
        key = actor_key(ActorType.ORGANIZATION, name)
        draft = self._draft(key, name, ActorType.ORGANIZATION)
        if draft.country is None:
            draft.country = self._country_key(iso)
        draft.add_alias(alias)
        return key

    def _organization(self, text: str, mention: Mention) -> str | None:
        """An organisation mention: repaired (cut names completed, "X (ACR)" split, two names run
        together split), then a curated body, an acronym the article defines, or a qualified name."""
        gaz = self.gaz
        text = LED_BY.sub("", text)  # "U.S.-led Artemis Accords"
        if fold(text) not in self.acronyms and fold(text) not in gaz.organizations and is_bare_acronym(text):
            return None  # "LNG", "SPFS": an acronym neither the tables nor the article explain
        full = self._with_country_prefix(text)
        if full != text:
            key = self._organization(full, replace(mention, text=full))
            if key is not None:
                self.drafts[key].add_alias(text)
            return key
        folded = fold(text)
        parenthesised = PARENTHESISED.match(text)
        if parenthesised:
            long_form, short = parenthesised.group(1), parenthesised.group(2)
            key = self._organization(long_form, replace(mention, text=long_form))
            if key is not None:
                self.drafts[key].add_alias(short)
                self.drafts[key].add_alias(long_form)
            return key
        if folded in gaz.organizations:
            return self._curated_org(gaz.organizations[folded], text)
        if folded in gaz.context_organizations:
            in_context = gaz.context_organizations[folded]
            return self._curated_org(in_context, text) if in_context.name in self.orgs_named else None
        if folded in gaz.titles or folded in DIRECTIONS:
            return None  # "MEP", "Chancellor": a title, not a body; "West": a direction
        parts = text.split(" and ")
        slashed = [p.strip() for p in text.split("/")]
        if len(slashed) > 1 and all(p[:1].isupper() for p in slashed):
            parts = slashed  # a photo credit: "South Korea Defense Ministry/The Associated Press"
        if len(parts) > 1 and (
            parts is slashed or any(self._country_code(p) or fold(p) in DIRECTIONS for p in parts)
        ):
            # "West and Kyiv": two mentions run together
            keys = [self.resolve_mention(replace(mention, text=p)) for p in parts]
            return next((k for k in keys if k is not None), None)
        if self._always_a_place(text):
            return None  # "the island of Kyushu", "the Noto peninsula", "the Veldhoven-based firm"
        if folded in self.acronyms:
            other = self.acronyms[folded]
            long_form, short = (text, other) if len(text.split()) > 1 else (other, text)
            org = gaz.organizations.get(fold(long_form)) or gaz.organizations.get(fold(short))
            found = (
                self._curated_org(org, text)
                if org is not None
                else self._qualified_org(long_form, replace(mention, text=long_form))
            )
            if found is not None:
                self.drafts[found].add_alias(text)
                self.drafts[found].add_alias(other)
            return found
        return self._qualified_org(text, mention)

    def _always_a_place(self, text: str) -> bool:
        found = self._occurrences(text)
        return bool(found) and all(
            PLACE_BEFORE.search(self.text[max(0, m.start() - 30) : m.start()])
            or PLACE_AFTER.match(self.text[m.end() : m.end() + 30])
            for m in found
        )

    def _with_country_prefix(self, text: str) -> str:
        """Repairs a name extraction cut after its country: "Korea Defence Ministry" in "South Korea
        Defence Ministry", "Trade Office" in "Hong Kong Economic and Trade Office" become the whole."""
        words = text.split()
        if not words or self._leading_country(words)[0]:
            return text
        for match in self._occurrences(text):
            before = self.text[max(0, match.start() - 80) : match.start()]
            if not before[-1:].isspace():
                continue
            taken: list[str] = []
            for word in reversed(before.split()[-6:]):
                bare = word.rsplit("/", 1)[-1].lstrip("([\"“‘'")
                if not (bare[:1].isupper() or bare in NAME_JOINERS) or bare[-1:] in ',.;:()"“”':
                    break
                taken.insert(0, bare)
                if bare != word:
                    break  # an opening bracket, quote or slash starts the name
            for start in range(len(taken)):
                if taken[start] not in NAME_JOINERS and self._leading_country([*taken[start:], *words])[0]:
                    return " ".join([*taken[start:], *words])
        return text

    def _qualifier_in_text(self, text: str) -> str | None:
        """The country the article puts before a bare organisation name ("South Korea's Foreign Ministry")."""
        for match in self._occurrences(text):
            code, _ = self._country_right_before(match.start())
            if code is not None:
                return code
        return None

    def _country_right_before(self, start: int) -> tuple[str | None, str]:
        """The country named by the (up to three) words just before a position, and those words."""
        before = self.text[max(0, start - 60) : start]
        if not before[-1:].isspace():
            return None, ""
        words = before.split()[-3:]
        for size in (3, 2, 1):
            if size <= len(words):
                step, code = self._leading_country([clean(w) for w in words[-size:]])
                if step == size and code is not None:
                    return code, " ".join(words[-size:])
        return None, ""

    def _qualifier(self, text: str) -> tuple[str | None, str, str]:
        """Splits a country qualifier off an organisation's name.

        Returns (ISO code or None, the rest, how the qualifier was written: 'possessive', 'adjective',
        'name' or ''). "South Korea's Foreign Ministry" -> ("KR", "Foreign Ministry", "possessive").
        """
        possessive = POSSESSIVE_SPLIT.match(text)
        if possessive:
            head, rest = possessive.group(1), possessive.group(2)
            code = self._country_code(head)
            if code is not None:
                return code, rest, "possessive"
        words = text.split()
        for size in (3, 2, 1):
            if len(words) <= size:
                continue
            head = " ".join(words[:size])
            folded = fold(head)
            if folded in self.gaz.demonyms and folded not in self.gaz.country_names:
                return self.gaz.demonyms[folded], " ".join(words[size:]), "adjective"
            if folded in self.gaz.country_names:
                return self.gaz.country_names[folded], " ".join(words[size:]), "name"
            if folded in self.gaz.demonyms:
                return self.gaz.demonyms[folded], " ".join(words[size:]), "adjective"
            if folded in self.gaz.capitals and folded not in self.gaz.capital_metonyms:
                return self.gaz.capitals[folded][0], text, ""
        return None, text, ""

    def _qualified_org(self, text: str, mention: Mention) -> str | None:
        """An organisation by its country and the rest of its name: a curated body of that country
        ("South Korea's Foreign Ministry"), one a bare name meets earlier in the article, or a body
        named as written, its country spelt out ("U.S. X" -> "United States X", "Iran's X" ->
        "Iranian X"); None for generic words ("officials", "the military")."""
        gaz = self.gaz
        local = self._local_org(fold(text), self._hint_code(mention) or self._qualifier_in_text(text))
        if local is not None:
            return self._curated_org(local, text)
        nested = POSSESSIVE_SPLIT.match(text)
        parent_iso: str | None = None
        if nested and self._country_code(nested.group(1)) is None:
            # "U.S. Treasury's Office of Foreign Assets Control": the office, in the Treasury's country
            head = nested.group(1)
            if fold(head) in gaz.organizations or self._qualifier(head)[0] is not None:
                parent = self._organization(head, replace(mention, text=head))
                parent_iso = self._iso_of(parent) if parent else None
            text = nested.group(2)
        iso, rest, how = self._qualifier(text)
        iso = iso or parent_iso or self._hint_code(mention) or self._qualifier_in_text(text)
        folded_rest = fold(rest)
        if folded_rest in gaz.organizations and gaz.organizations[folded_rest].country in (None, iso):
            return self._curated_org(gaz.organizations[folded_rest], text)
        if iso is None and folded_rest in self.qualified_orgs:
            key = self.qualified_orgs[folded_rest]
            self.drafts[key].add_alias(text)
            return key
        chosen = self._local_org(folded_rest, iso) or self._acronym_within(rest, iso)
        if chosen is not None:
            key = self._curated_org(chosen, text)
        elif iso is None and (is_generic(rest) or not rest[:1].isupper()):
            return None  # a bare "Foreign Ministry", "officials"
        elif len(rest.split()) == 1 and fold(rest) in DOMAIN_WORDS:
            return None  # "military", "State" (of "Secretary of State")
        elif not rest[:1].isupper() and not is_institution(rest):
            return None  # "intelligence services"
        elif iso is not None and (how == "possessive" or (not how and is_institution(rest))):
            # "South Korea's Supreme Court", "China's commerce ministry": named by their country
            written = text if how else self._written_with_country(rest)
            key = self._generic_org(f"{self._adjective(iso)} {capitalised(rest)}", iso, written)
        elif how == "name" and iso is not None and is_abbreviation(text.split()[0]):
            key = self._generic_org(f"{gaz.countries[iso].name} {rest}", iso, text)
        else:
            key = self._generic_org(text, iso, None)
        if iso is not None:
            self.qualified_orgs.setdefault(folded_rest, key)
        return key

    def _written_with_country(self, rest: str) -> str | None:
        """How the article writes a body with its country ("South Korea's Supreme Court"), if it does."""
        for match in re.finditer(rf"(?<![\w.]){re.escape(rest)}(?!\w)", self.text, re.IGNORECASE):
            code, words = self._country_right_before(match.start())
            if code is not None:
                return f"{words} {match.group(0)}"
        return None

    def _acronym_within(self, name: str, iso: str | None) -> Organization | None:
        """A curated body whose acronym a longer name carries ("Ukraine's SBU security service")."""
        for word in name.split():
            org = self.gaz.organizations.get(fold(word)) if word.isupper() and len(word) >= 3 else None
            if org is not None and org.country in (None, iso):
                return org
        return None

    def _local_org(self, folded: str, iso: str | None) -> Organization | None:
        """The curated organisation a local name ("Foreign Ministry") stands for in this article."""
        local = self.gaz.local_organizations.get(folded, [])
        chosen = [org for org in local if org.country == iso] if iso else []
        if not chosen and iso is None and folded not in self.qualified_orgs:
            chosen = [org for org in local if org.country in self.in_view]
        return chosen[0] if len(chosen) == 1 else None

    def _adjective(self, iso: str) -> str:
        """The word that names a country's bodies: "South Korean", "United States"."""
        country = self.gaz.countries[iso]
        return country.demonym if country.demonym and not is_abbreviation(country.demonym) else country.name

    def _iso_of(self, key: str) -> str | None:
        draft = self.drafts.get(key)
        if draft is None:
            return None
        if draft.iso_code:
            return draft.iso_code
        country = self.drafts.get(draft.country) if draft.country else None
        return country.iso_code if country else None

    # ------------------------------------------------------------------ events

    def _keys(self, mentions: Iterable[Mention], role: str) -> tuple[str, ...]:
        keys: list[str] = []
        for mention in mentions:
            key = self.resolve_mention(mention, role)
            if key is not None and key not in keys:
                keys.append(key)
        return tuple(keys)

    def _event(self, raw: RawEvent) -> Event | None:
        """The event with actor keys for roles, or None when a required role does not resolve."""
        agents = self._keys(raw.agents, "agent")
        destination = self.resolve_mention(raw.destination, "destination") if raw.destination else None
        if destination is not None and self.drafts[destination].type not in (
            ActorType.COUNTRY,
            ActorType.CITY,
        ):
            destination = None
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
