"""`geomap extract`: the JSON contract on the command line, and its published schema."""

import importlib
import json
from pathlib import Path

from click.testing import CliRunner

import geomap
from geomap.cli import cli
from geomap.models import Extraction
from tests.conftest import ARTICLES, needs_articles

SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "extraction.schema.json"


@needs_articles
def test_extract_json_matches_the_contract(default_store, tmp_path):
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(json.dumps({"id": "w1", "text": "Storms hit Lagos and Abuja.",
                                 "published": "2021-06-01"}) + "\n{not json\n",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(ARTICLES), str(jsonl),
                                      "--gazetteer", str(default_store)])
    assert result.exit_code == 1  # one bad JSONL line: reported, the rest still processed
    out = json.loads(result.stdout)
    Extraction.model_validate(out)
    docs = {d["id"]: d for d in out["documents"]}
    assert len(docs) == 4
    bad = next(d for d in out["documents"] if d["status"] == "error")
    assert "batch.jsonl:2" in bad["error"]
    sample = next(d for d in out["documents"] if d["id"].startswith("000"))
    assert sample["published"] == "2020-09-28"
    terter = next(m for m in sample["mentions"] if m["text"] == "Terter")
    assert set(terter) >= {"text", "start", "end", "kind", "place", "precision", "confidence",
                           "alternatives"}
    assert terter["place"]["name"] == "Tartar" and terter["precision"] == 1
    assert set(terter["place"]) == {"id", "name", "lat", "lon", "country_code", "feature_code",
                                    "admin1", "population"}
    lagos = docs["w1"]["mentions"][0]
    assert lagos["place"]["country_code"] == "NG" and lagos["start"] == 11


def test_python_api_dump_is_the_json(default_store, monkeypatch):
    monkeypatch.setenv("GEOMAP_GAZETTEER", str(default_store))
    doc = geomap.extract("Shelling hit Terter on Monday.", published="2020-09-28")
    dumped = doc.model_dump(mode="json")
    assert dumped["mentions"][0]["place"]["name"] == "Tartar"
    assert "text" not in dumped and dumped["published"] == "2020-09-28"
    importlib.import_module("geomap.run")  # importing the submodule must not hide the function
    assert callable(geomap.run) and geomap.run(["Rain in Lima."], jobs=1).report.ok == 1


def test_published_schema_is_current():
    assert json.loads(SCHEMA.read_text()) == Extraction.model_json_schema(mode="serialization")
