#!/usr/bin/env python3
"""Throughput of lint_frame on a 2-worker Dask LocalCluster vs one process.

    python benchmarks/dask_throughput.py ../shared/eval/clean-bbc.jsonl [--workers 2] [--limit N]

Prints articles/s and MB/s of each (median of --repeat runs), their ratio,
and the CPU seconds each spent (for the cluster: its worker processes', all
their threads): on a machine shared with other jobs the wall-clock ratio
depends on the free cores, the CPU time shows what the cluster itself costs.
"""
import argparse
import os
import statistics
import sys
import time

import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from lintnews.api import Session
from lintnews.dask import lint_frame

WARM_UP = "The death tool rose, officials said."


def _warm_up():
    from lintnews.dask import _session
    _session(None).lint_source(WARM_UP, "warm-up.txt")


def _cpu_seconds():
    return time.process_time()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("jsonl")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args()
    frame = pd.read_json(args.jsonl, lines=True)[["id", "text"]]
    if args.limit:
        frame = frame.iloc[:args.limit]
    mb = frame["text"].str.len().sum() / 1e6
    load_before = os.getloadavg()[0]
    session = Session()
    session.lint_source(WARM_UP, "warm-up.txt")
    one, one_cpu = [], []
    for _ in range(args.repeat):
        start, cpu = time.perf_counter(), time.process_time()
        n = sum(len(session.lint_source(t, i)) for i, t in zip(frame["id"], frame["text"]))
        one.append(time.perf_counter() - start)
        one_cpu.append(time.process_time() - cpu)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        ddf = dd.from_pandas(frame, npartitions=args.workers * 8).persist()
        client.run(_warm_up)  # every worker builds its rules and loads its tables first, as the one process did
        many, many_cpu = [], []
        for _ in range(args.repeat):
            before = client.run(_cpu_seconds)
            start = time.perf_counter()
            m = len(lint_frame(ddf).compute())
            many.append(time.perf_counter() - start)
            after = client.run(_cpu_seconds)
            many_cpu.append(sum(after[w] - before[w] for w in after))
    t1, tn = statistics.median(one), statistics.median(many)
    c1, cn = statistics.median(one_cpu), statistics.median(many_cpu)
    print(f"{len(frame)} articles, {mb:.2f} MB, {n} findings (cluster: {m}); {os.cpu_count()} CPUs, "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"one process:          {len(frame) / t1:8.0f} articles/s  {mb / t1:6.2f} MB/s  "
          f"(median {t1:.2f} s, {c1:.2f} CPU s)")
    print(f"LocalCluster x{args.workers}:      {len(frame) / tn:8.0f} articles/s  {mb / tn:6.2f} MB/s  "
          f"(median {tn:.2f} s, {cn:.2f} CPU s in the workers)")
    print(f"speed-up: {t1 / tn:.2f}x wall clock; CPU time {cn / c1:.2f}x that of one process")
    return 0 if n == m else 1


if __name__ == "__main__":
    sys.exit(main())
