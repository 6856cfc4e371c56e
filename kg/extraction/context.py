"""What one article's parse tells about its actors: mentions, country hints, pronouns, dates.

:class:`ArticleContext` is built once per article; the event readers ask it who a token stands for
(``actors_of``), where it points (``place_of``) and who said it (``reporters``); its ``timeline``
(:mod:`kg.extraction.timeline`) says when.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from kg.extraction.lexicon import words
from kg.extraction.places import (
    IRREGULAR_DEMONYMS,
    country_code,
    country_name,
    is_capital,
    is_city,
    is_country_name,
)
from kg.extraction.timeline import Timeline
from kg.gazetteer import fold, get_gazetteer, office_holder_country
from kg.model import Article, Mention
from kg.nlp import PERSON_NOUNS

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
STATE_LABELS = frozenset({"GPE", "NORP"})
IGNORED_NAMES = words("ignored_names")

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
OBJECT_PRONOUNS = frozenset({"him", "her", "it", "them"})
ACCUSED_BY_VERBS = frozenset(
    {"accuse", "charge", "convict", "sentence", "arrest", "detain", "jail", "indict"}
)
GROUP_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
TITLE_NOUNS = words("title_nouns")
GOVERNMENT_NOUNS = words("government_nouns")
ARABIC_ARTICLE = re.compile(r"^(?i:al|el|as|ash|ad|an|ar|at|az)-(?=[A-Z])")
GROUP_NOUNS = {  # definite descriptions that name the last organisation or country in view
    "bloc": "ORG", "alliance": "ORG", "union": "ORG", "organisation": "ORG", "organization": "ORG",
    "group": "ORG", "company": "ORG", "firm": "ORG", "country": "GPE", "nation": "GPE",
}  # fmt: skip
# one company described by its trade ("the telecommunications equipment maker", "the Chinese telecoms
# giant", "the airline"): the last organisation named; not a plural ("the same two producers")
COMPANY_DESCRIPTIONS = frozenset(
    {"maker", "giant", "manufacturer", "producer", "lender", "miner", "carrier", "airline", "conglomerate",
     "exporter"}
)  # fmt: skip
# "the department", "the ministry": a body whose name has that word, named before
NAMED_BODY_HEADS = frozenset({"department", "ministry", "agency", "commission", "office"})
SEATS_OF_POWER = words("seats_of_power")
MEMBER_NOUNS = words("member_nouns")
PLACE_NOUNS = words("place_nouns")
TITLE_WIDTH = 4  # words of a title before a name ("Chancellor of the Exchequer")
# gatherings named after their city: "the Munich Security Conference"
GATHERING_WORDS = frozenset(
    {"conference", "summit", "forum", "dialogue", "games", "talks", "meeting", "olympics"}
)
SHARED_BODY_REACH = 4  # sentences back to look for whose "Treasury" an article means
ANAPHORIC_PLACES = frozenset({"country", "nation", "kingdom", "republic"})
ANAPHORIC_TOWNS = frozenset({"city", "town"})
TRANSPORT_HUBS = frozenset({"airport", "airbase", "airfield", "station", "terminal"})
CONTROL_VERBS = words("control_verbs")
SAY_VERBS = words("say_verbs")
NAMING_VERBS = words("naming_verbs")
GENERIC_MODIFIERS = words("generic_modifiers")
ANAPHORA_WINDOW = 4  # sentences back to look for a pronoun's antecedent
HEAD_TITLES = frozenset(
    {"leader", "chief", "head", "commander", "boss", "chairman"}
)  # "RSF chief" = "RSF leader"
LOCALITY_NOUNS = frozenset({"exclave", "enclave", "island", "port", "town", "village", "resort", "oblast"})
PEOPLE_NOUNS = frozenset({"man", "woman", "men", "women"})
TITLE_FORMS = {"premier": ("premier", "prime minister")}  # "the premier" is the one titled Prime Minister
OWNED_BODY_NOUNS = frozenset(
    {"group", "militia", "movement", "organisation", "organization", "network", "company", "firm"}
)
DESCRIBED_REACH = 3  # sentences back that "the private" looks for "X, an army private"
SUSPECT_NOUNS = frozenset({"suspect", "defendant", "accused"})
DESCRIPTION_REACH = 250  # tokens back that "the balloon" looks for "a Chinese balloon"
HINT_REACH = 8  # tokens around a mention searched for its country


class ArticleContext:
    """Entities, pronoun antecedents and dates of one parsed article."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.article = article
        self.published = article.published
        self.sentences = list(doc.sents)
        self._sent_of = [0] * len(doc)  # token index -> sentence number (token.sent is slow)
        for number, sent in enumerate(self.sentences):
            self._sent_of[sent.start : sent.end] = [number] * len(sent)
        self.ents: list[Span] = list(doc.ents)
        self._nouns: dict[str, list[int]] = {}  # lemma -> indices of common nouns, for descriptions
        for token in doc:
            if token.pos_ == "NOUN":
                self._nouns.setdefault(token.lemma_, []).append(token.i)
        self.entity_at: dict[int, Span] = {}
        self._mentions: dict[tuple[int, int], Mention] = {}
        for ent in self.ents:
            if ent.label_ in ACTOR_LABELS and _clean(ent.text).lower() not in IGNORED_NAMES:
                for i in range(ent.start, ent.end):
                    self.entity_at[i] = ent
        self.extra: dict[tuple[int, int], Mention] = {}
        self.affiliations: set[Mention] = set()  # bodies named only as someone's employer or nation
        self._hints = self._collect_hints()
        self._subjects: list[tuple[int, int, Mention]] = []  # subject index, its verb's index, actor
        for token in doc:
            if token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            found = self.actors_of(token, follow_conj=False)
            if not found and token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children):
                # "The minister began his tour in Honiara, where he met ...": he is the minister
                found = [titled] if (titled := self.person_by_title(token)) else []
            if found:
                self._subjects.append((token.i, token.head.i, found[0]))
        self.timeline = Timeline(self.ents, article.published)
        self.memory: dict[str, object] = {}  # what readers remember across sentences

    # ---------------------------------------------------------------- mentions

    def mention(self, span: Span) -> Mention:
        """The Mention of an entity span: cleaned text, label, country hint."""
        key = (span.start, span.end)
        if key not in self._mentions:
            self._mentions[key] = self._make_mention(span)
        return self._mentions[key]

    def _make_mention(self, span: Span) -> Mention:
        text = _clean(span.text)
        hint = self._hint_for(span)
        if span.label_ == "PERSON" and hint is None:
            hint = self._hints.get(text) or self._hints.get(text.split()[-1]) or _title_country(span)
        if span.label_ == "ORG" and hint is None:  # "Russian Defence Ministry", "Central Bank of Russia"
            hint = next((t.text for t in span if t.is_title and _names_a_country(t.text)), None)
        if span.label_ == "ORG" and hint is None:
            hint = self._shared_body_hint(span, text)
        return Mention(text, span.label_, hint)

    def _shared_body_hint(self, span: Span, text: str) -> str | None:
        """A body several states have under one name ("the Treasury", American and British): the
        state of the one the text was last about, from a country, a person or a body of one of those
        states named in the sentences just before."""
        bodies = get_gazetteer().local_organizations.get(fold(text), [])
        codes = {org.country for org in bodies if org.country}
        if len(codes) < 2:
            return None
        first = self.sentences[max(0, self._sent_no(span.root) - SHARED_BODY_REACH)].start
        for i in range(span.start - 1, first - 1, -1):
            ent = self.entity_at.get(i)
            if ent is None or ent.end - 1 != i:
                continue
            name = _clean(ent.text)
            if ent.label_ in STATE_LABELS:
                code = country_code(name)
            elif ent.label_ == "PERSON":
                hint = (
                    self._hints.get(name) or self._hints.get(name.split()[-1]) or office_holder_country(name)
                )
                code = country_code(hint) if hint else None
            else:
                known = get_gazetteer().organizations.get(fold(name))
                code = known.country if known is not None else None
            if code in codes:
                return country_name(code)
        return None

    def mentions(self) -> tuple[Mention, ...]:
        """Every actor mention in the article, in text order (role-only mentions included)."""
        seen: dict[tuple[str, str], Mention] = {}
        for ent in self.ents:
            if ent.start not in self.entity_at:
                continue
            if ent.label_ == "NORP" and not _is_actor_norp(ent):
                continue
            found = self.mention(ent)
            key = (found.text, found.label)
            if key not in seen or (seen[key].country_hint is None and found.country_hint):
                seen[key] = found
        for extra in self.extra.values():
            seen.setdefault((extra.text, extra.label), extra)
        return tuple(seen.values())

    def sentence_ents(self, sent: Span) -> list[Span]:
        """The entities of a sentence (all labels)."""
        return [e for e in self.ents if sent.start <= e.start < sent.end]

    def entity(self, token: Token) -> Span | None:
        return self.entity_at.get(token.i)

    def actors_of(self, token: Token, *, follow_conj: bool = True) -> list[Mention]:
        """Who a noun phrase headed by ``token`` stands for (coordinated heads included)."""
        heads = conjuncts(token) if follow_conj else [token]
        found: list[Mention] = []
        for head in heads:
            for item in self._actor(head):
                if item not in found:
                    found.append(item)
        return found

    def _actor(self, token: Token, depth: int = 0) -> list[Mention]:
        if depth > 3:
            return []
        ent = self.entity(token)
        if ent is not None and ent.label_ == "NORP" and token.tag_ == "NNPS":
            # "two Canadians, Michael Kovrig and Michael Spavor": the people the nationals are named as
            listed = token.i + 1 < len(self.doc) and self.doc[token.i + 1].text == ","
            people = [
                m
                for c in token.children
                if c.dep_ == "appos" or (c.dep_ == "conj" and listed)
                for m in self.actors_of(c)
            ]
            if people and all(m.label == "PERSON" for m in people):
                return people
        if ent is not None:
            return [self.mention(ent)]
        if token.ent_type_ and token.ent_type_ not in ACTOR_LABELS and token.dep_ != "appos":
            if token.ent_type_ == "CARDINAL":  # "one of them, Thomas R.", "dozens of Belarusian officials"
                titled = [m for c in token.children if c.dep_ == "appos" for m in self._actor(c, depth + 1)]
                return titled or [m for p in prep_objects_of(token, "of") for m in self._actor(p, depth + 1)]
            return []  # "on Thursday", "50 names": dates and numbers are nobody
        lower = token.lower_
        if lower == "both" and token.dep_ in ("dobj", "pobj") and not list(token.children):
            return self._both(token)
        if token.pos_ == "PRON" or lower in PERSON_PRONOUNS | THING_PRONOUNS:
            if (
                lower in RELATIVE_PRONOUNS
                and token.head.dep_ in ("relcl", "acl")
                and token.head.head != token
            ):
                antecedent = token.head.head
                while (
                    lower in ("who", "whom")
                    and antecedent.dep_ == "pobj"
                    and antecedent.head.lower_ == "with"
                    and self.entity(antecedent) is None
                ):
                    antecedent = antecedent.head.head  # "a journalist with Spanish citizenship, who was ..."
                named = self.entity(antecedent.head) if antecedent.dep_ == "appos" else None
                if named is not None and named.label_ == "PERSON":
                    return [self.mention(named)]  # "Paul Whelan, a former Marine who was arrested"
                among = (
                    antecedent.head
                    if antecedent.dep_ == "pobj" and antecedent.head.lower_ == "among"
                    else None
                )
                if among is not None and among.head.lemma_ == "be":  # "X and Y were among the leaders who"
                    members = [c for c in among.head.children if c.dep_ == "nsubj"]
                    if members and (found := self.actors_of(members[0])):
                        return found
                return self._actor(antecedent, depth + 1)
            return self.antecedent(token)
        if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self._actor(token.head.head, depth + 1)
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "appos":
            quantity = token.head.head  # "Khuzestan Steel, one of Iran's biggest steelmakers, which ..."
            if quantity.pos_ in ("NUM", "PRON") and self.entity(quantity.head) is not None:
                return self._actor(quantity, depth + 1)
        if token.dep_ == "appos" and (head_ent := self.entity(token.head)) is not None:
            return [self.mention(head_ent)]  # "Khuzestan Steel, one of Iran's biggest steelmakers"
        for acl in (c for c in token.children if c.dep_ == "acl" and c.lemma_ in NAMING_VERBS):
            for name in (p for prep in acl.children if prep.lower_ == "as" for p in prep.children):
                if (ent := self.entity(name)) is not None:
                    return [self.mention(ent)]  # "a citizen identified only as Jian G."
        left = token.left_edge
        named = self.entity_at.get(left.i - 2) if left.i >= 2 and self.doc[left.i - 1].text == "," else None
        if (
            named is not None
            and named.end == left.i - 1
            and named.label_ == "ORG"
            and left.lower_ in ("the", "a", "an")
            and token.lemma_ in GROUP_NOUNS
        ):
            return [self.mention(named)]  # "Hezbollah, the Lebanese group that ...", parsed apart
        # an appositive the parser hangs on a subject from beyond its verb is another phrase's ("the bloc
        # imposed sanctions on X, the company behind the drones")
        appositives = [c for c in token.children if c.dep_ == "appos" and not token.i < token.head.i < c.i]
        for appos in appositives:
            found = [m for a in conjuncts(appos) for m in self._actor(a, depth + 1)]
            if found:
                return found
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod")]
        # "current and former Thai officials": the parser may hang the demonym from the first adjective
        modifiers += [c for m in modifiers if m.dep_ == "amod" for c in m.children if c.dep_ == "conj"]
        by_label: dict[str, Mention] = {}
        for child in modifiers:
            ent = self.entity(child)
            if ent is not None and not ent.start <= token.i < ent.end:
                by_label.setdefault(ent.label_, self.mention(ent))
            elif child.dep_ == "poss" and child.pos_ == "PRON" and token.lemma_ in GOVERNMENT_NOUNS:
                for m in self.antecedent(child):  # "its intelligence services"
                    by_label.setdefault(m.label, m)
            elif child.dep_ == "poss" and child.pos_ == "NOUN" and child.lemma_ in GROUP_NOUNS:
                for m in self._actor(child, depth + 1):  # "the bloc's foreign ministers"
                    by_label.setdefault(m.label, m)
        if token.tag_ == "NNS" and (pair := self._the_two(token)):
            return pair  # "the two leaders met in Anchorage": the two people just named
        if token.lemma_ in TITLE_NOUNS and token.tag_ not in ("NNS", "NNPS"):  # plural: the state's people
            if "PERSON" in by_label:
                return [by_label["PERSON"]]
            state = by_label.get("NORP") or by_label.get("GPE")
            person = self.person_with_hint(state, token) if state and _definite_title(token) else None
            if person is None and not state and "ORG" in by_label and _definite_title(token):
                person = self.person_of_body(by_label["ORG"], token)  # "the RSF leader"
            return [person] if person else []
        if token.lemma_ in GOVERNMENT_NOUNS and set(by_label) == {"PERSON"}:
            leader = by_label["PERSON"]  # "the Biden administration": the leader's country, when known
            if leader.country_hint:
                return [
                    Mention(leader.country_hint, "GPE" if is_country_name(leader.country_hint) else "NORP")
                ]
        if token.lemma_ in OWNED_BODY_NOUNS and set(by_label) == {"PERSON"}:
            return []  # "Al-Sharaa's group", "his company": a body the text does not name, not its head
        for label in ("ORG", "PERSON", "GPE", "NORP"):
            if label in by_label:
                if token.lemma_ in MEMBER_NOUNS and label != "PERSON":
                    self.affiliations.add(by_label[label])  # "a Bundeswehr officer" is not the Bundeswehr
                return [by_label[label]]
        if token.pos_ == "PROPN" and token.is_title and token.lower_ not in TITLE_NOUNS | GOVERNMENT_NOUNS:
            return [self._proper_chunk(token)]
        if token.lemma_ in GROUP_NOUNS and any(c.lower_ == "the" for c in token.children):
            previous = self.previous_entity(token, GROUP_NOUNS[token.lemma_])
            return [previous] if previous else []
        nominal = token.tag_ == "NN" or (token.tag_ == "JJ" and token.dep_ in ("nsubj", "nsubjpass", "dobj"))
        if (
            token.lemma_ in PERSON_NOUNS | SUSPECT_NOUNS
            and nominal
            and [c.lower_ for c in token.children] == ["the"]
        ):
            person = self._described_person(token)  # "the private", "the woman": whom the text so described
            return [person] if person else []
        if (
            token.lemma_ in COMPANY_DESCRIPTIONS
            and token.tag_ == "NN"
            and any(c.lower_ == "the" for c in token.children)
        ):
            previous = self.previous_entity(token, "ORG")
            return [previous] if previous else []
        if token.lemma_ in NAMED_BODY_HEADS and [c.lower_ for c in token.children] == ["the"]:
            body = self._body_named_before(token)  # "the Treasury Department ... the department"
            return [body] if body else []
        # ("the administration" is left alone: news mostly means a U.S. president's, whatever state is named)
        if token.lemma_ == "government" and [c.lower_ for c in token.children] == ["the"]:
            # "Britain expelled a diplomat. In September, the government sanctioned ...": the state in view
            state = self._state_subject_before(token)
            return [state] if state else []
        if token.lemma_ in GOVERNMENT_NOUNS:
            where = [p for p in prep_objects_of(token, "in") if (e := self.entity(p)) and e.label_ == "GPE"]
            if where:  # "a court in Rotterdam", "police in Estonia"
                return [self.mention(self.entity_at[where[0].i])]
            place = self.locative(token)
            if place is not None:
                return [place]
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and token.pos_ == "NOUN":
                found = [m for p in child.children if p.dep_ == "pobj" for m in self._actor(p, depth + 1)]
                if found:
                    return found
        if token.dep_ == "attr" and token.head.lemma_ in ("be", "become", "remain"):
            for subject in (c for c in token.head.children if c.dep_ == "nsubj"):
                return self._actor(subject, depth + 1)  # "Seoul became the first government to ..."
        determiners = [c.lower_ for c in token.children if c.dep_ == "det"]
        definite = any(d in ("the", "that", "this") for d in determiners) or (
            not determiners and token.tag_ == "NN"
        )
        if definite and token.pos_ == "NOUN":  # "the balloon", "that balloon" -> "a Chinese balloon"
            return self.earlier_description(token)
        return []

    def _proper_chunk(self, token: Token) -> Mention:
        """A proper-noun phrase the NER left unlabelled ("Lockheed Martin"): an organisation."""
        parts = [t for t in token.subtree if t.pos_ in ("PROPN", "CCONJ", "PART") or t == token]
        parts = [t for t in parts if abs(t.i - token.i) <= 4]
        start, end = min(t.i for t in parts), max(t.i for t in parts) + 1
        while start < end and self.doc[start].pos_ != "PROPN":
            start += 1
        while end > start and self.doc[end - 1].pos_ != "PROPN":
            end -= 1
        span = self.doc[start:end]
        found = Mention(_clean(span.text), "ORG", self._hint_for(span))
        self.extra.setdefault((start, end), found)
        return found

    def _the_two(self, token: Token) -> list[Mention]:
        """ "the two leaders", "the two men", "both presidents": the last two people named before, in this
        sentence or the one before, when the phrase says nothing else of them."""
        children = [c.lower_ for c in token.children]
        if children not in (["the", "two"], ["both"]) or token.lemma_ not in TITLE_NOUNS | PEOPLE_NOUNS:
            return []
        start = self.sentences[max(0, self._sent_no(token) - 1)].start
        people: list[Mention] = []
        for i in range(token.i - 1, start - 1, -1):
            ent = self.entity_at.get(i)
            if ent is not None and ent.label_ == "PERSON" and ent.start == i:
                found = self.mention(ent)
                surnames = {p.text.split()[-1] for p in people}
                if found.text.split()[-1] not in surnames:
                    people.append(found)
            if len(people) == 2:
                return people[::-1]
        return []

    def _both(self, token: Token) -> list[Mention]:
        """ "blacklisted both": the last two people or bodies the sentence before named."""
        number = self._sent_no(token)
        if number == 0:
            return []
        before = self.sentences[number - 1]
        found: list[Mention] = []
        for i in range(before.end - 1, before.start - 1, -1):
            ent = self.entity_at.get(i)
            if ent is None or ent.start != i or ent.label_ not in ("PERSON", "ORG"):
                continue
            if (mention := self.mention(ent)) not in found:
                found.append(mention)
            if len(found) == 2:
                return found[::-1]
        return []

    def listed_name(self, token: Token) -> Mention | None:
        """An item of a list of names ("X, Shield AI and Z"): its entity, or its proper-noun words as an
        organisation whatever label the NER gave them."""
        ent = self.entity(token)
        if ent is not None and ent.label_ in ("ORG", "PERSON"):
            return self.mention(ent)
        if token.pos_ != "PROPN":
            return None
        start = min([token.i, *(c.i for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN")])
        span = self.doc[start : token.i + 1]
        found = Mention(_clean(span.text), "ORG", None)
        self.extra.setdefault((span.start, span.end), found)
        return found

    def institution(self, token: Token) -> Mention | None:
        """A government body named by description ("federal prosecutors", "Germany's security service")."""
        if token.lemma_ not in GOVERNMENT_NOUNS or token.pos_ != "NOUN":
            return None
        left = [t for t in token.subtree if t.i <= token.i and t.dep_ != "det" and t.i >= token.left_edge.i]
        if not left:
            return None
        span = self.doc[left[0].i : token.i + 1]
        owner: str | None = None
        if span[0].dep_ == "poss" and span[0].pos_ == "PRON":  # "its foreign ministry": whose
            owner = next((m.text for m in self.antecedent(span[0])), None)
            span = span[1:]
        if span[0].lower_ == "the":
            span = span[1:]
        if len(span) < 2 and owner is None:
            return None  # "the government" alone names nobody in particular
        hint = owner or self._hint_for(span) or self._inner_hint(span)
        found = Mention(_clean(span.text), "ORG", hint)
        self.extra.setdefault((span.start, span.end), found)
        return found

    def place_of(self, token: Token) -> list[Mention]:
        """Places a noun phrase names: a GPE/LOC/FAC, or "the Russian capital", "Moscow's airport"."""
        found: list[Mention] = []
        for head in conjuncts(token):
            ent = self.entity(head)
            if ent is not None:
                text = _clean(ent.text)
                if ent.label_ == "FAC" and (around := self._town_of_building(ent)):
                    found.extend(around)  # "the Casa Rosada in Buenos Aires": the town is the place
                elif ent.label_ in ("FAC", "LOC") and (town := _town_in_name(ent)) is not None:
                    found.append(town)  # "Kuala Lumpur International Airport": the town it serves
                elif ent.label_ in PLACE_LABELS or (ent.label_ == "ORG" and text.lower() in SEATS_OF_POWER):
                    found.append(self.mention(ent))
                elif len(ent) <= 3 and ent.label_ in ("PERSON", "ORG") and is_city(text):
                    found.append(Mention(text, "GPE"))  # "to Vladivostok", "St Petersburg", mislabelled
                continue
            if head.lemma_ in PLACE_NOUNS | LOCALITY_NOUNS and (called := self._place_of_name(head)):
                found.extend(called)  # "the Saudi city of Jeddah": the name, not the demonym
                continue
            if head.lower_ in GATHERING_WORDS and head.pos_ == "PROPN":
                # "the Munich Security Conference", with only "Munich" tagged: the city it is named after
                towns = [
                    self.mention(e)
                    for t in head.subtree
                    if t.i < head.i
                    and (e := self.entity(t)) is not None
                    and e.label_ == "GPE"
                    and is_city(e.text)
                ]
                if towns:
                    found.extend(towns[:1])
                    continue
            modifiers = [c for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
            places = [self.entity(c) for c in modifiers]
            gpe = [
                e
                for e in places
                if e is not None
                and (
                    e.label_ in PLACE_LABELS or _clean(e.text).lower() in SEATS_OF_POWER
                )  # "the Elysee Palace"
            ]
            norp = [e for e in places if e is not None and e.label_ == "NORP"]
            if gpe:
                found.append(self.mention(gpe[0]))
            elif norp and head.lemma_ in PLACE_NOUNS:
                found.append(self.mention(norp[0]))
            elif head.lemma_ in PLACE_NOUNS and (named := _demonym_country(modifiers)) is not None:
                found.append(named)  # "the Kazakh capital" with "Kazakh" mistagged
            elif head.pos_ == "PRON" and head.lower_ in ("there",):
                continue
            elif head.lemma_ in ANAPHORIC_PLACES and [c.lower_ for c in head.children] == ["the"]:
                found.extend(self._country_named_before(head))  # "when he arrived in the country"
            elif head.lemma_ in ANAPHORIC_TOWNS and [c.lower_ for c in head.children] == ["the"]:
                found.extend(self._town_named_before(head))  # "flew into Samarkand ... arrived in the city"
            else:
                for child in head.children:  # "a hospital in Kyiv", "the grounds of the Kremlin"
                    if child.dep_ == "prep" and child.lower_ == "including" and head.lemma_ in PLACE_NOUNS:
                        # "other countries in the region, including Saudi Arabia and Qatar"
                        found.extend(m for p in child.children if p.dep_ == "pobj" for m in self.place_of(p))
                    if child.dep_ == "prep" and child.lower_ in ("in", "of", "outside"):
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                found.extend(m for m in self.place_of(pobj) if m.label in PLACE_LABELS)
        return found

    def _place_of_name(self, noun: Token) -> list[Mention]:
        """The place a place noun is "of" when that is a named place: "the city of Shusha"."""
        return [
            m
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj" and self.entity(pobj) is not None
            for m in self.place_of(pobj)
            if m.label in PLACE_LABELS
        ]

    def _town_of_building(self, building: Span) -> list[Mention]:
        """The town or country a named building is said to be in ("the Kremlin Palace in Moscow")."""
        root = building.root
        return [
            m
            for prep in root.children
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for m in self.place_of(pobj)
            if m.label == "GPE"
        ]

    def _country_named_before(self, token: Token) -> list[Mention]:
        """The country last named before a token, in its sentence or the one before ("Mongolia ignored
        calls to detain Putin when he arrived in the country" -> Mongolia)."""
        return self._place_named_before(token, lambda ent: is_country_name(_clean(ent.text)))

    def _town_named_before(self, token: Token) -> list[Mention]:
        """The town last named as where someone went or was, in a token's sentence or the one before
        ("The Russian president flew into Samarkand ... Xi arrived in the city on Wednesday" -> Samarkand);
        not a capital standing for its government ("a grouping led by Beijing and Moscow")."""

        def been_there(ent: Span) -> bool:
            text = _clean(ent.text)
            went = ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "to", "into", "at")
            return went and is_city(text) and not is_country_name(text)

        return self._place_named_before(token, been_there)

    def _place_named_before(self, token: Token, fits: Callable[[Span], bool]) -> list[Mention]:
        """The last GPE named before a token, in its sentence or the one before, that ``fits``."""
        number = self.sentence_number(token)
        start = self.sentences[max(0, number - 1)].start
        for ent in reversed(self.ents):
            if (
                start <= ent.start < token.i
                and ent.label_ == "GPE"
                and ent.start in self.entity_at
                and fits(ent)
            ):
                return [self.mention(ent)]
        return []

    def locative(self, token: Token) -> Mention | None:
        """The place a sentence opens with ("In London, the government said ...")."""
        sent = token.sent
        for tok in sent[: max(1, token.i - sent.start)]:
            if tok.dep_ == "prep" and tok.lower_ in ("in", "from") and tok.i - sent.start <= 1:
                for pobj in tok.children:
                    ent = self.entity(pobj)
                    if pobj.dep_ == "pobj" and ent is not None and ent.label_ == "GPE":
                        return self.mention(ent)
        return None

    # ---------------------------------------------------------------- coreference

    def antecedent(self, pronoun: Token) -> list[Mention]:
        """The actor a pronoun refers to: the latest subject of the right kind, else the latest mention."""
        lower = pronoun.lower_
        owner = pronoun.head
        if pronoun.dep_ == "poss" and owner.dep_ == "conj" and lower in THING_PRONOUNS | {"his", "her"}:
            return self.actors_of(owner.head, follow_conj=False)  # "the United States and its partners"
        if lower in PERSON_PRONOUNS:
            wanted = {"PERSON"}
        elif lower in THING_PRONOUNS:
            wanted = {"ORG", "GPE", "NORP"}
        elif lower in GROUP_PRONOUNS:
            return self._group_antecedent(pronoun)
        else:
            return []
        speaker = self._speaker(pronoun) if pronoun.dep_ in ("nsubj", "nsubjpass") else []
        if speaker and speaker[0].label in wanted:  # "Zelensky said ... that he would travel": the speaker
            return speaker
        first = self._sent_no(pronoun) - ANAPHORA_WINDOW
        # "Li hosted him": an object pronoun is not its own clause's subject
        own_verb = pronoun.head.i if lower in OBJECT_PRONOUNS else -1
        here = self._sent_no(pronoun)
        earlier = [s for s in self._subjects if s[0] < pronoun.i and s[1] != own_verb]
        by_sentence: dict[int, list[tuple[int, int, Mention]]] = {}
        for entry in earlier:
            by_sentence.setdefault(self._sent_no(self.doc[entry[0]]), []).append(entry)
        as_object = lower in OBJECT_PRONOUNS and pronoun.dep_ == "dobj"
        in_clause = pronoun.head.dep_ in ("relcl", "advcl")
        if as_object and "PERSON" in wanted and (named := self._object_just_named(pronoun)):
            return named
        accusing = as_object and "PERSON" in wanted and pronoun.head.lemma_ in ACCUSED_BY_VERBS
        if accusing and (accused := self._accused_spoken_of(pronoun, here)) is not None:
            return [accused]
        if pronoun.dep_ == "poss" and (possessor := self._owner_in_participle(pronoun, wanted)):
            return possessor
        for number in range(here, max(first, 0) - 1, -1):
            entries = list(reversed(by_sentence.get(number, [])))
            if number != here:  # in earlier sentences, main-clause subjects are the salient ones, and the
                # subject of what was said before the one who said it ("X will land ..., Y said. He ...")
                entries.sort(
                    key=lambda e: (
                        self.doc[e[1]].dep_ in ("relcl", "acl"),
                        self.doc[e[1]].lemma_ in SAY_VERBS,
                        # "X designated Y, saying Z maintains ties. It also ...": X, not the Z said of
                        any(a.lemma_ in SAY_VERBS and a.dep_ != "ROOT" for a in self.doc[e[1]].ancestors),
                    )
                )
                # "..., where Museveni received him. He flew on to ...": the guest, not the host
                entries = [e for e in entries if not _hosted_someone(self.doc[e[1]])]
            for _, _, found in entries:
                if found.label in wanted:
                    return [found]
            people = []
            if number == here and "PERSON" in wanted and in_clause:
                people = self._people_before(pronoun)
            if people and in_clause:
                # "Orban's surprise appearance in Moscow, where he was received by Putin": the possessor
                owners = [e for e in people if e.root.dep_ == "poss"]
                if owners:
                    return [self.mention(owners[-1])]
            if number == here and pronoun.dep_ == "poss":  # "sanctioned Eugene Shvidler and froze his assets"
                start = self.sentences[here].start
                for i in range(pronoun.i - 1, start - 1, -1):
                    ent = self.entity_at.get(i)
                    if ent is not None and ent.label_ in wanted and ent.label_ != "NORP":
                        return [self.mention(ent)]
        for i in range(pronoun.i - 1, max(-1, self.sentences[max(0, first)].start - 1), -1):
            ent = self.entity_at.get(i)
            if ent is not None and ent.label_ in wanted and ent.label_ != "NORP":
                return [self.mention(ent)]
        return []

    def _accused_spoken_of(self, pronoun: Token, here: int) -> Mention | None:
        """Whom "accuse him" means when the people named just before are only speakers and those they
        spoke of: "Albanese said he had raised the case of Yang Hengjun. Chinese prosecutors accuse him
        of espionage" is Yang, the last of those spoken of. None when a person is the subject of
        something else there (the usual antecedent then)."""
        own = {t.i for c in pronoun.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        start = self.sentences[max(0, here - 1)].start
        people = [
            e
            for i in range(start, pronoun.i)
            if (e := self.entity_at.get(i)) is not None and e.label_ == "PERSON" and e.start == i
            if i not in own
        ]
        speakers = [e for e in people if e.root.dep_ == "nsubj" and e.root.head.lemma_ in SAY_VERBS]
        if any(e.root.dep_ in ("nsubj", "nsubjpass") and e not in speakers for e in people):
            return None
        spoken_of = [e for e in people if e not in speakers]
        return self.mention(spoken_of[-1]) if spoken_of else None

    def _state_subject_before(self, token: Token) -> Mention | None:
        """The latest state named as a subject in the sentences up to a token."""
        first = self._sent_no(token) - ANAPHORA_WINDOW
        recent = [
            found
            for index, _, found in reversed(self._subjects)
            if index < token.i and self._sent_no(self.doc[index]) >= first and found.label == "GPE"
        ]
        # a state by name first; a capital ("Seoul stepped up pressure ...") only when none is in view
        return next((m for m in recent if is_country_name(m.text)), None) or next(
            (m for m in recent if is_capital(m.text)), None
        )

    def _object_just_named(self, pronoun: Token) -> list[Mention]:
        """ "announced sanctions on X, freezing his assets and banning him from ...": an object pronoun in
        a clause joined to the main one is the person just named, unless that person is the subject of
        the pronoun's own verb ("Li hosted him")."""
        if pronoun.head.dep_ not in ("advcl", "conj", "xcomp"):
            return []
        own = {t.i for c in pronoun.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        named = [e for e in self._people_before(pronoun) if e.start not in own]
        return [self.mention(named[-1])] if named else []

    def _owner_in_participle(self, pronoun: Token, wanted: set[str]) -> list[Mention]:
        """ "imposed sanctions on Mali, closing borders and freezing its assets": a possessive in a
        participle clause is the party named after the verb the participle follows, not its subject."""
        clause = _governing_clause(pronoun)
        if clause is None or clause.tag_ != "VBG" or clause.dep_ not in ("advcl", "conj"):
            return []
        main = clause
        while main.dep_ in ("advcl", "conj") and main.head != main:
            main = main.head
        subject = {t.i for c in main.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        for i in range(pronoun.i - 1, main.i, -1):
            ent = self.entity_at.get(i)
            if ent is not None and ent.label_ in wanted - {"NORP"} and ent.start not in subject:
                return [self.mention(ent)]
        return []

    def _people_before(self, token: Token) -> list[Span]:
        """The PERSON entities of a token's sentence that start before it, in text order."""
        start = self.sentences[self._sent_no(token)].start
        return [
            e
            for i in range(start, token.i)
            if (e := self.entity_at.get(i)) is not None and e.label_ == "PERSON"
        ]

    def _speaker(self, pronoun: Token) -> list[Mention]:
        """Who said the clause a subject pronoun opens: "X said that he had ..., and that he would ..."."""
        clause = pronoun.head
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        if not marked and clause.dep_ != "ccomp":
            return []
        says = [t for t in pronoun.sent if t.i < pronoun.i and t.lemma_ in SAY_VERBS and t.pos_ == "VERB"]
        for verb in reversed(says):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in PERSON_PRONOUNS | THING_PRONOUNS:
                return self.actors_of(subject, follow_conj=False)
        return []

    def _group_antecedent(self, pronoun: Token) -> list[Mention]:
        """ "The EU and Britain said they would ...": the coordinated subject of the clause a plural
        pronoun's clause depends on (only a coordination of named actors; anything else stays unknown)."""
        for verb in (a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.left_edge.i <= pronoun.i <= subject.right_edge.i:
                continue  # "their intelligence services said": not the pronoun's own phrase
            found = self.actors_of(subject)
            return found if len(found) > 1 else []
        return []

    def _body_named_before(self, noun: Token) -> Mention | None:
        """ "the department", "the ministry": the last organisation named before whose name has that
        word ("the Treasury Department", "Ministry of Foreign Affairs")."""
        for i in range(noun.i - 1, -1, -1):
            ent = self.entity_at.get(i)
            if ent is None or ent.start != i or ent.label_ != "ORG":
                continue
            if any(t.lemma_.lower() == noun.lemma_ for t in ent):
                return self.mention(ent)
        return None

    def previous_entity(self, token: Token, label: str) -> Mention | None:
        """The latest entity of a label before a token ("the bloc" -> the last organisation)."""
        labels = {label, "GPE"} if label == "GPE" else {label}
        for i in range(token.i - 1, -1, -1):
            ent = self.entity_at.get(i)
            if ent is not None and ent.label_ in labels:
                return self.mention(ent)
        return None

    def _described_person(self, noun: Token) -> Mention | None:
        """ "the private", "the businessman": the person named last with that word beside the name
        ("Kira Korolev, an army private", "businessman Alexander Csergo"); "the woman", "the suspect":
        the one person the sentences just before name, when they name only one."""
        first = self.sentences[max(0, self._sent_no(noun) - DESCRIBED_REACH)].start
        people = [e for e in self.ents if first <= e.start < noun.i and e.label_ == "PERSON"]
        for ent in reversed(people):
            described = [c for c in ent.root.children if c.dep_ == "appos"]
            described += [self.doc[ent.start - 1]] if ent.start > 0 else []
            if any(d.lemma_ == noun.lemma_ for d in described):
                return self.mention(ent)
        if noun.lemma_ in ("man", "woman", *SUSPECT_NOUNS):
            named = {_clean(e.text).split()[-1]: e for e in people}
            if len(named) == 1:
                return self.mention(next(iter(named.values())))
        return None

    def earlier_description(self, token: Token) -> list[Mention]:
        """Anaphora by description: "the balloon" -> the actor of an earlier "a Chinese balloon"."""
        earlier = [i for i in self._nouns.get(token.lemma_, ()) if token.i - DESCRIPTION_REACH <= i < token.i]
        for index in reversed(earlier):
            for child in self.doc[index].children:
                ent = self.entity(child)
                if child.dep_ in ("amod", "compound", "poss") and ent is not None:
                    return [self.mention(ent)]
        return []

    def person_by_title(self, title: Token) -> Mention | None:
        """The person a bare "the president" names: of those named before it with that title (and not
        "former"), the one the article has named most often so far, the latest on a tie."""
        titles = get_gazetteer().leader_titles
        modifiers = [c.lower_ for c in title.children if c.dep_ in ("amod", "compound") and c.i < title.i]
        word = fold(" ".join([*modifiers, title.lemma_]))  # "the prime minister", "the crown prince"
        minister = word.endswith("minister") and word != "prime minister"  # "the (foreign) minister"
        if word not in titles and not minister:
            return None  # "the Indian leader", "the former president": not a bare title
        counts: Counter[str] = Counter()
        titled: dict[str, Span] = {}
        for ent in self.ents:
            if ent.start >= title.i:
                break
            if ent.label_ != "PERSON":
                continue
            counts[ent[-1].text] += 1
            prefix = self._title_before(ent.start)
            if (
                any(f" {form} " in prefix for form in TITLE_FORMS.get(word, (word,)))
                and " former " not in prefix
                and not (minister and " prime minister " in prefix)  # a prime minister is no "minister"
            ):
                titled[ent[-1].text] = ent
        if not titled:
            return None
        # "the premier" is the one named "Premier Li Qiang" before any "Prime Minister Anthony Albanese"
        exact = {s: e for s, e in titled.items() if f" {word} " in self._title_before(e.start)}
        pool = exact or titled
        best = max(pool, key=lambda surname: (counts[surname], pool[surname].start))
        return self.mention(pool[best])

    def _title_before(self, start: int) -> str:
        """The three words before a name, folded and space-padded for whole-word tests (" president ")."""
        return f" {fold(self.doc[max(0, start - 3) : start].text)} "

    def person_of_body(self, body: Mention, before: Token) -> Mention | None:
        """The latest person named with a body's name and the same title before it ("RSF leader
        Mohamed Hamdan Dagalo ... the RSF leader")."""
        wanted = f" {fold(body.text.split()[-1])} "
        word = fold(before.lemma_)
        titles = HEAD_TITLES if word in HEAD_TITLES else {word}  # "RSF chief X ... the RSF leader"
        for i in range(before.i - 1, -1, -1):
            ent = self.entity_at.get(i)
            if ent is not None and ent.label_ == "PERSON" and ent.start == i:
                prefix = self._title_before(ent.start)
                if wanted in prefix and any(f" {t} " in prefix for t in titles):
                    return self.mention(ent)
        return None

    def person_with_hint(self, state: Mention, before: Token) -> Mention | None:
        """The latest person of a country ("the Russian leader" -> the last Russian person named)."""
        code = country_code(state.text)
        if code is None:
            return None
        leaders = get_gazetteer().leader_titles
        wants_leader = fold(before.lemma_) in leaders  # "the Hungarian leader": not its spokesman
        first: Mention | None = None
        titled: Mention | None = None
        for i in range(before.i - 1, -1, -1):
            ent = self.entity_at.get(i)
            if ent is not None and ent.label_ == "PERSON" and ent.start == i:
                found = self.mention(ent)
                if found.country_hint and country_code(found.country_hint) == code:
                    # one named with a title ("President X") before any other ("drone maker Baykar")
                    prefix = self._title_before(i)
                    former = " former " in prefix or " ex " in prefix  # "former president X" leads no more
                    if wants_leader and not former and any(f" {title} " in prefix for title in leaders):
                        return found
                    if wants_leader and former:
                        continue  # "the Brazilian leader" is not "former president Jair Bolsonaro"
                    if any(t.lemma_.lower() in TITLE_NOUNS for t in self.doc[max(0, i - 3) : i]):
                        titled = titled or found
                    first = first or found
        return titled or first

    # ---------------------------------------------------------------- attribution

    def reporters(self, predicate: Token) -> list[Mention]:
        """Who the clause is attributed to: "X said (that) ...", "according to X"."""
        sent = predicate.sent
        for token in sent:
            if (
                token.lower_ == "according"
                and token.i + 1 < len(self.doc)
                and self.doc[token.i + 1].lower_ == "to"
            ):
                for pobj in self.doc[token.i + 1].children:
                    if pobj.dep_ == "pobj":
                        return self._reporter(pobj)
        node = predicate
        while node.head != node:
            parent = node.head
            if parent.lemma_ in SAY_VERBS and node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj"):
                for child in parent.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("who", "which"):
                        return self._reporter(child)
                    if child.dep_ == "agent":
                        for pobj in child.children:
                            return self._reporter(pobj)
            node = parent
        return []

    def _reporter(self, token: Token) -> list[Mention]:
        if self.entity(token) is None and (body := self.institution(token)) is not None:
            return [body]
        return self.actors_of(token)

    # ---------------------------------------------------------------- hints

    def _collect_hints(self) -> dict[str, str]:
        hints: dict[str, str] = {}
        people = [e for e in self.ents if e.label_ == "PERSON"]
        # the text's own word first ("Russian President X"), then the office a known leader held
        found = [(e, self._hint_for(e)) for e in people] + [
            (e, office_holder_country(_clean(e.text))) for e in people
        ]
        for ent, hint in found:
            if hint:
                text = _clean(ent.text)
                hints.setdefault(text, hint)
                if len(text.split()) > 1:  # "Putin" and, for names written surname first, "Xi"
                    hints.setdefault(text.split()[-1], hint)
                    hints.setdefault(text.split()[0], hint)
                    # "Sudani" for "Mohammed Shia al-Sudani": the article is dropped in short
                    bare = ARABIC_ARTICLE.sub("", text.split()[-1])
                    if bare != text.split()[-1]:
                        hints.setdefault(bare, hint)
        return hints

    def _hint_for(self, span: Span) -> str | None:
        """The country named next to a mention: "Russian President X", "South Korea's ministry",
        "Lim Soosuk, spokesperson of South Korea's Foreign Ministry" (the nearest one wins)."""
        root = span.root
        before = [t for t in root.subtree if span.start - HINT_REACH <= t.i < span.start]
        head = root.head
        if root.dep_ in ("compound", "appos") and not _listed_as_apposition(head, root):
            before += [t for t in head.subtree if span.start - HINT_REACH <= t.i < span.start]
        after = [
            t
            for appos in root.children
            if appos.dep_ == "appos" and not _listed_as_apposition(root, appos)
            for t in appos.subtree
            if span.end <= t.i < span.end + HINT_REACH
        ]
        ordered = sorted(set(before), key=lambda t: -t.i) + sorted(set(after), key=lambda t: t.i)
        for token in ordered:
            ent = self._ent_span(token)
            if ent is not None and ent.label_ in STATE_LABELS and not (span.start <= ent.start < span.end):
                return _clean(ent.text)
            if ent is not None and ent.label_ == "ORG" and is_country_name(token.text):
                return token.text  # "the U.S. Treasury's Office of Foreign Assets Control"
        return None

    def _inner_hint(self, span: Span) -> str | None:
        for token in span:
            ent = self._ent_span(token)
            if ent is not None and ent.label_ in STATE_LABELS:
                return _clean(ent.text)
        return None

    def _ent_span(self, token: Token) -> Span | None:
        ent = self.entity_at.get(token.i)
        return ent

    def sentence_number(self, token: Token) -> int:
        """The index of a token's sentence in the article."""
        return self._sent_no(token)

    def _sent_no(self, token: Token) -> int:
        return self._sent_of[token.i]

    def country_counts(self) -> Counter[str]:
        """How often each country is named (by name, city or demonym) in the article."""
        counts: Counter[str] = Counter()
        for ent in self.ents:
            if ent.label_ in ("GPE", "NORP") and (code := country_code(ent.text)):
                counts[code] += 1
        return counts


def _governing_clause(token: Token) -> Token | None:
    """The verb whose clause a noun's owner sits in ("freezing its assets" -> "freezing")."""
    node = token.head
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def _hosted_someone(verb: Token) -> bool:
    """Whether a verb says its subject received a guest named by a pronoun ("X received him")."""
    return verb.lemma_ in ("receive", "host", "welcome", "greet") and any(
        c.dep_ == "dobj" and c.lower_ in OBJECT_PRONOUNS for c in verb.children
    )


def prep_objects_of(token: Token, prep: str) -> list[Token]:
    return [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == prep
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _names_a_country(word: str) -> bool:
    """A country's name or adjective ("Russia", "Russian", "U.S."), not a word that merely starts like one."""
    return is_country_name(word) or (word.lower() in IRREGULAR_DEMONYMS)


def _definite_title(token: Token) -> bool:
    """Whether a title names one person: "the Russian leader" does, "the last president to visit" not."""
    children = list(token.children)
    # a clause set off by a comma only adds to whom the title names: "The Kenyan leader, who will travel"
    restrictive = [
        c for c in children if c.dep_ in ("relcl", "acl") and token.doc[c.left_edge.i - 1].text != ","
    ]
    return (
        any(c.lower_ == "the" for c in children)
        and not any(c.lower_ in GENERIC_MODIFIERS for c in children)
        and not restrictive
    )


def _town_in_name(ent: Span) -> Mention | None:
    """The town an airport or station is named after ("Kuala Lumpur International Airport")."""
    if ent[-1].lower_ not in TRANSPORT_HUBS:
        return None
    for size in (3, 2, 1):
        if len(ent) > size and is_city(name := ent[:size].text) and not is_country_name(name):
            return Mention(name, "GPE")
    return None


def conjuncts(token: Token) -> list[Token]:
    """A token and the heads coordinated with it ("France, Serbia and Hungary")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
        elif child.dep_ in ("nmod", "compound") and any(c.dep_ == "cc" for c in child.children):
            out.insert(0, child)  # "Blinken and Defense Secretary Austin", parsed as a modifier
        elif _listed_as_apposition(token, child):
            out.extend(conjuncts(child))
    return out


def _listed_as_apposition(token: Token, child: Token) -> bool:
    """A list of states or bodies whose second item the parser took for an apposition: "The United
    States, Britain, the European Union and Canada imposed ..."; not "its allies, France and Germany"."""
    return (
        child.dep_ == "appos"
        and token.ent_type_ in ("GPE", "ORG")
        and child.ent_type_ in ("GPE", "ORG")
        and any(c.dep_ == "conj" for c in child.children)
    )


def _clean(text: str) -> str:
    text = text.strip().strip(',;:()[]"“”').strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def _is_actor_norp(ent: Span) -> bool:
    """A nationality used for a state: "Russian intelligence services", "Chinese officials"."""
    head = ent.root.head if ent.root.dep_ in ("amod", "compound", "nmod") else ent.root
    return head.lemma_ in GOVERNMENT_NOUNS or ent.root.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj")


def _demonym_country(modifiers: list[Token]) -> Mention | None:
    """The country a capitalised nationality word before a place noun names, whatever its entity tag."""
    for token in modifiers:
        code = country_code(token.text) if token.text[:1].isupper() and token.dep_ != "poss" else None
        if code and (name := country_name(code)):
            return Mention(name, "GPE")
    return None


def _title_country(span: Span) -> str | None:
    """The country a title of one country's government names ("Foreign Secretary X" -> United Kingdom,
    "Secretary of State X" -> United States), from kg/patterns/actors_titles.jsonl."""
    from kg.gazetteer import fold, get_gazetteer  # the gazetteer imports this package's lexicon

    titles = get_gazetteer().title_countries
    doc = span.doc
    for width in range(TITLE_WIDTH, 0, -1):
        start = span.start - width
        if start < 0 or any(t.is_punct for t in doc[start : span.start]):
            continue
        codes = titles.get(fold(doc[start : span.start].text))
        if codes and len(codes) == 1:
            return country_name(codes[0])
    return None
