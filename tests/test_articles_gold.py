"""Consistency checks for our held-out extraction test set in tests/articles.

Each test-NN.txt is one article (title, blank line, paragraphs, "Published at" line);
test-NN.json is its gold annotation in the format of the shared ANNOTATION.md.
These tests check the gold files against their articles, not any extractor.
"""

from __future__ import annotations

import json
import re
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

ARTICLES = Path(__file__).parent / "articles"
STEMS = sorted(p.stem for p in ARTICLES.glob("test-*.txt"))

ACTOR_TYPES = {"Person", "Organization", "Country", "Place"}
STATUSES = {"occurred", "planned", "alleged"}
ROLES = {
    "Visit": {"agent", "destination", "host"},
    "Sanction": {"agent", "target"},
    "Espionage": {"agent", "on_behalf_of", "target"},
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _load(stem: str) -> tuple[str, dict]:
    text = (ARTICLES / f"{stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((ARTICLES / f"{stem}.json").read_text(encoding="utf-8"))
    return text, gold


def _names(gold: dict) -> set[str]:
    names: set[str] = set()
    for actor in gold["actors"]:
        names.add(actor["name"])
        names.update(actor["aliases"])
    return names


def _role_values(event: dict, role: str) -> list[str]:
    value = event.get(role)
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def test_every_article_has_gold_and_back():
    assert len(STEMS) >= 8
    json_stems = sorted(p.stem for p in ARTICLES.glob("test-*.json"))
    assert json_stems == STEMS


@pytest.mark.parametrize("stem", STEMS)
def test_header_fields_match_the_article(stem: str):
    text, gold = _load(stem)
    lines = text.rstrip("\n").split("\n")
    assert gold["id"] == stem
    assert gold["title"] == lines[0]
    assert lines[1] == ""
    match = re.fullmatch(r"Published at (.+)", lines[-1])
    assert match, "last line must be 'Published at <RFC 2822 date>'"
    published = parsedate_to_datetime(match.group(1))
    assert published.utcoffset() is not None
    assert gold["published"] == published.strftime("%Y-%m-%dT%H:%M:%SZ")
    # the weekday in the RFC 2822 date is the real one
    assert match.group(1)[:3] == published.strftime("%a")


@pytest.mark.parametrize("stem", STEMS)
def test_article_length(stem: str):
    text, _ = _load(stem)
    body = text.rstrip("\n").split("\n")[1:-1]
    words = len(" ".join(body).split())
    assert 250 <= words <= 450, words


@pytest.mark.parametrize("stem", STEMS)
def test_actors_are_well_formed(stem: str):
    _, gold = _load(stem)
    seen: set[str] = set()
    for actor in gold["actors"]:
        assert actor["type"] in ACTOR_TYPES, actor
        assert isinstance(actor["aliases"], list)
        assert actor["name"] not in seen, f"duplicate actor {actor['name']}"
        seen.add(actor["name"])
        if actor["type"] == "Place":
            assert actor.get("country"), f"Place {actor['name']} needs its country"


@pytest.mark.parametrize("stem", STEMS)
def test_actor_surface_forms_occur_in_the_article(stem: str):
    text, gold = _load(stem)
    for actor in gold["actors"]:
        forms = [actor["name"], *actor["aliases"]]
        assert any(form in text for form in forms), f"{actor['name']} not in the text"
        for alias in actor["aliases"]:
            assert alias in text, f"alias {alias!r} of {actor['name']} not in the text"


@pytest.mark.parametrize("stem", STEMS)
def test_evidence_is_a_substring_of_the_article(stem: str):
    text, gold = _load(stem)
    for event in gold["events"]:
        assert event["evidence"], event
        assert event["evidence"] in text, f"evidence not in {stem}.txt: {event['evidence']!r}"


@pytest.mark.parametrize("stem", STEMS)
def test_event_roles_name_actors_of_the_same_file(stem: str):
    _, gold = _load(stem)
    names = _names(gold)
    for event in gold["events"]:
        assert event["type"] in ROLES, event
        for role in (*ROLES[event["type"]], "reported_by"):
            for value in _role_values(event, role):
                assert value in names, f"{event['type']} {role} {value!r} is not an actor of {stem}"


@pytest.mark.parametrize("stem", STEMS)
def test_events_are_well_formed(stem: str):
    _, gold = _load(stem)
    for event in gold["events"]:
        assert event["status"] in STATUSES, event
        assert isinstance(event["optional"], bool)
        assert event["date"] is None or DATE.match(event["date"]), event["date"]
        # kg.evaluate.load_gold requires an agent on every event, optional or not
        assert event["agent"], event
        if event["type"] == "Visit":
            assert event["destination"], event
        elif event["type"] == "Sanction":
            assert event["target"], event


@pytest.mark.parametrize("stem", STEMS)
def test_no_duplicate_scored_events(stem: str):
    """One gold event per real-world event: no two scored events share type and core roles."""
    _, gold = _load(stem)
    keys = []
    for event in gold["events"]:
        if event["optional"]:
            continue
        if event["type"] == "Visit":
            key = (event["type"], tuple(event["agent"]), event["destination"])
        elif event["type"] == "Sanction":
            key = (event["type"], tuple(event["agent"]), tuple(event["target"]))
        else:
            key = (event["type"], tuple(event["agent"] + event["on_behalf_of"]), tuple(event["target"]))
        assert key not in keys, f"duplicate scored event {key}"
        keys.append(key)


def test_the_evaluator_accepts_the_gold_and_scores_it_perfect_against_itself():
    from kg.evaluate import load_gold, score

    gold = load_gold(ARTICLES)
    assert [doc["id"] for doc in gold] == STEMS
    scores = score(gold, gold)
    for counts in scores.by_type.values():
        assert counts.fp == 0 and counts.fn == 0
    assert scores.actors.fp == 0 and scores.actors.fn == 0
