"""The evaluation harness: metrics on hand-made cases, readers on small made-up files and on the
real development corpora in ../shared/eval (read in place, skipped when absent)."""

from __future__ import annotations

import csv
import io
import math
import tarfile
import zipfile
from pathlib import Path

import pytest

from geomap import evaluate as ev
from geomap.evaluate import (
    MAX_ERROR_KM, GoldDocument, GoldToponym, Predicted, accuracy_at, auc, error_km, evaluate,
    load_corpus, match_spans, prf, resolution_scores, sign_flipped,
)
from tests.conftest import needs_corpora

PARIS = (48.8566, 2.3522)
LYON = (45.7640, 4.8357)
MARSEILLE = (43.2965, 5.3698)  # about 278 km from Lyon: a wrong answer beyond 161 km


# -- metrics -----------------------------------------------------------------------------------
def test_exact_and_overlap_matching_differ():
    gold = [(0, 5), (10, 15)]
    pred = [(0, 5), (11, 16), (20, 25)]
    assert match_spans(gold, pred) == [(0, 0)]
    assert match_spans(gold, pred, overlap=True) == [(0, 0), (1, 1)]


def test_overlap_matching_is_one_to_one():
    # One long prediction over two gold toponyms takes the one it covers most.
    assert match_spans([(0, 3), (4, 12)], [(0, 12)], overlap=True) == [(1, 0)]
    # Two predictions inside one gold toponym: only one of them is a hit.
    assert len(match_spans([(0, 13)], [(0, 3), (4, 8)], overlap=True)) == 1
    # Touching spans share no character.
    assert match_spans([(0, 5)], [(5, 9)], overlap=True) == []


def test_identical_span_wins_over_a_covering_one():
    assert match_spans([(4, 8)], [(0, 8), (4, 8)], overlap=True) == [(0, 1)]


def test_prf():
    s = prf(tp=2, fp=1, fn=1)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)
    assert prf(0, 0, 0).f1 == 0.0
    assert prf(0, 3, 0).precision == 0.0


def test_accuracy_at_161():
    assert accuracy_at([0, 160, 161, 162]) == 0.75
    assert accuracy_at([]) == 0.0


def test_auc_bounds_and_known_values():
    assert auc([0, 0, 0]) == 0.0
    assert auc([MAX_ERROR_KM] * 4) == pytest.approx(1.0)
    assert auc([0, MAX_ERROR_KM]) == pytest.approx(0.5)  # a straight line from 0 to the top
    assert auc([100.0]) == pytest.approx(math.log(101) / math.log(1 + MAX_ERROR_KM))
    assert auc([5e6]) == pytest.approx(1.0)  # capped at the largest possible error
    with pytest.raises(ValueError):
        auc([])


def test_auc_is_order_free_and_grows_with_error():
    errors = [3.0, 900.0, 40.0, 12000.0, 0.5]
    assert auc(errors) == pytest.approx(auc(sorted(errors)))
    worse = auc(errors)
    for i in range(len(errors)):
        bigger = errors.copy()
        bigger[i] *= 1.5
        assert auc(bigger) > worse
    assert 0.0 < worse < 1.0


def test_unresolved_counts_as_the_largest_error():
    gold = GoldToponym(start=0, end=5, name="Paris", lat=PARIS[0], lon=PARIS[1])
    assert error_km(gold, None) == MAX_ERROR_KM
    assert error_km(gold, Predicted(start=0, end=5)) == MAX_ERROR_KM
    right = Predicted(start=0, end=5, lat=PARIS[0], lon=PARIS[1])
    assert error_km(gold, right) == pytest.approx(0.0)
    lyon = Predicted(start=0, end=5, lat=LYON[0], lon=LYON[1])
    assert error_km(gold, lyon) == pytest.approx(392, abs=3)


def test_resolution_scores():
    r = resolution_scores([0.0, 100.0, 300.0, MAX_ERROR_KM], unresolved=1)
    assert (r.count, r.unresolved, r.acc_161) == (4, 1, 0.5)
    assert r.median_km == 200.0
    assert r.mean_km == pytest.approx((400 + MAX_ERROR_KM) / 4)
    empty = resolution_scores([])
    assert empty.count == 0 and empty.auc is None and empty.acc_161 is None


def test_a_gold_point_with_a_dropped_minus_is_suspected_not_scored_right():
    indiana = (38.86, -86.49)
    gold = GoldToponym(start=0, end=7, name="Bedford", lat=indiana[0], lon=-indiana[1])
    right_town = Predicted(start=0, end=7, lat=indiana[0], lon=indiana[1])
    assert error_km(gold, right_town) > 10_000 and sign_flipped(gold, right_town)
    elsewhere = Predicted(start=0, end=7, lat=LYON[0], lon=LYON[1])
    assert not sign_flipped(gold, elsewhere) and not sign_flipped(gold, None)
    r = resolution_scores([0.0, 12_000.0], sign_suspects=1)
    assert (r.acc_161, r.acc_161_sign_corrected, r.sign_suspects) == (0.5, 1.0, 1)


# -- harness -----------------------------------------------------------------------------------
TEXT = "I flew from Paris to Lyon. Then home."
#       0123456789012345678901234567


def _doc(ignore: list[tuple[int, int]] | None = None) -> GoldDocument:
    return GoldDocument(id="d1", text=TEXT, ignore=ignore or [], toponyms=[
        GoldToponym(start=12, end=17, name="Paris", lat=PARIS[0], lon=PARIS[1]),
        GoldToponym(start=21, end=25, name="Lyon", lat=LYON[0], lon=LYON[1])])


def fake_end_to_end(text: str, spans):
    assert spans is None
    return [Predicted(start=12, end=17, lat=PARIS[0], lon=PARIS[1]),  # exact, right
            Predicted(start=21, end=26, lat=MARSEILLE[0], lon=MARSEILLE[1]),  # "Lyon." wrong
            Predicted(start=0, end=1, lat=0.0, lon=0.0)]  # "I": a false positive


def test_evaluate_end_to_end():
    r = evaluate([_doc()], fake_end_to_end, gold_spans=False, corpus="toy")
    assert (r.corpus, r.mode, r.documents, r.gold_toponyms, r.predicted) == (
        "toy", "end-to-end", 1, 2, 3)
    assert (r.exact.tp, r.exact.fp, r.exact.fn) == (1, 2, 1)
    assert (r.overlap.tp, r.overlap.fp, r.overlap.fn) == (2, 1, 0)
    assert r.overlap.recall == 1.0
    assert r.resolution.count == 2 and r.resolution.acc_161 == 0.5
    assert r.resolution.median_km == pytest.approx(278 / 2, abs=5)
    assert r.docs_per_s > 0


def test_end_to_end_ignores_predictions_on_places_without_gold_coordinates():
    r = evaluate([_doc(ignore=[(0, 1)])], fake_end_to_end)
    assert r.overlap.fp == 0 and r.exact.fp == 1


def test_evaluate_gold_spans_counts_misses_as_unresolved():
    known = {"Paris": PARIS}

    def resolve_only(text: str, spans):
        # Answers only what it knows; "Lyon" gets a span but no coordinates.
        return [Predicted(start=s, end=e, lat=known.get(text[s:e], (None, None))[0],
                          lon=known.get(text[s:e], (None, None))[1]) for s, e in spans]

    r = evaluate([_doc()], resolve_only, gold_spans=True)
    assert r.mode == "gold-spans" and r.exact is None and r.overlap is None
    assert (r.resolution.count, r.resolution.unresolved, r.resolution.acc_161) == (2, 1, 0.5)
    assert r.resolution.mean_km == pytest.approx(MAX_ERROR_KM / 2)

    r = evaluate([_doc()], lambda text, spans: [], gold_spans=True)  # says nothing at all
    assert r.resolution.unresolved == 2 and r.resolution.auc == pytest.approx(1.0)


def test_evaluate_accepts_plain_dicts():
    r = evaluate([_doc()], lambda t, s: [{"start": 12, "end": 17, "lat": 48.9, "lon": 2.4}])
    assert r.exact.tp == 1 and r.resolution.acc_161 == 1.0


# -- readers on small made-up files ------------------------------------------------------------
def _write_tar(path: Path, files: dict[str, str]) -> None:
    with tarfile.open(path, "w:gz") as tar:
        for name, body in files.items():
            data = body.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


@pytest.fixture
def toy_dir(tmp_path: Path) -> Path:
    """A miniature eval folder in each corpus's own format, with that corpus's quirks."""
    c = tmp_path / "corpora"
    (c / "GeoVirus").mkdir(parents=True)
    # 1-based offsets, and a <location> left open so two sit inside it, as in the real file.
    (c / "GeoVirus" / "GeoVirus.xml").write_text(
        "<articles><article><source>x</source><text>Flu in Oslo and Bergen.</text><locations>"
        "<location><location><name>Oslo</name><start>8</start><end>12</end><lat>59.9</lat>"
        "<lon>10.7</lon></location>"
        "<name>Bergen</name><start>17</start><end>23</end><lat>60.4</lat><lon>5.3</lon>"
        "</location></locations></article></articles>", encoding="utf-8")
    (c / "GeoCorpora").mkdir()
    header = ["tweet_id_str", "tweet_text", "char_position", "text", "latitude", "longitude"]
    rows = [["1", "Ham &amp; eggs in Zürich", "14", "ZÃ¼rich", "47.4", "8.5"],
            ["2", "nothing here", "", "", "", ""],
            # Offset in UTF-16 units: the emoji (a "?" in cp1252) counted twice.
            ["3", "Rain \U0001F327 in Bern", "11", "Bern", "46.9", "7.4"]]
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t").writerows([header] + rows)
    (c / "GeoCorpora" / "geocorpora.tsv").write_bytes(
        buf.getvalue().encode("cp1252", errors="replace"))
    (c / "TUD-Loc2013").mkdir()
    with zipfile.ZipFile(c / "TUD-Loc2013" / "TUD-Loc2013.zip", "w") as z:
        z.writestr("tud/0-all/text1.txt",
                   "<CITY>Graz</UNIT> lies by the <LANDMARK>Mur</LANDMARK> in "
                   "<COUNTRY role=\"main\">Austria</COUNTRY>.")
        z.writestr("tud/0-all/coordinates.csv", "docId;idx;offset;latitude;longitude;sourceId\n"
                   "text1.txt;0;0;47.07;15.44;geonames:1\ntext1.txt;1;17;;;\n"
                   "text1.txt;2;24;47.3;13.3;;geonames:2\ntext1.txt;9;99;1;1;stale\n")
    (c / "EUPEG" / "gold").mkdir(parents=True)
    (c / "EUPEG" / "gold" / "Hu2014_gold.txt").write_text(
        "Oslo, Norway,,Oslo,,59.9,,10.7,,8,,11||\n"
        "Oslo, Norway,,Oslo,,null,,null,,2,,5||Oslo, Norway,,Oslo,,59.9,,10.7,,90,,93||\n",
        encoding="utf-8")
    _write_tar(c / "EUPEG" / "EUPEG_texts_dev.tar.gz",
               {"Hu2014/0": "We flew Oslo to Rome.", "Hu2014/1": " Oslo again."})
    return tmp_path


def test_geovirus_reader_shifts_offsets_and_finds_nested_locations(toy_dir):
    docs = load_corpus("GeoVirus", toy_dir)
    assert [(t.name, docs[0].text[t.start:t.end]) for t in docs[0].toponyms] == [
        ("Oslo", "Oslo"), ("Bergen", "Bergen")]
    assert docs.stats.exact_offsets == 2 and docs.stats.skipped == 0


def test_geocorpora_reader_unescapes_repairs_and_relocates(toy_dir):
    docs = load_corpus("GeoCorpora", toy_dir)
    assert [d.id for d in docs] == ["1", "2", "3"]
    assert docs[0].text.startswith("Ham & eggs")
    assert docs[0].toponyms[0].name == "Zürich"
    assert docs[1].toponyms == []
    bern = docs[2].toponyms[0]
    assert docs[2].text[bern.start:bern.end] == "Bern"
    assert (docs.stats.exact_offsets, docs.stats.relocated, docs.stats.skipped) == (1, 1, 0)


def test_tud_reader_strips_tags_and_joins_coordinates_by_offset(toy_dir):
    docs = load_corpus("TUD-Loc2013", toy_dir)
    doc = docs[0]
    assert doc.text == "Graz lies by the Mur in Austria."
    assert [(doc.text[t.start:t.end], t.lat) for t in doc.toponyms] == [
        ("Graz", 47.07), ("Austria", 47.3)]
    assert doc.ignore == [(17, 20)]  # "Mur": annotated, no coordinates
    assert docs.stats.no_coordinates == 1


def test_eupeg_reader_counts_what_it_cannot_use(toy_dir, caplog):
    docs = load_corpus("EUPEG-Hu2014", toy_dir)
    assert docs[0].text[docs[0].toponyms[0].start:docs[0].toponyms[0].end] == "Oslo"
    s = docs.stats
    assert (s.documents, s.toponyms, s.no_coordinates, s.skipped) == (2, 1, 1, 1)
    assert "could not be located" in caplog.text


def test_eval_dir_from_environment(toy_dir, monkeypatch):
    monkeypatch.setenv("GEOMAP_EVAL_DIR", str(toy_dir))
    assert len(load_corpus("GeoVirus")[0].toponyms) == 2
    assert ev.DEFAULT_EVAL_DIR == Path(ev.__file__).resolve().parents[1].parent / "shared" / "eval"


def test_limit_and_unknown_corpus(toy_dir):
    assert len(load_corpus("GeoCorpora", toy_dir, limit=2)) == 2
    with pytest.raises(ValueError, match="unknown corpus"):
        load_corpus("LGL", toy_dir)


# -- readers on the real development corpora ---------------------------------------------------
REAL = ev.DEFAULT_EVAL_DIR

# name: (documents, toponyms loaded, annotated toponyms in the corpus's own count)
EXPECTED = {
    "GeoVirus": (229, 2170, 2170),  # PROVENANCE: 2,170 locations
    "WikToR": (5000, 25242, 25242),
    "GeoCorpora": (6648, 3099, 3100),  # 3,100 with coordinates; one name is lost to mojibake
    "TUD-Loc2013": (152, 3484, 3850),  # its README: 3,850 annotations, 3,484 with coordinates
    "EUPEG-GeoVirus": (229, 2167, 2167),
    "EUPEG-GeoCorpora": (1639, 2389, 2394),
    "EUPEG-Hu2014": (134, 160, 160),
    "EUPEG-Ju2016": (5441, 6582, 6583),
}


@needs_corpora
@pytest.mark.parametrize("name", list(EXPECTED))
def test_real_corpus_counts_and_offsets(name):
    docs = load_corpus(name)
    s = docs.stats
    n_docs, loaded, annotated = EXPECTED[name]
    assert (len(docs), s.documents, s.toponyms) == (n_docs, n_docs, loaded)
    assert s.toponyms + s.no_coordinates + s.skipped + s.duplicates == annotated
    tops = [(d.text, t) for d in docs for t in d.toponyms]
    assert len(tops) == loaded
    same = sum(text[t.start:t.end].casefold() == t.name.casefold() for text, t in tops)
    assert same >= 0.99 * loaded
    assert all(0 <= t.start < t.end <= len(text) for text, t in tops)
    assert all(-90 <= t.lat <= 90 and -180 <= t.lon <= 180 for _, t in tops)


@needs_corpora
def test_real_corpus_limit():
    docs = load_corpus("GeoVirus", limit=3)
    assert len(docs) == 3 and docs.stats.documents == 3


# -- the baseline (needs the gazetteer store) --------------------------------------------------
@pytest.mark.slow
def test_baseline_parse(default_store, monkeypatch):
    monkeypatch.setenv("GEOMAP_GAZETTEER", str(default_store))
    ev._gazetteer.cache_clear()
    try:
        text = "The talks moved from The Hague to Paris."
        found = {text[p.start:p.end] for p in ev.baseline_parse(text, None)}
        assert {"The Hague", "Paris"} <= found and "The" not in found
        paris = ev.baseline_parse(text, [(34, 39)])[0]
        assert abs(paris.lat - PARIS[0]) < 0.5
        r = evaluate([_doc()], ev.baseline_parse, gold_spans=True)
        assert r.resolution.acc_161 == 1.0
    finally:
        ev._gazetteer.cache_clear()
