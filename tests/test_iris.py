"""kg/iris.py: deterministic, parseable IRIs."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from kg import iris
from kg.model import ActorType, Article, DateValue, Event, EventType, Status

BASE = "http://localhost:8000/"


def test_slugs_are_readable() -> None:
    assert iris.slugify("Kim Jong-un") == "kim-jong-un"
    assert iris.slugify("Thomas R.") == "thomas-r"
    assert iris.slugify("Raytheon Missiles & Defense") == "raytheon-missiles-and-defense"
    assert iris.slugify("Reichsbürger") == "reichsburger"


def test_actor_keys_round_trip() -> None:
    key = iris.actor_key(ActorType.COUNTRY, "North Korea")
    parsed = iris.parse(BASE, iris.iri(BASE, key))
    assert parsed == iris.ParsedIri("country", "north-korea")


def test_same_event_same_key_whatever_the_role_order() -> None:
    a = Event(
        EventType.SANCTION,
        ("country/united-states", "organization/european-union"),
        Status.OCCURRED,
        "e",
        targets=("country/russia",),
        date=DateValue("2024-06-24"),
    )
    b = Event(
        EventType.SANCTION,
        ("organization/european-union", "country/united-states"),
        Status.PLANNED,
        "other evidence",
        targets=("country/russia",),
        date=DateValue("2024-06"),
    )
    assert iris.event_key(a, 2024) == iris.event_key(b, 2024)


def test_undated_events_meet_in_the_publication_year() -> None:
    visit = Event(EventType.VISIT, ("person/x",), Status.OCCURRED, "e", destination="country/y")
    assert iris.event_key(visit, 2024).endswith("-2024")


def test_article_key_is_deterministic_and_bounded() -> None:
    article = Article("A very long title " * 20, "text", datetime(2024, 6, 18, 12, tzinfo=UTC), "x.txt")
    key = iris.article_key(article)
    assert key == iris.article_key(article)
    assert key.startswith("article/2024-06-18-a-very-long-title") and len(key) <= len("article/") + 80


def test_foreign_iris_do_not_parse() -> None:
    assert iris.parse(BASE, "http://example.org/id/person/x") is None
    assert iris.parse(BASE, BASE + "id/unknown-kind/x") is None
    assert iris.parse(BASE, BASE + "id/person/Not A Slug") is None


@given(st.text(min_size=1, max_size=200))
def test_every_name_gives_a_slug_that_parses_back(name: str) -> None:
    slug = iris.slugify(name)
    assert iris.parse(BASE, f"{BASE}id/person/{slug}") == iris.ParsedIri("person", slug)


def test_a_visit_to_a_capital_and_to_its_country_is_one_event() -> None:
    to_city = Event(EventType.VISIT, ("person/x",), Status.OCCURRED, "e", destination="city/pyongyang")
    to_country = Event(
        EventType.VISIT, ("person/x",), Status.OCCURRED, "f", destination="country/north-korea"
    )
    assert iris.event_key(to_city, 2024, "country/north-korea") == iris.event_key(to_country, 2024)
