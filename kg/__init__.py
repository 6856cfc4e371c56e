"""newskg: geopolitical news in, a SHACL-validated event knowledge graph out."""

__version__ = "0.1.0"
