#!/usr/bin/env python3
"""Throughput of lint_frame on a 2-worker Dask LocalCluster vs one process.

    python benchmarks/dask_throughput.py ../shared/eval/clean-bbc.jsonl [--workers 2]

Prints articles/s and MB/s of each (median of --repeat runs) and their ratio.
"""
import argparse
import statistics
import sys
import time

import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from lintnews.api import Session
from lintnews.dask import lint_frame


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("jsonl")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    frame = pd.read_json(args.jsonl, lines=True)[["id", "text"]]
    mb = frame["text"].str.len().sum() / 1e6
    session = Session()
    one = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        n = sum(len(session.lint_source(t, i)) for i, t in zip(frame["id"], frame["text"]))
        one.append(time.perf_counter() - start)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        ddf = dd.from_pandas(frame, npartitions=args.workers * 8).persist()
        lint_frame(ddf.head(5, compute=False)).compute()  # warm the workers' rules
        many = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            m = len(lint_frame(ddf).compute())
            many.append(time.perf_counter() - start)
    t1, tn = statistics.median(one), statistics.median(many)
    print(f"{len(frame)} articles, {mb:.2f} MB, {n} findings (cluster: {m})")
    print(f"one process:          {len(frame) / t1:8.0f} articles/s  {mb / t1:6.2f} MB/s  (median {t1:.2f} s)")
    print(f"LocalCluster x{args.workers}:      {len(frame) / tn:8.0f} articles/s  {mb / tn:6.2f} MB/s  (median {tn:.2f} s)")
    print(f"speed-up: {t1 / tn:.2f}x")
    return 0 if n == m else 1


if __name__ == "__main__":
    sys.exit(main())
