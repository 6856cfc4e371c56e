"""kg/dates.py: date phrases normalised against the publication date (pure, no model)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kg.dates import is_duration, normalise_date
from kg.model import DateValue

# a Tuesday
PUBLISHED = datetime(2024, 6, 18, 12, 0, tzinfo=UTC)


def value(phrase: str, **kwargs: object) -> str | None:
    found = normalise_date(phrase, PUBLISHED, **kwargs)  # type: ignore[arg-type]
    return found.value if found else None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Tuesday", "2024-06-18"),  # the day of publication
        ("on Monday", "2024-06-17"),
        ("Sunday", "2024-06-16"),
        ("Wednesday", "2024-06-12"),  # the most recent one, last week
        ("late on Saturday", "2024-06-15"),
        ("the early hours of Thursday", "2024-06-13"),
        ("last Tuesday", "2024-06-11"),
    ],
)
def test_weekdays_point_back_from_publication(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


def test_weekdays_point_forward_when_the_verb_is_future() -> None:
    assert value("Thursday", future=True) == "2024-06-20"
    assert value("later on Tuesday", future=True) == "2024-06-18"
    assert value("next Monday") == "2024-06-24"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("last August", "2023-08"),
        ("last June", "2023-06"),
        ("last March", "2024-03"),
        ("in September", "2023-09"),  # the past September
        ("in March", "2024-03"),
        ("June", "2024-06"),
        ("earlier this month", "2024-06"),
        ("later this month", "2024-06"),
        ("last month", "2024-05"),
        ("next month", "2024-07"),
        ("this year", "2024"),
        ("last year", "2023"),
        ("in 2020", "2020"),
        ("since 2019", "2019"),
    ],
)
def test_months_and_years(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


def test_future_month_names_point_forward() -> None:
    assert value("in September", future=True) == "2024-09"
    assert value("next March") == "2025-03"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Feb. 24, 2022", "2022-02-24"),
        ("24 February 2022", "2022-02-24"),
        ("on June 12", "2024-06-12"),
        ("April 1", "2024-04-01"),
        ("December 25", "2023-12-25"),  # no year: the last one before publication
        ("June 2022", "2022-06"),
        ("February 2022", "2022-02"),
        ("2024-05-01", "2024-05-01"),
    ],
)
def test_explicit_dates_keep_their_precision(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


def test_relative_phrases_need_an_anchor() -> None:
    anchor = date(2024, 6, 12)
    assert value("A day later", anchor=anchor) == "2024-06-13"
    assert value("two days earlier", anchor=anchor) == "2024-06-10"
    assert value("the same day", anchor=anchor) == "2024-06-12"
    assert value("the next day", anchor=anchor) == "2024-06-13"
    assert value("a day later") is None


def test_today_yesterday_and_ago() -> None:
    assert value("today") == "2024-06-18"
    assert value("yesterday") == "2024-06-17"
    assert value("4 days ago") == "2024-06-14"
    assert value("two weeks ago") == "2024-06"


@pytest.mark.parametrize(
    "phrase", ["two-day", "five years", "more than a month", "hours", "a second day", "may"]
)
def test_durations_and_vague_phrases_are_not_dates(phrase: str) -> None:
    assert value(phrase) is None


def test_is_duration() -> None:
    assert is_duration("three-day")
    assert is_duration("more than four decades")
    assert not is_duration("4 days ago")
    assert not is_duration("Monday")


def test_precision_and_raw_phrase() -> None:
    found = normalise_date("last October", PUBLISHED)
    assert found is not None
    assert (found.value, found.precision, found.raw) == ("2023-10", "month", "last October")


def test_an_anchor_keeps_its_precision() -> None:
    early_june = normalise_date("early June", PUBLISHED)
    assert early_june is not None and early_june.value == "2024-06"
    assert value("A month earlier", anchor=early_june) == "2024-05"
    assert value("the same day", anchor=early_june) == "2024-06"
    assert value("later on Tuesday", anchor=early_june, future=True) == "2024-06-18"


def test_weekends() -> None:
    assert value("last weekend") == "2024-06"
    assert value("over the weekend") == "2024-06"


def test_time_before_a_reference() -> None:
    from kg.dates import time_before

    assert time_before("barely a week", PUBLISHED) == DateValue("2024-06", "barely a week")
    assert time_before("two days", PUBLISHED) == DateValue("2024-06-16", "two days")
    assert time_before("days", PUBLISHED) is None


@pytest.mark.parametrize("phrase", ["in the morning", "this morning", "late in the evening", "the afternoon"])
def test_a_part_of_the_day_is_the_day_of_publication(phrase: str) -> None:
    assert normalise_date(phrase, PUBLISHED) == DateValue("2024-06-18", phrase)


def test_hours_earlier_is_the_day_of_the_anchor_at_its_precision() -> None:
    assert normalise_date("Hours earlier", PUBLISHED) is None
    assert normalise_date("hours later", PUBLISHED, anchor=date(2024, 6, 10)) == DateValue(
        "2024-06-10", "hours later"
    )
    assert normalise_date("hours later", PUBLISHED, anchor=DateValue("2024-06")) == DateValue(
        "2024-06", "hours later"
    )


def test_decades_count_from_the_anchor() -> None:
    assert normalise_date("A decade earlier", PUBLISHED, anchor=DateValue("2019")) == DateValue(
        "2009", "A decade earlier"
    )
    assert normalise_date("two decades ago", PUBLISHED) == DateValue("2004", "two decades ago")


def test_later_that_month_is_the_anchors_month() -> None:
    published = datetime(2023, 7, 18, tzinfo=UTC)
    april = DateValue("2022-04", "in April 2022")
    assert normalise_date("later that month", published, anchor=april) == DateValue(
        "2022-04", "later that month"
    )
    # "his first visit in five years later that month": the years are a span, not a shift
    found = normalise_date("five years later that month", published, anchor=april)
    assert found is not None and found.value == "2022-04"
    assert normalise_date("later that year", published, anchor=DateValue("2022-04-03", "x")).value == "2022"  # type: ignore[union-attr]
    assert normalise_date("later that month", published) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("at the start of the month", "2024-06"),
        ("by the end of this month", "2024-06"),
        ("at the turn of the year", "2024"),
        ("at the beginning of the week", "2024-06"),  # a week is dated by its month, as "this week" is
    ],
)
def test_a_part_of_the_current_period_is_that_period(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


@pytest.mark.parametrize("phrase", ["around midday", "at noon", "shortly after noon"])
def test_midday_is_the_day_of_publication(phrase: str) -> None:
    assert value(phrase) == "2024-06-18"
