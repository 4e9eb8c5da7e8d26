"""End-to-end throughput of `geomap map`: read, geoparse, events, merge, write the map.

    python bench/run_bench.py [--jobs 1 2] [--limit N]

The corpus is made at run time from the development corpora in ../shared/eval (WikToR's 5,000
excerpts, GeoVirus' 229 articles and ACLED's 496 notes: 5,725 documents of news length); it is
written to a temporary JSON Lines file, never into the project.  Each run is a fresh process;
peak memory is the largest resident set of any of its processes.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geomap.evaluate import load_corpus

ACLED = Path(__file__).resolve().parents[2] / "shared/eval/events/acled_afghanistan_2020-03/ACLED.csv"


def corpus(path: Path, limit: int | None) -> tuple[int, int]:
    docs = [(f"wiktor-{d.id}", d.text) for d in load_corpus("WikToR")]
    docs += [(f"geovirus-{d.id}", d.text) for d in load_corpus("GeoVirus")]
    with ACLED.open(encoding="utf-8") as fh:
        docs += [(f"acled-{r['data_id']}", r["notes"]) for r in csv.DictReader(fh)]
    docs = docs[:limit] if limit else docs
    with path.open("w", encoding="utf-8") as out:
        for doc_id, text in docs:
            out.write(json.dumps({"id": doc_id, "text": text, "published": "2020-03-15"}) + "\n")
    return len(docs), sum(len(t.encode()) for _, t in docs)


def timed(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process of one `geomap` run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "geomap", *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - began
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp())
    data = folder / "corpus.jsonl"
    n, size = corpus(data, args.limit)
    print(f"corpus: {n} documents, {size / 1e6:.1f} MB; machine: {os.cpu_count()} cores")
    one = folder / "one.jsonl"
    one.write_text(data.open(encoding="utf-8").readline(), encoding="utf-8")
    first, _ = timed(["map", str(one), "-o", str(folder / "one.html"), "--jobs", "1", "-q"])
    print(f"time to first output (one document, cold process): {first:.2f} s")
    for jobs in args.jobs:
        seconds, peak = timed(["map", str(data), "-o", str(folder / f"j{jobs}.html"),
                               "--jobs", str(jobs), "-q"])
        print(f"--jobs {jobs}: {seconds:.1f} s, {n / seconds:.0f} documents/s, "
              f"{size / 1e6 / seconds:.2f} MB/s, peak {peak:.0f} MB per process")


if __name__ == "__main__":
    main()
