"""The ``lintnews`` command line. Subcommands come from plugins
(``lintnews_commands``); this module only dispatches and maps errors to exit
statuses: 0 clean, 1 findings, 2 usage, configuration or input error (and,
as a safety net, an internal error: one line asking for a report, never a
traceback; set ``LINTNEWS_TRACEBACK=1`` to see one when debugging)."""
from __future__ import annotations

import argparse
import os
import sys
import warnings

from . import __version__


def _blocked(argv: list[str]) -> list[str]:
    """Plugin names given as ``-p no:NAME`` (read before plugins are loaded)."""
    names = []
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "-p" and i + 1 < len(argv) else arg[2:] if arg.startswith("-pno:") else None
        if value and value.startswith("no:"):
            names.append(value[3:])
    return names


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own, finding the terminal's width as ``shutil`` does but
    without importing it (and with it bz2, lzma and zlib): argparse makes a
    formatter for every option added, to check it, so every start paid for
    that import."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def build_parser(commands) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lintnews", description="A linter for news copy: real-word typos, unattributed "
        "claims, loaded language and engagement bait.", formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"lintnews {__version__}")
    parser.add_argument("-p", dest="plugin_opts", action="append", default=[], metavar="no:NAME",
                        help="block a plugin by name, e.g. -p no:proselint (repeatable)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command_class in commands:
        command = command_class()
        p = sub.add_parser(command.name, help=command.help, description=command.help,
                           formatter_class=HelpFormatter)
        command.add_arguments(p)
        p.set_defaults(run=command.run)
    return parser


def _commands_for(argv: list[str], commands: list) -> list:
    """The command that ``argv`` names, alone (building the options of every
    command costs a short run a few milliseconds), or all of them when it
    names none (``--help``, a mistake: argparse then lists them all)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "-p":  # the one global option with a value
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        named = [c for c in commands if c.name == arg]
        return named or commands
    return commands


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    with warnings.catch_warnings():
        show_notes()
        return _main(argv)


def show_notes() -> None:
    """Print each note on odd input (``InputWarning``) as one plain line, every
    time (once per file, however many files share a message's source line)."""
    from .errors import InputWarning
    warnings.simplefilter("always", InputWarning)
    warnings.showwarning = _show_warning


def _show_warning(message, category, filename, lineno, file=None, line=None):
    """Notes on odd input as one plain line each; other warnings as Python shows them."""
    from .errors import InputWarning
    if issubclass(category, InputWarning):
        print(f"lintnews: {message}", file=sys.stderr)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def _main(argv: list[str]) -> int:
    from . import cache
    cache.pause_collection_for_startup()  # until the rules are ready (Session.linter)
    from .api import LintError
    from .plugins import Registry, get_plugin_manager

    try:
        registry = Registry(get_plugin_manager(_blocked(argv)))
        parser = build_parser(_commands_for(argv, registry.commands))
        args = parser.parse_args(argv)
        if getattr(args, "command", None) != "check":
            cache.end_of_startup()  # a server, an audit: a linter may never be made
        if not getattr(args, "run", None):
            parser.print_help()
            return 2
        args.blocked = _blocked(argv)
        args.registry = registry
        status = args.run(args)
        global _quick_exit
        _quick_exit = args.command in QUICK_EXIT_COMMANDS
        return status
    except LintError as exc:
        print(f"lintnews: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # the last resort: a bug gets one line and exit 2, never a traceback
        from .errors import internal_error
        print(f"lintnews: {internal_error(None, exc)}", file=sys.stderr)
        return 2
    finally:
        cache.end_of_startup()


#: Commands after which the process may end without tearing down the
#: interpreter (``run``): they leave no thread, child process or open file.
QUICK_EXIT_COMMANDS = frozenset({"check"})
_quick_exit = False


def run() -> None:
    """The ``lintnews`` command (console script and ``python -m lintnews``).

    After ``check``, the process ends at once once its output is flushed:
    freeing the loaded packs and word tables object by object, as the
    interpreter does on the way out, is a fifth of a one-file run."""
    status = main()
    if _quick_exit:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed pipe: as _main reports it
            status = status or 1
        os._exit(status)
    sys.exit(status)


if __name__ == "__main__":
    run()
