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
import subprocess
import sys
import tempfile
import threading
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


def _tree_peaks(root: int, peaks: dict[int, int]) -> None:
    """Each live process under ``root``: its peak RSS so far (VmHWM, kB), into ``peaks``.

    getrusage cannot see the workers: multiprocessing starts them from a forkserver that is
    never waited for, so their peaks never reach RUSAGE_CHILDREN.  VmHWM is a high-water
    mark: a poll every half second misses nothing of a worker that lives the whole run.
    Linux /proc only."""
    parent: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parent[int(entry.name)] = int(stat[stat.rindex(")") + 2:].split()[1])
            except (OSError, ValueError):
                continue
    for pid in parent:
        up = pid
        while up > 1 and up != root:
            up = parent.get(up, 0)
        if up != root:
            continue
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks[pid] = max(peaks.get(pid, 0), int(line.split()[1]))
        except OSError:
            continue


def timed(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) of the largest process and of the main one, of one run."""
    began = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", PROBE, *args], text=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, int] = {}
    stop = threading.Event()
    watcher = threading.Thread(target=lambda: [_tree_peaks(proc.pid, peaks)
                                               for _ in iter(lambda: stop.wait(0.5), True)])
    watcher.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - began
    stop.set()
    watcher.join()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, args, stderr=stderr)
    main_kb = [int(line.split()[1]) for line in stderr.splitlines()
               if line.startswith("main-peak-kb ")]
    main = main_kb[-1] if main_kb else 0
    return seconds, max([main, *peaks.values()]) / 1024, main / 1024 if main else float("nan")


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
