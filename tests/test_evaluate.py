"""Tests for kg/evaluate.py: the rules of corpus/ANNOTATION.md, one behaviour per test."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.errors import InputError
from kg.evaluate import (
    date_is_right,
    doc_from_resolved,
    load_gold,
    normalise_name,
    predictions_from_store,
    score,
)
from kg.model import Actor, ActorType, Article, DateValue, Event, EventType, ResolvedArticle, Status

CORPUS = Path("/work/shared/corpus")


def actor(name: str, kind: str, *aliases: str, country: str | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name, "type": kind, "aliases": list(aliases)}
    if country is not None:
        entry["country"] = country
    return entry


def event(kind: str, agent: list[str], **roles: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "type": kind,
        "agent": agent,
        "destination": None,
        "host": [],
        "target": [],
        "on_behalf_of": [],
        "reported_by": [],
        "date": None,
        "status": "occurred",
        "optional": False,
        "evidence": "",
    }
    base.update(roles)
    return base


def gold_doc() -> dict[str, Any]:
    return {
        "id": "t-1",
        "title": "Putin’s “rare” visit to North Korea",
        "published": "2024-06-18T12:09:45Z",
        "actors": [
            actor("Vladimir Putin", "Person", "Putin", country="Russia"),
            actor("Russia", "Country", "Moscow"),
            actor("North Korea", "Country", "the North"),
            actor("Kim Jong-un", "Person", "Kim", country="North Korea"),
            actor("United States", "Country", "U.S.", "Washington"),
            actor("Vietnam", "Country"),
            actor(
                "South Korean Ministry of Foreign Affairs", "Organization", "South Korea’s Foreign Ministry"
            ),
            actor("Italy", "Country"),
            actor("Capri", "Place", country="Italy"),
            actor("David Cameron", "Person", "Cameron"),
            actor("Germany", "Country", "Berlin"),
            actor("Jian G.", "Person", country="Germany"),
            actor("China", "Country", "Beijing"),
        ],
        "events": [
            event(
                "Visit",
                ["Vladimir Putin"],
                destination="North Korea",
                host=["Kim Jong-un"],
                date="2024-06-18",
            ),
            event("Visit", ["Vladimir Putin"], destination="Vietnam", status="planned"),
            event("Visit", ["David Cameron"], destination="Capri", date="2024-04"),
            event("Sanction", ["United States"], target=["Russia"]),
            event("Sanction", ["United States"], target=["North Korea"], optional=True),
            event(
                "Espionage",
                ["Jian G."],
                on_behalf_of=["China"],
                target=["Germany"],
                status="alleged",
                date="2024-04-22",
            ),
        ],
    }


def predicted_from(gold: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """A prediction for ``gold``'s article holding exactly ``events`` and gold's actors."""
    doc = copy.deepcopy(gold)
    doc["events"] = events
    return doc


# --- dates and names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        ("2024-06", "2024-06", True),
        ("2024-06", "2024-06-18", True),  # more precise and inside
        ("2024", "2024-06-18", True),
        ("2024-06-18", "2024-06", False),  # less precise
        ("2024-06", "2024-07-01", False),
        ("2024", "2023-12", False),
        (None, None, True),
        (None, "2024-06-18", False),
        ("2024-06-18", None, False),
    ],
)
def test_date_precision_rule(gold: str | None, predicted: str | None, right: bool) -> None:
    assert date_is_right(gold, predicted) is right


def test_names_compare_without_case_apostrophe_or_hyphen_differences() -> None:
    assert normalise_name("Kim Jong-un") == normalise_name("kim jong un")
    assert normalise_name("South Korea’s Foreign Ministry") == normalise_name(
        "South Korea's  Foreign Ministry"
    )


# --- gold against itself ---------------------------------------------------------------------------


def assert_perfect(scores: Any) -> None:
    for counts in [scores.overall, *scores.by_type.values(), scores.actors]:
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert scores.status.value == 1.0
    assert scores.date.value == 1.0


def test_gold_against_itself_scores_one_everywhere() -> None:
    gold = [gold_doc()]
    scores = score(gold, copy.deepcopy(gold))
    assert_perfect(scores)
    assert scores.overall.tp == 5  # the optional sanction counts neither way
    assert scores.overall.fp == scores.overall.fn == 0


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared gold corpus is not on this machine")
def test_shared_corpus_against_itself_scores_one_everywhere() -> None:
    gold = load_gold(CORPUS / "seed") + load_gold(CORPUS / "dev")
    assert gold, "no gold files found"
    assert_perfect(score(gold, copy.deepcopy(gold)))


# --- event matching ---------------------------------------------------------------------------------


def test_swapped_agent_and_target_is_a_miss_and_a_false_positive() -> None:
    gold = gold_doc()
    events = [e for e in copy.deepcopy(gold["events"]) if not (e["type"] == "Sanction" and not e["optional"])]
    events.append(event("Sanction", ["Russia"], target=["United States"]))
    scores = score([gold], [predicted_from(gold, events)])
    sanction = scores.by_type["Sanction"]
    assert (sanction.tp, sanction.fp, sanction.fn) == (0, 1, 1)
    report = scores.articles[0]
    assert report.misses == ["Sanction United States -> Russia (occurred, None)"]
    assert report.false_positives == ["Sanction Russia -> United States (occurred, None)"]


def test_duplicate_predictions_count_once() -> None:
    gold = gold_doc()
    visit = event("Visit", ["Vladimir Putin"], destination="North Korea", date="2024-06-18")
    same_by_alias = event("Visit", ["Putin"], destination="the North", date="2024-06-18")
    scores = score([gold], [predicted_from(gold, [visit, copy.deepcopy(visit), same_by_alias])])
    visits = scores.by_type["Visit"]
    assert (visits.tp, visits.fp, visits.fn) == (1, 0, 2)


def test_of_repeated_predictions_the_best_dated_one_is_judged() -> None:
    gold = gold_doc()
    gold["events"] = [event("Visit", ["Vladimir Putin"], destination="North Korea", date="2024-06-18")]
    earlier = event("Visit", ["Putin"], destination="North Korea", date="2000", status="planned")
    this_one = event("Visit", ["Vladimir Putin"], destination="North Korea", date="2024-06-18")
    scores = score([gold], [predicted_from(gold, [earlier, this_one])])
    visits = scores.by_type["Visit"]
    assert (visits.tp, visits.fp, visits.fn) == (1, 0, 0)
    assert (scores.date.right, scores.status.right) == (1, 1)


def test_repeated_predictions_match_one_gold_event_only() -> None:
    gold = gold_doc()
    first = event("Sanction", ["United States"], target=["Russia"], date="2024-02")
    second = event("Sanction", ["United States"], target=["Russia"], date="2024-05")
    gold["events"] = [first, second]
    scores = score([gold], [predicted_from(gold, [copy.deepcopy(first), copy.deepcopy(second)])])
    sanctions = scores.by_type["Sanction"]
    assert (sanctions.tp, sanctions.fp, sanctions.fn) == (1, 0, 1)


def test_matching_is_one_to_one() -> None:
    gold = gold_doc()
    # different core roles, both overlapping the one gold visit to North Korea: one is a false positive
    first = event("Visit", ["Vladimir Putin"], destination="North Korea", date="2024-06-18")
    second = event("Visit", ["Vladimir Putin", "Kim Jong-un"], destination="North Korea")
    scores = score([gold], [predicted_from(gold, [first, second])])
    visits = scores.by_type["Visit"]
    assert (visits.tp, visits.fp) == (1, 1)
    assert scores.date.right == scores.date.total == 1  # the better-dated prediction took the pair


def test_optional_gold_events_neither_help_nor_hurt() -> None:
    gold = gold_doc()
    required = [e for e in copy.deepcopy(gold["events"]) if not e["optional"]]
    without = score([gold], [predicted_from(gold, required)])
    with_optional = score(
        [gold], [predicted_from(gold, [*required, event("Sanction", ["U.S."], target=["North Korea"])])]
    )
    assert without.to_dict()["events"] == with_optional.to_dict()["events"]
    assert with_optional.articles[0].ignored == ["Sanction U.S. -> North Korea (occurred, None)"]
    assert without.overall.fn == 0  # the unmatched optional event is no miss


def test_a_prediction_matching_required_and_optional_events_takes_the_required_one() -> None:
    gold = gold_doc()
    gold["events"] = [
        event("Sanction", ["United States"], target=["North Korea"], optional=True),
        event("Sanction", ["United States"], target=["North Korea", "Russia"]),
    ]
    scores = score(
        [gold], [predicted_from(gold, [event("Sanction", ["United States"], target=["North Korea"])])]
    )
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (1, 0, 0)


def test_city_destination_matches_its_country() -> None:
    gold = gold_doc()
    prediction = predicted_from(
        gold,
        [
            # Pyongyang is no alias in this gold: only the predicted city's country links it
            event("Visit", ["Vladimir Putin"], destination="Pyongyang", date="2024-06-18"),
            # gold says Capri (a Place in Italy); the prediction says Italy
            event("Visit", ["Cameron"], destination="Italy", date="2024-04-12"),
        ],
    )
    prediction["actors"].append(actor("Pyongyang", "Place", country="North Korea"))
    scores = score([gold], [prediction])
    visits = scores.by_type["Visit"]
    assert (visits.tp, visits.fp, visits.fn) == (2, 0, 1)
    assert scores.date.right == 2


def test_city_without_known_country_does_not_match() -> None:
    gold = gold_doc()
    scores = score(
        [gold], [predicted_from(gold, [event("Visit", ["Vladimir Putin"], destination="Pyongyang")])]
    )
    assert scores.by_type["Visit"].tp == 0
    assert scores.by_type["Visit"].fp == 1


def test_names_match_gold_aliases() -> None:
    gold = gold_doc()
    gold["events"] = [
        event("Visit", ["Kim Jong-un"], destination="Russia"),
        event("Sanction", ["South Korean Ministry of Foreign Affairs"], target=["North Korea"]),
    ]
    scores = score(
        [gold],
        [
            predicted_from(
                gold,
                [
                    event("Visit", ["kim jong un"], destination="Moscow"),
                    event("Sanction", ["South Korea's Foreign Ministry"], target=["The North"]),
                ],
            )
        ],
    )
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (2, 0, 0)


def test_predicted_aliases_link_a_differently_named_actor() -> None:
    gold = gold_doc()
    gold["events"] = [event("Sanction", ["United States"], target=["Russia"])]
    prediction = predicted_from(gold, [event("Sanction", ["United States"], target=["Russian Federation"])])
    prediction["actors"] = [
        actor("United States", "Country"),
        actor("Russian Federation", "Country", "Russia"),
    ]
    scores = score([gold], [prediction])
    assert scores.overall.tp == 1
    assert scores.actors.tp == 2


def test_espionage_matches_on_agent_or_on_behalf_of_and_target() -> None:
    gold = gold_doc()
    gold["events"] = [
        event("Espionage", ["Jian G."], on_behalf_of=["China"], target=["Germany"]),
        event("Espionage", ["Russia"], target=[]),
    ]
    prediction = predicted_from(
        gold,
        [
            event("Espionage", ["Beijing"], target=["Berlin"]),  # the state spied for, not the spy
            event("Espionage", ["Moscow"], target=["Germany"]),  # gold has no target: agent alone decides
            event("Espionage", ["China"], target=["Russia"]),  # wrong target
        ],
    )
    scores = score([gold], [prediction])
    espionage = scores.by_type["Espionage"]
    assert (espionage.tp, espionage.fp, espionage.fn) == (2, 1, 0)


def test_status_and_date_are_judged_on_matched_pairs() -> None:
    gold = gold_doc()
    gold["events"] = [event("Visit", ["Vladimir Putin"], destination="North Korea", date="2024-06")]
    scores = score(
        [gold],
        [
            predicted_from(
                gold,
                [event("Visit", ["Putin"], destination="North Korea", status="planned", date="2024-05-30")],
            )
        ],
    )
    assert (scores.status.right, scores.status.total) == (0, 1)
    assert (scores.date.right, scores.date.total) == (0, 1)
    report = scores.articles[0]
    assert report.wrong_status and "predicted planned" in report.wrong_status[0]
    assert report.wrong_date and "predicted 2024-05-30" in report.wrong_date[0]


# --- actors ---------------------------------------------------------------------------------------


def test_actors_match_by_name_alias_and_type_and_places_are_not_scored() -> None:
    gold = gold_doc()
    gold_actors = [a for a in gold["actors"] if a["type"] != "Place"]
    predicted = [
        *(actor(a["aliases"][0] if a["aliases"] else a["name"], a["type"]) for a in gold_actors),
        actor("Capri", "Place", country="Italy"),
        actor("Pyongyang", "Place", country="North Korea"),
    ]
    predicted[1]["type"] = "Organization"  # Russia as an organisation: a false positive and a miss
    doc = predicted_from(gold, [])
    doc["actors"] = predicted
    counts = score([gold], [doc]).actors
    assert (counts.tp, counts.fp, counts.fn) == (len(gold_actors) - 1, 1, 1)


# --- articles ------------------------------------------------------------------------------------


def test_articles_match_by_normalised_title() -> None:
    gold = gold_doc()
    prediction = copy.deepcopy(gold)
    prediction["title"] = '  PUTIN\'S "RARE"   visit to North Korea '
    prediction["published"] = "2030-01-01T00:00:00+00:00"
    scores = score([gold], [prediction])
    assert scores.overall.tp == 5
    assert scores.unscored == []


def test_articles_fall_back_to_the_publication_instant() -> None:
    gold = gold_doc()
    prediction = copy.deepcopy(gold)
    prediction["title"] = "A rewritten headline"
    prediction["published"] = "2024-06-18T14:09:45+02:00"
    other = copy.deepcopy(gold)
    other["title"] = "Another article"
    other["published"] = "2024-06-19T00:00:00+00:00"
    scores = score([gold], [other, prediction])
    assert scores.overall.tp == 5
    assert scores.unscored == ["Another article"]


def test_gold_article_without_prediction_misses_everything() -> None:
    scores = score([gold_doc()], [])
    assert (scores.overall.tp, scores.overall.fn) == (0, 5)
    assert scores.actors.fn == 12
    assert scores.articles[0].predicted is False


# --- gold files -----------------------------------------------------------------------------------


def test_load_gold_reads_sorted_files(tmp_path: Path) -> None:
    second, first = gold_doc(), gold_doc()
    second["title"] = "Second"
    (tmp_path / "b.json").write_text(json.dumps(second), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(first), encoding="utf-8")
    (tmp_path / "a.txt").write_text("not gold", encoding="utf-8")
    docs = load_gold(tmp_path)
    assert [d["title"] for d in docs] == [first["title"], "Second"]


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: "{not json",
        lambda d: json.dumps([d]),
        lambda d: json.dumps({**d, "events": [{**d["events"][0], "status": "happened"}]}),
        lambda d: json.dumps({**d, "events": [{**d["events"][0], "agent": ["Nobody Known"]}]}),
        lambda d: json.dumps({**d, "events": [{**d["events"][0], "date": "18 June"}]}),
        lambda d: json.dumps({**d, "published": "yesterday"}),
    ],
)
def test_load_gold_names_the_bad_file(tmp_path: Path, breakage: Any) -> None:
    (tmp_path / "good.json").write_text(json.dumps(gold_doc()), encoding="utf-8")
    (tmp_path / "bad.json").write_text(breakage(gold_doc()), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json"):
        load_gold(tmp_path)


# --- output ---------------------------------------------------------------------------------------


def test_render_ends_with_the_headline_and_to_dict_is_json() -> None:
    gold = gold_doc()
    scores = score([gold], [predicted_from(gold, gold["events"][:2])])
    tail = scores.render(verbose=False).splitlines()[-8:]
    assert tail[1].split()[:7] == ["events", "P", "1.000", "R", "0.400", "F1", "0.571"]
    assert [line.split()[0] for line in tail[1:]] == [
        "events",
        "Visit",
        "Sanction",
        "Espionage",
        "actors",
        "status",
        "date",
    ]
    verbose = scores.render(verbose=True)
    assert "missed: Sanction United States -> Russia" in verbose
    assert verbose.splitlines()[-8:] == tail
    data = json.loads(json.dumps(scores.to_dict()))
    assert data["events"]["overall"]["tp"] == 2
    assert data["events"]["Visit"]["fn"] == 1
    assert data["articles"][0]["misses"]


# --- predictions from a store -----------------------------------------------------------------------

BASE = "https://example.org/"
TRIG = """
@prefix nk: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix id: <https://example.org/id/> .

id:article-1 {
  id:article-1 a nk:Article ; dcterms:title "Putin arrives in Pyongyang" ;
      dcterms:issued "2024-06-18T12:09:45+00:00"^^xsd:dateTime .
  id:putin a nk:Person ; rdfs:label "Vladimir Putin" ; skos:altLabel "Putin" ; nk:country id:russia ;
      nk:mentionedIn id:article-1 .
  id:russia a nk:Country ; rdfs:label "Russia" ; nk:mentionedIn id:article-1 .
  id:nk a nk:Country ; rdfs:label "North Korea" ; nk:mentionedIn id:article-1 .
  id:un a nk:Organization ; rdfs:label "United Nations" ; nk:mentionedIn id:article-1 .
  id:pyongyang a nk:City ; rdfs:label "Pyongyang" ; nk:country id:nk .
  id:visit a nk:Visit ; nk:agent id:putin ; nk:destination id:pyongyang ; nk:host id:kim ;
      nk:date "2024-06-18"^^xsd:date ; nk:status nk:Occurred ; nk:evidence "Putin arrived in Pyongyang" ;
      prov:wasDerivedFrom id:article-1 .
  id:sanction a nk:Sanction ; nk:agent id:un ; nk:target id:nk ; nk:status nk:Occurred ;
      nk:evidence "UN sanctions" ; prov:wasDerivedFrom id:article-1 .
}

id:article-2 {
  id:article-2 a nk:Article ; dcterms:title "Kim greets Putin" ;
      dcterms:issued "2024-06-19T08:00:00+00:00"^^xsd:dateTime .
  id:kim a nk:Person ; rdfs:label "Kim Jong-un" ; nk:country id:nk ; nk:mentionedIn id:article-2 .
  id:visit a nk:Visit ; nk:agent id:putin ; nk:destination id:pyongyang ; nk:host id:kim ;
      nk:date "2024-06"^^xsd:gYearMonth ; nk:status nk:Occurred ;
      prov:wasDerivedFrom id:article-1, id:article-2 .
  id:spying a nk:Espionage ; nk:agent id:russia ; nk:target id:nk ; nk:onBehalfOf id:russia ;
      nk:reportedBy id:un ; nk:date "2024"^^xsd:gYear ; nk:status nk:Alleged ;
      prov:wasDerivedFrom id:article-2 .
}

<https://other.org/id/article-3> {
  <https://other.org/id/article-3> a nk:Article ; dcterms:title "Elsewhere" ;
      dcterms:issued "2024-01-01T00:00:00+00:00"^^xsd:dateTime .
}
"""


def store_query(store: ox.Store) -> Any:
    """The ``query`` callable the scorer expects, over a store whose default graph is the union."""

    def run(sparql: str) -> list[dict[str, str]]:
        solutions = store.query(sparql, use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        names = [v.value for v in solutions.variables]
        return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]

    return run


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    store.load(TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return store


def test_predictions_from_store_builds_gold_shaped_documents(store: ox.Store) -> None:
    docs = predictions_from_store(store_query(store), base=BASE)
    assert [d["title"] for d in docs] == ["Putin arrives in Pyongyang", "Kim greets Putin"]
    first, second = docs
    assert first["id"] == BASE + "id/article-1"
    assert datetime.fromisoformat(first["published"]) == datetime(2024, 6, 18, 12, 9, 45, tzinfo=UTC)
    actors = {a["name"]: a for a in first["actors"]}
    assert actors["Vladimir Putin"] == {
        "name": "Vladimir Putin",
        "type": "Person",
        "aliases": ["Putin"],
        "country": "Russia",
    }
    assert actors["United Nations"]["type"] == "Organization"
    assert actors["Pyongyang"]["type"] == "Place"
    assert actors["Pyongyang"]["country"] == "North Korea"
    visit = next(e for e in first["events"] if e["type"] == "Visit")
    assert visit["agent"] == ["Vladimir Putin"]
    assert visit["destination"] == "Pyongyang"
    assert visit["host"] == ["Kim Jong-un"]
    assert visit["status"] == "occurred"
    assert visit["date"] == "2024-06-18"  # what this article's own graph says
    assert visit["evidence"] == "Putin arrived in Pyongyang"
    assert [e["type"] for e in first["events"]] == ["Visit", "Sanction"]
    # the visit derives from both articles, so it is in both; the espionage only in the second
    assert sorted(e["type"] for e in second["events"]) == ["Espionage", "Visit"]
    # the same visit as the second article tells it: its own date, not the first article's
    assert next(e for e in second["events"] if e["type"] == "Visit")["date"] == "2024-06"
    spying = next(e for e in second["events"] if e["type"] == "Espionage")
    assert spying["on_behalf_of"] == ["Russia"]
    assert spying["reported_by"] == ["United Nations"]
    assert spying["date"] == "2024"
    assert spying["status"] == "alleged"
    for doc in docs:
        for key in ("title", "published", "actors", "events"):
            assert key in doc


def test_predictions_from_store_without_base_reads_every_article(store: ox.Store) -> None:
    docs = predictions_from_store(store_query(store))
    assert [d["title"] for d in docs] == ["Elsewhere", "Putin arrives in Pyongyang", "Kim greets Putin"]
    assert docs[0]["events"] == [] and docs[0]["actors"] == []


def test_store_predictions_score_against_gold(store: ox.Store) -> None:
    gold = {
        "id": "store-1",
        "title": "Putin arrives in Pyongyang",
        "published": "2024-06-18T12:09:45Z",
        "actors": [
            actor("Vladimir Putin", "Person", "Putin", country="Russia"),
            actor("North Korea", "Country"),
            actor("Kim Jong-un", "Person", country="North Korea"),
            actor("United Nations", "Organization", "UN"),
            actor("Russia", "Country"),
        ],
        "events": [
            event(
                "Visit", ["Vladimir Putin"], destination="North Korea", host=["Kim Jong-un"], date="2024-06"
            ),
            event("Sanction", ["UN"], target=["North Korea"]),
        ],
    }
    scores = score([gold], predictions_from_store(store_query(store), base=BASE))
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (2, 0, 0)
    assert (scores.date.right, scores.status.right) == (2, 2)
    assert (scores.actors.tp, scores.actors.fp, scores.actors.fn) == (
        4,
        0,
        1,
    )  # Kim is mentioned in article 2
    assert scores.unscored == ["Kim greets Putin"]


# --- extraction without a store --------------------------------------------------------------------


def test_doc_from_resolved_gives_a_gold_shaped_document() -> None:
    article = Article(
        title="Putin praises North Korea",
        text="...",
        published=datetime(2024, 6, 18, 12, 9, 45, tzinfo=UTC),
        source="seed-1.txt",
    )
    resolved = ResolvedArticle(
        article=article,
        actors=(
            Actor("person/vladimir-putin", "Vladimir Putin", ActorType.PERSON, ("Putin",), "country/russia"),
            Actor("country/russia", "Russia", ActorType.COUNTRY),
            Actor("city/pyongyang", "Pyongyang", ActorType.CITY, country="country/north-korea"),
        ),
        events=(
            Event(
                EventType.VISIT,
                ("person/vladimir-putin",),
                Status.PLANNED,
                "Putin will visit Pyongyang",
                destination="city/pyongyang",
                date=DateValue("2024-06"),
            ),
        ),
    )
    doc = doc_from_resolved(resolved)
    assert doc["title"] == "Putin praises North Korea"
    assert doc["published"] == "2024-06-18T12:09:45+00:00"
    assert {"name": "Pyongyang", "type": "Place", "aliases": [], "country": "North Korea"} in doc["actors"]
    assert doc["events"] == [
        {
            "type": "Visit",
            "agent": ["Vladimir Putin"],
            "destination": "Pyongyang",
            "host": [],
            "target": [],
            "on_behalf_of": [],
            "reported_by": [],
            "date": "2024-06",
            "status": "planned",
            "evidence": "Putin will visit Pyongyang",
            "optional": False,
        }
    ]
    gold = {
        "title": "Putin praises North Korea",
        "published": "2024-06-18T12:09:45Z",
        "actors": [actor("Vladimir Putin", "Person", "Putin"), actor("North Korea", "Country")],
        "events": [
            event("Visit", ["Vladimir Putin"], destination="North Korea", status="planned", date="2024")
        ],
    }
    scores = score([gold], [doc])
    assert (scores.overall.tp, scores.status.right, scores.date.right) == (1, 1, 1)
