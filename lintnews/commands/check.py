"""``lintnews check``: lint files, directories or stdin."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .. import inputs
from ..api import LintError
from ..errors import internal_error
from ..exit_policy import SEVERITIES, exit_status
from ..hookspecs import hookimpl
from ..config import glob_matches, glob_regex, relative
from ..reporters import FileResult, plural
from ..runner import Job
from . import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Command, add_rule_options, sessions_from_args, split_list

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".rst")


def walk(paths, extensions=EXTENSIONS, excluded=lambda path: False):
    """Yield files to lint: named files as given, directories walked for known
    extensions (hidden directories and ``excluded`` paths skipped), in a
    stable order."""
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules"
                                 and not excluded(os.path.join(root, d)))
                for name in sorted(files):
                    if name.lower().endswith(extensions) and not excluded(os.path.join(root, name)):
                        yield os.path.join(root, name)
        else:
            yield path


class CheckCommand(Command):
    name = "check"
    help = "lint files, directories (recursively) or - for stdin"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                            help="files or directories to lint, - for stdin (default: .)")
        add_rule_options(parser)
        parser.add_argument("--format", default="text", metavar="FORMAT",
                            help="output format: text (default), json, or one a plugin adds")
        parser.add_argument("--stdin-filename", metavar="NAME",
                            help="the name (and so the format) of text read from stdin")
        parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                            help="skip files and directories matching GLOB when walking directories "
                                 "(relative to the current directory; repeatable)")
        parser.add_argument("--report-unused-suppressions", action="store_true",
                            help="report suppression comments that silenced nothing")
        parser.add_argument("--statistics", action="store_true", help="count findings per rule")
        parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")
        parser.add_argument("--max-file-size", type=inputs.size, default=inputs.MAX_FILE_BYTES, metavar="SIZE",
                            help="pass over larger files with a note (default: 10MB; 0: no limit)")
        speed = parser.add_argument_group("speed")
        speed.add_argument("-j", "--jobs", type=positive, metavar="N",
                           help="lint with N worker processes (default: the number of CPUs)")
        speed.add_argument("--no-cache", action="store_true",
                           help="neither read nor write the results cache")
        speed.add_argument("--cache-dir", metavar="DIR",
                           help="where to keep the results cache (default: .lintnews_cache)")
        add_fix_and_ci_arguments(parser)

    def run(self, args):
        sessions = sessions_from_args(args, report_unused_suppressions=args.report_unused_suppressions)
        reporters = sessions.registry.reporters
        if args.format not in reporters:
            raise LintError(f"unknown format {args.format!r} (known: {', '.join(sorted(reporters))})")
        if args.unsafe_fixes and not (args.fix or args.diff):
            raise LintError("--unsafe-fixes only makes sense with --fix or --diff")
        baseline = load_baseline(args.baseline) if args.baseline else None
        # With --fix on stdin the fixed text goes to stdout, so the report goes to stderr.
        report_to = sys.stderr if args.fix and not args.diff and "-" in args.paths else sys.stdout
        cli_exclude = [glob_regex(g) for g in split_list(args.exclude)]

        def excluded(path):
            return (any(glob_matches(p, relative(path, Path.cwd())) for p in cli_exclude)
                    or sessions.excluded(path))

        results, errors, diffs, rules, jobs = [], 0, [], {}, []
        for path in walk(args.paths, excluded=excluded):
            name = (args.stdin_filename or "-") if path == "-" else path
            session = sessions.for_path(name)  # a configuration error stops the run (exit 2)
            session.linter  # a rule that cannot run (missing dependency) is one error, not one per file
            rules.update(session.rules_by_id())
            if not (args.fix or args.diff):
                jobs.append(Job(path, name, session))  # linted below, from the cache or in parallel
                continue
            try:
                got = inputs.read_or_skip(path, max_bytes=args.max_file_size)
                if got is None:
                    continue  # passed over (binary, too large), with a note
                lint = lambda text, name=name, session=session: session.lint_source(text, name)  # noqa: E731
                result, diff = fix_one(path, name, got, lint, args)
                diffs.append(diff)
                results.append(result)
            except LintError as exc:
                print(f"lintnews: {exc}", file=sys.stderr)
                errors += 1
            except Exception as exc:  # a bug: one line, not a traceback, and the other files still linted
                print(f"lintnews: {internal_error(name, exc)}", file=sys.stderr)
                errors += 1
        if jobs:
            for outcome in self.runner(sessions, args).run(jobs):
                if outcome is None:
                    continue  # passed over (binary, too large), with a note
                if isinstance(outcome, LintError):
                    print(f"lintnews: {outcome}", file=sys.stderr)
                    errors += 1
                else:
                    results.append(outcome)
        if args.write_baseline:
            return self.write_baseline(args.write_baseline, results, errors)
        if baseline is not None:
            for r in results:
                r.diagnostics, r.baselined = baseline.filter(r.path, r.diagnostics, r.source)
        if args.diff:
            return self.show_diffs(diffs, results, errors, args)
        color = args.color == "always" or (args.color == "auto" and report_to.isatty()
                                           and not os.environ.get("NO_COLOR"))
        if not rules:  # nothing to lint: still report (and validate the settings)
            rules = sessions.for_path(None).rules_by_id()
        reporter = reporters[args.format](report_to, rules=rules,
                                          color=color, statistics=args.statistics)
        reporter.report(results)
        return exit_status([d for r in results for d in r.diagnostics], errors=errors,
                           fail_on=args.fail_on, exit_zero=args.exit_zero)

    @staticmethod
    def runner(sessions, args):
        from ..results import ResultsCache
        from ..runner import Progress, Runner
        def read(path):
            return inputs.read_or_skip(path, max_bytes=args.max_file_size)
        return Runner(sessions, jobs=args.jobs, read=read,
                      results_cache=None if args.no_cache else ResultsCache(args.cache_dir),
                      progress=Progress.for_terminal())

    @staticmethod
    def write_baseline(path, results, errors):
        from ..baseline import write_baseline
        try:
            count = write_baseline(path, results)
        except OSError as exc:
            raise LintError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
        files = sum(1 for r in results if r.diagnostics)
        print(f"lintnews: recorded {plural(count, 'finding')} in {plural(files, 'file')} in {path}",
              file=sys.stderr)
        return EXIT_ERROR if errors else EXIT_CLEAN

    @staticmethod
    def show_diffs(diffs, results, errors, args):
        """``--diff``: the changes ``--fix`` would make, as a patch; exit 1 if any."""
        sys.stdout.write("".join(diffs))
        would = sum(len(r.fixed) for r in results)
        left = sum(len(r.diagnostics) for r in results)
        files = sum(1 for r in results if r.fixed)
        print(f"lintnews: would fix {plural(would, 'problem')} in {plural(files, 'file')}; "
              f"{left} would remain", file=sys.stderr)
        if errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if would and not args.exit_zero else EXIT_CLEAN


def add_fix_and_ci_arguments(parser):
    fixing = parser.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes to the files in place")
    fixing.add_argument("--unsafe-fixes", action="store_true",
                        help="also apply fixes that rules mark unsafe (with --fix or --diff)")
    fixing.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff and change nothing (exit 1 if any)")
    ci = parser.add_argument_group("baseline and exit status")
    ci.add_argument("--baseline", metavar="FILE", help="ignore the findings recorded in FILE")
    ci.add_argument("--write-baseline", metavar="FILE",
                    help="record the current findings in FILE (JSON) and exit 0")
    ci.add_argument("--fail-on", choices=SEVERITIES, default="info",
                    help="exit 1 only for findings of this severity or worse (default: info, any finding)")
    ci.add_argument("--exit-zero", action="store_true",
                    help="exit 0 even if there are findings (errors still exit 2)")


def load_baseline(path):
    # Imported here, as in fix_one: every lintnews command imports this module at start-up.
    from ..baseline import Baseline, BaselineError
    try:
        return Baseline.load(path)
    except BaselineError as exc:
        raise LintError(str(exc)) from None


def fix_one(path, name, got, lint, args):
    """Fix one file (or stdin), read as ``got`` (``inputs.Input``): returns
    its ``FileResult`` and its diff."""
    from ..fixes import SourceFile, fix_file, fix_text, unified_diff
    write = args.fix and not args.diff
    source = got.text
    if path == "-":
        outcome = fix_text(source, lint, unsafe=args.unsafe_fixes)
        if write:
            write_stdout(got, outcome.text)
    else:
        try:
            stat = os.stat(path)
        except OSError as exc:
            raise LintError(f"{path}: cannot read: {exc.strerror or exc}") from None
        outcome = fix_file(SourceFile(path, got.data, source, stat, encode=got.encode), lint,
                           unsafe=args.unsafe_fixes, write=write)
    if not outcome.settled:
        print(f"lintnews: {name}: fixes did not settle after several passes (rules: "
              f"{', '.join(sorted({d.rule for d in outcome.applied}))}); please report this",
              file=sys.stderr)
    # The text is kept only for findings left to report (memory on a large run).
    result = FileResult(name, outcome.remaining, outcome.text if outcome.remaining else None, fixed=outcome.applied)
    return result, unified_diff(name, source, outcome.text) if args.diff else ""


def write_stdout(got, text: str) -> None:
    """The fixed text of stdin, in the encoding it came in (BOM kept)."""
    try:
        data = got.encode(text)
    except UnicodeError as exc:
        raise LintError(f"<stdin>: cannot write the fixes: {exc}") from None
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (an embedding application's)
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


def positive(value: str) -> int:
    import argparse
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


@hookimpl
def lintnews_commands():
    return [CheckCommand]
