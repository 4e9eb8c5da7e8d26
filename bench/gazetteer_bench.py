"""Gazetteer figures: default-store build time and peak memory, cold open, lookup throughput.

    python bench/gazetteer_bench.py [--store PATH] [--rebuild] [--json]

Each measurement runs in a fresh process so that open times are cold and peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

_BUILD = """
import resource, time, sys
from pathlib import Path
from gazetteer.embedded import build_default
t = time.perf_counter(); build_default(Path(sys.argv[1]), progress=False)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

_OPEN = """
import time, sys
t0 = time.perf_counter()
from gazetteer import Gazetteer
t1 = time.perf_counter(); g = Gazetteer.open(sys.argv[1]); t2 = time.perf_counter()
g.lookup("Terter"); t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""

_LOOKUP = """
import random, resource, sqlite3, sys, time
from gazetteer import Gazetteer
path = sys.argv[1]
with sqlite3.connect(path) as conn:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM place WHERE feature_class = 'P' ORDER BY id")]
rng = random.Random(7)
unique = rng.sample(names, 5000)
# news-like stream: a few thousand distinct names, repeated with a Zipf-like skew
pool = rng.sample(names, 3000)
stream = [pool[min(int(rng.paretovariate(1.1)) - 1, 2999)] for _ in range(200000)]

def rate(gaz, queries):
    t = time.perf_counter()
    for q in queries:
        gaz.lookup(q, limit=10)
    return len(queries) / (time.perf_counter() - t)

print(rate(Gazetteer.open(path, build=False), unique),
      rate(Gazetteer.open(path, build=False), stream),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _run(code: str, *args: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True).stdout.split()
    return [float(x) for x in out]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    store = args.store or Path(tempfile.mkdtemp()) / "bench.sqlite"
    results: dict[str, float | str] = {"machine": f"{platform.machine()}, "
                                       f"{__import__('os').cpu_count()} cores, Python "
                                       f"{platform.python_version()}"}
    if not store.exists():
        build_s, build_mb = _run(_BUILD, str(store))
        results.update(build_s=round(build_s, 1), build_peak_mb=round(build_mb))
    results["store_mb"] = round(store.stat().st_size / 1e6, 1)
    opens = sorted(_run(_OPEN, str(store)) for _ in range(5))[2]  # median of five
    results.update(import_s=round(opens[0], 3), open_s=round(opens[1], 4),
                   first_lookup_s=round(opens[2], 4))
    unique, stream, rss = _run(_LOOKUP, str(store))
    results.update(lookups_per_s_unique=round(unique), lookups_per_s_news_stream=round(stream),
                   lookup_peak_mb=round(rss))
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for key, value in results.items():
            print(f"{key:>28}: {value}")


if __name__ == "__main__":
    main()
