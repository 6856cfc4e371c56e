"""kg/nlp.py entity repairs for names the small model breaks: companies, agencies, titled people.

The sentences are invented; each test names the construction it covers.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def ents(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    ("sentence", "company"),
    [
        ("The ministry fined Ningbo Harbour Crane Co. and two banks.", "Ningbo Harbour Crane Co."),
        ("Investors sold shares of Osaka Electron on Monday.", "Osaka Electron"),
        ("Passengers of Kenya Air were stranded.", "Kenya Air"),
        ("Regulators approved a drug from Nordlys Pharma last year.", "Nordlys Pharma"),
        (
            "Analysts praised Lisbon Micro Electronics Equipment for its tools.",
            "Lisbon Micro Electronics Equipment",
        ),
    ],
)
def test_a_legal_form_or_line_of_business_ends_a_company_name(nlp, sentence: str, company: str) -> None:  # type: ignore[no-untyped-def]
    assert (company, "ORG") in ents(nlp(sentence))


def test_a_company_name_is_not_split_at_its_legal_form(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("The agency named Qingdao Bright Star Rotor Industry Chengdu Co., a drone maker."))
    assert ("Qingdao Bright Star Rotor Industry Chengdu Co.", "ORG") in found
    assert not any(label == "PERSON" for _, label in found)


def test_a_company_noun_introduces_company_names(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(
        nlp("Rules hit equipment makers KLTX and Osaka Electron, and state broadcaster NBVX said so.")
    )
    assert ("KLTX", "ORG") in found
    assert ("Osaka Electron", "ORG") in found
    assert ("NBVX", "ORG") in found
    found = ents(nlp("The curbs hit companies such as Daewon Electronics and JK Memtek."))
    assert ("JK Memtek", "ORG") in found


def test_a_camel_case_word_is_a_company(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("The satellite flew on a RocketCo booster, and McAllister watched."))
    assert ("RocketCo", "ORG") in found
    assert ("McAllister", "ORG") not in found


def test_names_joined_by_an_ampersand_or_a_hyphenated_place_stay_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("She wrote for Global News & World Digest and for Agence France-Presse."))
    assert ("Global News & World Digest", "ORG") in found
    assert ("Agence France-Presse", "ORG") in found
    assert ("France", "GPE") not in found


def test_a_possessive_inside_an_office_name_is_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "He was held, the Madrid Public Prosecutor's Office said, and London's Metropolitan Police agreed."
    found = ents(nlp(text))
    assert any(t.endswith("Madrid Public Prosecutor's Office") and label == "ORG" for t, label in found)
    assert ("London's Metropolitan Police", "ORG") not in found


def test_a_name_after_a_title_is_a_person_even_inside_an_organisation_span(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(
        nlp("Among them was the prison's governor, Pavel Orlenko. State Prosecutor Kaia Tamm spoke.")
    )
    assert ("Pavel Orlenko", "ORG") not in found
    assert ("Kaia Tamm", "PERSON") in found


def test_models_and_plural_nouns_opening_a_sentence_are_no_names(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("The airline ordered 40 Airbus A320 Neo jets. Neighbours said they heard nothing."))
    assert ("Neo", "PERSON") not in found
    assert ("Neighbours", "ORG") not in found


def test_the_common_noun_opening_an_organisation_span_is_trimmed(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("He heads the general office of the Communist Party in the province."))
    assert all(not text.startswith("office") for text, _ in found)


def test_a_first_name_that_is_a_month_starts_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(
        nlp("Secrets passed through June Abernathy, the former executive, officials said. In May Putin left.")
    )
    assert ("June Abernathy", "PERSON") in found
    assert ("May Putin", "PERSON") not in found


def test_company_rules_leave_years_days_and_titles_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(
        nlp(
            "In 2014 Putin annexed Crimea. The company Monday said it would sue. "
            "The firm Chairman John Smith resigned. On Monday Osaka Electron said it would appeal."
        )
    )
    assert ("Putin", "PERSON") in found
    assert ("Monday", "ORG") not in found
    assert ("John Smith", "PERSON") in found
    assert ("Osaka Electron", "ORG") in found


def test_a_bare_name_listed_between_organisations_is_one(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("He was joined by the heads of Alpha Corp, KLTX and the shipping group Beta Group."))
    assert ("KLTX", "ORG") in found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("In Cairo he toured the Sultan Hassan Grand Mosque.", "Hassan Grand Mosque"),
        ("Troops landed at Joint Base Lewis-McChord on Friday.", "Joint Base Lewis-McChord"),
        ("Aid trucks waited at the edge of the Gaza Strip.", "Gaza Strip"),
    ],
)
def test_a_building_or_site_is_no_person(nlp, sentence: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(label == "PERSON" and name in text for text, label in ents(nlp(sentence)))


def test_a_name_before_an_institution_word_is_that_institution(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("Beijing sanctioned the Harold Becker Memorial Library in Ohio on Friday."))
    assert not any(label == "PERSON" for _, label in found)


def test_a_title_before_a_cut_name_starts_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("He was greeted by President Mahamat Idriss Deby on his arrival in the capital."))
    assert ("Mahamat Idriss Deby", "PERSON") in found


def test_a_hyphenated_first_name_after_a_national_title_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("The visit was hosted by Kazakh President Kassym-Jomart Tokayev in the capital."))
    assert ("Kassym-Jomart Tokayev", "PERSON") in found


def test_a_word_that_only_qualifies_a_noun_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(
        nlp("Police questioned a Sikh activist. The Sikh community protested the Lend-Lease programme.")
    )
    assert not any(label == "PERSON" for _, label in found)


def test_a_plural_company_noun_introduces_company_names(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("The sanctions target producers Gazprom Neft and Surgutneftegas and their tankers."))
    assert ("Surgutneftegas", "ORG") in found


def test_the_end_of_a_persons_name_opening_a_sentence_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Commission President Ursula von der Leyen arrived on Monday. Von der Leyen announced new aid.")
    assert ("Von der Leyen", "PERSON") in ents(doc)


def test_a_name_with_a_particle_inside_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("The leaders - Brazil's Luiz Inacio Lula da Silva and others - will attend."))
    assert ("Luiz Inacio Lula da Silva", "PERSON") in found


def test_a_peoples_adjective_is_no_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police said the killing of Sikh activist Ravi Gill was planned. Many Sikhs live in the city.")
    assert not any(text == "Sikh" and label in ("ORG", "PERSON") for text, label in ents(doc))


def test_an_organisation_after_a_or_an_names_a_member(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("Trickett is a former Royal Marine who worked for the Border Force."))
    assert ("Royal Marine", "ORG") not in found


def test_a_name_before_a_site_word_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("In Qatar, the president visited the Al Karim air base on Thursday."))
    assert not any(label == "PERSON" for _, label in found)


def test_a_body_named_for_two_kinds_of_member_is_one_name(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("Beijing also sanctioned the Federation of Nordic Farmers and Fishermen on Friday."))
    assert not any(text == "Federation of Nordic Farmers" for text, _ in found)


def test_a_bare_name_before_a_title_in_apposition_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("Marco Belvane, the top security adviser to the president, was in Lima on Monday."))
    assert ("Marco Belvane", "PERSON") in found


def test_a_bracketed_nickname_inside_a_name_is_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("Officers charged Bo Keung (Sammy) Lau, 41, on Monday."))
    assert ("Bo Keung (Sammy) Lau", "PERSON") in found


def test_names_listed_after_a_person_are_people(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "The court heard from Mila Dragneva. Dragneva, Yoana Petkova and Stanimir Kolchev were convicted "
        "at the court on Friday."
    )
    found = ents(doc)
    assert not any(label == "ORG" for _, label in found)


def test_a_company_listed_after_a_person_stays_a_company(nlp) -> None:  # type: ignore[no-untyped-def]
    found = ents(nlp("Investors in Sofia, Anna Markova and Balkan Steel Group lost money."))
    assert not any(label == "PERSON" and "Steel" in text for text, label in found)


def test_a_person_listed_after_a_countrys_possessive_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "The leaders - Chile's Marta Olivares, China's Zhao Lanfeng and India's Arvind Mehra - are expected."
    )
    found = ents(doc)
    assert ("Zhao Lanfeng", "PERSON") in found
    assert ("Arvind Mehra", "PERSON") in found


def test_a_surname_the_model_leaves_untagged_is_the_person_named_in_full(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("President Donald Trump began a Gulf tour on Tuesday. Trump flew into Riyadh on Tuesday.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Donald Trump", "Trump"]


def test_a_common_word_that_is_also_a_surname_stays_untagged(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Prime Minister Theresa May spoke on Monday. Talks may resume in May.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Theresa May"]


def test_a_middle_name_used_alone_is_the_person_named_in_full(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("President Andres Manuel Lopez Obrador spoke on Monday. Lopez leaves Mexico City on Friday.")
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert people[0] == "Andres Manuel Lopez Obrador" and "Lopez" in people


@pytest.mark.model
def test_the_name_a_person_is_known_by_is_a_person_everywhere(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "The army fought the militia of its rival, Mohamed Hamdan Dagalo, widely known as Hemedti. "
        "Hemedti toured Africa last year. Washington froze the assets of Hemedti on Tuesday."
    )
    found = ents(doc)
    assert ("Mohamed Hamdan Dagalo", "PERSON") in found
    assert [label for text, label in found if text == "Hemedti"] == ["PERSON"] * 3


@pytest.mark.model
def test_a_name_set_off_after_a_persons_role_starts_at_its_first_word(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Washington imposed sanctions on Dagalo's brother and deputy, Abdelrahim Hamdan Dagalo, over abuses."
    )
    assert ("Abdelrahim Hamdan Dagalo", "PERSON") in ents(doc)


@pytest.mark.model
def test_a_name_the_model_cuts_in_two_is_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The talks followed the arrival of Pakistani Foreign Minister Bilawal Bhutto Zardari in Goa.")
    assert ("Bilawal Bhutto Zardari", "PERSON") in ents(doc)
    doc = nlp("Chinese President Xi Jinping and Russian President Vladimir Putin met on Monday.")
    assert [text for text, label in ents(doc) if label == "PERSON"] == ["Xi Jinping", "Vladimir Putin"]


@pytest.mark.model
def test_a_company_name_with_paired_lines_of_business_is_one_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "The Treasury sanctioned Wuhan Xiaoruizhi Science and Technology Company, which it called a front."
    )
    assert ("Wuhan Xiaoruizhi Science and Technology Company", "ORG") in ents(doc)


@pytest.mark.model
def test_a_name_described_as_a_body_is_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Blinken announced sanctions on Rossiya Segodnya, the state media group behind RT, on Friday.")
    assert ("Rossiya Segodnya", "ORG") in ents(doc)
    doc = nlp("Putin flew to Astana, the Kazakh capital, on Monday.")
    assert ("Astana", "GPE") in ents(doc)


@pytest.mark.model
def test_a_name_ending_in_limited_is_one_company(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Washington sanctioned Shenzhen Hexin Trading Limited on Monday.")
    assert ("Shenzhen Hexin Trading Limited", "ORG") in ents(doc)


@pytest.mark.model
def test_a_named_treaty_or_act_is_a_document_not_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Vienna Convention protects diplomats, and the Caesar Act took effect in 2020.")
    assert [label for text, label in ents(doc) if "Convention" in text or "Act" in text] == ["LAW", "LAW"]
