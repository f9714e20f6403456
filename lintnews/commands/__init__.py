"""Subcommands of the ``lintnews`` CLI, registered through the
``lintnews_commands`` hook so plugins can add their own."""
from __future__ import annotations

import argparse
from typing import ClassVar

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Command:
    name: ClassVar[str] = ""
    help: ClassVar[str] = ""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Declare the command's options."""

    def run(self, args: argparse.Namespace) -> int:
        """Do the work and return the exit status."""
        raise NotImplementedError


def split_list(values) -> list[str]:
    """Flatten repeatable, comma-separated options (``--select a,b --select c``)."""
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """Options that choose rules, shared by the commands that lint."""
    parser.add_argument("--select", action="append", metavar="RULES",
                        help="only these rule ids or pack names (comma-separated, repeatable)")
    parser.add_argument("--ignore", action="append", metavar="RULES",
                        help="skip these rule ids or pack names (comma-separated, repeatable)")
    parser.add_argument("--extend-select", action="append", metavar="RULES",
                        help="also these rule ids or pack names, e.g. a pack that is off by default")
    parser.add_argument("--pack", action="append", default=[], metavar="PATH",
                        help="load an extra YAML rule pack (repeatable)")
    parser.add_argument("--min-severity", choices=("error", "warning", "info"),
                        help="report only findings at least this severe")
    add_config_options(parser)


def add_config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE",
                        help="use this configuration file instead of looking for one")
    parser.add_argument("--isolated", action="store_true",
                        help="ignore every configuration file")


def sessions_from_args(args, **extra):
    """Sessions for the files of a run: command-line settings over each
    file's configuration."""
    from ..api import Sessions
    return Sessions(config=getattr(args, "config", None), isolated=getattr(args, "isolated", False),
                    registry=args.registry, packs=getattr(args, "pack", []),
                    select=split_list(getattr(args, "select", None)),
                    ignore=split_list(getattr(args, "ignore", None)),
                    extend_select=split_list(getattr(args, "extend_select", None)),
                    min_severity=getattr(args, "min_severity", None),
                    blocked=tuple(getattr(args, "blocked", ())), **extra)


def session_from_args(args):
    """The session for the current directory's configuration."""
    return sessions_from_args(args).for_path(None)
