"""Geoparsing evaluation: gold corpus readers, the literature's metrics and a harness.

The corpora live outside the project (``../shared/eval`` by default, or ``$GEOMAP_EVAL_DIR``) and
are read in place, archives included.  Metrics follow Gritta et al. (2018), "What's missing in
geographical parsing?", and EUPEG (Wang & Hu 2019):

* recognition: precision / recall / F1 over toponym spans, exact span match and overlap match;
* resolution: accuracy@161 km, mean and median error, and the AUC of the log-error curve (lower is
  better); a toponym left without coordinates counts as the largest error, ``MAX_ERROR_KM``.

>>> docs = load_corpus("GeoVirus", limit=5)                       # doctest: +SKIP
>>> evaluate(docs, baseline_parse, gold_spans=True).resolution    # doctest: +SKIP
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import logging
import math
import os
import re
import statistics
import tarfile
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol

from pydantic import BaseModel, Field

from gazetteer import haversine_km

log = logging.getLogger(__name__)

MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of a toponym left unresolved
ACC_KM = 161.0  # 100 miles, the literature's "correct" threshold
DEFAULT_EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
WINDOW = 12  # how far (chars) a corpus offset may be off before a toponym counts as lost

Span = tuple[int, int]


# -- models ------------------------------------------------------------------------------------
class GoldToponym(BaseModel):
    """An annotated toponym: ``text[start:end]`` is the mention, (lat, lon) its gold location."""

    start: int
    end: int
    name: str = Field(description="the mention as the corpus gives it (case may differ from text)")
    lat: float
    lon: float


class GoldDocument(BaseModel):
    """One annotated text."""

    id: str
    text: str
    toponyms: list[GoldToponym] = Field(default_factory=list)
    ignore: list[Span] = Field(
        default_factory=list,
        description="spans annotated as places but without gold coordinates (TUD-Loc2013): a "
                    "prediction there is neither a hit nor a false positive")


class CorpusStats(BaseModel):
    """What a reader found, so nothing it could not use disappears silently."""

    corpus: str
    documents: int = 0
    toponyms: int = Field(0, description="gold toponyms loaded (with coordinates)")
    exact_offsets: int = Field(0, description="loaded toponyms whose offset was right as given")
    relocated: int = Field(0, description="loaded toponyms found a few characters off")
    skipped: int = Field(0, description="toponyms that could not be located: not loaded")
    duplicates: int = Field(0, description="repeated annotations of one span: loaded once")
    no_coordinates: int = Field(0, description="annotated spans without gold lat/lon: `ignore`")
    skipped_examples: list[str] = Field(default_factory=list)


class Corpus(list):
    """``list[GoldDocument]`` that also carries the reader's :class:`CorpusStats`."""

    def __init__(self, docs: Iterable[GoldDocument], stats: CorpusStats):
        super().__init__(docs)
        self.stats = stats


class Predicted(BaseModel):
    """A system's toponym: a span and its coordinates (None when it could not resolve it)."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None


class Parser(Protocol):
    """The system under test.  With ``spans`` (gold-span mode) it only resolves those spans."""

    def __call__(self, text: str, spans: list[Span] | None) -> list[Predicted]: ...


class RecognitionScores(BaseModel):
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class ResolutionScores(BaseModel):
    count: int = Field(description="toponyms scored")
    unresolved: int = Field(description="of which without coordinates (scored MAX_ERROR_KM)")
    acc_161: float | None
    mean_km: float | None
    median_km: float | None
    auc: float | None = Field(description="area under the log-error curve, 0..1, lower is better")
    sign_suspects: int = Field(0, description="wrong answers within ACC_KM of the gold point with "
                                              "a coordinate's sign flipped: the corpus may have "
                                              "dropped a minus (a west longitude as east)")
    acc_161_sign_corrected: float | None = Field(
        None, description="acc_161 counting the sign suspects as right; reported beside acc_161, "
                          "never instead of it")


class EvalResult(BaseModel):
    corpus: str
    mode: Literal["end-to-end", "gold-spans"]
    documents: int
    gold_toponyms: int
    predicted: int
    exact: RecognitionScores | None = Field(None, description="end-to-end only")
    overlap: RecognitionScores | None = Field(None, description="end-to-end only")
    resolution: ResolutionScores
    seconds: float = Field(description="time spent inside the system under test")
    docs_per_s: float


# -- locating gold offsets ---------------------------------------------------------------------
class _Mention(NamedTuple):
    """A toponym as a corpus states it, before its offset is checked against the text."""

    name: str
    start: int
    lat: float | None
    lon: float | None


def eval_dir(root: str | Path | None = None) -> Path:
    """The corpora folder: ``root``, else ``$GEOMAP_EVAL_DIR``, else ``../shared/eval``."""
    return Path(root or os.environ.get("GEOMAP_EVAL_DIR") or DEFAULT_EVAL_DIR)


def _patterns(name: str) -> list[str]:
    """Regexes for ``name``: as given, then tolerant of double decoding if it looks garbled."""
    patterns = [re.escape(name)]
    # A name garbled by double decoding (GeoCorpora "PraÃ?Â§a") keeps its ASCII letters: let each
    # run of other characters stand for one or two non-ASCII characters of the real text.
    parts = re.split(r"(?:[^\x00-\x7f]|\?)+", name)
    if len(parts) > 1 and sum(len(p.strip()) for p in parts) >= 3:
        patterns.append(r"[^\x00-\x7f]{1,2}".join(re.escape(p) for p in parts))
    return patterns


def _locate(text: str, name: str, start: int, taken: set[Span],
            window: int = WINDOW) -> tuple[Span, bool] | None:
    """The span of ``name`` at or near ``start``: ``(span, offset_was_right)``, or None."""
    end = start + len(name)
    if text[start:end].casefold() == name.casefold():
        return (start, end), True
    lo = max(0, start - window)
    hi = min(len(text), end + window)
    for pattern in _patterns(name):
        hits = [(m.start() + lo, m.end() + lo)
                for m in re.finditer(pattern, text[lo:hi], re.IGNORECASE)]
        hits = sorted((h for h in hits if h not in taken and h[1] > h[0]),
                      key=lambda h: abs(h[0] - start))
        if hits:
            return hits[0], False
    return None


def _document(doc_id: str, text: str, mentions: Iterable[_Mention], stats: CorpusStats,
              window: int = WINDOW) -> GoldDocument:
    """Check each mention against ``text`` and build the document, counting what is lost."""
    doc = GoldDocument(id=doc_id, text=text)
    taken: set[Span] = set()
    for m in mentions:
        found = _locate(text, m.name, m.start, taken, window)
        if found is None:
            stats.skipped += 1
            if len(stats.skipped_examples) < 20:
                stats.skipped_examples.append(f"{doc_id}@{m.start}: {m.name!r}")
            continue
        (start, end), exact = found
        if (start, end) in taken:  # the same span annotated twice: keep one
            stats.duplicates += 1
            continue
        taken.add((start, end))
        if m.lat is None or m.lon is None:
            stats.no_coordinates += 1
            doc.ignore.append((start, end))
            continue
        stats.exact_offsets += exact
        stats.relocated += not exact
        doc.toponyms.append(GoldToponym(start=start, end=end, name=m.name, lat=m.lat, lon=m.lon))
    doc.toponyms.sort(key=lambda t: (t.start, t.end))  # file order is not text order (GeoVirus)
    doc.ignore.sort()
    stats.documents += 1
    stats.toponyms += len(doc.toponyms)
    return doc


# -- corpus readers ----------------------------------------------------------------------------
_RawDoc = tuple[str, str, list[_Mention]]  # id, text, mentions


def _float(value: str | None) -> float | None:
    value = (value or "").strip()
    return float(value) if value and value != "null" else None  # EUPEG writes "null"


def _geovirus(root: Path) -> Iterator[_RawDoc]:
    """GeoVirus (PGG XML).  Its offsets count from 1: every one is 1 past the mention."""
    articles = ET.parse(root / "corpora" / "GeoVirus" / "GeoVirus.xml").getroot()
    for i, article in enumerate(articles.iter("article")):
        # iter(), not the children: one <location> misses its end tag, so three toponyms sit
        # inside another <location> element.
        mentions = [_Mention(loc.findtext("name", ""), int(loc.findtext("start", "0")) - 1,
                             _float(loc.findtext("lat")), _float(loc.findtext("lon")))
                    for loc in article.iter("location")]
        yield str(i), article.findtext("text", ""), mentions


def _geocorpora(root: Path) -> Iterator[_RawDoc]:
    """GeoCorpora (TSV, cp1252): one row per toponym; tweets without toponyms have one blank row."""
    path = root / "corpora" / "GeoCorpora" / "geocorpora.tsv"
    tweets: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="cp1252", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            tweets.setdefault(row["tweet_id_str"], []).append(row)
    for tweet_id, rows in tweets.items():
        # Offsets count in the tweet as shown (&amp; -> &): the TSV keeps the API's HTML escapes.
        text = html.unescape(rows[0]["tweet_text"])
        mentions = [_Mention(_undouble(r["text"]), int(r["char_position"]),
                             _float(r["latitude"]), _float(r["longitude"]))
                    for r in rows if r["text"]]
        yield tweet_id, text, mentions


def _undouble(name: str) -> str:
    """Repair UTF-8 read as cp1252 (maybe twice): "BÃ¡rÃ°arbunga" -> "Bárðarbunga"."""
    for _ in range(3):
        try:
            fixed = name.encode("cp1252").decode("utf-8")
        except UnicodeError:
            break
        if fixed == name:
            break
        name = fixed
    return name


_TUD_TAG = re.compile(r"<([A-Z]+)[^<>]*>(.*?)</[A-Z]+>", re.S)


def _tud_loc(root: Path) -> Iterator[_RawDoc]:
    """TUD-Loc2013 (zip): inline XML tags in 0-all/text*.txt, coordinates in coordinates.csv."""
    with zipfile.ZipFile(root / "corpora" / "TUD-Loc2013" / "TUD-Loc2013.zip") as z:
        base = next(n for n in z.namelist() if n.endswith("0-all/coordinates.csv"))[:-15]
        coords = _tud_coordinates(z.read(base + "coordinates.csv").decode("utf-8"))
        files = sorted((n for n in z.namelist() if re.search(r"/text\d+\.txt$", n)
                        and n.startswith(base)), key=lambda n: int(re.findall(r"\d+", n)[-1]))
        for name in files:
            doc_id = name.rsplit("/", 1)[1]
            text, spans = _tud_strip(z.read(name).decode("utf-8"))
            at = coords.get(doc_id, {})
            yield doc_id, text, [_Mention(text[s:e], s, *at.get(s, (None, None))) for s, e in spans]


def _tud_coordinates(data: str) -> dict[str, dict[int, tuple[float | None, float | None]]]:
    """docId -> character offset -> (lat, lon).

    Keyed by offset, not by the running index: in four files the index is out of step with the
    annotations (stale rows), while every annotation's offset has its row.
    """
    out: dict[str, dict[int, tuple[float | None, float | None]]] = {}
    for row in list(csv.reader(io.StringIO(data), delimiter=";"))[1:]:
        if len(row) >= 5:  # two rows of text93 carry an extra empty column before the source
            out.setdefault(row[0], {})[int(row[2])] = (_float(row[3]), _float(row[4]))
    return out


def _tud_strip(marked: str) -> tuple[str, list[Span]]:
    """Plain text and the spans of the tagged places (closing tags may not match the opening)."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = length = 0
    for m in _TUD_TAG.finditer(marked):
        parts += [marked[pos:m.start()], m.group(2)]
        length += m.start() - pos
        spans.append((length, length + len(m.group(2))))
        length += len(m.group(2))
        pos = m.end()
    parts.append(marked[pos:])
    return "".join(parts), spans


def _eupeg(gold: Path, texts: Path, folder: str, shift: int) -> Iterator[_RawDoc]:
    """EUPEG uniform gold (line i = text i: ``name,,mention,,lat,,lon,,start,,end||...``).

    ``shift`` is added to each start: EUPEG's corpora do not agree on where offsets count from.
    """
    lines = gold.read_text(encoding="utf-8").split("\n")
    if lines[-1] == "":
        lines.pop()  # the trailing newline
    bodies: dict[str, str] = {}
    with tarfile.open(texts) as tar:  # one pass in file order: seeking back in a .tar.gz is slow
        for member in tar:
            f = tar.extractfile(member) if member.name.startswith(folder + "/") else None
            if f is not None:
                bodies[member.name] = f.read().decode("utf-8")
    for i, line in enumerate(lines):
        mentions = [_eupeg_mention(x, shift) for x in line.split("||") if x]
        yield str(i), bodies[f"{folder}/{i}"], mentions


def _eupeg_mention(item: str, shift: int) -> _Mention:
    fields = item.split(",,")
    # EUPEG's GeoCorpora names carry the same double-decoded UTF-8 as the TSV.
    return _Mention(_undouble(fields[1]), int(fields[4]) + shift,
                    _float(fields[2]), _float(fields[3]))


def _eupeg_reader(name: str, shift: int) -> Callable[[Path], Iterator[_RawDoc]]:
    """A reader for one EUPEG corpus (WikToR's texts are kept in their own folder)."""
    def read(root: Path) -> Iterator[_RawDoc]:
        corpora = root / "corpora"
        if name == "WikToR":
            return _eupeg(corpora / "WikToR" / "WikToR_gold.txt",
                          corpora / "WikToR" / "WikToR_texts.tar.gz", name, shift)
        return _eupeg(corpora / "EUPEG" / "gold" / f"{name}_gold.txt",
                      corpora / "EUPEG" / "EUPEG_texts_dev.tar.gz", name, shift)
    return read


# Reader and how far (chars) its offsets may be off.  EUPEG's Hu2014 and Ju2016 texts were edited
# (state names cut out of Ju2016's sentences) after the offsets were taken, so they drift more.
_READERS: dict[str, tuple[Callable[[Path], Iterator[_RawDoc]], int]] = {
    "GeoVirus": (_geovirus, WINDOW),
    "WikToR": (_eupeg_reader("WikToR", 0), WINDOW),
    "GeoCorpora": (_geocorpora, WINDOW),
    "TUD-Loc2013": (_tud_loc, 0),
    "EUPEG-GeoVirus": (_eupeg_reader("GeoVirus", -1), WINDOW),
    "EUPEG-GeoCorpora": (_eupeg_reader("GeoCorpora", 0), WINDOW),
    "EUPEG-Hu2014": (_eupeg_reader("Hu2014", -1), 40),
    "EUPEG-Ju2016": (_eupeg_reader("Ju2016", -1), 40),
}
CORPORA: tuple[str, ...] = tuple(_READERS)


def load_corpus(name: str, root: Path | str | None = None, limit: int | None = None) -> Corpus:
    """Read corpus ``name`` (one of :data:`CORPORA`) from ``root`` (see :func:`eval_dir`).

    Every gold offset is checked against the text; toponyms that cannot be found are counted in
    ``result.stats.skipped`` (and logged), never dropped silently.
    """
    try:
        reader, window = _READERS[name]
    except KeyError:
        raise ValueError(f"unknown corpus {name!r}; known: {', '.join(CORPORA)}") from None
    stats = CorpusStats(corpus=name)
    docs = [_document(doc_id, text, mentions, stats, window)
            for doc_id, text, mentions in itertools.islice(reader(eval_dir(root)), limit)]
    if stats.skipped:
        log.warning("%s: %d toponyms could not be located in their text and were skipped, e.g. %s",
                    name, stats.skipped, "; ".join(stats.skipped_examples[:3]))
    return Corpus(docs, stats)


# -- metrics -----------------------------------------------------------------------------------
def overlaps(a: Span, b: Span) -> bool:
    """Whether two half-open spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: Sequence[Span], pred: Sequence[Span],
                overlap: bool = False) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, predicted index)`` pairs: identical spans, or with ``overlap``
    any shared character, the largest overlaps paired first so one long prediction cannot
    claim two gold toponyms."""
    pairs = [(min(g[1], p[1]) - max(g[0], p[0]), -abs(g[0] - p[0]), gi, pi)
             for gi, g in enumerate(gold) for pi, p in enumerate(pred)
             if (overlaps(g, p) if overlap else g == p)]
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for *_, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return sorted(out)


def prf(tp: int, fp: int, fn: int) -> RecognitionScores:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return RecognitionScores(tp=tp, fp=fp, fn=fn, precision=p, recall=r, f1=f1)


def error_km(gold: GoldToponym, pred: Predicted | None) -> float:
    """Distance between gold and predicted coordinates; MAX_ERROR_KM when unresolved."""
    if pred is None or pred.lat is None or pred.lon is None:
        return MAX_ERROR_KM
    return min(MAX_ERROR_KM, haversine_km(gold.lat, gold.lon, pred.lat, pred.lon))


def accuracy_at(errors: Sequence[float], km: float = ACC_KM) -> float:
    """Share of errors within ``km`` (Gritta's code tests log(1+e) < log(161): e < 160 km)."""
    return sum(e <= km for e in errors) / len(errors) if errors else 0.0


def auc(errors: Sequence[float]) -> float:
    """Area under the curve of sorted log(1 + error), normalised to 0..1 (lower is better).

    Gritta et al.: trapezoid rule over the sorted log errors, divided by (n - 1) and by the log
    of the largest error.  We divide by log(1 + MAX_ERROR_KM) rather than log(MAX_ERROR_KM) so
    that all-unresolved scores exactly 1 (a 5e-6 relative difference).
    """
    if not errors:
        raise ValueError("AUC of no errors")
    logs = sorted(math.log1p(min(e, MAX_ERROR_KM)) for e in errors)
    if len(logs) == 1:
        area = logs[0]  # a single point: the curve is flat at that error
    else:
        area = sum((a + b) / 2 for a, b in zip(logs, logs[1:])) / (len(logs) - 1)
    return area / math.log1p(MAX_ERROR_KM)


def resolution_scores(errors: Sequence[float], unresolved: int = 0,
                      sign_suspects: int = 0) -> ResolutionScores:
    """The resolution figures for a list of errors in km."""
    if not errors:
        return ResolutionScores(count=0, unresolved=unresolved, acc_161=None, mean_km=None,
                                median_km=None, auc=None)
    acc = accuracy_at(errors)
    return ResolutionScores(count=len(errors), unresolved=unresolved, acc_161=acc,
                            mean_km=statistics.fmean(errors), median_km=statistics.median(errors),
                            auc=auc(errors), sign_suspects=sign_suspects,
                            acc_161_sign_corrected=acc + sign_suspects / len(errors))


def sign_flipped(gold: GoldToponym, pred: Predicted | None) -> bool:
    """The answer is wrong, yet right for the gold point with a latitude or longitude sign
    flipped: WikToR has places in Indiana at 86.5 E where Wikipedia says 86.5 W."""
    if pred is None or pred.lat is None or pred.lon is None or error_km(gold, pred) <= ACC_KM:
        return False
    return any(haversine_km(gold.lat * a, gold.lon * b, pred.lat, pred.lon) <= ACC_KM
               for a, b in ((1, -1), (-1, 1), (-1, -1)))


# -- harness -----------------------------------------------------------------------------------
@dataclass
class _Tally:
    """Running counts over the documents of one evaluation."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    tp: dict[bool, int] = field(default_factory=lambda: {False: 0, True: 0})  # by overlap
    fp: dict[bool, int] = field(default_factory=lambda: {False: 0, True: 0})
    errors: list[float] = field(default_factory=list)
    unresolved: int = 0
    sign_suspects: int = 0
    seconds: float = 0.0

    def resolve(self, gold: GoldToponym, pred: Predicted | None) -> None:
        self.errors.append(error_km(gold, pred))
        self.unresolved += pred is None or pred.lat is None or pred.lon is None
        self.sign_suspects += sign_flipped(gold, pred)


def _as_predicted(item: Any) -> Predicted:
    return item if isinstance(item, Predicted) else Predicted.model_validate(
        item, from_attributes=not isinstance(item, dict))


def _score_end_to_end(doc: GoldDocument, preds: list[Predicted], tally: _Tally) -> None:
    gold = [(t.start, t.end) for t in doc.toponyms]
    spans = [(p.start, p.end) for p in preds]
    pairs: list[tuple[int, int]] = []
    for overlap in (False, True):
        pairs = match_spans(gold, spans, overlap)
        matched = {pi for _, pi in pairs}
        # A prediction on a place annotated without coordinates is neither right nor wrong.
        tally.fp[overlap] += sum(pi not in matched and not any(overlaps(s, i) for i in doc.ignore)
                                 for pi, s in enumerate(spans))
        tally.tp[overlap] += len(pairs)
    for gi, pi in pairs:  # the overlap pairs: resolution is scored on every recognised toponym
        tally.resolve(doc.toponyms[gi], preds[pi])


def _score_gold_spans(doc: GoldDocument, preds: list[Predicted], tally: _Tally) -> None:
    # Overlap pairing tolerates a system that trims a span; an identical span always wins.
    found = dict(match_spans([(t.start, t.end) for t in doc.toponyms],
                             [(p.start, p.end) for p in preds], overlap=True))
    for gi, gold in enumerate(doc.toponyms):
        tally.resolve(gold, preds[found[gi]] if gi in found else None)


def evaluate(docs: Iterable[GoldDocument], parse: Parser | Callable[..., list[Any]],
             gold_spans: bool = False, corpus: str | None = None) -> EvalResult:
    """Run ``parse`` over ``docs`` and score it.

    End to end (``gold_spans=False``) the system finds the toponyms itself: recognition is scored
    with exact and overlap span matching, resolution over its predictions that overlap a gold
    toponym.  With ``gold_spans`` it is handed the gold spans and only resolution is scored, over
    every gold toponym (a span it leaves out or cannot resolve counts as MAX_ERROR_KM).
    """
    tally = _Tally()
    for doc in docs:
        spans = [(t.start, t.end) for t in doc.toponyms] if gold_spans else None
        started = time.perf_counter()
        preds = [_as_predicted(p) for p in parse(doc.text, spans)]
        tally.seconds += time.perf_counter() - started
        tally.documents += 1
        tally.gold += len(doc.toponyms)
        tally.predicted += len(preds)
        (_score_gold_spans if gold_spans else _score_end_to_end)(doc, preds, tally)
    return _result(tally, gold_spans, corpus or getattr(getattr(docs, "stats", None), "corpus", ""))


def _result(tally: _Tally, gold_spans: bool, corpus: str) -> EvalResult:
    recognition = {} if gold_spans else {
        name: prf(tally.tp[overlap], tally.fp[overlap], tally.gold - tally.tp[overlap])
        for name, overlap in (("exact", False), ("overlap", True))}
    return EvalResult(
        corpus=corpus, mode="gold-spans" if gold_spans else "end-to-end",
        documents=tally.documents, gold_toponyms=tally.gold, predicted=tally.predicted,
        resolution=resolution_scores(tally.errors, tally.unresolved, tally.sign_suspects),
        seconds=tally.seconds,
        docs_per_s=tally.documents / tally.seconds if tally.seconds else 0.0, **recognition)


# -- baseline ----------------------------------------------------------------------------------
# Words may hold ' ’ . - inside (Saint-Denis, d'Ivoire); digits too, so "H5N1" is one word.
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# Capitalised only because they open a sentence, yet each is some village's name in GeoNames.
_STOP = frozenset("""a all an and as at but by for from he her his i if in it its my no not of on
or our she so that the their there these they this those to we what when where which who why
with you""".split())


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from gazetteer import Gazetteer  # late: opening the default store may build it (~30 s)

    return Gazetteer.open()


def baseline_parse(text: str, spans: list[Span] | None = None) -> list[Predicted]:
    """A deliberately simple system: the gazetteer's first candidate for each name.

    Given ``spans`` it looks each span's text up (exact or loose match).  End to end it takes
    capitalised word n-grams (longest first, 3 to 1 words) that the gazetteer knows exactly.
    """
    gaz = _gazetteer()
    if spans is not None:
        return [_first_place(gaz, text, s, e, loose=True) for s, e in spans]
    found = (_first_place(gaz, text, s, e, loose=False) for s, e in capitalised_ngrams(text, gaz))
    return [p for p in found if p.lat is not None]


def _first_place(gaz: Any, text: str, start: int, end: int, loose: bool) -> Predicted:
    cands = gaz.lookup(text[start:end], limit=1, loose_match=loose)
    if not cands or not (loose or cands[0].match == "exact"):
        return Predicted(start=start, end=end)
    return Predicted(start=start, end=end, lat=cands[0].place.lat, lon=cands[0].place.lon)


def capitalised_ngrams(text: str, gaz: Any, longest: int = 3) -> Iterator[Span]:
    """Spans of runs of 1..``longest`` capitalised words, separated by single spaces, that
    ``gaz`` matches exactly; the longest match at each word wins and is not re-used."""
    words = [m.span() for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        n = _longest_known(text, words, i, gaz, longest)
        if n:
            yield words[i][0], words[i + n - 1][1]
        i += max(n, 1)


def _longest_known(text: str, words: list[Span], i: int, gaz: Any, longest: int) -> int:
    run = 0  # how many words from i on are capitalised and joined by one space
    while (run < longest and i + run < len(words) and text[words[i + run][0]].isupper()
           and (run == 0 or text[words[i + run - 1][1]:words[i + run][0]] == " ")):
        run += 1
    for n in range(run, 0, -1):
        if n == 1 and text[slice(*words[i])].lower() in _STOP:
            return 0  # alone it is a sentence opener; "The Hague" still passes as n = 2
        cands = gaz.lookup(text[words[i][0]:words[i + n - 1][1]], limit=1, loose_match=False)
        if cands and cands[0].match == "exact":
            return n
    return 0


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    from .pipeline import Pipeline  # late: loads the gazetteer and the recogniser's name index

    return Pipeline(_gazetteer())


def geomap_parse(text: str, spans: list[Span] | None = None) -> list[Predicted]:
    """geomap's own geoparser under the harness: places and metonyms (toponyms in the corpora's
    sense; demonyms and organisation names are not), with their resolved points."""
    from .models import Document

    doc = _pipeline()(Document(id="eval", text=text, only_spans=spans))
    return [Predicted(start=m.start, end=m.end,
                      lat=m.place.lat if m.place else None, lon=m.place.lon if m.place else None)
            for m in doc.mentions if m.kind in ("place", "metonym")]
