"""Sanction: an actor imposes sanctions, embargoes, asset freezes, export bans or blacklisting on a
target. Roles: agents (imposer), targets.

Triggers (kg/patterns/triggers.jsonl, event "Sanction"): the noun "sanctions" (imposed on, against,
by; "X is under UN sanctions"); restrictive measures, export controls and bans on exports to X;
the verbs sanction / blacklist / designate / freeze assets; placing or adding names to a list.
"Sanction a deal" (approve) has no actor as object and is not read.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extraction.context import (
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    MEMBER_NOUNS,
    TITLE_NOUNS,
    ArticleContext,
    conjuncts,
)
from kg.extraction.draft import Draft, unique
from kg.extraction.lexicon import words
from kg.extraction.places import country_code, country_name, is_country_name
from kg.extraction.syntax import governing_verb, objects, prep_objects, subjects
from kg.gazetteer import fold, get_gazetteer
from kg.model import EventType, Mention
from kg.nlp import KIN_NOUNS

ACTOR_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON"})
IMPOSE_VERBS = words("impose_verbs")
SUFFER_VERBS = words("suffer_verbs")
RESTRICTION_QUALIFIERS = words("restriction_qualifiers")
TRADE_NOUNS = words("trade_nouns")
ACTORISH_NOUNS = words("actorish_nouns")
FROZEN_THINGS = words("frozen_things")
LIST_WORDS = words("list_words")
SANCTION_WORDS = words("sanction_words")
VEHICLE_HEADS = words("vehicle_heads")
SAY_VERBS = words("say_verbs")
ENDING_VERBS = words("ending_verbs")
SHARING_VERBS = words("sharing_verbs")
DOCUMENT_NOUNS = words("document_nouns")
ENTRY_VERBS = words("entry_verbs")
DEMAND_VERBS = words("demand_verbs")
RELATION_NOUNS = words("relation_nouns")
FINANCE_NOUNS = words("finance_nouns")
CLOSABLE_NOUNS = frozenset({"port", "airspace", "border", "waters", "market"})
TARGETING_VERBS = frozenset({"target", "hit", "cover", "affect"})
# a relative clause that says what sanctions do to trade names whose trade they hit
# ("sanctions that ban arms sales to X", "sanctions that choke off its oil exports")
RESTRICTING_VERBS = frozenset({"ban", "bar", "block", "choke", "cripple", "curb", "cut", "limit", "prohibit",
                               "restrict", "halt", "stop", "squeeze", "throttle"})  # fmt: skip
NAMING_VERBS = frozenset({"name", "identify", "designate"})  # "... named X and Y" after a count
LISTING_REACH = 3  # sentences after a count in which "The five are X, Y and Z" names its members
MEASURE_NOUNS = frozenset({"measure", "sanction", "penalty", "designation", "order"})
RECENT_SENTENCES = 2  # how far back "followed ... adding 14 tankers" finds whom the sanctions hit
HYPOTHETICAL = frozenset({"could", "might", "may"})
# sentences around a weak trigger ("designated", "added to its list") that must mention sanctions
CONTEXT_WINDOW = 2
SAME_REACH = 300  # tokens back in which "the same two producers" finds the producers named


LICENCE_NOUNS = frozenset(
    {"licence", "license", "permission", "authorisation", "authorization", "waiver", "exemption"}
)
ONE_PERSON_NOUNS = frozenset(
    {"man", "woman", "national", "citizen", "businessman", "businesswoman", "hacker"}
)
NAMING_REACH = 3  # sentences after "a Russian man" in which the man is named
HOLDER_REACH = 8  # sentences around "Iran's prosecutor-general" in which the holder is named with the title
OWN_PEOPLE = frozenset({"american", "citizen", "company", "firm", "bank", "national", "person", "business"})
DEALING_VERBS = frozenset({"provide", "deal", "do", "trade", "transact", "sell", "supply", "export", "offer"})
MEASURE_SUBJECTS = frozenset(
    {
        "freeze",
        "designation",
        "sanction",
        "measure",
        "order",
        "listing",
        "ban",
        "penalty",
        "restriction",
        "move",
    }
)
LIST_OWNERS = {
    "entity list": "United States",
    "unverified list": "United States",
    "sdn list": "United States",
}
TERRITORY_NOUNS = frozenset({"territory", "soil"})
STAYING_VERBS = frozenset({"be", "remain", "stay"})  # "X has been on the Entity List since 2019"
ALSO_WORDS = frozenset({"also", "too", "likewise", "similarly"})
WAR_NOUNS = frozenset({"war", "invasion", "aggression", "attack", "attacks", "offensive", "occupation"})


def read(ctx: ArticleContext, trigger: Token, kind: str) -> list[Draft]:
    if kind == "sanction_noun":
        return _nominal(ctx, trigger)
    if kind == "restriction_noun":
        if _restrictive(trigger) or _reduced_relative(trigger) or _measures_on_people(ctx, trigger):
            return _nominal(ctx, trigger)
        return []
    if kind == "sanction_verb":
        return _verb(ctx, trigger)
    if kind == "list_noun":  # "X has been on the U.S. entity list since 2019"
        if not _blacklist(trigger):
            return []
        drafts = _nominal(ctx, trigger)
        owner = LIST_OWNERS.get(
            " ".join(t.lower_ for t in trigger.subtree if t.dep_ != "det" and t.i <= trigger.i)
        )
        if not drafts and owner is not None:  # "Huawei has been on the Entity List since 2019": the U.S. list
            drafts = [d for d in _nominal_with_owner(ctx, trigger, Mention(owner, "GPE")) if d.targets]
        return drafts
    if kind == "listing":
        return _listing(ctx, trigger)
    if kind == "trade_halt":
        return _trade_halt(ctx, trigger)
    raise KeyError(kind)


def _context_state(mention: Mention) -> bool:
    """ "the North" tagged as a region: a state the article's context names (resolution decides which)."""
    return mention.label == "LOC" and fold(mention.text) in get_gazetteer().context_countries


def _nominal(ctx: ArticleContext, noun: Token) -> list[Draft]:
    if (named := _misparsed_infinitive(ctx, noun)) is not None:  # "move to sanction Iran Air"
        mover = noun.head.head if noun.head.lower_ == "to" else noun.head
        return _drafts(ctx, noun, mover, _imposers(ctx, mover), [named])
    if (verb := _reduced_relative(noun)) is not None:  # "Restrictions Tokyo imposed in 2019 on exports"
        targets = _targets_of_preps(ctx, verb, {"on", "against"})
        return _drafts(ctx, noun, verb, subjects(ctx, verb), targets)
    nominal = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun
    if nominal.lemma_ in VEHICLE_HEADS:
        return []
    targets = _targets_of_preps(ctx, nominal, {"on", "against", "targeting"})
    if nominal.lemma_ == "designation" and _as_terrorists(nominal):
        # "Washington's designation of the Houthis as a Specially Designated Global Terrorist group"
        targets = targets or [m for o in prep_objects(nominal, {"of"}) for m in ctx.actors_of(o)]
    verb = governing_verb(nominal)
    if not (verb is not None and any(prep_objects(verb, {"on", "against"}))):
        # "tariffs and informal bans on Australian barley": unless the verb says on whom ("imposed a
        # freeze and a ban on X and on Y": the second "on" is the ban's)
        for head in _coordinated_heads(nominal)[1:]:
            targets = targets or _targets_of_preps(ctx, head, {"on", "against"})
    for including in (c for c in nominal.children if c.lower_ == "including"):
        targets += _targets_of_preps(ctx, including, {"on", "against"})  # "100 sanctions, including on X"
        for kind in (c for c in including.children if c.dep_ == "pobj" and c.lemma_ in ACTORISH_NOUNS):
            # "sanctions on 300 people and entities, including companies in China and Kyrgyzstan"
            places = [p for h in conjuncts(kind) for p in prep_objects(h, {"in", "from", "based"})]
            targets += [m for p in places for m in ctx.actors_of(p) if m.label in ("GPE", "NORP")]
    agents = [m for o in prep_objects(nominal, {"by"}) for m in ctx.actors_of(o)]
    # "sanctions from the United States and the European Union": the source imposes them
    agents += [
        m
        for o in prep_objects(nominal, {"from"})
        for m in ctx.actors_of(o)
        if m.label in ("GPE", "ORG", "NORP")
    ]
    targets_ids = {m.text for m in targets}
    agents += [m for m in _modifier_actors(ctx, nominal, noun) if m.text not in targets_ids]
    predicate = nominal
    # "the 16th package of sanctions adopted by the EU": the clause hangs from the package
    holders = (
        [nominal, nominal.head.head] if nominal.head.lower_ == "of" and nominal.dep_ == "pobj" else [nominal]
    )
    for child in (c for holder in holders for c in holder.children):
        if child.dep_ in ("relcl", "acl") and child.pos_ == "VERB":
            if child.lemma_ in SAY_VERBS:  # "sanctions on firms that it says helped X": about the target
                continue
            if child.lemma_ in TARGETING_VERBS:  # "sanctions targeting Russia's energy sector"
                targets = targets or [m for o in objects(child) for m in ctx.actors_of(o)]
                continue
            if child.lemma_ in RESTRICTING_VERBS:
                targets = targets or _restricted_trade(ctx, child)
                continue
            predicate = child
            agents = agents or [m for c in child.children if c.dep_ == "nsubj" for m in ctx.actors_of(c)]
            agents = agents or [m for o in prep_objects(child, {"by"}) for m in ctx.actors_of(o)]
            targets = targets or _targets_of_preps(ctx, child, {"on", "against"})
    if not agents and predicate is not nominal and verb is not None and verb.lemma_ in IMPOSE_VERBS:
        # "are preparing a package of sanctions against Russia, which they aim to adopt by ...": whoever
        # prepares it, when the clause's "they" names no one
        agents = _imposers(ctx, verb)
    for holder in holders:  # "a new round of sanctions announced by Canada targets Belarus"
        if holder.dep_ == "nsubj" and holder.head.lemma_ in TARGETING_VERBS:
            targets = targets or [m for o in objects(holder.head) for m in ctx.actors_of(o)]
    if verb is not None and predicate is nominal:
        lemma = verb.lemma_
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in verb.children):
            return []  # "X could face sanctions"
        if lemma in IMPOSE_VERBS:
            # its status and date are the sanction's ("face", "join", "monitor", "lift" are not)
            predicate = nominal if lemma in ENDING_VERBS else verb
            with_measure = nominal.head.lower_ == "with" or (
                lemma == "subject" and nominal.head.lower_ == "to"
            )
            if (lemma in ("hit", "target", "punish") or with_measure) and not targets:
                # "hit Iran with new sanctions", "slapped Belarus with sanctions", "subjected X to sanctions"
                targets = [m for o in objects(verb) for m in ctx.actors_of(o)]
            targets = targets or _targets_of_preps(ctx, verb, {"on", "against"})
            if not targets and any(
                o.lemma_ in TRADE_NOUNS for h in (nominal, verb) for o in prep_objects(h, {"on"})
            ):
                # "imposed restrictions on sales of chips to Chinese buyers": "to" hangs from the verb
                targets = [m for o in prep_objects(verb, {"to"}) for m in ctx.actors_of(o)]
            passive = any(c.dep_ == "nsubjpass" for c in verb.children)
            if passive:
                agents = agents or [m for o in prep_objects(verb, {"by"}) for m in ctx.actors_of(o)]
                if not targets and nominal.dep_ == "pobj":  # "Y was hit with sanctions by X"
                    targets = [m for c in verb.children if c.dep_ == "nsubjpass" for m in ctx.actors_of(c)]
            elif lemma in SHARING_VERBS:  # "aligned itself with the bloc's sanctions": both impose them
                agents = unique(_imposers(ctx, verb) + agents)
            else:
                agents = agents or _imposers(ctx, verb)
            # "imposed sanctions on Russia's oil sector, targeting producers X and Y"
            targets = targets + [
                m
                for c in verb.children
                if c.dep_ == "advcl" and c.lemma_ in TARGETING_VERBS
                for o in objects(c)
                for m in ctx.actors_of(o)
            ]
        elif lemma in SUFFER_VERBS or nominal.head.lower_ in ("under", "with", "from", "by"):
            # "X is under sanctions", "X is struggling with sanctions", "X was hit by sanctions"
            targets = targets or subjects(ctx, verb)
        elif nominal.head.lower_ == "on" and lemma in STAYING_VERBS and _blacklist(nominal):
            targets = targets or subjects(ctx, verb)  # "Huawei has been on the Entity List since 2019"
    elif verb is not None and verb.lemma_ in SUFFER_VERBS and not targets:
        targets = subjects(ctx, verb)  # "help Moscow evade the sanctions imposed by the United States"
    if (
        nominal.dep_ == "nsubjpass" and nominal.head.lemma_ in IMPOSE_VERBS
    ):  # "sanctions were imposed on X by Y"
        head = nominal.head
        targets = targets or _targets_of_preps(ctx, head, {"on", "against"})
        agents = agents or _passive_agents(ctx, head)
        predicate = nominal if head.lemma_ in ENDING_VERBS else head
    named_by_kind = [
        o for h in dict.fromkeys([nominal, predicate]) for o in prep_objects(h, {"on", "against"})
    ]
    targets = targets + [m for o in named_by_kind for m in _named_later(ctx, o)]
    if not targets and _following_suit(nominal, verb):  # "Japan also unveiled asset freezes"
        targets = _states_hit(ctx, noun, _recent_targets(ctx, noun))
        named_by_kind = []  # "measures of their own against officials": not the officials just named
    return _drafts(ctx, noun, predicate, agents, targets, named_by_kind)


def _following_suit(nominal: Token, verb: Token | None) -> bool:
    """Whether a measure with no target repeats one just told: "Japan also unveiled asset freezes",
    "Australia announced its own designations"."""
    # "its own designations", "measures of their own"
    own = any(c.lower_ == "own" or (c.lower_ == "of" and _own(c)) for c in nominal.children)
    again = verb is not None and any(c.dep_ == "advmod" and c.lower_ in ALSO_WORDS for c in verb.children)
    return own or (again and verb is not None and verb.lemma_ in IMPOSE_VERBS)


def _states_hit(ctx: ArticleContext, token: Token, targets: list[Mention]) -> list[Mention]:
    """Whom a state following suit sanctions: the state its sentence acts "against" ("acted together
    against the North"), a state among the targets just told, the countries of the people and bodies
    hit; nothing when no state is known (its own measures hit others than those just named)."""
    if not targets:
        return []
    against = [
        m
        for t in token.sent
        if t.dep_ == "pobj" and t.head.lower_ == "against"
        for m in ctx.actors_of(t)
        if m.label == "GPE"
    ]
    states = against or [t for t in targets if t.label == "GPE" and country_code(t.text)]
    if states:
        return unique(states)
    # a name's country may be told at another mention of it ("Kimsuky, a North Korean group")
    hints = {m.text: m.country_hint for m in ctx.mentions() if m.country_hint}
    homes = [
        country_name(code) for t in targets if (hint := hints.get(t.text)) and (code := country_code(hint))
    ]
    return unique([Mention(name, "GPE") for name in homes if name])


def _own(prep: Token) -> bool:
    return any(o.lower_ == "own" for o in prep.children)


def _recent_targets(ctx: ArticleContext, token: Token, key: str = "sanction_targets") -> list[Mention]:
    """The targets of the sanction told in the last few sentences (with ``key`` "sanctioned_states",
    the states among the targets of the last sanction that hit one)."""
    remembered = ctx.memory.get(key)
    if isinstance(remembered, tuple):
        index, targets = remembered
        if 0 <= ctx.sentence_number(token) - index <= RECENT_SENTENCES:
            return list(targets)
    return []


def _measures_on_people(ctx: ArticleContext, noun: Token) -> bool:
    """Plain "measures" imposed on people right after a sanction is told: "Canada said it was imposing
    measures on more than a dozen people linked to the government"."""
    verb = governing_verb(noun)
    on_people = any(o.lemma_ in ACTORISH_NOUNS for o in prep_objects(noun, {"on", "against"}))
    return (
        noun.lemma_ in ("measure", "restriction")
        and on_people
        and verb is not None
        and verb.lemma_ in IMPOSE_VERBS
        and bool(_recent_targets(ctx, noun))
    )


def _verb(ctx: ArticleContext, verb: Token) -> list[Draft]:
    lemma = verb.lemma_
    text = verb.lower_
    if text.startswith(("froze", "frozen", "freez")):
        if (imposing := _misparsed_freeze_noun(verb)) is not None:
            # "imposed asset freezes on X", parsed "asset" + verb "freezes"; "and travel bans on X" too
            measures = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN")]
            targets = [m for h in measures for m in _targets_of_preps(ctx, h, {"on", "against"})]
            targets += _members_named(ctx, [verb])
            if not targets and _following_suit(verb, imposing):  # "Japan also unveiled asset freezes"
                targets = _states_hit(ctx, verb, _recent_targets(ctx, verb))
            # "X imposed asset freezes": the subject may hang on "freezes"
            agents = [
                m for c in verb.children if c.dep_ == "nsubj" and c.i < imposing.i for m in ctx.actors_of(c)
            ]
            agents = agents or _imposers(ctx, imposing)
            # the verb the noun hangs from tells status and date
            return _drafts(ctx, verb, imposing, agents, targets)
        frozen = [o for o in objects(verb) if o.lemma_ in FROZEN_THINGS]
        frozen += [c for c in verb.children if c.dep_ == "nsubjpass" and c.lemma_ in FROZEN_THINGS]
        if not frozen:
            return []
        owners = [m for f in frozen for o in prep_objects(f, {"of", "belonging"}) for m in ctx.actors_of(o)]
        owners += [m for f in frozen for c in f.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
        # "assets belonging to X", "assets held by X", the participle hung on the noun or on the verb
        owning = [c for h in (*frozen, verb) for c in h.children if c.dep_ in ("acl", "advcl")]
        owning = [c for c in owning if c.lemma_ in ("belong", "hold", "own") and c.tag_ in ("VBG", "VBN")]
        owned_by = [o for c in owning for o in prep_objects(c, {"to", "by"})]
        holders = [o for f in frozen for o in prep_objects(f, {"of", "belonging"})] + owned_by
        owners += [m for o in owned_by for m in ctx.actors_of(o)]
        owners = unique([*owners, *_members_named(ctx, [verb, *frozen, *holders])])  # "... among them X"
        owners = owners or _people_of_the_state_just_hit(ctx, verb, holders)
        frozen_by = any(c.dep_ == "nsubjpass" for c in verb.children)  # "were frozen by Canada"
        agents = _passive_agents(ctx, verb) if frozen_by else _imposers(ctx, verb)
        if not agents and any(c.dep_ == "nsubj" and c.lemma_ in MEASURE_NOUNS for c in verb.children):
            agents = _recent_agents(ctx, verb)  # "The measures freeze any U.S. assets held by X": whose
        return _drafts(ctx, verb, verb, agents, owners, holders)
    if text.startswith("list") and not _listed_as_enemy(ctx, verb):
        return []  # "listed as a terrorist entity" punishes; "listed on the stock exchange" does not
    if lemma == "target":  # "Washington had already targeted Hemedti's brother, X": in a sanctions story
        return _targeted(ctx, verb)
    if lemma in ("revoke", "cancel", "rescind", "withdraw") and (licensed := _licensed(ctx, verb)):
        # "revoked a licence for dealings with Minerven": the sanctions the licence waived apply again
        return _drafts(ctx, verb, verb, _imposers(ctx, verb), licensed)
    if lemma in ("revoke", "cancel"):  # "Washington revoked Modi's visa in 2005": an entry ban
        visas = [o for o in objects(verb) if o.lemma_ == "visa"]
        barred = [m for v in visas for c in v.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
        barred += [m for v in visas for o in prep_objects(v, {"of"}) for m in ctx.actors_of(o)]
        return _drafts(ctx, verb, verb, _imposers(ctx, verb), barred) if barred else []
    designation = lemma == "designate" or text.startswith("designat")
    listed_actors = any(o.lemma_ in ACTORISH_NOUNS for o in objects(verb))
    if designation and not (_near_sanctions(ctx, verb) or listed_actors or _as_terrorists(verb)):
        return []
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        targets = [m for p in passive for m in ctx.actors_of(p)]
        agents = _passive_agents(ctx, verb)
        if agents:
            return _drafts(ctx, verb, verb, agents, targets, passive)
        drafts = _drafts(ctx, verb, verb, _recent_agents(ctx, verb), targets, passive)
        for draft in drafts:
            draft.continued = True
        return drafts
    direct = objects(verb)
    if not direct and verb.dep_ != "relcl":
        return []
    if lemma == "sanction" and direct and all(_owned_thing(ctx, o) for o in direct):
        return []  # "parliament sanctioned Finland's membership": approve, not punish
    relatives = {o.i: r for o in direct if (r := _relative_named(ctx, o)) is not None}
    # "penalised Hemedti's brother and deputy, X": X, not Hemedti
    targets = [m for o in direct for m in ([relatives[o.i]] if o.i in relatives else ctx.actors_of(o))]
    targets += _members_named(ctx, direct)  # "six ministry officials, including Interior Minister X"
    # "blacklisted Grinex ..., together with Old Vector": the ones listed with it
    targets += [
        m
        for o in direct
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == "with" and any(c.lower_ == "together" for c in p.children)
        for w in p.children
        if w.dep_ == "pobj"
        for m in ctx.actors_of(w)
    ]
    if direct and not targets:
        if not any(o.lemma_ in ACTORISH_NOUNS or o.pos_ == "PROPN" for o in direct):
            return []  # "sanction a deal": approve, not punish
        targets = _listed_names(ctx, verb, direct)
        # "would sanction Raytheon", the name taken for a product: a named object is someone
        targets = targets or [
            m for o in direct if o.pos_ == "PROPN" and (m := ctx.listed_name(o)) is not None
        ]
        targets = targets or _people_of_the_state_just_hit(ctx, verb, direct)
    if not direct:  # "..., which Washington sanctioned in 2020"
        targets = ctx.actors_of(verb.head)
    return _drafts(ctx, verb, verb, _imposers(ctx, verb), targets, direct)


def _targeted(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """ "targeted" as a sanction: named people or bodies as its object, sanctions told around it, and
    nothing it was done with ("targeted the port with missiles" is an attack)."""
    if not _near_sanctions(ctx, verb) or list(prep_objects(verb, {"with"})) or verb.dep_ in ("acl", "relcl"):
        return []
    direct = objects(verb)
    targets = [m for o in direct for a in o.children if a.dep_ == "appos" for m in ctx.actors_of(a)]
    targets = targets or [m for o in direct for m in ctx.actors_of(o)]
    targets = [m for m in targets if m.label in ("PERSON", "ORG")]
    targets = targets or _people_of_the_state_just_hit(ctx, verb, direct)
    return _drafts(ctx, verb, verb, _imposers(ctx, verb), targets, direct) if targets else []


def _people_of_the_state_just_hit(ctx: ArticleContext, verb: Token, objects_: list[Token]) -> list[Mention]:
    """Unnamed people or bodies sanctioned right after a state was ("The EU renewed its measures on
    Venezuela ... Britain sanctioned 15 officials of its own", "Ottawa said it had targeted 14 officials"):
    that state, as no other is named for them."""
    generic = [
        o
        for o in objects_
        if o.lemma_ in ACTORISH_NOUNS
        and o.tag_ == "NNS"  # "15 officials", not "the airline" (one named before)
        and not any(c.lower_ in ("the", "these", "those") for c in o.children)
        and not ctx.actors_of(o)
    ]
    if not generic or len(generic) != len(objects_):
        return []
    return _recent_targets(ctx, verb, "sanctioned_states")


def _owned_thing(ctx: ArticleContext, token: Token) -> bool:
    """Whether an object is an actor's thing ("Finland's membership", "its plan"), not someone ("the
    bank's chief", "Iran's oil ministry")."""
    return (
        token.pos_ == "NOUN"
        and ctx.entity(token) is None
        and any(c.dep_ == "poss" for c in token.children)
        and token.lemma_ not in ACTORISH_NOUNS | GOVERNMENT_NOUNS | TITLE_NOUNS | MEMBER_NOUNS
    )


def _misparsed_freeze_noun(verb: Token) -> Token | None:
    """ "imposed asset freezes": the noun "freezes" taken for a verb whose subject is "asset" (or
    "travel bans and asset", the subject and its conjunct). The imposing verb, hung as the head of
    "freezes" or as a modifier of "asset" ("The EU in 2020 imposed asset freezes ..."), else None."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if not (
        before is not None
        and before.lemma_ in FROZEN_THINGS
        and (
            (before.head == verb and before.dep_ == "nsubj")
            or (before.dep_ == "conj" and before.head.head == verb)
        )
    ):
        return None
    if verb.dep_ in ("ccomp", "dobj") and verb.head.lemma_ in IMPOSE_VERBS:
        return verb.head
    subject = before if before.dep_ == "nsubj" else before.head
    return next((c for c in subject.children if c.dep_ == "amod" and c.lemma_ in IMPOSE_VERBS), None)


def _members_named(ctx: ArticleContext, heads: list[Token]) -> list[Mention]:
    """Named members of a group the measure hits: "the assets of six officials, among them X"."""
    found: list[Mention] = []
    for head in heads:
        for named in (c for c in head.children if c.dep_ in ("npadvmod", "appos", "dep") and c.i > head.i):
            # "froze the assets of five officials, among them X": "among them" hung from the name
            if any(p.lower_ == "among" and any(o.pos_ == "PRON" for o in p.children) for p in named.children):
                found += ctx.actors_of(named)
        for prep in (c for c in head.children if c.lower_ in ("among", "including") and c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if pobj.pos_ != "PRON":
                    found += ctx.actors_of(pobj)
                    continue
                # "among them the governor, X": the parser hangs the named member off the clause
                after = [c for c in head.children if c.i > pobj.i and c.dep_ in ("dobj", "appos", "npadvmod")]
                found += [m for c in after[:1] for m in ctx.actors_of(c)]
    return unique(found)


STRAY_LIST_REACH = 20  # tokens after a listing verb in which a list hung elsewhere is looked for


def _listing(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """Listing: "placed X on its unreliable entity list", "added 50 names to its own list"."""
    # "put companies registered in China on its sanctions list": the list may hang from the participle
    # or from the last object ("added 38 individuals and three entities to its sanctions list")
    holders = [verb, *objects(verb), *(c for o in objects(verb) for c in o.children if c.dep_ == "acl")]
    lists = [
        o
        for h in holders
        for o in prep_objects(h, {"on", "to", "in"})
        if o.lower_ in ("list", "blacklist", "register")
    ]
    strays = [] if lists else _stray_list(verb)
    lists += [lst for lst, _ in strays]
    if not lists:
        return []
    qualified = any(
        c.lemma_.lower() in LIST_WORDS or c.lower_ in LIST_WORDS for lst in lists for c in lst.subtree
    )
    if not qualified and not _near_sanctions(ctx, verb):
        return []
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    owners = [m for lst in lists for c in lst.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
    if passive:
        agents = owners or [m for o in prep_objects(verb, {"by"}) for m in ctx.actors_of(o)]
        targets = [m for p in passive for m in ctx.actors_of(p)]
        listed = passive
    else:
        agents = _imposers(ctx, verb) or owners
        listed = objects(verb)
        listed += [noun for _, noun in strays if noun not in listed]
        targets = [m for o in listed for m in ctx.actors_of(o)]
        if not targets:
            targets = _listed_names(ctx, verb, listed)
    if not targets:  # "added 38 individuals to its sanctions list for Belarus": the list's country
        targets = [
            m
            for lst in lists
            for o in prep_objects(lst, {"for"})
            for m in ctx.actors_of(o)
            if m.label == "GPE"
        ]
    return _drafts(ctx, verb, verb, agents, targets, listed)


def _stray_list(verb: Token) -> list[tuple[Token, Token]]:
    """A list the parser hung on a later noun instead of the listing verb: in "added Yangtze Memory
    Technologies Co and more than 30 other Chinese companies to a trade blacklist", "to a trade
    blacklist" may hang from "companies", itself cut off from "added". Each list with the noun it hangs
    from, that noun being one more listed."""
    found = []
    for token in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + STRAY_LIST_REACH)]:
        prep = token.head
        noun = prep.head
        if (
            token.lower_ in ("list", "blacklist")
            and token.dep_ == "pobj"
            and prep.lower_ in ("to", "on")
            and noun.i > verb.i
            and noun.pos_ in ("NOUN", "PROPN")
            and noun.head != verb
            and verb not in noun.ancestors
        ):
            found.append((token, noun))
    return found


def _trade_halt(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """An export ban: "halted approvals of military exports to Turkey", "banned sales of chips to X"."""
    if verb.lemma_ == "close":
        return _closed_to(ctx, verb)
    trade = [t for o in objects(verb) for t in o.subtree if t.lemma_ in TRADE_NOUNS and t.lemma_ != "access"]
    trade += [c for c in verb.children if c.dep_ == "nsubjpass" and c.lemma_ in TRADE_NOUNS]
    # "halted all exports to and imports from Israel": the parser may join the second trade to the verb
    trade += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.lemma_ in TRADE_NOUNS]
    if not trade:
        return _entry_ban(ctx, verb)
    targets = [m for t in trade for m in _trade_partners(ctx, t)]
    # "banned the export of aviation fuel to Myanmar": "to" may hang from the verb
    targets = targets or [
        m for o in prep_objects(verb, {"to"}) for m in ctx.actors_of(o) if m.label in ("GPE", "NORP", "ORG")
    ]
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    agents = _passive_agents(ctx, verb) if passive else _imposers(ctx, verb)
    return _drafts(ctx, verb, verb, agents, targets)


def _closed_to(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """Ports, airspace or a border closed to a nation: "closing Pakistani ports to Indian-flagged
    vessels", "closed its airspace to Russian airlines"."""
    if not any(o.lemma_ in CLOSABLE_NOUNS for o in objects(verb)):
        return []
    barred = list(prep_objects(verb, {"to"}))
    barred += [p for o in objects(verb) for p in prep_objects(o, {"to"})]
    targets = [
        ctx.mention(e)
        for b in barred
        for t in b.subtree
        if (e := ctx.entity(t)) is not None and e.label_ in ("GPE", "NORP") and e.root == t
    ]
    return _drafts(ctx, verb, verb, _imposers(ctx, verb), targets) if targets else []


def _entry_ban(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """An entry ban: "barred X and 62 other citizens from entering Russia"; with no imposer named, the
    state whose territory they may not enter imposes it ("X was banned from entering Britain")."""
    # "from entering Russia", "from their territory"
    entering = [p for p in prep_objects(verb, {"from"}) if p.lemma_ in ENTRY_VERBS | TERRITORY_NOUNS]
    if not entering:  # "barred X and her relatives from entering": the parser may hang it on the last object
        barred = [
            b
            for c in verb.children
            if c.dep_ in ("dobj", "conj", "dep")  # "barred four judges, among them X, from entering"
            for b in conjuncts(c)  # "barred X, who ..., and members of his family from entering"
            if b.pos_ in ("NOUN", "PROPN")
        ]
        entering = [
            p for b in barred for p in prep_objects(b, {"from"}) if p.lemma_ in ENTRY_VERBS | TERRITORY_NOUNS
        ]
    if not entering:
        return _dealing_ban(ctx, verb) or _shut_out(ctx, verb)
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive:
        targets = [m for p in passive for m in ctx.actors_of(p)]
        agents = _passive_agents(ctx, verb)
    else:
        targets = [m for o in objects(verb) for m in ctx.actors_of(o)]
        agents = _imposers(ctx, verb)
    targets += _members_named(ctx, [verb, *objects(verb)])  # "banned 500 Americans, among them X"
    if all(e.lemma_ in TERRITORY_NOUNS for e in entering):  # "barred 11 Georgians from their territory"
        targets = [m for m in targets if m.label != "NORP"]  # people of a nation, not their state
    # "The Taiwan Affairs Office said X would be barred from entering China, Hong Kong and Macau": the
    # body announcing the ban imposes it, not each place it covers
    sayers = [s for a in verb.ancestors if a.lemma_ in SAY_VERBS for s in subjects(ctx, a)]
    agents = agents or [m for m in sayers if m.label in ("ORG", "GPE")]
    places = [o for e in entering for o in [*objects(e), *prep_objects(e, {"to"})]]
    agents = agents or [m for p in places for m in ctx.actors_of(p) if m.label == "GPE"]
    return _drafts(ctx, verb, verb, agents, targets)


def _dealing_ban(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """A ban on the imposer's own people dealing with someone: "barred Americans from providing
    financial services to X", "prohibits U.S. companies from doing business with X"."""
    own_people = [o for o in objects(verb) if o.lemma_ in OWN_PEOPLE or o.ent_type_ == "NORP"]
    dealings = [p for p in prep_objects(verb, {"from"}) if p.lemma_ in DEALING_VERBS and p.pos_ == "VERB"]
    clause_heads = [verb, verb.sent.root]
    measure = any(
        c.dep_ == "nsubj" and c.lemma_ in MEASURE_SUBJECTS for h in clause_heads for c in h.children
    )
    if (
        not own_people or not dealings or measure
    ):  # "the freeze ... bars Americans from": said of a sanction told
        return []
    partners = [o for d in dealings for o in prep_objects(d, {"to", "with"})]
    partners += [o for d in dealings for t in objects(d) for o in prep_objects(t, {"to", "with"})]
    targets = [m for o in partners for m in ctx.actors_of(o) if m.label in ("ORG", "PERSON", "GPE")]
    return _drafts(ctx, verb, verb, _imposers(ctx, verb), targets) if targets else []


def _shut_out(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """Shutting someone out of money: "barred 14 Iraqi banks from dollar transactions", "cut Al-Huda
    Bank off from the U.S. financial system"."""
    if not any(p.lemma_ in FINANCE_NOUNS for p in prep_objects(verb, {"from"})):
        return []
    targets = [m for o in objects(verb) for m in ctx.actors_of(o)]
    return _drafts(ctx, verb, verb, _imposers(ctx, verb), targets) if targets else []


def _restricted_trade(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """Whose trade a restricting clause hits: "ban arms sales to and from X", "curb X's oil exports"."""
    trade = [o for o in objects(verb) if o.lemma_ in TRADE_NOUNS]
    found = [m for t in trade for m in _trade_partners(ctx, t)]
    found += [
        m
        for p in prep_objects(verb, {"to", "from", "with"})
        for m in ctx.actors_of(p)
        if m.label in ("GPE", "NORP", "ORG")
    ]
    found += [
        m
        for t in trade
        for c in t.children
        if c.dep_ == "poss" and c.pos_ != "PRON"
        for m in ctx.actors_of(c)
    ]
    return unique(found)


def _imposers(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """The subject who imposes; an unnamed body of a state ("its commerce ministry") stands for the state."""
    found = subjects(ctx, verb)
    if not found and verb.dep_ == "acl" and verb.head.lemma_ in DOCUMENT_NOUNS:
        # "signed an executive order authorising sanctions": whoever signed or issued it
        outer = governing_verb(verb.head)
        return _imposers(ctx, outer) if outer is not None and outer != verb else []
    if not found or any(m.text[:1].isupper() for m in found):
        return found
    owners = [
        p
        for c in verb.children
        if c.dep_ == "nsubj"
        for p in c.children
        if p.dep_ == "poss" and p.pos_ == "PRON"
    ]
    states = [m for p in owners for m in ctx.antecedent(p) if m.label in ("GPE", "NORP")]
    return states or found


def _passive_agents(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """The "by X" of a passive clause, wherever the parser hung it."""
    found = [m for o in prep_objects(verb, {"by"}) for m in ctx.actors_of(o)]
    if found:
        return found
    for token in verb.subtree:
        if token.lower_ == "by" and token.dep_ in ("prep", "agent"):
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                found += [m for m in ctx.actors_of(pobj) if m.label in ("GPE", "ORG")]
    return found


def _trade_partners(ctx: ArticleContext, trade: Token) -> list[Mention]:
    """Who a trade measure hits: "exports of chips to Chinese buyers" -> Chinese."""
    found: list[Mention] = []
    for owner in (c for c in trade.children if c.dep_ == "poss"):  # "sanctions on Iran's oil exports"
        found += [m for m in ctx.actors_of(owner) if m.label in ("GPE", "NORP")]
    # "investment in Chinese companies": money goes "in", goods go "to"
    partners = ("to", "from", "with", "in") if trade.lemma_ == "investment" else ("to", "from", "with")
    for token in trade.subtree:
        if token.dep_ == "prep" and token.lower_ in partners and token.head.i >= trade.i:
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                found += [m for m in ctx.actors_of(pobj) if m.label in ("GPE", "NORP", "ORG")]
    if not found:  # "sanctions on Iranian oil sales": whose trade it is
        found += [
            m
            for t in trade.subtree
            if t.i < trade.i and t.dep_ in ("amod", "compound") and t.ent_type_ in ("NORP", "GPE")
            for m in ctx.actors_of(t)
            if m.label in ("GPE", "NORP")
        ]
    if not found:  # "exports of chemicals that South Korean chipmakers depend on"
        for token in trade.subtree:
            ent = ctx.entity(token)
            if ent is not None and ent.label_ in ("GPE", "NORP") and token.i > trade.i:
                return [ctx.mention(ent)]
    return found


def _blacklist(noun: Token) -> bool:
    """Whether a list punishes: "the entity list", "its sanctions list", not "a list of guests"."""
    return any(
        c.lemma_.lower() in LIST_WORDS for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
    )


def _listed_as_enemy(ctx: ArticleContext, verb: Token) -> bool:
    roles = [t for p in prep_objects(verb, {"as"}) for t in p.subtree]
    roles += [t for c in verb.children if c.dep_ == "oprd" for t in c.subtree]
    return any(t.lemma_.lower() in LIST_WORDS or t.lower_ in LIST_WORDS for t in roles)


def _drafts(
    ctx: ArticleContext,
    trigger: Token,
    predicate: Token,
    agents: list[Mention],
    targets: list[Mention],
    unnamed: list[Token] | None = None,
) -> list[Draft]:
    agents = unique([_bloc_for(ctx, _state_for(a)) for a in agents if a.label in ACTOR_LABELS])
    agent_texts = {a.text for a in agents}
    # "blacklisted Grinex", the exchange taken for a product: a name a measure hits is a body
    targets = [replace(t, label="ORG") if t.label == "PRODUCT" else t for t in targets]
    targets = unique(
        [t for t in targets if (t.label in ACTOR_LABELS or _context_state(t)) and t.text not in agent_texts]
    )
    if not targets and unnamed:
        targets = [t for t in _unnamed_targets(ctx, trigger, unnamed, agents) if t.text not in agent_texts]
    if not targets:  # "the sanctions the EU imposed over Moscow's invasion of Ukraine": the invader
        targets = [t for t in _invaders(ctx, trigger.sent) if t.text not in agent_texts]
    if not agents or not targets or _demanded(predicate):
        return []
    ctx.memory["sanction_agents"] = (trigger.sent.start, agents)
    ctx.memory["sanction_targets"] = (ctx.sentence_number(trigger), targets)
    if states := [t for t in targets if t.label == "GPE" and is_country_name(t.text)]:
        ctx.memory["sanctioned_states"] = (ctx.sentence_number(trigger), states)
    return [Draft(EventType.SANCTION, trigger, predicate, [agent], targets=list(targets)) for agent in agents]


def _invaders(ctx: ArticleContext, sent: Span) -> list[Mention]:
    """The state a sentence says invaded: "Moscow's invasion of Ukraine", "after Russian troops crossed
    into Ukraine", "since Russian troops invaded Ukraine"."""
    found: list[Mention] = []
    for token in sent:
        if token.lemma_ == "invasion":
            found += [m for c in token.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
        crossed = token.lemma_ == "cross" and any(c.lower_ == "into" for c in token.children)
        if token.lemma_ == "invade" or crossed:
            subject = [c for c in token.children if c.dep_ == "nsubj"]
            found += [m for c in subject for t in (c, *c.children) if (m := _state_of_troops(ctx, t))]
    return unique([m for m in found if m.label in ("GPE", "NORP")])


def _state_of_troops(ctx: ArticleContext, token: Token) -> Mention | None:
    """ "Russia", "Russian troops": the state."""
    ent = ctx.entity(token)
    return ctx.mention(ent) if ent is not None and ent.label_ in ("GPE", "NORP") else None


def _demanded(predicate: Token) -> bool:
    """Sanctions someone is only urged to impose: "urged Canberra to go further and list the Guards"."""
    node = predicate
    for _ in range(4):
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head == node:
            return False
        edge, node = node.dep_, node.head
        if edge in ("xcomp", "ccomp") and node.lemma_ in DEMAND_VERBS:
            return True
    return False


def _targets_of_preps(ctx: ArticleContext, token: Token, preps: set[str]) -> list[Mention]:
    found: list[Mention] = []
    for obj in prep_objects(token, preps):
        if obj.lemma_ in TRADE_NOUNS:  # "restrictions on exports of chips to Chinese companies"
            found.extend(_trade_partners(ctx, obj))
            continue
        if (relative := _relative_named(ctx, obj)) is not None:
            found.append(relative)  # "sanctions on X's brother and deputy, Y": Y
            continue
        if _relations_of(ctx, obj):  # "visa restrictions on a number of Maduro allies": not Maduro
            continue
        named = [
            m for a in obj.children if a.dep_ == "appos" for m in ctx.actors_of(a) if m.label == "PERSON"
        ]
        if not named and obj.lemma_ in TITLE_NOUNS:
            named = _person_after_comma(ctx, obj)  # "..., Gen Abdel Fattah al-Burhan" hung elsewhere
        if not named and _held_by_a_state(ctx, obj):
            # "Taiwan's top representative in the United States, Hsiao Bi-khim": the parser may hang
            # the name from the phrase's last noun
            named = [
                m
                for t in obj.subtree
                if t.dep_ == "appos" and t.head != obj
                for m in ctx.actors_of(t, follow_conj=False)
                if m.label == "PERSON"
            ][:1] or _person_after_comma(ctx, obj)
        # "sanctions on four settlers, including Levi": the ones the text names
        named += [m for o in prep_objects(obj, {"including"}) for m in ctx.actors_of(o)]
        if not named and obj.lemma_ in ONE_PERSON_NOUNS and obj.tag_ == "NN":
            named = _person_named_next(ctx, obj)  # "a travel ban on a Russian man ... The man, X, ..."
        if not named and obj.lemma_ in TITLE_NOUNS and obj.tag_ == "NN":
            named = _holder_named(ctx, obj)  # "Iran's prosecutor-general ... Prosecutor-General X"
        # "sanctions on Sudan's army chief, Gen Abdel Fattah al-Burhan": the person, not the state
        found.extend(named or ctx.actors_of(obj) or _office_states(ctx, obj))
    return found


def _licensed(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """Whom a revoked licence let others deal with: "a license covering Minerven", "an authorisation for
    transactions with state gold miner Minerven"."""
    licences = [o for o in objects(verb) if o.lemma_ in LICENCE_NOUNS]
    found: list[Mention] = []
    for licence in licences:
        for token in licence.subtree:
            ent = ctx.entity(token)
            if ent is not None and ent.root == token and token.dep_ in ("pobj", "dobj", "appos"):
                mention = ctx.mention(ent)
                if ent.label_ == "GPE" and country_code(mention.text) is None:
                    mention = Mention(mention.text, "ORG")  # "state gold miner Minerven" read as a place
                found.append(mention)
                break
    return found


def _held_by_a_state(ctx: ArticleContext, noun: Token) -> bool:
    """Whether a noun is a state's ("Taiwan's top representative", "Iran's prosecutor general")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return any((e := ctx.entity(o)) is not None and e.label_ in ("GPE", "NORP") for o in owners)


def _person_after_comma(ctx: ArticleContext, noun: Token) -> list[Mention]:
    """The person named right after a noun phrase and a comma, wherever the parser hung the name."""
    after = noun.right_edge.i + 2
    if after >= len(noun.doc) or noun.doc[after - 1].text != ",":
        return []
    ents = [ctx.entity(t) for t in noun.doc[after : after + 2]]
    return [ctx.mention(e) for e in ents if e is not None and e.label_ == "PERSON"][:1]


def _relative_named(ctx: ArticleContext, noun: Token) -> Mention | None:
    """The relative or aide a phrase goes on to name: "Dagalo's brother and deputy, Abdelrahim Hamdan
    Dagalo" is the brother, not Dagalo."""
    if noun.lemma_ not in RELATION_NOUNS | KIN_NOUNS:
        return None
    named = [m for a in noun.children if a.dep_ == "appos" for m in ctx.actors_of(a) if m.label == "PERSON"]
    named = named or _person_after_comma(ctx, noun)
    return named[0] if named else None


def _office_states(ctx: ArticleContext, holder: Token) -> list[Mention]:
    """The state whose office an unnamed holder holds: "sanctions on North Korea's defence minister"."""
    if holder.lemma_ not in TITLE_NOUNS:
        return []
    return [
        m
        for c in holder.children
        if c.dep_ == "poss" and (ent := ctx.entity(c)) is not None and ent.label_ == "GPE"
        for m in [ctx.mention(ent)]
    ]


def _relations_of(ctx: ArticleContext, token: Token) -> bool:
    """Whether a phrase names people only by whom they are close to ("a number of X's allies")."""
    for _ in range(3):
        if ctx.entity(token) is not None:
            return False
        if token.lemma_ in RELATION_NOUNS:
            return True
        inner = [p for p in prep_objects(token, {"of"})]
        if token.lemma_ in ACTORISH_NOUNS or not inner:
            return False
        token = inner[0]
    return False


def _modifier_actors(ctx: ArticleContext, nominal: Token, noun: Token) -> list[Mention]:
    """Who a sanction noun's modifiers name: "UN sanctions", "U.S.-led sanctions", "its own sanctions"."""
    found: list[Mention] = []
    for head in dict.fromkeys([nominal, noun]):
        for token in head.subtree:
            if token.i >= head.i or token.dep_ in ("det",):
                continue
            if token.head.dep_ in ("prep", "pobj") and token.head.i < head.i and token.head != head:
                continue
            ent = ctx.entity(token)
            if ent is not None and ent.label_ in ("ORG", "GPE", "NORP"):
                mention = ctx.mention(ent)
                if mention not in found:
                    found.append(mention)
            elif token.dep_ == "poss" and token.pos_ == "PRON":
                found.extend(ctx.antecedent(token))
            elif token.dep_ == "poss" and token.lemma_ in GROUP_NOUNS:  # "the bloc's sanctions"
                found.extend(m for m in ctx.actors_of(token) if m not in found)
    return found


def _misparsed_infinitive(ctx: ArticleContext, noun: Token) -> Mention | None:
    """Whom "to sanction" sanctions when the parser took the verb for a noun ("move to sanction Iran
    Air", "voted to sanction Wagner"): the name right after it."""
    doc = noun.doc
    if noun.lower_ != "sanction" or noun.i == 0 or noun.i + 1 >= len(doc) or doc[noun.i - 1].lower_ != "to":
        return None
    if noun.head.pos_ not in ("VERB", "ADP") or doc[noun.i + 1].pos_ != "PROPN":
        return None
    return (
        ctx.listed_name(doc[noun.i + 1])
        if ctx.entity(doc[noun.i + 1]) is None
        else ctx.mention(ctx.entity_at[noun.i + 1])
    )


def _reduced_relative(noun: Token) -> Token | None:
    """The imposing verb of a misparsed reduced relative ("Restrictions Tokyo imposed ..."), if any."""
    head = noun.head
    verb = head.head
    if (
        noun.dep_ == "compound"
        and head.pos_ == "PROPN"
        and head.dep_ == "nsubj"
        and verb.lemma_ in IMPOSE_VERBS
    ):
        return verb
    # "an end to the sanctions Washington imposed on Syria", the clause parsed as hanging elsewhere:
    # a subject right after the noun, of an imposing verb that has no object of its own
    after = noun.i + 1
    if after < len(noun.doc) and noun.tag_ == "NNS":
        for token in noun.doc[after : min(after + 4, len(noun.doc))]:
            clause = token.head
            if (
                token.dep_ == "nsubj"
                and token.left_edge.i == after
                and clause.i > token.i
                and clause.lemma_ in IMPOSE_VERBS
                and not any(c.dep_ == "dobj" for c in clause.children)
            ):
                return clause
    return None


def _restrictive(noun: Token) -> bool:
    """Whether a measure is a sanction: "restrictive measures", "export controls", "curbs on exports"."""
    qualifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    if qualifiers & RESTRICTION_QUALIFIERS and noun.lemma_ != "freeze":
        return noun.lemma_ != "control" or "export" in qualifiers
    if noun.lemma_ == "freeze":
        return bool(qualifiers & {"asset", "assets"})
    verb = governing_verb(noun)
    clauses = [noun, *(c for c in noun.children if c.dep_ in ("relcl", "acl"))]
    # "imposed curbs on exports of X to China", "imposed bans on Australian barley": the parser may hang
    # what the measure is on from the verb that imposes it
    imposer = (
        verb if verb is not None and verb.lemma_ in IMPOSE_VERBS and _imposed_object(noun, verb) else None
    )
    if imposer is not None:
        clauses.append(imposer)
    if any(o.lemma_ in TRADE_NOUNS for c in clauses for o in prep_objects(c, {"on"})):
        return True
    # "adopted its 14th package of measures against Russia": measures against a state, imposed
    holders = [*_coordinated_heads(noun), imposer]
    on_what = [o for c in holders if c is not None for o in prep_objects(c, {"against", "on"})]
    against_state = any(t.ent_type_ in ("GPE", "NORP") for o in on_what for t in o.subtree)
    if (
        noun.lemma_ == "cap"
    ):  # "a price cap on Russian crude", "the price cap imposed by the G7 on Russian oil"
        imposed_on = [o for c in noun.children if c.dep_ == "acl" for o in prep_objects(c, {"on", "against"})]
        on_state = any(t.ent_type_ in ("GPE", "NORP") for o in imposed_on for t in o.subtree)
        return "price" in qualifiers and (against_state or on_state)
    # "reimposed broad restrictions on Venezuela's oil sector"
    imposed = verb is not None and verb.lemma_ in IMPOSE_VERBS
    # "announced its own ban on Russian diamonds"
    return noun.lemma_ in ("measure", "restriction", "curb", "ban") and against_state and imposed


def _nominal_with_owner(ctx: ArticleContext, noun: Token, owner: Mention) -> list[Draft]:
    """A named list whose owner the name implies: who is on it is the target."""
    verb = governing_verb(noun)
    if (
        verb is None
        or noun.head.lower_ not in ("on", "to")
        or verb.lemma_ not in STAYING_VERBS | {"add", "put", "place"}
    ):
        return []
    if verb.lemma_ in STAYING_VERBS:
        targets = subjects(ctx, verb)
        agents = [owner]
    else:  # "was added to the Entity List", "added X to the Entity List"
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        targets = [m for p in passive for m in ctx.actors_of(p)] or [
            m for o in objects(verb) for m in ctx.actors_of(o)
        ]
        agents = (_passive_agents(ctx, verb) if passive else _imposers(ctx, verb)) or [owner]
    return _drafts(ctx, noun, verb, agents, targets)


def _coordinated_heads(noun: Token) -> list[Token]:
    """A noun and the nouns it is coordinated after, which share its modifiers ("tariffs and bans on X")."""
    heads = [noun]
    while heads[-1].dep_ == "conj" and heads[-1].head.pos_ == "NOUN" and len(heads) < 6:
        heads.append(heads[-1].head)
    return heads


def _imposed_object(noun: Token, verb: Token) -> bool:
    """Whether a noun is what a verb imposes: its object, or coordinated with it ("tariffs and bans")."""
    first = _coordinated_heads(noun)[-1]
    return first.dep_ in ("dobj", "nsubjpass") and first.head == verb


def _listed_names(ctx: ArticleContext, verb: Token, direct: list[Token]) -> list[Mention]:
    """Named targets beside a count ("300 companies, including the Moscow Exchange")."""
    found: list[Mention] = []
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    for token in verb.subtree:  # "... on June 12, including the Moscow Exchange"
        if token.lower_ in ("including", "among") and token.i not in subject:
            found.extend(m for p in token.children if p.dep_ == "pobj" for m in ctx.actors_of(p))
    for obj in [*direct, verb]:
        for child in obj.children:
            if child.dep_ in ("appos", "npadvmod", "advcl") and child.i > verb.i:
                found.extend(m for c in conjuncts(child) for m in ctx.actors_of(c))
    if found:
        return found
    located = [  # "individuals and entities in China, Turkey and the UAE", "companies registered in China"
        m
        for obj in direct
        for head in conjuncts(obj)
        for holder in (head, *(c for c in head.children if c.dep_ == "acl"))
        for place in prep_objects(holder, {"in", "from", "based", "across"})
        for m in ctx.actors_of(place)
        if m.label in ("GPE", "NORP")
    ]
    if located:
        return unique(located)
    for obj in direct:  # "entities involved in producing Iranian drones": the country behind them
        for token in obj.subtree:
            ent = ctx.entity(token)
            if ent is not None and ent.label_ in ("GPE", "NORP") and token.i > obj.i:
                return [ctx.mention(ent)]
    return []


def _as_terrorists(token: Token) -> bool:
    """Whether a designation names its object a terrorist group, which blacklists it ("designated the
    Houthis as a terrorist group", "was designated a foreign terrorist organisation")."""
    named_as = [
        *prep_objects(token, {"as"}),
        *(c for c in token.children if c.dep_ in ("oprd", "attr", "dobj")),
    ]
    return any(t.lemma_.lower().startswith("terror") for n in named_as for t in n.subtree)


def _near_sanctions(ctx: ArticleContext, token: Token) -> bool:
    sents = ctx.sentences
    index = next(i for i, s in enumerate(sents) if s.start <= token.i < s.end)
    window = sents[max(0, index - CONTEXT_WINDOW) : index + CONTEXT_WINDOW + 1]
    return any(t.lower_ in SANCTION_WORDS for s in window for t in s if t.i != token.i)


def _bloc_for(ctx: ArticleContext, agent: Mention) -> Mention:
    """A regional people's word names the bloc of that region the article names: "West African leaders
    imposed sanctions" -> the Economic Community of West African States."""
    if agent.label != "NORP" or country_code(agent.text) is not None:
        return agent
    for ent in ctx.ents:
        if ent.label_ == "ORG" and f" {agent.text.lower()} " in f" {ent.text.lower()} ":
            return ctx.mention(ent)
    return agent


def _state_for(agent: Mention) -> Mention:
    """A leader imposes sanctions for a state: "Biden imposed sanctions" -> the U.S. (when the text says)."""
    if agent.label == "PERSON" and agent.country_hint:
        return Mention(agent.country_hint, "GPE" if is_country_name(agent.country_hint) else "NORP")
    return agent


def _named_later(ctx: ArticleContext, counted: Token) -> list[Mention]:
    """Names listed just after a count: "sanctions on five companies ... The five are X, Y and Z"."""
    count = next((c for c in counted.children if c.dep_ == "nummod"), None)
    if count is None or counted.lemma_ not in ACTORISH_NOUNS:
        return []
    here = ctx.sentence_number(counted)
    for sent in ctx.sentences[here + 1 : here + 1 + LISTING_REACH]:
        root = sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        refers = subject is not None and subject.lower_ in {count.lower_, counted.lower_, "they"}
        if root.lemma_ == "be" and refers:
            named = [t for c in root.children if c.dep_ == "attr" for t in conjuncts(c)]
            return [m for t in named if (m := ctx.listed_name(t)) is not None]
        for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_ in NAMING_VERBS):
            # "The Treasury named X Co. and Y Co.": the counted companies, by name
            named = [t for c in verb.children if c.dep_ in ("dobj", "oprd") for t in conjuncts(c)]
            found = [m for t in named if (m := ctx.listed_name(t)) is not None]
            if found:
                return found
    return []


def _unnamed_targets(
    ctx: ArticleContext, trigger: Token, heads: list[Token], agents: list[Mention]
) -> list[Mention]:
    """Targets named only by kind ("30 vessels it says belong to Russia's fleet", "14 tankers"): the
    state inside the phrase or the sentence, else the targets of the sanction just reported
    ("Canada followed hours later, adding 14 tankers")."""
    kinds = [k for h in heads for k in conjuncts(h) if k.lemma_ in ACTORISH_NOUNS]
    if not kinds:
        return []
    located = [  # "individuals and entities in China, Turkey and the United Arab Emirates"
        m
        for head in kinds
        for place in prep_objects(head, {"in", "from", "based", "across"})
        for m in ctx.actors_of(place)
        if m.label in ("GPE", "NORP")
    ]
    if located:
        return unique(located)
    for head in kinds:
        for token in head.subtree:
            ent = ctx.entity(token)
            if ent is not None and ent.label_ in ("GPE", "NORP") and token.i > head.i:
                found = _aggressor(ctx, ctx.mention(ent), trigger.sent)
                return [found] if found is not None else []
    same = _same_as_before(ctx, kinds)
    if same:
        return same
    imposers = {country_code(a.text) or a.text for a in agents}
    named_here = [  # "sanctioned 20 individuals for human rights abuses in Iran"
        ctx.mention(e)
        for e in ctx.sentence_ents(trigger.sent)
        if e.label_ in ("GPE", "NORP")
        and e.start in ctx.entity_at
        and e.start > trigger.i
        and e.root.dep_ == "pobj"  # a place or cause ("abuses in Iran"), not a firm's base ("Dubai-based")
        and not (e.root.head.lower_ == "in" and e.root.head.head.lemma_ in ACTORISH_NOUNS)  # "a firm in X"
    ]
    named_here = [a for m in named_here if (a := _aggressor(ctx, m, trigger.sent)) is not None]
    named_here = [m for m in named_here if (country_code(m.text) or m.text) not in imposers]
    if named_here:
        return unique(named_here[:1])
    return _recent_targets(ctx, trigger)


def _aggressor(ctx: ArticleContext, victim: Mention, sent: Span) -> Mention | None:
    """Sanctions told "over Russia's war in Ukraine" or "since Russia's invasion of Ukraine" are on the
    state that waged it, not the one it was waged on; "two years of war in Ukraine" with no one named
    waging it is on the state the sentence or the article says waged a war ("Moscow's invasion"), and
    never on the victim."""
    for ent in ctx.sentence_ents(sent):
        if ctx.mention(ent) != victim or ent.root.dep_ != "pobj":
            continue
        war = ent.root.head.head
        if war.lemma_ not in WAR_NOUNS:  # "two years of war in Ukraine"
            war = next((o for o in prep_objects(war, {"of"}) if o.lemma_ in WAR_NOUNS), war)
        if war.lemma_ not in WAR_NOUNS:
            continue
        owners = [m for c in war.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
        if owners:
            return owners[0]
        return _war_owner(ctx, sent, victim)
    return victim


def _war_owner(ctx: ArticleContext, sent: Span, victim: Mention) -> Mention | None:
    """The state the sentence, else the article, names as waging a war ("Moscow's full-scale invasion")."""
    for tokens in (sent, ctx.doc):
        for war in (t for t in tokens if t.lemma_ in WAR_NOUNS):
            owners = [m for c in war.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
            if owners and owners[0] != victim:
                return owners[0]
    return None


def _same_as_before(ctx: ArticleContext, kinds: list[Token]) -> list[Mention]:
    """ "the assets of the same two producers": the names that kind was given before ("targeting
    producers X and Y")."""
    for head in kinds:
        if not any(c.lower_ == "same" for c in head.children):
            continue
        for earlier in reversed(ctx.doc[max(0, head.i - SAME_REACH) : head.i]):
            if earlier.lemma_ != head.lemma_:
                continue
            found: list[Mention] = []
            for token in ctx.doc[earlier.i + 1 : earlier.i + 12]:
                if token.lower_ in ("and", ","):
                    continue
                if token.pos_ != "PROPN" and ctx.entity(token) is None:
                    break
                named = ctx.listed_name(token) if token.dep_ != "compound" else None
                if named is not None and named not in found:
                    found.append(named)
            if found:
                return found
    return []


def _recent_agents(ctx: ArticleContext, token: Token) -> list[Mention]:
    remembered = ctx.memory.get("sanction_agents")
    if isinstance(remembered, tuple):
        start, agents = remembered
        if token.sent.start - start < 400:
            return list(agents)
    return []


def _holder_named(ctx: ArticleContext, title: Token) -> list[Mention]:
    """The person the article names with an unnamed office holder's title, in the sentences around
    ("sanctions on Iran's prosecutor-general ... Prosecutor-General Mohammad Jafar Montazeri")."""
    states = {country_code(m.text) for m in _office_states(ctx, title)}
    if not states:  # "the prosecutor-general" of no named state
        return []
    here = ctx.sentence_number(title)
    start = ctx.sentences[max(0, here - HOLDER_REACH)].start
    end = ctx.sentences[min(len(ctx.sentences) - 1, here + HOLDER_REACH)].end
    for ent in ctx.ents:
        if start <= ent.start < end and ent.label_ == "PERSON" and ent.start in ctx.entity_at:
            before = [t.lower_ for t in ctx.doc[max(0, ent.start - 3) : ent.start]]
            holder = ctx.mention(ent)
            of_state = holder.country_hint is None or country_code(holder.country_hint) in states
            if title.lower_ in before and "former" not in before and of_state:
                return [holder]
    return []


def _person_named_next(ctx: ArticleContext, noun: Token) -> list[Mention]:
    """The person an unnamed individual turns out to be: the first person named after the phrase, in
    its sentence or the next two ("a Russian man it accused of the hack ... Aleksandr Ermakov, 33")."""
    here = ctx.sentence_number(noun)
    end = ctx.sentences[min(len(ctx.sentences) - 1, here + NAMING_REACH)].end
    for ent in ctx.ents:
        if noun.i < ent.start < end and ent.label_ == "PERSON" and ent.start in ctx.entity_at:
            return [ctx.mention(ent)]
    return []
