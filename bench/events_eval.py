"""Score event extraction on ACLED's coded events (dev set: Afghanistan, March 2020).

Each row's ``notes`` is the input text, its ``event_date`` the publication date.  A row is compared
with ONE extracted event, chosen without looking at the gold coding: the first non-background event
in text order (ACLED notes state the coded event first).  A row with no event scores zero on every
measure.  Metrics: event type and sub-event type accuracy; for geo_precision 1 rows, the share
placed within 25 km of the gold point; fatalities exact match (an unstated figure, null, counts as
ACLED's 0); of the rows whose event names an actor, the share whose first actor is on ACLED's
actor1's side (a state's forces, which geomap gives a country code, against anyone else).  The
notes often end with the coder's own remark "Fatalities coded as N (VoJ reported M)": that is
the answer, not reporting, so it is cut from the text before geomap reads it.

    python bench/events_eval.py [ACLED.csv] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

from gazetteer import Gazetteer, haversine_km

from geomap.events import EventExtractor
from geomap.models import Document, Event
from geomap.pipeline import Pipeline

DEFAULT = (Path(__file__).resolve().parents[2] /
           "shared/eval/events/acled_afghanistan_2020-03/ACLED.csv")
CODER_REMARK = re.compile(r"\s*(?:Total )?Fatalities (?:are )?(?:coded as|split)[^.]*\.?|"
                          r"\s*\((?:VoJ|Taliban) reported[^)]*\)", re.I)


def primary(events: list[Event]) -> Event | None:
    """The note's first reported (non-background) event; gold-blind on purpose."""
    news = [e for e in events if not e.background] or events
    return min(news, key=lambda e: e.evidence[0].start, default=None)


def run(path: Path, errors: int = 0, sources: bool = False) -> dict[str, float]:
    gaz = Gazetteer.open()
    pipe, extractor = Pipeline(gaz), EventExtractor(gaz)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    score: Counter = Counter()
    shown = 0
    for row in rows:
        published = dt.datetime.strptime(row["event_date"], "%d %B %Y").date()
        ev = _first(pipe, extractor, row, CODER_REMARK.sub("", row["notes"]), published,
                    row["source"] if sources else None)
        ok = _score(score, row, ev)
        if not ok and shown < errors:
            shown += 1
            print(_explain(row, ev), file=sys.stderr)
    n = len(rows)
    return {"rows": n, "type_acc": score["type"] / n, "subtype_acc": score["subtype"] / n,
            "within_25km_gp1": score["near"] / max(score["gp1"], 1), "gp1_rows": score["gp1"],
            "fatalities_exact": score["fat"] / n, "no_event": score["none"] / n,
            "actor1_side": score["side"] / max(score["actors"], 1),
            "rows_with_actors": score["actors"]}


def _first(pipe, extractor, row, text: str, published: dt.date,
           source: str | None = None) -> Event | None:
    doc = pipe(Document(id=f"acled-{row['data_id']}", text=text, published=published,
                        source=source))
    return primary(extractor.extract(doc))


def _score(score: Counter, row: dict, ev: Event | None) -> bool:
    gp1 = row["geo_precision"] == "1"
    score["gp1"] += gp1
    if ev is None:
        score["none"] += 1
        score["fat"] += row["fatalities"] == "0"
        return False
    score["type"] += ev.type == row["event_type"]
    score["subtype"] += ev.type == row["event_type"] and ev.subtype == row["sub_event_type"]
    score["fat"] += (ev.fatalities or 0) == int(row["fatalities"])
    if ev.actors:  # inter1 1: state forces, 8: external (foreign state) forces
        score["actors"] += 1
        score["side"] += (ev.actors[0].country_code is not None) == (row["inter1"] in ("1", "8"))
    if gp1 and ev.place is not None:
        km = haversine_km(ev.place.lat, ev.place.lon,
                          float(row["latitude"]), float(row["longitude"]))
        score["near"] += km <= 25
    return ev.subtype == row["sub_event_type"] and (ev.fatalities or 0) == int(row["fatalities"])


def _explain(row: dict, ev: Event | None) -> str:
    got = ev and f"{ev.subtype} | {ev.place_name} | {ev.fatalities}"
    gold = f"{row['sub_event_type']} | {row['location']} | {row['fatalities']}"
    return f"GOLD {gold}\n  GOT {got}\n  {row['notes'][:300]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong rows")
    ap.add_argument("--sources", action="store_true",
                    help="give geomap each row's source outlet (off: notes and date only)")
    args = ap.parse_args()
    for key, value in run(args.csv, args.errors, args.sources).items():
        print(f"{key:36} {value:.3f}" if isinstance(value, float) else f"{key:36} {value}")


if __name__ == "__main__":
    main()
