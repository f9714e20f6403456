"""The Python API: load packs, choose rules, lint text and files."""
from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

from .diagnostic import Diagnostic
from .document import Document
from .engine import Linter
from .packs import Pack, PackError, Rule, load_pack
from .plugins import Registry
from .ruletypes import RuleError


class LintError(Exception):
    """A problem the user must fix (bad option, unreadable file): exit 2."""


def rule_matches(rule: Rule, token: str) -> bool:
    """``--select``/``--ignore`` tokens name a rule id, a pack, or an id prefix."""
    return token == rule.id or token == rule.pack or rule.id.startswith(token.rstrip(".") + ".")


def select_rules(rules: list[Rule], select=(), ignore=()) -> list[Rule]:
    """Rules left after ``select`` (if any) and ``ignore``. A rule that is off
    by default runs only when selected; one that is off by its own
    ``enabled: false`` (not just its pack's) only when selected by its id or
    an id prefix, not by its pack's name."""
    chosen = []
    for rule in rules:
        tokens = [t for t in select if rule_matches(rule, t)]
        if select and not tokens:
            continue
        if not rule.enabled and not tokens:
            continue
        if rule.opt_in and all(t == rule.pack for t in tokens):
            continue
        if any(rule_matches(rule, t) for t in ignore):
            continue
        chosen.append(rule)
    return chosen


def read_source(path: str | os.PathLike) -> str:
    """Read a file as UTF-8 (a BOM is dropped); raise ``LintError`` if that fails."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise LintError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, str(path))


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LintError(f"{name}: not valid UTF-8 (byte {exc.start}); convert it to UTF-8") from None


class Session:
    """Everything needed to lint: plugins, packs, the chosen rules."""

    def __init__(self, *, packs=(), select=(), ignore=(), blocked=(), registry: Registry | None = None):
        self.registry = registry or Registry(_manager(blocked))
        self.extra_packs = [Path(p) for p in packs]
        self.select, self.ignore = list(select), list(ignore)
        self.rules  # load and validate the packs now: a bad pack is an error up front
        unknown = [t for t in self.select + self.ignore if not any(rule_matches(r, t) for r in self.all_rules)]
        if unknown:
            raise LintError(f"unknown rule or pack {unknown[0]!r} (see `lintnews rules`)")

    @cached_property
    def packs(self) -> list[Pack]:
        packs, names = [], {}
        for path in self.registry.pack_paths + self.extra_packs:
            try:
                pack = load_pack(path, self.registry.rule_types)
            except PackError as exc:
                raise LintError(str(exc)) from None
            if pack.name in names:
                raise LintError(f"{path}: pack name {pack.name!r} is already used by {names[pack.name]}")
            names[pack.name] = path
            packs.append(pack)
        return packs

    @cached_property
    def all_rules(self) -> list[Rule]:
        return [rule for pack in self.packs for rule in pack.rules]

    @cached_property
    def rules(self) -> list[Rule]:
        return select_rules(self.all_rules, self.select, self.ignore)

    @cached_property
    def linter(self) -> Linter:
        try:
            return Linter(self.rules)
        except RuleError as exc:  # a chosen rule cannot run (a missing dependency)
            raise LintError(str(exc)) from None

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.all_rules if r.id == rule_id), None)

    def parser_for(self, path: str | None, format: str | None = None):
        parsers = self.registry.parsers
        if format:
            for parser in parsers:
                if parser.name == format:
                    return parser()
            raise LintError(f"unknown input format {format!r} (known: {', '.join(p.name for p in parsers)})")
        suffix = Path(path).suffix.lower() if path else ""
        for parser in parsers:
            if suffix in parser.extensions:
                return parser()
        return next(p for p in parsers if p.name == "text")()

    def document(self, source: str, path: str | None = None, format: str | None = None) -> Document:
        return self.parser_for(path, format).parse(source, path)

    def lint_source(self, source: str, path: str | None = None, format: str | None = None) -> list[Diagnostic]:
        return self.linter.lint(self.document(source, path, format))

    def lint_file(self, path) -> list[Diagnostic]:
        return self.lint_source(read_source(path), str(path))


def _manager(blocked):
    from .plugins import get_plugin_manager
    return get_plugin_manager(blocked)


_default_session: Session | None = None


def lint_text(text: str, path: str | None = None, **options) -> list[Diagnostic]:
    """Lint ``text`` with the default packs (or ``packs``/``select``/``ignore``
    given as keywords). ``path`` names the text in diagnostics and picks the
    input format by its extension."""
    global _default_session
    if options:
        return Session(**options).lint_source(text, path)
    if _default_session is None:
        _default_session = Session()
    return _default_session.lint_source(text, path)
