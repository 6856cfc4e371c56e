"""The newskg HTTP API: SPARQL 1.1 Protocol, dereferenceable IRIs, ingest, ontology and HTML pages.

``api.app.create_app`` builds the FastAPI application; ``api.app.run`` serves it with uvicorn.
This package's ``__init__`` imports nothing, so that query worker processes (``api.workers``)
start without loading FastAPI.
"""
