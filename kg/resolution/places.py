"""Countries and places: names, aliases, demonyms, capitals and seats of power; which countries the
article names as actors; cities visited."""

from __future__ import annotations

import re

from kg.gazetteer import fold
from kg.model import (
    Mention,
)
from kg.resolution.base import ArticleBase
from kg.resolution.names import (
    LOCATIVES,
    NAMED_PROCESS,
    PLACE_OF_COUNTRY,
    REGION_OF,
    clean,
    person_tokens,
)


class PlaceRules(ArticleBase):
    """The rules for countries and places (see the module docstring)."""

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
            # "a meeting in Luxembourg", "in southern Lebanon": listed if one of its actors is
            located = (folded in gaz.capitals and self._only_locative(text)) or self._only_a_region_of(text)
            weak = located or self._only_qualifies_persons(text) or self._only_opens_longer_names(text)
            key = self._country(gaz.country_names[folded], text, listed=in_event or not weak)
            self.drafts[key].located |= located and not in_event
            return key
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
            located = not in_event and (self._only_locative(text) or self._only_names_a_process(text))
            key = self._country(iso, text, listed=not located)
            self.drafts[key].located |= located
            return key
        if folded in gaz.context_countries and self._korea_context():
            return self._country(gaz.context_countries[folded], text, listed=True)
        people = self._demonym_code(folded)
        return self._country(people, None, listed=in_event) if people is not None else None

    def _only_locative(self, text: str) -> bool:
        """Whether every occurrence of a place follows 'in', 'at', ... ("a summit in Brussels"); a
        sentence that opens "In Washington, ..." speaks for the government there."""
        found = self._occurrences(text)
        return bool(found) and all(
            (self.text[max(0, m.start() - 30) : m.start()].split() or [""])[-1] in LOCATIVES for m in found
        )

    def _only_names_a_process(self, text: str) -> bool:
        """Whether a capital only ever names a process or an accord ("the so-called Minsk process")."""
        found = self._occurrences(text)
        return bool(found) and all(NAMED_PROCESS.match(self.text, m.end()) for m in found)

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
        if iso is None:
            iso = self._country_of_place_named(text)
        if iso is not None and self.gaz.city(text, iso) is None:
            # "the Indonesian island of Bali": no city of that name there, so the country, not a
            # namesake city elsewhere
            return self._place_around(text) or self._country(iso, None, listed=True)
        city = (self.gaz.city(text, iso) if iso else None) or self.gaz.city(text)
        if city is not None:
            return self._city(city, None)
        return self._place_around(text)

    def _country_of_place_named(self, text: str) -> str | None:
        """The country a kind of place is given in: "the Indonesian island of X", "Peru's province of X"."""
        for match in self._occurrences(text):
            found = PLACE_OF_COUNTRY.search(self.text[max(0, match.start() - 60) : match.start()])
            code = self._country_code(clean(found.group(1))) if found else None
            if code is not None:
                return code
        return None

    def _place_around(self, text: str) -> str | None:
        """The city or country around a building or district visited: "Tokyo's Ginza district", "the
        Great Hall of the People in Beijing"."""
        for match in self._occurrences(text):
            owner = re.search(
                r"([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)(?:'s|’s)\s+(?:the\s+)?$",
                self.text[max(0, match.start() - 60) : match.start()],
            )
            inside = re.match(
                r"\s+in\s+([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)", self.text[match.end() : match.end() + 60]
            )
            for found in (owner, inside):
                place = clean(found.group(1)) if found else ""
                if not place:
                    continue
                folded = fold(place)
                if folded in self.gaz.capitals and folded not in self.gaz.country_names:
                    iso, city_name = self.gaz.capitals[folded]
                    city = self.gaz.city(city_name, iso)
                    if city is not None:
                        return self._city(city, place)
                if folded in self.gaz.country_names:
                    return self._country(self.gaz.country_names[folded], place, listed=True)
        return None
