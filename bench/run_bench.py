"""End-to-end throughput of `geomap map`: read, geoparse, events, merge, write the map.

    python bench/run_bench.py [--jobs 1 2] [--limit N]

The corpus is made at run time from the development corpora in ../shared/eval (WikToR's 5,000
excerpts, GeoVirus' 229 articles and ACLED's 496 notes: 5,725 documents of news length); it is
written to a temporary JSON Lines file, never into the project.  Each run is a fresh process;
peak memory is the largest resident set of any of its processes (the goal's figure), shown
beside the main process's own peak (it holds the batch's results until the outputs are written;
the workers hold the gazetteer's name index and caches).
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


# `python -m geomap` that also reports its own peak RSS (kB) on exit; workers do not run it.
PROBE = ("import atexit, resource, runpy, sys; atexit.register(lambda: sys.__stderr__.write("
         "f'\\nmain-peak-kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')); "
         "sys.argv[0] = 'geomap'; runpy.run_module('geomap', run_name='__main__')")


def timed(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) of the largest process and of the main one, of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PROBE, *args], check=True, text=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - began
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    main_kb = [line.split()[1] for line in done.stderr.splitlines()
               if line.startswith("main-peak-kb ")]
    return seconds, peak, int(main_kb[-1]) / 1024 if main_kb else float("nan")


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
    first, _, _ = timed(["map", str(one), "-o", str(folder / "one.html"), "--jobs", "1", "-q"])
    print(f"time to first output (one document, cold process): {first:.2f} s")
    for jobs in args.jobs:
        seconds, peak, main_peak = timed(["map", str(data), "-o", str(folder / f"j{jobs}.html"),
                                          "--jobs", str(jobs), "-q"])
        print(f"--jobs {jobs}: {seconds:.1f} s, {n / seconds:.0f} documents/s, "
              f"{size / 1e6 / seconds:.2f} MB/s, peak {peak:.0f} MB per process "
              f"(main process {main_peak:.0f} MB)")


if __name__ == "__main__":
    main()
