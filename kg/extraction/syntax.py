"""Small walks over the dependency tree that every event reader shares."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extraction.context import CONTROL_VERBS, ArticleContext, conjuncts
from kg.extraction.lexicon import words
from kg.model import Mention

NOMINAL_LINKS = frozenset(
    {"prep", "pobj", "dobj", "attr", "appos", "npadvmod", "nmod", "pcomp", "compound", "conj", "oprd"}
)
ACCUSATION_VERBS = words("accusation_verbs")
# present-tense motion verbs the small model tags as plural nouns after a name (triggers.jsonl reads them)
MISREAD_MOTION_VERBS = frozenset({"heads", "flies", "travels", "jets", "arrives", "lands"})


def governing_verb(token: Token) -> Token | None:
    """The verb a noun phrase hangs from ("a package of sanctions" -> "adopted"); None for subjects."""
    node = token
    for _ in range(8):
        if node.dep_ in ("nsubj", "nsubjpass") and node != token:
            return None
        if node.head == node:
            return node if node.pos_ in ("VERB", "AUX") else None
        parent = node.head
        if parent.pos_ in ("VERB", "AUX") and node.dep_ not in ("nsubj", "nsubjpass"):
            return parent
        if node.dep_ in ("nsubj", "nsubjpass"):
            return None
        if node.dep_ not in NOMINAL_LINKS and node.dep_ not in ("acl", "relcl", "amod"):
            return parent if parent.pos_ in ("VERB", "AUX") else None
        node = parent
    return None


def _possessor_misread(ctx: ArticleContext, subject: Token) -> list[Mention]:
    """ "Pashinyan and Azerbaijan's President Ilham Aliyev are expected to meet": the parser reads the
    first name as the possessor of the second and the country as its conjunct; the first is a subject."""
    found: list[Mention] = []
    holders = [subject, *(c for c in subject.children if c.dep_ == "compound")]  # or the title's
    for poss in (
        c for h in holders for c in h.children if c.dep_ in ("poss", "nmod") and c.ent_type_ == "PERSON"
    ):
        owner = next((c for c in poss.children if c.dep_ == "conj"), None)
        if owner is not None and any(c.dep_ == "case" for c in owner.children):
            found += ctx.actors_of(poss, follow_conj=False)
    return found


def subjects(ctx: ArticleContext, verb: Token, depth: int = 0) -> list[Mention]:
    """Who does what a verb says: its subject, or the subject it shares through control, coordination,
    relative clauses and participles ("Mishustin accepted an invitation to travel")."""
    if depth > 5:
        return []
    if misread_verb(verb):  # "Xi heads to Budapest" read as a noun: its subject is a compound
        return [m for c in verb.children if c.dep_ in ("compound", "nsubj") for m in ctx.actors_of(c)]
    named = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and ctx.entity(c) is not None]
    if len(named) < sum(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and named:
        # "China's top diplomat Wang Yi held talks": the parser may split a title from its name and make
        # both subjects; the name is the one
        return ctx.actors_of(named[-1])
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "nsubjpass"):
            return _possessor_misread(ctx, child) + ctx.actors_of(child)
    for aux in (c for c in verb.children if c.dep_ in ("aux", "auxpass")):
        # "Modi is, however, set to travel": the parser may hang the subject from the auxiliary
        for child in aux.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return ctx.actors_of(child)
    head = verb.head
    if head == verb:
        return []
    dep = verb.dep_
    if dep == "xcomp" or (
        dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        if head.lemma_ in CONTROL_VERBS:
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:
                return ctx.actors_of(objects[0])
        return subjects(ctx, head, depth + 1)
    if dep == "advcl" and verb.tag_ == "VBG" and _time_clause(head) and head.head.pos_ in ("VERB", "AUX"):
        # "X chose Kyrgyzstan after the court issued a warrant, travelling to Bishkek": the participle
        # the parser hung on the time clause belongs to the main clause
        return subjects(ctx, head.head, depth + 1)
    if dep == "conj" and (stranded := _stranded_subject(verb)) is not None:
        return ctx.actors_of(stranded, follow_conj=False)
    if dep in ("conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
        return subjects(ctx, head, depth + 1)
    if dep == "acomp" and verb.pos_ == "ADJ" and head.pos_ in ("VERB", "AUX"):
        return subjects(ctx, head, depth + 1)  # "He is due to fly on to Havana": through "is due"
    if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if dep == "relcl" or verb.tag_ in ("VBN", "VBG"):
            found = ctx.actors_of(head)
            if found or dep == "relcl" or head.dep_ != "pobj":
                return found
            if head.head.head.pos_ in ("NOUN", "PROPN"):
                # "a woman from the Mykolaiv region suspected of ...": the parser may hang the participle
                # on the place; it tells of the one from there, named or not
                return ctx.actors_of(head.head.head)
            # "X is on trial accused of ...": a participle on a circumstance, not on a person
            outer = governing_verb(head)
            return subjects(ctx, outer, depth + 1) if outer is not None else []
        outer = governing_verb(head)  # "an invitation to travel" -> whoever accepted it
        return subjects(ctx, outer, depth + 1) if outer is not None else []
    if dep in ("pcomp", "pobj"):  # "before heading to", "charged with spying": through the preposition
        return _through_preposition(ctx, verb, depth)
    if dep in ("acomp", "oprd", "dep", "parataxis"):
        return subjects(ctx, head, depth + 1)
    return []


def misread_verb(token: Token) -> bool:
    """A present-tense motion verb the small model tags as a plural noun after a name ("Trump flies to
    Tokyo on Monday")."""
    return token.tag_ == "NNS" and token.lower_ in MISREAD_MOTION_VERBS


def _through_preposition(ctx: ArticleContext, verb: Token, depth: int) -> list[Mention]:
    prep = verb.head
    owner = prep.head
    if owner.pos_ in ("VERB", "AUX") or misread_verb(owner):
        accused = accused_of(ctx, owner)
        if accused is not None:
            return accused
        return subjects(ctx, owner, depth + 1)
    outer = governing_verb(owner)  # "on suspicion of working for" -> the one arrested
    if outer is not None:
        accused = accused_of(ctx, outer)
        if accused is not None:
            return accused
        return subjects(ctx, outer, depth + 1)
    return []


def accused_of(ctx: ArticleContext, verb: Token) -> list[Mention] | None:
    """The person an accusation verb is about: its object, or its passive subject."""
    if verb.lemma_ not in ACCUSATION_VERBS and not sent_to_prison(verb):
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "two diplomats accused of espionage"
        found = ctx.actors_of(verb.head)
        return found if found or verb.head.dep_ != "pobj" else None  # "is on trial accused of"
    for child in verb.children:
        if child.dep_ == "dobj":
            return ctx.actors_of(child)
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return ctx.actors_of(child)
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in verb.children):
        return ctx.actors_of(verb.head)  # "a former minister it accused of spying": the minister
    if verb.dep_ in ("pcomp", "advcl") and any(c.dep_ == "auxpass" for c in verb.children):
        # "X is serving a sentence after being convicted of espionage": the subject of the clause above
        outer = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = (
            next((c for c in outer.children if c.dep_ in ("nsubj", "nsubjpass")), None) if outer else None
        )
        return ctx.actors_of(subject) if subject is not None else None
    return None


def sent_to_prison(verb: Token) -> bool:
    """ "a court sent X to prison for spying": a sentence passed, as "jailed X" is."""
    if verb.lemma_ not in ("send", "put"):
        return False
    return any(
        p.lemma_ in ("prison", "jail") for c in verb.children if c.lower_ in ("to", "in") for p in c.children
    )


def _stranded_subject(verb: Token) -> Token | None:
    """ "Washington barred X ..., and Canada in January 2023 imposed sanctions": the parser may hang the
    second clause's subject from the first verb as a conjunct of its own; a name right after "and",
    before the second verb, is that verb's subject."""
    head = verb.head
    for child in head.children:
        if (
            child.dep_ == "conj"
            and child.pos_ == "PROPN"
            and child.i < verb.i
            and child.i > head.i
            and child.i > 0
            and child.doc[child.i - 1].lower_ in ("and", "but", "while")
        ):
            return child
    return None


def _time_clause(verb: Token) -> bool:
    """Whether a verb heads a clause of time hung on another ("after the court issued a warrant")."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("after", "before", "when", "since", "as") for c in verb.children
    )


def prep_objects(token: Token, preps: frozenset[str] | set[str]) -> Iterator[Token]:
    """Objects of the given prepositions under a token (also under a particle: "fly on to Vienna")."""
    for child in token.children:
        # "took her first to New York and then to Guatemala": the second "to" hangs as a conjunct
        coordinated = child.dep_ == "conj" and child.pos_ == "ADP" and child.i > token.i
        if (child.dep_ in ("prep", "dative", "agent") or coordinated) and child.lower_ in preps:
            # "to and from X": the object hangs from the last of the coordinated prepositions
            shared = [c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP"]
            for prep in (child, *shared):
                for pobj in prep.children:
                    if pobj.dep_ in ("pobj", "pcomp"):
                        yield from conjuncts(pobj)
        elif child.dep_ == "prep":
            # "fled to the Maldives in July and then to Singapore": the second "to" may hang from the "in"
            for prep in (
                c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in preps
            ):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        yield from conjuncts(pobj)
        elif child.dep_ in ("prt", "advmod") and child.i > token.i:
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in preps:
                    for pobj in grand.children:
                        if pobj.dep_ == "pobj":
                            yield from conjuncts(pobj)


def objects(token: Token) -> list[Token]:
    """Direct objects of a verb, coordinated ones included."""
    return [o for c in token.children if c.dep_ == "dobj" for o in conjuncts(c)]


def verb_chain(token: Token) -> list[Token]:
    """A predicate and the verbs it is the complement of ("is due to fly" -> fly, due, is)."""
    chain = [token]
    node = token
    while node.head != node and len(chain) < 6:
        infinitive = node.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node.dep_ not in ("xcomp", "acomp", "aux", "auxpass", "oprd") and not infinitive:
            break  # "expected Putin to visit" climbs to "expected"; "said that he visited" does not
        node = node.head
        chain.append(node)
    return chain
