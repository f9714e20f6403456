"""The plugin manager: built-in plugins, entry-point plugins, and what they provide.

Built-in features are ordinary plugins listed in ``DEFAULT_PLUGINS``; third
parties register modules under the ``lintnews`` entry-point group. Any plugin
can be blocked by name (``-p no:NAME``), as with pytest.
"""
from __future__ import annotations

import importlib
from functools import cached_property
from pathlib import Path
from types import ModuleType

import pluggy

from . import hookspecs

ENTRY_POINT_GROUP = "lintnews"

DEFAULT_PLUGINS = [
    "lintnews.ruletypes.existence",
    "lintnews.ruletypes.substitution",
    "lintnews.ruletypes.attribution",
    "lintnews.ruletypes.engagement",
    "lintnews.ruletypes.lexicon",
    "lintnews.ruletypes.consistency",
    "lintnews.ruletypes.pattern",
    "lintnews.ruletypes.confusables",
    "lintnews.ruletypes.spelling",
    "lintnews.ruletypes.idioms",
    "lintnews.builtin_packs",
    "lintnews.proselint",
    "lintnews.parsers.text",
    "lintnews.parsers.markdown",
    "lintnews.parsers.html",
    "lintnews.reporters.text",
    "lintnews.reporters.json",
    "lintnews.reporters.sarif",
    "lintnews.reporters.github",
    "lintnews.reporters.junit",
    "lintnews.reporters.checkstyle",
    "lintnews.reporters.lsp",
    "lintnews.commands.check",
    "lintnews.commands.rules",
    "lintnews.commands.explain",
    "lintnews.commands.eval",
    "lintnews.commands.audit",
    "lintnews.commands.lsp",
]


def plugin_name(module_name: str) -> str:
    """The name used by ``-p no:NAME`` for a built-in plugin module:
    its path below ``lintnews``, e.g. ``reporters.json`` or ``proselint``."""
    return module_name.removeprefix("lintnews.")


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager, told where the built-in plugins' hooks are."""

    def parse_hookimpl_opts(self, plugin, name: str):
        # pluggy looks up every name a plugin module has, imported ones too
        # (some 800 for the built-in plugins, a few milliseconds of each
        # start); every built-in hook is named lintnews_*.
        if not name.startswith("lintnews_") and isinstance(plugin, ModuleType) and plugin.__name__ in _BUILT_IN:
            return None
        return super().parse_hookimpl_opts(plugin, name)


_BUILT_IN = frozenset(DEFAULT_PLUGINS)


def get_plugin_manager(blocked=(), extra_plugins=()) -> pluggy.PluginManager:
    pm = _PluginManager("lintnews")
    pm.add_hookspecs(hookspecs)
    blocked = set(blocked)
    for name in blocked:
        pm.set_blocked(name)
    for module_name in DEFAULT_PLUGINS:
        if plugin_name(module_name) in blocked or module_name in blocked:
            continue
        pm.register(importlib.import_module(module_name), name=plugin_name(module_name))
    load_entry_points(pm)
    for plugin in extra_plugins:
        pm.register(plugin)
    return pm


def load_entry_points(pm: pluggy.PluginManager, group: str = ENTRY_POINT_GROUP) -> None:
    """Register the plugins of the ``lintnews`` entry-point group, as pluggy's
    ``load_setuptools_entrypoints`` does, but found by ``lintnews.entrypoints``
    (a fraction of the start-up time)."""
    from .entrypoints import entry_points
    for ep in entry_points(group):
        if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
            continue
        pm.register(ep.load(), name=ep.name)


class Registry:
    """What the registered plugins provide, gathered once."""

    def __init__(self, pm: pluggy.PluginManager | None = None):
        self.pm = pm or get_plugin_manager()
        #: Loaded packs by resolved path, shared by the sessions of a run.
        self.pack_cache: dict = {}

    @cached_property
    def plugin_fingerprint(self) -> str:
        """A digest of the third-party plugins' code, for caches."""
        from .cache import plugin_fingerprint
        return plugin_fingerprint(self.pm.get_plugins())

    @cached_property
    def rule_types(self) -> dict:
        return {t.name: t for types in self.pm.hook.lintnews_rule_types() for t in types}

    @cached_property
    def pack_paths(self) -> list[Path]:
        # pluggy calls the most recently registered plugin first; reverse so
        # built-in packs come first and the order is stable.
        return [Path(p) for paths in reversed(self.pm.hook.lintnews_packs()) for p in paths]

    @cached_property
    def reporters(self) -> dict:
        return {k: v for found in reversed(self.pm.hook.lintnews_reporters()) for k, v in found.items()}

    @cached_property
    def parsers(self) -> list:
        return [p for found in reversed(self.pm.hook.lintnews_parsers()) for p in found]

    @cached_property
    def commands(self) -> list:
        return [c for found in reversed(self.pm.hook.lintnews_commands()) for c in found]
