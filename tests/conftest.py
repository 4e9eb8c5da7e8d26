"""Shared fixtures: one embedded default store per test session, the ../shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from geomap.evaluate import eval_dir

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GEONAMES = SHARED / "data" / "geonames"
ARTICLES = SHARED / "examples" / "articles"


def _needs(path: Path, what: str) -> pytest.MarkDecorator:
    # A checkout without ../shared beside it should still run every other test, and say why
    # these did not run rather than fail on a missing file.
    return pytest.mark.skipif(not path.is_dir(), reason=f"{what} are read from {path}: absent")


needs_articles = _needs(ARTICLES, "the sample articles")
needs_geonames = _needs(GEONAMES, "the GeoNames files")
needs_corpora = _needs(eval_dir() / "corpora", "the development corpora")


@pytest.fixture(scope="session")
def default_store(tmp_path_factory) -> Path:
    """The embedded default gazetteer, built once through the real first-use path."""
    from gazetteer import Gazetteer

    path = tmp_path_factory.mktemp("gazetteer") / "default.sqlite"
    old = os.environ.get("GEOMAP_GAZETTEER")
    os.environ["GEOMAP_GAZETTEER"] = str(path)
    try:
        Gazetteer.open(progress=False).close()  # no path: builds the default on first use
    finally:
        if old is None:
            del os.environ["GEOMAP_GAZETTEER"]
        else:
            os.environ["GEOMAP_GAZETTEER"] = old
    return path


@pytest.fixture(scope="session")
def gaz(default_store):
    from gazetteer import Gazetteer

    with Gazetteer.open(default_store) as g:
        yield g


@pytest.fixture
def isolated_default(tmp_path, monkeypatch) -> Path:
    """Point the default store at an empty temp folder for one test."""
    path = tmp_path / "default.sqlite"
    monkeypatch.setenv("GEOMAP_GAZETTEER", str(path))
    return path
