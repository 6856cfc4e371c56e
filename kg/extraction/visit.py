"""Visit: someone travels to a place. Roles: agent (visitor), destination, hosts.

Triggers (kg/patterns/triggers.jsonl, event "Visit"): the verb "visit"; the nouns visit/trip/tour/
arrival; motion verbs with a destination (arrive in, land in, fly to, head to, travel to, stop in,
touched down in); presence ("was in New Delhi for talks", "is expected in Brasilia"); a meeting held
abroad ("attending a summit in Vilnius", "met Xi in Beijing"); hosting ("Macron will host Xi in
Paris"; "Putin hosted him" only adds a host to the visitor's trip). Visitors are people and
organisations, or a state when a delegation travels; a leader in their own country is not visiting.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.context import PLACE_LABELS, PLACE_NOUNS, SEATS_OF_POWER, TITLE_NOUNS, ArticleContext
from kg.extraction.draft import Draft, unique
from kg.extraction.lexicon import words
from kg.extraction.places import country_code, country_name
from kg.extraction.status import status_of
from kg.extraction.syntax import governing_verb, objects, prep_objects, subjects
from kg.model import EventType, Mention, Status

VISITOR_LABELS = frozenset({"PERSON", "ORG"})
MEETING_NOUNS = words("meeting_nouns")
DELEGATION_NOUNS = words("delegation_nouns")
SCHOOL_NOUNS = frozenset(
    {"school", "university", "college", "academy", "course", "class", "classes", "lecture"}
)
GERUND_PREPS = frozenset({"after", "before", "by", "while", "since"})
GATHER_VERBS = frozenset({"gather", "host", "convene", "meet"})
DELEGATION_REACH = 3  # sentences back in which "the delegation" finds the visitor just reported
MOTION_PREPS = {
    "arrive": {"in", "at"}, "land": {"in", "at"}, "fly": {"to", "into", "in"}, "head": {"to", "for"},
    "travel": {"to", "in"}, "go": {"to"}, "come": {"to"}, "stop": {"in", "at"}, "jet": {"to", "into"},
    "tour": {"in"}, "touch": {"in", "at"}, "journey": {"to"}, "leave": {"for"}, "depart": {"for"},
    "set": {"for"}, "make": {"to"}, "take": {"to"}, "bring": {"to"}, "cross": {"into", "to"},
    "continue": {"to"}, "move": {"to"}, "proceed": {"to"}, "spend": {"in", "at"}, "board": {"to", "for"},
    "lead": {"to"}, "step": {"in", "into", "at"}, "return": set(), "flee": {"to"}, "send": {"to"},
}  # fmt: skip
SETTLING_VERBS = frozenset({"work", "live", "settle", "study", "teach", "serve"})
LONG_SPANS = frozenset({"year", "month", "decade"})
TIME_NOUNS = frozenset({"hour", "day", "night", "week", "weekend", "month", "time", "morning", "evening"})
VEHICLE_NOUNS = frozenset({"train", "plane", "flight", "jet", "aircraft", "helicopter", "ship", "ferry"})
LEAD_VERBS = frozenset({"lead", "head"})
SUMMIT_NOUNS = frozenset({"summit", "conference", "forum", "assembly", "games", "olympics"})
SUMMIT_REACH = 12  # sentences back in which "attend in person" finds the summit the article placed
ON_SPOTS = frozenset({"island", "sideline", "sidelines", "margin", "margins"})
VISITOR_REACH = 3  # sentences back in which "the tour" finds the visitor just reported
PURPOSE_PREPS = frozenset({"for", "on"})
TRIP_NOUNS = frozenset({"trip", "tour", "visit", "journey", "travel", "travels"})
NEAR_PREPS = frozenset({"in", "outside", "near", "of"})
LEG_VERBS = frozenset({"begin", "start", "end", "finish", "conclude", "include", "continue", "wrap"})
WHERE_ADVERBS = frozenset({"back", "home", "here", "abroad", "overseas", "away", "there", "safely"})
CHOICE_VERBS = frozenset({"choose", "pick", "select"})
HOSTING_VERBS = frozenset({"host", "welcome", "receive", "greet", "invite"})
WHERE_REACH = 6  # tokens before "where" in which the place it stands for is named
THERE_REACH = 2  # sentences back in which "went there" finds the destination just reported
ARRIVAL_REACH = 4  # sentences back in which an arrival with no place finds the place trips reached


def read(ctx: ArticleContext, trigger: Token, kind: str) -> list[Draft]:
    reader = {
        "visit_verb": _visit_verb,
        "trip_noun": _trip_noun,
        "motion_verb": _motion_verb,
        "presence": _presence,
        "meeting_place": _meeting_place,
        "hosting": _hosting,
        "trip_leg": _trip_leg,
    }[kind]
    return reader(ctx, trigger)


def _visit_verb(ctx: ArticleContext, verb: Token) -> list[Draft]:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):  # "Hanoi was visited by X"
        places = [p for c in verb.children if c.dep_ == "nsubjpass" for p in ctx.place_of(c)]
        visitors = [m for o in prep_objects(verb, {"by"}) for m in ctx.actors_of(o)]
        return _drafts(ctx, verb, verb, visitors, places)
    places = [p for o in objects(verb) for p in ctx.place_of(o)]
    if not places:  # "visited troops in Lithuania": the place hangs from the verb
        places = [p for o in prep_objects(verb, {"to", "in"}) for p in ctx.place_of(o)]
    # "a Russian delegation led by X visited Niamey": the leader is the visitor
    return _drafts(ctx, verb, verb, _delegation_leaders(ctx, verb) or subjects(ctx, verb), places)


def _trip_noun(ctx: ArticleContext, noun: Token) -> list[Draft]:
    if noun.lemma_ == "way" and not (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "on"
        and any(c.dep_ == "poss" for c in noun.children)
        and prep_objects(noun, {"to"})
    ):
        return []  # only "on her way to Guatemala and Belize", not "a way to peace"
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and noun.lemma_ in ("stop", "destination", "leg"):
        # "Xi's final stop is Budapest"
        places = [p for c in noun.head.children if c.dep_ in ("attr", "acomp") for p in ctx.place_of(c)]
        owners = [m for c in noun.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
        return _drafts(ctx, noun, noun.head, owners, places)
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and noun.lemma_ in TRIP_NOUNS:
        # "Xi's last trip abroad was to Riyadh in December": the place hangs from "was"
        places = [p for o in prep_objects(noun.head, {"to"}) for p in ctx.place_of(o)]
        owners = [m for c in noun.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
        if places and owners:
            return _drafts(ctx, noun, noun.head, owners, places)
    if noun.lemma_ in ("stop", "arrival", "stay", "welcome", "reception"):
        # "a stop in Poland", "his arrival in Kyiv", "his stay in Hanoi", "a red-carpet welcome in Lima"
        places = [p for o in prep_objects(noun, {"in", "at"}) for p in ctx.place_of(o)]
        if not places and noun.lemma_ in ("welcome", "reception") and noun.dep_ == "dobj":
            places = [
                p for o in prep_objects(noun.head, {"in"}) for p in ctx.place_of(o)
            ]  # "given a welcome in X"
    else:  # "his tour of Southeast Asia"
        preps = {"to", "in", "of"} if noun.lemma_ in ("tour", "journey") else {"to", "in"}
        places = [p for o in prep_objects(noun, preps) for p in ctx.place_of(o)]
    # "the visit X paid to Berlin last year": the clause names the visitor, the place and the date
    paid = [c for c in noun.children if c.dep_ == "relcl" and c.lemma_ in ("pay", "make")]
    if paid and not places:
        places = [p for o in prep_objects(paid[0], {"to"}) for p in ctx.place_of(o)]
        if places:
            return _drafts(ctx, noun, paid[0], subjects(ctx, paid[0]), places)
    if (
        not places
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "for"
        and noun.head.head.lemma_ in CHOICE_VERBS
    ):
        places = [
            p for o in objects(noun.head.head) for p in ctx.place_of(o)
        ]  # "chose Kazakhstan for his trip"
    # "the arrival of Foreign Minister X in Goa": the parser may hang the place from the traveller
    travellers = [o for o in prep_objects(noun, {"of"}) if noun.lemma_ not in ("tour", "journey")]
    # "the arrival on Thursday of X": the parser hangs "of" from the day
    travellers += [
        t for d in prep_objects(noun, {"on"}) if d.ent_type_ == "DATE" for t in prep_objects(d, {"of"})
    ]
    if not places:
        places = [p for t in travellers for o in prep_objects(t, {"in", "to"}) for p in ctx.place_of(o)]
    legs: list[Token] = []
    if not places:  # "a tour that began in Singapore and Malaysia"
        legs = [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.lemma_ in LEG_VERBS]
        places = [p for v in legs for o in prep_objects(v, {"in", "at", "with"}) for p in ctx.place_of(o)]
    places += [
        ctx.mention(ent)
        for c in noun.children
        if c.dep_ in ("compound", "nmod")
        and (ent := ctx.entity(c)) is not None
        and ent.label_ in PLACE_LABELS
    ]
    if not places:
        return []
    agents: list[Mention] = []
    for child in noun.children:
        if child.dep_ == "poss":
            agents = ctx.actors_of(child) if child.lower_ != "whose" else _relative_owner(ctx, noun)
    if not agents:
        agents = [m for o in prep_objects(noun, {"by"}) for m in ctx.actors_of(o)]
    if not agents:  # "the arrival of Pakistani Foreign Minister X", "the visit of the Pope"
        agents = [m for t in travellers for m in ctx.actors_of(t) if m.label == "PERSON"]
    verb = governing_verb(noun)
    active = verb is not None and not any(c.dep_ == "auxpass" for c in verb.children)
    if not agents and active and noun.dep_ == "dobj" and verb is not None:
        # "follows a trip to Tokyo last May by X": the parser hangs the traveller's "by" from the verb
        agents = [m for o in prep_objects(verb, {"by"}) for m in ctx.actors_of(o) if m.label == "PERSON"]
    if not agents and verb is not None and verb.lemma_ in HOSTING_VERBS and noun.head.lower_ in PURPOSE_PREPS:
        agents = [m for o in objects(verb) for m in ctx.actors_of(o)]  # "Lula hosts him for a state visit"
    topic = noun.dep_ == "pobj" and noun.head.lower_ in ("about", "regarding")  # "asked about the Hanoi leg"
    if not agents and verb is not None and not topic:
        agents = subjects(ctx, verb)
    # "X's trip was called off": the verb a subject noun governs still decides status and date
    predicate = verb or (noun.head if noun.dep_ in ("nsubj", "nsubjpass") else noun)
    if noun.dep_ == "pobj" and noun.head.lower_ in ("since", "after", "before"):
        predicate = noun  # "has not left the country since a visit to Myanmar": a landmark, itself asserted
    if places and legs:  # the leg's own verb dates it, not the verb the tour hangs from
        predicate = legs[0]
    return _drafts(ctx, noun, predicate, agents, places)


def _relative_owner(ctx: ArticleContext, noun: Token) -> list[Mention]:
    """Who "whose" stands for: the noun its relative clause hangs from ("X, whose trip to Y ...")."""
    clause = noun.head
    while clause.dep_ not in ("relcl", "ROOT") and clause.head != clause:
        clause = clause.head
    return ctx.actors_of(clause.head) if clause.dep_ == "relcl" else []


def _just_reported(ctx: ArticleContext, token: Token, key: str, reach: int) -> list[Mention]:
    """What the last trip reported within ``reach`` sentences before a token left in memory under ``key``
    ("visitor" for "the tour began in X")."""
    remembered = ctx.memory.get(key)
    if isinstance(remembered, tuple):
        index, mention = remembered
        if 0 <= ctx.sentence_number(token) - index <= reach:
            return [mention]
    return []


def _trips_so_far(ctx: ArticleContext) -> list[tuple[int, Mention, Token, Token]]:
    """The trips read so far, in text order: (sentence number, place, trigger, predicate)."""
    trips = ctx.memory.get("visit_places")
    return trips if isinstance(trips, list) else []


def _place_just_reported(ctx: ArticleContext, token: Token, reach: int) -> list[Mention]:
    """The place of the last trip read, within ``reach`` sentences before a token ("went there")."""
    trips = _trips_so_far(ctx)
    if trips and 0 <= ctx.sentence_number(token) - trips[-1][0] <= reach:
        return [trips[-1][1]]
    return []


def _last_arrival_place(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """Where an arrival that names no place was: the latest place a trip that happened reached, a few
    sentences back ("Xi landed in Johannesburg ... Lula also arrived on Monday"); planned trips and
    regions do not count ("Modi is due to fly on to Athens")."""
    here = ctx.sentence_number(verb)
    for number, place, trigger, predicate in reversed(_trips_so_far(ctx)):
        if here - number > ARRIVAL_REACH:
            break
        if place.label != "LOC" and status_of(trigger, predicate, EventType.VISIT) is Status.OCCURRED:
            return [place]
    return []


def _elsewhere(verb: Token, landing: bool = False) -> bool:
    """Whether an arrival names where it was, however vaguely ("arrived back", "landed at home")."""
    skip = {"on", "late", "early", "down"} if landing else {"on", "late", "early"}
    return any(
        (c.dep_ in ("prep", "prt") and c.lower_ not in skip)
        or (c.dep_ == "advmod" and c.lower_ in WHERE_ADVERBS)
        for c in verb.children
    )


def _motion_verb(ctx: ArticleContext, verb: Token) -> list[Draft]:
    if verb.lemma_ in ("tour", "visit") and objects(verb):  # "toured Turkmenistan, Kazakhstan and ..."
        return _visit_verb(ctx, verb)
    preps = MOTION_PREPS.get(verb.lemma_, set())
    if any(o.lemma_ in ("work", "duty", "shift") for o in prep_objects(verb, {"for"})):
        return []  # "was detained as he arrived for work at the naval base": a commute, not a trip
    # "flew back to Berlin from Beijing": the way home is no visit; the place left was one
    homeward = any(c.lower_ in ("back", "home") and c.dep_ in ("advmod", "prt") for c in verb.children)
    homeward = homeward or verb.lemma_ == "return"  # "returned from Beijing": the place left was a visit
    alighted = [*prep_objects(verb, {"off", "from"}), *objects(verb)]  # "off" may be read as a particle
    if verb.lemma_ == "step" and not any(o.lemma_ in VEHICLE_NOUNS for o in alighted):
        return []  # "stepped off an overnight train" is an arrival; "stepped down" or "stepped in" is not
    if verb.lemma_ == "touch" and not any(c.lower_ == "down" for c in verb.children):
        return []  # "touched down in Pyongyang" is a landing; "touched on Taiwan in talks" is not
    if verb.lemma_ in ("take", "bring"):  # "a tour that will take him to France, Serbia and Hungary"
        clause = verb.head if verb.dep_ == "conj" else verb  # "a tour that began in X and took her to Y"
        trip = (
            clause.head
            if clause.dep_ == "relcl"
            else next(iter(c for c in clause.children if c.dep_ == "nsubj"), None)
        )
        if trip is None or trip.lemma_ not in TRIP_NOUNS:
            return []
        if any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children):
            # "The tour also takes in Tonga, Vanuatu and Papua New Guinea": the places are its objects
            places = [p for o in objects(verb) for p in ctx.place_of(o)]
            return _scheduled(_drafts(ctx, verb, verb, _trip_owner(ctx, trip, verb), places))
        places = [p for o in prep_objects(verb, {"to"}) for p in ctx.place_of(o)]
        travellers = [m for o in objects(verb) for m in ctx.actors_of(o)]
        return _drafts(ctx, verb, verb, travellers, places)
    if verb.lemma_ == "send" and homeward:
        return []  # "sending Uyghurs back to China": a deportation
    if verb.lemma_ == "send":  # "Tokyo sent X, head of its Asian affairs bureau, to Beijing": X travels
        # a name with a title beside it is a person, whatever the tagger thought ("X, head of the bureau")
        # (one named there: "his handlers sent him to a park in north London" is an errand, not a trip)
        envoys = [
            m
            for o in objects(verb)
            if o.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in o.children)
            for m in ctx.actors_of(o)
            if m.label == "PERSON" or any(c.dep_ == "appos" and c.lemma_ in TITLE_NOUNS for c in o.children)
        ]
        places = [
            ctx.mention(e)
            for h in (verb, *objects(verb))
            for o in prep_objects(h, {"to"})
            if (e := ctx.entity(o)) is not None and e.label_ == "GPE"
        ]
        return _drafts(ctx, verb, verb, envoys, places)
    if verb.lemma_ == "lead" and not any(o.lemma_ in DELEGATION_NOUNS for o in objects(verb)):
        return []  # "will lead the delegation to the summit in Johannesburg"; "led talks to a deal" is not
    if verb.lemma_ == "move" and any(
        c.dep_ == "relcl" and c.lemma_ in SETTLING_VERBS
        for o in prep_objects(verb, {"to"})
        for c in o.children
    ):
        return []  # "before moving to Norway, where he worked": settling there, not a visit
    days = [  # "spent Sunday and Monday", not "spent three years in detention"
        c
        for c in verb.children
        if c.dep_ in ("dobj", "npadvmod") and c.ent_type_ == "DATE" and c.lemma_ not in LONG_SPANS
    ]
    if verb.lemma_ == "spend" and not days and not any(o.lemma_ in TIME_NOUNS for o in objects(verb)):
        return []  # "spent two hours in Niamey", "spent Sunday there" are stays; "spent billions" is not
    heads = [verb]
    if verb.lemma_ == "lead":  # "led a delegation to Kyiv": "to" may hang from the delegation
        heads += [o for o in objects(verb) if o.lemma_ in DELEGATION_NOUNS]
    # "boarded an overnight train to Kyiv", "stepped off a train in Kyiv": the place may hang from the train
    if verb.lemma_ in ("board", "step"):
        heads += [o for o in alighted if o.lemma_ in VEHICLE_NOUNS]
    if verb.lemma_ == "set" and any(o.lower_ == "foot" for o in objects(verb)):  # "set foot in Russia"
        preps = {"in", "on"}
        heads += [o for o in objects(verb) if o.lower_ == "foot"]
    elif verb.lemma_ in ("make", "set"):
        ways = [o for o in objects(verb) if o.lemma_ == "way"]
        particles = [c for c in verb.children if c.dep_ == "prt" and c.lower_ in ("off", "out")]
        if not ways and not particles:
            return []
        heads += ways
    places = [p for h in heads for o in prep_objects(h, preps) for p in ctx.place_of(o)]
    left: list[Token] = []  # "flew into Belgrade from Paris": the city left was a stop too, dated apart
    moved = verb.lemma_ in ("fly", "arrive", "land", "travel", "come", "return")
    if (places or homeward) and moved and verb.tag_ in ("VBD", "VBN"):
        left = [o for o in prep_objects(verb, {"from"}) if any(p.label == "GPE" for p in ctx.place_of(o))]
    if not places:  # "travelled by train to Vladivostok": the means sits between verb and place
        means = [o for o in prep_objects(verb, {"by", "aboard", "on"}) if o.pos_ == "NOUN"]
        places = [p for m in means for o in prep_objects(m, preps) for p in ctx.place_of(o)]
    if not places and verb.lemma_ == "step" and (opening := ctx.locative(verb)) is not None:
        places = [opening]  # "In Kyiv, X and Y stepped off an overnight train"
    if not places and any(c.lower_ == "there" and c.dep_ == "advmod" for c in verb.children):
        places = _place_just_reported(ctx, verb, THERE_REACH)  # "Her predecessor went there in 1997"
    where = verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children)
    if not places and where and (moved or days):
        places = ctx.place_of(verb.head)  # "flying in from Baku, where he had spent Sunday and Monday"
    if (
        not places
        and verb.lemma_ in ("arrive", "land", "touch")
        and not _elsewhere(verb, verb.lemma_ == "touch")
    ):
        places = _last_arrival_place(ctx, verb)  # "... met X, who arrived on Monday evening"
    if not places and verb.lemma_ in ("fly", "come") and _came_in(verb):
        places = _occasion_place(ctx, verb)  # "... was sworn in in Caracas. X and Y flew in for it"
    agents = subjects(ctx, verb)
    if not any(a.label in VISITOR_LABELS for a in agents):  # "Putin's plane touched down"
        agents = [
            m
            for c in verb.children
            if c.dep_ == "nsubj" and c.lemma_ in VEHICLE_NOUNS
            for o in c.children
            if o.dep_ == "poss"
            for m in ctx.actors_of(o)
        ] or agents
    # "a White House delegation led by X travelled to Y": the leader, not the body sending it
    agents = _delegation_leaders(ctx, verb) or agents
    earlier = [
        d for o in left for d in _drafts(ctx, o, o, agents, [p for p in ctx.place_of(o) if p.label == "GPE"])
    ]
    return earlier if homeward else _drafts(ctx, verb, verb, agents, places) + earlier


def _came_in(verb: Token) -> bool:
    """ "Flew in", "came in" with no place of its own: an arrival where the story is."""
    inward = [c for c in verb.children if c.lower_ == "in" and c.dep_ in ("advmod", "prt", "prep")]
    return any(not any(g.dep_ == "pobj" for g in c.children) for c in inward)


def _occasion_place(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """Where the occasion an arrival came for took place: the latest city or country named with "in"
    in the sentence or the one before ("sworn in on Friday in Caracas. X flew in for the occasion")."""
    start = ctx.sentences[max(0, ctx.sentence_number(verb) - 1)].start
    spots = [t for t in ctx.doc[start : verb.i] if t.dep_ == "pobj" and t.head.lower_ == "in"]
    for spot in reversed(spots):
        found = [p for p in ctx.place_of(spot) if p.label == "GPE"]
        if found:
            return found[:1]
    return []


def _delegation_leaders(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """Who led a travelling delegation: "a delegation led by X flew into Niamey", "X led a delegation
    that travelled to Kyiv"."""
    group = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    clause = verb
    while group is None and clause.dep_ in ("xcomp", "acomp") and clause.head != clause:
        clause = clause.head  # "The delegation is due to fly": the subject of "is due"
        group = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if (group is None or group.lower_ in ("that", "which", "who")) and verb.dep_ == "relcl":
        group = verb.head
        if group.dep_ == "pobj" and group.head.lower_ == "of":  # "a delegation of African leaders that"
            group = group.head.head
    if group is None or group.lemma_ not in DELEGATION_NOUNS:
        return []
    led = [c for c in group.children if c.dep_ == "acl" and c.lemma_ in LEAD_VERBS]
    leaders = [m for v in led for o in prep_objects(v, {"by"}) for m in ctx.actors_of(o)]
    if led and not leaders:  # the parser may hang the leader from the verb as a second subject
        leaders = [m for c in verb.children if c.dep_ == "nsubj" and c != group for m in ctx.actors_of(c)]
    if not leaders and group.dep_ == "dobj" and group.head.lemma_ in LEAD_VERBS:
        leaders = subjects(ctx, group.head)
    if not leaders and [c.lower_ for c in group.children if c.dep_ == "det"] == ["the"]:
        # "Lavrov landed in Managua. ... The Russian delegation is due to fly on to Havana": the visitor
        # just reported, when the delegation's modifier (if any) is his country
        states = [m for c in group.children if c.dep_ in ("amod", "compound") for m in ctx.actors_of(c)]
        leaders = [
            v
            for v in _just_reported(ctx, verb, "visitor", DELEGATION_REACH)
            if not states or (v.country_hint and country_code(v.country_hint) == country_code(states[0].text))
        ]
    if not leaders:  # "the Russian delegation flew to Eswatini, Lavrov's first visit to the kingdom"
        leaders = [
            m
            for t in verb.sent
            if t.lemma_ in TRIP_NOUNS
            for c in t.children
            if c.dep_ == "poss"
            for m in ctx.actors_of(c)
        ]
    return [m for m in leaders if m.label == "PERSON"]


def _joined_by(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """Company on a trip: "Macron arrived in Beijing. He was joined by Ursula von der Leyen" -> she went
    there too (where the sentence names no place, the place the trip just reported reached)."""
    joiners = [m for o in prep_objects(verb, {"by"}) for m in ctx.actors_of(o) if m.label == "PERSON"]
    places = [p for o in prep_objects(verb, {"in", "on"}) for p in ctx.place_of(o) if p.label == "GPE"]
    places = places or _place_just_reported(ctx, verb, THERE_REACH)
    return _drafts(ctx, verb, verb, joiners, places) if joiners else []


def _trip_leg(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """Where a trip begins or ends: "ending the tour in the Dominican Republic", "The tour began on
    Wednesday in Britain" (a trip of no named visitor is the one just reported)."""
    trips = [c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.lemma_ in TRIP_NOUNS]
    if not trips and verb.dep_ == "conj":  # "The tour will take in seven countries and end in X"
        trips = [c for c in verb.head.children if c.dep_ == "nsubj" and c.lemma_ in TRIP_NOUNS]
    holder = verb  # the verb that tells status and date
    if not trips and verb.dep_ == "pcomp" and verb.head.head.pos_ == "VERB":  # "... before ending in X"
        holder = verb.head.head
        trips = [c for c in holder.children if c.dep_ == "nsubj" and c.lemma_ in TRIP_NOUNS]
    if not trips:
        return []
    trip = trips[0]
    places = [p for o in prep_objects(verb, {"in", "at"}) for p in ctx.place_of(o)]
    if not places:
        return []
    agents = subjects(ctx, verb) if trip.dep_ == "dobj" else _trip_owner(ctx, trip, verb)
    # "began the trip on Sunday": the trip noun holds the date
    return _scheduled(_drafts(ctx, trip, holder, agents, places))


def _scheduled(drafts: list[Draft]) -> list[Draft]:
    for draft in drafts:
        draft.scheduled = True
    return drafts


def _trip_owner(ctx: ArticleContext, trip: Token, verb: Token) -> list[Mention]:
    """Whose trip a trip noun is: its possessor ("his tour"), or for "the tour" the visitor just reported."""
    agents = [m for c in trip.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
    if not agents and any(c.lower_ == "the" for c in trip.children):
        agents = _just_reported(ctx, verb, "visitor", VISITOR_REACH) or _earlier_traveller(ctx, trip)
    return agents


def _earlier_traveller(ctx: ArticleContext, trip: Token) -> list[Mention]:
    """Whose "the tour" is when no trip was read yet: the person who set out on one in the sentences
    just before ("X left Nairobi on Sunday for a regional tour. The tour began in Uganda")."""
    start = ctx.sentences[max(0, ctx.sentence_number(trip) - VISITOR_REACH)].start
    for noun in reversed(ctx.doc[start : trip.sent.start]):
        if noun.lemma_ == trip.lemma_ and noun.pos_ == "NOUN":
            owners = [m for c in noun.children if c.dep_ == "poss" for m in ctx.actors_of(c)]
            verb = governing_verb(noun)
            found = owners or (subjects(ctx, verb) if verb is not None else [])
            return [m for m in found if m.label == "PERSON"][:1]
    return []


def _presence(ctx: ArticleContext, be: Token) -> list[Draft]:
    """Presence abroad: "Kishida had been in New Delhi on Monday for talks": a leader somewhere abroad."""
    if be.lemma_ != "be":  # "Lavrov is expected in Brasilia next week"
        return _expected_in(ctx, be)
    if be.pos_ == "AUX" and be.dep_ in ("aux", "auxpass"):
        return []
    places = [p for o in prep_objects(be, {"in"}) for p in ctx.place_of(o) if p.label in ("GPE", "LOC")]
    agents = [a for a in subjects(ctx, be) if a.label == "PERSON"]
    # "X and Y were also in Astana, along with Z"
    company = [
        w for c in be.children if c.dep_ == "prep" and c.lower_ == "along" for w in prep_objects(c, {"with"})
    ]
    agents += [m for w in company for m in ctx.actors_of(w) if m.label == "PERSON" and m not in agents]
    if not places or not agents:
        return []
    cued = any(p.lower_ in PURPOSE_PREPS for p in be.children) or any(
        e.label_ == "DATE" for e in ctx.sentence_ents(be.sent) if e.root.head == be or e.root.head.head == be
    )
    drafts = [d for d in _drafts(ctx, be, be, agents, places) if _abroad(d, require=not cued)]
    # with no country known for the visitor, only a local host shows they are abroad
    return [d for d in drafts if d.agents[0].country_hint or _local_host(d)]


def _local_host(draft: Draft) -> bool:
    """A host of the destination's country: "was in Warsaw ... with Polish Prime Minister Donald Tusk"."""
    where = country_code(draft.destination.text) if draft.destination else None
    return where is not None and any(
        h.country_hint and country_code(h.country_hint) == where for h in draft.hosts
    )


def _expected_in(ctx: ArticleContext, verb: Token) -> list[Draft]:
    holders = [verb]
    copula = verb.head if verb.dep_ == "acomp" else None  # "is also due in Port Moresby"
    if copula is not None:
        holders.append(copula)
    due_to = verb.lower_ == "due" and verb.i + 2 < len(verb.doc) and verb.nbor(1).lower_ == "to"
    if due_to:  # "is due to land in Israel" (a noun to the parser)
        holders.append(verb.nbor(2))
    places = [
        p
        for h in holders
        for o in prep_objects(h, {"in", "at", "to"})
        for p in ctx.place_of(o)
        if p.label in ("GPE", "LOC") or (p.label == "NORP" and o.lemma_ in ("capital", "country"))
    ]
    if due_to and verb.nbor(2).lemma_ == "visit":
        places += [p for o in objects(verb.nbor(2)) for p in ctx.place_of(o)]
    if places and all(p.label == "LOC" for p in places):
        # "is due in Europe this week for the Munich Security Conference": the city of the gathering
        towns = [
            p for h in holders for o in prep_objects(h, {"for"}) for p in ctx.place_of(o) if p.label == "GPE"
        ]
        places = towns or places
    agents = [a for a in subjects(ctx, copula or verb) if a.label == "PERSON"]
    group = verb.head if verb.dep_ == "acl" else None
    if not agents and group is not None and group.dep_ == "pobj" and group.head.lower_ == "among":
        # "X and Y were among the leaders expected in Riyadh"
        agents = [a for a in subjects(ctx, group.head.head) if a.label == "PERSON"]
    if not places and verb.i + 1 < len(verb.doc) and (verb.nbor(1).is_punct or verb.nbor(1).lemma_ == "be"):
        places = _gathering_of(ctx, verb, copula or verb)
    # with no named subject, _drafts asks who a bare title stands for ("The premier is expected in ...")
    return _drafts(ctx, verb, copula or verb, agents, places) if places else []


def _gathering_of(ctx: ArticleContext, verb: Token, clause: Token) -> list[Mention]:
    """Where one "expected" or "due" with no place named is expected: the place named just before
    "where" ("for the meeting in New Delhi, where Lavrov is also due"), or the place of a gathering the
    sentence before tells of ("Leaders will gather in Khankendi. X and Y are among those expected")."""
    where = next((c for c in clause.children if c.lower_ == "where"), None)
    if where is not None:
        return _place_before_where(ctx, where, clause.sent.start)
    among = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "pobj" else None
    if among is not None and among.lower_ == "among":  # the gathering the sentence before placed
        number = ctx.sentence_number(verb)
        if number == 0:
            return []
        previous = ctx.sentences[number - 1]
        gathering = any(t.lemma_ in MEETING_NOUNS | SUMMIT_NOUNS | GATHER_VERBS for t in previous)
        towns = [e for e in ctx.sentence_ents(previous) if e.label_ == "GPE"]
        return [ctx.mention(towns[-1])] if gathering and towns else []
    return []


def _place_before_where(ctx: ArticleContext, where: Token, start: int) -> list[Mention]:
    """The place a "where" stands for: the last GPE named between ``start`` and it."""
    named = [e for t in ctx.doc[start : where.i] if (e := ctx.entity(t)) is not None and e.label_ == "GPE"]
    return [ctx.mention(named[-1])] if named else []


def _meeting_place(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """A meeting held abroad: "met Xi in Beijing", "attending a meeting in Capri"."""
    if verb.lemma_ == "hold" and any(
        c.dep_ == "nsubjpass" and c.lemma_ not in MEETING_NOUNS | SUMMIT_NOUNS for c in verb.children
    ):
        return []  # "who had been held in Poland since 2022": detained, not meeting
    if verb.lemma_ == "hold" and verb.dep_ == "acl" and verb.head.lemma_ not in MEETING_NOUNS | SUMMIT_NOUNS:
        return []  # "hostages held in Gaza"
    gatherings = MEETING_NOUNS | SUMMIT_NOUNS
    if (
        verb.lemma_ == "hold"
        and not any(  # "held talks", "held two days of talks"
            g.lemma_ in gatherings for o in objects(verb) for g in (o, *prep_objects(o, {"of"}))
        )
        and not (verb.dep_ in ("relcl", "acl") and verb.head.lemma_ in gatherings)
    ):
        return []  # "any property he holds in China": owning, not meeting
    if verb.lemma_ == "join" and any(c.dep_ == "auxpass" for c in verb.children):
        return _joined_by(ctx, verb)
    if verb.lemma_ == "have" and not any(o.lemma_ in MEETING_NOUNS for o in objects(verb)):
        return []  # "had talks with X in Y", "will have an audience with the pope"; not "has troops in Y"
    if verb.lemma_ == "attend" and any(o.lemma_ in SCHOOL_NOUNS for o in objects(verb)):
        return []  # "attended university in Moscow": studies, not a trip
    if verb.lemma_ == "sit" and not (
        any(c.lower_ == "down" for c in verb.children) and prep_objects(verb, {"with"})
    ):
        return []  # "sat down with X in Y"
    # "held talks ... in Moscow", "met Xi in San Francisco": the place may hang from the object
    # (anything one attends is a gathering: "attending the flag-raising at the alliance's headquarters")
    holders = [
        verb,
        *(
            o
            for o in objects(verb)
            if o.lemma_ in MEETING_NOUNS
            or verb.lemma_ == "meet"
            or (verb.lemma_ == "attend" and o.lemma_ not in SCHOOL_NOUNS)
        ),
    ]
    # "held two days of talks with X in Moscow": through "of" to the meeting, through "with" to whom
    meetings = [n for o in objects(verb) for n in prep_objects(o, {"of"}) if n.lemma_ in MEETING_NOUNS]
    meetings += [h for h in holders[1:] if h.lemma_ in MEETING_NOUNS]
    # "attending meetings of ASEAN foreign ministers in Phnom Penh": the place may hang from who meets
    meetings += [n for h in holders[1:] if h.lemma_ in MEETING_NOUNS for n in prep_objects(h, {"of"})]
    met_with = [w for m in meetings for w in prep_objects(m, {"with"})]
    if verb.lemma_ == "sit":  # "sat down with Meloni in Rome": the place may hang from whom
        met_with += prep_objects(verb, {"with"})
    # "talks with her Polish counterpart Mateusz Morawiecki in Warsaw": the place may hang from the name
    holders += meetings + met_with + [a for w in met_with for a in w.children if a.dep_ == "appos"]
    # "on the island of Bali", "on the sidelines of the summit in Delhi": "on" only before such words
    spots = [
        o
        for h in holders
        for o in prep_objects(h, {"in", "on"})
        if o.head.lower_ == "in" or o.lemma_ in ON_SPOTS
    ]
    # "met Putin in the Kremlin": a seat of power stands for its country
    # "met X in the Ethiopian capital": the nation's capital
    places = [
        p
        for o in spots
        for p in ctx.place_of(o)
        if p.label in ("GPE", "LOC") or _seat_of_power(p) or (p.label == "NORP" and o.lemma_ in PLACE_NOUNS)
    ]
    # "at an estate outside San Francisco", "at the White House" (also "met Trump at the White House")
    for venue in (v for h in holders for v in prep_objects(h, {"at"})):
        if (ent := ctx.entity(venue)) is not None and ent.text.lower().removeprefix("the ") in SEATS_OF_POWER:
            places.append(ctx.mention(ent))
        places += [p for o in prep_objects(venue, NEAR_PREPS) for p in ctx.place_of(o) if p.label == "GPE"]
    if not places:  # "held talks with Xi in the capital": the capital of whom the visitor met
        bare = [
            o
            for h in holders
            for o in prep_objects(h, {"in"})
            if o.lemma_ == "capital" and not any(c.dep_ != "det" for c in o.children)
        ]
        met = [m for m in _hosts(ctx, verb) if m.label == "PERSON" and m.country_hint] if bare else []
        places = [Mention(c, "GPE") for m in met[:1] if (c := _country_name(m.country_hint))]
    if not places and verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        places = [p for p in ctx.place_of(verb.head) if p.label in ("GPE", "LOC")]
        if not places:  # "talks in London on Tuesday, where X met Y": the place named just before
            where = next(c for c in verb.children if c.lower_ == "where")
            places = _place_before_where(ctx, where, max(verb.sent.start, where.i - WHERE_REACH))
    summits = [o for o in (*objects(verb), *prep_objects(verb, {"at"})) if o.lemma_ in SUMMIT_NOUNS]
    # "is representing Moscow at the talks this week": the gathering the article has told of
    summits += [
        o
        for o in prep_objects(verb, {"at"})
        if o.lemma_ in MEETING_NOUNS and any(c.lower_ == "the" for c in o.children)
    ]
    attended = verb.lemma_ == "attend" and all(
        o.lemma_ in MEETING_NOUNS | SUMMIT_NOUNS for o in objects(verb)
    )
    # "talks ... that von der Leyen also attended"
    attended_gathering = (
        verb.lemma_ == "attend" and verb.dep_ == "relcl" and verb.head.lemma_ in MEETING_NOUNS | SUMMIT_NOUNS
    )
    if not places and attended_gathering:
        # "held talks in Beijing with Xi that von der Leyen also attended": where the talks were
        gathering = verb.head
        places = [
            p for h in (gathering, gathering.head) for o in prep_objects(h, {"in"}) for p in ctx.place_of(o)
        ]
    if not places and (summits or attended):
        # "will represent Russia at the summit, which runs ... in Johannesburg"; "are expected to attend
        # in person": the summit the article has placed
        places = [p for s in summits for p in _summit_place(ctx, s)] or _summit_placed_before(ctx, verb)
    if verb.lemma_ == "represent" and not summits:
        return []  # "represented India" alone says nothing of a trip
    attended_by = verb.lemma_ == "attend" and verb.tag_ == "VBN" and verb.head.lemma_ in MEETING_NOUNS
    if attended_by:  # "a summit in Vilnius attended by Zelensky"
        places = places or [p for o in prep_objects(verb.head, {"in"}) for p in ctx.place_of(o)]
        places = places or _placed_before(ctx, verb.head)
        agents = [m for o in prep_objects(verb, {"by"}) for m in ctx.actors_of(o) if m.label == "PERSON"]
    else:
        agents = [a for a in subjects(ctx, verb) if a.label == "PERSON"] or _gerund_subjects(ctx, verb)
    if not places or not agents:
        return []
    meeting = (
        attended_by
        or summits
        or attended_gathering
        or (verb.lemma_ == "attend" and any(o.lemma_ in MEETING_NOUNS for o in objects(verb)))
    )
    drafts = _drafts(ctx, verb, verb, agents, places)
    if verb.lemma_ == "meet":
        met = [m for o in objects(verb) for m in ctx.actors_of(o)]
        for draft in drafts:
            draft.hosts = unique([*draft.hosts, *met])
    # abroad by the visitor's known country, by a local host, or by attending a summit there
    drafts = [d for d in drafts if _abroad(d, require=not meeting) or _local_host(d)]
    if verb.lemma_ == "meet":
        drafts += _guests_met_at_home(ctx, verb, agents, places)
    return drafts


def _gerund_subjects(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """Who does what a gerund after a time or manner word does: "arrived in Bali after attending a
    meeting in Phnom Penh", "marked the day by attending the flag-raising in Brussels"."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in GERUND_PREPS:
        return []
    return [a for a in subjects(ctx, verb.head.head) if a.label == "PERSON"]


def _seat_of_power(place: Mention) -> bool:
    """ "the Kremlin", "the White House": a place that stands for its country's government."""
    return place.text.lower().removeprefix("the ") in SEATS_OF_POWER


def _placed_before(ctx: ArticleContext, noun: Token) -> list[Mention]:
    """The place the clause of a meeting names before it: "took the oath before the Assembly in
    Caracas in a ceremony attended by ..." -> Caracas."""
    sent = noun.sent
    spots = [t for t in ctx.doc[sent.start : noun.i] if t.dep_ == "pobj" and t.head.lower_ == "in"]
    for spot in reversed(spots):
        if places := [p for p in ctx.place_of(spot) if p.label == "GPE"]:
            return places
    return []


def _summit_place(ctx: ArticleContext, summit: Token) -> list[Mention]:
    """Where a summit is: "a summit in Astana", "the summit, which runs ... in Johannesburg"."""
    spots = list(prep_objects(summit, {"in"}))
    if summit.dep_ in ("nsubj", "nsubjpass"):  # "the summit opens in August in Johannesburg"
        spots += prep_objects(summit.head, {"in"})
    for clause in (c for c in summit.children if c.dep_ == "relcl"):
        spots += [t for t in clause.subtree if t.dep_ == "pobj" and t.head.lower_ == "in"]
    prep = summit.head
    if (
        not spots
        and summit.dep_ == "pobj"
        and prep.lower_ in ("for", "alongside")
        and prep.head.pos_ == "VERB"
    ):
        # "flew into Samarkand for the summit", "In Samarkand, X welcomed Xi alongside the summit"
        spots += prep_objects(prep.head, {"in", "into", "to"})
    return [p for o in spots for p in ctx.place_of(o) if p.label in ("GPE", "LOC")]


def _summit_placed_before(ctx: ArticleContext, token: Token) -> list[Mention]:
    """The place of the last summit the article located, in the sentences just before (or this one)."""
    here = ctx.sentence_number(token)
    for number in range(here, max(-1, here - SUMMIT_REACH), -1):
        sent = ctx.sentences[number]
        for noun in reversed([t for t in sent if t.lemma_ in SUMMIT_NOUNS and t.pos_ == "NOUN"]):
            if found := _summit_place(ctx, noun):
                return found[:1]
    return []


def _country_name(hint: str | None) -> str | None:
    """The country a nationality or country hint names ("Chinese" -> "China")."""
    code = country_code(hint) if hint else None
    return country_name(code) if code else None


def _guests_met_at_home(
    ctx: ArticleContext, verb: Token, agents: list[Mention], places: list[Mention]
) -> list[Draft]:
    """A host at home met a foreign guest, who is the visitor ("Biden met Xi in San Francisco")."""
    drafts = []
    for place in places:
        where = country_code(place.text)
        home = [a for a in agents if a.country_hint and country_code(a.country_hint) == where]
        if where is None or not home:
            continue
        for guest in (m for o in objects(verb) for m in ctx.actors_of(o) if m.label == "PERSON"):
            if guest.country_hint and country_code(guest.country_hint) not in (None, where):
                drafts.append(Draft(EventType.VISIT, verb, verb, [guest], place, hosts=list(home)))
    return drafts


def _hosting(ctx: ArticleContext, verb: Token) -> list[Draft]:
    """Hosting: "Putin hosted him": the host joins the visitor's trip (merged later, never alone)."""
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if passive or any(c.dep_ == "auxpass" for c in verb.children):  # "... and was hosted by Xi": shared
        visitors = [m for p in passive for m in ctx.actors_of(p)] or subjects(ctx, verb)
        hosts = [m for a in prep_objects(verb, {"by"}) for m in ctx.actors_of(a)]
    else:
        visitors = [m for o in objects(verb) for m in ctx.actors_of(o)]
        hosts = subjects(ctx, verb)
    visitors = [v for v in visitors if v.label == "PERSON"]
    hosts = [h for h in hosts if h.label in VISITOR_LABELS | {"GPE"}]
    # "will host Xi in Paris", "was greeted by Trump at the White House": the place may hang from either
    holders = [verb, *objects(verb), *prep_objects(verb, {"by"})]
    # "received Aliyev for talks in Turkey": the place of the meeting the guest came for
    holders += [o for o in prep_objects(verb, PURPOSE_PREPS) if o.lemma_ in MEETING_NOUNS]
    places = [
        p
        for h in holders
        for o in prep_objects(h, {"in", "at", "to"})
        for p in ctx.place_of(o)
        if p.label in ("GPE", "LOC", "FAC") or p.text.lower() in SEATS_OF_POWER
    ]
    if passive and visitors and not hosts and any(p.label == "GPE" for p in places):
        # "was greeted by an honour guard at the airport in Ulaanbaatar": welcomed there, so there
        return _drafts(ctx, verb, verb, visitors, [p for p in places if p.label == "GPE"])
    if not visitors or not hosts:
        return []
    drafts = []
    for visitor in visitors:
        draft = Draft(EventType.VISIT, verb, verb, [visitor], places[0] if places else None, hosts=hosts)
        # hosting in a building ("at the Maximos Mansion") joins the visitor's trip when there is one
        draft.host_only = not places or (places[0].label != "GPE" and not _seat_of_power(places[0]))
        drafts.append(draft)
    return drafts


def _drafts(
    ctx: ArticleContext, trigger: Token, predicate: Token, agents: list[Mention], places: list[Mention]
) -> list[Draft]:
    delegation = any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_ in DELEGATION_NOUNS for c in predicate.children
    )
    agents = [a for a in agents if a.label in VISITOR_LABELS or (delegation and a.label in ("GPE", "NORP"))]
    if not agents and places:
        agents = _bare_title_subject(ctx, predicate)
    if not agents or not places:
        return []
    hosts = [h for h in _hosts(ctx, predicate) if h not in agents]
    drafts = []
    for agent in agents:
        for place in unique(places):
            draft = Draft(EventType.VISIT, trigger, predicate, [agent], place, hosts=list(hosts))
            if _abroad(draft, require=False):  # a leader at home is not visiting
                drafts.append(draft)
                trips = ctx.memory.setdefault("visit_places", [])
                if isinstance(trips, list):
                    trips.append((ctx.sentence_number(trigger), place, trigger, predicate))
                ctx.memory["visitor"] = (ctx.sentence_number(trigger), agent)
    return drafts


def _bare_title_subject(ctx: ArticleContext, predicate: Token) -> list[Mention]:
    """The traveller a bare title names: "From Gabon, the president is scheduled to travel to Angola"."""
    clause = predicate.head if predicate.dep_ in ("xcomp", "conj") else predicate
    for verb in dict.fromkeys([predicate, clause]):
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            children = list(subject.children)
            bare = [c.lower_ for c in children if c.dep_ == "det"] == ["the"] and all(
                c.i < subject.i and c.dep_ in ("det", "amod", "compound") for c in children
            )  # "the president", "the prime minister"
            if bare and (found := ctx.person_by_title(subject)):
                return [found]
    return []


def _hosts(ctx: ArticleContext, predicate: Token) -> list[Mention]:
    """Who the visitor meets: "for a summit with X", "to meet X", "talks with X", "met X"."""
    found: list[Mention] = []
    for token in predicate.subtree:
        if token.sent != predicate.sent:
            continue
        if token.lemma_ in MEETING_NOUNS or token.lemma_ in ("meet", "sign", "talk", "hold"):
            for obj in prep_objects(token, {"with"}):
                found.extend(m for m in ctx.actors_of(obj) if m.label in ("PERSON", "ORG"))
        if token.lemma_ == "meet" and token.pos_ == "VERB":
            found.extend(m for o in objects(token) for m in ctx.actors_of(o) if m.label in ("PERSON", "ORG"))
    return unique(found)


def _abroad(draft: Draft, *, require: bool) -> bool:
    """False when the place is the visitor's own country; unknown counts as abroad unless required."""
    agent = draft.agents[0]
    home = country_code(agent.country_hint) if agent.country_hint else None
    where = country_code(draft.destination.text) if draft.destination else None
    if home and where:
        return home != where
    return not require
