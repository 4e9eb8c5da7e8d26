"""The ``geomap`` command."""

from __future__ import annotations

import logging
import sys

import click

from .extract_cli import extract_command, schema_command
from .gazetteer_cli import gazetteer_group
from .map_cli import demo_command, map_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geomap")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def cli(quiet: bool) -> None:
    """geomap: find places and events in news text and map them, offline."""
    logging.basicConfig(level=logging.ERROR if quiet else logging.WARNING,
                        format="geomap: %(levelname)s: %(message)s", stream=sys.stderr)


cli.add_command(gazetteer_group)
cli.add_command(extract_command)
cli.add_command(schema_command)
cli.add_command(map_command)
cli.add_command(demo_command)


def main() -> None:
    cli(prog_name="geomap")
