"""Example SPARQL queries a new user can click (home page and query page).

Prefixes nk:, rdfs:, dcterms:, prov:... are predeclared by the store, so the examples stay short.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    title: str
    query: str


EXAMPLES = (
    Example(
        "The latest events",
        """SELECT ?date ?type ?agent ?where_or_whom ?event WHERE {
  ?event a ?type ; nk:date ?date .
  VALUES ?type { nk:Visit nk:Sanction nk:Espionage }
  OPTIONAL { ?event nk:agent/rdfs:label ?agent }
  OPTIONAL { ?event (nk:destination|nk:target)/rdfs:label ?where_or_whom }
}
ORDER BY DESC(STR(?date))
LIMIT 20""",
    ),
    Example(
        "Who visited where, and who hosted them",
        """SELECT ?visitor ?destination ?host ?date WHERE {
  ?visit a nk:Visit ; nk:agent/rdfs:label ?visitor ;
         nk:destination/rdfs:label ?destination .
  OPTIONAL { ?visit nk:host/rdfs:label ?host }
  OPTIONAL { ?visit nk:date ?date }
}
ORDER BY ?date""",
    ),
    Example(
        "Who sanctions whom",
        """SELECT ?imposer ?target ?date ?status WHERE {
  ?s a nk:Sanction ; nk:agent/rdfs:label ?imposer ;
     nk:target/rdfs:label ?target ; nk:status ?status .
  OPTIONAL { ?s nk:date ?date }
}
ORDER BY ?date""",
    ),
    Example(
        "Espionage: who spied on whom, for whom, says who",
        """SELECT ?spy ?target ?forState ?reportedBy WHERE {
  ?e a nk:Espionage ; nk:agent/rdfs:label ?spy .
  OPTIONAL { ?e nk:target/rdfs:label ?target }
  OPTIONAL { ?e nk:onBehalfOf/rdfs:label ?forState }
  OPTIONAL { ?e nk:reportedBy/rdfs:label ?reportedBy }
}""",
    ),
    Example(
        "The most active actors",
        """SELECT ?actor ?name (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event nk:agent|nk:target|nk:host ?actor .
  ?actor rdfs:label ?name .
}
GROUP BY ?actor ?name
ORDER BY DESC(?events)
LIMIT 20""",
    ),
    Example(
        "Each article and the events read from it",
        """SELECT ?title (COUNT(?event) AS ?events) WHERE {
  ?article a nk:Article ; dcterms:title ?title .
  OPTIONAL { ?event prov:wasDerivedFrom ?article }
}
GROUP BY ?title
ORDER BY DESC(?events)""",
    ),
    Example(
        "Events and their types, as a graph (CONSTRUCT, shown as Turtle)",
        """CONSTRUCT { ?event a ?type ; rdfs:label ?label }
WHERE {
  ?event a ?type ; rdfs:label ?label .
  VALUES ?type { nk:Visit nk:Sanction nk:Espionage }
}
LIMIT 50""",
    ),
)
