"""Organisations: curated bodies and acronyms, acronyms the article defines, names qualified by a
country ("South Korea's Foreign Ministry"), names extraction cut short or ran together."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.gazetteer import Organization, fold
from kg.iris import actor_key
from kg.model import (
    ActorType,
    Mention,
)
from kg.resolution.base import ArticleBase
from kg.resolution.names import (
    AWARD_AFTER,
    COMPANY_NOUN,
    DIRECTIONS,
    DOMAIN_WORDS,
    GATHERINGS,
    GENERIC_ORG_WORDS,
    GOVERNMENT_HEADS,
    INDEFINITE_BEFORE,
    LED_BY,
    LOWER_WORD_AFTER,
    MODEL_NAME,
    NAME_JOINERS,
    NEWS_HEADS,
    PARENTHESISED,
    POSSESSIVE_SPLIT,
    capitalised,
    clean,
    is_abbreviation,
    is_bare_acronym,
    is_generic,
    is_institution,
)


class OrganizationRules(ArticleBase):
    """The rules for organisations (see the module docstring)."""

    def _organization(self, text: str, mention: Mention) -> str | None:
        """An organisation mention: repaired (cut names completed, "X (ACR)" split, two names run
        together split), then a curated body, an acronym the article defines, or a qualified name."""
        gaz = self.gaz
        text = LED_BY.sub("", text)  # "U.S.-led Artemis Accords"
        if self._only_in_credits(text):
            return None  # "(South Korea Defense Ministry/The Associated Press)": a photo credit
        if fold(text) not in gaz.organizations and fold(text).split()[-1] in GATHERINGS:
            return None  # "the Lisbon Climate Summit": a meeting, not a body that acts
        if fold(text) not in gaz.organizations and self._only_names_a_member(text):
            return None  # "a former Royal Marine": one of its members, not the body
        if (
            fold(text) not in self.acronyms
            and fold(text) not in gaz.organizations
            and is_bare_acronym(text)
            and not self._introduced_as_company(text)
            and not self._listed_with_organisations(text)
        ):
            return None  # "LNG", "SPFS": an acronym neither the tables, the article nor a noun explain
        if MODEL_NAME.match(text) and fold(text) not in gaz.organizations:
            return None  # "Korsak-7", "FLU-21": a model or a disease
        company = self._company_named_by_word(text) or self._longer_name_of(text)
        if company is not None:
            return company
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
        spots = self._occurrences(text)
        if spots and all(AWARD_AFTER.match(self.text, m.end()) for m in spots):
            return None  # "the Order of Merit, the country's highest award": an award, not a body
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

    def _qualified_org(self, text: str, mention: Mention) -> str | None:
        """An organisation by its country and the rest of its name: a curated body of that country
        ("South Korea's Foreign Ministry"), one a bare name meets earlier in the article, or a body
        named as written, its country spelt out ("U.S. X" -> "United States X", "Iran's X" ->
        "Iranian X"); None for generic words ("officials", "the military")."""
        gaz = self.gaz
        local = self._local_org(fold(text), self._hint_code(mention) or self._qualifier_in_text(text), text)
        if local is not None:
            return self._curated_org(local, text)
        nested = POSSESSIVE_SPLIT.match(text)
        if (
            nested
            and fold(nested.group(2)) in GENERIC_ORG_WORDS
            and all(w[:1].isupper() for w in text.split())
        ):
            nested = (
                None  # "Lyon Public Prosecutor's Office", "People's Party": the possessive is in the name
            )
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
        chosen = self._local_org(folded_rest, iso, rest) or self._acronym_within(rest, iso)
        if chosen is not None:
            key = self._curated_org(chosen, text)
        elif (
            iso is None
            and rest[:1].isupper()
            and len(rest.split()) > 1
            and is_institution(rest)
            and fold(rest).split()[-1] in GOVERNMENT_HEADS
            and self._main_country()
        ):
            # "The Foreign Office summoned ...": a capitalised ministry with no country is the one of
            # the country the article is about
            main = self._main_country()
            assert main is not None
            key = self._generic_org(f"{self._adjective(main)} {rest}", main, rest)
        elif iso is None and (is_generic(rest) or not rest[:1].isupper()):
            return None  # a bare "foreign ministry", "officials"
        elif len(rest.split()) == 1 and fold(rest) in DOMAIN_WORDS:
            return None  # "military", "State" (of "Secretary of State")
        elif not rest[:1].isupper() and not is_institution(rest):
            return None  # "intelligence services"
        elif iso is not None and (how == "possessive" or (not how and is_institution(rest))):
            # "South Korea's Supreme Court", "China's commerce ministry": named by their country
            written = text if how else self._written_with_country(rest)
            key = self._generic_org(f"{self._adjective(iso)} {capitalised(rest)}", iso, written)
            if how == "possessive" and is_institution(rest):
                self.drafts[key].add_alias(rest)  # "trade ministry" of "Peru's trade ministry"
        elif (
            how == "name"
            and iso is not None
            and is_abbreviation(text.split()[0])
            and "&" not in rest
            and fold(rest.split()[-1]) not in NEWS_HEADS
        ):  # "U.S. Army" -> "United States Army"; never "U.S. Week & World Digest"
            key = self._generic_org(f"{gaz.countries[iso].name} {rest}", iso, text)
        else:
            key = self._generic_org(text, iso, None)
        if iso is not None:
            self.qualified_orgs.setdefault(folded_rest, key)
        return key

    def _introduced_as_company(self, text: str) -> bool:
        """Whether the article introduces a name with a company noun ("state broadcaster NBVX")."""
        return any(
            COMPANY_NOUN.search(self.text[max(0, m.start() - 20) : m.start()])
            for m in self._occurrences(text)
        )

    def _listed_with_organisations(self, text: str) -> bool:
        """Whether the article lists a name beside other organisations ("the heads of Alpha Corp, KLTX
        and the shipping group Beta")."""
        names = [n for n in self.org_mentions if n != text]
        for match in self._occurrences(text):
            before = self.text[max(0, match.start() - 60) : match.start()]
            after = self.text[match.end() : match.end() + 60]
            if any(before.endswith(f"{n}, ") for n in names):
                return True
            follower = re.match(
                r"(?:,\s+|,?\s+and\s+(?:[a-z]+\s+){0,3})", after
            )  # ", B" / " and the group B"
            if follower and any(after[follower.end() :].startswith(n) for n in names):
                return True
        return False

    def _company_named_by_word(self, word: str) -> str | None:
        """The one longer organisation name of the article a single word belongs to ("Nordlys" for
        Nordlys Pharma, "Vantor" for Qingdao Vantor Rotor Engine Co., "Journal" for The Harbour
        Journal), resolved; None for a word that names a country, a generic word, or no such name."""
        folded = fold(word)
        if " " in word or not word[:1].isupper() or folded in GENERIC_ORG_WORDS or folded in self.gaz.titles:
            return None
        if folded in self.gaz.organizations or folded in self.acronyms or self._country_code(word):
            return None
        if any(folded in person.tokens for person in self.persons if len(person.tokens) > 1):
            return None  # a surname
        owners = set()
        for name in self.org_names:
            words = fold(name).split()
            if folded in words[:-1] or (words[-1] == folded and folded in NEWS_HEADS):
                owners.add(name)
        if len(owners) != 1:
            return None
        name = owners.pop()
        key = self.resolve_mention(Mention(name, "ORG"))
        if key is not None:
            self.drafts[key].add_alias(word)
        return key

    def _longer_name_of(self, text: str) -> str | None:
        """The longer organisation name a cut name only ever stands in ("Peruvian Mining Company" in
        "National Peruvian Mining Company"), resolved."""
        if fold(text) in self.gaz.organizations:
            return None
        longer = [
            n for n in self.org_names if n != text and (n.endswith(f" {text}") or n.startswith(f"{text} "))
        ]
        if len(longer) != 1 or len(self._occurrences(text)) != len(self._occurrences(longer[0])):
            return None
        return self.resolve_mention(Mention(longer[0], "ORG"))

    def _main_country(self) -> str | None:
        """The country the article is about: the first one its title names ("Ruritania arrests ...")."""
        if self.main_country == "":
            title = self.extraction.article.title
            self.main_country = None
            for match in re.finditer(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?", title):
                for candidate in (match.group(0), match.group(0).split()[0]):
                    code = self._country_code(clean(candidate))
                    if code is not None and fold(clean(candidate)) not in self.gaz.demonyms:
                        self.main_country = code
                        break
                if self.main_country:
                    break
        return self.main_country

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
        if fold(name.split()[-1]) in NEWS_HEADS and f"The {name}" in self.text:
            alias, name = alias or name, f"The {name}"  # "The Harbour Journal": 'The' is in its name
        draft = self._draft(key, name, ActorType.ORGANIZATION)
        if draft.country is None:
            draft.country = self._country_key(iso)
        draft.add_alias(alias)
        return key

    def _curated_orgs_in_text(self) -> None:
        """Curated organisations and countries' ministries the text names that extraction missed
        ("Citizens of the Reich", "the Chinese foreign ministry", "Taiwan's defence ministry")."""
        for pattern in (self.gaz.organization_pattern, self.gaz.qualified_organization_pattern):
            for match in pattern.finditer(self.text):
                org = self.gaz.organizations.get(fold(match.group(0)))
                if org is not None and not self._in_credit(match.start(), match.end()):
                    self._curated_org(org, match.group(0))
        for match in self.gaz.ministry_pattern.finditer(self.text):
            owner = match.group("owner") or match.group("adjective")
            if self._country_code(owner) is not None:
                self._organization(clean(match.group(0)), Mention(clean(match.group(0)), "ORG"))

    def _add_defined_acronyms(self) -> None:
        """An organisation whose name the article spells out with an acronym ("Economic Community of
        West African States (ECOWAS)") has that acronym among its aliases, and the other way round."""
        for draft in self.drafts.values():
            if draft.type is ActorType.ORGANIZATION:
                for form in (draft.name, *draft.aliases):
                    draft.add_alias(self.acronyms.get(fold(form)))

    def _is_qualified_org(self, mention: Mention) -> bool:
        if mention.label.upper() != "ORG":
            return False
        return mention.country_hint is not None or self._qualifier(clean(mention.text))[0] is not None

    def _only_in_credits(self, text: str) -> bool:
        """Whether a name only stands in photo credits: a bracket of names joined by a slash."""
        found = self._occurrences(text)
        return bool(found) and all(self._in_credit(m.start(), m.end()) for m in found)

    def _only_names_a_member(self, text: str) -> bool:
        """Whether a name only follows "a" or "an" as a whole phrase ("a former Royal Marine who"), never
        as a modifier ("a Gazprom subsidiary") nor on its own."""
        found = self._occurrences(text)
        return bool(found) and all(
            INDEFINITE_BEFORE.search(self.text[max(0, m.start() - 30) : m.start()]) is not None
            and not LOWER_WORD_AFTER.match(self.text, m.end())
            for m in found
        )

    def _in_credit(self, start: int, end: int) -> bool:
        return any(credit.start() <= start and end <= credit.end() for credit in self.credits)

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
            before = before[before.rfind("\n") + 1 :]  # a heading on the line above is no part of the name
            taken: list[str] = []
            for word in reversed(before.split()[-6:]):
                bare = word.rsplit("/", 1)[-1].lstrip("([\"“‘'")
                stop = ',;:()"“”' if is_abbreviation(bare) else ',.;:()"“”'
                if not (bare[:1].isupper() or bare in NAME_JOINERS) or bare[-1:] in stop:
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

    def _local_org(self, folded: str, iso: str | None, written: str) -> Organization | None:
        """The curated organisation a local name ("Foreign Ministry") stands for in this article; a
        name written in lower case with no country ("a former defence ministry official") is only
        guessed from the countries in view when ... never: it may be any country's."""
        local = self.gaz.local_organizations.get(folded, [])
        chosen = [org for org in local if org.country == iso] if iso else []
        if not chosen and iso is None and folded not in self.qualified_orgs and written[:1].isupper():
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
