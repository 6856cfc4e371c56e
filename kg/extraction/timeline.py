"""When an event happened: the DATE entity attached to its trigger, read against publication.

:class:`Timeline` is built once per article from its entities. ``date_for`` picks the date phrase that
hangs from the trigger or its predicate (not one that dates another event or opens a span, "since
2019"), and normalises it with :func:`kg.dates.normalise_date`; relative phrases ("a day later", "the
same day") count from the latest date the article named before them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Literal

from spacy.tokens import Span, Token

from kg.dates import is_duration, normalise_date, time_before
from kg.extraction.lexicon import words
from kg.model import DateValue

DATE_LEAD_WORDS = frozenset(
    {"last", "next", "this", "early", "late", "later", "earlier", "in", "on", "since", "at", "over", "during"}
)
SPAN_PREPOSITIONS = frozenset({"since", "until", "till", "before", "after", "from", "through", "throughout"})
EVENT_NOUNS = words("event_nouns")
REACH = 8  # head steps from a date up to the trigger
Since = Literal["never", "only", "also"]


class Timeline:
    """The dates an article names, in text order, and the one that dates each event."""

    def __init__(self, ents: Iterable[Span], published: datetime) -> None:
        self.published = published
        self.dates = [e for e in ents if _is_date(e)]
        self._points: list[tuple[int, DateValue]] = []  # points in time, for relative phrases
        for ent in self.dates:
            if ent.root.head.lower_ in SPAN_PREPOSITIONS:  # "since June 2022" is no point in time
                continue
            anchor = self.anchor_before(ent.start, ent.text)
            value = normalise_date(_date_phrase(ent), published, anchor=anchor)
            if value is not None:
                self._points.append((ent.start, value))

    def date_for(self, anchors: Iterable[Token], *, future: bool, since: Since = "never") -> DateValue | None:
        """The date attached to a trigger or its predicate, normalised against publication. ``since``
        says whether the start of a state the event is ("under sanctions since 2011") counts: never,
        only it, or also it."""
        anchor_ids = {t.i for t in anchors}
        if not anchor_ids:
            return None
        sent = next(iter(anchors)).doc[min(anchor_ids)].sent
        best: tuple[int, DateValue] | None = None
        for ent in self.dates:
            if not sent.start <= ent.start < sent.end or not _attached(ent.root, anchor_ids):
                continue
            opens = ent.root.head.lower_ == "since"  # "since 2011": when a state began
            if since == ("never" if opens else "only"):
                continue
            if not opens and ent.root.head.lower_ in SPAN_PREPOSITIONS and not _range_start(ent):
                continue  # "before June 2022": not when; but "from Nov. 24 to 26" starts then
            anchor = self.anchor_before(ent.start, ent.text)
            phrase = ent.text if opens else _date_phrase(ent)
            value = normalise_date(phrase, self.published, future=future, anchor=anchor)
            if value is None and _counts_back(ent):  # "The arrests come a week after Scholz returned"
                value = time_before(ent.text, self.published)
            if value is None:
                continue
            distance = min(abs(ent.start - i) for i in anchor_ids)
            if best is None or distance < best[0]:
                best = (distance, value)
        return best[1] if best else None

    def fronted(self, sent: Span, *, future: bool) -> DateValue | None:
        """The date a sentence opens with, which sets the time of its main clause: "In 2019 a court
        jailed ...", "In September 2020, his administration blacklisted ..."."""
        for ent in self.dates:
            if ent.start >= sent.end or ent.start < sent.start:
                continue
            lead = [t for t in sent.doc[sent.start : ent.start] if not t.is_punct]
            if len(lead) > 1 or (lead and lead[0].lower_ not in ("in", "on", "by", "and", "but")):
                return None
            if ent.root.head.lower_ in SPAN_PREPOSITIONS:
                return None
            return self.date_at(ent, future=future)
        return None

    def date_at(self, ent: Span, *, future: bool) -> DateValue | None:
        """What one DATE entity of the article denotes, read against publication and the dates before it."""
        anchor = self.anchor_before(ent.start, ent.text)
        return normalise_date(_date_phrase(ent), self.published, future=future, anchor=anchor)

    def anchor_before(self, index: int, phrase: str = "") -> DateValue | None:
        """The latest date named before a token: "a day later" counts from it ("the same day" from
        the latest day named; "a decade earlier" from a year too, other phrases never from a bare year)."""
        words = phrase.lower().split()
        wants_day = "day" in words
        takes_year = bool({"year", "years", "decade", "decades"} & set(words))
        found = None
        for start, value in self._points:
            if start >= index:
                break
            if value.precision == "year" and not takes_year:
                continue
            if value.precision == "day" or not wants_day:
                found = value
        return found


def _is_date(ent: Span) -> bool:
    """A DATE entity that is a point in time, or a TIME one that names a day ("in the morning",
    "hours earlier")."""
    if ent.label_ == "DATE":
        return not is_duration(ent.text)
    some_day = date(2000, 1, 1)
    return ent.label_ == "TIME" and normalise_date(ent.text, some_day, anchor=some_day) is not None


def _range_start(ent: Span) -> bool:
    """A date that opens a closed range ("from Nov. 24 to 26"): the event starts then."""
    prep = ent.root.head
    return prep.lower_ == "from" and any(
        c.dep_ == "prep" and c.lower_ in ("to", "until") for c in prep.children
    )


def _attached(token: Token, anchors: set[int]) -> bool:
    """Whether a date's head chain reaches one of the anchors before another verb, or before another
    event noun that the date dates instead ("sanctioned them over their visit to Taiwan on Nov. 8")."""
    node = token
    for _ in range(REACH):
        if node.i in anchors:
            return True
        if node.head == node:
            return False
        barred_from = node.dep_ == "pcomp" and node.head.lower_ == "from"  # "barred X from entering ... on"
        # "curbs on exports of chipmaking technology to China in October 2022": a gerund read as a verb
        gerund = node.dep_ == "pcomp" and node.head.lower_ == "of" and node.tag_ in ("VBG", "NN")
        if (
            node != token
            and node.pos_ in ("VERB", "AUX")
            and node.i not in anchors
            and not barred_from | gerund
        ):
            return False
        if node != token and node.lemma_ in EVENT_NOUNS and node.i not in anchors:
            return False
        node = node.head
    return False


def _counts_back(ent: Span) -> bool:
    """A length of time marking a clause that opens with "after": "a week after X returned"."""
    clause = ent.root.head
    return ent.root.dep_ == "npadvmod" and any(
        c.dep_ == "mark" and c.lower_ == "after" for c in clause.children
    )


def _date_phrase(ent: Span) -> str:
    """A DATE entity with the words before it that change its meaning ("later on", "last", "in May")."""
    doc = ent.doc
    start = ent.start
    while start > ent.sent.start and doc[start - 1].lower_ in DATE_LEAD_WORDS:
        start -= 1
    return doc[start : ent.end].text
