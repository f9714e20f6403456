"""``lintnews explain RULE``: a rule's documentation, like ``ruff rule``."""
from __future__ import annotations

from ..api import LintError
from ..hookspecs import hookimpl
from . import Command, add_config_options, session_from_args
from .rules import summary


def explain(rule) -> str:
    """The Markdown documentation of one rule."""
    import textwrap  # here: the plugin is imported by every command, and explain seldom runs
    fix = "Fix is always available." if rule.can_fix else "Fix is not available."
    if rule.can_fix and rule.fix == "unsafe":
        fix = "Fix is available but unsafe: applied only with `--unsafe-fixes`."
    lines = [f"# {rule.id}", "", summary(rule), "",
             f"Pack: `{rule.pack}` · type: `{rule.type}` · category: {rule.category} · "
             f"severity: {rule.severity}" + ("" if rule.enabled else " · off by default"), "",
             fix, "", "## Why is this bad?", ""]
    lines += textwrap.wrap(" ".join(rule.description.split()), 88)
    if rule.quotes == "skip":
        lines += ["", "Text inside direct quotations is not checked: it is the speaker's words."]
    lines += ["", "## Example", "", "Flagged:", "```text", *rule.examples["flag"][:3], "```"]
    lines += ["", "Not flagged:", "```text", *rule.examples["pass"][:3], "```"]
    if rule.link:
        lines += ["", "## References", f"- {rule.link}"]
    return "\n".join(lines) + "\n"


class ExplainCommand(Command):
    name = "explain"
    help = "explain a rule: why it matters, examples, whether it can fix"

    def add_arguments(self, parser):
        parser.add_argument("rule", help="a rule id, e.g. typos.eggcorns")
        parser.add_argument("--pack", action="append", default=[], metavar="PATH")
        add_config_options(parser)

    def run(self, args):
        session = session_from_args(args)
        rule = session.rule(args.rule)
        if rule is None:
            close = [r.id for r in session.all_rules if args.rule in r.id][:5]
            import difflib  # here: every command's module is imported at start
            close = close or difflib.get_close_matches(args.rule, [r.id for r in session.all_rules], n=3)
            hint = f" (did you mean: {', '.join(close)}?)" if close else " (see `lintnews rules --all`)"
            raise LintError(f"unknown rule {args.rule!r}{hint}")
        print(explain(rule), end="")
        return 0


@hookimpl
def lintnews_commands():
    return [ExplainCommand]
