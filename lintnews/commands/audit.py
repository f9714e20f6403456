"""``lintnews audit``: lint an archive on Dask and write the findings to Parquet."""
from __future__ import annotations

import os

from ..api import LintError
from ..hookspecs import hookimpl
from . import Command, split_list

TABLE_SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".jsonl": "json", ".ndjson": "json"}
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".rst")


def read_archive(paths, text_column, id_column, blocksize="16MB"):
    """A Dask DataFrame of articles from tables (Parquet, CSV, JSONL) or from
    directories of article files (one row per file: id = path, text = contents)."""
    import dask.dataframe as dd

    frames, files = [], []
    for path in paths:
        kind = TABLE_SUFFIXES.get(os.path.splitext(path.rstrip("/"))[1].lower())
        if os.path.isdir(path) and kind is None and not _is_parquet_dir(path):
            from .check import walk
            files += list(walk([path], ARTICLE_SUFFIXES))
        elif kind == "parquet" or _is_parquet_dir(path):
            frames.append(dd.read_parquet(path))
        elif kind == "csv":
            frames.append(dd.read_csv(path, blocksize=blocksize, dtype={text_column: "string"}))
        elif kind == "json":
            frames.append(dd.read_json(path, lines=True, blocksize=blocksize))
        elif os.path.isfile(path):
            files.append(path)
        else:
            raise LintError(f"{path}: not a Parquet/CSV/JSONL file or a directory of articles")
    if files:
        frames.append(_files_frame(files, text_column, id_column))
    if not frames:
        raise LintError("no articles found")
    return frames[0] if len(frames) == 1 else dd.concat(frames)


def _is_parquet_dir(path) -> bool:
    return os.path.isdir(path) and any(n.endswith(".parquet") for n in os.listdir(path))


def _files_frame(files, text_column, id_column, per_partition=200):
    import dask.dataframe as dd
    import pandas as pd

    def load(chunk):
        texts = []
        for name in chunk:
            with open(name, "rb") as f:
                texts.append(f.read().decode("utf-8-sig", errors="replace"))
        return pd.DataFrame({id_column: pd.Series(chunk, dtype="string"),
                             text_column: pd.Series(texts, dtype="string")})

    chunks = [files[i:i + per_partition] for i in range(0, len(files), per_partition)]
    return dd.from_map(load, chunks)


class AuditCommand(Command):
    name = "audit"
    help = "lint an archive (Parquet, CSV, JSONL or directories) on Dask; write findings to Parquet"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--output", "-o", default="lintnews-findings.parquet", metavar="DIR",
                            help="Parquet dataset to write (default: lintnews-findings.parquet)")
        parser.add_argument("--scheduler", metavar="ADDRESS",
                            help="a Dask scheduler address (tcp://host:8786); default: local processes")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                            help="local worker processes when no scheduler is given")
        parser.add_argument("--text-column", default="text")
        parser.add_argument("--id-column", default="id")
        parser.add_argument("--date-column", help="summarise findings per month of this column")
        parser.add_argument("--select", action="append", metavar="RULES")
        parser.add_argument("--ignore", action="append", metavar="RULES")
        parser.add_argument("--pack", action="append", default=[], metavar="PATH")

    def run(self, args):
        try:
            from ..dask import lint_frame, summarize
        except ImportError as exc:
            raise LintError(f"audit needs the dask extra: pip install 'lintnews[dask]' ({exc})") from None
        config = {"select": split_list(args.select), "ignore": split_list(args.ignore),
                  "packs": [os.path.abspath(p) for p in args.pack]}
        from ..api import Session
        Session(**config)  # report a bad pack or rule name now, not from inside a worker
        articles = read_archive(args.paths, args.text_column, args.id_column)
        keep = [args.date_column] if args.date_column else []
        findings = lint_frame(articles, args.text_column, args.id_column, config, keep_columns=keep)
        with _scheduler(args) as progress:
            future = findings.to_parquet(args.output, write_index=False, compute=False)
            progress(future)
        import pandas as pd
        # Findings are far smaller than the archive: summarise them here, with
        # no scheduler left running.
        summary = summarize(pd.read_parquet(args.output), args.date_column)
        print(f"findings written to {args.output}")
        for name, table in summary.items():
            print(f"\n{name.replace('_', ' ')}:\n{table.to_string()}")
        return 0


class _scheduler:
    """Run on the given scheduler (with distributed's progress bar) or on a
    local cluster of worker processes."""

    def __init__(self, args):
        self.args = args

    def __enter__(self):
        from distributed import Client, LocalCluster, progress
        if self.args.scheduler:
            self.cluster = None
            self.client = Client(self.args.scheduler, set_as_default=False)
        else:
            self.cluster = LocalCluster(n_workers=self.args.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster, set_as_default=False)

        def run_with_progress(graph):
            future = self.client.compute(graph)
            # Name the scheduler: progress() would otherwise follow the
            # process's default client, which may be another cluster's.
            progress(future, scheduler=self.client.scheduler.address)
            future.result()
            print()
        return run_with_progress

    def __exit__(self, *exc):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False


@hookimpl
def lintnews_commands():
    return [AuditCommand]
