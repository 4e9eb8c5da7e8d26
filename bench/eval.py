#!/usr/bin/env python3
"""Score a geoparser on a development corpus.

    python bench/eval.py --corpus GeoVirus --mode gold-spans [--limit N] [--json]
    python bench/eval.py --corpus TUD-Loc2013 --mode end-to-end --system mypkg.mod:parse

The system is ``module:function`` with the :class:`geomap.evaluate.Parser` signature
``parse(text, spans) -> list[Predicted]``; the default is the gazetteer-only baseline.
Corpora are read from ``--eval-dir``, else ``$GEOMAP_EVAL_DIR``, else ``../shared/eval``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Callable
from typing import Any

from geomap.evaluate import CORPORA, Corpus, EvalResult, evaluate, load_corpus


def load_system(spec: str) -> Callable[..., Any]:
    """Import ``module:function``."""
    module, _, name = spec.partition(":")
    if not name:
        raise SystemExit(f"--system must look like module:function, not {spec!r}")
    return getattr(importlib.import_module(module), name)


def _fmt(value: float | None, pattern: str = "{:.3f}") -> str:
    return "-" if value is None else pattern.format(value)


def table(result: EvalResult, docs: Corpus) -> str:
    """A plain-text report of the corpus counts and the scores."""
    s, r = docs.stats, result.resolution
    lines = [f"{result.corpus}  mode={result.mode}  documents={result.documents}"
             f"  gold toponyms={result.gold_toponyms}  predicted={result.predicted}",
             f"corpus: relocated offsets={s.relocated}  skipped={s.skipped}"
             f"  duplicates={s.duplicates}  no-coordinates (ignored)={s.no_coordinates}", ""]
    if result.exact and result.overlap:
        lines.append(f"{'recognition':<12}" + "".join(f"{h:>8}" for h in "P R F1 TP FP FN".split()))
        for name, sc in (("exact", result.exact), ("overlap", result.overlap)):
            lines.append(f"{name:<12}{sc.precision:8.3f}{sc.recall:8.3f}{sc.f1:8.3f}"
                         f"{sc.tp:8d}{sc.fp:8d}{sc.fn:8d}")
        lines.append("")
    lines += [f"resolution   n={r.count}  unresolved={r.unresolved}",
              f"  acc@161km  {_fmt(r.acc_161)}",
              f"  mean km    {_fmt(r.mean_km, '{:.0f}')}",
              f"  median km  {_fmt(r.median_km, '{:.0f}')}",
              f"  AUC        {_fmt(r.auc)}  (lower is better)",
              f"  suspected sign errors in the gold: {r.sign_suspects}"
              f" (acc@161km counting them right: {_fmt(r.acc_161_sign_corrected)})", "",
              f"speed        {result.docs_per_s:.1f} documents/s"
              f" ({result.seconds:.1f} s in the system)"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--corpus", required=True, choices=CORPORA)
    ap.add_argument("--mode", choices=("end-to-end", "gold-spans"), default="end-to-end")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--system", default="geomap.evaluate:geomap_parse", help="module:function")
    ap.add_argument("--eval-dir",
                    help="corpora folder (default: $GEOMAP_EVAL_DIR, else ../shared/eval)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON, not a table")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="eval: %(levelname)s: %(message)s")
    docs = load_corpus(args.corpus, args.eval_dir, args.limit)
    system = load_system(args.system)
    system("", None)  # warm-up: opening stores or loading models is no per-document cost
    result = evaluate(docs, system, gold_spans=args.mode == "gold-spans")
    if args.json:
        print(json.dumps({"result": result.model_dump(), "corpus": docs.stats.model_dump(),
                          "system": args.system}, indent=2))
    else:
        print(table(result, docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
