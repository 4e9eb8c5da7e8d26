"""``geomap extract`` and ``geomap schema``: the geoparser's JSON contract on the command line."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from .gazetteer_cli import gazetteer_option, progress_setting
from .models import Extraction
from .run import run


def date_option(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json",
              show_default=True)
@click.option("--published", callback=date_option, default=None,
              help="Publication date (YYYY-MM-DD) for documents that do not state one.")
@click.option("--jobs", type=click.IntRange(1, 256), default=None,
              help="Worker processes (default: all cores).")
@gazetteer_option
def extract_command(paths: tuple[str, ...], fmt: str, published: dt.date | None,
                    jobs: int | None, gazetteer_path: str | None) -> None:
    """Find places and events in articles (.txt, .jsonl, .html, folders, globs, - for stdin)."""
    result = run(list(paths), gazetteer=gazetteer_path, published=published, jobs=jobs,
                 progress=progress_setting())
    docs = result.documents
    if fmt == "json":
        click.echo(Extraction(documents=docs, events=result.events).model_dump_json(indent=2))
    else:
        for doc in docs:
            click.echo(f"{doc.id}: {doc.status}{' ' + doc.error if doc.error else ''}")
            for m in doc.mentions:
                where = f"{m.place.name} ({m.place.country_code}) {m.place.lat:.3f}, " \
                        f"{m.place.lon:.3f}" if m.place else "unresolved"
                click.echo(f"  {m.start:>6}-{m.end:<6} {m.kind:<17} {m.text!r}: {where}")
    if any(d.status == "error" for d in docs):
        sys.exit(1)


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of `geomap extract`'s output."""
    click.echo(json.dumps(Extraction.model_json_schema(mode="serialization"), indent=2))
