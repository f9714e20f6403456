"""``lintnews check``: lint files, directories or stdin."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..api import LintError, decode
from ..hookspecs import hookimpl
from ..reporters import FileResult
from ..config import glob_matches, glob_regex, relative
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

    def run(self, args):
        sessions = sessions_from_args(args, report_unused_suppressions=args.report_unused_suppressions)
        reporters = sessions.registry.reporters
        if args.format not in reporters:
            raise LintError(f"unknown format {args.format!r} (known: {', '.join(sorted(reporters))})")
        cli_exclude = [glob_regex(g) for g in split_list(args.exclude)]

        def excluded(path):
            return (any(glob_matches(p, relative(path, Path.cwd())) for p in cli_exclude)
                    or sessions.excluded(path))

        results, errors, rules = [], 0, {}
        for path in walk(args.paths, excluded=excluded):
            name = (args.stdin_filename or "-") if path == "-" else path
            session = sessions.for_path(name)  # a configuration error stops the run (exit 2)
            rules.update(session.rules_by_id())
            try:
                if path == "-":
                    source = decode(sys.stdin.buffer.read(), "<stdin>")
                else:
                    source = read_file(path)
                results.append(FileResult(name, session.lint_source(source, name), source))
            except LintError as exc:
                print(f"lintnews: {exc}", file=sys.stderr)
                errors += 1
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                           and not os.environ.get("NO_COLOR"))
        if not rules:  # nothing to lint: still report (and validate the settings)
            rules = sessions.for_path(None).rules_by_id()
        reporter = reporters[args.format](sys.stdout, rules=rules,
                                          color=color, statistics=args.statistics)
        reporter.report(results)
        if errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if any(r.diagnostics for r in results) else EXIT_CLEAN


def read_file(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise LintError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise LintError(f"{path}: no such file") from None
    except OSError as exc:
        raise LintError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, path)


@hookimpl
def lintnews_commands():
    return [CheckCommand]
