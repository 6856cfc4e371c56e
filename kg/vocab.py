"""The ontology terms the code uses: the one place Python names them.

``tests/test_vocab.py`` proves every term listed in :data:`USED_TERMS` is declared in
``ontology/newskg.ttl`` and that every class the data uses has a SHACL shape.
"""

from __future__ import annotations

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace, URIRef

ONTOLOGY_IRI = "https://w3id.org/newskg/ontology"
NK = Namespace(ONTOLOGY_IRI + "#")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
GEONAMES = Namespace("https://sws.geonames.org/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

# classes
Actor = NK.Actor
Person = NK.Person
Organization = NK.Organization
Country = NK.Country
Place = NK.Place
City = NK.City
Event = NK.Event
Visit = NK.Visit
Sanction = NK.Sanction
Espionage = NK.Espionage
Article = NK.Article
Status = NK.Status

# status individuals
Occurred = NK.Occurred
Planned = NK.Planned
Alleged = NK.Alleged

# object properties
agent = NK.agent
target = NK.target
destination = NK.destination
host = NK.host
onBehalfOf = NK.onBehalfOf
reportedBy = NK.reportedBy
status = NK.status
mentionedIn = NK.mentionedIn
country = NK.country

# data properties
date = NK.date
dateText = NK.dateText
evidence = NK.evidence
isoCode = NK.isoCode

CLASSES: tuple[URIRef, ...] = (
    Actor,
    Person,
    Organization,
    Country,
    Place,
    City,
    Event,
    Visit,
    Sanction,
    Espionage,
    Article,
    Status,
)
DATA_CLASSES: tuple[URIRef, ...] = (Person, Organization, Country, City, Visit, Sanction, Espionage, Article)
"""Classes that instance data is typed with; each has a node shape."""
STATUSES: tuple[URIRef, ...] = (Occurred, Planned, Alleged)
OBJECT_PROPERTIES: tuple[URIRef, ...] = (
    agent,
    target,
    destination,
    host,
    onBehalfOf,
    reportedBy,
    status,
    mentionedIn,
    country,
)
DATA_PROPERTIES: tuple[URIRef, ...] = (date, dateText, evidence, isoCode)
USED_TERMS: tuple[URIRef, ...] = CLASSES + STATUSES + OBJECT_PROPERTIES + DATA_PROPERTIES

PREFIXES: dict[str, str] = {
    "nk": str(NK),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "sem": str(SEM),
    "foaf": str(FOAF),
}


def sparql_prologue() -> str:
    """PREFIX lines for every prefix above, for queries the code writes."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
