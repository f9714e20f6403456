#!/usr/bin/env python3
"""Benchmark lintnews against proselint, side by side in one run.

    python benchmarks/bench.py CORPUS_DIR            # a directory of .txt/.md articles
    python benchmarks/bench.py --from-jsonl ../shared/eval/clean-bbc.jsonl

The machine may be shared and noisy, so every measurement is repeated with the
two tools interleaved, and medians (and their ratios) are reported. Both tools
run as the user runs them: a fresh process per measurement (``python -m
lintnews check`` / ``python -m proselint check``), after one untimed warm-up
run each, which writes lintnews' compiled-pack cache and both tools' bytecode
(``PYTHONDONTWRITEBYTECODE`` is dropped for the children: installed packages
ship bytecode, an editable checkout has to write its own). lintnews runs with
one worker and without its results cache (``-j 1 --no-cache``) unless told
otherwise: the comparison is of linting, not of skipping work.

Prints, with the date, the machine and the versions:
- throughput (MB/s) of each tool on the corpus, and the ratio;
- cold start of each on one article of about 5 KB, and the ratio;
- peak memory (maximum resident set, from ``wait4``) of each tool on the
  corpus and of lintnews on a corpus of at least 5 MB;
- a scaling run of lintnews over 1x, 4x and 16x the corpus (copies);
- for information, lintnews with all CPUs (``-j``) and with a warm results
  cache.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXTENSIONS = (".txt", ".md")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak RSS in MB). Exit status 0
    or 1 (findings) is success."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd[:4])} ... failed with status {code}:\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


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


def lintnews_help() -> str:
    return subprocess.run([sys.executable, "-m", "lintnews", "check", "--help"],
                          capture_output=True, text=True, env=ENV).stdout


def median_runs(commands: dict[str, list[str]], repeat: int, cwd=None) -> dict[str, tuple[float, float]]:
    """Median wall time and peak memory of each command, the commands
    interleaved so that machine noise hits them alike."""
    times: dict[str, list] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            times[name].append(run(cmd, cwd))
    return {name: (statistics.median(t for t, _ in rows), max(m for _, m in rows)) for name, rows in times.items()}


def version(module: str) -> str:
    out = subprocess.run([sys.executable, "-c", f"import importlib.metadata as m; print(m.version({module!r}))"],
                         capture_output=True, text=True, env=ENV).stdout.strip()
    return out or "not installed"


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " load %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs {model}, Python {platform.python_version()};{load}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="directory of articles")
    parser.add_argument("--from-jsonl", help="write the records of a JSONL file out as articles first")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--lintnews-args", default="", help="extra options for lintnews check, e.g. '--extend-select proselint'")
    parser.add_argument("--no-proselint", action="store_true", help="measure lintnews only")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 1x/4x/16x run")
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
        if not files:
            parser.error(f"no {'/'.join(EXTENSIONS)} files in {corpus}")
        mb = size / 1e6
        help_text = lintnews_help()
        flags = ["-j", "1"] if "--jobs" in help_text else []
        flags += ["--no-cache"] if "--no-cache" in help_text else []
        flags += args.lintnews_args.split()
        use_proselint = not args.no_proselint and version("proselint") != "not installed"
        print(f"{time.strftime('%Y-%m-%d %H:%M')}; {machine()}")
        print(f"lintnews {version('lintnews')} (check {' '.join(flags) or 'with no options'}); "
              f"proselint {version('proselint') if use_proselint else '(not run)'}")
        print(f"corpus: {files} files, {mb:.2f} MB; medians of {args.repeat} interleaved runs")

        small = sorted((p for p in corpus.rglob("*") if p.suffix in EXTENSIONS),
                       key=lambda p: abs(p.stat().st_size - 5000))[0]
        warm = [lintnews_cmd(str(small), flags)] + ([proselint_cmd(str(small))] if use_proselint else [])
        for cmd in warm:  # untimed: builds the pack cache and the bytecode
            run(cmd)

        commands = {"lintnews": lintnews_cmd(str(corpus), flags)}
        if use_proselint:
            commands["proselint"] = proselint_cmd(str(corpus))
        found = median_runs(commands, args.repeat)
        ln_t, ln_mem = found["lintnews"]
        print(f"throughput  lintnews {mb / ln_t:8.3f} MB/s  (median {ln_t:.2f} s, peak {ln_mem:.0f} MB)")
        if use_proselint:
            pl_t, pl_mem = found["proselint"]
            print(f"throughput proselint {mb / pl_t:8.3f} MB/s  (median {pl_t:.2f} s, peak {pl_mem:.0f} MB)")
            print(f"ratio: lintnews has {pl_t / ln_t:.1f}x proselint's throughput (target: at least 25x)")

        starts = {"lintnews": lintnews_cmd(str(small), flags)}
        if use_proselint:
            starts["proselint"] = proselint_cmd(str(small))
        found = median_runs(starts, max(args.repeat, 9))
        line = f"cold start on one {small.stat().st_size / 1000:.1f} KB article: lintnews {found['lintnews'][0] * 1000:.0f} ms"
        if use_proselint:
            line += (f", proselint {found['proselint'][0] * 1000:.0f} ms (lintnews/proselint "
                     f"{found['lintnews'][0] / found['proselint'][0]:.2f}; target: at most 1)")
        print(line)

        times = max(1, -(-5_000_000 // size))  # copies to reach 5 MB
        big = corpus if times == 1 else replicate(corpus, times, tmp / "five-mb")
        (t, mem), = median_runs({"x": lintnews_cmd(str(big), flags)}, 1).values()
        print(f"peak memory on {times * mb:.1f} MB ({times}x the corpus): lintnews {mem:.0f} MB "
              f"({t:.1f} s; target: at most 150 MB)")
        if times > 1:
            shutil.rmtree(big)

        if not args.no_scaling:
            base = None
            for times in (1, 4, 16):
                target = corpus if times == 1 else replicate(corpus, times, tmp / f"x{times}")
                (t, mem), = median_runs({"x": lintnews_cmd(str(target), flags)}, args.repeat if times < 16 else 3).values()
                base = base or t
                print(f"scaling {times:2d}x: {t:7.2f} s  ({times * mb / t:.3f} MB/s, {t / base:5.2f}x the 1x time"
                      f"{'; target: at most 17x' if times == 16 else ''}, peak {mem:.0f} MB)")
                if times > 1:
                    shutil.rmtree(target)

        print("for information:")
        parallel = flags[2:] if flags[:2] == ["-j", "1"] else flags
        (t, _), = median_runs({"x": lintnews_cmd(str(corpus), parallel)}, args.repeat).values()
        print(f"  lintnews -j {os.cpu_count()} (all CPUs, no results cache): {mb / t:.3f} MB/s ({t:.2f} s)")
        if "--no-cache" in flags:
            cached = [f for f in flags if f != "--no-cache"] + ["--cache-dir", str(tmp / "results")]
            run(lintnews_cmd(str(corpus), cached))
            (t, _), = median_runs({"x": lintnews_cmd(str(corpus), cached)}, args.repeat).values()
            print(f"  lintnews with a warm results cache (nothing changed): {t:.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
