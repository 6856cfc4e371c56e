"""An event as a reader first sees it, before status, date and merging are settled."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extraction.context import SAY_VERBS, ArticleContext
from kg.extraction.status import status_of
from kg.extraction.syntax import ACCUSATION_VERBS, governing_verb, misread_verb, verb_chain
from kg.model import DateValue, EventType, Mention, RawEvent, Status

REPEAT_WORDS = frozenset({"often", "regularly", "repeatedly", "frequently", "twice", "previously", "before"})
COUNT_WORDS = frozenset({"many", "several", "dozen", "numerous"})
LEAD_PARAGRAPHS = 1
CLAUSE_REACH = 3  # clauses up from an event to the dated announcement it is told in
ARREST_REACH = 3  # sentences back in which an arrest dates the spying it is about


@dataclass
class Draft:
    type: EventType
    trigger: Token
    predicate: Token
    agents: list[Mention]
    destination: Mention | None = None
    hosts: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    on_behalf_of: list[Mention] = field(default_factory=list)
    reported_by: list[Mention] = field(default_factory=list)
    status: Status = Status.OCCURRED
    date: DateValue | None = None
    evidence: str = ""
    host_only: bool = False  # "Putin hosted him": joins the visitor's trip, never an event alone
    named_agent: bool = True  # False when the agent is only the state a spy worked for
    continued: bool = False  # agent carried over from the previous sentence ("were designated")
    scheduled: bool = False  # a leg of a trip's programme: told in the present, it is still ahead

    def to_event(self) -> RawEvent:
        return RawEvent(
            type=self.type,
            agents=tuple(self.agents),
            status=self.status,
            evidence=self.evidence,
            destination=self.destination,
            hosts=tuple(self.hosts),
            targets=tuple(self.targets),
            on_behalf_of=tuple(self.on_behalf_of),
            reported_by=tuple(self.reported_by),
            date=self.date,
        )


def finish(ctx: ArticleContext, draft: Draft) -> Draft | None:
    """Settle status, date, attribution and evidence; None when the text does not assert the event."""
    status = status_of(draft.trigger, draft.predicate, draft.type)
    if status is None:
        return None
    if draft.scheduled and status is Status.OCCURRED and _present_simple(draft.predicate):
        status = Status.PLANNED  # "The tour also takes in Tonga and Vanuatu before ending in Dili"
    draft.status = status
    anchors = {draft.trigger, *verb_chain(draft.predicate)}
    top = max(anchors, key=lambda t: len(list(t.ancestors)) * -1)
    if top.dep_ == "advcl" and top.tag_ == "VBG":  # "South Korea followed on Friday, blacklisting ..."
        anchors.add(top.head)
    if draft.type is EventType.ESPIONAGE:  # the day of the arrest or charge: "charged X on Monday with ..."
        anchors.update(a for a in draft.predicate.ancestors if a.lemma_ in ACCUSATION_VERBS)
    draft.date = ctx.timeline.date_for(anchors, future=status is Status.PLANNED)
    if draft.date is None and draft.type is EventType.SANCTION:  # "has been under sanctions since 2011"
        holder = governing_verb(draft.predicate)
        if holder is not None and _object_of(draft.predicate, holder):  # "reimposed sanctions in 2018"
            draft.date = ctx.timeline.date_for(anchors | {holder}, future=False, since="also")
        else:
            draft.date = ctx.timeline.date_for(anchors, future=False, since="only")
    if (
        draft.date is None and draft.type is EventType.VISIT
    ):  # "had spent the weekend in Delhi, arriving on Friday"
        arrivals = [c for c in draft.predicate.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
        draft.date = (
            ctx.timeline.date_for(set(arrivals), future=status is Status.PLANNED) if arrivals else None
        )
    if draft.date is None and draft.type is EventType.VISIT:
        draft.date = _stop_on_the_way(ctx, draft.trigger, future=status is Status.PLANNED)
    if draft.date is not None and status is Status.OCCURRED and _present_simple(draft.predicate):
        # "On Friday the French president moves on to Guangzhou": a schedule told in the present
        ahead = ctx.timeline.date_for(anchors, future=True)
        if ahead is not None and _after_publication(ctx, ahead):
            draft.status, draft.date = Status.PLANNED, ahead
    if draft.date is None and draft.type is EventType.ESPIONAGE:  # dated by the arrest told just before
        draft.date = _arrest_date(ctx, draft.trigger)
    if draft.date is None and draft.type is EventType.ESPIONAGE and _told_as_arrest(draft.predicate):
        # "Police have arrested three men on suspicion of spying ... They were detained on Wednesday"
        draft.date = _arrest_date(ctx, draft.trigger, forward=True)
    if draft.date is None and top.dep_ in ("relcl", "acl", "advcl"):
        draft.date = _date_of_clause_head(ctx, top, future=status is Status.PLANNED)
    if draft.date is None and status is not Status.PLANNED and draft.predicate.pos_ == "VERB":
        draft.date = ctx.timeline.fronted(draft.trigger.sent, future=False)
    if draft.date is None and status is not Status.PLANNED:
        draft.date = _entry_date(ctx, draft.trigger)  # a live blog's entry: the day its heading gives
    if draft.date is None and (status is Status.OCCURRED or draft.type is EventType.ESPIONAGE):
        draft.date = _said_date(ctx, top) or _news_date(ctx, draft)
    if not draft.reported_by:
        draft.reported_by = [m for m in ctx.reporters(draft.predicate) if m not in draft.agents]
    draft.evidence = evidence(ctx, draft.trigger)
    return draft


def _stop_on_the_way(ctx: ArticleContext, trip: Token, *, future: bool) -> DateValue | None:
    """ "Landed in Dhaka on May 14 after stops in Chennai and Colombo": stops on the way to a dated
    arrival fall in its month (the day is not told)."""
    prep = trip.head if trip.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("after", "before") or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    then = ctx.timeline.date_for({prep.head}, future=future)
    if then is None or then.precision != "day":
        return None
    return DateValue(then.value[:7], "", inferred=True)


def _object_of(noun: Token, verb: Token) -> bool:
    """Whether a noun is the verb's own object or the object of its preposition ("is under
    sanctions"), not a noun inside another ("ended the monitoring of sanctions")."""
    return noun.head == verb or (noun.head.dep_ == "prep" and noun.head.head == verb)


def _told_as_arrest(predicate: Token) -> bool:
    """Whether spying is told as the reason for an arrest or charge: "have arrested X on suspicion of
    spying", "was charged with espionage"."""
    return any(t.lemma_ in ACCUSATION_VERBS for t in (predicate, *predicate.ancestors))


def _arrest_date(ctx: ArticleContext, trigger: Token, *, forward: bool = False) -> DateValue | None:
    """The date of an arrest or charge in the sentences just before ("was taken into custody on Monday"),
    or with ``forward`` just after."""
    here = ctx.sentence_number(trigger)
    if forward:
        numbers = range(here + 1, min(len(ctx.sentences), here + 1 + ARREST_REACH))
    else:
        numbers = range(here - 1, max(-1, here - 1 - ARREST_REACH), -1)
    for number in numbers:
        sent = ctx.sentences[number]
        arrests = [t for t in sent if t.lemma_ in ACCUSATION_VERBS or t.lemma_ == "custody"]
        for arrest in arrests:
            anchors = {arrest, *arrest.ancestors} if arrest.lemma_ == "custody" else {arrest}
            found = ctx.timeline.date_for(anchors, future=False)
            if found is not None and found.precision == "day":
                return found
    return None


def _date_of_clause_head(ctx: ArticleContext, top: Token, *, future: bool) -> DateValue | None:
    """The date of what a clause hangs from: a date itself ("in August last year, when Pelosi visited
    Taipei"), or the verb of the noun it describes ("In June, X led a delegation that travelled to
    Kyiv", "Two days later Trump signed an order authorising sanctions")."""
    head = top.head
    if top.dep_ == "advcl":  # "..., in August last year, when X visited Y": the date just before "when"
        when = next((c for c in top.children if c.lower_ == "when" and c.i < top.i), None)
        meanwhile = any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in top.children)
        if when is None and meanwhile and head.pos_ in ("VERB", "AUX"):
            # "told Congress on Wednesday ..., as he made a wartime journey to Washington"
            return ctx.timeline.date_for({head, *head.ancestors}, future=future)
        if when is None:
            return None
        main = head
        head = next((t for t in reversed(top.doc[top.sent.start : when.i]) if not t.is_punct), head)
        if (found := _date_at_token(ctx, head, future=future)) is not None:
            return found
        # "The summit received an unexpected guest on Saturday, when Zelensky landed in Hiroshima": what
        # happened when the main clause did is dated by it
        # (and "on Jan. 10, days before Biden left office, when the Treasury blacklisted X": the parser
        # hangs "when" from the nearer clause, which the main one dates)
        return (
            ctx.timeline.date_for({main, *main.ancestors}, future=future)
            if main.pos_ in ("VERB", "AUX")
            else None
        )
    if top.dep_ != "acl" and head.ent_type_ == "DATE":
        return _date_at_token(ctx, head, future=future)
    if top.dep_ == "advcl":
        return None
    outer = head.head if head.dep_ in ("nsubj", "nsubjpass") else governing_verb(head)
    if outer is not None and outer.pos_ in ("VERB", "AUX"):
        return ctx.timeline.date_for({outer}, future=future)
    return None


def _date_at_token(ctx: ArticleContext, token: Token, *, future: bool) -> DateValue | None:
    """The date a token of a DATE or TIME entity is part of ("Saturday afternoon")."""
    spans = [e for e in ctx.timeline.dates if e.start <= token.i < e.end]
    if not spans and token.ent_type_ == "TIME":  # "afternoon" of "on Saturday afternoon"
        spans = [e for e in ctx.timeline.dates if e.end == token.i]
    return ctx.timeline.date_at(spans[0], future=future) if spans else None


def _said_date(ctx: ArticleContext, top: Token) -> DateValue | None:
    """The date of the announcement an undated event is told in: "China said on Friday that it would
    impose sanctions on ...", "Norway on Thursday ordered 15 diplomats to leave, saying they were
    intelligence officers"."""
    node = top
    for _ in range(CLAUSE_REACH):
        said = node.dep_ in ("ccomp", "advcl") and node.head.lemma_ in SAY_VERBS
        participle = node.dep_ == "advcl" and node.tag_ == "VBG"  # "ordered them out, saying ..."
        if not (said or participle):
            break
        node = node.head
        if found := ctx.timeline.date_for({node}, future=False):
            return found
    # "Police have dismantled a spy network that was watching rail lines, the minister said on Thursday":
    # the statement the whole sentence is, when the event sits deeper in what was said
    root = top.sent.root
    if root.lemma_ in SAY_VERBS and root.i > top.i and root in top.ancestors:
        return ctx.timeline.date_for({root}, future=False)
    return None


def _entry_date(ctx: ArticleContext, trigger: Token) -> DateValue | None:
    """The day of the live-blog entry an event is told in: the nearest paragraph before it that opens
    with a day and a time ("Monday 25 March, 19:20 - U.S. indicts seven"), when the text has such."""
    here = ctx.sentence_number(trigger)
    before = [found for number, found in _entry_headings(ctx) if number <= here]
    found = before[-1] if before else None
    return found if found is not None and found.precision == "day" else None


def _entry_headings(ctx: ArticleContext) -> list[tuple[int, DateValue | None]]:
    """The article's live-blog entry headings, read once: (sentence number, the date it opens with)."""
    remembered = ctx.memory.get("entry_headings")
    if isinstance(remembered, list):
        return remembered
    text = ctx.doc.text
    starts = {e.start: e for e in ctx.timeline.dates}
    headings: list[tuple[int, DateValue | None]] = []
    for number, sent in enumerate(ctx.sentences):
        alone = sent.start_char == 0 or text[sent.start_char - 1] == "\n"  # opens a paragraph
        dated = starts.get(sent.start)
        if (
            alone
            and dated is not None
            and ctx.doc[sent.start].ent_type_ == "DATE"
            and _ENTRY_HEADING.match(sent.text)
        ):
            headings.append((number, ctx.timeline.date_at(dated, future=False)))
    ctx.memory["entry_headings"] = headings
    return headings


_ENTRY_HEADING = re.compile(
    r"^[A-Z][a-z]+,? \d{1,2} [A-Z][a-z]+,? \d{1,2}[:.]\d\d\b|^\d{1,2} [A-Z][a-z]+,? \d{1,2}[:.]\d\d\b"
)


def _news_date(ctx: ArticleContext, draft: Draft) -> DateValue | None:
    """The date of an undated event told as the article's news, from publication.

    Under way now ("Cameron, who is attending a meeting in Capri"), or a measure told in the present
    ("EU adopts its 16th package"): the day of publication. A trip
    told in the simple past with no date of its own, once ("Li Qiang travelled to India in his place"):
    the month of publication. A measure the opening paragraph reports as done ("Canada has added
    the IRGC to its list"): the day of publication when in the perfect, else its month. A measure
    further down told in the simple past ("Hours earlier, the EU formally adopted its 13th package"): the
    day of publication. Background ("Japan has imposed its own sanctions", "the sanctions that the EU
    imposed") and anything in the past perfect keeps no date.
    """
    predicate = draft.predicate
    day = DateValue(ctx.published.date().isoformat(), "", inferred=True)
    month = DateValue(ctx.published.strftime("%Y-%m"), "", inferred=True)
    if _now(predicate):
        return day if draft.type in (EventType.VISIT, EventType.SANCTION) else None
    tense = _tense(predicate)
    if draft.type is EventType.VISIT and tense == "past" and not _repeated(predicate):
        return month
    if draft.type is EventType.SANCTION and tense in ("past", "perfect") and _in_lead(ctx, draft.trigger):
        return day if tense == "perfect" else month
    active = predicate.tag_ == "VBD"  # "were designated" tells more of a measure already told
    if (
        draft.type is EventType.SANCTION
        and tense == "past"
        and active
        and predicate.dep_ not in ("relcl", "acl")
    ):
        return day
    return None


def _repeated(predicate: Token) -> bool:
    """A habit or a count of trips, not one trip: "travelled to China a dozen times", "often went"."""
    for token in predicate.subtree:
        if token.lower_ in REPEAT_WORDS and token.head.i == predicate.i:
            return True
        counted = any(c.dep_ == "nummod" or c.lower_ in COUNT_WORDS for c in token.subtree)
        if token.lemma_ == "time" and counted:
            return True
    return False


def _tense(predicate: Token) -> str | None:
    """ "past" (travelled), "perfect" (has imposed), "pluperfect" (had visited) or None."""
    if predicate.pos_ not in ("VERB", "AUX"):
        return None
    auxes = {c.lower_ for c in predicate.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"had", "'d"}:
        return "pluperfect"
    if auxes & {"has", "have", "'s", "'ve"} and predicate.tag_ == "VBN":
        return "perfect"
    if predicate.tag_ == "VBD" and not auxes:
        return "past"
    if predicate.tag_ == "VBN" and auxes & {"was", "were"}:  # sanctions were imposed
        return "past"
    if predicate.tag_ == "VBN" and auxes >= {"been"} and auxes & {"has", "have"}:
        return "perfect"
    return None


def _in_lead(ctx: ArticleContext, token: Token) -> bool:
    """Whether a token is in the article's opening paragraphs (LEAD_PARAGRAPHS of them)."""
    return ctx.doc.text.count("\n\n", 0, token.idx) < LEAD_PARAGRAPHS


def _after_publication(ctx: ArticleContext, date: DateValue) -> bool:
    return date.value > ctx.published.date().isoformat()[: len(date.value)]


def _present_simple(predicate: Token) -> bool:
    auxes = [c for c in predicate.children if c.dep_ in ("aux", "auxpass")]
    return (predicate.tag_ in ("VBZ", "VBP") or misread_verb(predicate)) and not auxes


def _now(predicate: Token) -> bool:
    """Present tense or progressive: "is in Israel", "is attending", "is visiting"."""
    if predicate.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in predicate.children if c.dep_ in ("aux", "auxpass")]
    if predicate.tag_ in ("VBZ", "VBP"):
        return not auxes
    return predicate.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am") for a in auxes)


def evidence(ctx: ArticleContext, token: Token) -> str:
    """The sentence an event was read from, as it stands in the article text."""
    sent = token.sent
    text = sent.text.strip()
    if text in ctx.article.text:
        return text
    offset = token.idx - sent.start_char
    for piece in sent.text.split("\n"):
        if 0 <= offset < len(piece) + 1 and piece.strip():
            return piece.strip()
        offset -= len(piece) + 1
    return text


def unique(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if all(mention.text.lower() != m.text.lower() for m in out):
            out.append(mention)
    return out
