"""``lintnews eval GOLD.jsonl...``: precision, recall and false alarms of the
chosen rules on annotated text."""
from __future__ import annotations

import json
import os
import sys

from ..api import LintError
from ..hookspecs import hookimpl
from . import Command, add_rule_options, session_from_args

_worker_session = None


def _init_worker(session):
    global _worker_session
    _worker_session = session


def _lint_record(text: str) -> list[dict]:
    return [{"start": d.start, "end": d.end, "category": d.category, "rule": d.rule}
            for d in _worker_session.lint_source(text)]


class EvalCommand(Command):
    name = "eval"
    help = "measure precision and recall on annotated JSONL files"

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="+", metavar="GOLD.jsonl",
                            help="annotated records: {id, text, labelled, spans[, negatives]} per line")
        add_rule_options(parser)
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument("--examples", type=int, default=0, metavar="N",
                            help="show up to N false positives per rule and misses per category")
        parser.add_argument("--predictions", metavar="FILE",
                            help="also write the flags as JSONL for the reference scorer")
        parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                            help="worker processes (default: CPU count)")

    def run(self, args):
        from ..evaluation import Tally, format_examples, format_summary, load_records
        session = session_from_args(args)
        session.linter  # build once, before forking workers
        predictions = open(args.predictions, "w", encoding="utf-8") if args.predictions else None
        report, total = {}, Tally()
        try:
            for path in args.gold:
                try:
                    records = load_records(path)
                except (OSError, ValueError) as exc:
                    raise LintError(str(exc)) from None
                flags = self._lint_all(session, [r["text"] for r in records], args.jobs)
                tally = Tally()
                for record, found in zip(records, flags):
                    tally.add(record, found)
                    total.add(record, found)
                    if predictions:
                        predictions.write(json.dumps({"id": record["id"], "flags": found}) + "\n")
                report[path] = (tally, tally.summary())
        finally:
            if predictions:
                predictions.close()
        if args.format == "json":
            json.dump({os.path.basename(p): s for p, (_, s) in report.items()} |
                      ({"TOTAL": total.summary()} if len(report) > 1 else {}), sys.stdout, indent=2)
            print()
            return 0
        for path, (tally, summary) in report.items():
            print(format_summary(os.path.basename(path), summary))
            if args.examples:
                print(format_examples(tally, args.examples))
            print()
        return 0

    @staticmethod
    def _lint_all(session, texts, jobs):
        if jobs <= 1 or len(texts) < 50:
            _init_worker(session)
            return [_lint_record(t) for t in texts]
        import multiprocessing
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(session,)) as pool:
            return pool.map(_lint_record, texts, chunksize=16)


@hookimpl
def lintnews_commands():
    return [EvalCommand]
