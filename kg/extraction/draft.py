"""An event as a reader first sees it, before status, date and merging are settled."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extraction.context import ArticleContext
from kg.extraction.status import status_of
from kg.extraction.syntax import ACCUSATION_VERBS, verb_chain
from kg.model import DateValue, EventType, Mention, RawEvent, Status

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
    draft.status = status
    anchors = {draft.trigger, *verb_chain(draft.predicate)}
    top = max(anchors, key=lambda t: len(list(t.ancestors)) * -1)
    if top.dep_ == "advcl" and top.tag_ == "VBG":  # "South Korea followed on Friday, blacklisting ..."
        anchors.add(top.head)
    if draft.type is EventType.ESPIONAGE:  # the day of the arrest or charge: "charged X on Monday with ..."
        anchors.update(a for a in draft.predicate.ancestors if a.lemma_ in ACCUSATION_VERBS)
    draft.date = ctx.timeline.date_for(anchors, future=status is Status.PLANNED)
    if draft.date is None and draft.type is EventType.ESPIONAGE:  # dated by the arrest told just before
        draft.date = _arrest_date(ctx, draft.trigger)
    if (
        draft.date is None
        and draft.type is EventType.VISIT
        and status is Status.OCCURRED
        and _now(draft.predicate)
    ):
        # "Cameron, who is attending a meeting in Capri": under way as the article is published
        draft.date = DateValue(ctx.published.date().isoformat(), "")
    if not draft.reported_by:
        draft.reported_by = [m for m in ctx.reporters(draft.predicate) if m not in draft.agents]
    draft.evidence = evidence(ctx, draft.trigger)
    return draft


def _arrest_date(ctx: ArticleContext, trigger: Token) -> DateValue | None:
    """The date of an arrest or charge in the sentences just before ("was taken into custody on Monday")."""
    here = ctx.sentence_number(trigger)
    for number in range(here - 1, max(-1, here - 1 - ARREST_REACH), -1):
        sent = ctx.sentences[number]
        arrests = [t for t in sent if t.lemma_ in ACCUSATION_VERBS or t.lemma_ == "custody"]
        for arrest in arrests:
            anchors = {arrest, *arrest.ancestors} if arrest.lemma_ == "custody" else {arrest}
            found = ctx.timeline.date_for(anchors, future=False)
            if found is not None and found.precision == "day":
                return found
    return None


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
