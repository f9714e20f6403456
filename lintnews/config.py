"""Project configuration: ``.lintnews.yaml`` or ``[tool.lintnews]`` in
``pyproject.toml``.

The configuration of a file is the nearest one found walking up from its
directory (in each directory ``.lintnews.yaml`` is looked for first, then a
``pyproject.toml`` that has a ``[tool.lintnews]`` table), or the one named by
``--config``; ``--isolated`` uses none. Settings come in *layers*, applied in
order: the configuration file, its ``per-file`` entries whose glob matches
the file (in the order written), the command line (see ``api.resolve``).

Anything wrong is a ``ConfigError`` reading ``FILE:LINE: message``.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .packs import SEVERITIES, PackError, read_yaml

CONFIG_NAMES = (".lintnews.yaml", ".lintnews.yml")
LAYER_KEYS = ("select", "extend-select", "ignore", "severity", "options", "accept", "min-severity")
TOP_KEYS = LAYER_KEYS + ("packs", "exclude", "per-file")


@dataclass
class Layer:
    """One level of settings. ``select`` None means "not set" (keep the
    selection so far); an empty tuple selects nothing."""
    origin: str = "command line"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)
    accept: tuple[str, ...] = ()
    min_severity: str | None = None
    packs: tuple[Path, ...] = ()
    lines: dict[str, int] = field(default_factory=dict)  # key → line, for messages

    def where(self, key: str) -> str:
        """``FILE:LINE`` of a key (or just ``FILE``) for error messages."""
        line = self.lines.get(key)
        return f"{self.origin}:{line}" if line else self.origin


@dataclass
class Config:
    path: Path
    base: Layer
    per_file: list[tuple[re.Pattern, Layer]]
    exclude: list[re.Pattern]

    @property
    def directory(self) -> Path:
        return self.path.parent

    def layers_for(self, path: str | os.PathLike | None) -> list[Layer]:
        layers = [self.base]
        if path is not None:
            rel = relative(path, self.directory)
            layers += [layer for pattern, layer in self.per_file if glob_matches(pattern, rel)]
        return layers

    def excludes(self, path) -> bool:
        rel = relative(path, self.directory)
        return any(glob_matches(p, rel) for p in self.exclude)


# -- finding -----------------------------------------------------------------
def find_config(directory: Path) -> Path | None:
    """The nearest configuration file at or above ``directory`` (absolute)."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    return bool(re.search(r"^\s*\[\s*tool\s*\.\s*lintnews\s*[\].]", text, re.MULTILINE))


# -- loading -----------------------------------------------------------------
def load_config(path: Path) -> Config:
    """Read and validate one configuration file."""
    shown = display(path)
    if path.name == "pyproject.toml":
        data, locate = _read_toml(path, shown)
    else:
        try:
            data = read_yaml(path, what="configuration")
        except PackError as exc:
            raise ConfigError(str(exc).replace(str(path), shown, 1)) from None
        data = {} if data is None else data
        locate = _yaml_locator(data)
    if not isinstance(data, dict):
        raise ConfigError(f"{shown}:1: the configuration must be a mapping of settings")
    base = _layer(data, TOP_KEYS, shown, locate, ())
    base.packs = tuple((path.parent / p).resolve() for p in _strings(data, "packs", shown, locate, ()))
    exclude = [glob_regex(g) for g in _strings(data, "exclude", shown, locate, ())]
    per_file = []
    entries = data.get("per-file") or {}
    if not isinstance(entries, dict):
        raise ConfigError(f"{shown}:{locate('per-file')}: 'per-file' must map globs to settings")
    for glob, settings in entries.items():
        if not isinstance(settings, dict):
            raise ConfigError(f"{shown}:{locate('per-file', glob)}: per-file {glob!r} must be a mapping of settings")
        per_file.append((glob_regex(str(glob)), _layer(settings, LAYER_KEYS, shown, locate, ("per-file", glob))))
    return Config(path, base, per_file, exclude)


def _layer(data: dict, allowed: tuple, shown: str, locate, prefix: tuple) -> Layer:
    for key in data:
        if key not in allowed:
            import difflib  # here: only a mistake needs it
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(allowed)})"
            inside = f" in per-file {prefix[1]!r}" if prefix else ""
            raise ConfigError(f"{shown}:{locate(*prefix, key)}: unknown key {key!r}{inside}{hint}")
    layer = Layer(origin=shown)
    layer.lines = {k: locate(*prefix, k) for k in data}
    if "select" in data:
        layer.select = tuple(_strings(data, "select", shown, locate, prefix))
    layer.extend_select = tuple(_strings(data, "extend-select", shown, locate, prefix))
    layer.ignore = tuple(_strings(data, "ignore", shown, locate, prefix))
    layer.accept = tuple(_strings(data, "accept", shown, locate, prefix))
    layer.severity = _mapping(data, "severity", shown, locate, prefix)
    for token, value in layer.severity.items():
        if value not in SEVERITIES:
            raise ConfigError(f"{shown}:{locate(*prefix, 'severity', token)}: severity of {token!r} must be "
                              f"one of {', '.join(SEVERITIES)}, not {value!r}")
        layer.lines[f"severity.{token}"] = locate(*prefix, "severity", token)
    layer.options = _mapping(data, "options", shown, locate, prefix)
    for rule_id, options in layer.options.items():
        if not isinstance(options, dict):
            raise ConfigError(f"{shown}:{locate(*prefix, 'options', rule_id)}: options of {rule_id!r} "
                              f"must be a mapping of option names to values")
        layer.lines[f"options.{rule_id}"] = locate(*prefix, "options", rule_id)
    if "min-severity" in data and data["min-severity"] not in SEVERITIES:
        raise ConfigError(f"{shown}:{locate(*prefix, 'min-severity')}: 'min-severity' must be one of "
                          f"{', '.join(SEVERITIES)}, not {data['min-severity']!r}")
    layer.min_severity = data.get("min-severity")
    return layer


def _strings(data: dict, key: str, shown: str, locate, prefix: tuple) -> list[str]:
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{shown}:{locate(*prefix, key)}: {key!r} must be a list of strings")
    return list(value)


def _mapping(data: dict, key: str, shown: str, locate, prefix: tuple) -> dict:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{shown}:{locate(*prefix, key)}: {key!r} must be a mapping")
    return dict(value)


def _yaml_locator(data):
    """Line of a key path in YAML read by ``packs.read_yaml``."""
    def locate(*keys) -> int | None:
        node, line = data, getattr(data, "line", None)
        for key in keys:
            lines = getattr(node, "lines", None)
            if not isinstance(lines, dict) or key not in lines:
                return line
            line, node = lines[key], node[key]
        return line
    return locate


def _read_toml(path: Path, shown: str):
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: configuration is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+)", str(exc))
        raise ConfigError(f"{shown}:{m.group(1) if m else 1}: invalid TOML: "
                          f"{str(exc).split(' (at line')[0]}") from None
    lines = text.splitlines()
    table = next((i for i, line in enumerate(lines) if re.match(r"\s*\[\s*tool\s*\.\s*lintnews\s*[\].]", line)), 0)

    def locate(*keys) -> int | None:
        """Best effort (TOML parsers give no positions): the first line after
        ``[tool.lintnews]`` that assigns the last key or opens its table."""
        key = re.escape(str(keys[-1])) if keys else None
        if key is None:
            return table + 1
        pattern = re.compile(rf"""^\s*(?:["']?{key}["']?\s*=|\[[^\]]*["'.]{key}["']?\s*\])""")
        for i in range(table, len(lines)):
            if pattern.match(lines[i]):
                return i + 1
        return table + 1
    return data.get("tool", {}).get("lintnews", {}), locate


# -- paths and globs ---------------------------------------------------------
def display(path) -> str:
    """A path as the user will recognise it: relative to the current
    directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def relative(path, directory: Path) -> str:
    """``path`` relative to ``directory``, with ``/`` separators."""
    rel = os.path.relpath(os.path.abspath(path), directory)
    return rel.replace(os.sep, "/")


def glob_regex(glob: str) -> re.Pattern:
    """Compile a gitignore-like glob: ``*`` and ``?`` stay within a path
    component, ``**`` crosses them; a glob without ``/`` matches any
    component (``drafts``, ``*.draft.md``); one with ``/`` is anchored to the
    configuration's directory. A glob also matches everything below a
    directory it matches."""
    anchored = "/" in glob.strip("/")
    out, i = [], 0
    glob = glob.strip("/")
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    body = "".join(out)
    return re.compile((r"" if anchored else r"(?:.*/)?") + body + r"(?:/.*)?")


def glob_matches(pattern: re.Pattern, rel: str) -> bool:
    return pattern.fullmatch(rel) is not None
