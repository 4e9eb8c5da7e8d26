"""``geomap map`` and ``geomap demo``: a batch of articles to a map, GeoJSON, CSV and a report."""

from __future__ import annotations

import sys
from collections import Counter
from importlib import resources
from pathlib import Path

import click

from .atomic import write_json_atomic
from .extract_cli import date_option
from .gazetteer_cli import gazetteer_option, progress_setting
from .run import Result, run


@click.command("map")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True,
              help="The HTML map to write, e.g. output/karabakh.html.")
@click.option("--geojson", type=click.Path(dir_okay=False), help="Also write GeoJSON here.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False),
              help="Also write events as ACLED-style CSV here.")
@click.option("--report", type=click.Path(dir_okay=False), help="Also write the JSON run report.")
@click.option("--jobs", type=click.IntRange(1, 256), default=None,
              help="Worker processes (default: all cores).")
@click.option("--published", callback=date_option, default=None,
              help="Publication date (YYYY-MM-DD) for documents that do not state one.")
@click.option("--title", default="geomap", show_default=True)
@click.option("--cdn", is_flag=True, help="Link Leaflet from a CDN instead of inlining it.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary.")
@gazetteer_option
def map_command(paths, output, geojson, csv_path, report, jobs, published, title, cdn, quiet,
                gazetteer_path) -> None:
    """Map the events and places in articles (.txt, .jsonl, .html, folders, globs, - for stdin)."""
    result = run(list(paths), gazetteer=gazetteer_path, published=published, jobs=jobs,
                 progress=progress_setting(quiet), compact=True)
    written = _write_outputs(result, output, geojson, csv_path, report, title, not cdn)
    if not quiet:
        _summary(result, written)
    if result.report.failed:
        sys.exit(1)


def _write_outputs(result: Result, html: str, geojson: str | None, csv_path: str | None,
                   report: str | None, title: str, offline: bool) -> list[str]:
    Path(html).parent.mkdir(parents=True, exist_ok=True)
    result.to_map(html, title=title, offline=offline)
    written = [html]
    if geojson:
        result.to_geojson(geojson)
        written.append(geojson)
    if csv_path:
        result.to_csv(csv_path)
        written.append(csv_path)
    if report:
        write_json_atomic(report, result.report.model_dump_json(indent=2))
        written.append(report)
    return written


def _summary(result: Result, written: list[str]) -> None:
    mentions = [m for d in result.documents for m in d.mentions]
    places = {m.place.id for m in mentions if m.place and m.kind == "place"}
    unresolved = sorted({m.text for m in mentions if m.kind == "place" and m.place is None})
    r = result.report
    types = Counter(e.type for e in result.events if not e.background)
    click.echo(f"documents: {r.read} read, {r.ok} ok, {r.empty} empty, {r.failed} failed", err=True)
    click.echo(f"mentions: {len(mentions)}; places: {len(places)}; events: {len(result.events)}"
               + (f" ({', '.join(f'{n} {t}' for t, n in types.most_common())})" if types else ""),
               err=True)
    if unresolved:
        click.echo(f"unresolved names ({len(unresolved)}): {', '.join(unresolved[:12])}"
                   + (" ..." if len(unresolved) > 12 else ""), err=True)
    for doc in result.documents:
        if doc.status == "error":
            click.echo(f"  failed: {doc.error}", err=True)
    click.echo("wrote: " + ", ".join(written), err=True)


@click.command("demo")
@click.option("-o", "--output", default="output/demo.html", show_default=True,
              type=click.Path(dir_okay=False))
@click.option("--jobs", type=click.IntRange(1, 256), default=1, show_default=True)
@gazetteer_option
def demo_command(output: str, jobs: int, gazetteer_path: str | None) -> None:
    """Map geomap's own sample articles (invented texts) on the embedded gazetteer, offline."""
    samples = resources.files("geomap").joinpath("samples")
    with resources.as_file(samples) as folder:
        result = run([Path(folder)], gazetteer=gazetteer_path, jobs=jobs,
                     progress=progress_setting(), compact=True)
    stem = Path(output).with_suffix("")
    written = _write_outputs(result, output, f"{stem}.geojson", f"{stem}.csv",
                             f"{stem}-report.json", "geomap demo: sample articles", True)
    _summary(result, written)
