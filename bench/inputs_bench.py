"""Reading inputs: a 10 MB single article and a 100k-line JSONL batch (time, traced peak memory).

    python bench/inputs_bench.py
"""

from __future__ import annotations

import json
import tempfile
import time
import tracemalloc
from pathlib import Path

from geomap.inputs import read_inputs


def measure(label: str, path: Path) -> None:
    tracemalloc.start()
    began = time.perf_counter()
    count = sum(1 for _ in read_inputs([path]))
    seconds = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"{label:>26}: {count:>7} documents in {seconds:.3f} s, traced peak {peak:.0f} MB")


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    paragraph = "Convoys moved from Port Ellery to Varn at dawn, officials said. " * 16 + "\n\n"
    big = folder / "long.txt"
    big.write_text("date 2031-04-17 Gazette\n" + paragraph * (10 * 2**20 // len(paragraph) + 1))
    many = folder / "many.jsonl"
    with many.open("w") as fh:
        for n in range(100_000):
            fh.write(json.dumps({"id": f"d{n}", "text": f"Rain in Varn, day {n}."}) + "\n")
    measure("10 MB .txt", big)
    measure("100k-line .jsonl", many)


if __name__ == "__main__":
    main()
