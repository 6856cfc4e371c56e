"""Normalise a date phrase from news text against the article's publication date.

Pure functions, no spaCy: ``normalise_date("last August", published)`` -> ``DateValue("2023-08", ...)``.
The value carries the precision the text gives (YYYY-MM-DD, YYYY-MM or YYYY). Weekdays and month
names without a year point to the most recent such day or month on or before publication, or the next
one when the verb is future (``future=True``). Phrases relative to an earlier date in the same passage
("a day later", "the same day") need that date as ``anchor``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from kg.model import DateValue

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "couple of": 2, "few": 3,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_NUM = r"(?P<num>\d+|" + "|".join(NUMBER_WORDS) + r")"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"

_EXPLICIT = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),  # Feb. 24, 2022
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),  # 24 February 2022
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),  # 2022-02-24
)
_MONTH_DAY = (re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*\d{{4}})"), re.compile(rf"\b{_DAY}\s+{_MONTH}\b"))
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")
_MONTH_OF_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b")
_LAST_NEXT_MONTH = re.compile(rf"\b(?P<rel>last|next|this|past|coming)\s+{_MONTH}\b")
_BARE_MONTH = re.compile(rf"\b{_MONTH}\b")
_BARE_YEAR = re.compile(rf"\b{_YEAR}\b")
_WEEKDAY = re.compile(r"\b(?P<rel>last|next|this|past|coming)?\s*(?P<weekday>" + "|".join(WEEKDAYS) + r")\b")
_AGO = re.compile(rf"\b{_NUM}\s+{_UNIT}\s+ago\b")
_LATER = re.compile(rf"\b{_NUM}\s+{_UNIT}\s+(?P<dir>later|earlier|after|before|on)\b")
_NEXT_DAY = re.compile(
    # "the next day" counts from an earlier date; "next month" (no article) counts from publication
    r"\b(?:the\s+(?P<which>next|following|previous|same)|(?P<bare>following|previous|same))"
    r"\s+(?P<unit>day|week|month|year)\b"
)
_THIS_PERIOD = re.compile(
    r"\b(?P<rel>this|last|next|past|coming|earlier this|later this|early this|late this|"
    r"earlier in the|later in the|early next|late last|early last)\s+(?P<unit>week|weekend|month|year)\b"
)
_PART_OF_PERIOD = re.compile(
    r"\b(?:start|beginning|end|middle|turn)\s+of\s+(?:the|this)\s+(?P<unit>week|month|year)\b"
)
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_PART_OF_DAY = re.compile(
    r"^(?:in\s+|on\s+|early\s+|late\s+|earlier\s+|later\s+)*(?:this|the)\s+(?:morning|afternoon|evening)$"
)
_MIDDAY = re.compile(
    r"^(?:at\s+|around\s+|about\s+|by\s+|shortly\s+(?:after|before)\s+|just\s+(?:after|before)\s+)?(?:midday|noon)$"
)
_HOURS = re.compile(r"\b(?:hours|minutes)\s+(?:later|earlier|after|before)\b")


def normalise_date(
    phrase: str,
    published: datetime | date,
    *,
    future: bool = False,
    anchor: date | DateValue | None = None,
) -> DateValue | None:
    """The date a phrase denotes, at the precision it gives; None for durations and vague phrases.

    ``anchor`` is the date a relative phrase counts from; a month- or year-precise anchor
    ("early July") keeps its precision ("a month earlier" -> the month before).
    """
    pub = published.date() if isinstance(published, datetime) else published
    width = 10
    if isinstance(anchor, DateValue):
        width = len(anchor.value)
        anchor = date.fromisoformat((anchor.value + "-01-01")[:10])
    text = " ".join(phrase.lower().split())
    if (same := _THAT_PERIOD.search(text)) is not None:  # "(five years) later that month": the anchor's
        if anchor is None:
            return None
        size = {"day": 10, "week": 10, "month": 7, "year": 4}[same["unit"]]
        return DateValue(anchor.isoformat()[: min(size, width)], phrase.strip())
    value = _normalise(text, pub, future, anchor)
    if value and anchor is not None and _counts_from_anchor(text):
        value = value[: min(width, len(value))]
    return DateValue(value, phrase.strip()) if value else None


_THAT_PERIOD = re.compile(r"\b(?:later|earlier)\s+that\s+(?P<unit>day|week|month|year)$")


def _counts_from_anchor(text: str) -> bool:
    """Whether a phrase counts from an earlier date, not from publication ("a month earlier")."""
    explicit = any(p.search(text) for p in (*_EXPLICIT, _MONTH_YEAR, *_MONTH_DAY, _WEEKDAY, _AGO))
    return not explicit and bool(_LATER.search(text) or _NEXT_DAY.search(text) or _HOURS.search(text))


def time_before(phrase: str, reference: datetime | date) -> DateValue | None:
    """The date a length of time before a reference: "(barely) a week" before publication, for an
    event told as "... comes a week after X"."""
    ref = reference.date() if isinstance(reference, datetime) else reference
    m = re.search(rf"\b{_NUM}\s+{_UNIT}\b", " ".join(phrase.lower().split()))
    if not m:
        return None
    return DateValue(_shift(ref, -_number(m["num"]), m["unit"]), phrase.strip())


def is_duration(phrase: str) -> bool:
    """True for lengths of time ("two-day", "five years", "hours"), which are never event dates."""
    text = phrase.lower()
    if re.search(r"\b(?:ago|later|earlier|after|before)\b", text) or _WEEKDAY.search(text):
        return False
    return bool(
        re.search(r"-(?:day|week|month|year|hour)\b", text)
        or re.search(r"\b(?:\d+|\w+)\s+(?:days|weeks|months|years|decades|hours)\b", text)
        or re.search(r"^(?:the\s+)?(?:days|weeks|months|years|decades|hours)$", text)
        or re.search(r"\b(?:more|less|fewer)\s+than\b", text)
    )


@lru_cache(maxsize=4096)
def _normalise(text: str, pub: date, future: bool, anchor: date | None) -> str | None:
    if is_duration(text):
        return None
    for pattern in _EXPLICIT:
        if m := pattern.search(text):
            return _ymd(int(m["year"]), _month(m["month"]), int(m["day"]))
    if m := _MONTH_YEAR.search(text):
        return f"{int(m['year']):04d}-{_month(m['month']):02d}"
    if m := _MONTH_OF_YEAR.search(text):  # "October last year", "in March this year"
        step = {"last": -1, "this": 0, "next": 1}[m["rel"]]
        return f"{pub.year + step:04d}-{_month(m['month']):02d}"
    for pattern in _MONTH_DAY:
        if m := pattern.search(text):
            return _month_day(_month(m["month"]), int(m["day"]), pub, future)
    if m := _AGO.search(text):
        return _shift(pub, -_number(m["num"]), m["unit"])
    if (m := _LATER.search(text)) and anchor is not None:
        sign = -1 if m["dir"] in ("earlier", "before") else 1
        return _shift(anchor, sign * _number(m["num"]), m["unit"])
    if (m := _NEXT_DAY.search(text)) and anchor is not None:
        return _next_day(m["which"] or m["bare"], m["unit"], anchor)
    if _PART_OF_DAY.search(text) or _MIDDAY.search(text):  # "in the morning", "around midday": of publication
        return pub.isoformat()
    if _HOURS.search(text):  # "hours earlier": the day of the date before it
        return anchor.isoformat() if anchor is not None else None
    for word, offset in _DAY_WORDS.items():
        if re.search(rf"\b{word}\b", text):
            return (pub + timedelta(days=offset)).isoformat()
    if m := _WEEKDAY.search(text):
        return _weekday(WEEKDAYS.index(m["weekday"]), m["rel"], pub, future)
    if m := _THIS_PERIOD.search(text):
        return _period(m["rel"], m["unit"], pub, future)
    if m := _PART_OF_PERIOD.search(text):  # "at the start of the month": the month of publication
        return _period("this", m["unit"], pub, future)
    if re.search(r"\b(?:over|during|at) the weekend\b", text):  # the nearest weekend
        return _period("this", "weekend", pub, future)
    if m := _LAST_NEXT_MONTH.search(text):
        return _named_month(_month(m["month"]), m["rel"], pub, future)
    if (m := _BARE_YEAR.search(text)) and not re.search(r"\d{3,}\s*s\b|\d0s\b", text):
        return m["year"]
    if m := _BARE_MONTH.search(text):
        if m["month"] == "may" and not re.search(r"\b(?:in|of|since|until|early|late|mid)\s+may\b", text):
            return None  # the modal verb
        return _named_month(_month(m["month"]), None, pub, future)
    return None


def _month(name: str) -> int:
    return int(name) if name.isdigit() else MONTHS[name.rstrip(".")]


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_day(month: int, day: int, pub: date, future: bool) -> str | None:
    year = pub.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return None
    if not future and candidate > pub + timedelta(days=1):
        year -= 1
    elif future and candidate < pub - timedelta(days=1):
        year += 1
    return _ymd(year, month, day)


def _shift(start: date, amount: int, unit: str) -> str:
    if unit == "day":
        return (start + timedelta(days=amount)).isoformat()
    if unit == "week":
        return (start + timedelta(weeks=amount)).isoformat()[:7]
    if unit == "month":
        index = start.year * 12 + start.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "decade":
        return f"{start.year + 10 * amount:04d}"
    return f"{start.year + amount:04d}"


def _next_day(which: str, unit: str, anchor: date | None) -> str | None:
    if anchor is None:
        return None
    step = {"next": 1, "following": 1, "previous": -1, "same": 0}[which]
    value = _shift(anchor, step, unit)
    return value if unit == "day" else value[: {"week": 7, "month": 7, "year": 4}[unit]]


def _weekday(weekday: int, rel: str | None, pub: date, future: bool) -> str:
    back = (pub.weekday() - weekday) % 7
    if rel in ("next", "coming") or (future and rel not in ("last", "past")):
        ahead = (weekday - pub.weekday()) % 7
        if rel in ("next",) and ahead == 0:
            ahead = 7
        return (pub + timedelta(days=ahead)).isoformat()
    if rel in ("last", "past") and back == 0:
        back = 7
    return (pub - timedelta(days=back)).isoformat()


def _period(rel: str, unit: str, pub: date, future: bool) -> str:
    step = 0
    if rel in ("last", "past", "late last", "early last"):
        step = -1
    elif rel in ("next", "coming", "early next"):
        step = 1
    if unit == "year":
        return f"{pub.year + step:04d}"
    if unit == "month":
        return _shift(pub, step, "month")
    if unit == "weekend":
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if step > 0 or (future and step == 0 and saturday < pub - timedelta(days=1)):
            saturday += timedelta(days=7)
        return saturday.isoformat()[:7]
    return (pub + timedelta(weeks=step)).isoformat()[:7]


def _named_month(month: int, rel: str | None, pub: date, future: bool) -> str:
    year = pub.year
    if rel in ("next", "coming") or (future and rel is None):
        if month < pub.month or (rel == "next" and month == pub.month):
            year += 1
    elif rel in ("last", "past"):
        if month >= pub.month:
            year -= 1
    elif rel == "this":
        pass
    elif month > pub.month:
        year -= 1
    return f"{year:04d}-{month:02d}"
