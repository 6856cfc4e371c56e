"""Whether an event happened, is planned, is only alleged — or is not asserted at all.

``status_of`` looks at the trigger, its predicate and the verbs that predicate complements: auxiliaries
("will"), planning words ("is due to", "accepted an invitation to"), accusation words ("accused of",
"on suspicion of") and negation ("not", "declined to", "called off"). It returns None for events the
text does not assert: negated, cancelled, or merely hypothetical ("if proven, would mean").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.context import SAY_VERBS
from kg.extraction.lexicon import words
from kg.extraction.syntax import verb_chain
from kg.model import EventType, Status

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "must", "can"})
PLAN_WORDS = words("plan_words")
ALLEGE_WORDS = words("allege_words")
PROVEN_WORDS = words("proven_words")
NEGATING_VERBS = words("negating_verbs")
CANCEL_PARTICLES = {("call", "off"), ("put", "off")}
# what a cancelling verb joined to the event's own may call off ("was due to travel but postponed the trip")
CANCELLABLE_NOUNS = frozenset(
    {"trip", "visit", "tour", "journey", "plan", "meeting", "talks", "summit", "sanction", "ban", "measure"}
)
# children that qualify the predicate itself; coordinated or subordinate clauses ("and try to") do not
MODIFIER_DEPS = frozenset(
    {"aux", "auxpass", "advmod", "amod", "neg", "prt", "acomp", "npadvmod", "oprd", "attr"}
)
DECISION_WORDS = words("decision_words")
HYPOTHETICAL_HEADS = words("hypothetical_heads")
HYPOTHETICAL_NOUNS = words("hypothetical_nouns")
TIME_PREPS = frozenset({"before", "after", "while", "upon"})
MOTION_LEMMAS = frozenset({"travel", "fly", "go", "head", "come", "return", "arrive", "leave", "visit"})
TIME_MARKS = frozenset({"before", "after", "when", "once", "until", "while"})
CLAUSE_EDGES = frozenset({"relcl", "advcl", "conj", "parataxis"})
DISPUTE_WORDS = words("dispute_words")


def status_of(trigger: Token, predicate: Token, event_type: EventType) -> Status | None:
    """The status a sentence gives an event, or None when it does not assert the event."""
    chain = _chain(trigger, predicate)
    chain_words = {t.lemma_.lower() for t in chain} | {t.lower_ for t in chain}
    modifiers = [c for t in chain for c in t.children if c.dep_ in MODIFIER_DEPS]
    modifier_words = {c.lemma_.lower() for c in modifiers} | {c.lower_ for c in modifiers}
    if _negated(chain, modifiers):
        return None
    if any(c.lemma_.lower() in HYPOTHETICAL_HEADS for c in trigger.children if c.dep_ == "amod"):
        return None
    if any(_entertained(t) for t in (trigger, predicate)):
        return None
    auxes = {c.lower_ for c in modifiers if c.dep_ in ("aux", "auxpass")}
    in_condition = any(t.lower_ == "if" for t in predicate.sent) and bool(auxes & {"would", "could"})
    if in_condition:
        return None
    if any(c.dep_ == "mark" and c.lower_ == "whether" for t in chain for c in t.children):
        return None  # an open question: "has not said whether Putin will attend"
    if any(_inverted_condition(t) for t in chain):
        return None  # "had he set foot in the country": a counterfactual
    cues = chain_words | modifier_words
    alleged = bool(cues & ALLEGE_WORDS) or _under_accusation(chain[-1])
    if event_type is EventType.ESPIONAGE:  # "sentenced ... for spying": a verdict establishes it
        proven = cues & PROVEN_WORDS or any(a.lemma_ in PROVEN_WORDS for a in list(chain[-1].ancestors)[:4])
        return Status.OCCURRED if proven and not alleged and not _disputed(trigger) else Status.ALLEGED
    plan_words = PLAN_WORDS - DECISION_WORDS if event_type is EventType.SANCTION else PLAN_WORDS
    if predicate.lemma_ == "set" and any(c.lower_ == "foot" for c in predicate.children):
        plan_words = plan_words - {"set"}  # "set foot in" is going there, not "is set to go"
    if auxes & FUTURE_AUX or cues & plan_words or _going_to(chain) or _headline_infinitive(chain[-1]):
        return Status.PLANNED
    if "would" in auxes:
        return Status.PLANNED if _reported(chain[-1]) else None
    if auxes & HYPOTHETICAL_AUX:
        return None
    if alleged:
        return Status.ALLEGED
    if _infinitive_purpose(predicate, plan_words):
        return Status.PLANNED
    return Status.OCCURRED


def _inverted_condition(verb: Token) -> bool:
    """ "had he set foot", "were she to travel": a condition told by putting the auxiliary first."""
    aux = next(
        (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "were")), None
    )
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return aux is not None and subject is not None and aux.i < subject.i


def _disputed(trigger: Token) -> bool:
    """A charge the clause on it disputes: "sentenced on spying charges that he rejects as fabricated"."""
    near = [trigger, trigger.head, *trigger.children]
    return any(c.dep_ in ("acl", "relcl") and c.lemma_ in DISPUTE_WORDS for n in near for c in n.children)


def _chain(trigger: Token, predicate: Token) -> list[Token]:
    chain = verb_chain(predicate)
    if trigger != predicate:
        # the words between trigger and predicate carry meaning: "found X guilty of espionage"
        path = [a for a in trigger.ancestors if predicate in a.ancestors and a.pos_ in ("ADJ", "NOUN")]
        chain = [trigger, *path[:3], *chain]
    node = chain[-1]
    # "will stop in Vietnam before attending the summit": a clause of time shares its main verb's mood
    if node.dep_ == "pcomp" and node.head.lower_ in TIME_PREPS and node.head.head.pos_ in ("VERB", "AUX"):
        chain.extend(verb_chain(node.head.head))
        node = chain[-1]
    # "will take in seven countries and end in Dili": a bare conjunct shares its first verb's auxiliary
    bare = node.tag_ == "VB" and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in node.children)
    sibling = node.head
    if (
        node.dep_ == "conj"
        and bare
        and sibling.pos_ in ("VERB", "AUX")
        and sibling.lemma_ not in NEGATING_VERBS
    ):
        chain.extend(verb_chain(node.head))
        node = chain[-1]
    # "will fly on to Brazil, arriving in Rio on Saturday": a participle shares its main verb's mood
    # "will fly to Brazil before Lula hosts him": a present-tense clause of time is as future as its main verb
    timed = node.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in node.children
    )
    if node.dep_ == "advcl" and (node.tag_ == "VBG" or timed) and node.head.pos_ in ("VERB", "AUX"):
        chain.extend(verb_chain(node.head))
        node = chain[-1]
    # "would travel to Washington to meet the president at the White House": a purpose shares the mood
    purpose = node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    trip = node.head.pos_ == "VERB" and node.head.lemma_ in MOTION_LEMMAS
    if node.dep_ in ("advcl", "xcomp") and purpose and trip:
        chain.extend(verb_chain(node.head))
        node = chain[-1]
    # "an invitation to travel", "plans to visit": the noun a clause complements counts too
    # ("the sanctions imposed on X by Y" is asserted whatever the clause around it says of the sanctions)
    if node.dep_ in ("acl", "xcomp") and node.head.pos_ in ("NOUN", "ADJ") and node.tag_ != "VBN":
        chain.append(node.head)
        chain.extend(verb_chain(node.head.head) if node.head.head.pos_ in ("VERB", "AUX") else [])
    return chain


def _negated(chain: list[Token], modifiers: list[Token]) -> bool:
    if any(c.dep_ == "neg" for c in modifiers):
        return True
    for token in chain:  # "has no plans to visit", "never visited"
        if any(c.lower_ in ("no", "never") and c.dep_ in ("det", "neg", "advmod") for c in token.children):
            return True
    for token in chain[1:]:
        if token.lemma_ in NEGATING_VERBS:
            return True
    for token in chain:  # advised against: "urged citizens against travelling to Russia"
        if token.dep_ == "pcomp" and token.head.lower_ == "against":
            return True
    for token in chain:  # the course not taken: "will join by video rather than travel", "instead of flying"
        if token.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "than" for c in token.head.children):
            return True
        if (
            token.dep_ == "pcomp"
            and token.head.lower_ == "of"
            and any(c.lower_ == "instead" for c in token.head.children)
        ):
            return True
    for token in chain:
        particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
        if any((token.lemma_, p) in CANCEL_PARTICLES for p in particles):
            return True
        for conj in (c for c in token.children if c.dep_ == "conj"):
            conj_particles = {c.lower_ for c in conj.children if c.dep_ == "prt"}
            # "planned a trip, then cancelled it"; not "barred X ..., and this month scrapped arrangements"
            other = [
                o
                for o in conj.children
                if o.dep_ == "dobj"
                and o.pos_ == "NOUN"
                and o.lemma_ not in {token.lemma_, *CANCELLABLE_NOUNS}
            ]
            if other:
                continue
            if conj.lemma_ in ("cancel", "postpone", "scrap") or any(
                (conj.lemma_, p) in CANCEL_PARTICLES for p in conj_particles
            ):
                return True
    return False


def _entertained(token: Token) -> bool:
    """An event only thought of: "floated the idea of flying on to Turkey", "the prospect of a visit"."""
    prep = token.head
    return (
        token.dep_ in ("pobj", "pcomp")
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in HYPOTHETICAL_NOUNS
    )


def _headline_infinitive(top: Token) -> bool:
    """A headline's "Starmer to travel to Washington": an infinitive with nothing above it is a plan."""
    return top.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)


def _going_to(chain: list[Token]) -> bool:
    return any(t.lower_ == "going" and any(c.lower_ == "to" for c in t.subtree) for t in chain)


def _under_accusation(top: Token) -> bool:
    """Whether an accusation governs the clause: "accused of", "on suspicion of", "charged with"."""
    node = top
    for _ in range(4):
        if node.head == node or node.dep_ in CLAUSE_EDGES:
            return False  # "Deripaska, who is under U.S. sanctions, denied ...": the denial is not about them
        node = node.head
        if node.lemma_ in ALLEGE_WORDS:
            return True
    return False


def _reported(top: Token) -> bool:
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in top.children) and any(
        t.lemma_ in SAY_VERBS and t.pos_ == "VERB" for t in top.sent if t.i < top.i
    ):
        return True  # "said ... and that he would travel": reported, however the parser hung the clause
    node = top
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_ in SAY_VERBS:
            return True
        node = node.head
    return False


def _infinitive_purpose(predicate: Token, plan_words: frozenset[str]) -> bool:
    """An infinitive of intent: "to visit China" under a noun or verb of intent."""
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in predicate.children)
    return has_to and predicate.dep_ in ("xcomp", "acl", "advcl") and predicate.head.lemma_ in plan_words
