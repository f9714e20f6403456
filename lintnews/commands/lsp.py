"""``lintnews lsp``: run the language server over stdio (or TCP)."""
from __future__ import annotations

import sys

from ..api import LintError
from ..hookspecs import hookimpl
from . import Command, add_rule_options, split_list


def parse_address(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise LintError(f"--tcp wants HOST:PORT (e.g. 127.0.0.1:2087), not {value!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


class LspCommand(Command):
    name = "lsp"
    help = "run the language server (for editors) on stdin/stdout"

    def add_arguments(self, parser):
        parser.add_argument("--tcp", metavar="HOST:PORT", help="listen on a TCP port instead of stdio")
        add_rule_options(parser)
        parser.add_argument("--log-level", default="warning",
                            choices=("debug", "info", "warning", "error"),
                            help="how much to log (info: one line per lint, with its time)")
        parser.add_argument("--log-file", metavar="PATH", help="log to this file instead of stderr")

    def run(self, args):
        try:  # imported here: pygls is an optional dependency (`pip install 'lintnews[lsp]'`)
            from ..lsp import Settings, create_server
        except ImportError as exc:
            raise LintError(f"the language server needs pygls and lsprotocol ({exc.name} is missing): "
                            "pip install 'lintnews[lsp]'") from None
        address = parse_address(args.tcp) if args.tcp else None
        try:
            stream = open(args.log_file, "a", encoding="utf-8") if args.log_file else sys.stderr
        except OSError as exc:
            raise LintError(f"{args.log_file}: cannot write the log: {exc.strerror or exc}") from None
        import logging  # here, not at the top: every lintnews command imports this module
        logging.basicConfig(stream=stream, level=args.log_level.upper(),
                            format="%(asctime)s lintnews-lsp %(levelname)s %(name)s: %(message)s")
        defaults, problems = Settings().merged(
            {"select": split_list(args.select), "ignore": split_list(args.ignore), "packs": args.pack}, None)
        if problems:
            raise LintError(problems[0])
        server = create_server(registry=args.registry, defaults=defaults)
        if address:
            server.start_tcp(*address)
            return 0
        # stdout carries the protocol: anything a plugin prints must not land in it.
        stdout, sys.stdout = sys.stdout, sys.stderr
        try:
            server.start_io(sys.stdin.buffer, stdout.buffer)
        finally:
            sys.stdout = stdout
        return 0


@hookimpl
def lintnews_commands():
    return [LspCommand]
