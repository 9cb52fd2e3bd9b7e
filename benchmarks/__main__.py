"""`python -m benchmarks`: every stage on a tier against its floors (`make bench`)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from thidua.errors import UserError


def _scales(text: str) -> list[float]:
    try:
        scales = [float(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text}") from None
    if len(scales) < 2 or any(not 0 < s <= 1 for s in scales):
        raise argparse.ArgumentTypeError("two or more scales in (0, 1], e.g. 0.1,0.3,1")
    return scales


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run every stage on a tier in one process; print wall time, peak memory and "
        "the ratio to each stage's floor; write build/bench/<tier>.json.",
    )
    parser.add_argument("--tier", default="province", choices=["province", "national"])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the tier's size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--load-rows",
        type=int,
        default=1_000_000,
        help="score rows of the CSV / Parquet / XLSX load stages (0: skip them)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the run's work folder under build/bench/"
    )
    parser.add_argument(
        "--scales",
        type=_scales,
        help="run at each of these scales (e.g. 0.1,0.3,1) and print how each stage grows",
    )
    parser.add_argument(
        "--saved",
        action="store_true",
        help="with --scales: tabulate the runs saved in build/bench/ instead of running again",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from benchmarks.run import run_bench

    try:
        if args.scales:
            from benchmarks.growth import run_growth, saved_report

            # The load-format stages do not depend on the scale: measured once, not per scale.
            run_growth(
                args.tier,
                args.scales,
                (lambda scale: saved_report(args.tier, scale))
                if args.saved
                else (lambda scale: run_bench(args.tier, scale=scale, seed=args.seed, load_rows=0)),
            )
            return 0
        run_bench(
            args.tier, scale=args.scale, seed=args.seed, load_rows=args.load_rows, keep=args.keep
        )
    except UserError as exc:
        print(f"lỗi / error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # As the CLI does: GX and DuckDB objects held until interpreter shutdown cost seconds of noise.
    os._exit(code)
