"""Resolution: surface mentions in, one canonical actor per real-world actor out.

:func:`resolve` turns an :class:`~kg.model.Extraction` into a :class:`~kg.model.ResolvedArticle`:

* countries by name, alias ("U.S.", "Britain", "DPRK"), demonym ("Russian"), capital ("Moscow said") or
  seat of power ("the Kremlin"); "the North"/"the South" only when both Koreas are in the article;
* capitals and other cities used as Visit destinations become City places carrying their country;
* persons clustered within the article ("President Putin", "Putin" -> "Vladimir Putin"), titles stripped,
  "the Russian leader" taken to the one Russian leader the article names, and short names met with full
  names from earlier articles through ``known`` (see :func:`known_persons`); a person's country from
  the mention, the words around the name, or extraction's hint where the text bears it out;
* organisations by curated name or acronym ("UN", "IRGC"), acronyms the article defines ("... (BfV)"),
  country-qualified names ("South Korea's Foreign Ministry", "Russian Defence Ministry"), names
  extraction cut short completed from the text; curated bodies the text names are found even when
  extraction missed them;
* events with their roles mapped to actor keys; an event whose required roles do not resolve is dropped,
  and mentions of one real-world event are merged (same type, agents acting for the same body or state,
  same destination country or a shared target, compatible dates).

Which actors are listed: every person, organisation and city the article mentions, and every country
it names as an actor. A country known only by an adjective ("Portuguese"), by a capital used as a
location ("a meeting in Luxembourg") or as the qualifier of a person ("Estonia's Kaja Kallas") is still
the key of that actor's ``country`` but is not listed, unless it fills an event role or one of its
people takes part in an event.

Where things are: the tables in :mod:`kg.gazetteer` (data in ``kg/patterns/actors_*.jsonl``); the
rules in ``places``, ``persons``, ``organizations`` and ``events`` over a shared ``base``, put
together and dispatched to by ``article``; the words and name shapes they consult in ``names``; the
merging of one event's mentions in ``merge``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kg.gazetteer import get_gazetteer
from kg.model import Actor, ActorType, Extraction, ResolvedArticle
from kg.resolution.article import ArticleResolver
from kg.resolution.names import clean, person_tokens

__all__ = ["clean", "known_persons", "person_tokens", "resolve", "warm_up"]


def resolve(extraction: Extraction, known: Mapping[str, str] | None = None) -> ResolvedArticle:
    """The article's canonical actors and its events with roles as actor keys.

    ``known`` maps person aliases already in the store to their canonical names ("Putin" ->
    "Vladimir Putin"), so that a short name in this article meets a full name read earlier. Pure: the
    gazetteer is loaded on first use and shared.
    """
    return ArticleResolver(extraction, get_gazetteer(), known or {}).run()


def warm_up() -> None:
    """Load every table resolution uses (GeoNames cities take about a second), so that the first
    article does not pay for it; call it where the pipeline is built (an app's lifespan, a CLI run)."""
    gaz = get_gazetteer()
    _ = (
        gaz.cities,
        gaz.organization_pattern,
        gaz.qualified_organization_pattern,
        gaz.ministry_pattern,
        gaz.context_organization_patterns,
    )


def known_persons(actors: Iterable[Actor]) -> dict[str, str]:
    """The ``known`` mapping :func:`resolve` takes, from persons resolved before: every alias and the
    surname (last word) of each full name -> that canonical name. A short form shared by two persons
    ("Kim" for Kim Jong-un and Kim Yo-jong) is left out."""
    found: dict[str, set[str]] = {}
    for actor in actors:
        if actor.type is not ActorType.PERSON:
            continue
        words = actor.name.split()
        forms = {*actor.aliases, actor.name, words[-1]} if len(words) > 1 else {*actor.aliases}
        for form in forms:
            found.setdefault(form, set()).add(actor.name)
    return {
        form: next(iter(names))
        for form, names in found.items()
        if len(names) == 1 and form != next(iter(names))
    }
