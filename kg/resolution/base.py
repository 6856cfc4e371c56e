"""What every rule of an article's resolution shares: the actors being built (:class:`Draft`), the
person clusters, and the article-wide views (countries in view, acronyms the text defines, where a
name stands in the text, which words before it name a country)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.gazetteer import City, Gazetteer, Organization, fold
from kg.iris import actor_key
from kg.model import (
    Actor,
    ActorType,
    Extraction,
    Mention,
)
from kg.resolution.names import (
    ACRONYM_DEF,
    PLACE_AFTER,
    PLACE_BEFORE,
    clean,
)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a name stands in the article's text (read like a regex match: ``start()``, ``end()``)."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


@dataclass
class Draft:
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
class Person:
    """A cluster of person mentions that name one person."""

    name: str
    tokens: tuple[str, ...]
    forms: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # ISO codes the mentions write, in order
    hints: list[str] = field(default_factory=list)  # ISO codes extraction saw beside the mentions
    titles: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class PersonForm:
    """A person mention read: the bare name, the country and titles its wrapping gave."""

    name: str | None  # None for "the Russian leader"
    iso: str | None  # the country the mention itself writes ("Russian President ...")
    titles: frozenset[str]
    hint: str | None = None  # the country extraction saw beside the mention


class ArticleBase:
    """The state of one article's resolution and the lookups every kind of rule uses. The rules for
    places, persons, organisations and events are mixins over it, put together by
    :class:`~kg.resolution.article.ArticleResolver`."""

    extraction: Extraction
    gaz: Gazetteer
    known: dict[str, str]  # folded alias -> canonical name of persons resolved before
    text: str  # title and body: where the rules look around a name
    mentions: list[Mention]
    drafts: dict[str, Draft]  # actor key -> the actor being built
    persons: list[Person]
    person_of: dict[str, Person | None]  # person mention text -> its cluster
    person_countries: dict[int, str | None]  # cache of _text_country
    occurrences: dict[str, list[Occurrence]]  # cache of _occurrences
    qualified_orgs: dict[str, str]  # folded bare org name -> key of its qualified form
    in_view: set[str]  # ISO codes of the countries the article mentions
    acronyms: dict[str, str]  # folded acronym <-> long form, as the article defines them
    orgs_named: set[str]  # curated organisations the article names outright
    credits: list[re.Match[str]]  # photo credits: "(Ministry/The Associated Press)"
    org_names: list[str]  # the names of several words the article's organisation mentions have
    main_country: str | None  # cache of _main_country ("" before the first call)
    org_mentions: set[str]  # every organisation name the mentions give

    def resolve_mention(self, mention: Mention, role: str | None = None) -> str | None:
        raise NotImplementedError  # ArticleResolver dispatches a mention to the rules

    def _curated_org(self, org: Organization, alias: str | None) -> str:
        raise NotImplementedError  # OrganizationRules registers a curated body

    def _countries_in_view(self) -> set[str]:
        """The countries the article's mentions (or extraction's hints) name in any form."""
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

    def _occurrences(self, text: str) -> list[Occurrence]:
        """Where a name stands in the article as a whole word (cached per name; str.find, not a regex,
        since a long article asks for hundreds of names)."""
        found = self.occurrences.get(text)
        if found is None:
            found = self.occurrences[text] = []
            at = self.text.find(text) if text else -1
            while at >= 0:
                end = at + len(text)
                before = self.text[at - 1] if at else " "
                after = self.text[end] if end < len(self.text) else " "
                if not (before.isalnum() or before in "_.") and not (after.isalnum() or after == "_"):
                    found.append(Occurrence(at, end))
                at = self.text.find(text, at + 1)
        return found

    def _always_a_place(self, text: str) -> bool:
        """Whether every occurrence of a name is a place's: "the island of Kyushu", "the Ossa region",
        "Brandhalm, in the southern county of Wessel" (inside a hyphenated name does not count)."""
        found = [m for m in self._occurrences(text) if self.text[m.start() - 1 : m.start()] != "-"]
        return bool(found) and all(
            PLACE_BEFORE.search(self.text[max(0, m.start() - 30) : m.start()])
            or PLACE_AFTER.match(self.text[m.end() : m.end() + 60])
            for m in found
        )

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

    def _demonym_code(self, folded: str) -> str | None:
        """The country of an adjective or a plural people ("Russian", "Germans")."""
        demonyms = self.gaz.demonyms
        return demonyms.get(folded) or (demonyms.get(folded[:-1]) if folded.endswith("s") else None)

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

    def _leading_title(self, words: list[str]) -> int | None:
        """How many leading words make a title ("Prime Minister", "Mr"), longest first; None if none."""
        for size in range(min(self.gaz.title_words, len(words)), 0, -1):
            if fold(" ".join(words[:size])) in self.gaz.titles:
                return size
        return None

    def _korea_context(self) -> bool:
        return {"KP", "KR"} <= self.in_view

    def _hint_code(self, mention: Mention) -> str | None:
        """The country extraction saw beside a mention, when the text bears it out: the hint stands
        shortly before or after the mention ("South Korea's Foreign Ministry", "Liesje Schreinemacher,
        the Dutch minister"), or the mention cannot be found to check."""
        hint = clean(mention.country_hint or "")
        code = self._country_code(hint) if hint else None
        if code is None:
            return None
        shared = {org.country for org in self.gaz.local_organizations.get(fold(clean(mention.text)), [])}
        if len(shared) > 1 and code in shared:
            return code  # "the Treasury" of the state the text was last about (extraction's context)
        found = self._occurrences(clean(mention.text))
        apposition = re.compile(rf",\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+){{0,2}}?{re.escape(hint)}\b")
        if found and not any(
            hint in self.text[max(0, m.start() - 50) : m.start()] or apposition.match(self.text, m.end())
            for m in found
        ):
            return None
        return code

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

    def _draft(self, key: str, name: str, kind: ActorType) -> Draft:
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = Draft(key=key, name=name, type=kind)
        return draft

    def _country(self, iso: str, alias: str | None, listed: bool) -> str:
        country = self.gaz.countries[iso]
        key = actor_key(ActorType.COUNTRY, country.name)
        draft = self.drafts.get(key) or Draft(
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
