"""Resolution: surface mentions -> canonical actors and events with actor keys (no spaCy needed)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.gazetteer import fold, get_gazetteer, region_country
from kg.model import (
    Actor,
    ActorType,
    Article,
    DateValue,
    EventType,
    Extraction,
    Mention,
    RawEvent,
    ResolvedArticle,
    Status,
)
from kg.resolution import clean, known_persons, person_tokens, resolve, warm_up

M = Mention


def _resolve(
    *mentions: Mention,
    events: tuple[RawEvent, ...] = (),
    text: str = "",
    known: dict[str, str] | None = None,
) -> ResolvedArticle:
    article = Article(
        title="Test article",
        text=text or " ".join(m.text for m in mentions),
        published=datetime(2024, 6, 18, 12, tzinfo=UTC),
        source="test.txt",
    )
    return resolve(Extraction(article, tuple(mentions), events), known)


def _by_name(resolved: ResolvedArticle) -> dict[str, Actor]:
    return {actor.name: actor for actor in resolved.actors}


def _visit(
    agent: Mention,
    destination: Mention,
    hosts: tuple[Mention, ...] = (),
    status: Status = Status.OCCURRED,
) -> RawEvent:
    return RawEvent(EventType.VISIT, (agent,), status, "evidence", destination, hosts=hosts)


# ------------------------------------------------------------------------------------------ countries


@pytest.mark.parametrize(
    ("surface", "label", "name"),
    [
        ("U.S.", "GPE", "United States"),
        ("US", "GPE", "United States"),
        ("USA", "GPE", "United States"),
        ("America", "GPE", "United States"),
        ("the United States", "GPE", "United States"),
        ("Britain", "GPE", "United Kingdom"),
        ("UK", "GPE", "United Kingdom"),
        ("Russian Federation", "GPE", "Russia"),
        ("DPRK", "GPE", "North Korea"),
        ("Korea, Democratic People's Republic of", "GPE", "North Korea"),
        ("Republic of Korea", "GPE", "South Korea"),
        ("Iran", "GPE", "Iran"),
        ("Viet Nam", "GPE", "Vietnam"),
        ("Taiwan", "GPE", "Taiwan"),
        ("China", "GPE", "China"),
    ],
)
def test_country_names_and_aliases_give_the_common_english_name(surface: str, label: str, name: str) -> None:
    actors = _by_name(_resolve(M(surface, label)))
    assert list(actors) == [name]
    assert actors[name].type is ActorType.COUNTRY


@pytest.mark.parametrize(
    ("demonym", "name"),
    [
        ("Russian", "Russia"),
        ("North Korean", "North Korea"),
        ("Chinese", "China"),
        ("British", "United Kingdom"),
        ("American", "United States"),
        ("Ukrainian", "Ukraine"),
        ("Iranian", "Iran"),
    ],
)
def test_demonyms_stand_for_their_country_but_are_no_alias(demonym: str, name: str) -> None:
    spying = RawEvent(
        EventType.ESPIONAGE, (M(demonym, "NORP"),), Status.ALLEGED, "x", targets=(M("Japan", "GPE"),)
    )
    resolved = _resolve(M(demonym, "NORP"), events=(spying,))
    actors = _by_name(resolved)
    assert resolved.events[0].agents == (actors[name].key,)
    assert demonym not in actors[name].aliases


def test_a_country_known_only_by_its_demonym_is_not_listed() -> None:
    assert _resolve(M("Russian", "NORP"), M("Germans", "NORP")).actors == ()


@pytest.mark.parametrize(
    ("capital", "name"),
    [
        ("Moscow", "Russia"),
        ("Beijing", "China"),
        ("Washington", "United States"),
        ("Pyongyang", "North Korea"),
        ("Tehran", "Iran"),
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("New Delhi", "India"),
    ],
)
def test_capitals_as_actors_are_their_country_with_the_capital_as_alias(capital: str, name: str) -> None:
    actors = _by_name(_resolve(M(capital, "GPE")))
    assert list(actors) == [name]
    assert capital in actors[name].aliases


@pytest.mark.parametrize(
    ("seat", "name"),
    [
        ("the Kremlin", "Russia"),
        ("White House", "United States"),
        ("Downing Street", "United Kingdom"),
        ("the Elysee", "France"),
        ("Élysée", "France"),
        ("Zhongnanhai", "China"),
    ],
)
def test_seats_of_power_are_their_country(seat: str, name: str) -> None:
    assert list(_by_name(_resolve(M(seat, "ORG")))) == [name]


def test_country_actor_carries_iso_code_and_geonames_link() -> None:
    korea = _by_name(_resolve(M("North Korea", "GPE")))["North Korea"]
    assert korea.key == "country/north-korea"
    assert korea.iso_code == "KP"
    assert korea.links == ("https://sws.geonames.org/1873107/",)


def test_the_north_and_the_south_need_both_koreas_in_the_article() -> None:
    both = _by_name(_resolve(M("North Korea", "GPE"), M("South Korea", "GPE"), M("the North", "LOC")))
    assert "the North" in both["North Korea"].aliases or "North" in both["North Korea"].aliases
    alone = _by_name(_resolve(M("England", "GPE"), M("the North", "LOC")))
    assert list(alone) == ["United Kingdom"]


def test_regions_are_not_actors() -> None:
    resolved = _resolve(M("Korean Peninsula", "LOC"), M("Taiwan Strait", "LOC"), M("Europe", "LOC"))
    assert resolved.actors == ()


# ------------------------------------------------------------------------------------------ places


def test_capital_as_visit_destination_is_a_city_in_its_country() -> None:
    resolved = _resolve(
        M("Vladimir Putin", "PERSON"),
        events=(_visit(M("Vladimir Putin", "PERSON"), M("Pyongyang", "GPE")),),
    )
    (event,) = resolved.events
    assert event.destination == "city/pyongyang"
    actors = {a.key: a for a in resolved.actors}
    city = actors["city/pyongyang"]
    assert city.type is ActorType.CITY
    assert city.country == "country/north-korea"
    assert city.links and city.links[0].startswith("https://sws.geonames.org/")
    assert "country/north-korea" in actors


def test_city_destination_takes_the_country_the_text_names_beside_it() -> None:
    text = "Foreign Secretary David Cameron announced the measures in Capri, Italy, where he is."
    resolved = _resolve(
        M("David Cameron", "PERSON"),
        events=(_visit(M("David Cameron", "PERSON"), M("Capri", "GPE")),),
        text=text,
    )
    actors = {a.key: a for a in resolved.actors}
    assert actors["city/capri"].country == "country/italy"


def test_non_capital_city_destination_is_the_most_populous_of_that_name() -> None:
    resolved = _resolve(events=(_visit(M("Kim Jong-un", "PERSON"), M("Vladivostok", "GPE")),))
    actors = {a.key: a for a in resolved.actors}
    assert actors["city/vladivostok"].country == "country/russia"


def test_non_capital_city_outside_events_is_no_actor() -> None:
    assert _resolve(M("Dresden", "GPE"), M("Duesseldorf", "GPE")).actors == ()


def test_brussels_outside_events_is_neither_belgium_nor_an_actor() -> None:
    assert _resolve(M("Brussels", "GPE")).actors == ()


# ------------------------------------------------------------------------------------------ persons


def test_short_names_and_titles_join_the_full_name() -> None:
    text = "Russian President Vladimir Putin met North Korean leader Kim Jong-un. Putin and Kim talked."
    actors = _by_name(
        _resolve(
            M("Russian President Vladimir Putin", "PERSON"),
            M("Putin", "PERSON"),
            M("President Putin", "PERSON"),
            M("Kim Jong-un", "PERSON", "North Korean"),
            M("Kim", "PERSON"),
            text=text,
        )
    )
    assert set(actors) >= {"Vladimir Putin", "Kim Jong-un"}
    assert actors["Vladimir Putin"].aliases == ("Putin",)
    assert actors["Vladimir Putin"].country == "country/russia"
    assert actors["Kim Jong-un"].aliases == ("Kim",)
    assert actors["Kim Jong-un"].country == "country/north-korea"
    assert actors["Kim Jong-un"].key == "person/kim-jong-un"


def test_multi_word_surname_joins_the_full_name() -> None:
    actors = _by_name(_resolve(M("Ursula von der Leyen", "PERSON"), M("von der Leyen", "PERSON")))
    persons = [a for a in actors.values() if a.type is ActorType.PERSON]
    assert [p.name for p in persons] == ["Ursula von der Leyen"]


def test_first_name_shared_by_two_people_is_dropped() -> None:
    actors = _by_name(
        _resolve(
            M("Christopher Cash", "PERSON"), M("Christopher Berry", "PERSON"), M("Christopher", "PERSON")
        )
    )
    assert set(actors) == {"Christopher Cash", "Christopher Berry"}


def test_surname_shared_by_two_people_with_one_as_surname_goes_to_that_one() -> None:
    actors = _by_name(_resolve(M("Christopher Cash", "PERSON"), M("Cash", "PERSON")))
    assert actors["Christopher Cash"].aliases == ("Cash",)


def test_the_russian_leader_is_the_one_russian_leader_in_the_article() -> None:
    text = "Russian President Vladimir Putin and Foreign Minister Sergei Lavrov. The Russian leader said."
    resolved = _resolve(
        M("Vladimir Putin", "PERSON", "Russian"),
        M("Sergei Lavrov", "PERSON", "Russian"),
        events=(_visit(M("the Russian leader", "PERSON"), M("Vietnam", "GPE")),),
        text=text,
    )
    (event,) = resolved.events
    assert event.agents == ("person/vladimir-putin",)


def test_zelenskyy_and_zelensky_are_one_person_spelt_the_common_way() -> None:
    actors = _by_name(_resolve(M("Volodymyr Zelenskyy", "PERSON", "Ukrainian"), M("Zelensky", "PERSON")))
    zelensky = actors["Volodymyr Zelensky"]
    assert set(zelensky.aliases) == {"Volodymyr Zelenskyy", "Zelensky"}
    assert person_tokens("Zelenskyy") == person_tokens("Zelensky")


def test_known_names_from_earlier_articles_complete_a_short_name() -> None:
    actors = _by_name(_resolve(M("Putin", "PERSON"), known={"Putin": "Vladimir Putin"}))
    assert actors["Vladimir Putin"].aliases == ("Putin",)


def test_person_country_from_text_before_or_after_the_name() -> None:
    text = (
        "Make former Portuguese prime minister Antonio Costa president and hand the brief to "
        "Estonia's Kaja Kallas. John Kirby, spokesperson of the U.S. National Security Council, said."
    )
    actors = _by_name(
        _resolve(
            M("Antonio Costa", "PERSON"), M("Kaja Kallas", "PERSON"), M("John Kirby", "PERSON"), text=text
        )
    )
    assert actors["Antonio Costa"].country == "country/portugal"
    assert actors["Kaja Kallas"].country == "country/estonia"
    assert actors["John Kirby"].country == "country/united-states"


def test_host_without_country_takes_the_destination_country() -> None:
    resolved = _resolve(
        events=(
            _visit(M("Narendra Modi", "PERSON"), M("Austria", "GPE"), hosts=(M("Karl Nehammer", "PERSON"),)),
        ),
        text="Modi goes on to Austria to meet Karl Nehammer.",
    )
    assert _by_name(resolved)["Karl Nehammer"].country == "country/austria"


# ------------------------------------------------------------------------------------------ organisations


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("UN", "United Nations"),
        ("UN Security Council", "United Nations Security Council"),
        ("UN\u00a0Security Council", "United Nations Security Council"),
        ("EU", "European Union"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("ICC", "International Criminal Court"),
        ("G7", "Group of Seven"),
        ("IRGC", "Islamic Revolutionary Guard Corps"),
    ],
)
def test_international_bodies_get_their_canonical_name(surface: str, name: str) -> None:
    actors = _by_name(_resolve(M(surface, "ORG")))
    assert [a for a in actors.values() if a.type is ActorType.ORGANIZATION] == [actors[name]]


def test_acronym_defined_in_the_text_joins_its_long_form() -> None:
    text = "The Federal Office for the Protection of the Constitution (BfV) said. The BfV said again."
    actors = _by_name(
        _resolve(
            M("Federal Office for the Protection of the Constitution", "ORG"), M("BfV", "ORG"), text=text
        )
    )
    office = actors["Federal Office for the Protection of the Constitution"]
    assert "BfV" in office.aliases
    assert office.country == "country/germany"
    assert len(actors) == 1  # Germany is the office's country, not named as an actor


def test_acronym_of_an_uncurated_organisation_joins_its_long_form() -> None:
    text = "The Freedom Support Network (FSN) said so. The FSN denied it."
    actors = _by_name(_resolve(M("Freedom Support Network (FSN)", "ORG"), M("FSN", "ORG"), text=text))
    assert list(actors) == ["Freedom Support Network"]
    assert "FSN" in actors["Freedom Support Network"].aliases


def test_a_heading_above_a_name_is_no_part_of_it() -> None:
    text = "UKRAINE FOILS RUSSIAN PLOT\n\nThe Freedom Support Network (FSN) said so. The FSN denied it."
    actors = _by_name(_resolve(M("Freedom Support Network", "ORG"), M("FSN", "ORG"), text=text))
    assert list(actors) == ["Freedom Support Network"]


def test_organisation_qualified_by_a_country_gets_that_country() -> None:
    text = (
        "South Korea's Foreign Ministry said. The Ukrainian Defence Ministry said. "
        "The Foreign Ministry added."
    )
    actors = _by_name(
        _resolve(
            M("South Korea's Foreign Ministry", "ORG"),
            M("Foreign Ministry", "ORG"),
            M("Ukrainian Defence Ministry", "ORG"),
            text=text,
        )
    )
    ministry = actors["South Korean Ministry of Foreign Affairs"]
    assert ministry.country == "country/south-korea"
    assert set(ministry.aliases) == {"South Korea's Foreign Ministry", "Foreign Ministry"}
    assert actors["Ukrainian Defence Ministry"].country == "country/ukraine"


def test_us_prefix_is_spelt_out_in_the_canonical_name() -> None:
    actors = _by_name(_resolve(M("U.S. Space Agency Office", "ORG")))
    assert actors["United States Space Agency Office"].country == "country/united-states"


def test_nested_possessive_is_the_inner_organisation_in_the_outer_one_country() -> None:
    text = "The U.S. Treasury's Office of Foreign Assets Control designated 16 people."
    resolved = _resolve(M("U.S. Treasury's Office of Foreign Assets Control", "ORG"), text=text)
    actors = _by_name(resolved)
    assert actors["Office of Foreign Assets Control"].country == "country/united-states"
    assert "U.S. Treasury" in actors["United States Department of the Treasury"].aliases


def test_the_bloc_is_the_eu_only_when_the_eu_is_named() -> None:
    named = _by_name(
        _resolve(M("EU", "ORG"), M("the bloc", "ORG"), text="EU leaders said the bloc would act.")
    )
    assert "bloc" in named["European Union"].aliases
    assert _resolve(M("the bloc", "ORG"), text="the bloc would act").actors == ()


def test_local_alias_resolves_when_its_country_is_the_only_one_in_view() -> None:
    text = "The United States acted. The Commerce Department tightened controls."
    actors = _by_name(_resolve(M("United States", "GPE"), M("Commerce Department", "ORG"), text=text))
    assert actors["United States Department of Commerce"].country == "country/united-states"


@pytest.mark.parametrize(
    "junk", ["officials", "prosecutors", "Tuesday", "June 2022", "2024", "Foreign Ministry"]
)
def test_generic_and_time_mentions_are_no_actors(junk: str) -> None:
    assert _resolve(M(junk, "ORG")).actors == ()


# ------------------------------------------------------------------------------------------ events


def test_event_roles_map_to_actor_keys() -> None:
    sanction = RawEvent(
        EventType.SANCTION,
        (M("Washington", "GPE"),),
        Status.OCCURRED,
        "Washington sanctioned Moscow.",
        targets=(M("Moscow", "GPE"),),
        reported_by=(M("White House", "ORG"),),
    )
    spying = RawEvent(
        EventType.ESPIONAGE,
        (M("Jian G.", "PERSON"),),
        Status.ALLEGED,
        "spying for China",
        targets=(M("European Parliament", "ORG"),),
        on_behalf_of=(M("Chinese", "NORP"),),
    )
    resolved = _resolve(events=(sanction, spying))
    first, second = resolved.events
    assert first.agents == ("country/united-states",)
    assert first.targets == ("country/russia",)
    assert first.reported_by == ("country/united-states",)
    assert second.agents == ("person/jian-g",)
    assert second.on_behalf_of == ("country/china",)
    assert second.targets == ("organization/european-parliament",)
    listed = {a.key for a in resolved.actors}
    assert {"country/united-states", "country/russia", "person/jian-g", "country/china"} <= listed


def test_events_whose_required_roles_do_not_resolve_are_dropped() -> None:
    events = (
        _visit(M("officials", "ORG"), M("China", "GPE")),
        _visit(M("Antony Blinken", "PERSON"), M("Europe", "LOC")),
        RawEvent(
            EventType.SANCTION,
            (M("United States", "GPE"),),
            Status.OCCURRED,
            "x",
            targets=(M("firms", "ORG"),),
        ),
        RawEvent(
            EventType.ESPIONAGE, (M("spies", "ORG"),), Status.ALLEGED, "x", targets=(M("Germany", "GPE"),)
        ),
    )
    assert _resolve(events=events).events == ()


def test_visit_to_own_country_keeps_no_agent() -> None:
    assert _resolve(events=(_visit(M("Moscow", "GPE"), M("Russia", "GPE")),)).events == ()


def test_duplicate_events_merge_keeping_first_evidence_and_the_most_precise_date() -> None:
    events = (
        RawEvent(
            EventType.VISIT,
            (M("Putin", "PERSON"),),
            Status.OCCURRED,
            "first",
            M("North Korea", "GPE"),
            date=DateValue("2024-06"),
        ),
        RawEvent(
            EventType.VISIT,
            (M("Vladimir Putin", "PERSON"),),
            Status.OCCURRED,
            "second",
            M("Pyongyang", "GPE"),
            hosts=(M("Kim Jong-un", "PERSON"),),
            date=DateValue("2024-06-18"),
        ),
        RawEvent(
            EventType.VISIT,
            (M("Putin", "PERSON"),),
            Status.OCCURRED,
            "long ago",
            M("North Korea", "GPE"),
            date=DateValue("2000"),
        ),
    )
    merged, older = _resolve(events=events).events
    assert merged.evidence == "first"
    assert merged.date == DateValue("2024-06-18")
    assert merged.hosts == ("person/kim-jong-un",)
    assert older.date == DateValue("2000")


# ------------------------------------------------------------------------------------------ helpers


def test_clean_strips_article_possessive_and_spaces() -> None:
    assert clean("the  Kremlin’s") == "Kremlin"
    assert clean("Putin's") == "Putin"
    assert clean("UN\u00a0Security Council") == "UN Security Council"


def test_fold_treats_dots_accents_and_hyphens_alike() -> None:
    assert fold("U.S.") == fold("US")
    assert fold("Élysée") == fold("Elysee")
    assert fold("Kim Jong-un") == fold("Kim Jong Un")


def test_curated_tables_are_consistent() -> None:
    gaz = get_gazetteer()
    assert {"US", "GB", "RU", "KP", "KR", "CN", "IR", "TW", "VN"} <= set(gaz.countries)
    assert {gaz.countries[i].name for i in ("US", "GB", "KP", "KR")} == {
        "United States",
        "United Kingdom",
        "North Korea",
        "South Korea",
    }
    for iso in {*gaz.demonyms.values(), *gaz.seats.values(), *(c for c, _ in gaz.capitals.values())}:
        assert iso in gaz.countries, iso
    for org in gaz.organizations.values():
        assert org.country is None or org.country in gaz.countries, org.name


# ------------------------------------------------------------------------ which countries are listed


def test_a_capital_only_named_as_a_location_does_not_list_its_country() -> None:
    text = "Ministers met in Luxembourg. It struck a consulate in Damascus."
    assert _resolve(M("Luxembourg", "GPE"), M("Damascus", "GPE"), text=text).actors == ()


def test_a_capital_named_as_a_location_lists_its_country_when_its_people_take_part() -> None:
    text = "Kishida had been in New Delhi for talks with Indian Prime Minister Narendra Modi."
    actors = _by_name(_resolve(M("New Delhi", "GPE"), M("Narendra Modi", "PERSON", "Indian"), text=text))
    assert "New Delhi" in actors["India"].aliases


def test_a_capital_acting_lists_its_country() -> None:
    text = "Washington imposed sanctions."
    assert "United States" in _by_name(_resolve(M("Washington", "GPE"), text=text))


def test_a_country_only_qualifying_a_person_is_not_listed() -> None:
    text = "They hand the foreign policy brief to Estonia's Kaja Kallas."
    actors = _by_name(_resolve(M("Estonia", "GPE"), M("Kaja Kallas", "PERSON", "Estonia"), text=text))
    assert set(actors) == {"Kaja Kallas"}
    assert actors["Kaja Kallas"].country == "country/estonia"


# ------------------------------------------------------------------------------------------ repairs


def test_a_word_only_ever_after_the_is_no_person() -> None:
    text = "These include the Reichsbuerger (Citizens of the Reich) conspiracy theorists."
    actors = _by_name(_resolve(M("Reich", "PERSON"), text=text))
    assert "Reich" not in actors
    assert "Reichsbürger movement" in actors  # named in the text, found through the curated table


@pytest.mark.parametrize("surface", ["MEP", "LNG", "SPFS", "Chancellor"])
def test_titles_and_unexplained_acronyms_are_no_organisations(surface: str) -> None:
    assert _resolve(M(surface, "ORG"), text=f"the {surface} said").actors == ()


def test_secretary_of_state_is_no_organisation() -> None:
    text = "U.S. Secretary of State Antony Blinken met Xi."
    assert "State" not in _by_name(_resolve(M("State", "ORG", "U.S."), text=text))


def test_organisation_cut_inside_a_country_name_is_repaired() -> None:
    text = "provided by the South Korea Defence Ministry, North Korean soldiers"
    actors = _by_name(_resolve(M("Korea Defence Ministry", "ORG"), text=text))
    assert actors["South Korean Ministry of National Defense"].country == "country/south-korea"


def test_bare_local_name_takes_the_country_the_text_puts_before_it() -> None:
    text = "Lim Soosuk, spokesperson of South Korea’s Foreign Ministry, said Russia and China agreed."
    resolved = _resolve(M("Foreign Ministry", "ORG"), M("Russia", "GPE"), M("China", "GPE"), text=text)
    assert "South Korean Ministry of Foreign Affairs" in _by_name(resolved)


def test_president_of_a_country_is_its_one_leader() -> None:
    text = (
        "Russian President Vladimir Putin arrived. A banner: welcome the President of the Russian Federation."
    )
    resolved = _resolve(
        M("Vladimir Putin", "PERSON", "Russian"), M("President of the Russian Federation", "ORG"), text=text
    )
    assert [a.name for a in resolved.actors if a.type is not ActorType.COUNTRY] == ["Vladimir Putin"]


def test_a_surname_taken_for_an_organisation_is_the_person() -> None:
    text = "Christopher Cash was charged. Cash previously worked as a researcher."
    actors = _by_name(_resolve(M("Christopher Cash", "PERSON"), M("Cash", "ORG"), text=text))
    assert set(actors) == {"Christopher Cash"}
    assert actors["Christopher Cash"].aliases == ("Cash",)


def test_two_places_run_together_are_split() -> None:
    text = "relations between the West and Kyiv"
    actors = _by_name(_resolve(M("West and Kyiv", "ORG"), text=text))
    assert set(actors) == {"Ukraine"}


def test_in_the_capital_opening_a_sentence_speaks_for_the_country() -> None:
    text = "In Washington, Secretary of State Antony Blinken said so."
    assert "United States" in _by_name(_resolve(M("Washington", "GPE"), text=text))


# ------------------------------------------------------------------------------------------ event merging


def _sanction(agents: tuple[Mention, ...], targets: tuple[Mention, ...], date: str | None = None) -> RawEvent:
    return RawEvent(
        EventType.SANCTION,
        agents,
        Status.OCCURRED,
        "evidence",
        targets=targets,
        date=DateValue(date) if date else None,
    )


def test_an_office_sanctioning_the_same_target_as_its_state_is_one_event() -> None:
    events = (
        _sanction((M("United States", "GPE"),), (M("Iran", "GPE"), M("Bahman Group", "ORG")), "2024-04-18"),
        _sanction((M("Office of Foreign Assets Control", "ORG"),), (M("Iranian", "NORP"),)),
        _sanction((M("Washington", "GPE"),), (M("Iran", "GPE"),), "2020"),
    )
    merged, older = _resolve(events=events).events
    assert merged.agents == ("country/united-states", "organization/office-of-foreign-assets-control")
    assert merged.targets == ("country/iran", "organization/bahman-group")
    assert older.date == DateValue("2020")


def test_a_body_and_its_parent_sanctioning_one_target_is_one_event() -> None:
    events = (
        _sanction((M("UN Security Council", "ORG"),), (M("North Korea", "GPE"),)),
        _sanction((M("UN", "ORG"),), (M("North Korea", "GPE"),)),
    )
    (event,) = _resolve(events=events).events
    assert set(event.agents) == {
        "organization/united-nations-security-council",
        "organization/united-nations",
    }


def test_different_states_sanctioning_one_target_stay_apart() -> None:
    events = (
        _sanction((M("United States", "GPE"),), (M("Iran", "GPE"),)),
        _sanction((M("Britain", "GPE"),), (M("Iran", "GPE"),)),
    )
    assert len(_resolve(events=events).events) == 2


def test_named_spies_keep_their_state_as_principal_and_a_spied_city_is_its_country() -> None:
    spying = RawEvent(
        EventType.ESPIONAGE,
        (M("Chinese", "NORP"), M("China", "GPE"), M("Thomas R.", "PERSON")),
        Status.ALLEGED,
        "evidence",
        targets=(M("Dresden", "GPE"),),
        on_behalf_of=(M("Chinese", "NORP"),),
    )
    state_only = RawEvent(
        EventType.ESPIONAGE, (M("Chinese", "NORP"),), Status.ALLEGED, "x", on_behalf_of=(M("China", "GPE"),)
    )
    first, second = _resolve(events=(spying, state_only)).events
    assert first.agents == ("person/thomas-r",)
    assert first.on_behalf_of == ("country/china",)
    assert first.targets == ("country/germany",)
    assert second.agents == ("country/china",)
    assert second.on_behalf_of == ()


# ------------------------------------------------------------------------------------------ held-out lessons


def test_a_single_name_inside_a_long_name_joins_it() -> None:
    text = "Luiz Inacio Lula da Silva met Xi. Lula said so."
    actors = _by_name(
        _resolve(M("Luiz Inacio Lula da Silva", "PERSON"), M("Lula", "PERSON"), M("Lula", "ORG"), text=text)
    )
    assert set(actors) == {"Luiz Inacio Lula da Silva"}
    assert actors["Luiz Inacio Lula da Silva"].aliases == ("Lula",)


def test_a_capital_is_no_persons_country() -> None:
    text = "In Seoul, Japanese Prime Minister Fumio Kishida spoke."
    actors = _by_name(_resolve(M("Fumio Kishida", "PERSON", "Seoul"), text=text))
    assert actors["Fumio Kishida"].country == "country/japan"


def test_a_countrys_generic_body_is_named_by_its_country() -> None:
    text = "South Korea's Supreme Court ordered payment. China's commerce ministry said."
    actors = _by_name(
        _resolve(M("Supreme Court", "ORG", "South Korea"), M("commerce ministry", "ORG", "China"), text=text)
    )
    court = actors["South Korean Supreme Court"]
    assert court.country == "country/south-korea"
    assert "South Korea's Supreme Court" in court.aliases
    assert "China's commerce ministry" in actors["Chinese Commerce Ministry"].aliases


def test_ministries_named_in_the_text_are_found() -> None:
    text = "The Chinese foreign ministry said. Taiwan's defence ministry reported ships."
    actors = _by_name(_resolve(text=text))
    assert "Ministry of Foreign Affairs of the People's Republic of China" in actors
    assert actors["Taiwanese Defence Ministry"].country == "country/taiwan"


@pytest.mark.parametrize(
    "text",
    [
        "quake struck off the southern island of Kyushu on Thursday",
        "the earthquake on the Noto peninsula",
        "ASML, the Veldhoven-based firm",
    ],
)
def test_places_taken_for_organisations_are_dropped(text: str) -> None:
    word = next(w for w in ("Kyushu", "Noto", "Veldhoven") if w in text)
    assert _resolve(M(word, "ORG"), text=text).actors == ()


def test_a_country_only_opening_a_longer_name_is_not_listed() -> None:
    text = "Ukraine International Airlines flight PS752 was shot down."
    assert _resolve(M("Ukraine", "GPE"), M("PS752", "PERSON"), text=text).actors == ()


def test_the_country_of_a_visitor_is_listed_even_when_only_its_adjective_is_written() -> None:
    text = "South Korean President Yoon Suk Yeol toured Turkmenistan."
    resolved = _resolve(
        M("Yoon Suk Yeol", "PERSON", "South Korean"),
        events=(_visit(M("Yoon Suk Yeol", "PERSON", "South Korean"), M("Turkmenistan", "GPE")),),
        text=text,
    )
    assert "South Korea" in _by_name(resolved)


def test_a_name_cut_after_its_country_is_completed_from_the_text() -> None:
    text = "Yuen works at the Hong Kong Economic and Trade Office in London."
    actors = _by_name(_resolve(M("Trade Office", "ORG", "Hong Kong"), text=text))
    office = actors["Hong Kong Economic and Trade Office"]
    assert office.country == "country/hong-kong"
    assert office.aliases == ("Trade Office",)


def test_a_name_completed_inside_brackets_stops_at_the_bracket() -> None:
    text = "(South Korea Defense Ministry photo)"
    actors = _by_name(_resolve(M("Korea Defense Ministry", "ORG"), text=text))
    assert "South Korean Ministry of National Defense" in actors


def test_an_unexplained_acronym_after_a_demonym_is_still_no_organisation() -> None:
    assert _resolve(M("LNG", "ORG", "Russian"), text="imports of Russian LNG").actors == ()


def test_a_big_city_taken_for_a_person_is_dropped() -> None:
    assert _resolve(M("Vladivostok", "PERSON"), text="east of Vladivostok").actors == ()


def test_led_and_based_prefixes_are_no_part_of_a_name() -> None:
    actors = _by_name(_resolve(M("U.S.-led Artemis Accords", "ORG"), text="the U.S.-led Artemis Accords"))
    assert "Artemis Accords" in actors


def test_a_policy_word_left_of_a_title_is_no_organisation() -> None:
    text = "Commerce Secretary Gina Raimondo said."
    assert _resolve(M("Commerce", "ORG", "U.S."), text=text).actors == ()


def test_known_persons_maps_aliases_and_surnames_of_earlier_persons() -> None:
    earlier = _resolve(
        M("Vladimir Putin", "PERSON"),
        M("Putin", "PERSON"),
        M("Kim Jong-un", "PERSON"),
        M("Kim Yo-jong", "PERSON"),
        M("Russia", "GPE"),
    )
    known = known_persons(earlier.actors)
    assert known["Putin"] == "Vladimir Putin"
    assert "Kim" not in known  # never seen alone
    later = _by_name(_resolve(M("Putin", "PERSON"), known=known))
    assert later["Vladimir Putin"].aliases == ("Putin",)


# ------------------------------------------------------------------------------------------ robustness

_SURFACES = [
    "Putin",
    "Vladimir Putin",
    "the Russian leader",
    "Moscow",
    "Kremlin",
    "U.S.",
    "Capri",
    "Brussels",
    "EU",
    "the bloc",
    "Foreign Ministry",
    "South Korea's Foreign Ministry",
    "BfV",
    "Office of Foreign Assets Control (OFAC)",
    "Chinese",
    "officials",
    "",
    "'s",
    "(",
    "the",
    "Ünïcødé Nàme",
    "X" * 300,
    "President",
    "West and Kyiv",
]
_LABELS = ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE"]


@settings(max_examples=150, deadline=None)
@given(
    mentions=st.lists(
        st.builds(
            Mention,
            st.sampled_from(_SURFACES),
            st.sampled_from(_LABELS),
            st.sampled_from([None, "Russian", "South Korea", "Seoul", "", "garbage"]),
        ),
        max_size=8,
    ),
    event_type=st.sampled_from(list(EventType)),
)
def test_any_mentions_resolve_to_listed_actors_with_unique_keys(
    mentions: list[Mention], event_type: EventType
) -> None:
    events: tuple[RawEvent, ...] = ()
    if mentions:
        first, *rest = mentions
        events = (
            RawEvent(
                event_type,
                (first,),
                Status.OCCURRED,
                "evidence",
                destination=rest[0] if rest else None,
                targets=tuple(rest[1:]),
                hosts=tuple(rest[:1]),
            ),
        )
    text = " and ".join(m.text for m in mentions) + ". " + "Russian President Vladimir Putin said."
    resolved = _resolve(*mentions, events=events, text=text)
    keys = [a.key for a in resolved.actors]
    assert len(keys) == len(set(keys))
    for actor in resolved.actors:
        assert actor.name and actor.name not in actor.aliases
    for event in resolved.events:
        roles = (*event.agents, *event.hosts, *event.targets, *event.on_behalf_of, *event.reported_by)
        assert set(roles) | ({event.destination} - {None}) <= set(keys)


# ------------------------------------------------------------------------------------------ person countries


def test_a_hint_the_text_does_not_bear_out_is_ignored() -> None:
    text = "John Kirby, spokesperson of the U.S. National Security Council, spoke on Ukraine."
    actors = _by_name(_resolve(M("John Kirby", "PERSON", "Ukraine"), text=text))
    assert actors["John Kirby"].country == "country/united-states"


def test_a_hint_in_an_apposition_counts() -> None:
    text = "Liesje Schreinemacher, the Dutch minister for foreign trade, said so."
    actors = _by_name(_resolve(M("Liesje Schreinemacher", "PERSON", "Dutch"), text=text))
    assert actors["Liesje Schreinemacher"].country == "country/netherlands"


def test_an_organisation_hint_from_a_later_clause_is_ignored() -> None:
    text = (
        "buying steel from Khuzestan Steel Company, one of Iran's biggest steelmakers, which Washington hit."
    )
    actors = _by_name(_resolve(M("Khuzestan Steel Company", "ORG", "Washington"), text=text))
    assert actors["Khuzestan Steel Company"].country is None


def test_a_person_holding_a_title_of_a_body_is_of_its_country() -> None:
    text = "BfV chief Thomas Haldenwang told a news conference."
    actors = _by_name(_resolve(M("Thomas Haldenwang", "PERSON"), text=text))
    assert actors["Thomas Haldenwang"].country == "country/germany"


def test_names_joined_by_a_slash_are_split() -> None:
    text = "Ships of the Korea Coast Guard/Navy Command left port."
    actors = _by_name(_resolve(M("Korea Coast Guard/Navy Command", "ORG"), text=text))
    assert set(actors) == {"Korea Coast Guard", "Navy Command"}


def test_names_only_in_photo_credits_are_no_actors() -> None:
    text = "soldiers at the border. (South Korea Defense Ministry/The Associated Press) The South said."
    mentions = (M("South Korea Defense Ministry/The Associated Press", "ORG"), M("Associated Press", "ORG"))
    assert _resolve(*mentions, text=text).actors == ()


def test_warm_up_loads_the_tables() -> None:
    warm_up()
    assert get_gazetteer().city("Capri") is not None


def test_a_country_only_named_for_a_region_of_it_is_not_listed() -> None:
    text = "after a Turkish offensive against Kurdish forces in northern Syria"
    assert _resolve(M("Syria", "GPE"), text=text).actors == ()
    assert "Ukraine" in _by_name(_resolve(M("Ukraine", "GPE"), text="the war in Ukraine"))


def test_a_region_of_a_country_whose_people_take_part_lists_it() -> None:
    text = "Israel struck Hezbollah in southern Lebanon. Lebanese Prime Minister Najib Mikati spoke."
    actors = _by_name(_resolve(M("Lebanon", "GPE"), M("Najib Mikati", "PERSON", "Lebanese"), text=text))
    assert "Lebanon" in actors


def test_a_national_title_gives_the_one_country_in_view_that_has_it() -> None:
    text = (
        "Britain and the United States acted. "
        "Foreign Secretary David Cameron and Treasury Secretary Janet Yellen spoke."
    )
    mentions = (M("Britain", "GPE"), M("United States", "GPE"), M("David Cameron", "PERSON"))
    actors = _by_name(_resolve(*mentions, M("Janet Yellen", "PERSON"), text=text))
    assert actors["David Cameron"].country == "country/united-kingdom"
    assert actors["Janet Yellen"].country == "country/united-states"
    alone = _by_name(_resolve(M("Olaf Scholz", "PERSON"), text="Chancellor Olaf Scholz spoke."))
    assert alone["Olaf Scholz"].country is None  # Germany and Austria have chancellors; neither is named


def test_a_name_several_countries_use_needs_its_country() -> None:
    russian = _by_name(_resolve(M("Russia's Federal Assembly", "ORG"), text="Russia's Federal Assembly met."))
    assert russian["Federal Assembly"].country == "country/russia"
    swiss = _by_name(_resolve(M("Swiss Federal Assembly", "ORG"), text="The Swiss Federal Assembly met."))
    assert swiss["Swiss Federal Assembly"].country == "country/switzerland"


def test_acronyms_give_the_full_name() -> None:
    actors = _by_name(_resolve(M("GRU", "ORG"), text="the GRU"))
    assert "GRU" in actors["Main Intelligence Directorate"].aliases


def test_a_curated_body_gets_the_acronym_the_article_defines() -> None:
    text = "The Economic Community of West African States (ECOWAS) imposed sanctions."
    actors = _by_name(_resolve(M("Economic Community of West African States", "ORG"), text=text))
    assert actors["Economic Community of West African States"].aliases == ("ECOWAS",)


def test_a_long_description_carrying_a_curated_acronym_is_that_body() -> None:
    text = "Ukraine's SBU security service said. The SBU added."
    actors = _by_name(_resolve(M("Ukraine's SBU security service", "ORG"), M("SBU", "ORG"), text=text))
    assert set(actors) == {"Security Service of Ukraine"}


def test_reuters_and_ap_spellings_of_a_name_meet() -> None:
    actors = _by_name(_resolve(M("Volodymyr Zelenskiy", "PERSON"), M("Zelensky", "PERSON")))
    assert set(actors["Volodymyr Zelensky"].aliases) == {"Volodymyr Zelenskiy", "Zelensky"}


@pytest.mark.parametrize(
    ("people", "key"), [("Britons", "country/united-kingdom"), ("Turks", "country/turkey")]
)
def test_peoples_are_their_country(people: str, key: str) -> None:
    spying = RawEvent(
        EventType.ESPIONAGE, (M("Chinese", "NORP"),), Status.ALLEGED, "x", targets=(M(people, "ORG"),)
    )
    assert _resolve(M(people, "ORG"), events=(spying,)).events[0].targets == (key,)


def test_a_trip_at_home_is_no_visit() -> None:
    text = "Japanese Prime Minister Fumio Kishida visited Osaka."
    home = _visit(M("Fumio Kishida", "PERSON", "Japanese"), M("Osaka", "GPE"))
    abroad = _visit(M("Fumio Kishida", "PERSON", "Japanese"), M("Kyiv", "GPE"))
    assert [e.destination for e in _resolve(events=(home, abroad), text=text).events] == ["city/kyiv"]


def test_united_states_bodies_are_named_with_the_country_name() -> None:
    text = "America's Supreme Court ruled."
    actors = _by_name(_resolve(M("Supreme Court", "ORG", "America"), text=text))
    assert actors["United States Supreme Court"].country == "country/united-states"


def test_a_sentence_word_run_into_an_abbreviated_name_is_dropped() -> None:
    text = "identified only as Dieter S. and Alexander J. under German privacy rules"
    actors = _by_name(
        _resolve(M("Alexander J. under", "PERSON"), M("Ursula von der Leyen", "PERSON"), text=text)
    )
    assert set(actors) == {"Alexander J.", "Ursula von der Leyen"}


def test_a_name_ending_in_a_particle_and_capital_is_kept() -> None:
    actors = _by_name(_resolve(M("Abdel Fattah el-Sisi", "PERSON")))
    assert set(actors) == {"Abdel Fattah el-Sisi"}


@pytest.mark.parametrize(
    ("place", "text", "key"),
    [
        ("Ginza district", "Kishida hosted Yoon for dinner in Tokyo's Ginza district.", "city/tokyo"),
        (
            "Great Hall of the People",
            "Blinken met Xi at the Great Hall of the People in Beijing.",
            "city/beijing",
        ),
        ("Ben Gurion airport", "Milei landed at Ben Gurion airport in Israel.", "country/israel"),
    ],
)
def test_a_building_or_district_visited_stands_for_the_place_around_it(
    place: str, text: str, key: str
) -> None:
    resolved = _resolve(events=(_visit(M("Yoon Suk Yeol", "PERSON"), M(place, "FAC")),), text=text)
    assert resolved.events[0].destination == key


def test_the_palestinian_authority_is_a_body_not_the_country() -> None:
    actors = _by_name(_resolve(M("Palestinian Authority", "ORG")))
    assert actors["Palestinian Authority"].type is ActorType.ORGANIZATION


def test_kosovo_is_a_country_and_dissolved_states_are_not() -> None:
    assert _by_name(_resolve(M("Kosovo", "GPE")))["Kosovo"].type is ActorType.COUNTRY
    assert "Serbia and Montenegro" not in {c.name for c in get_gazetteer().countries.values()}


def test_the_indian_leader_is_the_leader_named_last_before_it() -> None:
    text = (
        "Prime Minister Narendra Modi held talks with President Joe Biden at the White House. "
        "Modi also addressed Congress. The Indian leader later flew to Cairo."
    )
    resolved = _resolve(
        M("Narendra Modi", "PERSON"),
        M("Joe Biden", "PERSON"),
        M("Modi", "PERSON"),
        events=(_visit(M("the Indian leader", "PERSON"), M("Cairo", "GPE")),),
        text=text,
    )
    assert resolved.events[0].agents == ("person/narendra-modi",)
    assert _by_name(resolved)["Narendra Modi"].country == "country/india"


def test_a_leader_phrase_in_the_text_gives_the_leader_a_country() -> None:
    text = "President Joe Biden met Prime Minister Narendra Modi. Modi spoke. The Indian leader then left."
    actors = _by_name(_resolve(M("Narendra Modi", "PERSON"), M("Joe Biden", "PERSON"), text=text))
    assert actors["Narendra Modi"].country == "country/india"
    assert actors["Joe Biden"].country is None


def test_a_regnal_title_stays_with_a_single_name() -> None:
    actors = _by_name(
        _resolve(M("Pope Francis", "PERSON"), M("Francis", "PERSON"), M("King Charles", "PERSON"))
    )
    assert set(actors) == {"Pope Francis", "King Charles"}
    assert actors["Pope Francis"].aliases == ("Francis",)


def test_a_prince_named_by_first_name_joins_his_full_name() -> None:
    mentions = (M("Crown Prince Mohammed bin Salman", "PERSON"), M("Prince Mohammed", "PERSON"))
    actors = _by_name(_resolve(*mentions))
    assert set(actors) == {"Mohammed bin Salman"}
    assert actors["Mohammed bin Salman"].aliases == ("Prince Mohammed",)


def test_a_person_or_ministry_imposing_sanctions_acts_for_its_state() -> None:
    trump = M("Donald Trump", "PERSON", "U.S.")
    ministry = M("China's commerce ministry", "ORG")
    sanctions = (
        RawEvent(EventType.SANCTION, (trump,), Status.OCCURRED, "x", targets=(M("Cuba", "GPE"),)),
        RawEvent(
            EventType.SANCTION, (ministry,), Status.OCCURRED, "y", targets=(M("Lockheed Martin", "ORG"),)
        ),
    )
    text = "U.S. President Donald Trump ordered sanctions on Cuba. China's commerce ministry listed Lockheed Martin."
    resolved = _resolve(trump, ministry, events=sanctions, text=text)
    actors = _by_name(resolved)
    by_person, by_ministry = resolved.events
    assert actors["United States"].key in by_person.agents and actors["Donald Trump"].key in by_person.agents
    assert actors["China"].key in by_ministry.agents


def test_office_holders_are_known_by_full_name_only_and_name_known_countries() -> None:
    from kg.extraction.places import country_code
    from kg.gazetteer import office_holder_country, office_holders

    assert office_holder_country("Joe Biden") == "United States"
    assert office_holder_country("Pedro Sánchez") == office_holder_country("Pedro Sanchez") == "Spain"
    assert office_holder_country("Biden") is None  # a surname alone could be anyone
    assert office_holder_country("Jane Q. Nobody") is None
    assert all(country_code(country) for country in set(office_holders().values()))


def test_a_province_is_not_a_foreign_town_whose_name_folds_to_it() -> None:
    gaz = get_gazetteer()
    assert gaz.city("Bali") is None  # the Indonesian province, not the Indian town "Bāli"
    assert region_country("Bali") == "ID"
    assert gaz.city("Rome") is not None and gaz.city("Rome").iso == "IT"  # type: ignore[union-attr]


def test_a_body_named_after_the_place_it_deals_with_belongs_to_its_own_state() -> None:
    text = "China's Taiwan Affairs Office said it was sanctioning Hsiao Bi-khim."
    actors = _by_name(_resolve(M("Taiwan Affairs Office", "ORG"), text=text))
    assert actors["Taiwan Affairs Office"].country == "country/china"


@pytest.mark.parametrize(
    ("name", "country"), [("Twitter", "country/united-states"), ("Samsung", "country/south-korea")]
)
def test_big_companies_the_model_takes_for_people_are_organisations(name: str, country: str) -> None:
    actors = _by_name(_resolve(Mention(name, "PERSON")))
    assert actors[name].type is ActorType.ORGANIZATION and actors[name].country == country
