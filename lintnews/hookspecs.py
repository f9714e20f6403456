"""The extension points of lintnews, one hook each.

Built-in features are plugins too (see ``plugins.DEFAULT_PLUGINS``): they
implement these same hooks, so a third-party plugin registered through the
``lintnews`` entry-point group is a first-class citizen.
"""
import pluggy

hookspec = pluggy.HookspecMarker("lintnews")
hookimpl = pluggy.HookimplMarker("lintnews")


@hookspec
def lintnews_rule_types():
    """Return a list of rule type classes (subclasses of ``lintnews.ruletypes.RuleType``).

    A rule in a YAML pack names its type with ``type:``; the class whose
    ``name`` matches validates the rule's options and finds its matches.
    """


@hookspec
def lintnews_packs():
    """Return a list of paths (``str`` or ``pathlib.Path``) of YAML rule packs
    that this plugin ships. They are loaded alongside the built-in packs."""


@hookspec
def lintnews_reporters():
    """Return a dict mapping an output format name (``--format NAME``) to a
    reporter class (see ``lintnews.reporters.Reporter``)."""


@hookspec
def lintnews_parsers():
    """Return a list of parser classes (see ``lintnews.parsers.Parser``) that
    turn a file's source into lintable text; each names the file extensions
    and format names it handles."""


@hookspec
def lintnews_commands():
    """Return a list of command classes (see ``lintnews.commands.Command``)
    that add subcommands to the ``lintnews`` CLI."""
