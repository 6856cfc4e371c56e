"""Persons: titles stripped, short names clustered with full names ("Putin" -> "Vladimir Putin"),
"the Russian leader", and a person's country from the mention, the text around the name, extraction's
hint or a national title."""

from __future__ import annotations

import re

from kg.gazetteer import fold, office_holder_country
from kg.iris import actor_key
from kg.model import (
    ActorType,
    Mention,
)
from kg.resolution.base import ArticleBase, Person, PersonForm
from kg.resolution.names import (
    BIG_CITY,
    CLAUSE_BREAK,
    LEADER_PHRASE,
    LEADER_WORDS,
    NAME_MODIFIERS,
    NICKNAME,
    REGNAL_TITLES,
    SENTENCE_END,
    clean,
    display_person,
    is_part,
    person_tokens,
)


class PersonRules(ArticleBase):
    """The rules for persons: clusters are built once per article, before any mention resolves."""

    def _cluster_persons(self) -> None:
        forms: dict[str, PersonForm] = {}
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
                self.person_of[text] = self._leader_of(form, text)
        for match in LEADER_PHRASE.finditer(self.text):
            # "The Indian leader" in the text, whether or not extraction handed it over
            iso = self._demonym_code(fold(match.group(1)))
            if iso is not None:
                self._leader_of(PersonForm(None, iso, frozenset()), match.group(0))

    def _person_form(self, mention: Mention) -> PersonForm:
        """Strips titles and qualifiers ("former", "Russian", "Estonia's") from a person mention."""
        # "Chi Leung (Peter) Wai": a name others call someone by, in brackets, is no part of the name
        words = NICKNAME.sub(" ", clean(mention.text)).split()
        hint = clean(mention.country_hint or "")
        # a capital before a person's name is where they were ("in Seoul, Kishida"), not their country
        hint_iso = None if fold(hint) in self.gaz.capitals else self._hint_code(mention)
        iso: str | None = None
        titles: set[str] = set()
        last_title: list[str] = []
        while len(words) > 1:
            step = self._leading_title(words)
            if step and step < len(words):
                titles.add(fold(" ".join(words[:step])))
                last_title = words[:step]
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
        while len(words) > 1 and words[-1][:1].islower() and not re.search(r"-[A-Z]", words[-1]):
            words = words[:-1]  # "Alexander J. under": a word of the sentence run into the name
        if len(words) == 1 and fold(" ".join(last_title)) in REGNAL_TITLES:
            words = [*(w[:1].upper() + w[1:] for w in last_title), *words]  # "Pope Francis", "King Charles"
        name = " ".join(words)
        if self._is_person_name(name):
            return PersonForm(name, iso, frozenset(titles), hint_iso)
        return PersonForm(None, iso or hint_iso, frozenset(titles), hint_iso)

    def _is_person_name(self, name: str) -> bool:
        folded = fold(name)
        return (
            name[:1].isupper()
            and not any(c.isdigit() for c in name)
            and folded not in LEADER_WORDS
            and folded not in self.gaz.titles
            and self._country_code(name) is None
            and not (len(name.split()) == 1 and self._always_after_the(name))
            and not (len(name.split()) == 1 and self._always_a_place(name))  # "the province of Veltria"
        )

    def _always_after_the(self, word: str) -> bool:
        """Whether a word only ever follows 'the' ("Citizens of the Reich"): a thing, not a person."""
        found = self._occurrences(word)
        return bool(found) and all(
            self.text[max(0, m.start() - 10) : m.start()].rstrip().lower().endswith(" the") for m in found
        )

    def _join(self, name: str) -> Person | None:
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
        if len(matches) > 1:
            # "Ruto" in an article naming William and Rachel Ruto: the one who holds national office
            matches = [p for p in matches if office_holder_country(p.name)] or matches
        if len(matches) == 1:
            return matches[0]
        if matches:
            return None
        if len(tokens) == 2 and tokens[0] in REGNAL_TITLES:
            # "Prince Mohammed" in an article naming Mohammed bin Salman
            bare = [p for p in self.persons if is_part(tokens[1:], p.tokens)]
            if len(bare) == 1:
                return bare[0]
        canonical = self.known.get(fold(name))
        if canonical is None and len(tokens) == 1 and self._is_big_city(name):
            return None  # "Vladivostok" taken for a person
        if canonical is not None:
            for person in self.persons:
                if person.tokens == person_tokens(canonical):
                    return person
            person = Person(display_person(canonical), person_tokens(canonical))
        else:
            person = Person(display_person(name), tokens)
        self.persons.append(person)
        return person

    def _is_big_city(self, name: str) -> bool:
        city = self.gaz.city(name)
        return city is not None and city.population >= BIG_CITY

    def _person(self, mention: Mention) -> str | None:
        person = self.person_of.get(mention.text)
        return self._person_key(person, self._person_form(mention).name) if person else None

    def _person_key(self, person: Person, alias: str | None) -> str:
        key = actor_key(ActorType.PERSON, person.name)
        draft = self._draft(key, person.name, ActorType.PERSON)
        draft.add_alias(alias)
        if draft.country is None:
            draft.country = self._country_key(self._home(person))
        return key

    def _person_by_surname(self, text: str) -> Person | None:
        """The one person of the article whose name ends (or, family name first, starts) with a single
        word extraction took for an organisation ("Cash", "Modi")."""
        if " " in text or fold(text) in self.gaz.organizations or fold(text) in self.acronyms:
            return None
        tokens = person_tokens(text)
        found = [p for p in self.persons if len(p.tokens) > 1 and tokens[0] in (p.tokens[-1], p.tokens[0])]
        if not found:
            found = [p for p in self.persons if len(p.tokens) > 2 and tokens[0] in p.tokens[1:-1]]
        return found[0] if len(found) == 1 else None

    def _leader_of(self, form: PersonForm, phrase: str = "") -> Person | None:
        """'The Russian leader': the one Russian person with a leader's title, or the one Russian;
        failing both, the leader named last before the phrase whose country is not known otherwise
        ("... Modi addressed Congress. The Indian leader later flew to Cairo")."""
        if form.iso is None:
            return None
        of_country = [p for p in self.persons if self._home(p) == form.iso or form.iso in p.hints]
        leaders = [p for p in of_country if self._is_leader(p)]
        for candidates in (leaders, of_country):
            if len(candidates) == 1:
                return candidates[0]
        if of_country or not phrase:
            return None
        person = self._antecedent(clean(phrase), form.iso)
        if person is not None:
            person.hints.append(form.iso)  # the phrase says whose leader they are
        return person

    def _antecedent(self, phrase: str, iso: str) -> Person | None:
        found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", self.text, re.IGNORECASE)
        if found is None:
            return None
        window = self.text[max(0, found.start() - 400) : found.start()]
        last: tuple[int, Person | None] = (-1, None)
        for person in self.persons:
            if self._home(person) not in (None, iso) or not self._is_leader(person):
                continue
            for form in person.forms:
                at = window.rfind(form)
                if at > last[0]:
                    last = (at, person)
        return last[1]

    def _is_leader(self, person: Person) -> bool:
        """Whether a person holds a leader's title, in a mention or just before their name."""
        if person.titles & self.gaz.leader_titles:
            return True
        for form in person.forms:
            for spot in self._occurrences(form):
                words = self.text[max(0, spot.start() - 30) : spot.start()].split()
                if any(
                    fold(" ".join(words[-n:])) in self.gaz.leader_titles for n in (1, 2) if n <= len(words)
                ):
                    return True
        return False

    def _home(self, person: Person) -> str | None:
        """A person's country: as a mention writes it, else as the text around their name gives it,
        else as extraction saw it beside a mention."""
        if person.countries:
            return person.countries[0]
        return self._text_country(person) or (
            person.hints[0] if person.hints else self._title_country(person)
        )

    def _text_country(self, person: Person) -> str | None:
        """The country the text gives a person: before the name ("Russian President Vladimir Putin",
        "former Portuguese prime minister Antonio Costa", "Estonia's Kaja Kallas") or in an apposition
        after it ("John Kirby, spokesperson of the U.S. National Security Council")."""
        if id(person) in self.person_countries:
            return self.person_countries[id(person)]
        code = self._person_country_in_text(person)
        self.person_countries[id(person)] = code
        return code

    def _person_country_in_text(self, person: Person) -> str | None:
        for form in sorted(person.forms, key=len, reverse=True):
            name = re.escape(form)
            for spot in self._occurrences(form):
                clause = CLAUSE_BREAK.split(self.text[max(0, spot.start() - 80) : spot.start()])[-1]
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

    def _title_country(self, person: Person) -> str | None:
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
