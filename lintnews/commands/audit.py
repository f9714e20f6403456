"""``lintnews audit``: lint an archive on Dask and write the findings to Parquet."""
from __future__ import annotations

import os
import sys

from .. import inputs
from ..api import LintError
from ..errors import collected_notes
from ..hookspecs import hookimpl
from . import EXIT_ERROR, Command, split_list

TABLE_SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".jsonl": "json", ".ndjson": "json"}
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".rst")


#: The column of a files frame that holds the note on an odd file, if any.
NOTE_COLUMN = "lintnews_note"
#: How a line of that column that is an error (an unreadable file) starts.
ERROR = "error: "


def read_archive(paths, text_column, id_column, blocksize="16MB", max_bytes=inputs.MAX_FILE_BYTES):
    """A Dask DataFrame of articles from tables (Parquet, CSV, JSONL) or from
    directories of article files (one row per file: id = path, text = contents,
    read as ``lintnews check`` reads them; see ``files_frame``)."""
    import dask.dataframe as dd

    frames, files = [], []
    for path in paths:
        kind = TABLE_SUFFIXES.get(os.path.splitext(path.rstrip("/"))[1].lower())
        if os.path.isdir(path) and kind is None and not _is_parquet_dir(path):
            from .check import walk
            files += list(walk([path], ARTICLE_SUFFIXES))
        elif kind == "parquet" or _is_parquet_dir(path):
            frames.append(dd.read_parquet(path))
        elif kind in ("csv", "json"):
            try:  # dask reads the start of the file now, for the columns
                if kind == "csv":
                    frames.append(dd.read_csv(path, blocksize=blocksize, dtype={text_column: "string"}))
                else:
                    frames.append(dd.read_json(path, lines=True, blocksize=blocksize))
            except UnicodeDecodeError as exc:
                raise LintError(f"{path}: {not_utf8(exc)}") from None
        elif os.path.isfile(path):
            files.append(path)
        else:
            raise LintError(f"{path}: not a Parquet/CSV/JSONL file or a directory of articles")
    if files:
        frames.append(files_frame(files, text_column, id_column, max_bytes=max_bytes))
    if not frames:
        raise LintError("no articles found")
    return frames[0] if len(frames) == 1 else dd.concat(frames)


def not_utf8(exc: UnicodeDecodeError) -> str:
    """What to say about a table that is not UTF-8. Unlike an article file,
    a table is not guessed at: which of its bytes are text is the parser's
    business, so it must be converted."""
    try:  # (an error that came back from a worker may have lost its bytes)
        where = f" (byte 0x{exc.object[exc.start]:02X})"
    except (TypeError, IndexError):
        where = ""
    return (f"not valid UTF-8{where}; CSV and JSONL tables are read as UTF-8 only: convert it "
            f"(e.g. iconv -f WINDOWS-1252 -t UTF-8)")


def _is_parquet_dir(path) -> bool:
    return os.path.isdir(path) and any(n.endswith(".parquet") for n in os.listdir(path))


def files_frame(files, text_column, id_column, per_partition=200, max_bytes=inputs.MAX_FILE_BYTES):
    """Article files as a Dask DataFrame, read on the workers exactly as
    ``lintnews check`` reads them (``lintnews.inputs``): not UTF-8 read as
    Windows-1252, binary and oversized files passed over (no text), unreadable
    ones too. What is odd about a file is in the ``NOTE_COLUMN`` column, one
    line each, for the client to print; an unreadable file's line starts with
    ``ERROR``."""
    import dask.dataframe as dd
    import pandas as pd

    def load(chunk):
        texts, notes = [], []
        for name in chunk:
            with collected_notes() as said:
                try:
                    got = inputs.read(name, max_bytes=max_bytes)
                except inputs.Skipped as exc:
                    said.append(str(exc))
                    got = None
                except LintError as exc:
                    said.append(ERROR + str(exc))
                    got = None
            texts.append(got.text if got is not None else None)
            notes.append("\n".join(said) or None)
        return pd.DataFrame({id_column: pd.Series(chunk, dtype="string"),
                             text_column: pd.Series(texts, dtype="string"),
                             NOTE_COLUMN: pd.Series(notes, dtype="string")})

    chunks = [files[i:i + per_partition] for i in range(0, len(files), per_partition)]
    meta = pd.DataFrame({c: pd.Series(dtype="string") for c in (id_column, text_column, NOTE_COLUMN)})
    return dd.from_map(load, chunks, meta=meta, enforce_metadata=False)


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
        parser.add_argument("--max-file-size", type=inputs.size, default=inputs.MAX_FILE_BYTES, metavar="SIZE",
                            help="article files only: pass over larger ones with a note (default: 10MB; 0: no limit)")

    def run(self, args):
        try:
            from ..dask import lint_frame, summarize
        except ImportError as exc:
            raise LintError(f"audit needs the dask extra: pip install 'lintnews[dask]' ({exc})") from None
        config = {"select": split_list(args.select), "ignore": split_list(args.ignore),
                  "packs": [os.path.abspath(p) for p in args.pack]}
        from ..api import Session
        Session(**config)  # report a bad pack or rule name now, not from inside a worker
        articles = read_archive(args.paths, args.text_column, args.id_column, max_bytes=args.max_file_size)
        keep = [args.date_column] if args.date_column else []
        findings = lint_frame(articles, args.text_column, args.id_column, config, keep_columns=keep)
        with _scheduler(args) as compute:
            graphs = [findings.to_parquet(args.output, write_index=False, compute=False)]
            if NOTE_COLUMN in articles.columns:  # notes on odd files: read in the same pass
                graphs.append(articles[NOTE_COLUMN].dropna())
            try:
                results = compute(*graphs)
            except UnicodeDecodeError as exc:  # further into a table than dask looked at first
                tables = [p for p in args.paths if TABLE_SUFFIXES.get(os.path.splitext(p)[1].lower())
                          in ("csv", "json")]
                raise LintError(f"{', '.join(tables) or 'a table'}: {not_utf8(exc)}") from None
        errors = 0
        for notes in results[1:]:
            for said in notes:
                for line in said.splitlines():
                    errors += line.startswith(ERROR)
                    print(f"lintnews: {line.removeprefix(ERROR)}", file=sys.stderr)
        import pandas as pd
        # Findings are far smaller than the archive: summarise them here, with
        # no scheduler left running.
        summary = summarize(pd.read_parquet(args.output), args.date_column)
        print(f"findings written to {args.output}")
        for name, table in summary.items():
            print(f"\n{name.replace('_', ' ')}:\n{table.to_string()}")
        if errors:  # as `check` does: the other files are linted, the run is an error
            print(f"lintnews: {errors} file{'s' * (errors > 1)} could not be read", file=sys.stderr)
            return EXIT_ERROR
        return 0


class _scheduler:
    """Run on the given scheduler (with distributed's progress bar) or on a
    local cluster of worker processes."""

    def __init__(self, args):
        self.args = args

    def __enter__(self):
        import logging
        from distributed import Client, LocalCluster, progress
        if self.args.scheduler:
            self.cluster = None
            self.client = Client(self.args.scheduler, set_as_default=False)
        else:
            # Quiet workers: a failed task comes back to this process, which
            # reports it in one line; their own log would add a traceback.
            self.cluster = LocalCluster(n_workers=self.args.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.CRITICAL)
            self.client = Client(self.cluster, set_as_default=False)

        def run_with_progress(*graphs):
            """Compute the graphs together (tasks they share run once)."""
            futures = self.client.compute(list(graphs))
            # Name the scheduler: progress() would otherwise follow the
            # process's default client, which may be another cluster's.
            progress(futures, scheduler=self.client.scheduler.address)
            results = [future.result() for future in futures]
            print()
            return results
        return run_with_progress

    def __exit__(self, *exc):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False


@hookimpl
def lintnews_commands():
    return [AuditCommand]
