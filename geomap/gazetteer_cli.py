"""``geomap gazetteer ...``: build, fill, inspect and query the local gazetteer."""

from __future__ import annotations

import json
import sys
from functools import wraps
from pathlib import Path

import click

from gazetteer import Gazetteer, GazetteerError, add, store
from gazetteer.download import fetch
from gazetteer.embedded import build_default


def gazetteer_option(func):
    """The ``--gazetteer PATH`` option every subcommand takes, and friendly gazetteer errors."""
    # No click envvar: $GEOMAP_GAZETTEER names the *default* store (built on first use), which
    # Gazetteer.open(None) reads; as an option value it would start an empty store instead.
    @click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False),
                  default=None,
                  help=f"Gazetteer store to use (default: ${store.ENV_VAR} or the user data "
                       "folder, built from the embedded data on first use). A path given here "
                       "with nothing there starts a new, empty store.")
    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except GazetteerError as exc:
            raise click.ClickException(str(exc)) from exc
    return wrapper


def progress_setting(quiet: bool = False) -> bool | None:
    """tqdm's ``disable`` convention: a bar only on a terminal, never with ``--quiet``."""
    return False if quiet or not sys.stderr.isatty() else None


@click.group("gazetteer")
def gazetteer_group() -> None:
    """The local place database (GeoNames data, no web service)."""


@gazetteer_group.command("build")
@gazetteer_option
def build(gazetteer_path: str | None) -> None:
    """Build (or rebuild) the store from the embedded GeoNames data."""
    target = Path(gazetteer_path) if gazetteer_path else store.default_path()
    with store.lock_for(target):
        build_default(target, progress=progress_setting())
    _print_stats(Gazetteer.open(target))


@gazetteer_group.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--strict", is_flag=True, help="Write nothing if any row is bad.")
@gazetteer_option
def add_files(paths: tuple[str, ...], strict: bool, gazetteer_path: str | None) -> None:
    """Merge GeoNames dumps or your own CSV/TSV places into the store (one transaction)."""
    summary = add(paths, gazetteer_path, progress=progress_setting(), strict=strict)
    for path, fmt in summary.files.items():
        click.echo(f"{path}: {fmt}")
    click.echo(f"places added {summary.places_added}, updated {summary.places_updated}; "
               f"names added {summary.names_added}; admin codes {summary.admin_codes}; "
               f"countries {summary.countries}; rows ignored by design {summary.rows_ignored}")
    if summary.skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(summary.skipped.items()))
        click.echo(f"skipped {summary.skipped_total} bad rows: {reasons}", err=True)
        for p in summary.problems[:20]:
            click.echo(f"  {p.path}:{p.line}: {p.reason}", err=True)
        if len(summary.problems) > 20:
            click.echo(f"  ... ({summary.skipped_total - 20} more)", err=True)


@gazetteer_group.command("download")
@click.argument("countries", nargs=-1, required=True)
@click.option("--dest", type=click.Path(file_okay=False), default=None,
              help="Where to keep the downloaded files (default: the user cache folder).")
@gazetteer_option
def download(countries: tuple[str, ...], dest: str | None, gazetteer_path: str | None) -> None:
    """Fetch GeoNames files for COUNTRIES (ISO codes, e.g. AZ AM) and import them."""
    paths = fetch(list(countries), Path(dest) if dest else None, progress=progress_setting())
    summary = add(paths, gazetteer_path, progress=progress_setting())
    click.echo(f"downloaded {len(paths)} files; places added {summary.places_added}, "
               f"updated {summary.places_updated}; skipped {summary.skipped_total} bad rows")


@gazetteer_group.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@gazetteer_option
def info(as_json: bool, gazetteer_path: str | None) -> None:
    """Where the store is and what it holds."""
    gaz = Gazetteer.open(gazetteer_path, progress=progress_setting())
    if as_json:
        click.echo(gaz.stats().model_dump_json(indent=2))
    else:
        _print_stats(gaz)


def _print_stats(gaz: Gazetteer) -> None:
    s = gaz.stats()
    click.echo(f"store: {s.path} ({s.size_bytes / 1e6:.1f} MB, schema {s.schema_version}, "
               f"built {s.built})")
    click.echo(f"places {s.places:,}; names {s.names:,}; countries {s.countries}; "
               f"admin codes {s.admin_codes:,}")
    for source, n in sorted(s.by_source.items()):
        click.echo(f"  {source}: {n:,}")


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--country", default=None, help="Only this ISO country code.")
@click.option("--limit", default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, best first.")
@gazetteer_option
def lookup(name: str, country: str | None, limit: int, as_json: bool,
           gazetteer_path: str | None) -> None:
    """Places called NAME, best first."""
    gaz = Gazetteer.open(gazetteer_path, progress=progress_setting())
    found = gaz.lookup(name, country=country, limit=limit)
    if as_json:
        rows = [{**c.place.model_dump(), "matched_name": c.matched_name, "match": c.match,
                 "score": c.score} for c in found]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(f"no place called {name!r}", err=True)
        sys.exit(1)
    for i, c in enumerate(found, 1):
        p = c.place
        area = ", ".join(x for x in (p.admin1_name, gaz.country_name(p.country_code) or p.country_code) if x)
        click.echo(f"{i:>2}. {p.name} ({p.feature_class}.{p.feature_code}, {area}) "
                   f"{p.lat:.4f}, {p.lon:.4f}  pop {p.population:,}  id {p.id}  "
                   f"[{c.match}: {c.matched_name}]")
