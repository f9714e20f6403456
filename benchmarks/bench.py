#!/usr/bin/env python3
"""Benchmark lintnews against proselint, side by side in one run.

    python benchmarks/bench.py CORPUS_DIR            # a directory of .txt/.md articles
    python benchmarks/bench.py --from-jsonl ../shared/eval/clean-bbc.jsonl

The machine may be shared and noisy, so every measurement is repeated with the
two tools interleaved and the medians (and their ratio) are reported. Peak
memory is each process's own maximum resident set size (``wait4``). Prints:
throughput in MB/s of each tool and the ratio, cold start on one ~5 KB
article, peak memory, and a scaling run over 1x, 4x and 16x the corpus.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXTENSIONS = (".txt", ".md")


def run(cmd: list[str]) -> tuple[float, float, int]:
    """Run a command; return (seconds, peak RSS in MB, exit status)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd[:3])}... failed with status {proc.returncode}:\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def corpus_size(directory: Path) -> tuple[int, int]:
    files = [p for p in directory.rglob("*") if p.suffix in EXTENSIONS]
    return len(files), sum(p.stat().st_size for p in files)


def write_jsonl_corpus(jsonl: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    with open(jsonl, encoding="utf-8") as f:
        for n, line in enumerate(f):
            record = json.loads(line)
            (out / f"{n:05d}.txt").write_text(record["text"], encoding="utf-8")
    return out


def replicate(corpus: Path, times: int, out: Path) -> Path:
    for i in range(times):
        shutil.copytree(corpus, out / f"copy{i}")
    return out


def lintnews_cmd(target: str, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "lintnews", "check", "--format", "json", *extra, target]


def proselint_cmd(target: str) -> list[str]:
    return [sys.executable, "-m", "proselint", "check", "-o", "json", target]


def lintnews_flags() -> list[str]:
    """Options that keep the comparison fair: one worker, no results cache."""
    help_text = subprocess.run([sys.executable, "-m", "lintnews", "check", "--help"],
                               capture_output=True, text=True).stdout
    flags = []
    if "--no-cache" in help_text:
        flags.append("--no-cache")
    if "--jobs" in help_text or " -j" in help_text:
        flags += ["-j", "1"]
    return flags


def median_pair(cmd_a, cmd_b, repeat):
    a, b = [], []
    for _ in range(repeat):  # interleaved, so machine noise hits both alike
        a.append(run(cmd_a))
        if cmd_b:
            b.append(run(cmd_b))
    med = lambda rows, i: statistics.median(r[i] for r in rows) if rows else None  # noqa: E731
    return (med(a, 0), max(r[1] for r in a)), ((med(b, 0), max(r[1] for r in b)) if b else (None, None))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="directory of articles")
    parser.add_argument("--from-jsonl", help="write the records of a JSONL file out as articles first")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-proselint", action="store_true")
    parser.add_argument("--no-scaling", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="lintnews-bench-"))
    try:
        if args.from_jsonl:
            corpus = write_jsonl_corpus(Path(args.from_jsonl), tmp / "corpus")
        elif args.corpus:
            corpus = Path(args.corpus)
        else:
            parser.error("give a corpus directory or --from-jsonl")
        files, size = corpus_size(corpus)
        mb = size / 1e6
        flags = lintnews_flags()
        use_proselint = not args.no_proselint and shutil.which("proselint") is not None
        print(f"corpus: {files} files, {mb:.2f} MB; machine: {os.cpu_count()} CPUs; "
              f"{time.strftime('%Y-%m-%d')}; lintnews flags: {' '.join(flags) or '(none)'}")

        (ln_t, ln_mem), (pl_t, pl_mem) = median_pair(
            lintnews_cmd(str(corpus), flags), proselint_cmd(str(corpus)) if use_proselint else None,
            args.repeat)
        print(f"throughput  lintnews {mb / ln_t:8.2f} MB/s  (median {ln_t:.2f} s, peak {ln_mem:.0f} MB)")
        if pl_t:
            print(f"throughput proselint {mb / pl_t:8.2f} MB/s  (median {pl_t:.2f} s, peak {pl_mem:.0f} MB)")
            print(f"ratio: lintnews is {pl_t / ln_t:.1f}x proselint's throughput")

        small = sorted(corpus.rglob("*.txt"), key=lambda p: abs(p.stat().st_size - 5000))[0]
        (c_ln, _), (c_pl, _) = median_pair(lintnews_cmd(str(small), flags),
                                           proselint_cmd(str(small)) if use_proselint else None,
                                           max(args.repeat, 5))
        line = f"cold start on {small.stat().st_size / 1000:.1f} KB: lintnews {c_ln * 1000:.0f} ms"
        if c_pl:
            line += f", proselint {c_pl * 1000:.0f} ms (ratio {c_ln / c_pl:.2f})"
        print(line)

        if not args.no_scaling:
            base = None
            for times in (1, 4, 16):
                target = corpus if times == 1 else replicate(corpus, times, tmp / f"x{times}")
                (t, mem), _ = median_pair(lintnews_cmd(str(target), flags), None, args.repeat if times < 16 else 1)
                base = base or t
                print(f"scaling {times:2d}x: {t:7.2f} s  ({times * mb / t:.2f} MB/s, "
                      f"{t / base:5.2f}x the 1x time, peak {mem:.0f} MB)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
