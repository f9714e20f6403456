#!/usr/bin/env python3
"""What the proselint plugin costs at start-up.

    python benchmarks/proselint_start.py [FILE] [--runs N]

Prints median wall times (the machine may be shared: runs are interleaved) of
``lintnews check FILE`` with the plugin blocked, with it loaded but its pack
off (the default), and with ``--select proselint``; plus the in-process time
of loading the packs and of importing proselint's checks.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def in_process(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return float(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "tests" / "fixtures" / "seed-article.txt"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    lintnews = [sys.executable, "-m", "lintnews"]
    variants = {
        "plugin blocked (-p no:proselint)": lintnews + ["-p", "no:proselint", "check", args.file],
        "default (pack off)": lintnews + ["check", args.file],
        "--select proselint": lintnews + ["check", "--select", "proselint", args.file],
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.runs):
        for name, cmd in variants.items():
            times[name].append(wall(cmd))
    print(f"lintnews check {args.file}, median of {args.runs} runs:")
    for name, values in times.items():
        print(f"  {name:<34} {statistics.median(values) * 1000:7.0f} ms")

    timer = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"
    loads = {
        "load packs, plugin blocked": timer.format(
            "from lintnews.api import Session; Session(blocked=['proselint']).all_rules"),
        "load packs, with proselint's": timer.format("from lintnews.api import Session; Session().all_rules"),
        "import proselint's checks": timer.format("import proselint.checks"),
    }
    print(f"in process, median of {args.runs} runs:")
    for name, code in loads.items():
        print(f"  {name:<34} {statistics.median(in_process(code) for _ in range(args.runs)) * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
