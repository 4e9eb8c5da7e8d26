"""`geomap.run`: whole batches, in one process or several, and hostile input."""

import gc
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from geomap.events import EventExtractor
from geomap.models import Alternative, Document, Event, Mention, PlaceRef
from geomap.pipeline import Pipeline
from geomap.run import compact_document, run
from tests.conftest import ARTICLES, needs_articles


@pytest.fixture(scope="module")
def store(default_store):
    return str(default_store)


def _dump(result):
    return json.dumps([d.model_dump(mode="json") for d in result.documents] +
                      [e.model_dump(mode="json") for e in result.events], sort_keys=True)


@needs_articles
def test_parallel_output_is_identical_and_deterministic(store, tmp_path):
    batch = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": f"Protesters marched in Lagos on day {i}; "
                         f"police arrested {i % 5 + 1} people near Ikeja.",
                         "published": "2031-02-01"}) for i in range(80)]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = run([batch, ARTICLES], gazetteer=store, jobs=1)
    two = run([batch, ARTICLES], gazetteer=store, jobs=2)
    again = run([batch, ARTICLES], gazetteer=store, jobs=2)
    assert _dump(one) == _dump(two) == _dump(again)
    assert one.report.read == 82 and one.report.ok == 82


def _outputs(result) -> tuple:
    report = result.report.model_dump(mode="json", exclude={"started", "finished", "seconds"})
    return (result.to_map(title="t"), json.dumps(result.to_geojson(), sort_keys=True),
            result.to_csv(), json.dumps(report, sort_keys=True))


def test_compact_run_writes_the_same_outputs(store, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps({
        "id": f"c{i}", "text": f"Shelling hit Tartar and Lagos on day {i}, killing {i % 4 + 2}.",
        "published": "2031-02-01"}) for i in range(70)) + "\n", encoding="utf-8")
    full = run([batch, ARTICLES], gazetteer=store, jobs=1)
    one = run([batch, ARTICLES], gazetteer=store, jobs=1, compact=True)
    two = run([batch, ARTICLES], gazetteer=store, jobs=2, compact=True)
    assert _outputs(full) == _outputs(one) == _outputs(two)
    assert _dump(one) == _dump(two)
    mentions = [m for d in two.documents for m in d.mentions]
    assert mentions and all(d.text == "" for d in two.documents)
    assert all(len(m.alternatives) <= 3 and not any(a.features for a in m.alternatives)
               for m in mentions)
    tartar = {id(m.place) for m in mentions if m.place and m.place.name == "Tartar"}
    assert len(tartar) == 1  # one record for the place, whichever worker resolved it


def _place(id: int, name: str) -> PlaceRef:
    return PlaceRef(id=id, name=name, lat=1.0, lon=2.0, country_code="AZ", feature_code="PPL")


def test_compact_document_keeps_the_best_alternatives_in_order():
    scores = [0.2, 0.9, 0.5, 0.9, 0.1]
    alts = [Alternative(place=_place(i, f"P{i}"), score=s, features={"prior": s})
            for i, s in enumerate(scores)]
    doc = Document(id="d", text="P1 and more.", warnings=["w"], mentions=[
        Mention(text="P1", start=0, end=2, place=alts[1].place, alternatives=alts, note="n")])
    small = compact_document(doc)
    kept = small.mentions[0].alternatives
    assert [a.place.id for a in kept] == [1, 3, 2]  # equal scores keep the resolver's order
    assert [a.score for a in kept] == [0.9, 0.9, 0.5] and not any(a.features for a in kept)
    assert (small.text, small.warnings, small.mentions[0].note) == ("", ["w"], "n")
    assert small.model_dump() == {**doc.model_dump(), "mentions": [
        {**doc.mentions[0].model_dump(), "alternatives": [a.model_dump() for a in kept]}]}
    assert len(doc.mentions[0].alternatives) == 5 and doc.text  # the original is unchanged


def test_compact_records_can_still_be_changed():
    small = compact_document(Document(id="d", text="Baku.", mentions=[
        Mention(text="Baku", start=0, end=4, place=_place(1, "Baku"))]))
    other = compact_document(Document(id="e", text="x"))
    small.mentions[0].note = "changed"
    small.status = "error"
    assert small.mentions[0].note == "changed" and other.status == "ok"


@needs_articles
def test_sample_articles_merge_into_shared_events(store):
    result = run([ARTICLES], gazetteer=store, jobs=1)
    both = [e for e in result.events if len(e.sources) == 2 and not e.background]
    shelling = [e for e in both if e.subtype.startswith("Shelling") and e.place
                and e.place.name == "Tartar"]
    assert len(shelling) == 1 and str(shelling[0].date) == "2020-09-28"
    assert not [e for e in result.events if e.place and e.place.name in ("Baku", "Yerevan")
                and not e.background]
    background = [e for e in result.events if e.background]
    assert any(e.subtype == "Agreement" for e in background)  # the 1994 ceasefire


def test_every_input_appears_in_the_report(store, tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02")
    (tmp_path / "ok.txt").write_text("Floods hit Dhaka on Monday.")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Rain in Lima."}\n[1, 2]\n')
    result = run([tmp_path, tmp_path / "missing.txt", "Snow fell in Oslo."], gazetteer=store,
                 jobs=1)
    statuses = {d.id: d.status for d in result.report.documents}
    assert statuses["empty"] == "empty" and statuses["bin"] == "error"
    assert statuses["ok"] == "ok" and statuses["a"] == "ok"
    assert sum(s == "error" for s in statuses.values()) == 3  # binary, bad line, missing file
    assert result.report.read == len(statuses) == 7


def test_a_run_leaves_the_callers_garbage_collector_as_it_was(store):
    before = gc.get_threshold()
    run(["Shelling hit Terter on Monday."], gazetteer=store, jobs=1)
    assert gc.get_threshold() == before


def test_undated_article_warns_and_keeps_events(store):
    result = run([Document(id="u", text="Rebels shelled Goma, killing four civilians.")],
                 gazetteer=store, jobs=1)
    assert result.events and all(e.date is None for e in result.events)
    assert any("no publication date" in w for w in result.documents[0].warnings)


@pytest.fixture(scope="module")
def stages(gaz):
    return Pipeline(gaz), EventExtractor(gaz)


WORDS = st.sampled_from(["Kherson", "shelled", "killed", "12", "in", "near", "Baku", "said",
                         "Monday", "protest", "the", "village", "of", "Ukrainian", "troops",
                         ".", ",", "\n", "Tərtər", "’s", "<script>", "U.S.", "—"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join)))
def test_any_text_gives_a_valid_result(stages, text):
    pipeline, extractor = stages
    doc = pipeline(Document(id="h", text=text, published="2031-01-05"))
    assert doc.status in ("ok", "empty")
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(doc.mentions, doc.mentions[1:]))
    for e in extractor.extract(doc) if doc.status == "ok" else []:
        Event.model_validate(e.model_dump())
        for ev in e.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)
