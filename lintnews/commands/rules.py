"""``lintnews rules``: a table of every rule."""
from __future__ import annotations

import json
import sys

from ..hookspecs import hookimpl
from . import Command, add_rule_options, session_from_args


class RulesCommand(Command):
    name = "rules"
    help = "list the rules of all loaded packs"

    def add_arguments(self, parser):
        add_rule_options(parser)
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument("--all", action="store_true", help="include rules that are off by default")

    def run(self, args):
        session = session_from_args(args)
        active = {r.id for r in session.rules}
        rules = session.all_rules if args.all else session.rules
        if args.format == "json":
            json.dump([{"id": r.id, "pack": r.pack, "type": r.type, "category": r.category,
                        "severity": r.severity, "fix": r.can_fix, "enabled": r.id in active,
                        "summary": summary(r)} for r in rules], sys.stdout, indent=2)
            print()
            return 0
        width = max((len(r.id) for r in rules), default=4)
        print(f"{'RULE':<{width}}  {'CATEGORY':<11} {'SEVERITY':<8} FIX  SUMMARY")
        for r in rules:
            mark = "" if r.id in active else " (off)"
            print(f"{r.id:<{width}}  {r.category:<11} {r.severity:<8} {'yes' if r.can_fix else 'no ':<4} "
                  f"{summary(r)}{mark}")
        return 0


def summary(rule) -> str:
    """The first sentence of a rule's description."""
    text = " ".join(rule.description.split())
    cut = text.find(". ")
    return text if cut < 0 else text[:cut + 1]


@hookimpl
def lintnews_commands():
    return [RulesCommand]
