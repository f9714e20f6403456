"""The Python API: load packs, choose rules, lint text and files."""
from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

from . import cache, inputs, suppression
from .config import Config, Layer, find_config, load_config
from .diagnostic import Diagnostic
from .document import Document
from .engine import Linter, one_per_advice
from .errors import LintError
from .packs import SEVERITIES, Pack, PackError, Rule, id_matches, load_pack
from .phrases import compile_phrases
from .plugins import Registry
from .ruletypes import RuleError
from .resolve import accepted, check_tokens, choose, customize, minimum_severity
from .ruletypes.existence import excepted

__all__ = ["LintError", "Session", "Sessions", "lint_text", "read_source", "decode"]


def rule_matches(rule: Rule, token: str) -> bool:
    """``--select``/``--ignore`` tokens name a rule id, a pack, or an id prefix."""
    return id_matches(rule.id, token)


def select_rules(rules: list[Rule], select=(), ignore=()) -> list[Rule]:
    """Rules left after ``select`` (if any) and ``ignore``. A rule that is off
    by default (``enabled: false``) runs only when selected."""
    return choose(rules, [Layer(select=tuple(select) or None, ignore=tuple(ignore))])


def read_source(path: str | os.PathLike) -> str:
    """The text of a file, read as ``lintnews check`` reads it (UTF-8, or
    Windows-1252 where it is not; see ``lintnews.inputs``). Raises
    ``LintError`` if it cannot be read or is binary."""
    try:
        return inputs.read(str(path), max_bytes=None).text
    except inputs.Skipped as exc:
        raise LintError(str(exc)) from None


def decode(data: bytes, name: str) -> str:
    """The text of a file's bytes (see ``read_source``)."""
    try:
        return inputs.decode(data, name).text
    except inputs.Skipped as exc:
        raise LintError(str(exc)) from None


class Session:
    """Everything needed to lint with one set of settings: plugins, packs,
    the chosen rules.

    ``select``/``ignore``/``extend_select``/``min_severity``/``packs`` are the
    command line's settings; ``layers`` are those of a configuration file
    (see ``lintnews.config``), applied before them."""

    def __init__(self, *, packs=(), select=(), ignore=(), extend_select=(), min_severity=None,
                 layers=(), report_unused_suppressions=False, blocked=(),
                 registry: Registry | None = None):
        self.registry = registry or Registry(_manager(blocked))
        cli = Layer(select=tuple(select) or None, ignore=tuple(ignore), extend_select=tuple(extend_select),
                    min_severity=min_severity, packs=tuple(Path(p) for p in packs))
        if min_severity is not None and min_severity not in SEVERITIES:
            raise LintError(f"--min-severity must be one of {', '.join(SEVERITIES)}, not {min_severity!r}")
        self.layers = [*layers, cli]
        self.report_unused_suppressions = report_unused_suppressions
        self.extra_packs = [p for layer in self.layers for p in layer.packs]
        check_tokens(self.all_rules, self.layers)  # loads and validates the packs up front
        self.rules  # and applies option overrides: a bad one is an error up front

    @cached_property
    def packs(self) -> list[Pack]:
        packs, names = [], {}
        for path in self.registry.pack_paths + self.extra_packs:
            pack = self._load(path)
            if pack.name in names:
                if Path(names[pack.name]).resolve() == Path(path).resolve():
                    continue  # the same file named twice (in a config and on the command line)
                raise LintError(f"{path}: pack name {pack.name!r} is already used by {names[pack.name]}")
            names[pack.name] = path
            packs.append(pack)
        return packs

    def _load(self, path) -> Pack:
        """Load a pack once per registry, however many sessions use it, and
        from the on-disk cache of compiled packs when it is there."""
        key = Path(path).resolve()
        if key not in self.registry.pack_cache:
            try:
                self.registry.pack_cache[key] = cache.load_pack(path, self.registry.rule_types, load_pack,
                                                                self.registry.plugin_fingerprint)
            except PackError as exc:
                raise LintError(str(exc)) from None
        return self.registry.pack_cache[key]

    @cached_property
    def all_rules(self) -> list[Rule]:
        return [rule for pack in self.packs for rule in pack.rules]

    @cached_property
    def rules(self) -> list[Rule]:
        return [customize(rule, self.layers) for rule in choose(self.all_rules, self.layers)]

    @cached_property
    def linter(self) -> Linter:
        try:
            linter = Linter(self.rules)
        except RuleError as exc:  # a chosen rule cannot run (a missing dependency)
            raise LintError(str(exc)) from None
        cache.end_of_startup()  # a command line run: collect again from here on
        return linter

    @cached_property
    def lowest_level(self) -> int:
        """Index in ``SEVERITIES`` of the lowest severity reported."""
        level = minimum_severity(self.layers)
        return SEVERITIES.index(level) if level else len(SEVERITIES) - 1

    @cached_property
    def accepted(self):
        return compile_phrases(accepted(self.layers))

    def rule(self, rule_id: str) -> Rule | None:
        if rule_id == suppression.UNUSED_SUPPRESSION.id:
            return suppression.UNUSED_SUPPRESSION
        active = next((r for r in self.rules if r.id == rule_id), None)
        return active or next((r for r in self.all_rules if r.id == rule_id), None)

    def rules_by_id(self) -> dict[str, Rule]:
        """Every rule a finding may name, for reporters."""
        found = {r.id: r for r in self.all_rules}
        found.update({r.id: r for r in self.rules})
        found[suppression.UNUSED_SUPPRESSION.id] = suppression.UNUSED_SUPPRESSION
        return found

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

    def lint_document(self, doc: Document) -> list[Diagnostic]:
        """Run the rules, then drop accepted terms, suppressed findings and
        findings below the minimum severity."""
        found = self.linter.findings(doc)
        if self.accepted is not None:
            found = [d for d in found if not excepted(self.accepted, doc.source, d.start, d.end)]
        found, suppressions = suppression.apply(doc, found)
        found = [d for d in one_per_advice(found) if SEVERITIES.index(d.severity) <= self.lowest_level]
        if self.report_unused_suppressions and suppressions:
            found += suppression.unused(doc, suppressions, [r.id for r in self.rules],
                                        [r.id for r in self.all_rules])
            found.sort(key=lambda d: d.sort_key)
        return found

    def lint_source(self, source: str, path: str | None = None, format: str | None = None) -> list[Diagnostic]:
        return self.lint_document(self.document(source, path, format))

    def lint_file(self, path) -> list[Diagnostic]:
        return self.lint_source(read_source(path), str(path))


class Sessions:
    """The session for each file: configuration found per file (or given),
    one session per distinct set of layers, packs loaded once. Configuration
    files are read once per ``Sessions``: make a new one to see edits."""

    def __init__(self, *, config: str | None = None, isolated: bool = False,
                 registry: Registry | None = None, **cli):
        blocked = tuple(cli.pop("blocked", ()))
        self.registry = registry or Registry(_manager(blocked))
        self._spec = {"config": config, "isolated": isolated, "blocked": blocked, **cli}
        self.cli = cli
        self.isolated = isolated
        self._found: dict[Path, Path | None] = {}
        self._folders: dict[str, Path] = {}
        self._configs: dict[Path, Config] = {}
        self.fixed = self._load(Path(config).resolve()) if config and not isolated else None
        self._sessions: dict[tuple, Session] = {}

    def spec(self) -> dict:
        """The options these sessions were made with (plain values), for a
        worker process to make the same ones: ``Sessions.from_spec``."""
        return dict(self._spec)

    @classmethod
    def from_spec(cls, spec: dict) -> "Sessions":
        return cls(**spec)

    def _load(self, path: Path) -> Config:
        if path not in self._configs:
            self._configs[path] = load_config(path)
        return self._configs[path]

    def config_for(self, path: str | None) -> Config | None:
        """The configuration of a file (None: the current directory's)."""
        if self.isolated:
            return None
        if self.fixed:
            return self.fixed
        start = self._folder_of(path) if path and path != "-" else Path.cwd()
        if start not in self._found:
            self._found[start] = find_config(start)
        found = self._found[start]
        return self._load(found) if found else None

    def _folder_of(self, path: str) -> Path:
        """``Path(path).resolve().parent``, resolving each folder once (a
        directory of thousands of articles would otherwise cost a ``stat``
        per part of the path per file)."""
        folder, name = os.path.split(path)
        if name in ("", ".", "..") or os.path.islink(path):
            return Path(path).resolve().parent
        found = self._folders.get(folder)
        if found is None:
            found = self._folders[folder] = Path(folder or ".").resolve()
        return found

    def for_path(self, path: str | None = None) -> Session:
        config = self.config_for(path)
        layers = config.layers_for(path if path and path != "-" else None) if config else []
        key = tuple(id(layer) for layer in layers)
        if key not in self._sessions:
            self._sessions[key] = Session(layers=layers, registry=self.registry, **self.cli)
        return self._sessions[key]

    def excluded(self, path: str) -> bool:
        config = self.config_for(path)
        return bool(config and config.excludes(path))


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
