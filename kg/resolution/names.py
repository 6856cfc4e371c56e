"""The words and shapes of names that resolution's rules consult: titles of offices, generic words,
the patterns that split "X (ACR)", "A's B", "President of X", and the normal forms of a mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.gazetteer import fold

NICKNAME = re.compile(r"\s*\([A-Z][a-z]+\)\s*")
# "a former " right before a name, and a lower-case noun right after one (who/which/that are no nouns)
INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?(?: (?!(?:at|in|of|for|from|with|on|to|by|as)\b)[a-z]+){0,2} $")
LOWER_WORD_AFTER = re.compile(r" (?!(?:who|which|that|and|or|in|at|of|for|from|with|on|to|is|was)\b)[a-z]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


LEADER_WORDS = _words("leader president premier chancellor") | {"prime minister", "head of state"}
# Titles that stay part of a one-word name: "Pope Francis", "King Charles", "Emir Tamim"
REGNAL_TITLES = _words("pope king queen prince princess emperor empress emir sheikh sultan") | {
    "crown prince"
}
# "the Indian leader": a leader named by the adjective of their country
LEADER_PHRASE = re.compile(
    r"\b[Tt]he ([A-Z]\w+(?: [A-Z]\w+)?) (?:leader|president|prime minister|premier|chancellor)\b"
)

# Words that make an organisation name generic when it has nothing else ("the ministry").
GENERIC_ORG_WORDS = _words(
    """ministry department office government administration cabinet parliament council agency
    authority authorities police military army navy forces force service services court party
    embassy consulate committee commission officials state states regime intelligence security
    defence defense foreign interior justice home federal national central public prosecutors
    prosecutor prosecutor's people media company companies group firm bank treasury"""
)
INSTITUTIONS = _words(
    """ministry department office agency court tribunal council parliament assembly commission bureau
    committee service police"""
)
GOVERNMENT_HEADS = _words("ministry office department")  # a government's own bodies
DOMAIN_WORDS = GENERIC_ORG_WORDS | _words(
    """supreme constitutional district high appeals commerce trade economy economic finance health
    education energy environment industry labour labor unification affairs development culture
    transport agriculture information communications science technology"""
)
TIME_WORDS = _words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december today yesterday tomorrow week month year"""
)
NAME_MODIFIERS = frozenset({"former", "then", "acting", "deputy", "new", "late", "outgoing", "incoming"})
BIG_CITY = 100_000  # a single word naming a city this large is not taken for a person
LED_BY = re.compile(r"^\S+-(?:led|backed|based|owned|run|funded|made)\s+")
NAME_JOINERS = frozenset({"and", "of", "for", "&"})
DIRECTIONS = frozenset({"west", "east", "north", "south"})
LOCATIVES = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "from"})
REGION_OF = re.compile(
    r"\b(?:in|across|from|into)\s+(?:the\s+)?(?:north|south|east|west|central)(?:ern|-eastern|-western)?\s+$",
    re.IGNORECASE,
)
FINAL_Y = re.compile(r"(?<=[kKnN])(?:yy|iy)$")  # Zelenskyy, Zelenskiy -> Zelensky; Dmitriy stays
CLAUSE_BREAK = re.compile(r"[,;:()\n\"“”]")
SENTENCE_END = re.compile(r"(?<![A-Z])[.!?]\s+")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACRONYM_DEF = re.compile(  # a long form stays on its line: a heading above it is no part of the name
    r"((?:[A-Z][\w'’&.-]*)(?:[^\S\n]+(?:[A-Z][\w'’&.-]*|of|for|the|and|on|in|de|du|des|der|für|&))*)"
    r"[^\S\n]*\(([A-Z][A-Za-z0-9&.\-]{1,9})\)"
)
SPACES = re.compile(r"\s+")
POSSESSIVE = re.compile(r"\s*(?:'s|’s|'|’)$")
PLACE_BEFORE = re.compile(
    r"\b(?:island|islands|region|province|prefecture|state|city|town|village|peninsula|county|district)"
    r" of\s+$",
    re.IGNORECASE,
)
PLACE_AFTER = re.compile(
    r"(?:-based\b|\s+(?:peninsula|prefecture|region|province|island|islands|coast|strait|river|mountains)\b"
    r"|,\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:county|region|province|prefecture|district|state)\b)",
    re.IGNORECASE,
)
# "the Indonesian island of", "Peru's southern province of": the country a place is in
PLACE_OF_COUNTRY = re.compile(
    r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?:'s|’s)?)\s+(?:[a-z]+\s+)?"
    r"(?:island|islands|province|region|state|city|town|resort|port|prefecture|county)\s+of\s+$"
)
# What a capital names when it names no government: "the Minsk process", "the Oslo accords"
NAMED_PROCESS = re.compile(
    r"\s+(?:peace\s+)?(?:process|format|agreements?|accords?|protocol|declaration|framework)\b"
)
# A self-proclaimed state named like a country but unknown to the tables ("the Northvale People's
# Republic"): an organisation, as annotators type breakaway entities
SELF_PROCLAIMED = re.compile(r"\b(?!Democratic\b)[A-Z][\w-]+ (?:People's|People’s) Republic$")
# A product's model or a disease, never an actor: "Korsak-7", "FLU-21", "Su-35"
MODEL_NAME = re.compile(r"^[A-Za-z]+-\d+[A-Za-z]?$")
# Words that end a meeting's name, not a body's: "the Lisbon Climate Summit", "the Shangri-La Dialogue"
GATHERINGS = _words("summit games olympics expo dialogue")
# An award named in an apposition: "the Order of X, the country's highest honour"
AWARD_AFTER = re.compile(
    r",\s+(?:\w+(?:'s|’s)\s+)?(?:[\w-]+\s+){0,2}(?:award|prize|medal|honour|honor|decoration)s?\b"
)
# Words that end a newspaper's or an agency's name: "The Harbour Journal", "The Daily Times"
NEWS_HEADS = _words(
    "journal times post news herald tribune telegraph gazette guardian economist observer monitor"
)
# Nouns that introduce a company's name ("state broadcaster NBVX", "chipmaker X")
COMPANY_NOUN = re.compile(
    r"\b(?:maker|makers|chipmaker|carmaker|automaker|firm|company|group|broadcaster|carrier|airline"
    r"|manufacturer|supplier|giant|conglomerate|lender|operator|producer|developer|designer|agency)\s+$"
)
PHOTO_CREDIT = re.compile(
    r"\([^()\n]*/[^()\n]*\)"
)  # "(Reuters/File Photo)", "(Ministry/The Associated Press)"
OFFICE_OF = re.compile(r"^(.+?) of (?:the )?(.+)$")
POSSESSIVE_SPLIT = re.compile(r"^(.+?)(?:'s|’s)\s+(.+)$")
PARENTHESISED = re.compile(r"^(.+?)\s*\(([^()]+)\)$")


@lru_cache(maxsize=16384)
def clean(text: str) -> str:
    """A mention as a name: one space between words, no leading 'the', no trailing possessive."""
    # a slash at either end is a photo credit's joint ("(Japan Cabinet Office/AP)"), not part of the name
    text = SPACES.sub(" ", text.replace("\u00a0", " ")).strip(" \t\n\"'“”‘’,;:[]/")
    if text.count("(") != text.count(")"):
        text = text.strip("()").strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    return POSSESSIVE.sub("", text).strip()


def person_tokens(name: str) -> tuple[str, ...]:
    """A person's name as comparable tokens: folded, with transliteration variants merged.

    'Zelenskyy', 'Zelenskiy' and 'Zelensky' (the final y of Ukrainian and Russian names as the
    national, Reuters and AP styles write it), or 'Jong-un' and 'Jong Un', give the same tokens.
    """
    return tuple(FINAL_Y.sub("y", token) for token in fold(name).split())


def display_person(name: str) -> str:
    """The canonical spelling of a person's name: transliteration variants in their common English form."""
    return " ".join(FINAL_Y.sub("y", word) for word in name.split())


def is_part(tokens: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether a shorter name is the start or the end of a longer one ("Putin", "von der Leyen", "Kim")."""
    size = len(tokens)
    return size < len(whole) and (whole[:size] == tokens or whole[-size:] == tokens)


def is_junk(text: str) -> bool:
    folded = fold(text)
    if not folded or not any(c.isalpha() for c in folded):
        return True
    words = folded.split()
    return all(w in TIME_WORDS or w.isdigit() for w in words)


def is_generic(name: str) -> bool:
    return all(
        word in GENERIC_ORG_WORDS or word in {"of", "the", "and", "for"} for word in fold(name).split()
    )


def is_institution(name: str) -> bool:
    """Whether a name is generic words ending in an institution ("commerce ministry", "Supreme Court")."""
    words = fold(name).split()
    return bool(words) and words[-1] in INSTITUTIONS and all(w in DOMAIN_WORDS for w in words)


def capitalised(name: str) -> str:
    return " ".join(w if w in {"of", "the", "and", "for"} else w[:1].upper() + w[1:] for w in name.split())


def is_bare_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return " " not in text and letters.isalpha() and letters.isupper() and len(letters) <= 5


def is_abbreviation(word: str) -> bool:
    return word.replace(".", "").isupper() and len(word.replace(".", "")) <= 4
