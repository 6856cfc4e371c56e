"""kg/extraction: triggers and roles per event family, on short sentences written for the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from kg.extraction import extract, prepare_text, strip_chrome
from kg.model import Article, EventType, Extraction, RawEvent, Status

PUBLISHED = datetime(2024, 5, 15, 10, 0, tzinfo=UTC)  # a Wednesday


def article(text: str) -> Article:
    return Article(title="Test", text=text, published=PUBLISHED, source="test.txt")


def run(nlp, text: str) -> Extraction:  # type: ignore[no-untyped-def]
    item = article(text)
    return extract(nlp(prepare_text(item)), item)


def events(nlp, text: str, kind: EventType | None = None) -> list[RawEvent]:  # type: ignore[no-untyped-def]
    found = run(nlp, text).events
    return [e for e in found if kind is None or e.type is kind]


def names(mentions) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.text for m in mentions]


def visits(nlp, text: str) -> list[tuple[list[str], str | None]]:  # type: ignore[no-untyped-def]
    return [
        (names(e.agents), e.destination.text if e.destination else None)
        for e in events(nlp, text, EventType.VISIT)
    ]


# ------------------------------------------------------------------------- chrome (no model)


def test_strip_chrome_drops_video_promos_and_keeps_captions() -> None:
    text = (
        "The minister spoke on Monday about the new agreement with the neighbouring states.\n\n"
        "WATCH l Ministers meet in the capital:\n\n"
        "Why the talks matter\n\n"
        "3 days ago\n\n"
        "Duration 2:05\n\n"
        "A reporter explains what is at stake in the talks between the two governments this week.\n\n"
        "A soldier stands guard in the capital on Monday. (The Associated Press)\n\n"
        "The talks resume next week, officials said."
    )
    stripped = strip_chrome(text)
    assert "WATCH" not in stripped
    assert "Why the talks matter" not in stripped
    assert "Duration" not in stripped and "days ago" not in stripped
    assert "A reporter explains" not in stripped
    assert "A soldier stands guard" in stripped
    assert "The talks resume next week" in stripped
    for paragraph in stripped.split("\n\n"):
        assert paragraph in text


def test_strip_chrome_drops_a_dateline_but_not_an_opening_name() -> None:
    assert strip_chrome("MOSCOW (AP) — Chinese Foreign Minister Wang Yi arrived.") == (
        "Chinese Foreign Minister Wang Yi arrived."
    )
    assert strip_chrome("KYIV, Ukraine (AP) — Drones hit the city.") == "Drones hit the city."
    assert strip_chrome("NATO — the alliance — met.") == "NATO — the alliance — met."


def test_strip_chrome_leaves_plain_articles_alone() -> None:
    text = "First paragraph of the story.\n\nSecond paragraph of the story."
    assert strip_chrome(text) == text


# ------------------------------------------------------------------------- patterns (no model)


def test_trigger_and_lexicon_files_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kg.errors import ModelError
    from kg.extraction.lexicon import _classes, words
    from kg.extraction.triggers import load_triggers

    index = load_triggers()
    assert {t.event for ts in index.by_lemma.values() for t in ts} == set(EventType)
    assert "impose" in words("impose_verbs")
    assert all(found for found in _classes().values())
    with pytest.raises(ModelError, match="no word class"):
        words("no_such_class")
    bad = tmp_path / "triggers.jsonl"
    bad.write_text('{"event": "Visit", "kind": "x", "pattern": [{"SHAPE": "Xxx"}]}\n', encoding="utf-8")
    with pytest.raises(ModelError, match="unsupported keys"):
        load_triggers(bad)


# ------------------------------------------------------------------------- visits


@pytest.mark.model
def test_visit_verb_with_place_object(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "French President Emmanuel Macron visited Brazil on Monday.", EventType.VISIT)
    assert len(found) == 1
    event = found[0]
    assert names(event.agents) == ["Emmanuel Macron"]
    assert event.destination is not None and event.destination.text == "Brazil"
    assert event.status is Status.OCCURRED
    assert event.date is not None and event.date.value == "2024-05-13"


@pytest.mark.model
def test_motion_verbs_name_the_destination(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "Chancellor Olaf Scholz arrived in Tokyo on Sunday for talks.") == [
        (["Olaf Scholz"], "Tokyo")
    ]
    assert visits(nlp, "Italian Prime Minister Giorgia Meloni flew to Washington on Thursday.") == [
        (["Giorgia Meloni"], "Washington")
    ]


@pytest.mark.model
def test_trip_noun_with_possessive_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    found = visits(
        nlp, "Secretary of State Antony Blinken spoke to reporters. Blinken's trip to Egypt ended on Tuesday."
    )
    assert (["Blinken"], "Egypt") in found


@pytest.mark.model
def test_coordinated_destinations_are_separate_visits(nlp) -> None:  # type: ignore[no-untyped-def]
    found = visits(nlp, "Chinese President Xi Jinping began visits to France, Serbia and Hungary on Sunday.")
    assert sorted(d for _, d in found if d) == ["France", "Hungary", "Serbia"]


@pytest.mark.model
def test_pronoun_agent_is_the_last_person_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Brazilian President Luiz Lula da Silva criticised the plan on Monday. "
        "He will travel to Beijing next week to meet officials."
    )
    found = events(nlp, text, EventType.VISIT)
    assert len(found) == 1
    assert names(found[0].agents) == ["Luiz Lula da Silva"]
    assert found[0].status is Status.PLANNED


@pytest.mark.model
def test_hosting_adds_the_host_to_the_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Australian Prime Minister Anthony Albanese landed in Beijing on Saturday. "
        "Chinese Premier Li Qiang hosted him for a dinner on Sunday."
    )
    found = events(nlp, text, EventType.VISIT)
    assert len(found) == 1
    assert names(found[0].hosts) == ["Li Qiang"]


@pytest.mark.model
def test_wrong_senses_are_not_visits(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "Millions of people visited the website of the ministry on Monday.") == []
    assert visits(nlp, "The spokesman said the decision would come to nothing.") == []


@pytest.mark.model
def test_negated_and_cancelled_visits_are_dropped(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "German Chancellor Olaf Scholz did not travel to Moscow last year.") == []
    assert visits(nlp, "Dutch Prime Minister Mark Rutte's trip to Kenya was called off on Friday.") == []


@pytest.mark.model
def test_planned_visits(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Canadian Prime Minister Justin Trudeau will visit India in September.",
        "Canadian Prime Minister Justin Trudeau is due to fly to India on Friday.",
        "Canadian Prime Minister Justin Trudeau accepted an invitation to visit India.",
    ):
        found = events(nlp, text, EventType.VISIT)
        assert [e.status for e in found] == [Status.PLANNED], text
    future = events(nlp, "Canadian Prime Minister Justin Trudeau will visit India in September.")[0]
    assert future.date is not None and future.date.value == "2024-09"


@pytest.mark.model
def test_whose_trip_is_the_trip_of_the_noun_the_clause_describes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "French President Emmanuel Macron, whose trip to Beijing last month drew sharp criticism, "
        "was met at the airport by officials."
    )
    assert visits(nlp, text) == [(["Emmanuel Macron"], "Beijing")]


@pytest.mark.model
def test_days_of_talks_with_a_host_in_a_place_is_a_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The visit came six weeks after French President Emmanuel Macron held two days of talks "
        "with Chinese President Xi Jinping in Beijing."
    )
    assert visits(nlp, text) == [(["Emmanuel Macron"], "Beijing")]


@pytest.mark.model
def test_meeting_in_a_state_or_province_abroad_is_a_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Taiwan's President Lai Ching-te met U.S. House Speaker Mike Johnson in Texas on Wednesday."
    assert visits(nlp, text) == [(["Lai Ching-te"], "Texas")]


@pytest.mark.model
def test_a_tour_that_began_in_places_visits_each(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Nancy Pelosi arrived in Tokyo late on Thursday, the final leg of an Asian tour that began in Singapore and Malaysia."
    assert sorted(d for _, d in visits(nlp, text)) == ["Malaysia", "Singapore", "Tokyo"]


@pytest.mark.model
def test_went_there_goes_to_the_destination_just_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Nancy Pelosi landed in Taipei late on Tuesday. Her predecessor John Major went there in 1997."
    assert (["John Major"], "Taipei") in visits(nlp, text)
    assert visits(
        nlp, "Nancy Pelosi landed in Taipei late on Tuesday. There was a protest there on Friday."
    ) == [(["Nancy Pelosi"], "Taipei")]


@pytest.mark.model
def test_an_arrival_with_no_place_is_at_the_destination_just_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "After landing in Tehran in the afternoon, Vladimir Putin met Turkish President "
        "Recep Tayyip Erdogan, who arrived on Monday evening."
    )
    assert (["Recep Tayyip Erdogan"], "Tehran") in visits(nlp, text)
    text = (
        "Vladimir Putin landed in Tehran. Turkish President Recep Tayyip Erdogan arrived back in the evening."
    )
    assert visits(nlp, text) == [(["Vladimir Putin"], "Tehran")]


@pytest.mark.model
def test_a_place_visited_by_someone_is_their_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "Germany was visited by the Chinese premier Li Qiang last week.") == [
        (["Li Qiang"], "Germany")
    ]
    assert visits(nlp, "The site was visited by millions of users.") == []


@pytest.mark.model
def test_the_demonym_city_of_a_place_is_that_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan President William Ruto attended a trade forum in the Moroccan city of Marrakesh on Tuesday."
    )
    assert visits(nlp, text) == [(["William Ruto"], "Marrakesh")]


@pytest.mark.model
def test_also_due_in_and_a_bare_title_expected_in_are_planned_visits(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Brazilian President Luiz Inacio Lula da Silva will open the fair in Lisbon. The Brazilian leader "
        "is also due in Madrid for talks with Spain's prime minister."
    )
    assert (["Luiz Inacio Lula da Silva"], "Madrid") in visits(nlp, text)
    text = "Indian Prime Minister Narendra Modi spoke in Delhi on Monday. The premier is expected in Canberra next week."
    found = events(nlp, text, EventType.VISIT)
    assert [(names(e.agents), e.destination and e.destination.text, e.status) for e in found] == [
        (["Narendra Modi"], "Canberra", Status.PLANNED)
    ]


@pytest.mark.model
def test_a_meeting_of_ministers_in_a_place_is_held_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Japanese Foreign Minister Yoko Kamikawa, who was attending a gathering of G20 foreign ministers "
        "in Rio de Janeiro, met her Brazilian counterpart."
    )
    assert visits(nlp, text) == [(["Yoko Kamikawa"], "Rio de Janeiro")]


@pytest.mark.model
def test_the_prime_minister_is_the_one_titled_so_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canadian Prime Minister Justin Trudeau faced questions at home. Relations improved, and the prime "
        "minister travelled to Tokyo last September."
    )
    assert visits(nlp, text) == [(["Justin Trudeau"], "Tokyo")]


@pytest.mark.model
def test_was_last_in_a_place_is_an_earlier_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "French President Emmanuel Macron landed in Cairo on Monday. Macron was last in Lebanon in August."
    found = {
        e.destination.text: e.date.value if e.date else None
        for e in events(nlp, text, EventType.VISIT)
        if e.destination
    }
    assert found == {"Cairo": "2024-05-13", "Lebanon": "2023-08"}


@pytest.mark.model
def test_the_two_leaders_are_the_two_people_just_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan President William Ruto and French President Emmanuel Macron spoke by phone. The two leaders "
        "met in Nairobi in March."
    )
    assert visits(nlp, text) == [(["Emmanuel Macron"], "Nairobi")]  # Ruto is at home
    text = (
        "Israeli President Isaac Herzog greeted Argentine President Javier Milei. Officials said the two men "
        "would discuss hostages held in Gaza."
    )
    assert visits(nlp, text) == []


@pytest.mark.model
def test_a_tour_that_takes_in_places_plans_a_visit_to_each(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Indian External Affairs Minister Subrahmanyam Jaishankar arrived in Nairobi on Monday. The tour "
        "also takes in Tanzania and Mozambique before ending in Zambia."
    )
    found = {
        e.destination.text: (e.status, e.date) for e in events(nlp, text, EventType.VISIT) if e.destination
    }
    assert found["Nairobi"][0] is Status.OCCURRED
    assert {k: v for k, v in found.items() if k != "Nairobi"} == {
        "Tanzania": (Status.PLANNED, None),
        "Mozambique": (Status.PLANNED, None),
        "Zambia": (Status.PLANNED, None),
    }


@pytest.mark.model
def test_a_tour_that_began_somewhere_and_took_her_elsewhere(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "German Foreign Minister Annalena Baerbock landed in Manila, the last stop of a tour that began in "
        "Jakarta on Monday and also took her to Kuala Lumpur and Singapore."
    )
    assert sorted(dest for _, dest in visits(nlp, text)) == ["Jakarta", "Kuala Lumpur", "Manila", "Singapore"]


@pytest.mark.model
def test_talks_in_the_capital_are_in_the_country_of_whom_the_visitor_met(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chinese President Xi Jinping welcomed the guests. Spanish Prime Minister Pedro Sanchez held talks "
        "with Xi in the capital last week."
    )
    assert visits(nlp, text) == [(["Pedro Sanchez"], "China")]


@pytest.mark.model
def test_being_abroad_for_talks_is_a_visit_but_being_home_is_not(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "Japanese Prime Minister Fumio Kishida was in Manila on Monday for talks.") == [
        (["Fumio Kishida"], "Manila")
    ]
    assert visits(nlp, "Japanese Prime Minister Fumio Kishida was in Tokyo on Monday for talks.") == []


# ------------------------------------------------------------------------- sanctions


@pytest.mark.model
def test_imposed_sanctions_on_a_target(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Canada imposed new sanctions on Belarus on Tuesday.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Canada"], ["Belarus"])]
    assert found[0].date is not None and found[0].date.value == "2024-05-14"


@pytest.mark.model
def test_coordinated_imposers_are_separate_sanctions(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Australia and New Zealand imposed sanctions against Myanmar.", EventType.SANCTION)
    assert sorted(names(e.agents)[0] for e in found) == ["Australia", "New Zealand"]


@pytest.mark.model
def test_target_under_sanctions_and_sanctions_by(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Syria has long been under European Union sanctions.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["European Union"], ["Syria"])]
    found = events(nlp, "Venezuela is struggling with sanctions by the United States.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["United States"], ["Venezuela"])]


@pytest.mark.model
def test_sanctions_from_an_imposer_on_a_passive_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Venezuela has been targeted by harsh sanctions from Canada and the European Union since 2019."
    found = events(nlp, text, EventType.SANCTION)
    pairs = sorted((names(e.agents)[0], names(e.targets)[0]) for e in found)
    assert pairs == [("Canada", "Venezuela"), ("European Union", "Venezuela")]


@pytest.mark.model
def test_sanctions_whose_clause_restricts_a_states_trade(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Any such deal violates African Union sanctions that ban fuel sales to and from Cuba."
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["African Union"], ["Cuba"])]
    found = events(nlp, "Canada reimposed sanctions that cripple Chile's gas exports.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Canada"], ["Chile"])]


@pytest.mark.model
def test_asset_freeze_on_a_group_hits_the_members_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Britain announced new measures. On Tuesday it froze the assets of four officials in charge of "
        "the trial in the east of Belarus, among them the court's chairman, Igor Petrov."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Britain"], ["Igor Petrov"])]


@pytest.mark.model
def test_an_unnamed_body_of_a_state_imposes_for_the_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "China has also turned to trade. On Wednesday, its commerce ministry halted shipments of sand to Taiwan."
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["China"], ["Taiwan"])]


@pytest.mark.model
def test_counted_targets_named_by_an_agency_in_the_next_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada on Thursday imposed sanctions on two Belarusian companies that it says helped Russia build "
        "drones. The Treasury Department's Office of Foreign Assets Control named Harbin Falcon Engine Co. "
        "and Ningbo Arrow Tech Co., along with a Belarus-based firm, Minsk Rotor."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [names(e.agents) for e in found] == [["Canada"]]
    targets = " | ".join(names(found[0].targets))
    assert "Falcon Engine Co." in targets and "Arrow Tech Co." in targets


@pytest.mark.model
def test_imposed_asset_freezes_on_people_of_a_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The decision comes days after Canada imposed asset freezes on Monday on Syrian officials and "
        "entities, among them the state carrier Syrian Air, over what the bloc says are deliveries of drones "
        "to Russia."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [names(e.agents) for e in found] == [["Canada"]]
    assert "Syrian Air" in names(found[0].targets)


@pytest.mark.model
def test_a_said_clause_on_the_target_does_not_date_the_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada on Thursday imposed sanctions on two Belarusian companies that it says helped Russia build "
        "drones, the first time Ottawa has targeted Belarusian firms for producing weapons for Moscow's war."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [names(e.agents) for e in found] == [["Canada"]]
    assert found[0].date is not None and found[0].date.value == "2024-05-09"


@pytest.mark.model
def test_blacklisting_verbs_and_passive(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Japan blacklisted the Wagner Group on Friday.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Japan"], ["Wagner Group"])]
    found = events(nlp, "Huawei was sanctioned by the United States in 2019.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["United States"], ["Huawei"])]
    assert found[0].date is not None and found[0].date.value == "2019"


@pytest.mark.model
def test_sanction_meaning_approve_is_not_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    assert (
        events(nlp, "Ministers from France are expected to sanction the budget plan.", EventType.SANCTION)
        == []
    )


@pytest.mark.model
def test_declining_to_join_sanctions_still_reports_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Turkey declined to join the sanctions that Canada imposed on Russia."
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Canada"], ["Russia"])]


# ------------------------------------------------------------------------- espionage


@pytest.mark.model
def test_spying_for_a_state_is_alleged(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Austrian prosecutors charged Egon Weiss with spying for Russia, according to the Interior Ministry."
    )
    found = events(nlp, text, EventType.ESPIONAGE)
    assert len(found) == 1
    event = found[0]
    assert names(event.agents) == ["Egon Weiss"]
    assert names(event.on_behalf_of) == ["Russia"]
    assert event.status is Status.ALLEGED
    assert "Interior Ministry" in names(event.reported_by)


@pytest.mark.model
def test_on_trial_accused_of_passing_documents_names_the_spy(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In Vienna, an employee of the BND foreign intelligence service, identified as Markus T., is on "
        "trial accused of passing classified documents to Russia's FSB security service in 2022."
    )
    assert [names(e.agents) for e in events(nlp, text, EventType.ESPIONAGE)] == [["Markus T."]]


@pytest.mark.model
def test_a_named_spy_paragraphs_away_is_not_the_unnamed_case(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police in Austria have arrested two men with Austrian and Russian citizenship on suspicion of "
        "spying for Russia.\n\nThe case follows several others in the region.\n\nIn Vienna, an employee "
        "of the BND foreign intelligence service, identified as Markus T., is on trial accused of passing "
        "classified documents to Russia's FSB security service in 2022."
    )
    found = events(nlp, text, EventType.ESPIONAGE)
    assert sorted(names(e.agents)[0] for e in found) == ["Markus T.", "Russia"]


@pytest.mark.model
def test_spy_satellite_is_not_espionage(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "North Korea launched a spy satellite on Monday.", EventType.ESPIONAGE) == []


@pytest.mark.model
def test_generic_espionage_with_no_act_is_not_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events(nlp, "NATO voiced concern about Chinese espionage.", EventType.ESPIONAGE) == []


# ------------------------------------------------------------------------- mentions


@pytest.mark.model
def test_mentions_carry_country_hints(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(
        nlp, "Russian President Vladimir Putin met Chinese President Xi Jinping. Putin smiled."
    ).mentions
    by_text = {m.text: m for m in found}
    assert by_text["Vladimir Putin"].country_hint == "Russian"
    assert by_text["Xi Jinping"].country_hint == "Chinese"
    assert by_text["Putin"].country_hint == "Russian"
    assert all(m.label in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"} for m in found)


@pytest.mark.model
def test_evidence_is_a_substring_of_the_article(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Leaders met.\n\nCanada imposed new sanctions on Belarus on Tuesday.\n\nMore later."
    for event in events(nlp, text):
        assert event.evidence in text


# ------------------------------------------------------------------------- more sanction and espionage forms


def sanctions(nlp, text: str) -> list[tuple[list[str], list[str]]]:  # type: ignore[no-untyped-def]
    return [(names(e.agents), names(e.targets)) for e in events(nlp, text, EventType.SANCTION)]


@pytest.mark.model
def test_what_a_measure_is_on_may_hang_from_the_verb_that_imposes_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ottawa imposed tariffs and informal bans on Chinese steel and aluminium in 2018."
    assert sanctions(nlp, text) == [(["Ottawa"], ["Chinese"])]
    text = "South Korea and Taiwan imposed their own curbs on exports of drone parts to Russia last year."
    assert sanctions(nlp, text) == [(["South Korea"], ["Russia"]), (["Taiwan"], ["Russia"])]
    assert sanctions(nlp, "Britain listed four firms and banned the export of jet fuel to Sudan.") == [
        (["Britain"], ["Sudan"])
    ]
    assert sanctions(nlp, "The city imposed fees and informal bans on plastic bags in 2018.") == []


@pytest.mark.model
def test_barred_from_their_territory_is_an_entry_ban_on_the_people_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Poland and Lithuania barred Belarusian official Ivan Petrov and other officials from their territory."
    assert sanctions(nlp, text) == [(["Poland"], ["Ivan Petrov"]), (["Lithuania"], ["Ivan Petrov"])]
    assert sanctions(nlp, "Poland barred 11 Belarusians from its territory.") == []  # people, not Belarus


@pytest.mark.model
def test_assets_belonging_to_or_held_by_someone_are_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japan froze all assets in Japan belonging to the Wagner Group."
    assert sanctions(nlp, text) == [(["Japan"], ["Wagner Group"])]
    assert sanctions(nlp, "Australia froze any assets held by Ivan Petrov.") == [
        (["Australia"], ["Ivan Petrov"])
    ]
    assert sanctions(nlp, "Police froze the bank accounts held by the suspects.") == []


@pytest.mark.model
def test_on_the_entity_list_since_is_a_listing(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Hikvision has been on the U.S. Entity List since October 2019.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets), e.date and e.date.value) for e in found] == [
        (["U.S."], ["Hikvision"], "2019-10")
    ]
    assert sanctions(nlp, "Her name has been on the guest list since May.") == []


@pytest.mark.model
def test_coordinated_measures_share_what_they_are_on(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Beijing imposed tariffs and informal bans on Lithuanian beef, dairy and timber in 2022, after "
        "Vilnius let Taiwan open a representative office."
    )
    assert sanctions(nlp, text) == [(["Beijing"], ["Lithuanian"])]
    # unless the verb has an "on" of its own: that one is the second measure's
    text = (
        "The Treasury imposed an asset freeze and travel ban on Almaz Trading Company, which it described as "
        "a front for Iran's Revolutionary Guards, and on two people linked to it, Reza Karimi and Ali Tehrani."
    )
    assert sanctions(nlp, text) == [
        (["Treasury"], ["Almaz Trading Company"]),
        (["Treasury"], ["Reza Karimi", "Ali Tehrani"]),
    ]


@pytest.mark.model
def test_the_entity_list_is_the_united_states_list(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "Hikvision has been on the Entity List since October 2019.") == [
        (["United States"], ["Hikvision"])
    ]
    assert sanctions(nlp, "SMIC was added to the Entity List in 2020.") == [(["United States"], ["SMIC"])]


@pytest.mark.model
def test_export_bans_and_restrictions_on_exports(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "Germany halted approvals of arms exports to Saudi Arabia in 2018.") == [
        (["Germany"], ["Saudi Arabia"])
    ]
    found = sanctions(
        nlp, "Canada, which imposed broad restrictions on sales of drones to Russian buyers, spoke."
    )
    assert found == [(["Canada"], ["Russian"])]
    assert sanctions(nlp, "In 2018 Washington reimposed sanctions on Iranian oil sales.") == [
        (["Washington"], ["Iranian"])
    ]  # whose trade it is
    found = sanctions(nlp, "Turkey has halted all exports to and imports from Israel.")
    assert found == [(["Turkey"], ["Israel"])]  # the second trade joined to the verb


@pytest.mark.model
def test_the_second_clause_keeps_its_own_subject_when_the_parser_strands_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Washington barred Silva from entering the United States in February 2020, citing credible "
        "information, and Canada in January 2023 imposed sanctions on former president Mahinda Rajapaksa."
    )
    assert sanctions(nlp, text) == [(["Washington"], ["Silva"]), (["Canada"], ["Mahinda Rajapaksa"])]


@pytest.mark.model
def test_ports_or_airspace_closed_to_a_nation_are_a_sanction_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "Pakistan closed its airspace to Indian airlines on Thursday.") == [
        (["Pakistan"], ["Indian"])
    ]
    assert sanctions(nlp, "Poland closed the border crossing to traffic.") == []  # nobody's
    assert sanctions(nlp, "The shop closed its doors to Indian customers.") == []  # no state's gate


@pytest.mark.model
def test_sanctions_over_an_invasion_are_on_the_invader(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trade has suffered from the sanctions the European Union imposed over Moscow's invasion of Ukraine."
    )
    assert sanctions(nlp, text) == [(["European Union"], ["Moscow"])]
    text = "India refused to join the sanctions that the United States imposed after Russian troops crossed into Ukraine."
    assert sanctions(nlp, text) == [(["United States"], ["Russian"])]
    text = "Japan imposed sanctions after the invasion of Ukraine."
    assert sanctions(nlp, text) == []  # no invader named


@pytest.mark.model
def test_shutting_a_bank_out_of_money_is_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Last July the U.S. Treasury barred 14 Iraqi banks from dollar transactions."
    assert sanctions(nlp, text) == [(["U.S. Treasury"], ["Iraqi"])]
    text = "The Financial Crimes Enforcement Network moved to cut Al-Huda Bank off from the U.S. financial system."
    assert sanctions(nlp, text) == [(["Financial Crimes Enforcement Network"], ["Al-Huda Bank"])]
    assert sanctions(nlp, "The court barred Al-Huda Bank from the hearing.") == []


@pytest.mark.model
def test_terrorist_listing_is_a_sanction_but_a_stock_listing_is_not(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "The group was listed as a terrorist entity by Australia in 2021.") == []  # no name
    assert sanctions(nlp, "Hezbollah was listed as a terrorist organisation by Australia in 2021.") == [
        (["Australia"], ["Hezbollah"])
    ]
    assert sanctions(nlp, "Aramco was listed on the Riyadh stock exchange by Saudi Arabia in 2019.") == []


@pytest.mark.model
def test_passive_sanctions_with_the_imposer_anywhere(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sanctions were imposed on dozens of Belarusian officials by Canada after the vote."
    assert sanctions(nlp, text) == [(["Canada"], ["Belarusian"])]


@pytest.mark.model
def test_a_copula_names_the_imposer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Norway became the first country to put the Wagner Group on a sanctions list in March."
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Norway"], ["Wagner Group"])]
    assert found[0].date is not None and found[0].date.value == "2024-03"


@pytest.mark.model
def test_convictions_occurred_and_name_the_state_served(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A Vienna court on Tuesday found Egon Weiss guilty of espionage on behalf of Russia's spy service."
    found = events(nlp, text, EventType.ESPIONAGE)
    assert len(found) == 1
    assert names(found[0].agents) == ["Egon Weiss"]
    assert names(found[0].on_behalf_of) == ["Russia"]
    assert found[0].status is Status.OCCURRED


@pytest.mark.model
def test_espionage_mentioned_in_passing_is_not_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The verdict closes one of the most serious espionage cases in Austrian history."
    assert events(nlp, text, EventType.ESPIONAGE) == []


@pytest.mark.model
def test_a_definite_description_takes_its_earlier_modifier(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A Russian drone crossed into Polish airspace on Sunday. "
        "Warsaw said the drone was gathering intelligence over military bases."
    )
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Russian"], ["Warsaw"])]


@pytest.mark.model
def test_aligning_with_anothers_sanctions_imposes_them_too(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iceland, which is not in the bloc, has aligned itself with the EU's sanctions against Belarus."
    assert sorted(sanctions(nlp, text)) == [(["EU"], ["Belarus"]), (["Iceland"], ["Belarus"])]


@pytest.mark.model
def test_sanctioning_a_thing_approves_it(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "The Hungarian parliament sanctioned Sweden's accession on Monday.") == []


@pytest.mark.model
def test_whoever_evades_the_sanctions_described_is_their_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said the bank helped Tehran evade the sanctions imposed by Canada."
    assert sanctions(nlp, text) == [(["Canada"], ["Tehran"])]


@pytest.mark.model
def test_barred_from_entering_is_an_entry_ban(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In retaliation, Minsk barred Marek Nowak and 20 other Polish lawmakers from entering Belarus."
    assert [(a, t[:1]) for a, t in sanctions(nlp, text)] == [(["Minsk"], ["Marek Nowak"])]
    text = "Estonian Prime Minister Kaja Kallas was banned from entering Russia last year."
    assert sanctions(nlp, text) == [(["Russia"], ["Kaja Kallas"])]  # the state entered bans entry


@pytest.mark.model
def test_targeting_clause_and_the_same_producers_later(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada on Monday imposed sanctions on Belarus's potash industry, targeting producers Belaruskali "
        "and Grodno Azot. Many of the mines are near Minsk. The mines employ thousands of people. "
        "Australia froze the assets of the same two producers on Tuesday."
    )
    assert sanctions(nlp, text) == [
        (["Canada"], ["Belarus", "Belaruskali", "Grodno Azot"]),
        (["Australia"], ["Belaruskali", "Grodno Azot"]),
    ]


@pytest.mark.model
def test_an_order_authorising_sanctions_is_its_signers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Lula signed a decree on Monday authorising sanctions against the Wagner Group."
    assert sanctions(nlp, text) == [(["Lula"], ["Wagner Group"])]


@pytest.mark.model
def test_sanctions_only_urged_or_on_someones_allies_are_not_read(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "Rights groups urged Ottawa to go further and blacklist the Wagner Group.") == []
    assert sanctions(nlp, "The State Department imposed visa restrictions on dozens of Ortega allies.") == []


@pytest.mark.model
def test_they_after_coordinated_imposers_is_each_of_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japan and South Korea said they would keep their own sanctions on Pyongyang in force."
    assert sanctions(nlp, text) == [(["Japan"], ["Pyongyang"]), (["South Korea"], ["Pyongyang"])]


@pytest.mark.parametrize("seed", ["0", "1", "2", "3"])
def test_a_surname_stands_for_the_full_name_named_first_whatever_the_hash_seed(seed: str) -> None:
    # two full names of one length share the surname: the choice must not follow set order, which
    # changes with PYTHONHASHSEED and made the same article merge differently from run to run
    code = (
        "from kg.extraction import _full_names\n"
        "from kg.model import Mention\n"
        "names = ['Ramon Duarte', 'Julia Duarte', 'Duarte', 'Teresa Lind', 'Marco Lind', 'Lind']\n"
        "found = _full_names(tuple(Mention(n, 'PERSON') for n in names))\n"
        "print(found['Duarte'], '|', found['Lind'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        check=True,
    )
    assert result.stdout.strip() == "Ramon Duarte | Teresa Lind"


@pytest.mark.model
def test_a_spy_arrested_in_a_place_where_clause_spied_on_that_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Investigators say the network also reached into Portugal, where former army officer Rui Costa was "
        "arrested in May on suspicion of spying for Russia, according to prosecutors in Britain."
    )
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Rui Costa"], ["Portugal"])]


@pytest.mark.model
def test_a_sentence_served_or_given_for_espionage_is_a_case(nlp) -> None:  # type: ignore[no-untyped-def]
    def cases(text: str) -> list[tuple[list[str], list[str]]]:
        return [(names(e.agents), names(e.targets)) for e in events(nlp, text, EventType.ESPIONAGE)]

    text = (
        "Canadian businessman Michael Spavor, detained in Dandong in 2018, was serving an 11-year sentence "
        "for espionage, a charge he always denied."
    )
    assert cases(text) == [(["Michael Spavor"], ["China"])]  # held in Dandong: China's case
    text = (
        "Japanese businessman Hiroshi Tanaka was given a three-year sentence by a Beijing court in July on "
        "espionage charges he rejects."
    )
    assert cases(text) == [(["Hiroshi Tanaka"], ["Beijing"])]
    assert cases("The band received a sentence for espionage from the critics.") == []


@pytest.mark.model
def test_envoys_accused_of_spying_in_a_participle_spied_for_their_state(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Poland expelled three Belarusian diplomats on Monday, accusing them of espionage.")
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Belarusian"], ["Poland"])]


@pytest.mark.model
def test_their_inside_the_subject_it_refers_from_does_not_loop(nlp) -> None:  # type: ignore[no-untyped-def]
    # "their" owned by the subject of the clause it sits in once sent the pronoun rules round in a circle
    text = (
        "In Quito the two presidents signed a trade accord and said their finance ministries would draft "
        "a plan to settle payments in local currencies."
    )
    assert [e.type for e in events(nlp, text)] == []


@pytest.mark.model
def test_a_firms_base_is_not_the_target_of_a_listing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Monday the EU adopted new sanctions against Russia, adding 40 tankers to its blacklist "
        "and targeting a refinery in Turkey."
    )
    assert sanctions(nlp, text) == [(["EU"], ["Russia"])]


@pytest.mark.model
def test_sanctions_including_on_a_states_office_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "- Japan announces 40 new sanctions, including on Iran's defence minister"
    assert sanctions(nlp, text) == [(["Japan"], ["Iran"])]


@pytest.mark.model
def test_to_sanction_taken_for_a_noun_still_names_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Spain and Italy announced that they would end their shipping agreements with Iran and move to "
        "sanction Iran Shipping Lines, a step that the EU took on Monday."
    )
    found = sanctions(nlp, text)
    assert sorted(agents[0] for agents, _ in found) == ["Italy", "Spain"]
    assert all(targets and targets[0].startswith("Iran") for _, targets in found)


@pytest.mark.model
def test_hit_with_sanctions_a_passive_freeze_and_countermeasures(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "Britain slapped Belarus with fresh sanctions on Monday.") == [
        (["Britain"], ["Belarus"])
    ]
    assert sanctions(nlp, "The assets of Ivan Petrenko were frozen by Canada.") == [
        (["Canada"], ["Ivan Petrenko"])
    ]
    assert sanctions(nlp, "China announced countermeasures against Lockheed Martin.") == [
        (["China"], ["Lockheed Martin"])
    ]


@pytest.mark.model
def test_being_on_a_blacklist_but_not_on_a_guest_list(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "ZTE has been on the U.S. entity list since 2018.") == [(["U.S."], ["ZTE"])]
    assert sanctions(nlp, "Macron was on the list of guests.") == []


@pytest.mark.model
def test_a_package_adopted_by_and_sanctions_that_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The 14th package of sanctions adopted by the EU against Belarus on Monday bans potash imports."
    assert sanctions(nlp, text) == [(["EU"], ["Belarus"])]
    text = "The sanctions, which were imposed by Washington in 2018, target Iran's oil exports."
    assert sanctions(nlp, text) == [(["Washington"], ["Iran"])]


@pytest.mark.model
def test_a_named_object_of_sanction_is_someone_whatever_its_label(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Beijing said it would sanction Raytheon over arms sales to Taiwan."
    assert sanctions(nlp, text) == [(["Beijing"], ["Raytheon"])]


# ------------------------------------------------------------------------- more visit forms


@pytest.mark.model
def test_home_country_is_not_a_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japanese Prime Minister Fumio Kishida flew to Osaka on Monday for a summit."
    assert visits(nlp, text) == []


@pytest.mark.model
def test_toured_and_expected_in(nlp) -> None:  # type: ignore[no-untyped-def]
    found = visits(nlp, "Indian Prime Minister Narendra Modi toured Ghana, Namibia and Brazil in July.")
    assert sorted(d for _, d in found if d) == ["Brazil", "Ghana", "Namibia"]
    found_events = events(
        nlp, "Turkish Foreign Minister Hakan Fidan is expected in Cairo next week.", EventType.VISIT
    )
    assert [(names(e.agents), e.destination.text if e.destination else None) for e in found_events] == [
        (["Hakan Fidan"], "Cairo")
    ]
    assert found_events[0].status is Status.PLANNED


@pytest.mark.model
def test_a_generic_title_is_not_the_last_person_of_that_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Polish President Andrzej Duda spoke on Monday. "
        "The last Polish president to make a visit to Mexico was Lech Walesa."
    )
    assert all(agents != ["Andrzej Duda"] for agents, _ in visits(nlp, text))


@pytest.mark.model
def test_restrictions_with_the_partner_on_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ottawa joined Australia, which imposed restrictions on sales of drones to Iranian buyers in May."
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Australia"], ["Iranian"])]
    assert found[0].date is not None and found[0].date.value == "2024-05"


@pytest.mark.model
def test_a_continued_designation_is_one_announcement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada imposed sanctions on Iran on Tuesday, designating ten officials. "
        "Two companies of the Mahan Group were also designated."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert len(found) == 1
    assert names(found[0].agents) == ["Canada"]


@pytest.mark.model
def test_intelligence_gathered_for_a_service_of_a_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police say the Lazarus Group gathers intelligence for the Ministry of State Security, China's."
    found = events(nlp, text, EventType.ESPIONAGE)
    assert len(found) == 1
    assert names(found[0].agents) == ["Lazarus Group"]
    assert names(found[0].on_behalf_of) == ["China"]


@pytest.mark.model
def test_hosting_a_guest_in_a_city_is_a_planned_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(
        nlp, "French President Emmanuel Macron will host Chinese President Xi Jinping in Paris next month."
    )
    assert len(found) == 1
    event = found[0]
    assert (names(event.agents), event.destination and event.destination.text) == (["Xi Jinping"], "Paris")
    assert names(event.hosts) == ["Emmanuel Macron"]
    assert event.status is Status.PLANNED
    assert event.date is not None and event.date.value == "2024-06"


@pytest.mark.model
def test_travel_by_some_means_to_a_city(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "North Korean leader Kim Jong Un traveled by armoured train to Vladivostok for a summit."
    assert visits(nlp, text) == [(["Kim Jong Un"], "Vladivostok")]


@pytest.mark.model
def test_no_plans_is_no_visit_and_agreeing_to_extend_is_done(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "U.S. President Joe Biden has no plans to visit Taiwan.") == []
    found = events(
        nlp, "The European Union agreed to extend economic sanctions against Russia.", EventType.SANCTION
    )
    assert [e.status for e in found] == [Status.OCCURRED]


@pytest.mark.model
def test_entity_list_and_expelled_spies(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "The U.S. Commerce Department added Huawei to its Entity List in 2019.") == [
        (["U.S. Commerce Department"], ["Huawei"])
    ]
    found = events(nlp, "Germany expelled two Russian diplomats accused of espionage.", EventType.ESPIONAGE)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Russian"], ["Germany"])]


@pytest.mark.model
def test_the_arresting_state_is_the_target_before_the_spy_nationality(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(
        nlp, "Poland arrested a Ukrainian man suspected of spying for Russia.", EventType.ESPIONAGE
    )
    assert [(names(e.on_behalf_of), names(e.targets)) for e in found] == [(["Russia"], ["Poland"])]
    found = events(
        nlp, "Two Dutch citizens were charged with spying for China, prosecutors said.", EventType.ESPIONAGE
    )
    assert [(names(e.on_behalf_of), names(e.targets)) for e in found] == [(["China"], ["Dutch"])]


@pytest.mark.model
def test_broken_coordination_and_meetings_abroad(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Secretary of State Antony Blinken and Defense Secretary Lloyd Austin traveled to Seoul on Sunday."
    # two officials of one country named together make one trip with both as visitors
    assert sorted(a for agents, _ in visits(nlp, text) for a in agents) == ["Antony Blinken", "Lloyd Austin"]
    text = "Hungarian Prime Minister Viktor Orban held talks with Putin in Moscow on Friday."
    assert visits(nlp, text) == [(["Viktor Orban"], "Moscow")]
    text = (
        "Ukrainian President Volodymyr Zelensky met U.S. President Joe Biden at the White House on Thursday."
    )
    assert visits(nlp, text) == [(["Volodymyr Zelensky"], "White House")]


@pytest.mark.model
def test_sentenced_for_espionage(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A Russian court sentenced U.S. journalist Evan Gershkovich to 16 years for espionage on Friday."
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [(names(e.agents), names(e.targets), e.status) for e in found] == [
        (["Evan Gershkovich"], ["Russian"], Status.OCCURRED)
    ]


@pytest.mark.model
def test_an_employer_is_not_the_spy(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "German prosecutors on Wednesday charged a Bundeswehr officer with spying for Russia."
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [(names(e.on_behalf_of), names(e.targets)) for e in found] == [(["Russia"], ["German"])]
    assert "Bundeswehr" not in names(found[0].agents)


@pytest.mark.model
def test_a_region_beside_a_city_is_not_a_second_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chinese President Xi Jinping arrived in Paris on Sunday, his first trip to Europe in five years."
    assert visits(nlp, text) == [(["Xi Jinping"], "Paris")]


@pytest.mark.model
def test_a_title_makes_a_person_and_next_month_counts_from_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chancellor Olaf Scholz spoke on Monday. He will travel to India next month."
    found = events(nlp, text, EventType.VISIT)
    assert [(names(e.agents), e.date and e.date.value) for e in found] == [(["Olaf Scholz"], "2024-06")]


@pytest.mark.model
def test_helping_a_state_intelligence_service(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "British prosecutors have charged three men with assisting Hong Kong's intelligence service."
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [(names(e.on_behalf_of), names(e.targets)) for e in found] == [(["Hong Kong"], ["British"])]


@pytest.mark.model
def test_hit_with_sanctions_and_expelled_over_spying(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "Iran was hit with new sanctions by Canada on Monday.") == [(["Canada"], ["Iran"])]
    found = events(
        nlp, "Australia expelled two Iranian diplomats over spying allegations.", EventType.ESPIONAGE
    )
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Iranian"], ["Australia"])]
    assert events(nlp, "China urged Germany to stop using espionage claims.", EventType.ESPIONAGE) == []


@pytest.mark.model
def test_a_guest_met_by_a_host_at_home_is_the_visitor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "U.S. President Joe Biden met Chinese President Xi Jinping in San Francisco on Wednesday."
    found = events(nlp, text, EventType.VISIT)
    assert [(names(e.agents), e.destination and e.destination.text, names(e.hosts)) for e in found] == [
        (["Xi Jinping"], "San Francisco", ["Joe Biden"])
    ]


@pytest.mark.model
def test_a_leader_going_to_his_own_seat_of_power_is_no_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "Russian President Vladimir Putin headed to the Kremlin on Monday.") == []


@pytest.mark.model
def test_one_state_visit_over_several_days(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Brazilian President Luiz Inacio Lula da Silva arrived in Paris on Monday. "
        "French President Emmanuel Macron welcomed Lula to the Elysee Palace on Tuesday."
    )
    found = events(nlp, text, EventType.VISIT)
    assert len(found) == 1
    event = found[0]
    assert event.destination is not None and event.destination.text == "Paris"
    assert names(event.hosts) == ["Emmanuel Macron"]
    assert event.date is not None and event.date.value == "2024-05-13"  # a trip is dated by its start


@pytest.mark.model
def test_sharing_intelligence_with_an_ally_is_not_spying(nlp) -> None:  # type: ignore[no-untyped-def]
    assert (
        events(nlp, "The United States provided intelligence to Ukraine on Monday.", EventType.ESPIONAGE)
        == []
    )
    found = events(nlp, "Swiss engineer Marc Keller sold military secrets to Russia.", EventType.ESPIONAGE)
    assert [(names(e.agents), names(e.on_behalf_of)) for e in found] == [(["Marc Keller"], ["Russia"])]


@pytest.mark.model
def test_a_tour_of_a_region(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japanese Prime Minister Fumio Kishida began a tour of Africa on Friday."
    assert visits(nlp, text) == [(["Fumio Kishida"], "Africa")]


@pytest.mark.model
def test_sanctions_targeting_passive_packages_and_administrations(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(
        nlp, "The U.S. on Tuesday announced new sanctions targeting Russia's energy sector."
    ) == [(["U.S."], ["Russia"])]
    found = events(nlp, "Sanctions against Belarus were tightened by the EU in February.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets), e.date and e.date.value) for e in found] == [
        (["EU"], ["Belarus"], "2024-02")
    ]
    text = "U.S. President Joe Biden spoke. The Biden administration sanctioned Chinese firms on Monday."
    assert sanctions(nlp, text) == [(["U.S."], ["Chinese"])]


@pytest.mark.model
def test_greeted_in_a_building_joins_the_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish President Tayyip Erdogan arrived in Athens on Tuesday. "
        "He was greeted by Greek Prime Minister Kyriakos Mitsotakis at the Maximos Mansion."
    )
    found = events(nlp, text, EventType.VISIT)
    assert [(names(e.agents), e.destination and e.destination.text, names(e.hosts)) for e in found] == [
        (["Tayyip Erdogan"], "Athens", ["Kyriakos Mitsotakis"])
    ]


@pytest.mark.model
def test_targets_named_by_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Britain on Monday imposed sanctions on 30 vessels it says belong to Russia's shadow fleet. "
        "Canada followed hours later, adding 14 tankers to its own sanctions list."
    )
    assert sanctions(nlp, text) == [(["Britain"], ["Russia"]), (["Canada"], ["Russia"])]


@pytest.mark.model
def test_a_state_body_acting_right_after_its_state_is_one_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Britain imposed sanctions on Russia on Monday. "
        "The Foreign Office said it had also frozen the assets of two Russian banks."
    )
    assert sanctions(nlp, text) == [(["Britain", "Foreign Office"], ["Russia", "Russian"])]
    text = "Canada imposed sanctions on Russia. The European Union adopted measures against Russia."
    assert len(sanctions(nlp, text)) == 2


@pytest.mark.model
def test_entry_bans(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "Moscow responded by banning entry to British lawmakers.") == [
        (["Moscow"], ["British"])
    ]


@pytest.mark.model
def test_a_spy_named_later_is_one_case_and_a_verdict_makes_it_occurred(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A Vienna court has sentenced a former Austrian officer to prison for spying for Russia. "
        "According to the verdict, Egon Weiss passed secret documents to Russian intelligence."
    )
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [(names(e.agents), e.status) for e in found] == [(["Egon Weiss"], Status.OCCURRED)]


@pytest.mark.model
def test_spying_on_dissidents_serves_their_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Prosecutors in Munich say Li Wei spied on Chinese dissidents living in Germany."
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [(names(e.agents), names(e.on_behalf_of)) for e in found] == [(["Li Wei"], ["Chinese"])]
    assert "Chinese" not in names(found[0].targets)


@pytest.mark.model
def test_a_date_of_another_event_is_not_the_sanction_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "China sanctioned two Japanese lawmakers over their May 8 visit to Taiwan, its ministry said."
    found = events(nlp, text, EventType.SANCTION)
    assert [names(e.agents) for e in found] == [["China"]]
    assert found[0].date is None or "-05-08" not in found[0].date.value
    assert [(m.text, m.country_hint) for m in found[0].reported_by] == [("ministry", "China")]


@pytest.mark.model
def test_an_undated_follow_up_takes_the_date_of_the_act_told_just_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The U.S. Treasury Department on Friday imposed sanctions on Kaspersky Lab executives. Britain "
        "welcomed the move. The department also designated the Moscow firm Positive Technologies."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [e.date.value if e.date else None for e in found] == ["2024-05-10", "2024-05-10"]
    text = "The U.S. imposed sanctions on Havana on Friday. Cuba has been under a U.S. embargo since 1962."
    found = events(nlp, text, EventType.SANCTION)
    assert all(e.date is None or e.date.value != "2024-05-10" for e in found[1:])  # a lasting state


@pytest.mark.model
def test_a_measure_told_in_the_simple_past_is_the_days_news(nlp) -> None:  # type: ignore[no-untyped-def]
    lead = "Ukraine marked the anniversary of the invasion with a rally in Kyiv.\n\n"
    found = events(
        nlp, lead + "Hours earlier, the European Union adopted sanctions on Belarus.", EventType.SANCTION
    )
    assert [e.date.value if e.date else None for e in found] == [PUBLISHED.date().isoformat()]
    text = lead + "India refused to join the sanctions that the European Union imposed on Russia."
    assert all(e.date is None for e in events(nlp, text, EventType.SANCTION))  # background
    text = lead + "Japan has imposed its own sanctions on Russia."
    assert all(e.date is None for e in events(nlp, text, EventType.SANCTION))


@pytest.mark.model
def test_entities_located_in_several_countries(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Treasury Department sanctioned 30 individuals and entities in China, Turkey and Kazakhstan."
    assert sanctions(nlp, text) == [(["Treasury Department"], ["China", "Turkey", "Kazakhstan"])]


@pytest.mark.model
def test_a_visit_under_way_is_dated_by_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "U.S. Secretary of State Antony Blinken is in Israel for talks.", EventType.VISIT)
    assert [e.date and e.date.value for e in found] == ["2024-05-15"]
    found = events(nlp, "Russian President Vladimir Putin has visited China many times.", EventType.VISIT)
    assert [e.date for e in found] == [None]


@pytest.mark.model
def test_information_gathered_for_a_state_service(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Poland held a man suspected of gathering information for Minsk's intelligence services."
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [(names(e.on_behalf_of), names(e.targets)) for e in found] == [(["Minsk"], ["Poland"])]


@pytest.mark.model
def test_summits_attended_abroad(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "NATO leaders met at a summit in Vilnius attended by Ukrainian President Volodymyr Zelensky."
    assert visits(nlp, text) == [(["Volodymyr Zelensky"], "Vilnius")]
    assert visits(nlp, "German Chancellor Olaf Scholz attended a NATO summit in Vilnius on Tuesday.") == [
        (["Olaf Scholz"], "Vilnius")
    ]


@pytest.mark.model
def test_accused_of_a_campaign_of_espionage(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(
        nlp, "Britain accused Russia of a years-long campaign of cyber espionage.", EventType.ESPIONAGE
    )
    assert [(names(e.agents), names(e.targets), e.status) for e in found] == [
        (["Russia"], ["Britain"], Status.ALLEGED)
    ]


@pytest.mark.model
def test_a_delegation_travels_for_its_state(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "A U.S. congressional delegation visited Taiwan on Monday.") == [(["U.S."], "Taiwan")]
    assert visits(nlp, "Russian troops arrived in Mali.") == []


@pytest.mark.model
def test_a_leader_imposes_sanctions_for_the_state(nlp) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, "U.S. President Joe Biden imposed new sanctions on Russia on Friday.") == [
        (["U.S."], ["Russia"])
    ]


@pytest.mark.model
def test_a_state_named_in_the_sentence_before_the_last_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The EU imposed sanctions on Russia. The UK sanctioned 20 individuals for abuses in Iran."
    assert sanctions(nlp, text) == [(["EU"], ["Russia"]), (["UK"], ["Iran"])]


@pytest.mark.model
def test_expected_someone_to_visit_is_planned(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sergey Lavrov said he expected President Vladimir Putin to visit China in September."
    found = events(nlp, text, EventType.VISIT)
    assert [(names(e.agents), e.status, e.date and e.date.value) for e in found] == [
        (["Vladimir Putin"], Status.PLANNED, "2024-09")
    ]


@pytest.mark.model
def test_a_possessive_finds_the_person_named_before_it_in_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian President Vladimir Putin spoke on Monday. "
        "The U.S. Treasury sanctioned businessman Eugene Shvidler and froze his assets."
    )
    assert sanctions(nlp, text) == [(["U.S. Treasury"], ["Eugene Shvidler"])]


@pytest.mark.model
def test_presence_needs_the_visitor_to_be_foreign(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "President Joe Biden was in Washington on Monday for talks.") == []
    text = "President Joe Biden was in Warsaw on Monday for talks with Polish President Andrzej Duda."
    assert visits(nlp, text) == [(["Joe Biden"], "Warsaw")]


@pytest.mark.model
def test_meeting_a_local_leader_shows_the_visitor_is_abroad(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "President Joe Biden met Chinese President Xi Jinping in Beijing on Tuesday."
    assert visits(nlp, text) == [(["Joe Biden"], "Beijing")]


@pytest.mark.model
def test_an_organisation_carries_the_country_in_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, "The Russian Defence Ministry and the U.S. Treasury spoke on Monday.").mentions
    hints = {m.text: m.country_hint for m in found if m.label == "ORG"}
    assert hints == {"Russian Defence Ministry": "Russian", "U.S. Treasury": "U.S."}


def test_strip_chrome_drops_page_furniture() -> None:
    text = "First paragraph.\n\nAdvertisement\n\nREAD MORE: Other story\n\nSecond paragraph."
    assert strip_chrome(text) == "First paragraph.\n\nSecond paragraph."


def test_a_promo_without_a_player_drops_only_its_line() -> None:
    text = "First paragraph.\n\nWATCH | A video:\n\nSecond paragraph."
    assert strip_chrome(text) == "First paragraph.\n\nSecond paragraph."


@pytest.mark.model
def test_espionage_as_a_topic_is_not_an_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Experts also warn of Russian espionage in Europe, pointing to a string of arrests."
    assert events(nlp, text, EventType.ESPIONAGE) == []
    text = "The agency said the attack was part of Chinese political espionage against the Netherlands."
    assert [names(e.targets) for e in events(nlp, text, EventType.ESPIONAGE)] == [["Netherlands"]]


def spying(nlp, text: str) -> list[tuple[list[str], list[str], list[str]]]:  # type: ignore[no-untyped-def]
    """Espionage events as (agents, on_behalf_of, targets)."""
    found = events(nlp, text, EventType.ESPIONAGE)
    return [(names(e.agents), names(e.on_behalf_of), names(e.targets)) for e in found]


@pytest.mark.model
def test_a_spy_named_before_an_appositive_with_a_relative_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Washington wants the release of Mark Fulton, a former Marine who was detained in Minsk "
        "in May 2021 and later jailed for 12 years on spying charges."
    )
    assert spying(nlp, text) in ([(["Mark Fulton"], [], ["Minsk"])], [(["Mark Fulton"], [], ["Belarus"])])


@pytest.mark.model
def test_a_spy_a_court_sent_to_prison_spied_on_the_courts_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In March 2021, a Tallinn court sent Tarmo Kouts, a marine scientist, to prison for spying for China."
    )
    assert spying(nlp, text) in (
        [(["Tarmo Kouts"], ["China"], ["Estonia"])],
        [(["Tarmo Kouts"], ["China"], ["Tallinn"])],
    )


@pytest.mark.model
def test_nationals_listed_by_name_are_those_people(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "China detained two Canadians, Michael Kovrig and Michael Spavor, whom it later charged with spying."
    )
    assert spying(nlp, text) == [(["Michael Kovrig", "Michael Spavor"], [], ["China"])]


@pytest.mark.model
def test_the_spy_a_verdict_hangs_from_when_the_parse_misses_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In 2017 a court jailed navy officer Karl Ilves for ten years "
        "for passing military secrets to Russia's GRU."
    )
    assert [(a, b) for a, b, _ in spying(nlp, text)] == [(["Karl Ilves"], ["Russia"])]


@pytest.mark.model
def test_an_opening_place_is_where_the_spying_was_charged(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Germany arrested a man on Monday. In Paris, two men were charged with providing secrets to China."
    assert ["France" in t or "Paris" in t for _, _, t in spying(nlp, text)] == [True]


@pytest.mark.model
def test_an_unnamed_target_is_not_the_state_the_spies_served(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A Chinese businessman met a Chinese official in Shanghai. China and Chinese officials denied it. "
        "An American soldier who passed secret documents to a Chinese intelligence officer was convicted. "
        "Daniel Brooks was also found guilty of espionage on Tuesday."
    )
    found = spying(nlp, text)
    assert all(targets and "China" not in targets for _, _, targets in found), found
    assert ["Daniel Brooks"] in [agents for agents, _, _ in found]


@pytest.mark.model
def test_people_said_to_be_intelligence_officers_spy_where_they_serve(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada expelled Iran's naval attache, Captain Reza Karimi, whom Foreign Minister Anne Leclerc "
        "described as an undeclared intelligence officer."
    )
    assert [(a, t) for a, _, t in spying(nlp, text)] == [(["Reza Karimi"], ["Canada"])]
    text = "Finland ordered nine officials at the Iranian embassy to leave, saying they were intelligence officers."
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["Iranian"], ["Finland"])]
    assert spying(nlp, "Canada welcomed Reza Karimi, a former Iranian intelligence officer, to Ottawa.") == []


@pytest.mark.model
def test_information_that_could_harm_a_states_security_targets_that_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran is a large country. Iran has many friends. "
        "Omid Sadri is held on suspicion of gathering intelligence that could harm Danish security."
    )
    assert [t for _, _, t in spying(nlp, text)] == [["Danish"]]


@pytest.mark.model
def test_the_court_that_sentenced_a_spy_is_where_he_spied(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Spain and Spanish firms worry. Spain's government said so. "
        "Carlos Ortega was sentenced by a Tehran court in 2020 to ten years in prison for espionage."
    )
    assert [t for _, _, t in spying(nlp, text)] in ([["Tehran"]], [["Iran"]])


@pytest.mark.model
def test_acting_on_behalf_of_an_intelligence_service(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Prosecutors charged two Iranian nationals, Ali Rahimi and Saeed Karimi, with acting on behalf "
        "of Iran's Ministry of Intelligence."
    )
    assert [(a, b) for a, b, _ in spying(nlp, text)] == [(["Ali Rahimi", "Saeed Karimi"], ["Iran"])]
    assert spying(nlp, "The lawyer said he was acting on behalf of Iran's national oil company.") == []


@pytest.mark.model
def test_a_spy_with_no_sponsor_said_served_the_articles_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A French soldier who passed secret documents to a Chinese intelligence officer was convicted. "
        "Marc Dubois was also found guilty of espionage on Tuesday."
    )
    found = spying(nlp, text)
    assert [(a, b) for a, b, _ in found if a == ["Marc Dubois"]] in (
        [(["Marc Dubois"], ["China"])],
        [(["Marc Dubois"], ["Chinese"])],
    )


@pytest.mark.model
def test_an_intelligence_agency_running_an_operation_to_obtain_secrets(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to a Chilean newspaper, the Chilean Intelligence Agency ran an operation to break into "
        "the systems of Peruvian authorities and obtain confidential information about their plans."
    )
    assert [(a, t) for a, _, t in spying(nlp, text)] == [(["Chilean Intelligence Agency"], ["Peruvian"])]


@pytest.mark.model
def test_a_service_known_by_an_acronym_is_not_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In March, an Oslo court jailed Lars Berg, a former Norwegian officer, for spying for the GRU."
    assert [t for _, _, t in spying(nlp, text)] in ([["Norway"]], [["Oslo"]], [["Norwegian"]])


@pytest.mark.model
def test_foreign_diplomats_gathering_information_on_locals(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police said that Iranian diplomats based in Sweden had used their posts to gather information "
        "on Swedes and had passed it to Tehran."
    )
    assert [(a, t) for a, _, t in spying(nlp, text)] == [(["Iranian"], ["Swedes"])]
    assert spying(nlp, "Iranian diplomats gathered information for a trade report.") == []


@pytest.mark.model
def test_a_verdict_on_charges_the_spy_rejects_stays_alleged(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada seeks the release of Tom Hale, a former soldier who was held in Minsk and later "
        "sentenced to ten years on spying charges that he rejects as fabricated."
    )
    assert [e.status for e in events(nlp, text, EventType.ESPIONAGE)] == [Status.ALLEGED]
    text = "A court in Minsk sentenced Tom Hale to ten years for espionage."
    assert [e.status for e in events(nlp, text, EventType.ESPIONAGE)] == [Status.OCCURRED]


@pytest.mark.model
def test_spying_is_dated_by_the_arrest_told_just_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police in Vienna detained a former officer on Monday. "
        "Prosecutors say the man, Egon Weiss, passed secret documents to Russian intelligence."
    )
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [(names(e.agents), e.date and e.date.value) for e in found] == [(["Egon Weiss"], "2024-05-13")]


@pytest.mark.model
def test_a_trip_told_as_a_week_before_the_news(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The arrests come barely a week after Chancellor Olaf Scholz returned from a trip to China."
    found = events(nlp, text, EventType.VISIT)
    assert [(names(e.agents), e.date and e.date.value) for e in found] == [(["Olaf Scholz"], "2024-05")]


@pytest.mark.model
def test_a_tour_that_takes_someone_to_places(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chinese President Xi Jinping began a tour that will take him to France, Serbia and Hungary."
    found = events(nlp, text, EventType.VISIT)
    assert sorted(e.destination.text for e in found if e.destination) == ["France", "Hungary", "Serbia"]
    assert visits(nlp, "The war will take years to end.") == []


@pytest.mark.model
def test_a_denial_in_the_main_clause_does_not_make_a_relative_clause_alleged(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Oleg Deripaska, who is under U.S. sanctions, denied the report.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets), e.status) for e in found] == [
        (["U.S."], ["Oleg Deripaska"], Status.OCCURRED)
    ]


@pytest.mark.model
def test_a_count_named_in_a_later_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Beijing imposed sanctions on three American drone makers on Friday. "
        "The three are Skydio, Shield AI and Anduril."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert len(found) == 1
    assert {"Skydio", "Anduril"} <= set(names(found[0].targets))


@pytest.mark.model
def test_a_stay_somewhere(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian President Vladimir Putin spoke. During his two-day stay in Hanoi, Putin signed agreements."
    )
    assert visits(nlp, text) == [(["Vladimir Putin"], "Hanoi")]
    assert visits(nlp, "The economy will stay in recession in Germany.") == []


# ---------------------------------------------------------------- dates read from publication


@pytest.mark.model
def test_an_undated_trip_told_in_the_past_is_of_the_publication_month(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The summit opened in Delhi.\n\nChinese Premier Li Keqiang travelled to India in his place."
    (found,) = events(nlp, text, EventType.VISIT)
    assert found.date is not None and found.date.value == PUBLISHED.strftime("%Y-%m")
    assert found.date.inferred  # read from publication, not from the text


@pytest.mark.model
def test_a_trip_in_the_past_perfect_keeps_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The summit opened in Delhi.\n\nChinese Premier Li Keqiang had travelled to India before."
    assert [e.date for e in events(nlp, text, EventType.VISIT)] == [None]


@pytest.mark.model
def test_a_measure_the_lead_reports_in_the_perfect_is_of_the_publication_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada has imposed sanctions on Iran.\n\nJapan has imposed its own sanctions on Russia."
    found = {names(e.agents)[0]: e.date for e in events(nlp, text, EventType.SANCTION)}
    assert found["Canada"] is not None and found["Canada"].value == PUBLISHED.date().isoformat()
    assert found["Japan"] is None  # background further down keeps no date


@pytest.mark.model
def test_an_arrest_for_spying_is_dated_by_the_detention_told_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police have arrested two men on suspicion of spying for Russia. "
        "They were detained on Wednesday in Munich, prosecutors said."
    )
    (found,) = events(nlp, text, EventType.ESPIONAGE)
    assert found.date is not None and found.date.raw.endswith("Wednesday") and found.date.precision == "day"


@pytest.mark.model
def test_an_event_told_in_an_announcement_takes_its_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Australia said on Monday that it had frozen the assets of three Iranian officials."
    (found,) = events(nlp, text, EventType.SANCTION)
    assert found.date is not None and found.date.raw.endswith("Monday")


@pytest.mark.model
def test_an_inferred_date_does_not_split_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada has imposed sanctions on Iran's Revolutionary Guards.\n\n"
        "Ottawa imposed the sanctions on the Revolutionary Guards on Sunday, officials said."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert len(found) == 1
    assert found[0].date is not None and found[0].date.raw.endswith("Sunday")


# ---------------------------------------------------------------- more ways to tell a trip


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenyan President William Ruto and Ghanaian President Nana Akufo-Addo were also in Addis Ababa.",
            [(["William Ruto"], "Addis Ababa"), (["Nana Akufo-Addo"], "Addis Ababa")],
        ),
        (
            "German Chancellor Olaf Scholz is, however, set to travel to Ottawa on Sunday.",
            [(["Olaf Scholz"], "Ottawa")],
        ),
        (
            "Japanese Foreign Minister Yoko Kamikawa boarded a night train to Kyiv.",
            [(["Yoko Kamikawa"], "Kyiv")],
        ),
        (
            "Italian Prime Minister Giorgia Meloni flew to Tunis and continued to Cairo.",
            [(["Giorgia Meloni"], "Tunis"), (["Giorgia Meloni"], "Cairo")],
        ),
        (
            "French President Emmanuel Macron flew to Kinshasa on Monday, ending the tour in Luanda.",
            [(["Emmanuel Macron"], "Kinshasa"), (["Emmanuel Macron"], "Luanda")],
        ),
        (
            "A delegation led by Indonesian President Joko Widodo flew into Kyiv.",
            [(["Joko Widodo"], "Kyiv")],
        ),
        (
            "Brazilian President Lula led a delegation of Brazilian ministers that travelled to Beijing.",
            [(["Lula"], "Beijing")],
        ),
        ("U.S. envoy Amos Hochstein said he spent three hours in Beirut.", [(["Amos Hochstein"], "Beirut")]),
        (
            "Mexican President Claudia Sheinbaum was greeted by Biden at the White House.",
            [(["Claudia Sheinbaum"], "White House")],
        ),
    ],
)
def test_more_ways_to_tell_a_trip(nlp, text: str, expected: list[tuple[list[str], str]]) -> None:  # type: ignore[no-untyped-def]
    assert sorted(visits(nlp, text)) == sorted(expected)


@pytest.mark.model
def test_the_tour_begins_where_the_visitor_just_reported_went(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ukrainian President Volodymyr Zelensky arrived in Brussels on Thursday.\n\n"
        "The tour began on Wednesday in Britain."
    )
    assert sorted(visits(nlp, text)) == [
        (["Volodymyr Zelensky"], "Britain"),
        (["Volodymyr Zelensky"], "Brussels"),
    ]


@pytest.mark.model
def test_money_spent_in_a_place_is_no_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "U.S. President Joe Biden said the government spent billions in Ohio.") == []


@pytest.mark.model
def test_an_idea_of_a_trip_is_no_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "U.S. President Joe Biden floated the idea of flying on to Egypt, but later dropped the plan."
    assert visits(nlp, text) == []


@pytest.mark.model
def test_setting_foot_on_a_nations_soil_is_a_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(
        nlp, "Chinese President Xi Jinping set foot on Italian soil in March 2019.", EventType.VISIT
    )
    assert [(names(e.agents), e.status) for e in found] == [(["Xi Jinping"], Status.OCCURRED)]


@pytest.mark.model
def test_a_summit_attended_after_a_planned_stop_is_planned_too(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japanese Prime Minister Fumio Kishida will stop in Manila before attending the summit on the island of Bali."
    found = events(nlp, text, EventType.VISIT)
    assert sorted((e.destination.text if e.destination else "", e.status) for e in found) == [
        ("Bali", Status.PLANNED),
        ("Manila", Status.PLANNED),
    ]


# ---------------------------------------------------------------- live blogs


LIVE_ENTRY = (
    "14:05 GMT\n"
    "Albanese to fly to Jakarta on Friday\n"
    "The prime minister's office said Anthony Albanese would fly to Jakarta on Friday for talks with "
    "President Prabowo Subianto on trade, security and the region's maritime disputes."
)


def test_a_live_blog_entry_loses_its_time_stamp_and_keeps_its_headline_apart() -> None:
    assert strip_chrome(LIVE_ENTRY).split("\n\n") == LIVE_ENTRY.split("\n")[1:]


def test_hard_wrapped_prose_keeps_its_line_breaks() -> None:
    text = (
        "Indonesian President Prabowo Subianto flew to\nCanberra on Monday for talks with\nAnthony Albanese."
    )
    assert strip_chrome(text) == text


def test_list_items_are_paragraphs_of_their_own() -> None:
    text = "Key points\n- EU adopts new sanctions\n- Leaders arrive in Kyiv"
    assert strip_chrome(text).split("\n\n") == text.split("\n")


@pytest.mark.model
def test_a_headline_infinitive_is_a_plan(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(
        nlp, "Australian Prime Minister Anthony Albanese to fly to Jakarta on Friday", EventType.VISIT
    )
    assert [(e.status, e.date and e.date.value) for e in found] == [(Status.PLANNED, "2024-05-17")]


@pytest.mark.model
def test_a_summit_placed_before_is_where_its_attendees_go(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The summit, which opens on Monday in Kazan, will draw dozens of leaders. "
        "Indian Prime Minister Narendra Modi is expected to attend in person. "
        "Chinese Foreign Minister Wang Yi will represent China at the summit."
    )
    assert sorted(visits(nlp, text)) == [(["Narendra Modi"], "Kazan"), (["Wang Yi"], "Kazan")]


@pytest.mark.model
def test_a_planned_trip_and_a_past_one_to_one_country_stay_two(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian Foreign Minister Sergei Lavrov visited Pretoria in January.\n\n"
        "The summit opens in August in Johannesburg. Diplomats said the talks would be tense. "
        "Officials gave no details.\n\nLavrov will represent Russia at the summit."
    )
    found = events(nlp, text, EventType.VISIT)
    assert sorted((e.destination.text if e.destination else "", e.status) for e in found) == [
        ("Johannesburg", Status.PLANNED),
        ("Pretoria", Status.OCCURRED),
    ]


@pytest.mark.model
def test_a_relative_clause_trip_takes_the_date_of_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In March, Lula led a delegation of Brazilian ministers that travelled to Beijing."
    found = events(nlp, text, EventType.VISIT)
    assert [(e.date and e.date.value) for e in found] == ["2024-03"]


@pytest.mark.model
def test_officials_of_one_country_named_together_make_one_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canadian envoy Jane Moss and Deputy Minister Paul Hart flew to Singapore on Saturday."
    assert [sorted(names(e.agents)) for e in events(nlp, text, EventType.VISIT)] == [
        ["Jane Moss", "Paul Hart"]
    ]
    text = (
        "Turkish President Tayyip Erdogan and Belarusian President Alexander Lukashenko were also in Astana."
    )
    assert len(events(nlp, text, EventType.VISIT)) == 2


@pytest.mark.model
def test_present_along_with_others(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish President Tayyip Erdogan was also in Astana, along with Indian Foreign Minister "
        "Subrahmanyam Jaishankar."
    )
    assert sorted(visits(nlp, text)) == [
        (["Subrahmanyam Jaishankar"], "Astana"),
        (["Tayyip Erdogan"], "Astana"),
    ]


@pytest.mark.model
def test_spying_told_as_the_reason_for_an_expulsion_takes_its_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Denmark on Tuesday ordered three Russian diplomats to leave the country, "
        "saying they were intelligence officers spying on Danish defence sites."
    )
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [(e.date and e.date.raw) for e in found] == ["on Tuesday"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "event", "expected"),
    [
        (
            "Tensions were higher in March last year, when Japanese Prime Minister Fumio Kishida visited Kyiv.",
            EventType.VISIT,
            "2023-03",
        ),
        (
            "U.S. President Joe Biden met Xi on Monday. Two days later Biden signed an executive order "
            "authorising sanctions against Iran.",
            EventType.SANCTION,
            "2024-05-15",
        ),
    ],
)
def test_a_clause_takes_the_date_it_hangs_from(nlp, text: str, event: EventType, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.date and e.date.value for e in events(nlp, text, event)] == [expected]


@pytest.mark.model
def test_he_in_what_someone_said_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ukrainian President Volodymyr Zelensky said on Saturday that he had spoken with Trump, who briefed "
        "him on the talks, and that he would travel to Washington on Monday."
    )
    assert visits(nlp, text) == [(["Volodymyr Zelensky"], "Washington")]


@pytest.mark.model
def test_saint_cities_are_the_most_populous_of_either_spelling(nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.gazetteer import get_gazetteer

    assert get_gazetteer().city("St Petersburg").iso == "RU"  # type: ignore[union-attr]
    text = "South African President Cyril Ramaphosa travelled to Kyiv and St Petersburg in June."
    assert sorted(d for _, d in visits(nlp, text)) == ["Kyiv", "St Petersburg"]


@pytest.mark.model
def test_a_schedule_told_in_the_present_is_a_plan(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Friday the French president Emmanuel Macron moves on to Guangzhou."
    found = events(nlp, text, EventType.VISIT)
    assert [(e.status, e.date and e.date.value) for e in found] == [(Status.PLANNED, "2024-05-17")]


@pytest.mark.model
def test_a_stay_is_dated_by_the_arrival_told_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "U.S. President Joe Biden had spent the weekend in New Delhi, arriving on Friday evening."
    found = events(nlp, text, EventType.VISIT)
    assert [(e.date and e.date.value) for e in found] == ["2024-05-10"]


@pytest.mark.model
def test_a_title_the_parser_splits_from_its_name_is_not_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "China's top diplomat Wang Yi held talks with Vladimir Putin in the Kremlin on Wednesday."
    assert [agents for agents, _ in visits(nlp, text)] == [["Wang Yi"]]


@pytest.mark.model
def test_landing_at_an_airport_named_after_a_town_is_a_trip_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump arrived at Kuala Lumpur International Airport on Sunday morning."
    assert visits(nlp, text) == [(["Trump"], "Kuala Lumpur")]


@pytest.mark.model
def test_the_city_is_the_town_just_named_as_where_someone_went(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Putin flew into Samarkand on Thursday for a summit of a grouping led by Beijing and Moscow. "
        "Xi arrived in the city on Wednesday evening."
    )
    assert visits(nlp, text) == [(["Putin"], "Samarkand"), (["Xi"], "Samarkand")]


@pytest.mark.model
def test_a_trip_returned_from_at_the_weekend_is_dated_by_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The affair embarrassed Lula, who returned at the weekend from state visits to Japan and Vietnam."
    found = events(nlp, text, EventType.VISIT)
    assert [(e.date.value, e.date.raw) for e in found if e.date] == [("2024-05", "at the weekend")] * 2


# ----------------------------------------------------------- covert acts no trigger reading caught


@pytest.mark.model
def test_intelligence_work_for_a_state_is_espionage_on_the_arresting_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Finnish police detained two men in Turku on suspicion of gathering intelligence for Minsk."
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["Minsk"], ["Finland"])]  # held in Turku
    text = (
        "Dutch authorities said they had arrested four Dutch citizens suspected of carrying out "
        "dozens of intelligence missions for Iran."
    )
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["Iran"], ["Dutch"])]


@pytest.mark.model
def test_recruited_by_a_states_agents_is_espionage(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Estonian investigators raided the offices of a shipping firm over suspicions that two of its "
        "managers had been recruited by Russian agents."
    )
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["Russian"], ["Estonian"])]


@pytest.mark.model
def test_a_source_naming_spies_is_not_the_spy(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Latvia's military intelligence said on Monday that Russian hackers had tried to steal Latvian data."
    )
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["Russian"], ["Latvia"])]
    assert spying(nlp, "Latvia's military intelligence said Russian troops had moved to the border.") == []


@pytest.mark.model
def test_the_states_behind_a_spy_network_are_its_sponsors(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Officials in Chad said they had arrested members of a "French-Belgian spy network" in Chad.'
    assert [(sorted(b), t) for _, b, t in spying(nlp, text)] == [(["Belgian", "French"], ["Chad"])]


@pytest.mark.model
def test_the_person_a_relative_clause_accuses_is_the_spy(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Minsk last year jailed Pavel Orlov, a former army colonel it accused of spying for Poland."
    assert spying(nlp, text) == [(["Pavel Orlov"], ["Poland"], ["Minsk"])]


@pytest.mark.model
def test_a_charge_unrelated_to_espionage_is_none(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police detained the editor Anna Berg for tax fraud, a charge unrelated to espionage."
    assert spying(nlp, text) == []


# ------------------------------------------------------------------------- arrivals told by reference


@pytest.mark.model
def test_arriving_in_the_country_is_the_country_just_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru ignored calls to detain Brazilian President Luiz Lula when he arrived in the country on Monday."
    )
    assert visits(nlp, text) == [(["Luiz Lula"], "Peru")]


@pytest.mark.model
def test_a_nationality_before_capital_names_the_country_whatever_its_tag(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Indian Prime Minister Narendra Modi held talks in the Kazakh capital on Wednesday."
    assert visits(nlp, text) == [(["Narendra Modi"], "Kazakhstan")]


@pytest.mark.model
def test_a_welcome_somewhere_is_a_visit_there(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "Modi gets red-carpet welcome in Lima despite protests") == [(["Modi"], "Lima")]
    text = "French President Emmanuel Macron was greeted by a military band at the airport in Hanoi."
    assert visits(nlp, text) == [(["Emmanuel Macron"], "Hanoi")]
    assert visits(nlp, "The minister welcomed the decision in Brussels.") == []


@pytest.mark.model
def test_a_plane_touching_down_brings_its_owner_to_the_place_just_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish President Recep Tayyip Erdogan flew into Baku on Tuesday. "
        "Iranian President Masoud Pezeshkian's plane touched down on Wednesday morning."
    )
    assert sorted(visits(nlp, text)) == [(["Masoud Pezeshkian"], "Baku"), (["Recep Tayyip Erdogan"], "Baku")]


@pytest.mark.model
def test_due_to_land_is_a_planned_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Secretary of State Marco Rubio is due to land in Panama on Saturday."
    found = events(nlp, text, EventType.VISIT)
    assert [(e.destination and e.destination.text, e.status) for e in found] == [("Panama", Status.PLANNED)]


@pytest.mark.model
def test_a_title_of_one_government_gives_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Foreign Secretary James Cleverly, who was in Beijing last month where he met Wang Yi, said little."
    )
    assert visits(nlp, text) == [(["James Cleverly"], "Beijing")]


@pytest.mark.model
def test_sanctions_over_a_war_hit_the_state_waging_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japan has frozen the assets of more than 900 people and firms since Iraq's invasion of Kuwait."
    found = events(nlp, text, EventType.SANCTION)
    assert [names(e.targets) for e in found] == [["Iraq"]]


@pytest.mark.model
def test_sanctions_including_companies_in_named_countries(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada announced sanctions on 40 people and entities, including companies in Turkey and Armenia, "
        "accused of supplying Iran."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [sorted(names(e.targets)) for e in found] == [["Armenia", "Turkey"]]


@pytest.mark.model
def test_restrictions_reimposed_on_a_states_sector_and_a_price_cap_are_sanctions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Washington reimposed broad restrictions on Iran's shipping sector in April."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Iran"]]
    text = "The G7 imposed a price cap on seaborne Venezuelan crude in March."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Venezuelan"]]
    assert events(nlp, "The city imposed a price cap on bread in March.", EventType.SANCTION) == []


@pytest.mark.model
def test_a_list_hung_from_the_participle_of_what_was_put_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In March the EU for the first time put companies registered in Turkey on its Iran sanctions list."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Turkey"]]


@pytest.mark.model
def test_a_known_bodys_acronym_is_an_actor_when_the_model_misses_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Mali has endured months of sanctions imposed by the regional bloc ECOWAS after the coup."
    assert ("ECOWAS", "ORG") in [(m.text, m.label) for m in run(nlp, text).mentions]


@pytest.mark.model
def test_penalised_is_a_sanction_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ali Rezaei, whom Washington first penalised in 2019, runs a shipping network."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Ali Rezaei"]]


@pytest.mark.model
def test_a_name_described_as_a_person_is_one_whatever_the_model_tagged(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In March it imposed a travel ban on Dmitri Volkhov, a Russian national it blamed for the breach. "
        "Canada and Japan sanctioned Volkhov on the same day."
    )
    people = {m.text for m in run(nlp, text).mentions if m.label == "PERSON"}
    assert {"Dmitri Volkhov", "Volkhov"} <= people


@pytest.mark.model
def test_sanctions_on_a_states_exports_hit_the_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Washington reimposed sweeping sanctions on Venezuela's oil exports and banking sector in 2019."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Venezuela"]]


@pytest.mark.model
def test_who_caught_the_spies_is_not_their_sponsor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Czech security services have broken up a network of suspected Iranian agents who were "
        "monitoring airports used to ship weapons."
    )
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["Iranian"], ["Czech"])]


@pytest.mark.model
def test_hackers_from_or_linked_to_a_state_spy_for_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hackers from Russia's military intelligence had broken into Norway's parliament networks in 2020."
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["Russia"], ["Norway"])]
    text = (
        "Dutch police said a hacking group linked to the Russian state had carried out a long-running "
        "cyber-espionage campaign against the country's ministries."
    )
    assert [b for _, b, _ in spying(nlp, text)] == [["Russian"]]


@pytest.mark.model
def test_a_states_named_intelligence_body_hacking_others(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Investigators said the Chilean Intelligence Agency had hacked computers of Peruvian officials "
        "to obtain information on the talks."
    )
    assert [(a, t) for a, _, t in spying(nlp, text)] == [(["Chilean Intelligence Agency"], ["Peruvian"])]


@pytest.mark.model
def test_where_a_spy_was_held_is_the_state_spied_on(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "His name has also surfaced in Latvia, where a former customs officer was arrested in May on "
        "suspicion of passing secrets to Belarus."
    )
    assert [t for _, _, t in spying(nlp, text)] == [["Latvia"]]
    text = "A couple who lived in Portugal were sentenced on Friday after pleading guilty to spying for Iran."
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["Iran"], ["Portugal"])]


@pytest.mark.model
def test_a_court_in_a_city_names_the_state_spied_on_not_a_region(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lindqvist was convicted on May 3 by a court in Novosibirsk of gathering secret information for "
        "the CIA about a tank factory in Siberia."
    )
    assert [t for _, _, t in spying(nlp, text)] in ([["Novosibirsk"]], [["Russia"]])


@pytest.mark.model
def test_a_computer_network_is_no_spy_network(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In 2021 the outlet reported that hackers linked to Chinese intelligence had penetrated the computer "
        "network of the Czech foreign ministry."
    )
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["Chinese"], ["Czech"])]


def test_strip_chrome_drops_a_time_stamp_over_a_short_entry_headline() -> None:
    text = "08:15 GMT\nMinisters meet in Oslo\n\nThe ministers met on Monday to discuss the plan."
    assert strip_chrome(text) == "Ministers meet in Oslo\n\nThe ministers met on Monday to discuss the plan."


@pytest.mark.model
def test_talks_with_a_counterpart_named_in_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Greek Prime Minister Kyriakos Mitsotakis held talks with his Turkish counterpart Recep Erdogan in Ankara."
    assert visits(nlp, text) == [(["Kyriakos Mitsotakis"], "Ankara")]


@pytest.mark.model
def test_leading_a_delegation_somewhere_is_a_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "Senator Tammy Duckworth led a delegation to Taipei on Monday.") == [
        (["Tammy Duckworth"], "Taipei")
    ]
    assert visits(nlp, "The minister led the talks to a breakthrough in Geneva.") == []


@pytest.mark.model
def test_sanctions_told_as_a_participle_stand_whatever_the_main_clause_says(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Armenia will not allow its banks to be used to evade the sanctions imposed on Iran by the United States."
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets), e.status) for e in found] == [
        (["United States"], ["Iran"], Status.OCCURRED)
    ]


@pytest.mark.model
def test_a_leaders_administration_imposes_for_the_leaders_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "French President Emmanuel Macron spoke on Monday. In May 2022, the Macron government imposed "
        "travel bans on 12 Malian officials."
    )
    assert [names(e.agents) for e in events(nlp, text, EventType.SANCTION)] == [["French"]]


@pytest.mark.model
def test_committing_espionage_for_a_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A navy cadet has been charged with preparing to commit espionage for China, Canadian police said."
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["China"], ["Canadian"])]


@pytest.mark.model
def test_a_country_tagged_as_a_region_is_still_a_stop(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "French President Emmanuel Macron arrived in Dakar on Tuesday after a refuelling stop in Cape Verde."
    )
    assert sorted(d for _, d in visits(nlp, text)) == ["Cape Verde", "Dakar"]


@pytest.mark.model
def test_country_aliases_of_the_gazetteer_are_countries() -> None:
    from kg.extraction.places import country_code

    assert [country_code(n) for n in ("Cape Verde", "Turkiye", "Palestine", "East Timor")] == [
        "CV",
        "TR",
        "PS",
        "TL",
    ]


@pytest.mark.model
def test_a_countrys_leader_is_not_its_former_president(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trump and Brazil's Luiz Inácio Lula da Silva discussed the prosecution of former president Jair "
        "Bolsonaro. The Brazilian leader landed in the Malaysian capital on Friday."
    )
    assert [agents for agents, _ in visits(nlp, text)] == [["Luiz Inácio Lula da Silva"]]


@pytest.mark.model
def test_heads_read_as_a_noun_is_still_a_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "Xi heads to Budapest later on Wednesday for talks.") == [(["Xi"], "Budapest")]
    assert visits(nlp, "The party heads to the polls next week.") == []
    text = "From Malaysia, Trump flies to Tokyo on Monday, before heading to South Korea on Wednesday."
    assert visits(nlp, text) == [(["Trump"], "Tokyo"), (["Trump"], "South Korea")]  # "flies" too
    found = events(nlp, text, EventType.VISIT)
    assert found[0].status is Status.PLANNED  # a schedule told in the present


@pytest.mark.model
def test_a_final_stop_and_countries_listed_after_including(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "German Chancellor Olaf Scholz began a tour of Africa on Monday. Scholz's final stop is Nairobi."
    assert ("Olaf Scholz", "Nairobi") in [(a[0], d) for a, d in visits(nlp, text)] or (
        ["Scholz"],
        "Nairobi",
    ) in visits(nlp, text)
    text = "Japanese Prime Minister Fumio Kishida will travel on to other countries in the region, including Laos and Cambodia."
    assert sorted(d for _, d in visits(nlp, text)) == ["Cambodia", "Laos"]


@pytest.mark.model
def test_he_after_a_report_is_whom_it_was_about_not_who_said_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Foreign Secretary David Lammy is due to land in Cairo on Tuesday, spokesman Tom Reed said. "
        "He will then travel on to Amman."
    )
    assert sorted(visits(nlp, text)) == [(["David Lammy"], "Amman"), (["David Lammy"], "Cairo")]


@pytest.mark.model
def test_working_for_a_known_service_is_spying(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dutch police say the man is in reality a Russian citizen named Pavel Sokolov working as an "
        '"illegal" for the SVR.'
    )
    assert [(b, t) for _, b, t in spying(nlp, text)] == [(["SVR"], ["Dutch"])]
    assert spying(nlp, "The CIA director said on Monday that the agency would expand.") == []


@pytest.mark.model
def test_sanctions_on_an_office_named_after_a_comma_hit_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The United States has imposed sanctions on Niger's army chief, Gen Salifou Mody, over the coup."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Salifou Mody"]]


@pytest.mark.model
def test_a_country_chosen_for_a_trip_and_a_city_flown_from(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Narendra Modi chose Bhutan for his first trip abroad after the election, in June last year."
    assert visits(nlp, text) == [(["Narendra Modi"], "Bhutan")]
    text = "Indian Prime Minister Narendra Modi flew into Vienna late on Tuesday from Moscow."
    assert sorted(d for _, d in visits(nlp, text)) == ["Moscow", "Vienna"]
    text = "German Chancellor Olaf Scholz flew back to Berlin from Beijing on Tuesday."
    assert visits(nlp, text) == [(["Olaf Scholz"], "Beijing")]


@pytest.mark.model
def test_sanctions_on_people_including_a_named_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Washington imposed financial sanctions on four officials, including Petrov."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Petrov"]]


@pytest.mark.model
def test_an_arrival_with_no_place_is_where_trips_that_happened_went(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Japanese Prime Minister Fumio Kishida landed at Jakarta airport on Monday evening. "
        "It is his second trip abroad this year. "
        "He is due to fly on to Manila on Friday. "
        "Australian Prime Minister Anthony Albanese also arrived on Monday."
    )
    assert (["Anthony Albanese"], "Jakarta") in visits(nlp, text)
    assert visits(nlp, "The Russian leader arrived back on Friday.") == []


@pytest.mark.model
def test_a_sanctioned_unnamed_individual_is_the_person_named_next(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada on Tuesday imposed financial sanctions and a travel ban on a Belarusian man it accused of "
        "running the hack. The man, Pavel Zhukov, is believed to live in Minsk."
    )
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Pavel Zhukov"]]


@pytest.mark.model
def test_an_age_in_commas_follows_only_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Aleksandr Ermakov, 33, was identified by Australian authorities after an investigation.")
    assert ("Aleksandr Ermakov", "PERSON") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.model
def test_the_service_that_caught_spies_is_not_a_sponsor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The operation was conducted with the MIT, Turkey's spy agency, which officials said had tracked "
        "the suspects for months."
    )
    assert spying(nlp, text) == []


@pytest.mark.model
def test_a_clause_on_the_recipient_names_no_sponsor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The court found that the brothers had passed information to the GRU that could harm "
        "Finland's security."
    )
    assert all("Finland" not in b for _, b, _ in spying(nlp, text))


@pytest.mark.model
def test_where_after_a_time_stands_for_the_place_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The trip followed talks in Paris on Tuesday, where US Secretary of State Antony Blinken met "
        "President Emmanuel Macron."
    )
    assert visits(nlp, text) == [(["Antony Blinken"], "Paris")]


@pytest.mark.model
def test_joined_by_someone_on_a_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "German Chancellor Olaf Scholz arrived in Tokyo on Wednesday. "
        "He was joined by European Council President Charles Michel."
    )
    assert sorted(visits(nlp, text)) == [(["Charles Michel"], "Tokyo"), (["Olaf Scholz"], "Tokyo")]
    assert visits(nlp, "The plan was joined by France and Germany.") == []


@pytest.mark.model
def test_a_residence_outside_a_capital_is_in_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In May 2023 Hungarian Prime Minister Viktor Orban travelled to the Chinese president's residence "
        "outside Beijing."
    )
    assert visits(nlp, text) == [(["Viktor Orban"], "Beijing")]


@pytest.mark.model
def test_targeted_in_a_sanctions_story_is_a_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Britain imposed sanctions on Myanmar's air force on Monday. In March London had already "
        "targeted the junta's arms broker, Tay Za."
    )
    found = [(names(e.agents), names(e.targets)) for e in events(nlp, text, EventType.SANCTION)]
    assert (["London"], ["Tay Za"]) in found
    assert events(nlp, "The army targeted the rebel commander Tay Za with drones.", EventType.SANCTION) == []


@pytest.mark.model
def test_among_the_leaders_expected_in_a_capital(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan President William Ruto was among the African leaders expected in the Saudi capital on Friday."
    )
    found = events(nlp, text, EventType.VISIT)
    assert [(names(e.agents), e.status) for e in found] == [(["William Ruto"], Status.PLANNED)]


@pytest.mark.model
def test_said_or_accused_to_be_a_states_agent(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "South Korean prosecutors say Park was a North Korean agent."
    assert spying(nlp, text) == [(["Park"], ["North Korean"], ["South Korean"])]
    assert spying(nlp, "He was a travel agent in Lima.") == []
    assert spying(nlp, "Officials said the man was a good asset for the team.") == []


@pytest.mark.model
def test_a_continent_is_no_town_of_the_same_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.extraction.places import country_code
    from kg.gazetteer import get_gazetteer

    assert country_code("Asia") is None and get_gazetteer().city("Asia") is None
    assert country_code("Manila") == "PH"


@pytest.mark.model
def test_the_country_leader_is_the_titled_person_not_a_company(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Turkish President Recep Tayyip Erdogan arrived in Jeddah on Monday. Saudi Arabia agreed to buy "
        "drones from Turkish manufacturer Baykar. The Turkish leader is due in Doha on Tuesday."
    )
    assert (["Recep Tayyip Erdogan"], "Doha") in visits(nlp, text)


@pytest.mark.model
def test_a_revoked_visa_is_an_entry_ban(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Washington revoked Orban's visa in 2019, invoking a law on corruption."
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Washington"], ["Orban"])]
    assert events(nlp, "The airline cancelled the flight to Paris.", EventType.SANCTION) == []


@pytest.mark.model
def test_a_price_cap_imposed_on_a_states_oil(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kyiv's allies have long complained about the price cap imposed by the European Union on Venezuelan oil."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Venezuelan"]]


@pytest.mark.model
def test_a_bare_name_after_a_person_noun_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In March, Canada imposed its first cyber sanctions, targeting Belarusian national Pavel Zhukov."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Pavel Zhukov"]]


@pytest.mark.model
def test_a_surname_the_model_calls_an_event_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "US House Speaker Nancy Pelosi landed in Taipei late on Aug. 2. "
        "China announced sanctions on Pelosi and her immediate family on Aug. 5."
    )
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Pelosi"]]


@pytest.mark.model
def test_a_trip_to_a_state_or_province_is_a_trip_to_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    from kg import evaluate, resolution
    from kg.gazetteer import region_country

    assert region_country("Hawaii") == "US" and region_country("Gulf") is None
    item = article("Taiwanese President Lai Ching-te's stopover in Hawaii in late November angered Beijing.")
    resolved = resolution.resolve(extract(nlp(prepare_text(item)), item))
    doc = evaluate.doc_from_resolved(resolved)
    assert [(e["agent"], e["destination"]) for e in doc["events"]] == [(["Lai Ching-te"], "United States")]


# ------------------------------------------------------------------------- dates from the sentence


@pytest.mark.model
def test_a_state_of_sanctions_is_dated_by_its_start(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Aeroflot has been under Canadian sanctions since 2014.", EventType.SANCTION)
    assert [e.date.value if e.date else None for e in found] == ["2014"]


@pytest.mark.model
def test_a_visit_since_a_date_is_not_dated_by_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "It is Modi's first visit to Egypt since 2015.", EventType.VISIT)
    assert found and all(e.date is None or e.date.value != "2015" for e in found)


@pytest.mark.model
def test_a_sentence_opening_with_a_date_dates_its_main_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In 2018, officers working for the GRU hacked into the network of the Dutch foreign ministry."
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [e.date.value if e.date else None for e in found] == ["2018"]


@pytest.mark.model
def test_an_opening_date_does_not_date_a_measure_named_inside_a_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In March, a Chinese veto ended the monitoring of UN sanctions against Myanmar."
    found = events(nlp, text, EventType.SANCTION)
    assert all(e.date is None for e in found)


@pytest.mark.model
def test_a_building_named_in_a_town_puts_the_visit_in_the_town(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chilean President Gabriel Boric was received at the Quirinal Palace in Rome by Italian President "
        "Sergio Mattarella on Monday."
    )
    assert visits(nlp, text) == [(["Gabriel Boric"], "Rome")]


@pytest.mark.model
def test_a_ceremony_attended_by_a_guest_is_where_its_clause_places_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peruvian President Dina Boluarte was sworn in before Congress in Lima in a ceremony attended by Bolivian President Luis Arce."
    assert visits(nlp, text) == [(["Luis Arce"], "Lima")]


@pytest.mark.model
def test_the_course_not_taken_is_no_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, "Erdogan will join by video link rather than travel to Kazan, his office said.") == []
    assert visits(nlp, "Erdogan spoke by video instead of flying to Kazan.") == []


@pytest.mark.model
def test_a_participle_or_clause_of_time_shares_the_mood_of_a_planned_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "German Chancellor Olaf Scholz will fly on to Chile, arriving in Santiago on Sunday for talks."
    found = events(nlp, text, EventType.VISIT)
    assert found and all(e.status is Status.PLANNED for e in found)
    text = (
        "Scholz will travel to Argentina next week before President Javier Milei hosts him in Buenos Aires."
    )
    found = events(nlp, text, EventType.VISIT)
    assert found and all(e.status is Status.PLANNED for e in found)


@pytest.mark.model
def test_days_spent_where_a_traveller_came_from_are_a_stay_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Shehbaz Sharif arrived in Abu Dhabi after flying in from Baku, where he had spent Sunday and Monday."
    )
    assert visits(nlp, text) == [(["Shehbaz Sharif"], "Abu Dhabi"), (["Shehbaz Sharif"], "Baku")]


@pytest.mark.model
def test_the_delegation_is_the_one_whose_visit_the_sentence_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "From Pretoria the Russian delegation flew late on Monday to Eswatini, Foreign Minister Sergei "
        "Lavrov's first visit to the landlocked kingdom."
    )
    assert (["Sergei Lavrov"], "Eswatini") in visits(nlp, text)
    assert all(agents == ["Sergei Lavrov"] for agents, _ in visits(nlp, text))


@pytest.mark.model
def test_whom_a_host_receives_for_a_visit_is_the_visitor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan President William Ruto welcomed Japanese Prime Minister Fumio Kishida for a state visit in Nairobi."
    assert (["Fumio Kishida"], "Nairobi") in visits(nlp, text)
    assert all(agents != ["William Ruto"] for agents, _ in visits(nlp, text))
    text = "Erdogan had received Azerbaijan's President Ilham Aliyev for talks in Turkey on June 19."
    assert visits(nlp, text) == [(["Ilham Aliyev"], "Turkey")]  # the place of the talks he came for


@pytest.mark.model
def test_a_leader_named_without_a_country_is_of_the_country_they_led(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, "President Cyril Ramaphosa flew to Washington. Ramaphosa met Trump on Wednesday.")
    hints = {m.text: m.country_hint for m in found.mentions if m.label == "PERSON"}
    assert hints["Cyril Ramaphosa"] == "South Africa" and hints["Ramaphosa"] == "South Africa"
    found = run(nlp, "Brazilian President Cyril Ramaphosa spoke.")  # the text's own word wins
    assert {m.country_hint for m in found.mentions if m.text == "Cyril Ramaphosa"} == {"Brazilian"}


@pytest.mark.model
def test_sanctions_over_a_war_are_never_on_its_victim(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Japan on Tuesday imposed sanctions on 40 people and firms over three years of war in Ukraine, "
        "its biggest package since Moscow's invasion."
    )
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Moscow"]]
    text = "Canada imposed sanctions on 20 people and companies in response to the war in Ukraine."
    assert all("Ukraine" not in names(e.targets) for e in events(nlp, text, EventType.SANCTION))


@pytest.mark.model
def test_subjecting_a_state_to_sanctions_sanctions_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "The EU subjected Belarus to sweeping sanctions in 2021.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["EU"], ["Belarus"])]


@pytest.mark.model
def test_a_visitor_hosted_in_a_coordinated_passive_keeps_the_shared_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kenyan President William Ruto has often praised Japan and was hosted by Fumio Kishida in Tokyo in February."
    assert (["William Ruto"], "Tokyo") in visits(nlp, text)


@pytest.mark.model
def test_the_leader_of_a_country_is_its_leader_not_its_spokesman(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Slovak Prime Minister Robert Fico met Chinese President Xi Jinping on Monday. A Slovak government "
        "spokesman, Juraj Blanar, said the talks went well. The Slovak leader is due in Washington next week."
    )
    assert (["Robert Fico"], "Washington") in visits(nlp, text)


@pytest.mark.model
def test_a_pronoun_in_a_clause_on_a_possessed_noun_is_the_possessor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chinese President Xi Jinping praised the talks. The meeting came days after Fico's surprise appearance in "
        "Moscow, where he was received by Vladimir Putin at the Kremlin on Friday."
    )
    found = visits(nlp, text)
    assert (["Fico"], "Kremlin") in found and all(agents != ["Xi Jinping"] for agents, _ in found)


@pytest.mark.model
def test_an_object_pronoun_in_a_participle_is_the_person_just_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "French President Emmanuel Macron left Beijing on Friday. On Saturday China announced sanctions "
        "against Mira Tsai, the island's envoy in Paris, barring her from entering China."
    )
    targets = [names(e.targets) for e in events(nlp, text, EventType.SANCTION)]
    assert targets and all("Macron" not in t and "Emmanuel Macron" not in t for t in targets)


@pytest.mark.model
def test_a_ban_imposed_on_a_states_goods_is_a_sanction_on_the_state(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, "Canada announced its own ban on Belarusian potash in March.", EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Canada"], ["Belarusian"])]
    assert events(nlp, "The ban on Russian oil imports was lifted.", EventType.SANCTION) == []


@pytest.mark.model
def test_sanctions_a_state_imposed_stand_in_a_clause_the_parser_hung_elsewhere(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The president said he would order an end to the sweeping sanctions Washington imposed on Syria during the war."
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["Washington"], ["Syria"])]


@pytest.mark.model
def test_sanctions_of_the_bloc_a_state_adopted_are_imposed_by_both(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iceland is not in the European Union but has adopted the bloc's sanctions on Belarus."
    found = events(nlp, text, EventType.SANCTION)
    assert sorted((names(e.agents), names(e.targets)) for e in found) == [
        (["European Union"], ["Belarus"]),
        (["Iceland"], ["Belarus"]),
    ]


@pytest.mark.model
def test_a_name_described_as_a_founder_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(
        nlp, "Washington imposed sanctions on Zurab Gvaramia, the billionaire founder of the ruling party."
    )
    assert ("Zurab Gvaramia", "PERSON") in [(m.text, m.label) for m in found.mentions]


@pytest.mark.model
def test_a_lower_case_noun_is_never_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(
        nlp,
        "The State Department on Monday announced visa bans on 30 Nicaraguan officials.",
        EventType.SANCTION,
    )
    assert [names(e.agents) for e in found] == [["State Department"]]


@pytest.mark.model
def test_an_entry_ban_is_dated_by_the_date_on_the_barred_entry(nlp) -> None:  # type: ignore[no-untyped-def]
    found = events(
        nlp, "Lithuania barred Pavel Orlov from entering its territory at the start of last month."
    )
    assert [e.date.value if e.date else None for e in found] == ["2024-04"]


@pytest.mark.model
def test_the_officials_named_among_those_whose_assets_were_frozen_are_targets(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Norway last week froze the assets of four senior Belarusian police officials, among them Police Chief Arvid Dahl."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Belarusian", "Arvid Dahl"]]
    text = "Canada imposed travel bans and asset freezes last week on six senior army officers, including General Min Aung."
    assert [(names(e.agents), names(e.targets)) for e in events(nlp, text, EventType.SANCTION)] == [
        (["Canada"], ["Min Aung"])
    ]


@pytest.mark.model
def test_a_journey_first_to_one_place_and_then_to_others_visits_each(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Portuguese Foreign Minister Ana Lopes set off on Monday on a week-long journey that took her first to "
        "Paraguay and then to Chile and Peru."
    )
    assert [place for _, place in visits(nlp, text)] == ["Paraguay", "Chile", "Peru"]


@pytest.mark.model
def test_attending_the_summit_goes_where_an_earlier_arrival_placed_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kazakh president flew into Baku on Tuesday for the two-day summit of the Organisation of Turkic "
        "States. Talks covered trade. Officials signed deals on transport. A pipeline was discussed. The hosts "
        "praised the agenda. Hungarian Prime Minister Viktor Orban is also attending the summit, which ends on "
        "Wednesday."
    )
    assert (["Viktor Orban"], "Baku") in visits(nlp, text)


@pytest.mark.model
def test_a_trip_in_an_open_question_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Turkey will host talks next week, but the Kremlin has not said whether President Vladimir Putin will travel to Istanbul."
    assert visits(nlp, text) == []


@pytest.mark.model
def test_meeting_someone_at_a_seat_of_power_abroad_is_a_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Italian Prime Minister Giorgia Meloni was meeting Trump at the White House on Thursday."
    assert visits(nlp, text) == [(["Giorgia Meloni"], "White House")]


@pytest.mark.model
def test_a_former_president_is_not_the_leader(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chilean President Gabriel Boric toured the port. Former Chilean president Michelle Bachelet joined the "
        "delegation in Lima. The Chilean leader is due to leave Peru on Saturday for Quito."
    )
    assert (["Gabriel Boric"], "Quito") in visits(nlp, text)


@pytest.mark.model
def test_a_delegation_that_visits_is_led_by_its_leader(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A Turkish delegation led by Defence Minister Yasar Guler visited Tripoli in early March."
    assert visits(nlp, text) == [(["Yasar Guler"], "Tripoli")]


def _visit_dates(nlp, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [e.date.value if e.date else None for e in events(nlp, text, EventType.VISIT)]


@pytest.mark.model
def test_a_trip_begun_on_a_day_is_dated_by_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "German Chancellor Olaf Scholz began the trip on Sunday in Tashkent, Uzbekistan, where he signed a migration deal."
    assert _visit_dates(nlp, text) == ["2024-05-12"]


@pytest.mark.model
def test_a_trip_told_in_an_as_clause_takes_the_main_clause_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Polish President Andrzej Duda told the Senate on Monday that aid to his country was an investment, "
        "as he made a rare wartime journey to Ottawa."
    )
    assert _visit_dates(nlp, text) == ["2024-05-13"]


@pytest.mark.model
def test_an_arrival_around_midday_is_on_the_day_of_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan President William Ruto landed at Tokyo's Haneda airport around midday for a three-day trip."
    )
    assert _visit_dates(nlp, text) == ["2024-05-15"]


def _spies(nlp, text: str) -> list[tuple[list[str], list[str]]]:  # type: ignore[no-untyped-def]
    return [(names(e.agents), names(e.targets)) for e in events(nlp, text, EventType.ESPIONAGE)]


@pytest.mark.model
def test_who_after_a_noun_of_with_is_the_person_described(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Still in custody in Latvia is Ivan Petrov, a blogger with Latvian and Russian citizenship, who was "
        "arrested in Riga in May on suspicion of working for the FSB."
    )
    assert _spies(nlp, text) == [(["Ivan Petrov"], ["Latvia"])]


@pytest.mark.model
def test_convicted_in_a_clause_after_the_sentence_is_the_subject_of_the_clause_above(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia is holding several Americans. Gary Fenwick, a former teacher, is serving a 14-year sentence "
        "after being convicted of espionage in 2021, a charge he denies."
    )
    assert _spies(nlp, text) == [(["Gary Fenwick"], ["Russia"])]


@pytest.mark.model
def test_the_president_travelling_is_the_president_the_article_names_most(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gabonese President Ali Bongo met French President Emmanuel Macron in Libreville on Wednesday. Macron "
        "praised the forest deal. Macron later visited a school. Bongo thanked him. From Gabon, the president "
        "is scheduled to travel to Angola on Friday."
    )
    assert (["Emmanuel Macron"], "Angola") in visits(nlp, text)


@pytest.mark.model
def test_sanctions_on_a_states_office_holder_hit_the_person_named_with_that_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada imposed sanctions on Belarus's prosecutor-general on Monday. Ottawa said the courts had jailed "
        "hundreds of protesters. Foreign Minister Melanie Joly said the measures against Prosecutor-General "
        "Andrei Shved would freeze any assets he holds in Canada."
    )
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Andrei Shved"]]
    # a holder of another state's office is not the one meant
    text = "Canada imposed sanctions on Belarus's prosecutor-general on Monday. French President Emmanuel Macron praised the move."
    assert [names(e.targets) for e in events(nlp, text, EventType.SANCTION)] == [["Belarus"]]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Petty Officer Tom Reyes was detained on Tuesday as he arrived for work at Naval Base Kitsap in Washington state.",
        "Also freed was Ivan Petrov, a Russian journalist who had been held in Poland since March 2022 on suspicion of working for the GRU.",
        "Estonian Interior Minister Lauri Laanemets advised Estonians against travelling to Russia.",
    ],
)
def test_a_commute_a_detention_and_advice_against_travel_are_no_visits(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, text) == []


@pytest.mark.model
def test_a_meeting_a_planned_trip_is_for_is_planned_too(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Polish President Andrzej Duda said on Saturday that he would travel to Washington on Monday to meet "
        "the U.S. president at the White House."
    )
    found = events(nlp, text, EventType.VISIT)
    assert [(names(e.agents), e.status) for e in found] == [(["Andrzej Duda"], Status.PLANNED)]


def test_a_seat_of_power_is_its_country_before_any_town_of_that_name() -> None:
    from kg.extraction.places import country_code

    # geonames lists "White House" among Casablanca's alternate names
    assert [country_code(n) for n in ("White House", "the White House", "Kremlin")] == ["US", "US", "RU"]


@pytest.mark.model
def test_a_counterfactual_told_by_inversion_is_no_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian President Vladimir Putin skipped the summit. Mongolia would have been obliged to arrest him had "
        "he set foot in the country."
    )
    assert visits(nlp, text) == []


@pytest.mark.model
def test_flying_back_is_going_home_not_a_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Commission President Ursula von der Leyen, who flew back to Brussels on Thursday evening, struck a "
        "tougher tone in Beijing."
    )
    assert all(place != "Brussels" for _, place in visits(nlp, text))


@pytest.mark.model
def test_one_asked_about_a_trip_is_not_its_traveller(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chinese President Xi Jinping arrived in Hanoi on Monday. Asked about the Hanoi leg on Monday, Trump told "
        "reporters at the White House that the two were plotting against America."
    )
    assert visits(nlp, text) == [(["Xi Jinping"], "Hanoi")]


@pytest.mark.model
def test_stepping_off_a_train_in_a_city_is_arriving_there(nlp) -> None:  # type: ignore[no-untyped-def]
    assert visits(
        nlp, "Polish President Andrzej Duda stepped off an overnight train in Kyiv on Monday morning."
    ) == [(["Andrzej Duda"], "Kyiv")]
    assert visits(
        nlp, "In Kyiv, Polish President Andrzej Duda stepped off an overnight train on Monday morning."
    ) == [(["Andrzej Duda"], "Kyiv")]
    assert visits(nlp, "The Polish minister stepped down on Friday in Warsaw.") == []


@pytest.mark.model
def test_those_among_the_leaders_who_arrived_arrived(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "European Commission President Ursula von der Leyen and Canada's Justin Trudeau are among the leaders who "
        "have arrived in the Ukrainian capital."
    )
    travellers = {name for agents, _ in visits(nlp, text) for name in agents}
    assert travellers == {"Ursula von der Leyen", "Justin Trudeau"}


@pytest.mark.model
def test_a_case_deep_inside_a_statement_is_dated_by_the_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lithuanian security services have dismantled a Belarusian spy network that was keeping watch on roads "
        "used to carry fuel to Ukraine, Interior Minister Agne Bilotaite said on Thursday."
    )
    found = events(nlp, text, EventType.ESPIONAGE)
    assert [e.date.value if e.date else None for e in found] == ["2024-05-09"]


@pytest.mark.model
def test_a_regions_leaders_impose_sanctions_through_the_regional_bloc_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Economic Community of West African States held an emergency summit in Abuja. West African leaders on "
        "Sunday imposed sweeping sanctions on Guinea."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [
        (["Economic Community of West African States"], ["Guinea"])
    ]


@pytest.mark.model
def test_a_trip_named_as_a_landmark_in_time_happened_whatever_the_clause_says(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Indian Prime Minister Narendra Modi has not left the country since a visit to Japan in May 2023."
    found = events(nlp, text, EventType.VISIT)
    assert [(names(e.agents), e.status, e.date.value if e.date else None) for e in found] == [
        (["Narendra Modi"], Status.OCCURRED, "2023-05")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the place hangs from "was", not from the trip
            "Chinese President Xi Jinping landed in Moscow on Monday. Xi's last trip abroad was to Saudi Arabia in "
            "December, when he met King Salman.",
            {("Xi Jinping", "Moscow"), ("Xi", "Saudi Arabia")},
        ),
        (  # the parser hangs the travellers' "by" from "follows"
            "The visit follows a trip to Tokyo last May by Vietnamese President Vo Van Thuong.",
            {("Vo Van Thuong", "Tokyo")},
        ),
        (  # the relative clause names the visitor and the place
            "The trip returns the visit Kazakh President Kassym-Jomart Tokayev paid to Berlin last September.",
            {("Kassym-Jomart Tokayev", "Berlin")},
        ),
    ],
)
def test_a_trip_noun_finds_its_place_and_traveller_beyond_its_own_phrase(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert {(agents[0], place) for agents, place in visits(nlp, text)} == expected


@pytest.mark.model
def test_flying_in_for_an_occasion_goes_where_the_occasion_was(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Nicolas Maduro was sworn in on Friday in Caracas. Bolivian President Luis Arce, one of his closest "
        "allies, flew in for the occasion."
    )
    assert visits(nlp, text) == [(["Luis Arce"], "Caracas")]
    assert visits(nlp, "Bolivian President Luis Arce flew in on Friday.") == []


@pytest.mark.model
def test_a_state_following_suit_sanctions_the_state_just_sanctioned(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States on Thursday imposed sanctions on Lazarus, a North Korean hacking group. Japan also "
        "unveiled asset freezes on Friday, and New Zealand announced its own designations."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert {(names(e.agents)[0], tuple(names(e.targets))) for e in found} == {
        ("United States", ("Lazarus",)),
        ("Japan", ("North Korea",)),
        ("New Zealand", ("North Korea",)),
    }
    japan = next(e for e in found if names(e.agents) == ["Japan"])
    assert (japan.status, japan.date.value if japan.date else None) == (Status.OCCURRED, "2024-05-10")


@pytest.mark.model
def test_measures_of_ones_own_on_unnamed_people_are_not_on_those_just_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Treasury also targeted Golden Port Logistics, a shipping firm. Britain and Canada announced "
        "measures of their own against officials linked to the army."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert all(
        "Golden Port Logistics" not in names(e.targets) for e in found if names(e.agents) != ["Treasury"]
    )


@pytest.mark.model
def test_measures_on_people_right_after_a_sanction_hit_the_same_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The European Union extended its sanctions on Belarus on Monday. Canada said it was imposing measures on "
        "more than 20 people linked to the government."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert {(names(e.agents)[0], tuple(names(e.targets))) for e in found} == {
        ("European Union", ("Belarus",)),
        ("Canada", ("Belarus",)),
    }
    assert (
        events(nlp, "Canada said it was imposing measures on more than 20 people.", EventType.SANCTION) == []
    )


@pytest.mark.model
def test_a_participle_imposing_misread_freezes_takes_the_clause_subject_and_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States imposed sanctions on Nicaraguan President Daniel Ortega's son on Monday. Britain acted "
        "the same day, imposing asset freezes and travel bans on Rosario Murillo and four other senior officials."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [
        (names(e.agents), e.date.value if e.date else None)
        for e in found
        if "Rosario Murillo" in names(e.targets)
    ] == [(["Britain"], "2024-05-13")]


@pytest.mark.model
def test_officials_sanctioned_including_a_named_one_hit_that_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Last week Canada sanctioned six senior Interior Ministry officials, including Interior Minister Juan Perez."
    (found,) = events(nlp, text, EventType.SANCTION)
    assert "Juan Perez" in names(found.targets)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # envoys told by nationality, expelled for spying: their state spied on the expelling one
            "India expelled a Pakistani official for espionage on Tuesday.",
            ("Pakistan", "India"),
        ),
        (  # "whom X described as spies", the clause hung on the date by the parser
            "Norway expelled two Russian diplomats on Friday, whom the foreign minister described as spies.",
            ("Russia", "Norway"),
        ),
        (  # ... or on the place
            "Hungary expelled two Ukrainian diplomats working at the embassy in Budapest, whom Foreign Minister "
            "Peter Szijjarto described as spies.",
            ("Ukraine", "Hungary"),
        ),
        (  # working with a state's intelligence service
            "Last month Iraq hanged two men it said had worked with Iran's intelligence service.",
            ("Iran", "Iraq"),
        ),
    ],
)
def test_envoys_and_men_said_to_spy_spied_for_their_state(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    from kg.extraction.places import country_code

    found = events(nlp, text, EventType.ESPIONAGE)
    pairs = {
        (country_code(e.on_behalf_of[0].text), country_code(e.targets[0].text))
        for e in found
        if e.on_behalf_of
    }
    assert pairs == {(country_code(expected[0]), country_code(expected[1]))}


@pytest.mark.model
def test_one_described_as_a_sleeper_agent_spied_for_their_nationality(nlp) -> None:  # type: ignore[no-untyped-def]
    (found,) = events(
        nlp,
        "Manila arrested Li Wei, a Chinese national it described as a sleeper agent.",
        EventType.ESPIONAGE,
    )
    assert (names(found.agents), names(found.on_behalf_of)) == (["Li Wei"], ["Chinese"])
    assert (
        events(nlp, "Moscow court named Olga Petrova, a journalist, as a foreign agent.", EventType.ESPIONAGE)
        == []
    )


@pytest.mark.model
def test_an_officer_of_a_known_service_infiltrating_a_body_spies_on_it_for_the_services_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Prosecutors said Ivan Sokolov, a GRU officer, tried to infiltrate the International Criminal Court in "
        "The Hague using a Brazilian identity."
    )
    (found,) = events(nlp, text, EventType.ESPIONAGE)
    assert (names(found.agents), names(found.on_behalf_of), names(found.targets)) == (
        ["Ivan Sokolov"],
        ["Russia"],
        ["International Criminal Court"],
    )


@pytest.mark.model
def test_intelligence_activity_against_a_state_is_spying_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sweden's security police said Ivan Petrov is suspected of illegal intelligence activity against Finland."
    (found,) = events(nlp, text, EventType.ESPIONAGE)
    assert (names(found.agents), names(found.targets), found.status) == (
        ["Ivan Petrov"],
        ["Finland"],
        Status.ALLEGED,
    )


@pytest.mark.model
def test_he_after_a_host_received_him_is_the_guest_and_the_tour_is_the_one_set_out_on(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan President William Ruto left Nairobi on Sunday for a regional tour. The tour began in Uganda, where "
        "President Yoweri Museveni received him at his country home. He flew on to Addis Ababa, where Ethiopian "
        "Prime Minister Abiy Ahmed received him."
    )
    assert visits(nlp, text) == [(["William Ruto"], "Uganda"), (["William Ruto"], "Addis Ababa")]


@pytest.mark.model
def test_a_delegation_led_by_someone_is_his_trip_even_when_a_body_sends_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Last month a White House delegation led by Kurt Campbell travelled to Honiara for talks."
    assert visits(nlp, text) == [(["Kurt Campbell"], "Honiara")]


@pytest.mark.model
def test_a_bare_conjunct_shares_its_first_verbs_future(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chinese Foreign Minister Wang Yi arrived in Honiara on Thursday. The tour will take in seven other "
        "countries and end in Samoa on June 4, the foreign ministry said."
    )
    found = [e for e in events(nlp, text, EventType.VISIT) if e.destination and e.destination.text == "Samoa"]
    assert [(names(e.agents), e.status, e.date.value if e.date else None) for e in found] == [
        (["Wang Yi"], Status.PLANNED, "2024-06-04")
    ]


@pytest.mark.model
def test_the_leader_of_a_body_is_the_person_named_with_its_name_and_a_head_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "RSF chief Mohamed Hamdan Dagalo met Cyril Ramaphosa in Pretoria on Thursday. A day earlier the RSF leader "
        "was in Nairobi, where Kenyan President William Ruto hosted him."
    )
    assert visits(nlp, text) == [
        (["Mohamed Hamdan Dagalo"], "Pretoria"),
        (["Mohamed Hamdan Dagalo"], "Nairobi"),
    ]


@pytest.mark.model
def test_him_after_a_person_named_as_a_target_is_that_person_not_the_announcer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Within hours, Foreign Secretary David Lammy announced sanctions on Georgia's interior minister, Vakhtang "
        "Gomelauri, freezing any assets he holds in Britain and banning him from travelling there."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert {t for e in found for t in names(e.targets)} == {"Vakhtang Gomelauri"}


@pytest.mark.model
def test_a_participle_hung_on_a_time_clause_belongs_to_the_main_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Vladimir Putin chose Mongolia for his first foreign trip after the International Criminal Court "
        "issued a warrant for his arrest, travelling to Ulaanbaatar in September for talks."
    )
    assert {agents[0] for agents, _ in visits(nlp, text)} == {"Vladimir Putin"}


@pytest.mark.model
def test_moving_somewhere_to_work_there_is_settling_not_visiting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ivan Petrov built a false identity in Brazil before moving to Norway, where he worked with researchers."
    assert visits(nlp, text) == []


@pytest.mark.model
def test_its_in_a_participle_after_a_sanction_is_the_state_just_sanctioned(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Economic Community of West African States held an emergency summit in Accra. West African leaders on "
        "Sunday imposed sanctions on Niger, closing borders with the country and freezing its assets at the "
        "regional central bank."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert {t for e in found for t in names(e.targets)} == {"Niger"}


@pytest.mark.model
def test_barring_ones_own_people_from_dealing_with_someone_sanctions_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The United States on Tuesday barred Americans from providing financial services to Rosneft, Russia's oil major."
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets)) for e in found] == [(["United States"], ["Rosneft"])]
    restated = (
        "The United States on Friday imposed sanctions on Bidzina Ivanishvili. The asset freeze covers any "
        "property he holds under U.S. jurisdiction and bars Americans from doing business with him."
    )
    assert [names(e.agents) for e in events(nlp, restated, EventType.SANCTION)] == [["United States"]]
    assert (
        events(nlp, "The court barred journalists from speaking to the defendants.", EventType.SANCTION) == []
    )


@pytest.mark.model
def test_a_package_they_aim_to_adopt_is_planned_by_whoever_prepares_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "EU governments are preparing a fifth package of sanctions against Iran, which they aim to adopt by the "
        "first anniversary of the protests on Sept. 16."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets), e.status) for e in found] == [
        (["EU"], ["Iran"], Status.PLANNED)
    ]


@pytest.mark.model
def test_the_diplomatic_formula_for_spying_is_espionage_by_the_expelled_on_the_expelling_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Poland expelled Russian diplomat Ivan Petrov on Monday, declaring him persona non grata for activities "
        "incompatible with his diplomatic status."
    )
    (found,) = events(nlp, text, EventType.ESPIONAGE)
    assert (names(found.agents), names(found.targets), found.status) == (
        ["Ivan Petrov"],
        ["Poland"],
        Status.ALLEGED,
    )
    assert events(nlp, "The court upheld his refugee status on Monday.", EventType.ESPIONAGE) == []


@pytest.mark.model
def test_diplomats_expelled_as_intelligence_officers_spied_for_their_embassys_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In April, the Norwegian government expelled three diplomats from the Russian embassy in Oslo, saying they "
        "were intelligence officers whose activities were incompatible with their status."
    )
    from kg.extraction.places import country_code

    found = events(nlp, text, EventType.ESPIONAGE)
    assert {(country_code(e.agents[0].text), country_code(e.targets[0].text)) for e in found} == {
        ("RU", "NO")
    }


@pytest.mark.model
def test_spying_someone_is_not_accused_of_is_no_espionage(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Prosecutors have charged Ivan Petrov with breaching Norway's sanctions on Russia but have not accused him "
        "of spying."
    )
    assert events(nlp, text, EventType.ESPIONAGE) == []


@pytest.mark.model
def test_an_entry_ban_the_parser_hung_on_the_last_person_barred_is_still_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "China's Taiwan Affairs Office separately barred Taiwan's envoy in Washington, Hsiao Bi-khim, and her "
        "relatives from entering the mainland, Hong Kong and Macau."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert any("Hsiao Bi-khim" in names(e.targets) for e in found)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "In September, Washington imposed sanctions on Ortega's son and adviser, Laureano Ortega Murillo, over abuses.",
        "Washington had already penalised Ortega's son and adviser, Laureano Ortega Murillo, in September 2023.",
    ],
)
def test_sanctions_on_someones_relative_named_next_hit_the_relative(nlp, text) -> None:  # type: ignore[no-untyped-def]
    found = events(nlp, text, EventType.SANCTION)
    targets = {t for e in found for t in names(e.targets)}
    assert "Ortega" not in targets
    assert any("Laureano" in t or "Ortega Murillo" in t for t in targets)


@pytest.mark.model
def test_a_list_of_imposers_the_parser_read_as_an_apposition_imposes_each(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States, Britain, the European Union and Canada imposed coordinated sanctions on Belarusian "
        "officials on Friday."
    )
    assert [agents for agents, _ in sanctions(nlp, text)] == [
        ["United States"],
        ["Britain"],
        ["European Union"],
        ["Canada"],
    ]
    text = "The bloc's two largest economies, Germany and France, imposed sanctions on Belarus."
    assert sorted(agents for agents, _ in sanctions(nlp, text)) == [["France"], ["Germany"]]


@pytest.mark.model
def test_a_spy_held_in_a_country_spied_on_it_not_for_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Germany freed Ivan Petrov, who was convicted of spying for Russia. Paul Whelan, detained in Moscow "
        "in 2018, was serving a 16-year sentence for espionage, a charge he has always denied."
    )
    assert (["Paul Whelan"], [], ["Russia"]) in spying(nlp, text)


@pytest.mark.model
def test_a_blacklist_the_parser_hung_on_a_later_object_still_lists_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States on Thursday added Yangtze Memory Technologies Co and more than 30 other Chinese "
        "companies to a trade blacklist."
    )
    assert sanctions(nlp, text) == [(["United States"], ["Yangtze Memory Technologies Co", "Chinese"])]


@pytest.mark.model
def test_what_happened_when_the_main_clause_did_is_dated_by_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The summit received an unexpected guest on Saturday afternoon, when Ukrainian President Volodymyr "
        "Zelensky landed in Hiroshima aboard a French government aircraft."
    )
    assert _visit_dates(nlp, text) == ["2024-05-11"]
    text = "In August last year, when Nancy Pelosi visited Taipei, China held drills."
    assert _visit_dates(nlp, text) == ["2023-08"]


@pytest.mark.model
def test_the_government_is_the_state_just_named_as_a_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Britain expelled a Russian diplomat on Monday. In September, the government sanctioned officers of "
        "the GRU's Unit 29155."
    )
    assert sanctions(nlp, text) == [(["Britain"], ["GRU"])]
    text = "Britain expelled a Russian diplomat. The government in Moscow sanctioned two British reporters."
    assert [agents for agents, _ in sanctions(nlp, text)] != [["Britain"]]  # a government placed elsewhere
    text = "Seoul stepped up pressure on Pyongyang. In October the government blacklisted the Korea Kwangson Bank."
    assert sanctions(nlp, text) == [(["Seoul"], ["Korea Kwangson Bank"])]  # a capital for its state
    text = (
        "Britain expelled Russia's defence attache, and Moscow retaliated by ordering out Britain's attache. "
        "In September, the government sanctioned officers of the GRU's Unit 29155."
    )
    assert sanctions(nlp, text) == [(["Britain"], ["GRU"])]  # a state by name before a capital


@pytest.mark.model
def test_it_is_the_body_that_acted_not_the_one_its_statement_spoke_of(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Office of Foreign Assets Control designated Sichuan Juxinhe Network Technology, saying China's "
        "Ministry of State Security maintains strong ties with it. It also blacklisted Yin Kecheng."
    )
    assert [agents for agents, _ in sanctions(nlp, text)] == [["Office of Foreign Assets Control"]] * 2


@pytest.mark.model
def test_the_department_is_the_body_named_before_with_that_word(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Treasury Department said hackers had stolen files from its workstations. Officials at BeyondTrust "
        "declined to comment. On Jan. 3 the department sanctioned Integrity Technology Group."
    )
    assert sanctions(nlp, text) == [(["Treasury Department"], ["Integrity Technology Group"])]


@pytest.mark.model
def test_unnamed_officials_sanctioned_right_after_a_state_are_that_states(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The European Union renewed its restrictive measures on Belarus for another year. Britain sanctioned "
        "15 officials of its own, and Canada said it had targeted 14 current and former officials."
    )
    assert sanctions(nlp, text) == [
        (["European Union"], ["Belarus"]),
        (["Britain"], ["Belarus"]),
        (["Canada"], ["Belarus"]),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "asset" read as the subject of a verb "freezes", "imposed" as a modifier of "asset"
            "The European Union in October 2020 imposed asset freezes and travel bans on GRU chief Igor "
            "Kostyukov and Dmitry Badin.",
            [(["European Union"], ["Igor Kostyukov", "Dmitry Badin"])],
        ),
        (  # the people hung on the coordinated "travel bans"
            "Foreign Secretary David Cameron announced asset freezes and travel bans against Moshe Sharvit "
            "and Yinon Levi.",
            [(["United Kingdom"], ["Moshe Sharvit", "Yinon Levi"])],
        ),
    ],
)
@pytest.mark.model
def test_asset_freezes_and_travel_bans_the_parser_misread_still_hit_those_named(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, text) == expected


@pytest.mark.model
def test_the_measures_freezing_assets_are_those_of_whoever_just_imposed_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Joe Biden on Thursday imposed sanctions on four Israeli settlers. The measures freeze any "
        "U.S. assets held by David Chai Chasdai, Einan Tanjil and Yinon Levi."
    )
    assert (["United States"], ["David Chai Chasdai", "Einan Tanjil", "Yinon Levi"]) in sanctions(nlp, text)


@pytest.mark.model
def test_representing_a_state_at_the_talks_is_a_trip_to_where_they_are(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Leaders of the Shanghai Cooperation Organisation opened a two-day summit in Astana on Wednesday. "
        "Indian Foreign Minister Subrahmanyam Jaishankar is representing India at the talks."
    )
    assert (["Subrahmanyam Jaishankar"], "Astana") in visits(nlp, text)


@pytest.mark.model
def test_the_place_a_leader_returned_or_came_home_from_was_visited(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Indonesian President Joko Widodo returned from Beijing on Monday."
    assert visits(nlp, text) == [(["Joko Widodo"], "Beijing")]
    text = "Indonesian President Joko Widodo came home from Washington last month after talks with Biden."
    assert visits(nlp, text) == [(["Joko Widodo"], "Washington")]
    assert visits(nlp, "Indonesian President Joko Widodo will return from Beijing on Monday.") == []


@pytest.mark.model
def test_talks_at_the_vatican_are_a_visit_to_the_holy_see(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Argentine President Javier Milei held talks with Pope Francis on Monday at the Vatican."
    assert visits(nlp, text) == [(["Javier Milei"], "Vatican")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Argentine President Javier Milei had lunch with Italian Prime Minister Giorgia Meloni in Rome.",
            ["Rome"],
        ),
        (
            "Argentine President Javier Milei will have an audience with Pope Francis at the Vatican.",
            ["Vatican"],
        ),
        (
            "Argentine President Javier Milei sat down with Italian Prime Minister Giorgia Meloni in Rome.",
            ["Rome"],
        ),
        ("Italian Prime Minister Giorgia Meloni has a home in Rome.", []),
        ("Russia has troops in Syria.", []),
    ],
)
@pytest.mark.model
def test_having_a_meeting_or_sitting_down_with_someone_abroad_is_a_visit(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert [d for _, d in visits(nlp, text)] == expected


@pytest.mark.model
def test_a_bare_title_is_first_the_person_named_with_that_very_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chinese Premier Li Qiang arrived in New Zealand. Australian Prime Minister Anthony Albanese will host "
        "him next week. Albanese said trade would top the agenda. The premier began his tour in Wellington on "
        "Thursday."
    )
    assert visits(nlp, text) == [(["Li Qiang"], "New Zealand")]  # not Albanese in Wellington


@pytest.mark.model
def test_the_minister_is_the_one_titled_minister_and_the_he_after_him(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chinese Foreign Minister Wang Yi arrived in Fiji. Fijian Prime Minister Frank Bainimarama hosted "
        "talks. David Panuelo, president of Micronesia, warned against the plan. The minister began his tour "
        "on Thursday in Honiara, where he met Solomon Islands Prime Minister Manasseh Sogavare."
    )
    assert sorted(d for _, d in visits(nlp, text)) == ["Fiji", "Honiara"]
    assert all(agents == ["Wang Yi"] for agents, _ in visits(nlp, text))


@pytest.mark.model
def test_a_spy_a_state_handed_over_or_freed_spied_on_that_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Germany freed Ivan Petrov, who was convicted of spying for Russia. Norway handed over Mikhail "
        "Mikushin, who was detained in 2022 while posing as a Brazilian academic and accused of spying for Moscow."
    )
    assert (["Mikhail Mikushin"], ["Moscow"], ["Norway"]) in spying(nlp, text)


@pytest.mark.model
def test_him_accused_after_a_speaker_spoke_of_someone_is_that_someone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Australian Prime Minister Anthony Albanese said he had raised the case of Yang Hengjun, an Australian "
        "writer. Chinese prosecutors accuse him of espionage."
    )
    assert [agents for agents, _, _ in spying(nlp, text)] == [["Yang Hengjun"]]
    text = (  # the subject of the sentence before stays the one accused
        "Egisto Ott was taken into custody on Friday in Carinthia, the prosecutor said. It accuses him of "
        "passing data to Russian intelligence."
    )
    assert [agents for agents, _, _ in spying(nlp, text)] == [["Egisto Ott"]]


@pytest.mark.model
def test_a_spy_convicted_at_a_court_in_a_city_spied_on_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Germany freed Ivan Petrov, who was convicted of spying for Russia. Katrin Ivanova was convicted at "
        "the Old Bailey in London on Friday of conspiracy to conduct espionage."
    )
    assert (["Katrin Ivanova"], ["Russia"], ["United Kingdom"]) in spying(nlp, text)


@pytest.mark.model
def test_who_also_attended_talks_held_abroad_visited_where_they_were(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "French President Emmanuel Macron held talks in Beijing with President Xi Jinping that European "
        "Commission President Ursula von der Leyen also attended."
    )
    assert (["Ursula von der Leyen"], "Beijing") in visits(nlp, text)


@pytest.mark.model
def test_a_company_described_by_its_trade_is_the_one_just_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Huawei reported record sales on Friday. Washington, which put the telecommunications equipment maker "
        "on a trade blacklist in 2019, has tightened chip controls."
    )
    assert sanctions(nlp, text) == [(["Washington"], ["Huawei"])]
    text = (
        "Rosneft and Lukoil were hit on Monday. Britain froze the assets of the same two producers on Friday."
    )
    assert all(targets != ["Lukoil"] for _, targets in sanctions(nlp, text)[1:])  # two, not the last one


@pytest.mark.model
def test_the_administration_is_not_taken_for_the_state_in_view(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mexico sent 29 cartel figures to the United States on Thursday. Earlier this year the administration "
        "blacklisted the Sinaloa Cartel."
    )
    assert all(agents != ["Mexico"] for agents, _ in sanctions(nlp, text))


@pytest.mark.model
def test_the_places_a_leader_was_on_the_way_to_are_visits(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Taiwanese President Tsai Ing-wen passed through New York on her way to Guatemala and Belize."
    assert sorted(d for _, d in visits(nlp, text)) == ["Belize", "Guatemala"]
    assert visits(nlp, "Indian Prime Minister Narendra Modi said dialogue was the only way to peace.") == []


@pytest.mark.model
def test_a_gathering_named_after_a_city_is_in_that_city(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "U.S. Vice President JD Vance will visit Paris before heading to the Munich Security Conference later "
        "in the week."
    )
    assert sorted(d for _, d in visits(nlp, text)) == ["Munich", "Paris"]


@pytest.mark.model
def test_due_in_a_region_for_a_gathering_named_after_a_city_is_due_in_that_city(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chinese Foreign Minister Wang Yi is due in Europe this week for the Munich Security Conference."
    assert visits(nlp, text) == [(["Wang Yi"], "Munich")]


@pytest.mark.model
def test_a_state_accused_of_hacking_spied_on_what_it_hacked(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Britain accused Russia of a years-long hacking campaign against its lawmakers."
    assert spying(nlp, text) == [(["Russia"], ["Russia"], ["Britain"])]
    assert spying(nlp, "Britain accused China of unfair trade.") == []


@pytest.mark.model
def test_meeting_a_leader_in_his_seat_of_power_is_a_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Indonesian President Joko Widodo met Vladimir Putin in the Kremlin on Thursday."
    assert visits(nlp, text) == [(["Joko Widodo"], "Kremlin")]
    assert visits(nlp, "Russian President Vladimir Putin met his aides in the Kremlin on Thursday.") == []


@pytest.mark.model
def test_the_arrival_or_visit_of_a_named_person_is_his_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The arrival of Chinese President Xi Jinping in Moscow was broadcast live."
    assert visits(nlp, text) == [(["Xi Jinping"], "Moscow")]
    text = "The talks followed the arrival on Thursday of Pakistani Foreign Minister Bilawal Bhutto Zardari in Goa."
    assert visits(nlp, text) == [(["Bilawal Bhutto Zardari"], "Goa")]
    assert visits(nlp, "His tour of Asia ended on Friday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a group the gazetteer knows, named after the noun it is given to
            "Officials said a Chinese state-sponsored group known as APT40 had compromised the "
            "Parliamentary Counsel Office and the Parliamentary Service in 2021.",
            [(["APT40"], ["Chinese"], ["Parliamentary Counsel Office", "Parliamentary Service"])],
        ),
        (  # a security firm's family name says the state; the passive's subject was hit
            "Singtel, Singapore's largest mobile operator, had been breached in June 2024 by Quartz "
            "Typhoon, the agency said.",
            [(["Quartz Typhoon"], ["China"], ["Singtel", "Singapore"])],
        ),
        (
            "Sandworm was behind an intrusion into the networks of Ukraine's largest telecoms operator.",
            [(["Sandworm"], ["Russia"], ["Ukraine"])],
        ),
        ("Typhoon Haiyan hit the Philippines in 2013.", []),
        ("APT40 has been discussed at length by researchers in Australia.", []),
    ],
)
@pytest.mark.model
def test_a_state_hacking_group_breaking_into_a_body_is_spying(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert spying(nlp, text) == expected


@pytest.mark.model
def test_both_as_an_object_is_the_two_named_in_the_sentence_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Among those designated again is Kudakwashe Tagwirei, a businessman close to the president, and his "
        "company Sakunda Holdings. Treasury first blacklisted both in August 2020."
    )
    assert sanctions(nlp, text) == [(["Treasury"], ["Kudakwashe Tagwirei", "Sakunda Holdings"])]
    text = "Kira Korolev and Igor Korolev were arrested. Both were born in Russia and moved to Australia in 2014."
    assert visits(nlp, text) == []


@pytest.mark.model
def test_names_after_a_plural_person_noun_are_people(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States imposed sanctions on the fugitive businessmen Ilan Shor and Vladimir Plahotniuc in "
        "October 2022, and the European Union added both men to its own blacklist in May."
    )
    assert sanctions(nlp, text) == [
        (["United States"], ["Ilan Shor", "Vladimir Plahotniuc"]),
        (["European Union"], ["Ilan Shor", "Vladimir Plahotniuc"]),
    ]


def resolved_events(nlp, text: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    from kg import evaluate, resolution

    item = article(text)
    return evaluate.doc_from_resolved(resolution.resolve(extract(nlp(prepare_text(item)), item)))["events"]  # type: ignore[no-any-return]


@pytest.mark.model
def test_a_treasury_is_the_one_of_the_state_the_text_was_last_about(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Britain froze the assets of six Russian officials on Friday. In Washington, Secretary of State "
        "Antony Blinken announced sanctions on Rossiya Segodnya. Blinken said more would follow. On "
        "September 4 the Treasury blacklisted its editor-in-chief, Margarita Simonyan."
    )
    agents = [e["agent"] for e in resolved_events(nlp, text) if e["target"] == ["Margarita Simonyan"]]
    assert agents == [["United States Department of the Treasury", "United States"]]


@pytest.mark.model
def test_a_sanction_told_by_a_state_and_its_office_in_one_sentence_is_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The U.S. imposed its last major round of sanctions on Russia on Jan. 10, days before Joe Biden left "
        "office, when the Treasury blacklisted oil producers Gazprom Neft and Surgutneftegas."
    )
    found = [
        (e["agent"], e["target"], e["date"]) for e in resolved_events(nlp, text) if e["type"] == "Sanction"
    ]
    assert found == [
        (
            ["United States", "United States Department of the Treasury"],
            ["Russia", "Gazprom Neft", "Surgutneftegas"],
            "2024-01-10",
        )
    ]


@pytest.mark.model
def test_a_person_described_earlier_is_who_the_description_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kira Korolev, an army private, was arrested. Prosecutors say the private made a trip to Russia in 2023."
    assert visits(nlp, text) == [(["Kira Korolev"], "Russia")]
    text = "Police arrested businessman Alexander Csergo in Sydney. The businessman had travelled to Shanghai in 2022."
    assert visits(nlp, text) == [(["Alexander Csergo"], "Shanghai")]
    text = "Police arrested Alexander Csergo and Igor Korolev. The man had travelled to Shanghai in 2022."
    assert visits(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Justice Department charged seven Chinese nationals with hacking U.S. companies.",
            [(["Chinese"], ["Chinese"], ["U.S."])],
        ),
        (  # the parser hangs "with" from the last of the accused; "hacking the Committee" is no committee
            "Prosecutors charged two Russian men with hacking the Democratic National Committee.",
            [(["Russian"], ["Russian"], ["Democratic National Committee"])],
        ),
        ("Prosecutors charged two Russian men with fraud against U.S. companies.", []),
    ],
)
@pytest.mark.model
def test_foreign_nationals_charged_with_hacking_spied_for_their_state(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert spying(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States designated the Houthis as a terrorist group on Wednesday.",
            [(["United States"], ["Houthis"])],
        ),
        (
            "Washington's designation of the Houthis as a Specially Designated Global Terrorist group took effect.",
            [(["Washington"], ["Houthis"])],
        ),
        (
            "The Revolutionary Guards were designated a foreign terrorist organisation by Washington in 2019.",
            [(["Washington"], ["Revolutionary Guards"])],
        ),
        ("The government designated Friday as a national day of mourning.", []),
        # the group a person leads, unnamed, is not the person
        ("Al-Sharaa's group was once designated by the United States as a terrorist organisation.", []),
    ],
)
@pytest.mark.model
def test_designating_a_group_as_terrorists_blacklists_it(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, text) == expected


@pytest.mark.model
def test_an_entry_ban_is_imposed_by_the_body_announcing_it_not_each_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Taiwan Affairs Office said Hsiao Bi-khim and her relatives would be barred from entering "
        "mainland China, Hong Kong and Macau."
    )
    assert sanctions(nlp, text) == [(["Taiwan Affairs Office"], ["Hsiao Bi-khim"])]


@pytest.mark.model
def test_due_to_fly_on_and_the_delegation_of_the_visitor_just_reported(nlp) -> None:  # type: ignore[no-untyped-def]
    first = "Russian Foreign Minister Sergei Lavrov landed in Managua on Monday. "
    found = visits(nlp, first + "He is due to fly on to Havana later on Tuesday.")
    assert found == [(["Sergei Lavrov"], "Managua"), (["Sergei Lavrov"], "Havana")]
    found = visits(nlp, first + "The Russian delegation is due to fly on to Havana later on Tuesday.")
    assert found == [(["Sergei Lavrov"], "Managua"), (["Sergei Lavrov"], "Havana")]


@pytest.mark.model
def test_attending_a_parade_or_celebration_abroad_is_a_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Indian Prime Minister Narendra Modi attended celebrations in Paris on Friday."
    assert visits(nlp, text) == [(["Narendra Modi"], "Paris")]
    text = "Indian Prime Minister Narendra Modi attended the signing in Paris on Friday."
    assert visits(nlp, text) == [(["Narendra Modi"], "Paris")]


@pytest.mark.model
def test_spies_nationality_is_the_target_only_when_nothing_else_is_in_view(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "British police arrested the ring in Britain in 2023, and Britain charged them last year. "
        "Three Bulgarian nationals have been convicted of spying for Russia."
    )
    assert spying(nlp, text) == [(["Russia"], ["Russia"], ["Britain"])]


@pytest.mark.model
def test_a_states_office_holder_named_after_a_comma_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "China on Friday imposed sanctions on Taiwan's top representative in the United States, "
        "Hsiao Bi-khim, and on two American institutions."
    )
    assert sanctions(nlp, text) == [(["China"], ["Hsiao Bi-khim"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Leaders will gather in Khankendi on Friday for the summit. Turkish President Recep Tayyip Erdogan "
            "and Pakistani Prime Minister Shehbaz Sharif are among those expected.",
            [(["Recep Tayyip Erdogan"], "Khankendi"), (["Shehbaz Sharif"], "Khankendi")],
        ),
        (
            "Blinken was heading to New Delhi for Thursday's meeting of G20 foreign ministers, where Russian "
            "Foreign Minister Sergei Lavrov is also due.",
            [(["Blinken"], "New Delhi"), (["Sergei Lavrov"], "New Delhi")],
        ),
        ("The vote is due. Results are expected.", []),
    ],
)
@pytest.mark.model
def test_expected_or_due_with_the_place_told_before(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert visits(nlp, text) == expected


@pytest.mark.model
def test_what_one_attends_abroad_is_a_gathering_but_a_university_is_not(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Finnish President Sauli Niinisto marked the milestone on April 4 by attending the flag-raising at the "
        "alliance's headquarters in Brussels."
    )
    assert visits(nlp, text) == [(["Sauli Niinisto"], "Brussels")]
    assert visits(nlp, "Finnish President Sauli Niinisto attended university in Moscow.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Washington revoked a licence for dealings with Minerven, the state-owned gold miner.",
            [(["Washington"], ["Minerven"])],
        ),
        (
            "In January, the Office of Foreign Assets Control revoked a license covering Minerven.",
            [(["Office of Foreign Assets Control"], ["Minerven"])],
        ),
        ("The medical board revoked his licence to practise.", []),
    ],
)
@pytest.mark.model
def test_revoking_a_licence_to_deal_with_someone_sanctions_them_again(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert sanctions(nlp, text) == expected


@pytest.mark.model
def test_intelligence_agencies_eavesdropping_on_a_state_spy_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Leaked documents suggested that U.S. intelligence agencies had eavesdropped on senior officials in "
        "South Korea's national security office."
    )
    assert spying(nlp, text) == [(["U.S."], ["U.S."], ["South Korea"])]
    assert spying(nlp, "Police surveilled the suspect for weeks.") == []


@pytest.mark.model
def test_an_event_in_a_live_blog_entry_takes_the_day_of_its_heading(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Monday 13 May, 19:20 - U.S. sanctions Wuhan front company\n\n"
        "The Treasury sanctioned Wuhan Xiaoruizhi Science and Technology Company, a front for the ministry."
    )
    assert [e.date.value if e.date else None for e in events(nlp, text, EventType.SANCTION)] == ["2024-05-13"]


def test_regions_by_their_english_names_point_to_their_country() -> None:
    from kg.extraction.places import country_code
    from kg.gazetteer import region_country

    # pycountry names Chinese provinces with their type ("Xinjiang Uygur Zizhiqu"); the news does not
    assert region_country("Xinjiang") == "CN" and region_country("Guangdong") == "CN"
    assert region_country("Tibet") == "CN" and region_country("Nakhchivan") == "AZ"
    # demonyms the curated country table lists, not only the suffix rules
    assert country_code("Kyrgyz") == "KG" and country_code("Sri Lankan") == "LK"


@pytest.mark.model
def test_a_measure_on_the_north_is_kept_for_resolution_to_read(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In October, Seoul imposed its first unilateral sanctions on the North in almost five years."
    assert sanctions(nlp, text) == [(["Seoul"], ["North"])]


@pytest.mark.model
def test_a_name_misread_as_the_possessor_of_the_next_is_a_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Armenian Prime Minister Nikol Pashinyan spoke in Yerevan on Monday. Pashinyan and Azerbaijan's "
        "President Ilham Aliyev are expected to meet in the Spanish city of Granada on October 5."
    )
    assert sorted(a for agents, _ in visits(nlp, text) for a in agents) == ["Ilham Aliyev", "Pashinyan"]


@pytest.mark.model
def test_an_entry_ban_on_a_named_person_and_relatives_or_on_a_group_with_a_named_member(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States has barred General Aziz Ahmed, who commanded Bangladesh's army from 2018 to "
        "2021, and members of his immediate family from entering the country."
    )
    assert sanctions(nlp, text) == [(["United States"], ["Aziz Ahmed"])]
    text = (
        "In April, the State Department barred four senior judges, among them the influential Levan "
        "Murusidze, from entering the country over what it described as significant corruption."
    )
    assert sanctions(nlp, text) == [(["State Department"], ["Levan Murusidze"])]


@pytest.mark.model
def test_an_envoy_sent_to_a_capital_travels_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Xi sent his foreign minister, Wang Yi, to Moscow on Monday for talks."
    assert visits(nlp, text) == [(["Wang Yi"], "Moscow")]
    assert visits(nlp, "Russia sent troops to Syria in 2015.") == []
    assert visits(nlp, "Putin sent a letter to Kim Jong Un on Monday.") == []


@pytest.mark.model
def test_a_second_destination_coordinated_after_a_date_is_a_second_trip(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gotabaya Rajapaksa fled to the Maldives in July and then to Singapore."
    assert visits(nlp, text) == [(["Gotabaya Rajapaksa"], "Maldives"), (["Gotabaya Rajapaksa"], "Singapore")]


@pytest.mark.model
def test_property_someone_holds_abroad_is_no_meeting_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "China imposed sanctions on Monday on Shigeru Iwasaki, a retired Japanese general. The measures "
        "freeze any property he holds in China and deny him a visa."
    )
    assert visits(nlp, text) == []
    assert visits(nlp, "Japanese Prime Minister Fumio Kishida held talks in Beijing on Monday.") == [
        (["Fumio Kishida"], "Beijing")
    ]


@pytest.mark.model
def test_a_demonym_coordinated_with_an_adjective_still_names_the_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States has imposed visa restrictions on current and former Thai officials it holds "
        "responsible for the deportation of 40 Uyghur men to China."
    )
    assert sanctions(nlp, text) == [(["United States"], ["Thai"])]


@pytest.mark.model
def test_a_meeting_in_a_nations_capital_is_a_trip_to_that_nation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "US Secretary of State Antony Blinken met Prime Minister Abiy Ahmed in the Ethiopian capital in March."
    assert visits(nlp, text) == [(["Antony Blinken"], "Ethiopian")]


@pytest.mark.model
def test_charges_that_included_espionage_are_an_espionage_case(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Vandecasteele, a Belgian aid worker, was arrested in Iran in February last year and sentenced in "
        "January to 40 years in prison on charges that included espionage."
    )
    assert [(agents, targets) for agents, _, targets in spying(nlp, text)] == [(["Vandecasteele"], ["Iran"])]


@pytest.mark.model
def test_restricting_investment_in_a_nations_companies_is_a_measure_on_that_nation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Joe Biden on Wednesday signed an executive order restricting U.S. investment in Chinese "
        "companies working on advanced semiconductors."
    )
    assert [targets for _, targets in sanctions(nlp, text)] == [["Chinese"]]


@pytest.mark.model
def test_a_suspect_from_a_region_is_the_one_suspected_not_who_detained_her(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Security Service of Ukraine said on Monday it had detained a woman from the Mykolaiv region "
        "suspected of gathering information for Russian intelligence about a planned visit."
    )
    assert [agents for agents, _, _ in spying(nlp, text)] in ([[]], [["Russian"]])


@pytest.mark.model
def test_a_blacklisted_name_taken_for_a_product_and_the_ones_listed_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Treasury Department blacklisted Grinex, which it regards as the successor to the Russian "
        "exchange Garantex, together with Old Vector and several linked companies in Russia."
    )
    assert [(agents, "Old Vector" in targets) for agents, targets in sanctions(nlp, text)] == [
        (["Treasury Department"], True)
    ]


@pytest.mark.model
def test_the_user_of_spyware_spies_not_the_spyware(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Algiers cited reports that Moroccan security services had used the Pegasus spyware to target the "
        "phones of Algerian officials."
    )
    assert [(agents, targets) for agents, _, targets in spying(nlp, text)] == [(["Moroccan"], ["Algerian"])]


@pytest.mark.model
def test_a_court_that_orders_a_spy_held_or_sentences_one_names_the_state_spied_on(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Aug. 17, a Moscow court ordered Gene Spector, a Russian-born U.S. citizen, to be held on "
        "espionage charges."
    )
    assert [(agents, targets) for agents, _, targets in spying(nlp, text)] == [(["Gene Spector"], ["Moscow"])]
    text = (
        "A court in the eastern Chinese city of Suzhou on May 15 sentenced John Leung, a US citizen who "
        "holds permanent residency in Hong Kong, to life in prison for espionage."
    )
    assert [targets for _, _, targets in spying(nlp, text)] in ([["Suzhou"]], [["China"]], [["Chinese"]])


@pytest.mark.model
def test_a_spy_caught_receiving_restricted_information_in_a_bodys_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The FSB said on Monday it had caught Motoki Tatsunori, a consul at the Japanese consulate-general in "
        'the Pacific port city, "red-handed" receiving restricted information, in exchange for money, about '
        "Russia's cooperation with an unnamed Asia-Pacific country."
    )
    assert [(agents, targets) for agents, _, targets in spying(nlp, text)] == [
        (["Motoki Tatsunori"], ["Russia"])
    ]


@pytest.mark.model
def test_intelligence_services_recruiting_a_nations_citizens_spy_on_that_nation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The State Security Department warned that Russian and Belarusian intelligence services were actively "
        "trying to recruit Lithuanian citizens."
    )
    assert [(behalf, targets) for _, behalf, targets in spying(nlp, text)] == [
        (["Russian", "Belarusian"], ["Lithuanian"])
    ]
    assert spying(nlp, "The company recruited Lithuanian engineers last year.") == []


@pytest.mark.model
def test_a_second_clause_scrapping_something_else_does_not_cancel_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In May Russia permanently barred 63 Japanese citizens from entering Russia, and this month it "
        "scrapped arrangements that allowed former residents to visit without visas."
    )
    assert [agents for agents, _ in sanctions(nlp, text)] == [["Russia"]]
    assert visits(nlp, "Modi was due to travel to Moscow but postponed the trip.") == []


@pytest.mark.model
def test_no_intention_or_threat_of_sanctions_is_no_sanction(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The European Union's sanctions envoy said in Tashkent on Friday that the European Union had no "
        "intention of imposing sanctions on Uzbekistan."
    )
    assert sanctions(nlp, text) == []
    assert sanctions(nlp, "The United States raised the threat of sanctions on Turkey on Monday.") == []


@pytest.mark.model
def test_an_appositive_beyond_the_verb_is_not_the_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "EU foreign ministers froze the assets of 11 individuals on October 17. Three days later, the bloc "
        "imposed sanctions on three senior Iranian military officers and on Shahed Aviation Industries, the "
        "company behind the drones Russia has been using to strike Ukrainian cities."
    )
    assert ["Shahed Aviation Industries"] not in [agents for agents, _ in sanctions(nlp, text)]


@pytest.mark.model
def test_a_group_described_after_its_name_is_that_group_however_parsed(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Treasury said both he and Velazquez had ties to members of Hezbollah, the Lebanese group that "
        "Washington lists as a terrorist organisation."
    )
    assert [targets for _, targets in sanctions(nlp, text)] == [["Hezbollah"]]


@pytest.mark.model
def test_people_sent_back_to_a_country_are_deported_not_visiting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Thailand was accused of sending Uyghurs and other at-risk groups back to China in February."
    assert visits(nlp, text) == []


@pytest.mark.model
def test_names_added_to_a_sanctions_list_for_a_country_are_a_measure_on_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The European Union on August 3 added 38 individuals and three entities to its sanctions list for "
        "Belarus."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [(names(e.agents), names(e.targets), e.date.value if e.date else None) for e in found] == [
        (["European Union"], ["Belarus"], "2023-08-03")  # the last August 3 before publication
    ]


@pytest.mark.model
def test_a_trip_from_one_day_to_another_starts_on_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Xi said he will pay a state visit to France from Nov. 24 to 26 at the invitation of Macron."
    found = events(nlp, text, EventType.VISIT)
    assert [e.date.value if e.date else None for e in found] == ["2024-11-24"]


@pytest.mark.model
def test_a_date_after_a_gerund_read_as_a_verb_still_dates_the_measure(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The rules follow those of Washington, which announced sweeping curbs on exports of chipmaking "
        "technology to China in October 2022."
    )
    found = events(nlp, text, EventType.SANCTION)
    assert [e.date.value if e.date else None for e in found] == ["2022-10"]


@pytest.mark.model
def test_stops_on_the_way_to_a_dated_arrival_fall_in_its_month(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The move came less than a week after a visit to Dhaka by Donald Lu, the U.S. assistant secretary of "
        "state. Lu, who landed in the Bangladeshi capital on May 14 after stops in Chennai and Colombo, met "
        "Foreign Minister Hasan Mahmud and civil society representatives during his two-day stay, the first "
        "by a senior State Department official since Hasina won a fourth term in a January election."
    )
    found = events(nlp, text, EventType.VISIT)
    stops = {e.destination.text: e.date.value if e.date else None for e in found if e.destination}
    assert stops.get("Chennai") in ("2024-05", "2024-05-14") and stops.get("Colombo") in (
        "2024-05",
        "2024-05-14",
    )


@pytest.mark.model
def test_a_title_with_a_clause_set_off_by_commas_still_names_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan President William Ruto arrived in Port-au-Prince on Saturday. The Kenyan leader, who will "
        "travel on to New York for the U.N. General Assembly, is expected to press for more funding."
    )
    assert (["William Ruto"], "New York") in visits(nlp, text)


@pytest.mark.model
def test_a_short_name_without_its_arabic_article_keeps_the_full_names_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The pressure puts Iraqi Prime Minister Mohammed Shia al-Sudani in an awkward position. Sudani "
        "repeated the call in Davos, Switzerland, last week, where he attended the World Economic Forum."
    )
    assert [place for agents, place in visits(nlp, text) if agents == ["Sudani"]] == ["Switzerland"]


def test_congo_in_the_news_is_the_democratic_republic() -> None:
    from kg.extraction.places import country_code

    assert country_code("Democratic Republic of Congo") == "CD" and country_code("Congo") == "CD"
    assert country_code("Republic of Congo") == "CG" and country_code("Congo-Brazzaville") == "CG"
