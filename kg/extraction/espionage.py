"""Espionage: spying, recruiting spies, gathering intelligence against a state, charges for spying.
Roles: agents (the spy, or the spying service or state), on_behalf_of (the state spied for), targets.

Triggers (kg/patterns/triggers.jsonl, event "Espionage"): spy/spying/espionage; intelligence or
information passed to a state or gathered over it; recruiting agents or informants; acting as an agent
for a state or on behalf of its intelligence service; people said to be a state's intelligence officers.
A spy satellite or plane, or "Russian espionage" with no act and no target, is no event.
When the text names no target, the state where the spying happened (the arresting authority's, the
accusing state's, or the article's main country) is taken.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.extraction.context import SAY_VERBS, ArticleContext, conjuncts
from kg.extraction.draft import Draft, unique
from kg.extraction.lexicon import words
from kg.extraction.places import country_code, country_name, is_country_name
from kg.extraction.syntax import (
    ACCUSATION_VERBS,
    accused_of,
    governing_verb,
    objects,
    prep_objects,
    sent_to_prison,
    subjects,
)
from kg.gazetteer import fold, get_gazetteer
from kg.model import EventType, Mention

STATE_LABELS = frozenset({"GPE", "NORP"})
SPY_NOUNS = words("spy_nouns")
DEVICE_HEADS = words("device_heads")
CONCRETE_HEADS = words("concrete_heads")
TOOL_VERBS = frozenset({"use", "deploy", "install", "plant", "buy", "acquire"})
SERVING_VERBS = frozenset(
    {"serve", "receive", "face", "give", "hand", "begin", "get"}
)  # a sentence, a charge
PASS_VERBS = words("pass_verbs")
GATHER_VERBS = words("gather_verbs")
SERVICE_NOUNS = words("service_nouns")
SECRET_WORDS = words("secret_words")
SPY_OBJECTS = words("spy_objects")
PEOPLE_NOUNS = words("people_nouns")
ACCUSATION_NOUNS = words("accusation_nouns")
ENGAGE_VERBS = words("engage_verbs")
ASSIST_VERBS = words("assist_verbs")
RECRUITING_VERBS = words("recruiting_verbs")
ROLE_VERBS = words("role_verbs")
OFFICER_NOUNS = words("officer_nouns")
INTEREST_NOUNS = words("interest_nouns")
ENVOY_NOUNS = words("envoy_nouns")
UNSPYING_MODIFIERS = words("unspying_modifiers")
NAMING_VERBS = words("naming_verbs") | {"suspect", "expose", "unmask"}
ACTIVITY_NOUNS = frozenset({"activity", "operation", "work", "mission"})
PRESENTING_VERBS = NAMING_VERBS | {"present", "brand", "portray", "label"}
COVERT_AGENT_MODIFIERS = frozenset({"sleeper", "secret", "undercover", "covert", "double", "intelligence"})
SPY_GROUPS = frozenset({"network", "networks", "ring", "rings", "cell", "cells"})
CATCHING_VERBS = frozenset({"uncover", "dismantle", "bust", "foil", "expose", "thwart", "raid", "catch"})
INTRUSION_VERBS = frozenset({"hack", "infiltrate", "breach", "compromise", "target", "penetrate"})
SERVICE_BODIES = frozenset({"agency", "agencies", "service", "services", "organisation", "organization"})
GENERIC_HOLDERS = frozenset({"group", "groups", "network", "ring", "unit"})  # spying ones say so
SPY_SERVICES = frozenset(w.upper() for w in words("spy_services"))
COVERT_CUES = words("covert_cues")
COVERT_HOLDERS = words("covert_holders")
COVERT_ACTS = words("covert_acts")
COVERT_NON_ACTS = words("covert_non_acts")
INTRUSION_ACTS = INTRUSION_VERBS | {"attack", "access"}
INTRUSION_NOUNS = words("intrusion_nouns")
# the families that security firms name state hacking groups by: "Volt Typhoon", "Fancy Bear"
THREAT_GROUP_FAMILIES = {
    "typhoon": "CN",
    "panda": "CN",
    "blizzard": "RU",
    "bear": "RU",
    "sandstorm": "IR",
    "kitten": "IR",
    "sleet": "KP",
    "chollima": "KP",
}
THREAT_GROUP_CODE = re.compile(r"(APT|UNC|TA)\d{1,4}")
# "intelligence agencies had eavesdropped on / surveilled X" ("surveille" is the small model's lemma)
WATCHING_VERBS = frozenset({"eavesdrop", "surveil", "surveille", "wiretap"})
CHARGING_VERBS = frozenset({"charge", "indict", "accuse", "convict"})
HACKING_CUES = frozenset(
    {"hacking", "hackers", "hacker", "intrusion", "intrusions", "cyber-espionage", "cyberespionage"}
)
NAMED_AS_VERBS = frozenset({"know", "call", "dub", "name", "nickname", "track"})


def read(ctx: ArticleContext, trigger: Token, kind: str) -> list[Draft]:
    reader = {
        "spy": _spy,
        "intelligence": _intelligence,
        "recruit": _recruit,
        "agent_role": _agent_role,
        "behalf": _behalf,
        "cover_formula": _cover_formula,
    }[kind]
    return reader(ctx, trigger)


def from_sentence(ctx: ArticleContext, sent: Span) -> list[Draft]:
    """A sentence about a covert act that no trigger reading understood: a cue word (spying,
    intelligence, agents, hackers), a verb that says something was done (arrested, recruited, gathered,
    tied to) and a state behind the cue ("gathering intelligence for Moscow", "recruited by North
    Korean agents", "a Chinese state-backed hacking group"). The state is the one the act served; the
    people arrested or charged are the agents; who was spied on is what the text names, else where it
    happened. Cues inside a source ("South Korea's spy agency said") are the reporter, not the act."""
    if intrusions := _group_intrusions(ctx, sent):
        return intrusions
    quoted = _reporting_tokens(sent)
    # "have charged X with breaching sanctions but have not accused him of spying": a denied cue is none
    cues = [t for t in sent if t.i not in quoted and _covert_cue(t) and not _under_negation(t)]
    acts = [t for t in sent if t.pos_ == "VERB" and t.lemma_ in COVERT_ACTS and t.i not in quoted]
    if not cues or not acts:
        return []
    behalf = unique([m for t in sent if t.i not in quoted for m in _covert_sponsors(ctx, t)])
    behalf = behalf or _state_accused_of(ctx, acts, cues) or _charged_nationals(ctx, acts, cues)
    if not behalf:
        return []
    cue = cues[0]
    act = min(acts, key=lambda t: abs(t.i - cue.i))
    agents: list[Mention] = []
    for verb in acts:
        accused = accused_of(ctx, verb)
        found = accused if accused is not None else subjects(ctx, verb)
        agents += [m for m in found if m.label in ("PERSON", "ORG", "NORP")]
    targets = _covert_targets(ctx, cues, acts) or _authority_state(ctx, sent, act, behalf, quoted)
    return _drafts(ctx, cue, act, agents, behalf, targets, concrete=True)


def _group_intrusions(ctx: ArticleContext, sent: Span) -> list[Draft]:
    """A state hacking group breaking into a named body or state: "APT40 had compromised the
    Parliamentary Counsel Office", "Singtel had been breached by Volt Typhoon", "a campaign against
    its infrastructure by a group known as UNC3886", "APT31 was blamed for an intrusion into the
    Finnish parliament". The group is the agent; the state it works for is the one the gazetteer or
    its name's family gives ("Typhoon" groups are Chinese), or the state the text puts before it."""
    drafts: list[Draft] = []
    for token in sent:
        if (group := _threat_group(ctx, token)) is None:
            continue
        mention, code = group
        anchor = _named_as(token)
        predicate, targets = _intrusion(ctx, anchor)
        if predicate is None or not targets:
            continue
        behalf = [_best_country_mention(ctx, token, code, None)] if code else _covert_sponsors(ctx, anchor)
        drafts += _drafts(ctx, token, predicate, [mention], behalf, targets, concrete=True)
    return drafts


@lru_cache(maxsize=1)
def _threat_groups() -> dict[str, str]:
    """The state hacking groups the gazetteer knows, by folded name or alias -> their state's code."""
    return {
        folded: org.country
        for folded, org in get_gazetteer().organizations.items()
        if org.kind == "threat group" and org.country
    }


def _threat_group(ctx: ArticleContext, token: Token) -> tuple[Mention, str | None] | None:
    """The hacking group a name stands for, with its state's code when known: a group the gazetteer
    knows, one of a security firm's families ("Volt Typhoon"), or a tracking code ("UNC3886")."""
    ent = ctx.entity(token)
    if ent is None or ent.root != token or ent.label_ not in ("ORG", "PERSON"):
        return None
    name = ent.text.removeprefix("the ").strip()
    if (code := _threat_groups().get(fold(name))) is not None:
        return ctx.mention(ent), code
    words_ = name.split()
    if len(words_) == 2 and words_[0].istitle() and words_[1].lower() in THREAT_GROUP_FAMILIES:
        return ctx.mention(ent), THREAT_GROUP_FAMILIES[words_[1].lower()]
    if THREAT_GROUP_CODE.fullmatch(name):
        return ctx.mention(ent), None
    return None


def _named_as(token: Token) -> Token:
    """The noun a name is given to: "a group known as APT40" -> "group"."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "as" else None
    if verb is not None and verb.lemma_ in NAMED_AS_VERBS and verb.dep_ == "acl":
        return verb.head
    return token


def _intrusion(ctx: ArticleContext, group: Token) -> tuple[Token | None, list[Mention]]:
    """The act a hacking group is the doer of, and whom it hit: its verb ("compromised X", "was
    breached by"), or an intrusion noun it is the "by", owner or culprit of ("reconnaissance by APT31
    against X", "APT31's intrusion into X", "was behind / blamed for an intrusion into X")."""
    head = group.head
    if group.dep_ == "nsubj" and head.lemma_ in INTRUSION_ACTS:
        aimed = [*objects(head), *prep_objects(head, {"into", "against", "on"})]
        return head, [m for o in aimed for m in _target_of(ctx, o)]
    if group.dep_ in ("nsubj", "nsubjpass"):  # "was behind", "has been blamed for"
        nouns = [o for o in prep_objects(head, {"behind", "for"}) if o.lemma_ in INTRUSION_NOUNS]
        return (head, _intruded(ctx, nouns[0])) if nouns else (None, [])
    if group.dep_ == "pobj" and head.lower_ == "by":
        doer_of = head.head
        if doer_of.lemma_ in INTRUSION_ACTS and doer_of.tag_ == "VBN":
            hit = [c for c in doer_of.children if c.dep_ == "nsubjpass"]
            hit += [doer_of.head] if doer_of.dep_ == "acl" else []  # "networks breached by X"
            return doer_of, [m for o in hit for m in _target_of(ctx, o)]
        if doer_of.lemma_ in INTRUSION_NOUNS:
            return governing_verb(doer_of) or doer_of, _intruded(ctx, doer_of)
    if group.dep_ in ("poss", "compound") and head.lemma_ in INTRUSION_NOUNS:
        return governing_verb(head) or head, _intruded(ctx, head)
    return None, []


def _intruded(ctx: ArticleContext, noun: Token) -> list[Mention]:
    """Whom an intrusion noun names as hit: "an intrusion into X", "a campaign against X"."""
    return [m for o in prep_objects(noun, {"into", "against", "on", "of"}) for m in _target_of(ctx, o)]


def _under_negation(token: Token) -> bool:
    """Whether the nearest verb a word hangs from is negated ("have not accused him of spying")."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _state_accused_of(ctx: ArticleContext, acts: list[Token], cues: list[Token]) -> list[Mention]:
    """The state accused of the covert act: "accused China of hacking the Electoral Commission",
    "accused Russia of a years-long hacking campaign against its lawmakers"."""
    found: list[Mention] = []
    for verb in (a for a in acts if a.lemma_ == "accuse"):
        charges = [t for o in prep_objects(verb, {"of"}) for t in o.subtree]
        if any(c in charges for c in cues):
            found += [m for o in objects(verb) for m in ctx.actors_of(o) if m.label in ("GPE", "NORP")]
    return found


def _charged_nationals(ctx: ArticleContext, acts: list[Token], cues: list[Token]) -> list[Mention]:
    """The state of foreign nationals charged with hacking: "charged three Iranians with hacking",
    "charging Zhao, Ni and five other Chinese nationals with ... computer intrusions"."""
    found: list[Mention] = []
    for verb in (a for a in acts if a.lemma_ in CHARGING_VERBS):
        accused = [c for o in objects(verb) for c in conjuncts(o)]
        # "charging X and five other Chinese nationals with ...": the parser may hang "with" from the last
        charges = [
            t for h in (verb, *accused) for o in prep_objects(h, {"with", "of", "for"}) for t in o.subtree
        ]
        if not any(c in charges and c.lower_ in HACKING_CUES for c in cues):
            continue
        for one in accused:
            named = [one, *(c for c in one.children if c.dep_ in ("amod", "compound"))]
            found += [
                m
                for t in named
                if (e := ctx.entity(t)) is not None and e.label_ == "NORP"
                for m in [ctx.mention(e)]
            ]
    return unique(found)


def _covert_targets(ctx: ArticleContext, cues: list[Token], acts: list[Token]) -> list[Mention]:
    """Whom a covert act was aimed at: "spying on X", "broke into X's networks", "hacked computers of
    Paraguayan officials"."""
    aimed = [o for c in cues for o in prep_objects(c, {"on", "against", "into"})]
    aimed += [o for v in acts for o in prep_objects(v, {"into", "against"})]
    targets = [m for o in aimed for m in _target_of(ctx, o)]
    inside = [t for v in acts if v.lemma_ in INTRUSION_VERBS for o in objects(v) for t in o.subtree]
    intruded = [e for t in inside if (e := ctx.entity(t)) is not None and e.root == t]
    # "hacked Paraguayan officials", "tried to infiltrate the International Criminal Court"
    direct = {o.i for v in acts if v.lemma_ in INTRUSION_VERBS for o in objects(v)}
    hit = [e for e in intruded if e.label_ in STATE_LABELS or (e.label_ == "ORG" and e.root.i in direct)]
    return targets + [ctx.mention(e) for e in hit]


def _authority_state(
    ctx: ArticleContext, sent: Span, act: Token, behalf: list[Mention], quoted: set[int]
) -> list[Mention]:
    """The state of whoever acted on the spying in the sentence ("South Korean authorities raided ...
    over suspicions that ..."), other than the state the spying served."""
    sponsors = {_state_code(m) for m in behalf}
    subjects_here = [c for v in sent if v.pos_ == "VERB" for c in v.children if c.dep_ == "nsubj"]
    for side in (_country_side(m) for c in subjects_here if c.i not in quoted for m in ctx.actors_of(c)):
        code = country_code(side.text)
        if code and code not in sponsors:
            return [_best_country_mention(ctx, act, code, side)]
    return []


def _authority(token: Token) -> bool:
    """Whether a body is the subject of catching spies ("Polish security services have broken up ...")."""
    verb = token.head
    if token.dep_ != "nsubj":
        return False
    broke_up = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    return broke_up or verb.lemma_ in (ACCUSATION_VERBS - {"try", "find"}) | CATCHING_VERBS


def _reporting_tokens(sent: Span) -> set[int]:
    """Token indexes of the sources in a sentence: the subjects of its verbs of saying."""
    found: set[int] = set()
    for verb in sent:
        if verb.lemma_ in SAY_VERBS or verb.lemma_ in ("accuse", "warn", "believe", "assess", "report"):
            for child in verb.children:
                if child.dep_ == "nsubj":
                    found.update(t.i for t in child.subtree)
    return found


def _covert_cue(token: Token) -> bool:
    if token.lower_ not in COVERT_CUES:
        return False
    body = token.head if token.head.lower_ in SERVICE_BODIES else None
    spying_body = (
        body is not None
        and body.dep_ == "nsubj"
        and body.head.lemma_ in INTRUSION_VERBS | GATHER_VERBS | WATCHING_VERBS
    )
    if (
        body is not None
        and not spying_body
        and not (body.dep_ == "pobj" and body.head.lower_ in ("to", "for", "from"))
    ):
        return False  # "with Turkey's spy agency" caught them; "tied to X's intelligence agencies" served
    if token.head.lower_ in COVERT_NON_ACTS or token.head.lower_ in DEVICE_HEADS - {"agency", "agencies"}:
        return False  # "intelligence chief", "spy satellite"
    modifiers = [
        c for c in token.children if c.dep_ not in ("dobj", "prep", "pobj")
    ]  # not "hacking the Committee"
    if any(c.lower_ in COVERT_NON_ACTS or c.lower_ in UNSPYING_MODIFIERS for c in modifiers):
        return False  # "artificial intelligence", "a former agent"
    if token.lower_ in ("agent", "agents"):  # a spy only when a state's or a service's
        return any(c.dep_ in ("amod", "compound", "poss") for c in token.children)
    return True


def _covert_sponsors(ctx: ArticleContext, token: Token) -> list[Mention]:
    """The state a covert act in this sentence served, from one token: the state modifying a spying
    body ("Chinese hacking group", "China's intelligence services", "U.S. and Spanish intelligence
    agencies"), or the state an act was "for" ("intelligence missions for Iran")."""
    if (
        token.text.upper() in SPY_SERVICES
        and token.dep_ in ("compound", "nmod", "amod")
        and token.head.lower_ in OFFICER_NOUNS
        and (ent := ctx.entity(token)) is not None
        and ent.label_ == "ORG"
    ):  # "X, a GRU officer, tried to infiltrate ...": the state whose service it is
        code = _state_code(ctx.mention(ent))
        return [_best_country_mention(ctx, token, code, None)] if code else []
    if token.lower_ in COVERT_HOLDERS and _authority(token):
        return []  # "Polish security services have broken up a network": who caught the spies
    if token.lower_ in GENERIC_HOLDERS and not any(c.lower_ in COVERT_CUES for c in token.children):
        return []  # "the computer network of the foreign ministry" is no spy network
    if token.lower_ in COVERT_HOLDERS:
        owners = [
            o for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod") for o in conjuncts(c)
        ]
        found = [m for o in owners for m in ctx.actors_of(o, follow_conj=False) if m.label in STATE_LABELS]
        found += _joined_states(ctx, token)
        found += [
            m
            for o in prep_objects(token, {"of", "from"})
            for m in _state_of(ctx, o)
            if m.label in STATE_LABELS
        ]
        for verb in (c for c in token.children if c.dep_ in ("acl", "relcl")):
            # "hackers operating from China", "a group linked to the Chinese state"
            served = list(prep_objects(verb, {"from", "for", "to"}))
            found += [m for o in served for m in _state_of(ctx, o) if m.label in STATE_LABELS]
        if (
            ent := ctx.entity(token)
        ) is not None and ent.label_ == "ORG":  # "the Brazilian Intelligence Agency"
            body = ctx.mention(ent)
            found += [body] if _state_code(body) else []
        return found
    if token.lower_ == "for" and token.dep_ == "prep" and token.head.pos_ in ("VERB", "NOUN", "ADJ", "PROPN"):
        served = [o for c in token.children if c.dep_ == "pobj" for o in conjuncts(c)]
        named = [
            o for o in served if (e := ctx.entity(o)) is not None and e.root == o
        ]  # not "plans for a U.S. drill"
        # a state, or a state's known intelligence service ("working as an illegal for the GRU")
        direct = [
            m
            for o in named
            for m in ctx.actors_of(o)
            if m.label in STATE_LABELS or (m.label == "ORG" and m.text.upper() in SPY_SERVICES)
        ]
        return direct or [
            m
            for o in served
            if o.lower_ in COVERT_HOLDERS
            for m in _state_of(ctx, o)
            if m.label in STATE_LABELS
        ]
    return []


def _spy(ctx: ArticleContext, token: Token) -> list[Draft]:
    if token.dep_ == "pobj" and token.head.head.lower_ in ("unrelated", "unconnected"):
        return []  # "a charge unrelated to espionage"
    modifier = token.dep_ in ("compound", "amod")  # "spy satellite", "spying allegations"
    if modifier and token.head.lower_ in DEVICE_HEADS:
        return []
    behalf = [m for o in _for_whom(token) for m in _state_of(ctx, o)]
    if not behalf and token.dep_ == "dobj" and token.head.lemma_ in ENGAGE_VERBS:  # "commit espionage for X"
        behalf = [m for o in _for_whom(token.head) for m in _state_of(ctx, o)]
    spied_on = list(prep_objects(token, {"on", "against", "in"}))
    targets = [m for o in spied_on for m in _target_of(ctx, o)]
    # "spying on Chinese dissidents": a state watching its own people abroad
    behalf = behalf or [m for o in spied_on if o.lemma_ in PEOPLE_NOUNS for m in _nationality(ctx, o)]
    if token.pos_ == "VERB" and not modifier:
        if token.dep_ in ("pobj", "pcomp") and _under_negation(token):
            return []  # "have not accused him of spying"
        agents = subjects(ctx, token)
        recruiter = _recruiter(ctx, token)
        return _drafts(ctx, token, token, agents, behalf, targets, concrete=True, recruiter=recruiter)
    nominal = token.head if modifier else token
    clause = token.head if token.dep_ == "dobj" and token.head.lemma_ == "include" else None
    if clause is not None and clause.dep_ == "relcl" and clause.head.lemma_ in CONCRETE_HEADS:
        nominal = clause.head  # "sentenced ... on charges that included espionage": what the charges say
    agents = [
        m
        for c in nominal.children
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c != token
        for m in ctx.actors_of(c)
    ]
    if token.lower_ == "spyware" and token.dep_ == "dobj" and token.head.lemma_ in TOOL_VERBS:
        # "Moroccan security services had used the Pegasus spyware": its user spies, not the tool
        agents = subjects(ctx, token.head)
        aims = [x for x in token.head.children if x.dep_ in ("xcomp", "advcl") and x.lemma_ == "target"]
        # "... to target the phones of Algerian officials": whose phones
        targets = targets or [
            m for x in aims for o in objects(x) for t in o.subtree if (m := _named_nation(ctx, t)) is not None
        ]
        return _drafts(ctx, token, token.head, agents, behalf, targets, concrete=True)
    if nominal.lower_ in SPY_GROUPS and not behalf:  # "a French-Belgian spy network": the states it served
        behalf = unique([*(m for m in agents if m.label in STATE_LABELS), *_joined_states(ctx, nominal)])
        agents = [m for m in agents if m.label not in STATE_LABELS]
    if token.lower_ in ("spy", "spies") and token.dep_ in ("attr", "appos"):  # "X was a spy for Russia"
        agents = subjects(ctx, token.head) if token.dep_ == "attr" else ctx.actors_of(token.head)
    if token.lower_ in ("spy", "spies") and (described := _described_as(token)) is not None:
        # "expelled two Russian diplomats, whom the minister described as spies"
        behalf = behalf or _envoys_state(ctx, described)
        agents = [m for m in ctx.actors_of(described) if m.label == "PERSON"]
        return _drafts(ctx, token, described, agents, behalf, targets, concrete=True)
    verb = _direct_governor(nominal)
    concrete = nominal.lemma_ in CONCRETE_HEADS or nominal.lower_ in CONCRETE_HEADS
    if verb is None and concrete and (outer := governing_verb(nominal)) is not None:
        verb = outer if outer.lemma_ in ACCUSATION_VERBS else None  # "jailed for 12 years on spying charges"
    holder = nominal.head.head if nominal.dep_ == "pobj" else None
    if holder is not None and holder.pos_ == "ADJ" and (judged := _subject_of_adjective(ctx, holder)):
        agents, concrete = judged, True  # "found X guilty of espionage"
    elif verb is not None:
        accused = _accused_person(ctx, verb)
        if accused:
            agents, concrete = accused, True
        elif verb.lemma_ in ACCUSATION_VERBS:
            concrete = True
            behalf = behalf or _envoys_state(ctx, verb)  # "expelled a Pakistani official for espionage"
        elif verb.lemma_ in ENGAGE_VERBS:  # "X conducted espionage against Y"
            agents, concrete = agents or subjects(ctx, verb), True
        elif verb.lemma_ == "hold" and any(c.dep_ == "auxpass" for c in verb.children) and concrete:
            # "ordered X to be held on espionage charges": detained, whoever holds him
            agents, concrete = [m for m in subjects(ctx, verb) if m.label == "PERSON"], True
        elif verb.lemma_ in SERVING_VERBS:  # "was given a death sentence on spying charges", "serving a
            # sentence for espionage": _direct_governor only returns such a verb for a sentence or charge
            agents = agents or [m for m in subjects(ctx, verb) if m.label == "PERSON"]
            concrete = True
    if not concrete:  # "Russian espionage in Europe" is a topic; "espionage against the Netherlands" a charge
        aimed = [o for o in prep_objects(token, {"on", "against"})]
        targets = [m for o in aimed for m in _target_of(ctx, o)]
    return _drafts(ctx, token, verb or nominal, agents, behalf, targets, concrete=concrete)


def _intelligence(ctx: ArticleContext, token: Token) -> list[Draft]:
    if (
        token.lower_ == "intelligence"
        and token.dep_ in ("compound", "amod")
        and token.head.lower_ in OFFICER_NOUNS
    ):
        return _officer(ctx, token, token.head)
    if (
        token.lower_ == "intelligence"
        and token.dep_ in ("compound", "amod")
        and token.head.lemma_ in ACTIVITY_NOUNS
    ):
        return _intelligence_activity(ctx, token, token.head)
    service = token.head if token.dep_ == "compound" and token.lower_ == "intelligence" else None
    if service is not None and service.dep_ == "dobj" and service.head.lemma_ in ASSIST_VERBS:
        # "charged three men with assisting Hong Kong's intelligence service"
        helper = service.head
        behalf = _state_of(ctx, service)
        return _drafts(ctx, token, helper, subjects(ctx, helper), behalf, [], concrete=True)
    if (
        service is not None
        and service.dep_ == "pobj"
        and service.head.lower_ == "with"
        and service.head.head.lemma_ in ROLE_VERBS
    ):  # "men it said had worked with Iran's intelligence service"
        work = service.head.head
        behalf = [m for m in _state_of(ctx, service) if m.label in STATE_LABELS]
        said = work.head if work.dep_ == "ccomp" and work.head.dep_ == "relcl" else None
        # "two men it said had worked ...": the men
        agents = (
            [m for m in ctx.actors_of(said.head) if m.label == "PERSON"]
            if said is not None
            else _doers(ctx, work)
        )
        return _drafts(ctx, token, work, agents, behalf, [], concrete=True)
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "for" and verb.head.lemma_ in ROLE_VERBS | {"spy"}:
        # "working for Chinese intelligence"
        if token.lower_ != "intelligence" and not any(c.lower_ == "intelligence" for c in token.children):
            return []
        work = verb.head
        behalf = _state_of(ctx, token)
        return _drafts(ctx, token, work, subjects(ctx, work), behalf, [], concrete=True)
    if token.dep_ != "dobj" or verb.pos_ != "VERB":
        return []
    secret = (
        token.lower_ == "intelligence"
        or token.lower_ == "secrets"
        or any(c.lower_ in SECRET_WORDS for c in token.children)
    )
    if verb.lemma_ in PASS_VERBS:
        recipients = list(prep_objects(verb, {"to"}))
        recipients += [
            p for t in token.subtree if t.dep_ == "prep" and t.lower_ == "to" for p in conjuncts_of(t)
        ]
        behalf = [m for r in recipients if _is_state_side(ctx, r) for m in _state_of(ctx, r)]
        # handing intelligence to an ally is cooperation: spying needs a secret, a spy service or a charge
        to_service = any(t.lemma_ in SERVICE_NOUNS for r in recipients for t in r.subtree)
        covert = token.lower_ == "secrets" or any(c.lower_ in SECRET_WORDS for c in token.children)
        if not behalf or not (to_service or covert or _accused(verb)):
            return []
        targets = _info_targets(ctx, token, exclude=behalf)
        return _drafts(ctx, token, verb, _doers(ctx, verb), behalf, targets, concrete=True)
    served = [*_for_whom(verb), *_for_whom(token)]
    for_a_service = any(t.lemma_ in SERVICE_NOUNS for o in served for t in o.subtree)
    envoys = _foreign_envoys(ctx, verb)
    if verb.lemma_ in GATHER_VERBS and (
        secret or for_a_service or envoys
    ):  # "gathering information for X's intelligence"
        behalf = [m for o in served for m in _state_of(ctx, o)]
        # "an operation to hack into the systems of X and obtain confidential information"
        clauses = [verb, verb.head] if verb.dep_ == "conj" else [verb]
        targets = [
            m
            for c in clauses
            for o in prep_objects(c, {"on", "over", "about", "from", "against", "into"})
            for m in _target_of(ctx, o)
        ]
        targets += [
            m for o in prep_objects(token, {"on", "over", "about", "from"}) for m in _target_of(ctx, o)
        ]
        targets += _harmed(ctx, token)
        if envoys and not (secret or for_a_service or targets):
            return []  # diplomats gathering information with no one it is on: their job
        return _drafts(ctx, token, verb, _doers(ctx, verb), behalf, targets, concrete=True)
    return []


def _intelligence_activity(ctx: ArticleContext, token: Token, activity: Token) -> list[Draft]:
    """Intelligence activity someone is charged with: "suspected of illegal intelligence activity
    against Sweden and a foreign power". Activity with no one accused, or aimed at no one, is none."""
    verb = _direct_governor(activity)
    accused = _accused_person(ctx, verb) if verb is not None else None
    targets = [m for o in prep_objects(activity, {"against", "on"}) for m in _target_of(ctx, o)]
    if not accused or not targets or verb is None:
        return []
    behalf = [m for o in _for_whom(activity) for m in _state_of(ctx, o)]
    return _drafts(ctx, token, verb, accused, behalf, targets, concrete=True)


def _cover_formula(ctx: ArticleContext, status: Token) -> list[Draft]:
    """The diplomatic formula for spying: a diplomat expelled or declared persona non grata "for
    activities incompatible with (not in keeping with) his diplomatic status" spied for his own state on
    the one expelling him."""
    sent = status.sent
    text = sent.text.lower()
    if not ("activit" in text and any(w in text for w in ("incompatible", "not in keeping", "inconsistent"))):
        return []
    expelling = [t for t in sent if t.lemma_ in ("declare", "expel", "order") and t.pos_ == "VERB"]
    if not expelling:
        return []
    verb = expelling[0]
    states = [_country_side(m) for m in subjects(ctx, verb)]
    hosts = [m for m in states if country_code(m.text)]
    if not hosts:
        return []
    host = country_code(hosts[0].text)
    subject = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    people = [
        ctx.mention(e) for e in ctx.sentence_ents(sent) if e.label_ == "PERSON" and e.start not in subject
    ]
    envoys = [t for t in sent if t.lemma_ in ENVOY_NOUNS | {"staffer", "member"} and t.i not in subject]
    sides = [Mention(p.country_hint, "GPE") for p in people if p.country_hint]
    named = [t for e in envoys for t in e.subtree if t.ent_type_ in STATE_LABELS]
    sides += [d for t in named for d in [_demonym(ctx, t)] if d is not None]
    behalf = [m for m in sides if country_code(m.text) not in (None, host)]
    if not behalf:
        return []
    return _drafts(ctx, status, verb, people, behalf[:1], hosts[:1], concrete=True)


def _officer(ctx: ArticleContext, token: Token, officer: Token) -> list[Draft]:
    """People said to be intelligence officers of a state are its spies where they serve: "whom X
    described as an undeclared military intelligence officer", "expelled 15 diplomats, saying they were
    intelligence officers", "the Russian intelligence officers who are being expelled". A former
    officer, or one merely mentioned, is not."""
    if any(c.lower_ in UNSPYING_MODIFIERS for c in officer.children):
        return []
    behalf = [
        m
        for c in officer.children
        if c.dep_ in ("amod", "compound", "poss", "nmod")
        for m in ctx.actors_of(c)
    ]
    behalf = [m for m in behalf if m.label in STATE_LABELS]
    expelled = [c for c in officer.children if c.dep_ in ("relcl", "acl") and c.lemma_ in ACCUSATION_VERBS]
    if officer.dep_ == "attr" and officer.head.lemma_ == "be":  # "saying they were intelligence officers"
        verb = officer.head
        if not any(a.lemma_ in ACCUSATION_VERBS | SAY_VERBS for a in verb.ancestors):
            return []
        agents = [m for m in subjects(ctx, verb) if m.label in ("PERSON", "NORP", "GPE")]
        said_of_them = any(c.dep_ == "nsubj" and c.lower_ in ("they", "he", "she") for c in verb.children)
        if not behalf and (not agents or said_of_them):
            # "ordered 15 officials at the Russian embassy to leave, saying they ...", "expelled three
            # diplomats from the Russian embassy, saying they were ...": the expelled envoys' state
            main = next((a for a in verb.ancestors if objects(a)), None)
            people = [*objects(main), *prep_objects(main, {"at"})] if main is not None else []
            people += [p for o in people for p in prep_objects(o, {"from", "at", "of"})]
            found = [m for o in people for m in _state_of(ctx, o) if m.label in STATE_LABELS][:1]
            if found or not agents:
                behalf, agents = found, [a for a in agents if a.label == "PERSON"]
    elif officer.dep_ == "pobj" and officer.head.lower_ == "as" and officer.head.head.lemma_ in NAMING_VERBS:
        verb = officer.head.head  # "whom X described as an intelligence officer"
        agents = [m for o in objects(verb) for m in ctx.actors_of(o)]
    elif expelled:  # "the Russian intelligence officers who are being expelled"
        verb, agents = expelled[0], []
    else:
        return []
    if not behalf:
        behalf = [Mention(h, "GPE") for a in agents if a.label == "PERSON" and (h := a.country_hint)]
    return _drafts(ctx, token, verb, agents, behalf, [], concrete=True)


def _recruit(ctx: ArticleContext, verb: Token) -> list[Draft]:
    recruits = [o for o in objects(verb) if o.lemma_ in SPY_OBJECTS]
    service = _recruiting_service(verb) if not recruits else None
    if service is not None:
        # "intelligence services were trying to recruit Lithuanian citizens": whom a spy service recruits
        # are its agents, and their country the one spied on
        recruits = objects(verb)
        targets = [
            m
            for r in recruits
            for c in r.children
            if c.dep_ in ("amod", "compound") and (m := _named_nation(ctx, c)) is not None
        ]
        behalf = [m for m in subjects(ctx, verb) if m.label in STATE_LABELS]
        # "Russian and Belarusian intelligence services": each state named before the service
        behalf = unique(
            behalf
            + [
                m
                for a in service.children
                if a.dep_ == "amod"
                for t in conjuncts(a)
                if (m := _demonym(ctx, t)) is not None
            ]
        )
        return _drafts(ctx, verb, verb, [], behalf, targets, concrete=True) if targets and behalf else []
    if not recruits:
        return []
    places = [m for o in prep_objects(verb, {"in"}) for m in ctx.place_of(o)]
    places += [m for r in recruits for o in prep_objects(r, {"in"}) for m in ctx.place_of(o)]
    agents = subjects(ctx, verb)
    return _drafts(ctx, verb, verb, agents, [], places, concrete=True)


def _recruiting_service(verb: Token) -> Token | None:
    """The spy service that does what the verb says, when its subject is one ("intelligence services
    were trying to recruit"), found through the verbs it controls; None otherwise."""
    for head in (verb, *verb.ancestors):
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            spying = subject.lemma_ in SERVICE_NOUNS and subject.lemma_ not in ("handler", "security")
            return subject if spying else None
        if head.dep_ not in ("xcomp", "conj"):
            return None
    return None


def _agent_role(ctx: ArticleContext, noun: Token) -> list[Draft]:
    """An agent role: "acted as an agent for an employee of China's Ministry of State Security"."""
    prep = noun.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":  # "accused her of being a Chinese asset"
        return _said_to_be_agent(ctx, noun)
    if noun.dep_ == "pobj" and prep.lower_ == "as" and prep.head.lemma_ in PRESENTING_VERBS:
        return _presented_as_agent(ctx, noun)
    if not (noun.dep_ == "pobj" and prep.lower_ == "as" and prep.head.lemma_ in ROLE_VERBS):
        return []
    behalf = [m for o in prep_objects(noun, {"for", "of"}) for m in _state_of(ctx, o)]
    if not behalf:
        return []
    verb = prep.head
    return _drafts(ctx, noun, verb, subjects(ctx, verb), behalf, [], concrete=True)


def _presented_as_agent(ctx: ArticleContext, noun: Token) -> list[Draft]:
    """Someone described or presented as a state's agent: "a Chinese national it described as a sleeper
    agent", "presented by the authorities as agents of France's intelligence service". The agent must
    be a spy's ("sleeper", "secret", of a state or service); "a foreign agent" is a legal label."""
    behalf = [
        m for o in prep_objects(noun, {"for", "of"}) for m in _state_of(ctx, o) if m.label in STATE_LABELS
    ]
    covert = any(c.lower_ in COVERT_AGENT_MODIFIERS for c in noun.children)
    if not behalf and not covert:
        return []
    verb = noun.head.head
    described = _described_as(noun)
    people = ctx.actors_of(described) if described is not None else []
    if not people and any(c.dep_ == "nsubjpass" for c in verb.children):  # "were presented as agents of"
        people = subjects(ctx, verb)
    if described is not None and not behalf:  # "a Chinese national it described as a sleeper agent"
        behalf = _nationality(ctx, described)
    agents = [m for m in people if m.label == "PERSON"]
    return _drafts(ctx, noun, verb, agents, behalf, [], concrete=True) if agents or behalf else []


def _said_to_be_agent(ctx: ArticleContext, noun: Token) -> list[Draft]:
    """Someone said or accused to be a state's agent: "accused X of being a Chinese asset", "prosecutors
    say Lee was a North Korean agent". Plain "was an agent" with no state, or no one saying so, is none."""
    be = noun.head
    states = [
        m
        for c in noun.children
        if c.dep_ in ("amod", "compound", "poss")
        for m in ctx.actors_of(c)
        if m.label in STATE_LABELS
    ]
    states += _joined_states(ctx, noun)
    if not states:
        return []
    accusation = next((a for a in be.ancestors if a.lemma_ in ACCUSATION_VERBS), None)
    if accusation is not None:
        agents = accused_of(ctx, accusation) or []
    elif any(a.lemma_ in SAY_VERBS for a in be.ancestors):
        agents = subjects(ctx, be)
    else:
        return []
    people = [m for m in agents if m.label == "PERSON"]
    return _drafts(ctx, noun, be, people, unique(states), [], concrete=True) if people else []


def _behalf(ctx: ArticleContext, noun: Token) -> list[Draft]:
    """Working for a state's intelligence service: "charged with acting on behalf of China's Ministry
    of State Security". On behalf of a state or a company alone it is lobbying or business, not spying."""
    prep = noun.head
    if not (noun.dep_ == "pobj" and prep.lower_ == "on" and prep.head.lemma_ in ROLE_VERBS):
        return []
    served = list(prep_objects(noun, {"of"}))
    if not any(t.lower_ in SERVICE_NOUNS or t.lemma_ in SERVICE_NOUNS for o in served for t in o.subtree):
        return []
    behalf = [m for o in served for m in _state_of(ctx, o) if m.label in STATE_LABELS]
    verb = prep.head
    return _drafts(ctx, noun, verb, subjects(ctx, verb), behalf, [], concrete=True) if behalf else []


def _drafts(
    ctx: ArticleContext,
    trigger: Token,
    predicate: Token,
    agents: list[Mention],
    behalf: list[Mention],
    targets: list[Mention],
    *,
    concrete: bool,
    recruiter: list[Mention] | None = None,
) -> list[Draft]:
    """One espionage draft from the roles a reader found. Unnamed spies known only by nationality or
    employer ("two German citizens", "a Bundeswehr officer") are not the agent: the state they spied
    for is, and their country becomes a candidate target. With no target in the text, a concrete case
    (arrest, charge, named spy) takes the state where it happened; a mere mention is dropped."""
    agents = unique([a for a in agents if a.label in ("PERSON", "ORG", "GPE", "NORP")])
    behalf = unique(behalf)
    held = _held_in(ctx, predicate)  # where the spy was arrested, held or tried
    states = {country_code(m.text) for m in behalf} - {None}
    nationals = [
        a
        for a in agents
        if (a.label == "NORP" or a in ctx.affiliations)
        and a.label != "PERSON"
        and country_code(a.text) not in states
    ]
    people = [a for a in agents if a.label == "PERSON"]
    if not behalf and (
        (nationals and len(nationals) == len(agents)) or (people and len(people) == len(agents))
    ):
        # "a U.S. Navy sailor was convicted of espionage", "Wei was found guilty of espionage": in an
        # article about spying for one state, a spy whose sponsor goes unsaid served that state
        own = {country_code(m.country_hint or m.text) for m in [*nationals, *people]}
        # "Whelan, detained in Moscow, ...": he did not spy for Russia
        sponsors = sorted(_sponsors(ctx) - own - {country_code(held.text) if held else None})
        behalf = [_best_country_mention(ctx, predicate, sponsors[0], None)] if len(sponsors) == 1 else []
    if recruiter and (nationals or not agents):  # "hire Germans to spy for it": Russia spies on Germany
        targets = targets or nationals
        agents = recruiter
    elif nationals and behalf:  # "two German citizens spying for Russia": Russia spies on Germany ...
        agents = []  # ... unless another state arrested them ("Poland arrested a Ukrainian man")
    else:
        nationals = []
    named = any(a.label in ("PERSON", "ORG") for a in agents)
    if not agents:
        agents = behalf
    if not agents:
        return []
    if not targets:
        if not concrete and not named:
            return []
        targets = _fallback_target(ctx, predicate, agents, behalf, nationals, held)
    exclude = {_state_code(m) or m.text for m in [*agents, *behalf]}
    targets = unique([t for t in targets if (country_code(t.text) or t.text) not in exclude])
    if not targets and not named:
        return []
    draft = Draft(EventType.ESPIONAGE, trigger, predicate, agents, targets=targets, on_behalf_of=behalf)
    draft.named_agent = named
    return [draft]


def _described_as(noun: Token) -> Token | None:
    """Whom "described as spies" is said of: the noun a relative "whom ... described as" hangs from, or
    the object of "described X as"."""
    prep = noun.head
    if not (noun.dep_ == "pobj" and prep.lower_ == "as" and prep.head.lemma_ in PRESENTING_VERBS):
        return None
    verb = prep.head
    direct = [o for o in verb.children if o.dep_ == "dobj"]
    if verb.dep_ == "relcl" and all(o.tag_ in ("WP", "WDT") for o in direct):
        if verb.head.lemma_ in ENVOY_NOUNS | PEOPLE_NOUNS or verb.head.ent_type_ in ("PERSON", "NORP"):
            return verb.head
        # "expelled two diplomats on Friday, whom ...": the parser may hang the clause on the date or
        # the place; the people are the nearest named before it
        people = (ENVOY_NOUNS | PEOPLE_NOUNS) - {"embassy"}
        earlier = [t for t in noun.doc[noun.sent.start : verb.i] if t.lemma_ in people]
        return earlier[-1] if earlier else None
    return direct[0] if direct else None


def _envoys_state(ctx: ArticleContext, verb_or_noun: Token) -> list[Mention]:
    """The state of envoys or officials told by nationality ("a Pakistani official", "two Russian
    diplomats"): expelled or described as spies, they spied for it."""
    people = [verb_or_noun] if verb_or_noun.pos_ in ("NOUN", "PROPN") else objects(verb_or_noun)
    people = people + [c for c in verb_or_noun.children if c.dep_ == "nsubjpass"]
    if any(p.lower_ == "them" for p in people) and verb_or_noun.dep_ == "advcl":
        # "withdrew the accreditation of six British diplomats, accusing them of spying": the envoys
        # the clause it hangs from names before the pronoun
        before = verb_or_noun.doc[verb_or_noun.head.left_edge.i : verb_or_noun.i]
        people += [t for t in before if t.tag_ == "NNS" and t.lemma_ in ENVOY_NOUNS][-1:]
    return [
        m for p in people if p.lemma_ in ENVOY_NOUNS or p.lower_ in ENVOY_NOUNS for m in _nationality(ctx, p)
    ]


def _accused_person(ctx: ArticleContext, verb: Token) -> list[Mention] | None:
    """Whom an arrest or verdict is about, also for a second passive verb ("was detained ... and
    later jailed on spying charges")."""
    found = accused_of(ctx, verb)
    if found is None and verb.dep_ == "conj" and verb.tag_ == "VBN":
        found = accused_of(ctx, verb.head)
    return found


def _accused(verb: Token) -> bool:
    """Whether an accusation governs the clause ("charged with passing", "suspected of selling")."""
    return any(a.lemma_ in ACCUSATION_VERBS or a.lemma_ in ACCUSATION_NOUNS for a in verb.ancestors)


def _for_whom(token: Token) -> list[Token]:
    """Whom the spying served: "spying for Russia", "guilty of espionage on behalf of Russia's GRU"."""
    holders = [token]
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        holders.append(token.head.head)  # "guilty of espionage on behalf of X": the phrase's head holds it
    found: list[Token] = []
    for holder in holders:
        found += [o for o in prep_objects(holder, {"for"}) if o.lemma_ not in ("year", "month", "decade")]
        for behalf in prep_objects(holder, {"on"}):
            if behalf.lower_ == "behalf":
                found += list(prep_objects(behalf, {"of"}))
        if found:
            break
    return found


def _doers(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """Who did what a verb says; when the parse hangs "for passing secrets" from a noun instead of the
    verdict ("jailed army officer X for passing ..."), the person that noun names."""
    found = subjects(ctx, verb)
    if not found and verb.dep_ == "xcomp":  # "used their positions to collect": the user, not the tool
        found = subjects(ctx, verb.head)
    if found:
        return found
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("NOUN", "PROPN"):
        return [m for m in ctx.actors_of(verb.head.head) if m.label == "PERSON"]
    if verb.dep_ in ("appos", "acl") and verb.tag_ == "VBG" and verb.head.pos_ == "PROPN":
        # "caught X 'red-handed' receiving restricted information": X, the participle hung on the name
        return [m for m in ctx.actors_of(verb.head) if m.label == "PERSON"]
    clause = verb.head if verb.dep_ == "conj" else verb
    plan = clause.head  # "X ran an operation to hack ...": whoever ran it
    if clause.dep_ in ("relcl", "acl") and plan.dep_ == "dobj" and plan.pos_ == "NOUN":
        return subjects(ctx, plan.head)
    return []


def _subject_of_adjective(ctx: ArticleContext, adjective: Token) -> list[Mention]:
    for child in adjective.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return ctx.actors_of(child)
    if adjective.dep_ in ("amod", "oprd") and adjective.head.pos_ in ("PROPN", "NOUN"):
        return ctx.actors_of(adjective.head)
    return []


def _direct_governor(noun: Token) -> Token | None:
    """The verb that says what happened to the spying ("charged with espionage", "guilty of
    espionage"); None for mentions in passing ("one of the most serious espionage cases")."""
    if noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "with", "for", "on", "over"):
        return None
    holder = noun.head.head
    if holder.pos_ == "VERB":
        return holder
    if holder.pos_ == "ADJ" or holder.lemma_ in ACCUSATION_NOUNS:
        return governing_verb(holder)
    if holder.pos_ != "NOUN" or noun.head.lower_ not in ("for", "of"):
        return None
    # "sentenced X to 16 years for espionage", "accused Russia of a campaign of espionage"
    verb = governing_verb(holder)
    if verb is not None and holder.lemma_ in CONCRETE_HEADS and verb.lemma_ in SERVING_VERBS:
        return verb  # "was serving a 16-year sentence for espionage"
    return verb if verb is not None and verb.lemma_ in ACCUSATION_VERBS else None


def conjuncts_of(prep: Token) -> list[Token]:
    return [c for p in prep.children if p.dep_ == "pobj" for c in conjuncts(p)]


def _joined_states(ctx: ArticleContext, noun: Token) -> list[Mention]:
    """States joined by a hyphen before a noun ("an American-Israeli spy network"): both."""
    joined = [
        t
        for c in noun.children
        if c.dep_ == "amod" and any(p.tag_ == "HYPH" for p in c.children)
        for t in (c, *(h for h in c.children if h.dep_ == "amod"))
    ]
    return [m for t in joined if (m := _demonym(ctx, t)) is not None]


def _demonym(ctx: ArticleContext, token: Token) -> Mention | None:
    """The state a nationality word stands for, also when the model tagged no entity on it."""
    ent = ctx.entity(token)
    if ent is not None and ent.label_ in STATE_LABELS and ent.start <= token.i < ent.end:
        return ctx.mention(ent)
    return Mention(token.text, "NORP") if country_code(token.text) else None


def _named_nation(ctx: ArticleContext, token: Token) -> Mention | None:
    """The state a capitalised nationality word stands for ("Lithuanian citizens"); lowercase words are
    none, even where a town shares their spelling ("of", a Turkish town)."""
    return _demonym(ctx, token) if token.text[:1].isupper() else None


def _nationality(ctx: ArticleContext, people: Token) -> list[Mention]:
    return [
        ctx.mention(ent)
        for c in people.children
        if c.dep_ in ("amod", "compound") and (ent := ctx.entity(c)) is not None and ent.label_ == "NORP"
    ]


def _state_of(ctx: ArticleContext, token: Token) -> list[Mention]:
    """The state behind a phrase: "China's Ministry of State Security" -> China, "it" -> its antecedent."""
    found = ctx.actors_of(token)
    states = [m for m in found if m.label in STATE_LABELS]
    if states:
        return states
    clauses = {t.i for c in token.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    for inner in (t for t in token.subtree if t.i not in clauses):  # not "the GRU that could harm Sweden"
        ent = ctx.entity(inner)
        if ent is not None and ent.label_ in STATE_LABELS:
            return [ctx.mention(ent)]
    return [m for m in found if m.label == "ORG"]


def _target_of(ctx: ArticleContext, token: Token) -> list[Mention]:
    """Who is spied on: organisations and places inside the phrase before nationalities of people."""
    inside = []
    for inner in token.subtree:
        ent = ctx.entity(inner)
        if ent is not None and ent.label_ in ("ORG", "GPE", "LOC") and ent.root == inner:
            if ent.label_ != "ORG" and country_code(ctx.mention(ent).text) is None:
                continue  # "a tank factory in the Urals": a region no state is known by
            inside.append(ctx.mention(ent))
    if inside:
        return inside
    if token.lemma_ in PEOPLE_NOUNS:  # "spying on Chinese dissidents": people, not their state
        return []
    return [m for m in ctx.actors_of(token) if m.label in ("GPE", "NORP", "ORG")]


def _info_targets(ctx: ArticleContext, info: Token, exclude: list[Mention]) -> list[Mention]:
    """Bodies the passed information was about ("information about decisions in the European Parliament")."""
    skip = {m.text for m in exclude}
    found = []
    for inner in info.subtree:
        if inner.dep_ == "prep" and inner.lower_ == "to":
            break
        ent = ctx.entity(inner)
        if ent is not None and ent.label_ in ("ORG", "GPE") and ent.root == inner:
            mention = ctx.mention(ent)
            if mention.text not in skip:
                found.append(mention)
    spied = [c for c in info.head.head.children if c.dep_ == "conj"] if info.head.dep_ == "pcomp" else []
    for conj in spied:  # "... and of spying on dissidents living in Germany"
        found.extend(m for o in prep_objects(conj, {"on"}) for m in _target_of(ctx, o))
    return found


def _foreign_envoys(ctx: ArticleContext, verb: Token) -> bool:
    """Whether a state's diplomats or officials do what the verb says ("Indian diplomats had used their
    positions to collect information on Canadians")."""
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            owners = [c for c in subject.children if c.dep_ in ("amod", "compound", "poss")]
            return subject.lemma_ in ENVOY_NOUNS and any(
                (e := ctx.entity(c)) is not None and e.label_ in STATE_LABELS for c in owners
            )
        if node.dep_ not in ("xcomp", "conj", "advcl"):
            return False
        node = node.head
    return False


def _harmed(ctx: ArticleContext, info: Token) -> list[Mention]:
    """The state whose interests the information could harm: "intelligence that could harm Norwegian
    security", "information prejudicial to the interests of the state"."""
    found = []
    for inner in info.subtree:
        if inner.lemma_ in INTEREST_NOUNS and inner != info:
            owners = [c for c in inner.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
            found += [m for c in owners for m in ctx.actors_of(c) if m.label in STATE_LABELS]
    return found


def _is_state_side(ctx: ArticleContext, token: Token) -> bool:
    found = ctx.actors_of(token)
    if any(m.label in ("GPE", "NORP") for m in found):
        return True
    if any((e := ctx.entity(t)) is not None and e.label_ in STATE_LABELS for t in token.subtree):
        return True  # "Russia's GRU"
    return token.lemma_ in SERVICE_NOUNS or any(t.lemma_ in SERVICE_NOUNS for t in token.subtree)


def _recruiter(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """Who recruited the spies: "... incentives to hire Germans to spy for it" -> Russia."""
    head = verb.head
    recruits = [c for c in head.children if c.dep_ == "dobj"]  # "X was used to spy": X is the spy
    if verb.dep_ in ("xcomp", "advcl") and head.lemma_ in RECRUITING_VERBS and recruits:
        return subjects(ctx, head)
    return []


def _fallback_target(
    ctx: ArticleContext,
    predicate: Token,
    agents: list[Mention],
    behalf: list[Mention],
    nationals: list[Mention],
    held: Mention | None,
) -> list[Mention]:
    """The state spied on when the text does not name it: where the spy was held, where it happened,
    who arrested or accused, the article's most named state; the spies' own nationality only when
    nothing else is in view ("Three Bulgarian nationals have been convicted of spying for Russia" in a
    story of a British trial: Britain)."""
    spying = {_state_code(m) for m in [*agents, *behalf]} - {None}
    candidates: list[Mention] = [held] if held else []
    # "was held in X and later jailed": the place of the first of two coordinated verbs
    clauses = [predicate, predicate.head] if predicate.dep_ == "conj" else [predicate]
    candidates += [m for c in clauses for o in prep_objects(c, {"in"}) for m in ctx.place_of(o)]
    node = predicate
    # the authority that arrested, charged or freed: "German authorities arrested ...", "Norway handed over X"
    for _ in range(AUTHORITY_REACH):
        if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
            candidates += ctx.place_of(node.head)  # "in Austria, where a former officer was arrested"
        if node.lemma_ in SERVING_VERBS:  # "was given a death sentence by a Beijing court"
            candidates += [
                _country_side(m) for c in node.children if c.dep_ == "agent" for o in c.children
                for m in ctx.actors_of(o)
            ]  # fmt: skip
        # "a Moscow court ordered X to be held", "a court in the Chinese city of Suzhou sentenced X": a
        # court is the authority, whatever it did
        courts = [c for c in node.children if c.dep_ == "nsubj" and c.lemma_ in COURT_NOUNS]
        candidates += [_country_side(m) for c in courts for m in ctx.actors_of(c)]
        candidates += [m for c in courts for p in prep_objects(c, {"in"}) for m in ctx.place_of(p)]
        if node.lemma_ in ACCUSATION_VERBS | RELEASE_VERBS or sent_to_prison(node):  # "Norway handed over X"
            for child in node.children:
                if child.dep_ == "nsubj":
                    candidates += [_country_side(m) for m in ctx.actors_of(child)]
                if child.dep_ == "agent":  # "was sentenced by a Beijing court", "by a court in Yekaterinburg"
                    candidates += [_country_side(m) for o in child.children for m in ctx.actors_of(o)]
                    candidates += [
                        m for o in child.children for p in prep_objects(o, {"in"}) for m in ctx.place_of(p)
                    ]
        if node.head == node:
            break
        node = node.head
    candidates += [_country_side(m) for m in ctx.reporters(predicate)]
    if (opening := ctx.locative(predicate)) is not None:  # "In London, two men were charged with ..."
        candidates.append(opening)
    # a country or city the sentence names ("a couple who lived in Slovenia ... spying for Russia")
    candidates += [
        ctx.mention(e)
        for e in ctx.sentence_ents(predicate.sent)
        if e.label_ == "GPE"
        and e.start in ctx.entity_at
        and e.root.dep_ == "pobj"
        and e.root.head.lower_ == "in"
        and e.root.head.head.pos_ in ("VERB", "AUX")  # "lived in Slovenia", not "an exercise in Japan"
    ]
    for mention in candidates:
        code = country_code(mention.text) if mention else None
        if code and code not in spying:
            return [_best_country_mention(ctx, predicate, code, mention)]
    # the article's most named country, unless it is one its spies are said to work for
    sponsors = spying or _sponsors(ctx)  # another case's sponsor may be this spy's target
    for code, _ in ctx.country_counts().most_common():
        if code not in sponsors:
            return [_best_country_mention(ctx, predicate, code, None)]
    return nationals[:1]


AUTHORITY_REACH = 7  # head steps from the spying up to the verb of the state that holds or frees the spy
COURT_NOUNS = frozenset({"court", "tribunal", "judge"})
RELEASE_VERBS = frozenset({"release", "free", "hand", "swap", "exchange", "deport", "extradite"})
HELD_VERBS = frozenset({"arrest", "detain", "hold", "jail", "imprison", "try", "convict", "sentence"})


def _held_in(ctx: ArticleContext, predicate: Token) -> Mention | None:
    """The country where the spy the predicate tells of was arrested, held or tried: "Whelan, detained in
    Moscow in 2018, was serving a sentence for espionage", "who was arrested in Poland on suspicion of
    ...", "convicted by a court in Yekaterinburg". Only the predicate's own clauses and those describing
    their subjects count, not another spy's in the same sentence."""
    clauses = [predicate, *predicate.ancestors]
    clauses += [
        d
        for c in list(clauses)
        for s in c.children
        if s.dep_ in ("nsubj", "nsubjpass")
        for d in s.children
        if d.dep_ in ("acl", "relcl")
    ]
    for verb in clauses:
        if verb.lemma_ not in HELD_VERBS or verb.pos_ != "VERB":
            continue
        places = list(prep_objects(verb, {"in"}))
        # "convicted at the Old Bailey in London", "tried at a court in Yekaterinburg"
        places += [p for o in prep_objects(verb, {"at", "by"}) for p in prep_objects(o, {"in"})]
        places += [
            p for a in verb.children if a.dep_ == "agent" for o in a.children for p in prep_objects(o, {"in"})
        ]
        for place in places:
            for mention in ctx.place_of(place):
                if code := country_code(mention.text):  # "in Moscow": Russia
                    return (
                        mention
                        if is_country_name(mention.text)
                        else Mention(country_name(code) or code, "GPE")
                    )
    return None


def _sponsors(ctx: ArticleContext) -> set[str]:
    """Countries the article says its spies worked for ("convicted of spying for China", "passed
    information to a Chinese intelligence officer")."""
    cached = ctx.memory.get("espionage_sponsors")
    if isinstance(cached, set):
        return cached
    served: list[Token] = []
    for token in ctx.doc:
        if token.lower_ in SPY_NOUNS or token.lemma_ == "spy":
            served += _for_whom(token)
        elif token.lemma_ in PASS_VERBS and token.pos_ == "VERB":
            recipients = prep_objects(token, {"to"})
            served += [r for r in recipients if any(t.lemma_ in SERVICE_NOUNS for t in r.subtree)]
    found = {_state_code(m) for o in served for m in _state_of(ctx, o)}
    sponsors = {code for code in found if code}
    ctx.memory["espionage_sponsors"] = sponsors
    return sponsors


def _state_code(mention: Mention) -> str | None:
    """The country a spying state or service stands for, also by a word of its name ("Brazilian
    Intelligence Agency" -> BR); a person's own country is not it (a spy often spies on his own state)."""
    if mention.label != "ORG":
        return country_code(mention.text)
    # by a word, not the whole name: "GRU" is also an airport's code
    found = next((c for word in mention.text.split() if word.istitle() and (c := country_code(word))), None)
    if found is None and mention.text.upper() in SPY_SERVICES:  # a service the gazetteer knows ("GRU")
        known = get_gazetteer().organizations.get(fold(mention.text))
        found = known.country if known is not None else None
    return found


def _country_side(mention: Mention) -> Mention:
    """The state behind an actor: its stated country, or a curated body's ("the FSB": Russia)."""
    if mention.label in STATE_LABELS:
        return mention
    if mention.country_hint:
        return Mention(mention.country_hint, "GPE")
    org = get_gazetteer().organizations.get(fold(mention.text)) if mention.label == "ORG" else None
    if org is not None and org.country and (name := country_name(org.country)):
        return Mention(name, "GPE")
    return mention


def _best_country_mention(ctx: ArticleContext, near: Token, code: str, default: Mention | None) -> Mention:
    """The article's own name for a country: a GPE in the sentence, else the first one in the text."""
    pools = [ctx.sentence_ents(near.sent), ctx.ents]
    for pool in pools:
        for ent in pool:
            known = ent.label_ == "GPE" and ent.start in ctx.entity_at and is_country_name(ent.text)
            if known and country_code(ent.text) == code:
                return ctx.mention(ent)
    if default is not None:
        return default
    for ent in ctx.ents:
        if ent.label_ == "NORP" and country_code(ent.text) == code:
            return ctx.mention(ent)
    return Mention(country_name(code) or code, "GPE")
