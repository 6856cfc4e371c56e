"""The ``kg`` command: ingest news, load and export RDF, query, validate, evaluate and serve.

Every command takes ``--store`` (default: NEWSKG_STORE, else ./data/store). Bad input gets one line
on stderr and a non-zero exit; tracebacks only with NEWSKG_DEBUG=1.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg import __version__
from kg.config import Settings, get_settings
from kg.errors import ExtractionFailure, InputError, NewskgError, ShapeViolation
from kg.store import EXPORT_FORMATS, Store, format_from_name, open_store

app = typer.Typer(
    name="kg",
    help="newskg: turn geopolitical news into a SHACL-validated event knowledge graph, and query it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
log = logging.getLogger("kg")

StoreOption = Annotated[
    Path | None,
    typer.Option("--store", help="Directory of the Oxigraph store [default: NEWSKG_STORE or data/store]."),
]
BaseOption = Annotated[
    str | None,
    typer.Option(
        "--base-iri", help="Base of minted IRIs [default: NEWSKG_BASE_IRI or http://localhost:8000/]."
    ),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """One clear line on stderr and a non-zero exit."""
    err.print(f"kg: error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def settings_for(store: Path | None, base_iri: str | None = None) -> Settings:
    settings = get_settings()
    update: dict[str, object] = {}
    if store is not None:
        update["store"] = store
        update["store_url"] = None
    if base_iri is not None:
        update["base_iri"] = Settings(base_iri=base_iri).base_iri
    return settings.model_copy(update=update) if update else settings


@contextmanager
def opened(settings: Settings, *, read_only: bool = False) -> Iterator[Store]:
    store = open_store(settings, read_only=read_only and settings.store.exists())
    try:
        yield store
    finally:
        store.close()


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
        console=err,
        transient=False,
        disable=not err.is_terminal,
    )


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files (.txt pages, .jsonl, .html) or folders.")
    ],
    store: StoreOption = None,
    base_iri: BaseOption = None,
) -> None:
    """Read articles, extract actors and events, validate each article's graph and store it.

    Each article is one named graph, replaced in one transaction; ingesting the same file again
    changes nothing. Unreadable files, articles whose graph violates the shapes and articles the
    extractor fails on are reported, the rest are stored, and the exit code is 1 if anything failed.

    Example: kg ingest ../shared/corpus/dev/ --store data/store
    """
    from kg.pipeline import ArticleOutcome, Pipeline, read_paths

    settings = settings_for(store, base_iri)
    read = read_paths(paths)
    for failure in read.failures:
        err.print(f"kg: cannot read {failure}", markup=False, highlight=False, soft_wrap=True)
    with opened(settings) as kg_store:
        pipeline = Pipeline(settings, kg_store)
        with _progress() as progress:
            task = progress.add_task("ingesting", total=len(read.articles), current="")

            def advance(
                article: object, outcome: ArticleOutcome | ShapeViolation | ExtractionFailure
            ) -> None:
                if isinstance(outcome, ShapeViolation | ExtractionFailure):
                    err.print(f"kg: rejected {outcome}", markup=False, highlight=False, soft_wrap=True)
                if isinstance(outcome, ShapeViolation):
                    report = getattr(outcome.report, "text", "")
                    if report:
                        err.print(report, markup=False, highlight=False)
                progress.update(task, advance=1, current=getattr(article, "source", ""))

            from kg.model import IngestSummary

            summary = IngestSummary(failed=[str(f) for f in read.failures])
            if read.articles:
                pipeline.ingest(read.articles, summary, on_article=advance)
        counts = kg_store.counts()
    events = ", ".join(f"{n} {t}" for t, n in sorted(summary.events_by_type.items())) or "no events"
    out.print(
        f"ingested {summary.articles} article(s) ({summary.unchanged} unchanged): {events}; "
        f"rejected {len(summary.rejected)}, unreadable {len(summary.failed)}",
        highlight=False,
    )
    out.print(
        f"store {settings.store}: {counts.articles} articles, {counts.actors} actors, "
        f"{counts.events} events, {counts.triples} triples",
        highlight=False,
    )
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def load(
    files: Annotated[
        list[Path], typer.Argument(help="RDF files: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.")
    ],
    store: StoreOption = None,
    graph: Annotated[
        str | None,
        typer.Option(help="Named graph for triples outside any graph [default: {base}id/graph/<file name>]."),
    ] = None,
    rdf_format: Annotated[
        str | None, typer.Option("--format", help="Format name or extension [default: from the file name].")
    ] = None,
    base_iri: BaseOption = None,
) -> None:
    """Import RDF into the store, each file in one transaction.

    Example: kg load extra.ttl --graph http://localhost:8000/id/graph/extra
    """
    from kg import iris

    settings = settings_for(store, base_iri)
    for file in files:
        if not file.is_file():
            fail(f"{file}: no such file")
    with opened(settings) as kg_store:
        for file in files:
            fmt = format_from_name(rdf_format or file.suffix or "")
            target = graph or iris.iri(settings.base_iri, iris.graph_key(file.stem))
            try:
                added = kg_store.load(file.read_bytes(), fmt, target, base_iri=file.resolve().as_uri())
            except InputError as exc:
                fail(f"{file}: {exc}")
            out.print(f"loaded {added} triple(s) from {file} into <{target}>", highlight=False)


def _read_query(query: str) -> str:
    if query.startswith("@"):
        path = Path(query[1:])
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read the query file {path}: {exc}")
    if query == "-":
        return sys.stdin.read()
    return query


@app.command()
def query(
    sparql: Annotated[
        str, typer.Argument(help="A SPARQL query, @FILE to read it from a file, or - for stdin.")
    ],
    store: StoreOption = None,
    result_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="table, json or csv for SELECT/ASK; turtle, ntriples, jsonld... for CONSTRUCT/DESCRIBE.",
        ),
    ] = "table",
) -> None:
    """Run a SPARQL query over the store (the default graph is the union of all articles).

    The usual prefixes (nk:, rdfs:, skos:, prov:, dcterms:, schema:, xsd:) are predeclared.

    Example: kg query 'SELECT ?e ?date WHERE { ?e a nk:Visit ; nk:date ?date }'
    """
    import pyoxigraph as ox

    text = _read_query(sparql)
    settings = settings_for(store)
    with opened(settings, read_only=True) as kg_store:
        result = kg_store.query(text)
        if isinstance(result, ox.QueryTriples):
            fmt = format_from_name("turtle" if result_format == "table" else result_format)
            buffer = io.BytesIO()
            ox.serialize(result, buffer, format=fmt)
            sys.stdout.write(buffer.getvalue().decode("utf-8"))
            return
        if isinstance(result, ox.QueryBoolean):
            value = bool(result)
            print(json.dumps({"boolean": value}) if result_format == "json" else str(value).lower())
            return
        variables = [v.value for v in result.variables]
        rows = [{n: str(s[n].value) if s[n] is not None else "" for n in variables} for s in result]
    if result_format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif result_format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=variables, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif result_format == "table":
        table = Table(*variables, show_lines=False)
        for row in rows:
            table.add_row(*(row[n] for n in variables))
        out.print(table)
        out.print(f"{len(rows)} row(s)", highlight=False)
    else:
        fail(f"--format {result_format} is not a result format for SELECT; use table, json or csv")


@app.command()
def export(
    rdf_format: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}.")
    ] = "nquads",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write [default: stdout].")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Export the store. N-Quads and TriG keep each article's named graph; Turtle, N-Triples,
    JSON-LD (compact, with newskg's @context) and RDF/XML give the merged graph.

    Example: kg export --format trig -o newskg.trig
    """
    if rdf_format not in EXPORT_FORMATS:
        fail(f"unknown export format {rdf_format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    settings = settings_for(store)
    buffer = io.BytesIO()
    with opened(settings, read_only=True) as kg_store:
        if rdf_format == "jsonld":
            from rdflib import Graph

            from kg.jsonld import compact

            raw = io.BytesIO()
            kg_store.export(raw, format_from_name("ntriples"))
            graph = Graph().parse(data=raw.getvalue().decode("utf-8"), format="nt")
            buffer.write(compact(graph).encode("utf-8"))
        else:
            kg_store.export(buffer, format_from_name(rdf_format))
    data = buffer.getvalue()
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        err.print(f"wrote {len(data)} bytes to {output}", highlight=False)


@app.command()
def validate(store: StoreOption = None) -> None:
    """Check the whole store (its merged graph) against the SHACL shapes; exit 1 if it does not conform."""
    from rdflib import Graph

    from kg import validation

    settings = settings_for(store)
    raw = io.BytesIO()
    with opened(settings, read_only=True) as kg_store:
        kg_store.export(raw, format_from_name("ntriples"))
    graph = Graph().parse(data=raw.getvalue().decode("utf-8"), format="nt")
    report = validation.validate(graph)
    if report.conforms:
        out.print(f"conforms: {len(graph)} triples checked against shapes/newskg.ttl", highlight=False)
        return
    out.print(report.text, markup=False, highlight=False)
    raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[
        list[Path], typer.Option("--gold", help="Folder of gold annotation files (*.json); repeatable.")
    ],
    store: StoreOption = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List misses and false positives.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the store's events and actors against gold annotations (../shared/corpus/ANNOTATION.md).

    Example: kg evaluate --gold ../shared/corpus/seed --gold ../shared/corpus/dev --verbose
    """
    from kg import evaluate as scorer

    gold_docs = []
    for folder in gold:
        if not folder.is_dir():
            fail(f"{folder}: not a folder of gold files")
        found = scorer.load_gold(folder)
        if not found:
            fail(f"{folder}: no gold *.json files")
        gold_docs.extend(found)
    settings = settings_for(store)
    with opened(settings, read_only=True) as kg_store:
        predicted = scorer.predictions_from_store(kg_store.select, settings.base_iri)
    scores = scorer.score(gold_docs, predicted)
    print(json.dumps(scores.to_dict(), indent=2) if as_json else scores.render(verbose=verbose))


@app.command()
def serve(
    store: StoreOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    base_iri: BaseOption = None,
) -> None:
    """Serve the SPARQL endpoint, linked-data pages and ingest API over HTTP.

    Example: kg serve --store data/store --port 8000, then open http://127.0.0.1:8000/
    """
    # The one place kg reaches into api: the command line starts the server.
    from api.app import run

    settings = settings_for(store, base_iri)
    run(settings, host=host, port=port)


def _version(value: bool) -> None:
    if value:
        print(f"newskg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--log", help="Log progress details to stderr.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


def main() -> None:
    """Console entry point: domain errors become one line on stderr."""
    debug = bool(os.environ.get("NEWSKG_DEBUG"))
    try:
        app()
    except NewskgError as exc:
        if debug:
            raise
        err.print(f"kg: error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("kg: interrupted", highlight=False)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a bug, reported without a traceback wall
        if debug:
            raise
        err.print(
            f"kg: internal error: {type(exc).__name__}: {exc} (set NEWSKG_DEBUG=1 for the traceback)",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(70)
